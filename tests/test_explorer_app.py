"""AppTest of the map explorer: every filter and some combinations, the URL, languages and safety.

Expected figures come from tests/explorer_expected.py, which reads the CSV files with plain pandas;
the page's own numbers are read back from its metrics and from the deck JSON it sends to the browser.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from signatories import load_dataset, theme
from signatories.map.deck import LAYER_ARCS, LAYER_COUNTRIES, STATE_HIDDEN, STATE_SELECTED
from signatories.paths import PROJECT_ROOT, STATIC_DIR
from signatories.ui.cache import DATA_DIR_ENV, data_dir
from tests.conftest import EditRows
from tests.explorer_expected import headline, ids, read_organisations

EXPLORER = PROJECT_ROOT / "views" / "explorer.py"
DASHBOARD = PROJECT_ROOT / "dashboard.py"
TIMEOUT_S = 60
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return read_organisations()


def run(
    script: Path = EXPLORER, session: Mapping[str, object] | None = None, **params: str | list[str]
) -> AppTest:
    """A first run of `script` opened with query `params`, the session holding `session` (e.g. what a browser
    component reported) beforehand."""
    at = AppTest.from_file(str(script), default_timeout=TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    for key, state in (session or {}).items():
        at.session_state[key] = state
    at.run()
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def deck(at: AppTest) -> dict[str, Any]:
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    spec: dict[str, Any] = json.loads(charts[0].proto.json)
    return spec


def layer(at: AppTest, layer_id: str) -> dict[str, Any] | None:
    found = [item for item in deck(at)["layers"] if item["id"] == layer_id]
    return found[0] if found else None


def arcs_drawn(at: AppTest) -> bool:
    return any(item["id"].startswith(f"{LAYER_ARCS}-") for item in deck(at)["layers"])


def marker_order() -> list[str]:
    """The marker layer's order, by its rule: every located organisation, proposers last, then by id."""
    organisations = load_dataset(data_dir()).organisations.dropna(subset=["lat", "lon"])
    proposers = set(organisations.loc[organisations["role"] == "proposer", "id"])
    return sorted(organisations["id"], key=lambda org: (org in proposers, org))


def marker_rows(at: AppTest) -> dict[str, dict[str, Any]]:
    """The map's marker rows by organisation (a row holds no id: a click is an index into the layer)."""
    organisations = layer(at, "organisations")
    assert organisations is not None
    order = marker_order()
    assert len(order) == len(organisations["data"])
    return dict(zip(order, organisations["data"], strict=True))


def shown_on_map(at: AppTest) -> set[str]:
    return {org for org, row in marker_rows(at).items() if row.get("k", 0) < STATE_HIDDEN}


def metrics(at: AppTest) -> list[str]:
    return [str(metric.value) for metric in at.metric]


def leading_number(text: str) -> int:
    match = re.match(r"\d+", text)
    assert match, text
    return int(match.group())


def check_counts(at: AppTest, expected: pd.DataFrame) -> None:
    """The page's five figures and its map agree with the expected organisations."""
    figures = headline(expected)
    organisations, countries, local, national, share = metrics(at)
    assert leading_number(organisations) == figures["organisations"]
    assert leading_number(countries) == figures["countries"]
    assert int(local) == figures["local"]
    assert int(national) == figures["national"]
    expected_share = "—" if figures["share"] is None else f"{figures['share']:.0%}"
    assert share == expected_share
    assert shown_on_map(at) == ids(expected)


def texts(at: AppTest) -> list[str]:
    return [str(element.value) for element in at.text]


def all_markdown(at: AppTest) -> list[str]:
    """Every string Streamlit renders as markdown: markdown, captions, headings, alerts, button labels."""
    bodies = [
        str(e.value) for group in (at.markdown, at.caption, at.title, at.subheader, at.header) for e in group
    ]
    bodies += [str(e.value) for group in (at.warning, at.info, at.error) for e in group]
    bodies += [str(button.label) for button in at.button]
    return bodies


# --- The default view -----------------------------------------------------------------------------------


def test_opens_with_every_organisation_on_the_map(csv: pd.DataFrame) -> None:
    at = run()
    check_counts(at, csv)
    assert metrics(at)[0] == "45 of 45"
    assert len(layer(at, "organisations")["data"]) == 45  # type: ignore[index]
    assert not at.warning  # a clean link gives no notes
    assert dict(at.query_params) == {}


