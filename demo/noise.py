"""NIK damage and name noise: what becomes of a true NIK and a true name on the way into a file.

NIK damage is decided once per row of the world (:func:`damage_niks`); how a NIK cell and
a name are then written is each office's habit (:func:`nik_cells`, :func:`render_names`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from demo import names as V
from demo.common import _choice, _obj, _rng
from demo.persons import _World
from demo.specs import FORMAT_KIND, NIK_DAMAGE_KINDS
from demo.xlsx import XError


def _typo(nik: str, rng) -> str:
    """One digit typed wrong."""
    pos = int(rng.integers(0, 16))
    digit = str((int(nik[pos]) + int(rng.integers(1, 10))) % 10)
    return nik[:pos] + digit + nik[pos + 1:]


def _transpose(nik: str, rng) -> str:
    """Two neighbouring (different) digits swapped."""
    candidates = [i for i in range(15) if nik[i] != nik[i + 1]]
    i = candidates[int(rng.integers(0, len(candidates)))]
    return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2:]


def _wrong_length(nik: str, rng) -> str:
    """A digit dropped or doubled."""
    pos = int(rng.integers(0, 16))
    if rng.random() < 0.5:
        return nik[:pos] + nik[pos + 1:]  # 15 digits
    return nik[:pos] + nik[pos] + nik[pos:]  # 17 digits


def damage_niks(df: pd.DataFrame, persons: pd.DataFrame, specs, seed: int, enabled: bool) -> None:
    """Choose each row's NIK damage and the NIK text/number the file shows.

    Adds ``true_nik``, ``nik_damage`` ("" when intact), ``nik_text`` (str or None) and
    ``nik_number`` (float or NaN: an Excel numeric cell). Formatting only (spaces, dots,
    apostrophe) is not damage: it is recoverable.
    """
    n = len(df)
    rng = _rng(seed, "nik-damage")
    pid = df["pid"].to_numpy()
    real = pid >= 0
    true_nik = np.full(n, None, dtype=object)
    true_nik[real] = persons["true_nik"].to_numpy()[pid[real]]
    df["true_nik"] = _obj(true_nik, df.index)
    fmt = df["office_id"].map({k: s.fmt for k, s in specs.items()}).to_numpy()
    kind = np.array([FORMAT_KIND[f] for f in fmt.tolist()], dtype=object)
    damage = np.full(n, "", dtype=object)
    if enabled:
        rate = df["office_id"].map({k: s.damage for k, s in specs.items()}).to_numpy(dtype=float)
        hit = (rng.random(n) < rate) & real
        for k, dist in NIK_DAMAGE_KINDS.items():
            rows = np.flatnonzero(hit & (kind == k))
            damage[rows] = _choice(rng, dist, len(rows))
    damage[(damage == "copied") & ~_copy_possible(df, pid, true_nik)] = "typo"
    if enabled:
        _recap_without_nik(df, damage, real, seed)
    text, number = _written_niks(true_nik, damage, kind, rng)
    _lookup_errors(text, damage, kind, df["office_id"].to_numpy(), seed)
    df["nik_damage"] = _obj(damage, df.index)
    df["nik_text"] = _obj(text, df.index)
    df["nik_number"] = number


def _copy_possible(df: pd.DataFrame, pid: np.ndarray, true_nik: np.ndarray) -> np.ndarray:
    """Rows whose NIK can be "copied from the row above": a real, different person right above in the same sheet."""
    same_sheet = np.r_[False, (df["group"].to_numpy()[1:] == df["group"].to_numpy()[:-1])
                       & (df["sheet"].to_numpy()[1:] == df["sheet"].to_numpy()[:-1])
                       & (df["office_id"].to_numpy()[1:] == df["office_id"].to_numpy()[:-1])]
    prev_pid = np.r_[-1, pid[:-1]]
    copy_ok = same_sheet & (prev_pid >= 0) & (prev_pid != pid)
    prev_nik = np.r_[None, true_nik[:-1]]
    copy_ok &= prev_nik != true_nik
    return copy_ok


RECAP_NIK_MISSING = (0.0, 0.25)  # range of a province recap's rows without the NIK, drawn per recap office


def _recap_without_nik(df: pd.DataFrame, damage: np.ndarray, real: np.ndarray, seed: int) -> None:
    """A province recap compiled from its regencies' reports leaves the NIK out of some rows (the regency's
    report it was copied from had none, or the column was cut to fit the page): a share drawn per office,
    the rows "missing" in ``damage`` (changed in place). Those rows keep name, sex, occupation, level and
    the registration number the regency's own row also gives."""
    recap = real & (df["special"].to_numpy() == 3) & (damage == "")
    for office_id in sorted(set(df.loc[recap, "office_id"].tolist())):
        rng = _rng(seed, "recap-nik", office_id)
        share = RECAP_NIK_MISSING[0] + (RECAP_NIK_MISSING[1] - RECAP_NIK_MISSING[0]) * float(rng.random())
        rows = np.flatnonzero(recap & (df["office_id"].to_numpy() == office_id))
        damage[rows[rng.random(len(rows)) < share]] = "missing"


