"""The map's deck JSON: layers, points, the antimeridian, shared seats, labels, basemap and views."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import pytest

from signatories import load_dataset, theme
from signatories.borders import load_borders, pacific_view
from signatories.dataset import Dataset
from signatories.filters import Filters, apply_filters
from signatories.map.camera import MapView, fit_view, region_view
from signatories.map.deck import (
    KIND_PROPOSER,
    KIND_SELECTED,
    LAYER_ARCS,
    LAYER_COUNTRIES,
    LAYER_LABELS,
    LAYER_ORGANISATIONS,
    DeckOptions,
    build_deck,
    marker_records,
    organisation_rows,
)
from signatories.map.outlines import simplify_basemap
from signatories.map.seats import seat_rows
from signatories.paths import BORDERS_FILE, DATA_DIR
from signatories.ui.explorer import picked_id
from tests.explorer_expected import read_organisations

# Budget for the whole deck JSON with the basemap, sent to the browser on every rerun.
DECK_JSON_BUDGET_BYTES = 450_000


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def raw_basemap() -> dict[str, Any]:
    return pacific_view(load_borders(DATA_DIR / BORDERS_FILE).geojson)


@pytest.fixture(scope="module")
def basemap(raw_basemap: dict[str, Any]) -> dict[str, Any]:
    return simplify_basemap(raw_basemap)


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return read_organisations()


def deck_json(
    dataset: Dataset, basemap: dict[str, Any] | None, filters: Filters | None = None, **options: Any
) -> dict[str, Any]:
    frame = apply_filters(dataset.organisations, filters or Filters(), countries=dataset.countries)
    deck = build_deck(dataset.organisations, frame, dataset.countries, basemap, DeckOptions(**options))
    result: dict[str, Any] = json.loads(deck.to_json())
    return result


def layer(spec: dict[str, Any], layer_id: str) -> dict[str, Any]:
    (found,) = [item for item in spec["layers"] if item["id"] == layer_id]
    return found


def js_to_python(expression: str) -> str:
    """A marker accessor's JS (comparisons, `||`, nested `a ? b : c`, array literals) as Python."""
    expression = expression.strip()
    depth, question = 0, -1
    for index, char in enumerate(expression):
        depth += (char in "([") - (char in ")]")
        if char == "?" and depth == 0:
            question = index
            break
    if question < 0:
        if expression.startswith("(") and expression.endswith(")"):
            return js_to_python(expression[1:-1])
        return expression.replace("||", " or ")
    depth = 0
    for index in range(question + 1, len(expression)):
        char = expression[index]
        depth += (char in "([") - (char in ")]")
        if char == ":" and depth == 0:
            condition = js_to_python(expression[:question])
            then, otherwise = (
                js_to_python(expression[question + 1 : index]),
                js_to_python(expression[index + 1 :]),
            )
            return f"(({then}) if ({condition}) else ({otherwise}))"
    raise AssertionError(expression)


