"""Analyst reports in Indonesian: one HTML page and one xlsx per province with data, and a national one.

Plain Python over the published frames (as :func:`warehouse.star.build_star`
returns them, or as read back from the warehouse). What a provincial analyst
reads, and why it is shaped so:

* **Wilayah**: distinct certified persons per credited region and kualifikasi.
  The row of the province office (``region_code`` ``64``) is labelled as the
  province office's own programs, never as the province's total: the total is
  a separate line from ``certified_workers_by_province`` (a person certified in
  two regencies counts once there, so the rows do not add up to it).
* **Target**: each office's published target as awal → kini → target, with the
  share achieved computed here (:func:`porsi_tercapai`): for a growth target the
  share of the *growth* (``(kini - awal) / (target - awal)``), never kini / target
  (895 of 1.343 is 0% of a +50% growth, not 67%).
* **Target tidak realistis**: a target is flagged when the yearly pace it asks
  for is more than :data:`BATAS_REALISTIS` (10) times the best yearly pace the
  office has shown in the warehouse (:func:`tidak_realistis`); see
  docs/warehouse.md, "Analyst reports".
* Numbers as Indonesians write them (:func:`angka`, :func:`persen`): 1.342, 37%;
  a target of 1.342,5 persons is shown as 1.343 (whole persons, rounded up:
  reaching it takes 1.343 persons).

The HTML pages are self-contained: inline SVG charts whose numbers are SVG text,
inline CSS, no script, no network. Every colour has a legend. The xlsx holds the
same tables with numbers as numbers (formats ``#,##0`` and ``0%``: an Indonesian
Excel shows 1.342 and 37%). No NIK, name or person key is in any report: the
frames they read are counts.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from reference import regions as reference_regions

KOSONG = "–"  # an empty or not applicable number
BATAS_REALISTIS = 10  # a target asking more than this many times the best year on record is flagged
REPORTS_FOLDER = "laporan"
NATIONAL_STEM = "laporan_nasional"

KUALIFIKASI = ("Operator", "Teknisi/Analis", "Ahli")
# Kualifikasi are blues and a purple; status colours are greens, amber, red and grey: no colour means both.
WARNA_KUALIFIKASI = {"Operator": "#0072B2", "Teknisi/Analis": "#56B4E9", "Ahli": "#9467BD"}
STATUS = {
    # code in target_progress: (label, colour)
    "met": ("tercapai", "#1A9850"),
    "on_track": ("sesuai jadwal", "#91CF60"),
    "behind": ("tertinggal dari jadwal", "#F4A300"),
    "missed": ("tidak tercapai", "#D73027"),
    "baseline_open": ("tahun dasar belum berakhir", "#9E9E9E"),
    "not_started": ("belum dimulai", "#C8C8C8"),
}
WARNA_TIDAK_REALISTIS = "#000000"
METRIK = {"certified_persons": "orang bersertifikat", "participants": "peserta pelatihan/uji (orang)"}
CATATAN = {"funded": "sesuai anggaran", "ideal": "ideal"}
JENIS_WILAYAH = {"province": "Dinas provinsi (program sendiri)", "regency": "Kabupaten", "city": "Kota"}


# --------------------------------------------------------------------------- numbers


def angka(nilai: object, desimal: int = 0) -> str:
    """A number as Indonesians write it: ``1342`` → ``1.342``, ``angka(1342.5, 1)`` → ``1.342,5``.

    Rounds half up (``angka(0.5)`` is ``1``, not Python's banker's ``0``); a missing
    value is ``–``.
    """
    if nilai is None or (not isinstance(nilai, str) and pd.isna(nilai)):
        return KOSONG
    step = Decimal(1).scaleb(-desimal)
    rounded = Decimal(str(nilai)).quantize(step, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    text = f"{rounded:,.{desimal}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def persen(porsi: object, desimal: int = 0) -> str:
    """A share as a percentage: ``0.37`` → ``37%``, ``0.4651`` with one decimal → ``46,5%``.

    A share that is not zero but would round to 0% reads ``<1%`` (140 of 30.000 is
    not nothing), and one short of 100% that would round to 100% reads ``>99%`` (a
    target is reached only when it is reached).
    """
    if porsi is None or pd.isna(porsi):
        return KOSONG
    value = float(porsi)
    shown = angka(value * 100, desimal)
    smallest = angka(10 ** -desimal, desimal)
    if value > 0 and shown == angka(0, desimal):
        return f"<{smallest}%"
    if value < 1 and shown == angka(100, desimal):
        return f">{angka(100 - 10 ** -desimal, desimal)}%"
    return f"{shown}%"


def orang(nilai: object) -> int | None:
    """A target in persons, whole: 1.342,5 → 1.343 (reaching it takes the next whole person)."""
    if nilai is None or pd.isna(nilai):
        return None
    # 1342.5000000001 from a float product is still 1.343, not 1.344
    return int(math.ceil(round(float(nilai), 6)))


# --------------------------------------------------------------------------- targets


def porsi_tercapai(jenis: str, awal: float | None, kini: float, target: float) -> float | None:
    """The share of a target achieved.

    ``per_year``: ``kini / target``. ``growth``: the share of the growth achieved,
    ``(kini - awal) / (target - awal)`` (negative when the figure fell below the
    baseline). None when it cannot be computed: a target of 0, or a growth target
    whose baseline is 0 (any growth of nothing is nothing).
    """
    if jenis == "growth":
        if awal is None or pd.isna(awal) or target <= awal:
            return None
        return (kini - awal) / (target - awal)
    return kini / target if target > 0 else None


def laju_diminta(jenis: str, awal: float | None, target: float, tahun_dasar: int | None, tahun_target: int) -> float | None:
    """Persons a year a target asks for: a yearly target itself; a growth target's
    growth spread over the years from the end of the baseline year to the target year."""
    if jenis == "growth":
        if awal is None or pd.isna(awal) or tahun_dasar is None or pd.isna(tahun_dasar):
            return None
        years = int(tahun_target) - int(tahun_dasar)
        return (target - awal) / years if years > 0 else None
    return float(target)


def tidak_realistis(diminta: float | None, terbaik: float | None) -> bool | None:
    """Whether a target is implausible: it asks for more than BATAS_REALISTIS times the best
    yearly figure on record. None (not judged) when either is unknown or nothing is on record yet."""
    if diminta is None or terbaik is None or pd.isna(diminta) or pd.isna(terbaik) or terbaik <= 0:
        return None
    return diminta > BATAS_REALISTIS * terbaik


@dataclass(frozen=True)
class Target:
    """One row of ``target_progress`` as the reports show it."""

    office_id: str
    office_name: str
    province_code: str
    region_code: str
    region_name: str
    metrik: str
    jenis: str  # growth | per_year
    catatan: str
    tahun_target: int
    tahun_dasar: int | None
    awal: int | None
    kini: int
    target_tepat: float  # as published: 1342.5
    porsi: float | None
    porsi_waktu: float | None
    status: str
    sumber: str
    laju_diminta: float | None
    laju_terbaik: float | None
    tidak_realistis: bool | None

    @property
    def target(self) -> int:
        """Whole persons."""
        return orang(self.target_tepat)

    @property
    def status_label(self) -> str:
        return STATUS.get(self.status, (self.status, ""))[0]

    @property
    def judul(self) -> str:
        """``Dinas PUPR Kabupaten Kutai Timur: orang bersertifikat +50% pada 2029 (dari akhir 2025)``."""
        metric = METRIK.get(self.metrik, self.metrik)
        if self.jenis == "growth":
            growth = (self.target_tepat / self.awal - 1) if self.awal else None
            head = f"{metric} {'+' + persen(growth) if growth is not None else ''} pada {self.tahun_target}"
            head += f" (dari akhir {self.tahun_dasar})"
        else:
            head = f"{metric} {angka(self.target)} dalam tahun {self.tahun_target}"
        if self.catatan:
            head += f", {self.catatan}"
        return f"{self.office_name}: {head}"

    @property
    def capaian(self) -> str:
        """``awal 895 → kini 1.000 → target 1.343; 23% pertumbuhan tercapai`` / ``140 dari 30.000 (<1%)``."""
        if self.jenis == "growth":
            text = f"awal {angka(self.awal)} → kini {angka(self.kini)} → target {angka(self.target)}"
            if self.porsi is None:
                return text + "; porsi pertumbuhan tidak dapat dihitung (awal 0)"
            return text + f"; {persen(self.porsi)} pertumbuhan tercapai"
        return f"kini {angka(self.kini)} dari target {angka(self.target)} ({persen(self.porsi)})"

    @property
    def penilaian(self) -> str:
        """The plausibility verdict in words."""
        if self.tidak_realistis is None:
            return "belum dapat dinilai (belum ada capaian tahunan tercatat)"
        pace = f"{_laju(self.laju_diminta)} orang/tahun"
        best = f"capaian tahunan terbaik {_laju(self.laju_terbaik)}"
        if self.tidak_realistis:
            ratio = self.laju_diminta / self.laju_terbaik
            return f"TIDAK REALISTIS: perlu {pace}, {angka(ratio)} kali {best}"
        return f"wajar: perlu {pace}; {best}"


def _laju(value: float) -> str:
    """A pace: one decimal below 10 a year (0,4 orang/tahun is not 0)."""
    return angka(value, 1 if abs(value) < 10 and value != int(value) else 0)


def _best_years(frames: dict[str, pd.DataFrame], targets: pd.DataFrame) -> dict[tuple[str, str, str], float]:
    """Best yearly figure on record per (office, metric, kind): the pace a target is judged against.

    ``per_year``: the highest measured value of the office's yearly rows of that metric, and
    for certified persons also the best certification year of the office's region (the
    yearly table, persons summed over jenjang). ``growth``: the best year of new certified
    persons in the office's region (the yearly table's ``new_persons`` summed over jenjang,
    an upper estimate: a person new in two jenjang counts twice).
    """
    yearly = frames.get("certified_workers_by_region_level_yearly")
    by_region: dict[str, pd.DataFrame] = {}
    if yearly is not None and len(yearly):
        sums = yearly.groupby(["region_code", "certification_year"])[["certified_persons", "new_persons"]].sum()
        by_region = {code: part.droplevel(0) for code, part in sums.groupby(level=0)}
    best: dict[tuple[str, str, str], float] = {}
    for (office, metric, kind, region), rows in targets.groupby(["office_id", "metric", "kind", "region_code"]):
        region_years = by_region.get(region)
        candidates: list[float] = []
        if kind == "per_year":
            candidates.append(float(rows["measured_value"].max()))
            if metric == "certified_persons" and region_years is not None:
                candidates.append(float(region_years["certified_persons"].max()))
        elif kind == "growth" and metric == "certified_persons" and region_years is not None:
            candidates.append(float(region_years["new_persons"].max()))
        if candidates:
            best[(office, metric, kind)] = max(candidates)
    return best


def targets(frames: dict[str, pd.DataFrame]) -> list[Target]:
    """Every target_progress row with its share achieved and plausibility, in the warehouse's order."""
    frame = frames["target_progress"]
    if frame.empty:
        return []
    best = _best_years(frames, frame)
    result = []
    for row in frame.itertuples(index=False):
        awal = None if pd.isna(row.baseline_value) else int(row.baseline_value)
        tahun_dasar = None if pd.isna(row.baseline_year) else int(row.baseline_year)
        target_value = float(row.target_value)
        # The share and the pace are computed from the whole-person target the report shows,
        # so a reader can redo the arithmetic from the printed numbers.
        whole = float(orang(target_value))
        pace = laju_diminta(row.kind, awal, whole, tahun_dasar, int(row.target_year))
        record = best.get((row.office_id, row.metric, row.kind))
        note = row.note if isinstance(row.note, str) and row.note and row.note != "nan" else ""
        result.append(
            Target(
                office_id=row.office_id, office_name=row.office_name, province_code=row.province_code,
                region_code=row.region_code, region_name=row.region_name, metrik=row.metric, jenis=row.kind,
                catatan=CATATAN.get(note, note), tahun_target=int(row.target_year), tahun_dasar=tahun_dasar,
                awal=awal, kini=int(row.measured_value), target_tepat=target_value,
                porsi=porsi_tercapai(row.kind, awal, int(row.measured_value), whole),
                porsi_waktu=None if pd.isna(row.expected_progress) else float(row.expected_progress),
                status=row.status, sumber=row.source if isinstance(row.source, str) and row.source != "nan" else "",
                laju_diminta=pace, laju_terbaik=record, tidak_realistis=tidak_realistis(pace, record),
            )
        )
    return result


