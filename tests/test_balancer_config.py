"""HAProxy's configuration as deploy/replicas.py writes it for any number of replicas: HAProxy itself
accepts it, and each replica is a server with its cookie value, health-checked."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from deploy.link_preview import write_preview_pages
from deploy.replicas import haproxy_binary, make_replicas, render_config


def checked_by_haproxy(config: str, directory: Path) -> subprocess.CompletedProcess[str]:
    binary = haproxy_binary()
    if binary is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("haproxy is not installed in CI")
        pytest.skip("Debian's haproxy is not installed; apt-get install -y haproxy")
    path = directory / "haproxy.cfg"
    path.write_text(config, encoding="utf-8")
    return subprocess.run([binary, "-c", "-f", str(path)], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("count", [1, 5])
def test_the_configuration_for_n_replicas_is_accepted_by_haproxy(count: int, tmp_path: Path) -> None:
    replicas = make_replicas(count, [9001 + index for index in range(count)], {})
    config = render_config(replicas, "127.0.0.1", 9000, write_preview_pages(tmp_path))
    servers = re.findall(r"^\s+server (\S+) 127\.0\.0\.1:(\d+) cookie (\S+)$", config, flags=re.M)
    assert servers == [(f"r{i}", str(9000 + i), f"r{i}") for i in range(1, count + 1)]
    assert f"mod({count}),add(1)" in config
    assert "option httpchk GET /_stcore/health" in config
    result = checked_by_haproxy(config, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
