"""Benchmark of the dashboard (`make bench`): one table, every figure measured in this run beside its target.

1. First drawn map in the browser: from `page.goto` until the chart has a canvas and a screenshot of it
   shows marker pixels, this app (explorer, its default offline basemap) against benchmarks/minimal_app.py
   (a plain st.pydeck_chart of the same points), with benchmarks/map_only_app.py (the explorer's map alone
   in a bare page) between them, navigations alternating on servers running side by side, each in a
   fresh browser context (cold cache); median of each, and the ratio app / minimal. The map alone is drawn
   twice more, without its seat names and without names or lines, to say what each adds to the first frame.
2. Server time of one rerun after a filter change, at 45 and at 10,000 synthetic organisations: a real
   `streamlit run` server, driven over its websocket by benchmarks/session_client.py with the messages
   the browser sends (the search box and the arcs switch, together); from the request until the
   server's "script finished", median after warm-up runs. The minimal app's rerun is the baseline.
3. Deck JSON bytes per point at 10,000 synthetic organisations, and the whole deck JSON at the declaration's
   45, from the package's own deck builder as the explorer calls it (its region outlines, offline basemap,
   arcs on): the JSON Streamlit sends on every rerun.
4. Server memory: RSS of the `streamlit run` process (VmRSS in /proc/PID/status) after a warm-up, after 500
   filter-change reruns over the websocket, and after 10 concurrent browser sessions changing filters.

Nothing leaves the machine: servers listen on 127.0.0.1 and the map opens with its default offline basemap.

    .venv/bin/python -m benchmarks.bench_app [--navigations 5] [--reruns 500] [--sessions 10]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from benchmarks.first_map_apps import (
    LEAVE_OUT_ENV,
    MAP_ONLY_APP,
    MINIMAL_APP,
    WITHOUT_NAMES,
    WITHOUT_NAMES_OR_LINES,
)
from benchmarks.load_check import SEARCHES, START_PARAMS, run_sessions
from benchmarks.session_client import SessionClient
from benchmarks.synthetic import make_synthetic_data
from signatories import theme
from signatories.paths import DATA_DIR, PROJECT_ROOT
from signatories.ui.cache import DATA_DIR_ENV
from tests.browser.helpers import CHART, MARKER_PIXELS, colour_counts, marker_colours
from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH, chromium_missing_reason
from tests.support.server import StreamlitServer, running_server

# Targets and baselines of issue 13; the baselines measured on 2026-11-29 before its changes (load 0.3).
FIRST_MAP_RATIO_TARGET: Final = 1.5
RERUN_RATIO_TARGET_45: Final = 1.2
BYTES_PER_POINT_TARGET: Final = 150.0
BYTES_PER_POINT_BASELINE: Final = "411 B (markers 312, arcs 67, outlines 32)"
DECK_KB_TARGET_45: Final = 150.0
# Not printed before issue 13; measured with this function on the code it started from (a6a629f).
DECK_KB_BASELINE_45: Final = "340 KB (outlines 321)"
RERUN_MS_TARGET_10K: Final = 250.0
MEMORY_GROWTH_TARGET: Final = 0.10
SYNTHETIC_COUNT: Final = 10_000

DASHBOARD: Final = PROJECT_ROOT / "dashboard.py"
VIEWPORT: Final = {"width": 1440, "height": 1000}
PAGE_TIMEOUT_MS: Final = 120_000
# A filter change's first reruns fill caches; these are not counted.
RERUN_WARM_UP: Final = 3
RERUN_SAMPLES: Final = 20
# Streamlit frees a closed session's state shortly after its websocket closes.
SETTLE_S: Final = 5.0


# --- 1. First drawn map ------------------------------------------------------------------------------


def markers_drawn(png: bytes) -> bool:
    """Marker pixels on the chart: both apps draw their points in the theme's colours."""
    return max(colour_counts(png, marker_colours()).values()) >= MARKER_PIXELS


