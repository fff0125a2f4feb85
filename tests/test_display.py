"""The display rotation, driven by a step counter or an injected clock, never by sleeping; the interval; the link."""

import gc
import json
import logging
import socket
import tracemalloc

import pandas as pd
import pytest

from signatories import display, load_dataset, theme
from signatories.dataset import Dataset
from signatories.map import deck
from signatories.map.seats import label_box, seat_rows
from signatories.paths import DATA_DIR
from signatories.ui import page
from tests.conftest import read_rows

ROTATIONS = 1000
# What a thousand rotations may leave on the heap once warm: room for tracemalloc's own bookkeeping, far below
# what keeping anything per rotation would cost (one line of text each is already about 100 kB).
MEMORY_GROWTH_BOUND_BYTES = 16 * 1024


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def _declaration_order() -> list[str]:
    """Countries in the order their first signatory appears in the data file, read without pandas."""
    seen: list[str] = []
    for row in read_rows(DATA_DIR / "organisations.csv"):
        if row["country"] not in seen:
            seen.append(row["country"])
    return seen


def test_rotation_visits_every_country_in_order_and_wraps(dataset: Dataset) -> None:
    order = display.rotation_order(dataset.organisations)
    expected = _declaration_order()
    assert list(order) == expected
    assert order[:2] == ("JP", "TH"), "the proposers' countries come first"
    visited = [display.spotlight(order, step) for step in range(ROTATIONS)]
    for step, country in enumerate(visited):
        assert country == expected[step % len(expected)]
    full_cycles = ROTATIONS // len(expected)
    for country in expected:
        assert visited.count(country) in (full_cycles, full_cycles + 1)


def test_spotlight_of_nothing_is_none() -> None:
    assert display.spotlight((), 7) is None


def test_injected_clock_drives_the_step() -> None:
    interval = 12
    started = 1_000_000.0
    steps = [display.step_at(started + second, started, interval) for second in range(0, 12 * 300, 3)]
    assert steps[0] == 0
    assert steps == sorted(steps), "never goes backwards"
    assert set(steps) == set(range(300)), "one step per interval, none skipped"
    assert display.step_at(started - 5, started, interval) == 0, "a clock set back does not go negative"
    with pytest.raises(ValueError):
        display.step_at(started, started, 0)


def test_clock_and_counter_agree(dataset: Dataset) -> None:
    order = display.rotation_order(dataset.organisations)
    interval = display.INTERVAL_DEFAULT_S
    for tick in range(0, 200 * interval, 5):
        by_clock = display.spotlight(order, display.step_at(float(tick), 0.0, interval))
        assert by_clock == order[(tick // interval) % len(order)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, display.INTERVAL_DEFAULT_S),
        ("", display.INTERVAL_DEFAULT_S),
        ("abc", display.INTERVAL_DEFAULT_S),
        ("12s", display.INTERVAL_DEFAULT_S),
        ("nan", display.INTERVAL_DEFAULT_S),
        ("inf", display.INTERVAL_DEFAULT_S),
        ("-inf", display.INTERVAL_DEFAULT_S),
        ("0x10", display.INTERVAL_DEFAULT_S),
        ("20", 20),
        (" 30 ", 30),
        ("7.6", 8),
        ("1", display.INTERVAL_MIN_S),
        ("-40", display.INTERVAL_MIN_S),
        ("1e9", display.INTERVAL_MAX_S),
        (["9", "15"], 15),
        ([], display.INTERVAL_DEFAULT_S),
    ],
)
def test_interval_parsing_defaults_and_clamps(raw: str | list[str] | None, expected: int) -> None:
    assert display.parse_interval(raw) == expected


