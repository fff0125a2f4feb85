"""Atomic writes: the old file survives a failure mid-write, and the new one keeps readable permissions."""

import stat
from pathlib import Path

import pandas as pd
import pytest

from signatories.fileio import write_atomic, write_csv_atomic


def test_a_failure_mid_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    target.write_text("id\nold\n", encoding="utf-8")

    def half_then_fail(handle) -> None:  # type: ignore[no-untyped-def]
        handle.write("id\nnew-but-incomplete")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "id\nold\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_csv_is_written_whole_and_keeps_the_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    target.write_text("x\n", encoding="utf-8")
    target.chmod(0o640)
    write_csv_atomic(pd.DataFrame({"id": ["a", "b"], "name": ["甲", "乙"]}), target)
    assert target.read_text(encoding="utf-8") == "id,name\na,甲\nb,乙\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
