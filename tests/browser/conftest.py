"""Fixtures for the real-browser tests: a streamlit server per session and Debian's Chromium.

In CI (CI=true) a missing browser fails the run; on a developer's machine these tests skip and say why.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH, chromium_missing_reason
from tests.support.server import StreamlitServer, running_server

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

VIEWPORT: "ViewportSize" = {"width": 1440, "height": 1000}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_available() -> None:
    reason = chromium_missing_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_driver(browser_available: None) -> Iterator[Any]:
    """One Playwright per session: its sync API allows no second one while the first runs."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver: Any) -> Iterator[object]:
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def browser_without_webgl(playwright_driver: Any) -> Iterator[object]:
    """Chromium as on a machine without a usable GPU: no WebGL context can be created."""
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM_PATH),
        args=[*CHROMIUM_ARGS, "--disable-webgl", "--disable-3d-apis"],
        headless=True,
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def app(browser_available: None) -> Iterator[StreamlitServer]:
    """The dashboard on the committed data."""
    with running_server() as server:
        yield server


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page whose console errors are collected in `page.console_errors`."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport=VIEWPORT)
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.console_errors = errors  # type: ignore[attr-defined]
    yield new_page
    context.close()


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    return tmp_path
