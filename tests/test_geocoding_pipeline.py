"""Pipeline precedence rules, the persistent cache, and the cache -> online -> offline chain."""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from signatories.errors import DataError
from signatories.fileio import write_csv_atomic
from signatories.geocoding.base import Candidate, GeocoderServerError, GeocoderTimeout, Query, Result
from signatories.geocoding.cache import CACHE_COLUMNS, GeocodeCache, format_coordinate
from signatories.geocoding.chain import ChainGeocoder, LazyGeocoder, choose_mode
from signatories.geocoding.gazetteer import Gazetteer, load_places
from signatories.geocoding.pipeline import geocode_file, geocode_frame, load_organisations, select_rows

FIXTURES = Path(__file__).parent / "fixtures" / "geocoding"
SMALL = FIXTURES / "organisations_small.csv"
WRITTEN = ("lat", "lon", "coord_source", "coord_precision")

Answer = Result | Exception | Callable[[Query], Result]


class Stub:
    """A geocoder answering from a table keyed by seat; records the queries it was asked."""

    def __init__(self, answers: dict[str, Answer] | None = None) -> None:
        self.answers = answers or {}
        self.asked: list[Query] = []

    def geocode(self, query: Query) -> Result:
        self.asked.append(query)
        answer = self.answers.get(query.seat)
        if answer is None:
            return Result.unresolved(query, "stub knows nothing")
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(query)
        return answer


def at(
    lat: float, lon: float, source: str = "nominatim", precision: str = "city"
) -> Callable[[Query], Result]:
    return lambda query: Result.located(query, lat, lon, source=source, precision=precision)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "organisations.csv"
    shutil.copy(SMALL, path)
    return path


@pytest.fixture(scope="module")
def sample_gazetteer() -> Gazetteer:
    return Gazetteer(load_places(FIXTURES / "cities_sample.json"))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- pipeline -------------------------------------------------------------------------------------------------


def test_missing_coordinates_are_filled_and_nothing_else_changes(
    small: Path, sample_gazetteer: Gazetteer
) -> None:
    before = rows(small)
    report = geocode_file(small, sample_gazetteer)
    after = rows(small)

    assert [o.id for o in report.outcomes] == ["ph-naga", "ph-danao", "mn-ulaanbaatar", "vn-hue"]
    statuses = {o.id: o.status for o in report.outcomes}
    assert statuses == {
        "ph-naga": "changed",
        "ph-danao": "unresolved",
        "mn-ulaanbaatar": "changed",
        "vn-hue": "changed",
    }
    assert report.not_selected == 3
    assert not report.ok
    by_id = {row["id"]: row for row in after}
    assert {k: by_id["ph-naga"][k] for k in WRITTEN} == {
        "lat": "13.61917",
        "lon": "123.18139",
        "coord_source": "geonames:1698829",
        "coord_precision": "city",
    }
    assert by_id["mn-ulaanbaatar"]["coord_source"] == "geonames:2028462"
    assert by_id["vn-hue"]["coord_source"] == "geonames:1580240"
    # Same rows, same order, same columns; only the four coordinate cells of filled rows differ.
    assert list(after[0]) == list(before[0])
    assert [r["id"] for r in after] == [r["id"] for r in before]
    for old, new in zip(before, after, strict=True):
        changed_cells = {k for k in old if old[k] != new[k]}
        assert changed_cells <= set(WRITTEN)
        if old["id"] not in {"ph-naga", "mn-ulaanbaatar", "vn-hue"}:
            assert changed_cells == set()


def test_the_unresolved_row_lists_its_candidates(small: Path, sample_gazetteer: Gazetteer) -> None:
    report = geocode_file(small, sample_gazetteer)
    [danao] = [o for o in report.outcomes if o.id == "ph-danao"]
    assert "ambiguous" in danao.reason
    assert len(danao.candidates) == 4
    assert rows(small)[2]["lat"] == ""


def test_an_untouched_file_is_not_rewritten(small: Path) -> None:
    small.write_bytes(small.read_bytes().replace(b",Naga,", b",Nagaaa,"))
    before = small.stat().st_mtime_ns, small.read_bytes()
    report = geocode_file(small, Stub())
    assert not report.changed
    assert (small.stat().st_mtime_ns, small.read_bytes()) == before


def test_manual_coordinates_are_never_replaced_even_on_refresh(small: Path) -> None:
    stub = Stub({"Phnom Penh": at(11.56245, 104.91601, "geonames:1821306", "address")})
    frame = load_organisations(small)
    updated, report = geocode_frame(frame, stub, refresh=True, only=["kh-mlmupc"])
    assert stub.asked == []
    [outcome] = report.outcomes
    assert (outcome.status, outcome.reason) == ("unchanged", "manual coordinate kept")
    assert updated.equals(frame)


