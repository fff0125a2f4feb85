"""The explorer in a real browser: what AppTest cannot do — draw the map offline, click and tap a marker."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.helpers import (
    RESPONSE_TIMEOUT_MS,
    YOKOHAMA,
    marker_on_screen,
    open_explorer,
    start_view,
    wait_until_pickable,
)
from tests.support.server import StreamlitServer


def selected_org(page: object) -> list[str]:
    return parse_qs(urlsplit(page.url).query).get("org", [])  # type: ignore[attr-defined]


def test_offline_map_makes_no_outside_request(page: object, app: StreamlitServer) -> None:
    outside: list[str] = []
    page.on(  # type: ignore[attr-defined]
        "request", lambda request: outside.append(request.url) if "127.0.0.1" not in request.url else None
    )
    open_explorer(page, app, "")
    assert outside == []
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_clicking_a_marker_opens_its_details(page: object, app: StreamlitServer) -> None:
    open_explorer(page, app, "")
    x, y = marker_on_screen(page, start_view(page), *YOKOHAMA)
    wait_until_pickable(page, x, y, "City of Yokohama")
    page.mouse.click(x, y)  # type: ignore[attr-defined]
    page.wait_for_selector(".st-key-details h2", timeout=RESPONSE_TIMEOUT_MS)  # type: ignore[attr-defined]
    assert "City of Yokohama" in page.locator(".st-key-details").inner_text()  # type: ignore[attr-defined]
    page.wait_for_function("() => location.search.includes('org=')", timeout=RESPONSE_TIMEOUT_MS)  # type: ignore[attr-defined]
    assert selected_org(page) == ["jp-yokohama"]


def test_tapping_a_marker_on_a_touch_screen_opens_its_details(browser: object, app: StreamlitServer) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, has_touch=True)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        open_explorer(page, app, "lang=ja")
        x, y = marker_on_screen(page, start_view(page), *YOKOHAMA)
        wait_until_pickable(page, x, y, "横浜市")
        page.touchscreen.tap(x, y)
        page.wait_for_selector(".st-key-details h2", timeout=RESPONSE_TIMEOUT_MS)
        assert "横浜市" in page.locator(".st-key-details").inner_text()
    finally:
        context.close()
