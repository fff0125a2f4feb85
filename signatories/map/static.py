"""The map model drawn as files: SVG, PNG and PDF, through Vega-Lite (Altair) and vl-convert, no browser.

Why this route: Altair is already a dependency, and `vl-convert-python` renders a Vega-Lite spec to all
three formats in-process (a Rust build of Vega with resvg), with text kept as text (selectable in the PDF,
searchable in the SVG) and fonts read from a directory we name. Matplotlib would add a second plotting
stack and its own font and text handling for the same result.

Every mark is placed in chart pixels computed by `map.camera.project`, the deck's own Web Mercator maths,
under Vega's identity projection: the file frames exactly what the live map frames, and no spherical
clipping or antimeridian rule of Vega's own can disagree with ours.

Same inputs, same bytes: the spec is built in a fixed order; SVG and PNG come out of vl-convert byte-stable;
the PDF is rewritten by pypdf onto one A4 landscape page with fixed metadata and file id (vl-convert's own
PDF orders one dictionary differently from run to run).
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import vl_convert as vlc
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, ByteStringObject

from signatories import theme
from signatories.i18n import Lang, t
from signatories.map.camera import Viewport, project
from signatories.map.model import MapModel, marker_look
from signatories.map.outlines import feature_polygons
from signatories.map.seats import LabelStyle, text_width_px

VEGA_LITE_SCHEMA: Final = "https://vega.github.io/schema/vega-lite/v6.json"
Format = Literal["svg", "png", "pdf"]
FORMATS: Final[tuple[Format, ...]] = ("svg", "png", "pdf")
MEDIA_TYPES: Final[dict[Format, str]] = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
}

# The font every glyph of every supported script is drawn with (Debian's fonts-noto-cjk, with fonts-noto-core
# for Thai and other scripts); declared in packages.txt and installed by .ci/run.
FONT_DIRECTORIES: Final = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))
FONT_FAMILY: Final = "Noto Sans CJK JP"

# The map area in CSS pixels; the PNG is drawn at PNG_SCALE (2,400+ px wide, for slides).
STATIC_VIEWPORT: Final = Viewport(width_px=1200, height_px=680)
PNG_SCALE: Final = 2.0
STATIC_LABELS: Final = LabelStyle(size_px=14, offset_px=13, gap_px=3)
# One A4 landscape page, in PDF points, and the white margin around the map on it.
A4_LANDSCAPE_PT: Final = (841.89, 595.28)
PDF_MARGIN_PT: Final = 24.0
TITLE_SIZE_PX: Final = 24
TEXT_SIZE_PX: Final = 13
NOTE_SIZE_PX: Final = 22
LEGEND_ROW_PX: Final = 22
LEGEND_GAP_PX: Final = 26
# Ten characters of the file id a PDF must carry: derived from the content, so equal files are equal.
PDF_ID_BYTES: Final = 16


@cache
def _register_fonts() -> None:
    for directory in FONT_DIRECTORIES:
        if directory.is_dir():
            vlc.register_font_directory(str(directory))


def _pixel_ring(ring: Iterable[Iterable[float]], model: MapModel) -> list[list[float]]:
    return [list(_projected(float(lon), float(lat), model)) for lon, lat, *_ in ring]


def _visible(rings: list[list[list[float]]], viewport: Viewport) -> bool:
    xs = [point[0] for ring in rings for point in ring]
    ys = [point[1] for ring in rings for point in ring]
    return max(xs) >= 0 and min(xs) <= viewport.width_px and max(ys) >= 0 and min(ys) <= viewport.height_px


def outline_features(model: MapModel) -> list[dict[str, Any]]:
    """The outlines in chart pixels, only those that reach into the map, each with its fill."""
    if model.outlines is None:
        return []
    features = []
    for feature in model.outlines.get("features", []):
        pixels = [
            [_pixel_ring(ring, model) for ring in polygon] for polygon in feature_polygons(feature) if polygon
        ]
        pixels = [polygon for polygon in pixels if _visible(polygon, model.viewport)]
        if not pixels:
            continue
        code = str((feature.get("properties") or {}).get("iso_a2", ""))
        fill = theme.SIGNATORY_COUNTRY_FILL if code in model.tinted_countries else theme.BORDER_FILL
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "MultiPolygon", "coordinates": pixels},
                "properties": {"fill": fill},
            }
        )
    return features


def arc_features(model: MapModel) -> list[dict[str, Any]]:
    """Each arc as a straight line from the proposer's seat, as the live map draws it."""
    features = []
    for arc in model.arcs:
        points = [list(_projected(lon, lat, model)) for lon, lat in (arc.source, arc.target)]
        features.append(
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": points}, "properties": {}}
        )
    return features


