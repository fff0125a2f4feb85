"""The baseline for the first-map benchmark: a plain st.pydeck_chart of the same points, nothing else.

Markers take the theme's colours and pixel radius, so "drawn" is detected the same way in both apps.
"""

import pandas as pd
import pydeck as pdk
import streamlit as st

from signatories import load_dataset, theme
from signatories.map.deck import PIXELS, rgba
from signatories.ui.cache import data_dir


# Cached like any app would: a rerun of the baseline is Streamlit and pydeck, not reading the CSV files.
@st.cache_data
def load_points(directory: str) -> pd.DataFrame:
    organisations = load_dataset(directory).organisations.dropna(subset=["lat", "lon"])
    return organisations[["lon", "lat"]].assign(
        colour=organisations["org_type"].map(lambda kind: rgba(theme.ORG_TYPE_COLOURS[kind]))
    )


points = load_points(str(data_dir()))
layer = pdk.Layer(
    "ScatterplotLayer",
    points,
    id="points",
    get_position="[lon, lat]",
    get_fill_color="colour",
    get_radius=theme.MARKER_RADIUS_PX,
    radius_units=PIXELS,
)
view = pdk.ViewState(**theme.REGION_VIEW)
st.pydeck_chart(
    pdk.Deck(layers=[layer], initial_view_state=view, map_provider=None), height=theme.MAP_HEIGHT_PX
)
