"""The signatories of the Yokohama Declaration (12th Asia Smart City Conference, 15 November 2023)."""

from signatories.dataset import Dataset, load_dataset

__all__ = ["Dataset", "load_dataset"]
