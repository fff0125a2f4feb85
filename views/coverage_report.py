"""Coverage: where the declaration reaches, by country, kind of organisation, level and target year."""

import streamlit as st

from signatories import charts, coverage
from signatories.i18n import t
from signatories.labels import country_names
from signatories.ui import page
from signatories.ui.text import md_escape


def main() -> None:
    context = page.open_page("coverage.title", "coverage.intro")
    dataset, frame, lang = context.dataset, context.frame, context.lang
    counts = context.counts
    shown_key = "coverage.shown.one_country" if counts.countries == 1 else "coverage.shown"
    total = dataset.total
    st.markdown(
        md_escape(t(shown_key, lang, shown=counts.organisations, total=total, countries=counts.countries))
    )
    if frame.empty:
        st.info(t("coverage.empty", lang), icon=":material/filter_alt_off:")
        return

    names = country_names(dataset.countries, lang)
    st.header(t("coverage.findings", lang), anchor=False)
    with st.container(key="coverage_findings"):
        for gap in coverage.gaps(frame):
            st.markdown(f"- {md_escape(coverage.render_gap(gap, lang, names))}")

    left, right = st.columns(2, gap="large")
    with left:
        st.altair_chart(
            charts.country_type_chart(coverage.type_counts(frame), lang, names), key="chart_by_country"
        )
    with right:
        levels = coverage.participation(frame)
        st.altair_chart(charts.participation_chart(levels, lang, names), key="chart_participation")
        st.caption(t("coverage.level.note", lang))
        timeline = coverage.target_timeline(frame)
        if timeline.empty:
            st.info(t("coverage.timeline.empty", lang))
        else:
            st.altair_chart(charts.timeline_chart(timeline, lang), key="chart_timeline")
        undated = int(frame["target_year"].isna().sum())
        st.caption(t("coverage.timeline.note", lang, none=undated, total=len(frame)))


main()
