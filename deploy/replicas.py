"""N replicas of the dashboard behind HAProxy on one machine: `make serve-replicas N=3`.

Each replica is a plain `streamlit run dashboard.py` on its own loopback port; they share nothing but the
repository (the data is read-only). HAProxy (Debian's `haproxy`) listens on the public port with the
configuration in deploy/haproxy.cfg.template, filled in here with the ports, and serves the link-preview
pages written by deploy/link_preview.py.

    python -m deploy.replicas [--replicas 3] [--port 8500] [--bind 127.0.0.1] [--public-url URL]

For a server whose replicas run as systemd services (deploy/systemd/), the configuration alone:

    python -m deploy.replicas --print-config --replicas 3 --port 80 --bind 0.0.0.0 \
        --first-replica-port 8501 --workdir /etc/haproxy/signatories > /etc/haproxy/haproxy.cfg
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Final

from deploy.link_preview import write_preview_pages
from signatories.i18n import Lang

PROJECT_ROOT: Final = Path(__file__).resolve().parent.parent
TEMPLATE: Final = Path(__file__).with_name("haproxy.cfg.template")
DASHBOARD: Final = PROJECT_ROOT / "dashboard.py"
HEALTH_PATH: Final = "/_stcore/health"
PUBLIC_URL_ENV: Final = "SIGNATORIES_PUBLIC_URL"
HAPROXY_ENV: Final = "SIGNATORIES_HAPROXY"
COOKIE_SECRET_ENV: Final = "STREAMLIT_SERVER_COOKIE_SECRET"
START_TIMEOUT_S: Final = 30.0
STOP_TIMEOUT_S: Final = 10.0
LOOPBACK: Final = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def haproxy_binary() -> str | None:
    """Path of the haproxy executable (SIGNATORIES_HAPROXY overrides), or None when it is not installed."""
    configured = os.environ.get(HAPROXY_ENV)
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("haproxy") or next(
        (str(path) for path in (Path("/usr/sbin/haproxy"),) if path.exists()), None
    )


def streamlit_command(script: Path, port: int) -> list[str]:
    """A headless, offline `streamlit run` on a loopback port: no usage statistics, no file watcher."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        LOOPBACK,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def launch_streamlit(script: Path, port: int, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """`streamlit_command` started in its own process group (so that a stop takes its children too)."""
    return subprocess.Popen(
        streamlit_command(script, port),
        cwd=PROJECT_ROOT,
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_until_healthy(
    url: str, process: subprocess.Popen[bytes], timeout_s: float = START_TIMEOUT_S, what: str = "streamlit"
) -> None:
    """Until `url` answers Streamlit's health check; raises if the process exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url + HEALTH_PATH, timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not answer {url}{HEALTH_PATH} within {timeout_s} s")


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group, SIGKILL if it has not gone after STOP_TIMEOUT_S."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Replica:
    """One `streamlit run` of the dashboard; `name` is its SERVERID cookie value in the balancer."""

    name: str
    port: int
    env: Mapping[str, str]
    script: Path = DASHBOARD
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def launch(self) -> None:
        """Start the process without waiting for it to answer."""
        self.process = launch_streamlit(self.script, self.port, self.env)

    def wait_until_healthy(self) -> None:
        assert self.process is not None, f"replica {self.name} was not launched"
        wait_until_healthy(self.url, self.process, what=f"replica {self.name}")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def pid(self) -> int:
        assert self.process is not None, f"replica {self.name} is not running"
        return self.process.pid


def render_config(
    replicas: list[Replica],
    bind: str,
    port: int,
    preview_pages: Mapping[Lang, Path],
    log_to_stdout: bool = False,
) -> str:
    # The cookie values r1..rN are what the frontend hands new browsers in turn.
    servers = "\n".join(
        f"    server {replica.name} {LOOPBACK}:{replica.port} cookie {replica.name}" for replica in replicas
    )
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        bind=bind,
        port=port,
        servers=servers,
        replica_count=len(replicas),
        preview_en=preview_pages["en"],
        preview_ja=preview_pages["ja"],
        global_extra="    log stdout format raw local0" if log_to_stdout else "",
    )


