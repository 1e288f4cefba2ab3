"""Paperwork that lands beside the data (DOMAIN "What else arrives in a landing folder": "cover letters,
invitations and PDFs"): a cover letter, a scanned signed recap, a report of the assessment, an invitation.

About half the offices send one or two such documents, names and kinds drawn per office. None holds a
participant table: each is a file the pipeline must reject with a reason (``expected_status`` "rejected")
while the office's other files count. The bytes are fixed by the seed (zip entries carry a fixed date).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from demo.common import _rng
from sources.registry import Office

PAPERWORK_OFFICE_SHARE = 0.5  # offices with a document beside their data
# (file name, kind): {year} is the office's latest year
DOCUMENTS = (
    ("Surat Pengantar Data Sertifikasi {year}.pdf", "pdf"),
    ("Scan Rekap Peserta TTD Kadis {year}.pdf", "pdf"),
    ("Berita Acara Uji Kompetensi {year}.pdf", "pdf"),
    ("SK Panitia Pelatihan {year}.pdf", "pdf"),
    ("Undangan Pelatihan dan Sertifikasi {year}.docx", "docx"),
    ("Surat_Pengantar_{year}.docx", "docx"),
)
_FIXED_DATE = (2026, 1, 5, 8, 0, 0)


def add_paperwork(landing_root: Path, offices: dict[str, Office], rows: pd.DataFrame, files: pd.DataFrame,
                  seed: int) -> pd.DataFrame:
    """Write the documents into the offices' folders; return ``files`` with one "rejected" entry each."""
    rng = _rng(seed, "paperwork")
    entries = []
    for office_id in sorted(offices):
        if rng.random() >= PAPERWORK_OFFICE_SHARE:
            continue
        years = rows.loc[rows["office_id"] == office_id, "tahun"]
        if not len(years):
            continue
        year = int(years.max())
        picks = rng.choice(len(DOCUMENTS), size=1 + int(rng.random() < 0.3), replace=False).tolist()
        folder = offices[office_id].landing_dir(landing_root)
        for k in sorted(picks):
            pattern, kind = DOCUMENTS[k]
            name = pattern.format(year=year)
            if (folder / name).exists():
                continue
            text = _letter(offices[office_id], year)
            (folder / name).write_bytes(_pdf(text) if kind == "pdf" else _docx(text))
            entries.append({"office_id": office_id, "source_file": name, "expected_status": "rejected",
                            "why": f"a {kind.upper()} document (cover letter, scan or invitation): no participant table",
                            "same_as": ""})
    if not entries:
        return files
    return pd.concat([files, pd.DataFrame(entries)], ignore_index=True)


def _letter(office: Office, year: int) -> list[str]:
    """The lines of a short cover letter from ``office``."""
    return [office.name.upper(), f"Nomor: 600/{100 + year % 100}/PUPR/{year}",
            "Perihal: Penyampaian Data Peserta Pelatihan dan Sertifikasi Tenaga Kerja Konstruksi",
            f"Bersama ini kami sampaikan data peserta pelatihan dan sertifikasi tahun {year}.",
            "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.", "Kepala Dinas"]


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ``lines`` of text (uncompressed content stream, cross-reference table)."""
    body = "BT /F1 11 Tf 56 780 Td 14 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines) + " ET"
    objects = [
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        f"<</Length {len(body.encode('latin-1'))}>>stream\n{body}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("latin-1")
    out += f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    return bytes(out)


def _docx(lines: list[str]) -> bytes:
    """A minimal Word document (OOXML zip) with ``lines`` as paragraphs."""
    import io

    paragraphs = "".join(f"<w:p><w:r><w:t>{_xml(line)}</w:t></w:r></w:p>" for line in lines)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:body>{paragraphs}</w:body></w:document>'),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return buffer.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
