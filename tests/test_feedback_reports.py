"""Feedback reports an office clerk can act on, on a small Kutai Timur landing folder.

- ``MTU_2025.csv``: 8 rows; 5 Kompeten without a certificate number (a habit: more
  than half the file), a NIK Excel turned into scientific notation, a woman whose
  NIK says man, a row without name or NIK (quarantined).
- ``DAFTAR_HADIR.csv``: an attendance list (name, NIK, jabatan kerja only):
  accepted as participants, an informational line, no row errors.
- ``REKAP_LENGKAP.csv``: clean certified rows: nothing to report, no report.
- ``rekap_rusak.xlsx``: a truncated workbook: rejected, in Indonesian.
"""

from __future__ import annotations

import re

import dagster as dg
import openpyxl
import pytest

from pipelines.definitions import build_definitions
from pipelines.settings import Settings

OFFICE = "kab-kutai-timur"
HEADER = "Nama;NIK;Tanggal Lahir;Jenis Kelamin;Jabatan Kerja;Jenjang;Kualifikasi;Hasil;Nomor Sertifikat;Tanggal Terbit;Masa Berlaku;Tahun\n"
# English words of the code's own messages (reader reasons, rule glosses, rule codes):
# none may reach a cell the clerk reads.
ENGLISH = ("file", "files", "row", "rows", "rejected", "accepted", "flagged", "quarantined", "header", "corrupt",
           "truncated", "missing", "duplicate", "sheet", "sheets", "column", "columns", "reason", "invalid", "unreadable",
           "office", "found", "not", "the", "with", "certificate", "level", "damaged", "empty", "rule", "identical",
           "byte", "appears", "from", "title")


def certified(i: int, *, nomor: bool = True, nik: str | None = None, sex: str = "L") -> str:
    nik = nik or f"64080112038{5 if sex == 'L' else 5}{i:04d}"
    number = f"SKK-6408-2025-{i:06d}" if nomor else ""
    return (f"Ahmad Yani {i};{nik};12-03-1985;{sex};Tukang Besi Beton;3;Operator;Kompeten;{number};"
            f"10-04-2025;10-04-2030;2025\n")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    root = tmp_path_factory.mktemp("feedback")
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(root / "data")})
    folder = settings.landing_root / OFFICE
    folder.mkdir(parents=True)
    mtu = [HEADER]
    mtu += [certified(i, nomor=False) for i in range(1, 6)]  # rows 2-6: Kompeten, no certificate number
    mtu.append(certified(6, nik="6.40801E+15"))  # row 7: NIK as Excel's scientific notation
    mtu.append(certified(7, sex="P"))  # row 8: NIK day 12 (a man), sex column P
    mtu.append(";;12-03-1985;L;Tukang Besi Beton;3;Operator;Kompeten;SKK-6408-2025-000008;10-04-2025;10-04-2030;2025\n")
    (folder / "MTU_2025.csv").write_text("".join(mtu))
    (folder / "DAFTAR_HADIR.csv").write_text(
        "Nama;NIK;Jabatan Kerja\n" + "".join(f"Budi Hartono {i};640801120385{i + 20:04d};Mandor\n" for i in range(1, 4))
    )
    (folder / "REKAP_LENGKAP.csv").write_text(HEADER + "".join(certified(i) for i in range(30, 33)))
    (folder / "rekap_rusak.xlsx").write_bytes(b"PK\x03\x04 truncated in transit")
    defs = build_definitions(settings, person_key_secret="test")
    result = defs.resolve_job_def("ingest_office").execute_in_process(
        partition_key=OFFICE, instance=dg.DagsterInstance.ephemeral()
    )
    assert result.success
    written = {p.name.rsplit("_", 1)[0]: p for p in (settings.data_dir / "feedback" / OFFICE).glob("*.xlsx")}
    metadata = {
        e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()
    }["office_feedback_reports"]
    return written, metadata


def cells(path) -> dict[str, list[list]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}


def test_reports_only_for_files_with_something_to_report(reports):
    written, metadata = reports
    assert sorted(written) == ["umpan_balik_DAFTAR_HADIR", "umpan_balik_MTU_2025", "umpan_balik_rekap_rusak"]
    assert metadata["reports_written"].value == 3
    assert metadata["files_without_findings"].value == 1  # REKAP_LENGKAP.csv