def _charted(items: list[Target], publish_date: date | None) -> list[Target]:
    """Targets drawn in the chart: every growth target, yearly ones of the publish year and the
    year before (the table lists every year)."""
    years = [t.tahun_target for t in items]
    latest = publish_date.year if publish_date else (max(years) if years else 0)
    return [t for t in items if t.jenis != "per_year" or t.tahun_target >= latest - 1]


# --------------------------------------------------------------------------- what a page shows


@dataclass(frozen=True)
class Cakupan:
    """What one report covers: a province (``kode`` "64") or the nation (``kode`` None)."""

    kode: str | None
    nama: str

    @property
    def stem(self) -> str:
        if self.kode is None:
            return NATIONAL_STEM
        slug = re.sub(r"[^a-z0-9]+", "_", self.nama.lower()).strip("_")
        return f"laporan_provinsi_{self.kode}_{slug}"

    @property
    def judul(self) -> str:
        return "Nasional" if self.kode is None else f"Provinsi {self.nama}"


def _province_name(code: str, frames: dict[str, pd.DataFrame]) -> str:
    province = frames.get("certified_workers_by_province")
    if province is not None and len(province):
        names = province.loc[province["province_code"] == code, "province_name"]
        if len(names):
            return str(names.iloc[0])
    known = reference_regions().get(code)
    return known.name if known else code


