"""What the replica tests and the hosting benchmark share: whether HAProxy is here, which replica holds a
browser's session (HAProxy's SERVERID cookie, so the app needs no code for it), and each page's connection
history, recorded in the page itself so that a reconnect can be timed against the moment a replica stopped.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Final

from deploy.replicas import haproxy_binary

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
