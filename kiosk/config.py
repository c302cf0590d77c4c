"""The kiosk's one configuration file: schema, loading, validation and printing.

Every option is declared once below (or, for a device kind, in devices/<kind>/__init__.py)
with its default and description; resources/config/default.toml is generated from this and a
test keeps the two equal. A bad file raises ConfigError with one line naming the key, the value
and what is allowed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.schema import ConfigError, Option, Section

DEVICE_KINDS = ("idcard", "printer", "a4printer", "camera", "locker", "fingerprint", "scanner")

SERVICE_NAMES = ("queue", "photo", "reissue", "slip_reprint", "certificate", "pickup", "unresolved", "demo")

DB_SCHEMES = ("sqlite", "postgresql")


def check_timezone(value: str) -> str | None:
    """A zone the system's tz database has (a path or a made-up name fails only when used)."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return "an IANA time zone name such as 'Asia/Shanghai'"
    return None


def check_db_url(value: str) -> str | None:
    """Only the engines the kiosk ships drivers for (another would fail at start on an import)."""
    scheme = value.partition("://")[0].partition("+")[0]
    if value and ("://" not in value or scheme not in DB_SCHEMES):
        return "empty, sqlite:///PATH or postgresql://USER@HOST/DB"
    return None


CORE_SECTIONS: tuple[Section, ...] = (
    Section(
        "kiosk",
        "The machine and the hall it stands in.",
        (
            Option(
                "hall_name", "政务服务中心 24小时自助服务区", "Hall name shown in the header.", max_len=60
            ),
            Option(
                "hall_name_en",
                "Government Service Center, 24-Hour Self-Service Area",
                "Hall name shown in English (empty: the Chinese name in English too).",
                max_len=80,
            ),
            Option("kiosk_id", "K01", "This kiosk's identifier in logs, alerts and the shared database."),
            Option(
                "services", ["queue", "demo"], "Services offered on the home screen, in order.", kind=list
            ),
            Option("language", "zh", "Language the kiosk starts in.", choices=("zh", "en")),
            Option("touch_only", True, "Hide the mouse cursor (a touch screen with no mouse)."),
            Option("orientation", "auto", "Screen layout.", choices=("auto", "portrait", "landscape")),
            Option(
                "timezone",
                "Asia/Shanghai",
                "The hall's time zone: the day starts at its midnight.",
                check=check_timezone,
            ),
            Option("idle_timeout", 60, "Seconds without a touch before a session ends.", min=10, max=900),
            Option("idle_warning", 15, "Seconds of countdown shown before the session ends.", min=3, max=120),
            Option(
                "elderly_timeout_factor", 2.0, "Elderly mode multiplies idle timeouts by this.", min=1, max=5
            ),
            Option(
                "tap_guard",
                0.5,
                "Seconds a screen ignores taps after its buttons changed (taps meant for the one before).",
                min=0,
                max=2,
            ),
            Option(
                "attract_after", 120, "Seconds idle on the home screen before the attract screen.", min=10
            ),
            Option("voice", True, "Speak each screen's prompt when a speech engine is present."),
            Option("help_phone", "12345", "Phone number shown on the help screen for a person to call."),
            Option("data_dir", "var/data", "Durable data: database file, alerts, journal."),
            Option("runtime_dir", "var/run", "Private temp folders of sessions and simulator ports."),
        ),
    ),
    Section(
        "log",
        "Logs: JSON lines, rotated; ID numbers and names are masked.",
        (
            Option("dir", "var/log", "Folder of the log files."),
            Option("level", "INFO", "Lowest level written.", choices=("DEBUG", "INFO", "WARNING", "ERROR")),
            Option("max_bytes", 5_000_000, "Size at which a log file is rotated.", min=10_000),
            Option("backups", 10, "How many rotated files are kept.", min=1),
        ),
    ),
    Section(
        "db",
        "The kiosk's database: an SQLite file, or PostgreSQL shared by a hall.",
        (Option("url", "", "SQLAlchemy URL; empty means sqlite in data_dir/kiosk.db.", check=check_db_url),),
    ),
    Section(
        "health",
        "What staff tooling and systemd see.",
        (
            Option("status_file", "var/run/health.json", "JSON status file rewritten every few seconds."),
            Option("interval", 5.0, "Seconds between status file writes and watchdog pings.", min=0.5),
            Option("alert_webhook", "", "URL that receives each staff alert as JSON (empty: none)."),
        ),
    ),
)


