"""A ninth hand-made world: old machines and odd containers, counted certified, active and unknown by hand.

Six offices of three provinces (Gorontalo 75, Bengkulu 17, Kalimantan Tengah 62; regencies the
random world 8 does not use), 59 persons, 21 files, judged on PUBLISH (30 June 2026). What each
office's old PC or old system sends:
- Kabupaten Bone Bolango (75.03): legacy .xls (BIFF8, xlwt) in sub-folders per year ('2023/',
  '2024/'): a cover sheet ("Sampul"), in 2023 a summary sheet ("Rekap", counts per jabatan), the
  data in the second or third sheet under a merged title; real date cells; "Tempat/Tgl Lahir";
  a Mac zip of 2025; Excel's "Formatted Text (Space delimited) (*.prn)" of 2022 (no delimiter,
  no ruler: each cell padded to its column's width);
- the Gorontalo province (75): Excel 2003 XML (SpreadsheetML: Workbook/Worksheet/Table/Row/Cell/
  Data ss:Type, a title merged with ss:MergeAcross; DateTime cells), re-reporting two Bone
  Bolango certificates (one by number, one without), and one saved under an .xls name;
- Kota Gorontalo (75.71): an .xls that is really HTML (Excel's "Web Page" save, a web system's
  "export to Excel"), the NIK cells styled mso-number-format:"\\@"; an .xls that is Unicode Text;
  and a FoxPro/dBase III table (.DBF) with a record deleted but not packed;
- Kabupaten Rejang Lebong (17.02): Excel's "Unicode Text" (UTF-16 LE with BOM, tab-separated) of
  2021 and a "CSV (Macintosh)" of 2024 (CR line endings, Mac Roman), with an Indonesian decimal
  score ("87,5") beside the NIK; 2023's Unicode Text .txt zipped by WhatsApp; an old Mac Excel workbook (1904 date system, 'SERTIFIKAT' merged
  over 'NOMOR' and 'TGL TERBIT');
- the Bengkulu province (17): an .ods (LibreOffice) whose data sit on the second sheet after a
  cover, title merged with table:number-columns-spanned, dates as office:date-value,
  re-reporting two Rejang Lebong certificates; a SpreadsheetML .xml zipped as an e-mail attachment;
- Kabupaten Kapuas (62.03): a zip as WhatsApp delivers it holding a "CSV (MS-DOS)" export
  (cp850, ';', 'Dédi'), Indonesian thousands ("1.250.000") and decimals near the NIK; an .xlsx
  that is really a CSV; and a pipe-delimited, space-padded report from an old system in '2020/'.

Sources for what these exports look like (search tool): Excel's "Unicode Text (*.txt)" is UTF-16
little-endian with BOM, tab-delimited (herongyang.com/Unicode/Excel-Save-File-in-Unicode-Text-
txt.html); CSV (Macintosh) ends lines with CR, CSV (MS-DOS) is the DOS code page
(answers.google.com/answers/threadview?id=379536, sqlsnippets.com/en/topic-13412.html,
wwwpub.utdallas.edu/~cantrell/ee2310/endline.html); SpreadsheetML's Workbook/Worksheet/Table/
Row/Cell/Data with ss:MergeAcross (learn.microsoft.com "Dive into SpreadsheetML",
gist.github.com/ilyazub/2bced708865150b275b3); an .ods is a zip whose content.xml holds
table:table/-row/-cell (github.com/go-odf/odf releases v0.5.0).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import xlwt
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "kab-bone-bolango", "name": "Dinas PUPR Kabupaten Bone Bolango", "level": "regency",
     "region_code": "75.03"},
    {"id": "prov-gorontalo", "name": "Dinas PUPR Provinsi Gorontalo", "level": "province", "region_code": "75"},
    {"id": "kota-gorontalo", "name": "Dinas PUPR Kota Gorontalo", "level": "city", "region_code": "75.71"},
    {"id": "kab-rejang-lebong", "name": "Dinas PUPR Kabupaten Rejang Lebong", "level": "regency",
     "region_code": "17.02"},
    {"id": "prov-bengkulu", "name": "Dinas PUPR Provinsi Bengkulu", "level": "province", "region_code": "17"},
    {"id": "kab-kapuas", "name": "Dinas PUPR Kabupaten Kapuas", "level": "regency", "region_code": "62.03"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "bb1": ("Rahmat Pakaya", "7503", "01", "1984-03-12", "L", 1),
    "bb2": ("Fadli Hulopi", "7503", "02", "1990-11-05", "L", 2),
    "bb3": ("Sri Wahyuni Dai", "7503", "03", "1993-07-21", "P", 1),
    "bb4": ("Yusuf Ismail", "7503", "04", "1979-01-30", "L", 3),
    "bb5": ("Arifin Mohamad", "7503", "01", "1981-09-09", "L", 4),
    "bb6": ("Nurdin Lamato", "7503", "05", "1988-02-14", "L", 1),
    "bb7": ("Hartini Usman", "7503", "02", "1991-12-01", "P", 5),
    "bb8": ("Roni Tangahu", "7503", "06", "1995-06-18", "L", 2),
    "bb9": ("Ismail Katili", "7503", "03", "1986-04-04", "L", 6),
    "bb10": ("Wahyuni Kadir", "7503", "04", "1997-02-11", "P", 4),
    "bb11": ("Hasan Bilondatu", "7503", "05", "1983-08-19", "L", 3),
    "bb12": ("Ahmad Lihawa", "7503", "06", "1980-05-05", "L", 3),
    "bb13": ("Sartika Yusuf", "7503", "01", "1994-09-30", "P", 7),
    "bb14": ("Jefri Mooduto", "7503", "02", "1987-12-20", "L", 8),
    "g1": ("Hamzah Yunus", "7571", "01", "1975-08-17", "L", 1),
    "g2": ("Sitti Rahma Habibie", "7571", "02", "1982-05-25", "P", 2),
    "g3": ("Zainudin Podungge", "7501", "03", "1989-10-10", "L", 1),
    "g4": ("Mohamad Ridwan Lahay", "7571", "04", "1968-02-02", "L", 3),
    "g5": ("Fitriani Abdullah", "7571", "01", "1992-03-30", "P", 4),
    "g6": ("Nurhayati Mointi", "7502", "01", "1988-01-17", "P", 1),
    "kg1": ("Abdul Wahab Tuli", "7571", "03", "1980-07-07", "L", 5),
    "kg2": ("Meiske Mokodompit", "7571", "05", "1994-01-19", "P", 1),
    "kg3": ("Rizky Pratama Ali", "7571", "02", "1998-09-23", "L", 6),
    "kg4": ("Yunus Daud", "7571", "04", "1977-11-11", "L", 2),
    "kg5": ("Stevan Mamonto", "7571", "06", "1987-04-28", "L", 1),
    "kg6": ("Lisa Pakaya", "7571", "01", "1996-06-06", "P", 7),
    "kg7": ("Irwan Nusi", "7571", "02", "1985-10-27", "L", 8),
    "kg8": ("Ramlah Hasan", "7571", "03", "1989-03-08", "P", 9),
    "kg9": ("Yosef Lahmudin", "7571", "04", "1982-06-21", "L", 10),
    "kg10": ("Sofyan Hiola", "7571", "05", "1979-09-02", "L", 11),
    "rl1": ("Agus Salim", "1702", "01", "1983-05-15", "L", 1),
    "rl2": ("Desi Anggraini", "1702", "02", "1991-08-08", "P", 2),
    "rl3": ("Hendra Gunawan", "1702", "03", "1978-12-24", "L", 1),
    "rl4": ("Joni Iskandar", "1702", "04", "1985-06-06", "L", 3),
    "rl5": ("Sri Mulyani", "1702", "01", "1990-02-27", "P", 4),
    "rl6": ("Bambang Sutrisno", "1702", "05", "1976-10-01", "L", 2),
    "rl7": ("Ujang Supriatna", "1702", "06", "1981-03-17", "L", 1),
    "rl8": ("Wulan Sari", "1702", "02", "1996-04-02", "P", 5),
    "rl9": ("Robert Simanjuntak", "1702", "03", "1977-07-31", "L", 6),
    "rl10": ("Yudi Pranata", "1702", "04", "1986-02-10", "L", 7),
    "rl11": ("Ratna Juwita", "1702", "05", "1993-11-14", "P", 8),
    "bk1": ("Darmawan Saputra", "1771", "01", "1979-04-14", "L", 1),
    "bk2": ("Yanti Oktaviani", "1771", "02", "1986-10-03", "P", 2),
    "bk3": ("Rudi Hartono", "1771", "03", "1972-01-09", "L", 3),
    "bk4": ("Hendri Kurniawan", "1771", "04", "1984-08-28", "L", 4),
    "kp1": ("Dédi Supriadi", "6203", "01", "1987-03-03", "L", 1),
    "kp2": ("Natalia Dewi", "6203", "02", "1993-05-19", "P", 2),
    "kp3": ("Yohanes Ringkai", "6203", "03", "1982-08-30", "L", 1),
    "kp4": ("Slamet Riyadi", "6203", "04", "1974-12-12", "L", 3),
    "kp5": ("Agustinus Ahat", "6203", "05", "1989-07-04", "L", 2),
    "kp6": ("Rahmawati", "6203", "01", "1995-11-16", "P", 4),
    "kp7": ("Tommy Saputra", "6203", "06", "1980-02-29", "L", 1),
    "kp8": ("Ferdinand Nyahu", "6203", "02", "1984-09-13", "L", 5),
    "kp9": ("Markus Dambung", "6203", "03", "1979-05-01", "L", 6),
    "kp10": ("Siti Aisyah", "6203", "04", "1992-07-25", "P", 7),
    "kp11": ("Yusran", "6203", "05", "1990-01-08", "L", 8),
    "kp12": ("Eka Saputri", "6203", "06", "1999-12-03", "P", 9),
    "kp13": ("Sugianto Wibowo", "6203", "02", "1983-04-22", "L", 10),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


def dmy(iso: str | None, sep: str = "-") -> str:
    """'2023-05-10' -> '10-05-2023'."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}{sep}{m}{sep}{y}"


