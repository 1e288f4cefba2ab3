"""Stage 3: Fellegi-Sunter linkage of the rows NIK repair could not place (Splink on DuckDB).

Who is left: rows without a trusted NIK that no deterministic rule placed (a
missing NIK with a common name, a damaged NIK with a misspelt name, a person seen
only with damaged NIKs...). They are compared with every other row, and with each
other, but rows that already hold a trusted NIK are never compared among
themselves: the exact pass settled them, so the probabilistic part stays small
(about 3% of rows) however large the input.

The model (Splink 5, DuckDB backend):

* comparisons: the linkage name key (the same words, in any order, with
  term-frequency adjustment, one
  edit, abbreviated or a word left out per :func:`linkage.names.names_agree`,
  Jaro-Winkler >= 0.92, a word in common per :func:`linkage.names.names_related`), birth date (exact, one edit), sex, birth place (exact
  with term frequencies, Jaro-Winkler >= 0.9), NIK digits (first 15 equal,
  one edit, prefix, two edits) and registration number;
* m probabilities learnt from labels: the NIK clusters of stages 1-2 are pairs of
  rows known to match (``estimate_m_from_label_column``), so no EM is needed and
  the model adapts to each office's noise; the NIK-digit levels cannot be learnt
  that way (the labels *are* NIKs) and carry fixed values, documented below. A
  world of files with (almost) no valid NIK (withheld in a portal's export, masked,
  mangled everywhere) has no labels: from 500 rows on, the model is then trained
  Splink's unsupervised way (prior from same name and birth date, m by expectation
  maximisation), else its rows stay apart;
* u probabilities from random pairs (``estimate_u_using_random_sampling``,
  :func:`u_sample_pairs` of them);
* both drawn toward priors (:data:`LEVEL_PRIORS`) in proportion to the pairs they were
  learnt from, so that a small world's handful of labels and few hundred random pairs
  give a model near the priors and a large world its own (``_shrink_toward_priors``);
* the prior (probability that two random rows match) from the same clusters;
* candidates: same birth date; same name and birth year; same name and NIK
  region prefix; same first 12 NIK digits (district and birth date); same
  registration number.

A link needs :data:`MATCH_THRESHOLD`; links then go through the clustering guard
(:mod:`linkage.clustering`), and a row whose best links point at two different
persons with a similar weight is left alone (ambiguous).
"""

from __future__ import annotations

import logging

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from linkage.clustering import GuardedUnionFind
from linkage.names import given_names_differ, register_name_model
from linkage.nik_stage import EDGE_COLUMNS
from linkage.timing import timed

log = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.99
# Below MATCH_THRESHOLD, down to this, a link is accepted only when its name and birth date
# carry it: the name equal, one typo off or shortened ("Dewi W." / "Dewi Wahyuni") and the
# same birth date on both rows. Probe worlds of 500-700 persons (common names, a quarter of
# NIKs missing, births in a narrow window) put some 640 links in 0.90-0.99: 597 of that kind,
# 1 of them false; the rest carried by a NIK one edit apart or a word in common without a
# birth date on one side (3 of 6 false), or by a birth date one typo off (35, none false here,
# but a common name born a digit apart is another person as often: "Muhammad Rizki" 10 and
# 11 January). A global 0.95 takes all of those.
BAND_THRESHOLD = 0.94
BAND_NAME_LEVELS = frozenset({"Exact match on name", "Damerau-Levenshtein <= 1", "abbreviated or a word left out"})
BAND_BIRTH_LEVELS = frozenset({"Exact match on birth"})
# A row whose two best candidate persons are closer than this (match weight, bits)
# is ambiguous: linking it to either would be a coin toss with the count at stake.
AMBIGUITY_MARGIN = 3.0
# Random pairs for the u probabilities: half a pair per row, within these bounds. The
# commonest levels that matter (exact birth date, u ~ 5e-5) are still seen tens of
# times at the lower bound; more pairs moved no u by more than sampling noise on the
# demo rows or a million synthetic rows, and cost seconds (2e6 pairs: ~27 s on the
# 5k demo rows before the cheap edit-distance levels, 2.7 s after; 5e5: 1.9 s at 1M).
U_MIN_PAIRS = 2e5
U_MAX_PAIRS = 5e5
# Fewer labelled pairs than this (rows sharing a NIK) teach the m probabilities little:
# with enough rows the model is then trained without labels (:func:`_train_without_labels`);
# expectation maximisation over fewer rows than MIN_UNSUPERVISED_ROWS learns noise.
MIN_LABELLED_PAIRS = 50
MIN_UNSUPERVISED_ROWS = 500
# Expectation maximisation iterations (unsupervised training only). On the demo world with
# every NIK withheld, the 25 of Splink's default drove the m of "birth date one edit apart"
# under 1e-300 in the name-blocked session, which Splink 5 refuses; 10 gave the same links.
EM_MAX_ITERATIONS = 10