# The explorer's land: its outlines arrive as files a moment after the markers may be drawn, so the time
# until they are drawn too is reported beside the first markers. A tenth of the chart is far less than the
# region view's land and far more than any marker or label could cover.
LAND_SHARE: Final = 0.1


def land_drawn(png: bytes) -> bool:
    from PIL import Image

    width, height = Image.open(io.BytesIO(png)).size
    land = colour_counts(png, {"land": theme.BORDER_FILL, "tint": theme.SIGNATORY_COUNTRY_FILL})
    return sum(land.values()) >= LAND_SHARE * width * height


async def first_map_seconds(browser: Any, url: str, outlines: bool = False) -> tuple[float, float | None]:
    """Seconds from navigation until a screenshot of the chart shows markers, and (with `outlines`) until it
    shows the land as well, in a fresh context."""
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        page = await context.new_page()
        started = time.perf_counter()
        await page.goto(url, timeout=PAGE_TIMEOUT_MS)
        await page.wait_for_selector(f"{CHART} canvas", timeout=PAGE_TIMEOUT_MS)
        chart = page.locator(CHART).first
        markers: float | None = None
        while time.perf_counter() - started < PAGE_TIMEOUT_MS / 1000:
            png = await chart.screenshot(timeout=PAGE_TIMEOUT_MS)
            elapsed = time.perf_counter() - started
            if markers is None and markers_drawn(png):
                markers = elapsed
            if markers is not None and (not outlines or land_drawn(png)):
                return markers, elapsed if outlines else None
        raise TimeoutError(f"no map drawn at {url}")
    finally:
        await context.close()


async def first_map_race(servers: dict[str, StreamlitServer], navigations: int) -> dict[str, list[float]]:
    """First-map seconds of each server's page, visited in turn (so a busy moment of the machine falls on
    all of them), plus "app_land": the app's until its land is drawn too."""
    from playwright.async_api import async_playwright

    targets = {name: f"{server.url}/" for name, server in servers.items()}
    times: dict[str, list[float]] = {name: [] for name in [*targets, "app_land"]}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            # One unmeasured visit each: the servers' first runs load data and compile the scripts.
            for url in targets.values():
                await first_map_seconds(browser, url)
            for _ in range(navigations):
                for name, url in targets.items():
                    markers, land = await first_map_seconds(browser, url, outlines=name == "app")
                    times[name].append(markers)
                    if land is not None:
                        times["app_land"].append(land)
        finally:
            await browser.close()
    return times


# --- 2. Rerun time ------------------------------------------------------------------------------------


def filter_change(step: int) -> dict[str, Any]:
    """The widget values of filter change number `step`: every step differs from the one before."""
    return {"map_arcs": step % 2 == 0, "filter_query": SEARCHES[step % len(SEARCHES)]}


async def websocket_reruns(
    server: StreamlitServer, reruns: int, *, change_filters: bool = True
) -> list[float]:
    """Server time of each of `reruns` runs after the first, over one session's websocket, each after a
    filter change unless `change_filters` is off (an app without the filters)."""
    async with SessionClient(server.url, START_PARAMS) as session:
        await session.run()
        times = []
        for step in range(reruns):
            result = await session.run(filter_change(step) if change_filters else None)
            if result.exceptions:
                raise SystemExit(f"the app failed: {result.exceptions}")
            times.append(result.seconds)
        return times


def rerun_milliseconds(
    script: Path = DASHBOARD, data_dir: Path | None = None, *, change_filters: bool = True
) -> float:
    """Median server time of a rerun, in ms, on a server of its own."""
    env = {DATA_DIR_ENV: str(data_dir)} if data_dir is not None else None
    with running_server(script, extra_env=env) as server:
        times = asyncio.run(
            websocket_reruns(server, RERUN_WARM_UP + RERUN_SAMPLES, change_filters=change_filters)
        )
    return statistics.median(times[RERUN_WARM_UP:]) * 1000


