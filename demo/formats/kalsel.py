"""Provinsi Kalimantan Selatan: paged JSON, SIKI-like for BIMTEK lists, the portal's English REST API for certification."""

from __future__ import annotations

import json
import re

import numpy as np

from demo import names as V
from demo.common import _iso
from demo.formats.base import OfficeContext, WriterReport, files_of, row_values


JSON_PAGE_SIZE = 500
API_PAGE_SIZE = 100
KEYED_YEAR = 2025  # the certification round exported from the Firebase back end, keyed by NIK
PER_PERSON_YEAR = 2026  # the certification round whose export lists persons, each with certificates and contacts
PER_PERSON_SHARE = 0.4  # of that round's persons (every person with two certificates in it is listed so)


def write_kalsel(df, ctx: OfficeContext, out: WriterReport) -> None:
    """BIMTEK lists as SIKI-like JSON pages (``{"data": [...], "meta": {...}}``, Indonesian keys);
    certification rounds as the portal's English REST API (:func:`_write_portal_api_pages`)."""
    c = row_values(df, ctx, out)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    cells = {"born": _iso(c["birth"]), "issue": issue, "expiry": expiry, "issue_iso": _iso(issue),
             "expiry_iso": _iso(expiry), "program": df["program"].tolist(), "pid": df["pid"].tolist()}
    for stem, pos in files_of(df):
        if stem.startswith("sertifikasi_ahli"):
            year = c["year"][pos[0]]
            if year == KEYED_YEAR:
                keyed = _keyable(pos, c)
                _write_keyed_by_nik(c, cells, ctx, out, stem, pos[keyed])
                pos = pos[~keyed]
            elif year == PER_PERSON_YEAR:
                listed = _listed_per_person(df, pos, c, ctx.rng)
                _write_per_person(c, cells, ctx, out, stem, pos[listed])
                pos = pos[~listed]
            if len(pos):
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


def _keyable(pos: np.ndarray, c: dict) -> np.ndarray:
    """Rows whose NIK can be a record's key: 15-17 digits, no other row of the file with the same text.
    (A back end keyed by NIK holds no one without one: the others stay in the portal's API pages.)"""
    niks = [c["nik"][i] for i in pos.tolist()]
    counts: dict[str, int] = {}
    for nik in niks:
        counts[nik] = counts.get(nik, 0) + 1
    return np.array([isinstance(n, str) and n.isdigit() and 15 <= len(n) <= 17 and counts[n] == 1 for n in niks],
                    dtype=bool)


def _write_keyed_by_nik(c: dict, cells: dict, ctx: OfficeContext, out: WriterReport, stem: str, pos) -> None:
    """A Firebase export: one object keyed by NIK, ``{"<nik>": {record without nik}, ...}``; source_row is
    the key's position."""
    if not len(pos):
        return
    name = f"firebase_{stem}.json"
    body = []
    for k, i in enumerate(pos.tolist(), start=1):
        record = _siki_record(i, c, cells, out)
        nik = record.pop("nik")
        body.append(f"{json.dumps(nik)}: {json.dumps(record, ensure_ascii=False)}")
        out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
    # the export script runs on a back end whose database connection is latin1: the bytes are Windows-1252
    # (a non-breaking space in a name is the byte A0, not valid UTF-8)
    (ctx.dir / name).write_text("{\n  " + ",\n  ".join(body) + "\n}\n", encoding="cp1252")
    out.files.append((name, "ok", "Firebase export: an object keyed by NIK, the records without their own nik; "
                                  "Windows-1252 bytes"))
    ctx.tick(len(pos))


def _person_keys(pos: np.ndarray, df, c: dict) -> list[tuple[int, object]]:
    """Each row's person in one export: the same person with the same NIK cell is one record."""
    pid = df["pid"].to_numpy()
    return [(int(pid[i]), c["nik"][i]) for i in pos.tolist()]


def _listed_per_person(df, pos: np.ndarray, c: dict, rng) -> np.ndarray:
    """Rows of the persons the per-person export lists: everyone with two certificates in the round,
    ``PER_PERSON_SHARE`` of the others (drawn per person)."""
    keys = _person_keys(pos, df, c)
    counts: dict = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    draw = rng.random(len(pos)).tolist()
    first: dict = {}
    for key, r in zip(keys, draw):
        first.setdefault(key, r)
    return np.array([key[0] >= 0 and (counts[key] > 1 or first[key] < PER_PERSON_SHARE) for key in keys], dtype=bool)


