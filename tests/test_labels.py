"""Country names: one mapping serves the sidebar, the tables, the coverage sentences and the display screen."""

import pandas as pd

from signatories.labels import country_names
from signatories.paths import DATA_DIR
from tests.conftest import read_rows


def test_names_follow_english_alphabetical_order_in_both_languages() -> None:
    countries = pd.DataFrame(
        {
            "code": ["JP", "AM", "bt", "PH"],
            "name_en": ["Japan", "Armenia", "bhutan", "Philippines"],
            "name_ja": ["日本", "アルメニア", "ブータン", "フィリピン"],
        }
    )
    # Case is ignored: "bhutan" sorts between Armenia and Japan.
    assert list(country_names(countries, "en").items()) == [
        ("AM", "Armenia"),
        ("bt", "bhutan"),
        ("JP", "Japan"),
        ("PH", "Philippines"),
    ]
    assert list(country_names(countries, "ja").items()) == [
        ("AM", "アルメニア"),
        ("bt", "ブータン"),
        ("JP", "日本"),
        ("PH", "フィリピン"),
    ]


def test_a_country_without_a_japanese_name_keeps_its_english_one() -> None:
    countries = pd.DataFrame(
        {"code": ["WS", "TO"], "name_en": ["Samoa", "Tonga"], "name_ja": ["サモア", None]}
    )
    assert country_names(countries, "ja") == {"WS": "サモア", "TO": "Tonga"}


def test_every_committed_country_is_named() -> None:
    rows = read_rows(DATA_DIR / "countries.csv")
    countries = pd.read_csv(DATA_DIR / "countries.csv", dtype="str", keep_default_na=False)
    japanese = country_names(countries, "ja")
    assert japanese == {row["code"]: row["name_ja"] or row["name_en"] for row in rows}
    assert list(country_names(countries, "en").values()) == sorted(
        (row["name_en"] for row in rows), key=str.casefold
    )