EXCEL_ERRORS = ("#N/A", "#N/A", "#N/A", "#REF!")
ERROR_CELL_FORMATS = frozenset({"kutim", "kaltim", "kukar", "muara-enim", "generic"})  # their files are xlsx
LOOKUP_OFFICE_SHARE = 0.5  # offices whose clerks fill the NIK column with a VLOOKUP into a master sheet
LOOKUP_MISSING = (0.2, 0.6)  # of such an office's missing NIKs, the share shown as the lookup's error value


def _lookup_errors(text: np.ndarray, damage: np.ndarray, kind: np.ndarray, office: np.ndarray, seed: int) -> None:
    """Some offices fill the NIK column with a VLOOKUP into their master list of persons: where the person
    is not in it yet, the cell shows Excel's "#N/A" ("#REF!" when the master sheet was deleted) instead of a
    dash. Spreadsheets and their CSV exports only (a portal's JSON has no formulas); changes ``text`` in place."""
    missing = (damage == "missing") & np.isin(kind, ("sheet", "csv"))
    for office_id in sorted(set(office[missing].tolist())):
        rng = _rng(seed, "nik-lookup", office_id)
        if rng.random() >= LOOKUP_OFFICE_SHARE:
            continue
        share = LOOKUP_MISSING[0] + (LOOKUP_MISSING[1] - LOOKUP_MISSING[0]) * float(rng.random())
        rows = np.flatnonzero(missing & (office == office_id))
        hit = rows[rng.random(len(rows)) < share]
        text[hit] = [EXCEL_ERRORS[k] for k in rng.integers(0, len(EXCEL_ERRORS), size=len(hit)).tolist()]


# how a missing NIK is written: a dash, nothing, a zero, words, zeros in the NIK's shape
MISSING_FORMS = ("-", "", "0", "-", "tidak ada", "0000000000000000", "belum ada KTP", "--", "", "-")


def _written_niks(true_nik: np.ndarray, damage: np.ndarray, kind: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray]:
    """The NIK text (None for a number cell) and Excel number (NaN for text) each row shows, given its damage.

    An Excel-truncated NIK that a CSV would show in scientific notation becomes
    ``scientific_notation`` in ``damage`` (changed in place).
    """
    text = true_nik.copy()
    number = np.full(len(true_nik), np.nan)
    prev_nik = np.r_[None, true_nik[:-1]]
    for i in np.flatnonzero(damage != "").tolist():
        nik = true_nik[i]
        d = damage[i]
        if d == "excel_truncated":
            text[i], number[i], damage[i] = _excel_truncated(nik, kind[i], rng)
        elif d == "scientific_notation":
            text[i] = format(int(nik), ".5E")  # 6.40801E+15, as Excel's CSV export shows it
        elif d == "typo":
            text[i] = _typo(nik, rng)
        elif d == "transposed":
            text[i] = _transpose(nik, rng)
        elif d == "missing":
            text[i] = MISSING_FORMS[int(rng.integers(0, len(MISSING_FORMS)))] or None
        elif d == "copied":
            text[i] = prev_nik[i]
        elif d == "wrong_length":
            text[i] = _wrong_length(nik, rng)
    return text, number


def _excel_truncated(nik: str, kind: str, rng) -> tuple[str | None, float, str]:
    """A NIK Excel kept as a number (15 significant digits): (text, number, damage) as the file shows it."""
    if nik[15] != "0" and (kind == "csv" or rng.random() < 0.3):  # ends in 0: damage would not show
        # the number Excel kept, turned back into text (a column re-formatted as Text,
        # or a CSV saved after the damage): 16 digits, the last one 0
        return nik[:15] + "0", np.nan, "excel_truncated"
    if kind == "csv":
        return format(int(nik), ".5E"), np.nan, "scientific_notation"
    return None, float(int(nik[:15] + "0")), "excel_truncated"


