"""Reference servers, databases and a wired saga for the backend and journal tests."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import cv2
import sqlalchemy as sa

from backends import simulate
from backends.payment.client import PaymentClient
from backends.platform.client import PlatformClient
from backends.simulate import Simulated
from devices.camera.scene import Scene, render
from hall.db import migrate, open_engine, sqlite_url
from hall.journal import Journal
from hall.saga import PaidApplication
from tests.conftest import PG_URL

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
    if kind == "sqlite":
        yield sqlite_url(tmp_path / "hall.db")
        return
    schema = f"journal_test_{uuid.uuid4().hex[:12]}"
    admin = open_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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