def test_a_worse_precision_never_replaces_a_better_one(small: Path) -> None:
    stub = Stub({"Taguig": at(14.5243, 121.0792, "geonames:1684308", "city")})
    updated, report = geocode_frame(load_organisations(small), stub, refresh=True, only=["ph-dost"])
    [outcome] = report.outcomes
    assert outcome.status == "unchanged"
    assert "existing district coordinate is better than the city one" in outcome.reason
    assert updated.loc[updated["id"] == "ph-dost", "lat"].item() == "14.4996"


def test_a_better_or_equal_precision_replaces_the_old_point(small: Path) -> None:
    frame = load_organisations(small)
    better = Stub({"Taguig": at(14.50001, 121.05002, "nominatim", "address")})
    updated, report = geocode_frame(frame, better, refresh=True, only=["ph-dost"])
    assert report.outcomes[0].status == "changed"
    assert "was 14.4996,121.0507 (geonames:1725426)" in report.outcomes[0].reason
    row = updated.loc[updated["id"] == "ph-dost"].iloc[0]
    assert (row["lat"], row["lon"], row["coord_source"], row["coord_precision"]) == (
        "14.50001",
        "121.05002",
        "nominatim",
        "address",
    )

    equal = Stub({"Yokohama": at(35.44, 139.64, "nominatim", "city")})
    _, report = geocode_frame(frame, equal, refresh=True, only=["jp-yokohama"])
    assert report.outcomes[0].status == "changed"


def test_the_same_point_again_is_unchanged(small: Path) -> None:
    stub = Stub({"Yokohama": at(35.433330, 139.650, "geonames:1848354", "city")})
    _, report = geocode_frame(load_organisations(small), stub, refresh=True, only=["jp-yokohama"])
    assert report.outcomes[0].status == "unchanged"


def test_an_unresolved_refresh_keeps_the_old_point_but_counts_as_unresolved(small: Path) -> None:
    updated, report = geocode_frame(load_organisations(small), Stub(), refresh=True, only=["jp-yokohama"])
    [outcome] = report.outcomes
    assert outcome.status == "unresolved"
    assert "existing coordinate is kept" in outcome.reason
    assert updated.loc[updated["id"] == "jp-yokohama", "lat"].item() == "35.43333"
    assert not report.ok


def test_row_selection(small: Path) -> None:
    frame = load_organisations(small)
    assert select_rows(frame, refresh=False) == [1, 2, 3, 6]
    assert select_rows(frame, refresh=True) == list(range(7))
    assert select_rows(frame, refresh=False, only=["ph-naga", "jp-yokohama"]) == [1]
    assert select_rows(frame, refresh=True, only=["ph-naga", "jp-yokohama"]) == [0, 1]
    with pytest.raises(DataError, match="not in the file: ph-nowhere"):
        select_rows(frame, refresh=False, only=["ph-nowhere"])


def test_a_row_that_cannot_form_a_query_is_unresolved(small: Path) -> None:
    small.write_bytes(
        small.read_bytes().replace(b",PH,city,participant,Naga,", b",Philippines,city,participant,Naga,")
    )
    _, report = geocode_frame(load_organisations(small), Stub(), only=["ph-naga"])
    assert report.outcomes[0].status == "unresolved"
    assert "ISO 3166-1 alpha-2" in report.outcomes[0].reason


def test_a_missing_column_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "organisations.csv"
    path.write_text("id,seat\nx,Naga\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns"):
        load_organisations(path)


