"""Entry point: page configuration and navigation; each page lives in views/."""

import streamlit as st

from signatories.i18n import t
from signatories.ui.page import report_missing_public_link
from signatories.ui.state import current_lang

lang = current_lang()
# No page or tab icons: Streamlit fetches a Material icon used as the favicon from Google's CDN,
# which fails (and logs an error) at a venue without internet.
st.set_page_config(page_title=t("app.title", lang), layout="wide")
# Once per server process, in its log: the staff learn the QR code has no public link to carry.
report_missing_public_link()
# The page scripts live in views/, not pages/: Streamlit still scans a pages/ directory beside the main
# script for old-style pages, and a freshly started server then answered the first visitor to /display
# with a "Page not found" dialog, which nobody is there to dismiss on a conference screen.
st.navigation(
    [
        st.Page("views/explorer.py", title=t("explorer.page_title", lang), default=True),
        st.Page("views/coverage_report.py", title=t("coverage.nav", lang), url_path="coverage"),
        st.Page("views/data_sources.py", title=t("data.nav", lang), url_path="data"),
        st.Page("views/display_screen.py", title=t("display.nav", lang), url_path="display"),
        st.Page("views/about_declaration.py", title=t("about.nav", lang), url_path="about"),
    ]
).run()
