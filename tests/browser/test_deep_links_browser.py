"""A shared link to a page, as the very first request a fresh server gets, opens that page with the app's
own navigation (Streamlit would otherwise resolve it as an old-style page file and skip dashboard.py)."""

from collections.abc import Iterator

import pytest

from tests.support.server import StreamlitServer, running_server

NAV_LINKS = '[data-testid="stSidebarNav"] a'
TIMEOUT_MS = 90_000


@pytest.fixture
def fresh_server(browser_available: None) -> Iterator[StreamlitServer]:
    with running_server() as server:
        yield server


def test_first_request_to_a_deep_link_gets_the_app_navigation(
    page: object, fresh_server: StreamlitServer
) -> None:
    page.goto(f"{fresh_server.url}/coverage?lang=ja", timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    page.wait_for_selector("h1", timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => document.querySelectorAll('{NAV_LINKS}').length === 5", timeout=TIMEOUT_MS
    )
    links = page.locator(NAV_LINKS).all_inner_texts()  # type: ignore[attr-defined]
    assert links == ["地図", "参加の広がり", "データと出典", "会場表示", "この宣言について"]
