"""A pickup kiosk killed by the test between "open sent" and "pickup recorded".

python -m tests.pickup.crash_child DB_URL SETTINGS_JSON PLATFORM_URL APPLICATION_NO
"""

from __future__ import annotations

import json
import sys

from backends.platform.client import PlatformClient
from hall.db import migrate, open_engine
from hall.lockers import DeviceBoards, Lockers
from hall.lockers.handover import Handover
from tests.devices.locker.support import start_device


def main() -> None:
    url, settings_json, platform_url, acc = sys.argv[1:5]
    engine = open_engine(url)
    migrate(engine)
    device = start_device(json.loads(settings_json))
    handover = Handover(Lockers(engine, DeviceBoards(device, timeout=60)), PlatformClient(platform_url))
    print("ready", flush=True)
    handover.collect(acc, "qr")
    print("reply written", flush=True)  # the test kills us before this


if __name__ == "__main__":
    main()
