"""Whether a window can be opened at all (the GUI and ``present`` ask before importing Qt).

Qt aborts the process (exit 134) when Linux has no display; the callers say so in one
line instead.
"""

from __future__ import annotations

import os
import sys


def no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
