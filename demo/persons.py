"""The demo population: persons with a KTP region, birth date, sex, name tokens and titles.

A person is a row of small integers (region, district, name tokens, honorific, degree,
birth place) collected per office in :class:`_World`; :meth:`_World.finish_persons`
numbers their NIKs (region-district-birth date-sex, serials per prefix) and spells
their names. Twins share surname, birth date and district with a different NIK serial.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from demo import names as V
from demo.common import _rng, _ymd
from demo.specs import OfficeSpec
from reference import regions
from sources.registry import Office


class _Tokens:
    """All name tokens in one list, so a person's name is three small integers."""

    def __init__(self):
        self.words: list[str] = []
        self.index: dict[str, int] = {}
        single_male = ("Sutrisno", "Suparman", "Sugiarto", "Supriyadi", "Sumarno", "Suyanto", "Mulyono", "Paijo",
                       "Sunyoto", "Nyoto")
        single_female = ("Sumarni", "Sulastri", "Suharti", "Paini")
        self.pools = {
            "male_first": self._ids(V.MALE_FIRST),
            "male_last": self._ids(V.MALE_LAST),
            "female_first": self._ids(V.FEMALE_FIRST),
            "female_last": self._ids(V.FEMALE_LAST),
            "male_single": self._ids(single_male),
            "female_single": self._ids(single_female),
        }
        self.weights = {key: np.array(V.zipf_weights(len(ids))) for key, ids in self.pools.items()}
        self.variants = [V.NAME_VARIANTS.get(word, ()) for word in self.words]
        self.old = [V.OLD_SPELLING.get(word) for word in self.words]

    def _ids(self, words) -> np.ndarray:
        out = []
        for word in words:
            if word not in self.index:
                self.index[word] = len(self.words)
                self.words.append(word)
            out.append(self.index[word])
        return np.array(out, dtype=np.int32)

    def draw(self, rng, pool: str, size: int) -> np.ndarray:
        return self.pools[pool][rng.choice(len(self.pools[pool]), size=size, p=self.weights[pool])]


_PERSON_FIELDS = ("region", "district", "female", "birth", "t1", "t2", "t3", "prefix", "degree", "place", "twin_of")


@dataclass
class _Persons:
    region: list[np.ndarray] = field(default_factory=list)  # index into region_codes
    district: list[np.ndarray] = field(default_factory=list)
    female: list[np.ndarray] = field(default_factory=list)
    birth: list[np.ndarray] = field(default_factory=list)
    t1: list[np.ndarray] = field(default_factory=list)
    t2: list[np.ndarray] = field(default_factory=list)
    t3: list[np.ndarray] = field(default_factory=list)
    prefix: list[np.ndarray] = field(default_factory=list)  # -1 or index into honorific list
    degree: list[np.ndarray] = field(default_factory=list)
    place: list[np.ndarray] = field(default_factory=list)  # index into place_names
    twin_of: list[np.ndarray] = field(default_factory=list)
    count: int = 0


def _home_distribution(spec: OfficeSpec, office: Office) -> tuple[list[str], np.ndarray]:
    """Regency codes and probabilities for where an office's persons hold their KTP."""
    table = regions()
    home = spec.home or ((office.region_code, 0.88), (office.province_code, 0.12))
    if office.level == "province" and not spec.home:
        home = ((office.province_code, 1.0),)
    codes: dict[str, float] = {}
    for code, weight in home:
        if "." in code:
            members = [code]
        else:
            members = [c for c, r in table.items() if r.province_code == code and r.type != "province"]
        for member in members:
            codes[member] = codes.get(member, 0.0) + weight / len(members)
    keys = sorted(codes)
    probs = np.array([codes[k] for k in keys])
    return keys, probs / probs.sum()


def _draw_titles(n: int, expert: bool, rng) -> dict[str, np.ndarray]:
    """Honorific (0 H./Hj., 1 Ir., -1 none) and degree (index into the pool, -1 none)."""
    prefix = np.full(n, -1, dtype=np.int8)
    degree = np.full(n, -1, dtype=np.int8)
    haji = rng.random(n) < (0.08 if expert else 0.03)
    prefix[haji] = 0  # H. / Hj.
    if expert:
        ir = rng.random(n) < 0.10
        prefix[ir & ~haji] = 1
        has = rng.random(n) < 0.55
        degree[has] = rng.integers(0, len(V.DEGREES_EXPERT), size=int(has.sum()))
    else:
        has = rng.random(n) < 0.04
        degree[has] = rng.integers(0, len(V.DEGREES_SKILLED), size=int(has.sum()))
    return {"prefix": prefix, "degree": degree}