def test_the_dashboard_opens_on_the_explorer() -> None:
    at = run(DASHBOARD)
    assert at.title[0].value == "Yokohama Declaration map"
    assert len(layer(at, "organisations")["data"]) == 45  # type: ignore[index]


# --- Each filter ----------------------------------------------------------------------------------------


def test_country_filter(csv: pd.DataFrame) -> None:
    at = run()
    at.multiselect(key="filter_countries").set_value(["PH", "WS"])
    rerun(at)
    check_counts(at, csv[csv["country"].isin(["PH", "WS"])])
    assert at.query_params["country"] == ["PH", "WS"]


def test_countries_are_grouped_by_region() -> None:
    at = run()
    options = at.multiselect(key="filter_countries").options
    assert len(options) == 20
    regions = [option.split(" · ")[0] for option in options]
    # Each region's countries sit together: no region comes back after another one started.
    runs = [region for region, _ in itertools.groupby(regions)]
    assert len(runs) == len(set(runs)) == 6
    assert "Pacific · Samoa" in options


def test_org_type_filter(csv: pd.DataFrame) -> None:
    at = run()
    at.multiselect(key="filter_types").set_value(["national_ministry", "company"])
    rerun(at)
    check_counts(at, csv[csv["org_type"].isin(["national_ministry", "company"])])


def test_role_filter(csv: pd.DataFrame) -> None:
    at = run()
    at.button_group(key="filter_roles").set_value(["proposer"])
    rerun(at)
    check_counts(at, csv[csv["role"] == "proposer"])
    assert metrics(at)[0] == "2 of 45"


def test_year_range_filter(csv: pd.DataFrame) -> None:
    at = run()
    low, high = at.slider(key="filter_years").value
    assert (low, high) == (int(csv["year"].min()), int(csv["year"].max()))
    at.slider(key="filter_years").set_range(2040, 2045)
    rerun(at)
    check_counts(at, csv[csv["year"].between(2040, 2045) | csv["year"].isna()])
    assert at.query_params["year"] == "2040-2045"


def test_leaving_out_no_target_found(csv: pd.DataFrame) -> None:
    at = run()
    at.button_group(key="filter_bases").set_value(["own", "national"])
    rerun(at)
    check_counts(at, csv[csv["year"].notna()])
    assert at.query_params["target"] == ["own", "national"]


@pytest.mark.parametrize("bases", [["own"], ["none"], ["national", "none"]])
def test_basis_filter(csv: pd.DataFrame, bases: list[str]) -> None:
    at = run()
    at.button_group(key="filter_bases").set_value(bases)
    rerun(at)
    check_counts(at, csv[csv["basis"].isin(bases)])


def test_an_old_link_with_the_no_target_switch_opens_the_same_view(csv: pd.DataFrame) -> None:
    at = run(notarget="0", basis="own")
    check_counts(at, csv[csv["basis"] == "own"])
    assert at.button_group(key="filter_bases").value == ["own"]
    assert dict(at.query_params) == {"target": "own"}
    assert not at.warning


@pytest.mark.parametrize(
    ("query", "column", "value"), [("Bangkok", "seat", "Bangkok"), ("モンゴル", "country_ja", "モンゴル")]
)
def test_search_filter(csv: pd.DataFrame, query: str, column: str, value: str) -> None:
    at = run()
    at.text_input(key="filter_query").input(query)
    rerun(at)
    check_counts(at, csv[csv[column] == value])


# --- Combinations ---------------------------------------------------------------------------------------


def test_country_and_type(csv: pd.DataFrame) -> None:
    at = run()
    at.multiselect(key="filter_countries").set_value(["ID", "PH"])
    at.multiselect(key="filter_types").set_value(["city"])
    rerun(at)
    check_counts(at, csv[csv["country"].isin(["ID", "PH"]) & (csv["org_type"] == "city")])


def test_year_basis_and_no_target(csv: pd.DataFrame) -> None:
    at = run()
    at.slider(key="filter_years").set_range(2030, 2045)
    at.button_group(key="filter_bases").set_value(["national"])
    rerun(at)
    check_counts(at, csv[csv["year"].between(2030, 2045) & (csv["basis"] == "national")])