# --- 3. Deck JSON size --------------------------------------------------------------------------------


def deck_bytes(directory: Path) -> tuple[int, int, dict[str, int]]:
    """Bytes of the explorer's deck JSON for every organisation in `directory` shown, the point count, and
    bytes per layer: the deck the explorer sends on each rerun (its basemap files fetched once)."""
    from signatories import load_dataset, theme
    from signatories.app_state import AppState
    from signatories.map.camera import Viewport, region_view
    from signatories.map.deck import EXPLORER_STYLE, build_deck, web_basemap
    from signatories.map.model import build_model
    from signatories.map.outlines import drawing_basemap
    from signatories.paths import BORDERS_FILE, STATIC_DIR

    dataset = load_dataset(directory)
    organisations = dataset.organisations
    outlines = drawing_basemap(directory / BORDERS_FILE, theme.REGION_BASEMAP_SIMPLIFY_DEG)
    viewport = Viewport()
    model = build_model(
        organisations,
        organisations,
        dataset.countries,
        outlines,
        AppState(),
        viewport,
        EXPLORER_STYLE.labels,
        camera=region_view(organisations, viewport),
    )
    text = build_deck(model, EXPLORER_STYLE, web_basemap(outlines, STATIC_DIR)).to_json()
    layers = {
        layer["id"]: len(json.dumps(layer.get("data"), separators=(",", ":"), ensure_ascii=False).encode())
        for layer in json.loads(text)["layers"]
    }
    return len(text.encode()), len(organisations), layers


# --- 4. Server memory ---------------------------------------------------------------------------------


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def settled_rss(server: StreamlitServer) -> float:
    time.sleep(SETTLE_S)  # closed sessions are cleaned up on the server's own schedule
    return rss_mib(server.pid())


def check_sessions(results: list[Any], what: str) -> int:
    problems = [problem for result in results for problem in result.problems()]
    if problems:
        print(f"{what}: {len(problems)} errors, first: {problems[:3]}", file=sys.stderr)
    return sum(result.reruns for result in results)


def memory(reruns: int, sessions: int, session_reruns: int) -> dict[str, float]:
    with running_server() as server:
        started = rss_mib(server.pid())
        # Warm-up: the caches fill, and one round of concurrent sessions takes the heap to its working size;
        # growth after that (the same load again) is what would add up over a day.
        check_sessions(asyncio.run(run_sessions(server, 1, reruns=5)), "warm-up, one browser session")
        asyncio.run(websocket_reruns(server, 50))
        check_sessions(
            asyncio.run(run_sessions(server, sessions, reruns=session_reruns)),
            f"warm-up, {sessions} sessions",
        )
        warm = settled_rss(server)
        done = len(asyncio.run(websocket_reruns(server, reruns)))
        after_reruns = settled_rss(server)
        concurrent = check_sessions(
            asyncio.run(run_sessions(server, sessions, reruns=session_reruns)), f"{sessions} sessions"
        )
        after_sessions = settled_rss(server)
    return {
        "idle": started,
        "warm": warm,
        "reruns_done": done,
        "after_reruns": after_reruns,
        "sessions_reruns": concurrent,
        "after_sessions": after_sessions,
    }


# --- The table ----------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    try:
        chromium = subprocess.run(
            [str(CHROMIUM_PATH), "--version"], capture_output=True, text=True, check=False, timeout=30
        ).stdout.strip()
    except OSError:
        chromium = "chromium ?"
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kib / 1024**2:.0f} GiB; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()}; {chromium}"
    )


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _cell_text(cell: object) -> str:
    """A table cell: a target met or missed reads yes / NO, anything else as itself."""
    if isinstance(cell, bool):
        return "yes" if cell else "NO"
    return str(cell)


Row = tuple[str, str, str, str, object]


