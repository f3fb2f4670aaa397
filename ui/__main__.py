"""``python -m ui``: the same as the ``desk`` command."""

import sys

from ui.entry import main

sys.exit(main())
