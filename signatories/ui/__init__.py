"""The Streamlit layer: widgets, URL state and panels. The only package code that imports streamlit."""