# --- Kabupaten Bone Bolango: legacy .xls, cover (and summary) sheets before the data -------------

_PLACES = {"7503": "Suwawa", "7571": "Gorontalo", "7501": "Limboto", "1702": "Curup", "1771": "Bengkulu",
           "6203": "Kuala Kapuas"}

# year -> (person, jabatan, jenjang, hasil, number, issued)
_BONE_BOLANGO = {
    2023: [
        ("bb1", "Tukang Batu", "2", "Kompeten", "SKK-7503-2023-00011", "2023-05-10"),
        ("bb2", "Operator Excavator", "3", "Kompeten", "SKK-7503-2023-00012", "2023-05-10"),
        ("bb3", "Juru Ukur", "4", "Kompeten", "dalam proses", None),
        ("bb4", "Tukang Kayu", "2", "Belum Kompeten", None, None),
        ("bb5", "Mandor Pekerjaan Jalan", "4", "Kompeten", "SKK-7503-2023-00015", "2023-06-01"),
    ],
    2024: [
        ("bb1", "Operator Excavator", "3", "Kompeten", "SKK-7503-2024-00031", "2024-08-12"),
        ("bb6", "Tukang Besi Beton", "2", "Kompeten", "SKK-7503-2024-00032", "2024-08-12"),
        ("bb7", "Pelaksana Lapangan Pekerjaan Gedung", "5", "Kompeten", "SKK-7503-2024-00033", "2024-08-12"),
        ("bb8", "Operator Crane", "3", "Kompeten", None, None),
        ("bb9", "Tukang Batu", "2", "Belum Kompeten", None, None),
    ],
    2025: [
        ("bb4", "Tukang Kayu", "2", "Kompeten", "SKK-7503-2025-00051", "2025-07-07"),
        ("bb10", "Juru Ukur", "4", "Kompeten", "SKK-7503-2025-00052", "2025-07-07"),
        ("bb11", "Operator Bulldozer", "3", "Belum Kompeten", None, None),
    ],
}