def provinces_with_data(frames: dict[str, pd.DataFrame]) -> list[Cakupan]:
    """Provinces with a certified person in the warehouse, or a target with something measured."""
    codes = set(frames["certified_workers_by_region_kualifikasi"]["province_code"])
    progress = frames["target_progress"]
    if len(progress):
        codes |= set(progress.loc[progress["measured_value"].fillna(0) > 0, "province_code"])
    return [Cakupan(code, _province_name(code, frames)) for code in sorted(codes)]


def region_types(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """``region_code`` -> province | regency | city as ``dim_region`` states it (empty without it)."""
    dim = frames.get("dim_region")
    if dim is None or not len(dim):
        return {}
    first = dim.drop_duplicates("region_code")
    return dict(zip(first["region_code"], (str(t) for t in first["region_type"])))


def region_type(region_code: str, frames: dict[str, pd.DataFrame], types: dict[str, str] | None = None) -> str:
    """province | regency | city, from dim_region when given, else the reference list.

    ``types``: :func:`region_types` of ``frames`` when the caller asks for many codes
    (a lookup in dim_region per code was 20 s of a 552-office publish's reports).
    """
    types = region_types(frames) if types is None else types
    if region_code in types:
        return types[region_code]
    known = reference_regions().get(region_code)
    if known:
        return known.type
    return "province" if "." not in region_code else ("city" if int(region_code.split(".")[1]) >= 71 else "regency")


def region_label(region_code: str, region_name: str, frames: dict[str, pd.DataFrame],
                 types: dict[str, str] | None = None) -> str:
    """The row label: a regency or city by name; the province office's row says whose it is."""
    if region_type(region_code, frames, types) == "province":
        return f"Dinas PUPR Provinsi {region_name}: program provinsi sendiri (bukan total provinsi)"
    return region_name


@dataclass(frozen=True)
class Isi:
    """The numbers of one report, as plain frames with Indonesian column names."""

    cakupan: Cakupan
    publish_date: date | None
    wilayah: pd.DataFrame  # one row per (region, kualifikasi)
    total: pd.DataFrame  # one row per (province, jenjang): distinct persons in the whole province, or empty
    jenjang: pd.DataFrame  # one row per (region, jenjang)
    target: list[Target]


WILAYAH_COLUMNS = {
    "region_code": "Kode wilayah",
    "label": "Wilayah (pelapor)",
    "jenis": "Jenis",
    "kualifikasi": "Kualifikasi",
    "certified_persons": "Orang bersertifikat",
    "active_persons": "Sertifikat masih berlaku",
    "active_unknown_persons": "Keberlakuan tidak diketahui",
    "expired_persons": "Hanya sertifikat kedaluwarsa",
}
JENJANG_COLUMNS = {
    "region_code": "Kode wilayah",
    "label": "Wilayah (pelapor)",
    "jenjang": "Jenjang",
    "kualifikasi": "Kualifikasi",
    "certified_persons": "Orang bersertifikat",
    "active_persons": "Sertifikat masih berlaku",
    "active_unknown_persons": "Keberlakuan tidak diketahui",
}
TOTAL_COLUMNS = {
    "province_code": "Kode provinsi",
    "province_name": "Provinsi",
    "jenjang": "Jenjang",
    "kualifikasi": "Kualifikasi",
    "certified_persons": "Orang bersertifikat",
    "active_persons": "Sertifikat masih berlaku",
    "active_unknown_persons": "Keberlakuan tidak diketahui",
    "expired_persons": "Hanya sertifikat kedaluwarsa",
}
TARGET_COLUMNS = (
    "Dinas", "Target", "Jenis target", "Tahun target", "Tahun dasar", "Awal", "Kini", "Target (orang)",
    "Porsi tercapai", "Porsi waktu berjalan", "Status", "Kewajaran target", "Sumber target",
)


def _with_validity(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    if "active_unknown_persons" not in frame:
        frame["active_unknown_persons"] = 0  # a warehouse published before the column existed
    frame["expired_persons"] = frame["certified_persons"] - frame["active_persons"] - frame["active_unknown_persons"]
    return frame


def contents(frames: dict[str, pd.DataFrame], cakupan: Cakupan, publish_date: date | None,
             items: list[Target] | None = None) -> Isi:
    """The tables of one report (a province, or the nation when ``cakupan.kode`` is None).

    ``items``: :func:`targets` of ``frames``, when the caller writes several reports of them.
    """
    regions = _with_validity(frames["certified_workers_by_region_kualifikasi"])
    levels = _with_validity(frames["certified_workers_by_region_level"])
    province = frames.get("certified_workers_by_province")
    items = targets(frames) if items is None else items
    types = region_types(frames)
    if cakupan.kode is not None:
        regions = regions[regions["province_code"] == cakupan.kode]
        levels = levels[levels["province_code"] == cakupan.kode]
        items = [t for t in items if t.province_code == cakupan.kode]
    labels = {code: region_label(code, name, frames, types) for code, name in zip(regions["region_code"], regions["region_name"])}
    labels |= {code: region_label(code, name, frames, types) for code, name in zip(levels["region_code"], levels["region_name"])}
    order = {k: i for i, k in enumerate(KUALIFIKASI)}
    wilayah = regions.assign(
        label=regions["region_code"].map(labels),
        jenis=regions["region_code"].map(lambda c: JENIS_WILAYAH[region_type(c, frames, types)]),
        _k=regions["kualifikasi"].map(order),
    ).sort_values(["region_code", "_k"], kind="stable")[list(WILAYAH_COLUMNS)].reset_index(drop=True)
    jenjang = levels.assign(label=levels["region_code"].map(labels)).sort_values(
        ["region_code", "jenjang"], kind="stable")[list(JENJANG_COLUMNS)].reset_index(drop=True)

    # Whole-province figures are distinct per jenjang only: no published table counts a province's
    # persons per kualifikasi without counting a person at jenjang 2 and 3 twice.
    total = pd.DataFrame(columns=list(TOTAL_COLUMNS))
    if province is not None:
        total = _with_validity(province)
        if cakupan.kode is not None:
            total = total[total["province_code"] == cakupan.kode]
        total = total.sort_values(["province_code", "jenjang"], kind="stable")[list(TOTAL_COLUMNS)].reset_index(drop=True)
    return Isi(cakupan=cakupan, publish_date=publish_date, wilayah=wilayah, total=total, jenjang=jenjang, target=items)


# --------------------------------------------------------------------------- SVG charts

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
PALE = 0.3  # opacity of the expired part of a bar


def tanggal(hari: date | None) -> str:
    """``30 Juni 2026``."""
    return KOSONG if hari is None else f"{hari.day} {BULAN[hari.month - 1]} {hari.year}"


@dataclass(frozen=True)
class Batang:
    """One bar: persons split by the validity of their certificates."""

    label: str
    warna: str
    berlaku: int
    tidak_diketahui: int
    kedaluwarsa: int

    @property
    def total(self) -> int:
        return self.berlaku + self.tidak_diketahui + self.kedaluwarsa


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _pattern_id(colour: str) -> str:
    return "arsir-" + colour.lstrip("#")


def _patterns(colours: set[str]) -> str:
    return "".join(
        f'<pattern id="{_pattern_id(c)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{c}" stroke-width="3"/></pattern>'
        for c in sorted(colours)
    )


def _legend_html(items: list[tuple[str, str]]) -> str:
    """A legend as HTML: (swatch SVG, label) pairs."""
    entries = "".join(
        f'<li><svg width="28" height="14" aria-hidden="true">{swatch}</svg> {_e(label)}</li>' for swatch, label in items
    )
    return f'<ul class="legenda">{entries}</ul>'


def _validity_legend(colours: dict[str, str]) -> str:
    grey = "#555555"
    items = [(f'<rect width="28" height="14" fill="{c}"/>', f"{label}") for label, c in colours.items()]
    items += [
        (f'<rect width="28" height="14" fill="{grey}"/>', "bagian pekat: sertifikat masih berlaku pada tanggal data"),
        (f'<rect width="28" height="14" fill="url(#{_pattern_id(grey)})" stroke="{grey}"/>',
         "bagian berarsir: keberlakuan tidak diketahui (dinas tidak melaporkan tanggal maupun tahun sertifikat)"),
        (f'<rect width="28" height="14" fill="{grey}" fill-opacity="{PALE}"/>',
         "bagian pucat: hanya memegang sertifikat yang sudah kedaluwarsa"),
    ]
    return _legend_html(items)


def bar_chart(groups: list[tuple[list[str], list[Batang]]], judul: str) -> str:
    """Horizontal bars, grouped (a region, a province), each bar stacked: valid, unknown, expired.

    The count is written at the end of each bar (SVG text), so the chart carries its numbers.
    """
    label_w, plot_w, number_w = 330, 430, 200
    bar_h, gap, group_gap, line_h = 16, 4, 14, 15
    top = 10
    largest = max([b.total for _, bars in groups for b in bars] + [1])
    scale = plot_w / largest
    parts = []
    colours = {b.warna for _, bars in groups for b in bars} | {"#555555"}
    y = top
    for lines, bars in groups:
        for i, line in enumerate(lines):
            style = ' font-weight="bold"' if i == 0 else ' font-style="italic"'
            parts.append(f'<text x="0" y="{y + 11}" font-size="12"{style}>{_e(line)}</text>')
            y += line_h
        y += 2
        for bar in bars:
            parts.append(f'<g class="batang" data-nilai="{bar.total}">')
            parts.append(f'<text x="{label_w - 6}" y="{y + 12}" font-size="11" text-anchor="end">{_e(bar.label)}</text>')
            x = label_w
            for value, fill in ((bar.berlaku, f'fill="{bar.warna}"'),
                                (bar.tidak_diketahui, f'fill="url(#{_pattern_id(bar.warna)})" stroke="{bar.warna}" stroke-width="0.5"'),
                                (bar.kedaluwarsa, f'fill="{bar.warna}" fill-opacity="{PALE}"')):
                if value:
                    width = max(value * scale, 2.0)  # a count above 0 is never invisible
                    parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar_h}" {fill}/>')
                    x += width
            detail = f"{angka(bar.total)} orang"
            if bar.total:
                detail += f" (berlaku {angka(bar.berlaku)})"
            parts.append(f'<text x="{x + 5:.1f}" y="{y + 12}" font-size="11">{_e(detail)}</text></g>')
            y += bar_h + gap
        y += group_gap
    height = y + 4
    width = label_w + plot_w + number_w
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif"><title>{_e(judul)}</title>'
            f'<defs>{_patterns(colours)}</defs>{"".join(parts)}</svg>')