def test_a_write_that_fails_midway_leaves_the_previous_file(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = small.read_bytes()

    def half_then_fail(self: pd.DataFrame, handle: object, **kwargs: object) -> None:
        assert hasattr(handle, "write")
        handle.write("id,name_en\njp-yokohama,City of")  # type: ignore[attr-defined]
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        geocode_file(small, Stub({"Naga": at(13.6, 123.2)}))
    assert small.read_bytes() == before
    assert sorted(p.name for p in small.parent.iterdir()) == ["organisations.csv"]


def test_an_interrupt_during_the_write_leaves_the_previous_file(small: Path) -> None:
    before = small.read_bytes()
    frame = load_organisations(small)

    class Interrupting(pd.DataFrame):
        def to_csv(self, handle: object, **kwargs: object) -> None:  # type: ignore[override]
            handle.write("id\n")  # type: ignore[attr-defined]
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_csv_atomic(Interrupting(frame), small)
    assert small.read_bytes() == before
    assert sorted(p.name for p in small.parent.iterdir()) == ["organisations.csv"]


# --- cache ----------------------------------------------------------------------------------------------------


def test_cache_saves_each_answer_at_once_and_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "geocode_cache.csv"
    cache = GeocodeCache(path, today="2024-05-01")
    query = Query("Malé", "Malé", "MV")
    assert cache.put(Result.located(query, 4.1752112, 73.5091589, source="nominatim", precision="city"))
    assert path.exists()
    [row] = rows(path)
    assert row == {
        "key": "male|male|MV",
        "seat": "Malé",
        "admin1": "Malé",
        "country": "MV",
        "lat": "4.17521",
        "lon": "73.50916",
        "source": "nominatim",
        "precision": "city",
        "fetched": "2024-05-01",
    }
    again = GeocodeCache(path).geocode(Query("male", "MALE", "MV"))
    assert again.found and again.cached
    assert (again.lat, again.lon, again.source) == (4.17521, 73.50916, "nominatim")


def test_cache_keeps_only_found_answers_and_skips_identical_rewrites(tmp_path: Path) -> None:
    path = tmp_path / "geocode_cache.csv"
    cache = GeocodeCache(path, today="2024-05-01")
    query = Query("Naga", "", "PH")
    assert not cache.put(Result.unresolved(query, "ambiguous"))
    assert not path.exists()
    result = Result.located(query, 13.61917, 123.18139, source="geonames:1698829", precision="city")
    assert cache.put(result)
    written = path.read_bytes()
    later = GeocodeCache(path, today="2025-01-01")
    assert not later.put(result)
    assert path.read_bytes() == written


def test_cache_ignores_and_reports_unusable_rows(tmp_path: Path) -> None:
    path = tmp_path / "geocode_cache.csv"
    path.write_text(
        ",".join(CACHE_COLUMNS)
        + "\nnaga||PH,Naga,,PH,13.6,123.2,geonames:1698829,city,2024-05-01"
        + "\nbad||PH,Bad,,PH,north,123.2,nominatim,city,2024-05-01"
        + "\nfar||PH,Far,,PH,13.6,123.2,nominatim,street,2024-05-01"
        + "\nodd||PH,Odd,,PH,13.6,123.2,somewhere,city,2024-05-01"
        + "\nhand||PH,Hand,,PH,13.6,123.2,,city,2024-05-01\n",
        encoding="utf-8",
    )
    cache = GeocodeCache(path)
    assert len(cache) == 2
    assert cache.problems == [
        "geocode_cache.csv line 3: unusable row, ignored",
        "geocode_cache.csv line 4: unusable row, ignored",
        "geocode_cache.csv line 5: unusable row, ignored",
    ]
    # A hand-made entry without a source has provenance "cache".
    assert cache.geocode(Query("Hand", "", "PH")).source == "cache"


def test_cache_without_its_columns_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "geocode_cache.csv"
    path.write_text("seat,lat\nNaga,13\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns"):
        GeocodeCache(path)


def test_a_failed_cache_save_leaves_the_previous_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "geocode_cache.csv"
    cache = GeocodeCache(path)
    cache.put(Result.located(Query("Naga", "", "PH"), 13.6, 123.2, source="nominatim", precision="city"))
    before = path.read_bytes()

    def broken_writerow(self: object, row: dict[str, str]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(csv.DictWriter, "writerow", broken_writerow)
    with pytest.raises(KeyboardInterrupt):
        cache.put(Result.located(Query("Hue", "", "VN"), 16.46, 107.6, source="nominatim", precision="city"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["geocode_cache.csv"]


@pytest.mark.parametrize(
    ("value", "text"), [(139.65, "139.65"), (-0.000001, "0"), (13.619174, "13.61917"), (42.0, "42")]
)
def test_coordinates_are_written_with_five_decimals_at_most(value: float, text: str) -> None:
    assert format_coordinate(value) == text


# --- chain ----------------------------------------------------------------------------------------------------

NAGA = Query("Naga", "Camarines Sur", "PH")


def chain(tmp_path: Path, online: Stub | None, offline: Stub, **kwargs: object) -> ChainGeocoder:
    return ChainGeocoder(
        cache=GeocodeCache(tmp_path / "geocode_cache.csv"),
        online=online,
        offline=offline,
        **kwargs,  # type: ignore[arg-type]
    )


def test_chain_answers_from_the_cache_first(tmp_path: Path) -> None:
    online, offline = Stub({"Naga": at(1, 1)}), Stub({"Naga": at(2, 2, "geonames:1")})
    geocoder = chain(tmp_path, online, offline)
    assert geocoder.geocode(NAGA).lat == 1
    again = chain(tmp_path, online, offline).geocode(NAGA)
    assert again.cached and again.lat == 1
    assert len(online.asked) == 1
    assert offline.asked == []


def test_chain_falls_back_to_offline_on_a_fault_and_says_why(tmp_path: Path) -> None:
    online = Stub({"Naga": GeocoderTimeout("Nominatim: timed out (gave up after 3 attempts)")})
    offline = Stub({"Naga": at(13.6, 123.2, "geonames:1698829")})
    result = chain(tmp_path, online, offline).geocode(NAGA)
    assert result.source == "geonames:1698829"
    assert "timed out" in result.reason and "GeoNames used" in result.reason
    assert rows(tmp_path / "geocode_cache.csv")[0]["source"] == "geonames:1698829"


def test_chain_falls_back_to_offline_on_an_empty_answer(tmp_path: Path) -> None:
    offline = Stub({"Naga": at(13.6, 123.2, "geonames:1698829")})
    result = chain(tmp_path, Stub(), offline).geocode(NAGA)
    assert result.found
    assert "stub knows nothing" in result.reason


def test_chain_reports_both_failures(tmp_path: Path) -> None:
    online = Stub({"Naga": GeocoderServerError("Nominatim: server error: HTTP 500")})
    result = chain(tmp_path, online, Stub()).geocode(NAGA)
    assert not result.found
    assert result.reason == "Nominatim: server error: HTTP 500; gazetteer: stub knows nothing"
    assert not (tmp_path / "geocode_cache.csv").exists()


def test_chain_does_not_let_offline_guess_what_online_found_ambiguous(tmp_path: Path) -> None:
    ambiguous = Result.unresolved(NAGA, "ambiguous: 2 places", (Candidate("Naga", 13.6, 123.2, "nominatim"),))
    offline = Stub({"Naga": at(13.6, 123.2, "geonames:1698829")})
    result = chain(tmp_path, Stub({"Naga": ambiguous}), offline).geocode(NAGA)
    assert result is ambiguous
    assert offline.asked == []


def test_chain_stops_asking_a_failing_service(tmp_path: Path) -> None:
    online = Stub({seat: GeocoderServerError("down") for seat in ("A", "B", "C", "D")})
    offline = Stub({seat: at(1, 1, "geonames:1") for seat in ("A", "B", "C", "D")})
    geocoder = chain(tmp_path, online, offline, max_consecutive_faults=3)
    results = [geocoder.geocode(Query(seat, "", "PH")) for seat in ("A", "B", "C", "D")]
    assert [q.seat for q in online.asked] == ["A", "B", "C"]
    assert geocoder.online_abandoned
    assert "online geocoding stopped after 3 failures in a row" in results[2].reason
    assert all(r.found for r in results)


def test_chain_on_refresh_skips_reading_the_cache_but_updates_it(tmp_path: Path) -> None:
    first = chain(tmp_path, Stub({"Naga": at(1, 1)}), Stub())
    first.geocode(NAGA)
    refreshed = chain(tmp_path, Stub({"Naga": at(1.5, 1.5)}), Stub(), read_cache=False)
    assert refreshed.geocode(NAGA).lat == 1.5
    assert rows(tmp_path / "geocode_cache.csv")[0]["lat"] == "1.5"


def test_lazy_geocoder_builds_on_first_use_only() -> None:
    built: list[int] = []

    def build() -> Stub:
        built.append(1)
        return Stub({"Naga": at(1, 1)})

    lazy = LazyGeocoder(build)
    assert not lazy.built
    lazy.geocode(NAGA)
    lazy.geocode(NAGA)
    assert lazy.built and built == [1]


def test_mode_is_offline_unless_online_is_asked_for() -> None:
    assert choose_mode(offline=False, online=False, environ={}) == "offline"
    assert choose_mode(offline=False, online=True, environ={}) == "online"
    assert choose_mode(offline=False, online=False, environ={"SIGNATORIES_GEOCODER": "online"}) == "online"
    assert choose_mode(offline=True, online=False, environ={"SIGNATORIES_GEOCODER": "online"}) == "offline"
    with pytest.raises(ValueError, match="SIGNATORIES_GEOCODER"):
        choose_mode(offline=False, online=False, environ={"SIGNATORIES_GEOCODER": "maybe"})
