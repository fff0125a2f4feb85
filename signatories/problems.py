"""Problems found in the data files, each naming file, line, column and value; the report listing them."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one value; `line` is the 1-based line in the file (the header is line 1)."""

    file: str
    line: int | None
    column: str
    value: str
    message: str
    severity: Severity = "error"

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        column = f" column {self.column}:" if self.column else ""
        value = f" value {self.value!r}:" if self.value != "" else " (empty):" if self.column else ""
        return f"{self.severity}: {where}:{column}{value} {self.message}"


@dataclass
class ValidationReport:
    """Every problem found in one pass, so a person can fix them all at once."""

    problems: list[Problem] = field(default_factory=list)
    rows_checked: dict[str, int] = field(default_factory=dict)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self) -> str:
        ordered = sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column, p.message))
        lines = [p.render() for p in ordered]
        checked = ", ".join(f"{name}: {count} rows" for name, count in self.rows_checked.items())
        verdict = "OK" if self.ok else "FAILED"
        lines.append(f"{verdict}: {len(self.errors)} errors, {len(self.warnings)} warnings ({checked})")
        return "\n".join(lines)
