"""``python -m ikm_data``: the command line."""

import sys

from ikm_data.cli import main

sys.exit(main())
