"""The explorer's parts around the filters: link notes, data problems, counts, map, legend and table."""

from __future__ import annotations

import html
from typing import Any, Final

import pandas as pd
import streamlit as st

from signatories import theme, vocab
from signatories.dataset import Dataset
from signatories.deck import DeckOptions, build_deck, fit_view, picked_id
from signatories.filters import BENCHMARK_YEAR, Counts, FilterState
from signatories.i18n import Lang, labels, t
from signatories.problems import ValidationReport
from signatories.ui import data, state
from signatories.ui.text import md_escape

KEY_MAP: Final = "map"
KEY_TABLE: Final = "table"
KEY_FIT: Final = "map_fit"
KEY_REGION: Final = "map_region"
# The ids of the table's rows as drawn, so a row picked in the browser maps back to its organisation.
TABLE_IDS_KEY: Final = "explorer_table_ids"
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


def render_url_notes(lang: Lang) -> None:
    """What of the opened link was ignored, as plain text, until the filters are reset."""
    notes = state.url_notes()
    if not notes:
        return
    st.warning(t("filters.url.notes_heading", lang, count=len(notes)), icon=":material/link_off:")
    st.text("\n".join(note.render(lang) for note in notes))


def render_problems(report: ValidationReport, lang: Lang) -> None:
    """Validation problems in a collapsed box: the map still shows every row that passed."""
    if not report.problems:
        return
    with st.expander(t("explorer.data_problems", lang, count=len(report.problems)), expanded=False):
        st.text(report.render())


def render_metrics(counts: Counts, dataset: Dataset, lang: Lang) -> None:
    total = len(dataset.organisations)
    columns = st.columns(5)
    columns[0].metric(
        t("explorer.metric_organisations", lang),
        t("explorer.metric_of", lang, shown=counts.organisations, total=total),
    )
    columns[1].metric(
        t("explorer.metric_countries", lang),
        t(
            "explorer.metric_of",
            lang,
            shown=counts.countries,
            total=dataset.organisations["country"].nunique(),
        ),
    )
    columns[2].metric(
        t("explorer.metric_local", lang), counts.local_bodies, help=t("explorer.metric_local_help", lang)
    )
    columns[3].metric(
        t("explorer.metric_national", lang),
        counts.national_bodies,
        help=t("explorer.metric_national_help", lang, other=counts.other_bodies),
    )
    share = counts.benchmark_share
    columns[4].metric(
        t("explorer.metric_benchmark", lang, year=BENCHMARK_YEAR),
        "—" if share is None else f"{share:.0%}",
        help=t(
            "explorer.metric_benchmark_help", lang, year=BENCHMARK_YEAR, count=counts.with_benchmark_target
        ),
    )


def _on_map_select() -> None:
    # A click on a marker selects it; a click on empty map (or the same marker again) clears the panel.
    state.select(picked_id(st.session_state.get(KEY_MAP)) or "")


def render_map(
    dataset: Dataset,
    frame: pd.DataFrame,
    filters: FilterState,
    basemap: dict[str, Any] | None,
) -> None:
    """Re-framing buttons, the map, its legend and attribution."""
    lang = filters.lang
    directory = str(data.data_dir())
    whole_region = data.cached_region_view(directory)
    with st.container(horizontal=True, key="map_controls"):
        st.button(
            t("map.fit", lang),
            key=KEY_FIT,
            on_click=state.request_view,
            args=(fit_view(frame),),
            disabled=frame.empty,
            icon=":material/fit_screen:",
            help=t("map.fit_help", lang),
        )
        st.button(
            t("map.whole_region", lang),
            key=KEY_REGION,
            on_click=state.request_view,
            args=(whole_region,),
            icon=":material/public:",
        )
    options = DeckOptions(
        lang=lang,
        view=state.map_view(whole_region),
        show_arcs=filters.show_arcs,
        online_basemap=filters.online_basemap,
        selected=state.selected(),
    )
    # The dataset's static parts (marker records, serialised outlines) are cached per directory.
    prepared = data.cached_prepared_basemap(directory) if basemap is not None else None
    markers = data.cached_markers(directory, lang)
    deck = build_deck(dataset.organisations, frame, dataset.countries, prepared, options, markers=markers)
    st.pydeck_chart(
        deck,
        on_select=_on_map_select,
        selection_mode="single-object",
        key=KEY_MAP,
        height=theme.MAP_HEIGHT_PX,
        alt=t("map.alt", lang, count=len(frame)),
    )
    unlocated = int(frame["lat"].isna().sum())
    if unlocated:
        st.caption(md_escape(t("map.unlocated", lang, count=unlocated)))
    render_legend(lang)
    attribution = "map.attribution_online" if filters.online_basemap else "map.attribution_offline"
    st.caption(t(attribution, lang))


