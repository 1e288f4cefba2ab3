"""A workbook of one sheet per kecamatan and a REKAP sheet listing everyone again.

The REKAP rows often carry no NIK and shortened names, so nothing ties them to the
participant's own row: each case writes such a workbook and asserts exactly which rows the
reader keeps (sheet -> row count) and how many it skipped as recap repeats.
"""

from __future__ import annotations

import pytest
import xlsxwriter

from sources.readers import read_submission
from sources.registry import load_registry

KUTIM = load_registry()["kab-kutai-timur"]

PEOPLE = {
    "BENGALON": [("AGUS SAPUTRA", "6408010101800001", "Kompeten"), ("BUDI HIDAYAT", "6408010202810002", "Kompeten"),
                 ("SITI AMINAH", "6408014303820003", "Belum Kompeten")],
    "TELEN": [("JOKO SUSILO", "6408020404830004", "Kompeten"), ("AGUS SUSANTO", "6408020505840005", "Kompeten"),
              ("H. RAHMAT HIDAYAT, S.T.", "6408020606850006", "Kompeten")],
}
HEADER = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]


def recap_of(shorten: bool = False, nik: bool = False, **changes) -> list[list]:
    """The REKAP rows: every participant again (without NIK unless ``nik``), optionally
    with names cut to initials and some cells changed ({name: (column, value)})."""
    out = []
    for people in PEOPLE.values():
        for name, number, hasil in people:
            row = {"Nama": name, "NIK": number if nik else "", "Jabatan Kerja": "Tukang Batu", "Jenjang": "2",
                   "Hasil": hasil}
            if shorten:
                words = name.replace("H. ", "").replace(", S.T.", "").split()
                row["Nama"] = f"{words[0].title()} {words[1][0]}." if len(words) == 2 else " ".join(words).title()
            for column, value in changes.get(name, []):
                row[column] = value
            out.append(row)
    return [[i, r["Nama"], r["NIK"], r["Jabatan Kerja"], r["Jenjang"], r["Hasil"]] for i, r in enumerate(out, 1)]


def workbook(path, recap_rows, recap_first=False, recap_name="REKAP"):
    book = xlsxwriter.Workbook(path)
    sheets = list(PEOPLE.items())

    def write_recap():
        sheet = book.add_worksheet(recap_name)
        sheet.write("A1", "REKAP PESERTA MTU 2025")
        sheet.write_row("A3", HEADER)
        for i, row in enumerate(recap_rows):
            sheet.write_row(3 + i, 0, row)

    if recap_first:
        write_recap()
    for kecamatan, people in sheets:
        sheet = book.add_worksheet(kecamatan)
        sheet.write("A1", f"PESERTA MTU KECAMATAN {kecamatan}")
        sheet.write_row("A3", HEADER)
        for i, (name, number, hasil) in enumerate(people):
            sheet.write_row(3 + i, 0, [i + 1, name, number, "Tukang Batu", "2", hasil])
    if not recap_first:
        write_recap()
    book.close()


EXTRA = [[7, "WAHYU PRATAMA", "", "Tukang Batu", "2", "Kompeten"]]

CASES = [
    # the recap repeats everyone without NIK: its rows are skipped
    ("full names", recap_of(), False, {"BENGALON": 3, "TELEN": 3, "REKAP": 0}, 6),
    ("names cut to initials", recap_of(shorten=True), False, {"BENGALON": 3, "TELEN": 3, "REKAP": 0}, 6),
    ("recap first", recap_of(shorten=True), True, {"REKAP": 0, "BENGALON": 3, "TELEN": 3}, 6),
    # a participant only the recap lists is kept
    ("one more in the recap", recap_of() + EXTRA, False, {"BENGALON": 3, "TELEN": 3, "REKAP": 1}, 6),
    # the recap with NIKs: linkage ties the rows by NIK; nothing skipped
    ("recap with NIKs", recap_of(nik=True), False, {"BENGALON": 3, "TELEN": 3, "REKAP": 6}, 0),
    # a recap row saying something the sheet does not (another result, a certificate) is kept
    ("recap with a new result", recap_of(**{"SITI AMINAH": [("Hasil", "Kompeten")]}), False,
     {"BENGALON": 3, "TELEN": 3, "REKAP": 1}, 5),
    # too few repeats: not a recap, every row kept (two lists of other people)
    ("no recap", [[1, "WAHYU PRATAMA", "", "Tukang Batu", "2", "Kompeten"],
                  [2, "AGUS SAPUTRA", "", "Tukang Batu", "2", "Kompeten"],
                  [3, "YUSUF HALIM", "", "Tukang Batu", "2", "Kompeten"]], False,
     {"BENGALON": 3, "TELEN": 3, "REKAP": 3}, 0),
    # the same people at another jenjang: another assessment, kept
    ("another jenjang", [[i, name, "", "Tukang Batu", "3", "Kompeten"] for i, (name, _, _) in
                         enumerate(PEOPLE["BENGALON"] + PEOPLE["TELEN"], 1)], False,
     {"BENGALON": 3, "TELEN": 3, "REKAP": 6}, 0),
]


@pytest.mark.parametrize("case, recap_rows, recap_first, kept, skipped", CASES, ids=[c[0] for c in CASES])
def test_recap_sheet_repeats(tmp_path, case, recap_rows, recap_first, kept, skipped):
    path = tmp_path / "MTU Tahap II.xlsx"
    workbook(path, recap_rows, recap_first)
    submission = read_submission(path, KUTIM)
    assert submission.error is None
    assert submission.rows.groupby("source_sheet", sort=False).size().reindex(list(kept), fill_value=0).to_dict() == kept
    assert sum(sheet.skipped.get("recap repeat", 0) for sheet in submission.sheets) == skipped


def test_training_sheet_repeated_by_the_result_sheet_keeps_the_results(tmp_path):
    # "Pelatihan" lists the people without results, "Uji" the same people with them: the
    # training rows say nothing the result rows do not, never the other way round
    path = tmp_path / "Pelatihan dan Uji.xlsx"
    book = xlsxwriter.Workbook(path)
    for sheet_name, with_result in (("Uji", True), ("Pelatihan", False)):
        sheet = book.add_worksheet(sheet_name)
        sheet.write_row("A1", ["No", "Nama", "Jabatan Kerja", "Jenjang", "Hasil"])
        for i, (name, _, hasil) in enumerate(PEOPLE["BENGALON"] + PEOPLE["TELEN"], 1):
            sheet.write_row(i, 0, [i, name, "Tukang Batu", "2", hasil if with_result else ""])
    book.close()
    rows = read_submission(path, KUTIM).rows
    assert rows.groupby("source_sheet").size().to_dict() == {"Uji": 6}
    assert rows["hasil"].tolist() == [hasil for _, _, hasil in PEOPLE["BENGALON"] + PEOPLE["TELEN"]]
