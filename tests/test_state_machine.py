"""Model-based test: random walks of filter changes, page changes, language switches and resets, through the
real dashboard in AppTest, checking after every step that the address, the widgets and the figures agree with
a model of what the user did and with counts computed from the CSV files by plain pandas.

Streamlit's AppTest runs the real scripts (`dashboard.py` and its `st.navigation`), so a page change here is
what a click in the sidebar's navigation does: the same session moves to another page script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pandas as pd
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from streamlit.testing.v1 import AppTest

from signatories.paths import PROJECT_ROOT
from tests.explorer_expected import read_organisations

DASHBOARD = PROJECT_ROOT / "dashboard.py"
PAGES = {
    "map": "views/explorer.py",
    "coverage": "views/coverage_report.py",
    "data": "views/data_sources.py",
    "about": "views/about_declaration.py",
}
FILTER_PAGES = ("map", "coverage", "data")
COUNTRIES = ("PH", "ID", "TH", "JP", "GE", "WS", "MV")
TYPES = ("city", "national_ministry", "public_utility", "company", "province_state")
BASES = ("own", "national", "none")
TIMEOUT_S = 60
CSV = read_organisations()
TOTAL = len(CSV)


@dataclass(frozen=True)
class Model:
    """What the user has chosen so far, kept by the test alone."""

    page: str = "map"
    lang: str = "en"
    countries: frozenset[str] = field(default_factory=frozenset)
    types: frozenset[str] = field(default_factory=frozenset)
    bases: frozenset[str] = field(default_factory=frozenset)

    def expected(self) -> pd.DataFrame:
        rows = CSV
        if self.countries:
            rows = rows[rows["country"].isin(self.countries)]
        if self.types:
            rows = rows[rows["org_type"].isin(self.types)]
        if self.bases and self.bases != set(BASES):
            rows = rows[rows["basis"].isin(self.bases)]
        return rows

    def params(self) -> dict[str, set[str]]:
        """The address's parameters as sets of values (the order within one is the app's to choose)."""
        expected = {"lang": {self.lang} - {"en"}, "country": set(self.countries), "type": set(self.types)}
        expected["target"] = set() if set(self.bases) == set(BASES) else set(self.bases)
        return {name: values for name, values in expected.items() if values}


def address(at: AppTest) -> dict[str, set[str]]:
    params = {}
    for name, value in dict(at.query_params).items():
        params[name] = set(value) if isinstance(value, list) else {value}
    return params


def numbers(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"\d+", text)]


class DashboardWalk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.at = AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT_S)
        self.model = Model()
        self.run()

    def run(self) -> None:
        self.at.run()
        assert not self.at.exception, [exception.value for exception in self.at.exception]

    @rule(page=st.sampled_from(tuple(PAGES)))
    def go_to(self, page: str) -> None:
        self.at.switch_page(PAGES[page])
        self.run()
        self.model = replace(self.model, page=page)

    @rule()
    def switch_language(self) -> None:
        lang = "ja" if self.model.lang == "en" else "en"
        self.at.radio(key="lang").set_value(lang)
        self.run()
        self.model = replace(self.model, lang=lang)

    @precondition(lambda self: self.model.page in FILTER_PAGES)
    @rule(countries=st.sets(st.sampled_from(COUNTRIES), max_size=3))
    def pick_countries(self, countries: set[str]) -> None:
        self.at.multiselect(key="filter_countries").set_value(sorted(countries))
        self.run()
        self.model = replace(self.model, countries=frozenset(countries))

    @precondition(lambda self: self.model.page in FILTER_PAGES)
    @rule(types=st.sets(st.sampled_from(TYPES), max_size=2))
    def pick_types(self, types: set[str]) -> None:
        self.at.multiselect(key="filter_types").set_value(sorted(types))
        self.run()
        self.model = replace(self.model, types=frozenset(types))

    @precondition(lambda self: self.model.page in FILTER_PAGES)
    @rule(bases=st.sets(st.sampled_from(BASES)))
    def pick_bases(self, bases: set[str]) -> None:
        self.at.button_group(key="filter_bases").set_value(sorted(bases))
        self.run()
        self.model = replace(self.model, bases=frozenset(bases))

    @precondition(lambda self: self.model.page in FILTER_PAGES)
    @rule()
    def reset(self) -> None:
        self.at.button(key="filter_reset").click()
        self.run()
        self.model = Model(page=self.model.page, lang=self.model.lang)

    @invariant()
    def the_address_says_what_the_user_chose(self) -> None:
        assert address(self.at) == self.model.params()

    @invariant()
    def the_widgets_show_what_the_user_chose(self) -> None:
        assert self.at.radio(key="lang").value == self.model.lang
        if self.model.page not in FILTER_PAGES:
            return
        assert set(self.at.multiselect(key="filter_countries").value) == self.model.countries
        assert set(self.at.multiselect(key="filter_types").value) == self.model.types
        shown_bases = set(self.at.button_group(key="filter_bases").value or ())
        assert shown_bases == (set() if set(self.model.bases) == set(BASES) else self.model.bases)

    @invariant()
    def the_figures_count_the_chosen_organisations(self) -> None:
        shown = len(self.model.expected())
        page = self.model.page
        if page == "map":
            assert numbers(str(self.at.metric[0].value)) in ([shown, TOTAL], [TOTAL, shown])
            heading = self.at.main.header[-1].value
            assert numbers(heading)[-1] == shown, heading
        elif page in ("coverage", "data"):
            sentence = next(
                element.value
                for element in self.at.markdown
                if str(TOTAL) in element.value and not element.value.startswith(("-", "**"))
            )
            found = numbers(sentence)
            expected_pair = [shown, TOTAL] if self.model.lang == "en" else [TOTAL, shown]
            assert found[:2] == expected_pair, sentence


TestDashboardWalk = DashboardWalk.TestCase
TestDashboardWalk.settings = settings(
    max_examples=12,
    stateful_step_count=8,
    deadline=None,
    # The same walks on every run: CI must not pass or fail by the luck of the draw.
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