def u_sample_pairs(n_rows: int) -> float:
    """How many random pairs estimate the u probabilities for ``n_rows`` records."""
    return float(min(max(n_rows / 2, U_MIN_PAIRS), U_MAX_PAIRS))

# NIK-digit levels: damaged digits of one row against the digits of another. The
# labels cannot teach these (a label *is* a NIK), so m and u are set from what the
# damage looks like (demo generator and DOMAIN): m = share of a person's damaged
# rows showing that pattern against their true NIK; u = share of random pairs
# showing it (the first 12 digits encode district and birth date, which the birth
# date comparison already counts, so u is that of the remaining digits).
NIK_LEVELS = {
    "first 15 digits equal": (0.35, 1e-4),
    "one edit apart": (0.35, 1e-4),
    "one is a prefix of the other": (0.15, 0.02),
    "two edits apart": (0.05, 1e-3),
    "else": (0.10, 0.977),
}


def within_edits(column: str, edits: int) -> str:
    """SQL: ``column_l`` and ``column_r`` at most ``edits`` Damerau-Levenshtein edits apart, cheaply.

    DuckDB's ``damerau_levenshtein`` costs 4-7 us a pair, which is most of the
    prediction time on a million rows (millions of candidate pairs, each
    comparing name, birth date and NIK digits). It is only reached behind
    conditions every such pair meets and that cost a tenth of that: equal
    lengths with at most ``2 * edits`` differing positions (``hamming``; a swap
    changes two), or lengths at most ``edits`` apart with an intact start or
    end (one edit leaves one of the two ends of ``(shorter - 2) // 2`` characters
    untouched: exact; for two edits an intact end of 4 characters is a heuristic
    that misses two edits at both ends of a NIK, which then counts as "else").
    """
    a, b = f"{column}_l", f"{column}_r"
    ends = f"left({a}, {{k}}) = left({b}, {{k}}) or right({a}, {{k}}) = right({b}, {{k}})"
    if edits == 1:
        # one edit keeps equal lengths only as a substitution or a swap (<= 2 positions
        # differ), and otherwise leaves one end of (shorter - 2) // 2 characters intact
        k = f"greatest((least(length({a}), length({b})) - 2) // 2, 0)"
        guard = (
            f"case when length({a}) = length({b}) then hamming({a}, {b}) <= 2"
            f" when abs(length({a}) - length({b})) = 1 then {ends.format(k=k)} else false end"
        )
    else:
        # heuristic: an intact end of up to 4 characters (0 for short strings: no guard)
        k = f"greatest(least(4, (least(length({a}), length({b})) - 2) // 3), 0)"
        guard = (
            f"case when abs(length({a}) - length({b})) > {edits} then false"
            f" when length({a}) = length({b}) then hamming({a}, {b}) <= {2 * edits} or {ends.format(k=k)}"
            f" else {ends.format(k=k)} end"
        )
    # CASE, not AND: DuckDB may evaluate both sides of an AND, and hamming() raises on
    # strings of different lengths.
    return f"(case when {guard} then damerau_levenshtein({a}, {b}) <= {edits} else false end)"


