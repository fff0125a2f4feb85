"""Without WebGL the explorer and the display show the static map with one line saying why; with it, the live map.

The browser itself says whether it can draw WebGL (the map probe component); Chromium started with
`--disable-webgl --disable-3d-apis` cannot, as on venue PCs and virtual desktops without a GPU.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from signatories import theme
from signatories.i18n import Lang, t
from tests.browser.helpers import (
    CHART,
    LOAD_TIMEOUT_MS,
    MARKER_PIXELS,
    open_page,
    wait_for_colours,
    wait_for_markers,
    watch_errors,
)
from tests.support.server import StreamlitServer

STATIC_MAP = ".st-key-static_map img"
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
def test_explorer_without_webgl_shows_the_static_map_and_says_why(
    page_without_webgl: Any, app: StreamlitServer, lang: Lang
) -> None:
    open_page(page_without_webgl, app, f"/?lang={lang}")
    image = page_without_webgl.locator(STATIC_MAP)
    image.wait_for(timeout=LOAD_TIMEOUT_MS)
    counts = wait_for_colours(page_without_webgl, STATIC_MAP, CITY)
    assert counts["city"] >= MARKER_PIXELS, counts
    assert t("export.no_webgl", lang) in page_without_webgl.locator("body").inner_text()
    assert page_without_webgl.locator(CHART).count() == 0


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
