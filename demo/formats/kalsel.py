"""Provinsi Kalimantan Selatan: paged JSON, SIKI-like for BIMTEK lists, the portal's English REST API for certification."""

from __future__ import annotations

import json

import numpy as np

from demo import names as V
from demo.common import _iso
from demo.formats.base import row_values, OfficeContext, files_of, WriterReport


JSON_PAGE_SIZE = 500
API_PAGE_SIZE = 100


def write_kalsel(df, ctx: OfficeContext, out: WriterReport) -> None:
    c = row_values(df, ctx, out)
    born = _iso(c["birth"])
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    issue_iso, expiry_iso = _iso(issue), _iso(expiry)
    nik = c["nik"]
    program = df["program"].tolist()
    for stem, pos in files_of(df):
        if stem.startswith("sertifikasi_ahli"):
            _write_portal_api_pages(df, c, ctx, out, stem, pos, issue, expiry)
            continue
        pages = [pos[i:i + JSON_PAGE_SIZE] for i in range(0, len(pos), JSON_PAGE_SIZE)]
        for page_no, page in enumerate(pages, start=1):
            name = f"{stem}_page{page_no}.json"
            records = []
            for k, i in enumerate(page.tolist(), start=1):
                h = c["hasil"][i]
                nomor = c["nomor"][i] if h == 1 and not c["pending"][i] else None
                terbit = issue_iso[i] if nomor else None
                berlaku = expiry_iso[i] if nomor else None
                if nomor:
                    out.written_nomor[i] = nomor
                    out.written_terbit[i] = issue[i]
                    out.written_berlaku[i] = expiry[i]
                records.append({
                    "nik": nik[i],
                    "nama": c["nama"][i],
                    "tempat_lahir": c["place"][i],
                    "tanggal_lahir": born[i],
                    "jenis_kelamin": "P" if c["female"][i] else "L",
                    "jabatan_kerja": c["jabatan"][i],
                    "jenjang": c["jen"][i],
                    "kualifikasi": V.AHLI_TITLE.get(c["jen"][i], "Teknisi/Analis"),
                    "hasil": {1: "Kompeten", 0: "Belum Kompeten", -1: ""}[h],
                    "nomor_registrasi": nomor,
                    "tanggal_ditetapkan": terbit,
                    "masa_berlaku": berlaku,
                    "kegiatan": program[i],
                    "tahun": c["year"][i],
                })
                out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
            meta = {"page": page_no, "total_pages": len(pages), "per_page": JSON_PAGE_SIZE, "total": len(pos)}
            body = ",\n  ".join(json.dumps(record, ensure_ascii=False) for record in records)
            text = f'{{"data": [\n  {body}\n], "meta": {json.dumps(meta)}}}\n'
            (ctx.dir / name).write_text(text, encoding="utf-8")
            out.files.append((name, "ok", "SIKI-like JSON export, one page per file"))
            ctx.tick(len(page))


def _write_portal_api_pages(df, c, ctx: OfficeContext, out: WriterReport, stem: str, pos: np.ndarray, issue, expiry) -> None:
    """The province portal's REST API export, in English (DOMAIN: exports from web systems).

    ``{"data": [...], "meta": {"page", "per_page", "total", "total_pages"}, "links": {...}}``;
    ``gender`` male/female, ``assessment_result`` competent / not yet competent, a nested
    ``certificate`` with ISO timestamps: WITA (+08:00) from the portal, some records
    re-saved by the Jakarta server in WIB (+07:00); the local date is the same.
    """
    rng = ctx.rng
    born = _iso(c["birth"])
    issue_iso, expiry_iso = _iso(issue), _iso(expiry)
    offset = np.where(rng.random(len(df)) < 0.8, "+08:00", "+07:00").tolist()
    hour = rng.integers(8, 16, size=len(df)).tolist()
    level_style = rng.random(len(df)).tolist()
    pages = [pos[i:i + API_PAGE_SIZE] for i in range(0, len(pos), API_PAGE_SIZE)]
    name_stem = f"api_{stem}"
    for page_no, page in enumerate(pages, start=1):
        name = f"{name_stem}_p{page_no:03d}.json"
        records = []
        for k, i in enumerate(page.tolist(), start=1):
            h = c["hasil"][i]
            issued = h == 1 and not c["pending"][i]
            certificate = None
            if issued:
                out.written_nomor[i] = c["nomor"][i]
                out.written_terbit[i] = issue[i]
                out.written_berlaku[i] = expiry[i]
                hh = hour[i] - (1 if offset[i] == "+07:00" else 0)
                certificate = {
                    "number": c["nomor"][i],
                    "issued_at": f"{issue_iso[i]}T{hh:02d}:00:00{offset[i]}",
                    "expires_at": f"{expiry_iso[i]}T23:59:59{offset[i]}",
                }
            elif h == 1:
                certificate = {"number": None, "status": "in_process", "issued_at": None, "expires_at": None}
            j = c["jen"][i]
            records.append({
                "id": int(1000 + i),
                "full_name": c["nama"][i],
                "id_number": c["nik"][i],
                "gender": "female" if c["female"][i] else "male",
                "birth_place": c["place"][i],
                "birth_date": born[i],
                "position": c["jabatan"][i],
                "qualification": "Ahli" if j >= 7 else "Teknisi/Analis",
                "level": j if level_style[i] < 0.7 else f"KKNI {j}",
                "assessment_result": "competent" if h == 1 else "not yet competent",
                "certificate": certificate,
                "program": df["program"].iat[i],
                "year": c["year"][i],
            })
            out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
        meta = {"page": page_no, "per_page": API_PAGE_SIZE, "total": len(pos), "total_pages": len(pages)}
        links = {"next": f"/api/v1/participants?page={page_no + 1}" if page_no < len(pages) else None}
        text = json.dumps({"data": records, "meta": meta, "links": links}, ensure_ascii=False, indent=1) + "\n"
        (ctx.dir / name).write_text(text, encoding="utf-8")
        out.files.append((name, "ok", "province portal REST API export in English: full_name, id_number, nested certificate"))
        ctx.tick(len(page))
