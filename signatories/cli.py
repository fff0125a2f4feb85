"""Command-line interface: `python -m signatories validate|geocode|map|web-basemap ...`."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from signatories.paths import DATA_DIR


def _validate(args: argparse.Namespace) -> int:
    from signatories.validation import validate_directory

    report = validate_directory(Path(args.directory))
    print(report.render())
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m signatories", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="validate the data files and list every problem")
    validate.add_argument(
        "directory", nargs="?", default=str(DATA_DIR), help="data directory (default: data/)"
    )
    validate.set_defaults(handler=_validate)

    from signatories.geocoding.cli import add_geocode_command

    add_geocode_command(commands)

    from signatories.map.command import add_map_command

    add_map_command(commands)

    from signatories.map.web_files import add_web_basemap_command

    add_web_basemap_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("interrupted; files already written are complete", file=sys.stderr)
        return 130