def test_spotlights_list_each_country_proposers_first(dataset: Dataset) -> None:
    views = display.spotlights(dataset.organisations)
    thailand = display.spotlight_at(views, 1)
    assert thailand is not None
    assert (thailand.country, thailand.position, thailand.total) == ("TH", 2, 20)
    expected_ids = {row["id"] for row in read_rows(DATA_DIR / "organisations.csv") if row["country"] == "TH"}
    assert {record["id"] for record in thailand.records} == expected_ids
    assert thailand.records[0]["role"] == "proposer"
    assert display.spotlight_lines(thailand, "ja")[0] == ("バンコク都", "市・都")
    assert display.spotlight_lines(thailand, "en")[0][0] == "Bangkok Metropolitan Administration"
    last = display.spotlight_at(views, 19)
    again = display.spotlight_at(views, 39)
    assert last is not None and again is not None and last.country == again.country == "VN"
    assert display.spotlights(dataset.organisations.head(0)) == ()
    assert display.spotlight_at((), 0) is None


def test_hundreds_of_rotations_do_not_grow_memory(dataset: Dataset) -> None:
    views = display.spotlights(dataset.organisations)

    def rotate(steps: range) -> int:
        shown = 0
        for step in steps:
            view = display.spotlight_at(views, step)
            assert view is not None
            shown += len(display.spotlight_lines(view, "ja" if step % 2 else "en"))
        return shown

    rotate(range(len(views)))  # warm-up: the first cycle fills the interpreter's caches
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        shown = rotate(range(len(views), len(views) + ROTATIONS))
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    growth = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    assert shown >= ROTATIONS, "every rotation showed at least one organisation"
    assert growth < MEMORY_GROWTH_BOUND_BYTES, f"{growth} bytes retained after {ROTATIONS} rotations"


@pytest.mark.parametrize(
    ("env", "secrets", "browser", "expected"),
    [
        (
            {"SIGNATORIES_PUBLIC_URL": "https://map.example.org/"},
            {"public_url": "https://s.example.org/"},
            None,
            "https://map.example.org/",
        ),
        (
            {},
            {"public_url": "https://s.example.org/x"},
            "http://10.0.0.2:8501/display",
            "https://s.example.org/x",
        ),
        (
            {"SIGNATORIES_PUBLIC_URL": "  "},
            {},
            "http://10.0.0.2:8501/display?mode=display",
            "http://10.0.0.2:8501/",
        ),
        (
            {"SIGNATORIES_PUBLIC_URL": "javascript:alert(1)"},
            {"public_url": 42},
            None,
            page.DEFAULT_PUBLIC_URL,
        ),
        ({}, {}, "not a url", page.DEFAULT_PUBLIC_URL),
    ],
)
def test_public_url_precedence_and_validation(
    env: dict[str, str], secrets: dict[str, object], browser: str | None, expected: str
) -> None:
    assert page.public_url(env, secrets, browser) == expected


def test_the_browser_address_keeps_the_server_base_path() -> None:
    browser = "https://example.org/map/display?interval=20#top"
    assert page.public_url({}, {}, browser, base_path="map") == "https://example.org/map/"
    assert page.public_url({}, {}, browser, base_path="/map/") == "https://example.org/map/"
    assert page.public_url({}, {}, "https://example.org/display") == "https://example.org/"


def test_frame_without_rows_rotates_nothing() -> None:
    assert display.rotation_order(pd.DataFrame({"country": pd.Series([], dtype=str)})) == ()


def display_deck(dataset: Dataset, spotlight: display.Spotlight, lang: str) -> deck.CompactDeck:
    """The spotlight's deck as the display screen builds it (without outlines)."""
    model = display.spotlight_model(dataset.organisations, dataset.countries, spotlight, None, lang)  # type: ignore[arg-type]
    return deck.build_deck(model, deck.DISPLAY_STYLE).freeze()


