"""Where the committed data lives; every path is relative to a data directory that callers may override."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
# Files `streamlit run` serves at app/static/ (server.enableStaticServing): the live map's basemap.
STATIC_DIR = PROJECT_ROOT / "static"

ORGANISATIONS_FILE = "organisations.csv"
TARGETS_FILE = "targets.csv"
COUNTRIES_FILE = "countries.csv"
BORDERS_FILE = "countries.geojson"
GEOCODE_CACHE_FILE = "geocode_cache.csv"
DECLARATION_FILE = "yokohama-declaration-2023.ja.txt"
