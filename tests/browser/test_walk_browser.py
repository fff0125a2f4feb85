"""Walking the dashboard as its users do, in a real browser: filters set on one page, every other page visited
through the sidebar and back, the language switched on the way, an organisation picked on the map and then in
the table. After every step the address, the widgets and the shown figures must agree with the data.

Expected figures come from tests/explorer_expected.py, which reads the CSV files with plain pandas.
"""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from PIL import Image

from signatories import theme
from signatories.map.camera import MapView
from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    MARKER_PIXELS,
    RESPONSE_TIMEOUT_MS,
    colour_counts,
    marker_on_screen,
    poll_until,
    wait_for_markers,
    wait_until_idle,
    wait_until_pickable,
    watch_errors,
)
from tests.explorer_expected import DATA, read_organisations
from tests.support.server import StreamlitServer

NAV = '[data-testid="stSidebarNav"] a'
START = "/?country=PH&type=city"
SENTENCES = '[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p'
# Where each page says how many organisations it shows (the about page counts none).
COUNT_SELECTORS = {
    "/": '[data-testid="stMetricValue"]',
    "/coverage": SENTENCES,
    "/data": SENTENCES,
    "/about": None,
}


@pytest.fixture(scope="module")
def organisations() -> pd.DataFrame:
    return read_organisations()


def params(page: Any) -> dict[str, set[str]]:
    return {name: set(values) for name, values in parse_qs(urlsplit(page.url).query).items()}


def counted(page: Any, selector: str, total: int) -> int:
    """The number of organisations a page says it shows: the figure beside "of {total}" / "{total}機関のうち"."""
    for text in page.locator(selector).all_inner_texts():
        found = [int(number) for number in re.findall(r"\d+", text)]
        if total in found and len(found) >= 2:
            # English says "shown of total", Japanese "total のうち shown".
            return found[0] if found[0] != total or found[1] == total else found[1]
    raise AssertionError(f"no count of {total} on the page")


def go_through_sidebar(page: Any, name: str, path: str) -> None:
    page.locator(NAV, has_text=name).first.click()
    page.wait_for_url(re.compile(re.escape(app_path_url(path))), timeout=RESPONSE_TIMEOUT_MS)
    page.wait_for_selector("h1", timeout=LOAD_TIMEOUT_MS)
    wait_until_idle(page)


def app_path_url(path: str) -> str:
    """The part of the address that names the page: `/coverage?` or `/?` (parameters always follow)."""
    return f"{path}?"


def check(page: Any, path: str, expected_params: dict[str, set[str]], shown: int, total: int) -> None:
    assert urlsplit(page.url).path == path
    assert params(page) == expected_params
    selector = COUNT_SELECTORS[path]
    if selector is not None:
        assert counted(page, selector, total) == shown
    assert page.locator(EXCEPTION).count() == 0


def test_filters_survive_every_page_and_a_language_switch(
    browser: Any, app: StreamlitServer, organisations: pd.DataFrame
) -> None:
    total = len(organisations)
    cities = organisations[(organisations["country"] == "PH") & (organisations["org_type"] == "city")]
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(f"{app.url}{START}", timeout=LOAD_TIMEOUT_MS)
        wait_for_markers(page)
        wait_until_idle(page)
        expected = {"country": {"PH"}, "type": {"city"}}
        check(page, "/", expected, len(cities), total)

        for name, path in (
            ("Coverage", "/coverage"),
            ("Data & sources", "/data"),
            ("About", "/about"),
            ("Map", "/"),
        ):
            go_through_sidebar(page, name, path)
            check(page, path, expected, len(cities), total)

        # Japanese, switched on the coverage page; the filters and the figures stay.
        go_through_sidebar(page, "Coverage", "/coverage")
        page.locator('[data-testid="stSidebar"] label', has_text="日本語").first.click()
        page.wait_for_function("() => location.search.includes('lang=ja')", timeout=RESPONSE_TIMEOUT_MS)
        wait_until_idle(page)
        expected = {**expected, "lang": {"ja"}}
        check(page, "/coverage", expected, len(cities), total)
        names = pd.read_csv(DATA / "countries.csv", keep_default_na=False).set_index("code")["name_ja"]
        assert names["PH"] in page.locator(".st-key-filter_countries").inner_text()

        # A country added by hand in Japanese keeps the Philippines and the type filter.
        box = page.locator(".st-key-filter_countries input").first
        box.click()
        box.fill(str(names["ID"]))
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.wait_for_function("() => location.search.includes('country=ID')", timeout=RESPONSE_TIMEOUT_MS)
        wait_until_idle(page)
        both = organisations[
            organisations["country"].isin(["PH", "ID"]) & (organisations["org_type"] == "city")
        ]
        expected = {**expected, "country": {"PH", "ID"}}
        check(page, "/coverage", expected, len(both), total)
        chips = page.locator(".st-key-filter_countries").inner_text()
        assert names["PH"] in chips and names["ID"] in chips, chips

        go_through_sidebar(page, "地図", "/")
        check(page, "/", expected, len(both), total)
        assert errors.unexpected() == []
    finally:
        context.close()


