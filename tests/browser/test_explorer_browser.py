"""The explorer in a real browser: what AppTest cannot do — draw the map offline, click and tap a marker.

Marker positions on screen come from the same Web Mercator formulas deck.gl uses, applied to the view
the page starts with and the chart's size in the page.
"""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlsplit

import pytest

from signatories import load_dataset
from signatories.deck import MapView, region_view
from tests.support.server import StreamlitServer

CHART = '[data-testid="stDeckGlJsonChart"]'
LOAD_TIMEOUT_MS = 90_000
# deck.gl draws and Streamlit reruns after a click in their own time; on a busy machine that is seconds.
RESPONSE_TIMEOUT_MS = 30_000
# Yokohama, the larger proposer marker, at its seat (lon, lat).
YOKOHAMA = (139.65, 35.43333)


@pytest.fixture(scope="module")
def start_view() -> MapView:
    return region_view(load_dataset().organisations)


def marker_on_screen(page: object, view: MapView, lon: float, lat: float) -> tuple[float, float]:
    """Page coordinates of a seat on the chart, by deck.gl's Web Mercator projection."""
    box = page.locator(CHART).bounding_box()  # type: ignore[attr-defined]
    world = 512 * 2**view.zoom

    def mercator(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    x = box["width"] / 2 + (lon - view.longitude) / 360 * world
    y = box["height"] / 2 - (mercator(lat) - mercator(view.latitude)) / (2 * math.pi) * world
    return box["x"] + x, box["y"] + y


def open_explorer(page: object, app: StreamlitServer, query: str) -> None:
    page.goto(f"{app.url}/?{query}", timeout=LOAD_TIMEOUT_MS)  # type: ignore[attr-defined]
    page.wait_for_selector(f"{CHART} canvas", timeout=LOAD_TIMEOUT_MS)  # type: ignore[attr-defined]
    # The first frames are drawn asynchronously after the canvas exists.
    page.wait_for_timeout(2_000)  # type: ignore[attr-defined]


def wait_until_pickable(page: object, x: float, y: float, name: str) -> None:
    """Hover the marker until deck.gl's tooltip names it: only then does a click reach the marker."""
    deadline_ms = RESPONSE_TIMEOUT_MS
    step_ms = 500
    tooltip = page.locator(".deck-tooltip")  # type: ignore[attr-defined]
    for waited in range(0, deadline_ms, step_ms):
        # A one-pixel wiggle, because deck.gl picks on pointer moves, not on a pointer at rest.
        page.mouse.move(x + (waited // step_ms) % 2, y)  # type: ignore[attr-defined]
        page.wait_for_timeout(step_ms)  # type: ignore[attr-defined]
        if tooltip.count() and name in tooltip.first.inner_text():
            return
    raise AssertionError(f"no tooltip for {name} at ({x:.0f}, {y:.0f})")


def selected_org(page: object) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("org", [])  # type: ignore[attr-defined]


def test_offline_map_makes_no_outside_request(page: object, app: StreamlitServer) -> None:
    outside: list[str] = []
    page.on(  # type: ignore[attr-defined]
        "request", lambda request: outside.append(request.url) if "127.0.0.1" not in request.url else None
    )
    open_explorer(page, app, "tiles=0")
    assert outside == []
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_clicking_a_marker_opens_its_details(page: object, app: StreamlitServer, start_view: MapView) -> None:
    open_explorer(page, app, "tiles=0")
    x, y = marker_on_screen(page, start_view, *YOKOHAMA)
    wait_until_pickable(page, x, y, "City of Yokohama")
    page.mouse.click(x, y)  # type: ignore[attr-defined]
    page.wait_for_selector(".st-key-details h3", timeout=RESPONSE_TIMEOUT_MS)  # type: ignore[attr-defined]
    assert "City of Yokohama" in page.locator(".st-key-details").inner_text()  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('org=')", timeout=RESPONSE_TIMEOUT_MS)  # type: ignore[attr-defined]
    assert selected_org(page) == ["jp-yokohama"]


def test_tapping_a_marker_on_a_touch_screen_opens_its_details(
    browser: object, app: StreamlitServer, start_view: MapView
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, has_touch=True)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        open_explorer(page, app, "tiles=0&lang=ja")
        x, y = marker_on_screen(page, start_view, *YOKOHAMA)
        wait_until_pickable(page, x, y, "横浜市")
        page.touchscreen.tap(x, y)
        page.wait_for_selector(".st-key-details h3", timeout=RESPONSE_TIMEOUT_MS)
        assert "横浜市" in page.locator(".st-key-details").inner_text()
    finally:
        context.close()
