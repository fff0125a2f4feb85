"""`python -m signatories map --query "lang=ja&country=PH" --format png -o map.png`: a shared link as a file.

The query is parsed by `url_state.parse`, the page's own parser, and its notes (values it cannot use) are
printed as the page shows them; the file is the page's download for the same query, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from signatories.errors import DataError
from signatories.fileio import write_bytes_atomic
from signatories.map.static import FORMATS
from signatories.paths import DATA_DIR


def _query_params(query: str) -> dict[str, list[str]]:
    """A query string, or a whole link, as the page reads it: every parameter with all its values."""
    text = urlsplit(query).query if "://" in query else query.lstrip("?")
    return parse_qs(text, keep_blank_values=True)


def _run(args: argparse.Namespace) -> int:
    from signatories.map.export import export_map

    if args.format not in FORMATS:
        print(f"map: unknown --format {args.format!r}; use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    target = Path(args.output)
    if not target.parent.is_dir():
        print(f"map: cannot write {target}: folder {target.parent} does not exist", file=sys.stderr)
        return 2
    try:
        export = export_map(Path(args.data), _query_params(args.query), args.format)
    except DataError as error:
        print(f"map: {error}", file=sys.stderr)
        return 1
    for note in export.notes:
        print(f"note: {note}", file=sys.stderr)
    try:
        write_bytes_atomic(target, export.content)
    except OSError as error:
        print(f"map: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {target} ({len(export.content):,} bytes)")
    return 0


def add_map_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser("map", help="draw the map of a shared link as SVG, PNG or PDF")
    command.add_argument("--query", default="", help='a link\'s query string, e.g. "lang=ja&country=PH"')
    # No `choices`: an unknown format gets the one line the other errors get, not argparse's usage dump.
    command.add_argument("--format", default="png", help="svg, png or pdf (default png)")
    command.add_argument("-o", "--output", required=True, help="file to write (written whole or not at all)")
    command.add_argument("--data", default=str(DATA_DIR), help="data directory (default: data/)")
    command.set_defaults(handler=_run)