def _nik_comparison() -> cl.CustomComparison:
    l, r = "digits_l", "digits_r"
    levels = [
        cll.NullLevel("digits"),
        cll.CustomLevel(f"length({l}) >= 15 and length({r}) >= 15 and left({l}, 15) = left({r}, 15)",
                        "first 15 digits equal"),
        cll.CustomLevel(within_edits("digits", 1), "one edit apart"),
        cll.CustomLevel(f"least(length({l}), length({r})) >= 4 and (starts_with({l}, {r}) or starts_with({r}, {l}))",
                        "one is a prefix of the other"),
        cll.CustomLevel(within_edits("digits", 2), "two edits apart"),
        cll.ElseLevel(),
    ]
    for level in levels[1:]:
        label = getattr(level, "label_for_charts", None) or ("else" if isinstance(level, cll.ElseLevel) else None)
        key = label if label in NIK_LEVELS else "else"
        m, u = NIK_LEVELS[key]
        level.configure(m_probability=m, u_probability=u, fix_m_probability=True, fix_u_probability=True)
    return cl.CustomComparison(levels, output_column_name="digits", comparison_description="NIK digits")


# SQL: ISO birth dates ``birth_l`` and ``birth_r`` one another with day and month swapped.
_SWAPPED_BIRTH = ("left(birth_l, 4) = left(birth_r, 4) and substr(birth_l, 6, 2) = substr(birth_r, 9, 2)"
                  " and substr(birth_l, 9, 2) = substr(birth_r, 6, 2)")


def domain_comparisons() -> list:
    """The comparisons of the participation-row model."""
    name = cl.CustomComparison(
        [
            cll.NullLevel("name"),
            # The same words, in any order ("Rahman Suryanto" / "Suryanto Rahman"): the name exactly as
            # far as a person is concerned, so two namesakes born the same day, one of them written
            # reordered, stay an even choice (ambiguous) instead of a win for the one whose clerk
            # kept the order.
            cll.ExactMatchLevel("name_words").configure(tf_adjustment_column="name_words",
                                                        label_for_charts="Exact match on name"),
            cll.CustomLevel(within_edits("name", 1), "Damerau-Levenshtein <= 1"),
            # A word shortened to its initial or left out ("Supriyadi S." / "Supriyadi
            # Santoso"): the name model of every other stage (linkage/names.py). Only
            # reached by pairs sharing a first letter, so the Python call stays rare.
            # Also names whose words one holds all of, in another order ("Saragih Budi" / "Budi
            # Saragih"), which names_agree reads as one name reordered.
            cll.CustomLevel("(case when left(name_l, 1) = left(name_r, 1) "
                            "or list_has_all(string_split(name_l, ' '), string_split(name_r, ' ')) "
                            "or list_has_all(string_split(name_r, ' '), string_split(name_l, ' ')) "
                            "then names_agree(name_l, name_r) else false end)", "abbreviated or a word left out"),
            cll.JaroWinklerLevel("name", 0.92),
            # Any word in common, written out or as an initial ("Fauzi" / "Hadi F."): weak,
            # but it keeps names with nothing in common in a level of their own.
            cll.CustomLevel("names_related(name_l, name_r)", "a word in common"),
            cll.ElseLevel(),
        ],
        output_column_name="name",
        comparison_description="nama_kunci",
    )
    birth = cl.CustomComparison(
        [cll.NullLevel("birth"),
         # The same date with day and month swapped (an office writing month first: "07/12/1999"
         # read as 12 July) is the same date, as the guard and the typo merge already read it:
         # Damerau-Levenshtein puts the two ISO texts four edits apart.
         cll.CustomLevel(f"birth_l = birth_r or ({_SWAPPED_BIRTH})", "Exact match on birth"),
         cll.CustomLevel(within_edits("birth", 1), "Damerau-Levenshtein <= 1"), cll.ElseLevel()],
        output_column_name="birth",
        comparison_description="tanggal_lahir",
    )
    sex = cl.ExactMatch("sex")
    place = cl.CustomComparison(
        [
            cll.NullLevel("place"),
            cll.ExactMatchLevel("place").configure(tf_adjustment_column="place"),
            cll.JaroWinklerLevel("place", 0.9),
            cll.ElseLevel(),
        ],
        output_column_name="place",
        comparison_description="tempat_lahir",
    )
    cert = cl.ExactMatch("cert")
    return [name, birth, sex, place, _nik_comparison(), cert]