def _bone_bolango_xls(path: Path | io.BytesIO, year: int) -> None:
    rows = _BONE_BOLANGO[year]
    wb = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    datefmt = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    cover = wb.add_sheet("Sampul")
    cover.write_merge(2, 2, 0, 6, "LAPORAN KEGIATAN", bold)
    cover.write_merge(3, 3, 0, 6, f"PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN {year}", bold)
    cover.write_merge(4, 4, 0, 6, "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN BONE BOLANGO", bold)
    cover.write(8, 0, "Suwawa, Desember " + str(year))
    if year == 2023:
        rekap = wb.add_sheet("Rekap")
        rekap.write_merge(0, 0, 0, 4, f"REKAPITULASI PESERTA TAHUN {year}", bold)
        for c, h in enumerate(["No", "Jabatan Kerja", "Jumlah Peserta", "Kompeten", "Belum Kompeten"]):
            rekap.write(2, c, h, bold)
        counts: dict[str, list[int]] = {}
        for _, jab, _, hasil, _, _ in rows:
            counts.setdefault(jab, [0, 0])[0 if hasil == "Kompeten" else 1] += 1
        for i, (jab, (k, bk)) in enumerate(counts.items(), 1):
            for c, v in enumerate([i, jab, k + bk, k, bk]):
                rekap.write(2 + i, c, v)
    ws = wb.add_sheet("Data Peserta" if year == 2023 else "Data")
    ws.write_merge(0, 0, 0, 9, "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", bold)
    ws.write_merge(1, 1, 0, 9, f"KABUPATEN BONE BOLANGO TAHUN {year}", bold)
    header = ["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL",
              "NO. SERTIFIKAT", "TGL TERBIT"]
    for c, h in enumerate(header):
        ws.write(3, c, h, bold)
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(rows, 1):
        r = 3 + i
        name, region = PERSONS[p][0], PERSONS[p][1]
        values = [i, name.upper(), N(p), f"{_PLACES[region]}, {dmy(born(p))}", sex(p), jab, int(lvl), hasil,
                  number or ""]
        for c, v in enumerate(values):
            ws.write(r, c, v)
        if issued:
            ws.write(r, 9, datetime.fromisoformat(issued), datefmt)
    ws.write(4 + len(rows) + 1, 1, "Mengetahui,")
    ws.write(4 + len(rows) + 2, 1, "Kepala Dinas PUPR Kabupaten Bone Bolango")
    wb.save(path if isinstance(path, io.BytesIO) else str(path))


def _bone_bolango_mac_zip() -> bytes:
    """2025 arrives zipped on a Mac: a folder inside, and Finder's AppleDouble '._' twins under __MACOSX/."""
    xls = io.BytesIO()
    _bone_bolango_xls(xls, 2025)
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\x00" * 60 + b"ATTR" + b"\x00" * 40
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Sertifikasi 2025/", b"")
        z.writestr("Sertifikasi 2025/Laporan Sertifikasi TKK 2025.xls", xls.getvalue())
        z.writestr("__MACOSX/Sertifikasi 2025/._Laporan Sertifikasi TKK 2025.xls", apple_double)
        z.writestr("Sertifikasi 2025/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 64)
    return buf.getvalue()


# --- the Gorontalo province: Excel 2003 XML (SpreadsheetML) -----------------------------------

# (person, name as written, jabatan, jenjang, hasil, number, tahun, issued, nilai)
_GORONTALO = [
    ("g1", "Ir. HAMZAH YUNUS, M.T.", "Ahli Muda Teknik Jalan", "7", "Kompeten", None, 2022, "2022-09-15", None),
    ("g2", "SITTI RAHMA HABIBIE, S.T.", "Ahli Madya Teknik Bangunan Gedung", "8", "Kompeten", None, 2021,
     "2021-02-10", 90.0),
    ("g3", "ZAINUDIN PODUNGGE, S.T.", "Ahli Muda Teknik Sumber Daya Air", "7", "Kompeten", None, 2025,
     "2025-11-03", 82.25),
    ("g4", "Dr. Ir. MOHAMAD RIDWAN LAHAY", "Ahli Utama Manajemen Konstruksi", "9", "Belum Kompeten", None, 2024,
     None, 61.0),
    ("g5", "FITRIANI ABDULLAH, S.T.", "Arsitek Muda", "7", "Kompeten", None, 2021, None, 80.0),
    # re-reports of Bone Bolango's certificates: one by number, one without
    ("bb2", "FADLI HULOPI", "Operator Excavator", "3", "Kompeten", "SKK-7503-2023-00012", 2023, "2023-05-10",
     78.0),
    ("bb5", "ARIFIN MOHAMAD", "Mandor Pekerjaan Jalan", "4", "Kompeten", None, 2023, None, 85.0),
]


_GORONTALO_2024 = [
    ("g6", "NURHAYATI MOINTI, S.T.", "Ahli Muda Teknik Jalan", "7", "Kompeten", None, 2024, "2024-10-07", 84.0),
    ("g4", "Dr. Ir. MOHAMAD RIDWAN LAHAY", "Ahli Utama Manajemen Konstruksi", "9", "Kompeten", None, 2024,
     "2024-10-07", 88.5),
]


def _ss_cell(value, style: str | None = None, index: int | None = None) -> str:
    st = (f' ss:Index="{index}"' if index else "") + (f' ss:StyleID="{style}"' if style else "")
    if value is None or value == "":
        return f"<Cell{st}/>"
    if isinstance(value, datetime):
        return f'<Cell{st}><Data ss:Type="DateTime">{value:%Y-%m-%dT%H:%M:%S}.000</Data></Cell>'
    if isinstance(value, (int, float)):
        return f'<Cell{st}><Data ss:Type="Number">{value}</Data></Cell>'
    return f'<Cell{st}><Data ss:Type="String">{escape(str(value))}</Data></Cell>'


def _gorontalo_xml(records: list | None = None,
                   title: str = "REKAPITULASI SERTIFIKASI TENAGA AHLI KONSTRUKSI PROVINSI GORONTALO") -> bytes:
    header = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil Uji", "Nilai", "Nomor Sertifikat",
              "Tahun", "Tanggal Terbit"]
    rows = [f'<Row><Cell ss:MergeAcross="{len(header) - 1}" ss:StyleID="title"><Data ss:Type="String">'
            f"{title}</Data></Cell></Row>",
            "<Row/>",
            "<Row>" + "".join(_ss_cell(h, "hdr") for h in header) + "</Row>"]
    for i, (p, name, jab, lvl, hasil, number, tahun, issued, nilai) in enumerate(records or _GORONTALO, 1):
        cells = [i, name, N(p), jab, int(lvl), hasil, nilai, number, tahun,
                 datetime.fromisoformat(issued) if issued else None]
        # Excel writes no element for an empty cell: the next written cell names its column (ss:Index)
        out, skipped = [], False
        for col, v in enumerate(cells, 1):
            if v is None or v == "":
                skipped = True
                continue
            out.append(_ss_cell(v, "date" if isinstance(v, datetime) else None, col if skipped else None))
            skipped = False
        row = "<Row>" + "".join(out) + "</Row>"
        if p == "g3":
            # a clerk's note on the result cell, as Excel 2003 writes comments; and part of the
            # jabatan set in bold: rich text inside ss:Data, in the HTML namespace
            row = row.replace('<Data ss:Type="String">Kompeten</Data></Cell>',
                              '<Data ss:Type="String">Kompeten</Data><Comment ss:Author="Admin"><ss:Data '
                              'xmlns="http://www.w3.org/TR/REC-html40"><B><Font html:Face="Tahoma" '
                              'html:Size="8" html:Color="#000000">Admin:</Font></B><Font html:Face="Tahoma" '
                              'html:Size="8" html:Color="#000000">&#10;sertifikat belum diambil, BK di tahap '
                              'I</Font></ss:Data></Comment></Cell>')
            row = row.replace('<Data ss:Type="String">Ahli Muda Teknik Sumber Daya Air</Data>',
                              '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">Ahli Muda '
                              '<B>Teknik Sumber Daya Air</B></ss:Data>')
        rows.append(row)
    xml = f"""<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>PUPR</Author><Created>2025-12-01T08:00:00Z</Created><Version>11.9999</Version>
 </DocumentProperties>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="title"><Font ss:Bold="1" ss:Size="12"/><Alignment ss:Horizontal="Center"/></Style>
  <Style ss:ID="hdr"><Font ss:Bold="1"/></Style>
  <Style ss:ID="date"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="Petunjuk">
  <Table><Row><Cell><Data ss:Type="String">Petunjuk pengisian: isi data pada sheet Rekap Tenaga Ahli</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">Kolom NIK diisi 16 digit sesuai KTP</Data></Cell></Row></Table>
 </Worksheet>
 <Worksheet ss:Name="Rekap Tenaga Ahli">
  <Table ss:ExpandedColumnCount="{len(header)}" ss:ExpandedRowCount="{len(rows)}" x:FullColumns="1" x:FullRows="1">
   {chr(10).join(rows)}
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/></WorksheetOptions>
 </Worksheet>
</Workbook>
"""
    return xml.encode("utf-8")


