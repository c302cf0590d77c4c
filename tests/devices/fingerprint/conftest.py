from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.fingerprint.simulator import FingerprintSimulator


@pytest.fixture
def fpsim(tmp_path: Path) -> Iterator[FingerprintSimulator]:
    sim = FingerprintSimulator(tmp_path / "fp", {"baud": 57600})
    sim.pace = False  # wire pacing is for the benchmark; tests need the protocol
    sim.start()
    yield sim
    sim.stop()


def settings(sim: FingerprintSimulator, **extra: object) -> dict[str, object]:
    return {"port": str(sim.port), "baud": 57600, "place_timeout": 1.0, "reply_timeout": 0.5, **extra}
