"""The conference screen's Streamlit parts: dark style, counters, the rotating spotlight and the QR code.

The stylesheet is ours, built from theme constants only; no data value is ever put into HTML. Data text
goes through `md_escape` into Streamlit's markdown, or through `st.text`.

A day-long screen must not accumulate anything. What every rotation reads (the spotlights and their maps)
is built once per data directory and language and shared by every screen, and a rotation keeps one integer
in session state. The QR code and the counters sit outside the rotating fragment, so they are sent once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final

import pydeck as pdk
import streamlit as st

from signatories import display, qr, theme
from signatories.dataset import Dataset
from signatories.filters import summary
from signatories.i18n import LANGUAGES, Lang, t
from signatories.labels import country_names
from signatories.map import deck
from signatories.map.camera import Viewport
from signatories.map.outlines import tolerance_for_zoom
from signatories.ui import cache, map_files, map_probe
from signatories.ui.page import basemap_or_none
from signatories.ui.text import md_escape

STEP_KEY: Final = "display_step"
# What the map probe said on the previous full run (see render_rotation).
PROBE_SEEN_KEY: Final = "display_probe_seen"
HOLD_KEY: Final = "display_hold"
# From this many organisations on, the spotlight list is grouped by kind in smaller type with short names
# (the Philippines has 14 signatories; one line each in the large type would run off a 1080p screen).
DENSE_LIST_FROM: Final = 7
NBSP: Final = "\u00a0"
WORD_JOINER: Final = "\u2060"
# Names up to this long are kept on one line in a grouped list; longer ones may wrap.
UNBROKEN_NAME_CHARS: Final = 24
# More countries than the declaration has (20); bounds the per-spotlight map cache.
MAX_SPOTLIGHTS: Final = 64
# Screens of different sizes served at once (each framed for its own map size); bounds that cache too.
SCREEN_SIZES: Final = 4

_HIDDEN_CHROME: Final = (
    '[data-testid="stHeader"]',
    '[data-testid="stToolbar"]',
    '[data-testid="stDecoration"]',
    '[data-testid="stSidebar"]',
    '[data-testid="stSidebarCollapsedControl"]',
    '[data-testid="stStatusWidget"]',
    '[data-testid="stSidebarNav"]',
)


def stylesheet() -> str:
    """The display's CSS: dark ground, type and QR code sized from the screen, no Streamlit chrome, a slow
    drift against burn-in, and a phone's layout; theme constants only."""
    hidden = ",\n".join(_HIDDEN_CHROME)
    drift = theme.DISPLAY_DRIFT_PX
    padding = theme.DISPLAY_PAGE_PADDING.css()
    return f"""
{hidden} {{ display: none !important; }}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  background: {theme.DISPLAY_BACKGROUND}; color: {theme.DISPLAY_TEXT};
}}
/* One screen: the page is the viewport less the drift, so drifting never makes it scroll. */
[data-testid="stMainBlockContainer"] {{
  padding: {padding}; max-width: calc(100% - {drift}px); width: calc(100% - {drift}px);
  min-height: 0; height: calc(100vh - {drift}px); box-sizing: border-box; margin: 0;
  /* A pixel at a time, about a minute apart: smooth motion would redraw the whole page every frame. */
  animation: display-drift {theme.DISPLAY_DRIFT_PERIOD_S}s steps({drift}) infinite alternate;
}}
@keyframes display-drift {{
  0% {{ transform: translate(0, 0); }}
  33% {{ transform: translate({drift}px, 0); }}
  66% {{ transform: translate({drift}px, {drift}px); }}
  100% {{ transform: translate(0, {drift}px); }}
}}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{ gap: {theme.DISPLAY_BLOCK_GAP.css()}; }}
/* The probe measures, it shows nothing: out of the flow, so it adds no gap. */
.st-key-display_probe {{ position: absolute; left: 0; right: 0; width: auto; }}
.stApp p, .stApp li, .stApp span, .stApp h1, .stApp h2, .stApp h3 {{ color: {theme.DISPLAY_TEXT}; }}
.stApp p {{ font-size: {theme.DISPLAY_BASE_FONT.css()}; }}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p {{
  font-size: {theme.DISPLAY_METRIC_VALUE_FONT.css()}; line-height: {theme.DISPLAY_TIGHT_LINE_HEIGHT}; color: {theme.DISPLAY_ACCENT};
}}
[data-testid="stMetricLabel"] p {{ font-size: {theme.DISPLAY_METRIC_LABEL_FONT.css()}; }}
[data-testid="stException"] * {{ color: {theme.DISPLAY_TEXT}; }}
.st-key-display_country h1 {{ font-size: {theme.DISPLAY_SPOTLIGHT_FONT.css()}; line-height: {theme.DISPLAY_TIGHT_LINE_HEIGHT}; padding: 0; }}
.st-key-display_count p {{ color: {theme.DISPLAY_ACCENT}; }}
.st-key-display_list p {{ font-size: {theme.DISPLAY_LIST_FONT.css()}; line-height: {theme.DISPLAY_LIST_LINE_HEIGHT}; }}
.st-key-display_list_dense p {{ font-size: {theme.DISPLAY_DENSE_LIST_FONT.css()}; line-height: {theme.DISPLAY_LIST_LINE_HEIGHT}; }}
/* Streamlit's :small[...] is a span with an inline font size; only !important overrides it. */
[class*="st-key-display_list"] p span[style] {{
  font-size: {theme.DISPLAY_SMALL_FONT.css()} !important; color: {theme.DISPLAY_KIND_TEXT};
}}
.st-key-display_list_dense p span[style] {{ color: {theme.DISPLAY_ACCENT}; }}
.stApp [class*="st-key-display_list"] [data-testid="stVerticalBlock"] {{ gap: {theme.DISPLAY_LIST_GAP.css()}; }}
.st-key-display_qr img {{ width: {theme.DISPLAY_QR_SIZE.css()} !important; height: auto; }}
.st-key-display_qr p {{ font-size: {theme.DISPLAY_LINK_FONT.css()}; }}
.stApp a, .stApp a:visited {{ color: {theme.DISPLAY_LINK}; }}
.st-key-display_heading p {{ font-size: {theme.DISPLAY_HEADING_FONT.css()}; font-weight: bold; }}
.st-key-display_footer p {{ font-size: {theme.DISPLAY_SMALL_FONT.css()}; color: {theme.DISPLAY_KIND_TEXT}; }}
/* deck.gl draws into its container: the container's height, from the screen, is the map's. Streamlit sets
   the px height asked for in Python as the element's height and flex basis; both give way. */
.st-key-display_map_box [data-testid="stElementContainer"],
.st-key-display_map_box [data-testid="stFullScreenFrame"],
.st-key-display_map_box [data-testid="stDeckGlJsonChart"],
.st-key-display_map_box [data-testid="stDeckGlJsonChart"] > div {{
  height: {theme.DISPLAY_SCREEN_MAP_HEIGHT.css()} !important; flex: 0 0 auto !important;
}}
/* Without WebGL: the picture under its one-line caption, in the same height as the live map. */
.st-key-display_static_map img {{
  max-height: {theme.DISPLAY_STATIC_MAP_HEIGHT.css()}; width: auto !important; max-width: 100%; object-fit: contain;
}}
/* A rerunning fragment fades its old elements; on a screen that is a flicker every rotation. */
[data-stale="true"] {{ opacity: 1 !important; transition: none !important; }}
/* A phone: the headline and the link to the map, in the phone's width; the screen's map and QR code are
   for the room, not for a hand. */
@media (max-width: {theme.DISPLAY_PHONE_MAX_WIDTH_PX}px) {{
  [data-testid="stMainBlockContainer"] {{ height: auto; animation: none; width: 100%; max-width: 100%; }}
  .st-key-display_map_box, .st-key-display_static_map, .st-key-display_qr [data-testid="stImage"] {{ display: none !important; }}
  .stApp p, [data-testid="stMetricLabel"] p, .st-key-display_qr p {{ font-size: 1rem; }}
  .stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] p {{
    font-size: {theme.DISPLAY_PHONE_METRIC_FONT_PX}px;
  }}
  .st-key-display_country h1 {{ font-size: 2rem; line-height: 1.3; }}
  .stApp p, .stApp a {{ overflow-wrap: anywhere; }}
}}
"""


