"""A shared link in a real browser: filters and `lang=ja` in the URL, a filter changed by hand, the address
copied into a new browser, and the same figures there, in Japanese that is drawn with real glyphs.

Expected figures come from tests/explorer_expected.py, which reads the CSV files with plain pandas.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    RESPONSE_TIMEOUT_MS,
    leading_number,
    wait_for_markers,
    wait_until_idle,
    watch_errors,
)
from tests.explorer_expected import DATA, headline, read_organisations
from tests.support.server import StreamlitServer

COUNTRIES = ("JP", "TH", "PH", "ID")
TYPES = ("city", "province_state")
YEARS = (2030, 2050)
LINK = (
    "/?lang=ja&arcs=0"
    + "".join(f"&country={code}" for code in COUNTRIES)
    + "".join(f"&type={kind}" for kind in TYPES)
    + f"&year={YEARS[0]}-{YEARS[1]}"
)
# Kanji and kana the page shows in Japanese; U+0378 and U+0379 are unassigned, so no font has their glyphs.
GLYPHS = ("横", "浜", "宣", "マ")
NO_GLYPHS = ("\u0378", "\u0379")

# Draws each character alone on a canvas in the given font stack and returns its alpha channel as a string:
# a face with the glyph draws its shape; without one every character falls back to the same empty box (tofu).
_DRAW_JS = """([fontFamily, characters]) => characters.map((character) => {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const context = canvas.getContext('2d');
  context.font = `48px ${fontFamily}`;
  context.textBaseline = 'top';
  context.fillStyle = '#000';
  context.fillText(character, 4, 4);
  const alpha = context.getImageData(0, 0, 64, 64).data.filter((_, index) => index % 4 === 3);
  return {ink: alpha.reduce((sum, value) => sum + (value > 0 ? 1 : 0), 0), pixels: alpha.join(',')};
})"""


def figures(page: Any) -> dict[str, object]:
    """The explorer's five metrics, read as the page shows them."""
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(values) == 5, values
    organisations, countries, local, national, share = (value.strip() for value in values)
    return {
        "organisations": leading_number(organisations),
        "countries": leading_number(countries),
        "local": int(local),
        "national": int(national),
        "share": share,
    }


def as_shown(frame: pd.DataFrame) -> dict[str, object]:
    figures = headline(frame)
    share = figures["share"]
    return {
        "organisations": figures["organisations"],
        "countries": figures["countries"],
        "local": figures["local"],
        "national": figures["national"],
        "share": "—" if share is None else f"{share:.0%}",
    }


def open_link(page: Any, url: str) -> None:
    page.goto(url, timeout=LOAD_TIMEOUT_MS)
    wait_for_markers(page)
    wait_until_idle(page)


def assert_japanese_is_drawn(page: Any) -> None:
    """The title's font stack draws each Japanese character as its own glyph, never as the missing-glyph box."""
    title = page.locator("h1").first
    assert title.inner_text() == "横浜宣言マップ"
    font_family = title.evaluate("element => getComputedStyle(element).fontFamily")
    drawn = page.evaluate(_DRAW_JS, [font_family, [*GLYPHS, *NO_GLYPHS]])
    shapes = [entry["pixels"] for entry in drawn[: len(GLYPHS)]]
    boxes = [entry["pixels"] for entry in drawn[len(GLYPHS) :]]
    assert all(entry["ink"] > 50 for entry in drawn[: len(GLYPHS)]), [entry["ink"] for entry in drawn]
    # The method's premise: characters without a glyph all draw the same box.
    assert boxes[0] == boxes[1]
    # Four different characters, four different shapes, none of them that box.
    assert len(set(shapes)) == len(GLYPHS)
    assert boxes[0] not in shapes


def test_a_copied_link_restores_the_counts_in_japanese(browser: Any, app: StreamlitServer) -> None:
    organisations = read_organisations()
    in_years = organisations["year"].between(*YEARS) | organisations["year"].isna()
    linked = organisations[
        organisations["country"].isin(COUNTRIES) & organisations["org_type"].isin(TYPES) & in_years
    ]
    # The hand-made change: only the own and national target bases, which leaves out "no target found".
    changed = linked[linked["year"].notna()]
    assert 0 < len(changed) < len(linked), "the data no longer tells the two views apart"

    first = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="ja-JP")
    second = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = first.new_page()
        errors = watch_errors(page)
        open_link(page, f"{app.url}{LINK}")
        assert figures(page) == as_shown(linked)
        assert_japanese_is_drawn(page)

        # Change a filter by hand: the two pills are clicked as a person would.
        for label in ("独自の目標", "国の目標"):
            page.locator(".st-key-filter_bases button", has_text=label).first.click()
            wait_until_idle(page)
        page.wait_for_function(
            "() => new URLSearchParams(location.search).getAll('target').length === 2",
            timeout=RESPONSE_TIMEOUT_MS,
        )
        wait_until_idle(page)
        page.wait_for_function(
            "(count) => document.querySelector('[data-testid=stMetricValue]')?.innerText.startsWith(count + ' ')",
            arg=str(len(changed)),
            timeout=RESPONSE_TIMEOUT_MS,
        )
        assert figures(page) == as_shown(changed)
        copied = page.url
        params = parse_qs(urlsplit(copied).query)
        assert params["lang"] == ["ja"] and sorted(params["country"]) == sorted(COUNTRIES)

        # The copied address in a new browser profile: nothing carried over but the link.
        again = second.new_page()
        again_errors = watch_errors(again)
        open_link(again, copied)
        assert figures(again) == as_shown(changed)
        assert again.url == copied
        assert_japanese_is_drawn(again)
        # The selected countries show by their Japanese names in the filter.
        names = pd.read_csv(DATA / "countries.csv", keep_default_na=False).set_index("code")["name_ja"]
        chips = again.locator(".st-key-filter_countries").inner_text()
        assert all(names[code] in chips for code in COUNTRIES), chips
        assert again.locator(CHART).count() == 1
        for shown in (page, again):
            assert shown.locator(EXCEPTION).count() == 0
        assert errors.unexpected() == [] and again_errors.unexpected() == []
    finally:
        first.close()
        second.close()