def _swatch(colour: str, size_px: int, outline: str) -> str:
    return (
        f'<span style="display:inline-block;width:{size_px}px;height:{size_px}px;border-radius:50%;'
        f'background:{colour};border:2px solid {outline};vertical-align:middle"></span>'
    )


def legend_html(lang: Lang) -> str:
    """Colour swatches from the theme with names from the catalog; no data goes into this HTML."""
    names = labels("org_type", lang)
    items = [
        f"{_swatch(theme.ORG_TYPE_COLOURS[kind], theme.LEGEND_SWATCH_PX, theme.MARKER_OUTLINE)} "
        f"{html.escape(names[kind])}"
        for kind in vocab.ORG_TYPES
    ]
    proposer = _swatch(theme.ORG_TYPE_COLOURS["city"], theme.LEGEND_SWATCH_PX + 6, theme.PROPOSER_RING)
    items.append(f"{proposer} {html.escape(t('map.legend_proposer', lang))}")
    arc = (
        f'<span style="display:inline-block;width:28px;height:3px;vertical-align:middle;'
        f'background:linear-gradient(90deg,{theme.ARC_SOURCE_COLOUR},{theme.ARC_TARGET_COLOUR})"></span>'
    )
    items.append(f"{arc} {html.escape(t('map.legend_arc', lang))}")
    tint = (
        f'<span style="display:inline-block;width:18px;height:12px;vertical-align:middle;'
        f'background:{theme.SIGNATORY_COUNTRY_FILL};border:1px solid {theme.BORDER_LINE}"></span>'
    )
    items.append(f"{tint} {html.escape(t('map.legend_country', lang))}")
    spans = "".join(f'<span role="listitem" style="white-space:nowrap">{item}</span>' for item in items)
    return (
        f'<div role="list" aria-label="{html.escape(t("map.legend", lang))}" '
        f'style="display:flex;flex-wrap:wrap;gap:0.3rem 1.1rem;font-size:0.85rem">{spans}</div>'
    )


def render_legend(lang: Lang) -> None:
    st.html(legend_html(lang))


def _on_table_select() -> None:
    event = st.session_state.get(KEY_TABLE)
    rows = list(event.selection.rows) if event is not None else []
    ids: list[str] = st.session_state.get(TABLE_IDS_KEY, [])
    # An empty selection also arrives when the table's rows change; only a picked row changes the panel.
    if rows and rows[0] < len(ids):
        state.select(ids[rows[0]])


def render_table(frame: pd.DataFrame, dataset: Dataset, lang: Lang) -> None:
    """The shown organisations as a table; picking a row opens its details, like a map click."""
    st.subheader(t("explorer.table_heading", lang, count=len(frame)), anchor=False)
    if frame.empty:
        st.info(t("explorer.nothing_matches", lang), icon=":material/filter_alt_off:")
        return
    text = data.cached_descriptions(str(data.data_dir()), lang).loc[frame.index]
    st.session_state[TABLE_IDS_KEY] = list(text["id"])
    column = st.column_config
    st.dataframe(
        text[list(TABLE_COLUMNS)],
        hide_index=True,
        key=KEY_TABLE,
        on_select=_on_table_select,
        selection_mode="single-row",
        column_config={
            "name": column.TextColumn(t("details.name", lang), pinned=True),
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
