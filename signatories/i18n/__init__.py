"""English and Japanese text for all the user reads; data text is picked here, never rendered as HTML."""

from collections.abc import Mapping
from typing import Final, Literal

from signatories.i18n.catalog import MESSAGES
from signatories.i18n.vocabulary import VOCABULARY

Lang = Literal["en", "ja"]
LANGUAGES: Final[tuple[Lang, ...]] = ("en", "ja")
DEFAULT_LANG: Final[Lang] = "en"
LANGUAGE_NAMES: Final[Mapping[Lang, str]] = {"en": "English", "ja": "日本語"}


def as_lang(value: str | None) -> Lang:
    """A supported language code, or the default for anything else."""
    return "ja" if value == "ja" else DEFAULT_LANG


def t(key: str, lang: Lang, **values: object) -> str:
    """The message `key` in `lang`, formatted with `values`; a missing key is a programming error."""
    return template(key, lang).format(**values)


def template(key: str, lang: Lang) -> str:
    """The message `key` in `lang` with its `{placeholders}` left in, for callers that fill them per row."""
    return MESSAGES[key][lang]


def has_message(key: str) -> bool:
    """Whether the catalog holds `key`: for optional variants such as a sentence's singular `.one` form."""
    return key in MESSAGES


def label(group: str, value: str, lang: Lang) -> str:
    """The user-facing name of a vocabulary value (an organisation type, a status, a region ...)."""
    entry = VOCABULARY[group].get(value)
    return entry[lang] if entry else value


def labels(group: str, lang: Lang) -> dict[str, str]:
    """Every value of a vocabulary group with its name, in the vocabulary's order."""
    return {value: names[lang] for value, names in VOCABULARY[group].items()}


def localized(row: Mapping[str, object], field: str, lang: Lang) -> str:
    """A data field in the chosen language: `name_ja` for Japanese when present, else the English field."""
    if lang == "ja":
        japanese = row.get(f"{field}_ja")
        if isinstance(japanese, str) and japanese:
            return japanese
    english = row.get(f"{field}_en", row.get(field, ""))
    return str(english) if english is not None else ""
