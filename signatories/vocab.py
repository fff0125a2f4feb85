"""Controlled vocabularies of the data files: every allowed value named once."""

from typing import Final

# Kinds of signatory body. Local bodies govern a place; national bodies act for a whole country.
ORG_TYPES: Final = (
    "city",
    "province_state",
    "national_ministry",
    "national_agency",
    "national_cabinet",
    "public_utility",
    "development_fund",
    "company",
)
LOCAL_ORG_TYPES: Final = frozenset({"city", "province_state", "development_fund"})
NATIONAL_ORG_TYPES: Final = frozenset({"national_ministry", "national_agency", "national_cabinet"})
# Utilities and companies are neither a local nor a national government; they count as "other".

ROLES: Final = ("proposer", "participant")

# Coordinate precision, best first: a worse one never overwrites a better one.
COORD_PRECISIONS: Final = ("address", "district", "city", "region")
# coord_source is one of these, or "geonames:<geonameid>".
COORD_SOURCES: Final = ("cache", "nominatim", "manual")
COORD_SOURCE_GEONAMES_PREFIX: Final = "geonames:"

CONFIDENCES: Final = ("high", "medium", "low")

REGIONS: Final = ("east_asia", "southeast_asia", "south_asia", "central_asia", "caucasus", "pacific")

TARGET_SCOPES: Final = ("organisation", "national")
TARGET_KINDS: Final = (
    "carbon_neutrality",
    "net_zero_ghg",
    "net_zero_emissions",
    "climate_neutrality",
    "none_found",
)
NO_TARGET_KIND: Final = "none_found"
# Net Zero Tracker's status vocabulary.
TARGET_STATUSES: Final = ("in_law", "in_policy_document", "declaration_pledge", "proposed")
YEAR_QUALIFIERS: Final = ("", "before", "or_sooner")
TARGET_YEAR_MIN: Final = 2020
TARGET_YEAR_MAX: Final = 2100

# How an organisation's effective target was found.
TARGET_BASES: Final = ("own", "national", "none")
