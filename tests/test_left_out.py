"""Rows that fail validation are left out, and every page says so: how many of the declaration's signatories
are missing from its figures, with the problem list one click away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from signatories.paths import PROJECT_ROOT
from signatories.ui.cache import DATA_DIR_ENV
from tests.conftest import EditRows, read_rows

BROKEN = {"ph-danao": ("org_type", "mayor"), "ws-swa": ("lat", "north"), "th-amata": ("country", "XX")}
PAGES = ("explorer", "coverage_report", "data_sources", "about_declaration", "display_screen")


@pytest.fixture
def damaged(data_copy: Path, edit_rows: EditRows, monkeypatch: pytest.MonkeyPatch) -> int:
    """Three rows of organisations.csv broken; returns how many rows the file had."""
    rows = read_rows(data_copy / "organisations.csv")

    def break_three(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["id"] in BROKEN:
                column, value = BROKEN[row["id"]]
                row[column] = value

    edit_rows(data_copy / "organisations.csv", break_three)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return len(rows)


def numbers(text: str) -> set[int]:
    return {int(number) for number in re.findall(r"\d+", text)}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_what_is_left_out(damaged: int, page: str, lang: str) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "views" / f"{page}.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    warnings = [warning.value for warning in at.warning]
    assert any(numbers(text) >= {len(BROKEN), damaged} for text in warnings), warnings
    problems = at.expander[0]
    assert not problems.proto.expanded  # one click away, not in the way
    listed = "\n".join(text.value for text in problems.text)
    assert all(value in listed for _, value in BROKEN.values())


def test_the_map_counts_against_the_declaration(damaged: int) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "views" / "explorer.py"), default_timeout=60)
    at.run()
    assert str(at.metric[0].value) == f"{damaged - len(BROKEN)} of {damaged}"


def test_nothing_left_out_says_nothing() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "views" / "explorer.py"), default_timeout=60)
    at.run()
    assert not at.warning and not at.expander