def inject_style() -> None:
    st.html(f"<style>{stylesheet()}</style>")


@dataclass(frozen=True)
class Screen:
    """What every rotation reads: the spotlights in order and the countries' names."""

    spotlights: tuple[display.Spotlight, ...]
    country_names: dict[str, str]


# Resources, not data: read-only and shared by every screen, so a rotation copies nothing (st.cache_data
# would hand each rotation a fresh unpickled copy of every frame and map).
@st.cache_resource(show_spinner=False)
def screen(directory: str, lang: Lang) -> Screen:
    dataset = cache.cached_dataset(directory)
    return Screen(
        spotlights=display.spotlights(dataset.organisations),
        country_names=country_names(dataset.countries, lang),
    )


# One map per spotlight, made on its first rotation rather than all before the first paint; serialised once
# (`freeze`): it is drawn all day.
@st.cache_resource(show_spinner=False, max_entries=len(LANGUAGES) * MAX_SPOTLIGHTS * SCREEN_SIZES)
def spotlight_deck(directory: str, lang: Lang, index: int, viewport: Viewport) -> pdk.Deck:
    dataset = cache.cached_dataset(directory)
    view = screen(directory, lang).spotlights[index]
    # The same outline policy as every page: a damaged file costs the outlines, never the map.
    outlines = basemap_or_none(directory)
    spread = theme.DISPLAY_CO_LOCATED_SPREAD_DEG
    model = display.spotlight_model(
        dataset.organisations,
        dataset.countries,
        view,
        outlines,
        lang,
        viewport,
        markers=cache.cached_model_markers(directory, lang, spread),
    )
    # No basemap tiles: the screen must keep drawing when the venue's network drops. Outlines as the
    # explorer's: the detail the spotlight's zoom needs.
    web_basemap = None
    if outlines is not None:
        web_basemap = cache.cached_web_basemap(directory, tolerance_for_zoom(model.camera.zoom))
    rows = cache.cached_marker_rows(directory, lang, spread)
    return deck.build_deck(model, deck.DISPLAY_STYLE, web_basemap, rows).freeze()


