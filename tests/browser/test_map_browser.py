"""The explorer's map as drawn by deck.gl in Chromium, offline: its pixels, and the hover card.

Colours are read from the chart's screenshot and compared with the theme: each kind of organisation in the
data has its marker colour on screen, the offline basemap draws land and tints the signatories' countries.
A link filtering one kind is the control: the same map with every other marker switched off.
Arcs are off (`arcs=0`) so that only markers can produce marker colours.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import pandas as pd
import pytest

from signatories import theme
from signatories.paths import DATA_DIR
from tests.browser.helpers import (
    CHART,
    EXCEPTION,
    LOAD_TIMEOUT_MS,
    MARKER_PIXELS,
    RESPONSE_TIMEOUT_MS,
    YOKOHAMA,
    colour_counts,
    marker_colours,
    marker_on_screen,
    open_explorer,
    poll_until,
    start_view,
    wait_for_colours,
    wait_until_idle,
    wait_until_pickable,
    watch_errors,
)
from tests.support.server import StreamlitServer

LAND = {"land": theme.BORDER_FILL, "signatory country": theme.SIGNATORY_COUNTRY_FILL}
# Bangkok: the other proposer, at a seat shared with a participant (the proposer is drawn on top).
BANGKOK = (100.50144, 13.75398)


@pytest.fixture(scope="module")
def organisations() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "organisations.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def map_page(browser: Any, app: StreamlitServer) -> Iterator[Any]:
    """The explorer with every organisation shown, loaded once for the pixel and hover tests."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.errors = watch_errors(page)
    open_explorer(page, app, "arcs=0")
    yield page
    context.close()


def kinds_in_view(organisations: pd.DataFrame) -> list[str]:
    """Kinds with an organisation away from a proposer's seat.

    At the region's zoom the ring of organisations sharing a seat is narrower than a marker, and the
    proposer's larger marker is drawn on top: Bangkok's company is under it until one zooms in.
    """
    seat = organisations["lat"].round(3).astype(str) + "," + organisations["lon"].round(3).astype(str)
    proposer_seats = set(seat[organisations["role"] == "proposer"])
    return sorted(set(organisations.loc[~seat.isin(proposer_seats), "org_type"]))


def test_every_kind_of_organisation_is_drawn_in_its_colour(
    map_page: Any, organisations: pd.DataFrame
) -> None:
    kinds = kinds_in_view(organisations)
    assert len(kinds) >= 7, kinds
    colours = {kind: theme.ORG_TYPE_COLOURS[kind] for kind in kinds}
    counts = wait_for_colours(map_page, CHART, {**colours, **LAND})
    # The basemap is drawn, not just the markers: land fills a large share of the map.
    box = map_page.locator(CHART).bounding_box()
    assert counts["land"] > 0.1 * box["width"] * box["height"], counts
    assert map_page.locator(EXCEPTION).count() == 0
    assert map_page.errors.unexpected() == []


def test_a_type_filter_draws_only_that_kind(page: Any, app: StreamlitServer) -> None:
    """The control: the same map with every marker but the one company's switched off."""
    errors = watch_errors(page)
    page.goto(f"{app.url}/?arcs=0&type=company", timeout=LOAD_TIMEOUT_MS)
    wait_until_idle(page)
    counts = wait_for_colours(page, CHART, {**marker_colours(), **LAND}, require=["company", "land"])
    # Antialiased coasts and borders blend into a few pixels near some colour; a marker is ~150 pixels.
    others = {
        kind: count for kind, count in counts.items() if kind in theme.ORG_TYPE_COLOURS and kind != "company"
    }
    assert all(count < MARKER_PIXELS for count in others.values()), counts
    # Only Thailand, the company's country, is tinted: far less tint than with all twenty countries.
    assert 0 < counts["signatory country"] < counts["land"] / 20, counts
    assert errors.unexpected() == []


def test_hovering_a_marker_shows_its_name(map_page: Any) -> None:
    view = start_view(map_page)
    # By hand from data/organisations.csv and data/targets.csv: both cities aim at carbon neutrality by 2050.
    for (lon, lat), name, name_ja in (
        (BANGKOK, "Bangkok Metropolitan Administration", "バンコク都"),
        (YOKOHAMA, "City of Yokohama", "横浜市"),
    ):
        x, y = marker_on_screen(map_page, view, lon, lat)
        text = wait_until_pickable(map_page, x, y, name)
        # A short card: the name in the page's language, the type and the target year; nothing more.
        assert text.splitlines() == [name, "Type: City / metropolitan government", "Target: by 2050"]
        assert name_ja not in text
    # Moving off the map hides the card again.
    map_page.mouse.move(5, 5)
    map_page.locator(".deck-tooltip").first.wait_for(state="hidden", timeout=LOAD_TIMEOUT_MS)


def test_markers_are_drawn_where_their_seats_are(map_page: Any) -> None:
    """The proposer in Yokohama is a city marker: its colour sits under the projected seat."""
    map_page.mouse.move(5, 5)
    view = start_view(map_page)
    x, y = marker_on_screen(map_page, view, *YOKOHAMA)
    # A square a little smaller than the proposer's marker, centred on the seat.
    half = theme.PROPOSER_RADIUS_PX - 3
    clip = {"x": x - half, "y": y - half, "width": 2 * half, "height": 2 * half}
    counts = colour_counts(map_page.screenshot(clip=clip), {"city": theme.ORG_TYPE_COLOURS["city"]})
    assert counts["city"] >= half * half, counts


# The seats a phone used to cut off, at the region's edges: (lon, lat) as in the data file.
EDGE_SEATS = {
    "Tbilisi": (44.83412, 41.69143),
    "Bishkek": (74.59, 42.87),
    "Avarua": (-159.77546, -21.2075),
    "Apia": (-171.76666, -13.83333),
}


def kind_counts(page: Any, clip: dict[str, float]) -> dict[str, int]:
    """Pixels of each kind's marker colour in a part of the page."""
    return colour_counts(page.screenshot(clip=clip), theme.ORG_TYPE_COLOURS)


def test_a_phone_sees_the_whole_region_at_its_own_width(browser: Any, app: StreamlitServer) -> None:
    """The browser reports the chart's width; the region is framed for it, the Caucasus to the Cook Islands."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        # Returns once the probe's report has brought the phone's layout, and with it the phone's framing.
        open_explorer(page, app, "arcs=0")
        # Phone layout stacks the figures above the map: bring it into the viewport the screenshots see.
        page.locator(CHART).scroll_into_view_if_needed()
        box = page.locator(CHART).bounding_box()
        assert box["width"] < 400
        view = start_view(page)
        for seat, (lon, lat) in EDGE_SEATS.items():
            # East of 180° on this map, as the Pacific rule draws them.
            x, y = marker_on_screen(page, view, lon + 360 if lon < 0 else lon, lat)
            assert box["x"] + 10 < x < box["x"] + box["width"] - 10, seat
            assert box["y"] + 10 < y < box["y"] + box["height"] - 10, seat
            clip = {"x": x - 4, "y": y - 4, "width": 8, "height": 8}
            # deck.gl draws the phone's camera in its own animation frames.
            poll_until(
                page,
                partial(kind_counts, page, clip),
                lambda counts: max(counts.values()) > 0,
                RESPONSE_TIMEOUT_MS,
                f"no marker colour at {seat}",
            )
    finally:
        context.close()
