"""The apps the first-map benchmark draws beside the explorer, and how the map-alone app is asked to leave
some of its layers out (to tell what each adds to the first frame)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pydeck as pdk

from signatories.map.deck import LAYER_ARCS, LAYER_LABELS
from signatories.paths import PROJECT_ROOT

MINIMAL_APP: Final = PROJECT_ROOT / "benchmarks" / "minimal_app.py"
MAP_ONLY_APP: Final = PROJECT_ROOT / "benchmarks" / "map_only_app.py"
# Layer ids, comma-separated, that the map-alone app leaves out; an id is a prefix of a family of layers
# ("arcs" is every proposer's "arcs-N").
LEAVE_OUT_ENV: Final = "MAP_ONLY_LEAVE_OUT"
WITHOUT_NAMES: Final = LAYER_LABELS
WITHOUT_NAMES_OR_LINES: Final = f"{LAYER_LABELS},{LAYER_ARCS}"


def kept_layers(layers: Sequence[pdk.Layer], setting: str) -> list[pdk.Layer]:
    """`layers` less those whose id starts with one of the comma-separated ids in `setting`."""
    prefixes = tuple(part for part in setting.split(",") if part)
    return [layer for layer in layers if not str(layer.id).startswith(prefixes)]
