"""What the user reads about each organisation, in English or Japanese, computed as columns for a whole frame.

The map's tooltip, the details panel and the table all read these columns, so an organisation is
described the same way everywhere. Every value here is plain text; whoever shows it treats it as text.
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

from signatories import vocab
from signatories.i18n import Lang, label, labels, template

# A `{name}` placeholder in a message template.
_PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")
# Sources are web pages, or files of this repository named by their data/ path.
WEB_LINK: Final = re.compile(r"^https?://\S+$")


def other_lang(lang: Lang) -> Lang:
    return "en" if lang == "ja" else "ja"


def format_columns(template: str, index: pd.Index, **columns: pd.Series) -> pd.Series:
    """`template.format(...)` applied row-wise, with a column for each placeholder, without a row loop."""
    result = pd.Series("", index=index, dtype="str")
    for position, piece in enumerate(_PLACEHOLDER.split(template)):
        # re.split with one group alternates literal text (even positions) and placeholder names (odd).
        result = result + (columns[piece].astype("str") if position % 2 else piece)
    return result


def localized_column(frame: pd.DataFrame, english: str, japanese: str, lang: Lang) -> pd.Series:
    """The Japanese column where it has text and Japanese is asked for, else the English one."""
    base = frame[english].fillna("").astype("str")
    if lang != "ja":
        return base
    translated = frame[japanese].fillna("").astype("str")
    return translated.where(translated != "", base)


def country_names(countries: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """ISO code → the country's name in `lang` (English where it has no Japanese name), in English alphabetical
    order whatever the language.

    The declaration lists its signatories' countries in that order, and Japanese names have no reliable
    sort without their readings (a code-point sort would put 日本 after every katakana name).
    """
    ordered = countries.sort_values("name_en", key=lambda names: names.str.casefold())
    names = localized_column(ordered, "name_en", "name_ja", lang)
    return dict(zip(ordered["code"], names, strict=True))


def target_years(frame: pd.DataFrame, lang: Lang) -> pd.Series:
    """ "by 2050", "before 2050", "2050年まで" ... or empty where there is no target year."""
    templates = frame["target_qualifier"].fillna("").map(labels("year_qualifier", lang)).fillna("")
    years = frame["target_year"].astype("Int64").astype("str").where(frame["target_year"].notna(), "")
    halves = templates.str.split("{year}", n=1, expand=True).reindex(columns=[0, 1]).fillna("")
    text = halves[0] + years + halves[1]
    return text.where(frame["target_year"].notna(), "")


def target_summaries(frame: pd.DataFrame, lang: Lang) -> pd.Series:
    """One line per organisation: kind and year of the effective target, or "No target found"."""
    kinds = frame["target_kind"].map(labels("target_kind", lang)).fillna(frame["target_kind"])
    # The raw template: its placeholders are filled per row by format_columns, not by t().
    summary = template("details.target_summary", lang)
    with_year = format_columns(summary, frame.index, kind=kinds, when=target_years(frame, lang))
    return with_year.where(frame["target_year"].notna(), label("basis", "none", lang))


def announced_companions(frame: pd.DataFrame, lang: Lang) -> pd.Series:
    """ "before 2050, 2024-11, Declaration / pledge": the newer, weaker announcement beside the effective target."""
    years = target_years(
        pd.DataFrame(
            {"target_year": frame["announced_year"], "target_qualifier": frame["announced_qualifier"]},
            index=frame.index,
        ),
        lang,
    )
    statuses = frame["announced_status"].fillna("").map(labels("status", lang)).fillna("")
    dates = frame["announced_date"].fillna("").astype("str")
    text = format_columns(
        template("details.announced_companion", lang), frame.index, when=years, date=dates, status=statuses
    )
    return text.where(frame["announced_year"].notna(), "")


def describe(frame: pd.DataFrame, countries: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The display columns of every organisation in `frame`, in `lang`, same index as `frame`."""
    other = other_lang(lang)
    names = country_names(countries, lang)
    source = frame["target_source_url"].fillna("").astype("str")
    companion_source = frame["announced_source_url"].fillna("").astype("str")
    return pd.DataFrame(
        {
            "id": frame["id"],
            "name": localized_column(frame, "name_en", "name_ja", lang),
            "name_other": localized_column(frame, "name_en", "name_ja", other),
            "short_name": frame["short_name"].fillna("").astype("str"),
            "type": frame["org_type"].map(labels("org_type", lang)).fillna(frame["org_type"]),
            "role": frame["role"].map(labels("role", lang)).fillna(frame["role"]),
            "country": frame["country"].map(names).fillna(frame["country"]),
            "seat": localized_column(frame, "seat", "seat_ja", lang),
            "admin1": localized_column(frame, "admin1", "admin1_ja", lang),
            "target": target_summaries(frame, lang),
            "status": frame["target_status"].fillna("").map(labels("status", lang)).fillna(""),
            "basis": frame["target_basis"].map(labels("basis", lang)).fillna(frame["target_basis"]),
            "target_note": localized_column(frame, "target_note", "target_note_ja", lang),
            "announced": announced_companions(frame, lang),
            "announced_link": companion_source.where(companion_source.str.match(WEB_LINK), ""),
            "precision": frame["coord_precision"].map(labels("coord_precision", lang)).fillna(""),
            "confidence": frame["confidence"].map(labels("confidence", lang)).fillna(""),
            "notes": localized_column(frame, "notes", "notes_ja", lang),
            # Only web addresses become links; a data/ path is shown as text.
            "source_link": source.where(source.str.match(WEB_LINK), ""),
            "source": source,
        },
        index=frame.index,
    )


def country_options(countries: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Country codes in region order, then by name, each labelled "Region · Country" so they group."""
    names = country_names(countries, lang)
    region_rank = {region: rank for rank, region in enumerate(vocab.REGIONS)}
    ordered = countries.assign(
        _rank=countries["region"].map(region_rank).fillna(len(region_rank)),
        _name=countries["code"].map(names),
    ).sort_values(["_rank", "_name"])
    return {
        code: f"{label('region', region, lang)} · {name}"
        for code, region, name in zip(ordered["code"], ordered["region"], ordered["_name"], strict=True)
    }
