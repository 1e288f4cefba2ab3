"""The analyst reports rendered in a real browser: headless Debian Chromium.

Each page a publish exports (the national one and one per province with data) is opened
in ``chromium --headless=new``. A copy of the page gets a probe script appended that reads
back what the browser laid out: the visible text (``innerText``), every table cell, every
chart (inline SVG) with its bars' on-screen boxes, and which element the browser finds at
the centre of each bar (``elementFromPoint``: the bar is drawn there, not hidden or
covered). ``--dump-dom`` returns the probe's JSON. A second run takes a screenshot of
the whole page.

The expectations are computed here from the warehouse frames, with their own formatting
(dots between thousands, whole percentages), not with ``warehouse.reports``' helpers.
Two worlds: the hand-made demo star of tests/test_warehouse_demo.py, and the same star
with every count and target multiplied by 1.342 (so counts have thousands: 4.026 orang).

Without ``chromium`` on PATH the tests skip with that reason; with ``CI=true`` they fail
(``.ci/run`` installs Debian's ``chromium``), as the PostgreSQL tests do.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from test_feedback_reports import ENGLISH
from test_warehouse_demo import PUBLISH, demo_frames
from warehouse.exports import export_all

WIDTH, TALL = 1280, 8000  # the probe's window: tall enough that every bar is inside the viewport
FACTOR = 1342
COUNT_COLUMNS = ("certified_persons", "active_persons", "active_unknown_persons", "new_persons", "certificates")
TARGET_COLUMNS = ("baseline_value", "target_value", "measured_value")

PROBE = r"""<script>
(() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const rects = (g) => [...g.querySelectorAll("rect")].map((r) => {
    const b = box(r);
    const hit = document.elementFromPoint(b.x + b.w / 2, b.y + b.h / 2);
    return {...b, fill: r.getAttribute("fill"), drawn: hit === r, inside: g.contains(hit)};
  });
  const texts = (e) => [...e.querySelectorAll("text")].map((t) => t.textContent);
  const out = {
    lang: document.documentElement.lang,
    title: document.title,
    height: document.documentElement.scrollHeight,
    text: document.body.innerText,
    scripts: document.scripts.length,
    charts: [...document.querySelectorAll("figure svg[role=img]")].map((s) => ({
      title: s.querySelector("title").textContent,
      box: box(s),
      texts: texts(s),
      bars: [...s.querySelectorAll("g.batang")].map((g) => ({nilai: g.dataset.nilai, texts: texts(g), rects: rects(g)})),
      targets: [...s.querySelectorAll("g.target")].map((g) => ({kantor: g.dataset.kantor, tahun: g.dataset.tahun,
                                                               texts: texts(g), rects: rects(g)})),
    })),
    legends: [...document.querySelectorAll("ul.legenda")].map((u) => [...u.querySelectorAll("li")].map((li) => li.innerText.trim())),
    tables: Object.fromEntries([...document.querySelectorAll("table")].map((t) => [t.className, {
      box: box(t),
      head: [...t.tHead.rows[0].cells].map((c) => c.innerText),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.innerText)),
    }])),
    links: [...document.querySelectorAll("nav a")].map((a) => a.getAttribute("href")),
  };
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


# --------------------------------------------------------------------------- the browser


