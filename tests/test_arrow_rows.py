"""The explorer table's rows as Arrow: the browser must receive the bytes st.dataframe makes of the pandas rows."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from streamlit import dataframe_util

from signatories import load_dataset
from signatories.dataset import Dataset
from signatories.filters import Filters, apply_filters
from signatories.i18n import Lang
from signatories.labels import describe
from signatories.ui.arrow_rows import ArrowRows
from signatories.ui.explorer import TABLE_COLUMNS


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def sent(rows: pa.Table | pd.DataFrame) -> bytes:
    """What st.dataframe puts in its message for `rows` (elements/arrow.py: a table as it is, a frame converted)."""
    if isinstance(rows, pa.Table):
        return dataframe_util.convert_arrow_table_to_arrow_bytes(rows)
    return dataframe_util.convert_pandas_df_to_arrow_bytes(rows)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),  # every row: the frame's range index
        Filters(query="city"),  # scattered rows
        Filters(query="japan"),  # one row: a range of its own
        Filters(countries=("PH",)),
        Filters(countries=("TH", "GE"), query="city"),
        Filters(query="no such place"),
    ],
)
def test_rows_are_sent_as_the_pandas_rows_would_be(dataset: Dataset, lang: Lang, filters: Filters) -> None:
    text = describe(dataset.organisations, dataset.countries, lang)[list(TABLE_COLUMNS)]
    frame = apply_filters(dataset.organisations, filters, countries=dataset.countries)
    rows = ArrowRows.of(text).rows(frame.index)
    assert sent(rows) == sent(text.loc[frame.index])


def test_rows_keep_the_order_asked_for(dataset: Dataset) -> None:
    text = describe(dataset.organisations, dataset.countries, "en")[list(TABLE_COLUMNS)]
    labels = pd.Index([7, 3, 30])
    rows = ArrowRows.of(text).rows(labels)
    assert isinstance(rows, pa.Table)
    assert rows.column("name").to_pylist() == [text.loc[label, "name"] for label in labels]


def test_a_frame_with_gaps_in_its_index_is_sent_whole_as_pandas_would(dataset: Dataset) -> None:
    # Organisations left out of the dataset leave gaps in the index: no range, so the labels are a column.
    text = describe(dataset.organisations, dataset.countries, "en")[list(TABLE_COLUMNS)].iloc[::2]
    assert sent(ArrowRows.of(text).rows(text.index)) == sent(text)
