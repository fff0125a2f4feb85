"""The data page's tables, built without Streamlit, checked against the CSV files read with the csv module."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from signatories import load_dataset
from signatories.dataset import Dataset
from signatories.paths import DATA_DIR
from signatories.tables import coordinate_links, organisation_table, target_table


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_only_geonames_points_get_a_geonames_link() -> None:
    sources = pd.Series(["geonames:1848354", "manual", "geonames:abc", None, "nominatim"])
    assert list(coordinate_links(sources)) == ["https://www.geonames.org/1848354", "", "", "", ""]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_one_row_per_organisation_named_in_the_language(dataset: Dataset, lang: str) -> None:
    table = organisation_table(dataset.organisations, dataset, lang)  # type: ignore[arg-type]
    by_id = table.set_index("id")
    records = rows("organisations.csv")
    assert sorted(by_id.index) == sorted(row["id"] for row in records)
    for row in records:
        assert by_id.loc[row["id"], "name"] == row["name_ja" if lang == "ja" else "name_en"]
        geonames = row["coord_source"].removeprefix("geonames:")
        expected_link = (
            f"https://www.geonames.org/{geonames}" if row["coord_source"].startswith("geonames:") else ""
        )
        assert by_id.loc[row["id"], "coord_link"] == expected_link


def test_every_target_row_with_its_entity_named(dataset: Dataset) -> None:
    table = target_table(dataset.targets, dataset, "en")
    records = rows("targets.csv")
    countries = {row["code"]: row["name_en"] for row in rows("countries.csv")}
    organisations = {row["id"]: row["name_en"] for row in rows("organisations.csv")}
    assert len(table) == len(records)
    expected = [organisations.get(row["entity"], countries.get(row["entity"])) for row in records]
    assert list(table["entity"]) == expected
    assert list(table["current"]) == [row["current"] == "true" for row in records]
