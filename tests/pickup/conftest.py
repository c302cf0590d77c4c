"""Fixtures of the pickup tests: the simulated locker wall and each database (from the locker
tests), and one reference platform per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.devices.locker.support import db_url, wall  # noqa: F401  (fixtures)
from tests.pickup.support import Platform


@pytest.fixture(scope="module")
def platform() -> Iterator[Platform]:
    p = Platform()
    yield p
    p.stop()
