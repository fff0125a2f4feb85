"""Validation reports every problem at once, with file, line, column and value, and keeps the good rows."""

import subprocess
import sys
from pathlib import Path

import pandas as pd

from signatories import load_dataset
from signatories.paths import COUNTRIES_FILE, DATA_DIR, ORGANISATIONS_FILE, PROJECT_ROOT, TARGETS_FILE
from signatories.validation import validate_directory
from tests.conftest import EditRows

ROWS = 45


def _problems(data_dir: Path) -> list[tuple[str, int | None, str, str]]:
    report = validate_directory(data_dir)
    return [(p.file, p.line, p.column, p.value) for p in report.errors]


def _set(index: int, **values: str):
    def change(rows: list[dict[str, str]]) -> None:
        rows[index].update(values)

    return change


def test_committed_data_has_no_errors_and_loads_every_row() -> None:
    report = validate_directory(DATA_DIR)
    assert report.errors == [], report.render()
    assert report.warnings == [], report.render()
    dataset = load_dataset()
    assert len(dataset.organisations) == ROWS
    assert len(dataset.countries) == 20


def test_each_kind_of_error_is_reported_with_line_column_and_value(
    data_copy: Path, edit_rows: EditRows
) -> None:
    orgs = data_copy / ORGANISATIONS_FILE
    edit_rows(orgs, _set(0, country="XX"))  # line 2
    edit_rows(orgs, _set(3, id="jp-yokohama"))  # line 5 duplicates line 2's id
    edit_rows(orgs, _set(4, lat="95.5"))  # line 6
    edit_rows(orgs, _set(5, org_type="township"))  # line 7
    edit_rows(orgs, _set(6, lon="abc"))  # line 8
    targets = data_copy / TARGETS_FILE
    edit_rows(targets, _set(0, target_year="2150"))  # line 2
    edit_rows(targets, _set(1, source_url=""))  # line 3: a year without a source

    found = _problems(data_copy)

    assert (ORGANISATIONS_FILE, 2, "country", "XX") in found
    assert (ORGANISATIONS_FILE, 5, "id", "jp-yokohama") in found
    assert (ORGANISATIONS_FILE, 6, "lat", "95.5") in found
    assert (ORGANISATIONS_FILE, 7, "org_type", "township") in found
    assert (ORGANISATIONS_FILE, 8, "lon", "abc") in found
    assert (TARGETS_FILE, 2, "target_year", "2150") in found
    assert (TARGETS_FILE, 3, "source_url", "") in found


def test_good_rows_still_load_and_bad_rows_are_listed(data_copy: Path, edit_rows: EditRows) -> None:
    edit_rows(data_copy / ORGANISATIONS_FILE, _set(10, org_type="township"))
    dataset = load_dataset(data_copy)
    assert len(dataset.organisations) == ROWS - 1
    assert "ge-tdf" not in set(dataset.organisations["id"])
    assert [p.line for p in dataset.report.errors] == [12]


def test_a_coordinate_in_another_country_is_an_error(data_copy: Path, edit_rows: EditRows) -> None:
    # Cebu City moved to Tokyo: in range, plausible, and wrong.
    def move_cebu(rows: list[dict[str, str]]) -> None:
        cebu = next(row for row in rows if row["id"] == "ph-cebu")
        cebu.update(lat="35.68", lon="139.69")

    edit_rows(data_copy / ORGANISATIONS_FILE, move_cebu)
    report = validate_directory(data_copy)
    assert [(p.column, p.value) for p in report.errors] == [("lat", "35.68, 139.69")]
    assert "outside PH" in report.errors[0].message


def test_a_row_with_too_few_fields_is_reported_and_the_rest_load(data_copy: Path) -> None:
    orgs = data_copy / ORGANISATIONS_FILE
    lines = orgs.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[3].startswith("am-mtai,")
    lines[3] = "am-mtai,Broken row\n"  # line 4
    orgs.write_text("".join(lines), encoding="utf-8")
    dataset = load_dataset(data_copy)
    found = [(p.file, p.line, p.message) for p in dataset.report.errors]
    assert (ORGANISATIONS_FILE, 4, "expected 18 fields, found 2; row skipped") in found
    # Its target row now names an id the organisations file lacks; that is reported too, not dropped silently.
    assert [(p.file, p.value) for p in dataset.report.errors if p.file == TARGETS_FILE] == [
        (TARGETS_FILE, "am-mtai")
    ]
    assert len(dataset.organisations) == ROWS - 1


