"""Entry point: page configuration and navigation; each page lives in pages/."""

import streamlit as st

from signatories.i18n import t
from signatories.ui.state import current_lang

lang = current_lang()
# No page or tab icons: Streamlit fetches a Material icon used as the favicon from Google's CDN,
# which fails (and logs an error) at a venue without internet.
st.set_page_config(page_title=t("app.title", lang), layout="wide")
# Page files are never named like a URL path: on a server's first request Streamlit resolves a path
# that matches a file in pages/ as an old-style page, bypassing this script and its navigation.
st.navigation(
    [
        st.Page("pages/explorer.py", title=t("explorer.page_title", lang), default=True),
        st.Page("pages/coverage_report.py", title=t("coverage.nav", lang), url_path="coverage"),
        st.Page("pages/data_sources.py", title=t("data.nav", lang), url_path="data"),
        st.Page("pages/display_screen.py", title=t("display.nav", lang), url_path="display"),
        st.Page("pages/about_declaration.py", title=t("about.nav", lang), url_path="about"),
    ]
).run()
