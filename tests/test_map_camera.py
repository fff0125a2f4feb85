"""The camera frames every shown signatory at the chart's real width: checked with our own Web Mercator."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from signatories import load_dataset, theme
from signatories.filters import apply_filters
from signatories.map.camera import MapView, Viewport, camera_width, fit_view, organisation_view, region_view
from signatories.map.model import map_camera
from signatories.paths import DATA_DIR
from signatories.url_state import Known, parse

PHONE = Viewport(width_px=390 - 32, height_px=theme.MAP_HEIGHT_PX)  # a 390 px phone less Streamlit's padding
LAPTOP = Viewport(width_px=900, height_px=theme.MAP_HEIGHT_PX)


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "organisations.csv")


def screen(
    lon: float, lat: float, view_lat: float, view_lon: float, zoom: float, vp: Viewport
) -> tuple[float, float]:
    """Chart pixel of a point: Web Mercator written out here, 256 px tiles at zoom 1 (512 at 0)."""
    lon = lon + 360 if lon < -30 else lon  # the Pacific east of 180°, as the map draws it
    size = 512 * 2**zoom

    def y(latitude: float) -> float:
        return (1 - math.asinh(math.tan(math.radians(latitude))) / math.pi) / 2 * size

    return (lon - view_lon) / 360 * size + vp.width_px / 2, y(lat) - y(view_lat) + vp.height_px / 2


def assert_inside(frame: pd.DataFrame, view: object, vp: Viewport, margin: float) -> None:
    for lon, lat, seat in zip(frame["lon"], frame["lat"], frame["seat"], strict=True):
        x, y = screen(lon, lat, view.latitude, view.longitude, view.zoom, vp)  # type: ignore[attr-defined]
        assert margin <= x <= vp.width_px - margin, (seat, x)
        assert margin <= y <= vp.height_px - margin, (seat, y)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_whole_region_keeps_every_seat_and_room_for_its_label(csv: pd.DataFrame, viewport: Viewport) -> None:
    view = region_view(csv, viewport)
    # Tbilisi, Baku, Yerevan, Bishkek, Malé, Apia and Avarua were cut off on a phone: half a label of room.
    assert_inside(csv, view, viewport, margin=30)


def test_georgia_alone_on_a_phone_shows_its_markers_at_country_zoom(csv: pd.DataFrame) -> None:
    georgia = csv[csv["country"] == "GE"]
    view = fit_view(georgia, PHONE)
    assert_inside(georgia, view, PHONE, margin=30)
    assert view.zoom <= theme.FIT_MAX_ZOOM
    # At that zoom the chart spans several degrees around Tbilisi: the country and its neighbours.
    degrees_wide = PHONE.width_px / (512 * 2**view.zoom) * 360
    assert degrees_wide > 6


def test_a_one_city_country_is_not_a_blank_field(csv: pd.DataFrame) -> None:
    one_city = csv[csv["country"] == "MN"]
    view = fit_view(one_city, LAPTOP)
    assert view.zoom == theme.FIT_MAX_ZOOM
    assert_inside(one_city, view, LAPTOP, margin=30)
    x, _ = screen(
        float(one_city["lon"].iloc[0]),
        float(one_city["lat"].iloc[0]),
        view.latitude,
        view.longitude,
        view.zoom,
        LAPTOP,
    )
    assert abs(x - LAPTOP.width_px / 2) < 1


def test_a_linked_organisation_is_framed(csv: pd.DataFrame) -> None:
    tbilisi = csv[csv["id"] == "ge-tbilisi"]
    view = organisation_view(csv, "ge-tbilisi", PHONE)
    assert_inside(tbilisi, view, PHONE, margin=30)
    assert view.zoom == theme.FIT_MAX_ZOOM


def test_an_unknown_linked_organisation_shows_the_region(csv: pd.DataFrame) -> None:
    assert organisation_view(csv, "zz-nowhere", PHONE) == region_view(csv, PHONE)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_view_never_shows_past_the_worlds_edge(csv: pd.DataFrame, viewport: Viewport) -> None:
    """deck.gl refuses such a view (it zooms and moves it); the camera must be the one drawn."""
    view = region_view(csv, viewport)
    _, top = screen(0.0, 85.05112878, view.latitude, view.longitude, view.zoom, viewport)
    _, bottom = screen(0.0, -85.05112878, view.latitude, view.longitude, view.zoom, viewport)
    assert top <= 0.01 and bottom >= viewport.height_px - 0.01


@pytest.mark.parametrize("chart_width", [745.0, 1000.0, 358.0, 330.0])
def test_a_camera_made_for_a_fixed_width_frames_the_real_chart(csv: pd.DataFrame, chart_width: float) -> None:
    """The camera frames for the widest fixed width that fits (so a laptop's map is drawn once, before and
    after the browser reports its width); everything stays inside the chart's real width."""
    width = camera_width(chart_width)
    assert width <= chart_width and (
        width in theme.CAMERA_WIDTHS_PX or chart_width < min(theme.CAMERA_WIDTHS_PX)
    )
    view = region_view(csv, Viewport(width_px=width, height_px=theme.MAP_HEIGHT_PX))
    assert_inside(csv, view, Viewport(width_px=chart_width, height_px=theme.MAP_HEIGHT_PX), margin=30)


@pytest.mark.parametrize("chart_width", [663.5, 719.0])
def test_a_laptop_chart_frames_as_the_nominal_width(chart_width: float) -> None:
    # By hand: the map column measured in Chromium at 1366 x 768 and at 1440 x 900.
    assert camera_width(chart_width) == theme.MAP_NOMINAL_WIDTH_PX


def _file_camera(query: dict[str, list[str]]) -> MapView:
    """The camera a file of the link with `query` is drawn with (the page's download and the command)."""
    dataset = load_dataset(DATA_DIR)
    state, _ = parse(query, Known.of(dataset.countries, dataset.organisations))
    frame = apply_filters(dataset.organisations, state.filters, countries=dataset.countries)
    return map_camera(dataset.organisations, frame, state, LAPTOP)


def test_a_file_of_a_link_with_its_own_view_keeps_that_view() -> None:
    assert _file_camera({"org": ["ge-tbilisi"], "view": ["10.5,123.2,7"]}) == MapView(10.5, 123.2, 7.0)


def test_a_file_of_a_link_naming_an_organisation_is_framed_on_it(csv: pd.DataFrame) -> None:
    view = _file_camera({"org": ["ge-tbilisi"]})
    tbilisi = csv[csv["id"] == "ge-tbilisi"]
    lon, lat = float(tbilisi["lon"].iloc[0]), float(tbilisi["lat"].iloc[0])
    x, _ = screen(lon, lat, view.latitude, view.longitude, view.zoom, LAPTOP)
    assert abs(x - LAPTOP.width_px / 2) < 1
    assert view.zoom == theme.FIT_MAX_ZOOM


def test_a_file_of_a_link_naming_a_hidden_organisation_frames_what_is_shown(csv: pd.DataFrame) -> None:
    # Tbilisi named, the Philippines shown: the file frames the Philippines, as the page's fit would.
    view = _file_camera({"org": ["ge-tbilisi"], "country": ["PH"]})
    assert_inside(csv[csv["country"] == "PH"], view, LAPTOP, theme.FIT_MARGIN_SIDE_PX - 1)
