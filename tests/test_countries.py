"""The country table: ISO codes, modern Japanese names, a region for each of the 20 countries."""

import gettext

import pycountry

from signatories import load_dataset


def test_twenty_countries_each_known_to_iso_and_with_a_region() -> None:
    countries = load_dataset().countries
    assert len(countries) == 20
    assert all(pycountry.countries.get(alpha_2=code) for code in countries["code"])
    assert countries["region"].notna().all()


def test_every_organisation_country_is_in_the_table() -> None:
    dataset = load_dataset()
    assert set(dataset.organisations["country"]) == set(dataset.countries["code"])


def test_japanese_names_use_modern_usage_where_iso_translations_are_outdated() -> None:
    names = load_dataset().countries.set_index("code")["name_ja"]
    iso_ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    # The ISO translation still says グルジア and キルギスタン; Japan's government changed both.
    georgia = pycountry.countries.get(alpha_2="GE")
    assert georgia is not None
    assert iso_ja.gettext(georgia.name) != "ジョージア"
    assert names["GE"] == "ジョージア"
    assert names["KG"] == "キルギス"
    assert names["LA"] == "ラオス"
    assert names["MN"] == "モンゴル"