# Iloilo and Cebu framed close enough that their markers lie far apart on the screen.
CLOSE_VIEW = MapView(10.5, 123.2, 7.0)
ILOILO = (122.56444, 10.69694)
CEBU = (123.89071, 10.31672)
# The table's rows are drawn on a canvas: a header row, then rows of this height.
TABLE_ROW_PX = 35
TICK_COLUMN_PX = 17


def marker_pixels(page: Any, lon: float, lat: float, colour: str) -> int:
    """Pixels of `colour` in a 40-pixel square around a seat on the map."""
    x, y = marker_on_screen(page, CLOSE_VIEW, lon, lat)
    chart = page.locator(CHART)
    box = chart.bounding_box()
    image = Image.open(io.BytesIO(chart.screenshot()))
    left, top = round(x - box["x"]) - 20, round(y - box["y"]) - 20
    square = io.BytesIO()
    image.crop((left, top, left + 40, top + 40)).save(square, format="PNG")
    return colour_counts(square.getvalue(), {"c": colour})["c"]


TICKED = '.st-key-table [role="row"][aria-selected="true"]'


def ticked_rows(page: Any, name: str) -> list[str]:
    """The table's ticked rows (from the grid's accessible rows), once the one naming `name` is ticked."""
    page.wait_for_function(
        "([selector, name]) => [...document.querySelectorAll(selector)].some((row) => row.innerText.includes(name))",
        arg=[TICKED, name],
        timeout=RESPONSE_TIMEOUT_MS,
    )
    return page.locator(TICKED).all_inner_texts()


def click_iloilo_and_check(page: Any) -> None:
    """Click Iloilo's marker as a person would; its details open and its table row is the ticked one."""
    x, y = marker_on_screen(page, CLOSE_VIEW, *ILOILO)
    wait_until_pickable(page, x, y, "Iloilo")
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('org=ph-iloilo')", timeout=RESPONSE_TIMEOUT_MS)
    wait_until_idle(page)
    assert "City Government of Iloilo" in page.locator(".st-key-details").inner_text()
    assert ["City Government of Iloilo" in row for row in ticked_rows(page, "Iloilo")] == [True]


def test_picking_on_the_map_then_in_the_table_highlights_one_organisation(
    page: Any, app: StreamlitServer, organisations: pd.DataFrame
) -> None:
    page.goto(f"{app.url}/?country=PH&arcs=0&view=10.5,123.2,7", timeout=LOAD_TIMEOUT_MS)
    wait_for_markers(page)
    wait_until_idle(page)

    click_iloilo_and_check(page)

    # Cebu's row in the table, in the table's order (the data's), ticked as a person would.
    shown = organisations[organisations["country"] == "PH"].reset_index(drop=True)
    row = int(shown.index[shown["id"] == "ph-cebu"][0])
    table = page.locator(".st-key-table")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    page.mouse.click(box["x"] + TICK_COLUMN_PX, box["y"] + TABLE_ROW_PX * (row + 1) + TABLE_ROW_PX / 2)
    page.wait_for_function("() => location.search.includes('org=ph-cebu')", timeout=RESPONSE_TIMEOUT_MS)
    wait_until_idle(page)
    assert "City Government of Cebu" in page.locator(".st-key-details").inner_text()
    assert ["City Government of Cebu" in row for row in ticked_rows(page, "Cebu")] == [True]

    # The map follows: Cebu wears the selection ring, Iloilo is drawn in its own colour, not faded.
    page.locator(CHART).scroll_into_view_if_needed()
    city = theme.ORG_TYPE_COLOURS["city"]
    # deck.gl redraws in its own animation frames.
    poll_until(
        page,
        lambda: marker_pixels(page, *ILOILO, city),
        lambda pixels: pixels >= MARKER_PIXELS,
        RESPONSE_TIMEOUT_MS,
        "Iloilo not drawn in its colour",
    )
    assert marker_pixels(page, *CEBU, theme.SELECTED_OUTLINE) >= MARKER_PIXELS // 2

    # Back on the map, a click on Iloilo moves the table's tick and the details with it.
    click_iloilo_and_check(page)
    assert page.console_errors == []