# Rows sharing one blocking key value: above this the value is dropped from its rule (its
# rows stay reachable through the other rules). A block of k rows costs k^2/2 comparisons:
# a file of 200,000 made-up NIKs sharing 12 leading digits made blocks of 10,000 rows and
# 10^9 pairs (18 GiB); capped, a file of any size costs at most 250 comparisons per row per
# rule. Real blocks are far smaller: about 90 persons share a birth date in 2 million rows.
MAX_BLOCK_ROWS = 500
BLOCKING_KEYS = {
    "b_birth": "birth",
    "b_name_year": "name || '|' || birth_year",
    "b_name_nik6": "name || '|' || nik6",
    "b_p12": "p12",
    "b_cert": "cert",
}


def domain_blocking_rules() -> list:
    """Candidate pairs for the residual rows: same birth date; same name and birth year; same
    name and NIK region; same first 12 NIK digits; same certificate number (see ``BLOCKING_KEYS``)."""
    return [block_on(key) for key in BLOCKING_KEYS]


_RECORDS_SQL = """
with records as (
    select rid as unique_id, name, array_to_string(list_sort(string_split(name, ' ')), ' ') as name_words, birth, substr(birth, 1, 4) as birth_year, sex, place,
           case when detached then null else digits end as digits,
           substr(case when detached then null else digits end, 1, 6) as nik6,
           case when length(digits) >= 12 and not detached then substr(digits, 1, 12) end as p12,
           cert, cid
    from feats_all
), keyed as (
    select *, {keys} from records
)
select * exclude ({key_names}), {capped} from keyed
""".format(
    keys=", ".join(f"{sql} as {key}" for key, sql in BLOCKING_KEYS.items()),
    key_names=", ".join(BLOCKING_KEYS),
    capped=", ".join(
        f"case when count(*) over (partition by {key}) > {MAX_BLOCK_ROWS} then null else {key} end as {key}"
        for key in BLOCKING_KEYS
    ),
)


def labelled_pairs(cid: np.ndarray) -> int:
    """Pairs of rows the NIK clusters say are one person (the labels the model learns from)."""
    labelled = cid[cid >= 0]
    if len(labelled) < 2:
        return 0
    sizes = np.bincount(pd.factorize(labelled)[0]).astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def training_mode(cid: np.ndarray) -> str | None:
    """How the model learns from rows with these NIK labels (``cid``, -1: none).

    ``"labels"``: from the NIK clusters; ``"unsupervised"``: almost no NIK in a world
    large enough to learn from its own pairs; None: too little of either, no
    probabilistic links (each remaining row stays its own person).
    """
    if labelled_pairs(cid) >= MIN_LABELLED_PAIRS:
        return "labels"
    if len(cid) >= MIN_UNSUPERVISED_ROWS:
        return "unsupervised"
    return "labels" if (cid >= 0).sum() >= 2 else None


