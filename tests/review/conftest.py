from __future__ import annotations

import pytest

from tests import review_footage


@pytest.fixture(scope="session")
def day(tmp_path_factory) -> review_footage.Truth:
    """A body camera's day in 18 s: dark, frozen, a cut, a voice-band burst (known times)."""
    return review_footage.write(review_footage.Plan(), tmp_path_factory.mktemp("day") / "巡查_一天.mp4")


from tests.merge.conftest import office, template  # noqa: E402, F401 - the merge tests' laptops
