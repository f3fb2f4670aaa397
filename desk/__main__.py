"""``python -m desk``: the terminal commands only (no application window)."""

import sys

from desk.cli import main

sys.exit(main())
