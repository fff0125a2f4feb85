"""Every page in a real browser, in both languages: it draws what it is for, shows no exception box and
logs no error in the console; and a name full of markup, from a crafted data directory, stays text.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from signatories.i18n import Lang, t
from signatories.paths import DATA_DIR
from signatories.ui.cache import DATA_DIR_ENV
from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    TOOLTIP,
    YOKOHAMA,
    marker_on_screen,
    open_page,
    start_view,
    wait_for_markers,
    wait_until_idle,
    wait_until_pickable,
    watch_errors,
)
from tests.conftest import read_rows, write_rows
from tests.support.server import StreamlitServer, running_server

# Each page's path, and what shows it has finished drawing beyond its first heading.
PAGES: dict[str, tuple[str, str]] = {
    "explorer": ("/?", CHART),
    "coverage": ("/coverage?", '[data-testid="stVegaLiteChart"]'),
    "data": ("/data?", '[data-testid="stDataFrame"]'),
    # A long interval: the spotlight stays put while the page is checked.
    "display": ("/display?interval=600", CHART),
    "about": ("/about?", ".st-key-about_facts"),
}
HEADINGS = {
    "explorer": "app.title",
    "coverage": "coverage.title",
    "data": "data.title",
    "about": "about.title",
}

MARKUP = "<b>markup</b><img src=x onerror=alert(1)>"
# The first signatory: the display's first spotlight (Japan) lists it, and it is the explorer's proposer.
MARKUP_ID = "jp-yokohama"

# Elements the markup would have created had it been parsed as HTML anywhere in the page.
_PARSED_MARKUP_JS = """() => ({
  bold: [...document.querySelectorAll('b')].filter((element) => element.textContent === 'markup').length,
  images: [...document.querySelectorAll('img')].filter((element) => element.getAttribute('src') === 'x').length,
  handlers: document.querySelectorAll('[onerror]').length,
})"""


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors(page: Any, app: StreamlitServer, name: str, lang: Lang) -> None:
    path, ready = PAGES[name]
    errors = watch_errors(page)
    open_page(page, app, f"{path}&lang={lang}")
    if ready == CHART:
        wait_for_markers(page)
    else:
        page.locator(ready).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_idle(page)
    if name in HEADINGS:
        assert page.locator("h1").first.inner_text() == t(HEADINGS[name], lang)
    assert page.locator(EXCEPTION).count() == 0
    assert errors.unexpected() == []


@pytest.fixture(scope="module")
def markup_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """The dashboard on a copy of the data whose first signatory's English name is markup."""
    data = tmp_path_factory.mktemp("markup") / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    rows = read_rows(data / "organisations.csv")
    for row in rows:
        if row["id"] == MARKUP_ID:
            row["name_en"] = MARKUP
    write_rows(data / "organisations.csv", rows)
    with running_server(extra_env={DATA_DIR_ENV: str(data)}) as server:
        yield server


def assert_markup_is_text(page: Any) -> None:
    assert page.evaluate(_PARSED_MARKUP_JS) == {"bold": 0, "images": 0, "handlers": 0}


def test_markup_in_a_name_shows_as_text(page: Any, markup_app: StreamlitServer) -> None:
    errors = watch_errors(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    # The details panel of the organisation, opened by the link.
    open_page(page, markup_app, f"/?org={MARKUP_ID}")
    heading = page.locator(".st-key-details h2").first
    heading.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert heading.inner_text() == MARKUP
    assert_markup_is_text(page)

    # The map's hover card: Streamlit fills the tooltip template's placeholders as text.
    wait_for_markers(page)
    view = start_view(page, linked=MARKUP_ID)
    x, y = marker_on_screen(page, view, *YOKOHAMA)
    card = wait_until_pickable(page, x, y, MARKUP)
    assert card.splitlines()[0] == MARKUP
    assert page.locator(f"{TOOLTIP} img").count() == 0
    assert_markup_is_text(page)

    # The conference screen lists Japan's signatories first.
    open_page(page, markup_app, "/display?interval=600")
    page.get_by_text(MARKUP, exact=True).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert_markup_is_text(page)

    assert page.locator(EXCEPTION).count() == 0
    assert not [url for url in requested if url.rstrip("/").endswith("/x")], "the markup's image was fetched"
    assert errors.dialogs == []
    assert errors.unexpected() == []
