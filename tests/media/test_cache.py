from __future__ import annotations

import numpy as np

from reviewer.media.cache import FrameCache
from reviewer.media.frame import Picture


def pic() -> Picture:
    return Picture(np.zeros((6, 4), np.uint8), 4, 4, 0, True)  # 24 bytes


def test_evicts_farthest_from_the_viewer_keeping_history_first():
    cache = FrameCache(cap_bytes=24 * 5)
    for i in range(10, 15):
        cache.put("a", i, pic())
    cache.focus("a", 12)
    cache.put("a", 16, pic())  # the frame just decoded stays; 14 (2.5 ahead) beats 10 (2 behind)
    assert sorted(k[1] for k in cache._frames) == [10, 11, 12, 13, 16]
    cache.put("a", 9, pic())  # now 16 is farthest
    assert sorted(k[1] for k in cache._frames) == [9, 10, 11, 12, 13]
    cache.focus("a", 11)
    cache.put("a", 14, pic())  # 9 is 2 behind, 13 is 2.5 ahead: the future goes first
    assert sorted(k[1] for k in cache._frames) == [9, 10, 11, 12, 14]
    assert cache.used_bytes <= cache.cap_bytes


def test_frames_of_another_file_go_first():
    cache = FrameCache(cap_bytes=24 * 3)
    cache.put("b", 0, pic())
    for i in range(3):
        cache.put("a", i, pic())
    cache.focus("a", 1)
    cache.put("a", 3, pic())
    assert ("b", 0) not in cache