def test_display_map_draws_offline_in_screen_pixels(dataset: Dataset) -> None:
    views = display.spotlights(dataset.organisations)
    philippines = next(view for view in views if view.country == "PH")
    spec = json.loads(display_deck(dataset, philippines, "ja").to_json())
    assert "http" not in json.dumps(spec), "no tiles or styles to fetch"
    units = {key: value for layer in spec["layers"] for key, value in layer.items() if key.endswith("Units")}
    assert units and set(units.values()) == {"pixels"}, "constants, not accessor expressions"
    layers = {layer["id"]: layer for layer in spec["layers"]}
    markers = layers["display-organisations"]["data"]
    # Every signatory; those of other countries dimmed (their state's hidden flag).
    assert len(markers) == len(dataset.organisations)
    spotlit = [row for row in markers if row.get("k", 0) < deck.STATE_HIDDEN]
    assert len(spotlit) == len(philippines.records)
    assert {row["n"] for row in spotlit} == {record["name_ja"] for record in philippines.records}
    labels = [label["text"] for label in layers["display-seat-labels"]["data"]]
    assert labels and len(labels) == len(set(labels))
    assert set(labels) <= {record["seat_ja"] for record in philippines.records}
    assert spec["initialViewState"]["zoom"] <= theme.FIT_MAX_ZOOM


def test_seat_labels_never_overlap_at_the_view_zoom(dataset: Dataset) -> None:
    for view in display.spotlights(dataset.organisations):
        zoom = display.spotlight_model(dataset.organisations, dataset.countries, view, None, "en").camera.zoom
        labels = seat_rows(view.organisations, "en", zoom, deck.DISPLAY_STYLE.labels)
        seats = view.organisations.dropna(subset=["lat", "lon"])
        assert 1 <= len(labels) <= len(seats)
        placed = [(*label["position"], label["text"]) for label in labels]
        boxes = [label_box(lon, lat, text, zoom, deck.DISPLAY_STYLE.labels) for lon, lat, text in placed]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_a_frozen_deck_hands_out_one_compact_string(dataset: Dataset) -> None:
    view = display.spotlights(dataset.organisations)[0]
    built = display_deck(dataset, view, "en")
    first = built.to_json()
    assert built.to_json() is first, "serialised once, not per draw"
    assert "\n" not in first and json.loads(first)["layers"]


NETWORK = ["http://10.1.2.3:8600", "http://screen-pc:8600"]


@pytest.mark.parametrize(
    ("env", "secrets", "browser", "machine", "expected"),
    [
        # The configured public link comes first, whatever the browser uses.
        (
            {"SIGNATORIES_PUBLIC_URL": "https://map.example.org/"},
            {},
            "http://127.0.0.1:8600/",
            NETWORK,
            "https://map.example.org/",
        ),
        (
            {},
            {"public_url": "https://s.example.org/x"},
            "http://127.0.0.1:8600/",
            NETWORK,
            "https://s.example.org/x",
        ),
        # A screen driven from a laptop over the venue's network: the address it uses reaches the app.
        ({}, {}, "http://192.168.1.20:8600/display", NETWORK, "http://192.168.1.20:8600/"),
        # Opened on the machine itself: its network address, as Streamlit's "Network URL", never loopback.
        ({}, {}, "http://127.0.0.1:8600/display", NETWORK, "http://10.1.2.3:8600/"),
        ({}, {}, "http://localhost:8600/display", NETWORK, "http://10.1.2.3:8600/"),
        ({}, {}, "http://[::1]:8600/display", NETWORK, "http://10.1.2.3:8600/"),
        ({}, {}, "http://0.0.0.0:8600/", NETWORK, "http://10.1.2.3:8600/"),
        # No network (Streamlit then answers 127.0.0.1): the host name.
        (
            {},
            {},
            "http://127.0.0.1:8600/",
            ["http://127.0.0.1:8600", "http://screen-pc:8600"],
            "http://screen-pc:8600/",
        ),
        # A loopback link configured by mistake is skipped too.
        ({"SIGNATORIES_PUBLIC_URL": "http://localhost:8501/"}, {}, None, NETWORK, "http://10.1.2.3:8600/"),
    ],
)
def test_the_screen_link_is_never_loopback(
    env: dict[str, str], secrets: dict[str, object], browser: str | None, machine: list[str], expected: str
) -> None:
    assert page.reachable_url(env, secrets, browser, "", machine) == expected