def device_section(kind: str) -> Section:
    module = importlib.import_module(f"devices.{kind}")
    return Section(
        f"devices.{kind}",
        module.__doc__.strip().splitlines()[0] if module.__doc__ else kind,
        tuple(module.OPTIONS),
    )


def all_sections() -> tuple[Section, ...]:
    from backends.settings import SECTION as BACKENDS
    from flows.certificate_settings import SECTION as CERTIFICATE
    from flows.pickup_settings import SECTION as PICKUP
    from flows.reissue_settings import SECTION as REISSUE
    from hall.queue.calling_settings import SECTION as CALLING
    from hall.queue.settings import SECTION as QUEUE
    from hall.ratings.settings import SECTION as RATINGS
    from hall.tracking.settings import SECTION as TRACKING
    from kiosk.maintenance.settings import SECTION as STAFF

    return (
        *CORE_SECTIONS,
        QUEUE,
        RATINGS,
        TRACKING,
        STAFF,
        REISSUE,
        CERTIFICATE,
        PICKUP,
        BACKENDS,
        CALLING,
        *(device_section(k) for k in DEVICE_KINDS),
    )


class Config(Mapping[str, Any]):
    """The effective configuration: section name -> {key: value}."""

    def __init__(self, values: dict[str, dict[str, Any]], source: Path | None = None) -> None:
        self._values = values
        self.source = source

    def __getitem__(self, section: str) -> dict[str, Any]:
        return self._values[section]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get_path(self, dotted: str) -> Any:
        section, _, key = dotted.rpartition(".")
        return self._values[section][key]

    def device(self, kind: str) -> dict[str, Any]:
        return self._values[f"devices.{kind}"]

    def replace(self, dotted: str, value: Any) -> Config:
        section, _, key = dotted.rpartition(".")
        values = {s: dict(v) for s, v in self._values.items()}
        values[section][key] = value
        return Config(values, self.source)

    def resolve(self, path: str) -> Path:
        """A path option; relative paths are from the working folder (systemd's WorkingDirectory)."""
        return Path(path).absolute()

    def to_toml(self) -> str:
        """The effective configuration as a TOML file (the same writer as default.toml)."""
        out = []
        for section, values in self._values.items():
            out.append(f"[{section}]")
            out += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
            out.append("")
        return "\n".join(out)


def _shown(value: Any, limit: int = 60) -> str:
    """A value for a one-line message: a megabyte of text is shown by its start and length."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _check(opt: Option, value: Any, where: str) -> Any:
    def fail(reason: str = "") -> ConfigError:
        return ConfigError(f"{where} = {_shown(value)} is not allowed: expected {reason or opt.allowed()}")

    t = opt.type
    if t is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if t is bool and not isinstance(value, bool):
        raise fail()
    if t in (int, float) and (isinstance(value, bool) or not isinstance(value, t)):
        raise fail()
    if t is str and (not isinstance(value, str) or len(value) > opt.max_len):
        raise fail()
    if t is list:
        if not isinstance(value, list):
            raise fail()
        if opt.item is not None:
            return [_check_table(opt.item, v, f"{where}[{i}]") for i, v in enumerate(value)]
        if opt.choices:
            for v in value:
                if v not in opt.choices:
                    raise ConfigError(f"{where} contains {_shown(v)}: each entry must be {opt.allowed()}")
        return value
    if opt.choices and value not in opt.choices:
        raise fail()
    if (opt.min is not None and value < opt.min) or (opt.max is not None and value > opt.max):
        raise fail()
    if opt.check is not None and (allowed := opt.check(value)):
        raise fail(allowed)
    return value


def _check_table(options: tuple[Option, ...], table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of settings, not {table!r}")
    known = {o.key: o for o in options}
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}.{key} is not a known setting (known: {', '.join(known)})")
    out = {}
    for o in options:
        if o.key in table:
            out[o.key] = _check(o, table[o.key], f"{where}.{o.key}")
        elif o.default is None and o.kind is not None and o.kind is not type(None):
            raise ConfigError(f"{where}.{o.key} is missing: {o.help}")
        else:
            out[o.key] = o.default
    return out


def _flatten(raw: dict[str, Any], sections: dict[str, Section]) -> dict[str, dict[str, Any]]:
    """Split the TOML tree into dotted sections, rejecting what the schema does not know."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if name in sections:
                if not isinstance(value, dict):
                    raise ConfigError(f"[{name}] must be a table of settings")
                found[name] = value
            elif isinstance(value, dict) and any(s.startswith(name + ".") for s in sections):
                walk(value, name)
            else:
                where = f"[{prefix}] {key}" if prefix else key
                raise ConfigError(f"{where} is not a known setting or section")

    walk(raw, "")
    return found


