"""The explorer on a phone, and every page at phone width: the map in the first screen under a short title,
no sideways scrolling, the filters one tap away and saying how many are active, a tap that opens the details
with the hover card on screen; and the keyboard alone reaching and opening any organisation in the table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from signatories.map.camera import MapView
from tests.browser.helpers import (
    CHART,
    LOAD_TIMEOUT_MS,
    RESPONSE_TIMEOUT_MS,
    TOOLTIP,
    marker_on_screen,
    open_explorer,
    wait_until_idle,
    wait_until_pickable,
)
from tests.support.server import StreamlitServer

PHONES = {"390x844": (390, 844), "360x740": (360, 740)}
# The bar: this much of the map inside the first screen, without scrolling.
MAP_IN_FIRST_SCREEN_PX = 300
# Five figures in one or two compact lines.
METRICS_MAX_HEIGHT_PX = 140
OPEN_FILTERS = '[data-testid="stExpandSidebarButton"]'


@pytest.fixture(params=list(PHONES))
def phone(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    width, height = PHONES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_map_fills_the_first_screen(phone: Any, app: StreamlitServer, lang: str) -> None:
    open_explorer(phone, app, f"lang={lang}")
    screen_height = phone.viewport_size["height"]
    chart = phone.locator(CHART).bounding_box()
    visible = min(chart["y"] + chart["height"], screen_height) - chart["y"]
    assert visible >= MAP_IN_FIRST_SCREEN_PX, chart
    metrics = phone.locator(".st-key-explorer_metrics").bounding_box()
    assert metrics["height"] <= METRICS_MAX_HEIGHT_PX, metrics
    assert no_sideways_scroll(phone)


@pytest.mark.parametrize("path", ["/?country=PH&org=ph-cebu", "/coverage", "/data?lang=ja", "/about"])
def test_no_page_scrolls_sideways_at_360_px(browser: Any, app: StreamlitServer, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{app.url}{path}", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_selector("h1", timeout=LOAD_TIMEOUT_MS)
        wait_until_idle(page)
        assert no_sideways_scroll(page)
    finally:
        context.close()


def test_the_filters_are_one_tap_away_and_say_how_many_are_active(phone: Any, app: StreamlitServer) -> None:
    open_explorer(phone, app, "country=PH&type=city")
    button = phone.locator(OPEN_FILTERS)
    phone.wait_for_function(
        "(selector) => document.querySelector(selector)?.getAttribute('aria-label') === 'Filters (2 active)'",
        arg=OPEN_FILTERS,
        timeout=RESPONSE_TIMEOUT_MS,
    )
    assert "Filters (2 active)" in button.inner_text() + str(
        button.evaluate("b => getComputedStyle(b, '::after').content")
    )
    button.tap()
    country = phone.locator(".st-key-filter_countries")
    country.wait_for(state="visible", timeout=RESPONSE_TIMEOUT_MS)
    assert "Philippines" in country.inner_text()


# Iloilo framed close, so that its marker is far from every other on a phone's map.
CLOSE_VIEW = MapView(10.7, 122.6, 8.0)
ILOILO = (122.56444, 10.69694)


def test_a_tap_shows_the_details_and_the_hover_card_stays_on_screen(phone: Any, app: StreamlitServer) -> None:
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    open_explorer(phone, app, "country=PH&view=10.7,122.6,8")
    x, y = marker_on_screen(phone, CLOSE_VIEW, *ILOILO)
    wait_until_pickable(phone, x, y, "Iloilo")
    card = phone.locator(TOOLTIP).first.bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= phone.viewport_size["width"], card
    phone.touchscreen.tap(x, y)
    phone.wait_for_selector(".st-key-details h2", timeout=RESPONSE_TIMEOUT_MS)
    assert "City Government of Iloilo" in phone.locator(".st-key-details").inner_text()
    # The page moves to the card, and the map's lower part stays in sight above it.
    phone.wait_for_function(
        "() => { const top = document.querySelector('.st-key-details').getBoundingClientRect().top;"
        " return top > 0 && top < window.innerHeight; }",
        timeout=RESPONSE_TIMEOUT_MS,
    )
    chart = phone.locator(CHART).bounding_box()
    assert chart["y"] + chart["height"] > 0
    assert errors == []


def test_the_keyboard_alone_opens_any_organisation(page: Any, app: StreamlitServer) -> None:
    open_explorer(page, app, "country=PH")
    # Tab through the page until the focus is in the table's grid (its toolbar buttons come first).
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate(
            "() => document.activeElement.closest('.st-key-table') !== null"
            " && document.activeElement.closest('[data-testid=stElementToolbar]') === null"
        ):
            break
    else:
        raise AssertionError("the table cannot be reached with Tab")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+Space")
    page.wait_for_function("() => location.search.includes('org=')", timeout=RESPONSE_TIMEOUT_MS)
    wait_until_idle(page)
    # The fourth Philippine row in the data's order: Baguio (after DHSUD, DOST and TIEZA).
    assert "org=ph-baguio" in page.url
    assert "City Government of Baguio" in page.locator(".st-key-details").inner_text()


SCROLL_AREA_JS = """() => {
  let area = document.querySelector('.st-key-explorer_map');
  while (area && !(area.scrollHeight > area.clientHeight && /auto|scroll/.test(getComputedStyle(area).overflowY))) {
    area = area.parentElement;
  }
  return area ? area.scrollTop : -1;
}"""


def swipe(page: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A one-finger swipe, as the phone's touch screen sends it (Playwright itself only taps)."""
    session = page.context.new_cdp_session(page)
    steps = 10
    session.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start[0], "y": start[1]}]}
    )
    for step in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * step / steps
        y = start[1] + (end[1] - start[1]) * step / steps
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        page.wait_for_timeout(30)
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(1000)


def test_a_vertical_swipe_on_the_map_scrolls_the_page_and_a_sideways_one_pans_the_map(
    phone: Any, app: StreamlitServer
) -> None:
    open_explorer(phone, app, "lang=en")
    box = phone.locator(CHART).bounding_box()
    middle_x, top, bottom = (
        box["x"] + box["width"] / 2,
        box["y"] + box["height"] * 0.2,
        box["y"] + box["height"] * 0.8,
    )
    before = phone.evaluate(SCROLL_AREA_JS)
    swipe(phone, (middle_x, bottom), (middle_x, top))
    scrolled = phone.evaluate(SCROLL_AREA_JS)
    assert scrolled > before, (before, scrolled)

    box = phone.locator(CHART).bounding_box()
    middle_y = box["y"] + box["height"] / 2
    map_before = phone.locator(CHART).screenshot()
    swipe(phone, (box["x"] + box["width"] * 0.8, middle_y), (box["x"] + box["width"] * 0.2, middle_y))
    assert phone.evaluate(SCROLL_AREA_JS) == scrolled
    assert phone.locator(CHART).screenshot() != map_before  # the map moved under the finger
