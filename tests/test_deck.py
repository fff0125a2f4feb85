"""The live map's deck: the model drawn as pydeck layers, its JSON read back as deck.gl would use it."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from signatories import load_dataset, theme
from signatories.app_state import AppState, View
from signatories.borders import load_borders, pacific_view
from signatories.dataset import Dataset
from signatories.filters import Filters, apply_filters
from signatories.map.camera import MapView, Viewport, fit_view, region_view
from signatories.map.deck import (
    DISPLAY_STYLE,
    EXPLORER_STYLE,
    LAYER_ARCS,
    LAYER_BORDERS,
    LAYER_COUNTRIES,
    LAYER_LABELS,
    LAYER_ORGANISATIONS,
    STATE_HIDDEN,
    STATE_PROPOSER,
    STATE_SELECTED,
    DeckStyle,
    build_deck,
    marker_rows,
    organisation_rows,
    web_basemap,
)
from signatories.map.model import MapModel, build_model
from signatories.map.outlines import DRAWING_TOLERANCES, land_borders, simplify_basemap, tolerance_for_zoom
from signatories.map.seats import seat_rows
from signatories.map.web_files import write_web_basemaps
from signatories.paths import BORDERS_FILE, DATA_DIR, STATIC_DIR
from signatories.ui.explorer import picked_id
from tests.explorer_expected import read_organisations

# The whole deck JSON sent on every rerun: markers, arcs, labels and the basemap files' addresses.
DECK_JSON_BUDGET_BYTES = 30_000
# With the outlines inline instead (a data directory without the served files).
INLINE_DECK_JSON_BUDGET_BYTES = 450_000


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def raw_basemap() -> dict[str, Any]:
    return pacific_view(load_borders(DATA_DIR / BORDERS_FILE).geojson)


@pytest.fixture(scope="module")
def basemap(raw_basemap: dict[str, Any]) -> dict[str, Any]:
    return simplify_basemap(raw_basemap, theme.REGION_BASEMAP_SIMPLIFY_DEG)


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return read_organisations()


def model_of(
    dataset: Dataset,
    basemap: dict[str, Any] | None,
    filters: Filters | None = None,
    lang: str = "en",
    selected: str = "",
    show_arcs: bool = True,
    camera: MapView | None = None,
    online_basemap: bool = False,
) -> MapModel:
    frame = apply_filters(dataset.organisations, filters or Filters(), countries=dataset.countries)
    state = AppState(
        filters=filters or Filters(),
        view=View(lang=lang, selected=selected, show_arcs=show_arcs, online_basemap=online_basemap),  # type: ignore[arg-type]
    )
    return build_model(
        dataset.organisations,
        frame,
        dataset.countries,
        basemap,
        state,
        Viewport(),
        EXPLORER_STYLE.labels,
        camera,
    )


def deck_json(
    dataset: Dataset,
    basemap: dict[str, Any] | None,
    filters: Filters | None = None,
    style: DeckStyle = EXPLORER_STYLE,
    static_dir: Path | None = None,
    **options: Any,
) -> dict[str, Any]:
    model = model_of(dataset, basemap, filters, **options)
    served = web_basemap(basemap, static_dir) if basemap is not None else None
    deck = build_deck(model, style, served, online_basemap=options.get("online_basemap", False))
    result: dict[str, Any] = json.loads(deck.to_json())
    return result


def layer(spec: dict[str, Any], layer_id: str) -> dict[str, Any]:
    (found,) = [item for item in spec["layers"] if item["id"] == layer_id]
    return found


def arc_layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in spec["layers"] if item["id"].startswith(f"{LAYER_ARCS}-")]


def js_to_python(expression: str) -> str:
    """An accessor's JS (comparisons, `||`, nested `a ? b : c`, array literals) as Python."""
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