def map_viewport(probe: map_probe.Probe) -> Viewport:
    """The spotlight map's size on this screen, as the stylesheet makes it, so the camera frames that.

    Until the browser has reported, the nominal size. The map's width is its column's share of the page.
    """
    if probe.viewport_px is None:
        return display.DISPLAY_VIEWPORT
    width, height = probe.viewport_px
    padding = theme.DISPLAY_PAGE_PADDING.px(width, height)
    columns = theme.DISPLAY_SPOTLIGHT_COLUMNS
    row = width - theme.DISPLAY_DRIFT_PX - 2 * padding - theme.DISPLAY_COLUMN_GAP_PX
    map_width = row * columns[0] / sum(columns)
    map_height = theme.DISPLAY_SCREEN_MAP_HEIGHT.px(width, height)
    step = theme.DISPLAY_MAP_SIZE_STEP_PX
    return Viewport(round(map_width / step) * step, round(map_height / step) * step)


@st.cache_data(show_spinner=False)
def qr_png(link: str) -> bytes:
    return qr.png(link)


def render_headline(dataset: Dataset, lang: Lang, link: str) -> None:
    """The counters and the QR code; drawn once per page load, not per rotation."""
    counts = summary(dataset.organisations)
    with st.container(key="display_heading"):
        st.markdown(md_escape(t("display.heading", lang)))
    columns = st.columns(list(theme.DISPLAY_HEADLINE_COLUMNS), vertical_alignment="center")
    columns[0].metric(t("display.organisations", lang), counts.organisations)
    columns[1].metric(t("display.countries", lang), counts.countries)
    columns[2].metric(t("display.local", lang), counts.local_bodies)
    columns[3].metric(t("display.national", lang), counts.national_bodies)
    with columns[4].container(key="display_qr", horizontal=True, vertical_alignment="center"):
        # PNG, not Streamlit's default JPEG: compression artefacts blur the modules' edges.
        st.image(qr_png(link), output_format="PNG", alt=t("display.qr_alt", lang, link=link))
        # A link, so a phone that opened this page reaches the map with a tap; in DISPLAY_LINK (9:1).
        st.markdown(f"{md_escape(t('display.scan', lang))}  \n[{md_escape(link)}]({link_target(link)})")


def link_target(link: str) -> str:
    """A URL as a markdown link target: the characters that would end or break it percent-encoded."""
    return link.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def unbroken(name: str) -> str:
    """A short name that a line never breaks inside, so a list breaks only between names.

    Spaces become no-break spaces; Japanese, which breaks between any two characters, gets a word joiner
    between its characters. Long names are left free to wrap.
    """
    if len(name) > UNBROKEN_NAME_CHARS:
        return name
    return WORD_JOINER.join(name.replace(" ", NBSP))