def test_nothing_matches(csv: pd.DataFrame) -> None:
    at = run(country="WS", role="proposer")
    check_counts(at, csv.iloc[0:0])
    assert at.info  # the table says nothing matches instead of showing an empty grid
    assert not at.dataframe


def test_reset_clears_filters_and_keeps_language(csv: pd.DataFrame) -> None:
    at = run(lang="ja", country=["PH"], q="cebu", org="ph-cebu", year="2030-2040")
    at.button(key="filter_reset").click()
    rerun(at)
    check_counts(at, csv)
    assert dict(at.query_params) == {"lang": "ja"}
    assert at.radio(key="lang").value == "ja"


# --- The URL --------------------------------------------------------------------------------------------


def test_url_round_trip(csv: pd.DataFrame) -> None:
    at = run()
    at.radio(key="lang").set_value("ja")
    at.multiselect(key="filter_countries").set_value(["TH", "JP"])
    at.multiselect(key="filter_types").set_value(["city", "company"])
    at.slider(key="filter_years").set_range(2040, 2050)
    at.text_input(key="filter_query").input("a")
    at.toggle(key="map_arcs").set_value(False)
    at.toggle(key="map_tiles").set_value(True)
    rerun(at)
    params = dict(at.query_params)
    assert params["lang"] == "ja" and params["arcs"] == "0" and params["tiles"] == "1"

    again = run(**params)
    for key in ("filter_countries", "filter_types"):
        assert sorted(again.multiselect(key=key).value) == sorted(at.multiselect(key=key).value)
    assert again.slider(key="filter_years").value == (2040, 2050)
    assert again.text_input(key="filter_query").value == "a"
    assert again.radio(key="lang").value == "ja"
    assert again.toggle(key="map_arcs").value is False
    assert metrics(again) == metrics(at)
    assert shown_on_map(again) == shown_on_map(at)
    assert dict(again.query_params) == params
    assert not again.warning


def test_a_shared_link_opens_the_details_of_its_organisation() -> None:
    at = run(org="ph-cebu")
    assert at.header[0].value == "City Government of Cebu"
    assert "セブ市" in texts(at)
    links = at.get("link_button")
    assert len(links) == 1 and links[0].proto.url.startswith("https://")
    assert at.query_params["org"] == "ph-cebu"
    assert marker_rows(at)["ph-cebu"]["k"] & STATE_SELECTED


def test_closing_the_details_removes_the_organisation_from_the_url() -> None:
    at = run(org="ph-cebu", country="PH")
    at.button(key="details_close").click()
    rerun(at)
    assert "org" not in at.query_params
    assert at.query_params["country"] == "PH"
    assert at.info  # the hint to click a marker is back


def test_organisations_sharing_a_seat_can_each_be_reached(csv: pd.DataFrame) -> None:
    jakarta = csv.loc[csv["id"] == "id-jakarta", ["lat", "lon"]].iloc[0]
    same_seat = csv[(csv["lat"] == jakarta["lat"]) & (csv["lon"] == jakarta["lon"])]
    neighbours = sorted(set(same_seat["id"]) - {"id-jakarta"})
    assert len(neighbours) >= 2
    at = run(org="id-jakarta")
    for neighbour in neighbours:
        assert at.button(key=f"details_same_seat_{neighbour}")
    at.button(key=f"details_same_seat_{neighbours[0]}").click()
    rerun(at)
    assert at.query_params["org"] == neighbours[0]
    # On the map they are distinct points, each one clickable.
    rows = marker_rows(at)
    assert len({tuple(rows[org]["p"]) for org in same_seat["id"]}) == len(same_seat)


