"""A kiosk process walking the loss reissue that SIGKILLs itself just before the named step.

argv: tmp_dir db_url platform_url payment_url step (a number from 0; -1: walk to the end and
print every step's name, for the test to check its list against)"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from tests.flows.reissue_walk import simulated_kiosk, step_name, walk


def main() -> None:
    tmp, url, platform_url, payment_url, at = sys.argv[1:6]
    kiosk = simulated_kiosk(Path(tmp), platform_url, payment_url, url, wire_speed=False)

    def on_step(n: int, step: Any, phase: str) -> None:
        if phase == "before":
            print(n, step_name(step), flush=True)
            if n == int(at):
                os.kill(os.getpid(), signal.SIGKILL)

    t = walk(kiosk, on_step)
    print("outcome", t.outcome, flush=True)
    if int(at) >= 0:  # the step never came: the test's list is out of date
        sys.exit(3)
    kiosk.stop()


if __name__ == "__main__":
    main()
