"""The map explorer's parts: counts, the map with its legend and controls, the details panel and the table."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Final

import pandas as pd
import streamlit as st

from signatories import theme
from signatories.dataset import Dataset
from signatories.filters import BENCHMARK_YEAR, Counts
from signatories.i18n import Lang, label, t
from signatories.labels import describe
from signatories.map.camera import MapView, Viewport, camera_width, fit_view, organisation_view
from signatories.map.deck import EXPLORER_STYLE, build_deck, picked_index
from signatories.map.model import LegendEntry, build_model
from signatories.map.outlines import tolerance_for_zoom
from signatories.map.seats import same_seat
from signatories.ui import cache, map_fallback, map_files, map_probe, page, state
from signatories.ui.page import PageContext
from signatories.ui.text import js_literal, md_escape

KEY_MAP: Final = "map"
KEY_TABLE: Final = "table"
KEY_FIT: Final = "map_fit"
KEY_REGION: Final = "map_region"
KEY_PROBE: Final = "map_probe"
# The chart widths at which the page draws differently: the cameras' widths and the phone layout. Between
# two of them the browser's exact width changes nothing, so it is not reported (see map_probe).
WIDTH_BREAKPOINTS_PX: Final = (*theme.CAMERA_WIDTHS_PX, theme.PHONE_MAX_WIDTH_PX)
# The ids of the table's rows as drawn, so a row picked in the browser maps back to its organisation.
TABLE_IDS_KEY: Final = "explorer_table_ids"
# The rows the table was last drawn with ticked: the browser sends them back as if picked (see _on_table_select).
TABLE_TICKED_KEY: Final = "explorer_table_ticked"
TABLE_COLUMNS: Final = (
    "name",
    "name_other",
    "type",
    "country",
    "seat",
    "target",
    "basis",
    "precision",
    "source_link",
)


def render_metrics(counts: Counts, dataset: Dataset, lang: Lang) -> None:
    total = dataset.total
    share = counts.benchmark_share
    countries_total = dataset.organisations["country"].nunique()
    # A wrapping row rather than columns: Streamlit stacks columns one per line below 640 px, which put
    # five large figures between a phone's title and its map; a row wraps to one or two compact lines.
    with st.container(horizontal=True, key="explorer_metrics", gap="medium"):
        st.metric(
            t("explorer.metric_organisations", lang),
            t("explorer.metric_of", lang, shown=counts.organisations, total=total),
            width="content",
        )
        st.metric(
            t("explorer.metric_countries", lang),
            t("explorer.metric_of", lang, shown=counts.countries, total=countries_total),
            width="content",
        )
        st.metric(
            t("explorer.metric_local", lang),
            counts.local_bodies,
            help=t("explorer.metric_local_help", lang),
            width="content",
        )
        st.metric(
            t("explorer.metric_national", lang),
            counts.national_bodies,
            help=t("explorer.metric_national_help", lang, other=counts.other_bodies),
            width="content",
        )
        st.metric(
            t("explorer.metric_benchmark", lang, year=BENCHMARK_YEAR),
            "—" if share is None else f"{share:.0%}",
            help=t(
                "explorer.metric_benchmark_help",
                lang,
                year=BENCHMARK_YEAR,
                count=counts.with_benchmark_target,
            ),
            width="content",
        )


def picked_id(selection: Mapping[str, Any] | None, ids: Sequence[str]) -> str | None:
    """The organisation picked in a Streamlit map selection event (an index into the marker layer, whose
    order is `ids`), or None when nothing is selected."""
    index = picked_index(selection)
    return ids[index] if index is not None and 0 <= index < len(ids) else None


def _map_key() -> str:
    # A new key starts the map afresh in the browser, dropping its own selection (see state.map_generation).
    return f"{KEY_MAP}_{state.map_generation()}"


def _on_map_select(key: str, ids: Sequence[str]) -> None:
    # A click on a marker selects it; a click on empty map (or the same marker again) clears the panel.
    state.select(picked_id(st.session_state.get(key), ids) or "", from_map=True)


def render_map(context: PageContext, basemap: dict[str, Any] | None) -> None:
    """Re-framing buttons, the map, its legend and attribution."""
    dataset, frame, lang, view = context.dataset, context.frame, context.lang, context.state.view
    directory = context.directory
    probe = map_probe.probe(KEY_PROBE, WIDTH_BREAKPOINTS_PX)
    viewport = Viewport(probe.chart_width(), map_height_px(probe.chart_width()))
    # Cameras frame for a fixed width that fits the chart (see theme.CAMERA_WIDTHS_PX).
    framing = Viewport(camera_width(viewport.width_px), viewport.height_px)
    with st.container(horizontal=True, key="map_controls"):
        st.button(
            t("map.fit", lang),
            key=KEY_FIT,
            on_click=state.request_camera,
            args=(fit_view(frame, framing),),
            disabled=frame.empty,
            icon=":material/fit_screen:",
            help=t("map.fit_help", lang),
        )
        st.button(
            t("map.whole_region", lang),
            key=KEY_REGION,
            on_click=state.request_camera,
            args=(None,),
            icon=":material/public:",
        )
        page.render_share(context.state)
    camera = view.camera or _opening_camera(context, framing)
    # The outlines at the detail the camera's zoom needs (a hand zoom is not reported, so it keeps them).
    tolerance = tolerance_for_zoom(camera.zoom)
    if probe.webgl is False:
        # No WebGL: the files' map drawn by Vega on a 2D canvas, with the hover card and the click kept.
        outlines = cache.cached_outlines(directory, tolerance) if basemap is not None else None
        legend = map_fallback.render_fallback_map(context, outlines, camera, viewport)
        _render_map_notes(context, legend)
        return
    rows = cache.cached_marker_rows(directory, lang)
    model = build_model(
        dataset.organisations,
        frame,
        dataset.countries,
        basemap,
        context.state,
        viewport,
        EXPLORER_STYLE.labels,
        camera=camera.nudged(state.camera_requests()),
        markers=cache.cached_model_markers(directory, lang),
    )
    key = _map_key()
    # Only a shown organisation is highlighted: a selection the filters hide must not fade the others.
    if (picked_id(st.session_state.get(key), rows.ids) or "") != model.selected:
        state.restart_map()
        key = _map_key()
    # The dataset's static parts (marker rows, the basemap's files) are kept per directory and language.
    web_basemap = cache.cached_web_basemap(directory, tolerance) if basemap is not None else None
    deck = build_deck(model, EXPLORER_STYLE, web_basemap, rows, online_basemap=view.online_basemap)
    st.pydeck_chart(
        deck,
        on_select=partial(_on_map_select, key, rows.ids),
        selection_mode="single-object",
        key=key,
        height=int(viewport.height_px),
        alt=t("map.alt", lang, count=len(frame)),
    )
    _render_map_notes(context, model.legend)


def map_height_px(chart_width_px: float) -> int:
    """The map's height: lower on a phone, so that it fits the first screen under the title and figures."""
    return theme.PHONE_MAP_HEIGHT_PX if chart_width_px < theme.PHONE_MAX_WIDTH_PX else theme.MAP_HEIGHT_PX


