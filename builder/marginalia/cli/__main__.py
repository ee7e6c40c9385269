"""`python -m marginalia.cli`: the same command as `marginalia`."""

from __future__ import annotations

import sys

from marginalia.cli import main

sys.exit(main())
