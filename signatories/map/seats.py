"""Seats: where organisations sit, which share one, where each marker is drawn, which seats are named, arcs.

The one same-seat rule: two organisations share a seat when their Pacific longitude and latitude agree to
`SAME_SEAT_DECIMALS` (~100 m). The map spreads them on a ring, the details panel lists the others there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from signatories import theme
from signatories.borders import pacific_longitude, pacific_longitudes
from signatories.i18n import Lang
from signatories.map.camera import WORLD_PX_AT_ZOOM_0, mercator_y

# Two organisations are at the same seat when their coordinates agree to this many decimals (~100 m).
SAME_SEAT_DECIMALS: Final = 3
# A Latin letter of a sans-serif face is on average about this fraction of the font size wide.
LATIN_CHAR_WIDTH_EM: Final = 0.6


def draw_positions(
    organisations: pd.DataFrame, spread_deg: float = theme.CO_LOCATED_SPREAD_DEG
) -> pd.DataFrame:
    """Where each organisation's marker is drawn: its seat, in Pacific longitudes, spread when shared.

    Organisations at the same seat sit on a ring around it, ordered by id so the layout never changes
    between runs; neighbours on the ring are `spread_deg` apart (the display's larger markers need more). Returns columns
    `draw_lon` and `draw_lat` on the frame's index; organisations without coordinates are left out.
    """
    located = organisations.dropna(subset=["lat", "lon"])
    lon = located["lon"].astype(float).map(pacific_longitude)
    lat = located["lat"].astype(float)
    seat = pd.Series([str(key) for key in _seat_keys(located)], index=located.index)
    order = located.assign(_seat=seat).sort_values(["_seat", "id"])
    position = order.groupby("_seat").cumcount().reindex(located.index)
    size = seat.map(seat.value_counts())

    shared = size > 1
    angle = 2 * np.pi * position / size
    # Neighbours `spread` apart on a ring of n points: chord = 2 r sin(pi / n).
    radius = spread_deg / (2 * np.sin(np.pi / size.where(shared, 2)))
    # Degrees of longitude shrink with latitude; widening them keeps the ring round on the map.
    stretch = 1 / np.cos(np.radians(lat))
    return pd.DataFrame(
        {
            "draw_lon": lon + (radius * np.sin(angle) * stretch).where(shared, 0.0),
            "draw_lat": lat + (radius * np.cos(angle)).where(shared, 0.0),
        },
        index=located.index,
    )


@dataclass(frozen=True)
class LabelStyle:
    """Size of seat labels on screen, and how far above the marker and apart from each other they sit."""

    size_px: float = theme.LABEL_SIZE_PX
    offset_px: float = theme.LABEL_OFFSET_PX
    gap_px: float = theme.LABEL_GAP_PX


EXPLORER_LABELS: Final = LabelStyle()


def text_width_px(text: str, size_px: float) -> float:
    """Rough rendered width: CJK characters are square, Latin ones a little over half as wide."""
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in ("W", "F"))
    return size_px * (wide + LATIN_CHAR_WIDTH_EM * (len(text) - wide))


def label_box(
    lon: float, lat: float, text: str, zoom: float, style: LabelStyle = EXPLORER_LABELS
) -> tuple[float, float, float, float]:
    """The screen box (world pixels at `zoom`, gap included) a seat label covers above its point."""
    world_px = WORLD_PX_AT_ZOOM_0 * 2**zoom
    x = lon / 360.0 * world_px
    bottom = mercator_y(lat) * world_px - style.offset_px
    half = text_width_px(text, style.size_px) / 2 + style.gap_px
    return (x - half, bottom - style.size_px - style.gap_px, x + half, bottom + style.gap_px)


def seat_rows(
    frame: pd.DataFrame, lang: Lang, zoom: float, style: LabelStyle = EXPLORER_LABELS
) -> list[dict[str, Any]]:
    """One label per seat of the shown organisations, thinned so no two overlap at `zoom`.

    The proposers' seats win, then busier seats, then alphabetical order. Thinning happens here
    rather than in deck.gl's CollisionFilterExtension, whose labels did not draw at all in headless
    Chromium's software WebGL; the cost is that zooming in by hand does not reveal the hidden ones
    ("fit to selection" re-thins them for its zoom).
    """
    located = frame.dropna(subset=["lat", "lon"])
    if located.empty:
        return []
    english = located["seat"].tolist()
    names = located["seat_ja"].fillna("").tolist() if lang == "ja" else english
    # Per seat: the first organisation's seat name, how many organisations, whether a proposer is there.
    seats: dict[tuple[float, float], list[Any]] = {}
    for seat, name, fallback, proposer in zip(
        _seat_keys(located), names, english, (located["role"] == "proposer").tolist(), strict=True
    ):
        entry = seats.setdefault(seat, [name if name else fallback, 0, False])
        entry[1] += 1
        entry[2] = entry[2] or proposer
    grouped = sorted(
        ((lon, lat, text) for (lon, lat), (text, count, proposer) in seats.items()),
        key=lambda row: (
            not seats[row[0], row[1]][2],
            -seats[row[0], row[1]][1],
            str(row[2]),
            row[0],
            row[1],
        ),
    )
    placed: list[tuple[float, float, float, float]] = []
    rows = []
    for lon, lat, text in grouped:
        box = label_box(float(lon), float(lat), str(text), zoom, style)
        if any(box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3] for o in placed):
            continue
        placed.append(box)
        rows.append({"position": [float(lon), float(lat)], "text": str(text)})
    return rows


def _seats(longitudes: list[float], latitudes: list[float]) -> list[tuple[float, float]]:
    """Seats: Pacific longitude and latitude to `SAME_SEAT_DECIMALS`, as numpy rounds."""
    lons = pacific_longitudes(np.array(longitudes, dtype=float))
    lats = np.array(latitudes, dtype=float)
    return list(
        zip(
            np.round(lons, SAME_SEAT_DECIMALS).tolist(),
            np.round(lats, SAME_SEAT_DECIMALS).tolist(),
            strict=True,
        )
    )


def _seat_keys(frame: pd.DataFrame) -> list[tuple[float, float]]:
    """Each located row's seat."""
    return _seats(frame["lon"].tolist(), frame["lat"].tolist())


def _located_seats(frame: pd.DataFrame, role: str) -> list[tuple[str, tuple[float, float]]]:
    """(id, seat) of the located organisations with this role, read column by column.

    Plain lists, not a filtered frame: indexing a frame of text columns costs milliseconds per call.
    """
    columns = [frame[name].tolist() for name in ("id", "role", "lat", "lon")]
    rows = zip(*columns, strict=True)
    kept = [
        (org_id, lat, lon)
        for org_id, kind, lat, lon in rows
        if kind == role and pd.notna(lat) and pd.notna(lon)
    ]
    seats = _seats([lon for _, _, lon in kept], [lat for _, lat, _ in kept])
    return [(org_id, seat) for (org_id, _, _), seat in zip(kept, seats, strict=True)]


def arc_rows(organisations: pd.DataFrame, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """An arc from each proposer's seat to each seat of the shown participants, except its own."""
    sources = [seat for _, seat in sorted(_located_seats(organisations, "proposer"))]
    targets = sorted({seat for _, seat in _located_seats(frame, "participant")})
    # A participant in a proposer's own city (Bangkok's) gets no zero-length arc from it.
    return [
        {"from": [source[0], source[1]], "to": [target[0], target[1]]}
        for source in sources
        for target in targets
        if source != target
    ]


def same_seat(organisations: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The other organisations at this row's seat (the ones spread on a ring on the map), by id."""
    if pd.isna(row["lat"]) or pd.isna(row["lon"]):
        return organisations.iloc[0:0]
    here = _seats([float(row["lon"])], [float(row["lat"])])[0]
    located = organisations.dropna(subset=["lat", "lon"])
    keys = pd.Series(_seat_keys(located), index=located.index, dtype=object)
    others = located[(keys == here) & (located["id"] != row["id"])]
    return others.sort_values("id")
