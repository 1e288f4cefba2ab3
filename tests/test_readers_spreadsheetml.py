"""Excel 2003 XML spreadsheets (SpreadsheetML), as older PHP web systems export them."""

from __future__ import annotations

import pytest

from sources.readers import read_submission
from sources.registry import load_registry

OFFICE = load_registry()["kab-kutai-timur"]

WORKBOOK = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Petunjuk"><Table><Row><Cell><Data ss:Type="String">Isi lembar Peserta</Data></Cell></Row></Table></Worksheet>
 <Worksheet ss:Name="Peserta">
  <Table>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">DAFTAR PESERTA SERTIFIKASI TAHUN 2025</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">No</Data></Cell><Cell><Data ss:Type="String">Nama</Data></Cell>
    <Cell><Data ss:Type="String">NIK</Data></Cell><Cell><Data ss:Type="String">Jenjang</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">Budi <B>Santoso</B></Data></Cell>
    <Cell><Data ss:Type="String">6408015203850012</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>
   <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">Siti Aminah</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="Number">4</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""


def test_an_excel_2003_xml_workbook_is_read(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text(WORKBOOK, encoding="utf-8")
    submission = read_submission(path, OFFICE)
    assert submission.error is None and submission.format == "spreadsheetml"
    assert submission.rows[["source_sheet", "source_row", "nama", "nik", "jenjang"]].values.tolist() == [
        ["Peserta", "4", "Budi Santoso", "6408015203850012", "3"],
        ["Peserta", "5", "Siti Aminah", None, "4"],
    ]
    instructions, participants = submission.sheets
    assert instructions.sheet == "Petunjuk" and instructions.rows == 0
    assert participants.header_row == 3 and participants.title == "DAFTAR PESERTA SERTIFIKASI TAHUN 2025"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-16-le"])  # in UTF-16 the bytes hide the words
def test_an_xml_workbook_declaring_entities_is_refused(tmp_path, codec):
    bomb = WORKBOOK.replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>')
    path = tmp_path / "export.xls"
    path.write_bytes(bomb.encode(codec))
    submission = read_submission(path, OFFICE)
    assert submission.error == (
        "office kab-kutai-timur, file export.xls: Excel 2003 XML spreadsheet that declares XML entities "
        "(<!DOCTYPE>), which spreadsheets never need; ask the office to save it as .xlsx"
    )


def test_a_name_merged_down_over_its_certificate_rows_belongs_to_each(tmp_path):
    """A person with two certificates: No, Nama and NIK merged over their two rows (ss:MergeDown),
    the second row's cells placed with ss:Index; a merge in the title row stays a title."""
    cell = '<Cell{}><Data ss:Type="String">{}</Data></Cell>'
    workbook = f"""<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Peserta"><Table>
  <Row>{cell.format(' ss:MergeAcross="3"', 'DAFTAR PESERTA')}</Row>
  <Row>{cell.format('', 'Nama')}{cell.format('', 'NIK')}{cell.format('', 'Jabatan Kerja')}{cell.format('', 'Jenjang')}</Row>
  <Row>{cell.format(' ss:MergeDown="1"', 'Budi Santoso')}{cell.format(' ss:MergeDown="1"', '6408011203850012')}
   {cell.format('', 'Tukang Besi')}{cell.format('', '3')}</Row>
  <Row>{cell.format(' ss:Index="3"', 'Mandor')}{cell.format('', '6')}</Row>
  <Row>{cell.format('', 'Siti Aminah')}{cell.format('', '6408015203850013')}{cell.format('', 'Juru Ukur')}{cell.format('', '4')}</Row>
 </Table></Worksheet>
</Workbook>"""
    path = tmp_path / "export.xls"
    path.write_text(workbook, encoding="utf-8")
    rows = read_submission(path, OFFICE).rows
    assert rows[["source_row", "nama", "nik", "jabatan_kerja", "jenjang"]].values.tolist() == [
        ["3", "Budi Santoso", "6408011203850012", "Tukang Besi", "3"],
        ["4", "Budi Santoso", "6408011203850012", "Mandor", "6"],
        ["5", "Siti Aminah", "6408015203850013", "Juru Ukur", "4"],
    ]