def test_an_unknown_country_code_in_countries_is_an_error(data_copy: Path, edit_rows: EditRows) -> None:
    edit_rows(data_copy / COUNTRIES_FILE, _set(0, code="QQ"))
    found = _problems(data_copy)
    assert (COUNTRIES_FILE, 2, "code", "QQ") in found


def test_a_country_without_a_national_row_is_an_error(data_copy: Path, edit_rows: EditRows) -> None:
    def drop_philippines(rows: list[dict[str, str]]) -> None:
        rows[:] = [row for row in rows if row["entity"] != "PH"]

    edit_rows(data_copy / TARGETS_FILE, drop_philippines)
    found = _problems(data_copy)
    assert (TARGETS_FILE, None, "entity", "PH") in found


def _validate_cli(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "signatories", "validate", str(directory)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )


def test_cli_passes_on_committed_data() -> None:
    result = _validate_cli(DATA_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("OK: 0 errors")


def test_cli_fails_naming_line_and_column_on_a_broken_copy(data_copy: Path, edit_rows: EditRows) -> None:
    edit_rows(data_copy / ORGANISATIONS_FILE, _set(2, lat="123"))
    result = _validate_cli(data_copy)
    assert result.returncode == 1
    assert (
        "error: organisations.csv:4: column lat: value '123': latitude must be between -90 and 90"
        in result.stdout
    )


def test_text_users_read_needs_its_japanese_version(data_copy: Path, edit_rows: EditRows) -> None:
    orgs = data_copy / ORGANISATIONS_FILE
    edit_rows(orgs, _set(0, notes_ja=""))  # line 2: English notes, no Japanese
    edit_rows(orgs, _set(2, admin1_ja=""))  # line 4
    edit_rows(orgs, _set(4, notes_ja="注記"))  # line 6: Khulna has no English notes
    targets = data_copy / TARGETS_FILE
    edit_rows(targets, _set(1, note_ja=""))  # line 3

    found = [(p.file, p.line, p.column, p.message) for p in validate_directory(data_copy).errors]

    assert (ORGANISATIONS_FILE, 2, "notes_ja", "notes has no Japanese text") in found
    assert (ORGANISATIONS_FILE, 4, "admin1_ja", "admin1 has no Japanese text") in found
    assert (ORGANISATIONS_FILE, 6, "notes", "notes_ja has no English counterpart") in found
    assert (TARGETS_FILE, 3, "note_ja", "note has no Japanese text") in found
    assert len(found) == 4


def test_every_user_facing_text_in_the_committed_data_has_japanese() -> None:
    orgs = pd.read_csv(DATA_DIR / ORGANISATIONS_FILE, keep_default_na=False, dtype=str)
    targets = pd.read_csv(DATA_DIR / TARGETS_FILE, keep_default_na=False, dtype=str)
    for frame, english, japanese in (
        (orgs, "notes", "notes_ja"),
        (orgs, "admin1", "admin1_ja"),
        (targets, "note", "note_ja"),
    ):
        assert ((frame[english] != "") == (frame[japanese] != "")).all(), english
        # Japanese text, not a copy of the English: every one holds kana or kanji.
        assert frame.loc[frame[japanese] != "", japanese].str.contains(r"[\u3040-\u30ff\u4e00-\u9fff]").all()


def test_a_current_none_found_row_needs_the_date_it_was_checked(data_copy: Path, edit_rows: EditRows) -> None:
    def blank_philippines(rows: list[dict[str, str]]) -> None:
        philippines = next(row for row in rows if row["entity"] == "PH")
        philippines.update(checked="")

    def bad_date(rows: list[dict[str, str]]) -> None:
        rows[0].update(checked="29 Nov 2026")  # line 2

    targets = data_copy / TARGETS_FILE
    edit_rows(targets, blank_philippines)
    edit_rows(targets, bad_date)
    lines = (data_copy / TARGETS_FILE).read_text(encoding="utf-8").splitlines()
    philippines_line = next(number for number, line in enumerate(lines, 1) if line.startswith("PH,"))

    found = _problems(data_copy)

    assert (TARGETS_FILE, philippines_line, "checked", "") in found
    assert (TARGETS_FILE, 2, "checked", "29 Nov 2026") in found