def nik_cells(df: pd.DataFrame, fmt: str, rng) -> list:
    """The NIK cell of each row as the office writes it (spaces, dots, apostrophes are harmless)."""
    text = df["nik_text"].tolist()
    number = df["nik_number"].to_numpy()
    damage = df["nik_damage"].tolist()
    style = rng.random(len(df)).tolist()
    out: list = []
    for t, num, d, s in zip(text, number.tolist(), damage, style):
        if num == num:  # a numeric cell
            out.append(num)
            continue
        if d == "missing" and t in EXCEL_ERRORS:
            # an error cell in the workbooks of the offices that write xlsx, the error's text elsewhere
            out.append(XError(t) if fmt in ERROR_CELL_FORMATS else t)
            continue
        if t is None or d not in ("", "typo", "transposed", "copied") or len(t) != 16:
            out.append(t)
            continue
        if fmt == "kutim" and s < 0.08:
            out.append(f"{t[:4]} {t[4:8]} {t[8:12]} {t[12:]}")
        elif fmt == "kutim" and s < 0.14:
            out.append(f"{t[:2]}.{t[2:4]}.{t[4:6]}.{t[6:12]}.{t[12:]}")
        elif fmt == "muaro-jambi" and s < 0.6:
            out.append("'" + t)
        elif fmt == "muaro-jambi" and s < 0.75:
            out.append(f"{t[:2]}.{t[2:4]}.{t[4:6]}.{t[6:12]}.{t[12:]}")
        elif fmt == "palembang" and s < 0.1:
            out.append("'" + t)  # the apostrophe that kept Excel from rounding survives the CSV export
        elif fmt in ("muara-enim", "kukar", "generic") and s < 0.04:
            out.append(f"{t[:6]} {t[6:12]} {t[12:]}")
        else:
            out.append(t)
    return out


TYPO_RATE = 0.01  # share of rows with a name typo when the office's own rate is not given
TYPO_KINDS = ("wrong", "missing", "doubled", "swapped")
ABBREV_SPECIAL = {3: 0.2, 6: 0.3}  # recaps and attendance lists: clerks abbreviate more (DOMAIN: names)
OLD_SPELLING_BORN_BEFORE = np.datetime64("1976-01-01")
_GLUED_DEGREE = {"S.T.": ("S.T", "ST", "S.T."), "M.T.": ("M.T", "MT", "M.T."), "A.Md.": ("A.Md", "AMd", "A.Md."),
                 "S.Kom": ("S.Kom.", "S.Kom", "SKom"), "S.Ars.": ("S.Ars", "S.Ars."), "M.Eng.": ("M.Eng", "M.Eng.")}


def _old_spelled(cat: dict, safe: np.ndarray) -> np.ndarray:
    """Persons whose documents keep the pre-1972 spelling: about half of those born before 1976.

    A property of the person (birth date, KTP district, name), not of a row or an office,
    so the same person is old-spelled wherever it shows, in some files and rows only."""
    birth = cat["birth"][safe]
    day = birth.astype("datetime64[D]").astype(np.int64)
    mix = (day * 7 + cat["district"][safe].astype(np.int64) * 13 + cat["t2"][safe].astype(np.int64) * 31) % 10
    return (birth < OLD_SPELLING_BORN_BEFORE) & (mix < 5)


def _abbreviate(parts: list[str], r: float, dot: bool) -> list[str]:
    """A later, middle or first name shortened to its initial ("Supriyadi S.", "Abdul R. Hakim", "A. Rahman Hakim")."""
    mark = "." if dot else ""
    n = len(parts)
    if n == 3 and r < 0.35:
        which = 1  # middle
    elif r < 0.75 or n == 1:
        which = n - 1  # last
    else:
        which = 0  # first
    if parts[which].endswith(".") or len(parts[which]) <= 2:  # "M." already an initial: shorten the last instead
        which = n - 1
    parts = list(parts)
    parts[which] = parts[which][0] + mark
    return parts


def render_names(df: pd.DataFrame, world: _World, upper: float, rng, abbrev: float = 0.0,
                 typo: float = TYPO_RATE, typo_rng=None) -> list[str | None]:
    """Names as one file writes them.

    Spelling variants ("Moh.", "Achmad"), the pre-1972 spelling of older persons
    ("Soeparman", "Djoko"), a name part shortened to its initial at the office's rate
    (more in recaps and attendance lists), honorifics and degrees (sometimes glued:
    "H.Ahmad", "Hakim,S.T."), capitals, double or non-breaking spaces, and at the
    office's ``typo`` rate one letter typed wrong, left out, doubled or swapped with the
    next (its own stream ``typo_rng``, so the rate moves no other draw).
    """
    n = len(df)
    pid = df["pid"].to_numpy()
    cat = world.cat
    safe = np.where(pid >= 0, pid, 0)
    t1, t2, t3 = cat["t1"][safe].tolist(), cat["t2"][safe].tolist(), cat["t3"][safe].tolist()
    fem = cat["female"][safe].tolist()
    prefix, degree = cat["prefix"][safe].tolist(), cat["degree"][safe].tolist()
    old = _old_spelled(cat, safe).tolist()
    expert = (df["jen"].to_numpy() >= 7).tolist()
    r_var, r_title, r_upper, r_typo, r_pick, r_pos = (rng.random(n).tolist() for _ in range(6))
    r_abbr, r_form, r_old, r_glue, r_space = (rng.random(n).tolist() for _ in range(5))
    abbreviated = (np.array(r_abbr) < _abbreviation_rate(df, abbrev)).tolist()
    typo_rng = typo_rng if typo_rng is not None else rng
    typo_kind = typo_rng.integers(0, len(TYPO_KINDS), size=n).tolist()
    out: list[str | None] = []
    for i, p in enumerate(pid.tolist()):
        if p < 0:
            out.append(None)
            continue
        parts = _spelled((t1[i], t2[i], t3[i]), world.tokens, old[i] and r_old[i] < 0.6, r_var[i], r_pick[i])
        if abbreviated[i] and len(parts) >= 2:
            parts = _abbreviate(parts, r_form[i], r_form[i] * 7 % 1 < 0.75)
        name = " ".join(parts)
        if r_typo[i] < typo:
            name = _with_typo(name, TYPO_KINDS[typo_kind[i]], r_pos[i], r_pick[i])
        if r_title[i] < 0.7:
            name = _with_titles(name, prefix[i], fem[i], degree[i], expert[i], r_glue[i] < 0.35, r_pick[i])
        if r_upper[i] < upper:
            name = name.upper()
        out.append(_with_odd_space(name, r_space[i]))
    return out


