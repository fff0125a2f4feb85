"""The conference screen at the sizes venues use, in a real browser: one screen with nothing to scroll, the
map and the spotlight's list inside it, no text cut, and a QR code that a phone in the room can open.

The test server listens on 127.0.0.1 and no public link is set, as when the screen is started on the machine
that shows it: the QR code must then carry the machine's network address (Streamlit's "Network URL"), with
the screen's language. A phone opening /display gets the headline and the link, no sideways scrolling.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image

from signatories.ui import page as page_module
from tests.browser.helpers import (
    LOAD_TIMEOUT_MS,
    SPOTLIGHT,
    open_page,
    screen_link,
    wait_for_markers,
    wait_until_idle,
)
from tests.support.server import StreamlitServer, running_server

QR_IMAGE = ".st-key-display_qr img"
QR_LINK = ".st-key-display_qr a"
# WCAG AA for body text.
MIN_CONTRAST = 4.5
SCREENS = [
    pytest.param(1280, 720, "en", id="1280x720"),
    pytest.param(1920, 1080, "ja", id="1920x1080-ja"),
    pytest.param(3840, 2160, "en", id="3840x2160"),
    pytest.param(1080, 1920, "ja", id="portrait-1080x1920-ja"),
]
PHONES = [pytest.param(390, 844, "en", id="390x844"), pytest.param(360, 740, "ja", id="360x740-ja")]
# The page opened at each size: (width, height, language, is a phone).
ON_SCREENS = pytest.mark.parametrize(
    "opened", [(*p.values, False) for p in SCREENS], ids=[p.id for p in SCREENS], indirect=True
)
ON_PHONES = pytest.mark.parametrize(
    "opened", [(*p.values, True) for p in PHONES], ids=[p.id for p in PHONES], indirect=True
)

# Everything that could scroll or be cut, measured in the page.
_LAYOUT_JS = """() => {
  const box = (element) => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const one = (selector) => { const e = document.querySelector(selector); return e ? box(e) : null; };
  const scrolling = [...document.querySelectorAll('*')]
    .filter((e) => e.scrollHeight > e.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
    .map((e) => `${e.dataset.testid || e.tagName}: ${e.scrollHeight} > ${e.clientHeight}`);
  const texts = '.stApp h1, .stApp h2, .stApp h3, .stApp p, [data-testid="stMetricLabel"] div, [data-testid="stMetricValue"] div';
  const cut = [...document.querySelectorAll(texts)]
    .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
    .map((e) => e.textContent.slice(0, 40));
  const list = document.querySelector('[class*="st-key-display_list"]');
  const items = list ? [...list.querySelectorAll('p')].map(box) : [];
  return {
    documentHeight: document.documentElement.scrollHeight, documentWidth: document.documentElement.scrollWidth,
    width: innerWidth, height: innerHeight, scrolling, cut,
    map: one('[data-testid="stDeckGlJsonChart"] canvas'), list: list ? box(list) : null, items,
    qr: one('.st-key-display_qr img'), footer: one('.st-key-display_footer'),
  };
}"""


@pytest.fixture(scope="module")
def server(browser_available: None) -> Iterator[StreamlitServer]:
    # As on a venue's machine with nothing configured: the link must come from the machine itself.
    environment = {page_module.PUBLIC_URL_ENV: ""}
    with running_server(extra_env=environment) as started:
        yield started


@pytest.fixture
def opened(browser: Any, server: StreamlitServer, request: pytest.FixtureRequest) -> Iterator[Any]:
    width, height, lang, mobile = request.param
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile
    )
    try:
        page = context.new_page()
        open_page(page, server, f"/display?interval=600&lang={lang}")
        page.locator(SPOTLIGHT).wait_for(timeout=LOAD_TIMEOUT_MS)
        if not mobile:
            wait_for_markers(page)
        wait_until_idle(page)
        yield page
    finally:
        context.close()


def screen_lang(page: Any) -> str:
    return "ja" if "lang=ja" in page.url else "en"


def screen_height(width: int, height: int) -> float:
    """The height the stylesheet sizes from: the viewport's, or a 16:9 screen's of the same width if less."""
    return min(height, width * 9 / 16)


def inside(box: list[float], width: int, height: int) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width + 0.5 and bottom <= height + 0.5


def luminance(colour: str) -> float:
    """WCAG relative luminance of a computed CSS colour, "rgb(r, g, b)"."""
    channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_luminance_of_known_colours() -> None:
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21.0)
    # Streamlit's link blue on the display's ground, the 2.5:1 the screen used to print its address in.
    assert contrast("rgb(36, 79, 180)", "rgb(14, 17, 23)") == pytest.approx(2.5, abs=0.1)


@ON_SCREENS
def test_the_screen_fits_without_scrolling_or_cutting(opened: Any) -> None:
    layout = opened.evaluate(_LAYOUT_JS)
    width, height = layout["width"], layout["height"]
    assert layout["documentHeight"] <= height
    assert layout["documentWidth"] <= width
    assert layout["scrolling"] == []
    assert layout["cut"] == []
    assert inside(layout["map"], width, height), layout["map"]
    assert inside(layout["list"], width, height), layout["list"]
    assert inside(layout["qr"], width, height), layout["qr"]
    assert inside(layout["footer"], width, height), layout["footer"]
    assert layout["items"] and all(inside(item, width, height) for item in layout["items"])
    # The map fills most of the screen's height, not a fixed strip.
    assert layout["map"][3] - layout["map"][1] >= 0.5 * screen_height(width, height)


@ON_SCREENS
def test_the_qr_code_scans_to_the_machines_network_address_in_the_screens_language(
    opened: Any, server: StreamlitServer
) -> None:
    import zxingcpp  # the decoder, from requirements-dev.txt

    lang = screen_lang(opened)
    opened.wait_for_function(
        "(s) => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0; }",
        arg=QR_IMAGE,
        timeout=LOAD_TIMEOUT_MS,
    )
    shot = Image.open(io.BytesIO(opened.locator(QR_IMAGE).screenshot(animations="disabled")))
    decoded = [result.text for result in zxingcpp.read_barcodes(shot)]
    assert decoded == [screen_link(server, lang)]
    host = urlsplit(decoded[0]).hostname or ""
    assert host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127.")
    # The QR code grows with the screen: a fifth of a 16:9 screen's height or so, never a thumbnail.
    side = opened.locator(QR_IMAGE).bounding_box()["width"]
    assert side >= 0.15 * screen_height(opened.viewport_size["width"], opened.viewport_size["height"])


@ON_SCREENS
def test_the_printed_address_is_the_link_and_readable(opened: Any, server: StreamlitServer) -> None:
    lang = screen_lang(opened)
    link = opened.locator(QR_LINK)
    assert link.inner_text() == screen_link(server, lang)
    colour = link.evaluate("(e) => getComputedStyle(e).color")
    ground = opened.evaluate("() => getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert contrast(colour, ground) >= MIN_CONTRAST
    # From two metres: at least 2 % of the screen's height (about 1.3 cm on a 27-inch screen).
    font_px = float(link.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)"))
    assert font_px >= 0.02 * screen_height(opened.viewport_size["width"], opened.viewport_size["height"])


@ON_PHONES
def test_a_phone_gets_the_headline_and_the_link_without_sideways_scrolling(
    opened: Any, server: StreamlitServer
) -> None:
    lang = screen_lang(opened)
    layout = opened.evaluate(_LAYOUT_JS)
    assert layout["documentWidth"] <= layout["width"]
    assert layout["cut"] == []
    assert opened.locator('[data-testid="stMetricValue"]').first.is_visible()
    link = opened.locator(QR_LINK)
    assert link.is_visible() and link.get_attribute("href") == screen_link(server, lang)
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= layout["width"]
    # The room's map and QR code are not squeezed onto the phone.
    assert not opened.locator('[data-testid="stDeckGlJsonChart"]').first.is_visible()
    assert not opened.locator(QR_IMAGE).first.is_visible()
