"""The soak in CI: a few hundred random sessions of every journey with random device faults.

SOAK_SESSIONS sets the number (300 here; `make soak` runs 10,000 and prints its figures);
SOAK_SEED replays a run. Fails on a crash, a hang, a leftover session folder, leaked threads or
fds, or RSS clearly growing faster than 1 MB per 1,000 sessions after warm-up.
"""

from __future__ import annotations

import os
import threading

import pytest

from flows.runtime import FlowContext, FlowGen, FlowSpec
from flows.views import Work
from tests.soak.harness import Soak, SoakFailure, seed_from_env


@pytest.mark.timeout(900)  # the soak's own watchdog fails a hung step long before this
def test_every_journey_survives_random_sessions_and_device_faults(tmp_path):
    seed = seed_from_env()
    soak = Soak(tmp_path, int(os.environ.get("SOAK_SESSIONS", "300")), seed)
    report = soak.run()
    summary = "\n".join(report.lines())
    print(summary)
    assert not report.problems, summary + "\n\n" + "\n\n".join(report.problems)
    # every journey was walked and faults of several kinds were met
    assert set(report.journeys) >= set(report.walkable), summary
    assert len(report.faults) >= 5, summary


def test_a_step_that_hangs_fails_the_soak_with_every_threads_stack(tmp_path):
    release = threading.Event()

    def stuck_in_a_device_call(ctx: FlowContext) -> FlowGen:
        yield Work(lambda: release.wait(60))

    spec = FlowSpec("stuck", "stuck", "", stuck_in_a_device_call)
    soak = Soak(tmp_path, 1, 1, step_timeout=2, journeys=["stuck"], extra_journeys={"stuck": spec})
    try:
        with pytest.raises(SoakFailure) as failed:
            soak.run()
    finally:
        release.set()
        soak.thread.join(30)
    message = str(failed.value)
    assert message.startswith("hang: no progress for 2 s while session 1: stuck")
    assert "release.wait(60)" in message and "--- thread device-printer" in message