def target_chart(items: list[Target], judul: str) -> str:
    """One track per target, 0 to the target: awal (grey), kini (status colour), the share of the
    period elapsed (black tick); an implausible target's track is dashed and marked ⚠."""
    plot_w, width = 600, 980
    y, parts = 6, []
    for t in items:
        colour = STATUS.get(t.status, ("", "#757575"))[1]
        parts.append(f'<g class="target" data-kantor="{_e(t.office_id)}" data-tahun="{t.tahun_target}">')
        parts.append(f'<text x="0" y="{y + 12}" font-size="12" font-weight="bold">{_e(t.judul)}</text>')
        y += 18
        target = float(max(t.target, 0))
        end = max(target, float(t.kini), 1.0)
        scale = plot_w / end
        dash = ' stroke-dasharray="5 3" stroke-width="1.5"' if t.tidak_realistis else ' stroke-width="1"'
        parts.append(f'<rect x="0" y="{y}" width="{target * scale:.1f}" height="16" fill="#F2F2F2" stroke="#000000"{dash}/>')
        start = 0.0
        if t.jenis == "growth" and t.awal:
            parts.append(f'<rect x="0" y="{y}" width="{t.awal * scale:.1f}" height="16" fill="#BDBDBD"/>')
            start = float(t.awal)
        if t.kini > start:
            grown = max((t.kini - start) * scale, 2.0)
            parts.append(f'<rect x="{start * scale:.1f}" y="{y}" width="{grown:.1f}" height="16" fill="{colour}"/>')
        if t.porsi_waktu is not None:
            base = start if t.jenis == "growth" else 0.0
            tick = (base + t.porsi_waktu * (target - base)) * scale
            parts.append(f'<line x1="{tick:.1f}" y1="{y - 3}" x2="{tick:.1f}" y2="{y + 19}" stroke="#000000" stroke-width="2"/>')
        label = f"{t.capaian} · {t.status_label}"
        if t.tidak_realistis:
            label += " · ⚠ target tidak realistis"
        parts.append(f'<text x="{target * scale + 6:.1f}" y="{y + 12}" font-size="11">target {_e(angka(t.target))}</text>')
        y += 34
        parts.append(f'<text x="0" y="{y - 4}" font-size="12">{_e(label)}</text></g>')
        y += 12
    height = y + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif"><title>{_e(judul)}</title>{"".join(parts)}</svg>')