def _projected(lon: float, lat: float, model: MapModel) -> tuple[float, float]:
    x, y = project(lon, lat, model.camera, model.viewport)
    return round(x, 1), round(y, 1)


def _identity() -> dict[str, Any]:
    # Chart pixels in, chart pixels out: no fitting, no flipping.
    return {"type": "identity", "scale": 1, "translate": [0, 0], "reflectY": False}


def _geo_layer(
    features: list[dict[str, Any]], mark: dict[str, Any], encoding: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "data": {"values": features, "format": {"type": "json"}},
        "mark": {"type": "geoshape", "clip": True, **mark},
        "projection": _identity(),
        **({"encoding": encoding} if encoding else {}),
    }


def _point_rows(model: MapModel) -> list[dict[str, Any]]:
    rows = []
    for marker in model.shown_markers():
        x, y = _projected(marker.lon, marker.lat, model)
        look = marker_look(marker.proposer, marker.org_id == model.selected)
        # Vega's point size is an area in square pixels.
        rows.append(
            {
                "id": marker.org_id,
                "x": x,
                "y": y,
                "fill": marker.colour,
                "stroke": look.outline,
                "width": look.outline_px,
                "size": math.pi * look.radius_px**2,
            }
        )
    return rows


def _label_rows(model: MapModel) -> list[dict[str, Any]]:
    return [
        {"x": x, "y": y - STATIC_LABELS.offset_px, "text": label.text}
        for label in model.labels
        for x, y in [_projected(label.lon, label.lat, model)]
    ]


def marker_layer(model: MapModel) -> dict[str, Any]:
    """The markers, one row each with its organisation's id, in the model's order (proposers on top)."""
    return {
        "data": {"values": _point_rows(model)},
        "mark": {"type": "point", "filled": True, "opacity": 1, "clip": True},
        "projection": _identity(),
        "encoding": {
            "longitude": {"field": "x", "type": "quantitative"},
            "latitude": {"field": "y", "type": "quantitative"},
            "fill": {"field": "fill", "type": "nominal", "scale": None},
            "stroke": {"field": "stroke", "type": "nominal", "scale": None},
            "strokeWidth": {"field": "width", "type": "quantitative", "scale": None},
            "size": {"field": "size", "type": "quantitative", "scale": None},
        },
    }


def map_layer_chart(
    model: MapModel, markers: Callable[[MapModel], dict[str, Any]] = marker_layer
) -> dict[str, Any]:
    """The map area: outlines, arcs, markers, seat names and any note, clipped to the viewport.

    `markers` draws the marker layer: a file's plain one, or the page's with hover cards and clicks.
    """
    viewport = model.viewport
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": [{}]},
            "mark": {
                "type": "rect",
                "fill": theme.STATIC_SEA,
                "x": 0,
                "y": 0,
                "x2": viewport.width_px,
                "y2": viewport.height_px,
            },
        }
    ]
    outlines = outline_features(model)
    if outlines:
        layers.append(
            _geo_layer(
                outlines,
                {"stroke": theme.BORDER_LINE, "strokeWidth": theme.BORDER_LINE_PX},
                {"fill": {"field": "properties.fill", "type": "nominal", "scale": None}},
            )
        )
    arcs = arc_features(model)
    if arcs:
        layers.append(
            _geo_layer(
                arcs,
                {
                    "filled": False,
                    "stroke": theme.ARC_COLOUR,
                    "strokeWidth": theme.ARC_WIDTH_PX,
                    "strokeOpacity": 0.6,
                },
            )
        )
    if model.markers:
        layers.append(markers(model))
    labels = _label_rows(model)
    if labels:
        layers.append(
            {
                "data": {"values": labels},
                "mark": {
                    "type": "text",
                    "baseline": "bottom",
                    "align": "center",
                    "fontSize": STATIC_LABELS.size_px,
                    "fill": theme.LABEL_COLOUR,
                    "stroke": theme.STATIC_LABEL_HALO,
                    "strokeWidth": 3,
                    "strokeOpacity": 0.85,
                    "clip": True,
                },
                "projection": _identity(),
                "encoding": {
                    "longitude": {"field": "x", "type": "quantitative"},
                    "latitude": {"field": "y", "type": "quantitative"},
                    "text": {"field": "text", "type": "nominal"},
                },
            }
        )
        # The halo's stroke covers the letters' fill: draw the fill again on top.
        plain = dict(layers[-1])
        plain["mark"] = {
            key: value for key, value in layers[-1]["mark"].items() if not key.startswith("stroke")
        }
        layers.append(plain)
    if model.notes:
        layers.append(
            {
                "data": {"values": [{"text": note, "row": row} for row, note in enumerate(model.notes)]},
                "mark": {
                    "type": "text",
                    "x": viewport.width_px / 2,
                    "fontSize": NOTE_SIZE_PX,
                    "fontWeight": "bold",
                    "fill": theme.LABEL_COLOUR,
                    "align": "center",
                },
                "encoding": {
                    "y": {"field": "row", "type": "ordinal", "axis": None},
                    "text": {"field": "text", "type": "nominal"},
                },
            }
        )
    return {"width": viewport.width_px, "height": viewport.height_px, "layer": layers}