def _opening_camera(context: PageContext, viewport: Viewport) -> MapView:
    """The whole region at the chart's width, or the organisation the link named, with its country around."""
    linked = state.linked_organisation()
    organisations = context.dataset.organisations
    if linked:
        return organisation_view(organisations, linked, viewport)
    return cache.cached_region_view(context.directory, viewport)


def _render_map_notes(context: PageContext, legend: tuple[LegendEntry, ...]) -> None:
    frame, lang, view = context.frame, context.lang, context.state.view
    unlocated = int(frame["lat"].isna().sum())
    if unlocated:
        st.caption(md_escape(t("map.unlocated", lang, count=unlocated)))
    st.html(legend_html(legend, lang))
    attribution = "map.attribution_online" if view.online_basemap else "map.attribution_offline"
    st.caption(t(attribution, lang))
    # Below the map, not above it: on a phone the map then starts right under its controls.
    map_files.render_downloads(context.directory, context.state)


def _swatch(colour: str, size_px: int, outline: str) -> str:
    return (
        f'<span style="display:inline-block;width:{size_px}px;height:{size_px}px;border-radius:50%;'
        f'background:{colour};border:2px solid {outline};vertical-align:middle"></span>'
    )


def _legend_symbol(entry: LegendEntry) -> str:
    if entry.symbol == "marker":
        return _swatch(entry.colour, theme.LEGEND_SWATCH_PX, theme.MARKER_OUTLINE)
    if entry.symbol == "proposer":
        return _swatch(theme.ORG_TYPE_COLOURS["city"], theme.LEGEND_SWATCH_PX + 6, entry.colour)
    if entry.symbol == "arc":
        return (
            f'<span style="display:inline-block;width:28px;height:3px;vertical-align:middle;'
            f'background:{theme.ARC_COLOUR};opacity:0.6"></span>'
        )
    return (
        f'<span style="display:inline-block;width:18px;height:12px;vertical-align:middle;'
        f'background:{entry.colour};border:1px solid {theme.BORDER_LINE}"></span>'
    )


