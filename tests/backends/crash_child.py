"""A kiosk process walking one paid application; it SIGKILLs itself at the named journal point.

argv: db_url platform_url payment_url crash_point scenario: ok (paid and submitted), refund
(the platform refuses "paid": refunded), abandon (the citizen never confirms: reversed)"""

from __future__ import annotations

import os
import signal
import sys

from backends.payment.api import Mode
from backends.platform.api import Kind
from tests.backends.support import AUTH, WANG, live_jpeg, wire


def main() -> None:
    url, platform_url, payment_url, point, scenario = sys.argv[1:6]

    def on_point(name: str) -> None:
        if name == point:
            os.kill(os.getpid(), signal.SIGKILL)

    saga = wire(url, platform_url, payment_url, on_point=on_point)
    case = saga.open(WANG, Kind.REISSUE_LOST)
    saga.platform.attach_photo(case.acceptance_no, live_jpeg())
    if scenario == "ok":  # without fingerprints the platform refuses "paid": the refund path
        saga.platform.attach_fingerprints(case.acceptance_no, {"R1": b"template"})
    if scenario == "abandon":
        order = saga.pay_and_wait(case, AUTH, wait=0.3, every=0.1)
    else:
        order = saga.pay(case, Mode.MICROPAY, AUTH)
    print("order", order.state, flush=True)
    outcome = saga.settle(case.saga, citizen_gone=scenario == "abandon")
    print("outcome", outcome.state, flush=True)


if __name__ == "__main__":
    main()
