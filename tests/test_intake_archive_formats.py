"""Which members of a zipped delivery are read (sources.intake.archive_members): every format the readers know.

An old PC's exports reach the office zipped by WhatsApp or an e-mail client just as workbooks do
(world 9: Rejang Lebong's Excel "Unicode Text" .txt in a folder, the Bengkulu province's Excel
2003 XML .xml); before, only .xlsx/.xlsm/.xls/.ods/.csv/.tsv/.json members were read.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from sources.intake import archive_members
from sources.registry import Office


def _office() -> Office:
    return Office(id="kab-rejang-lebong", name="Dinas PUPR Kabupaten Rejang Lebong", level="regency",
                  region_code="17.02", landing="kab-rejang-lebong")


@pytest.mark.parametrize(("members", "read"), [
    (["Data UK 2023/Peserta UK RL 2023.txt"], ["Data UK 2023/Peserta UK RL 2023.txt"]),  # Unicode Text
    (["rekap_ahli_2025.xml"], ["rekap_ahli_2025.xml"]),  # Excel 2003 XML
    (["DATA SKK 2022.prn"], ["DATA SKK 2022.prn"]),  # Formatted Text (Space delimited)
    (["TKK2023.DBF"], ["TKK2023.DBF"]),  # FoxPro table
    (["Data TKK.htm", "Data TKK.HTML"], ["Data TKK.htm", "Data TKK.HTML"]),  # web page saved as Excel
    (["Hasil.xlsx", "Hasil.csv"], ["Hasil.xlsx", "Hasil.csv"]),  # as before
    # still passed over: documents, images, OS entries
    (["Surat Pengantar.pdf", "foto.jpg", "__MACOSX/._rekap.xml", "Thumbs.db"], []),
])
def test_archive_members(tmp_path, members, read):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in members:
            archive.writestr(name, b"No\tNama\tNIK\r\n")
    path = tmp_path / "kiriman.zip"
    path.write_bytes(buffer.getvalue())
    assert archive_members(path, _office()) == read
