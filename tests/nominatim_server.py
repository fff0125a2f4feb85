"""A scripted Nominatim-compatible server on loopback, so the real geopy HTTP path runs in tests.

It answers GET /search?q=...&format=json with replies scripted per query text (a queue; the last reply repeats)
and records every request it received (query, headers, arrival), so tests assert on what was actually sent.
"""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: str = "[]"
    headers: tuple[tuple[str, str], ...] = ()
    # Seconds to stall before answering (a reply slower than the client's timeout). Stopping the server, or
    # `release()`, ends every stall at once, so no test waits longer than it must.
    delay: float = 0.0


def place(
    lat: float,
    lon: float,
    display_name: str,
    *,
    addresstype: str = "city",
    category: str = "place",
    kind: str = "city",
) -> dict[str, Any]:
    """One result object shaped like Nominatim's /search?format=json (lat and lon are strings there)."""
    return {
        "place_id": abs(hash((lat, lon))) % 10**8,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": category,
        "type": kind,
        "addresstype": addresstype,
        "name": display_name.split(",")[0],
        "display_name": display_name,
    }


def found(*places: dict[str, Any]) -> Reply:
    return Reply(body=json.dumps(list(places)))


@dataclass(frozen=True)
class Received:
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class _Script:
    replies: dict[str, list[Reply]] = field(default_factory=dict)
    default: Reply = field(default_factory=Reply)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Condition = field(default_factory=threading.Condition)


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def do_GET(self) -> None:
        script = self.server.script
        parts = urlsplit(self.path)
        params = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        with script.lock:
            script.received.append(
                Received(parts.path, params, {k.lower(): v for k, v in self.headers.items()})
            )
            queue = script.replies.get(params.get("q", ""))
            reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else script.default
        with script.arrived:
            script.arrived.notify_all()
        if reply.delay:
            script.release.wait(reply.delay)
        body = reply.body.encode("utf-8")
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (timeout, killed process); that is what the test wanted.
            pass

    def log_message(self, format: str, *args: Any) -> None:
        # Keep test output clean; the requests are recorded in `received` instead.
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, script: _Script) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script


class NominatimServer:
    def __init__(self) -> None:
        self._script = _Script()
        self._server = _Server(self._script)
        # A short poll interval makes shutdown quick; the default 0.5 s would add up across tests.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, query: str, *replies: Reply) -> None:
        """Replies for the query text `q`, in order; the last one repeats."""
        with self._script.lock:
            self._script.replies[query] = list(replies)

    def set_default(self, reply: Reply) -> None:
        self._script.default = reply

    @property
    def received(self) -> list[Received]:
        with self._script.lock:
            return list(self._script.received)

    def wait_for_requests(self, count: int, timeout: float) -> bool:
        """Block until `count` requests have arrived (or `timeout` seconds pass); True if they did."""
        with self._script.arrived:
            return self._script.arrived.wait_for(lambda: len(self._script.received) >= count, timeout)

    def release(self) -> None:
        self._script.release.set()

    def start(self) -> "NominatimServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def running_server() -> Iterator[NominatimServer]:
    server = NominatimServer().start()
    try:
        yield server
    finally:
        server.stop()