# --- Kota Gorontalo: an .xls that is HTML -----------------------------------------------------

# (person, jabatan, jenjang, hasil, number, issued, masa berlaku)
_KOTA_GORONTALO = [
    ("kg1", "Operator Bulldozer", "3", "Kompeten", "SKK-7571-2022-00101", "2022-03-14", "2027-03-13"),
    ("kg2", "Juru Ukur", "4", "Kompeten", "SKK-7571-2021-00102", "2021-04-20", "2026-04-19"),
    ("kg3", "Tukang Besi Beton", "2", "Kompeten", "SKK-7571-2025-00103", "2025-09-02", None),
    ("kg4", "Tukang Batu", "2", "Belum Kompeten", None, None, None),
    ("kg5", "Teknisi Laboratorium Beton", "5", "Kompeten", None, None, None),
]


_KOTA_GORONTALO_2024 = [
    ("kg4", "Tukang Batu", "2", "Kompeten", "SKK-7571-2024-00201", "2024-02-19"),
    ("kg6", "Tukang Kayu", "2", "Kompeten", "SKK-7571-2024-00202", "2024-02-19"),
    ("kg7", "Operator Excavator", "3", "Kompeten", "SKK-7571-2024-00203", "2024-02-19"),
]


def _kota_gorontalo_2024_tsv() -> bytes:
    """A web application's 'Export Excel': Unicode Text (UTF-16 LE, BOM, tabs) under an .xls name."""
    lines = ["\t".join(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                        "Tanggal Terbit"])]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KOTA_GORONTALO_2024, 1):
        lines.append("\t".join([str(i), PERSONS[p][0], N(p), jab, lvl, hasil, number, dmy(issued, "/")]))
    return "\ufeff".encode("utf-16-le") + ("\r\n".join(lines) + "\r\n").encode("utf-16-le")


def _kota_gorontalo_html() -> bytes:
    header = ["No", "Nama Lengkap", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
              "Tanggal Terbit", "Masa Berlaku"]
    text = '<td style=\'mso-number-format:"\\@"\'>'
    trs = [f'<tr><td colspan="{len(header)}" align="center"><b>DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT'
           "<br>DINAS PUPR KOTA GORONTALO</b></td></tr>",
           f'<tr><td colspan="{len(header)}"></td></tr>',
           "<tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>"]
    for i, (p, jab, lvl, hasil, number, issued, until) in enumerate(_KOTA_GORONTALO, 1):
        cells = [f"<td>{i}</td>", f"<td>{escape(PERSONS[p][0])}</td>", f"{text}{N(p)}</td>", f"<td>{jab}</td>",
                 f"<td>{lvl}</td>", f"<td>{hasil}</td>", f"<td>{number or ''}</td>",
                 f"<td>{dmy(issued, '/')}</td>", f"<td>{dmy(until, '/')}</td>"]
        trs.append("<tr>" + "".join(cells) + "</tr>")
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">\r\n'
            '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            "<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>"
            "<x:Name>Data TKK</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml>"
            "<![endif]--></head>\r\n<body>\r\n<table border=1>\r\n" + "\r\n".join(trs) + "\r\n</table>\r\n"
            "</body></html>\r\n")
    return html.encode("cp1252")


# --- Kabupaten Rejang Lebong: Unicode Text (2021) and CSV (Macintosh) (2024) --------------------

# (person, jabatan, jenjang, hasil, number, issued, nilai)
_REJANG_2021 = [
    ("rl1", "Operator Excavator", "3", "K", "SKK-1702-2021-00021", "2021-09-15", "87,5"),
    ("rl2", "Juru Ukur", "4", "K", "SKK-1702-2021-00022", "2021-03-15", "90"),
    ("rl3", "Tukang Kayu", "2", "K", None, None, "76,25"),
    ("rl4", "Tukang Batu", "2", "BK", None, None, "55"),
]
_REJANG_2024 = [
    ("rl4", "Tukang Batu", "2", "K", "SKK-1702-2024-00107", "2024-06-05", "81,5"),
    ("rl5", "Pelaksana Lapangan Pekerjaan Jalan", "5", "K", "SKK-1702-2024-00108", "2024-06-05", "88"),
    ("rl1", "Mandor Pekerjaan Jalan", "4", "K", "SKK-1702-2024-00109", "2024-06-05", "92,75"),
    ("rl6", "Operator Crane", "3", "K", "dalam proses", None, "79"),
]


_REJANG_2025 = [
    ("rl7", "Tukang Besi Beton", "2", "Kompeten", "SKK-1702-2025-00031", "2025-05-20"),
    ("rl3", "Tukang Kayu", "2", "Kompeten", "SKK-1702-2025-00032", "2025-05-20"),
]


