"""A file in the wrong office's folder: its title rows and its NIKs say whose it is.

Each case gives an office, the title rows of the file and where its NIKs were issued
(regency code -> how many), and the exact verdict: accepted, or rejected as
``file_from_other_office`` naming the region it appears to come from.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from expectations.origin import named_regions, nik_region_codes, other_office_verdict, region_label
from expectations.submission import check_submissions, quarantine_rejected_files
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry, parse_office

OFFICES = {**load_registry(),
           "kab-maros": parse_office({"id": "kab-maros", "name": "Dinas PUPR Kabupaten Maros", "level": "regency",
                                      "region_code": "73.09"}),
           # regencies / a city whose code changed in the 2022 Papua split (reference.FORMER_CODES)
           "kab-mimika": parse_office({"id": "kab-mimika", "name": "Dinas PUPR Kabupaten Mimika", "level": "regency",
                                       "region_code": "94.04"}),
           "kota-sorong": parse_office({"id": "kota-sorong", "name": "Dinas PUPR Kota Sorong", "level": "city",
                                        "region_code": "96.71"}),
           "prov-papua-selatan": parse_office({"id": "prov-papua-selatan", "name": "Dinas PUPR Provinsi Papua Selatan",
                                               "level": "province", "region_code": "93"})}


def niks(spread: dict[str, int]) -> list[str]:
    """Valid-shaped NIKs: ``{"64.08": 3}`` -> three NIKs issued in Kutai Timur."""
    out = []
    for code, count in spread.items():
        prefix = code.replace(".", "") if code else ""
        for n in range(count):
            out.append(f"{prefix}01{(n % 28) + 1:02d}0385{n + 1:04d}" if prefix else None)
    return out


def one_file(office_id: str, titles: list[str], spread: dict[str, int], name: str = "DAFTAR PESERTA 2024.xlsx"):
    """(files report, raw rows) for one file with these title rows and NIKs."""
    sha = "f" * 64
    sheets = json.dumps([{"sheet": "Peserta", "header_row": len(titles) + 2, "columns": {}, "rows": 0, "skipped": {},
                          "note": "", "title": " | ".join(titles), "tahun_from": ""}])
    rows = []
    for number, nik in enumerate(niks(spread), start=len(titles) + 3):
        row = dict.fromkeys(RAW_COLUMNS)
        row.update(nama=f"Peserta {number}", nik=nik, jenjang="3")
        rows.append({"office_id": office_id, "source_file": name, "source_sha256": sha, "source_sheet": "Peserta",
                     "source_row": number, **row})
    files = pd.DataFrame([{"office_id": office_id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                           "status": "accepted", "reason": None, "rows_read": len(rows), "sheets": sheets}])
    return files, pd.DataFrame(rows)


CASES = [
    # a Samarinda list in Kutai Timur's folder: title and NIKs agree
    ("kab-kutai-timur", ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI", "DINAS PUPR KOTA SAMARINDA TAHUN 2024"],
     {"64.72": 18, "64.08": 2}, "64.72"),
    # the same with "Kab." spelling, lower case and punctuation
    ("kota-samarinda", ["daftar peserta mtu -- kab.kutai timur, 2024"], {"64.08": 17, "64.02": 3}, "64.08"),
    # NIKs alone: 90 % from one other regency, no region named (another office's file is 85-95 % its own)
    ("kab-kutai-timur", ["DAFTAR PESERTA UJI KOMPETENSI"], {"64.72": 18, "64.08": 2}, "64.72"),
    ("kab-kutai-timur", [], {"64.72": 6, "64.08": 1}, "64.72"),  # a CSV export: no title row at all
    ("kab-maros", [], {"73.71": 6}, "73.71"),
    # the short names clerks write: "KAB. KUTIM", "KUKAR", "PPU"
    ("kota-samarinda", ["DAFTAR PESERTA SERTIFIKASI", "DINAS PUPR KAB. KUTIM"], {"64.08": 5, "64.72": 1}, "64.08"),
    ("kota-samarinda", ["PESERTA MTU DISNAKER KUKAR 2025"], {"": 6}, "64.02"),
    ("kab-kutai-timur", ["PELATIHAN OPERATOR KAB. PPU"], {"64.09": 4, "64.08": 1}, "64.09"),
    # the title names another regency's office as the issuer: its file, whatever KTPs its workers hold
    ("kota-samarinda", ["DAFTAR PESERTA SERTIFIKASI", "DINAS PUPR KAB. KUTIM"], {"64.72": 5, "64.08": 1}, "64.08"),
    ("kab-maros", ["PEMERINTAH KABUPATEN GOWA", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
     {"73.09": 8, "73.06": 2}, "73.06"),
    ("kab-kutai-timur", ["PEMKOT SAMARINDA - HASIL UJI KOMPETENSI"], {"64.08": 12, "64.72": 3}, "64.72"),
    # no title, the file name names another office's region
    ("kab-maros", [], {"73.71": 6}, "73.71", "Peserta Kota Makassar Tahap II.xlsx"),
    ("kab-kutai-timur", ["DAFTAR PESERTA"], {"": 5}, "64.72", "kiriman/DATA_PESERTA_KOTA_SAMARINDA.xlsx"),
    # the title names another province's regency; too few NIKs to say otherwise
    ("kab-kutai-timur", ["BIMTEK OPERATOR ALAT BERAT KABUPATEN MUARO JAMBI"], {"15.05": 2, "": 3}, "15.05"),
    # a province office gets another province's file
    ("prov-kaltim", ["PELATIHAN AHLI", "PROVINSI KALIMANTAN SELATAN TA. 2025"], {"63.71": 10, "63.04": 10}, "63"),
    # a bare one-word name counts where the NIKs agree
    ("kab-muara-enim", ["REKAP PESERTA UJI KOMPETENSI LAHAT 2024"], {"16.04": 9, "16.03": 1}, "16.04"),
    # --- no false positives ---
    # a bare one-word name the NIKs do not back: "Batu" is a trade here, the NIKs are few
    ("kab-kutai-timur", ["DAFTAR HADIR PELATIHAN TUKANG BATU"], {"35.79": 1, "": 4}, None),
    # the office's own bare name protects its file from the NIKs-alone rule (a regency split off recently)
    ("kab-kutai-timur", ["PESERTA MTU SANGATTA, KUTAI TIMUR"], {"64.02": 18, "64.08": 2}, None),
    # the office's own file with the usual minority of out-of-region NIKs (12 %)
    ("kab-kutai-timur", ["DAFTAR PESERTA MTU KABUPATEN KUTAI TIMUR TAHUN 2024"],
     {"64.08": 22, "64.72": 1, "64.02": 1, "73.71": 1}, None),
    # the same without any title
    ("kab-kutai-timur", [], {"64.08": 22, "64.72": 2, "64.02": 1}, None),
    # the title names only the office's province
    ("kab-kutai-timur", ["DINAS PEKERJAAN UMUM PROVINSI KALIMANTAN TIMUR"], {"64.08": 20, "64.02": 3}, None),
    # the title names the own region and another one ("peserta dari Kota Samarinda")
    ("kab-kutai-timur", ["DINAS PUPR KAB. KUTAI TIMUR", "PESERTA ASAL KOTA SAMARINDA"], {"64.72": 15, "64.08": 5}, None),
    # a title naming another region, but the NIKs are the office's own: a reused template
    ("kab-kutai-timur", ["DAFTAR PESERTA KOTA SAMARINDA"], {"64.08": 18, "64.72": 2}, None),
    # a province office has NIKs from all its regencies, and names one of them
    ("prov-kaltim", ["REKAP PESERTA KABUPATEN KUTAI TIMUR"], {"64.08": 10, "64.72": 6, "64.02": 4}, None),
    ("prov-kaltim", [], {"64.08": 20}, None),
    # "Tukang Batu" is a trade, not Kota Batu
    ("kab-kutai-timur", ["PELATIHAN TUKANG BATU DAN TUKANG KAYU"], {"": 4, "64.08": 1}, None),
    # NIKs spread over several other regencies, none dominant, own share 35 %: not enough for NIKs alone
    ("kab-kutai-timur", [], {"64.08": 7, "64.72": 5, "64.02": 4, "64.71": 4}, None),
    # a regency split off recently keeps many of its parent's NIKs; its own name in the title settles it
    ("kab-kutai-timur", ["KABUPATEN KUTAI TIMUR"], {"64.02": 18, "64.08": 2}, None),
    # NIK share alone: a regency beside a city certifies mostly the city's KTP holders
    ("kab-maros", ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "TAHUN ANGGARAN 2025"],
     {"73.71": 8, "73.09": 3, "73.06": 2}, None),
    ("kab-maros", [], {"73.71": 13, "73.09": 3, "73.06": 2, "73.10": 2}, None),
    ("kab-maros", [], {"73.71": 7, "73.09": 2, "73.06": 1}, None),
    ("kab-maros", ["HASIL SERTIFIKASI OPERATOR", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KAB. MAROS"],
     {"73.71": 14, "73.09": 6}, None),
    # Kutai Timur's mobile unit: workers without a Kutim KTP, from Samarinda and Balikpapan
    ("kab-kutai-timur", ["PESERTA MTU KECAMATAN BENGALON"], {"64.08": 3, "64.72": 5, "64.71": 4, "73.71": 2}, None),
    ("kab-kutai-timur", ["PESERTA MOBILE TRAINING UNIT", "KEC. SANGATTA UTARA"], {"64.08": 2, "64.72": 8}, None),
    # ... or Bugis migrants with Sulawesi Selatan KTPs (another province: 67 %)
    ("kab-kutai-timur", ["PESERTA MTU KEC. KALIORANG 2025"], {"64.08": 4, "73.71": 3, "73.08": 3, "73.13": 2}, None),
    # the office's short name in its file name protects it like a title
    ("kab-kutai-timur", [], {"64.72": 20}, None, "Peserta MTU Kutim 2025.xlsx"),
    # a trade in the file name is no region ("Tukang Batu" is not Kota Batu)
    ("kab-kutai-timur", [], {"64.08": 6}, None, "Tukang Batu Angkatan II.xlsx"),
]


@pytest.mark.parametrize("office_id, titles, spread, other, name",
                         [case if len(case) == 5 else (*case, "DAFTAR PESERTA 2024.xlsx") for case in CASES])
def test_file_from_other_office(office_id, titles, spread, other, name):
    office = OFFICES[office_id]
    files, raw = one_file(office_id, titles, spread, name)
    checked = check_submissions(files, raw, office)
    entry = checked.iloc[0]
    if other is None:
        assert (entry["status"], entry["rule"]) == ("accepted", None)
        return
    assert (entry["status"], entry["rule"]) == ("rejected", "file_from_other_office")
    assert f"({other})" in entry["reason"]
    assert entry["reason"].startswith(f"office {office_id}, file {name}: ")
    usable, quarantined = quarantine_rejected_files(raw, checked)
    assert usable.empty and len(quarantined) == len(raw) and set(quarantined["rule"]) == {"file_from_other_office"}


def test_reason_states_the_evidence():
    files, raw = one_file("kab-kutai-timur", ["DINAS PUPR KOTA SAMARINDA TAHUN 2024"], {"64.72": 18, "64.08": 2})
    reason = check_submissions(files, raw, OFFICES["kab-kutai-timur"]).loc[0, "reason"]
    assert reason.endswith(
        "appears to come from Kota Samarinda (64.72) (title rows name Kota Samarinda (64.72), not Kabupaten Kutai "
        "Timur (64.08); 20 valid NIKs, 10% from Kabupaten Kutai Timur (64.08), 90% from Kota Samarinda (64.72))"
    )


def test_another_office_file_never_replaces_an_own_file():
    # "X_revisi" from Samarinda must not supersede Kutai Timur's own X
    own_files, own_raw = one_file("kab-kutai-timur", ["KAB. KUTAI TIMUR"], {"64.08": 5}, name="X.xlsx")
    other_files, other_raw = one_file("kab-kutai-timur", ["KOTA SAMARINDA"], {"64.72": 5}, name="X_revisi.xlsx")
    other_files["source_sha256"] = other_raw["source_sha256"] = "e" * 64
    checked = check_submissions(pd.concat([own_files, other_files], ignore_index=True),
                                pd.concat([own_raw, other_raw], ignore_index=True), OFFICES["kab-kutai-timur"])
    assert dict(zip(checked["source_file"], checked["rule"])) == {"X.xlsx": None, "X_revisi.xlsx": "file_from_other_office"}


def _office_files(office_id: str, spreads: dict[str, dict[str, int]]):
    """(files report, raw rows) of several title-less files of one office: name -> NIK spread."""
    parts = [one_file(office_id, [], spread, name) for name, spread in spreads.items()]
    files = pd.concat([f for f, _ in parts], ignore_index=True)
    raw = pd.concat([r for _, r in parts], ignore_index=True)
    for i, name in enumerate(spreads):
        sha = f"{i:x}" * 64
        files.loc[files["source_file"] == name, "source_sha256"] = sha
        raw.loc[raw["source_file"] == name, "source_sha256"] = sha
    return files, raw


@pytest.mark.parametrize(
    "office_id, spreads, rejected",
    [
        # Samarinda's earlier CSV export copied into Kutai Kartanegara's folder: no title, 21 % Kukar
        # NIKs (Samarinda's workers include some), 71 % Samarinda, where Kukar's own files are 90 % Kukar
        ("kab-kutai-kartanegara",
         {"peserta_2024.csv": {"64.72": 10, "64.02": 3, "64.74": 1},
          "Data Peserta 2022.xlsx": {"64.02": 17, "64.72": 1, "64.08": 1},
          "Data Peserta 2023.xlsx": {"64.02": 10, "64.71": 1}},
         {"peserta_2024.csv": "64.72"}),
        # a regency whose every file is 60 % its neighbour city's KTPs keeps them all
        ("kab-maros",
         {"a.csv": {"73.71": 8, "73.09": 3, "73.06": 2}, "b.xlsx": {"73.71": 9, "73.09": 5},
          "c.xlsx": {"73.71": 6, "73.09": 4}},
         {}),
        # one file alone has nothing to be unlike: the NIKs-alone bars decide (not met here)
        ("kab-kutai-kartanegara", {"peserta_2024.csv": {"64.72": 10, "64.02": 3, "64.74": 1}}, {}),
        # Kutai Timur's mobile unit in a kecamatan of Samarinda KTP holders, beside files that
        # already draw a fifth of their workers from Samarinda: its usual mix, kept
        ("kab-kutai-timur",
         {"mtu_bengalon.xlsx": {"64.72": 7, "64.08": 3}, "mtu_sangatta.xlsx": {"64.08": 12, "64.72": 4}},
         {}),
    ],
)
def test_a_file_unlike_the_office_other_files(office_id, spreads, rejected):
    """NIKs that the office's other files hardly ever hold, in a file without a title (was: accepted,
    the demo world's misfiled Samarinda CSV counted 14 persons under Kutai Kartanegara)."""
    files, raw = _office_files(office_id, spreads)
    checked = check_submissions(files, raw, OFFICES[office_id])
    got = {row.source_file: row.reason for row in checked.itertuples() if row.rule == "file_from_other_office"}
    assert set(got) == set(rejected)
    for name, code in rejected.items():
        assert f"appears to come from {region_label(code)}" in got[name] and "the office's other files" in got[name]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("DINAS PUPR KOTA SAMARINDA", {"64.72"}),
        ("Kab. Kutai Timur", {"64.08"}),
        ("KAB KUTAI KARTANEGARA", {"64.02"}),
        ("KABUPATEN/KOTA SE-KALIMANTAN TIMUR", {"64"}),
        ("PROV. JAMBI", {"15"}),
        ("KOTA JAMBI", {"15.71"}),
        ("Kabupaten Bandung", {"32.04"}),
        ("KUTAI TIMUR", {"64.08"}),  # a multi-word name may stand bare
        ("TUKANG BATU", set()),  # a one-word name needs "Kota"/"Kabupaten"
        ("DAFTAR PESERTA", set()),
        # a compound name written as one word or two, whichever the reference keeps
        ("PEMERINTAH KOTA BAUBAU", {"74.72"}),  # reference: "Kota Bau Bau"
        ("Kota Bau-Bau", {"74.72"}),
        ("KOTA PALANGKA RAYA", {"62.71"}),  # reference: "Kota Palangkaraya"
        ("Kota Pangkalpinang", {"19.71"}),  # reference: "Kota Pangkal Pinang"
        ("KOTA BANJAR BARU", {"63.72"}),  # reference: "Kota Banjarbaru"
        ("Kota Pare-Pare", {"73.72"}),
        ("KOTA BATU", {"35.79"}),
        ("KOTA BA", set()),
        # Sulawesi Tenggara's short forms
        ("DINAS PUPR KAB. KONSEL", {"74.05"}),
        ("Peserta MTU Koltim 2025", {"74.11"}),
        ("PEMKAB BUTENG", {"74.14"}),
    ],
)
def test_named_regions(text, codes):
    assert named_regions(text) == codes