def test_summary_first_with_one_line_per_rule_and_habits_once(reports):
    written, _ = reports
    sheets = cells(written["umpan_balik_MTU_2025"])
    assert list(sheets) == ["Ringkasan", "Baris bermasalah"]
    summary = sheets["Ringkasan"]
    info = {row[0]: row[1] for row in summary if row[0] and row[1] is not None and not isinstance(row[0], (int, float))}
    assert info["Berkas"] == "MTU_2025.csv"
    assert info["Status berkas"] == "diterima"
    assert (info["Baris dibaca dari berkas"], info["Baris dipakai"], info["Baris tidak dipakai (karantina)"]) == (8, 7, 1)
    start = [row[0] for row in summary].index("Jumlah baris")
    lines = [tuple(row[:4]) for row in summary[start + 1:]]
    assert lines == [
        (1, "1 baris: Nama dan NIK kosong. Isi nama lengkap dan NIK peserta", "tidak dipakai (karantina)",
         "per baris (lihat lembar Baris bermasalah)"),
        (5, "Kebiasaan pada berkas ini (5 dari 7 baris): Hasil Kompeten tetapi nomor sertifikat kosong. "
            "Lengkapi nomor registrasi SKK setelah terbit. Baris-barisnya tidak dirinci satu per satu",
         "ditandai (tetap dihitung)", "seluruh berkas"),
        (1, "1 baris: NIK rusak oleh Excel (ditulis sebagai angka: digit terakhir hilang atau notasi ilmiah). "
            "Format kolom NIK sebagai Teks lalu ketik ulang NIK", "ditandai (tetap dihitung)",
         "per baris (lihat lembar Baris bermasalah)"),
        (1, "1 baris: Jenis kelamin pada NIK (tanggal +40 untuk perempuan) tidak sama dengan kolom jenis kelamin. "
            "Periksa NIK dan jenis kelamin pada KTP", "ditandai (tetap dihitung)",
         "per baris (lihat lembar Baris bermasalah)"),
    ]