def _rejang_biff_as_xlsx() -> bytes:
    """An Excel 97-2003 workbook someone renamed to .xlsx (the bytes are BIFF8 in an OLE2 container)."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    ws.write_merge(0, 0, 0, 7, "PESERTA SERTIFIKASI TKK KABUPATEN REJANG LEBONG TAHUN 2025")
    for c, h in enumerate(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                           "Tgl Terbit"]):
        ws.write(2, c, h)
    datefmt = xlwt.easyxf(num_format_str="DD-MMM-YY")
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_REJANG_2025, 1):
        for c, v in enumerate([i, PERSONS[p][0], N(p), jab, lvl, hasil, number]):
            ws.write(2 + i, c, v)
        ws.write(2 + i, 7, datetime.fromisoformat(issued), datefmt)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_REJANG_MAC = [
    ("rl8", "Juru Ukur", "4", "Kompeten", "SKK-1702-2022-00061", "2022-04-11"),
    ("rl9", "Operator Crane", "3", "Kompeten", "SKK-1702-2021-00062", "2021-08-02"),
]


def _rejang_mac_xls() -> bytes:
    """An old Mac Excel workbook: the 1904 date system (serials count days from 1 January 1904, not
    1900) and a two-row header whose 'SERTIFIKAT' is merged over 'NOMOR' and 'TGL TERBIT'."""
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("Data")
    ws.write_merge(0, 0, 0, 6, "DATA SERTIFIKASI TKK KAB. REJANG LEBONG")
    for c, h in enumerate(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang"]):
        ws.write_merge(2, 3, c, c, h)
    ws.write_merge(2, 2, 5, 6, "SERTIFIKAT")
    ws.write(3, 5, "NOMOR")
    ws.write(3, 6, "TGL TERBIT")
    ws.write_merge(2, 3, 7, 7, "Keterangan")
    datefmt = xlwt.easyxf(num_format_str="D MMMM YYYY")
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_REJANG_MAC, 1):
        for c, v in enumerate([i, PERSONS[p][0], N(p), jab, int(lvl), number]):
            ws.write(3 + i, c, v)
        ws.write(3 + i, 6, datetime.fromisoformat(issued), datefmt)
        ws.write(3 + i, 7, hasil)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_REJANG_2023 = [
    ("rl10", "Operator Bulldozer", "3", "K", "SKK-1702-2023-00071", "2023-11-06", "85"),
    ("rl11", "Tukang Besi Beton", "2", "K", "SKK-1702-2023-00072", "2023-11-06", "80,5"),
]


def _rejang_whatsapp_zip() -> bytes:
    """2023's Unicode Text export sent over WhatsApp, zipped with its folder."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Data UK 2023/Peserta UK RL 2023.txt", _rejang_unicode_text(_REJANG_2023, 2023))
    return buf.getvalue()


def _rejang_unicode_text(records: list | None = None, year: int = 2021) -> bytes:
    lines = [f"DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN REJANG LEBONG TAHUN {year}", "",
             "\t".join(["No", "Nama", "No. KTP", "JK", "Jabatan Kerja", "Jenjang", "Nilai", "Hasil",
                        "No. Registrasi", "Tgl Terbit"])]
    for i, (p, jab, lvl, hasil, number, issued, nilai) in enumerate(records or _REJANG_2021, 1):
        lines.append("\t".join([str(i), PERSONS[p][0], N(p), sex(p), jab, lvl, nilai, hasil, number or "",
                                dmy(issued, "/")]))
    return "\ufeff".encode("utf-16-le") + ("\r\n".join(lines) + "\r\n").encode("utf-16-le")


def _rejang_mac_csv() -> bytes:
    lines = ["HASIL UJI KOMPETENSI KABUPATEN REJANG LEBONG TAHUN 2024,,,,,,,,,",
             "No,Nama,NIK,L/P,Jabatan Kerja,Jenjang,Nilai,Hasil,Nomor Sertifikat,Tanggal Terbit"]
    for i, (p, jab, lvl, hasil, number, issued, nilai) in enumerate(_REJANG_2024, 1):
        nil = f'"{nilai}"' if "," in nilai else nilai
        lines.append(",".join([str(i), PERSONS[p][0].upper(), N(p), sex(p), jab, lvl, nil, hasil, number or "",
                               dmy(issued, "/")]))
    return ("\r".join(lines) + "\r").encode("mac_roman")


# --- the Bengkulu province: .ods, the data on the second sheet ----------------------------------

# (person, name as written, jabatan, jenjang, number, tahun, issued)
_BENGKULU = [
    ("bk1", "Ir. DARMAWAN SAPUTRA", "Ahli Muda Teknik Jalan", "7", "SKK-17-2024-7-00041", 2024, "2024-04-22"),
    ("bk2", "YANTI OKTAVIANI, S.T.", "Ahli Muda Teknik Bangunan Gedung", "7", None, 2020, "2020-10-10"),
    ("bk3", "RUDI HARTONO, S.T., M.T.", "Ahli Madya Teknik Jembatan", "8", None, 2023, "2023-01-16"),
    # re-reports of Rejang Lebong's certificates
    ("rl1", "AGUS SALIM", "Operator Excavator", "3", "SKK-1702-2021-00021", 2021, "2021-09-15"),
    ("rl5", "SRI MULYANI", "Pelaksana Lapangan Pekerjaan Jalan", "5", None, 2024, None),
]

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"')


def _ods_cell(value) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def _ods_runs(cells: list) -> str:
    """Cells as LibreOffice writes them: a run of equal adjacent cells once, with table:number-columns-repeated."""
    out, i = [], 0
    while i < len(cells):
        j = i
        while j + 1 < len(cells) and cells[j + 1] == cells[i] and type(cells[j + 1]) is type(cells[i]):
            j += 1
        cell = _ods_cell(cells[i])
        if j > i:
            cell = cell.replace("<table:table-cell", f'<table:table-cell table:number-columns-repeated="{j - i + 1}"', 1)
        out.append(cell)
        i = j + 1
    return "".join(out)


def _bengkulu_email_zip() -> bytes:
    """The province's 2025 experts: an Excel 2003 XML file, zipped as an e-mail attachment."""
    xml = _gorontalo_xml([("bk4", "HENDRI KURNIAWAN, S.T.", "Ahli Muda Teknik Bangunan Gedung", "7", "Kompeten",
                           "SKK-17-2025-7-00112", 2025, "2025-06-16", 86.0)],
                         title="REKAPITULASI SERTIFIKASI TENAGA AHLI KONSTRUKSI PROVINSI BENGKULU TAHUN 2025")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("rekap_ahli_2025.xml", xml)
    return buf.getvalue()