def test_verdict_without_niks_or_title():
    verdict = other_office_verdict("", pd.Series([], dtype=object), OFFICES["kab-kutai-timur"])
    assert (verdict.other_region, verdict.evidence) == (None, "no valid NIKs to compare")


@pytest.mark.parametrize(
    "title, rule",
    [
        # a list whose column names no table knows, in Kutai Timur's folder: whose it is matters more
        ("DATA PESERTA SERTIFIKASI TKK KABUPATEN KUTAI KARTANEGARA 2022", "file_from_other_office"),
        # Kutai Timur's own file without a usable header stays a plain unreadable file
        ("DATA PESERTA SERTIFIKASI KAB. KUTAI TIMUR 2022", "file_unreadable"),
        ("UNDANGAN RAPAT KOORDINASI", "file_unreadable"),
    ],
)
def test_unreadable_file_from_another_office(tmp_path, title, rule):
    import xlsxwriter

    from sources.intake import read_office_files

    path = tmp_path / "Data Peserta 2022.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Peserta")
    sheet.write("A1", title)
    sheet.write_row("A3", ["No", "Anggota Regu", "No Kependudukan", "Jabatan"])
    sheet.write_row("A4", [1, "Budi", "6402010101800001", "Mandor"])
    book.close()
    office = OFFICES["kab-kutai-timur"]
    intake = read_office_files(office, [path])
    checked = check_submissions(intake.files, intake.rows, office)
    entry = checked.iloc[0]
    assert (entry["status"], entry["rule"]) == ("rejected", rule)
    assert "no header row with a name or NIK column" in entry["reason"]  # the reader's finding is kept
    if rule == "file_from_other_office":
        assert entry["reason"].endswith(
            "appears to come from Kabupaten Kutai Kartanegara (64.02) (title rows name Kabupaten Kutai Kartanegara "
            "(64.02), not Kabupaten Kutai Timur (64.08); no valid NIKs to compare)"
        )


