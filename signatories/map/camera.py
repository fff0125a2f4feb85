"""The camera: where a map looks and how far in, in Web Mercator, the same for every renderer.

One rule frames a map: every shown signatory inside the chart at its real width, with room for the seat
labels around them, and never closer than `theme.FIT_MAX_ZOOM`, where a one-seat selection still shows its
country's outline and its neighbours. Longitudes go through `borders.pacific_longitudes`, so Samoa and the
Cook Islands sit east of Papua New Guinea.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from signatories import theme
from signatories.borders import pacific_longitudes

# deck.gl's Web Mercator world is 512 pixels wide at zoom 0.
WORLD_PX_AT_ZOOM_0: Final = 512.0
# Web Mercator is undefined at the poles; clamp latitudes like every web map does.
MERCATOR_MAX_LAT: Final = 85.05112878


@dataclass(frozen=True)
class MapView:
    """Where the camera looks; kept in session state so only an explicit request moves it."""

    latitude: float
    longitude: float
    zoom: float

    def nudged(self, request: int) -> MapView:
        """The same view, moved by a hair that alternates with each request.

        Streamlit applies a new initial view only where it differs from the previous one; a user who
        panned away and asks for the same framing again would otherwise see nothing happen.
        """
        step = theme.VIEW_NUDGE * (request % 2)
        return MapView(self.latitude + step, self.longitude + step, self.zoom + step)


@dataclass(frozen=True)
class Viewport:
    """The chart a camera frames for, in CSS pixels."""

    width_px: float = theme.MAP_NOMINAL_WIDTH_PX
    height_px: float = theme.MAP_HEIGHT_PX


def degrees_per_px(zoom: float) -> float:
    """Degrees of longitude one pixel spans at `zoom` (Web Mercator; the same at every latitude)."""
    return 360.0 / (WORLD_PX_AT_ZOOM_0 * 2**zoom)


def camera_width(chart_width_px: float) -> float:
    """The width a camera frames for: the widest of `theme.CAMERA_WIDTHS_PX` that fits the chart."""
    fitting = [width for width in theme.CAMERA_WIDTHS_PX if width <= chart_width_px]
    return float(max(fitting)) if fitting else float(chart_width_px)


def theme_view() -> MapView:
    """The theme's fixed region view, for when there is nothing located to frame."""
    view = theme.REGION_VIEW
    return MapView(float(view["latitude"]), float(view["longitude"]), float(view["zoom"]))


def mercator_y(lat: float) -> float:
    """Latitude to Web Mercator's 0..1 vertical coordinate (0 at the top)."""
    phi = math.radians(max(-MERCATOR_MAX_LAT, min(MERCATOR_MAX_LAT, lat)))
    return (1 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2


def mercator_lat(y: float) -> float:
    """Web Mercator's 0..1 vertical coordinate back to a latitude."""
    return math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y))) - math.pi / 2)


def fit_points(
    lons: np.ndarray,
    lats: np.ndarray,
    viewport: Viewport = Viewport(),
    max_zoom: float = theme.FIT_MAX_ZOOM,
) -> MapView:
    """The view showing every (Pacific) longitude and latitude inside `viewport`, labels' margins kept.

    The margins are pixels, not a share of the chart: a seat label needs the same room on a phone as on
    a wall screen. On a chart too small for the margins, half the chart is kept for the points.
    """
    if len(lons) == 0:
        return theme_view()
    west, east = float(np.min(lons)), float(np.max(lons))
    # Web Mercator's y falls as latitude rises: the northernmost point is the top.
    top, bottom = mercator_y(float(np.max(lats))), mercator_y(float(np.min(lats)))
    side, above, below = theme.FIT_MARGIN_SIDE_PX, theme.FIT_MARGIN_TOP_PX, theme.FIT_MARGIN_BOTTOM_PX
    usable_x = max(viewport.width_px - 2 * side, viewport.width_px / 2)
    usable_y = max(viewport.height_px - above - below, viewport.height_px / 2)
    zooms = [max_zoom]
    span_x, span_y = (east - west) / 360.0, bottom - top
    if span_x > 0:
        zooms.append(math.log2(usable_x / (WORLD_PX_AT_ZOOM_0 * span_x)))
    if span_y > 0:
        zooms.append(math.log2(usable_y / (WORLD_PX_AT_ZOOM_0 * span_y)))
    # deck.gl never shows past the world's top or bottom edge: it zooms in until the world is as tall as the
    # chart and moves the centre off the edges. Doing the same here keeps the camera the one drawn.
    zoom = max(theme.MIN_ZOOM, math.log2(viewport.height_px / WORLD_PX_AT_ZOOM_0), min(zooms))
    # The label room sits above the points: centre the padded box, not the points.
    world_px = WORLD_PX_AT_ZOOM_0 * 2**zoom
    centre_y = ((top * world_px - above) + (bottom * world_px + below)) / 2 / world_px
    half = viewport.height_px / 2 / world_px
    centre_y = min(max(centre_y, half), 1 - half)
    return MapView(mercator_lat(centre_y), (west + east) / 2, zoom)


def located_points(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The (Pacific longitude, latitude) arrays of the rows of `frame` that have coordinates."""
    lats, lons = frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)
    located = ~(np.isnan(lats) | np.isnan(lons))
    return pacific_longitudes(lons[located]), lats[located]


def fit_view(
    frame: pd.DataFrame, viewport: Viewport = Viewport(), max_zoom: float = theme.FIT_MAX_ZOOM
) -> MapView:
    """The view framing every located organisation in `frame`; the theme's region view when none is."""
    lons, lats = located_points(frame)
    return fit_points(lons, lats, viewport, max_zoom)


def region_view(organisations: pd.DataFrame, viewport: Viewport = Viewport()) -> MapView:
    """The whole region: every signatory, the Caucasus to the Cook Islands, at the chart's width."""
    return fit_view(organisations, viewport)


def organisation_view(organisations: pd.DataFrame, org_id: str, viewport: Viewport = Viewport()) -> MapView:
    """A linked organisation framed with its country around it; the whole region when it has no seat."""
    row = organisations[organisations["id"] == org_id]
    lons, lats = located_points(row)
    if len(lons) == 0:
        return region_view(organisations, viewport)
    return fit_points(lons, lats, viewport)


def project(lon: float, lat: float, view: MapView, viewport: Viewport) -> tuple[float, float]:
    """Chart pixel (x right, y down) of a Pacific longitude and latitude seen through `view`."""
    world_px = WORLD_PX_AT_ZOOM_0 * 2**view.zoom
    x = (lon - view.longitude) / 360.0 * world_px + viewport.width_px / 2
    y = (mercator_y(lat) - mercator_y(view.latitude)) * world_px + viewport.height_px / 2
    return x, y
