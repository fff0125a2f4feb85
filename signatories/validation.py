"""Validation of the data files: parse, check every rule, report every problem, keep the good rows."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pycountry

from signatories import vocab
from signatories.borders import Borders, load_borders
from signatories.csvtable import LINE, RawTable, read_csv_table
from signatories.errors import DataError
from signatories.paths import BORDERS_FILE, COUNTRIES_FILE, ORGANISATIONS_FILE, TARGETS_FILE
from signatories.problems import Problem, ValidationReport
from signatories.schemas import BOOL_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, REQUIRED_COLUMNS, SCHEMAS

# Coarse outlines miss the tip of a harbour or an atoll; a seat this close to its country still counts.
COORDINATE_TOLERANCE_KM = 10.0

_TRUE, _FALSE = "true", "false"
_PANDERA_MESSAGES = {
    "field_uniqueness": "duplicate value; the first row with it is kept",
    "not_nullable": "required value is empty",
}


# Text that users read, each with its Japanese counterpart: a row with one needs the other.
TRANSLATED_COLUMNS = {
    "organisations": {"admin1": "admin1_ja", "notes": "notes_ja"},
    "targets": {"note": "note_ja"},
}


@dataclass
class ValidatedTables:
    """The good rows of each file, typed, with the report of everything that was wrong."""

    organisations: pd.DataFrame
    targets: pd.DataFrame
    countries: pd.DataFrame
    report: ValidationReport


def _parse_types(table: RawTable, kind: str) -> pd.DataFrame:
    """Turn text into numbers and booleans; a value that is not one is reported and left empty."""
    frame = table.frame.copy()
    for column in FLOAT_COLUMNS[kind] + INT_COLUMNS[kind]:
        text = frame[column].fillna("")
        numbers = pd.to_numeric(text.where(text != "", None), errors="coerce")
        for index in frame.index[(text != "") & numbers.isna()]:
            table.problems.append(
                Problem(table.name, int(frame.at[index, LINE]), column, text[index], "not a number")
            )
        if column in INT_COLUMNS[kind]:
            whole = numbers.notna() & (numbers % 1 != 0)
            for index in frame.index[whole]:
                table.problems.append(
                    Problem(table.name, int(frame.at[index, LINE]), column, text[index], "not a whole number")
                )
            numbers = numbers.where(~whole).astype("Int64")
        frame[column] = numbers.astype("Int64") if column in INT_COLUMNS[kind] else numbers.astype(float)
    for column in BOOL_COLUMNS[kind]:
        text = frame[column].fillna("").str.lower()
        for index in frame.index[~text.isin([_TRUE, _FALSE])]:
            table.problems.append(
                Problem(table.name, int(frame.at[index, LINE]), column, text[index], "must be true or false")
            )
        frame[column] = text == _TRUE
    return frame


def _schema_problems(
    frame: pd.DataFrame, raw: pd.DataFrame, schema: pa.DataFrameSchema, file: str
) -> list[Problem]:
    """Pandera's failure cases as problems; the value quoted is the text in the file, not the parsed one."""
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as failure:
        problems = []
        for case in failure.failure_cases.itertuples(index=False):
            if case.index is None or pd.isna(case.index):
                continue  # a check that failed as a whole repeats an element failure reported already
            line = int(frame.at[case.index, LINE])
            column = str(case.column)
            value = str(raw.at[case.index, column]) if column in raw else str(case.failure_case)
            message = _PANDERA_MESSAGES.get(str(case.check), str(case.check))
            problems.append(Problem(file, line, column, value, message))
        return problems
    return []


def _country_problems(countries: pd.DataFrame, file: str) -> list[Problem]:
    return [
        Problem(file, int(row[LINE]), "code", row["code"], "not an ISO 3166-1 country code")
        for _, row in countries.iterrows()
        if pycountry.countries.get(alpha_2=row["code"]) is None
    ]


def _translation_problems(frame: pd.DataFrame, kind: str, file: str) -> list[Problem]:
    """Every user-facing text has its Japanese version, so Japanese pages never fall back to English."""
    problems = []
    for english, japanese in TRANSLATED_COLUMNS[kind].items():
        english_text = frame[english].fillna("")
        japanese_text = frame[japanese].fillna("")
        for index in frame.index[(english_text != "") & (japanese_text == "")]:
            problems.append(
                Problem(file, int(frame.at[index, LINE]), japanese, "", f"{english} has no Japanese text")
            )
        for index in frame.index[(english_text == "") & (japanese_text != "")]:
            problems.append(
                Problem(
                    file, int(frame.at[index, LINE]), english, "", f"{japanese} has no English counterpart"
                )
            )
    return problems