# Small worlds. Labels of a few persons teach m probabilities by the handful: 6 labelled pairs
# give "abbreviated or a word left out" m = 1/6 or 0 (a level never seen keeps Splink's
# default), and random pairs of a 60-row world are 1,700 pairs, a fiftieth of them one person,
# so the u of "same birth date" comes out 0.019 for 2e-4. Each trained probability is
# therefore shrunk toward a prior, as if the prior had been seen that many more times:
# p = (k + s * p0) / (n + s), k of n pairs at the level (beta-binomial posterior mean). s is
# MIN_LABELLED_PAIRS labelled pairs for m, U_PRIOR_PAIRS random pairs for u: a world below
# either follows its priors, a world far above learns its own. Priors: (m0, u0) per level, the
# model of the demo world of 5,000 rows (2,657 labelled pairs, 2e5 random pairs) rounded, with
# the domain reason; levels the demo never saw among its labels take the DOMAIN brief's rates.
U_PRIOR_PAIRS = 1e4
LEVEL_PRIORS = {
    "name": {
        # clerks copy a person's name as the office wrote it before in three pairs of four;
        # u: the share of random pairs of workers with one name, before term frequencies
        "Exact match on name": (0.75, 3e-3),
        "Damerau-Levenshtein <= 1": (0.02, 5e-4),  # a one-letter typo (DOMAIN), ~1 in 50 pairs
        # a later name shortened to its initial, a word or title left out: everyday (DOMAIN)
        "abbreviated or a word left out": (0.2, 3e-3),
        "Jaro-Winkler distance of name >= 0.92": (0.01, 2e-3),
        "a word in common": (0.01, 0.13),
        "else": (0.01, 0.86),
    },
    # the birth date copied from the KTP; u: workers born over some 30 years
    "birth": {"Exact match on birth": (0.95, 2.5e-4), "Damerau-Levenshtein <= 1": (0.03, 2e-3),
              "else": (0.02, 0.998)},
    # most construction workers are men: an equal sex is weak evidence
    "sex": {"Exact match on sex": (0.98, 0.84), "else": (0.02, 0.16)},
    "place": {"Exact match on place": (0.9, 0.1), "Jaro-Winkler distance of place >= 0.9": (0.05, 1e-4),
              "else": (0.05, 0.9)},
    # one certificate reported twice (a province re-reporting a regency's) is one person
    "cert": {"Exact match on cert": (0.25, 1.5e-5), "else": (0.75, 1.0)},
}


def shrunk(k: float, n: float, prior: float, strength: float) -> float:
    """A share of ``k`` in ``n`` drawn toward ``prior`` as if it had been seen ``strength`` times."""
    return (k + strength * prior) / (n + strength)


def _non_null_labelled_pairs(con: duckdb.DuckDBPyConnection, records: str, column: str) -> int:
    """Labelled pairs (rows of one NIK cluster) with ``column`` stated on both rows."""
    (pairs,), = con.execute(
        f"select coalesce(sum(k * (k - 1) // 2), 0) from "
        f"(select count({column}) as k from {records} where cid is not null group by cid)").fetchall()
    return int(pairs)


def _shrink_toward_priors(linker: Linker, con: duckdb.DuckDBPyConnection, records: str, n_rows: int,
                          u_pairs: float) -> None:
    """Draw the label-learnt m and the sampled u probabilities toward :data:`LEVEL_PRIORS`."""
    sampled = min(u_pairs, n_rows * (n_rows - 1) / 2)
    for comparison in linker._settings_obj.comparisons:
        priors = LEVEL_PRIORS.get(comparison.output_column_name)
        if priors is None:
            continue
        labelled = _non_null_labelled_pairs(con, records, comparison.output_column_name)
        for level in comparison._comparison_levels_excluding_null:
            label = "else" if level._is_else_level else level.label_for_charts
            if label not in priors:
                continue
            m0, u0 = priors[label]
            if not level._fix_m_probability:
                # a level the labels never showed has no trained value: k = 0
                k = level.m_probability * labelled if level._trained_m_median is not None else 0.0
                level.m_probability = shrunk(k, labelled, m0, MIN_LABELLED_PAIRS)
            if not level._fix_u_probability:
                k = level.u_probability * sampled if level._trained_u_median is not None else 0.0
                level.u_probability = shrunk(k, sampled, u0, U_PRIOR_PAIRS)


def _label_prior(cid: np.ndarray) -> float:
    """Probability two random rows match, counted from the NIK clusters."""
    n = len(cid)
    if n < 2:
        return 1e-4
    return min(max(labelled_pairs(cid) / (n * (n - 1) / 2), 1e-9), 0.5)


