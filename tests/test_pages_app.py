"""AppTest of the coverage, data & sources, display and about pages.

Expected figures come from pandas reading data/organisations.csv and data/targets.csv directly, not from
the package under test. Downloads and the QR image are caught where Streamlit stores media, so the test
sees the exact bytes a browser would receive.
"""

from __future__ import annotations

import io
import json
import re
import socket
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from PIL import Image
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from signatories import display, vocab
from signatories.i18n.vocabulary import VOCABULARY
from signatories.paths import DATA_DIR, PROJECT_ROOT
from signatories.ui import page
from signatories.ui.display_screen import STEP_KEY

PAGES = {
    name: PROJECT_ROOT / "views" / f"{file}.py"
    for name, file in (
        ("coverage", "coverage_report"),
        ("data_sources", "data_sources"),
        ("display", "display_screen"),
        ("about", "about_declaration"),
    )
}
TIMEOUT_S = 60
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def organisations() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "organisations.csv", keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def targets() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "targets.csv", keep_default_na=False, dtype=str)


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "countries.csv", keep_default_na=False)


@dataclass(frozen=True)
class Stored:
    data: bytes
    mimetype: str
    filename: str | None


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Stored]]:
    """Every file a page hands to Streamlit's media storage (downloads, images), in order."""
    stored: list[Stored] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(
        self: MemoryMediaFileStorage, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None
    ) -> str:
        if isinstance(path_or_data, bytes):
            stored.append(Stored(path_or_data, mimetype, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    yield stored


def run_page(name: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(PAGES[name]), default_timeout=TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def texts(at: AppTest) -> list[str]:
    """Every markdown, title, subheader and caption on the page, markdown escapes removed."""
    found = [*at.title, *at.header, *at.markdown, *at.caption]
    return [re.sub(r"\\(.)", r"\1", str(element.value)) for element in found]


def chart_data(at: AppTest, index: int) -> pd.DataFrame:
    proto = at.get("vega_lite_chart")[index].proto
    return pa.ipc.open_stream(proto.datasets[0].data.data).read_all().to_pandas()


def levels_by_country(organisations: pd.DataFrame) -> pd.Series:
    kinds = (
        organisations.assign(
            local=organisations["org_type"].isin(vocab.LOCAL_ORG_TYPES),
            national=organisations["org_type"].isin(vocab.NATIONAL_ORG_TYPES),
        )
        .groupby("country")[["local", "national"]]
        .any()
    )
    level = pd.Series("other_only", index=kinds.index)
    level[kinds["local"] & ~kinds["national"]] = "local_only"
    level[~kinds["local"] & kinds["national"]] = "national_only"
    level[kinds["local"] & kinds["national"]] = "both"
    return level


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_page_runs_in_both_languages(name: str, lang: str) -> None:
    at = run_page(name, lang=lang)
    shown = " ".join(texts(at))
    assert shown.strip()
    if lang == "ja":
        assert JAPANESE.search(shown), "Japanese text on the Japanese page"
    else:
        headings = " ".join(str(element.value) for element in [*at.title, *at.header, *at.metric])
        assert not JAPANESE.search(headings), "English headings on the English page"


def test_coverage_figures_match_the_data(organisations: pd.DataFrame) -> None:
    at = run_page("coverage")
    shown = texts(at)
    n_orgs, n_countries = len(organisations), organisations["country"].nunique()
    assert f"{n_orgs} of {n_orgs} organisations in {n_countries} countries" in shown
    levels = levels_by_country(organisations)
    national_only = int((levels == "national_only").sum())
    assert any(
        text.startswith(
            f"- {national_only} of {n_countries} countries take part only through national bodies"
        )
        for text in shown
    )
    no_target = int(
        (
            ~organisations["id"].isin(targets_with_year("organisation"))
            & ~organisations["country"].isin(targets_with_year("national"))
        ).sum()
    )
    assert any(
        text.startswith(f"- {no_target} of {n_orgs} organisations have no carbon-neutrality")
        for text in shown
    )

    by_country = chart_data(at, 0)
    expected = organisations.groupby(["country", "org_type"]).size()
    assert (
        by_country.set_index(["country", "org_type"])["count"].sort_index().to_dict()
        == expected.sort_index().to_dict()
    )
    participation = chart_data(at, 1).set_index("level")["count"].to_dict()
    assert participation == {
        level: int((levels == level).sum()) for level in ("both", "local_only", "national_only", "other_only")
    }


def targets_with_year(scope: str) -> set[str]:
    frame = pd.read_csv(DATA_DIR / "targets.csv", keep_default_na=False, dtype=str)
    dated = frame[(frame["scope"] == scope) & (frame["current"] == "true") & (frame["target_year"] != "")]
    return set(dated["entity"])


def test_coverage_follows_filters_in_the_url(organisations: pd.DataFrame) -> None:
    single = run_page("coverage", country="PH")
    philippines = int((organisations["country"] == "PH").sum())
    assert f"{philippines} of {len(organisations)} organisations in 1 country" in texts(single)
    at = run_page("coverage", country=["PH", "WS"])
    subset = organisations[organisations["country"].isin(["PH", "WS"])]
    shown = texts(at)
    assert f"{len(subset)} of {len(organisations)} organisations in 2 countries" in shown
    assert "- 1 of 2 countries takes part only through national bodies: Samoa." in shown
    assert "- 1 of 2 countries takes part at both levels, local and national: Philippines." in shown
    assert chart_data(at, 0)["count"].sum() == len(subset)


def test_coverage_in_japanese_names_countries_in_japanese(organisations: pd.DataFrame) -> None:
    at = run_page("coverage", lang="ja", country="WS")
    samoa = int((organisations["country"] == "WS").sum())
    assert f"{len(organisations)}機関のうち{samoa}機関（1か国）" in texts(at)
    assert "- 1か国のうち1か国は、国の機関だけが参加しています：サモア。" in texts(at)
    assert "サモア" in set(chart_data(at, 0)["country_name"])


def test_coverage_with_no_match_says_so() -> None:
    at = run_page("coverage", q="no such organisation anywhere")
    assert at.info and "No organisation matches" in at.info[0].value
    assert not at.get("vega_lite_chart")


def test_data_page_tables_follow_the_data(organisations: pd.DataFrame, targets: pd.DataFrame) -> None:
    at = run_page("data_sources")
    table, target_rows = at.dataframe[0].value, at.dataframe[1].value
    assert list(table["id"]) == list(organisations["id"])
    assert list(table["lat"]) == list(organisations["lat"])
    geonames = organisations["coord_source"].str.startswith("geonames:")
    assert (table["coord_link"] != "").sum() == geonames.sum()
    assert len(target_rows) == len(targets)
    assert any("Dataset as of " in text for text in texts(at))


def test_data_page_downloads_carry_the_filtered_set(
    media: list[Stored], organisations: pd.DataFrame, targets: pd.DataFrame
) -> None:
    at = run_page("data_sources", country=["TH", "WS"])
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Organisations (CSV)", "Organisations (GeoJSON)", "Targets (CSV)"]
    files = {item.filename: item for item in media if item.filename}
    subset = organisations[organisations["country"].isin(["TH", "WS"])]

    (csv_name,) = [name for name in files if name.endswith("-organisations.csv")]
    back = pd.read_csv(
        io.BytesIO(files[csv_name].data), encoding="utf-8-sig", keep_default_na=False, na_values=[""]
    )
    assert list(back["id"]) == list(subset["id"])
    assert list(back["name_ja"]) == list(subset["name_ja"])

    (geojson_name,) = [name for name in files if name.endswith(".geojson")]
    assert files[geojson_name].mimetype == "application/geo+json"
    collection = json.loads(files[geojson_name].data)
    assert collection["type"] == "FeatureCollection"
    assert [feature["id"] for feature in collection["features"]] == list(subset["id"])
    assert [feature["geometry"]["coordinates"] for feature in collection["features"]] == [
        [lon, lat] for lon, lat in zip(subset["lon"], subset["lat"], strict=True)
    ]

    (targets_name,) = [name for name in files if name.endswith("-targets.csv")]
    entities = set(subset["id"]) | {"TH", "WS"}
    back_targets = pd.read_csv(
        io.BytesIO(files[targets_name].data), encoding="utf-8-sig", keep_default_na=False, dtype=str
    )
    assert back_targets.to_dict(orient="records") == targets[targets["entity"].isin(entities)].to_dict(
        orient="records"
    )


def declaration_order(organisations: pd.DataFrame) -> list[str]:
    return list(organisations["country"].drop_duplicates())


def test_display_counters_match_the_data(organisations: pd.DataFrame) -> None:
    at = run_page("display", mode="display")
    values = {metric.label: metric.value for metric in at.metric}
    assert values == {
        "Signatories": str(len(organisations)),
        "Countries": str(organisations["country"].nunique()),
        "Local governments": str(organisations["org_type"].isin(vocab.LOCAL_ORG_TYPES).sum()),
        "National bodies": str(organisations["org_type"].isin(vocab.NATIONAL_ORG_TYPES).sum()),
    }
    assert not at.sidebar.children, "nothing in the sidebar"


def test_display_rotates_through_every_country_in_order(
    organisations: pd.DataFrame, countries: pd.DataFrame
) -> None:
    order = declaration_order(organisations)
    names = countries.set_index("code")["name_en"]
    at = AppTest.from_file(str(PAGES["display"]), default_timeout=TIMEOUT_S)
    seen = []
    # Each run is one tick of the fragment timer; a step counter, not a clock, moves the spotlight.
    for _ in range(len(order) + 3):
        at.run()
        assert not at.exception
        seen.append(at.title[0].value)
    assert seen == [names[code] for code in order + order[:3]]


def test_display_lists_a_crowded_country_grouped_by_kind(organisations: pd.DataFrame) -> None:
    at = AppTest.from_file(str(PAGES["display"]), default_timeout=TIMEOUT_S)
    at.session_state[STEP_KEY] = declaration_order(organisations).index("PH")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Philippines"
    shown = " ".join(texts(at)).replace("\u2060", "").replace("\u00a0", " ")
    philippines = organisations[organisations["country"] == "PH"]
    for row in philippines.itertuples():
        local = row.org_type in vocab.LOCAL_ORG_TYPES
        assert (row.short_name if local else row.name_en) in shown
    for kind, count in Counter(philippines["org_type"]).items():
        assert f"{VOCABULARY['org_type'][kind]['en']} · {count}" in shown


def test_display_in_japanese_starts_with_japan(organisations: pd.DataFrame, countries: pd.DataFrame) -> None:
    at = run_page("display", lang="ja")
    first = declaration_order(organisations)[0]
    assert at.title[0].value == countries.set_index("code").loc[first, "name_ja"]
    assert at.metric[0].label == "署名機関"


def test_display_map_needs_no_network() -> None:
    at = run_page("display")
    spec = at.get("deck_gl_json_chart")[0].proto.json
    assert "http" not in spec, "no tiles, styles, fonts or images from elsewhere"
    layers = {layer["id"]: layer for layer in json.loads(spec)["layers"]}
    expected = {"display-countries", "display-borders", "display-organisations", "display-seat-labels"}
    assert expected <= set(layers)
    # The outlines come from the app's own server (static/), fetched once: a relative address.
    assert layers["display-countries"]["data"].startswith("app/static/basemap-countries-")


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        ("20", 20),
        ("garbage", display.INTERVAL_DEFAULT_S),
        ("1", display.INTERVAL_MIN_S),
        (None, display.INTERVAL_DEFAULT_S),
    ],
)
def test_display_interval_comes_from_the_url(
    monkeypatch: pytest.MonkeyPatch, raw: str | None, seconds: int
) -> None:
    asked: list[object] = []
    real_fragment = st.fragment

    def recording_fragment(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs.get("run_every"))
        return real_fragment(*args, **kwargs)

    monkeypatch.setattr(st, "fragment", recording_fragment)
    params = {"mode": "display"} if raw is None else {"mode": "display", "interval": raw}
    run_page("display", **params)
    assert asked == [timedelta(seconds=seconds)]


def _decoded_qr(media: list[Stored]) -> str:
    import zxingcpp  # the decoder, from requirements-dev.txt

    (png,) = [item for item in media if item.mimetype == "image/png"]
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.data)))
    assert len(results) == 1
    text: str = results[0].text
    return text


