"""The kiosk script (deploy/kiosk/display-kiosk.sh) on a running app: it starts Chromium with the kiosk's
flags on /display, the display draws (spotlight and map), and a browser that dies is started again.

The script runs in its headless mode (KIOSK_HEADLESS=1), which adds a DevTools port on loopback; this
test connects to it as Playwright would to any Chromium. Keeping an X screen awake (xset) needs a real
display and is not tested here.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from signatories import display
from signatories.paths import PROJECT_ROOT
from tests.browser.helpers import CHART, LOAD_TIMEOUT_MS, SPOTLIGHT, wait_for_markers
from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH
from tests.support.server import StreamlitServer, free_port

KIOSK_SCRIPT = PROJECT_ROOT / "deploy" / "kiosk" / "display-kiosk.sh"
# What a screen nobody attends must not show or allow: the list, as Chromium spells the flags.
KIOSK_FLAGS = {
    "--kiosk",
    "--noerrdialogs",
    "--disable-session-crashed-bubble",
    "--disable-features=Translate,TranslateUI",
    "--disable-pinch",
    "--overscroll-history-navigation=0",
    "--no-first-run",
}
DEVTOOLS_TIMEOUT_S = 60.0
SCREENSHOT = "kiosk-display.png"


def devtools_browser_id(port: int, timeout_s: float = DEVTOOLS_TIMEOUT_S, other_than: str = "") -> str:
    """The id of the browser answering DevTools on `port` (a new one if `other_than` is given)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=2) as answer:
                browser_id = str(json.load(answer)["webSocketDebuggerUrl"])
                if browser_id != other_than:
                    return browser_id
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            pass
        time.sleep(0.2)
    raise TimeoutError(f"no (new) browser answered DevTools on port {port} within {timeout_s} s")


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def command_line(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")


@pytest.fixture
def kiosk(app: StreamlitServer, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """The script running against the app, headless; stopped (SIGTERM, as systemd does) afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "KIOSK_URL": f"{app.url}/display?interval={display.INTERVAL_MIN_S}",
        "KIOSK_BROWSER": str(CHROMIUM_PATH),
        "KIOSK_PROFILE": str(tmp_path / "profile"),
        "KIOSK_RESTART_DELAY": "1",
        "KIOSK_HEADLESS": "1",
        "KIOSK_DEBUG_PORT": str(port),
        # This machine's way of running Chromium (as root, no GPU, no background requests).
        "KIOSK_EXTRA_FLAGS": " ".join(CHROMIUM_ARGS),
    }
    with (tmp_path / "kiosk.log").open("wb") as log:
        script = subprocess.Popen(
            [str(KIOSK_SCRIPT)], env=env, stdout=log, stderr=log, start_new_session=True
        )
        try:
            yield script, port
        finally:
            if script.poll() is None:
                os.killpg(script.pid, signal.SIGTERM)
                try:
                    script.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(script.pid, signal.SIGKILL)
                    script.wait()


def display_page(chromium: Any, port: int) -> tuple[Any, Any]:
    """The kiosk browser over DevTools, and its page showing /display once the spotlight is up."""
    browser = chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        pages = [page for context in browser.contexts for page in context.pages if "/display" in page.url]
        if pages:
            pages[0].locator(SPOTLIGHT).wait_for(timeout=LOAD_TIMEOUT_MS)
            return browser, pages[0]
        time.sleep(0.2)
    raise AssertionError("the kiosk browser has no /display page")


def test_the_kiosk_shows_the_display_and_restarts_a_browser_that_died(
    kiosk: tuple[subprocess.Popen[bytes], int], browser: Any, tmp_path: Path
) -> None:
    # The test session's Playwright, to connect to the kiosk's own browser (not the fixture's).
    chromium = browser.browser_type
    script, port = kiosk
    first_id = devtools_browser_id(port)
    [browser_pid] = child_pids(script.pid)
    assert set(command_line(browser_pid)) >= KIOSK_FLAGS

    kiosk_browser, page = display_page(chromium, port)
    # Full screen on the (headless mode's) Full HD screen.
    assert page.evaluate("() => [window.innerWidth, window.innerHeight]") == [1920, 1080]
    wait_for_markers(page, CHART)
    page.screenshot(path=str(tmp_path / SCREENSHOT))
    kiosk_browser.close()  # only the DevTools connection: the kiosk's browser keeps running

    assert child_pids(script.pid) == [browser_pid]
    os.kill(browser_pid, signal.SIGKILL)  # a crash
    devtools_browser_id(port, other_than=first_id)
    [restarted] = child_pids(script.pid)
    assert restarted != browser_pid
    kiosk_browser, page = display_page(chromium, port)
    wait_for_markers(page, CHART)
    kiosk_browser.close()

    # Stopped on its own (a unit's stop, a Ctrl-C), the script takes its browser with it.
    os.kill(script.pid, signal.SIGTERM)
    assert script.wait(timeout=20) == 0
    assert not Path(f"/proc/{restarted}").exists()
