"""Reading a CSV file into text columns while remembering each row's line number for error messages."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from signatories.problems import Problem

LINE = "_line"  # the column that carries each row's line number in the file


@dataclass
class RawTable:
    """A CSV file as text, one row per well-formed record, plus the problems of the malformed ones."""

    name: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)


def read_csv_table(path: Path, required_columns: tuple[str, ...]) -> RawTable:
    """Read every field as text; a record with the wrong number of fields is reported, not guessed at."""
    name = path.name
    problems: list[Problem] = []
    if not path.exists():
        problems.append(Problem(name, None, "", "", "file not found"))
        return RawTable(name, pd.DataFrame(columns=[*required_columns, LINE]), problems)

    records: list[list[str]] = []
    lines: list[int] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [column for column in required_columns if column not in header]
        for column in missing:
            problems.append(Problem(name, 1, column, "", "required column is missing from the header"))
        start_line = 2
        for record in reader:
            line = start_line
            start_line = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # blank lines carry nothing to lose
            if len(record) != len(header):
                problems.append(
                    Problem(
                        name,
                        line,
                        "",
                        ",".join(record)[:120],
                        f"expected {len(header)} fields, found {len(record)}; row skipped",
                    )
                )
                continue
            records.append([cell.strip() for cell in record])
            lines.append(line)

    frame = pd.DataFrame(records, columns=header, dtype="str")
    for column in missing:
        frame[column] = ""
    frame[LINE] = lines
    return RawTable(name, frame, problems)
