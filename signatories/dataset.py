"""Loading the validated dataset: organisations with their effective targets, targets, countries."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from signatories.csvtable import LINE
from signatories.declaration import DeclarationFormatError, load_signatories
from signatories.paths import DATA_DIR, DECLARATION_FILE
from signatories.problems import Problem, ValidationReport
from signatories.targets import with_effective_targets
from signatories.validation import validate_tables


@dataclass(frozen=True)
class Dataset:
    """Typed, validated frames; `report` lists every row that was left out and why."""

    organisations: pd.DataFrame
    targets: pd.DataFrame
    countries: pd.DataFrame
    report: ValidationReport
    declared: int | None = None  # signatories in the declaration's text; None when it cannot be read

    @property
    def total(self) -> int:
        """What "of N" counts against: the declaration's signatories, else the organisations loaded."""
        return self.declared if self.declared is not None else len(self.organisations)

    @property
    def left_out(self) -> int:
        """Signatories of the declaration that are not shown because their rows failed validation."""
        return max(self.total - len(self.organisations), 0)


def _declared(data_dir: Path, report: ValidationReport) -> int | None:
    """How many signatories the declaration names; a problem in the report when its text is unreadable."""
    try:
        return len(load_signatories(data_dir))
    except (OSError, DeclarationFormatError) as error:
        report.extend(
            [Problem(DECLARATION_FILE, None, "", "", f"signatory list unreadable: {error}", "warning")]
        )
        return None


def load_dataset(data_dir: Path | str = DATA_DIR) -> Dataset:
    """Read, validate and join the data files; bad rows are reported in `report`, never silently dropped."""
    tables = validate_tables(Path(data_dir))
    declared = _declared(Path(data_dir), tables.report)
    countries = tables.countries.drop(columns=LINE)
    organisations = with_effective_targets(tables.organisations, tables.targets)
    regions = countries.set_index("code")["region"]
    organisations["region"] = organisations["country"].map(regions)
    return Dataset(
        organisations=organisations.drop(columns=LINE),
        targets=tables.targets.drop(columns=LINE),
        countries=countries,
        report=tables.report,
        declared=declared,
    )