def _organisation_problems(
    orgs: pd.DataFrame, country_codes: set[str], borders: Borders | None
) -> list[Problem]:
    problems: list[Problem] = []
    file = ORGANISATIONS_FILE
    for _, row in orgs.iterrows():
        line = int(row[LINE])
        if row["country"] not in country_codes:
            problems.append(
                Problem(file, line, "country", row["country"], "unknown country (not in countries.csv)")
            )
        has_lat, has_lon = pd.notna(row["lat"]), pd.notna(row["lon"])
        if has_lat != has_lon:
            problems.append(
                Problem(file, line, "lat" if not has_lat else "lon", "", "lat and lon go together")
            )
        elif not has_lat:
            problems.append(
                Problem(
                    file,
                    line,
                    "lat",
                    "",
                    "no coordinates yet; run `python -m signatories geocode`",
                    severity="warning",
                )
            )
        elif borders is not None and row["country"] in country_codes:
            lat, lon = float(row["lat"]), float(row["lon"])
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                distance = borders.distance_km(lat, lon, row["country"])
                if distance > COORDINATE_TOLERANCE_KM:
                    problems.append(
                        Problem(
                            file,
                            line,
                            "lat",
                            f"{lat}, {lon}",
                            f"coordinates lie {distance:.0f} km outside {row['country']}",
                        )
                    )
        if has_lat and not row["coord_source"]:
            problems.append(Problem(file, line, "coord_source", "", "coordinates need a source"))
        if has_lat and not row["coord_precision"]:
            problems.append(Problem(file, line, "coord_precision", "", "coordinates need a precision"))
    return problems


def _target_problems(targets: pd.DataFrame, country_codes: set[str], org_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    file = TARGETS_FILE
    for _, row in targets.iterrows():
        line = int(row[LINE])
        known = country_codes if row["scope"] == "national" else org_ids
        if row["entity"] not in known:
            what = "country" if row["scope"] == "national" else "organisation id"
            problems.append(Problem(file, line, "entity", row["entity"], f"unknown {what}"))
        has_year = pd.notna(row["target_year"])
        year = str(row["target_year"]) if has_year else ""
        if row["target_kind"] == vocab.NO_TARGET_KIND:
            if has_year:
                problems.append(Problem(file, line, "target_year", year, "a 'none_found' row has no year"))
        elif not has_year:
            problems.append(
                Problem(file, line, "target_year", "", "a target needs a year (or use none_found)")
            )
        if has_year and not row["source_url"]:
            problems.append(Problem(file, line, "source_url", "", f"the year {year} has no source"))
        if has_year and not row["status"]:
            problems.append(Problem(file, line, "status", "", f"the year {year} has no status"))
        if row["target_kind"] == vocab.NO_TARGET_KIND and row["current"] and not row["checked"]:
            problems.append(
                Problem(file, line, "checked", "", "a current 'none_found' row needs the date it was checked")
            )
        if row["year_qualifier"] and not has_year:
            problems.append(
                Problem(file, line, "year_qualifier", row["year_qualifier"], "a qualifier needs a year")
            )
    current = targets[targets["current"]]
    covered_countries = set(current.loc[current["scope"] == "national", "entity"])
    for code in sorted(country_codes - covered_countries):
        problems.append(
            Problem(
                file, None, "entity", code, "no current national row (write none_found if none was found)"
            )
        )
    covered_orgs = set(current.loc[current["scope"] == "organisation", "entity"])
    for org_id in sorted(org_ids - covered_orgs):
        problems.append(
            Problem(
                file, None, "entity", org_id, "no current own-target row for this organisation", "warning"
            )
        )
    return problems


def _drop_bad_rows(frame: pd.DataFrame, problems: list[Problem], file: str) -> pd.DataFrame:
    bad_lines = {p.line for p in problems if p.file == file and p.severity == "error" and p.line is not None}
    return frame[~frame[LINE].isin(bad_lines)].reset_index(drop=True)


def validate_tables(data_dir: Path) -> ValidatedTables:
    """Read and check the three files in `data_dir`; every problem is reported, good rows are kept."""
    report = ValidationReport()
    parsed: dict[str, pd.DataFrame] = {}
    files = {"organisations": ORGANISATIONS_FILE, "targets": TARGETS_FILE, "countries": COUNTRIES_FILE}
    for kind, file in files.items():
        raw = read_csv_table(data_dir / file, REQUIRED_COLUMNS[kind])
        frame = _parse_types(raw, kind)
        report.extend(raw.problems)
        report.extend(_schema_problems(frame, raw.frame, SCHEMAS[kind], file))
        if kind in TRANSLATED_COLUMNS and not frame.empty:
            report.extend(_translation_problems(frame, kind, file))
        report.rows_checked[file] = len(frame)
        parsed[kind] = frame

    report.extend(_country_problems(parsed["countries"], COUNTRIES_FILE))
    countries = _drop_bad_rows(parsed["countries"], report.problems, COUNTRIES_FILE)
    country_codes = set(countries["code"])

    borders_path = data_dir / BORDERS_FILE
    borders, borders_problem = None, "file not found; coordinates not checked"
    if borders_path.exists():
        # Damaged outlines cost the basemap and this check, never the data: every map draws without them.
        try:
            borders = load_borders(borders_path)
        except DataError as error:
            borders_problem = f"unreadable ({error}); coordinates not checked"
    if borders is None:
        report.extend([Problem(BORDERS_FILE, None, "", "", borders_problem, "warning")])
    report.extend(_organisation_problems(parsed["organisations"], country_codes, borders))
    organisations = _drop_bad_rows(parsed["organisations"], report.problems, ORGANISATIONS_FILE)

    # Targets are checked against every id in the file: a row dropped for a bad value is still a known body,
    # so its targets are not reported a second time.
    report.extend(_target_problems(parsed["targets"], country_codes, set(parsed["organisations"]["id"])))
    targets = _drop_bad_rows(parsed["targets"], report.problems, TARGETS_FILE)
    return ValidatedTables(organisations, targets, countries, report)


def validate_directory(data_dir: Path) -> ValidationReport:
    """The report alone, for the command line."""
    return validate_tables(data_dir).report
