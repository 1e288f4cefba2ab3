"""One definition of rows read everywhere: rows read = accepted + quarantined.

A small Kutai Timur landing folder with a file that counts, its byte-identical copy,
a file of an office outside the registry, one of a registry office (counted there), a
corrupt file and a row without identity is ingested by the
real office assets; the submission log, the assets' metadata, the blocking
``row_accounting`` check, the feedback report and the printed run summary must all
tell the same numbers.
"""

from __future__ import annotations

import shutil

import dagster as dg
import pandas as pd
import xlsxwriter

from assets.offices import build_office_assets, row_totals
from expectations.catalogue import rule
from expectations.published import check_row_accounting
from pipelines.cli import summary_line
from pipelines.resources import OfficeRegistry, StagingStore
from sources.registry import DEFAULT_REGISTRY, load_registry

HEADER = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]


def write_list(path, titles, people):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Peserta")
    for r, line in enumerate(titles):
        sheet.write(r, 0, line)
    sheet.write_row(len(titles) + 1, 0, HEADER)
    for offset, person in enumerate(people, start=len(titles) + 2):
        sheet.write_row(offset, 0, [offset - len(titles) - 1, *person])
    book.close()


KUTIM_PEOPLE = [
    ("Budi Santoso", "6408010101800001", "Tukang Batu", "2", "Kompeten"),
    ("Siti Aminah", "6408015203850012", "Mandor", "4", "Kompeten"),
    ("Rahmat Hidayat", "6408020202820003", "Juru Ukur", "3", "Belum Kompeten"),
    ("Dewi Lestari", "6472035505900002", "Tukang Kayu", "2", "Kompeten"),  # a worker without a Kutim KTP
    (None, None, "Tukang Besi Beton", "2", "Kompeten"),  # no name, no NIK: quarantined as no_identity
]
# Balikpapan (64.71) has no office in the default registry; Samarinda (64.72) has one.
BALIKPAPAN_PEOPLE = [(f"Peserta {n}", f"64710101{n:02d}800001", "Tukang Batu", "2", "Kompeten") for n in range(1, 7)]
SAMARINDA_PEOPLE = [(f"Pekerja {n}", f"64720101{n:02d}800002", "Tukang Kayu", "2", "Kompeten") for n in range(1, 4)]


def landing(root):
    folder = root / "kab-kutai-timur"
    folder.mkdir(parents=True)
    write_list(folder / "DAFTAR PESERTA MTU 2024.xlsx", ["DAFTAR PESERTA MTU KABUPATEN KUTAI TIMUR TAHUN 2024"], KUTIM_PEOPLE)
    shutil.copy(folder / "DAFTAR PESERTA MTU 2024.xlsx", folder / "DAFTAR PESERTA MTU 2024 (1).xlsx")
    write_list(folder / "PESERTA SKK 2024.xlsx", ["DAFTAR PESERTA", "DINAS PUPR KOTA BALIKPAPAN TAHUN 2024"], BALIKPAPAN_PEOPLE)
    write_list(folder / "Peserta Samarinda.xlsx", ["DAFTAR PESERTA", "DINAS PUPR KOTA SAMARINDA TAHUN 2024"], SAMARINDA_PEOPLE)
    (folder / "rusak.xlsx").write_bytes(b"PK\x03\x04 truncated")


