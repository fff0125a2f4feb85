"""A table's rows for `st.dataframe` as Arrow, taken from one conversion made once instead of one per rerun.

`st.dataframe` turns a pandas frame into Arrow on every call (1.2 ms for the explorer's 45 rows, more than
the rest of the table); a `pyarrow.Table` it sends as it is. `ArrowRows` converts the whole table once,
the way pandas does (`pyarrow.Table.from_pandas`), and hands out the rows a selection keeps with the index
pandas would write for them, so the browser receives the very bytes the pandas frame would have given:

- a selection of scattered rows: pandas writes their index labels as a column, so the rows are taken from
  a conversion that keeps the index as a column;
- every row, when the frame's index is a range: pandas writes the range as metadata, as the whole
  conversion did;
- any other range (one row, a run of neighbours): its metadata would name its own bounds, so that
  selection is left to pandas.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa


@dataclass(frozen=True, eq=False)
class ArrowRows:
    frame: pd.DataFrame
    whole: pa.Table  # pyarrow.Table.from_pandas(frame), as st.dataframe converts a frame
    indexed: pa.Table  # the same with the index as a column, whatever its kind

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ArrowRows:
        return cls(frame, pa.Table.from_pandas(frame), pa.Table.from_pandas(frame, preserve_index=True))

    def rows(self, labels: pd.Index) -> pa.Table | pd.DataFrame:
        """The rows of `labels` (index labels of `frame`, in the order given), for `st.dataframe`."""
        if not isinstance(labels, pd.RangeIndex):
            return self.indexed.take(self.frame.index.get_indexer(labels))
        if labels.equals(self.frame.index) and isinstance(self.frame.index, pd.RangeIndex):
            return self.whole
        return self.frame.loc[labels]
