"""A small world written by hand in forms the demo generator never writes, run end to end.

Three offices of one province, each in a form real web systems and scripts produce:
- Kutai Timur: an "Export Excel" HTML table saved as .xls, its headers carrying notes
  ("NAMA PESERTA (SESUAI KTP)", "NIK (16 digit)", "Hasil Uji (K/BK)"), a title table above;
- Samarinda: a list of certificate holders written by a script (openpyxl): NIKs as numbers
  with all 16 digits, no result column, a certificate number and issue date on each row,
  filed in a sub-folder of the year;
- the province: a person-centred JSON export, each person with a list of certificates.
The headline is counted by hand from the files below.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import dagster as dg
import openpyxl
import pandas as pd
import yaml

from pipelines.run import run_everything
from pipelines.settings import Settings
from sources.registry import DEFAULT_REGISTRY

OFFICES = ("kab-kutai-timur", "kota-samarinda", "prov-kaltim")
PUBLISH = date(2026, 6, 30)

KUTIM_EXPORT = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table><tr><td colspan=6><b>DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN KUTAI TIMUR TAHUN 2025</b></td></tr></table>
<table border=1>
<tr><th>No</th><th>NAMA PESERTA (SESUAI KTP)</th><th>NIK (16 digit)</th><th>Jabatan Kerja yang Diuji</th>
<th>Jenjang (KKNI)</th><th>Hasil Uji (K/BK)</th></tr>
<tr><td>1</td><td>Budi Santoso</td><td>6408011203850003</td><td>Tukang Besi</td><td>3</td><td>K</td></tr>
<tr><td>2</td><td>Rahmawati</td><td>6408015506900002</td><td>Juru Ukur</td><td>4</td><td>K</td></tr>
<tr><td>3</td><td>Agus Salim</td><td>6408010101800001</td><td>Tukang Batu</td><td>2</td><td>BK</td></tr>
<tr><td colspan=2>JUMLAH</td><td>3 orang</td><td></td><td></td><td></td></tr>
</table></body></html>"""

KALTIM_EXPORT = {
    "status": "success",
    "data": [
        {"nama": "Ir. Hendra Wijaya, M.T.", "nik": "6472011508780004",
         "sertifikat": [{"nomor": "1.7.201.1.123.64.0000101", "jenjang": "Ahli Muda", "jabatan_kerja": "Ahli Muda Teknik Jalan",
                         "tanggal_terbit": "2024-03-12", "hasil": "Kompeten"},
                        {"nomor": "1.8.201.1.123.64.0000202", "jenjang": "Ahli Madya", "jabatan_kerja": "Ahli Madya Teknik Jalan",
                         "tanggal_terbit": "2025-08-01", "hasil": "Kompeten"}]},
        {"nama": "Dewi Lestari, S.T.", "nik": "6402014703920005",
         "sertifikat": [{"nomor": "1.7.201.1.123.64.0000303", "jenjang": "Jenjang Tujuh", "jabatan_kerja": "Ahli Muda K3 Konstruksi",
                         "tanggal_terbit": "2025-01-20", "hasil": "Kompeten"}]},
    ],
    "meta": {"page": 1, "total": 2},
}


def _samarinda_holders(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Pemegang SKK"
    sheet.append(["Nama", "NIK", "Jabatan Kerja", "Jenjang", "Nomor Sertifikat SKK", "Tanggal Terbit"])
    sheet.append(["Slamet Riyadi", 6472031007880006, "Operator Excavator", 2, "SKK-6472-2024-0007", "2024-05-02"])
    sheet.append(["Yohanes Pattipeilohy", 6472032208750007, "Pelaksana Lapangan", 5, "SKK-6472-2025-0008", "2025-02-14"])
    workbook.save(path)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office).mkdir(parents=True)
    (landing / "kab-kutai-timur" / "export_peserta_2025.xls").write_text(KUTIM_EXPORT, encoding="utf-8")
    (landing / "kota-samarinda" / "2025").mkdir()
    _samarinda_holders(landing / "kota-samarinda" / "2025" / "pemegang_skk.xlsx")
    (landing / "prov-kaltim" / "api_sertifikasi_page1.json").write_text(json.dumps(KALTIM_EXPORT), encoding="utf-8")
    entries = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [e for e in entries if e["id"] in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


def test_an_unfamiliar_world_publishes_the_hand_counted_headline(tmp_path):
    report = run_everything(_world(tmp_path), "test-secret", publish_date=PUBLISH, instance=dg.DagsterInstance.ephemeral())
    assert report.offices_failed == {}
    log = report.submission_log.set_index("source_file")
    assert log["status"].to_dict() == {
        "export_peserta_2025.xls": "accepted", "2025/pemegang_skk.xlsx": "accepted", "api_sertifikasi_page1.json": "accepted"}
    # every row read is a participant: the totals row is not, and each certificate of a person is a row
    assert log["rows_read"].to_dict() == {
        "export_peserta_2025.xls": 3, "2025/pemegang_skk.xlsx": 2, "api_sertifikasi_page1.json": 3}
    headline = report.headline.sort_values(["region_code", "jenjang"])
    assert headline[["region_code", "jenjang", "certified_persons"]].values.tolist() == [
        ["64", 7, 2], ["64", 8, 1],
        ["64.08", 3, 1], ["64.08", 4, 1],
        ["64.72", 2, 1], ["64.72", 5, 1],
    ]
    # seven persons: Agus (Belum Kompeten) is a participant, not certified; Hendra's two certificates are one person
    assert len(report.persons) == 7
    assert pd.Series(report.persons["person_key_basis"]).eq("nik").all()
