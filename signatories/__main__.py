"""`python -m signatories ...`: the command-line interface."""

import sys

from signatories.cli import main

sys.exit(main())
