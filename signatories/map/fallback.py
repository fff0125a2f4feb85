"""The map where WebGL is missing: the files' map area (`map.static`) drawn live in the page by Vega.

Vega draws with a 2D canvas, which every browser has, so the page keeps what a picture would lose: the
live map's short hover card on each marker and a click that selects its organisation. The same model, the
same camera maths and the same marks as the files; only the hover card and the click are added here.

Pure: a model in, a Vega-Lite spec out; the page (`ui.map_fallback`) draws it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from signatories import theme
from signatories.i18n import t
from signatories.map.model import MapModel
from signatories.map.static import VEGA_LITE_SCHEMA, map_layer_chart, marker_layer

# The point selection a click on a marker makes; the page reads it back by this name.
PICK: Final = "pick"
# vega-tooltip shows a datum's `title` as the card's heading, the other fields as "heading value" rows.
CARD_TITLE: Final = "title"
CARD_FIELDS: Final = ("card_name", "card_kind", "card_year")


def _card_marker_layer(model: MapModel) -> dict[str, Any]:
    """The files' marker layer with the live map's hover card on each marker: the model's own name, kind
    and target text (the deck's tooltip fields)."""
    layer = marker_layer(model)
    cards = {marker.org_id: (marker.name, marker.kind, marker.target) for marker in model.markers}
    rows = []
    for row in layer["data"]["values"]:
        texts = cards.get(row["id"], ("", "", ""))
        rows.append({**row, **dict(zip(CARD_FIELDS, texts, strict=True))})
    # The card's headings are the deck's own ("Type: ", "Target: "); vega-tooltip escapes every value.
    titles = (
        CARD_TITLE,
        t("map.tooltip_type", model.lang).strip(),
        t("map.tooltip_target", model.lang).strip(),
    )
    return {
        **layer,
        "data": {"values": rows},
        "mark": {**layer["mark"], "cursor": "pointer"},
        "encoding": {
            **layer["encoding"],
            "tooltip": [
                {"field": field, "type": "nominal", "title": title}
                for field, title in zip(CARD_FIELDS, titles, strict=True)
            ],
        },
        # A click on a marker picks its id; a click anywhere else picks nothing, which clears the panel.
        "params": [{"name": PICK, "select": {"type": "point", "fields": ["id"], "on": "click"}}],
    }


def page_spec(model: MapModel) -> dict[str, Any]:
    """The map area alone, at the model's viewport, pixel for pixel: the page shows its own title, legend
    and credits around it, so the files' title block and footer would say everything twice."""
    chart = map_layer_chart(model, _card_marker_layer)
    return {
        "$schema": VEGA_LITE_SCHEMA,
        **chart,
        # No padding and no autosizing: a chart pixel is a camera pixel, as on the live map. Each side named:
        # Streamlit gives a chart without a bottom padding one of 20 px.
        "padding": {"top": 0, "right": 0, "bottom": 0, "left": 0},
        "autosize": {"type": "none"},
        "config": {
            "view": {"stroke": None},
            # Streamlit turns tooltips on for every mark: outlines, arcs and names would show "true".
            "mark": {"tooltip": None},
            "font": theme.LABEL_FONT_FAMILY,
            "text": {"font": theme.LABEL_FONT_FAMILY},
        },
    }


def picked(selection: Mapping[str, Any] | None) -> str | None:
    """What the chart's last click picked: an organisation's id, "" for empty map, None before any click.

    Streamlit reports a chart nobody clicked yet as `{}` for the selection; a click on empty map hits the
    sea or a country (never a marker) and picks a row without an id.
    """
    if not selection:
        return None
    picks = (selection.get("selection") or {}).get(PICK)
    if not isinstance(picks, list):
        return None
    first = picks[0] if picks else None
    value = first.get("id") if isinstance(first, Mapping) else None
    return value if isinstance(value, str) else ""