def _target_legend() -> str:
    items = [(f'<rect width="28" height="14" fill="{colour}"/>', f"kini, status: {label}") for label, colour in STATUS.values()]
    items += [
        ('<rect width="28" height="14" fill="#BDBDBD"/>', "awal: angka pada akhir tahun dasar (target pertumbuhan)"),
        ('<rect width="27" height="13" x="0.5" y="0.5" fill="#F2F2F2" stroke="#000000"/>', "lajur sampai target"),
        ('<line x1="14" y1="0" x2="14" y2="14" stroke="#000000" stroke-width="2"/>',
         "porsi waktu berjalan: sampai sini seharusnya capaian bila sesuai jadwal"),
        ('<rect width="27" height="13" x="0.5" y="0.5" fill="#F2F2F2" stroke="#000000" stroke-dasharray="5 3" stroke-width="1.5"/>',
         f"garis putus-putus dan ⚠: target tidak realistis (lebih dari {BATAS_REALISTIS} kali capaian tahunan terbaik)"),
    ]
    return _legend_html(items)


# --------------------------------------------------------------------------- pages

JENIS_TARGET = {"growth": "pertumbuhan", "per_year": "per tahun"}
STYLE = """body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1100px}
h1{font-size:1.5em} h2{font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:0.8em 0;font-size:0.85em}
td,th{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top} th{background:#eef3f8}
td.angka{text-align:right;white-space:nowrap}
ul.legenda{list-style:none;padding:0;font-size:0.85em} ul.legenda li{margin:2px 0}
ul.legenda svg{vertical-align:middle} svg{max-width:100%;height:auto}
.catatan{font-size:0.9em} .tidak-realistis{font-weight:bold}"""


