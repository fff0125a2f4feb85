"""Expected explorer figures computed straight from the committed CSV files with plain pandas.

Nothing here imports the package under test: the effective target year of each organisation is
derived again from targets.csv (an organisation's own current dated target of the strongest status,
the newest among equals, else its country's, as CONTRIBUTING.md states the rule), so a filter or count that drifts from the data cannot agree with these by construction.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "data"
STATUS_ORDER = ["in_law", "in_policy_document", "declaration_pledge", "proposed"]
LOCAL_TYPES = {"city", "province_state", "development_fund"}
NATIONAL_TYPES = {"national_ministry", "national_agency", "national_cabinet"}


def read_organisations(data_dir: Path = DATA) -> pd.DataFrame:
    """organisations.csv with each organisation's effective target year and basis added."""
    organisations = pd.read_csv(
        data_dir / "organisations.csv", keep_default_na=False, na_values={"lat": [""], "lon": [""]}
    )
    targets = pd.read_csv(data_dir / "targets.csv", keep_default_na=False, dtype=str)
    countries = pd.read_csv(data_dir / "countries.csv", keep_default_na=False)
    dated = targets[(targets["current"] == "true") & (targets["target_year"] != "")]
    ordered = dated.assign(
        year=dated["target_year"].astype(int), rank=dated["status"].map(STATUS_ORDER.index)
    ).sort_values(["rank", "announced", "year"], ascending=[True, False, True])
    effective = ordered.groupby("entity")["year"].first()
    own = organisations["id"].map(effective)
    national = organisations["country"].map(effective)
    organisations["year"] = own.fillna(national)
    organisations["basis"] = np.where(own.notna(), "own", np.where(national.notna(), "national", "none"))
    names = countries.set_index("code")
    organisations["country_en"] = organisations["country"].map(names["name_en"])
    organisations["country_ja"] = organisations["country"].map(names["name_ja"])
    return organisations


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["id"])


def headline(frame: pd.DataFrame) -> dict[str, object]:
    """The five figures the explorer shows for a set of organisations."""
    years = frame["year"]
    count = len(frame)
    return {
        "organisations": count,
        "countries": frame["country"].nunique(),
        "local": int(frame["org_type"].isin(LOCAL_TYPES).sum()),
        "national": int(frame["org_type"].isin(NATIONAL_TYPES).sum()),
        "by_2050": int((years <= 2050).sum()),
        "share": None if count == 0 else int((years <= 2050).sum()) / count,
    }