def load(path: Path | None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read, validate and complete a config file (None: all defaults). A file checked at an
    earlier start, unchanged and with the same code, is not read again (kiosk/config_cache.py)."""
    if path is None:
        return Config(_checked({}, overrides))
    from kiosk import config_cache

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except OSError as e:
        raise ConfigError(f"config file {path} cannot be read: {e.strerror}") from None
    values = None if overrides else config_cache.kept_values(data)
    if values is not None and check_timezone(values["kiosk"]["timezone"]) is not None:
        # the one check that asks the system (its tz database) rather than the file and the code:
        # a zone gone since it was checked is reported as the file's error, not a crash later
        values = None
    if values is None:
        import tomllib  # with a changed file only (its regular expressions take ~8 ms to compile)

        try:
            # utf-8-sig: editors on Windows start the file with a byte order mark
            raw = tomllib.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ConfigError(f"config file {path} is not UTF-8 text") from None
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from None
        values = _checked(raw, overrides)
        if not overrides:
            config_cache.keep(data, values)
    return Config(values, Path(path))


def _checked(raw: dict[str, Any], overrides: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Every section's values: the file's, checked, and the defaults of what it leaves out."""
    sections = {s.name: s for s in all_sections()}
    given = _flatten(raw, sections)
    values = {
        name: _check_table(section.options, given.get(name, {}), f"[{name}]")
        for name, section in sections.items()
    }
    for dotted, value in (overrides or {}).items():
        section, _, key = dotted.rpartition(".")
        opt = {o.key: o for o in sections[section].options}[key]
        values[section][key] = _check(opt, value, f"[{section}] {key}")
    for svc in values["kiosk"]["services"]:
        if svc not in SERVICE_NAMES:
            raise ConfigError(
                f"[kiosk] services contains {svc!r}: each entry must be one of {', '.join(SERVICE_NAMES)}"
            )
    from hall.queue.services import parse_settings

    parse_settings(values["queue"])  # hours, codes, prefixes: a bad [queue] stops at start too
    return values


def _toml_value(value: Any) -> str:
    """One value as inline TOML (tables inline too, so each key stays on its own line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        import json  # printing a config only: not loaded by a start (its package compiles regexes)

        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return "[\n" + "".join(f"    {_toml_value(v)},\n" for v in value) + "]"
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def default_toml() -> str:
    """The documented default file, generated from the schema."""
    lines = [
        "# Kiosk configuration. Every key, its default and what it means.",
        "# Generated from the schema (python -m kiosk.config > resources/config/default.toml).",
        "",
    ]
    for section in all_sections():
        lines.append(f"# {section.help}")
        lines.append(f"[{section.name}]")
        for o in section.options:
            lines.append(f"# {o.help}" + (f" ({o.allowed()})" if o.choices or o.min is not None else ""))
            if o.item is not None:
                lines.append(f"# Each entry is a table with: {', '.join(i.key for i in o.item)}.")
            if o.default is None:
                lines.append(f"# {o.key} =")
            else:
                lines.append(f"{o.key} = {_toml_value(o.default)}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(default_toml(), end="")
