"""A plain progress bar with ETA on stderr, for runs that wait on Nominatim's one-request-per-second limit.

Hand-written to avoid a dependency. It redraws one line with a carriage return, so it is drawn only on a
terminal (a log file would fill with redraws); the clock is injectable for tests.
"""

import sys
import time
from collections.abc import Callable
from typing import TextIO


def format_seconds(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    def __init__(
        self,
        total: int,
        *,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        width: int = 24,
        enabled: bool | None = None,
        floor: Callable[[int], float] | None = None,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._start = clock()
        self.width = width
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._drawn = 0
        # Seconds that must still pass after `done` items whatever the pace so far: the rate limiter's
        # spacing for the lookups still to go. Without it the first instant answers would promise "ETA 0:00".
        self._floor = floor

    def eta(self, done: int) -> float | None:
        """Seconds left: the average time per row so far, but never less than the floor; None when unknown."""
        floor = self._floor(done) if self._floor is not None else 0.0
        if done <= 0:
            return floor or None
        elapsed = self._clock() - self._start
        return max(elapsed / done * (self.total - done), floor)

    def render(self, done: int, label: str = "") -> str:
        filled = self.width * done // self.total if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        eta = self.eta(done)
        eta_text = "--:--" if eta is None else format_seconds(eta)
        elapsed = format_seconds(self._clock() - self._start)
        return f"[{bar}] {done:>{len(str(self.total))}}/{self.total} {elapsed} elapsed, ETA {eta_text} {label}".rstrip()

    def update(self, done: int, label: str = "") -> None:
        if not self.enabled:
            return
        line = self.render(done, label)
        # Pad over the previous, possibly longer, line.
        self.stream.write("\r" + line.ljust(self._drawn))
        self.stream.flush()
        self._drawn = len(line)

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
