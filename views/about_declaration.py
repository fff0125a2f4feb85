"""About: the declaration in brief, its three themes, where the data comes from, and attributions."""

import streamlit as st

from signatories.i18n import t
from signatories.ui import page


def main() -> None:
    context = page.open_page("about.title", "about.intro", filters=False)
    dataset, lang = context.dataset, context.lang
    organisations = dataset.organisations
    proposers = int((organisations["role"] == "proposer").sum())

    st.header(t("about.facts.heading", lang), anchor=False)
    facts = [
        ("about.facts.title_label", t("about.facts.title", lang)),
        ("about.facts.date_label", t("about.facts.date", lang)),
        ("about.facts.venue_label", t("about.facts.venue", lang)),
        ("about.facts.proposers_label", t("about.facts.proposers", lang)),
        (
            "about.facts.signatories_label",
            t(
                "about.facts.signatories",
                lang,
                organisations=len(organisations),
                proposers=proposers,
                participants=len(organisations) - proposers,
                countries=organisations["country"].nunique(),
            ),
        ),
    ]
    with st.container(key="about_facts"):
        for label_key, value in facts:
            st.markdown(t("about.facts.line", lang, label=t(label_key, lang), value=value))
    st.caption(t("about.counts.note", lang))

    st.header(t("about.summary.heading", lang), anchor=False)
    st.markdown(t("about.summary.body", lang))

    st.header(t("about.themes.heading", lang), anchor=False)
    for column, number in zip(st.columns(3), (1, 2, 3), strict=True):
        with column.container(border=True, key=f"about_theme{number}"):
            st.markdown(f"**{number}. {t(f'about.theme{number}.title', lang)}**")
            st.markdown(t(f"about.theme{number}.body", lang))

    st.header(t("about.sources.heading", lang), anchor=False)
    st.markdown(t("about.sources.body", lang))
    st.header(t("about.attribution.heading", lang), anchor=False)
    st.markdown(t("about.attribution.body", lang))


main()
