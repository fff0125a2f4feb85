"""Data & sources: the organisations and targets with their sources, downloads, the date, citing, correcting."""

import streamlit as st

from signatories import export
from signatories.i18n import t
from signatories.ui import data_sources, page
from signatories.ui.text import md_escape


def main() -> None:
    context = page.open_page("data.title", "data.intro")
    dataset, frame, lang = context.dataset, context.frame, context.lang
    dataset_date = export.DATASET_DATE.isoformat()
    st.markdown(f"**{md_escape(t('data.as_of', lang, date=dataset_date))}**")

    targets = export.targets_for(dataset.targets, frame)
    st.markdown(md_escape(t("data.shown", lang, shown=len(frame), total=dataset.total, targets=len(targets))))

    st.header(t("data.downloads.heading", lang), anchor=False)
    data_sources.render_downloads(frame, targets, lang)
    st.caption(t("data.downloads.note", lang))

    st.header(t("data.organisations.heading", lang), anchor=False)
    data_sources.render_organisations(frame, dataset, lang)
    st.header(t("data.targets.heading", lang), anchor=False)
    st.caption(t("data.targets.note", lang))
    data_sources.render_targets(targets, dataset, lang)

    st.header(t("data.provenance.heading", lang), anchor=False)
    st.markdown(t("data.provenance.body", lang))
    st.header(t("data.cite.heading", lang), anchor=False)
    st.markdown(t("data.cite.intro", lang))
    # st.code shows the citation verbatim and gives it a copy button.
    st.code(
        t("data.cite.text", lang, date=dataset_date, url=page.hosted_link()),
        language=None,
        wrap_lines=True,
    )
    st.header(t("data.correct.heading", lang), anchor=False)
    st.markdown(t("data.correct.body", lang))


main()
