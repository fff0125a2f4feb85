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
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any, Final

import pandas as pd

from benchmarks.bench_app import load_average, machine, print_table
from signatories import load_dataset
from signatories.app_state import AppState, View
from signatories.dataset import Dataset
from signatories.filters import apply_filters
from signatories.i18n import LANGUAGES
from signatories.map.camera import Viewport, region_view
from signatories.map.deck import EXPLORER_STYLE, Basemap, MarkerRows, build_deck, marker_rows, web_basemap
from signatories.map.export import export_state, outlines_or_none
from signatories.map.model import Marker, build_model, model_markers
from signatories.map.static import FORMATS
from signatories.paths import DATA_DIR, STATIC_DIR

TARGET_S: Final = {"deck": None, "svg": 1.0, "png": 3.0, "pdf": 3.0}


def median_seconds(build: Callable[[], object], runs: int) -> float:
    build()  # warm
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        build()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _live_deck_json(
    dataset: Dataset,
    frame: pd.DataFrame,
    outlines: Mapping[str, Any] | None,
    state: AppState,
    markers: tuple[Marker, ...],
    rows: MarkerRows,
    served: Basemap | None,
) -> str:
    viewport = Viewport()
    camera = region_view(dataset.organisations, viewport)
    model = build_model(
        dataset.organisations,
        frame,
        dataset.countries,
        outlines,
        state,
        viewport,
        EXPLORER_STYLE.labels,
        camera=camera,
        markers=markers,
    )
    return build_deck(model, EXPLORER_STYLE, served, rows).to_json()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dataset = load_dataset(DATA_DIR)
    organisations = dataset.organisations
    outlines, _ = outlines_or_none(DATA_DIR)
    served = web_basemap(outlines, STATIC_DIR) if outlines is not None else None
    load_before = load_average()
    rows: list[tuple[str, str, str, object]] = [("figure", "measured", "target", "met")]
    for lang in LANGUAGES:
        state = AppState(view=View(lang=lang))
        frame = apply_filters(organisations, state.filters, countries=dataset.countries)
        # As the explorer draws each rerun: its markers and their rows kept, the model and deck made anew.
        markers = model_markers(organisations, dataset.countries, lang)
        live_deck = partial(
            _live_deck_json, dataset, frame, outlines, state, markers, marker_rows(markers), served
        )
        deck_s = median_seconds(live_deck, args.runs)
        rows.append((f"live model + deck + JSON, 45, {lang}", f"{deck_s:.3f} s", "-", "-"))
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
