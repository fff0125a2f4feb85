"""`python -m signatories.geocoding ...`: the geocode command on its own, same options as
`python -m signatories geocode ...`."""

import sys

from signatories.geocoding.cli import main

sys.exit(main())
