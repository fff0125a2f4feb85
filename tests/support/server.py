"""Start and stop a real `streamlit run` of the dashboard on a free loopback port.

The command, the health wait and the stop are the replicas' own (deploy/replicas.py): a test server is
started exactly as a hosted replica is.
"""

import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.replicas import free_port, launch_streamlit, stop_process, wait_until_healthy
from signatories.paths import PROJECT_ROOT

__all__ = ["StreamlitServer", "free_port", "running_server", "wait_until_healthy"]


@dataclass
class StreamlitServer:
    """A running server: its base URL and process, restartable on the same port."""

    script: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = launch_streamlit(self.script, self.port, self.env)
        wait_until_healthy(self.url, self.process)

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
        self.process = None

    def pid(self) -> int:
        assert self.process is not None, "server is not running"
        return self.process.pid


@contextmanager
def running_server(
    script: Path = PROJECT_ROOT / "dashboard.py", extra_env: Mapping[str, str] | None = None
) -> Iterator[StreamlitServer]:
    """A server for the duration of the block, offline: no usage statistics, no file watcher."""
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(extra_env or {})}
    server = StreamlitServer(script=script, port=free_port(), env=env)
    server.start()
    try:
        yield server
    finally:
        server.stop()
