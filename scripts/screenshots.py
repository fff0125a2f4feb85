"""Screenshots of every page for the README, taken from the real app in headless Chromium (`make screenshots`).

Starts `streamlit run dashboard.py` on a free loopback port, opens each page, waits until it has finished
drawing (the map's markers on screen, the charts, the tables), and saves docs/screenshots/<page>-<lang>.png:
the explorer in English and Japanese, coverage, data & sources and about in English, and the dark
conference display at 1280 x 720, 1920 x 1080 (also in Japanese) and 3840 x 2160 (saved at half size, 1920 x
1080, to keep the file small), and opened on a phone (390 x 844).

    .venv/bin/python -m scripts.screenshots [--chromium /usr/bin/chromium] [--out docs/screenshots]

Runs offline: the map opens with its default offline basemap (no `tiles=1`), so what is drawn is
exactly what a venue without internet sees.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import sync_playwright

from signatories.paths import PROJECT_ROOT
from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    open_page,
    wait_for_markers,
    wait_until_idle,
)
from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH
from tests.support.server import StreamlitServer, running_server

DESKTOP = {"width": 1440, "height": 1100}
KIOSK = {"width": 1920, "height": 1080}
SMALL_SCREEN = {"width": 1280, "height": 720}
UHD_SCREEN = {"width": 3840, "height": 2160}
PHONE = {"width": 390, "height": 844}
# After the last element is drawn: the seat labels' font atlas and the charts' transitions finish.
SETTLE_MS = 1_500


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, path with query, the element that shows the page is drawn, viewport."""

    name: str
    path: str
    ready: str
    viewport: dict[str, int]
    mobile: bool = False
    saved_width: int | None = None  # scaled down to this width when saved


SHOTS = (
    Shot("explorer-en", "/", CHART, DESKTOP),
    Shot("explorer-ja", "/?lang=ja", CHART, DESKTOP),
    Shot("explorer-phone-en", "/?country=PH", CHART, PHONE, mobile=True),
    Shot("explorer-phone-ja", "/?lang=ja", CHART, PHONE, mobile=True),
    Shot("coverage-en", "/coverage", '[data-testid="stVegaLiteChart"]', DESKTOP),
    Shot("data-en", "/data", '[data-testid="stDataFrame"]', DESKTOP),
    Shot("about-en", "/about", ".st-key-about_facts", DESKTOP),
    # A long interval keeps the first country in the spotlight while the screen is drawn.
    Shot("display-1280x720", "/display?interval=600", CHART, SMALL_SCREEN),
    Shot("display-1920x1080", "/display?interval=600", CHART, KIOSK),
    Shot("display-ja", "/display?interval=600&lang=ja", CHART, KIOSK),
    Shot("display-3840x2160", "/display?interval=600", CHART, UHD_SCREEN, saved_width=KIOSK["width"]),
    # A phone shows no map: the headline and the link.
    Shot("display-phone", "/display?interval=600", ".st-key-display_qr a", PHONE, mobile=True),
)


def take(browser: Any, server: StreamlitServer, shot: Shot, out_dir: Path) -> Path:
    context = browser.new_context(
        viewport=shot.viewport, device_scale_factor=1, is_mobile=shot.mobile, has_touch=shot.mobile
    )
    try:
        page = context.new_page()
        open_page(page, server, shot.path)
        if shot.ready == CHART:
            wait_for_markers(page)
        else:
            page.locator(shot.ready).first.wait_for(timeout=LOAD_TIMEOUT_MS)
        wait_until_idle(page)
        page.wait_for_timeout(SETTLE_MS)
        if page.locator(EXCEPTION).count():
            raise RuntimeError(f"{shot.path} shows an exception; no screenshot taken")
        path = out_dir / f"{shot.name}.png"
        # Animations off: the display's drift against burn-in would otherwise offset the picture by a pixel or two.
        picture = page.screenshot(full_page=False, animations="disabled")
        save(picture, path, shot.saved_width)
        return path
    finally:
        context.close()


def save(picture: bytes, path: Path, width: int | None) -> None:
    """The PNG as taken, or scaled down to `width` (a 4K screen's picture is too heavy for a README)."""
    if width is None:
        path.write_bytes(picture)
        return
    image = Image.open(io.BytesIO(picture))
    height = round(image.height * width / image.width)
    image.resize((width, height), Image.Resampling.LANCZOS).save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=str(CHROMIUM_PATH), help="the browser to drive")
    parser.add_argument(
        "--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots", help="where to save"
    )
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    with running_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=arguments.chromium, args=CHROMIUM_ARGS)
        try:
            for shot in SHOTS:
                path = take(browser, server, shot, arguments.out)
                print(path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
