"""Lets ``python -m tui_reader`` run the ``newsreader`` command."""

import sys

from tui_reader.cli import main

sys.exit(main())