def _render_list(view: display.Spotlight, lang: Lang) -> None:
    """Each organisation with its kind; a long list grouped by kind with short names, so it fits the screen."""
    if len(view.records) < DENSE_LIST_FROM:
        with st.container(key="display_list"):
            for name, kind in display.spotlight_lines(view, lang):
                # One element per organisation: Streamlit's gap between elements would double the height.
                st.markdown(f"**{md_escape(name)}**  \n:small[{md_escape(kind)}]")
        return
    separator = t("display.name_separator", lang)
    with st.container(key="display_list_dense"):
        for kind, names in display.spotlight_groups(view, lang):
            heading = t("display.group", lang, kind=kind, count=len(names))
            kept = [unbroken(name) for name in names]
            st.markdown(f":small[{md_escape(heading)}]  \n{md_escape(separator.join(kept))}")


def render_spotlight(
    directory: str,
    screen: Screen,
    step: int,
    lang: Lang,
    webgl: bool | None = None,
    viewport: Viewport = display.DISPLAY_VIEWPORT,
) -> None:
    """One rotation: the map of the country in the spotlight beside its name and its signatories.

    Where the browser said it has no WebGL (`webgl` False), the map is the spotlight's static picture.
    """
    view = display.spotlight_at(screen.spotlights, step)
    if view is None:
        st.markdown(md_escape(t("display.empty", lang)))
        return
    map_column, text_column = st.columns(list(theme.DISPLAY_SPOTLIGHT_COLUMNS), gap="large")
    with map_column:
        if webgl is False:
            with st.container(key="display_static_map"):
                st.caption(t("export.no_webgl", lang))
                query = map_files.link_query(display.spotlight_state(view.country, lang))
                st.image(map_files.map_file(directory, query, "png"), width="stretch", output_format="PNG")
        else:
            with st.container(key="display_map_box"):
                st.pydeck_chart(
                    spotlight_deck(directory, lang, view.position - 1, viewport),
                    height=theme.DISPLAY_SCREEN_MAP_HEIGHT_PX,
                    key="display_map",
                )
    _render_spotlight_text(screen, view, lang, text_column)


def _render_spotlight_text(screen: Screen, view: display.Spotlight, lang: Lang, column: Any) -> None:
    with column:
        with st.container(key="display_country"):
            st.title(md_escape(screen.country_names.get(view.country, view.country)), anchor=False)
        count_key = "display.spotlight.count.one" if len(view.records) == 1 else "display.spotlight.count"
        position = t("display.spotlight.position", lang, position=view.position, total=view.total)
        with st.container(key="display_count"):
            st.markdown(md_escape(f"{t(count_key, lang, count=len(view.records))} · {position}"))
        _render_list(view, lang)


def render_rotation(directory: str, lang: Lang, interval_s: int) -> None:
    """The spotlight, advanced one country every `interval_s` seconds by a fragment timer in the browser.

    The timer lives in the browser. When the network drops, Streamlit's client keeps retrying and, once
    through, carries on in the same session (the rotation resumes where it was); when the server restarts,
    the client reconnects to a fresh session whose first run starts the timer again (the rotation starts
    over). Either way nobody has to touch the screen.
    """
    built = screen(directory, lang)
    count = max(len(built.spotlights), 1)
    # Outside the fragment: the probe reports once (and on a resize), not every rotation.
    probe = map_probe.probe("display_probe")
    webgl, viewport = probe.webgl, map_viewport(probe)
    # The run a report of the probe causes redraws the spotlight on screen rather than moving on.
    # A flag in session state, not an argument: a fragment's timer runs repeat the last call's arguments.
    st.session_state[HOLD_KEY] = PROBE_SEEN_KEY in st.session_state and st.session_state[PROBE_SEEN_KEY] != (
        webgl,
        viewport,
    )
    st.session_state[PROBE_SEEN_KEY] = (webgl, viewport)

    @st.fragment(run_every=timedelta(seconds=interval_s))
    def rotate() -> None:
        step = int(st.session_state.get(STEP_KEY, 0))
        if st.session_state.pop(HOLD_KEY, False):
            render_spotlight(directory, built, (step - 1) % count, lang, webgl, viewport)
            return
        # Advanced before drawing, so a spotlight that fails to draw is shown (as an error) for one interval
        # and the screen moves on. An int is all a day of rotations keeps.
        st.session_state[STEP_KEY] = (step + 1) % count
        render_spotlight(directory, built, step, lang, webgl, viewport)

    rotate()


def render_footer(lang: Lang) -> None:
    with st.container(key="display_footer"):
        st.markdown(md_escape(t("display.attribution", lang)))