def _cell(value: object, number: bool = False, kelas: str = "") -> str:
    classes = " ".join(c for c in ("angka" if number else "", kelas) if c)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{_e(value)}</td>"


def _table(headers: list[str], rows: list[list[tuple[object, bool]]], kelas: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v, n) for v, n in row) + "</tr>" for row in rows)
    return f'<table class="{kelas}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _count_rows(frame: pd.DataFrame, columns: dict[str, str], counts: set[str]) -> list[list[tuple[object, bool]]]:
    return [
        [(angka(value) if name in counts else value, name in counts) for name, value in zip(columns, row)]
        for row in frame[list(columns)].itertuples(index=False, name=None)
    ]


COUNTS = {"certified_persons", "active_persons", "active_unknown_persons", "expired_persons"}


def target_rows(items: list[Target]) -> list[list[object]]:
    """The target table, one list per target in TARGET_COLUMNS order (numbers as numbers)."""
    return [
        [t.office_name, t.judul, JENIS_TARGET.get(t.jenis, t.jenis), t.tahun_target, t.tahun_dasar, t.awal, t.kini,
         t.target, t.porsi, t.porsi_waktu, t.status_label, t.penilaian, t.sumber]
        for t in items
    ]


def _target_html_rows(items: list[Target]) -> list[list[tuple[object, bool]]]:
    rows = []
    for values in target_rows(items):
        shown = []
        for i, value in enumerate(values):
            if i in (3, 4):  # years, as written: 2029
                shown.append((KOSONG if value is None else str(value), True))
            elif i in (5, 6, 7):
                shown.append((angka(value), True))
            elif i in (8, 9):
                shown.append((persen(value), True))
            else:
                shown.append((value, False))
        rows.append(shown)
    return rows


def notes(isi: Isi) -> list[str]:
    """The notes under a report, in Indonesian (also the xlsx's first sheet)."""
    when = tanggal(isi.publish_date)
    lines = [
        f"Data per {when}: tanggal terbit data gudang. Sertifikat dihitung masih berlaku bila berlaku pada tanggal itu "
        "(SKK berlaku 5 tahun).",
        "Orang bersertifikat: orang berbeda yang dinyatakan Kompeten, dihitung sekali per wilayah dan kualifikasi "
        "(per jenjang pada tabel per jenjang). Seseorang dengan beberapa sertifikat tetap dihitung satu orang.",
        "Wilayah adalah wilayah dinas yang melaporkan. Baris \u201cDinas PUPR Provinsi …: program provinsi sendiri\u201d "
        "memuat sertifikat dari program dinas provinsi itu sendiri (tenaga ahli, lulusan baru), bukan total provinsi.",
        "Total seluruh provinsi dihitung per jenjang tanpa hitung ganda: orang yang bersertifikat di dua kabupaten/kota "
        "dihitung sekali, sehingga jumlah baris wilayah bisa lebih besar daripada total provinsi.",
        "Target pertumbuhan ditampilkan sebagai awal → kini → target. Porsi tercapai = (kini − awal) / (target − awal): "
        "porsi pertumbuhan yang sudah dicapai, bukan kini dibagi target. Target per tahun: kini dibagi target.",
        "Porsi waktu berjalan: bagian periode target yang sudah lewat pada tanggal data. Sesuai jadwal berarti porsi "
        "tercapai tidak kurang dari porsi waktu berjalan.",
        f"Target tidak realistis: target yang menuntut lebih dari {BATAS_REALISTIS} kali capaian tahunan terbaik dinas "
        "yang tercatat (target per tahun: angka target itu sendiri; target pertumbuhan: tambahan orang dibagi jumlah "
        "tahun periode, dibandingkan dengan tahun terbaik orang baru bersertifikat di wilayahnya). Tanpa capaian "
        "tercatat, kewajaran belum dapat dinilai.",
        "Target dalam orang dibulatkan ke atas ke orang utuh (1.342,5 menjadi 1.343). Angka ditulis dengan titik "
        "sebagai pemisah ribuan dan koma sebagai desimal.",
        "Laporan ini tidak memuat NIK maupun nama peserta.",
    ]
    if isi.total.empty:
        lines.append("Total seluruh provinsi tidak tersedia pada data yang dibaca laporan ini.")
    return lines


def _region_groups(isi: Isi) -> list[tuple[list[str], list[Batang]]]:
    groups = []
    for (code, label), part in isi.wilayah.groupby(["region_code", "label"], sort=False):
        lines = label.split(": ", 1)
        lines[0] = f"{lines[0]} ({code})"
        bars = [Batang(k, WARNA_KUALIFIKASI.get(k, "#757575"), int(r.active_persons), int(r.active_unknown_persons),
                       int(r.expired_persons))
                for k, r in zip(part["kualifikasi"], part.itertuples(index=False))]
        groups.append((lines, bars))
    return groups


