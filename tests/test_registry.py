"""The office registry: the shipped file loads, and mistakes fail with the office named."""

from __future__ import annotations

import pytest

from reference import regions
from sources.registry import RegistryError, load_registry


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
    assert offices["kota-palembang"].reader.delimiter == ";"


def _write(tmp_path, body: str):
    path = tmp_path / "offices.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "entry, message",
    [
        ('{id: kab-x, name: X, level: regency, region_code: "64.99"}', "kab-x: region_code '64.99' is not in reference"),
        ('{id: kab-x, name: X, level: city, region_code: "64.08"}', "kab-x: level 'city' but region 64.08 (Kabupaten Kutai Timur) is a regency"),
        ('{id: kab-x, name: X, level: kecamatan, region_code: "64.08"}', "kab-x: level must be one of"),
        ('{id: kab-x, level: regency, region_code: "64.08"}', "kab-x: missing name"),
        ('{id: kab-x, name: X, level: regency, region_code: "64.08", reader: {date_order: ymd}}', "kab-x: date_order must be one of"),
        ('{id: kab-x, name: X, level: regency, region_code: "64.08", reader: {column_mapping: {"Nama Pekerja": namanya}}}', "kab-x: column_mapping sends 'Nama Pekerja' to 'namanya'"),
        ('{id: kab-x, name: X, level: regency, region_code: "64.08", reader: {sheets: [A]}}', "kab-x: unknown reader option(s) ['sheets']"),
        # ids become folder names under the data directory: a path in an id could delete outside it
        ('{id: ../../victim, name: X, level: regency, region_code: "64.08"}', "office id '../../victim' must be a slug"),
        ('{id: "..", name: X, level: regency, region_code: "64.08"}', "office id '..' must be a slug"),
        ('{id: Kab-X, name: X, level: regency, region_code: "64.08"}', "office id 'Kab-X' must be a slug"),
        ('{id: "kab x", name: X, level: regency, region_code: "64.08"}', "office id 'kab x' must be a slug"),
        ('{id: 6408, name: X, level: regency, region_code: "64.08"}', "office id 6408 must be a slug"),
        ('{id: kab-x, name: X, level: regency, region_code: "64.08", landing: ../../etc}', "kab-x: landing '../../etc' must be a folder name relative"),
        ('{id: kab-x, name: X, level: regency, region_code: "64.08", landing: /etc}', "kab-x: landing '/etc' must be a folder name relative"),
        ('{id: kab-x, name: X, level: regency, region_code: 64.10}', "region_code '64.1' is not in reference/regions.csv; write the code in quotes"),
        ("kab-kutai-timur", "office entry 'kab-kutai-timur' is not a mapping"),
    ],
)
def test_bad_registry_entries_are_rejected_with_the_office_named(tmp_path, entry, message):
    path = _write(tmp_path, f"offices:\n  - {entry}\n")
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert message in str(error.value)


def test_duplicate_office_ids_are_rejected(tmp_path):
    entry = '{id: kab-x, name: X, level: regency, region_code: "64.08"}'
    path = _write(tmp_path, f"offices:\n  - {entry}\n  - {entry}\n")
    with pytest.raises(RegistryError, match="office id 'kab-x' appears twice"):
        load_registry(path)


@pytest.mark.parametrize(
    "body, message",
    [
        ("offices:\n  - {id: kab-x, name: X\n", "not valid YAML"),
        ("- {id: kab-x}\n", "expected a mapping with an 'offices' list"),
        ("offices: {}\n", "expected a non-empty list under 'offices'"),
    ],
)
def test_malformed_registry_files_are_rejected_with_the_file_named(tmp_path, body, message):
    path = _write(tmp_path, body)
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(path) in str(error.value) and message in str(error.value)