def _bengkulu_ods() -> bytes:
    header = ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "KETERANGAN", "NOMOR SERTIFIKAT",
              "TANGGAL TERBIT", "TAHUN"]
    n = len(header)
    cover = ("<table:table table:name=\"Sampul\">"
             "<table:table-column table:number-columns-repeated=\"4\"/>"
             "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/></table:table-row>"
             "<table:table-row>" + _ods_cell("LAPORAN PELAKSANAAN SERTIFIKASI TENAGA AHLI KONSTRUKSI")
             + "</table:table-row><table:table-row>" + _ods_cell("DINAS PUPR PROVINSI BENGKULU")
             + "</table:table-row></table:table>")
    rows = [f'<table:table-row><table:table-cell table:number-columns-spanned="{n}" '
            'office:value-type="string"><text:p>REKAP SERTIFIKASI TENAGA KERJA KONSTRUKSI PROVINSI BENGKULU'
            f"</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated=\"{n - 1}\"/>"
            "</table:table-row>",
            "<table:table-row><table:table-cell/></table:table-row>",
            "<table:table-row>" + "".join(_ods_cell(h) for h in header) + "</table:table-row>"]
    for i, (p, name, jab, lvl, number, tahun, issued) in enumerate(_BENGKULU, 1):
        cells = [i, name, N(p), jab, int(lvl), "Kompeten", number,
                 date.fromisoformat(issued) if issued else None, tahun]
        row = _ods_runs(cells)
        if p == "bk3":
            # a comment (annotation) on the result cell: its paragraphs are not the cell's text
            row = row.replace('<text:p>Kompeten</text:p>',
                              '<office:annotation><dc:creator>operator</dc:creator><dc:date>2023-02-01T09:00:00'
                              '</dc:date><text:p>BK tahap I, ulang tahap II</text:p></office:annotation>'
                              '<text:p>Kompeten</text:p>', 1)
            # the level typed over two lines of one cell (Alt+Enter)
            row = row.replace('office:value-type="float" office:value="8"><text:p>8</text:p>',
                              'office:value-type="string"><text:p>8</text:p><text:p>(Ahli Madya)</text:p>', 1)
        rows.append("<table:table-row>" + row
                    + "<table:table-cell table:number-columns-repeated=\"1014\"/></table:table-row>")
    rows.append('<table:table-row table:number-rows-repeated="1048560"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>')
    data = (f'<table:table table:name="Data Sertifikasi"><table:table-column table:number-columns-repeated="{n}"/>'
            + "".join(rows) + "</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
               f"<office:body><office:spreadsheet>{cover}{data}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- Kabupaten Kapuas: zip of a CSV (MS-DOS), an .xlsx that is a CSV, an old system's report ---

# (person, jabatan, jenjang, hasil, number, issued)
_KAPUAS_2023 = [
    ("kp1", "Operator Excavator", "3", "Kompeten", "SKK-6203-2023-00301", "2023-10-12"),
    ("kp2", "Juru Ukur", "4", "Kompeten", "SKK-6203-2023-00302", "2023-10-12"),
    ("kp3", "Tukang Batu", "2", "Belum Kompeten", None, None),
    ("kp4", "Tukang Kayu", "2", "Kompeten", "SKK-6203-2023-00304", "2023-10-12"),
    ("kp13", "Tukang Kayu", "2", "Kompeten", "SKK-6203-2023-00305", "2023-10-12"),
]
_KAPUAS_2025 = [
    ("kp3", "Tukang Batu", "2", "Kompeten", "SKK-6203-2025-00011", "2025-03-03"),
    ("kp5", "Operator Crane", "3", "Kompeten", "SKK-6203-2025-00012", "2025-03-03"),
    ("kp6", "Mandor Pekerjaan Gedung", "4", "Kompeten", None, None),
]
_KAPUAS_2020 = [
    ("kp7", "Tukang Besi Beton", "2", "K", "1.2.203.2.162.03.0000789", "2019-11-18"),
    ("kp4", "Tukang Kayu", "2", "K", "1.2.204.2.162.03.0000790", "2019-11-18"),
    ("kp8", "Operator Bulldozer", "3", "K", "1.3.301.3.162.03.0000791", "2020-02-20"),
    ("kp13", "Tukang Kayu", "2", "K", "1.2.204.2.162.03.0000795", "2019-11-18"),
]


def _kapuas_dos_csv() -> bytes:
    lines = ["DATA PESERTA SERTIFIKASI TKK KABUPATEN KAPUAS TAHUN 2023;;;;;;;;;",
             "No;Nama Peserta;NIK;Tgl Lahir;Jabatan Kerja;Jenjang;Hasil Uji;Biaya (Rp);Nilai;No. Sertifikat;"
             "Tgl Terbit"]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KAPUAS_2023, 1):
        # Sugianto's NIK cell was a number: General format in an Indonesian-locale Excel saves it as
        # "6,20302E+15" (15 significant digits, decimal comma); his birth date and name remain
        nik = "6,20302E+15" if p == "kp13" else N(p)
        lines.append(";".join([str(i), PERSONS[p][0], nik, dmy(born(p), "/"), jab, lvl, hasil, "1.250.000",
                               "87,5" if hasil == "Kompeten" else "60", number or "", dmy(issued, "/")]))
    return ("\r\n".join(lines) + "\r\n").encode("cp850")


def _kapuas_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("DATA SKK KAPUAS 2023.CSV", _kapuas_dos_csv())
    return buf.getvalue()


def _kapuas_fake_xlsx() -> bytes:
    lines = ["No,Nama,NIK,Jabatan Kerja,Jenjang,Hasil,No. Sertifikat,Tanggal Terbit,Tahun"]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KAPUAS_2025, 1):
        # the Tahun column formatted "#.##0" in an Indonesian-locale Excel: 2025 shows as "2.025"
        lines.append(",".join([str(i), PERSONS[p][0], N(p), jab, lvl, hasil, number or "", dmy(issued, "/"),
                               "2.025"]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _kapuas_pipe_report() -> bytes:
    widths = [4, 22, 18, 20, 8, 6, 26, 11]
    header = ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "NO. SERTIFIKAT", "TGL TERBIT"]

    def line(values):
        return "|".join(f" {str(v):<{w - 1}}" for v, w in zip(values, widths))

    out = ["LAPORAN DATA SERTIFIKASI TENAGA KERJA KONSTRUKSI",
           "DINAS PU KABUPATEN KAPUAS - TAHUN 2020",
           "Dicetak: 15-01-2021 10:22",
           "",
           "+".join("-" * w for w in widths),
           line(header),
           "+".join("-" * w for w in widths)]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KAPUAS_2020, 1):
        out.append(line([i, PERSONS[p][0].upper(), N(p), jab, lvl, hasil, number, dmy(issued)]))
    out += ["+".join("-" * w for w in widths), f"JUMLAH DATA: {len(_KAPUAS_2020)}"]
    return ("\r\n".join(out) + "\r\n").encode("ascii")


