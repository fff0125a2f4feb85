"""What every page shares: the dataset or a clear stop, the state and sidebar, the header, the hosted link.

A page script calls `open_page` once; the `PageContext` it returns carries everything read for this run
(the dataset, its directory, the state, the organisations the filters keep, the outlines), so nothing
below it reads a data directory, the URL or a file again.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import os
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st
from streamlit import net_util
from streamlit.errors import StreamlitAPIException
from streamlit.web.server import server_util

from signatories import theme
from signatories.app_state import AppState
from signatories.dataset import Dataset
from signatories.errors import DataError
from signatories.filters import Counts, apply_filters
from signatories.i18n import Lang, t
from signatories.ui import cache, sidebar, state
from signatories.ui.text import js_literal, md_escape
from signatories.url_state import serialise

log = logging.getLogger(__name__)

# The hosted link (the QR code's, the share button's) is, in order: the environment variable, the
# ``public_url`` secret, the address this browser is using (so a screen driven from a laptop shows the
# laptop's address), and finally the local server. A value that is not an http(s) URL is skipped rather than
# turned into a link that leads nowhere.
PUBLIC_URL_ENV: Final = "SIGNATORIES_PUBLIC_URL"
PUBLIC_URL_SECRET: Final = "public_url"
DEFAULT_PUBLIC_URL: Final = "http://localhost:8501/"


def is_web_url(value: object) -> bool:
    """True for an absolute http(s) URL with a host."""
    if not isinstance(value, str) or not value.strip():
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def app_root(url: str, base_path: str = "") -> str:
    """The app's root address from a page's address: the server's base path kept, page, query and fragment not."""
    parts = urlsplit(url)
    path = f"/{base_path.strip('/')}/" if base_path.strip("/") else "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def is_loopback_url(value: str) -> bool:
    """True when the URL's host is this machine only (localhost, 127.x, ::1) or the unspecified 0.0.0.0."""
    host = (urlsplit(value.strip()).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def configured_url(env: Mapping[str, str], secrets: Mapping[str, object]) -> str | None:
    """The public link the staff set (environment variable, then secret), or None."""
    for candidate in (env.get(PUBLIC_URL_ENV), secrets.get(PUBLIC_URL_SECRET)):
        if is_web_url(candidate):
            return str(candidate).strip()
    return None


def reachable_url(
    env: Mapping[str, str],
    secrets: Mapping[str, object],
    browser_url: str | None,
    base_path: str,
    machine_urls: Iterable[str],
) -> str:
    """The link a phone in the room can open, never this machine's loopback address.

    In order: the configured public link; the address this browser uses, unless it is loopback (a screen
    driven from a laptop over the venue's network); the machine's own addresses `machine_urls` (its network
    address, as Streamlit's "Network URL", then its host name). The last of `machine_urls` is the answer
    when nothing else is usable: a machine with no network has no address a phone could reach.
    """
    machine = list(machine_urls)
    candidates = (
        configured_url(env, secrets),
        app_root(browser_url, base_path) if browser_url is not None and is_web_url(browser_url) else None,
        *machine,
    )
    for candidate in candidates:
        if candidate is not None and is_web_url(candidate) and not is_loopback_url(candidate):
            return _with_slash(candidate)
    return _with_slash(machine[-1]) if machine else DEFAULT_PUBLIC_URL


def _with_slash(url: str) -> str:
    """A bare host address ("http://10.0.0.2:8501") with the root path a browser would add."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(path=parts.path or "/"))


def with_lang(url: str, lang: Lang) -> str:
    """`url` with `lang=<lang>` in its query (replacing one there), so the link opens in the screen's language."""
    parts = urlsplit(url)
    query = [
        (name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name != "lang"
    ]
    return urlunsplit(parts._replace(query=urlencode([*query, ("lang", lang)])))


def public_url(
    env: Mapping[str, str], secrets: Mapping[str, object], browser_url: str | None = None, base_path: str = ""
) -> str:
    """The link the QR code carries: environment, then secret, then the browser's own address, then the default."""
    candidates: Iterable[object] = (
        configured_url(env, secrets),
        app_root(browser_url, base_path) if browser_url is not None and is_web_url(browser_url) else None,
    )
    for candidate in candidates:
        if is_web_url(candidate):
            return str(candidate)
    return DEFAULT_PUBLIC_URL


def dataset_or_stop(lang: Lang) -> tuple[Dataset, str]:
    """The cached dataset and its directory; an unreadable data directory ends the page with a message."""
    directory = str(cache.data_dir())
    try:
        return cache.cached_dataset(directory), directory
    except DataError as error:
        st.error(t("explorer.data_unreadable", lang, error=error), icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this line only tells the type checker the function ends here


def basemap_or_none(directory: str) -> dict[str, Any] | None:
    """The country outlines, or None when the file is missing or damaged: the map is drawn without them."""
    try:
        return cache.cached_outlines(directory)
    except DataError as error:
        log.warning("country outlines unreadable, maps are drawn without them: %s", error)
        return None


@dataclass(frozen=True)
class PageContext:
    """Everything a page works from, read once per run."""

    dataset: Dataset
    directory: str
    state: AppState
    frame: pd.DataFrame  # the organisations the filters keep

    @property
    def lang(self) -> Lang:
        return self.state.lang

    @cached_property
    def counts(self) -> Counts:
        """The headline figures of `frame`, summed from the dataset's cached tally."""
        return cache.cached_tally(self.directory).counts(self.frame)

    @cached_property
    def basemap(self) -> dict[str, Any] | None:
        """The country outlines, read on first use; None when damaged (the page says so)."""
        return basemap_or_none(self.directory)


def _stylesheet() -> str:
    """What every page changes in Streamlit's look (theme constants only): caption contrast, and on a phone
    a short title, compact figures, the map filling most of the first screen, a tooltip that cannot run
    off the screen, and a visible label on the button that opens the filters."""
    return f"""<style>
[data-testid="stCaptionContainer"] {{ color: {theme.CAPTION_TEXT}; opacity: 1; }}
[data-testid="stExpandSidebarButton"][data-label]::after {{
  content: attr(data-label); margin-left: 0.35rem; font-size: 0.9rem; white-space: nowrap;
}}
@media (max-width: {theme.PHONE_MAX_WIDTH_PX}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: {theme.PHONE_TOP_PADDING_REM}rem; }}
  [data-testid="stMainBlockContainer"] h1 {{ font-size: {theme.PHONE_TITLE_REM}rem; padding-bottom: 0; }}
  .st-key-page_intro {{ display: none; }}
  .st-key-explorer_metrics [data-testid="stMetricValue"] {{ font-size: {theme.PHONE_METRIC_VALUE_REM}rem; }}
  .st-key-explorer_metrics [data-testid="stMetricLabel"] p {{ font-size: {theme.PHONE_METRIC_LABEL_REM}rem; }}
  .st-key-explorer_metrics {{ row-gap: 0.25rem; }}
  .st-key-map_controls {{ gap: 0.4rem; }}
  .st-key-map_controls button {{ min-height: 2.25rem; padding: 0.2rem 0.6rem; }}
  .st-key-map_controls button p {{ font-size: {theme.PHONE_BUTTON_TEXT_REM}rem; }}
  .st-key-explorer_map [data-testid="stDeckGlJsonChart"] * {{ touch-action: pan-y !important; }}
  .st-key-explorer_map .deck-tooltip {{
    transform: none !important; left: 0.5rem !important; top: 0.5rem !important;
    max-width: calc(100% - 1rem); white-space: normal;
  }}
}}
</style>"""


# Streamlit's button that opens a collapsed sidebar shows only "»". The script names it (for screen
# readers and as visible text) with what it opens; React may draw the button again, so it is watched.
_SIDEBAR_BUTTON_SCRIPT = """<script>
(() => {
  const label = %s;
  window.__signatoriesFiltersLabel = label;
  const apply = () => {
    const button = document.querySelector('[data-testid="stExpandSidebarButton"]');
    if (button && button.dataset.label !== window.__signatoriesFiltersLabel) {
      button.dataset.label = window.__signatoriesFiltersLabel;
      button.setAttribute("aria-label", window.__signatoriesFiltersLabel);
      button.setAttribute("title", window.__signatoriesFiltersLabel);
    }
  };
  apply();
  if (!window.__signatoriesFiltersObserver) {
    window.__signatoriesFiltersObserver = new MutationObserver(apply);
    window.__signatoriesFiltersObserver.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>"""


def render_page_setup(lang: Lang, sidebar_label: str = "") -> None:
    """The page's language on its <html> element (Streamlit always serves lang="en", so screen readers
    would speak Japanese with English rules and browsers offer to translate), the shared stylesheet, and
    the name of the button that opens the sidebar."""
    script = f"<script>document.documentElement.lang = {js_literal(lang)};</script>"
    if sidebar_label:
        script += _SIDEBAR_BUTTON_SCRIPT % js_literal(sidebar_label)
    st.html(_stylesheet() + script, unsafe_allow_javascript=True)


def open_page(title_key: str, intro_key: str, *, filters: bool = True) -> PageContext:
    """The start every page with the sidebar shares: the dataset, the state (the filters drawn only where
    `filters`), the page's title and introduction, what of the data is left out, and the notes on what
    of the opened link was ignored. The state is written back to the URL here, once."""
    dataset, directory = dataset_or_stop(state.current_lang())
    current = state.restore(dataset.organisations, cache.cached_known_values(directory))
    lang = current.lang
    active = current.filters.active_count
    # The sidebar holds the filters, or on a page without them only the language switch.
    sidebar_label = sidebar.filters_heading(lang, active) if filters else t("filters.open_language", lang)
    render_page_setup(lang, sidebar_label)
    sidebar.render_language(lang)
    if filters:
        countries = cache.cached_country_options(directory, lang)
        sidebar.render_filters(lang, countries, active)
    # Widgets and buttons report through callbacks, which ran before this script: the state is final.
    state.save(current)
    st.title(t(title_key, lang), anchor=False)
    with st.container(key="page_intro"):
        st.caption(t(intro_key, lang))
    render_data_status(dataset, lang)
    render_url_notes(lang)
    frame = apply_filters(
        dataset.organisations,
        current.filters,
        countries=dataset.countries,
        haystack=cache.cached_haystack(directory),
    )
    return PageContext(dataset, directory, current, frame)


def render_data_status(dataset: Dataset, lang: Lang) -> None:
    """How many of the declaration's signatories are left out and why, with every problem one click away."""
    report = dataset.report
    if dataset.left_out:
        st.warning(
            md_escape(t("data.left_out", lang, left_out=dataset.left_out, total=dataset.total)),
            icon=":material/warning:",
        )
    if report.problems:
        with st.expander(t("explorer.data_problems", lang, count=len(report.problems)), expanded=False):
            st.text(report.render())


def render_url_notes(lang: Lang) -> None:
    """What of the opened link was ignored, as plain text, until the filters are reset."""
    notes = state.url_notes()
    if not notes:
        return
    st.warning(t("filters.url.notes_heading", lang, count=len(notes)), icon=":material/link_off:")
    st.text("\n".join(note.render(lang) for note in notes))


def _secrets() -> Mapping[str, object]:
    """The app's secrets, or nothing when there is no secrets file (the usual case on a laptop)."""
    try:
        return dict(st.secrets)
    except FileNotFoundError:
        return {}
    except StreamlitAPIException as error:
        # A malformed secrets.toml must not take a conference screen down; the link falls back instead.
        log.warning("secrets unreadable, the QR code uses the fallback link: %s", error)
        return {}


def machine_urls() -> list[str]:
    """This machine's addresses for the app: Streamlit's "Network URL" (the address of the interface that
    routes outside; finding it sends no packet), then the host name. Streamlit answers 127.0.0.1 when it
    finds no network; `reachable_url` skips that."""
    urls = []
    internal_ip = net_util.get_internal_ip()
    if internal_ip:
        urls.append(server_util.get_url(internal_ip))
    urls.append(server_util.get_url(socket.gethostname()))
    return urls


@functools.cache
def report_missing_public_link() -> None:
    """Tell the staff, once per server process in its log, when no public link is set for the QR code."""
    if configured_url(os.environ, _secrets()) is None:
        log.warning(
            "No public link set (%s or the %r secret): the display's QR code carries this machine's network "
            "address, %s, which only phones on the same network can open.",
            PUBLIC_URL_ENV,
            PUBLIC_URL_SECRET,
            reachable_url({}, {}, None, "", machine_urls()),
        )
    address = str(st.get_option("server.address") or "")
    host = f"[{address}]" if ":" in address else address
    if address and is_loopback_url(f"http://{host}/"):
        log.warning(
            "The server listens on %s only: phones cannot open the QR code's link. Start it with "
            "--server.address 0.0.0.0 (Streamlit's default, as `make run` starts it) or set a public link.",
            address,
        )


def screen_link(lang: Lang) -> str:
    """The display's QR link: reachable from a phone in the room, in the screen's language."""
    base_path = str(st.get_option("server.baseUrlPath") or "")
    link = reachable_url(os.environ, _secrets(), st.context.url, base_path, machine_urls())
    return with_lang(link, lang)


def hosted_link() -> str:
    """The dashboard's public address: env var, then secret, then this browser's address, then the default."""
    base_path = str(st.get_option("server.baseUrlPath") or "")
    return public_url(os.environ, _secrets(), st.context.url, base_path)


def page_path() -> str:
    """This page's path below the app's root ("" for the map, "coverage" ...), as the browser shows it."""
    path = urlsplit(st.context.url or "").path.strip("/")
    base_path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base_path and (path == base_path or path.startswith(base_path + "/")):
        path = path[len(base_path) :].strip("/")
    return path


def share_link(current: AppState) -> str:
    """The hosted link to this page showing exactly `current`."""
    query = urlencode(serialise(current), doseq=True)
    return f"{hosted_link()}{page_path()}{'?' + query if query else ''}"


def render_share(current: AppState) -> None:
    """A button opening the page's link, ready to copy (the code box has Streamlit's own copy button)."""
    lang = current.lang
    with st.popover(t("share.button", lang), icon=":material/link:", key="share"):
        st.caption(t("share.help", lang))
        st.code(share_link(current), language=None, wrap_lines=True)