def legend_html(entries: tuple[LegendEntry, ...], lang: Lang) -> str:
    """The model's legend with its live counts: swatches from the theme, names from the catalog and numbers;
    no data text goes into this HTML."""
    items = [
        f"{_legend_symbol(entry)} "
        f"{html.escape(t('export.legend_count', lang, label=entry.text, count=entry.count))}"
        for entry in entries
    ]
    spans = "".join(f'<span role="listitem" style="white-space:nowrap">{item}</span>' for item in items)
    return (
        f'<div role="list" aria-label="{html.escape(t("map.legend", lang))}" '
        f'style="display:flex;flex-wrap:wrap;gap:0.3rem 1.1rem;font-size:0.85rem">{spans}</div>'
    )


def _table_rows() -> list[int]:
    event = st.session_state.get(KEY_TABLE)
    return list(event["selection"]["rows"]) if event else []


def _on_table_select() -> None:
    rows = _table_rows()
    if rows == st.session_state.get(TABLE_TICKED_KEY):
        # Not a pick: the browser repeating the row the page ticked for a selection made elsewhere. Taken as
        # one, it reopened the organisation a click on empty map had just closed.
        return
    ids: list[str] = st.session_state.get(TABLE_IDS_KEY, [])
    # Unticking the row closes the details, as a second click on the marker does.
    state.select(ids[rows[0]] if rows and rows[0] < len(ids) else "")


def render_table(context: PageContext) -> None:
    """The shown organisations as a table; picking a row opens its details, like a map click, and the
    row of the organisation selected anywhere is the ticked one."""
    frame, lang = context.frame, context.lang
    st.header(t("explorer.table_heading", lang, count=len(frame)), anchor=False)
    if frame.empty:
        st.info(t("explorer.nothing_matches", lang), icon=":material/filter_alt_off:")
        return
    rows = cache.cached_table_arrow(context.directory, lang, TABLE_COLUMNS).rows(frame.index)
    ids = frame["id"].tolist()
    st.session_state[TABLE_IDS_KEY] = ids
    narrow = map_probe.last_report(KEY_PROBE).chart_width() < theme.PHONE_MAX_WIDTH_PX
    selected = context.state.view.selected
    ticked = [ids.index(selected)] if selected in ids else []
    st.session_state[TABLE_TICKED_KEY] = ticked
    if _table_rows() != ticked:
        # The organisation selected on the map (or anywhere) is the ticked row.
        st.session_state[KEY_TABLE] = {"selection": {"rows": ticked, "columns": []}}
    column = st.column_config
    st.caption(t("explorer.table_keyboard", lang))
    st.dataframe(
        rows,
        hide_index=True,
        key=KEY_TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        column_config={
            # Pinned, the long names filled a phone's width and hid every other column.
            "name": column.TextColumn(t("details.name", lang), pinned=not narrow, width="medium"),
            "name_other": column.TextColumn(t("details.name_other", lang)),
            "type": column.TextColumn(t("details.type", lang)),
            "country": column.TextColumn(t("details.country", lang)),
            "seat": column.TextColumn(t("details.seat", lang)),
            "target": column.TextColumn(t("details.target", lang)),
            "basis": column.TextColumn(t("details.basis", lang)),
            "precision": column.TextColumn(t("details.precision", lang)),
            "source_link": column.LinkColumn(
                t("details.source", lang), display_text=t("details.open_source", lang)
            ),
        },
    )


def _field(heading: str, value: str) -> None:
    """A bold heading and its value on one line; both escaped, so data never becomes markup."""
    if value:
        st.markdown(f"**{md_escape(heading)}** {md_escape(value)}")


# On a phone the details come under the map, its legend and its files: after a tap the page scrolls so the
# card's top sits low on the screen, the map's lower part still above it. The id makes the script new (and
# so run) only when the selection changes, not on every rerun.
_SCROLL_TO_DETAILS = """<script>
// In a function: each new selection runs a new script, and a second top-level `const` would not compile.
((selected) => setTimeout(() => {
  const card = document.querySelector(".st-key-details");
  if (!card || window.innerWidth > %d) return;
  // Streamlit scrolls its main area, not the document: find the element that scrolls.
  let area = card.parentElement;
  while (area && !(area.scrollHeight > area.clientHeight && /auto|scroll/.test(getComputedStyle(area).overflowY))) {
    area = area.parentElement;
  }
  if (!area) return;
  const offset = card.getBoundingClientRect().top - area.getBoundingClientRect().top;
  area.scrollTo({top: Math.max(area.scrollTop + offset - window.innerHeight * %s, 0), behavior: "smooth"});
}, 200))(%s);
</script>"""


