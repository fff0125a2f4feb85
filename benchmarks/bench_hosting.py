"""Hosting benchmark (`make bench-hosting`): how many viewers one server process holds, and how long a
stopped replica's viewers take to be back through the balancer.

1. Capacity: one real `streamlit run dashboard.py` on loopback. Rounds of K concurrent sessions (5, 10, 20,
   40 ..., doubling, then one step halfway back once a round misses), each session a websocket client of
   benchmarks/session_client.py speaking the browser's protocol: it opens the explorer, then changes a
   filter (search box and "no target" switch in turn) after a think time drawn uniformly from THINK_S, for
   ROUND_S seconds. Per round: p50 and p95 of the server's rerun time (request until "script finished"),
   and the process's RSS with the K sessions open. The answer is the largest K whose p95 stayed under
   500 ms. No browser: it would add its own seconds of software drawing on this machine's two cores,
   which share them with the server.
   Memory per session: on a fresh server after a warm-up (rounds before would have grown the heap that
   later sessions reuse), the RSS that a round of that many sessions added, divided by their number.
2. Failover: three replicas behind HAProxy (deploy/replicas.py), the display screen and five viewers in
   Debian's Chromium; the replica holding most viewers is stopped and each of its pages is timed from the
   stop until it is connected again (to another replica), as the browser test does.

    .venv/bin/python -m benchmarks.bench_hosting [--round-seconds 20] [--limit-ms 500] [--max-sessions 320]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from benchmarks.bench_app import filter_change, load_average, machine, rss_mib
from benchmarks.load_check import START_PARAMS
from benchmarks.session_client import SessionClient
from deploy.replicas import running_cluster
from signatories import display
from tests.support.balancer import (
    close_visitors,
    haproxy_missing_reason,
    open_visitors,
    stop_busiest_replica,
)
from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH, chromium_missing_reason
from tests.support.server import StreamlitServer, running_server

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LIMIT_MS: Final = 500.0
ROUND_S: Final = 20.0
# A viewer reads the map between two filter changes; 5 s on average is a busy one.
THINK_S: Final = (2.0, 8.0)
FIRST_ROUND: Final = 5
MAX_SESSIONS: Final = 320
# No new round starts after this many seconds of the capacity part (a round takes 30-60 s).
CAPACITY_BUDGET_S: Final = 300.0
# Sessions opened at once when a round starts: a hall scanning a QR code does not arrive in one millisecond.
OPENING_AT_ONCE: Final = 10
# A round stops asking for new reruns after ROUND_S; answers still coming are waited for, up to this.
DRAIN_TIMEOUT_S: Final = 120.0
PAGE_TIMEOUT_MS: Final = 180_000


@dataclass
class Round:
    sessions: int
    reruns: list[float]
    rss_before: float
    rss_open: float
    errors: int

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.reruns) * 1000

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.reruns, n=20)[-1] * 1000

    @property
    def per_session_mib(self) -> float:
        return (self.rss_open - self.rss_before) / self.sessions


async def viewer(session: SessionClient, seed: int, until: float, times: list[float]) -> int:
    """Filter changes after think times until `until`; returns the number of runs that showed an error."""
    rng = random.Random(seed)
    errors, step = 0, seed
    while True:
        await asyncio.sleep(rng.uniform(*THINK_S))
        if time.monotonic() >= until:
            return errors
        result = await session.run(filter_change(step))
        times.append(result.seconds)
        errors += bool(result.exceptions)
        step += 1


async def capacity_round(server: StreamlitServer, sessions: int, seconds: float) -> Round:
    rss_before = rss_mib(server.pid())
    clients = [SessionClient(server.url, START_PARAMS) for _ in range(sessions)]
    opening = asyncio.Semaphore(OPENING_AT_ONCE)

    async def open_one(client: SessionClient) -> int:
        async with opening:
            await client.__aenter__()
            return len((await client.run()).exceptions)

    try:
        errors = sum(await asyncio.gather(*(open_one(client) for client in clients)))
        times: list[float] = []
        until = time.monotonic() + seconds
        errors += sum(
            await asyncio.wait_for(
                asyncio.gather(
                    *(viewer(client, index, until, times) for index, client in enumerate(clients))
                ),
                timeout=seconds + DRAIN_TIMEOUT_S,
            )
        )
        rss_open = rss_mib(server.pid())
    finally:
        await asyncio.gather(*(client.__aexit__() for client in clients if client._socket is not None))
    return Round(sessions, times, rss_before, rss_open, errors)


def next_size(rounds: list[Round], limit_ms: float) -> int | None:
    """Double while the p95 holds; after the first miss, try once halfway between the last good and it."""
    last = rounds[-1]
    good = [r.sessions for r in rounds if r.p95_ms < limit_ms]
    bad = [r.sessions for r in rounds if r.p95_ms >= limit_ms]
    if not bad:
        return last.sessions * 2
    if not good or len(bad) > 1 or last.sessions != min(bad):
        return None
    middle = (max(good) + min(bad)) // 2
    return middle if max(good) < middle < min(bad) else None


def capacity(limit_ms: float, seconds: float, max_sessions: int) -> tuple[list[Round], float]:
    with running_server() as server:
        idle = rss_mib(server.pid())
        # Warm-up: the first runs load the data and fill the caches.
        asyncio.run(capacity_round(server, 2, 3.0))
        rounds: list[Round] = []
        size: int | None = FIRST_ROUND
        began = time.monotonic()
        while size is not None and size <= max_sessions and time.monotonic() - began < CAPACITY_BUDGET_S:
            rounds.append(asyncio.run(capacity_round(server, size, seconds)))
            done = rounds[-1]
            print(
                f"  {done.sessions} sessions: p95 {done.p95_ms:.0f} ms, {len(done.reruns)} reruns,"
                f" load {load_average()}",
                flush=True,
            )
            size = next_size(rounds, limit_ms)
        return sorted(rounds, key=lambda r: r.sessions), idle


def session_memory(sessions: int, seconds: float) -> Round:
    """A round of `sessions` on a fresh server, after a small warm-up: its RSS growth is theirs."""
    with running_server() as server:
        asyncio.run(capacity_round(server, 2, 3.0))
        return asyncio.run(capacity_round(server, sessions, seconds))


def failover() -> tuple[str, dict[str, float], list[str]]:
    """The stopped replica, each moved page's reconnect time, and the replicas the pages were on."""
    from playwright.sync_api import sync_playwright

    with running_cluster(3) as cluster, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            visitors = open_visitors(browser, cluster.url, display.INTERVAL_MIN_S, PAGE_TIMEOUT_MS)
            placed = [str(visitor.replica) for visitor in visitors]
            try:
                result = stop_busiest_replica(cluster, visitors, PAGE_TIMEOUT_MS)
            finally:
                close_visitors(visitors)
        finally:
            browser.close()
    return result.stopped, result.reconnect_s, placed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--limit-ms", type=float, default=LIMIT_MS, help="p95 rerun time a round must stay under"
    )
    parser.add_argument("--round-seconds", type=float, default=ROUND_S, help="length of each round")
    parser.add_argument("--max-sessions", type=int, default=MAX_SESSIONS, help="largest round")
    parser.add_argument("--skip-failover", action="store_true", help="capacity only (no browser, no haproxy)")
    arguments = parser.parse_args()
    missing = None if arguments.skip_failover else (chromium_missing_reason() or haproxy_missing_reason())
    if missing is not None:
        print(f"the failover figure needs {missing} (or --skip-failover)", file=sys.stderr)
        return 2
    load_before = load_average()
    began = time.monotonic()
    print(f"bench_hosting, {date.today().isoformat()}; {machine()}")
    print(f"load average (1, 5, 15 min) at the start: {load_before}", flush=True)

    rounds, idle = capacity(arguments.limit_ms, arguments.round_seconds, arguments.max_sessions)
    held = [r for r in rounds if r.p95_ms < arguments.limit_ms and r.errors == 0]
    print(
        f"\nOne server process, explorer sessions changing a filter every {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s"
        f" (uniform), {arguments.round_seconds:.0f} s per round; RSS idle {idle:.0f} MiB\n"
    )
    print("sessions | reruns | p50 ms | p95 ms | RSS MiB | errors")
    print("---------+--------+--------+--------+---------+-------")
    for r in rounds:
        print(
            f"{r.sessions:8d} | {len(r.reruns):6d} | {r.p50_ms:6.0f} | {r.p95_ms:6.0f} | {r.rss_open:7.0f} |"
            f" {r.errors:6d}"
        )
    best = max(held, key=lambda r: r.sessions) if held else None
    if best is None:
        print(f"\nno round kept the p95 under {arguments.limit_ms:.0f} ms")
    else:
        print(
            f"\nsessions per process at p95 < {arguments.limit_ms:.0f} ms: {best.sessions} (p95 {best.p95_ms:.0f} ms)"
        )
        memory = session_memory(best.sessions, arguments.round_seconds)
        print(
            f"memory per session: {memory.per_session_mib:.2f} MiB ({memory.sessions} sessions on a fresh"
            f" server took it from {memory.rss_before:.0f} to {memory.rss_open:.0f} MiB)"
        )

    if not arguments.skip_failover:
        stopped, waits, placed = failover()
        print(
            f"\nfailover: 3 replicas behind HAProxy, pages on {', '.join(placed)} (display first);"
            f" stopped {stopped}; its {len(waits)} pages connected again after"
            f" {', '.join(f'{value:.2f}' for value in sorted(waits.values()))} s (max {max(waits.values()):.2f} s)"
        )
    print(f"load average at the end: {load_average()}; whole run: {time.monotonic() - began:.0f} s")
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
