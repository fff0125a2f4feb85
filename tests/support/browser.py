"""Debian's Chromium driven by Playwright, launched the way this machine allows (never a downloaded browser)."""

import os
import shutil
from pathlib import Path

CHROMIUM_PATH = Path(os.environ.get("SIGNATORIES_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM_PATH.exists() and shutil.which("chromium") is None:
        return f"Debian's chromium is not installed ({CHROMIUM_PATH}); apt-get install -y chromium fonts-noto-cjk"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (requirements-dev.txt)"
    return None
