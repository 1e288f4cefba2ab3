"""The office registry: the shipped file loads, and mistakes fail with the office named."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pydantic import ValidationError

from reference import regions
from sources.pull import PullSource
from sources.registry import GrowthTarget, IntakeLimits, Office, PerYearTarget, RegistryError, load_registry


def test_reference_data_has_every_region():
    by_type = {}
    for region in regions().values():
        by_type[region.type] = by_type.get(region.type, 0) + 1
    assert by_type == {"province": 38, "regency": 416, "city": 98}


def test_shipped_registry_loads_and_matches_reference():
    offices = load_registry()
    assert offices["kab-kutai-timur"].region_code == "64.08"
    assert offices["kab-kutai-timur"].region_name == "Kabupaten Kutai Timur"
    assert offices["prov-kaltim"].province_code == "64"
    assert offices["kota-samarinda"].reader.date_order == "mdy"
    assert offices["kab-kutai-kartanegara"].reader.sheet == ("Peserta",)
    assert offices["kota-palembang"].reader.delimiter is None  # sniffed: its portal exports use commas


def _write(tmp_path, body: str):
    path = tmp_path / "offices.yaml"
    path.write_text(body, encoding="utf-8")
    return path


OK = 'id: kab-x, name: X, level: regency, region_code: "64.08"'
SLUG = "must be a slug: lower-case letters, digits and dashes, 1-64 characters, starting and ending with a letter or digit (e.g. kab-kutai-timur)"


# What a careless editor writes, and the exact line the registry answers with (after "<file>: ").
# A misspelt required key is reported once, as the unknown key, not again as the missing one.
@pytest.mark.parametrize(
    "entry, message",
    [
        ('{id: kab-x, name: X, level: regency, region_code: "64.99"}', "office kab-x: region_code '64.99' is not in reference/regions.csv"),
        ('{id: kab-x, name: X, level: city, region_code: "64.08"}', "office kab-x: level 'city' but region 64.08 (Kabupaten Kutai Timur) is a regency"),
        ('{id: kab-x, name: X, level: kecamatan, region_code: "64.08"}', "office kab-x: level must be one of 'province', 'regency' or 'city', got 'kecamatan'"),
        ('{id: kab-x, level: regency, region_code: "64.08"}', "office kab-x: missing name"),
        ('{id: kab-x, name: "", level: regency, region_code: "64.08"}', "office kab-x: name must not be empty"),
        ("{id: kab-x, name: X, level: regency, region: '64.08'}", "office kab-x: unknown key 'region' (did you mean 'region_code'?)"),
        (f"{{{OK}, freshnes_days: 30}}", "office kab-x: unknown key 'freshnes_days' (did you mean 'freshness_days'?)"),
        (f"{{{OK}, reader: {{date_order: ymd}}}}", "office kab-x: reader.date_order must be one of 'auto', 'dmy' or 'mdy', got 'ymd'"),
        (f'{{{OK}, reader: {{column_mapping: {{"Nama Pekerja": namanya}}}}}}', "office kab-x: reader.column_mapping sends 'Nama Pekerja' to 'namanya', which is not a canonical column (nama, nik, tempat_tanggal_lahir, tempat_lahir, tanggal_lahir, jenis_kelamin, jabatan_kerja, jenjang, kualifikasi, hasil, nomor_sertifikat, tanggal_terbit, masa_berlaku, program, tahun, waktu_respons)"),
        (f"{{{OK}, reader: {{sheets: [A]}}}}", "office kab-x: reader: unknown key 'sheets' (did you mean 'sheet'?)"),
        (f"{{{OK}, reader: {{header_row: 0}}}}", "office kab-x: reader.header_row must be greater than 0, got 0"),
        # ids become folder names under the data directory: a path in an id could delete outside it
        ('{id: ../../victim, name: X, level: regency, region_code: "64.08"}', f"office entry 1: id '../../victim' {SLUG}"),
        ('{id: "..", name: X, level: regency, region_code: "64.08"}', f"office entry 1: id '..' {SLUG}"),
        ('{id: Kab-X, name: X, level: regency, region_code: "64.08"}', f"office entry 1: id 'Kab-X' {SLUG}"),
        ('{id: "kab x", name: X, level: regency, region_code: "64.08"}', f"office entry 1: id 'kab x' {SLUG}"),
        ('{id: 6408, name: X, level: regency, region_code: "64.08"}', f"office entry 1: id 6408 {SLUG}"),
        ('{name: X, level: regency, region_code: "64.08"}', "office entry 1: missing id"),
        (f"{{{OK}, landing: ../../etc}}", "office kab-x: landing '../../etc' must be a folder name relative to the landing root, without '..'"),
        (f"{{{OK}, landing: /etc}}", "office kab-x: landing '/etc' must be a folder name relative to the landing root, without '..'"),
        ("{id: kab-x, name: X, level: regency, region_code: 64.10}", "office kab-x: region_code '64.1' is not in reference/regions.csv; write the code in quotes (region_code: '64.10') so YAML keeps it as text"),
        ("kab-kutai-timur", "office entry 1: 'kab-kutai-timur' is not a mapping (id: ..., name: ..., level: ..., region_code: ...)"),
        # freshness_days
        (f"{{{OK}, freshness_days: 0}}", "office kab-x: freshness_days must be greater than 0, got 0"),
        (f"{{{OK}, freshness_days: -30}}", "office kab-x: freshness_days must be greater than 0, got -30"),
        (f"{{{OK}, freshness_days: 1.5}}", "office kab-x: freshness_days must be a whole number, got 1.5"),
        (f'{{{OK}, freshness_days: "120"}}', "office kab-x: freshness_days must be a whole number, got '120'"),
        # limits
        (f"{{{OK}, limits: {{max_row: 5}}}}", "office kab-x: limits: unknown key 'max_row' (did you mean 'max_rows'?)"),
        (f"{{{OK}, limits: {{max_rows: 2.5}}}}", "office kab-x: limits.max_rows must be a whole number, got 2.5"),
        (f"{{{OK}, limits: {{max_file_mib: 0}}}}", "office kab-x: limits.max_file_mib must be greater than 0, got 0"),
        (f"{{{OK}, limits: {{isolate: nein}}}}", "office kab-x: limits.isolate must be true or false, got 'nein'"),
        (f"{{{OK}, limits: 200}}", "office kab-x: limits must be a mapping, got 200"),
        # targets: checked at load, not when the nightly publish measures them
        (f"{{{OK}, targets: [{{metric: certified_persons, kind: per_year, valeu: 100}}]}}",
         "office kab-x: targets[0]: unknown key 'valeu' (did you mean 'value'?)"),
        (f"{{{OK}, targets: [{{metric: certified_persons, kind: per_year}}]}}", "office kab-x: missing targets[0].value"),
        (f"{{{OK}, targets: [{{metric: certified_person, kind: per_year, value: 100}}]}}",
         "office kab-x: targets[0].metric must be one of 'certified_persons' or 'participants', got 'certified_person'"),
        (f"{{{OK}, targets: [{{metric: participants, kind: yearly, value: 100}}]}}",
         "office kab-x: targets[0].kind must be one of 'per_year', 'growth', got 'yearly'"),
        (f"{{{OK}, targets: [{{metric: participants, value: 100}}]}}", "office kab-x: missing targets[0].kind"),
        (f"{{{OK}, targets: [{{metric: participants, kind: per_year, value: 100, year: '2026'}}]}}",
         "office kab-x: targets[0].year must be a whole number, got '2026'"),
        (f"{{{OK}, targets: [{{metric: participants, kind: per_year, value: 0}}]}}",
         "office kab-x: targets[0].value must be greater than 0, got 0"),
        (f"{{{OK}, targets: [{{metric: certified_persons, kind: growth, value: 0.5, baseline_year: 2025}}]}}",
         "office kab-x: missing targets[0].target_year"),
        (f"{{{OK}, targets: [{{metric: certified_persons, kind: growth, value: 0.5, baseline_year: 2029, target_year: 2025}}]}}",
         "office kab-x: targets[0] target_year 2025 must come after baseline_year 2029"),
        # pull: a union on its kind
        (f"{{{OK}, pull: {{kind: ftp, url: 'ftp://x.go.id/a.xlsx'}}}}", "office kab-x: pull.kind must be one of 'http', 'ckan', got 'ftp'"),
        (f"{{{OK}, pull: {{url: 'https://x.go.id/a.xlsx'}}}}", "office kab-x: missing pull.kind"),
        (f"{{{OK}, pull: {{kind: ckan, url: 'https://data.x.go.id'}}}}", "office kab-x: missing pull.dataset"),
        (f"{{{OK}, pull: {{kind: http, url: 'https://x.go.id/a.xlsx', dataset: d}}}}",
         "office kab-x: pull: unknown key 'dataset'; allowed: kind, url, max_bytes, timeout_s"),
    ],
)
def test_bad_registry_entries_are_rejected_with_the_office_and_field_named(tmp_path, entry, message):
    path = _write(tmp_path, f"offices:\n  - {entry}\n")
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(error.value) == f"{path}: {message}"


def test_every_problem_of_every_office_is_listed_at_once(tmp_path):
    path = _write(
        tmp_path,
        "offices:\n"
        '  - {id: kab-x, name: X, level: regency, region_code: "64.99", freshness_days: 0}\n'
        f"  - {{{OK.replace('kab-x', 'kab-y')}}}\n"
        "  - {id: Kab-Z, name: Z, level: city, region_code: '64.72'}\n",
    )
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(error.value) == (
        f"{path}: 3 problems:\n"
        "  office kab-x: region_code '64.99' is not in reference/regions.csv\n"
        "  office kab-x: freshness_days must be greater than 0, got 0\n"
        f"  office entry 3: id 'Kab-Z' {SLUG}"
    )


def test_targets_are_typed_by_their_kind():
    kutim = load_registry()["kab-kutai-timur"]
    assert kutim.targets == (
        GrowthTarget(metric="certified_persons", kind="growth", value=0.5, baseline_year=2025, target_year=2029,
                     source="upnews.id 2025-11-12: +50% tenaga konstruksi bersertifikat pada 2029"),
    )
    assert load_registry()["prov-kaltim"].targets == (
        PerYearTarget(metric="participants", kind="per_year", value=1000,
                      source="perspesinews.com 2025: target setahun 1.000 peserta"),
    )


def test_offices_built_in_code_are_validated_and_copied_like_dataclasses():
    kutim = load_registry()["kab-kutai-timur"]
    smaller = replace(kutim, limits=replace(IntakeLimits(), max_rows=10))
    assert smaller.limits.max_rows == 10 and smaller.targets == kutim.targets and smaller.landing == "kab-kutai-timur"
    assert Office(id="kab-x", name="X", level="regency", region_code="64.08").landing == "kab-x"
    with pytest.raises(ValidationError):
        replace(kutim, freshness_days=0)


def test_a_pull_spec_becomes_the_source_the_puller_runs(tmp_path):
    path = _write(tmp_path, f"offices:\n  - {{{OK}, pull: {{kind: ckan, url: 'https://data.x.go.id/', dataset: d, formats: xlsx}}}}\n")
    assert load_registry(path)["kab-x"].pull == PullSource(kind="ckan", url="https://data.x.go.id", dataset="d",
                                                             resource_format=("XLSX",))


def test_duplicate_office_ids_are_rejected(tmp_path):
    entry = '{id: kab-x, name: X, level: regency, region_code: "64.08"}'
    path = _write(tmp_path, f"offices:\n  - {entry}\n  - {entry}\n")
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(error.value) == f"{path}: office id 'kab-x' appears twice"


@pytest.mark.parametrize(
    "body, message",
    [
        ("offices:\n  - {id: kab-x, name: X\n",
         "not valid YAML at line 3, column 1: while parsing a flow mapping; did not find expected ',' or '}'"),
        ("offices:\n  - id: kab-x\n   name: X\n",
         "not valid YAML at line 3, column 4: while parsing a block collection; did not find expected '-' indicator"),
        ("- {id: kab-x}\n", "expected a mapping with an 'offices' list at the top"),
        ("offices: {}\n", "expected a non-empty list under 'offices'"),
        (f"office:\n  - {{{OK}}}\n", "expected a non-empty list under 'offices'"),
        (f"offices:\n  - {{{OK}}}\nregion: kaltim\n", "unknown key 'region'; allowed: offices"),
    ],
)
def test_malformed_registry_files_are_rejected_with_the_file_named(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(error.value) == f"{path}: {message}"
