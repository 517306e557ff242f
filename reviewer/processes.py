"""How the app starts other programs (ffmpeg): argument lists, and no console window.

The installed window (shenpian-gui.exe) has no console; Windows would open one for every
console program it starts. Every subprocess call in reviewer/ and ui/ passes ``NO_CONSOLE``
(tests/test_packaging.py checks).
"""

from __future__ import annotations

import subprocess
import sys

NO_CONSOLE: dict[str, int] = (
    {"creationflags": subprocess.CREATE_NO_WINDOW} if sys.platform == "win32" else {}
)
