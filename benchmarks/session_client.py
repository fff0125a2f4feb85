"""A Streamlit session driven over its websocket with the messages the browser sends, without a browser.

Used where the server is what is measured and a browser would only add its own drawing time: on a machine
without a GPU, Chromium takes seconds to redraw the map in software after each filter change, so 500
browser-driven reruns would take most of an hour, nearly all of it in the browser. The client speaks the
frontend's protocol (protobuf `BackMsg` in, `ForwardMsg` out, see streamlit/proto): it asks for a run with
the page's widget states, reads every message of that run, and notes its duration and any exception box.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Final

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# The first entry of the websocket's subprotocol header, as the frontend sends it.
SUBPROTOCOL: Final = "streamlit"
RUN_TIMEOUT_S: Final = 120.0


@dataclass
class RunResult:
    seconds: float
    messages: int
    exceptions: list[str] = field(default_factory=list)


class SessionClient:
    """One session on a running server: `async with SessionClient(url) as session: await session.run()`."""

    def __init__(self, base_url: str, query_string: str = "") -> None:
        self.base_url = base_url
        self.query_string = query_string
        self.widget_ids: dict[str, str] = {}  # widget key -> Streamlit's element id
        self.page_script_hash = ""
        self._socket: Any = None

    async def __aenter__(self) -> SessionClient:
        self._socket = await websockets.connect(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=[websockets.Subprotocol(SUBPROTOCOL)],
            origin=websockets.Origin(self.base_url),
            max_size=None,
        )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self._socket.close()

    def widget_id(self, key: str) -> str:
        """The element id of the widget created with `key`, seen in an earlier run."""
        return self.widget_ids[key]

    async def run(self, widgets: dict[str, Any] | None = None) -> RunResult:
        """One script run with these widget values (by key; others at their defaults), until it finishes."""
        request = BackMsg()
        state = request.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        for key, value in (widgets or {}).items():
            widget = state.widget_states.widgets.add()
            widget.id = self.widget_id(key)
            if isinstance(value, bool):
                widget.bool_value = value
            elif isinstance(value, str):
                widget.string_value = value
            else:
                raise TypeError(f"widget {key}: no protocol field for {type(value).__name__}")
        started = time.perf_counter()
        await self._socket.send(request.SerializeToString())
        result = RunResult(seconds=0.0, messages=0)
        while True:
            message = ForwardMsg()
            message.ParseFromString(await _receive(self._socket))
            result.messages += 1
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = message.new_session.page_script_hash
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self._note_element(message.delta.new_element, result)
            elif kind == "script_finished":
                if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # a callback asked for another run; that one's messages follow
                result.seconds = time.perf_counter() - started
                return result

    def _note_element(self, element: Any, result: RunResult) -> None:
        kind = element.WhichOneof("type")
        inner = getattr(element, kind)
        if kind == "exception":
            result.exceptions.append(f"{inner.type}: {inner.message}")
            return
        element_id = getattr(inner, "id", "")
        # Keyed widgets' ids end in "-<key>" (Streamlit's compute_and_register_element_id).
        if element_id.startswith("$$ID-"):
            self.widget_ids[element_id.split("-", 2)[2]] = element_id


async def _receive(socket: Any) -> bytes:
    data = await asyncio.wait_for(socket.recv(), timeout=RUN_TIMEOUT_S)
    if isinstance(data, str):
        raise RuntimeError(f"unexpected text frame from the server: {data[:80]!r}")
    return bytes(data)
