"""The conference screen in a real browser: the spotlight moves on to the next country by itself, the QR
code on screen scans to the app's address, and after the server is stopped and started again the same
page (never reloaded) reconnects and keeps rotating.

The server is this module's own, since the restart test stops it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
import segno
from PIL import Image

from signatories import display, theme
from signatories.paths import DATA_DIR
from tests.browser import helpers
from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    SPOTLIGHT,
    open_page,
    screen_link,
    wait_for_markers,
    watch_errors,
)
from tests.support.images import grey_level
from tests.support.server import StreamlitServer, running_server

DIALOG = '[role="dialog"]'
QR_IMAGE = ".st-key-display_qr img"
INTERVAL_S = display.INTERVAL_MIN_S
# A few intervals: a rotation is a server rerun plus a new map on software WebGL, slow on a busy machine.
ROTATION_TIMEOUT_MS = 12 * INTERVAL_S * 1000
RECONNECT_TIMEOUT_MS = 60_000

_CONNECTION_JS = "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testConnectionState"


@pytest.fixture(scope="module")
def rotation() -> list[str]:
    """Country names (English) in the order the screen shows them: first signatory's order in the CSV."""
    organisations = pd.read_csv(DATA_DIR / "organisations.csv", keep_default_na=False)
    names = pd.read_csv(DATA_DIR / "countries.csv", keep_default_na=False).set_index("code")["name_en"]
    return [str(names[code]) for code in dict.fromkeys(organisations["country"])]


@pytest.fixture(scope="module")
def screen_server(browser_available: None) -> Iterator[StreamlitServer]:
    with running_server() as server:
        yield server


@pytest.fixture(scope="module")
def screen(browser: Any, screen_server: StreamlitServer) -> Iterator[Any]:
    """One screen for the module, as at a venue: opened once, then left alone (the restart test is last)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.errors = watch_errors(page)
    open_page(page, screen_server, f"/display?interval={INTERVAL_S}")
    page.locator(SPOTLIGHT).wait_for(timeout=LOAD_TIMEOUT_MS)
    yield page
    context.close()


def next_spotlight(page: Any, previous: str) -> str:
    return helpers.next_spotlight(page, previous, ROTATION_TIMEOUT_MS)


def test_the_spotlight_moves_to_the_next_country(screen: Any, rotation: list[str]) -> None:
    first = screen.locator(SPOTLIGHT).inner_text()
    assert first in rotation
    second = next_spotlight(screen, first)
    assert second == rotation[(rotation.index(first) + 1) % len(rotation)]
    third = next_spotlight(screen, second)
    assert third == rotation[(rotation.index(second) + 1) % len(rotation)]
    assert screen.locator(EXCEPTION).count() == 0
    assert screen.errors.unexpected() == []


def test_the_qr_code_on_screen_is_the_apps_address(screen: Any, screen_server: StreamlitServer) -> None:
    image = screen.locator(QR_IMAGE).first
    image.wait_for(timeout=LOAD_TIMEOUT_MS)
    screen.wait_for_function(
        "(selector) => { const i = document.querySelector(selector); return i && i.complete && i.naturalWidth > 0; }",
        arg=QR_IMAGE,
        timeout=LOAD_TIMEOUT_MS,
    )
    # With no public URL configured and the browser on loopback, the code carries the machine's network
    # address, never 127.0.0.1, with the screen's language.
    link = screen_link(screen_server, "en")
    assert link in screen.locator(".st-key-display_qr").inner_text()

    # The image the browser received, module by module, is the QR code of that link.
    picture = received_qr(screen, screen_server)
    matrix = segno.make(link, error="h", micro=False, boost_error=False).matrix
    modules = len(matrix)
    side = modules + 2 * theme.QR_QUIET_ZONE_MODULES
    assert picture.size[0] == picture.size[1]
    module_px = picture.size[0] / side
    drawn = [
        [
            grey_level(
                picture,
                int((column + theme.QR_QUIET_ZONE_MODULES + 0.5) * module_px),
                int((row + theme.QR_QUIET_ZONE_MODULES + 0.5) * module_px),
            )
            < 128
            for column in range(modules)
        ]
        for row in range(modules)
    ]
    assert drawn == [[bool(module) for module in row] for row in matrix]


def received_qr(screen: Any, server: StreamlitServer) -> Image.Image:
    """The QR image as the browser received it from the server, in grey levels."""
    source = screen.locator(QR_IMAGE).first.get_attribute("src")
    received = screen.request.get(source if source.startswith("http") else f"{server.url}{source}")
    assert received.ok
    return Image.open(io.BytesIO(received.body())).convert("L")


def test_the_qr_code_as_drawn_on_screen_scans(screen: Any, screen_server: StreamlitServer) -> None:
    import zxingcpp  # the decoder, from requirements-dev.txt

    image = screen.locator(QR_IMAGE).first
    image.wait_for(timeout=LOAD_TIMEOUT_MS)
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))
    assert [result.text for result in results] == [screen_link(screen_server, "en")]


def test_the_screen_recovers_by_itself_after_a_server_restart(
    screen: Any, screen_server: StreamlitServer, rotation: list[str]
) -> None:
    # The map is drawn before the outage, as on a screen that has been running for a while.
    wait_for_markers(screen, CHART)
    next_spotlight(screen, screen.locator(SPOTLIGHT).inner_text())
    # A mark on the page's window: a reload would lose it.
    screen.evaluate("() => { window.__neverReloaded = true; }")

    screen_server.stop()
    screen.wait_for_function(f"() => ({_CONNECTION_JS})() !== 'CONNECTED'", timeout=RECONNECT_TIMEOUT_MS)
    screen_server.start()
    screen.wait_for_function(f"() => ({_CONNECTION_JS})() === 'CONNECTED'", timeout=RECONNECT_TIMEOUT_MS)

    # A new session starts the rotation again and keeps it going: two more changes.
    shown = screen.locator(SPOTLIGHT).inner_text()
    after = next_spotlight(screen, shown)
    later = next_spotlight(screen, after)
    assert {after, later} <= set(rotation)
    assert rotation.index(later) == (rotation.index(after) + 1) % len(rotation)
    assert screen.evaluate("() => window.__neverReloaded === true")
    assert screen.locator(EXCEPTION).count() == 0
    # Nothing covers the screen after the restart (the reconnected page is the new server's first session).
    assert screen.locator(DIALOG).count() == 0
    wait_for_markers(screen, CHART)
    # The outage itself logs connection errors; after it, the page must have made no other kind of error.
    assert screen.errors.uncaught == []


def test_a_fresh_server_opens_the_screen_without_a_dialog(browser: Any) -> None:
    """A venue's morning: the server starts, the kiosk browser opens /display, nobody is there to click."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        with running_server() as server:
            page = context.new_page()
            errors = watch_errors(page)
            open_page(page, server, f"/display?interval={display.INTERVAL_DEFAULT_S}")
            page.locator(SPOTLIGHT).wait_for(timeout=LOAD_TIMEOUT_MS)
            assert page.locator(DIALOG).count() == 0
            assert errors.unexpected() == []
    finally:
        context.close()