def test_top_rows_of_a_pivot_sheet_do_not_speak_for_a_readable_file(tmp_path):
    import xlsxwriter

    from sources.intake import read_office_files

    path = tmp_path / "peserta.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Peserta")
    sheet.write_row("A1", ["Nama", "NIK", "Jenjang"])
    sheet.write_row("A2", ["Budi", "6472010101800001", "3"])  # one worker with a Samarinda KTP
    pivot = book.add_worksheet("Rekap asal KTP")
    pivot.write_row("A1", ["KOTA SAMARINDA", 1])
    book.close()
    office = OFFICES["kab-kutai-timur"]
    intake = read_office_files(office, [path])
    checked = check_submissions(intake.files, intake.rows, office)
    assert (checked.loc[0, "status"], checked.loc[0, "rule"]) == ("accepted", None)


@pytest.mark.parametrize(
    "spread, rule",
    [
        # no NIK of the province, all from one other province: another office's data
        ({"63.71": 8, "63.04": 4}, "foreign_office_data"),
        ({"64.72": 1, "63.71": 5, "63.04": 3}, "foreign_office_data"),
        # a third of the province's own and a Sulawesi Selatan majority: migrants keep their home KTP
        ({"64.08": 4, "73.71": 3, "73.08": 3, "73.13": 2}, None),
        ({"64.72": 2, "73.71": 6, "73.08": 2}, None),
        # too few NIKs to say anything
        ({"63.71": 4}, None),
    ],
)
def test_province_share_alone(spread, rule):
    files, raw = one_file("kab-kutai-timur", [], spread)
    entry = check_submissions(files, raw, OFFICES["kab-kutai-timur"]).iloc[0]
    assert entry["rule"] == rule


