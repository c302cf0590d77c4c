"""Shared pictures: the public-domain astronaut (scikit-image) on its own and in booth scenes."""

from __future__ import annotations

import numpy as np
import pytest

from devices.camera.detect import HaarDetector
from devices.camera.scene import Scene, astronaut, render


@pytest.fixture(scope="session")
def detector() -> HaarDetector:
    return HaarDetector()


@pytest.fixture(scope="session")
def portrait() -> np.ndarray:
    return astronaut().copy()


@pytest.fixture(scope="session")
def booth() -> np.ndarray:
    """The astronaut at the kiosk: centred, well lit, in front of the booth's light wall."""
    return render(Scene())
