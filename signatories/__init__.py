"""The signatories of the Yokohama Declaration (12th Asia Smart City Conference, 15 November 2023)."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from signatories.dataset import Dataset, load_dataset

__all__ = ["Dataset", "load_dataset"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the geocoding command and other tools import submodules without paying for
    # pandera and the whole dataset stack.
    if name in __all__:
        from signatories import dataset

        return getattr(dataset, name)
    raise AttributeError(f"module 'signatories' has no attribute {name!r}")
