"""What the editor is shown of a package's tags: frame numbers for times.

Text from another laptop is shown through ``reviewer.text.shown``.
"""

from __future__ import annotations

from collections.abc import Mapping


def frame_index(ms: int, info: Mapping[str, object]) -> tuple[int, bool] | None:
    """The display index of the frame at ``ms`` (from the first frame), and whether it is exact.

    Tags hold times from decoded timestamps, never frame numbers; this is
    only for showing them. Constant-rate footage has frame ``round(ms * fps)``
    exactly (a tag's time is the start of a frame); for variable-rate
    footage the average rate gives an approximation, marked as such. None
    when the footage's rate is unknown (footage never probed here).
    """
    fps = info.get("average_fps") or info.get("nominal_fps")
    if not isinstance(fps, int | float) or isinstance(fps, bool) or not 0 < fps < 10_000:
        return None
    return round(ms * fps / 1000), not info.get("is_vfr", False)
