"""Building a ready QueueStore from the app's configuration sections."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from core.clock import Clock
from core.text import tr
from hall.db import open_engine, sqlite_url
from hall.queue.errors import QueueKeyError
from hall.queue.identity import load_or_create_key
from hall.queue.services import parse_settings
from hall.queue.store import QueueStore


def database_url(config: Mapping[str, Mapping[str, Any]], resolve: Callable[[str], Path] = Path) -> str:
    """[db] url, or the SQLite file in data_dir when it is empty."""
    url = str(config["db"]["url"])
    return url or sqlite_url(resolve(str(config["kiosk"]["data_dir"])) / "hall.db")


def key_path(config: Mapping[str, Mapping[str, Any]], resolve: Callable[[str], Path] = Path) -> Path:
    path = str(config["queue"]["id_key_file"])
    return resolve(path) if path else resolve(str(config["kiosk"]["data_dir"])) / "queue-id.key"


def open_queue(
    config: Mapping[str, Mapping[str, Any]],
    clock: Clock,
    *,
    url: str | None = None,
    resolve: Callable[[str], Path] = Path,
    adopt_key: bool = False,
    engine: Engine | None = None,
) -> QueueStore:
    """A migrated store for the sections "kiosk", "db" and "queue" (kiosk.config.Config fits:
    pass resolve=config.resolve). adopt_key: see QueueStore.prepare.

    Raises ConfigError (a bad [queue] section), QueueUnavailable or QueueKeyError.
    """
    settings = parse_settings(config["queue"])
    try:
        key = load_or_create_key(key_path(config, resolve))
    except (OSError, ValueError) as e:
        raise QueueKeyError(tr("身份证号密钥文件无法使用：{why}", why=str(e)), "key_file") from e
    store = QueueStore(
        engine or open_engine(url or database_url(config, resolve)),
        settings,
        clock,
        str(config["kiosk"]["timezone"]),
        key,
        kiosk_id=str(config["kiosk"]["kiosk_id"]),
    )
    store.prepare(adopt_key)
    return store