def train_model(
    con: duckdb.DuckDBPyConnection, records: str, cid: np.ndarray, seed: int = 7, mode: str | None = None
) -> Linker:
    """A Splink linker over table ``records``, trained from the NIK-cluster labels, or
    without labels when there are almost none (``mode``, default :func:`training_mode`)."""
    mode = mode or training_mode(cid)
    register_name_model(con)
    db = DuckDBAPI(connection=con)
    sdf = db.register(con.table(records))
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=domain_comparisons(),
        blocking_rules_to_generate_predictions=domain_blocking_rules(),
        probability_two_random_records_match=_label_prior(cid),
        retain_intermediate_calculation_columns=True,
        max_iterations=EM_MAX_ITERATIONS,
        additional_columns_to_retain=["cid"],
    )
    linker = Linker(sdf, settings, log_level=logging.WARNING)
    linker.training.estimate_u_using_random_sampling(max_pairs=u_sample_pairs(len(cid)), seed=seed)
    if mode == "labels":
        linker.training.estimate_m_from_label_column("cid")
        _shrink_toward_priors(linker, con, records, len(cid), u_sample_pairs(len(cid)))
    else:
        _train_without_labels(linker)
    return linker


def _train_without_labels(linker: Linker) -> None:
    """Prior and m probabilities without NIK labels, Splink's unsupervised way.

    A world whose files carry (almost) no NIK, e.g. portal exports with the NIK
    withheld, has no labelled pairs to learn from; without a model its rows were
    never linked and every row counted as a person. The prior comes from rows with
    the same name and birth date (assumed to find 70% of true pairs), the m
    probabilities from expectation maximisation over pairs with the same birth date
    (which trains the name, sex, place and number comparisons) and with the same name
    and birth year (which trains the birth date), every record taking part.
    """
    linker.training.estimate_probability_two_random_records_match([block_on("name", "birth")], recall=0.7)
    # The capped blocking keys (MAX_BLOCK_ROWS): a common name over two million rows would
    # otherwise make millions of pairs in one block.
    for rule in (block_on("b_birth"), block_on("b_name_year")):
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule, record_sample_proportion=1.0)
        except ValueError as exc:
            log.warning("unsupervised linkage training over %s stopped (%s); its comparisons keep Splink's defaults",
                        rule.get_blocking_rule("duckdb").blocking_rule_sql, exc)


def _evidence(frame: pd.DataFrame, comparisons: list[str], labels: dict[str, dict[int, str]]) -> pd.Series:
    """One line per pair: each comparison's level and its weight in bits."""
    parts = []
    for name in comparisons:
        gamma = frame[f"gamma_{name}"].to_numpy()
        # Splink 5 reports each comparison's weight in bits (mw_*), term-frequency
        # adjustment separately (mw_tf_adj_*).
        mw = frame[f"mw_{name}"].to_numpy(dtype=float)
        tf = frame[f"mw_tf_adj_{name}"].to_numpy(dtype=float) if f"mw_tf_adj_{name}" in frame else np.zeros(len(frame))
        text = [
            f"{name} {labels[name].get(int(g), str(g))} ({w + a:+.1f})" if g != -1 else f"{name} missing"
            for g, w, a in zip(gamma, mw, tf)
        ]
        parts.append(text)
    return pd.Series(["; ".join(p) for p in zip(*parts)], index=frame.index)


def _level_labels(linker: Linker) -> dict[str, dict[int, str]]:
    out = {}
    for comparison in linker._settings_obj.comparisons:
        out[comparison.output_column_name] = {
            level.comparison_vector_value: level.label_for_charts for level in comparison.comparison_levels
        }
    return out


_REFUSED_COLUMNS = ["rid_l", "rid_r", "match_probability", "reason"]


