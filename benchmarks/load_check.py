"""Load check (`make load-check`): concurrent browser sessions change the explorer's filters for a while.

Starts `streamlit run dashboard.py` on a free loopback port, opens SESSIONS browser contexts in Debian's
Chromium (one browser, one context per visitor, so nothing is shared between sessions but the server), and
has each change a filter, wait for the page to settle, and do it again, until the time is up. Every wait is
bounded. Counted as errors: an exception box on the page, a console error, an uncaught page error, a failed
or 4xx/5xx response, a dialog, a request to anything but 127.0.0.1, and a filter change that got no
answer in time. Prints a summary and exits 1 on any error.

    .venv/bin/python -m benchmarks.load_check [--sessions 10] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Final

from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from tests.browser.helpers import EXCEPTION, IDLE_JS, BrowserErrors, watch_errors
from tests.support.browser import CHROMIUM_ARGS, CHROMIUM_PATH, chromium_missing_reason
from tests.support.server import StreamlitServer, running_server

SESSIONS: Final = 10
SECONDS: Final = 60.0
VIEWPORT: Final = {"width": 1280, "height": 900}
# Ten pages drawing deck.gl in software on two cores answer slowly; no single wait may exceed these.
LOAD_TIMEOUT_MS: Final = 180_000
ANSWER_TIMEOUT_MS: Final = 60_000
# Arcs off, tiles off by default: every request stays on loopback and the map is the same for all sessions.
START_PARAMS: Final = "arcs=0"  # the query string a websocket session starts with
START_QUERY: Final = f"/?{START_PARAMS}"  # the path a browser opens
SEARCHES: Final = ("Bangkok", "city", "Japan", "Manila", "")
# A filter change whose URL has not changed by half the answer time is asked for once more (see FilterChange).
ATTEMPTS: Final = 2


@dataclass
class SessionResult:
    """What one visitor did and saw."""

    index: int
    reruns: int = 0
    answer_seconds: list[float] = field(default_factory=list)
    retried: int = 0
    nudged: int = 0
    sent: int = 0
    timeouts: list[str] = field(default_factory=list)
    exception_boxes: int = 0
    outside_requests: list[str] = field(default_factory=list)
    errors: BrowserErrors = field(default_factory=BrowserErrors)

    def problems(self) -> list[str]:
        found = [f"no answer: {what}" for what in self.timeouts]
        found += [f"exception box seen {self.exception_boxes} times"] if self.exception_boxes else []
        found += [f"outside request: {url}" for url in self.outside_requests]
        return found + self.errors.unexpected()


class FilterChange:
    """One filter change in terms of the widget's state: what it should become, how to ask, whether it has.

    Aiming at a state rather than repeating a click makes a retry safe: a click that a page too busy to
    hit-test lost is made again, one that arrived late is not made twice.
    """

    name = ""

    async def target(self, page: Any) -> Any:
        raise NotImplementedError

    async def apply(self, page: Any, target: Any) -> None:
        raise NotImplementedError

    async def reached(self, page: Any, target: Any) -> bool:
        raise NotImplementedError

    async def nudge(self, page: Any, target: Any) -> None:
        """Change away and back: for a widget that shows the change although its run was never asked for
        (seen only with ten pages drawing in software on two cores), as a user would click again."""
        await self.apply(page, target)
        await self.apply(page, target)


class SearchBox(FilterChange):
    name = "search box"
    box = ".st-key-filter_query input"

    def __init__(self, wanted: int) -> None:
        self.wanted = wanted

    async def target(self, page: Any) -> Any:
        current = await page.locator(self.box).first.input_value()
        # Never the text already there: an unchanged search is no filter change.
        ordered = SEARCHES[self.wanted :] + SEARCHES[: self.wanted]
        return next(text for text in ordered if text != current)

    async def apply(self, page: Any, target: Any) -> None:
        box = page.locator(self.box).first
        await box.fill(target)
        await box.press("Enter")

    async def reached(self, page: Any, target: Any) -> bool:
        return bool(await page.locator(self.box).first.input_value() == target)

    async def nudge(self, page: Any, target: Any) -> None:
        await self.apply(page, f"{target}?")
        await self.apply(page, target)


class FirstPill(FilterChange):
    """The first pill of a pill filter, pressed or released in turn."""

    def __init__(self, name: str, key: str) -> None:
        self.name = name
        self.pill = f".st-key-{key} button[aria-pressed]"

    async def target(self, page: Any) -> Any:
        return await page.locator(self.pill).first.get_attribute("aria-pressed") != "true"

    async def apply(self, page: Any, target: Any) -> None:
        await page.locator(self.pill).first.click()

    async def reached(self, page: Any, target: Any) -> bool:
        pressed = await page.locator(self.pill).first.get_attribute("aria-pressed") == "true"
        return bool(pressed == target)


def filter_change(step: int) -> FilterChange:
    """The filter change number `step`: a target-basis pill, the search box or a role pill, in turn.

    Each one changes the URL (the page writes its filters there), which is how its answer is recognised.
    """
    kind = step % 3
    if kind == 0:
        return FirstPill("own-target pill", "filter_bases")
    if kind == 1:
        return SearchBox((step // 3) % len(SEARCHES))
    return FirstPill("proposer pill", "filter_roles")


async def describe(page: Any, error: Exception) -> str:
    """What the page looked like when it did not answer, for the report."""
    try:
        state = await page.evaluate(
            "() => { const root = document.querySelector('[data-testid=\"stApp\"]');"
            " return [location.search, root?.dataset.testScriptState, root?.dataset.testConnectionState]; }"
        )
    except Exception:
        state = ["?", "?", "page gone"]
    return f"{type(error).__name__}, url {state[0]!r}, script {state[1]}, connection {state[2]}"


async def change_filter(page: Any, step: int, result: SessionResult) -> None:
    """One filter change, waited for until the URL shows it and the script run has finished."""
    change = filter_change(step)
    before = await page.evaluate("() => location.search")
    started = time.perf_counter()
    try:
        target = await change.target(page)
        for attempt in range(ATTEMPTS):
            if attempt:
                result.retried += 1
            if not await change.reached(page, target):
                await change.apply(page, target)
            elif attempt:
                result.nudged += 1
                await change.nudge(page, target)
            try:
                await page.wait_for_function(
                    "(before) => location.search !== before",
                    arg=before,
                    timeout=ANSWER_TIMEOUT_MS // ATTEMPTS,
                )
                break
            except PlaywrightTimeout:
                if attempt == ATTEMPTS - 1:
                    raise
        await page.wait_for_function(IDLE_JS, timeout=ANSWER_TIMEOUT_MS)
    except Exception as error:  # a Playwright timeout, or a page that went away: both are failures here
        reached: bool | str
        try:
            reached = await change.reached(page, target)
        except Exception:
            reached = "?"
        result.timeouts.append(
            f"{change.name} after {time.perf_counter() - started:.0f} s (widget shows the change: {reached},"
            f" messages sent {result.sent}): {await describe(page, error)}"
        )
        return
    result.answer_seconds.append(time.perf_counter() - started)
    result.reruns += 1
    if await page.locator(EXCEPTION).count():
        result.exception_boxes += 1


async def visit(
    browser: Any,
    server: StreamlitServer,
    index: int,
    *,
    deadline: float | None = None,
    reruns: int | None = None,
) -> SessionResult:
    """One visitor: open the explorer, then change filters until `deadline` or `reruns` changes are done."""
    result = SessionResult(index)
    context = await browser.new_context(viewport=VIEWPORT)
    # Clicks and typing wait for the page too: ten tabs drawing WebGL in software keep its main thread busy.
    context.set_default_timeout(ANSWER_TIMEOUT_MS)
    try:
        page = await context.new_page()
        result.errors = watch_errors(page)

        def count_sent(socket: Any) -> None:
            def sent(_payload: Any) -> None:
                result.sent += 1

            socket.on("framesent", sent)

        page.on("websocket", count_sent)
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                else result.outside_requests.append(request.url)
            ),
        )
        try:
            await page.goto(f"{server.url}{START_QUERY}", timeout=LOAD_TIMEOUT_MS)
            await page.wait_for_selector(".st-key-filter_bases", timeout=LOAD_TIMEOUT_MS)
            await page.wait_for_function(IDLE_JS, timeout=LOAD_TIMEOUT_MS)
        except Exception as error:
            result.timeouts.append(f"first load: {type(error).__name__}")
            return result
        step = index  # sessions start at different filters, so the server sees different reruns at once
        while (deadline is None or time.monotonic() < deadline) and (
            reruns is None or result.reruns < reruns
        ):
            await change_filter(page, step, result)
            step += 1
            if len(result.timeouts) >= 3:
                break  # a session that stopped answering is reported, not hammered
        return result
    finally:
        await context.close()


async def run_sessions(
    server: StreamlitServer,
    sessions: int,
    *,
    seconds: float | None = None,
    reruns: int | None = None,
    chromium: str = str(CHROMIUM_PATH),
) -> list[SessionResult]:
    """`sessions` visitors at once, each for `seconds` or `reruns` filter changes."""

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        try:
            deadline = None if seconds is None else time.monotonic() + seconds
            return list(
                await asyncio.gather(
                    *(
                        visit(browser, server, index, deadline=deadline, reruns=reruns)
                        for index in range(sessions)
                    )
                )
            )
        finally:
            await browser.close()


def summary(results: list[SessionResult], seconds: float) -> tuple[list[str], int]:
    """The printed lines and the number of problems."""
    answers = sorted(value for result in results for value in result.answer_seconds)
    problems = [(result.index, problem) for result in results for problem in result.problems()]
    lines = [
        f"sessions: {len(results)}, wall time: {seconds:.0f} s, filter changes answered: {len(answers)}",
        "per session: " + ", ".join(str(result.reruns) for result in results),
        f"filter changes asked for again after no answer in {ANSWER_TIMEOUT_MS // ATTEMPTS // 1000} s:"
        f" {sum(result.retried for result in results)}"
        f" (of which the widget showed the change but no run was asked for: {sum(r.nudged for r in results)})",
    ]
    if answers:
        p95 = answers[min(len(answers) - 1, int(0.95 * len(answers)))]
        lines.append(
            f"answer time (click to finished run, browser included): median {statistics.median(answers):.2f} s,"
            f" 95th percentile {p95:.2f} s, max {answers[-1]:.2f} s"
        )
    lines.append(f"errors: {len(problems)}")
    lines += [f"  session {index}: {problem}" for index, problem in problems[:50]]
    if len(problems) > 50:
        lines.append(f"  … and {len(problems) - 50} more")
    return lines, len(problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--chromium", default=str(CHROMIUM_PATH))
    arguments = parser.parse_args()
    reason = chromium_missing_reason()
    if reason is not None:
        print(f"load check cannot run: {reason}", file=sys.stderr)
        return 2
    started = time.monotonic()
    with running_server() as server:
        results = asyncio.run(
            run_sessions(server, arguments.sessions, seconds=arguments.seconds, chromium=arguments.chromium)
        )
    lines, problems = summary(results, time.monotonic() - started)
    print("\n".join(lines))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