def test_bad_url_values_are_ignored_with_a_visible_note(csv: pd.DataFrame) -> None:
    # 900 values: Streamlit itself drops a query string of more than 1,000 fields before the page runs
    # (tests/test_url_state.py covers 10,000 at the parser); below that the page's own cap applies.
    at = run(
        country=["XX", "<script>alert(1)</script>", "TH"],
        year="abc",
        type=["city"] * 900,
        foo="bar",
        lang="ja",
        org="nowhere",
    )
    assert at.warning, "the user must see that part of the link was ignored"
    notes = "\n".join(texts(at))
    for fragment in ("XX", "<script>alert(1)</script>", "abc", "foo", "nowhere", "900"):
        assert fragment in notes, fragment
    # The valid parts still apply.
    check_counts(at, csv[(csv["country"] == "TH") & (csv["org_type"] == "city")])
    # The page rewrote the URL to what it shows.
    assert dict(at.query_params) == {"lang": "ja", "country": "TH", "type": "city"}
    # No note is rendered as markdown, so the markup stays inert text.
    assert not any("<script>" in body for body in all_markdown(at))


def test_a_reversed_year_range_is_noted_and_read_the_right_way_round(csv: pd.DataFrame) -> None:
    at = run(year="2045-2040")
    assert at.warning
    assert at.slider(key="filter_years").value == (2040, 2045)
    check_counts(at, csv[csv["year"].between(2040, 2045) | csv["year"].isna()])


def test_a_year_beyond_the_data_widens_the_slider(csv: pd.DataFrame) -> None:
    at = run(year="2060")
    assert not at.warning
    assert at.slider(key="filter_years").value == (2060, 2060)
    check_counts(at, csv[(csv["year"] == 2060) | csv["year"].isna()])


# --- Languages ------------------------------------------------------------------------------------------


def test_lang_ja_in_the_url_shows_japanese(csv: pd.DataFrame) -> None:
    at = run(lang="ja")
    assert at.title[0].value == "横浜宣言マップ"
    assert all(JAPANESE.search(metric.label) for metric in at.metric)
    assert at.multiselect(key="filter_countries").options[0].startswith("東アジア")
    rows = marker_rows(at)
    assert rows["jp-yokohama"]["n"] == "横浜市"
    assert rows["jp-yokohama"]["t"] == "市・都"
    labels = {row["text"] for row in layer(at, "seat-labels")["data"]}  # type: ignore[index]
    assert "横浜" in labels
    table = at.dataframe[0].value
    assert set(table["name"]) == set(csv["name_ja"])
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert JAPANESE.search(tooltip["html"])


def test_switching_language_keeps_the_filters(csv: pd.DataFrame) -> None:
    at = run(country="PH")
    at.radio(key="lang").set_value("ja")
    rerun(at)
    assert at.multiselect(key="filter_countries").value == ["PH"]
    assert at.title[0].value == "横浜宣言マップ"
    assert dict(at.query_params) == {"lang": "ja", "country": "PH"}
    check_counts(at, csv[csv["country"] == "PH"])
    at.radio(key="lang").set_value("en")
    rerun(at)
    assert at.title[0].value == "Yokohama Declaration map"
    assert dict(at.query_params) == {"country": "PH"}


# --- The map --------------------------------------------------------------------------------------------


def test_samoa_and_the_cook_islands_are_east_of_papua_new_guinea(csv: pd.DataFrame) -> None:
    at = run()
    rows = marker_rows(at)
    port_moresby = rows["pg-ncdc"]["p"][0]
    pacific = csv.loc[csv["country"].isin(["WS", "CK"]), "id"]
    assert len(pacific) == 3  # by hand: two Samoan bodies and the Cook Islands' ministry
    assert all(rows[org]["p"][0] > port_moresby for org in pacific)


def test_arcs_and_tiles_switch(csv: pd.DataFrame) -> None:
    at = run()
    assert arcs_drawn(at)
    # Offline by default: no request to a third party unless the visitor asks for the tiles.
    assert deck(at).get("mapProvider") is None
    assert "cartocdn" not in at.get("deck_gl_json_chart")[0].proto.json
    assert any("Natural Earth" in caption.value and "CARTO" not in caption.value for caption in at.caption)
    at.toggle(key="map_arcs").set_value(False)
    at.toggle(key="map_tiles").set_value(True)
    rerun(at)
    assert not arcs_drawn(at)
    assert deck(at)["mapProvider"] == "carto"
    assert any("CARTO" in caption.value for caption in at.caption)