def link_residual(
    con: duckdb.DuckDBPyConnection,
    feats: pd.DataFrame,
    row_cid: np.ndarray,
    residual: np.ndarray,
    uf: GuardedUnionFind,
    node: np.ndarray,
    threshold: float | None = None,
    ambiguous: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """Score the residual rows against everything, accept links through the guard.

    ``row_cid``: NIK identity per row (-1 for residual). ``residual``: rids to
    place. Returns (accepted links, refused links with reasons, timings).
    """
    threshold = MATCH_THRESHOLD if threshold is None else threshold
    timings: dict[str, float] = {}
    mode = training_mode(row_cid)
    if len(residual) == 0 or mode is None:
        return pd.DataFrame(columns=EDGE_COLUMNS), pd.DataFrame(columns=_REFUSED_COLUMNS), timings
    with timed(timings, "fs_prepare"):
        _register_records(con, feats, row_cid, residual)
    with timed(timings, "fs_train"):
        linker = train_model(con, "lk_records", row_cid, mode=mode)
    with timed(timings, "fs_predict"):
        pairs = _predict_pairs(con, linker, min(threshold, BAND_THRESHOLD))
        pairs = pairs[_accepted_scores(pairs, threshold, _level_labels(linker))]
        # Two rows of one person already (a number reported twice, neither with a valid NIK,
        # both residual) need no link of their own.
        root = uf.labels()
        pairs = pairs[root[node[pairs["unique_id_l"].astype(np.int64)]] != root[node[pairs["unique_id_r"].astype(np.int64)]]]
    if pairs.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS), pd.DataFrame(columns=_REFUSED_COLUMNS), timings
    with timed(timings, "fs_cluster"):
        pairs["rid_l"] = pairs["unique_id_l"].astype(np.int64)
        pairs["rid_r"] = pairs["unique_id_r"].astype(np.int64)
        pairs = pairs.sort_values(["match_weight", "rid_l", "rid_r"], ascending=[False, True, True], kind="stable")
        pairs, refused_ambiguous = _set_aside_ambiguous(pairs)
        comparisons = [c.output_column_name for c in linker._settings_obj.comparisons]
        pairs["evidence"] = "Fellegi-Sunter: " + _evidence(pairs, comparisons, _level_labels(linker))
        accepted, refused_by_guard = _accept_through_guard(pairs, feats["name"].to_numpy(dtype=object), uf, node)
        edges = _probabilistic_links(pairs[accepted])
        refused = pd.DataFrame(refused_ambiguous + refused_by_guard, columns=_REFUSED_COLUMNS)
    return edges, refused, timings


def _register_records(con: duckdb.DuckDBPyConnection, feats: pd.DataFrame, row_cid: np.ndarray,
                      residual: np.ndarray) -> None:
    """Tables ``lk_records`` (every row: Splink's input), ``lk_residual`` and ``lk_known`` (rows with an identity)."""
    table = pa.Table.from_pandas(
        feats[["rid", "name", "birth", "sex", "place", "digits", "cert", "detached"]].assign(
            cid=pd.array(np.where(row_cid >= 0, row_cid, -1), dtype="Int64")
        ).assign(cid=lambda f: f["cid"].where(f["cid"] >= 0)),
        preserve_index=False,
    )
    con.register("feats_all", table)
    con.execute(f"create or replace temp table lk_records as {_RECORDS_SQL}")
    con.execute("create or replace temp table lk_residual as select * from lk_records where unique_id in "
                "(select unnest($1))", [residual.tolist()])
    con.execute("create or replace temp table lk_known as select * from lk_records where cid is not null")


def _accepted_scores(pairs: pd.DataFrame, threshold: float, labels: dict[str, dict[int, str]]) -> np.ndarray:
    """Which scored pairs are links: ``threshold`` and above, or down to :data:`BAND_THRESHOLD`
    with a name and a birth date of the band's levels (:data:`BAND_NAME_LEVELS`,
    :data:`BAND_BIRTH_LEVELS`)."""
    probability = pairs["match_probability"].to_numpy(dtype=float)
    keep = probability >= threshold
    band = ~keep & (probability >= BAND_THRESHOLD)
    if band.any():
        def level(comparison: str) -> np.ndarray:
            names = labels.get(comparison, {})
            return np.array([names.get(int(g), "") for g in pairs[f"gamma_{comparison}"].to_numpy()], dtype=object)

        keep |= band & np.isin(level("name"), list(BAND_NAME_LEVELS)) & np.isin(level("birth"), list(BAND_BIRTH_LEVELS))
    return keep


