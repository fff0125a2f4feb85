"""Shared fixtures: the committed data directory and writable copies of it."""

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from signatories.paths import DATA_DIR, PROJECT_ROOT


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the committed data files, for tests that break them on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


EditRows = Callable[[Path, Callable[[list[dict[str, str]]], None]], None]


@pytest.fixture
def edit_rows() -> EditRows:
    """Apply `change` to a CSV file's rows in place; row i of the list is line i + 2 of the file."""

    def edit(path: Path, change: Callable[[list[dict[str, str]]], None]) -> None:
        rows = read_rows(path)
        change(rows)
        write_rows(path, rows)

    return edit