def test_the_screen_link_keeps_the_base_path_and_carries_the_language() -> None:
    link = page.reachable_url({}, {}, "http://192.168.1.20:8600/map/display", "map", NETWORK)
    assert link == "http://192.168.1.20:8600/map/"
    assert page.with_lang(link, "ja") == "http://192.168.1.20:8600/map/?lang=ja"
    assert (
        page.with_lang("https://x.example.org/?lang=en&tiles=0", "ja")
        == "https://x.example.org/?tiles=0&lang=ja"
    )


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8600/", True),
        ("http://127.1.2.3/", True),
        ("http://LOCALHOST:8501/", True),
        ("http://app.localhost/", True),
        ("http://[::1]:8501/", True),
        ("http://0.0.0.0:8501/", True),
        ("http://10.0.0.2:8501/", False),
        ("https://map.example.org/", False),
        ("http://screen-pc:8501/", False),
    ],
)
def test_loopback_addresses_are_recognised(url: str, loopback: bool) -> None:
    assert page.is_loopback_url(url) is loopback


def test_the_machine_addresses_are_streamlits_network_url_then_the_host_name() -> None:
    from streamlit import net_util
    from streamlit.web.server import server_util

    urls = page.machine_urls()
    internal_ip = net_util.get_internal_ip()
    assert urls[-1] == server_util.get_url(socket.gethostname())
    if internal_ip:
        assert urls[0] == server_util.get_url(internal_ip)


def test_a_missing_public_link_is_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(page.PUBLIC_URL_ENV, raising=False)
    page.report_missing_public_link.cache_clear()
    with caplog.at_level(logging.WARNING, logger=page.log.name):
        page.report_missing_public_link()
        page.report_missing_public_link()
    page.report_missing_public_link.cache_clear()
    lines = [record.getMessage() for record in caplog.records if "No public link set" in record.getMessage()]
    assert len(lines) == 1
    assert page.PUBLIC_URL_ENV in lines[0]
    assert "127.0.0.1" not in lines[0]


def test_screen_sizes_follow_the_height_of_a_landscape_screen_and_the_width_of_a_portrait_one() -> None:
    size = theme.ScreenSize(vh=10, vw=5.625, min_px=20)
    assert size.css() == "max(20px, min(10vh, 5.625vw))"
    assert size.px(1920, 1080) == pytest.approx(108)
    assert size.px(1080, 1920) == pytest.approx(60.75)  # a portrait totem: the width decides
    assert size.px(320, 180) == 20  # never below the floor


def test_the_display_map_is_framed_for_its_size_on_the_screen() -> None:
    from signatories.display import DISPLAY_VIEWPORT
    from signatories.ui import display_screen
    from signatories.ui.map_probe import Probe

    assert display_screen.map_viewport(Probe(True, 1200)) == DISPLAY_VIEWPORT  # before the browser reports
    small = display_screen.map_viewport(Probe(True, 1274, (1280, 720)))
    large = display_screen.map_viewport(Probe(True, 3834, (3840, 2160)))
    # Measured in Chromium: the map is 718 x 468 px at 1280 x 720 and 2226 x 1404 px at 3840 x 2160.
    assert abs(small.width_px - 718) <= theme.DISPLAY_MAP_SIZE_STEP_PX
    assert abs(small.height_px - 468) <= theme.DISPLAY_MAP_SIZE_STEP_PX
    assert abs(large.width_px - 2226) <= theme.DISPLAY_MAP_SIZE_STEP_PX
    assert abs(large.height_px - 1404) <= theme.DISPLAY_MAP_SIZE_STEP_PX
