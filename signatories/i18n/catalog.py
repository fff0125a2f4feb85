"""Every interface message in English and Japanese, gathered from one catalog module per key prefix.

The rule: a key `X.…` lives in `messages_X.py` (`filters.url.bad_year` in `messages_filters.py`). The merge
below checks it when the package is imported, so a message cannot hide in a module a reader would not open.
"""

from types import ModuleType
from typing import Final

from signatories.i18n import (
    messages_about,
    messages_app,
    messages_coverage,
    messages_data,
    messages_details,
    messages_display,
    messages_explorer,
    messages_export,
    messages_filters,
    messages_map,
    messages_share,
)

Messages = dict[str, dict[str, str]]

CATALOG_MODULES: Final[tuple[ModuleType, ...]] = (
    messages_app,
    messages_explorer,
    messages_filters,
    messages_map,
    messages_share,
    messages_details,
    messages_coverage,
    messages_data,
    messages_display,
    messages_about,
    messages_export,
)


def key_prefix(module: ModuleType) -> str:
    """The key prefix a catalog module holds, read from its name: `messages_map` holds `map.…`."""
    return module.__name__.rsplit(".", 1)[-1].removeprefix("messages_")


def merge_catalogs(modules: tuple[ModuleType, ...]) -> Messages:
    """The modules' messages in one mapping; a key outside its module's prefix is an error."""
    # One prefix per module, so no key can be defined twice (ruff's F601 catches a key repeated in one module).
    merged: Messages = {}
    for module in modules:
        catalog: Messages = module.MESSAGES
        prefix = key_prefix(module)
        strays = sorted(key for key in catalog if key.split(".", 1)[0] != prefix)
        if strays:
            raise ValueError(
                f"{module.__name__} may hold only keys starting with '{prefix}.': found {strays}"
            )
        merged.update(catalog)
    return merged


MESSAGES: Final[Messages] = merge_catalogs(CATALOG_MODULES)
