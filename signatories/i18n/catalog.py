"""Every interface message in English and Japanese, gathered from one catalog module per area of the app."""

from typing import Final

from signatories.i18n import messages_common, messages_explorer, messages_pages

Messages = dict[str, dict[str, str]]


def _merge(*catalogs: Messages) -> Messages:
    merged: Messages = {}
    for catalog in catalogs:
        clash = merged.keys() & catalog.keys()
        if clash:
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        merged.update(catalog)
    return merged


MESSAGES: Final[Messages] = _merge(
    messages_common.MESSAGES,
    messages_pages.MESSAGES,
    messages_explorer.MESSAGES,
)
