"""The explorer's map probe in Chromium: the page runs again only when what the browser measured changes it.

Script runs are counted from the server's own messages on the page's websocket (a `new_session` message
starts every run), and the map's height shows which layout the server drew: the phone's or the laptop's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from signatories import theme
from tests.browser.helpers import CHART, open_explorer, wait_until_idle
from tests.support.server import StreamlitServer

LAPTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}
# Long enough for a report the browser would send after its first drawing, and the run it causes.
SETTLE_MS = 2500


def count_runs(page: Any) -> list[int]:
    """A one-item list holding the number of script runs the page's websocket has announced so far."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    runs = [0]

    def on_frame(payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            runs[0] += message.WhichOneof("type") == "new_session"

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
    return runs


def settle(page: Any) -> None:
    page.wait_for_timeout(SETTLE_MS)
    wait_until_idle(page)


def map_height(page: Any) -> float:
    return float(page.locator(CHART).bounding_box()["height"])


@contextmanager
def opened_explorer(
    browser: Any, app: StreamlitServer, viewport: dict[str, int], **options: Any
) -> Iterator[Any]:
    """A fresh page whose script runs are counted (`page.runs[0]`), with the explorer opened and settled."""
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    try:
        page.runs = count_runs(page)
        open_explorer(page, app, "arcs=0")
        settle(page)
        yield page
    finally:
        context.close()


def wait_for_map_height(page: Any, height_px: int) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{CHART}')?.getBoundingClientRect().height === {height_px}"
    )
    settle(page)


def test_a_laptops_first_visit_runs_the_page_once(browser: Any, app: StreamlitServer) -> None:
    """At 1440 px the chart (719 px) frames as the nominal width the first run assumed: nothing to report."""
    with opened_explorer(browser, app, LAPTOP) as page:
        assert page.runs[0] == 1
        assert map_height(page) == theme.MAP_HEIGHT_PX


def test_a_phone_reports_its_width_and_gets_the_phone_layout(browser: Any, app: StreamlitServer) -> None:
    with opened_explorer(browser, app, PHONE, is_mobile=True, has_touch=True) as page:
        assert page.runs[0] == 2  # the first run at the nominal width, then the phone's report
        assert map_height(page) == theme.PHONE_MAP_HEIGHT_PX


def test_a_window_narrowed_to_a_phones_width_and_back_changes_the_layout(
    browser: Any, app: StreamlitServer
) -> None:
    """Crossing a breakpoint is reported both ways; a few pixels within one are not."""
    with opened_explorer(browser, app, LAPTOP) as page:
        page.set_viewport_size({"width": LAPTOP["width"] - 20, "height": LAPTOP["height"]})
        settle(page)
        assert page.runs[0] == 1
        page.set_viewport_size(PHONE)
        wait_for_map_height(page, theme.PHONE_MAP_HEIGHT_PX)
        assert page.runs[0] == 2
        page.set_viewport_size(LAPTOP)
        wait_for_map_height(page, theme.MAP_HEIGHT_PX)
        # Widening brings the sidebar back, which narrows the column again while the page is laid out: the
        # browser may report more than once on the way; what counts is where the layout ends.
        assert page.runs[0] >= 3
