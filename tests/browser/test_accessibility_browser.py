"""axe-core on every page, in English and Japanese, at a desktop and a phone size: no violation of impact
serious or critical, and the page's <html lang> says its language.

Nothing is silenced here: a violation that came from Streamlit itself would fail this test and be listed,
with the evidence, in the README.
"""

from __future__ import annotations

from typing import Any

import pytest

from signatories import theme
from tests.browser.helpers import LOAD_TIMEOUT_MS, wait_until_idle
from tests.support.server import StreamlitServer

PATHS = ("/", "/?country=PH&org=ph-cebu", "/coverage", "/data", "/display", "/about")
VIEWPORTS = {"desktop": (1440, 900), "phone": (390, 844)}
SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", PATHS)
def test_no_serious_accessibility_violation(
    browser: Any, app: StreamlitServer, path: str, lang: str, viewport: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    width, height = VIEWPORTS[viewport]
    phone = viewport == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    try:
        page = context.new_page()
        separator = "&" if "?" in path else "?"
        page.goto(f"{app.url}{path}{separator}lang={lang}", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_selector("h1, [data-testid=stMetric]", timeout=LOAD_TIMEOUT_MS)
        wait_until_idle(page)
        page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=LOAD_TIMEOUT_MS)
        # English is also the lang Streamlit serves: wait for the page's own stylesheet to be in place too.
        page.wait_for_function(
            "(colour) => [...document.querySelectorAll('style')].some((s) => s.textContent.includes(colour))",
            arg=theme.CAPTION_TEXT,
            timeout=LOAD_TIMEOUT_MS,
        )
        violations = Axe().run(page).response["violations"]
        serious = [
            (
                violation["id"],
                violation["impact"],
                [node["target"] for node in violation["nodes"]][:3],
                violation["nodes"][0]["failureSummary"],
            )
            for violation in violations
            if violation["impact"] in SERIOUS
        ]
        assert serious == []
    finally:
        context.close()
