"""Simulate mode starts clean: no device reported offline (and no staff alert) while its
simulator is still getting ready."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

import devices.camera.simulator as camera_sim
from devices.base import State
from devices.camera.scene import Scene
from tests.ui.conftest import simulated_kiosk


def test_a_slow_first_camera_frame_raises_no_offline_alert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = camera_sim.render

    def slow_render(scene: Scene) -> np.ndarray:
        time.sleep(5)  # a loaded machine: the first frame takes longer than the driver's open timeout
        return render(scene)

    monkeypatch.setattr(camera_sim, "render", slow_render)
    kiosk = simulated_kiosk(tmp_path, ["photo"])
    try:
        camera = kiosk.devices["camera"]
        assert camera.wait_until(lambda s: s.state is State.OK, 60), camera.status
        seen = [(a.source, a.code) for a in kiosk.alerts.recent()]
        assert not [s for s in seen if s[0] == "camera"], seen
        assert camera.reconnects == 0
    finally:
        kiosk.stop()
