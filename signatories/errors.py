"""The project's one exception root; third-party errors are translated into these at their boundary."""


class SignatoriesError(Exception):
    """Root of every error this package raises on purpose."""


class DataError(SignatoriesError):
    """A data file is missing, unreadable or fails validation."""


class GeocodingError(SignatoriesError):
    """A geocoder could not answer (timeout, rate limit, server error, malformed reply)."""
