"""A kiosk process that opens one compartment and is killed by the test before the reply is written.

python -m tests.devices.locker.crash_child DB_URL SETTINGS_JSON load|release APPLICATION_NO
"""

from __future__ import annotations

import json
import sys

from devices.base import State
from hall.db import migrate, open_engine
from hall.lockers import DeviceBoards, Lockers
from tests.devices.locker.support import start_device


def main() -> None:
    url, settings_json, op, app = sys.argv[1:5]
    settings = json.loads(settings_json)
    engine = open_engine(url)
    migrate(engine)
    device = start_device(settings)
    assert device.status.state is State.OK
    lockers = Lockers(engine, DeviceBoards(device, timeout=60))
    print("ready", flush=True)
    if op == "load":
        lockers.load(app, "staff-07", number=int(sys.argv[5]))
    else:
        lockers.release(app)
    print("reply written", flush=True)  # the test kills us before this


if __name__ == "__main__":
    main()