def test_display_qr_carries_the_link_from_the_environment(
    media: list[Stored], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(page.PUBLIC_URL_ENV, "https://map.example.org/yokohama")
    at = run_page("display")
    assert _decoded_qr(media) == "https://map.example.org/yokohama?lang=en"
    assert any("https://map.example.org/yokohama?lang=en" in text for text in texts(at)), (
        "the link is also written out"
    )


def test_display_qr_carries_the_link_from_secrets(
    media: list[Stored], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(page.PUBLIC_URL_ENV, raising=False)
    at = AppTest.from_file(str(PAGES["display"]), default_timeout=TIMEOUT_S)
    at.secrets[page.PUBLIC_URL_SECRET] = "https://secret.example.org/"
    at.run()
    assert not at.exception
    assert _decoded_qr(media) == "https://secret.example.org/?lang=en"


def test_display_qr_carries_the_screens_language(
    media: list[Stored], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(page.PUBLIC_URL_ENV, "https://map.example.org/")
    run_page("display", lang="ja")
    assert _decoded_qr(media) == "https://map.example.org/?lang=ja"


def test_display_qr_falls_back_to_the_machines_network_address(
    media: list[Stored], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a public link, the address Streamlit prints as "Network URL" (no network: the host name)."""
    from streamlit import net_util

    monkeypatch.delenv(page.PUBLIC_URL_ENV, raising=False)
    run_page("display")
    decoded = urlsplit(_decoded_qr(media))
    internal_ip = net_util.get_internal_ip()
    expected_host = internal_ip if internal_ip and internal_ip != "127.0.0.1" else socket.gethostname()
    assert decoded.hostname == expected_host
    assert decoded.query == "lang=en"


def test_about_states_the_declaration_and_counts_from_the_data(organisations: pd.DataFrame) -> None:
    at = run_page("about")
    shown = " ".join(texts(at))
    roles = Counter(organisations["role"])
    expected = (
        f"{len(organisations)} organisations ({roles['proposer']} proposers, {roles['participant']} participants) "
        f"in {organisations['country'].nunique()} countries"
    )
    assert expected in shown
    for fact in ("15 November 2023", "PACIFICO Yokohama", "Bangkok Metropolitan Administration"):
        assert fact in shown
    for attribution in ("OpenStreetMap", "GeoNames", "Natural Earth"):
        assert attribution in shown
    themes = [element.value for element in at.markdown if str(element.value).startswith("**")]
    assert any("Sustainable and resilient urban development" in theme for theme in themes)
    assert any("Community participation and capacity building" in theme for theme in themes)


def test_about_in_japanese() -> None:
    shown = " ".join(texts(run_page("about", lang="ja")))
    for fact in ("2023年11月15日", "パシフィコ横浜", "横浜市、バンコク都", "持続可能で強靭な都市開発"):
        assert fact in shown


def test_every_page_is_in_the_navigation() -> None:
    navigation = (PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8")
    for path in PAGES.values():
        assert f'"{Path(path).relative_to(PROJECT_ROOT).as_posix()}"' in navigation


def test_data_page_shows_the_announcement_beside_the_target_in_japanese(targets: pd.DataFrame) -> None:
    at = run_page("data_sources", lang="ja", country=["LK"])
    table, target_rows = at.dataframe[0].value, at.dataframe[1].value
    speech = targets.query("entity == 'LK' and current == 'true' and status == 'declaration_pledge'").iloc[0]
    assert list(table["target_announced"]) == [
        f"{speech['target_year']}年まで（{speech['announced']}、宣言・誓約）"
    ]
    sri_lanka = targets[targets["entity"].isin(["LK", "lk-colombo"])]
    assert list(target_rows["note"]) == list(sri_lanka["note_ja"])
    assert list(target_rows["checked"]) == list(sri_lanka["checked"])


def test_downloads_carry_the_announcement_beside_the_target(
    media: list[Stored], targets: pd.DataFrame
) -> None:
    run_page("data_sources", country=["ID"])
    files = {item.filename: item for item in media if item.filename}
    (csv_name,) = [name for name in files if name.endswith("-organisations.csv")]
    back = pd.read_csv(
        io.BytesIO(files[csv_name].data), encoding="utf-8-sig", keep_default_na=False, dtype=str
    )
    speech = targets.query("entity == 'ID' and status == 'declaration_pledge'").iloc[0]
    national = back[back["target_basis"] == "national"]
    assert len(national) == 5
    assert set(national["announced_year"]) == {speech["target_year"]}
    assert set(national["announced_qualifier"]) == {speech["year_qualifier"]}
    assert set(national["announced_date"]) == {speech["announced"]}
    assert set(national["announced_source_url"]) == {speech["source_url"]}
    assert set(national["target_year"]) == {"2060"}
