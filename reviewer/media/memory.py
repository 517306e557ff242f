"""Keep freed frame buffers from piling up in the process (Linux/glibc only).

glibc raises its mmap threshold each time a large block is freed, so after
a while the 3 MB frame copies come from the heap, and the heap does not give
them back: peak RSS with a full 320 MB cache measured 588–716 MB. A fixed
threshold keeps every frame-sized block in its own mapping, returned on
free (measured 499–503 MB). Windows and macOS allocators already do this.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

_M_MMAP_THRESHOLD = -3
_THRESHOLD = 1024 * 1024  # below one 480p frame; above ordinary Python objects


@functools.cache
def tune_allocator() -> bool:
    """Fix glibc's mmap threshold once; True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
    except (OSError, AttributeError):  # musl and others: nothing to tune
        return False
