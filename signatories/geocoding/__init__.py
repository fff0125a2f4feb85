"""Geocoding pipeline: seat, admin1 and country -> coordinates with provenance.

base (the Geocoder interface), gazetteer (offline, GeoNames) and admin1 (its reviewed province table),
nominatim (online, geopy), cache (data/geocode_cache.csv), chain (their composition), pipeline (the
organisations table), cli (`python -m signatories geocode`). Nothing here is imported eagerly: the dashboard
can import attribution without pulling in geopy or the GeoNames data.
"""
