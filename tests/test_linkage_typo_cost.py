"""The NIK typo merge's work grows with the pairs it could merge, not with a crowded NIK window.

A province recap row has no birth date, so it pairs with every row whose NIK shares one of the
typo windows (the first eight digits: one district, one birth day). At 190,000 rows in one office
that is millions of pairs; the Python name rule ran on each of them (539 s of a 630k-row run, and
before that a files-to-files join spilled 70 GB). Counted here as calls of the name rule, not time.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import linkage.names
from linkage.link import link_persons
from test_linkage import SECRET, Row, make_nik, standardize

GIVEN = ["Agus", "Bambang", "Cahyo", "Dedi", "Eko", "Fajar", "Gunawan", "Hendra", "Irfan", "Joko"]
FAMILY = ["Pratama", "Saputra", "Wibowo", "Nugroho", "Hidayat", "Kurniawan", "Siregar", "Lubis"]


def crowded_day(n: int) -> list[Row]:
    """``n`` persons of one district born on the 12th of some month: their NIKs share eight digits."""
    rows = []
    for i in range(n):
        birth = date(1970 + i % 30, 1 + i % 12, 12)
        name = f"{GIVEN[i % 10]} {FAMILY[(i // 10) % 8]} {FAMILY[(i // 80) % 8]}"
        nik = make_nik("6408", "01", birth, "L", 100 + i)
        rows.append(Row("crowd", nik, f"list_{i % 5}.xlsx", name, nik, "Samarinda", birth.isoformat(), "L"))
    return rows


RECAP = Row("recap", "slamet", "rekap_prov.xlsx", "Slamet Riyadi", make_nik("6408", "01", date(1985, 3, 12), "L", 7),
            None, None, None)


def name_rule_calls(rows: list[Row], monkeypatch: pytest.MonkeyPatch) -> int:
    """Calls of ``names_agree`` (strict and loose) while the NIK stages link ``rows``."""
    calls = 0
    original = linkage.names.names_agree

    def counting(a, b, loose=False):
        nonlocal calls
        calls += 1
        return original(a, b, loose=loose)

    monkeypatch.setattr(linkage.names, "names_agree", counting)
    link_persons(standardize(rows), SECRET, probabilistic=False)
    monkeypatch.setattr(linkage.names, "names_agree", original)
    return calls


def test_an_undated_row_costs_no_name_rule_per_crowded_window_pair(monkeypatch):
    crowd = crowded_day(400)
    without = name_rule_calls(crowd, monkeypatch)
    with_recap = name_rule_calls(crowd + [RECAP], monkeypatch)
    # the recap's NIK shares the first eight digits with all 400; none is one swap away
    assert with_recap - without < 10, (without, with_recap)


def national_day(n: int) -> list[Row]:
    """``n`` persons born one day, each in another regency (every k-th of the country's), all with
    serial 0001 (Dukcapil numbers each district's persons of one birth date from 0001): their NIKs
    share the last eight digits, one of the typo windows, and the birth date."""
    from linkage.nik_stage import REGENCY_CODES

    codes = sorted(REGENCY_CODES)
    birth = date(1985, 3, 12)
    rows = []
    for k in range(n):
        code = codes[k * len(codes) // n]
        name = f"{GIVEN[k % 10]} {FAMILY[(k // 10) % 8]} {FAMILY[(k // 80) % 8]}"
        nik = make_nik(code, "01", birth, "L", 1)
        rows.append(Row("day", nik, f"list_{k % 5}.xlsx", name, nik, "Jakarta", birth.isoformat(), "L"))
    return rows


def test_persons_of_one_birth_date_cost_name_rules_only_beside_a_near_nik(monkeypatch):
    # 100 persons: 4,950 same-birth pairs in the window of the last eight digits, and before
    # the NIK test came first, a strict and a loose name rule on nearly each (9,890 calls). The
    # merge keeps only NIKs one edit apart (or rounded): 912 calls are left, for the pairs whose
    # region codes are at most two digits apart (one province, or two provinces' same regency).
    calls = name_rule_calls(national_day(100), monkeypatch)
    assert calls <= 1_000, calls
