"""What the real-browser tests, the screenshots script and the app benchmarks share: selectors, bounded waits,
the map's on-screen geometry, pixel counts of theme colours, and the browser errors that count as failures.

Marker positions on screen come from the same Web Mercator formulas deck.gl uses, applied to the view the
page starts with and the chart's size in the page.
"""

from __future__ import annotations

import asyncio
import inspect
import io
import math
import re
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

import numpy as np
from PIL import Image
from streamlit import net_util

from signatories import theme
from signatories.map.camera import MapView
from tests.support.server import StreamlitServer

T = TypeVar("T")

CHART: Final = '[data-testid="stDeckGlJsonChart"]'
EXCEPTION: Final = '[data-testid="stException"]'
TOOLTIP: Final = ".deck-tooltip"
# A first page load on a busy 2-core CI machine takes tens of seconds (server run, deck.gl on software WebGL).
LOAD_TIMEOUT_MS: Final = 90_000
# deck.gl draws and Streamlit reruns after a click in their own time; on a busy machine that is seconds.
RESPONSE_TIMEOUT_MS: Final = 30_000
# How often a wait looks at the page again.
POLL_MS: Final = 250
# Yokohama, the larger proposer marker, at its seat (lon, lat).
YOKOHAMA: Final = (139.65, 35.43333)
# Pixels of one colour that make a marker: a marker of theme.MARKER_RADIUS_PX covers ~150.
MARKER_PIXELS: Final = 20
# Channel difference still read as the same colour (software WebGL rounds blends by one or two).
COLOUR_TOLERANCE: Final = 2

# The display screen's spotlight: the country on show, which changes every interval.
SPOTLIGHT: Final = ".st-key-display_country h1"
# Resolves with the spotlight's text once it differs from `previous` (polled by the page on each frame).
_NEXT_SPOTLIGHT_JS: Final = """(previous) => {
  const heading = document.querySelector('.st-key-display_country h1');
  return heading !== null && heading.innerText !== previous ? heading.innerText : false;
}"""

# Streamlit's own script state on the app root: "notRunning" once a run has finished and nothing is queued.
IDLE_JS: Final = """() => {
  const root = document.querySelector('[data-testid="stApp"]');
  return root !== null && root.dataset.testScriptState === 'notRunning'
    && root.dataset.testConnectionState === 'CONNECTED';
}"""

# Opened directly, a page other than the main one makes Streamlit's frontend probe two possible base paths:
# `/<page>/_stcore/health` and `/<page>/_stcore/host-config` answer 404 before `/_stcore/...` answers.
# Upstream calls it expected (streamlit/streamlit#7074); the app cannot avoid it, so only these are allowed.
_BASE_PATH_PROBE: Final = re.compile(r"^https?://[^/]+/[^/?#]+/_stcore/(health|host-config)$")
_RESOURCE_404: Final = "Failed to load resource: the server responded with a status of 404 (Not Found)"


def is_base_path_probe(url: str) -> bool:
    return _BASE_PATH_PROBE.match(url) is not None


@dataclass
class BrowserErrors:
    """Everything a page reported as going wrong: console errors, uncaught errors, failed or 4xx/5xx answers."""

    console: list[str] = field(default_factory=list)
    uncaught: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    # Dismissals still running under the async API, kept so that they are not garbage-collected early.
    pending: set[Any] = field(default_factory=set, repr=False)

    def unexpected(self) -> list[str]:
        """Every error except Streamlit's base-path probes of a directly opened page (and their console lines)."""
        probes = [answer for answer in self.responses if is_base_path_probe(answer.split(" ", 1)[1])]
        allowed_console = len(probes)
        problems: list[str] = []
        for line in self.console:
            if allowed_console and line.startswith(_RESOURCE_404):
                allowed_console -= 1
                continue
            problems.append(f"console: {line}")
        problems += [f"uncaught: {error}" for error in self.uncaught]
        problems += [f"response: {answer}" for answer in self.responses if answer not in probes]
        problems += [f"dialog: {message}" for message in self.dialogs]
        return problems


