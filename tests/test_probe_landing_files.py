"""What else lands in an office's folder beside its lists: archives, cover letters, OS files.

Each case builds a landing folder by hand, lists and reads it as an ingest does, runs the
submission checks, and asserts exactly which files count (with their rows), which are
rejected under which rule, and which are not submissions at all.
"""

from __future__ import annotations

import io
import zipfile

import pytest
import xlsxwriter

from expectations.submission import check_submissions
from sources.intake import read_office_files
from sources.landing import list_submissions
from sources.registry import load_registry

KUTIM = load_registry()["kab-kutai-timur"]


def xlsx(people: list[tuple[str, str]], title: str = "HASIL UJI KOMPETENSI KAB. KUTAI TIMUR 2025") -> bytes:
    """A small result list: (name, NIK) rows, all Kompeten at jenjang 3."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Hasil")
    sheet.write("A1", title)
    sheet.write_row("A3", ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"])
    for number, (name, nik) in enumerate(people, start=1):
        sheet.write_row(2 + number, 0, [number, name, nik, "Tukang Batu", "3", "Kompeten"])
    book.close()
    return buffer.getvalue()


def packed(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ANGKATAN_I = xlsx([("BUDI SANTOSO", "6408010101800001"), ("SITI AMINAH", "6408014203850002")])
ANGKATAN_III = xlsx([("AGUS SALIM", "6408020505790003"), ("RAHMAT HIDAYAT", "6408030606810004"),
                     ("JOKO SUSILO", "6408040707820005")])
DOCX = packed({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})

CASES = [
    # a zip holding a list that arrived in no other form: opened, its list read under "<zip>/<path>"
    ("zip of a list", {"Hasil Uji Angkatan I.xlsx": ANGKATAN_I,
                       "Data MTU 2025.zip": packed({"Data MTU/Hasil Uji Angkatan III.xlsx": ANGKATAN_III})},
     {"Hasil Uji Angkatan I.xlsx": 2, "Data MTU 2025.zip/Data MTU/Hasil Uji Angkatan III.xlsx": 3}, {}, []),
    # the zip repeats a loose file: the loose file counts, the member is its copy
    ("zip of a loose file", {"Hasil Uji Angkatan I.xlsx": ANGKATAN_I,
                             "kiriman.zip": packed({"Hasil Uji Angkatan I.xlsx": ANGKATAN_I,
                                                    "Hasil Uji Angkatan III.xlsx": ANGKATAN_III})},
     {"Hasil Uji Angkatan I.xlsx": 2, "kiriman.zip/Hasil Uji Angkatan III.xlsx": 3},
     {"kiriman.zip/Hasil Uji Angkatan I.xlsx": "duplicate_submission"}, []),
    # a zip made on a Mac or from an open workbook: resource forks, lock files and a letter passed over
    ("zip with OS entries", {"arsip.zip": packed({"__MACOSX/._Hasil.xlsx": b"\x00\x05\x16\x07",
                                                  "~$Hasil.xlsx": b"\x0bKUTIM", "Hasil.xlsx": ANGKATAN_III,
                                                  "Surat Pengantar.pdf": b"%PDF-1.4"})},
     {"arsip.zip/Hasil.xlsx": 3}, {}, []),
    # nothing to read in it: the archive itself is rejected
    ("zip of letters", {"Hasil.xlsx": ANGKATAN_I, "surat.zip": packed({"Surat Pengantar.pdf": b"%PDF-1.4"})},
     {"Hasil.xlsx": 2}, {"surat.zip": "file_unreadable"}, []),
    # a zip inside the zip is opened, one level down (sources.intake.MAX_ARCHIVE_DEPTH); a third level is not
    ("zip in a zip", {"Hasil.xlsx": ANGKATAN_I, "luar.zip": packed({"dalam.zip": packed({"X.xlsx": ANGKATAN_III})})},
     {"Hasil.xlsx": 2, "luar.zip/dalam.zip/X.xlsx": 3}, {}, []),
    ("zip in a zip in a zip", {"Hasil.xlsx": ANGKATAN_I, "a.zip": packed({"b.zip": packed({"c.zip": packed(
        {"X.xlsx": ANGKATAN_III})})})},
     {"Hasil.xlsx": 2}, {"a.zip/b.zip": "file_unreadable"}, []),
    # a Word letter is a zip too, but no archive of lists
    ("cover letter", {"Hasil.xlsx": ANGKATAN_I, "Surat Pengantar.docx": DOCX, "Undangan.pdf": b"%PDF-1.4\n%%EOF",
                      "foto kegiatan.jpg": b"\xff\xd8\xff\xe0JFIF", "kosong.xlsx": b""},
     {"Hasil.xlsx": 2}, {"Surat Pengantar.docx": "file_unreadable", "Undangan.pdf": "file_unreadable",
                         "foto kegiatan.jpg": "file_unreadable", "kosong.xlsx": "file_unreadable"}, []),
    # what Windows, macOS and Office leave in a folder: not submissions at all
    ("OS files", {"Hasil.xlsx": ANGKATAN_I, "desktop.ini": b"[.ShellClassInfo]\r\n",
                  "Thumbs.db": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), "~$Hasil.xlsx": b"\x0bKUTIM",
                  "~WRL0001.tmp": b"\x00" * 10, ".DS_Store": b"\x00\x00\x00\x01Bud1"},
     {"Hasil.xlsx": 2}, {}, [".DS_Store", "Thumbs.db", "desktop.ini", "~$Hasil.xlsx", "~WRL0001.tmp"]),
]


@pytest.mark.parametrize("case, files, counting, rejected, ignored", CASES, ids=[c[0] for c in CASES])
def test_what_lands_beside_the_lists(tmp_path, case, files, counting, rejected, ignored):
    folder = tmp_path / KUTIM.id
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    paths, skipped = list_submissions(folder)
    assert skipped == ignored
    intake = read_office_files(KUTIM, paths, folder)
    checked = check_submissions(intake.files, intake.rows, KUTIM)
    accepted = checked[checked["status"] == "accepted"]
    assert dict(zip(accepted["source_file"], accepted["rows_read"])) == counting
    refused = checked[checked["status"] == "rejected"]
    assert dict(zip(refused["source_file"], refused["rule"])) == rejected


def test_a_member_over_the_file_limit_is_rejected_for_its_size(tmp_path):
    from sources.registry import parse_office

    office = parse_office({"id": "kab-kutai-timur", "name": "Dinas PUPR Kabupaten Kutai Timur", "level": "regency",
                           "region_code": "64.08", "limits": {"max_file_mib": 0.01}})
    folder = tmp_path / office.id
    folder.mkdir()
    big = ("Nama;NIK;Jenjang;Hasil\r\n" + "BUDI SANTOSO;6408010101800001;3;K\r\n" * 2000).encode()  # 70 KB, packs small
    (folder / "kiriman.zip").write_bytes(packed({"peserta.csv": big, "Hasil.xlsx": ANGKATAN_I}))
    intake = read_office_files(office, list_submissions(folder)[0], folder)
    files = intake.files.set_index("source_file")
    assert files.loc["kiriman.zip/Hasil.xlsx", "status"] == "accepted"
    assert files.loc["kiriman.zip/peserta.csv", "status"] == "rejected"
    assert "over the intake limit of 0.01 MiB" in files.loc["kiriman.zip/peserta.csv", "reason"]


def test_a_zip_bomb_inside_a_zip_is_still_rejected(tmp_path):
    """The inner zip and its members are cut at the file limit as they inflate: a bomb two levels
    down is rejected for its size like one at the top, and the list beside it is read."""
    from benchmarks.hostile import zip_bomb
    from sources.registry import parse_office

    office = parse_office({"id": "kab-kutai-timur", "name": "Dinas PUPR Kabupaten Kutai Timur", "level": "regency",
                           "region_code": "64.08", "limits": {"max_file_mib": 4}})
    folder = tmp_path / office.id
    folder.mkdir()
    spaces = b"Nama;NIK\r\n" + b" " * (64 << 20)  # inflates to 64 MiB from about 64 KiB
    (folder / "Kiriman WA.zip").write_bytes(packed({"Data/arsip.zip": packed({"bom.xlsx": zip_bomb(64),
                                                                              "peserta.csv": spaces}),
                                                    "Data/Hasil.xlsx": ANGKATAN_I}))
    files = read_office_files(office, list_submissions(folder)[0], folder).files.set_index("source_file")
    assert files.loc["Kiriman WA.zip/Data/Hasil.xlsx", "status"] == "accepted"
    assert files.loc["Kiriman WA.zip/Data/arsip.zip/bom.xlsx", "status"] == "rejected"
    assert "a zip bomb?" in files.loc["Kiriman WA.zip/Data/arsip.zip/bom.xlsx", "reason"]
    assert files.loc["Kiriman WA.zip/Data/arsip.zip/peserta.csv", "status"] == "rejected"
    assert "over the intake limit of 4 MiB" in files.loc["Kiriman WA.zip/Data/arsip.zip/peserta.csv", "reason"]


def test_the_member_budget_is_shared_by_every_level(tmp_path, monkeypatch):
    import sources.intake

    monkeypatch.setattr(sources.intake, "MAX_ARCHIVE_MEMBERS", 3)
    folder = tmp_path / KUTIM.id
    folder.mkdir()
    inner = packed({f"X{i}.xlsx": ANGKATAN_III for i in range(5)})
    (folder / "luar.zip").write_bytes(packed({"a.zip": inner, "b.zip": inner}))
    files = read_office_files(KUTIM, list_submissions(folder)[0], folder).files
    # the first inner zip counts as one member read, then two of its lists; nothing of b.zip
    assert sorted(files["source_file"]) == ["luar.zip/a.zip/X0.xlsx", "luar.zip/a.zip/X1.xlsx"]