def _bring_into_view_on_a_phone(org_id: str) -> None:
    script = _SCROLL_TO_DETAILS % (theme.PHONE_MAX_WIDTH_PX, theme.PHONE_DETAILS_AT, js_literal(org_id))
    st.html(script, unsafe_allow_javascript=True)


def render_details(dataset: Dataset, org_id: str, shown_ids: frozenset[str], lang: Lang) -> None:
    """The panel for `org_id`; a hint to click a marker when nothing (known) is selected."""
    organisations = dataset.organisations
    # Nothing selected is the usual case: no need to search the frame for it.
    match = organisations[organisations["id"] == org_id] if org_id else organisations.iloc[0:0]
    if match.empty:
        st.info(t("details.hint", lang), icon=":material/touch_app:")
        return
    row = match.iloc[0]
    text = describe(match, dataset.countries, lang).iloc[0]

    with st.container(border=True, key="details"):
        _bring_into_view_on_a_phone(org_id)
        st.header(md_escape(text["name"]), anchor=False)
        if text["name_other"] and text["name_other"] != text["name"]:
            st.text(text["name_other"])
        # A short name that repeats the name (Tbilisi City Hall) would print the same words twice.
        if text["short_name"] and text["short_name"] not in (text["name"], text["name_other"]):
            st.caption(md_escape(text["short_name"]))
        if org_id not in shown_ids:
            st.caption(md_escape(t("details.filtered_out", lang)))
        _field(t("details.type", lang), text["type"])
        _field(t("details.role", lang), text["role"])
        _field(t("details.country", lang), text["country"])
        seat = (
            t("details.seat_in", lang, seat=text["seat"], admin1=text["admin1"])
            if text["admin1"]
            else text["seat"]
        )
        _field(t("details.seat", lang), seat)

        st.divider()
        _field(t("details.target", lang), text["target"])
        if pd.notna(row["target_year"]):
            _field(t("details.status", lang), text["status"])
            basis = text["basis"]
            if row["target_basis"] == "national":
                basis = t("details.national_basis", lang, basis=basis, country=text["country"])
            _field(t("details.basis", lang), basis)
            if bool(row["target_conditional"]):
                _field(t("details.conditional", lang), t("details.yes", lang))
            _field(t("details.announced", lang), str(row["target_announced"]))
        else:
            # "No target found" is a finding: say when the search behind it was made, and where.
            _field(t("details.checked", lang), str(row["target_checked"]))
        if row["target_confidence"]:
            _field(
                t("details.target_confidence", lang), label("confidence", str(row["target_confidence"]), lang)
            )
        if text["target_note"]:
            st.text(text["target_note"])
        if text["source_link"]:
            st.link_button(t("details.source", lang), text["source_link"], icon=":material/open_in_new:")
        elif text["source"]:
            _field(t("details.source", lang), text["source"])
        if text["announced"]:
            # A newer, weaker announcement is shown beside the effective target, never dropped.
            _field(t("details.announced_also", lang), text["announced"])
            if text["announced_link"]:
                st.link_button(
                    t("details.announced_source", lang),
                    text["announced_link"],
                    icon=":material/open_in_new:",
                )

        st.divider()
        coordinates = (
            f"{float(row['lat']):.4f}, {float(row['lon']):.4f}"
            if pd.notna(row["lat"])
            else t("details.no_coordinates", lang)
        )
        _field(t("details.precision", lang), f"{text['precision']} ({coordinates})")
        _field(t("details.confidence", lang), text["confidence"])
        if text["notes"]:
            st.text(text["notes"])

        neighbours = same_seat(organisations, row)
        if not neighbours.empty:
            st.markdown(f"**{md_escape(t('details.same_seat', lang))}**")
            names = describe(neighbours, dataset.countries, lang)
            for other_id, name in zip(names["id"], names["name"], strict=True):
                # Organisations sharing a seat overlap at the region zoom; these buttons reach each one.
                st.button(
                    md_escape(name),
                    key=f"details_same_seat_{other_id}",
                    on_click=state.select,
                    args=(other_id,),
                    type="tertiary",
                    icon=":material/location_on:",
                )
        st.button(
            t("details.close", lang),
            key="details_close",
            on_click=state.select,
            args=("",),
            icon=":material/close:",
        )