def _province_groups(isi: Isi) -> list[tuple[list[str], list[Batang]]]:
    groups = []
    for (code, name), part in isi.total.groupby(["province_code", "province_name"], sort=False):
        bars = [Batang(f"Jenjang {int(r.jenjang)} ({r.kualifikasi})", WARNA_KUALIFIKASI.get(r.kualifikasi, "#757575"),
                       int(r.active_persons), int(r.active_unknown_persons), int(r.expired_persons))
                for r in part.itertuples(index=False)]
        groups.append(([f"{name} ({code})"], bars))
    return groups


def render_html(isi: Isi, links: list[tuple[str, str]] | None = None) -> str:
    """The report page: summary, charts with their legends and tables, targets, notes."""
    c = isi.cakupan
    title = f"Tenaga kerja konstruksi bersertifikat: {c.judul}"
    parts = [f"<h1>{_e(title)}</h1>", f'<p class="tanggal">Data per {_e(tanggal(isi.publish_date))}.</p>']
    if links:
        items = "".join(f'<li><a href="{_e(href)}">{_e(text)}</a></li>' for text, href in links)
        parts.append(f'<nav><h2>Laporan per provinsi</h2><ul>{items}</ul></nav>')

    parts.append('<section id="total"><h2>' + ("Seluruh provinsi, per jenjang" if c.kode else "Per provinsi dan jenjang")
                 + "</h2>")
    if isi.total.empty:
        parts.append("<p>Total seluruh provinsi tidak tersedia pada data yang dibaca laporan ini.</p>")
    else:
        parts.append("<p>Orang berbeda yang bersertifikat di mana pun dalam provinsi (dinas provinsi dan semua "
                     "kabupaten/kota), tanpa hitung ganda antarwilayah.</p>")
        if c.kode is None:
            chart = bar_chart(_province_groups(isi), "Orang bersertifikat per provinsi dan jenjang")
            parts.append(f"<figure>{_validity_legend({k: v for k, v in WARNA_KUALIFIKASI.items()})}{chart}</figure>")
        parts.append(_table(list(TOTAL_COLUMNS.values()), _count_rows(isi.total, TOTAL_COLUMNS, COUNTS), "tabel-total"))
    parts.append("</section>")

    parts.append('<section id="wilayah"><h2>Per wilayah pelapor dan kualifikasi</h2>')
    if isi.wilayah.empty:
        parts.append("<p>Belum ada tenaga kerja bersertifikat yang tercatat.</p>")
    else:
        chart = bar_chart(_region_groups(isi), "Orang bersertifikat per wilayah pelapor dan kualifikasi")
        parts.append(f"<figure>{_validity_legend(dict(WARNA_KUALIFIKASI))}{chart}</figure>")
        parts.append(_table(list(WILAYAH_COLUMNS.values()), _count_rows(isi.wilayah, WILAYAH_COLUMNS, COUNTS), "tabel-wilayah"))
    parts.append("</section>")

    parts.append('<section id="target"><h2>Capaian target dinas</h2>')
    if not isi.target:
        parts.append("<p>Tidak ada target dinas yang tercatat.</p>")
    else:
        drawn = _charted(isi.target, isi.publish_date)
        parts.append("<p>Gambar memuat target pertumbuhan dan target per tahun untuk tahun data dan tahun sebelumnya; "
                     "tabel memuat semua tahun.</p>")
        parts.append(f"<figure>{_target_legend()}{target_chart(drawn, 'Capaian target dinas')}</figure>")
        parts.append(_table(list(TARGET_COLUMNS), _target_html_rows(isi.target), "tabel-target"))
    parts.append("</section>")

    parts.append('<section id="jenjang"><h2>Per wilayah pelapor dan jenjang</h2>')
    parts.append(_table(list(JENJANG_COLUMNS.values()), _count_rows(isi.jenjang, JENJANG_COLUMNS, COUNTS), "tabel-jenjang"))
    parts.append("</section>")
    parts.append('<section id="catatan" class="catatan"><h2>Catatan</h2><ul>'
                 + "".join(f"<li>{_e(line)}</li>" for line in notes(isi)) + "</ul></section>")
    return (f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{STYLE}</style></head>\n<body>\n" + "\n".join(parts) + "\n</body></html>\n")


# --------------------------------------------------------------------------- xlsx


def write_xlsx(isi: Isi, path: Path) -> Path:
    """The report's tables as a workbook: notes and legend first, then one sheet per table.

    Counts are numbers (``#,##0``), shares are numbers (``0%``), codes and years text;
    every string is written as text, never as a formula or link.
    """
    book = _ReportBook(path, f"Tenaga kerja konstruksi bersertifikat: {isi.cakupan.judul}")
    book.summary_sheet(isi)
    if not isi.total.empty:
        book.frame_sheet("Total provinsi", isi.total, TOTAL_COLUMNS)
    book.frame_sheet("Per wilayah", isi.wilayah, WILAYAH_COLUMNS)
    book.frame_sheet("Per jenjang", isi.jenjang, JENJANG_COLUMNS)
    book.target_sheet(isi)
    book.close()
    return path


class _ReportBook:
    """An xlsxwriter workbook with the report's cell formats, one method per kind of sheet."""

    def __init__(self, path: Path, title: str):
        import xlsxwriter

        # Clerks' names and codes must stay text: "=..." or "http..." in a name is not a formula or link.
        self.book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                    "strings_to_urls": False})
        self.title = title
        self.book.set_properties({"title": title})
        self.bold = self.book.add_format({"bold": True})
        self.header = self.book.add_format({"bold": True, "bg_color": "#EEF3F8", "border": 1, "text_wrap": True,
                                            "valign": "top"})
        self.count = self.book.add_format({"num_format": "#,##0"})
        self.share = self.book.add_format({"num_format": "0%"})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})

    def text(self, sheet, row: int, col: int, value, fmt=None) -> None:
        """A cell as text; an empty value as the report's "kosong" mark so a blank never looks like zero."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            value = KOSONG
        if fmt:
            sheet.write_string(row, col, str(value), fmt)
        else:
            sheet.write_string(row, col, str(value))

    def summary_sheet(self, isi: Isi) -> None:
        """"Ringkasan": what the report is, the date of its data, the notes and the status colours."""
        summary = self.book.add_worksheet("Ringkasan")
        summary.set_column(0, 0, 28)
        summary.set_column(1, 1, 110, self.wrap)
        row = 0
        for label, value in (("Laporan", self.title), ("Data per", tanggal(isi.publish_date))):
            summary.write_string(row, 0, label, self.bold)
            summary.write_string(row, 1, value)
            row += 1
        row += 1
        summary.write_string(row, 0, "Catatan", self.bold)
        for line in notes(isi):
            summary.write_string(row, 1, line)
            row += 1
        row += 1
        summary.write_string(row, 0, "Warna status target", self.bold)
        for label, colour in STATUS.values():
            summary.write_string(row, 1, label, self.book.add_format({"bg_color": colour, "text_wrap": True}))
            row += 1

    def frame_sheet(self, name: str, frame: pd.DataFrame, columns: dict[str, str]) -> None:
        """One table as a sheet with a frozen, filterable header; counts and jenjang as numbers."""
        sheet = self.book.add_worksheet(name)
        for col, title in enumerate(columns.values()):
            sheet.write_string(0, col, title, self.header)
            sheet.set_column(col, col, min(max(12, len(title) + 2), 60) if col else 14)
        for r, values in enumerate(frame[list(columns)].itertuples(index=False, name=None), start=1):
            for col, (column, value) in enumerate(zip(columns, values)):
                if column in COUNTS or column == "jenjang":
                    sheet.write_number(r, col, int(value), self.count)
                else:
                    self.text(sheet, r, col, value)
        if "label" in columns:
            label_col = list(columns).index("label")
            sheet.set_column(label_col, label_col, 60)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(frame), 1), len(columns) - 1)

    def target_sheet(self, isi: Isi) -> None:
        """"Target": one row per target, its status coloured, an unrealistic target's note in bold."""
        sheet = self.book.add_worksheet("Target")
        widths = (36, 60, 14, 12, 12, 10, 10, 14, 14, 14, 22, 60, 50)
        for col, (title, width) in enumerate(zip(TARGET_COLUMNS, widths)):
            sheet.write_string(0, col, title, self.header)
            sheet.set_column(col, col, width, self.wrap if width >= 36 else None)
        for r, (target, values) in enumerate(zip(isi.target, target_rows(isi.target)), start=1):
            for col, value in enumerate(values):
                self._target_cell(sheet, r, col, value, target)
        sheet.freeze_panes(1, 0)

    def _target_cell(self, sheet, row: int, col: int, value, target) -> None:
        if col in (5, 6, 7) and value is not None:
            sheet.write_number(row, col, value, self.count)
        elif col in (8, 9) and value is not None:
            sheet.write_number(row, col, value, self.share)
        elif col == 10:
            colour = STATUS.get(target.status, ("", "#FFFFFF"))[1]
            self.text(sheet, row, col, value, self.book.add_format({"bg_color": colour}))
        elif col == 11 and target.tidak_realistis:
            self.text(sheet, row, col, value, self.book.add_format({"bold": True, "text_wrap": True}))
        else:
            self.text(sheet, row, col, value)

    def close(self) -> None:
        self.book.close()


