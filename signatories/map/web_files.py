"""The basemap as files the app serves from `static/`: the live map names their address, and browsers
fetch them once, instead of receiving ~120 KB of outlines with every rerun.

`python -m signatories web-basemap` writes them from the data directory's outline file; the names carry a
digest of the content (`deck.basemap_files`), so the page uses them only while they match the outlines
it reads, and falls back to sending the outlines inline otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

from signatories.fileio import write_bytes_atomic
from signatories.map.deck import basemap_files
from signatories.map.outlines import DRAWING_TOLERANCES, drawing_basemap
from signatories.paths import BORDERS_FILE, DATA_DIR, STATIC_DIR

PATTERN: Final = "basemap-*.json"


def write_web_basemaps(data_dir: Path = DATA_DIR, static_dir: Path = STATIC_DIR) -> list[Path]:
    """Write every basemap file for the outlines in `data_dir`, and remove those of older outlines."""
    static_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    for tolerance in DRAWING_TOLERANCES:
        files.update(basemap_files(drawing_basemap(data_dir / BORDERS_FILE, tolerance)))
    for stale in static_dir.glob(PATTERN):
        if stale.name not in files:
            stale.unlink()
    written = []
    for name, content in sorted(files.items()):
        path = static_dir / name
        if not path.is_file() or path.read_bytes() != content:
            write_bytes_atomic(path, content)
        written.append(path)
    return written


def _run(args: argparse.Namespace) -> int:
    for path in write_web_basemaps(Path(args.data), Path(args.static)):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def add_web_basemap_command(commands: Any) -> None:
    command = commands.add_parser(
        "web-basemap", help="write the basemap files the live map fetches (static/) from the outline file"
    )
    command.add_argument("--data", default=str(DATA_DIR), help="data directory (default: data/)")
    command.add_argument("--static", default=str(STATIC_DIR), help="folder the app serves (default: static/)")
    command.set_defaults(handler=_run)