def test_every_place_tells_the_same_row_accounting(tmp_path):
    landing(tmp_path / "landing")
    partitions = dg.StaticPartitionsDefinition(list(load_registry()))
    resources = {
        "registry": OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path / "landing")),
        "staging": StagingStore(data_dir=str(tmp_path / "data")),
    }
    result = dg.materialize(build_office_assets(partitions), partition_key="kab-kutai-timur", resources=resources)
    assert result.success
    staging = resources["staging"]
    log = staging.read("submission_log", "kab-kutai-timur").set_index("source_file")
    log["rule"] = log["rule"].astype(object).where(log["rule"].notna(), None)  # parquet gives NaN back

    # per file: the kept file's rows all read and accounted; its copy and the unregistered office's file
    # quarantined whole; the registered office's file accepted, its rows counted at that office
    assert log[["status", "rule", "rows_read", "rows_accepted", "rows_quarantined"]].to_dict("index") == {
        "DAFTAR PESERTA MTU 2024 (1).xlsx": {"status": "rejected", "rule": "duplicate_submission", "rows_read": 5,
                                             "rows_accepted": 0, "rows_quarantined": 5},
        "DAFTAR PESERTA MTU 2024.xlsx": {"status": "accepted", "rule": None, "rows_read": 5,
                                         "rows_accepted": 4, "rows_quarantined": 1},
        "PESERTA SKK 2024.xlsx": {"status": "rejected", "rule": "file_from_other_office", "rows_read": 6,
                                  "rows_accepted": 0, "rows_quarantined": 6},
        "Peserta Samarinda.xlsx": {"status": "accepted", "rule": "counted_at_other_office", "rows_read": 3,
                                   "rows_accepted": 3, "rows_quarantined": 0},
        "rusak.xlsx": {"status": "rejected", "rule": "file_unreadable", "rows_read": 0,
                       "rows_accepted": 0, "rows_quarantined": 0},
    }
    assert "Kota Balikpapan (64.71)" in log.loc["PESERTA SKK 2024.xlsx", "reason"]
    assert "Dinas PUPR Kota Samarinda (kota-samarinda)" in log.loc["Peserta Samarinda.xlsx", "reason"]

    totals = row_totals(log.reset_index())
    assert totals == {"files": 5, "files_rejected": 3, "rows_read": 19, "rows_accepted": 7, "rows_quarantined": 12,
                      "rows_unaccounted": 0}
    # the same numbers in the staged tables ...
    assert len(staging.read("raw", "kab-kutai-timur")) == 19
    assert len(staging.read("standardized", "kab-kutai-timur")) == 7
    assert len(staging.read("quarantine", "kab-kutai-timur")) == 12
    # ... in the UI metadata ...
    metadata = {
        event.asset_key.to_user_string(): {k: v.value for k, v in event.materialization.metadata.items()}
        for event in result.get_asset_materialization_events()
    }
    assert metadata["office_submissions"]["rows_read"] == 19
    assert {k: metadata["office_submission_log"][k] for k in totals} == totals
    assert metadata["standardized_participations"]["dagster/row_count"] == 7
    assert metadata["office_quarantine"]["dagster/row_count"] == 12
    # ... in the blocking check ...
    assert all(outcome.success for outcome in check_row_accounting(log.reset_index()))
    # ... and in the printed summary
    assert summary_line(log.reset_index()) == "files: 5 (3 rejected); rows read 19 = accepted 7 + quarantined 12"

    # the office's feedback for the other office's file says so
    folder = tmp_path / "data" / "feedback" / "kab-kutai-timur"
    [report] = [p for p in folder.glob("*.xlsx") if "PESERTA SKK 2024" in p.name]
    summary = pd.read_excel(report, sheet_name="Ringkasan", header=None, dtype=str).iloc[:, :2].dropna()
    lines = dict(zip(summary[0], summary[1]))
    assert lines["Status berkas"] == "DITOLAK: tidak ada baris yang dihitung"
    assert lines["Baris tidak dipakai (karantina)"] == "6"
    assert lines["Masalah berkas"].endswith("Tampaknya berasal dari Kota Balikpapan (64.71)")
    assert lines["Catatan"].startswith("Baris berkas ini TIDAK dihitung")
    # and for the registered office's file, where its rows count
    [counted] = [p for p in folder.glob("*.xlsx") if "Peserta Samarinda" in p.name]
    summary = pd.read_excel(counted, sheet_name="Ringkasan", header=None, dtype=str).iloc[:, :2].dropna()
    lines = dict(zip(summary[0], summary[1]))
    assert lines["Status berkas"] == "diterima"
    assert lines["Masalah berkas"].endswith("Berkas ini dihitung pada Dinas PUPR Kota Samarinda (kota-samarinda)")
    assert lines["Catatan"].startswith("Baris berkas ini dihitung untuk dinas pemiliknya")
    # and the kept file's report does not list its copy's rows
    [kept] = [p for p in folder.glob("*.xlsx") if p.name.startswith("umpan_balik_DAFTAR PESERTA MTU 2024_")]
    problems = pd.read_excel(kept, sheet_name="Baris bermasalah", dtype=str)
    # its own no-identity row (quarantined) row by row; its Kompeten rows without a certificate number
    # (3 of the 4 rows it keeps) are the file's habit, stated once in the summary instead
    assert problems["Masalah"].tolist() == [rule("no_identity").pesan]
    summary = pd.read_excel(kept, sheet_name="Ringkasan", header=None, dtype=str)
    habit = [line for line in summary[1].dropna() if line.startswith("Kebiasaan pada berkas ini")]
    assert habit == [
        "Kebiasaan pada berkas ini (3 dari 4 baris): Hasil Kompeten tetapi nomor sertifikat kosong. "
        "Lengkapi nomor registrasi SKK setelah terbit. Baris-barisnya tidak dirinci satu per satu"
    ]


def test_summary_line_flags_rows_unaccounted_for():
    log = pd.DataFrame({"status": ["accepted", "rejected"], "rows_read": [10, 4], "rows_accepted": [8, 0],
                        "rows_quarantined": [1, 4]})
    assert summary_line(log) == "files: 2 (1 rejected); rows read 14 = accepted 8 + quarantined 5; 1 rows UNACCOUNTED FOR"


def test_publish_check_compares_log_totals_with_the_tables():
    from assets.published import _totals_agree

    log = pd.DataFrame({"status": ["accepted", "rejected"], "rows_read": [10, 4], "rows_accepted": [8, 0],
                        "rows_quarantined": [2, 4]})
    assert [o.success for o in _totals_agree(log, linked_rows=8, quarantine_rows=6)] == [True, True]
    # a linked row too many (a stale linkage run) or a quarantine row lost: the publish is blocked
    assert [o.success for o in _totals_agree(log, linked_rows=9, quarantine_rows=5)] == [False, False]