_KAPUAS_2021 = [
    ("kp9", "Tukang Batu", "2", "KOMPETEN", "SKK-6203-2021-00044", "2021-08-09"),
    ("kp10", "Juru Ukur", "4", "KOMPETEN", "SKK-6203-2021-00045", "2021-04-05"),
    ("kp11", "Operator Excavator", "3", "KOMPETEN", "SKK-6203-2021-00046", "2021-08-09"),
    ("kp12", "Tukang Kayu", "2", "BELUM KOMPETEN", "", ""),
]


def _kapuas_print_report() -> bytes:
    """An old DOS program's report printed to a file: fixed columns under dashes, a form feed and the
    page heading again every two rows, no delimiter at all."""
    cols = [("NO", 3), ("NAMA PESERTA", 20), ("NIK", 16), ("JABATAN KERJA", 20), ("JJG", 3), ("HASIL", 14),
            ("NO. SERTIFIKAT", 19), ("TGL TERBIT", 10)]

    def line(values):
        return "  ".join(f"{str(v):<{w}}" for v, (_, w) in zip(values, cols)).rstrip()

    def heading(page):
        return ["PEMERINTAH KABUPATEN KAPUAS", "DINAS PEKERJAAN UMUM",
                f"DAFTAR HASIL UJI KOMPETENSI TAHUN 2021{'':>30}HAL: {page}", "",
                line([h for h, _ in cols]), "  ".join("-" * w for _, w in cols)]

    out = heading(1)
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KAPUAS_2021, 1):
        if i == 3:
            out += ["", "\f" + heading(2)[0]] + heading(2)[1:]
        out.append(line([i, PERSONS[p][0].upper(), N(p), jab, lvl, hasil, number, dmy(issued, "/")]))
    out += ["  ".join("-" * w for _, w in cols), "", "Kuala Kapuas, 30-12-2021", "KEPALA DINAS"]
    return ("\r\n".join(out) + "\r\n").encode("cp437")


_BONE_BOLANGO_2022 = [
    ("bb12", "Tukang Batu", "2", "K", "SKK-7503-2022-00007", "2022-02-14"),
    ("bb13", "Juru Ukur", "4", "K", "SKK-7503-2022-00008", "2022-02-14"),
    ("bb14", "Operator Excavator", "3", "K", "SKK-7503-2021-00009", "2021-03-01"),
]