def marker_style(spec: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A marker's radius and outline as deck.gl draws them from the marker layer's accessors."""
    markers = layer(spec, LAYER_ORGANISATIONS)
    styles = {"radius": "getRadius", "outline": "getLineColor", "outline_px": "getLineWidth"}
    return {
        name: eval(
            js_to_python(markers[prop].removeprefix("@@=")), {}, dict(row)
        )  # the deck's own constant expression
        for name, prop in styles.items()
    }


def points(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in layer(spec, LAYER_ORGANISATIONS)["data"]}


def test_layers_in_drawing_order(dataset: Dataset, basemap: dict[str, Any]) -> None:
    spec = deck_json(dataset, basemap)
    assert [item["id"] for item in spec["layers"]] == [
        LAYER_COUNTRIES,
        LAYER_ARCS,
        LAYER_ORGANISATIONS,
        LAYER_LABELS,
    ]
    assert layer(spec, LAYER_ORGANISATIONS)["pickable"] is True
    assert layer(spec, LAYER_ORGANISATIONS)["@@type"] == "ScatterplotLayer"


def test_every_organisation_is_a_point(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = points(deck_json(dataset, None))
    assert set(rows) == set(csv["id"])
    assert len(rows) == 45
    assert all(row["v"] == 1 for row in rows.values())


def test_filtered_out_points_stay_in_place_but_switched_off(dataset: Dataset, csv: pd.DataFrame) -> None:
    everything = points(deck_json(dataset, None))
    philippines = points(deck_json(dataset, None, Filters(countries=("PH",))))
    assert set(philippines) == set(everything)
    shown = {key for key, row in philippines.items() if row["v"] == 1}
    assert shown == set(csv.loc[csv["country"] == "PH", "id"])
    # The same slot order and positions: Streamlit's click selection is an index into this list.
    assert [row["id"] for row in layer(deck_json(dataset, None), LAYER_ORGANISATIONS)["data"]] == [
        row["id"]
        for row in layer(deck_json(dataset, None, Filters(countries=("PH",))), LAYER_ORGANISATIONS)["data"]
    ]
    assert all(philippines[key]["p"] == everything[key]["p"] for key in everything)


def test_marker_json_text_is_the_marker_rows(dataset: Dataset) -> None:
    """The layer's JSON, joined from text serialised once, parses to each record with its id, visibility and
    kind, even for a name with quotes, a backslash, a newline, markup and Japanese."""
    awkward = 'A "quoted" \\ name\n<b>x</b> 東京'
    organisations = dataset.organisations.copy()
    organisations.loc[organisations.index[0], "name_en"] = awkward
    markers = marker_records(organisations, dataset.countries, "en")
    visible = frozenset(organisations["id"].tolist()[::2])
    selected = organisations["id"].iloc[3]
    rows = json.loads(organisation_rows(markers, visible, selected).text)
    assert [row["id"] for row in rows] == list(markers.ids)
    for row, record, proposer in zip(rows, markers.records, markers.proposer, strict=True):
        assert {key: row[key] for key in record} == record
        assert row["v"] == (1 if row["id"] in visible else 0)
        assert row["k"] == (KIND_PROPOSER if proposer else 0) + (
            KIND_SELECTED if row["id"] == selected else 0
        )
    assert awkward in {row["n"] for row in rows}


def test_filter_data_extension_hides_switched_off_points(dataset: Dataset) -> None:
    organisations = layer(deck_json(dataset, None), LAYER_ORGANISATIONS)
    assert organisations["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": 1}]
    assert organisations["getFilterValue"] == "@@=v"
    assert organisations["filterRange"] == [1, 1]


def test_samoa_and_the_cook_islands_lie_east_of_papua_new_guinea(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = points(deck_json(dataset, None))
    port_moresby = float(csv.loc[csv["id"] == "pg-ncdc", "lon"].iloc[0])
    assert port_moresby == pytest.approx(147.15, abs=0.01)
    for org_id in csv.loc[csv["country"].isin(["WS", "CK"]), "id"]:
        lon = rows[org_id]["p"][0]
        assert lon > port_moresby, org_id
        assert lon > 180  # drawn one turn east, not at the far west of the world
    labels = [row["position"][0] for row in layer(deck_json(dataset, None), LAYER_LABELS)["data"]]
    assert max(labels) > 180


def test_shared_seats_are_spread_into_distinct_points(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = points(deck_json(dataset, None))
    seats = csv.groupby(["lat", "lon"])["id"].apply(list)
    shared = {seat: members for seat, members in seats.items() if len(members) > 1}
    jakarta = csv.loc[csv["id"] == "id-jakarta", ["lat", "lon"]].iloc[0]
    assert len(shared[(jakarta["lat"], jakarta["lon"])]) >= 3  # by hand: DKI Jakarta, Bappenas, PUPR
    for (lat, lon), members in shared.items():
        drawn = {tuple(rows[member]["p"]) for member in members}
        assert len(drawn) == len(members), members
        seat_lon = lon + 360 if lon < -30 else lon
        for member in members:
            x, y = rows[member]["p"]
            # On a small ring around the true seat, never far from it.
            assert abs(y - lat) < 1 and abs(x - seat_lon) < 1, member


def test_ring_layout_is_deterministic(dataset: Dataset) -> None:
    first = layer(deck_json(dataset, None), LAYER_ORGANISATIONS)["data"]
    second = layer(deck_json(dataset, None), LAYER_ORGANISATIONS)["data"]
    assert first == second


def test_proposers_stand_out(dataset: Dataset) -> None:
    spec = deck_json(dataset, None)
    rows = points(spec)
    for org_id, row in rows.items():
        proposer = org_id in {"jp-yokohama", "th-bangkok"}
        assert row["k"] == (KIND_PROPOSER if proposer else 0)
        assert marker_style(spec, row)["radius"] == (
            theme.PROPOSER_RADIUS_PX if proposer else theme.MARKER_RADIUS_PX
        )
    ids = [row["id"] for row in layer(deck_json(dataset, None), LAYER_ORGANISATIONS)["data"]]
    assert ids[-2:] == ["jp-yokohama", "th-bangkok"]  # drawn last, on top of Bangkok's participants


def test_colours_follow_the_organisation_type(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = points(deck_json(dataset, None))
    for org_id, kind in zip(csv["id"], csv["org_type"], strict=True):
        colour = theme.ORG_TYPE_COLOURS[kind].lstrip("#")
        assert rows[org_id]["c"][:3] == [int(colour[i : i + 2], 16) for i in (0, 2, 4)]


def test_the_selected_point_is_outlined(dataset: Dataset) -> None:
    spec = deck_json(dataset, None, selected="ph-cebu")
    rows = points(spec)
    assert marker_style(spec, rows["ph-cebu"])["outline_px"] == theme.SELECTED_OUTLINE_PX
    assert marker_style(spec, rows["ph-cebu"])["outline"][:3] == [0, 0, 0]
    assert marker_style(spec, rows["ph-danao"])["outline_px"] == theme.MARKER_OUTLINE_PX


def test_units_are_constants_not_expressions(dataset: Dataset, basemap: dict[str, Any]) -> None:
    spec = deck_json(dataset, basemap)
    assert layer(spec, LAYER_ORGANISATIONS)["radiusUnits"] == "pixels"
    assert layer(spec, LAYER_ORGANISATIONS)["lineWidthUnits"] == "pixels"
    assert layer(spec, LAYER_ARCS)["widthUnits"] == "pixels"
    assert layer(spec, LAYER_LABELS)["sizeUnits"] == "pixels"
    assert layer(spec, LAYER_COUNTRIES)["lineWidthUnits"] == "pixels"


def test_labels_cover_japanese(dataset: Dataset, csv: pd.DataFrame) -> None:
    spec = deck_json(dataset, None, lang="ja")
    labels = layer(spec, LAYER_LABELS)
    assert labels["characterSet"] == "auto"
    texts = {row["text"] for row in labels["data"]}
    assert "横浜" in texts
    assert texts <= set(csv["seat_ja"])


def test_labels_never_overlap_and_proposers_are_labelled(dataset: Dataset) -> None:
    zoom = 1.5
    rows = seat_rows(dataset.organisations, "en", zoom)
    texts = [row["text"] for row in rows]
    assert {"Yokohama", "Bangkok"} <= set(texts)
    world = 512 * 2**zoom
    boxes = []
    for row in rows:
        lon, lat = row["position"]
        x = lon / 360 * world
        y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * world
        half = len(row["text"]) * theme.LABEL_SIZE_PX * 0.6 / 2
        boxes.append((x - half, y - theme.LABEL_SIZE_PX, x + half, y))
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    # Zoomed in, more seats have room for a label.
    assert len(seat_rows(dataset.organisations, "en", 6)) > len(rows)


def test_tooltip_holds_placeholders_not_data(dataset: Dataset) -> None:
    deck = build_deck(
        dataset.organisations, dataset.organisations, dataset.countries, None, DeckOptions(lang="ja")
    )
    tooltip = deck._tooltip
    assert "{n}" in tooltip["html"] and "{t}" in tooltip["html"] and "{y}" in tooltip["html"]
    assert "Yokohama" not in tooltip["html"]
    assert "種類" in tooltip["html"] and "目標" in tooltip["html"]


def test_the_hover_card_is_short_and_localised(dataset: Dataset, csv: pd.DataFrame) -> None:
    japanese = points(deck_json(dataset, None, lang="ja"))
    english = points(deck_json(dataset, None, lang="en"))
    # Name in the page's language, type, effective target year; the rest is in the details panel.
    fields = {"n", "t", "y"}
    assert {key for row in english.values() for key in row} == {"id", "p", "c", "v", "k", *fields}
    assert (japanese["jp-yokohama"]["n"], japanese["jp-yokohama"]["t"]) == ("横浜市", "市・都")
    assert english["jp-yokohama"]["n"] == "City of Yokohama"
    # By hand from data/targets.csv: Yokohama's own target, carbon neutrality by 2050.
    assert (english["jp-yokohama"]["y"], japanese["jp-yokohama"]["y"]) == ("by 2050", "2050年まで")
    without = csv.loc[csv["id"].map(english).map(lambda row: row["y"] == "No target found"), "id"]
    assert len(without) == (dataset.organisations["target_year"].isna()).sum() > 0


def expected_arcs(csv: pd.DataFrame, shown: pd.DataFrame) -> int:
    proposers = csv[csv["role"] == "proposer"]
    participants = shown[shown["role"] == "participant"]
    seats = {
        (round(lat, 3), round(lon, 3))
        for lat, lon in zip(participants["lat"], participants["lon"], strict=True)
    }
    return sum(
        1
        for p_lat, p_lon in zip(proposers["lat"], proposers["lon"], strict=True)
        for seat in seats
        if seat != (round(p_lat, 3), round(p_lon, 3))
    )


def test_arcs_join_both_proposers_to_every_participant_seat(dataset: Dataset, csv: pd.DataFrame) -> None:
    arcs = layer(deck_json(dataset, None), LAYER_ARCS)["data"]
    assert len(arcs) == expected_arcs(csv, csv)
    participant_seats = csv[csv["role"] == "participant"].groupby(["lat", "lon"]).ngroups
    # Bangkok's own participants get an arc from Yokohama only.
    assert len(arcs) == 2 * participant_seats - 1
    sources = {tuple(arc["from"]) for arc in arcs}
    assert len(sources) == 2


def test_arcs_follow_the_filters(dataset: Dataset, csv: pd.DataFrame) -> None:
    samoa = layer(deck_json(dataset, None, Filters(countries=("WS",))), LAYER_ARCS)["data"]
    assert len(samoa) == 2  # by hand: Yokohama → Apia and Bangkok → Apia (one seat for both bodies)
    assert all(arc["to"][0] > 180 for arc in samoa)
    nobody = layer(deck_json(dataset, None, Filters(roles=("proposer",))), LAYER_ARCS)["data"]
    assert nobody == []
    ph = csv[csv["country"] == "PH"]
    assert len(
        layer(deck_json(dataset, None, Filters(countries=("PH",))), LAYER_ARCS)["data"]
    ) == expected_arcs(csv, ph)


def test_arcs_can_be_switched_off(dataset: Dataset) -> None:
    spec = deck_json(dataset, None, show_arcs=False)
    assert LAYER_ARCS not in {item["id"] for item in spec["layers"]}


def test_offline_means_no_map_style_request(dataset: Dataset, basemap: dict[str, Any]) -> None:
    deck = build_deck(
        dataset.organisations,
        dataset.organisations,
        dataset.countries,
        basemap,
        DeckOptions(online_basemap=False),
    )
    text = deck.to_json()
    spec = json.loads(text)
    assert spec.get("mapProvider") is None
    assert "cartocdn" not in text and "mapbox" not in text
    online = deck_json(dataset, basemap, online_basemap=True)
    assert online["mapProvider"] == "carto"
    assert online["mapStyle"] == theme.CARTO_LIGHT_STYLE


def test_country_outlines_tint_countries_with_shown_organisations(
    dataset: Dataset, basemap: dict[str, Any]
) -> None:
    spec = deck_json(dataset, basemap, Filters(countries=("WS", "JP")), online_basemap=False)
    features = layer(spec, LAYER_COUNTRIES)["data"]["features"]
    tint = [*theme.hex_to_rgb(theme.SIGNATORY_COUNTRY_FILL), 255]
    tinted = [feature for feature in features if feature["properties"]["fill"] == tint]
    assert len(tinted) == 2  # by hand: one Natural Earth feature each for Samoa and Japan
    samoa = [feature for feature in tinted if feature["geometry"]["coordinates"][0][0][0][0] > 180]
    assert samoa, "Samoa's outline is drawn east of 180°, with its marker"


def test_basemap_is_thinned_but_keeps_every_country(
    raw_basemap: dict[str, Any], basemap: dict[str, Any]
) -> None:
    def vertex_count(geojson: dict[str, Any]) -> int:
        total = 0
        for feature in geojson["features"]:
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            total += sum(len(ring) for polygon in polygons for ring in polygon)
        return total

    codes = {feature["properties"]["iso_a2"] for feature in raw_basemap["features"]}
    assert {feature["properties"]["iso_a2"] for feature in basemap["features"]} == codes
    assert {"MV", "CK", "WS"} <= codes
    assert vertex_count(basemap) < vertex_count(raw_basemap) / 2


def test_deck_json_is_compact(dataset: Dataset, basemap: dict[str, Any]) -> None:
    deck = build_deck(dataset.organisations, dataset.organisations, dataset.countries, basemap, DeckOptions())
    text = deck.to_json()
    assert "\n" not in text
    assert len(text.encode()) < DECK_JSON_BUDGET_BYTES


def test_view_stays_when_only_filters_change(dataset: Dataset, basemap: dict[str, Any]) -> None:
    view = region_view(dataset.organisations)
    before = deck_json(dataset, basemap, view=view)
    after = deck_json(dataset, basemap, Filters(countries=("PH",), years=(None, 2040)), view=view, lang="ja")
    assert before["initialViewState"] == after["initialViewState"]
    assert before["views"] == after["views"]


def project(view: MapView, lon: float, lat: float) -> tuple[float, float]:
    """Pixel offset of a point from the map centre, by the Web Mercator formulas."""
    world = 512 * 2**view.zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    centre_y = math.log(math.tan(math.pi / 4 + math.radians(view.latitude) / 2))
    lon = lon + 360 if lon < -30 else lon
    return (lon - view.longitude) / 360 * world, -(y - centre_y) / (2 * math.pi) * world


def test_region_view_frames_the_caucasus_to_the_cook_islands(dataset: Dataset, csv: pd.DataFrame) -> None:
    view = region_view(dataset.organisations)
    half_width, half_height = theme.MAP_NOMINAL_WIDTH_PX / 2, theme.MAP_HEIGHT_PX / 2
    for lon, lat in zip(csv["lon"], csv["lat"], strict=True):
        x, y = project(view, lon, lat)
        assert abs(x) < half_width and abs(y) < half_height, (lon, lat)
    tbilisi_x, _ = project(view, 44.83, 41.69)
    avarua_x, _ = project(view, -159.78, -21.21)
    assert tbilisi_x < 0 < avarua_x


def test_fit_view_frames_a_selection(dataset: Dataset, csv: pd.DataFrame) -> None:
    chosen = dataset.organisations[dataset.organisations["country"] == "ID"]
    view = fit_view(chosen)
    assert view.zoom > region_view(dataset.organisations).zoom
    for lon, lat in zip(chosen["lon"], chosen["lat"], strict=True):
        x, y = project(view, lon, lat)
        assert abs(x) < theme.MAP_NOMINAL_WIDTH_PX / 2 and abs(y) < theme.MAP_HEIGHT_PX / 2


def test_fit_view_of_one_seat_stops_at_city_zoom(dataset: Dataset) -> None:
    one = dataset.organisations[dataset.organisations["id"] == "ws-swa"]
    view = fit_view(one)
    assert view.zoom == theme.FIT_MAX_ZOOM
    assert view.longitude > 180


def test_a_repeated_view_request_still_moves_the_camera() -> None:
    view = MapView(10.0, 120.0, 3.0)
    assert view.nudged(1) != view.nudged(2)
    assert view.nudged(2) == view
    assert abs(view.nudged(1).zoom - view.zoom) < 1e-3


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, None),
        ({"selection": {"indices": {}, "objects": {}}}, None),
        ({"selection": {"objects": {LAYER_ORGANISATIONS: [{"id": "ph-cebu", "name": "x"}]}}}, "ph-cebu"),
        ({"selection": {"objects": {LAYER_LABELS: [{"id": "ph-cebu"}]}}}, None),
        ({"selection": {"objects": {LAYER_ORGANISATIONS: [{"id": 5}]}}}, None),
    ],
)
def test_picked_id(event: dict[str, Any] | None, expected: str | None) -> None:
    assert picked_id(event) == expected


def test_thinning_keeps_shared_borders_shared() -> None:
    # Two countries along a winding border from (0, 0) to (0, 10), its bends wider than the tolerance.
    # The west ring starts at a corner of its own, the east one on the border and runs the other way:
    # thinned ring by ring, the two sides of the border would keep different points.
    border = [
        (round(0.6 * math.sin(step / 7) + 0.3 * math.sin(step / 3), 2), step / 10) for step in range(101)
    ]
    west = [(-5.0, 0.0), *border, (-5.0, 10.0), (-5.0, 0.0)]
    east = [*border[::-1], (5.0, 0.0), (5.0, 10.0), border[-1]]
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"iso_a2": code},
                "geometry": {"type": "Polygon", "coordinates": [[list(point) for point in ring]]},
            }
            for code, ring in (("AA", west), ("BB", east))
        ],
    }
    thin = simplify_basemap(geojson, tolerance=0.2)
    rings = [feature["geometry"]["coordinates"][0][0] for feature in thin["features"]]
    west_border = {tuple(point) for point in rings[0] if abs(point[0]) < 2}
    east_border = {tuple(point) for point in rings[1] if abs(point[0]) < 2}
    assert west_border == east_border, "no gap or overlap between the two countries"
    assert len(west_border) < len(border) / 5


def test_region_outlines_keep_the_island_signatories(raw_basemap: dict[str, Any]) -> None:
    thin = simplify_basemap(raw_basemap, theme.REGION_BASEMAP_SIMPLIFY_DEG)
    rings = {
        feature["properties"]["iso_a2"]: [
            ring for polygon in feature["geometry"]["coordinates"] for ring in polygon
        ]
        for feature in thin["features"]
    }
    for code in ("MV", "CK", "WS"):
        assert rings[code] and all(len(ring) >= 4 for ring in rings[code]), code
    # East of Papua New Guinea, not at the world's western edge.
    assert min(point[0] for ring in rings["CK"] + rings["WS"] for point in ring) > 180
