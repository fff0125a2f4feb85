"""The first-map benchmark's comparison apps run, and the map-alone app draws the explorer's own map."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.first_map_apps import LEAVE_OUT_ENV, WITHOUT_NAMES_OR_LINES
from signatories.paths import PROJECT_ROOT

TIMEOUT_S = 60


def decks(script: str) -> list[dict[str, Any]]:
    at = AppTest.from_file(str(PROJECT_ROOT / script), default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception, [exception.value for exception in at.exception]
    return [json.loads(chart.proto.json) for chart in at.get("deck_gl_json_chart")]


def test_the_map_alone_is_the_explorers_opening_map() -> None:
    (explorer,) = decks("views/explorer.py")
    (alone,) = decks("benchmarks/map_only_app.py")
    assert alone["layers"] == explorer["layers"]
    assert alone["initialViewState"] == explorer["initialViewState"]


def test_the_minimal_app_draws_only_its_points() -> None:
    (minimal,) = decks("benchmarks/minimal_app.py")
    assert [layer["@@type"] for layer in minimal["layers"]] == ["ScatterplotLayer"]


def test_the_map_alone_leaves_out_the_layers_it_is_asked_to(monkeypatch: pytest.MonkeyPatch) -> None:
    (whole,) = decks("benchmarks/map_only_app.py")
    monkeypatch.setenv(LEAVE_OUT_ENV, WITHOUT_NAMES_OR_LINES)
    (fewer,) = decks("benchmarks/map_only_app.py")
    ids = [layer["id"] for layer in whole["layers"]]
    # The explorer's opening map has both proposers' lines and the seat names: the variant is a real subset.
    assert {"arcs-0", "arcs-1", "seat-labels"} <= set(ids)
    assert [layer["id"] for layer in fewer["layers"]] == ["countries", "borders", "organisations"]
    kept = {layer["id"]: layer for layer in whole["layers"]}
    assert all(layer == kept[layer["id"]] for layer in fewer["layers"])
    assert fewer["initialViewState"] == whole["initialViewState"]
