"""The conference screen: dark, large type, a spotlight moving through the countries, counters and a QR code.

Open it full screen (F11 / kiosk mode) at /display; `?interval=20` sets the seconds per country and
`?lang=ja` the language. It needs nothing from the network: no tiles, fonts or images from elsewhere.
"""

import streamlit as st

from signatories import display
from signatories.i18n import t
from signatories.ui import display_screen, page, state


def main() -> None:
    lang = state.current_lang()
    st.set_page_config(page_title=t("app.title", lang), layout="wide", initial_sidebar_state="collapsed")
    page.render_page_setup(lang)
    display_screen.inject_style()
    dataset, directory = page.dataset_or_stop(lang)
    interval_s = display.parse_interval(st.query_params.get_all(display.INTERVAL_PARAM))
    display_screen.render_headline(dataset, lang, page.screen_link(lang))
    page.render_data_status(dataset, lang)
    display_screen.render_rotation(directory, lang, interval_s)
    display_screen.render_footer(lang)


main()