# --------------------------------------------------------------------------- all of them


@dataclass(frozen=True)
class Laporan:
    """Where one report was written."""

    cakupan: Cakupan
    html: Path
    xlsx: Path


def write_reports(frames: dict[str, pd.DataFrame], out_dir: Path | str, publish_date: date | None = None) -> list[Laporan]:
    """The national report, then one per province with data, into ``<out_dir>/laporan/``.

    Needs ``certified_workers_by_region_kualifikasi``, ``certified_workers_by_region_level``
    and ``target_progress``; uses ``certified_workers_by_province`` (whole-province totals),
    ``certified_workers_by_region_level_yearly`` (plausibility of targets) and
    ``dim_region`` when they are given. Reports of provinces that no longer have data are removed.
    """
    folder = Path(out_dir) / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    provinces = provinces_with_data(frames)
    scopes = [Cakupan(None, "Indonesia"), *provinces]
    written = []
    links = [(f"Provinsi {p.nama}", f"{p.stem}.html") for p in provinces]
    items = targets(frames)  # every report shows its part of the same targets
    for scope in scopes:
        isi = contents(frames, scope, publish_date, items)
        page = folder / f"{scope.stem}.html"
        page.write_text(render_html(isi, links if scope.kode is None else None), encoding="utf-8")
        written.append(Laporan(scope, page, write_xlsx(isi, folder / f"{scope.stem}.xlsx")))
    keep = {p for laporan in written for p in (laporan.html, laporan.xlsx)}
    for stale in folder.glob("laporan_*"):
        if stale not in keep and stale.suffix in (".html", ".xlsx"):
            stale.unlink()
    return written
