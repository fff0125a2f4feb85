"""OpenStreetMap attribution for coordinates that came from Nominatim.

Kept apart from nominatim.py so that a page showing the data can import it without importing geopy.
OSM's licence (ODbL) asks for the credit wherever results are shown: the geocode command prints it, and a view
that shows coordinates whose coord_source is "nominatim" should show it too.
"""

from collections.abc import Iterable

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
ATTRIBUTION = (
    f"Coordinates from Nominatim: {OSM_ATTRIBUTION}, ODbL 1.0 (https://www.openstreetmap.org/copyright)"
)
NOMINATIM_SOURCE = "nominatim"


def needs_osm_attribution(coord_sources: Iterable[str]) -> bool:
    """True when any shown coordinate came from Nominatim (directly, or replayed from the cache)."""
    return any(source == NOMINATIM_SOURCE for source in coord_sources)
