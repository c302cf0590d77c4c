"""Reference servers, databases and a wired saga for the backend and journal tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import cv2

from backends import simulate
from backends.payment.client import PaymentClient
from backends.platform.client import PlatformClient
from backends.simulate import Simulated
from devices.camera.scene import Scene, render
from hall.db import migrate, open_engine
from hall.journal import Journal
from hall.saga import PaidApplication
from tests.databases import empty_database

WANG = "360426199101010071"  # eligible, registry photo = the simulated camera's face
AUTH = "134567890123456789"  # a payment code as a scanner reads it


def live_jpeg(faces: int = 1) -> bytes:
    return cv2.imencode(".jpg", render(Scene(faces=faces)))[1].tobytes()


@contextmanager
def servers() -> Iterator[Simulated]:
    s = simulate.start()
    try:
        yield s
    finally:
        s.stop()


@contextmanager
def db_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """An empty database; PostgreSQL gets a schema of its own, dropped afterwards."""
    with empty_database(kind, tmp_path, "journal_test") as url:
        yield url


def wire(
    url: str,
    platform_url: str,
    payment_url: str,
    timeout: float = 5.0,
    on_point: Callable[[str], None] | None = None,
) -> PaidApplication:
    engine = open_engine(url)
    migrate(engine)
    journal = Journal(engine, "K01", on_point=on_point)
    platform = PlatformClient(platform_url, timeout=timeout, backoff=0.01)
    gateway = PaymentClient(payment_url, timeout=timeout, backoff=0.01)
    return PaidApplication(journal, platform, gateway)


Servers = Simulated