def evaluate(accessor: str, row: dict[str, Any]) -> Any:
    """What deck.gl computes from `accessor` for `row`. A key the row leaves out is undefined in JS, where
    `undefined == n` and `undefined >= n` are false: the same branches as 0 takes in these accessors."""
    names = {"k": 0, "c": 0, **row}
    return eval(js_to_python(accessor.removeprefix("@@=")), {}, names)  # the deck's own constant expression


def marker_style(
    spec: dict[str, Any], row: dict[str, Any], layer_id: str = LAYER_ORGANISATIONS
) -> dict[str, Any]:
    """A marker's colour, radius and outline as deck.gl draws them from the marker layer's accessors."""
    markers = layer(spec, layer_id)
    props = {
        "fill": "getFillColor",
        "radius": "getRadius",
        "outline": "getLineColor",
        "outline_px": "getLineWidth",
    }
    return {name: evaluate(markers[prop], row) for name, prop in props.items()}


def points(spec: dict[str, Any], model: MapModel) -> dict[str, dict[str, Any]]:
    """The marker rows by organisation: the layer's order is the model's (a click is an index into it)."""
    rows = layer(spec, LAYER_ORGANISATIONS)["data"]
    assert len(rows) == len(model.markers)
    return {marker.org_id: row for marker, row in zip(model.markers, rows, strict=True)}


def shown_points(
    dataset: Dataset, filters: Filters | None = None, **options: Any
) -> dict[str, dict[str, Any]]:
    spec = deck_json(dataset, None, filters, **options)
    return points(spec, model_of(dataset, None, filters, **options))


def test_layers_in_drawing_order(dataset: Dataset, basemap: dict[str, Any]) -> None:
    spec = deck_json(dataset, basemap)
    assert [item["id"] for item in spec["layers"]] == [
        LAYER_COUNTRIES,
        LAYER_BORDERS,
        f"{LAYER_ARCS}-0",
        f"{LAYER_ARCS}-1",
        LAYER_ORGANISATIONS,
        LAYER_LABELS,
    ]
    assert layer(spec, LAYER_ORGANISATIONS)["pickable"] is True
    assert layer(spec, LAYER_ORGANISATIONS)["@@type"] == "ScatterplotLayer"


