"""A fifth hand-made world: participant lists downloaded from web systems and portals.

Seven offices of four provinces no other world uses (Sulawesi Tengah 72, Maluku 81, Banten 36,
DI Yogyakarta 34), 59 persons, 12 files, judged on PUBLISH (30 June 2026). Each file is written
as the system that produced it writes its download, after what its documentation shows:
- the Sulteng province (72): a Laravel admin panel's API, saved page by page
  (``?page=1``, ``?page=2``). A paginator's JSON holds ``current_page``, ``data`` (the records),
  ``first_page_url``, ``from``, ``last_page``, ``links`` (a list of link objects), ``per_page``,
  ``to``, ``total`` (w3cschool.cn/laravel_8/laravel_8-ipek3hz1.html; segmentfault.com/a/
  1190000039667231). Since Laravel 7 a date cast is serialized by Carbon's toJSON, "UTC ISO-8601
  with microseconds", ``2026-01-02T03:04:05.000000Z`` (pub.dev daravel jsonDate; github.com/
  laravel/framework/discussions/42924): a certificate issued on 1 July 2021 in Palu (WITA,
  +08:00) leaves the API as ``2021-06-30T16:00:00.000000Z``. ``created_at``/``updated_at`` are
  the records' import times, not the certificates'; the model's relations eager-loaded beside their
  foreign keys (``"jenjang_id": 17, "jenjang": {"id": 17, "nama": "Jenjang 7", "kualifikasi":
  "Ahli"}``, ``"jabatan_kerja": {"id", "kode", "nama"}``);
- Kota Palu (72.71): the admin panel's DataTables list, server-side processing: ``draw``,
  ``recordsTotal``, ``recordsFiltered``, ``data`` (datatables.net/manual/server-side), rows as
  objects with the Yajra columns ``DT_RowIndex`` and ``action``, the name rendered as a link and
  the result as a badge (HTML in the values), MySQL's zero date ``0000-00-00 00:00:00`` where no
  date was entered, and the debug mode's echo of the request (``input.columns``: one object per
  table column, more of them than rows); and the same system's older "Export Excel": an HTML
  table sent as ``.xls`` with a heading above it;
- Kota Ambon (81.71): the city's open-data portal (CKAN), a ``datastore_search`` response saved
  as is: ``help``, ``success``, ``result`` holding ``fields`` (id, type), ``records`` (``_id``
  first), ``_links``, ``total`` (docs.ropensci.org/ckanr/reference/ds_search.html); CKAN
  timestamps without a zone (``2023-05-10T00:00:00``);
- the Maluku province (81): its SharePoint list read through the REST API (``_api/web/lists/
  .../items`` with ``odata=verbose``): ``{"d": {"results": [...], "__next": ...}}``, each item with
  ``__metadata`` and SharePoint's own fields (Id, ContentTypeId, Title left empty, AuthorId,
  GUID), the list's columns under their internal names, a space written ``_x0020_`` as XML names
  encode it (``Nama_x0020_Lengkap``, ``No_x0020_KTP``), a Yes/No column ``IsKompeten`` true/false,
  dates in UTC (``2021-06-30T15:00:00Z``: local midnight of 1 July 2021 in Ambon, WIT +09:00);
- Kabupaten Serang (36.04): a CodeIgniter panel's CSV download: UTF-8 with BOM, every field
  quoted, an address with line breaks inside its quotes, a score with a decimal comma ("87,5"),
  ``is_kompeten`` as 1/0, nulls written "null", "-", "N/A", "", dates 'YYYY-MM-DD HH:MM:SS';
  and the regency's GIS portal (ArcGIS FeatureServer ``query?f=json``): ``fields`` with
  ``esriFieldType*`` types and ``features`` of ``attributes`` whose dates are "milliseconds since
  epoch (January 1, 1970) in UTC" (developers.arcgis.com/documentation/common-data-types/
  feature-object.htm), shapefile-style upper-case names of ten letters at most;
- the Banten province (36): an LSP portal's JSON Lines export (``.jsonl``, one person per line)
  in English: ``full_name``, ``id_number``, ``gender`` male/female, ``certificates``: a list of
  ``{scheme, level, result: competent / not yet competent, number, issued_at, expires_at}`` with
  +07:00 offsets; re-reports two Serang certificates (one by number, one without);
- Kota Yogyakarta (34.71): a Python dashboard's pandas ``to_json(orient='split')``:
  ``{"columns", "index", "data"}``, dates in the default epoch milliseconds, NaN as null, the
  level as a float column (3.0) because one row has none, NIKs as JSON integers
  (pandas.pydata.org/pandas-docs/version/1.4/reference/api/pandas.DataFrame.to_json.html).
- later additions: Ambon's field assessment of 2025 from a KoboToolbox form (its API's JSON:
  ``count``/``next``/``results``; fields named by the form's group path, "grp_peserta/nama_lengkap",
  choices as their names, "belum_kompeten", "jenjang_3"; ``_attachments``, ``_geolocation``,
  ``_submission_time`` beside them); Yogyakarta's registration sheet sent as CSV by an Apps Script
  that joins getValues() with commas, so each date is JavaScript's Date.toString(), "Mon Feb 14 2022
  00:00:00 GMT+0700 (Western Indonesia Time)" (as milan-rajic.com/date-and-time-1-6-it-can-be-tricky
  shows Apps Script logging "Sun Feb 26 2023 00:00:00 GMT-0800 (Pacific Standard Time)"); Palu's
  panel printing "15-06-2023 09:00 WITA" in its HTML export; the Maluku province's fresh graduates
  from a Google Sheet saved through its ``gviz/tq`` endpoint: JSONP behind ``/*O_o*/``
  (``google.visualization.Query.setResponse({...});``), ``table.cols`` (id, label, type, pattern)
  and ``table.rows[].c[]`` cells ``{"v", "f"}``, a date as ``"Date(2020,2,20)"`` with the month
  counted from 0 and ``"f": "2020/03/20"`` (pre-practice.net/2020/03/google-visualization-
  apiresponsecols.html; lebcit.github.io/posts/google-ql-wrapper: JSONP by default), NIKs as
  doubles with "f" in Excel's scientific form.
Persons in two offices: Ikhsan (Palu 2020, then Ambon 2024), Nanang (Serang 3, Yogyakarta 4).
The province offices re-report regency/city certificates (Sulteng: Palu's two, Maluku: Ambon's
two, Banten: Serang's two), by number and without.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-sulteng", "name": "Dinas Bina Marga dan Penataan Ruang Provinsi Sulawesi Tengah",
     "level": "province", "region_code": "72"},
    {"id": "kota-palu", "name": "Dinas PUPR Kota Palu", "level": "city", "region_code": "72.71"},
    {"id": "prov-maluku", "name": "Dinas PUPR Provinsi Maluku", "level": "province", "region_code": "81"},
    {"id": "kota-ambon", "name": "Dinas PUPR Kota Ambon", "level": "city", "region_code": "81.71"},
    {"id": "prov-banten", "name": "Dinas PUPR Provinsi Banten", "level": "province", "region_code": "36"},
    {"id": "kab-serang", "name": "Dinas PUPR Kabupaten Serang", "level": "regency", "region_code": "36.04"},
    {"id": "kota-yogyakarta", "name": "Dinas PUPKP Kota Yogyakarta", "level": "city", "region_code": "34.71"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "s1": ("Andi Baso Rahman", "7271", "01", "1988-03-04", "L", 1),
    "s2": ("Nurhayati Lamasitudju", "7271", "02", "1991-07-21", "P", 2),
    "s3": ("Moh. Fadli", "7271", "03", "1995-01-09", "L", 1),
    "s4": ("Ikhsan Pettalolo", "7271", "04", "1983-11-30", "L", 3),
    "s5": ("Sitti Rahmawati", "7271", "05", "1990-05-05", "P", 1),
    "s6": ("Yusuf Tanjung", "7271", "01", "1979-09-12", "L", 4),
    "s7": ("Rahmat Lasari", "7271", "06", "1985-02-28", "L", 2),
    "s8": ("Fitriani Tombolotutu", "7271", "02", "1993-10-10", "P", 5),
    "s9": ("Agus Salim Lamakarate", "7271", "03", "1987-06-17", "L", 6),
    "s10": ("Hasanudin", "7271", "07", "1976-12-01", "L", 1),
    "s11": ("Wahyuni", "7271", "05", "1996-04-14", "P", 2),
    "t1": ("Abdul Haris Lamarauna", "7271", "01", "1978-08-08", "L", 7),
    "t2": ("Sri Wahyuni Djanggola", "7203", "02", "1975-02-02", "P", 1),
    "t3": ("Muhammad Arief", "7202", "03", "1992-09-19", "L", 2),
    "t4": ("Ronald Lapasila", "7271", "04", "1960-03-03", "L", 8),
    "t5": ("Nur Afni", "7210", "01", "1997-07-07", "P", 1),
    "t6": ("Dewi Lestari Tadjuddin", "7271", "06", "2000-01-25", "P", 3),
    "m1": ("Johanis Latuheru", "8171", "01", "1984-04-04", "L", 1),
    "m2": ("Maria Pattinama", "8171", "02", "1989-08-18", "P", 2),
    "m3": ("Abdul Gani Ohorella", "8171", "03", "1981-01-11", "L", 1),
    "m4": ("Yohanis Tuhumury", "8171", "04", "1994-06-06", "L", 3),
    "m5": ("Fransina Sahetapy", "8171", "05", "1986-12-12", "P", 1),
    "m6": ("Ruben Wattimena", "8171", "01", "1977-10-02", "L", 4),
    "m7": ("Sitti Nurbaya Tuasikal", "8171", "02", "1992-03-23", "P", 5),
    "u1": ("Benny Lekransy", "8171", "03", "1980-05-15", "L", 6),
    "u2": ("Elisabeth Souisa", "8101", "01", "1990-09-09", "P", 1),
    "u3": ("Hamid Rumra", "8104", "02", "1970-11-20", "L", 2),
    "u4": ("Yance Manuhutu", "8171", "04", "1993-02-14", "L", 7),
    "u5": ("Ronny Pelupessy", "8171", "05", "1965-07-30", "L", 8),
    "b1": ("Ahmad Jaelani", "3604", "01", "1986-02-03", "L", 1),
    "b2": ("Siti Maemunah", "3604", "02", "1990-04-25", "P", 1),
    "b3": ("Ujang Suryana", "3604", "03", "1995-08-08", "L", 2),
    "b4": ("Mulyadi", "3604", "04", "1979-01-01", "L", 1),
    "b5": ("Rohmat Hidayatulloh", "3604", "05", "1984-09-09", "L", 3),
    "b6": ("Nanang Kosim", "3604", "01", "1982-12-12", "L", 4),
    "b7": ("Euis Komalasari", "3604", "06", "1993-03-03", "P", 1),
    "b8": ("Dedi Supriadi", "3604", "07", "1980-06-16", "L", 2),
    "b9": ("Iis Aisyah", "3604", "02", "1988-11-11", "P", 5),
    "b10": ("Asep Saepudin", "3604", "03", "1991-07-07", "L", 6),
    "n1": ("Tubagus Hendra Kurnia", "3673", "01", "1977-04-12", "L", 1),
    "n2": ("Ratu Siti Fatimah", "3672", "02", "1994-05-20", "P", 2),
    "n3": ("Bambang Sutrisno", "3603", "03", "1968-10-10", "L", 3),
    "n4": ("Rizky Maulana", "3674", "04", "1999-12-24", "L", 1),
    "y1": ("Bayu Aji Nugroho", "3471", "01", "1989-10-01", "L", 1),
    "y2": ("Sri Rejeki", "3471", "02", "1985-03-15", "P", 2),
    "y3": ("Wahyu Hidayat", "3471", "03", "1992-07-27", "L", 1),
    "y4": ("Dwi Astuti", "3471", "04", "1996-02-29", "P", 3),
    "y5": ("Agus Prasetyo", "3471", "05", "1980-08-17", "L", 2),
    "y6": ("Joko Susilo", "3471", "01", "1975-05-05", "L", 4),
    "y7": ("Fajar Nugraha", "3471", "02", "1994-09-30", "L", 5),
    "y8": ("Rina Kusumawati", "3471", "03", "1987-12-05", "P", 2),
    "y9": ("Hendro Wibowo", "3471", "04", "1979-04-18", "L", 6),
    "y10": ("Siti Aminah", "3471", "05", "1991-01-27", "P", 3),
    "u6": ("Kristin Leiwakabessy", "8171", "01", "1996-03-08", "P", 10),
    "u7": ("Fadli Rumakat", "8101", "02", "1998-11-02", "L", 3),
    "u8": ("Olivia Tetelepta", "8171", "02", "1999-06-21", "P", 11),
    "m8": ("Marthen Sopacua", "8171", "03", "1990-02-12", "L", 7),
    "m9": ("Nona Latupeirissa", "8171", "04", "1995-08-09", "P", 8),
    "m10": ("Yakobus Pattiasina", "8171", "05", "1988-05-25", "L", 9),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


def _name(p: str) -> str:
    return PERSONS[p][0]


def _local_midnight(iso: str, hours: int) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=timezone(timedelta(hours=hours)))


def laravel(iso: str | None, hours: int = 8) -> str | None:
    """A date cast as Laravel 7+ serializes it: the local midnight in UTC, '...T16:00:00.000000Z'."""
    if not iso:
        return None
    return _local_midnight(iso, hours).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def epoch_ms(iso: str, hours: int) -> int:
    """Milliseconds since 1970 (UTC) of the local midnight of the day."""
    return int(_local_midnight(iso, hours).timestamp() * 1000)


# --- the Sulteng province: a Laravel API, page by page ----------------------------------------

# (person, jabatan, jenjang, hasil, number, issued)
_SULTENG = [
    ("t1", "Ahli Muda Teknik Jalan", 7, "Kompeten", "SKK-72-2022-000411", "2022-04-11"),
    # issued on 1 July 2021 in Palu: Carbon's toJSON writes 30 June 16:00 UTC
    ("t2", "Ahli Madya Teknik Bangunan Gedung", 8, "Kompeten", "SKK-72-2021-000207", "2021-07-01"),
    ("t3", "Ahli Muda Teknik Sumber Daya Air", 7, "Belum Kompeten", None, None),
    ("t4", "Ahli Utama Manajemen Konstruksi", 9, "Kompeten", "1.3.501.9.172.00.0000912", "2019-09-09"),
    ("t5", "Arsitek Muda", 7, "Kompeten", None, None),
    # re-reports of Palu's certificates: by number, and without
    ("s1", "Operator Excavator", 3, "Kompeten", "SKK-7271-2025-000101", "2025-03-12"),
    ("s7", "Mandor Pekerjaan Jalan", 4, "Kompeten", None, None),
    # a fresh graduate of the province's own program
    ("t6", "Ahli Muda Teknik Bangunan Gedung", 7, "Kompeten", "SKK-72-2025-001020", "2025-10-20"),
    ("t5", "Arsitek Muda", 7, "Kompeten", None, None),  # entered twice by the operator
]


_KUALIFIKASI = {**dict.fromkeys(range(1, 4), "Operator"), **dict.fromkeys(range(4, 7), "Teknisi/Analis"),
                **dict.fromkeys(range(7, 10), "Ahli")}


def _sulteng_pages(per_page: int = 5) -> list[bytes]:
    base = "https://simjakon.sultengprov.go.id/api/sertifikasi"
    jabatan_ids = {jab: 40 + k for k, jab in enumerate(dict.fromkeys(row[1] for row in _SULTENG))}
    records = []
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_SULTENG, 1):
        # the model's relations eager-loaded (Peserta::with(['jenjang', 'jabatanKerja'])): foreign keys,
        # whose ids are no levels, beside the related rows
        records.append({
            "id": 1000 + i, "nama_lengkap": _name(p).upper(), "nik": N(p), "tempat_lahir": "Palu",
            "tanggal_lahir": laravel(born(p)), "jenis_kelamin": sex(p),
            "jabatan_kerja_id": jabatan_ids[jab], "jenjang_id": 10 + lvl,
            "hasil_asesmen": hasil, "nomor_sertifikat": number,
            "tanggal_terbit": laravel(issued), "created_at": "2025-12-01T02:13:45.000000Z",
            "updated_at": "2025-12-01T02:13:45.000000Z", "deleted_at": None,
            "jabatan_kerja": {"id": jabatan_ids[jab], "kode": f"F.4{jabatan_ids[jab] % 10}.{lvl:02d}", "nama": jab},
            "jenjang": {"id": 10 + lvl, "nama": f"Jenjang {lvl}", "kualifikasi": _KUALIFIKASI[lvl]},
        })
    last = (len(records) + per_page - 1) // per_page
    pages = []
    for page in range(1, last + 1):
        chunk = records[(page - 1) * per_page:page * per_page]
        links = [{"url": None if page == 1 else f"{base}?page={page - 1}", "label": "&laquo; Previous",
                  "active": False}]
        links += [{"url": f"{base}?page={k}", "label": str(k), "active": k == page} for k in range(1, last + 1)]
        links.append({"url": None if page == last else f"{base}?page={page + 1}", "label": "Next &raquo;",
                      "active": False})
        pages.append(json.dumps({
            "current_page": page, "data": chunk, "first_page_url": f"{base}?page=1",
            "from": (page - 1) * per_page + 1, "last_page": last, "last_page_url": f"{base}?page={last}",
            "links": links, "next_page_url": None if page == last else f"{base}?page={page + 1}",
            "path": base, "per_page": per_page, "prev_page_url": None if page == 1 else f"{base}?page={page - 1}",
            "to": (page - 1) * per_page + len(chunk), "total": len(records),
        }).encode("utf-8"))
    return pages


# --- Kota Palu: DataTables server-side JSON, and the HTML "Excel" export ------------------------

# (person, jabatan, jenjang, hasil, number, tgl_terbit as the database holds it)
_PALU_DT = [
    ("s1", "Operator Excavator", "3", "Kompeten", "SKK-7271-2025-000101", "2025-03-12 10:15:00"),
    ("s2", "Juru Ukur", "4", "Kompeten", "SKK-7271-2022-000317", "2022-08-01 09:00:00"),
    ("s3", "Tukang Besi Beton", "2", "Belum Kompeten", None, "0000-00-00 00:00:00"),
    ("s4", "Tukang Batu", "2", "Kompeten", "1.2.201.2.172.71.0000456", "2020-11-20 08:00:00"),
    ("s5", "Pelaksana Lapangan Pekerjaan Gedung", "5", "Kompeten", "SKK-7271-2023-000042", None),
    ("s6", "Operator Crane", "3", "Kompeten", "SKK-7271-2021-000150", "2021-05-10 00:00:00"),
    ("s7", "Mandor Pekerjaan Jalan", "4", "Kompeten", "SKK-7271-2024-000077", "2024-02-02 13:30:00"),
    ("s8", "Tukang Kayu", "2", "Kompeten", None, "0000-00-00 00:00:00"),
]

_BADGE = {"Kompeten": '<span class="badge badge-success">Kompeten</span>',
          "Belum Kompeten": '<span class="badge badge-danger">Belum Kompeten</span>'}


def _palu_datatables() -> bytes:
    columns = ["DT_RowIndex", "nama", "nik", "jabatan", "jenjang", "status", "no_sertifikat", "tgl_terbit",
               "action"]
    rows = []
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_PALU_DT, 1):
        rid = 200 + i
        rows.append({
            "id": rid, "DT_RowIndex": i,
            "nama": f'<a href="https://sijaki.palukota.go.id/peserta/{rid}">{_name(p).upper()}</a>',
            "nik": N(p), "jabatan": jab, "jenjang": lvl, "status": _BADGE[hasil], "no_sertifikat": number,
            "tgl_terbit": issued,
            "action": (f'<a href="/peserta/{rid}/edit" class="btn btn-sm btn-warning">Edit</a> '
                       f'<button data-id="{rid}" class="btn btn-sm btn-danger btn-delete">Hapus</button>'),
        })
    payload = {
        "draw": 1, "recordsTotal": len(rows), "recordsFiltered": len(rows), "data": rows,
        # Yajra's debug mode echoes the request: one object per table column
        "input": {"draw": "1", "columns": [{"data": c, "name": c, "searchable": "true", "orderable": "true",
                                            "search": {"value": None, "regex": "false"}} for c in columns],
                  "order": [{"column": "0", "dir": "asc"}], "start": "0", "length": "10",
                  "search": {"value": None, "regex": "false"}, "_": "1733212800123"},
    }
    return json.dumps(payload).encode("utf-8")


# (person, jabatan, jenjang, hasil, number, tgl terbit dd/mm/yyyy)
_PALU_HTML = [
    # the panel shows the time of issue with the zone, as Indonesian web apps print a datetime
    ("s9", "Operator Excavator", "3", "KOMPETEN", "SKK-7271-2023-000210", "15-06-2023 09:00 WITA"),
    ("s10", "Tukang Batu", "2", "KOMPETEN", "", "15-06-2023 09:00 WITA"),  # number not arrived
    ("s2", "Juru Ukur", "4", "KOMPETEN", "SKK-7271-2022-000317", "01/08/2022"),
    ("s11", "Juru Ukur", "4", "BELUM KOMPETEN", "", ""),
]


def _palu_html_xls() -> bytes:
    head = ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:x=\"urn:schemas-microsoft-com:office:excel\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n"
            "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n"
            "<style>.str{mso-number-format:\"\\@\";}</style></head>\n<body>\n"
            "<center><h3>DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI<br>DINAS PUPR KOTA PALU</h3></center>\n"
            "<table border=\"1\">\n<thead><tr><th>No</th><th>Nama Peserta</th><th>NIK</th><th>Jabatan Kerja</th>"
            "<th>Jenjang</th><th>Hasil</th><th>No. Sertifikat</th><th>Tgl Terbit</th></tr></thead>\n<tbody>\n")
    body = []
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_PALU_HTML, 1):
        body.append(f"<tr><td>{i}</td><td>{_name(p).upper()}</td><td class=\"str\">{N(p)}</td><td>{jab}</td>"
                    f"<td>{lvl}</td><td>{hasil}</td><td>{number}</td><td>{issued}</td></tr>\n")
    return (head + "".join(body) + "</tbody>\n</table>\n</body>\n</html>\n").encode("utf-8")


# --- Kota Ambon: a CKAN datastore_search response -----------------------------------------------

# (person, jabatan, jenjang, hasil, number, issued, berlaku sampai)
_AMBON = [
    ("m1", "Operator Excavator", "Jenjang 3", "K", "SKK-8171-2023-000120", "2023-05-10", None),
    ("m2", "Juru Ukur", "Jenjang 4", "K", "1.2.304.4.181.71.0000077", "2020-03-03", None),
    ("m3", "Tukang Batu", "Jenjang 2", "K", "SKK-8171-2024-000311", "2024-08-19", None),
    ("m4", "Tukang Kayu", "Jenjang 2", "BK", None, None, None),
    ("m5", "Pelaksana Lapangan Pekerjaan Gedung", "Jenjang 5", "K", "-", None, "2026-09-30"),
    ("m6", "Mandor Pekerjaan Jalan", "Jenjang 4", "K", "SKK-8171-2021-000064", "2021-06-30", "2026-06-29"),
    ("m7", "Operator Crane", "Jenjang 3", "K", None, None, None),
    # Ikhsan, certified in Palu in 2020, moved to Ambon
    ("s4", "Tukang Batu", "Jenjang 2", "K", "SKK-8171-2024-000015", "2024-01-15", None),
]


def _ambon_ckan() -> bytes:
    fields = [("_id", "int"), ("nama", "text"), ("nik", "text"), ("jenis_kelamin", "text"),
              ("jabatan_kerja", "text"), ("jenjang", "text"), ("hasil_uji", "text"), ("no_registrasi", "text"),
              ("tgl_terbit", "timestamp"), ("berlaku_sampai", "timestamp")]
    records = []
    for i, (p, jab, lvl, hasil, number, issued, until) in enumerate(_AMBON, 1):
        records.append({
            "_id": i, "nama": _name(p), "nik": N(p), "jenis_kelamin": "Laki-laki" if sex(p) == "L" else "Perempuan",
            "jabatan_kerja": jab, "jenjang": lvl, "hasil_uji": hasil, "no_registrasi": number,
            "tgl_terbit": f"{issued}T00:00:00" if issued else None,
            "berlaku_sampai": f"{until}T00:00:00" if until else None,
        })
    resource = "5b0f5c7e-3d0a-4c51-9a53-2f1d7c9e8a41"
    return json.dumps({
        "help": "https://data.ambon.go.id/api/3/action/help_show?name=datastore_search",
        "success": True,
        "result": {
            "include_total": True, "limit": 100, "records_format": "objects", "resource_id": resource,
            "total_estimation_threshold": None,
            "records": records,
            "fields": [{"id": f, "type": t} for f, t in fields],
            "_links": {"start": f"/api/3/action/datastore_search?resource_id={resource}",
                       "next": f"/api/3/action/datastore_search?resource_id={resource}&offset=100"},
            "total": len(records), "total_was_estimated": False,
        },
    }, indent=2).encode("utf-8")


# --- Kota Ambon's field assessment of 2025: a KoboToolbox form, its API's JSON -------------------

# (person, jabatan choice, jenjang choice, hasil choice, tgl_terbit or "")
_AMBON_KOBO = [
    ("m8", "operator_excavator", "jenjang_3", "kompeten", "2025-10-01"),
    ("m9", "juru_ukur", "jenjang_4", "kompeten", ""),
    ("m10", "tukang_besi_beton", "jenjang_2", "belum_kompeten", ""),
    # Yohanis, not yet competent in the city's list, passed in 2025
    ("m4", "tukang_kayu", "jenjang_2", "kompeten", "2025-10-01"),
]


def _ambon_kobo() -> bytes:
    results = []
    for i, (p, jab, lvl, hasil, issued) in enumerate(_AMBON_KOBO, 1):
        results.append({
            "_id": 48210 + i, "formhub/uuid": "8f1c0b2e9d3a4c6b", "start": f"2025-09-1{i}T08:0{i}:12.000+09:00",
            "end": f"2025-09-1{i}T08:2{i}:40.000+09:00", "__version__": "vQ7bYkXc3sP",
            "grp_kegiatan/tahun_anggaran": "2025", "grp_kegiatan/lokasi_tuk": "nusaniwe",
            "grp_peserta/nama_lengkap": _name(p), "grp_peserta/nik": N(p),
            "grp_peserta/jenis_kelamin": "laki_laki" if sex(p) == "L" else "perempuan",
            "grp_peserta/foto_ktp": f"ktp_{i}.jpg",
            "grp_uji/jabatan_kerja": jab, "grp_uji/jenjang": lvl, "grp_uji/hasil": hasil,
            "grp_uji/no_sertifikat": "", "grp_uji/tgl_terbit": issued,
            "meta/instanceID": f"uuid:0b5e{i}c2a-7d41-4f2e-9c1b-3a6d8e2f{i}0aa",
            "_xform_id_string": "aQx9uKkP3ZyTn", "_uuid": f"0b5e{i}c2a-7d41-4f2e-9c1b-3a6d8e2f{i}0aa",
            "_attachments": [{"download_url": f"https://kf.kobotoolbox.org/media/ktp_{i}.jpg", "mimetype": "image/jpeg",
                              "filename": f"dinaspupr_ambon/attachments/ktp_{i}.jpg", "instance": 48210 + i}],
            "_status": "submitted_via_web", "_geolocation": [-3.7, 128.18], "_submission_time": f"2025-09-1{i}T00:3{i}:05",
            "_tags": [], "_notes": [], "_validation_status": {}, "_submitted_by": "enumerator_pupr",
        })
    return json.dumps({"count": len(results), "next": None, "previous": None, "results": results}).encode("utf-8")


# --- the Maluku province: a SharePoint list read through its REST API ---------------------------

# (person, jabatan, jenjang, kompeten, number, issued, expires)
_MALUKU = [
    ("u1", "Ahli Muda Teknik Jembatan", 7, True, "SKK-81-2023-000031", "2023-02-14", "2028-02-13"),
    # local midnight of 1 July 2021 in Ambon (+09:00) is 30 June 15:00 UTC
    ("u2", "Ahli Muda Teknik Bangunan Gedung", 7, True, "SKK-81-2021-000118", "2021-07-01", None),
    ("u3", "Ahli Madya Teknik Sumber Daya Air", 8, True, "1.1.122.8.181.00.0000321", "2018-12-03", None),
    ("u3", "Ahli Madya Teknik Sumber Daya Air", 8, True, "SKK-81-2024-000402", "2024-05-06", "2029-05-05"),
    ("u4", "Ahli Muda Teknik Jalan", 7, False, None, None, None),
    ("u5", "Ahli Utama Teknik Jalan", 9, True, "SKK-81-2022-000012", None, None),
    # re-reports of Ambon's certificates: by number, and without
    ("m1", "Operator Excavator", 3, True, "SKK-8171-2023-000120", "2023-05-10", None),
    ("m3", "Tukang Batu", 2, True, None, None, None),
]


def _sharepoint_utc(iso: str | None, hours: int = 9) -> str | None:
    """A SharePoint date: the local midnight as UTC, '2021-06-30T15:00:00Z'."""
    if not iso:
        return None
    return _local_midnight(iso, hours).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _maluku_sharepoint() -> bytes:
    site = "https://malukuprov.sharepoint.com/sites/DinasPUPR/_api/Web/Lists(guid'5e2a7c1d-0b9f-4c8e-a3d6-1f7b2e9c4a60')"
    items = []
    for i, (p, jab, lvl, ok, number, issued, until) in enumerate(_MALUKU, 1):
        items.append({
            "__metadata": {"id": f"Web/Lists(guid'5e2a7c1d')/Items({i})", "uri": f"{site}/Items({i})",
                           "etag": '"3"', "type": "SP.Data.PesertaSertifikasiListItem"},
            "FileSystemObjectType": 0, "Id": i, "ID": i, "ContentTypeId": "0x0100A1B2C3D4E5F6", "Title": None,
            "Nama_x0020_Lengkap": _name(p), "No_x0020_KTP": N(p), "Tanggal_x0020_Lahir": _sharepoint_utc(born(p)),
            "Jenis_x0020_Kelamin": "Laki-laki" if sex(p) == "L" else "Perempuan",
            "Jabatan_x0020_Kerja": jab, "Jenjang_x0020_KKNI": lvl, "IsKompeten": ok,
            "Nomor_x0020_Sertifikat": number, "Tanggal_x0020_Terbit": _sharepoint_utc(issued),
            "Tanggal_x0020_Berakhir": _sharepoint_utc(until),
            "Modified": "2025-11-20T03:14:09Z", "Created": "2025-11-18T01:02:33Z", "AuthorId": 14, "EditorId": 14,
            "OData__UIVersionString": "3.0", "GUID": f"0c7d1e2f-3a4b-4c5d-8e9f-{i:012d}",
        })
    return json.dumps({"d": {"results": items, "__next": f"{site}/Items?%24skiptoken=Paged%3dTRUE%26p_ID%3d8"}},
                      ensure_ascii=False).encode("utf-8")


# --- the Maluku province's fresh graduates: a Google Sheet read through its gviz/tq endpoint ------

# (person, jabatan, jenjang, hasil, issued)
_MALUKU_GVIZ = [
    # 1 July 2021: the gviz "Date(2021,6,1)" counts months from 0, as JavaScript does
    ("u6", "Ahli Muda Teknik Bangunan Gedung", 7, "Kompeten", "2021-07-01"),
    ("u7", "Ahli Muda Teknik Jalan", 7, "Kompeten", "2025-10-20"),
    ("u8", "Ahli Muda Teknik Sumber Daya Air", 7, "Belum Kompeten", None),
]


def _gviz_date(iso: str) -> dict:
    d = date.fromisoformat(iso)
    return {"v": f"Date({d.year},{d.month - 1},{d.day})", "f": d.strftime("%d/%m/%Y")}


def _maluku_gviz() -> bytes:
    cols = [{"id": "A", "label": "Nama Lengkap", "type": "string"},
            {"id": "B", "label": "NIK", "type": "number", "pattern": "General"},
            {"id": "C", "label": "Jabatan Kerja", "type": "string"},
            {"id": "D", "label": "Jenjang", "type": "number", "pattern": "General"},
            {"id": "E", "label": "Hasil Uji", "type": "string"},
            {"id": "F", "label": "Tanggal Terbit", "type": "date", "pattern": "dd/MM/yyyy"}]
    rows = []
    for p, jab, lvl, hasil, issued in _MALUKU_GVIZ:
        # a NIK cell left "General" shows as Excel's scientific number in "f"; "v" holds the double
        nik = int(N(p))
        rows.append({"c": [{"v": _name(p)}, {"v": float(nik), "f": f"{nik:.5E}".replace("E+", "E+")},
                           {"v": jab}, {"v": float(lvl), "f": str(lvl)}, {"v": hasil},
                           _gviz_date(issued) if issued else None]})
    payload = {"version": "0.6", "reqId": "0", "status": "ok", "sig": "1489203755",
               "table": {"cols": cols, "rows": rows, "parsedNumHeaders": 1}}
    # the endpoint answers JSONP by default, behind a comment
    return ("/*O_o*/\ngoogle.visualization.Query.setResponse(" + json.dumps(payload) + ");").encode("utf-8")


# --- Kabupaten Serang: a CodeIgniter CSV (BOM, quoted newlines) and an ArcGIS FeatureServer ----

# (person, alamat, jabatan, jenjang, nilai, is_kompeten, number, tgl_terbit)
_SERANG_CSV = [
    ("b1", "Kp. Cibeber RT 02/03\nKec. Cikande", "Operator Excavator", "3", "87,5", "1", "SKK-3604-2023-000318",
     "2023-04-12 08:30:00"),
    ("b2", "Jl. Raya Petir Km. 4\nKec. Petir", "Juru Ukur", "4", "80", "1", "SKK-3604-2021-000035",
     "2021-02-15 09:00:00"),
    ("b3", "Kp. Pasir Angin\nKec. Cinangka", "Tukang Batu", "2", "55,25", "0", "N/A", ""),
    ("b4", "null", "Tukang Besi Beton", "2", "78", "1", "-", "null"),
    ("b5", "Perum Ciruas Permai Blok C2 No. 7\nKec. Ciruas", "Mandor Pekerjaan Gedung", "4", "90", "1",
     "SKK-3604-2025-000051", "2025-01-20 10:00:00"),
    ("b6", "Kp. Kragilan\nKec. Kragilan", "Operator Bulldozer", "3", "82,75", "1", "SKK-3604-2022-000199",
     "2022-09-09 14:00:00"),
    ("b7", "-", "Pelaksana Lapangan Pekerjaan Jalan", "5", "88", "1", "SKK-3604-2024-000270",
     "2024-11-11 08:00:00"),
]


def _serang_csv() -> bytes:
    header = ["no", "nama_lengkap", "nik", "jenis_kelamin", "alamat", "jabatan_kerja", "jenjang", "nilai",
              "is_kompeten", "no_sertifikat", "tgl_terbit"]
    lines = [",".join(f'"{h}"' for h in header)]
    for i, (p, alamat, jab, lvl, nilai, ok, number, issued) in enumerate(_SERANG_CSV, 1):
        cells = [str(i), _name(p).upper(), N(p), sex(p), alamat, jab, lvl, nilai, ok, number, issued]
        lines.append(",".join(f'"{c}"' for c in cells))
    return "\ufeff".encode("utf-8") + ("\n".join(lines) + "\n").encode("utf-8")


# (person, jabatan, jenjang, hasil, number, issued in WIB)
_SERANG_GIS = [
    ("b8", "Tukang Kayu", "2", "Kompeten", "SKK-3604-2022-000020", "2022-03-01"),
    ("b9", "Juru Ukur", "4", "Kompeten", "1.2.304.4.136.04.0000119", "2020-10-10"),
    ("b10", "Operator Crane", "3", "Belum Kompeten", None, None),
]


def _serang_arcgis() -> bytes:
    fields = [("OBJECTID", "esriFieldTypeOID", "OBJECTID"), ("NAMA", "esriFieldTypeString", "Nama"),
              ("NIK", "esriFieldTypeString", "NIK"), ("KECAMATAN", "esriFieldTypeString", "Kecamatan"),
              ("JABATAN", "esriFieldTypeString", "Jabatan Kerja"), ("JENJANG", "esriFieldTypeString", "Jenjang"),
              ("HASIL", "esriFieldTypeString", "Hasil"), ("NO_SERT", "esriFieldTypeString", "No Sertifikat"),
              ("TGL_TERBIT", "esriFieldTypeDate", "Tanggal Terbit")]
    features = []
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_SERANG_GIS, 1):
        features.append({"attributes": {
            "OBJECTID": i, "NAMA": _name(p).upper(), "NIK": N(p), "KECAMATAN": "CIRUAS", "JABATAN": jab,
            "JENJANG": lvl, "HASIL": hasil, "NO_SERT": number,
            "TGL_TERBIT": epoch_ms(issued, 7) if issued else None,
        }, "geometry": {"x": 106.2 + i / 100, "y": -6.1}})
    return json.dumps({
        "objectIdFieldName": "OBJECTID", "uniqueIdField": {"name": "OBJECTID", "isSystemMaintained": True},
        "globalIdFieldName": "", "geometryType": "esriGeometryPoint",
        "spatialReference": {"wkid": 4326, "latestWkid": 4326},
        "fields": [{"name": n, "type": t, "alias": a, "sqlType": "sqlTypeOther", "domain": None,
                    "defaultValue": None} for n, t, a in fields],
        "features": features,
    }).encode("utf-8")


# --- the Banten province: JSON Lines, one person with a list of certificates --------------------

def _iso7(iso: str | None, time: str = "09:00:00") -> str | None:
    return f"{iso}T{time}+07:00" if iso else None


# person -> [(scheme, level, result, number, issued, expires)]
_BANTEN = {
    "n1": [("Ahli Muda Teknik Jalan", 7, "competent", "SKK-36-2022-000601", "2022-06-01", "2027-05-31"),
           ("Ahli Madya Teknik Jalan", 8, "competent", "SKK-36-2025-000915", "2025-09-15", None)],
    "n2": [("Ahli Muda Teknik Bangunan Gedung", 7, "not yet competent", None, None, None)],
    "n3": [("Ahli Madya Manajemen Konstruksi", 8, "competent", "1.1.501.8.136.00.0000508", "2019-05-05",
            "2022-12-31")],
    # re-reports of Serang's certificates: by number, and without
    "b1": [("Operator Excavator", 3, "competent", "SKK-3604-2023-000318", "2023-04-12", None)],
    "b5": [("Mandor Pekerjaan Gedung", 4, "competent", None, "2025-01-20", None)],
    "n4": [("Ahli Muda Teknik Sumber Daya Air", 7, "competent", "SKK-36-2025-001210", "2025-12-10", None)],
}


def _banten_jsonl() -> bytes:
    lines = []
    for p, certs in _BANTEN.items():
        lines.append(json.dumps({
            "id_number": N(p), "full_name": _name(p), "gender": "male" if sex(p) == "L" else "female",
            "birth_date": born(p), "province": "Banten",
            "certificates": [{"scheme": s, "level": lvl, "result": r, "number": num,
                              "issued_at": _iso7(issued), "expires_at": _iso7(until, "23:59:59")}
                             for s, lvl, r, num, issued, until in certs],
        }))
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- Kota Yogyakarta: pandas to_json(orient="split") --------------------------------------------

# (person, jabatan, jenjang, hasil, number, issued)
_JOGJA = [
    ("y1", "Operator Excavator", 3.0, "Kompeten", "SKK-3471-2024-000012", "2024-03-04"),
    ("y2", "Tukang Batu", 2.0, "Kompeten", "SKK-3471-2021-000003", "2021-01-20"),
    ("y3", "Juru Ukur", 4.0, "Kompeten", "SKK-3471-2022-000140", "2022-10-10"),
    ("y4", "Pelaksana Lapangan Pekerjaan Gedung", 5.0, "Belum Kompeten", None, None),
    ("y5", "Tukang Kayu", 2.0, "Kompeten", "SKK-3471-2024-000088", None),
    ("y6", "Operator Crane", None, None, None, None),  # registered, did not sit the assessment
    # Nanang of Serang, certified at a second level in Yogyakarta
    ("b6", "Mandor Pekerjaan Jalan", 4.0, "Kompeten", "SKK-3471-2023-000077", "2023-07-07"),
]


def _jogja_split() -> bytes:
    data = [[_name(p), int(N(p)), sex(p), jab, lvl, hasil, number, epoch_ms(issued, 0) if issued else None]
            for p, jab, lvl, hasil, number, issued in _JOGJA]
    return json.dumps({"columns": ["nama", "nik", "jk", "jabatan_kerja", "jenjang", "hasil", "no_sertifikat",
                                   "tanggal_terbit"],
                       "index": list(range(len(data))), "data": data}).encode("utf-8")


# --- Kota Yogyakarta's registration sheet, sent as CSV by an Apps Script -------------------------

# (person, jabatan, jenjang, hasil, issued or None)
_JOGJA_GAS = [
    ("y7", "Operator Crane", 3, "Kompeten", "2022-02-14"),
    ("y8", "Juru Ukur", 4, "Kompeten", "2021-03-15"),
    ("y9", "Tukang Kayu", 2, "Belum Kompeten", None),
    ("y10", "Tukang Batu", 2, "Kompeten", "2023-01-10"),
]


def js_date(iso: str, clock: str = "00:00:00") -> str:
    """A Date as JavaScript's toString() writes it in the script's zone (Asia/Jakarta): 'Mon Feb 14
    2022 00:00:00 GMT+0700 (Western Indonesia Time)', what Apps Script's getValues() gives a
    script that joins the cells with commas."""
    return (datetime.fromisoformat(f"{iso}T{clock}").strftime("%a %b %d %Y %H:%M:%S")
            + " GMT+0700 (Western Indonesia Time)")


def _jogja_gas_csv() -> bytes:
    lines = ["Timestamp,Nama Lengkap,NIK,Jabatan Kerja,Jenjang,Hasil Uji,Tanggal Terbit SKK"]
    for i, (p, jab, lvl, hasil, issued) in enumerate(_JOGJA_GAS):
        stamp = js_date("2023-01-0" + str(2 + i), f"1{i}:15:32")
        lines.append(",".join([stamp, _name(p), N(p), jab, str(lvl), hasil, js_date(issued) if issued else ""]))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    for page, content in enumerate(_sulteng_pages(), 1):
        (landing / "prov-sulteng" / f"api_sertifikasi_page{page}.json").write_bytes(content)
    (landing / "kota-palu" / "datatables_peserta.json").write_bytes(_palu_datatables())
    (landing / "kota-palu" / "Export_Peserta_Sertifikasi.xls").write_bytes(_palu_html_xls())
    (landing / "kota-ambon" / "datastore_search_tkk_ambon.json").write_bytes(_ambon_ckan())
    (landing / "kota-ambon" / "kobo_uji_kompetensi_2025.json").write_bytes(_ambon_kobo())
    (landing / "prov-maluku" / "items_PesertaSertifikasi.json").write_bytes(_maluku_sharepoint())
    (landing / "prov-maluku" / "gviz_tq_fresh_graduate_2025.json").write_bytes(_maluku_gviz())
    (landing / "kab-serang" / "peserta_sertifikasi_serang.csv").write_bytes(_serang_csv())
    (landing / "kab-serang" / "tkk_serang_featureserver_query.json").write_bytes(_serang_arcgis())
    (landing / "prov-banten" / "export_skk_banten.jsonl").write_bytes(_banten_jsonl())
    (landing / "kota-yogyakarta" / "sertifikasi_jogja_split.json").write_bytes(_jogja_split())
    (landing / "kota-yogyakarta" / "Pendaftaran Sertifikasi TKK (export).csv").write_bytes(_jogja_gas_csv())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown) per cell.
# 72     Sulteng province: 7 Abdul Haris (2022, active), Nur Afni (no date, no number, entered twice:
#        unknown), Dewi (2025, active); Arief BK; 8 Sri Wahyuni (1 July 2021 local: expires 30 June
#        2026 at the earliest, active today); 9 Ronald (SKA 2019, expired). Andi Baso (by number) and
#        Rahmat (no number, same jabatan and level) re-report Palu.
# 72.71  Palu: 2 Ikhsan (SKT 2020, expired), Fitriani (zero date, no number: unknown), Hasanudin
#        (2023, active); 3 Andi Baso (2025), Agus Salim (2023): active, Yusuf (10 May 2021: expired);
#        4 Nurhayati (2022, in both files, one number), Rahmat (2024): active; 5 Sitti (no date,
#        number of 2023: active). Fadli, Wahyuni BK.
# 81     Maluku province: 7 Benny (2023), Elisabeth (1 July 2021 local: active); 8 Hamid (SKA 2018
#        expired, SKK 2024 active); 9 Ronny (number of 2022: active). Yance not competent. Johanis
#        (by number) and Abdul Gani (without) re-report Ambon. The fresh graduates' sheet (gviz):
#        7 Kristin (1 July 2021, "Date(2021,6,1)": active), Fadli (Oct 2025, active). Olivia BK.
#        So 7: Benny, Elisabeth, Kristin, Fadli, all active.
# 81.71  Ambon: 2 Abdul Gani (2024), Ikhsan (2024): active; 3 Johanis (2023, active), Sitti Nurbaya
#        (no date or number: unknown); 4 Maria (SKT 2020), Ruben (berlaku to 29 Jun 2026): expired;
#        5 Fransina (berlaku to 30 Sep 2026: active). Yohanis BK in the CKAN list.
#        The Kobo form of 2025 (tahun_anggaran 2025): 2 Yohanis (Oct 2025, active); 3 Marthen (Oct
#        2025, active); 4 Nona (no date, program year 2025: active). Yakobus BK.
#        So 2 Abdul Gani, Ikhsan, Yohanis; 3 Johanis, Marthen active, Sitti Nurbaya unknown; 4 Maria,
#        Ruben expired, Nona active.
# 36     Banten province: 7 Tubagus (2022), Rizky (Dec 2025): active; 8 Tubagus (2025, active),
#        Bambang (SKA 2019, expired). Ratu not yet competent. Ahmad (number) and Rohmat (without)
#        re-report Serang.
# 36.04  Serang: 2 Mulyadi ("null" date, "-" number: unknown), Dedi (Mar 2022, active); 3 Ahmad
#        (2023), Nanang (2022): active; 4 Siti (15 Feb 2021: expired), Rohmat (2025, active), Iis
#        (SKT 2020, expired); 5 Euis (2024, active). Ujang (is_kompeten 0), Asep BK.
# 34.71  Yogyakarta: 2 Sri Rejeki (20 Jan 2021: expired), Agus (number of 2024: active); 3 Bayu
#        (2024, active); 4 Wahyu (2022), Nanang (2023): active. Dwi BK; Joko no result.
#        The Apps Script CSV (dates as JavaScript's Date.toString()): 2 Siti Aminah (Jan 2023,
#        active); 3 Fajar (Feb 2022, active); 4 Rina (15 Mar 2021: expired). Hendro BK.
# 72.71  (Palu's HTML export shows "15-06-2023 09:00 WITA": Agus Salim and Hasanudin, issued in June
#        2023, Hasanudin's number not yet arrived: both active.)
TRUTH = {
    ("72", 7): (3, 2, 1), ("72", 8): (1, 1, 0), ("72", 9): (1, 0, 0),
    ("72.71", 2): (3, 1, 1), ("72.71", 3): (3, 2, 0), ("72.71", 4): (2, 2, 0), ("72.71", 5): (1, 1, 0),
    ("81", 7): (4, 4, 0), ("81", 8): (1, 1, 0), ("81", 9): (1, 1, 0),
    ("81.71", 2): (3, 3, 0), ("81.71", 3): (3, 2, 1), ("81.71", 4): (3, 1, 0), ("81.71", 5): (1, 1, 0),
    ("36", 7): (2, 2, 0), ("36", 8): (2, 1, 0),
    ("36.04", 2): (2, 1, 1), ("36.04", 3): (2, 2, 0), ("36.04", 4): (3, 1, 0), ("36.04", 5): (1, 1, 0),
    ("34.71", 2): (3, 2, 0), ("34.71", 3): (2, 2, 0), ("34.71", 4): (3, 2, 0),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world5")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    # 59 persons; Ikhsan (Palu, Ambon) and Nanang (Serang, Yogyakarta) once each
    assert len(report.persons) == len(PERSONS)


def test_every_file_gives_the_occupation_level_and_result(report):
    # what a web system calls them ("scheme", "JenjangKkni", "IsKompeten", "is_kompeten", a badge)
    # must reach the columns, not only the headline's counts
    wanted = {"nama", "nik", "jabatan_kerja", "jenjang", "hasil"}
    missing = {}
    for row in report.submission_log.itertuples():
        for sheet in json.loads(row.sheets):
            if sheet["rows"] and not wanted <= sheet["columns"].keys():
                missing[(row.source_file, sheet["sheet"])] = sorted(wanted - sheet["columns"].keys())
    assert missing == {}


def test_no_row_is_quarantined(report):
    # every row of every file is a participant whose level, result and dates a reader can tell
    assert sorted(zip(report.quarantine.source_file, report.quarantine.source_row.astype(str),
                      report.quarantine.rule)) == []