def chromium() -> str:
    """Debian's chromium, or skip (fail with CI=true)."""
    found = shutil.which("chromium")
    if found:
        return found
    reason = "Debian's chromium is not on PATH (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"the browser tests need chromium in CI (CI=true): {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    command = [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1", f"--user-data-dir={profile}",
               *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done


def render(page: Path, work: Path) -> dict:
    """What Chromium laid out for ``page``: the probe's JSON, plus the screenshot's size."""
    probe_page = work / f"probe_{page.name}"
    source = page.read_text(encoding="utf-8")
    assert source.count("</body>") == 1
    probe_page.write_text(source.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=work))
    dom = _run([f"--window-size={WIDTH},{TALL}", "--dump-dom", probe_page.as_uri()], profile).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, f"the probe did not run in {page.name}: {dom[:500]}"
    result = json.loads(html.unescape(found.group(1)))
    assert result["height"] < TALL, "the page is taller than the probe's window: raise TALL"

    shot = work / f"{page.stem}.png"
    _run([f"--window-size={WIDTH},{result['height']}", f"--screenshot={shot}", page.as_uri()], profile)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    result["screenshot"] = struct.unpack(">II", data[16:24])  # IHDR width, height
    result["screenshot_bytes"] = len(data)
    return result


# --------------------------------------------------------------------------- the worlds


def scaled(frames: dict[str, pd.DataFrame], factor: int) -> dict[str, pd.DataFrame]:
    """The same star with every count and target value multiplied by ``factor``."""
    frames = {name: frame.copy() for name, frame in frames.items()}
    for name in ("certified_workers_by_region_kualifikasi", "certified_workers_by_region_level",
                 "certified_workers_by_region_level_yearly", "certified_workers_by_province"):
        for column in COUNT_COLUMNS:
            if column in frames[name]:
                frames[name][column] = frames[name][column] * factor
    for column in TARGET_COLUMNS:
        frames["target_progress"][column] = frames["target_progress"][column] * factor
    return frames


def ribuan(n: int) -> str:
    """1342 -> 1.342."""
    return f"{int(n):,}".replace(",", ".")


def persen(share: float) -> str:
    """A whole percentage; not nothing is at least <1%."""
    whole = math.floor(share * 100 + 0.5)
    if share > 0 and whole == 0:
        return "<1%"
    if share < 1 and whole == 100:
        return ">99%"
    return f"{whole}%"


WORLDS = {"demo": lambda: demo_frames(), "x1342": lambda: scaled(demo_frames(), FACTOR)}


@pytest.fixture(scope="module", params=sorted(WORLDS))
def rendered(request, tmp_path_factory):
    """(frames, {page stem: probe}) of every report page of one world, and the seconds it took."""
    chromium()
    frames = WORLDS[request.param]()
    root = tmp_path_factory.mktemp(f"reports-{request.param}")
    paths = export_all(frames, root / "exports", PUBLISH)
    pages = [p for p in paths if p.suffix == ".html"]
    work = root / "browser"
    work.mkdir()
    started = time.monotonic()
    # Two pages at a time: a headless Chromium waits on itself about half of its launch (each page
    # has its own profile folder, so the launches share nothing); the pages keep their order.
    with ThreadPoolExecutor(max_workers=2) as pool:
        probes = dict(zip([page.stem for page in pages], pool.map(lambda page: render(page, work), pages)))
    print(f"\n{request.param}: {len(pages)} pages rendered in {time.monotonic() - started:.1f} s")
    return frames, probes


def _scope(frame: pd.DataFrame, code: str | None) -> pd.DataFrame:
    return frame if code is None else frame[frame["province_code"] == code]


def _pages(probes: dict) -> list[tuple[str, str | None]]:
    """(stem, province code or None) of each page."""
    return [(stem, None if stem == "laporan_nasional" else stem.split("_")[2]) for stem in probes]


# --------------------------------------------------------------------------- the tests


def test_a_page_per_province_with_data_and_a_national_one(rendered):
    frames, probes = rendered
    provinces = sorted(set(frames["certified_workers_by_region_kualifikasi"]["province_code"]))
    assert [code for _, code in _pages(probes)] == [None, *provinces]
    national = probes["laporan_nasional"]
    assert national["links"] == [f"{stem}.html" for stem, code in _pages(probes) if code]
    for stem, probe in probes.items():
        assert probe["lang"] == "id" and probe["scripts"] == 1  # the probe's own: the page has none
        assert probe["title"].startswith("Tenaga kerja konstruksi bersertifikat: ")
        assert "Data per 30 Juni 2026." in probe["text"]
        width, height = probe["screenshot"]
        assert (width, height) == (WIDTH, probe["height"]) and probe["screenshot_bytes"] > 20_000, stem


def test_region_table_and_chart_carry_the_warehouse_counts(rendered):
    frames, probes = rendered
    for stem, code in _pages(probes):
        probe = probes[stem]
        rows = _scope(frames["certified_workers_by_region_kualifikasi"], code)
        table = probe["tables"]["tabel-wilayah"]
        assert table["head"] == ["Kode wilayah", "Wilayah (pelapor)", "Jenis", "Kualifikasi", "Orang bersertifikat",
                                 "Sertifikat masih berlaku", "Keberlakuan tidak diketahui", "Hanya sertifikat kedaluwarsa"]
        assert table["box"]["w"] > 0 and table["box"]["h"] > 0
        shown = {(r[0], r[3]): (r[1], r[4:]) for r in table["rows"]}
        assert len(shown) == len(table["rows"]) == len(rows), stem
        chart = next(c for c in probe["charts"] if c["title"] == "Orang bersertifikat per wilayah pelapor dan kualifikasi")
        assert chart["box"]["w"] > 600 and chart["box"]["h"] > 50
        bars = iter(chart["bars"])
        for row in rows.sort_values(["region_code"], kind="stable").itertuples(index=False):
            expired = row.certified_persons - row.active_persons - row.active_unknown_persons
            label, counts = shown[(row.region_code, row.kualifikasi)]
            assert counts == [ribuan(row.certified_persons), ribuan(row.active_persons),
                              ribuan(row.active_unknown_persons), ribuan(expired)], (stem, row)
            if "." in row.region_code:
                assert label == row.region_name
            else:  # the province office's own programs, never read as the province total
                assert label == f"Dinas PUPR Provinsi {row.region_name}: program provinsi sendiri (bukan total provinsi)"
            bar = next(b for b in bars if b["texts"][0] == row.kualifikasi)
            assert bar["nilai"] == str(row.certified_persons)
            assert bar["texts"][1] == f"{ribuan(row.certified_persons)} orang (berlaku {ribuan(row.active_persons)})"
            # one drawn rect per non-zero part: valid, unknown (hatched), expired (pale)
            assert len(bar["rects"]) == sum(1 for v in (row.active_persons, row.active_unknown_persons, expired) if v)
            assert all(r["w"] >= 2 and r["h"] > 10 and r["drawn"] for r in bar["rects"]), (stem, bar)
        # the legend names every kualifikasi and the three validity shadings
        legend = next(items for items in probe["legends"] if "Operator" in items)
        assert {"Operator", "Teknisi/Analis", "Ahli"} <= set(legend) and len(legend) == 6


def test_province_totals_table_and_national_chart(rendered):
    frames, probes = rendered
    for stem, code in _pages(probes):
        rows = _scope(frames["certified_workers_by_province"], code)
        table = probes[stem]["tables"]["tabel-total"]
        expected = [[r.province_code, r.province_name, str(r.jenjang), r.kualifikasi, ribuan(r.certified_persons),
                     ribuan(r.active_persons), ribuan(r.active_unknown_persons),
                     ribuan(r.certified_persons - r.active_persons - r.active_unknown_persons)]
                    for r in rows.sort_values(["province_code", "jenjang"]).itertuples(index=False)]
        assert table["rows"] == expected, stem
    national = probes["laporan_nasional"]
    chart = next(c for c in national["charts"] if c["title"] == "Orang bersertifikat per provinsi dan jenjang")
    province = frames["certified_workers_by_province"]
    for r in province.itertuples(index=False):
        assert f"{r.province_name} ({r.province_code})" in chart["texts"]
    assert [int(b["nilai"]) for b in chart["bars"]] == list(province.sort_values(["province_code", "jenjang"])["certified_persons"])
    assert all(r["drawn"] for b in chart["bars"] for r in b["rects"])


def test_target_table_and_chart(rendered):
    frames, probes = rendered
    for stem, code in _pages(probes):
        progress = _scope(frames["target_progress"], code)
        probe = probes[stem]
        table = probe["tables"]["tabel-target"]
        assert len(table["rows"]) == len(progress), stem
        chart = next(c for c in probe["charts"] if c["title"] == "Capaian target dinas")
        for row, cells in zip(progress.itertuples(index=False), table["rows"]):
            whole = math.ceil(round(float(row.target_value), 6))
            if row.kind == "growth":
                share = (row.measured_value - row.baseline_value) / (whole - row.baseline_value)
                assert cells[5] == ribuan(row.baseline_value)
            else:
                share = row.measured_value / whole
                assert cells[5] == "–"
            assert cells[0] == row.office_name and cells[3] == str(row.target_year)
            assert cells[6:10] == [ribuan(row.measured_value), ribuan(whole), persen(share), persen(row.expected_progress)], (stem, cells)
            drawn = [t for t in chart["targets"] if t["kantor"] == row.office_id and t["tahun"] == str(row.target_year)]
            if drawn:  # growth targets and yearly ones of the publish year and the year before
                texts = " ".join(t for d in drawn for t in d["texts"])
                assert f"target {ribuan(whole)}" in texts and ribuan(row.measured_value) in texts
                # the track to the target is wide, and the browser finds the target's own drawing on every part of it
                # (the track itself, or awal/kini drawn over it); the kini bar is on top
                track, *parts = drawn[0]["rects"]
                assert track["w"] > 100 and all(r["inside"] for r in drawn[0]["rects"]), drawn[0]
                assert all(r["drawn"] for r in parts[-1:]), drawn[0]
        assert len(chart["targets"]) >= 1
    # Kutai Timur's +50%: awal -> kini -> target with the share of the growth, in the words of the page.
    kaltim = probes["laporan_provinsi_64_kalimantan_timur"]["text"]
    demo = frames["target_progress"].set_index("office_id").loc["kab-kutai-timur"]
    whole = math.ceil(round(float(demo.target_value), 6))
    share = persen((demo.measured_value - demo.baseline_value) / (whole - demo.baseline_value))
    assert (f"awal {ribuan(demo.baseline_value)} → kini {ribuan(demo.measured_value)} → target {ribuan(whole)}; "
            f"{share} pertumbuhan tercapai") in kaltim


def test_numbers_read_the_indonesian_way(rendered):
    frames, probes = rendered
    text = "\n".join(p["text"] for p in probes.values())
    # thousands with a dot, never a comma or a trailing .0
    assert not re.search(r"\d,\d{3}\b", text) and not re.search(r"\d\.0\b", text)
    assert "30.000" in text
    if frames["certified_workers_by_province"]["certified_persons"].max() >= 1000:
        assert "4.026 orang (berlaku 2.684)" in probes["laporan_provinsi_64_kalimantan_timur"]["text"]  # Kutai Timur's Operator x 1.342


def test_visible_text_has_no_english_word(rendered):
    _, probes = rendered
    pattern = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
    found = [(stem, line) for stem, probe in probes.items() for line in probe["text"].splitlines() if pattern.search(line)]
    assert found == []