@dataclass
class Cluster:
    """N replicas and HAProxy in front of them, with its configuration in `workdir`."""

    replicas: list[Replica]
    port: int
    workdir: Path
    bind: str = LOOPBACK
    public_url: str | None = None
    image_url: str | None = None
    log_to_stdout: bool = False
    balancer: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        host = LOOPBACK if self.bind in {"0.0.0.0", "*", ""} else self.bind
        return f"http://{host}:{self.port}"

    def config(self) -> str:
        pages = write_preview_pages(self.workdir, self.public_url, self.image_url)
        return render_config(self.replicas, self.bind, self.port, pages, self.log_to_stdout)

    def start(self) -> None:
        binary = haproxy_binary()
        if binary is None:
            raise RuntimeError("haproxy is not installed: apt-get install -y haproxy")
        config = self.workdir / "haproxy.cfg"
        config.write_text(self.config(), encoding="utf-8")
        check = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy rejects {config}:\n{check.stdout}{check.stderr}")
        for replica in self.replicas:  # started together: each takes seconds to import on a busy machine
            replica.launch()
        for replica in self.replicas:
            replica.wait_until_healthy()
        output = None if self.log_to_stdout else subprocess.DEVNULL
        self.balancer = subprocess.Popen(
            [binary, "-db", "-f", str(config)],
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
        wait_until_healthy(self.url, self.balancer, what="haproxy")

    def stop(self) -> None:
        if self.balancer is not None:
            stop_process(self.balancer)
            self.balancer = None
        for replica in self.replicas:
            replica.stop()

    def replica(self, name: str) -> Replica:
        return next(replica for replica in self.replicas if replica.name == name)


def replica_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The replicas' environment: one cookie secret for all of them, so that a browser moved to another
    replica keeps a valid XSRF cookie (Streamlit draws a random secret per process otherwise)."""
    secret = os.environ.get(COOKIE_SECRET_ENV) or secrets.token_hex(32)
    return {
        **os.environ,
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        COOKIE_SECRET_ENV: secret,
        **(extra or {}),
    }


def make_replicas(count: int, ports: list[int], env: Mapping[str, str]) -> list[Replica]:
    return [Replica(name=f"r{index + 1}", port=port, env=env) for index, port in enumerate(ports[:count])]


@contextmanager
def running_cluster(
    count: int = 3,
    port: int | None = None,
    extra_env: Mapping[str, str] | None = None,
    public_url: str | None = None,
) -> Iterator[Cluster]:
    """Replicas on free loopback ports and HAProxy on `port` (free if None), for the duration of the block."""
    env = replica_env(extra_env)
    with tempfile.TemporaryDirectory(prefix="signatories-balancer-") as workdir:
        cluster = Cluster(
            replicas=make_replicas(count, [free_port() for _ in range(count)], env),
            port=port or free_port(),
            workdir=Path(workdir),
            public_url=public_url,
        )
        try:
            cluster.start()
            yield cluster
        finally:
            cluster.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--replicas", "-n", type=int, default=3, help="number of streamlit processes")
    parser.add_argument(
        "--port", type=int, default=8500, help="the balancer's port (replicas: the next ones)"
    )
    parser.add_argument("--bind", default=LOOPBACK, help="the balancer's address (0.0.0.0 for every one)")
    parser.add_argument(
        "--public-url",
        default=os.environ.get(PUBLIC_URL_ENV),
        help=f"the hosted link, for og:url and the display's QR code (default: ${PUBLIC_URL_ENV})",
    )
    parser.add_argument("--image-url", help="absolute URL of a preview image of the map, for og:image")
    parser.add_argument(
        "--first-replica-port", type=int, help="the first replica's port (default: --port + 1)"
    )
    parser.add_argument(
        "--workdir", type=Path, help="where the configuration and preview pages go (default: a temporary one)"
    )
    parser.add_argument("--print-config", action="store_true", help="print HAProxy's configuration and exit")
    arguments = parser.parse_args()
    if arguments.replicas < 1:
        parser.error("--replicas must be at least 1")
    env = replica_env({PUBLIC_URL_ENV: arguments.public_url} if arguments.public_url else None)
    first = arguments.first_replica_port or arguments.port + 1
    ports = [first + offset for offset in range(arguments.replicas)]
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="signatories-balancer-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(
        replicas=make_replicas(arguments.replicas, ports, env),
        port=arguments.port,
        workdir=workdir,
        bind=arguments.bind,
        public_url=arguments.public_url,
        image_url=arguments.image_url,
        log_to_stdout=True,
    )
    if arguments.print_config:
        print(cluster.config())
        if arguments.workdir is None:
            print(
                f"# the preview pages are in {workdir}, a temporary directory: give --workdir",
                file=sys.stderr,
            )
        return 0
    # Stop everything on Ctrl-C and on systemd's SIGTERM alike.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        cluster.start()
        print(
            f"{arguments.replicas} replicas on ports {ports[0]}-{ports[-1]}, HAProxy on {cluster.url}"
            f" (configuration in {workdir}); Ctrl-C stops them all",
            flush=True,
        )
        while cluster.balancer is not None and cluster.balancer.poll() is None:
            time.sleep(1)
        return 1  # the balancer exited by itself
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
