"""Screenshots of the explorer for the README, taken from the real app in headless Chromium.

Starts `streamlit run dashboard.py` on a free port, opens the page in English and in Japanese,
waits until the map canvas is drawn, and saves docs/screenshots/explorer-{en,ja}.png.

    .venv/bin/python scripts/screenshots.py [--chromium /usr/bin/chromium] [--out docs/screenshots]

Runs offline: the pages are opened with the online tiles switched off (`tiles=0`), so what is
drawn is exactly what a venue without internet sees.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 1100}
SERVER_START_TIMEOUT_S = 30.0
PAGE_TIMEOUT_MS = 60_000
# deck.gl draws in animation frames after the canvas appears; give the labels' font atlas time too.
SETTLE_MS = 2_500
PAGES = {"en": "?tiles=0", "ja": "?lang=ja&tiles=0"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def streamlit_server(port: int) -> Iterator[str]:
    """`streamlit run` in a child process, stopped on exit; yields the base URL once it is healthy."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as reply:
                    if reply.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"streamlit did not start on port {port}:\n{error}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def take(url: str, out_dir: Path, chromium: str) -> list[Path]:
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for lang, query in PAGES.items():
                page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
                page.goto(f"{url}/{query}", timeout=PAGE_TIMEOUT_MS)
                page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=PAGE_TIMEOUT_MS)
                page.wait_for_selector('[data-testid="stMetric"]', timeout=PAGE_TIMEOUT_MS)
                page.wait_for_timeout(SETTLE_MS)
                path = out_dir / f"explorer-{lang}.png"
                page.screenshot(path=str(path), full_page=False)
                saved.append(path)
                page.close()
        finally:
            browser.close()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to drive")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="where to save")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    with streamlit_server(free_port()) as url:
        for path in take(url, arguments.out, arguments.chromium):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
