"""Altair charts of the coverage figures; colours from the theme, every label through i18n.

Each builder takes a frame from `signatories.coverage` and returns an `alt.Chart`; nothing here reads
Streamlit. Vega draws text as text (SVG/canvas), so data values never become markup.
"""

from collections.abc import Mapping

import altair as alt
import pandas as pd

from signatories import theme, vocab
from signatories.coverage import PARTICIPATION_LEVELS, TIMELINE_BASES
from signatories.i18n import Lang, label, t


def _scale(keys: list[str], names: Mapping[str, str], colours: Mapping[str, str]) -> alt.Scale:
    """A colour scale fixed to the vocabulary, so a value keeps its colour whatever the filters leave."""
    return alt.Scale(domain=[names[key] for key in keys], range=[colours[key] for key in keys])


def country_type_chart(counts: pd.DataFrame, lang: Lang, country_names: Mapping[str, str]) -> alt.Chart:
    """Horizontal bars: organisations per country, stacked by kind of organisation."""
    type_names = {org_type: label("org_type", org_type, lang) for org_type in vocab.ORG_TYPES}
    present = [org_type for org_type in vocab.ORG_TYPES if org_type in set(counts["org_type"])]
    data = counts.assign(
        country_name=counts["country"].map(lambda code: country_names.get(code, code)),
        type_name=counts["org_type"].map(type_names),
        type_rank=counts["org_type"].map({org_type: rank for rank, org_type in enumerate(vocab.ORG_TYPES)}),
    )
    # `counts` arrives biggest country first; the chart keeps that order from top to bottom.
    order = list(dict.fromkeys(data["country_name"]))
    count_title = t("coverage.chart.organisations", lang)
    return (
        alt.Chart(data, title=t("coverage.chart.by_country.title", lang))
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(
                "country_name:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelLimit=theme.CHART_LABEL_LIMIT_PX),
            ),
            color=alt.Color(
                "type_name:N",
                scale=_scale(present, type_names, theme.ORG_TYPE_COLOURS),
                legend=alt.Legend(
                    title=t("coverage.chart.org_type", lang),
                    orient="bottom",
                    columns=2,
                    labelLimit=theme.CHART_LABEL_LIMIT_PX,
                ),
            ),
            order=alt.Order("type_rank:Q"),
            tooltip=[
                alt.Tooltip("country_name:N", title=t("coverage.chart.country", lang)),
                alt.Tooltip("type_name:N", title=t("coverage.chart.org_type", lang)),
                alt.Tooltip("count:Q", title=count_title),
            ],
        )
        .properties(height=alt.Step(theme.CHART_BAR_STEP_PX))
    )


def participation_chart(levels: pd.DataFrame, lang: Lang, country_names: Mapping[str, str]) -> alt.Chart:
    """Horizontal bars: countries per participation level, the countries named in the tooltip."""
    level_names = {level: t(f"coverage.level.{level}", lang) for level in PARTICIPATION_LEVELS}
    separator = t("coverage.list_separator", lang)
    rows = []
    for level in PARTICIPATION_LEVELS:
        codes = levels.loc[levels["level"] == level, "country"]
        names = sorted(country_names.get(code, code) for code in codes)
        rows.append(
            {
                "level": level,
                "level_name": level_names[level],
                "count": len(names),
                "names": separator.join(names),
            }
        )
    data = pd.DataFrame(rows)
    count_title = t("coverage.chart.countries", lang)
    return (
        alt.Chart(data, title=t("coverage.chart.participation.title", lang))
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y(
                "level_name:N",
                sort=[level_names[level] for level in PARTICIPATION_LEVELS],
                title=None,
                axis=alt.Axis(labelLimit=theme.CHART_LABEL_LIMIT_PX),
            ),
            color=alt.Color(
                "level_name:N",
                scale=_scale(list(PARTICIPATION_LEVELS), level_names, theme.PARTICIPATION_COLOURS),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("level_name:N", title=t("coverage.chart.level", lang)),
                alt.Tooltip("count:Q", title=count_title),
                alt.Tooltip("names:N", title=t("coverage.chart.country", lang)),
            ],
        )
        .properties(height=alt.Step(theme.CHART_BAR_STEP_PX * 2))
    )


def timeline_chart(timeline: pd.DataFrame, lang: Lang) -> alt.Chart:
    """Columns per target year, stacked by whether the year is the organisation's own or its country's."""
    basis_names = {basis: label("basis", basis, lang) for basis in TIMELINE_BASES}
    data = timeline.assign(
        basis_name=timeline["basis"].map(basis_names),
        basis_rank=timeline["basis"].map({basis: rank for rank, basis in enumerate(TIMELINE_BASES)}),
    )
    count_title = t("coverage.chart.organisations", lang)
    year_title = t("coverage.chart.target_year", lang)
    return (
        alt.Chart(data, title=t("coverage.chart.timeline.title", lang))
        .mark_bar()
        .encode(
            # Ordinal, not temporal: the data has a handful of distinct years and gaps between them are not data.
            x=alt.X("target_year:O", title=year_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "basis_name:N",
                scale=_scale(list(TIMELINE_BASES), basis_names, theme.BASIS_COLOURS),
                legend=alt.Legend(title=t("coverage.chart.basis", lang), orient="bottom"),
            ),
            order=alt.Order("basis_rank:Q"),
            tooltip=[
                alt.Tooltip("target_year:O", title=year_title),
                alt.Tooltip("basis_name:N", title=t("coverage.chart.basis", lang)),
                alt.Tooltip("count:Q", title=count_title),
            ],
        )
        .properties(height=theme.CHART_HEIGHT_PX)
    )
