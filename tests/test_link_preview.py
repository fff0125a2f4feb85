"""The link-preview pages the balancer answers with: Streamlit's own index.html, with the title, language
and Open Graph tags of the shared link's language filled in, escaped as HTML."""

from pathlib import Path

import pytest

from deploy.link_preview import STREAMLIT_INDEX, preview_page, write_preview_pages

INDEX = '<html lang="en">\n<head>\n<title>Streamlit</title>\n<script src="./static/js/index.js"></script>'


def test_the_japanese_page_carries_japanese_tags_and_keeps_streamlits_scripts() -> None:
    page = preview_page(
        INDEX, "ja", public_url="https://example.org/", image_url="https://example.org/map.png"
    )
    assert page.startswith('<html lang="ja">')
    assert "<title>横浜宣言マップ</title>" in page
    assert '<meta property="og:title" content="横浜宣言マップ" />' in page
    assert '<meta property="og:locale" content="ja_JP" />' in page
    assert '<meta property="og:url" content="https://example.org/?lang=ja" />' in page
    assert '<meta property="og:image" content="https://example.org/map.png" />' in page
    assert '<meta name="twitter:card" content="summary_large_image" />' in page
    assert '<script src="./static/js/index.js"></script>' in page
    assert "Streamlit</title>" not in page


def test_the_english_page_without_a_public_link_has_no_url_or_image() -> None:
    page = preview_page(INDEX, "en")
    assert '<meta property="og:title" content="Yokohama Declaration map" />' in page
    assert "og:url" not in page
    assert "og:image" not in page
    assert '<meta name="twitter:card" content="summary" />' in page


def test_values_are_escaped() -> None:
    page = preview_page(INDEX, "en", public_url='https://example.org/?a="b"&c=<d>')
    assert 'content="https://example.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;"' in page


def test_a_changed_streamlit_page_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="no '<title>Streamlit</title>'"):
        preview_page('<html lang="en"><title>Other</title>', "en")


def test_pages_are_written_from_the_installed_streamlit(tmp_path: Path) -> None:
    paths = write_preview_pages(tmp_path)
    assert sorted(path.name for path in paths.values()) == ["index.en.html", "index.ja.html"]
    installed = STREAMLIT_INDEX.read_text(encoding="utf-8")
    script_line = next(line for line in installed.splitlines() if "static/js/index." in line)
    assert script_line in paths["ja"].read_text(encoding="utf-8")