def _abbreviation_rate(df: pd.DataFrame, abbrev: float) -> np.ndarray:
    """Per row: the office's rate of shortened name parts, higher in recaps and attendance lists."""
    n = len(df)
    rate = np.full(n, abbrev)
    special = df["special"].to_numpy() if "special" in df else np.zeros(n, dtype=np.int8)
    for code, value in ABBREV_SPECIAL.items():
        rate[special == code] = max(value, abbrev)
    return rate


def _spelled(token_ids: tuple[int, int, int], tokens, use_old: bool, r_var: float, r_pick: float) -> list[str]:
    """A person's name parts as this row spells them: the old spelling, a variant ("Moh."), or as registered."""
    parts = []
    for t in token_ids:
        if t < 0:
            continue
        word = tokens.words[t]
        options = tokens.variants[t]
        if use_old and tokens.old[t]:
            word = tokens.old[t]
        elif options and r_var < 0.3:
            word = options[int(r_pick * len(options))]
        parts.append(word)
    return parts


def _with_typo(name: str, kind: str, r_pos: float, r_pick: float) -> str:
    """One slip of the keyboard in a letter other than the first (DOMAIN "Names": "one person may appear
    with a one-letter typo"): a letter ``wrong``, ``missing``, ``doubled`` or ``swapped`` with the next."""
    if len(name) <= 4:
        return name
    pos = 1 + int(r_pos * (len(name) - 2))
    if not name[pos].isalpha():
        return name
    if kind == "missing":
        return name[:pos] + name[pos + 1:]
    if kind == "doubled":
        return name[:pos] + name[pos] + name[pos:]
    if kind == "swapped":
        if pos + 1 < len(name) and name[pos + 1].isalpha() and name[pos + 1] != name[pos]:
            return name[:pos] + name[pos + 1] + name[pos] + name[pos + 2:]
        return name
    repl = "abcdefghijklmnopqrstuvwxyz"[int(r_pick * 26)]
    if repl == name[pos].lower():
        repl = "e" if repl != "e" else "a"
    if name[pos].isupper():
        repl = repl.upper()
    return name[:pos] + repl + name[pos + 1:]


def _with_titles(name: str, prefix: int, female: bool, degree: int, expert: bool, glue: bool, r_pick: float) -> str:
    """Honorific (H./Hj., Ir.) and degrees as the person carries them, sometimes glued ("H.Ahmad", "Hakim,S.T")."""
    if prefix == 0:
        name = ("Hj." if female else "H.") + ("" if glue else " ") + name
    elif prefix == 1:
        name = "Ir." + ("" if glue else " ") + name
    if degree >= 0:
        pool = V.DEGREES_EXPERT if expert else V.DEGREES_SKILLED
        text = pool[degree % len(pool)]
        if glue:
            text = ", ".join(
                _GLUED_DEGREE.get(d, (d,))[int(r_pick * 3) % len(_GLUED_DEGREE.get(d, (d,)))]
                for d in text.split(", ")
            )
            name = f"{name},{text}"
        else:
            name = f"{name}, {text}"
    return name


def _with_odd_space(name: str, r_space: float) -> str:
    """About 5% of names with a double or non-breaking space in place of the first or last space."""
    if r_space < 0.05 and " " in name:
        k = name.index(" ") if r_space < 0.03 else name.rindex(" ")
        name = name[:k] + ("  " if r_space < 0.025 else "\u00a0") + name[k + 1:]
    return name