def _contacts(nama: str, i: int) -> list[dict]:
    """A person's contacts as the portal keeps them: a mobile number and an e-mail address."""
    local = re.sub(r"[^a-z]", "", (nama or "peserta").split(",")[0].lower())[:12] or "peserta"
    return [{"jenis": "hp", "nilai": f"08{(i * 7919 + 1234567) % 10**10:010d}"},
            {"jenis": "email", "nilai": f"{local}{i % 97}@gmail.com"}]


def _write_per_person(c: dict, cells: dict, ctx: OfficeContext, out: WriterReport, stem: str, pos) -> None:
    """The portal's per-person export: ``{"data": [person, ...]}``, each person with a ``kontak`` list and a
    ``sertifikasi`` list, each certificate's result and level nested as
    ``"certification": {"result": "COMPETENT", "level": 7}``. A person with one certificate is that
    record (source_sheet ""); one with several gives "sertifikasi[k]" for the k-th."""
    if not len(pos):
        return
    name = f"{stem}_per_peserta.json"
    persons: dict[tuple, list[int]] = {}
    for i in pos.tolist():
        persons.setdefault((cells["pid"][i], c["nik"][i]), []).append(i)
    records = []
    for number, rows in enumerate(persons.values(), start=1):
        head = rows[0]
        certificates = []
        for k, i in enumerate(rows, start=1):
            certificates.append(_per_person_certificate(i, c, cells, out))
            out.source_file[i], out.source_row[i] = name, number
            out.source_sheet[i] = f"sertifikasi[{k}]" if len(rows) > 1 else ""
            out.written_nama[i] = c["nama"][head]  # one name for the person's record
        records.append({
            "nik": c["nik"][head],
            "nama": c["nama"][head],
            "jenis_kelamin": "P" if c["female"][head] else "L",
            "tempat_lahir": c["place"][head],
            "tanggal_lahir": cells["born"][head],
            "kontak": _contacts(c["nama"][head], head),
            "sertifikasi": certificates,
        })
    meta = {"page": 1, "total_pages": 1, "total": len(records)}
    body = ",\n  ".join(json.dumps(record, ensure_ascii=False) for record in records)
    # saved through a Windows editor: UTF-8 with a byte-order mark, which a strict JSON parser refuses
    (ctx.dir / name).write_text(f'{{"data": [\n  {body}\n], "meta": {json.dumps(meta)}}}\n', encoding="utf-8-sig")
    out.files.append((name, "ok", "per-person export: kontak and sertifikasi lists, the result nested under certification"))
    ctx.tick(len(pos))


def _issued_number(i: int, c: dict, cells: dict, out: WriterReport) -> str | None:
    """Row ``i``'s registration number when its certificate is issued (recorded as written), else None."""
    nomor = c["nomor"][i] if c["hasil"][i] == 1 and not c["pending"][i] else None
    if nomor:
        out.written_nomor[i] = nomor
        out.written_terbit[i] = cells["issue"][i]
        out.written_berlaku[i] = cells["expiry"][i]
    return nomor


def _per_person_certificate(i: int, c: dict, cells: dict, out: WriterReport) -> dict:
    """One certificate of a person: the result and level nested under ``certification``."""
    h = c["hasil"][i]
    nomor = _issued_number(i, c, cells, out)
    return {
        "jabatan_kerja": c["jabatan"][i],
        "certification": {"result": "COMPETENT" if h == 1 else "NOT YET COMPETENT", "level": c["jen"][i]},
        "nomor_registrasi": nomor,
        "tanggal_terbit": cells["issue_iso"][i] if nomor else None,
        "masa_berlaku": cells["expiry_iso"][i] if nomor else None,
        "kegiatan": cells["program"][i],
        "tahun": c["year"][i],
    }


def _siki_record(i: int, c: dict, cells: dict, out: WriterReport) -> dict:
    """One participant with Indonesian keys; the number and ISO dates only when issued."""
    h = c["hasil"][i]
    nomor = _issued_number(i, c, cells, out)
    terbit = cells["issue_iso"][i] if nomor else None
    berlaku = cells["expiry_iso"][i] if nomor else None
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