def _bone_bolango_prn() -> bytes:
    """Excel's "Formatted Text (Space delimited) (*.prn)": each cell padded to its column's width, text
    left-aligned, numbers right-aligned, no delimiter and no ruler."""
    cols = [(4, "r"), (18, "l"), (18, "l"), (20, "l"), (9, "r"), (7, "l"), (21, "l"), (11, "l")]

    def line(values):
        return "".join(f"{str(v):>{w}}" if a == "r" and str(v).isdigit() else f"{str(v):<{w}}"
                       for v, (w, a) in zip(values, cols)).rstrip()

    out = [line(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tgl Terbit"])]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_BONE_BOLANGO_2022, 1):
        out.append(line([i, PERSONS[p][0].upper(), N(p), jab, lvl, hasil, number, dmy(issued, "/")]))
    return ("\r\n".join(out) + "\r\n").encode("cp1252")


# (person, jabatan, jenjang, hasil, number, issued, deleted)
_KOTA_GORONTALO_DBF = [
    ("kg8", "Tukang Kayu", 2, "KOMPETEN", "SKK-7571-2023-00301", "2023-03-15", False),
    # a record the operator deleted (FoxPro's DELETE marks it '*' until a PACK): typed in error
    ("kg4", "Pelaksana Lapangan Pekerjaan Jalan", 6, "KOMPETEN", "SKK-7571-2023-00304", "2023-03-15", True),
    ("kg9", "Operator Crane", 3, "KOMPETEN", "SKK-7571-2023-00302", "2023-03-15", False),
    ("kg10", "Juru Ukur", 4, "KOMPETEN", "SKK-7571-2021-00303", "2021-01-10", False),
]


def _kota_gorontalo_dbf() -> bytes:
    """A FoxPro/dBase III table (.DBF) from the office's old application: a 32-byte header, 32-byte
    field descriptors ended by 0x0D, fixed-length records led by a deletion flag (' ' or '*'),
    character fields space-padded, numbers right-aligned, dates as YYYYMMDD, 0x1A at the end;
    language driver 0x57 (Windows ANSI)."""
    import struct
    fields = [("NO", "N", 3), ("NAMA", "C", 30), ("NIK", "C", 16), ("JABATAN", "C", 40), ("JENJANG", "N", 1),
              ("HASIL", "C", 15), ("NO_SERT", "C", 25), ("TGL_TERBIT", "D", 8)]
    record_length = 1 + sum(n for _, _, n in fields)
    header_length = 32 + 32 * len(fields) + 1
    out = bytearray(struct.pack("<BBBBIHH", 0x03, 124, 2, 14, len(_KOTA_GORONTALO_DBF), header_length,
                                record_length))
    out += bytes(17) + b"\x57" + bytes(2)
    for name, kind, n in fields:
        out += name.encode("ascii").ljust(11, b"\x00") + kind.encode("ascii") + bytes(4) + bytes([n, 0]) + bytes(14)
    out += b"\x0d"
    for i, (p, jab, lvl, hasil, number, issued, deleted) in enumerate(_KOTA_GORONTALO_DBF, 1):
        values = [str(i).rjust(3), PERSONS[p][0].upper().ljust(30), N(p), jab.ljust(40), str(lvl), hasil.ljust(15),
                  number.ljust(25), issued.replace("-", "")]
        out += (b"*" if deleted else b" ") + "".join(values).encode("cp1252")
    out += b"\x1a"
    return bytes(out)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    bb = landing / "kab-bone-bolango"
    for year in (2023, 2024):
        (bb / str(year)).mkdir()
        _bone_bolango_xls(bb / str(year) / f"Laporan Sertifikasi TKK {year}.xls", year)
    (bb / "Sertifikasi 2025.zip").write_bytes(_bone_bolango_mac_zip())
    (bb / "2022").mkdir()
    (bb / "2022" / "DATA SKK 2022.prn").write_bytes(_bone_bolango_prn())
    (landing / "prov-gorontalo" / "Rekap Tenaga Ahli Prov Gorontalo.xml").write_bytes(_gorontalo_xml())
    # the province's web application sends SpreadsheetML under an .xls name
    (landing / "prov-gorontalo" / "Rekap Tenaga Ahli 2024.xls").write_bytes(_gorontalo_xml(_GORONTALO_2024))
    (landing / "kota-gorontalo" / "Data TKK Kota Gorontalo.xls").write_bytes(_kota_gorontalo_html())
    (landing / "kota-gorontalo" / "export_tkk_2024.xls").write_bytes(_kota_gorontalo_2024_tsv())
    (landing / "kota-gorontalo" / "TKK2023.DBF").write_bytes(_kota_gorontalo_dbf())
    rl = landing / "kab-rejang-lebong"
    (rl / "Peserta UK Rejang Lebong 2021.txt").write_bytes(_rejang_unicode_text())
    (rl / "Hasil UK Rejang Lebong 2024.csv").write_bytes(_rejang_mac_csv())
    (rl / "Peserta SKK 2025.xlsx").write_bytes(_rejang_biff_as_xlsx())
    (rl / "Data SKK (Mac).xls").write_bytes(_rejang_mac_xls())
    (rl / "WhatsApp Document Data UK 2023.zip").write_bytes(_rejang_whatsapp_zip())
    (landing / "prov-bengkulu" / "Rekap Sertifikasi Prov Bengkulu.ods").write_bytes(_bengkulu_ods())
    (landing / "prov-bengkulu" / "Lampiran Email Rekap Ahli 2025.zip").write_bytes(_bengkulu_email_zip())
    kp = landing / "kab-kapuas"
    (kp / "WhatsApp Document DATA SKK KAPUAS 2023.zip").write_bytes(_kapuas_zip())
    (kp / "Rekap Sertifikasi Kapuas.xlsx").write_bytes(_kapuas_fake_xlsx())
    (kp / "2020").mkdir()
    (kp / "2020" / "LAPORAN_SERTIFIKASI_2020.TXT").write_bytes(_kapuas_pipe_report())
    (kp / "2021").mkdir()
    (kp / "2021" / "UJIKOM21.PRN").write_bytes(_kapuas_print_report())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown) per cell.
# 75.03  Bone Bolango: 2 Rahmat (2023), Nurdin (2024), Yusuf (BK 2023, certified Jul 2025 in the
#        Mac zip): active; 3 Fadli (2023), Rahmat (2024), Roni (no number or date, program year 2024
#        from the title and folder): active; 4 Sri Wahyuni (number "dalam proses", program year 2023:
#        active to end 2027), Arifin (2023), Wahyuni Kadir (2025): active; 5 Hartini (2024).
#        Ismail, Hasan BK. The 2022 .prn: 2 Ahmad (14 Feb 2022), 4 Sartika (14 Feb 2022): active;
#        3 Jefri (1 Mar 2021: expired 28 Feb 2026).
# 75     Gorontalo province: 7 Hamzah (Sep 2022, active), Zainudin (Nov 2025, active), Fitriani
#        (no date, program year 2021: expires some day of 2026, unknown); 8 Sitti (10 Feb 2021:
#        expired 9 Feb 2026). Ridwan BK. Fadli (same number) and Arifin (same NIK, jenjang,
#        jabatan, year 2023) re-report Bone Bolango. The 2024 SpreadsheetML named .xls: 7 Nurhayati
#        (Oct 2024), 9 Ridwan (BK in the first, certified Oct 2024): active.
# 75.71  Kota Gorontalo: 2 Rizky (2025), Yunus (BK in the HTML, certified Feb 2024 in the export),
#        Lisa (2024): active; 3 Abdul Wahab (to 13 Mar 2027), Irwan (2024): active; 4 Meiske (to
#        19 Apr 2026, expired); 5 Stevan (no number, date or year anywhere: unknown). The .DBF:
#        2 Ramlah, 3 Yosef (Mar 2023): active; 4 Sofyan (10 Jan 2021: expired); Yunus' jenjang 6
#        record is deleted ('*'): no certificate.
# 17.02  Rejang Lebong: 2 Hendra (2021 list without number or date, certified again May 2025),
#        Joni (BK in 2021, certified Jun 2024), Ujang (2025): active; 3 Agus (15 Sep 2021: to 14 Sep
#        2026), Bambang (number in process, program year 2024): active; 4 Desi (15 Mar 2021:
#        expired), Agus (2024, active); 5 Sri Mulyani (2024). The Mac workbook (1904 dates): 3 Robert
#        (2 Aug 2021: to 1 Aug 2026), 4 Wulan (11 Apr 2022): active. The WhatsApp zip of 2023's
#        Unicode Text: 2 Ratna, 3 Yudi (Nov 2023): active.
# 17     Bengkulu province: 7 Darmawan (Apr 2024, active), Yanti (issued Oct 2020: old scheme,
#        expired); 8 Rudi (Jan 2023, active). Agus (same number) and Sri Mulyani (same NIK, jenjang,
#        jabatan, year 2024) re-report Rejang Lebong. The e-mail zip of a SpreadsheetML: 7 Hendri
#        (Jun 2025), active.
# 62.03  Kapuas: 2 Yohanes (BK 2023, certified Mar 2025), Slamet (SKT 2019 expired, SKK Oct 2023
#        active), Tommy (SKT 2019 only: expired), Markus (9 Aug 2021: to 8 Aug 2026, active),
#        Sugianto (SKT 2019 in the 2020 report, SKK Oct 2023 in the DOS CSV under a NIK saved as
#        "6,20302E+15": one person, active);
#        3 Dedi (Oct 2023), Agustinus (2025), Yusran (Aug 2021): active, Ferdinand (Feb 2020, old
#        scheme: expired); 4 Natalia (2023), Rahmawati (2025, no number): active, Siti Aisyah (5 Apr
#        2021: expired 4 Apr 2026). Eka BK.
TRUTH = {
    ("75.03", 2): (4, 4, 0), ("75.03", 3): (4, 3, 0), ("75.03", 4): (4, 4, 0), ("75.03", 5): (1, 1, 0),
    ("75", 7): (4, 3, 1), ("75", 8): (1, 0, 0), ("75", 9): (1, 1, 0),
    ("75.71", 2): (4, 4, 0), ("75.71", 3): (3, 3, 0), ("75.71", 4): (2, 0, 0), ("75.71", 5): (1, 0, 1),
    ("17.02", 2): (4, 4, 0), ("17.02", 3): (4, 4, 0), ("17.02", 4): (3, 2, 0), ("17.02", 5): (1, 1, 0),
    ("17", 7): (3, 2, 0), ("17", 8): (1, 1, 0),
    ("62.03", 2): (5, 4, 0), ("62.03", 3): (4, 3, 0), ("62.03", 4): (3, 2, 0),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world9")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)