def test_rows_sheet_shows_the_offending_cell_with_frozen_header_and_widths(reports):
    written, _ = reports
    rows = cells(written["umpan_balik_MTU_2025"])["Baris bermasalah"]
    assert rows[0][:7] == ["Lembar", "Baris", "Masalah", "Kolom", "Nilai di berkas", "Perbaikan", "Akibat"]
    # the habit's five rows are not listed; the NIK rules show the NIK cell as the office typed it
    assert [(r[1], r[3], r[4]) for r in rows[1:]] == [
        (7, "NIK", "6.40801E+15"),
        (8, "Jenis kelamin", "NIK: 6408011203850007; Jenis kelamin: P"),
        (9, "Nama, NIK", "Nama: (kosong); NIK: (kosong)"),
    ]
    workbook = openpyxl.load_workbook(written["umpan_balik_MTU_2025"])
    sheet = workbook["Baris bermasalah"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width >= 40
    assert sheet.column_dimensions["E"].width >= 20


def test_attendance_list_is_information_not_an_error(reports):
    written, _ = reports
    sheets = cells(written["umpan_balik_DAFTAR_HADIR"])
    summary = sheets["Ringkasan"]
    start = [row[0] for row in summary].index("Jumlah baris")
    lines = [tuple(row[:4]) for row in summary[start + 1:]]
    assert len(lines) == 1
    count, text, akibat, cakupan = lines[0]
    assert (count, akibat, cakupan) == (3, "informasi (tidak perlu diperbaiki)", "informasi")
    assert text.startswith("3 baris: Baris daftar hadir / daftar peserta")
    assert sheets["Baris bermasalah"][1:] == []


def test_rejected_file_reason_in_indonesian(reports):
    written, _ = reports
    summary = cells(written["umpan_balik_rekap_rusak"])["Ringkasan"]
    info = {row[0]: row[1] for row in summary if row[0] and row[1] is not None}
    assert info["Status berkas"] == "DITOLAK: tidak ada baris yang dihitung"
    assert info["Masalah berkas"] == "Berkas Excel rusak atau terpotong (kemungkinan pengiriman atau unduhan terputus)"
    assert info["Perbaikan yang diharapkan"].startswith("Buka berkas di komputer Anda")
    assert summary[-1][1] == "Baris berkas ini tidak diperiksa satu per satu karena seluruh berkas ditolak"


def test_no_english_word_in_any_cell(reports):
    written, _ = reports
    pattern = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
    found = []
    for path in written.values():
        for sheet, rows in cells(path).items():
            for row in rows:
                for value in row:
                    # every cell, the office's own file names included (they hold no English word here)
                    if isinstance(value, str) and pattern.search(value):
                        found.append((path.name, sheet, value))
    assert found == []


@pytest.mark.parametrize(
    "reason, expected",
    [
        ("office x, file a.xlsx: corrupt or truncated xlsx file (bad zip: File is not a zip file)",
         "Berkas Excel rusak atau terpotong (kemungkinan pengiriman atau unduhan terputus)"),
        ("office x, file a.csv: empty file (0 bytes)", "Berkas kosong: ukurannya 0, tidak ada isinya"),
        ("office x, file a.xlsx, sheet 'Undangan': no header row with a name or NIK column in the first 30 rows; "
         "looked for nama, nik", "Tidak ada baris judul kolom dengan kolom Nama atau NIK pada 30 baris pertama"),
        ("office x, file a.csv: cannot parse as CSV near line 12: x", "Berkas CSV tidak dapat diurai di sekitar baris 12 "
         "(tanda kutip atau pemisah kolom tidak berpasangan)"),
        ("office x, file a.pdf: unknown format: pdf, not an xlsx, xls, csv or json file",
         "Jenis berkas tidak dikenali (bukan Excel .xlsx/.xls, CSV, atau JSON)"),
        ("office x, file a.xlsx: something new", "Berkas tidak dapat dibaca (kosong, rusak, atau tanpa baris judul kolom yang dikenali)"),
    ],
)
def test_reader_reasons_map_to_indonesian(reason, expected):
    from expectations.feedback import file_verdict

    assert file_verdict("file_unreadable", reason)[0] == expected


def test_suite_rules_use_the_catalogue_message():
    from expectations.catalogue import rule
    from expectations.feedback import file_verdict

    assert file_verdict(
        "duplicate_submission", "office x, file b (1).xlsx: berkas .. / byte- or row-identical re-submission of an earlier file: b.xlsx (row-identical)"
    ) == (rule("duplicate_submission").pesan + " (sama dengan berkas b.xlsx)", rule("duplicate_submission").perbaikan)
    assert file_verdict("no_data_rows", "office x, file b: ...") == (rule("no_data_rows").pesan, rule("no_data_rows").perbaikan)
    assert file_verdict(None, None) is None


@pytest.mark.parametrize("hits, used, habit", [(256, 614, False), (307, 614, False), (308, 614, True), (273, 289, True)])
def test_a_habit_rule_is_one_line_when_it_hits_more_than_half_of_the_file(hits, used, habit):
    """level_outside_authority on 256 of 614 rows (issue 12) stays row by row; over half is the file's habit."""
    from types import SimpleNamespace

    import pandas as pd

    from expectations.feedback import file_findings

    problems = pd.DataFrame({"rule": ["level_outside_authority"] * hits, "source_row": range(hits)})
    findings = file_findings(SimpleNamespace(rows_accepted=used), problems, participation_rows=0)
    assert findings.lines["jumlah"].tolist() == [hits]
    assert findings.lines["temuan"].iloc[0].startswith(
        f"Kebiasaan pada berkas ini ({hits} dari {used} baris): Jenjang di luar kewenangan dinas" if habit
        else f"{hits} baris: Jenjang di luar kewenangan dinas"
    )
    assert len(findings.rows) == (0 if habit else hits)


def test_a_file_with_thousands_of_findings_lists_the_first_ones_and_counts_all(tmp_path, monkeypatch):
    """A clerk fixes a pattern, not 99,000 rows one by one: the detail sheet stops at the cap
    (5,000; 2 here), the summary says so and still counts every finding."""
    import expectations.feedback as feedback

    monkeypatch.setattr(feedback, "MAX_LISTED_FINDINGS", 2)
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path / "data")})
    folder = settings.landing_root / OFFICE
    folder.mkdir(parents=True)
    (folder / "EXCEL_NIK.csv").write_text(HEADER + "".join(certified(i, nik="6.40801E+15") for i in range(1, 6)))
    defs = build_definitions(settings, person_key_secret="test")
    result = defs.resolve_job_def("ingest_office").execute_in_process(
        partition_key=OFFICE, instance=dg.DagsterInstance.ephemeral())
    assert result.success
    [report] = (settings.data_dir / "feedback" / OFFICE).glob("*.xlsx")
    sheets = cells(report)
    assert [r[1] for r in sheets["Baris bermasalah"][1:]] == [2, 3]
    summary = {r[0]: r[1] for r in sheets["Ringkasan"] if r and r[0]}
    assert summary["Catatan rincian"] == ("hanya 2 temuan pertama dari 5 yang dirinci; jumlah tiap temuan ada di "
                                         "tabel di bawah. Perbaiki polanya lalu kirim ulang berkas")
    assert [r[0] for r in sheets["Ringkasan"] if r and isinstance(r[0], int)] == [5]