def legend_rows(model: MapModel) -> list[dict[str, Any]]:
    """Legend entries laid out left to right, wrapping at the map's width, with their live counts."""
    rows, x, y = [], 0.0, LEGEND_ROW_PX / 2
    for entry in model.legend:
        text = t("export.legend_count", model.lang, label=entry.text, count=entry.count)
        width = 22 + text_width_px(text, TEXT_SIZE_PX)
        if x and x + width > model.viewport.width_px:
            x, y = 0.0, y + LEGEND_ROW_PX
        rows.append({"x": x, "y": y, "text": text, "symbol": entry.symbol, "colour": entry.colour})
        x += width + LEGEND_GAP_PX
    return rows


def _legend_symbol(symbol: str, shape: str, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "transform": [{"filter": {"field": "symbol", "equal": symbol}}],
        "mark": {"type": "point", "shape": shape, "size": 110, "xOffset": 8, **extra},
        "encoding": {
            "x": {"field": "x", "type": "quantitative", "scale": None},
            "y": {"field": "y", "type": "quantitative", "scale": None},
            "fill": {"field": "colour", "type": "nominal", "scale": None},
        },
    }


def footer_chart(model: MapModel) -> dict[str, Any]:
    """The legend, then the credits and the dataset date, in the map's width."""
    rows = legend_rows(model)
    legend_height = (max(float(row["y"]) for row in rows) + LEGEND_ROW_PX / 2) if rows else 0.0
    lines = [*model.credits, t("export.dataset_date", model.lang, date=model.dataset_date.isoformat())]
    line_ys = [legend_height + 8 + (index + 0.5) * (TEXT_SIZE_PX + 5) for index in range(len(lines))]
    text_rows = [{"x": 0, "y": y, "text": line} for y, line in zip(line_ys, lines, strict=True)]
    height = line_ys[-1] + TEXT_SIZE_PX
    x_y = {
        "x": {"field": "x", "type": "quantitative", "scale": None},
        "y": {"field": "y", "type": "quantitative", "scale": None},
    }
    text_mark = {
        "type": "text",
        "align": "left",
        "baseline": "middle",
        "fontSize": TEXT_SIZE_PX,
        "fill": theme.LABEL_COLOUR,
    }
    layers: list[dict[str, Any]] = []
    if rows:
        layers += [
            {
                **_legend_symbol("marker", "circle", {"stroke": theme.MARKER_OUTLINE, "opacity": 1}),
                "data": {"values": rows},
            },
            {
                **_legend_symbol(
                    "proposer",
                    "circle",
                    {"filled": False, "strokeWidth": theme.PROPOSER_OUTLINE_PX, "opacity": 1},
                ),
                "data": {"values": rows},
                "encoding": {**x_y, "stroke": {"field": "colour", "type": "nominal", "scale": None}},
            },
            {
                **_legend_symbol("arc", "stroke", {"strokeWidth": 2, "opacity": 1}),
                "data": {"values": rows},
                "encoding": {**x_y, "stroke": {"field": "colour", "type": "nominal", "scale": None}},
            },
            {
                **_legend_symbol("country", "square", {"stroke": theme.BORDER_LINE, "opacity": 1}),
                "data": {"values": rows},
            },
            {
                "data": {"values": rows},
                "mark": {**text_mark, "dx": 22},
                "encoding": {**x_y, "text": {"field": "text", "type": "nominal"}},
            },
        ]
    layers.append(
        {
            "data": {"values": text_rows},
            "mark": {**text_mark, "fill": theme.STATIC_MUTED_TEXT},
            "encoding": {**x_y, "text": {"field": "text", "type": "nominal"}},
        }
    )
    return {"width": model.viewport.width_px, "height": height, "layer": layers}


