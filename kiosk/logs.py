"""Logging: JSON lines, rotated, with personal data masked before anything reaches a file."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from core.redact import redact

_installed: list[logging.Handler] = []


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json_line(self.entry(record))

    def entry(self, record: logging.LogRecord) -> dict[str, str]:
        """The line's fields, personal data masked."""
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exc"] = redact(self.formatException(record.exc_info))
        return entry


def json_line(entry: dict[str, str]) -> str:
    """One JSON line, Chinese as is: log lines and alerts. json loads with the first one written,
    after the first paint (LogFile keeps the lines logged before it): its package compiles its
    regular expressions at import."""
    import json

    return json.dumps(entry, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class LogFile(logging.Handler):
    """The rotated JSON lines file, which may be opened later than it is set up: until open()
    its lines are kept, their fields masked as they are logged, and written first. The kiosk
    opens it after its first painted home: logging.handlers and the modules it imports cost
    ~15 ms of the cold start, json ~8 M instructions. Lines still kept at exit (a start that
    failed) are written then."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__()
        self.path, self.max_bytes, self.backups = path, max_bytes, backups
        self.formatter: JsonFormatter = JsonFormatter()
        self._kept: list[dict[str, str]] = []
        self._file: logging.Handler | None = None

    def open(self) -> None:
        from logging.handlers import RotatingFileHandler

        self.acquire()  # emit() runs holding it too: no line slips in between the kept ones
        try:
            if self._file is not None:
                return
            if self._kept:
                with self.path.open("a", encoding="utf-8") as f:
                    f.writelines(json_line(entry) + "\n" for entry in self._kept)
                self._kept.clear()
            self._file = RotatingFileHandler(
                self.path, maxBytes=self.max_bytes, backupCount=self.backups, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        finally:
            self.release()

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is not None:
            self._file.handle(record)
        else:
            self._kept.append(self.formatter.entry(record))

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._kept:
            self.open()
        if self._file is not None:
            self._file.close()
        super().close()


def setup(
    log_dir: Path,
    level: str = "INFO",
    max_bytes: int = 5_000_000,
    backups: int = 10,
    *,
    open_later: bool = False,
) -> Path:
    """Send the root logger to log_dir/kiosk.jsonl (rotated) and a masked console stream.
    open_later: the file is opened by open_file() (warnings reach the console at once)."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "kiosk.jsonl"
    root = logging.getLogger()
    for h in _installed:
        root.removeHandler(h)
    _installed.clear()
    file_handler = LogFile(path, max_bytes, backups)
    if not open_later:
        file_handler.open()
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.setLevel(logging.WARNING)
    for h in (file_handler, console):
        _installed.append(h)
        root.addHandler(h)
    root.setLevel(level)
    return path


def open_file() -> None:
    """Open the log file set up with open_later (nothing if it is open already)."""
    for h in _installed:
        if isinstance(h, LogFile):
            h.open()
