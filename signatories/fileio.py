"""Atomic file writes: a crash or Ctrl-C mid-write leaves the previous file intact."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pandas as pd

_DEFAULT_MODE = 0o666


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Write through `write` into a temporary file beside `path`, then rename it over `path`."""
    _write_atomic(path, write, binary=False)


def write_bytes_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path` whole, or leave `path` as it was."""
    _write_atomic(path, lambda handle: handle.write(content), binary=True)


def _write_atomic(path: Path, write: Callable[[Any], object], *, binary: bool) -> None:
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp makes owner-only files; the replacement keeps the old file's mode, or the usual one for a new file.
    os.chmod(tmp_name, path.stat().st_mode & 0o777 if path.exists() else _DEFAULT_MODE & ~_current_umask())
    try:
        handle: IO[Any]
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        # BaseException on purpose: a KeyboardInterrupt must not leave the temporary file behind either.
        Path(tmp_name).unlink(missing_ok=True)
        raise


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write a DataFrame as UTF-8 CSV, atomically, without the index."""
    write_atomic(path, lambda handle: frame.to_csv(handle, index=False, lineterminator="\n"))
