"""How each office behaves in the demo world (DOMAIN table "Who sends what").

An :class:`OfficeSpec` per office with a demo profile (``SPECS``): which writer
(``fmt``), its share of the rows, the occupations, jenjang and years it runs, where
its persons hold their KTP, and how much noise its files carry. Registry offices
without a profile get ``GENERIC_SKILLED`` (regencies, cities) or ``GENERIC_EXPERT``
(provinces).
"""

from __future__ import annotations

from dataclasses import dataclass

from sources.registry import Office


SKILLED = (
    "excavator", "bulldozer", "crane", "grader", "loader", "roller",
    "besi", "batu", "kayu", "las", "plester", "mandor-besi", "mandor-batu",
    "pelaksana-gedung", "pelaksana-jalan", "juru-ukur", "lab-beton", "juru-gambar", "qs", "pemeliharaan-jalan",
)
OPERATORS = ("excavator", "bulldozer", "crane", "grader", "loader")
TECHNICIANS = ("pelaksana-gedung", "pelaksana-jalan", "juru-ukur", "lab-beton", "juru-gambar", "qs", "pemeliharaan-jalan")
EXPERTS = ("ahli-jalan", "ahli-jembatan", "ahli-gedung", "ahli-k3", "ahli-sda", "ahli-mk", "arsitek")
KALSEL_FAMILIES = ("arsitek", "ahli-jalan", "ahli-jembatan", "ahli-k3", "ahli-gedung")


@dataclass(frozen=True)
class OfficeSpec:
    """How one office behaves in the demo world."""

    fmt: str  # which writer
    share: float  # share of the participant rows
    families: tuple[str, ...]
    jenjang: dict[int, float]
    years: dict[int, float]
    home: tuple[tuple[str, float], ...]  # region code (regency "64.08" or province "64") -> weight
    female: float = 0.06
    expert: bool = False  # persons of this pool are experts: older, degrees
    pass_rate: float = 0.93
    damage: float = 0.03  # share of rows with a damaged NIK
    repeat: float = 0.08  # share of rows re-using a person of this office
    borrow: tuple[tuple[str, float], ...] = ()  # (other office, share of rows) persons taken from it
    ktp_province: str | None = None  # required KTP province (Kaltim: "64")
    upper: float = 0.1  # share of rows with the name in capitals
    no_identity: bool = False  # a few rows without name and NIK
    abbrev: float = 0.03  # share of rows with a name part shortened to its initial ("Supriyadi S.")
    unreadable_jenjang: bool = False  # a few rows with "Jenjang ?"
    continuation: float = 0.0  # rows with a second certificate on the next line, name and NIK blank or ditto
    certificate_list: str = ""  # file name ({year}) of the latest year's list of certificates only (no result column)