class _World:
    """Mutable state while the world is drawn."""

    def __init__(self, seed: int):
        self.seed = seed
        self.tokens = _Tokens()
        self.P = _Persons()
        self.region_codes: list[str] = []
        self.region_index: dict[str, int] = {}
        self.place_names: list[str] = []
        self.place_index: dict[str, int] = {}
        self.pool: dict[str, np.ndarray] = {}  # office -> person ids first created for it
        self.offices: dict[str, Office] = {}
        self.cat: dict[str, np.ndarray] = {}

    def region_id(self, code: str) -> int:
        if code not in self.region_index:
            self.region_index[code] = len(self.region_codes)
            self.region_codes.append(code)
        return self.region_index[code]

    def place_id(self, name: str) -> int:
        if name not in self.place_index:
            self.place_index[name] = len(self.place_names)
            self.place_names.append(name)
        return self.place_index[name]

    def new_persons(self, n: int, spec: OfficeSpec, office: Office, rng) -> np.ndarray:
        """Create ``n`` persons registered mostly around ``office``; returns their ids.

        The draws come in a fixed order (the same seed gives the same persons): where and
        when born, names, titles, twins, birth places.
        """
        batch = self._draw_homes_and_births(n, spec, office, rng)
        batch.update(self._draw_names(n, batch["female"], rng))
        batch.update(_draw_titles(n, spec.expert, rng))
        batch["twin_of"] = self._make_twins(batch, rng)
        batch["place"] = self._draw_birth_places(batch["region"], rng)
        self._initial_namesakes(batch, _rng(self.seed, "initial-namesakes", self.P.count))
        ids = np.arange(self.P.count, self.P.count + n, dtype=np.int64)
        for name in _PERSON_FIELDS:
            getattr(self.P, name).append(batch[name])
        self.P.count += n
        return ids

    def _draw_homes_and_births(self, n: int, spec: OfficeSpec, office: Office, rng) -> dict[str, np.ndarray]:
        """KTP regency and district, sex, birth date (experts are older)."""
        codes, probs = _home_distribution(spec, office)
        code_ids = np.array([self.region_id(c) for c in codes])
        home = code_ids[rng.choice(len(codes), size=n, p=probs)]
        female = rng.random(n) < spec.female
        if spec.expert:
            birth_year = rng.integers(1962, 2002, size=n)
        else:
            birth_year = rng.integers(1966, 2005, size=n)
        birth = (birth_year - 1970).astype("datetime64[Y]").astype("datetime64[D]") + rng.integers(0, 365, size=n)
        birth = np.minimum(birth, np.datetime64("2004-12-31"))
        district = rng.integers(1, 21, size=n)
        kutim = np.array([self.region_codes[h] == "64.08" for h in home.tolist()], dtype=bool)
        district[kutim] = rng.integers(1, 19, size=int(kutim.sum()))
        return {"region": home, "district": district, "female": female, "birth": birth}

    def _draw_names(self, n: int, female: np.ndarray, rng) -> dict[str, np.ndarray]:
        """Name tokens t1 t2 t3 (-1: none): one, two or three names from the sex's pools."""
        tok = self.tokens
        t1 = np.full(n, -1, dtype=np.int32)
        t2 = np.full(n, -1, dtype=np.int32)
        t3 = np.full(n, -1, dtype=np.int32)
        male = ~female
        shape = rng.random(n)
        single = shape < 0.08
        triple = shape > 0.9
        for is_sex, first, last, single_pool in (
            (male, "male_first", "male_last", "male_single"),
            (female, "female_first", "female_last", "female_single"),
        ):
            two = is_sex & ~single
            t1[two] = tok.draw(rng, first, int(two.sum()))
            t2[is_sex] = tok.draw(rng, last, int(is_sex.sum()))
            one = is_sex & single
            t2[one] = tok.draw(rng, single_pool, int(one.sum()))
            three = is_sex & triple & ~single
            t3[three] = t2[three]
            t2[three] = tok.draw(rng, first, int(three.sum()))
        # "Muhammad Muhammad" and the like: redraw the middle from the last-name pool
        same = (t1 == t2) | ((t3 >= 0) & (t2 == t3))
        t2[same & male] = tok.draw(rng, "male_last", int((same & male).sum()))
        t2[same & female] = tok.draw(rng, "female_last", int((same & female).sum()))
        return {"t1": t1, "t2": t2, "t3": t3}

    def _make_twins(self, batch: dict[str, np.ndarray], rng) -> np.ndarray:
        """Twins: same surname, same birth date, same KTP district, different NIK serial (in place)."""
        n = len(batch["region"])
        twin_of = np.full(n, -1, dtype=np.int64)
        if n < 20:
            return twin_of
        tok = self.tokens
        twins = np.flatnonzero(rng.random(n - 1) < 0.006) + 1
        twins = twins[np.diff(np.concatenate([[-2], twins])) > 1]  # no chains
        for name in ("region", "district", "birth", "female", "t2", "t3", "degree"):
            batch[name][twins] = batch[name][twins - 1]
        t1 = batch["t1"]
        fem = batch["female"][twins]
        t1[twins] = np.where(
            fem, tok.draw(rng, "female_first", len(twins)), tok.draw(rng, "male_first", len(twins))
        )
        clash = t1[twins] == t1[twins - 1]
        t1[twins[clash]] = np.where(fem[clash], tok.pools["female_first"][-1], tok.pools["male_first"][-1])
        twin_of[twins] = self.P.count + twins - 1
        return twin_of

    def _initial_namesakes(self, batch: dict[str, np.ndarray], rng) -> None:
        """About 3% of persons share their first name with another person of the same KTP regency and sex,
        and a surname of the same initial ("Supriyadi Santoso" / "Supriyadi Susanto"): another NIK, another
        birth date, the same "Supriyadi S." when a clerk shortens either (in place)."""
        n = len(batch["region"])
        if n < 20:
            return
        tok = self.tokens
        chosen = np.flatnonzero(rng.random(n) < 0.03)
        partner = rng.integers(0, n, size=len(chosen))
        pick = rng.random(len(chosen))
        t1, t2, t3 = batch["t1"], batch["t2"], batch["t3"]
        twin_of = batch["twin_of"]
        in_twins = set(np.flatnonzero(twin_of >= 0).tolist()) | set((twin_of[twin_of >= 0] - self.P.count).tolist())
        for i, j, r in zip(chosen.tolist(), partner.tolist(), pick.tolist()):
            if (i == j or i in in_twins or batch["region"][i] != batch["region"][j]
                    or batch["female"][i] != batch["female"][j] or t1[j] < 0 or t3[j] >= 0):
                continue
            pool = tok.pools["female_last" if batch["female"][j] else "male_last"]
            initial = tok.words[t2[j]][0]
            same = [t for t in pool.tolist() if tok.words[t][0] == initial and t != t2[j]]
            if not same:
                continue
            t1[i], t2[i], t3[i] = t1[j], same[int(r * len(same))], -1

    def _draw_birth_places(self, home: np.ndarray, rng) -> np.ndarray:
        """Birth place: mostly in the home regency, else the province's main city."""
        place = np.empty(len(home), dtype=np.int32)
        draw = rng.random(len(home))
        for hid in np.unique(home).tolist():
            rows = np.flatnonzero(home == hid)
            code = self.region_codes[hid]
            options = V.birth_places(code)
            capital = _PROVINCE_CITY.get(code[:2], options[0])
            picks = [options[i] for i in rng.integers(0, len(options), size=len(rows)).tolist()]
            picks = [capital if d > 0.9 else p for p, d in zip(picks, draw[rows].tolist())]
            place[rows] = [self.place_id(p) for p in picks]
        return place

    def cat_partial(self) -> dict[str, np.ndarray]:
        """Person arrays created so far."""
        return {name: np.concatenate(getattr(self.P, name)) for name in ("region", "district", "female")}

    def finish_persons(self) -> pd.DataFrame:
        """All persons with their true NIK (serials numbered per region-district-birth-sex)."""
        P, tok = self.P, self.tokens
        cat = {name: np.concatenate(getattr(P, name)) for name in _PERSON_FIELDS}
        n = P.count
        code4 = np.array([int(c.replace(".", "")) for c in self.region_codes], dtype=np.int64)[cat["region"]]
        y, m, d = (np.array(a, dtype=np.int64) for a in _ymd(cat["birth"]))
        dd = d + 40 * cat["female"].astype(np.int64)  # women: day + 40 (DOMAIN: NIK)
        prefix12 = (((code4 * 100 + cat["district"]) * 100 + dd) * 100 + m) * 100 + (y % 100)
        rng = _rng(self.seed, "nik-serial")
        order = np.argsort(prefix12, kind="stable")
        sorted_prefix = prefix12[order]
        starts = np.r_[True, sorted_prefix[1:] != sorted_prefix[:-1]]
        group = np.cumsum(starts) - 1
        first_pos = np.flatnonzero(starts)
        rank = np.arange(n) - first_pos[group]
        offset = rng.integers(0, 40, size=len(first_pos))[group]
        serial = np.empty(n, dtype=np.int64)
        serial[order] = rank + 1 + offset
        nik = prefix12 * 10_000 + serial
        words = tok.words
        size = len(words) + 1
        combo = ((cat["t1"].astype(np.int64) + 1) * size + (cat["t2"] + 1)) * size + (cat["t3"] + 1)
        unique, inverse = np.unique(combo, return_inverse=True)
        spelled = []
        for key in unique.tolist():
            rest, c = divmod(key, size)
            a, b = divmod(rest, size)
            spelled.append(" ".join(words[t - 1] for t in (a, b, c) if t > 0))
        nama = np.array(spelled, dtype=object)[inverse]
        frame = pd.DataFrame(
            {
                "person_id": np.arange(n, dtype=np.int64),
                "true_nik": [f"{v:016d}" for v in nik.tolist()],
                "nama": nama,
                "sex": np.where(cat["female"], "P", "L"),
                "birth_date": cat["birth"].astype("datetime64[s]"),
                "birth_place": np.array(self.place_names, dtype=object)[cat["place"]],
                "home_region_code": np.array(self.region_codes, dtype=object)[cat["region"]],
                "twin_of": pd.array(np.where(cat["twin_of"] >= 0, cat["twin_of"], -1), dtype="Int64"),
            }
        )
        frame.loc[frame["twin_of"] < 0, "twin_of"] = pd.NA
        self.cat = cat
        return frame


_PROVINCE_CITY = {"64": "Samarinda", "63": "Banjarmasin", "15": "Jambi", "16": "Palembang", "73": "Makassar",
                  "35": "Surabaya", "53": "Kupang", "74": "Kendari"}