def watch_errors(page: Any) -> BrowserErrors:
    """Start recording `page`'s errors; call before the first navigation. Dialogs (alert) are dismissed.

    Works with Playwright's sync and async pages alike: the listeners only append to lists.
    """
    errors = BrowserErrors()

    def on_console(message: Any) -> None:
        if message.type == "error":
            errors.console.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400:
            errors.responses.append(f"{response.status} {response.url}")

    def on_dialog(dialog: Any) -> None:
        errors.dialogs.append(f"{dialog.type}: {dialog.message}")
        dismissed = dialog.dismiss()
        if inspect.isawaitable(dismissed):  # Playwright's async API (the load check) returns a coroutine
            task = asyncio.ensure_future(dismissed)
            errors.pending.add(task)
            task.add_done_callback(errors.pending.discard)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.uncaught.append(str(error)))
    page.on("response", on_response)
    page.on("requestfailed", lambda request: errors.responses.append(f"failed {request.url}"))
    page.on("dialog", on_dialog)
    return errors


def wait_until_idle(page: Any, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Until the script run has finished and the page is connected."""
    page.wait_for_function(IDLE_JS, timeout=timeout_ms)


def open_page(page: Any, app: StreamlitServer, path: str, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Open `path` (e.g. "/coverage?lang=ja") and wait until its first run is drawn."""
    page.goto(f"{app.url}{path}", timeout=timeout_ms)
    page.wait_for_selector("h1", timeout=timeout_ms)
    wait_until_idle(page, timeout_ms)


def next_spotlight(page: Any, previous: str, timeout_ms: int) -> str:
    """The display's next country, once the spotlight has moved on from `previous`."""
    return str(page.wait_for_function(_NEXT_SPOTLIGHT_JS, arg=previous, timeout=timeout_ms).json_value())


def marker_colours() -> dict[str, str]:
    return dict(theme.ORG_TYPE_COLOURS)


def colour_counts(
    png: bytes, colours: Mapping[str, str], tolerance: int = COLOUR_TOLERANCE
) -> dict[str, int]:
    """How many pixels of the image are each named colour (hex), within `tolerance` per channel."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    counts = {}
    for name, colour in colours.items():
        target = np.array(theme.hex_to_rgb(colour), dtype=np.int16)
        counts[name] = int((np.abs(pixels - target) <= tolerance).all(axis=2).sum())
    return counts


def poll_until(
    page: Any, read: Callable[[], T], done: Callable[[T], bool], timeout_ms: int, failure: str
) -> T:
    """Read every `POLL_MS` until `done` holds of the reading, and return it; when `timeout_ms` runs out,
    raise AssertionError with `failure` and the last reading. The page draws in its own time (a rerun,
    deck.gl's animation frames), seconds later on a busy machine."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        reading = read()
        if done(reading):
            return reading
        if time.monotonic() > deadline:
            raise AssertionError(f"{failure} within {timeout_ms} ms: {reading}")
        page.wait_for_timeout(POLL_MS)


def _element_counts(element: Any, colours: Mapping[str, str], timeout_ms: int) -> dict[str, int] | None:
    """Colour counts of a screenshot of `element`, or None when a rerun replaced it mid-shot (then retry).

    The map probe's first report reruns the page once, and a rerun may mount the chart afresh.
    """
    from playwright.sync_api import Error

    try:
        return colour_counts(element.screenshot(timeout=timeout_ms), colours)
    except Error as error:
        if "not attached" in str(error):
            return None
        raise


def _wait_for_counts(
    page: Any,
    element: Any,
    colours: Mapping[str, str],
    done: Callable[[dict[str, int]], bool],
    timeout_ms: int,
    failure: str,
) -> dict[str, int]:
    """Screenshot `element` until `done` holds of its colour counts (a shot a rerun interrupted is retried)."""
    counts = poll_until(
        page,
        lambda: _element_counts(element, colours, timeout_ms),
        lambda counts: counts is not None and done(counts),
        timeout_ms,
        failure,
    )
    assert counts is not None  # a failed shot (None) is never done
    return counts


def wait_for_colours(
    page: Any,
    selector: str,
    colours: Mapping[str, str],
    *,
    least: int = MARKER_PIXELS,
    require: Iterable[str] | None = None,
    timeout_ms: int = LOAD_TIMEOUT_MS,
) -> dict[str, int]:
    """Screenshot the element until each colour in `require` (default: all) covers `least` pixels.

    deck.gl draws in animation frames after the canvas appears, so the first screenshots may be blank.
    Returns the last counts; raises AssertionError with them when the time runs out.
    """
    required = list(colours if require is None else require)
    element = page.locator(selector).first
    element.wait_for(timeout=timeout_ms)
    return _wait_for_counts(
        page,
        element,
        colours,
        lambda counts: all(counts[name] >= least for name in required),
        timeout_ms,
        f"colours not drawn in {selector}",
    )


def wait_for_markers(page: Any, selector: str = CHART, timeout_ms: int = LOAD_TIMEOUT_MS) -> dict[str, int]:
    """Until the map has a canvas and its screenshot shows at least one marker colour."""
    page.wait_for_selector(f"{selector} canvas", timeout=timeout_ms)
    element = page.locator(selector).first
    return _wait_for_counts(
        page,
        element,
        marker_colours(),
        lambda counts: max(counts.values()) >= MARKER_PIXELS,
        timeout_ms,
        f"no marker drawn in {selector}",
    )


def open_explorer(page: Any, app: StreamlitServer, query: str) -> None:
    """Open the explorer with `query` and wait until its map shows markers in the layout for this width.

    The first run draws for a laptop; a phone gets its own layout only on the run its width report causes,
    which on a busy machine comes seconds later, so a fixed pause is not enough.
    """
    page.goto(f"{app.url}/?{query}", timeout=LOAD_TIMEOUT_MS)
    wait_for_markers(page)
    wait_for_layout_for_width(page)
    wait_until_idle(page)
    wait_for_markers(page)


def wait_for_layout_for_width(page: Any, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Until the map is as high as the explorer draws it for the chart's width in this browser."""
    from signatories.ui.explorer import map_height_px

    chart = page.locator(CHART).first
    poll_until(
        page,
        chart.bounding_box,
        lambda box: box is not None and box["height"] == map_height_px(box["width"]),
        timeout_ms,
        "the map kept a height not drawn for its width",
    )


def start_view(page: Any, linked: str = "") -> MapView:
    """The camera the explorer opens with at this page's chart width (framed for the widest fixed camera
    width that fits it): the region, or the linked organisation."""
    from signatories import load_dataset
    from signatories.map.camera import Viewport, camera_width, organisation_view, region_view

    box = page.locator(CHART).bounding_box()
    viewport = Viewport(camera_width(box["width"]), box["height"])
    organisations = load_dataset().organisations
    return (
        organisation_view(organisations, linked, viewport) if linked else region_view(organisations, viewport)
    )


def marker_on_screen(page: Any, view: MapView, lon: float, lat: float) -> tuple[float, float]:
    """Page coordinates of a seat on the chart, by deck.gl's Web Mercator projection."""
    box = page.locator(CHART).bounding_box()
    world = 512 * 2**view.zoom

    def mercator(latitude: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    x = box["width"] / 2 + (lon - view.longitude) / 360 * world
    y = box["height"] / 2 - (mercator(lat) - mercator(view.latitude)) / (2 * math.pi) * world
    return box["x"] + x, box["y"] + y


def wait_until_pickable(page: Any, x: float, y: float, name: str) -> str:
    """Hover the marker until deck.gl's tooltip names it (only then does a click reach the marker).

    Returns the tooltip's text.
    """
    step_ms = 500
    tooltip = page.locator(TOOLTIP)
    for waited in range(0, RESPONSE_TIMEOUT_MS, step_ms):
        # A one-pixel wiggle, because deck.gl picks on pointer moves, not on a pointer at rest.
        page.mouse.move(x + (waited // step_ms) % 2, y)
        page.wait_for_timeout(step_ms)
        if tooltip.count():
            text = str(tooltip.first.inner_text())
            if name in text:
                return text
    raise AssertionError(f"no tooltip for {name} at ({x:.0f}, {y:.0f})")


def leading_number(text: str) -> int:
    match = re.match(r"\s*(\d+)", text)
    assert match, f"no number at the start of {text!r}"
    return int(match.group(1))


def machine_host() -> str:
    """The host a phone on the venue's network would use: Streamlit's network address, else the host name."""
    internal_ip = net_util.get_internal_ip()
    return internal_ip if internal_ip and internal_ip != "127.0.0.1" else socket.gethostname()


def screen_link(server: StreamlitServer, lang: str) -> str:
    return f"http://{machine_host()}:{server.port}/?lang={lang}"
