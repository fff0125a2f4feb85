"""A synthetic data directory of N organisations that passes validation, for measuring the app at scale.

Each synthetic organisation sits a short way from a real signatory's seat, so it stays inside that
country's outline; the real targets and countries are kept as they are.
"""

import argparse
import random
import shutil
from pathlib import Path

import pandas as pd

from signatories.fileio import write_csv_atomic
from signatories.paths import DATA_DIR, ORGANISATIONS_FILE, TARGETS_FILE

# Far enough apart to be distinct points, near enough to stay on land around an inland or coastal seat.
JITTER_DEG = 0.01
SEED = 2023
# A "none found" row needs the date its search was made; a synthetic one was never made, so any fixed date.
SYNTHETIC_CHECKED = "2023-11-15"


def make_synthetic_data(target_dir: Path, count: int, seed: int = SEED) -> Path:
    """Copy the committed data to `target_dir` and replace the organisations with `count` synthetic ones."""
    shutil.copytree(
        DATA_DIR, target_dir, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    real = pd.read_csv(DATA_DIR / ORGANISATIONS_FILE, dtype=str, keep_default_na=False)
    generator = random.Random(seed)
    rows = []
    for number in range(count):
        base = real.iloc[number % len(real)].to_dict()
        country = base["country"].lower()
        rows.append(
            {
                **base,
                "id": f"{country}-synthetic-{number:05d}",
                "name_en": f"{base['name_en']} #{number}",
                "short_name": f"{base['short_name']} #{number}",
                "name_ja": f"{base['name_ja']}（{number}）",
                "role": "participant" if number >= 2 else base["role"],
                "lat": f"{float(base['lat']) + generator.uniform(-JITTER_DEG, JITTER_DEG):.5f}",
                "lon": f"{float(base['lon']) + generator.uniform(-JITTER_DEG, JITTER_DEG):.5f}",
                "coord_source": "manual",
            }
        )
    organisations = pd.DataFrame(rows, columns=real.columns)
    write_csv_atomic(organisations, target_dir / ORGANISATIONS_FILE)

    targets = pd.read_csv(DATA_DIR / TARGETS_FILE, dtype=str, keep_default_na=False)
    national = targets[targets["scope"] == "national"]
    own = pd.DataFrame(
        {
            "entity": organisations["id"],
            "scope": "organisation",
            "target_year": "",
            "year_qualifier": "",
            "target_kind": "none_found",
            "status": "",
            "conditional": "false",
            "announced": "",
            "checked": SYNTHETIC_CHECKED,
            "current": "true",
            "source_url": "",
            "confidence": "low",
            "note": "synthetic",
            "note_ja": "合成データ",
        }
    )
    write_csv_atomic(pd.concat([national, own], ignore_index=True), target_dir / TARGETS_FILE)
    return target_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    print(make_synthetic_data(args.directory, args.count))


if __name__ == "__main__":
    main()
