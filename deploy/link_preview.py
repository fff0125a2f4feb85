"""The page a shared link answers with, carrying Open Graph tags in the link's language.

Streamlit serves one `index.html` for every page, titled "Streamlit" until its script runs; chat apps and
social sites read the HTML without running scripts, so a shared link previews as "Streamlit". The balancer
answers page requests with a copy of that same file (from the installed Streamlit, so it always matches the
replicas' scripts) in which the title, the `lang` attribute and Open Graph tags are filled in per language.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Final

import streamlit

from signatories.i18n import LANGUAGES, Lang, t

STREAMLIT_INDEX: Final = Path(streamlit.__file__).parent / "static" / "index.html"
TITLE_TAG: Final = "<title>Streamlit</title>"
HTML_TAG: Final = '<html lang="en">'
OG_LOCALES: Final[dict[Lang, str]] = {"en": "en_US", "ja": "ja_JP"}


def shared_link(public_url: str, lang: Lang) -> str:
    """The public link as shared in `lang`: the Japanese page is the one with `?lang=ja`."""
    return public_url if lang == "en" else f"{public_url.rstrip('/')}/?lang={lang}"


def preview_tags(lang: Lang, public_url: str | None = None, image_url: str | None = None) -> str:
    """The `<title>` and the meta tags of the page in `lang`, escaped for HTML."""
    title = t("app.title", lang)
    description = t("app.subtitle", lang)
    properties = {
        "og:type": "website",
        "og:site_name": title,
        "og:title": title,
        "og:description": description,
        "og:locale": OG_LOCALES[lang],
    }
    if public_url:
        properties["og:url"] = shared_link(public_url, lang)
    if image_url:
        properties["og:image"] = image_url
    lines = [f"<title>{html.escape(title)}</title>"]
    lines.append(f'<meta name="description" content="{html.escape(description)}" />')
    lines += [
        f'<meta property="{name}" content="{html.escape(value)}" />' for name, value in properties.items()
    ]
    card = "summary_large_image" if image_url else "summary"
    lines.append(f'<meta name="twitter:card" content="{card}" />')
    return "\n    ".join(lines)


def preview_page(
    index_html: str, lang: Lang, public_url: str | None = None, image_url: str | None = None
) -> str:
    """Streamlit's `index_html` with the title, language and Open Graph tags of `lang`."""
    for expected in (TITLE_TAG, HTML_TAG):
        if expected not in index_html:
            raise ValueError(
                f"Streamlit's index.html ({STREAMLIT_INDEX}) has no {expected!r}: this Streamlit version"
                " changed its page, so the link-preview tags cannot be placed"
            )
    page = index_html.replace(HTML_TAG, f'<html lang="{lang}">', 1)
    return page.replace(TITLE_TAG, preview_tags(lang, public_url, image_url), 1)


def write_preview_pages(
    directory: Path, public_url: str | None = None, image_url: str | None = None
) -> dict[Lang, Path]:
    """One page per language in `directory` (index.en.html, index.ja.html); returns their paths."""
    index_html = STREAMLIT_INDEX.read_text(encoding="utf-8")
    paths = {}
    for lang in LANGUAGES:
        path = directory / f"index.{lang}.html"
        path.write_text(preview_page(index_html, lang, public_url, image_url), encoding="utf-8")
        paths[lang] = path
    return paths
