"""Frozen windowed entry (``shenpian-gui``): the window only, no console."""

import sys

from main import main_gui

sys.exit(main_gui())