_SKILLED_J = {1: 0.12, 2: 0.27, 3: 0.31, 4: 0.14, 5: 0.10, 6: 0.06}
SPECS: dict[str, OfficeSpec] = {
    "kab-kutai-timur": OfficeSpec(
        fmt="kutim", share=0.22, families=SKILLED, jenjang=_SKILLED_J,
        years={2023: 0.25, 2024: 0.33, 2025: 0.42},
        # DOMAIN: "some workers lack a Kutim KTP" -> ~7% registered elsewhere
        home=(("64.08", 0.93), ("64.72", 0.01), ("64.74", 0.005), ("64.02", 0.005), ("73.08", 0.012),
              ("73.71", 0.008), ("73.72", 0.005), ("35.07", 0.008), ("35.78", 0.004), ("53.71", 0.004),
              ("74.71", 0.003)),
        damage=0.09, repeat=0.10, upper=0.5, no_identity=True, unreadable_jenjang=True, abbrev=0.2,
        continuation=0.04,
    ),
    "kota-samarinda": OfficeSpec(
        fmt="samarinda", share=0.10, families=SKILLED, jenjang=_SKILLED_J,
        years={2021: 0.16, 2022: 0.18, 2023: 0.2, 2024: 0.22, 2025: 0.24},
        home=(("64.72", 0.85), ("64.02", 0.08), ("64", 0.05), ("73.71", 0.02)),
        unreadable_jenjang=True,
    ),
    "kab-kutai-kartanegara": OfficeSpec(
        fmt="kukar", share=0.10, families=SKILLED, jenjang=_SKILLED_J,
        years={2022: 0.2, 2023: 0.25, 2024: 0.27, 2025: 0.28},
        home=(("64.02", 0.86), ("64.72", 0.09), ("64", 0.05)),
        borrow=(("kota-samarinda", 0.03),), no_identity=True, continuation=0.06,
        certificate_list="Daftar Penerima SKK {year}.xlsx",
    ),
    "kota-palembang": OfficeSpec(
        fmt="palembang", share=0.16, families=SKILLED,
        jenjang={1: 0.15, 2: 0.30, 3: 0.30, 4: 0.12, 5: 0.08, 6: 0.05},
        years={2019: 0.08, 2020: 0.08, 2021: 0.12, 2022: 0.14, 2023: 0.16, 2024: 0.19, 2025: 0.23},
        home=(("16.71", 0.82), ("16", 0.14), ("15", 0.04)),
        damage=0.09, repeat=0.14, upper=0.7, unreadable_jenjang=True, abbrev=0.06, continuation=0.04,
    ),
    "kab-muaro-jambi": OfficeSpec(
        fmt="muaro-jambi", share=0.06, families=OPERATORS, jenjang={1: 0.2, 2: 0.45, 3: 0.35},
        years={2025: 1.0}, home=(("15.05", 0.8), ("15", 0.16), ("16", 0.04)), female=0.02,
        repeat=0.05, borrow=(("kota-palembang", 0.02),), upper=1.0, no_identity=True, unreadable_jenjang=True,
        abbrev=0.18,
    ),
    "kab-muara-enim": OfficeSpec(
        fmt="muara-enim", share=0.09, families=SKILLED, jenjang=_SKILLED_J,
        years={2021: 0.22, 2022: 0.24, 2023: 0.26, 2024: 0.28},
        home=(("16.03", 0.8), ("16.04", 0.07), ("16.12", 0.04), ("16.74", 0.04), ("16.71", 0.05)),
        borrow=(("kota-palembang", 0.05),), upper=0.8, no_identity=True, unreadable_jenjang=True, abbrev=0.1,
        continuation=0.05,
    ),
    "prov-kaltim": OfficeSpec(
        fmt="kaltim", share=0.17, families=TECHNICIANS + EXPERTS,
        # experts (Ahli Muda/Madya/Utama) and fresh graduates at 4-7
        jenjang={4: 0.10, 5: 0.10, 6: 0.08, 7: 0.42, 8: 0.22, 9: 0.08},
        years={2024: 0.4, 2025: 0.6},
        home=(("64.72", 0.28), ("64.71", 0.22), ("64.02", 0.14), ("64.08", 0.08), ("64.74", 0.08), ("64", 0.20)),
        female=0.22, expert=True, pass_rate=0.94, damage=0.02, repeat=0.06,
        borrow=(("kab-kutai-timur", 0.05), ("kota-samarinda", 0.05), ("kab-kutai-kartanegara", 0.05)),
        ktp_province="64",  # DOMAIN: "a Kaltim KTP is required"
    ),
    "prov-kalsel": OfficeSpec(
        fmt="kalsel", share=0.10, families=KALSEL_FAMILIES, jenjang={7: 0.6, 8: 0.3, 9: 0.1},
        years={2025: 0.2, 2026: 0.8},
        home=(("63.71", 0.3), ("63.72", 0.15), ("63.03", 0.15), ("63", 0.37), ("64", 0.03)),
        female=0.25, expert=True, pass_rate=0.92, damage=0.02, repeat=0.10, upper=0.3, abbrev=0.0,
    ),
}
GENERIC_SKILLED = OfficeSpec(
    fmt="generic", share=0.06, families=SKILLED, jenjang=_SKILLED_J, years={2023: 0.3, 2024: 0.33, 2025: 0.37},
    home=(),
)
GENERIC_EXPERT = OfficeSpec(
    fmt="generic", share=0.06, families=TECHNICIANS + EXPERTS, jenjang={5: 0.1, 6: 0.1, 7: 0.5, 8: 0.22, 9: 0.08},
    years={2024: 0.45, 2025: 0.55}, home=(), female=0.2, expert=True,
)
REKAP_SHARE = 0.04  # rows of prov-kaltim's "Rekap Kabupaten" sheet, as a share of all rows

NIK_DAMAGE_KINDS = {
    "sheet": {"excel_truncated": 0.35, "typo": 0.15, "transposed": 0.12, "missing": 0.18, "copied": 0.10, "wrong_length": 0.10},
    "csv": {"scientific_notation": 0.25, "excel_truncated": 0.10, "typo": 0.15, "transposed": 0.12, "missing": 0.18, "copied": 0.10, "wrong_length": 0.10},
    "json": {"typo": 0.30, "transposed": 0.20, "missing": 0.30, "copied": 0.10, "wrong_length": 0.10},
}
FORMAT_KIND = {
    "kutim": "sheet", "kaltim": "sheet", "muaro-jambi": "sheet", "kukar": "sheet", "muara-enim": "sheet",
    "generic": "sheet", "palembang": "csv", "samarinda": "csv", "kalsel": "json",
}


# --------------------------------------------------------------------------------
# The offices of a registry: their specs and rows
# --------------------------------------------------------------------------------
def _specs_for(offices: dict[str, Office]) -> tuple[dict[str, OfficeSpec], list[str]]:
    """Each registry office's spec, and the offices that got a generic one."""
    specs: dict[str, OfficeSpec] = {}
    generic: list[str] = []
    for office_id in SPECS:
        if office_id in offices:
            specs[office_id] = SPECS[office_id]
    for office_id, office in offices.items():
        if office_id not in specs:
            specs[office_id] = GENERIC_EXPERT if office.level == "province" else GENERIC_SKILLED
            generic.append(office_id)
    return specs, generic


def _allocate(rows: int, specs: dict[str, OfficeSpec], rekap: bool) -> tuple[dict[str, int], int]:
    """Rows per office by share (at least 6 each), and the rows of prov-kaltim's Rekap Kabupaten."""
    rekap_rows = int(round(rows * REKAP_SHARE)) if rekap else 0
    main = max(rows - rekap_rows, 0)
    total = sum(s.share for s in specs.values())
    counts = {k: max(6, int(round(main * s.share / total))) for k, s in specs.items()}
    return counts, rekap_rows