def _predict_pairs(con: duckdb.DuckDBPyConnection, linker: Linker, threshold: float) -> pd.DataFrame:
    """Scored pairs above ``threshold``: residual rows against known rows, then among themselves.

    Known rows are never compared among themselves: the exact pass settled them.
    """
    for column in ("name_words", "place"):
        linker.table_management.compute_tf_table(column)
    db = linker._db_api
    residual_sdf = db.register(con.table("lk_residual"))
    known_sdf = db.register(con.table("lk_known"))
    between = linker.inference.predict_between(
        residual_sdf, known_sdf, threshold_match_probability=threshold, warning_mode="never"
    ).as_pandas_dataframe()
    within = linker.inference.predict_within(
        residual_sdf, threshold_match_probability=threshold, warning_mode="never"
    ).as_pandas_dataframe()
    return pd.concat([between, within], ignore_index=True)


def _set_aside_ambiguous(pairs: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple]]:
    """The pairs without those of ambiguous rows, and the refusals of those (``_REFUSED_COLUMNS`` records).

    Ambiguity: a residual row whose two best persons (known NIK clusters) are
    closer than :data:`AMBIGUITY_MARGIN`; its links to known persons are refused.
    """
    refused = []
    known_side = pairs[pairs["cid_r"].notna()] if "cid_r" in pairs else pairs.iloc[0:0]
    best = known_side.groupby(["rid_l", "cid_r"])["match_weight"].max().reset_index()
    best = best.sort_values(["rid_l", "match_weight"], ascending=[True, False])
    best["rank"] = best.groupby("rid_l").cumcount()
    top = best[best["rank"] == 0].set_index("rid_l")["match_weight"]
    second = best[best["rank"] == 1].set_index("rid_l")["match_weight"]
    close = second.index[(top.reindex(second.index) - second) < AMBIGUITY_MARGIN]
    ambiguous_rows = set(close.tolist())
    if len(ambiguous_rows):
        mask = pairs["rid_l"].isin(ambiguous_rows) & pairs["cid_r"].notna()
        for rec in pairs[mask].itertuples(index=False):
            refused.append((rec.rid_l, rec.rid_r, rec.match_probability, "ambiguous: two known persons fit"))
        pairs = pairs[~mask]
    return pairs, refused


def _accept_through_guard(pairs: pd.DataFrame, names: np.ndarray, uf: GuardedUnionFind,
                          node: np.ndarray) -> tuple[np.ndarray, list[tuple]]:
    """Merge each pair (best first) unless the clustering guard or the given names object.

    Returns which pairs are accepted (a pair already inside one person counts) and
    the refusals (``_REFUSED_COLUMNS`` records).
    """
    accepted = []
    refused = []
    for rec in pairs[["rid_l", "rid_r", "match_probability"]].itertuples(index=False):
        a, b = int(node[rec.rid_l]), int(node[rec.rid_r])
        # A clearly different given name is evidence of another person that no weight
        # of the other fields outvotes (a NIK copied between brothers born the same day).
        reason = "different given names" if given_names_differ(names[rec.rid_l], names[rec.rid_r]) \
            else uf.conflict(a, b)
        if reason is None:
            accepted.append(uf.union(a, b) or uf.find(a) == uf.find(b))
        else:
            accepted.append(False)
            refused.append((rec.rid_l, rec.rid_r, rec.match_probability, reason))
    return np.array(accepted, dtype=bool), refused


def _probabilistic_links(kept: pd.DataFrame) -> pd.DataFrame:
    """Links (``EDGE_COLUMNS``) for the accepted pairs, the known row first as in the repair links."""
    return pd.DataFrame({
        "rid_l": kept["rid_r"].to_numpy(),
        "rid_r": kept["rid_l"].to_numpy(),
        "method": "probabilistic",
        "kind": "fellegi_sunter",
        "evidence": kept["evidence"].to_numpy(),
        "match_weight": kept["match_weight"].to_numpy(dtype=float),
        "match_probability": kept["match_probability"].to_numpy(dtype=float),
    })
