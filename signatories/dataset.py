"""Loading the validated dataset: organisations with their effective targets, targets, countries."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from signatories.csvtable import LINE
from signatories.paths import DATA_DIR
from signatories.problems import ValidationReport
from signatories.targets import with_effective_targets
from signatories.validation import validate_tables


@dataclass(frozen=True)
class Dataset:
    """Typed, validated frames; `report` lists every row that was left out and why."""

    organisations: pd.DataFrame
    targets: pd.DataFrame
    countries: pd.DataFrame
    report: ValidationReport


def load_dataset(data_dir: Path | str = DATA_DIR) -> Dataset:
    """Read, validate and join the data files; bad rows are reported in `report`, never silently dropped."""
    tables = validate_tables(Path(data_dir))
    countries = tables.countries.drop(columns=LINE)
    organisations = with_effective_targets(tables.organisations, tables.targets)
    regions = countries.set_index("code")["region"]
    organisations["region"] = organisations["country"].map(regions)
    return Dataset(
        organisations=organisations.drop(columns=LINE),
        targets=tables.targets.drop(columns=LINE),
        countries=countries,
        report=tables.report,
    )