def test_the_view_stays_put_when_filters_change_and_fits_on_request() -> None:
    at = run()
    start = deck(at)["initialViewState"]
    at.multiselect(key="filter_countries").set_value(["ID"])
    rerun(at)
    assert deck(at)["initialViewState"] == start
    at.button(key="map_fit").click()
    rerun(at)
    fitted = deck(at)["initialViewState"]
    assert fitted["zoom"] > start["zoom"]
    assert 95 < fitted["longitude"] < 141  # Indonesia, west to east
    at.multiselect(key="filter_countries").set_value(["ID", "PH"])
    rerun(at)
    assert deck(at)["initialViewState"] == fitted  # a later filter change does not move it again
    at.button(key="map_region").click()
    rerun(at)
    assert deck(at)["initialViewState"]["zoom"] == pytest.approx(start["zoom"])


def test_a_fitted_country_draws_finer_outlines_than_the_region() -> None:
    """The region view fetches the thinned outlines; a view fitted to the Philippines, whose islands they
    would draw blocky, fetches the finer file."""

    def outline_file(at: AppTest) -> Path:
        data = layer(at, LAYER_COUNTRIES)
        assert data is not None and isinstance(data["data"], str)
        path = STATIC_DIR / data["data"].removeprefix("app/static/")
        assert path.is_file()
        return path

    at = run(country="PH")
    region = outline_file(at)
    at.button(key="map_fit").click()
    rerun(at)
    fitted = outline_file(at)
    assert deck(at)["initialViewState"]["zoom"] > theme.REGION_VIEW["zoom"] + 1
    assert fitted.stat().st_size > 2 * region.stat().st_size
    at.button(key="map_region").click()
    rerun(at)
    assert outline_file(at) == region


def test_legend_and_attribution() -> None:
    at = run(lang="ja")
    blocks = [block.proto.body for block in at.get("html")]
    assert any("市・都" in body for body in blocks), blocks
    assert any("Natural Earth" in caption.value for caption in at.caption)


# --- Data as text ---------------------------------------------------------------------------------------

MARKUP = "<b>markup</b> **bold** [link](javascript:alert(1)) :red[x] $x$"


