"""The explorer's map where WebGL is missing: the files' map drawn by Vega in the page, with the live map's
hover card on each marker and a click that selects.

The page is run through AppTest with the map probe's report set as the browser would send it; expected
values come from the CSV files (tests/explorer_expected.py) and the theme, not from the code under test.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from signatories import theme
from signatories.i18n import t
from signatories.map.fallback import PICK, picked
from tests.explorer_expected import ids, read_organisations
from tests.test_explorer_app import EXPLORER, run

CHART_WIDTH_PX = 900
# What the probe component sends from a browser that cannot create a WebGL context.
NO_WEBGL = {"probe": {"webgl": False, "width": CHART_WIDTH_PX, "viewport": [1440, 1000]}}


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return read_organisations()


def without_webgl(**params: str) -> AppTest:
    return run(EXPLORER, session={"map_probe": NO_WEBGL}, **params)


def chart_spec(at: AppTest) -> dict[str, Any]:
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec: dict[str, Any] = json.loads(charts[0].proto.spec)
    return spec


def marker_rows(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The rows of the layer a click can pick, by organisation id."""
    layers = [layer for layer in spec["layer"] if layer.get("params")]
    assert len(layers) == 1
    return {row["id"]: row for row in layers[0]["data"]["values"]}


def test_without_webgl_the_explorer_draws_the_map_with_vega_and_says_why(csv: pd.DataFrame) -> None:
    at = without_webgl(country="PH")
    assert at.get("deck_gl_json_chart") == []
    spec = chart_spec(at)
    assert [caption.value for caption in at.caption].count(t("export.no_webgl", "en")) == 1
    # The chart is the map area at the width the browser reported; the page keeps its own legend and files.
    assert (spec["width"], spec["height"]) == (CHART_WIDTH_PX, theme.MAP_HEIGHT_PX)
    assert "title" not in spec and "vconcat" not in spec
    assert any('role="list"' in element.proto.body for element in at.get("html"))  # the legend
    assert len(at.get("download_button")) == 3
    assert set(marker_rows(spec)) == ids(csv[csv["country"] == "PH"])


@pytest.mark.parametrize(
    ("lang", "name_column", "card"),
    [
        ("en", "name_en", ["title", "Type:", "Target:"]),
        ("ja", "name_ja", ["title", "種類：", "目標："]),
    ],
)
def test_each_marker_has_the_live_maps_short_hover_card(
    csv: pd.DataFrame, lang: str, name_column: str, card: list[str]
) -> None:
    spec = chart_spec(without_webgl(lang=lang, country="MN"))
    layer = next(layer for layer in spec["layer"] if layer.get("params"))
    assert [item["title"] for item in layer["encoding"]["tooltip"]] == card
    fields = [item["field"] for item in layer["encoding"]["tooltip"]]
    ulaanbaatar = marker_rows(spec)["mn-ulaanbaatar"]
    expected = csv.set_index("id").loc["mn-ulaanbaatar"]
    # Ulaanbaatar City has no target of its own: Mongolia's 2050 is its effective year.
    assert expected["year"] == 2050
    kind = {"en": "City / metropolitan government", "ja": "市・都"}[lang]
    year = {"en": "by 2050", "ja": "2050年まで"}[lang]
    assert [ulaanbaatar[field] for field in fields] == [expected[name_column], kind, year]


def test_a_linked_organisation_is_framed_and_drawn_selected() -> None:
    spec = chart_spec(without_webgl(org="ph-cebu"))
    cebu = marker_rows(spec)["ph-cebu"]
    # The camera the live map opens with: the organisation in the middle, across the chart's width.
    assert abs(cebu["x"] - CHART_WIDTH_PX / 2) <= 1
    assert cebu["stroke"] == theme.SELECTED_OUTLINE
    others = [row for key, row in marker_rows(spec).items() if key != "ph-cebu"]
    assert others and all(row["stroke"] != theme.SELECTED_OUTLINE for row in others)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, None),
        ({"selection": {PICK: {}}}, None),  # the chart before any click
        ({"selection": {PICK: [{}]}}, ""),  # a click on the sea or a country
        ({"selection": {PICK: []}}, ""),  # a marker clicked off again
        ({"selection": {PICK: [{"id": "mn-ulaanbaatar"}]}}, "mn-ulaanbaatar"),
    ],
)
def test_a_click_picks_a_marker_or_empty_map(event: dict[str, Any] | None, expected: str | None) -> None:
    assert picked(event) == expected


def test_without_webgl_the_region_view_sends_the_region_outlines() -> None:
    """Outlines at the detail the view needs: the whole region's map is sent on every rerun, so it carries
    the region view's thinned outlines, within the live deck's byte budget of issue 13."""
    spec = json.dumps(chart_spec(without_webgl()), separators=(",", ":"))
    assert len(spec.encode()) <= 150_000
