"""Benchmark of the map's two renderers (`make bench`): the live deck beside the static SVG, PNG and PDF.

All 45 signatories, English and Japanese, warm (one untimed run first, so fonts, the Vega-Lite compiler and
the outlines are loaded): the median of `--runs` builds of each. The deck is built and serialised as the
explorer's first run does (outlines prepared once, arcs on, offline basemap); a static file is the whole
path a download takes (model, Vega-Lite spec, vl-convert, and for the PDF the A4 rewrite). Targets: SVG
under 1 s, PNG and PDF under 3 s; a miss exits non-zero.

    .venv/bin/python -m benchmarks.bench_map [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Final

from benchmarks.bench_app import load_average, machine, print_table
from signatories import load_dataset
from signatories.app_state import AppState, View
from signatories.filters import apply_filters
from signatories.i18n import LANGUAGES
from signatories.map.camera import region_view
from signatories.map.deck import CompactDeck, DeckOptions, build_deck, marker_records, prepare_basemap
from signatories.map.export import export_state, outlines_or_none
from signatories.map.static import FORMATS
from signatories.paths import DATA_DIR

TARGET_S: Final = {"deck": None, "svg": 1.0, "png": 3.0, "pdf": 3.0}


def median_seconds(build: Callable[[], object], runs: int) -> float:
    build()  # warm
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        build()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _deck_json(build: Callable[[], CompactDeck]) -> str:
    return build().to_json()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dataset = load_dataset(DATA_DIR)
    organisations = dataset.organisations
    outlines, _ = outlines_or_none(DATA_DIR)
    prepared = prepare_basemap(outlines) if outlines is not None else None
    load_before = load_average()
    rows: list[tuple[str, str, str, object]] = [("figure", "measured", "target", "met")]
    for lang in LANGUAGES:
        state = AppState(view=View(lang=lang))
        frame = apply_filters(organisations, state.filters, countries=dataset.countries)
        markers = marker_records(organisations, dataset.countries, lang)
        options = DeckOptions(lang=lang, view=region_view(organisations), online_basemap=False)
        deck = partial(
            build_deck, organisations, frame, dataset.countries, prepared, options, markers=markers
        )
        deck_s = median_seconds(partial(_deck_json, deck), args.runs)
        rows.append((f"live deck build + JSON, 45, {lang}", f"{deck_s:.3f} s", "-", "-"))
        for fmt in FORMATS:
            seconds = median_seconds(partial(export_state, dataset, frame, outlines, state, fmt), args.runs)
            target = TARGET_S[fmt]
            met = target is None or seconds < target
            rows.append((f"static {fmt.upper()}, 45, {lang}", f"{seconds:.3f} s", f"< {target:.0f} s", met))
    print(f"bench_map, {date.today().isoformat()}; {machine()}")
    print(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()}\n")
    ok = print_table(rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
