"""Allow ``python -m spoor2``."""

import sys

from spoor2.cli import main

sys.exit(main())
