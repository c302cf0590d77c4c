"""Logging: JSON lines, rotated, with personal data masked before anything reaches a file."""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
from datetime import UTC, datetime
from pathlib import Path

from core.redact import redact

_installed: list[logging.Handler] = []


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup(log_dir: Path, level: str = "INFO", max_bytes: int = 5_000_000, backups: int = 10) -> Path:
    """Send the root logger to log_dir/kiosk.jsonl (rotated) and a masked console stream."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "kiosk.jsonl"
    root = logging.getLogger()
    for h in _installed:
        root.removeHandler(h)
    _installed.clear()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.setFormatter(JsonFormatter())
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.setLevel(logging.WARNING)
    for h in (file_handler, console):
        _installed.append(h)
        root.addHandler(h)
    root.setLevel(level)
    return path