def print_table(rows: Sequence[tuple[object, ...]]) -> bool:
    """Print the rows (a header, then figures ending in whether their target is met) as a table; True when
    every target is met."""
    cells = [tuple(_cell_text(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    for index, row in enumerate(cells):
        print(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            print("-+-".join("-" * w for w in widths))
    return all(row[-1] in {"yes", "-"} for row in cells[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--navigations", type=int, default=5, help="first-map navigations per app")
    parser.add_argument("--reruns", type=int, default=500, help="browser-driven reruns for the memory figure")
    parser.add_argument("--sessions", type=int, default=10, help="concurrent browser sessions for memory")
    parser.add_argument("--session-reruns", type=int, default=5, help="filter changes per browser session")
    arguments = parser.parse_args()
    reason = chromium_missing_reason()
    if reason is not None:
        print(f"the app benchmark needs a browser: {reason}", file=sys.stderr)
        return 2
    load_before = load_average()
    began = time.monotonic()

    with (
        running_server() as app,
        running_server(MAP_ONLY_APP) as map_only,
        running_server(MAP_ONLY_APP, {LEAVE_OUT_ENV: WITHOUT_NAMES}) as without_names,
        running_server(MAP_ONLY_APP, {LEAVE_OUT_ENV: WITHOUT_NAMES_OR_LINES}) as without_lines,
        running_server(MINIMAL_APP) as minimal,
    ):
        servers = {
            "app": app,
            "map_only": map_only,
            "without_names": without_names,
            "without_lines": without_lines,
            "minimal": minimal,
        }
        first_map = asyncio.run(first_map_race(servers, arguments.navigations))
    medians = {name: statistics.median(times) for name, times in first_map.items()}
    app_s, minimal_s, map_only_s = medians["app"], medians["minimal"], medians["map_only"]
    ratio = app_s / minimal_s

    with tempfile.TemporaryDirectory() as tmp:
        synthetic = make_synthetic_data(Path(tmp) / "data", SYNTHETIC_COUNT)
        rerun_minimal = rerun_milliseconds(MINIMAL_APP, change_filters=False)
        rerun_45 = rerun_milliseconds()
        rerun_10k = rerun_milliseconds(data_dir=synthetic)
        total_bytes, points, layers = deck_bytes(synthetic)
    per_point = total_bytes / points
    bytes_45, count_45, layers_45 = deck_bytes(DATA_DIR)
    kb_45 = bytes_45 / 1000
    rerun_ratio = rerun_45 / rerun_minimal

    used = memory(arguments.reruns, arguments.sessions, arguments.session_reruns)
    growth_reruns = used["after_reruns"] / used["warm"] - 1
    growth_sessions = used["after_sessions"] / used["warm"] - 1

    n = arguments.navigations
    rows: list[Row] = [
        ("figure", "measured", "baseline (issue 13)", "target", "ok"),
        (
            f"first drawn map, this app (median of {n}, cold browser cache)",
            f"{app_s:.2f} s",
            "6.54 s",
            "-",
            "-",
        ),
        (
            f"first drawn map with its land (outline files fetched), this app (median of {n})",
            f"{medians['app_land']:.2f} s",
            "-",
            "-",
            "-",
        ),
        (
            f"first drawn map, minimal st.pydeck_chart app (median of {n})",
            f"{minimal_s:.2f} s",
            "1.95 s",
            "-",
            "-",
        ),
        (
            f"first drawn map, the explorer's map alone in a bare page (median of {n})",
            f"{map_only_s:.2f} s ({map_only_s / minimal_s:.2f}x)",
            "-",
            "-",
            "-",
        ),
        (
            f"  the same without its seat names (median of {n})",
            f"{medians['without_names']:.2f} s ({medians['without_names'] / minimal_s:.2f}x)",
            "-",
            "-",
            "-",
        ),
        (
            f"  the same without seat names or the proposers' lines: markers and land (median of {n})",
            f"{medians['without_lines']:.2f} s ({medians['without_lines'] / minimal_s:.2f}x)",
            "-",
            "-",
            "-",
        ),
        (
            "first drawn map, ratio app / minimal",
            f"{ratio:.2f}x",
            "3.35x",
            f"<= {FIRST_MAP_RATIO_TARGET}x",
            ratio <= FIRST_MAP_RATIO_TARGET,
        ),
        (
            "server rerun, minimal st.pydeck_chart app (websocket, median)",
            f"{rerun_minimal:.0f} ms",
            "44 ms",
            "-",
            "-",
        ),
        (
            "server rerun after a filter change, 45 organisations (websocket, median)",
            f"{rerun_45:.0f} ms",
            "65 ms",
            "-",
            "-",
        ),
        (
            "server rerun at 45, ratio app / minimal",
            f"{rerun_ratio:.2f}x",
            "1.48x",
            f"<= {RERUN_RATIO_TARGET_45}x",
            rerun_ratio <= RERUN_RATIO_TARGET_45,
        ),
        (
            f"server rerun after a filter change, {SYNTHETIC_COUNT:,} organisations (websocket, median)",
            f"{rerun_10k:.0f} ms",
            "-",
            f"< {RERUN_MS_TARGET_10K:.0f} ms",
            rerun_10k < RERUN_MS_TARGET_10K,
        ),
        (
            f"deck JSON per point, {points:,} organisations (whole deck, arcs on, offline outlines)",
            f"{per_point:.0f} B ({total_bytes / 1e6:.1f} MB)",
            BYTES_PER_POINT_BASELINE,
            f"<= {BYTES_PER_POINT_TARGET:.0f} B",
            per_point <= BYTES_PER_POINT_TARGET,
        ),
        *(
            (f"  of which layer '{layer}'", f"{size / points:.0f} B/point", "-", "-", "-")
            for layer, size in layers.items()
        ),
        (
            f"deck JSON of the explorer, {count_45} organisations (arcs on, offline outlines)",
            f"{kb_45:.0f} KB",
            DECK_KB_BASELINE_45,
            f"<= {DECK_KB_TARGET_45:.0f} KB",
            kb_45 <= DECK_KB_TARGET_45,
        ),
        *(
            (f"  of which layer '{layer}'", f"{size / 1000:.1f} KB", "-", "-", "-")
            for layer, size in layers_45.items()
        ),
        (
            f"server RSS idle, then after warm-up (50 websocket reruns, {arguments.sessions} browser sessions)",
            f"{used['idle']:.0f}, {used['warm']:.0f} MiB",
            "-",
            "-",
            "-",
        ),
        (
            f"server RSS after {used['reruns_done']:.0f} more reruns (websocket, filter changes)",
            f"{used['after_reruns']:.0f} MiB ({growth_reruns:+.1%})",
            "-",
            f"< +{MEMORY_GROWTH_TARGET:.0%}",
            growth_reruns < MEMORY_GROWTH_TARGET and used["reruns_done"] >= arguments.reruns,
        ),
        (
            f"server RSS after {arguments.sessions} concurrent browser sessions ({used['sessions_reruns']:.0f} reruns)",
            f"{used['after_sessions']:.0f} MiB ({growth_sessions:+.1%})",
            "-",
            f"< +{MEMORY_GROWTH_TARGET:.0%}",
            growth_sessions < MEMORY_GROWTH_TARGET,
        ),
    ]
    print(f"bench_app, {date.today().isoformat()}; {machine()}")
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()}\n")
    ok = print_table(rows)
    print(
        f"\nfirst-map samples (s): app {', '.join(f'{v:.2f}' for v in first_map['app'])};"
        f" map alone {', '.join(f'{v:.2f}' for v in first_map['map_only'])};"
        f" without names {', '.join(f'{v:.2f}' for v in first_map['without_names'])};"
        f" without names or lines {', '.join(f'{v:.2f}' for v in first_map['without_lines'])};"
        f" minimal {', '.join(f'{v:.2f}' for v in first_map['minimal'])}"
    )
    print(f"whole run: {time.monotonic() - began:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
