"""Frozen console entry (``shenpian``): the CLI, or the window when no subcommand is given."""

import sys

from main import main

sys.exit(main())
