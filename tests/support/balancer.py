"""What the replica tests and the hosting benchmark share: whether HAProxy is here, which replica holds a
browser's session (HAProxy's SERVERID cookie, so the app needs no code for it), and each page's connection
history, recorded in the page itself so that a reconnect can be timed against the moment a replica stopped.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from deploy.replicas import Cluster, haproxy_binary

SERVERID: Final = "SERVERID"
CONNECTED: Final = "CONNECTED"

# Polls Streamlit's connection state on the app root (the attribute its own tests read) and appends every
# change, with the wall-clock time, to window.__connections; notes whether a dialog was ever on screen.
CONNECTION_LOG_JS: Final = """
window.__connections = [];
window.__dialogs = [];
setInterval(() => {
  const root = document.querySelector('[data-testid="stApp"]');
  const state = root ? root.dataset.testConnectionState : undefined;
  const log = window.__connections;
  if (state && (log.length === 0 || log[log.length - 1].state !== state)) {
    log.push({state: state, at: Date.now()});
  }
  const dialog = document.querySelector('[role="dialog"]');
  if (dialog && window.__dialogs.length < 5) {
    window.__dialogs.push(dialog.innerText.slice(0, 200));
  }
}, 25);
"""
# Resolves with the time of the first CONNECTED that follows a lost connection after `since` (ms epoch).
_RECONNECTED_JS: Final = """(since) => {
  const after = window.__connections.filter((entry) => entry.at >= since);
  const lost = after.findIndex((entry) => entry.state !== 'CONNECTED');
  if (lost < 0) return false;
  const back = after.slice(lost).find((entry) => entry.state === 'CONNECTED');
  return back ? back.at : false;
}"""


@dataclass
class Visitor:
    """One browser on the balancer: its own context (cookies), its page, the path it shows, its replica."""

    context: Any
    page: Any
    path: str
    replica: str | None = None


def open_visitor(
    browser: Any, base_url: str, path: str, viewport: dict[str, int], timeout_ms: float
) -> Visitor:
    """A new browser context with the connection log, navigated to `path` (not yet waited for)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(CONNECTION_LOG_JS)
    page = context.new_page()
    page.goto(f"{base_url}{path}", timeout=timeout_ms)
    return Visitor(context, page, path)


def haproxy_missing_reason() -> str | None:
    if haproxy_binary() is None:
        return "Debian's haproxy is not installed; apt-get install -y haproxy"
    return None


def serverid(context: Any) -> str | None:
    """The replica HAProxy pinned this browser context to, from its SERVERID cookie."""
    values = [cookie["value"] for cookie in context.cookies() if cookie["name"] == SERVERID]
    return values[-1] if values else None


@dataclass
class ConnectionChange:
    state: str
    at_ms: float


def connection_log(page: Any) -> list[ConnectionChange]:
    return [ConnectionChange(entry["state"], entry["at"]) for entry in page.evaluate("window.__connections")]


def changes_since(page: Any, since_ms: float) -> list[str]:
    return [change.state for change in connection_log(page) if change.at_ms >= since_ms]


def dialogs_seen(page: Any) -> list[str]:
    return list(page.evaluate("window.__dialogs"))


def now_ms() -> float:
    """Wall-clock milliseconds, the clock the page's Date.now() reads."""
    return time.time() * 1000


def reconnect_seconds(page: Any, since_ms: float, timeout_ms: float) -> float:
    """Seconds from `since_ms` until the page, having lost its connection after then, was connected again."""
    back = page.wait_for_function(_RECONNECTED_JS, arg=since_ms, timeout=timeout_ms).json_value()
    return (float(back) - since_ms) / 1000


# The screen at a venue and the viewers of a shared link, each opening its own view.
DISPLAY_VIEWPORT: Final = {"width": 1920, "height": 1080}
VIEWER_VIEWPORT: Final = {"width": 1280, "height": 800}
VIEWER_QUERIES: Final = tuple(
    f"arcs=0&q={query}" for query in ("Bangkok", "city", "Japan", "Manila", "Seoul")
)


def open_visitors(browser: Any, base_url: str, display_interval_s: int, timeout_ms: float) -> list[Visitor]:
    """The display screen first, then one viewer per VIEWER_QUERIES, each drawn and idle, with its replica."""
    from tests.browser.helpers import wait_until_idle

    opened = [
        open_visitor(
            browser, base_url, f"/display?interval={display_interval_s}", DISPLAY_VIEWPORT, timeout_ms
        )
    ]
    opened += [
        open_visitor(browser, base_url, f"/?{query}", VIEWER_VIEWPORT, timeout_ms) for query in VIEWER_QUERIES
    ]
    try:
        for visitor in opened:
            visitor.page.wait_for_selector("h1", timeout=timeout_ms)
            wait_until_idle(visitor.page, int(timeout_ms))
            visitor.replica = serverid(visitor.context)
    except Exception:
        close_visitors(opened)
        raise
    return opened


def close_visitors(visitors: list[Visitor]) -> None:
    for visitor in visitors:
        visitor.context.close()


@dataclass
class Failover:
    """A replica stopped under its viewers: who had to move, who stayed, and how long each mover took."""

    stopped: str
    moved: list[Visitor]
    stayed: list[Visitor]
    since_ms: float
    reconnect_s: dict[str, float]


def stop_busiest_replica(cluster: Cluster, visitors: list[Visitor], timeout_ms: float) -> Failover:
    """Stop the replica holding the most viewers and time each of its pages' reconnects."""
    viewers_per_replica = Counter(visitor.replica for visitor in visitors[1:] if visitor.replica)
    stopped = viewers_per_replica.most_common(1)[0][0]
    moved = [visitor for visitor in visitors if visitor.replica == stopped]
    stayed = [visitor for visitor in visitors if visitor.replica != stopped]
    since = now_ms()
    cluster.replica(stopped).stop()
    waits = {visitor.path: reconnect_seconds(visitor.page, since, timeout_ms) for visitor in moved}
    return Failover(stopped, moved, stayed, since, waits)