def test_every_organisation_is_a_point(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = shown_points(dataset)
    assert set(rows) == set(csv["id"])
    assert len(rows) == 45
    assert all(row.get("k", 0) < STATE_HIDDEN for row in rows.values())


def test_filtered_out_points_stay_in_place_but_hidden(dataset: Dataset, csv: pd.DataFrame) -> None:
    everything = shown_points(dataset)
    philippines = shown_points(dataset, Filters(countries=("PH",)))
    spec = deck_json(dataset, None, Filters(countries=("PH",)))
    assert list(philippines) == list(everything)  # the same slots: Streamlit's click is an index
    shown = {key for key, row in philippines.items() if row.get("k", 0) < STATE_HIDDEN}
    assert shown == set(csv.loc[csv["country"] == "PH", "id"])
    assert all(philippines[key]["p"] == everything[key]["p"] for key in everything)
    for key, row in philippines.items():
        drawn = marker_style(spec, row)
        if key in shown:
            assert drawn["radius"] > 0 and drawn["fill"][3] == 255
        else:  # no pixels, and so nothing to hover or click
            assert drawn["radius"] == 0 and drawn["outline_px"] == 0


def test_marker_json_text_is_the_marker_rows(dataset: Dataset) -> None:
    """The layer's JSON, joined from text serialised once, parses to each marker's fields and state, even
    for a name with quotes, a backslash, a newline, markup and Japanese."""
    awkward = 'A "quoted" \\ name\n<b>x</b> 東京'
    organisations = dataset.organisations.copy()
    organisations.loc[organisations.index[0], "name_en"] = awkward
    shown = organisations.iloc[::2]
    selected = str(shown["id"].iloc[1])
    state = AppState(filters=Filters(), view=View(selected=selected))
    model = build_model(
        organisations, shown, dataset.countries, None, state, Viewport(), EXPLORER_STYLE.labels
    )
    rows = json.loads(organisation_rows(model, marker_rows(model.markers)).text)
    assert len(rows) == len(model.markers) == len(organisations)
    for row, marker in zip(rows, model.markers, strict=True):
        assert (row["n"], row["t"], row["y"]) == (marker.name, marker.kind, marker.target)
        assert row["p"] == [round(marker.lon, 3), round(marker.lat, 3)]
        state_flags = (
            STATE_PROPOSER * marker.proposer
            + STATE_SELECTED * (marker.org_id == selected)
            + STATE_HIDDEN * (marker.org_id not in set(shown["id"]))
        )
        assert row.get("k", 0) == state_flags
        assert ("k" in row) == (state_flags != 0)  # a shown participant's row leaves its state out
    assert awkward in {row["n"] for row in rows}


def test_samoa_and_the_cook_islands_lie_east_of_papua_new_guinea(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = shown_points(dataset)
    port_moresby = float(csv.loc[csv["id"] == "pg-ncdc", "lon"].iloc[0])
    assert port_moresby == pytest.approx(147.15, abs=0.01)
    for org_id in csv.loc[csv["country"].isin(["WS", "CK"]), "id"]:
        lon = rows[org_id]["p"][0]
        assert lon > port_moresby, org_id
        assert lon > 180  # drawn one turn east, not at the far west of the world
    labels = [row["position"][0] for row in layer(deck_json(dataset, None), LAYER_LABELS)["data"]]
    assert max(labels) > 180


def test_the_camera_crosses_180_degrees_without_drawing_the_world_twice(dataset: Dataset) -> None:
    spec = deck_json(dataset, None)
    assert spec["views"] == [{"@@type": "MapView", "controller": True}]  # no repeated worlds
    view = spec["initialViewState"]
    # The longitude is not wrapped to -180..180 (Samoa at 188° stays on screen when panned to), and
    # panning stops at the edges of one world in Pacific longitudes: by hand, -30° to 330°.
    assert view["normalize"] is False
    (west, south), (east, north) = view["maxBounds"]
    assert (west, east) == (-30, 330) and south < -80 and north > 80


def test_shared_seats_are_spread_into_distinct_points(dataset: Dataset, csv: pd.DataFrame) -> None:
    rows = shown_points(dataset)
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
    rows = points(spec, model_of(dataset, None))
    for org_id, row in rows.items():
        proposer = org_id in {"jp-yokohama", "th-bangkok"}
        assert row.get("k", 0) == (STATE_PROPOSER if proposer else 0)
        assert marker_style(spec, row)["radius"] == (
            theme.PROPOSER_RADIUS_PX if proposer else theme.MARKER_RADIUS_PX
        )
    assert list(rows)[-2:] == ["jp-yokohama", "th-bangkok"]  # drawn last, on top of Bangkok's participants


def test_colours_follow_the_organisation_type(dataset: Dataset, csv: pd.DataFrame) -> None:
    spec = deck_json(dataset, None)
    rows = points(spec, model_of(dataset, None))
    for org_id, kind in zip(csv["id"], csv["org_type"], strict=True):
        colour = theme.ORG_TYPE_COLOURS[kind].lstrip("#")
        expected = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
        assert marker_style(spec, rows[org_id])["fill"] == [*expected, 255], org_id


def test_the_selected_point_is_outlined(dataset: Dataset) -> None:
    spec = deck_json(dataset, None, selected="ph-cebu")
    rows = points(spec, model_of(dataset, None, selected="ph-cebu"))
    assert marker_style(spec, rows["ph-cebu"])["outline_px"] == theme.SELECTED_OUTLINE_PX
    assert marker_style(spec, rows["ph-cebu"])["outline"][:3] == [0, 0, 0]
    assert marker_style(spec, rows["ph-danao"])["outline_px"] == theme.MARKER_OUTLINE_PX


def test_the_display_dims_the_other_countries(dataset: Dataset) -> None:
    spec = deck_json(dataset, None, Filters(countries=("PH",)), style=DISPLAY_STYLE, show_arcs=False)
    markers = f"{DISPLAY_STYLE.layer_prefix}{LAYER_ORGANISATIONS}"
    rows = layer(spec, markers)["data"]
    model = model_of(dataset, None, Filters(countries=("PH",)))
    for marker, row in zip(model.markers, rows, strict=True):
        drawn = marker_style(spec, row, markers)
        if marker.org_id in model.shown:
            assert drawn["radius"] == theme.DISPLAY_MARKER_RADIUS_PX
            assert drawn["outline_px"] == theme.DISPLAY_MARKER_OUTLINE_PX and drawn["fill"][3] == 255
        else:
            assert drawn["radius"] == theme.DISPLAY_OTHER_MARKER_RADIUS_PX
            assert drawn["fill"][3] == theme.DISPLAY_OTHER_MARKER_ALPHA and drawn["outline_px"] == 0
    assert layer(spec, markers)["pickable"] is False
    assert build_deck(model, DISPLAY_STYLE)._tooltip is False


def test_units_are_constants_not_expressions(dataset: Dataset, basemap: dict[str, Any]) -> None:
    spec = deck_json(dataset, basemap)
    assert layer(spec, LAYER_ORGANISATIONS)["radiusUnits"] == "pixels"
    assert layer(spec, LAYER_ORGANISATIONS)["lineWidthUnits"] == "pixels"
    assert all(arcs["widthUnits"] == "pixels" for arcs in arc_layers(spec))
    assert layer(spec, LAYER_LABELS)["sizeUnits"] == "pixels"
    assert layer(spec, LAYER_BORDERS)["widthUnits"] == "pixels"


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
    tooltip = build_deck(model_of(dataset, None, lang="ja"), EXPLORER_STYLE)._tooltip
    assert "{n}" in tooltip["html"] and "{t}" in tooltip["html"] and "{y}" in tooltip["html"]
    assert "Yokohama" not in tooltip["html"]
    assert "種類" in tooltip["html"] and "目標" in tooltip["html"]


def test_the_hover_card_is_short_and_localised(dataset: Dataset, csv: pd.DataFrame) -> None:
    japanese = shown_points(dataset, lang="ja")
    english = shown_points(dataset, lang="en")
    # Name in the page's language, type, effective target year; the rest is in the details panel.
    assert {key for row in english.values() for key in row} == {"p", "c", "k", "n", "t", "y"}
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


def arcs_of(spec: dict[str, Any]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Every arc as (source, target): each proposer's layer names its seat once, its rows are the targets."""
    return [
        (tuple(arcs["getSourcePosition"]), tuple(target))
        for arcs in arc_layers(spec)
        for target in arcs["data"]
    ]


def test_arcs_join_both_proposers_to_every_participant_seat(dataset: Dataset, csv: pd.DataFrame) -> None:
    spec = deck_json(dataset, None)
    arcs = arcs_of(spec)
    assert len(arcs) == expected_arcs(csv, csv)
    participant_seats = csv[csv["role"] == "participant"].groupby(["lat", "lon"]).ngroups
    # Bangkok's own participants get an arc from Yokohama only.
    assert len(arcs) == 2 * participant_seats - 1
    assert len({source for source, _ in arcs}) == 2
    assert all(layer["getTargetPosition"] == "@@=-" for layer in arc_layers(spec))  # the row itself


def test_arcs_follow_the_filters(dataset: Dataset, csv: pd.DataFrame) -> None:
    samoa = arcs_of(deck_json(dataset, None, Filters(countries=("WS",))))
    assert len(samoa) == 2  # by hand: Yokohama → Apia and Bangkok → Apia (one seat for both bodies)
    assert all(target[0] > 180 for _, target in samoa)
    assert arc_layers(deck_json(dataset, None, Filters(roles=("proposer",)))) == []
    ph = csv[csv["country"] == "PH"]
    assert len(arcs_of(deck_json(dataset, None, Filters(countries=("PH",))))) == expected_arcs(csv, ph)


def test_arcs_can_be_switched_off(dataset: Dataset) -> None:
    assert arc_layers(deck_json(dataset, None, show_arcs=False)) == []


def test_offline_means_no_map_style_request(dataset: Dataset, basemap: dict[str, Any]) -> None:
    model = model_of(dataset, basemap)
    text = build_deck(model, EXPLORER_STYLE, web_basemap(basemap, STATIC_DIR)).to_json()
    spec = json.loads(text)
    assert spec.get("mapProvider") is None
    assert "cartocdn" not in text and "mapbox" not in text
    online = deck_json(dataset, basemap, online_basemap=True)
    assert online["mapProvider"] == "carto"
    assert online["mapStyle"] == theme.CARTO_LIGHT_STYLE


def feature_fills(spec: dict[str, Any], features: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Each country's fill, from the countries layer's accessor on its `iso_a2`."""
    accessor = layer(spec, LAYER_COUNTRIES)["getFillColor"]
    fills = {}
    for feature in features:
        code = feature["properties"]["iso_a2"]
        expression = accessor.removeprefix("@@=").replace("properties.iso_a2", "iso_a2")
        fills[code] = evaluate(expression, {"iso_a2": code})
    return fills


def test_country_outlines_tint_countries_with_shown_organisations(
    dataset: Dataset, basemap: dict[str, Any]
) -> None:
    spec = deck_json(dataset, basemap, Filters(countries=("WS", "JP")))
    features = layer(spec, LAYER_COUNTRIES)["data"]["features"]  # inline: no served files given
    tint = [*theme.hex_to_rgb(theme.SIGNATORY_COUNTRY_FILL), 255]
    land = [*theme.hex_to_rgb(theme.BORDER_FILL), 255]
    fills = feature_fills(spec, features)
    assert {code for code, fill in fills.items() if fill == tint} == {"WS", "JP"}
    assert all(fill in (tint, land) for fill in fills.values())
    samoa = next(feature for feature in features if feature["properties"]["iso_a2"] == "WS")
    assert samoa["geometry"]["coordinates"][0][0][0][0] > 180, "Samoa's outline is drawn east of 180°"
    # The tint is the only thing that changes between reruns: deck.gl must be told to fill again.
    assert layer(spec, LAYER_COUNTRIES)["updateTriggers"] == {"getFillColor": [["JP", "WS"], False]}
    assert layer(spec, LAYER_COUNTRIES)["stroked"] is False  # coasts: land and sea differ in colour


def test_land_borders_are_the_segments_two_countries_share(basemap: dict[str, Any]) -> None:
    borders = land_borders(basemap)
    # Per feature, not per code: a few features share a placeholder code ("-99").
    features = [
        (
            feature["properties"]["iso_a2"],
            {
                tuple(point)
                for polygon in feature["geometry"]["coordinates"]
                for ring in polygon
                for point in ring
            },
        )
        for feature in basemap["features"]
    ]
    holders = [
        [code for code, points in features if start in points and end in points] for start, end in borders
    ]
    assert borders and all(len(codes) >= 2 for codes in holders)
    owners = [set(codes) for codes in holders]
    # By hand: Mongolia has land borders with China and Russia only; Japan and Sri Lanka have none.
    assert any(codes == {"MN", "CN"} for codes in owners)
    assert not any(codes & {"JP", "LK"} for codes in owners)
    # Russia's two sides of the antimeridian meet along a cut that is no border.
    assert not any(codes == {"RU"} for codes in owners)


def test_the_basemap_is_served_as_files_when_they_match(
    dataset: Dataset, basemap: dict[str, Any], tmp_path: Path
) -> None:
    served = deck_json(dataset, basemap, static_dir=STATIC_DIR)
    countries, borders = layer(served, LAYER_COUNTRIES)["data"], layer(served, LAYER_BORDERS)["data"]
    assert countries.startswith("app/static/basemap-countries-") and borders.startswith(
        "app/static/basemap-borders-"
    )
    assert (STATIC_DIR / countries.removeprefix("app/static/")).is_file()
    # Outlines the files were not made from travel inline: never an old copy.
    elsewhere = deck_json(dataset, basemap, static_dir=tmp_path)
    assert isinstance(layer(elsewhere, LAYER_COUNTRIES)["data"], dict)
    assert isinstance(layer(elsewhere, LAYER_BORDERS)["data"], list)


def test_the_committed_basemap_files_are_those_of_the_committed_outlines(tmp_path: Path) -> None:
    """`python -m signatories web-basemap` after every change to data/countries.geojson."""
    written = write_web_basemaps(DATA_DIR, tmp_path)
    committed = sorted(STATIC_DIR.glob("basemap-*.json"))
    assert [path.name for path in written] == [path.name for path in committed], (
        "static/ is out of date: run python -m signatories web-basemap"
    )
    assert all(path.read_bytes() == (STATIC_DIR / path.name).read_bytes() for path in written)


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


def test_deck_json_is_compact(dataset: Dataset, basemap: dict[str, Any], tmp_path: Path) -> None:
    model = model_of(dataset, basemap)
    text = build_deck(model, EXPLORER_STYLE, web_basemap(basemap, STATIC_DIR)).to_json()
    assert "\n" not in text
    assert len(text.encode()) < DECK_JSON_BUDGET_BYTES
    inline = build_deck(model, EXPLORER_STYLE, web_basemap(basemap, tmp_path)).to_json()
    assert len(inline.encode()) < INLINE_DECK_JSON_BUDGET_BYTES


def test_view_stays_when_only_filters_change(dataset: Dataset, basemap: dict[str, Any]) -> None:
    view = region_view(dataset.organisations)
    before = deck_json(dataset, basemap, camera=view)
    after = deck_json(
        dataset, basemap, Filters(countries=("PH",), years=(None, 2040)), camera=view, lang="ja"
    )
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


IDS = ("a", "b", "c")


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, None),
        ({"selection": {"indices": {}, "objects": {}}}, None),
        ({"selection": {"indices": {LAYER_ORGANISATIONS: [1]}, "objects": {}}}, "b"),
        ({"selection": {"indices": {LAYER_LABELS: [1]}}}, None),
        ({"selection": {"indices": {LAYER_ORGANISATIONS: [3]}}}, None),  # past the end: a stale event
        ({"selection": {"indices": {LAYER_ORGANISATIONS: ["1"]}}}, None),
        ({"selection": {"indices": {LAYER_ORGANISATIONS: [True]}}}, None),
    ],
)
def test_picked_id(event: dict[str, Any] | None, expected: str | None) -> None:
    assert picked_id(event, IDS) == expected


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


@pytest.mark.parametrize("zoom", [step / 4 for step in range(0, 4 * int(theme.MAX_ZOOM) + 1)])
def test_outlines_are_the_coarsest_that_look_right_at_the_zoom(zoom: float) -> None:
    tolerance = tolerance_for_zoom(zoom)
    assert tolerance in DRAWING_TOLERANCES
    # Degrees per pixel from the Web Mercator world, 512 pixels wide at zoom 0, doubling at each zoom step.
    pixel_deg = 360 / 512 / 2**zoom
    allowed = theme.OUTLINE_ERROR_PX * pixel_deg
    finest = min(DRAWING_TOLERANCES)
    assert tolerance <= allowed or tolerance == finest
    assert not any(tolerance < other <= allowed for other in DRAWING_TOLERANCES), "a coarser one would do"


def test_the_region_view_draws_the_region_outlines_and_a_fitted_country_the_fine_ones() -> None:
    assert tolerance_for_zoom(theme.REGION_VIEW["zoom"]) == theme.REGION_BASEMAP_SIMPLIFY_DEG
    assert tolerance_for_zoom(theme.FIT_MAX_ZOOM) == theme.BASEMAP_SIMPLIFY_DEG