def test_markup_in_the_data_is_shown_as_text(
    data_copy: Path, edit_rows: EditRows, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["id"] == "ph-cebu":
                row["name_en"] = MARKUP
                row["short_name"] = "<i>x</i>"

    edit_rows(data_copy / "organisations.csv", rename)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = run(org="ph-cebu")
    # The name is shown, escaped so markdown renders every character as itself.
    heading = at.header[0].value
    assert "<b>" not in heading and "**" not in heading
    assert re.sub(r"\\(.)", r"\1", heading) == MARKUP
    for body in all_markdown(at):
        assert "<b>" not in body and "<i>" not in body, body
    # In the table and the map's data it is a plain string (Streamlit escapes tooltip values).
    assert MARKUP in set(at.dataframe[0].value["name"])
    rows = marker_rows(at)
    assert rows["ph-cebu"]["n"] == MARKUP
    assert not any("markup" in html.proto.body for html in at.get("html"))


def test_validation_problems_are_listed_in_a_collapsed_box(
    data_copy: Path, edit_rows: EditRows, monkeypatch: pytest.MonkeyPatch, csv: pd.DataFrame
) -> None:
    def break_one(rows: list[dict[str, str]]) -> None:
        for row in rows:
            if row["id"] == "ph-danao":
                row["org_type"] = "mayor"

    edit_rows(data_copy / "organisations.csv", break_one)
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = run()
    (box,) = at.expander
    assert not box.proto.expanded
    assert "mayor" in "\n".join(text.value for text in box.text)
    assert leading_number(metrics(at)[0]) == len(csv) - 1


def test_without_country_outlines_the_markers_still_show(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_copy / "countries.geojson").unlink()
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = run()
    assert layer(at, "countries") is None
    assert len(layer(at, "organisations")["data"]) == 45  # type: ignore[index]
    assert any("outlines" in caption.value for caption in at.caption)


def _plain(at: AppTest) -> str:
    """Every markdown string of the page with the escaping of data text undone, for reading."""
    return "\n".join(all_markdown(at)).replace("\\", "")


def _target_rows() -> pd.DataFrame:
    return pd.read_csv(PROJECT_ROOT / "data" / "targets.csv", keep_default_na=False, dtype=str)


def test_details_show_a_newer_weaker_announcement_beside_the_effective_target() -> None:
    indonesia = _target_rows().query("entity == 'ID' and current == 'true'")
    policy = indonesia[indonesia["status"] == "in_policy_document"].iloc[0]
    speech = indonesia[indonesia["status"] == "declaration_pledge"].iloc[0]
    at = run(org="id-bappenas")
    shown = _plain(at)
    assert f"by {policy['target_year']} or sooner" in shown
    assert (
        f"Also announced** before {speech['target_year']}, {speech['announced']}, Declaration / pledge"
        in shown
    )
    urls = [button.proto.url for button in at.get("link_button")]
    assert urls == [policy["source_url"], speech["source_url"]]


def test_no_target_found_shows_the_search_behind_it() -> None:
    philippines = _target_rows().query("entity == 'PH' and current == 'true'").iloc[0]
    own = _target_rows().query("entity == 'ph-baguio'").iloc[0]
    at = run(org="ph-baguio")
    shown = _plain(at)
    assert "Target** No target found" in shown
    assert f"Searched on** {philippines['checked']}" in shown
    assert f"Confidence in the target** {own['confidence'].capitalize()}" in shown
    assert own["note"] in texts(at)
    assert "national target applies" not in " ".join(texts(at))
    assert [button.proto.url for button in at.get("link_button")] == [philippines["source_url"]]


def test_japanese_details_show_japanese_notes_and_provinces(csv: pd.DataFrame) -> None:
    naga = csv.set_index("id").loc["ph-naga"]
    at = run(org="ph-naga", lang="ja")
    assert naga["notes_ja"] in texts(at)
    assert naga["notes"] not in texts(at)
    shown = _plain(at)
    assert f"{naga['seat_ja']}（{naga['admin1_ja']}）" in shown
    assert naga["admin1"] not in shown
    # The note of the search that found no target, in Japanese too.
    search = _target_rows().query("entity == 'ph-naga'").iloc[0]
    assert search["note_ja"] in texts(at)
    assert search["note"] not in texts(at)


def test_a_short_name_equal_to_the_name_is_not_shown_twice(csv: pd.DataFrame) -> None:
    tbilisi = csv.set_index("id").loc["ge-tbilisi"]
    assert tbilisi["short_name"] == tbilisi["name_en"]  # the cause: both columns say "Tbilisi City Hall"
    at = run(org="ge-tbilisi")
    headings = [str(e.value) for group in (at.header, at.caption, at.text) for e in group]
    assert headings.count(tbilisi["name_en"]) == 1


def test_a_linked_organisation_opens_framed_at_country_zoom(csv: pd.DataFrame) -> None:
    at = run(org="ge-tbilisi")
    view = deck(at)["initialViewState"]
    tbilisi = csv[csv["id"] == "ge-tbilisi"].iloc[0]
    assert view["zoom"] == pytest.approx(theme.FIT_MAX_ZOOM, abs=1e-3)
    # Centred on Tbilisi across; a little above it, where its label sits.
    assert view["longitude"] == pytest.approx(float(tbilisi["lon"]), abs=1e-3)
    assert float(tbilisi["lat"]) - 2 < view["latitude"] < float(tbilisi["lat"]) + 2
    # "Whole region" afterwards frames everything again (zoomed far out).
    at.button(key="map_region").click().run()
    assert deck(at)["initialViewState"]["zoom"] < 3


def test_the_map_offers_its_files_in_the_pages_language() -> None:
    at = run(lang="ja")
    labels = [button.proto.label for button in at.get("download_button")]
    assert {"地図（SVG）", "PNG", "PDF"} <= set(labels)


def test_the_legend_counts_what_is_shown(csv: pd.DataFrame) -> None:
    at = run(country="GE", arcs="0")
    legend = next(element.proto.body for element in at.get("html") if 'role="list"' in element.proto.body)
    georgia = csv[csv["country"] == "GE"]
    assert "City / metropolitan government (1)" in legend
    assert f"Country with a shown signatory ({georgia['country'].nunique()})" in legend
    for kind, count in georgia["org_type"].value_counts().items():
        assert f"({count})" in legend, kind
    # Kinds with nothing shown are left out, and so are the arcs when they are off.
    assert "Company" not in legend and "Proposer →" not in legend
