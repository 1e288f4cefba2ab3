"""Provinsi Kalimantan Selatan: paged JSON, SIKI-like for BIMTEK lists, the portal's English REST API for certification."""

from __future__ import annotations

import json

import numpy as np

from demo import names as V
from demo.common import _iso
from demo.formats.base import OfficeContext, WriterReport, files_of, row_values


JSON_PAGE_SIZE = 500
API_PAGE_SIZE = 100


def write_kalsel(df, ctx: OfficeContext, out: WriterReport) -> None:
    """BIMTEK lists as SIKI-like JSON pages (``{"data": [...], "meta": {...}}``, Indonesian keys);
    certification rounds as the portal's English REST API (:func:`_write_portal_api_pages`)."""
    c = row_values(df, ctx, out)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    cells = {"born": _iso(c["birth"]), "issue": issue, "expiry": expiry, "issue_iso": _iso(issue),
             "expiry_iso": _iso(expiry), "program": df["program"].tolist()}
    for stem, pos in files_of(df):
        if stem.startswith("sertifikasi_ahli"):
            _write_portal_api_pages(df, c, ctx, out, stem, pos, issue, expiry)
            continue
        pages = [pos[i:i + JSON_PAGE_SIZE] for i in range(0, len(pos), JSON_PAGE_SIZE)]
        for page_no, page in enumerate(pages, start=1):
            name = f"{stem}_page{page_no}.json"
            records = []
            for k, i in enumerate(page.tolist(), start=1):
                records.append(_siki_record(i, c, cells, out))
                out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
            meta = {"page": page_no, "total_pages": len(pages), "per_page": JSON_PAGE_SIZE, "total": len(pos)}
            body = ",\n  ".join(json.dumps(record, ensure_ascii=False) for record in records)
            text = f'{{"data": [\n  {body}\n], "meta": {json.dumps(meta)}}}\n'
            (ctx.dir / name).write_text(text, encoding="utf-8")
            out.files.append((name, "ok", "SIKI-like JSON export, one page per file"))
            ctx.tick(len(page))


def _siki_record(i: int, c: dict, cells: dict, out: WriterReport) -> dict:
    """One participant with Indonesian keys; the number and ISO dates only when issued."""
    h = c["hasil"][i]
    nomor = c["nomor"][i] if h == 1 and not c["pending"][i] else None
    terbit = cells["issue_iso"][i] if nomor else None
    berlaku = cells["expiry_iso"][i] if nomor else None
    if nomor:
        out.written_nomor[i] = nomor
        out.written_terbit[i] = cells["issue"][i]
        out.written_berlaku[i] = cells["expiry"][i]
    return {
        "nik": c["nik"][i],
        "nama": c["nama"][i],
        "tempat_lahir": c["place"][i],
        "tanggal_lahir": cells["born"][i],
        "jenis_kelamin": "P" if c["female"][i] else "L",
        "jabatan_kerja": c["jabatan"][i],
        "jenjang": c["jen"][i],
        "kualifikasi": V.AHLI_TITLE.get(c["jen"][i], "Teknisi/Analis"),
        "hasil": {1: "Kompeten", 0: "Belum Kompeten", -1: ""}[h],
        "nomor_registrasi": nomor,
        "tanggal_ditetapkan": terbit,
        "masa_berlaku": berlaku,
        "kegiatan": cells["program"][i],
        "tahun": c["year"][i],
    }


def _write_portal_api_pages(df, c, ctx: OfficeContext, out: WriterReport, stem: str, pos: np.ndarray, issue,
                            expiry) -> None:
    """The province portal's REST API export, in English (DOMAIN: exports from web systems).

    ``{"data": [...], "meta": {"page", "per_page", "total", "total_pages"}, "links": {...}}``;
    ``gender`` male/female, ``assessment_result`` competent / not yet competent, a nested
    ``certificate`` with ISO timestamps: WITA (+08:00) from the portal, some records
    re-saved by the Jakarta server in WIB (+07:00); the local date is the same.
    """
    rng = ctx.rng
    cells = {
        "born": _iso(c["birth"]), "issue": issue, "expiry": expiry, "issue_iso": _iso(issue), "expiry_iso": _iso(expiry),
        "offset": np.where(rng.random(len(df)) < 0.8, "+08:00", "+07:00").tolist(),
        "hour": rng.integers(8, 16, size=len(df)).tolist(),
        "level_style": rng.random(len(df)).tolist(),
    }
    pages = [pos[i:i + API_PAGE_SIZE] for i in range(0, len(pos), API_PAGE_SIZE)]
    name_stem = f"api_{stem}"
    for page_no, page in enumerate(pages, start=1):
        name = f"{name_stem}_p{page_no:03d}.json"
        records = []
        for k, i in enumerate(page.tolist(), start=1):
            records.append(_api_record(i, df, c, cells, out))
            out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
        meta = {"page": page_no, "per_page": API_PAGE_SIZE, "total": len(pos), "total_pages": len(pages)}
        links = {"next": f"/api/v1/participants?page={page_no + 1}" if page_no < len(pages) else None}
        text = json.dumps({"data": records, "meta": meta, "links": links}, ensure_ascii=False, indent=1) + "\n"
        (ctx.dir / name).write_text(text, encoding="utf-8")
        out.files.append((name, "ok", "province portal REST API export in English: full_name, id_number, nested certificate"))
        ctx.tick(len(page))


def _api_record(i: int, df, c: dict, cells: dict, out: WriterReport) -> dict:
    """One participant as the portal's API gives it."""
    h = c["hasil"][i]
    j = c["jen"][i]
    return {
        "id": int(1000 + i),
        "full_name": c["nama"][i],
        "id_number": c["nik"][i],
        "gender": "female" if c["female"][i] else "male",
        "birth_place": c["place"][i],
        "birth_date": cells["born"][i],
        "position": c["jabatan"][i],
        "qualification": "Ahli" if j >= 7 else "Teknisi/Analis",
        "level": j if cells["level_style"][i] < 0.7 else f"KKNI {j}",
        "assessment_result": "competent" if h == 1 else "not yet competent",
        "certificate": _api_certificate(i, c, cells, out),
        "program": df["program"].iat[i],
        "year": c["year"][i],
    }


def _api_certificate(i: int, c: dict, cells: dict, out: WriterReport) -> dict | None:
    """The nested certificate: number and timestamps when issued, "in_process" while pending, None otherwise."""
    h = c["hasil"][i]
    if h == 1 and not c["pending"][i]:
        out.written_nomor[i] = c["nomor"][i]
        out.written_terbit[i] = cells["issue"][i]
        out.written_berlaku[i] = cells["expiry"][i]
        offset = cells["offset"][i]
        hh = cells["hour"][i] - (1 if offset == "+07:00" else 0)
        return {
            "number": c["nomor"][i],
            "issued_at": f"{cells['issue_iso'][i]}T{hh:02d}:00:00{offset}",
            "expires_at": f"{cells['expiry_iso'][i]}T23:59:59{offset}",
        }
    if h == 1:
        return {"number": None, "status": "in_process", "issued_at": None, "expires_at": None}
    return None