def vega_lite_spec(model: MapModel) -> dict[str, Any]:
    """The whole file as one Vega-Lite spec: title block, map, legend and credits."""
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": {
            "text": model.title,
            "subtitle": list(model.summary),
            "anchor": "start",
            "fontSize": TITLE_SIZE_PX,
            "subtitleFontSize": TEXT_SIZE_PX + 1,
            "subtitleColor": theme.LABEL_COLOUR,
            "offset": 12,
        },
        "background": "#FFFFFF",
        "padding": 20,
        "spacing": 12,
        "vconcat": [map_layer_chart(model), footer_chart(model)],
        "config": {
            "font": FONT_FAMILY,
            "view": {"stroke": None},
            "title": {"font": FONT_FAMILY, "subtitleFont": FONT_FAMILY},
            "text": {"font": FONT_FAMILY},
        },
    }


# vl-convert numbers clip paths on from a per-process counter: a second file would name them clip6, clip7...
CLIP_ID: Final = re.compile(r"\bclip(\d+)\b")


def _renumber_clips(svg: str) -> str:
    """Clip ids numbered from 1 in order of appearance, so equal maps are equal files."""
    numbers: dict[str, int] = {}
    return CLIP_ID.sub(lambda match: f"clip{numbers.setdefault(match[1], len(numbers) + 1)}", svg)


def render_svg(model: MapModel) -> bytes:
    _register_fonts()
    return _renumber_clips(vlc.vegalite_to_svg(vega_lite_spec(model))).encode("utf-8")


def render_png(model: MapModel) -> bytes:
    _register_fonts()
    return bytes(vlc.vegalite_to_png(vega_lite_spec(model), scale=PNG_SCALE))


def render_pdf(model: MapModel) -> bytes:
    """One A4 landscape page, the map scaled to fit and centred, text selectable, bytes repeatable."""
    _register_fonts()
    source = PdfReader(io.BytesIO(vlc.vegalite_to_pdf(vega_lite_spec(model)))).pages[0]
    width, height = float(source.mediabox.width), float(source.mediabox.height)
    page_w, page_h = A4_LANDSCAPE_PT
    scale = min((page_w - 2 * PDF_MARGIN_PT) / width, (page_h - 2 * PDF_MARGIN_PT) / height)
    dx, dy = (page_w - width * scale) / 2, (page_h - height * scale) / 2
    page = PageObject.create_blank_page(width=page_w, height=page_h)
    page.merge_transformed_page(source, Transformation().scale(scale).translate(dx, dy))
    writer = PdfWriter()
    writer.add_page(page)
    writer.add_metadata({"/Title": model.title, "/Producer": "signatories"})
    # The file id is a hash of what the page draws, not a random value: equal maps, equal files.
    content = page.get_contents()
    digest = hashlib.sha256((content.get_data() if content else b"") + model.title.encode()).digest()
    file_id = ByteStringObject(digest[:PDF_ID_BYTES])
    writer._ID = ArrayObject([file_id, file_id])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


RENDERERS: Final[Mapping[Format, Callable[[MapModel], bytes]]] = {
    "svg": render_svg,
    "png": render_png,
    "pdf": render_pdf,
}


def render(model: MapModel, fmt: Format) -> bytes:
    return RENDERERS[fmt](model)


def file_name_for(lang: Lang, fmt: Format, dataset_date: date) -> str:
    """`yokohama-declaration-map-2026-11-29-ja.png`: the dataset date and the language in the name."""
    return f"yokohama-declaration-map-{dataset_date.isoformat()}-{lang}.{fmt}"


def file_name(model: MapModel, fmt: Format) -> str:
    return file_name_for(model.lang, fmt, model.dataset_date)
