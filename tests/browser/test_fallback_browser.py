"""Without WebGL the explorer and the display show the files' map with one line saying why; with it, the live map.

The browser itself says whether it can draw WebGL (the map probe component); Chromium started with
`--disable-webgl --disable-3d-apis` cannot, as on venue PCs and virtual desktops without a GPU. The
explorer's map is then drawn by Vega in the page, with the hover card and the click of the live map; the
display's stays a picture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from signatories import load_dataset, theme
from signatories.i18n import Lang, t
from signatories.map.camera import Viewport, camera_width, project, region_view
from signatories.map.seats import draw_positions
from tests.browser.helpers import (
    CHART,
    LOAD_TIMEOUT_MS,
    MARKER_PIXELS,
    RESPONSE_TIMEOUT_MS,
    open_page,
    wait_for_colours,
    wait_for_markers,
    wait_until_idle,
    watch_errors,
)
from tests.explorer_expected import read_organisations
from tests.support.server import StreamlitServer

# Vega's drawing surface (canvas or SVG, both get the class): its box is the map area, pixel for pixel.
STATIC_MAP = ".st-key-fallback_map .marks"
VEGA_TOOLTIP = "#vg-tooltip-element"
DISPLAY_STATIC_MAP = ".st-key-display_static_map img"
# Marker colours the static map draws for every kind shown at the region's scale.
CITY = {"city": theme.ORG_TYPE_COLOURS["city"], "national": theme.ORG_TYPE_COLOURS["national_ministry"]}


@pytest.fixture
def page_without_webgl(browser_without_webgl: Any) -> Iterator[Any]:
    context = browser_without_webgl.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.errors = watch_errors(page)
    yield page
    context.close()


def test_this_browser_really_has_no_webgl(page_without_webgl: Any, app: StreamlitServer) -> None:
    page_without_webgl.goto(f"{app.url}/about", timeout=LOAD_TIMEOUT_MS)
    contexts = page_without_webgl.evaluate(
        "() => { const c = document.createElement('canvas'); return [c.getContext('webgl2'), c.getContext('webgl')]; }"
    )
    assert contexts == [None, None]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_explorer_without_webgl_shows_the_files_map_and_says_why(
    page_without_webgl: Any, app: StreamlitServer, lang: Lang
) -> None:
    open_page(page_without_webgl, app, f"/?lang={lang}")
    image = page_without_webgl.locator(STATIC_MAP)
    image.wait_for(timeout=LOAD_TIMEOUT_MS)
    counts = wait_for_colours(page_without_webgl, STATIC_MAP, CITY)
    assert counts["city"] >= MARKER_PIXELS, counts
    assert t("export.no_webgl", lang) in page_without_webgl.locator("body").inner_text()
    assert page_without_webgl.locator(CHART).count() == 0


# The page's first run sends the live map before the probe has reported (the server cannot know sooner), and
# deck.gl in a browser without WebGL says so once; the probe's report replaces it within the same load.
FIRST_RUN_DECK = "Failed to create WebGL context"


def _markers_on_screen(box: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Where the explorer's opening camera (the whole region, framed for the widest fixed camera width that
    fits this chart) puts each marker on the page, by the Web Mercator projection of each organisation's
    drawn position."""
    organisations = load_dataset().organisations
    viewport = Viewport(box["width"], box["height"])
    view = region_view(organisations, Viewport(camera_width(box["width"]), box["height"]))
    positions = draw_positions(organisations)
    ids = organisations.loc[positions.index, "id"]
    return {
        org_id: (box["x"] + x, box["y"] + y)
        for org_id, lon, lat in zip(ids, positions["draw_lon"], positions["draw_lat"], strict=True)
        for x, y in [project(float(lon), float(lat), view, viewport)]
    }


def _clear_of(point: tuple[float, float], markers: list[tuple[float, float]]) -> float:
    """The distance from `point` to the nearest of `markers`."""
    return min(((point[0] - x) ** 2 + (point[1] - y) ** 2) ** 0.5 for x, y in markers)


def test_explorer_without_webgl_shows_the_hover_card_and_a_click_opens_the_details(
    page_without_webgl: Any, app: StreamlitServer
) -> None:
    page = page_without_webgl
    name = read_organisations().set_index("id").at["mn-ulaanbaatar", "name_en"]
    open_page(page, app, "/?lang=en")
    chart = page.locator(STATIC_MAP)
    chart.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_idle(page)
    assert [error for error in page.errors.unexpected() if FIRST_RUN_DECK not in error] == []
    loaded = len(page.errors.unexpected())
    assert t("export.no_webgl", "en") in page.locator("body").inner_text()
    box = chart.bounding_box()
    markers = _markers_on_screen(box)
    x, y = markers.pop("mn-ulaanbaatar")
    # Alone where it is drawn: the pointer can only be over this marker.
    assert _clear_of((x, y), list(markers.values())) > 3 * theme.PROPOSER_RADIUS_PX

    page.mouse.move(x, y)
    tooltip = page.locator(VEGA_TOOLTIP)
    tooltip.wait_for(state="visible", timeout=RESPONSE_TIMEOUT_MS)
    card = tooltip.inner_text()
    assert name in card and "Type:" in card and "Target:" in card, card

    page.mouse.click(x, y)
    page.wait_for_function(
        "() => location.search.includes('org=mn-ulaanbaatar')", timeout=RESPONSE_TIMEOUT_MS
    )
    wait_until_idle(page)
    assert name in page.locator(".st-key-details").inner_text()

    # A click on empty map (the chart's top-left corner: sea or land, no marker near) closes the details.
    corner = (box["x"] + 8, box["y"] + 8)
    assert _clear_of(corner, [(x, y), *markers.values()]) > 3 * theme.PROPOSER_RADIUS_PX
    page.mouse.move(*corner)
    tooltip.wait_for(state="hidden", timeout=RESPONSE_TIMEOUT_MS)  # only markers have a card
    page.mouse.click(*corner)
    page.wait_for_function("() => !location.search.includes('org=')", timeout=RESPONSE_TIMEOUT_MS)
    wait_until_idle(page)
    assert page.locator(".st-key-details").count() == 0
    assert page.locator(CHART).count() == 0
    assert page.errors.unexpected()[loaded:] == []


def test_display_without_webgl_shows_the_static_map_and_says_why(
    page_without_webgl: Any, app: StreamlitServer
) -> None:
    open_page(page_without_webgl, app, "/display?interval=600")
    page_without_webgl.locator(DISPLAY_STATIC_MAP).wait_for(timeout=LOAD_TIMEOUT_MS)
    # Japan first: the spotlight's static map has its city marker (Yokohama).
    counts = wait_for_colours(
        page_without_webgl, DISPLAY_STATIC_MAP, {"city": theme.ORG_TYPE_COLOURS["city"]}
    )
    assert counts["city"] >= MARKER_PIXELS, counts
    assert t("export.no_webgl", "en") in page_without_webgl.locator("body").inner_text()


def test_a_browser_with_webgl_still_gets_the_live_map(page: Any, app: StreamlitServer) -> None:
    open_page(page, app, "/")
    wait_for_markers(page)
    assert page.locator(STATIC_MAP).count() == 0
    assert t("export.no_webgl", "en") not in page.locator("body").inner_text()