@pytest.mark.parametrize(
    "office_id, titles, spread, rule",
    [
        # Mimika's own workers, registered before 2022 when Mimika was 91.09 (Papua), and after as 94.04
        ("kab-mimika", [], {"91.09": 10, "94.04": 2}, None),
        ("kab-mimika", ["DINAS PUPR KABUPATEN MIMIKA TAHUN 2023"], {"91.09": 12}, None),
        # Kota Sorong was 92.71 (Papua Barat) before Papua Barat Daya; its 2022 list says so
        ("kota-sorong", ["DAFTAR PESERTA KOTA SORONG PROVINSI PAPUA BARAT TAHUN 2022"], {"92.71": 6}, None),
        ("kota-sorong", [], {"92.71": 5, "92.01": 2, "96.71": 1}, None),
        # the province office: Merauke, Boven Digoel, Asmat under their former Papua codes
        ("prov-papua-selatan", [], {"91.01": 8, "91.16": 2, "91.18": 2}, None),
        # a file of NIKs from a regency that stayed in Papua is still another province's
        ("kab-mimika", [], {"91.71": 8, "91.03": 4}, "foreign_office_data"),
        ("prov-papua-selatan", [], {"91.71": 8, "91.03": 4}, "foreign_office_data"),
    ],
)
def test_former_region_codes_are_the_office_own(office_id, titles, spread, rule):
    """A NIK keeps the code of its first registration: a regency that moved province in the 2022 Papua
    split still sees its old code on its workers' NIKs, and that is no other office's data."""
    files, raw = one_file(office_id, titles, spread)
    entry = check_submissions(files, raw, OFFICES[office_id]).iloc[0]
    assert entry["rule"] == rule


@pytest.mark.parametrize("cell, code", [
    ("1271090808730001", "12.71"),
    ("1271090808730001.0", "12.71"),  # a script's export of a numeric column
    (1271090808730001.0, "12.71"),  # read as a number
    ("1271090808730001,00", "12.71"),  # a decimal-comma export
    ("'1271 0908 0873 0001", "12.71"),
    ("6.40802E+15", None),  # the regency's digits survive, the rest does not: not a valid shape
    ("12710908087300010", None),  # 17 digits
    ("1271090808730001.5", None),  # not a decimal tail
    ("1299090808730001", None),  # no regency 12.99
])
def test_nik_region_codes(cell, code):
    assert nik_region_codes(pd.Series([cell], dtype=object)).tolist() == ([code] if code else [])
