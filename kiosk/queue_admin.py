"""Admin CLI for hall staff and scripts: python -m kiosk.queue_admin [--config PATH] [--db URL] COMMAND.

Exit status: 0 done, 1 refused by a rule (closed, limit, repeated real-name ticket, ...),
2 bad usage or config, 3 database unreachable. Every failure is one line on stderr. ID numbers
are masked in everything printed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tomllib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from core.clock import SystemClock
from core.redact import mask_id
from core.text import tr
from hall.queue.errors import QueueError, QueueKeyError, QueueKeyMismatch, QueueRefused
from hall.queue.factory import open_queue
from hall.queue.settings import SECTION
from hall.queue.store import QueueStore, Ticket
from kiosk import config as kconfig

OK, REFUSED, USAGE, UNAVAILABLE = 0, 1, 2, 3

KIND_ZH = {"walk_in": "", "elderly": "优先（老年人）", "appointment": "优先（预约）"}


class Sections(dict[str, dict[str, Any]]):
    """The sections the CLI needs, with paths resolved like kiosk.config.Config.resolve."""

    def __init__(self, values: dict[str, dict[str, Any]], source: Path | None) -> None:
        super().__init__(values)
        self.source = source

    def resolve(self, path: str) -> Path:
        p = Path(path)
        if p.is_absolute() or self.source is None:
            return p
        return self.source.parent / p


def load_sections(path: Path | None) -> Sections:
    """[kiosk], [db] and [queue] from a config file (None: defaults), validated.

    Once kiosk.config declares [queue] the whole file goes through it; until then the three
    sections are checked with its table checker and the rest of the file is left alone.
    """
    if any(s.name == "queue" for s in kconfig.all_sections()):
        cfg = kconfig.load(path)
        return Sections({n: dict(cfg[n]) for n in ("kiosk", "db", "queue", "calling")}, path)
    raw: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise kconfig.ConfigError(f"config file {path} does not exist") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise kconfig.ConfigError(f"config file {path} cannot be read: {e}") from None
    known = {s.name: s for s in (*kconfig.CORE_SECTIONS, SECTION)}
    return Sections(
        {
            name: kconfig._check_table(known[name].options, raw.get(name, {}), f"[{name}]")
            for name in ("kiosk", "db", "queue")
        },
        path,
    )


def _with_connect_timeout(url: str) -> str:
    """A staff command should fail in seconds, not wait for TCP to give up."""
    if url.startswith("postgresql") and "connect_timeout" not in url:
        return url + ("&" if "?" in url else "?") + "connect_timeout=5"
    return url


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m kiosk.queue_admin", description="The hall's queue, for staff and scripts."
    )
    p.add_argument("--config", type=Path, help="kiosk config file (default: built-in defaults)")
    p.add_argument("--db", help="database URL (default: [db] url of the config, else the SQLite file)")
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("issue", help="issue one ticket and print it")
    s.add_argument("service", help="service code or prefix letter")
    s.add_argument("--id-number", help="real-name ticket for this ID number (never stored readable)")
    s.add_argument("--birth-date", type=date.fromisoformat, help="YYYY-MM-DD (default: from the ID number)")
    s.add_argument("--appointment", help="check in this appointment number instead")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("status", help="each service's waiting count and last number")
    s.add_argument("--json", action="store_true", help="print JSON")

    s = sub.add_parser("reset-day", help="delete today's tickets and restart numbering")
    s.add_argument("--service", help="only this service")
    s.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    s = sub.add_parser("adopt-key", help="make this machine's ID key the queue's (after a lost key file)")
    s.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    s = sub.add_parser("call", help="a counter calls its next ticket")
    s.add_argument("counter")
    s.add_argument("--json", action="store_true", help="print JSON")

    for name, what in (
        ("complete", "the counter finished a ticket"),
        ("no-show", "a called ticket never came"),
    ):
        s = sub.add_parser(name, help=what)
        s.add_argument("number", help="ticket number, e.g. A001")

    s = sub.add_parser("book", help="record an appointment (as the booking system would)")
    s.add_argument("service")
    s.add_argument("--id-number", required=True)
    s.add_argument("--at", required=True, help="HH:MM today, or YYYY-MM-DDTHH:MM (hall time)")
    s.add_argument("--ref", help="appointment number (default: 10 random digits)")
    s.add_argument("--json", action="store_true", help="print JSON")
    return p


def _print_ticket(store: QueueStore, ticket: Ticket, args: argparse.Namespace) -> None:
    masked = mask_id(args.id_number.strip().upper()) if getattr(args, "id_number", None) else None
    if args.json:
        print(json.dumps({**ticket.to_json(), "id_number": masked}, ensure_ascii=False))
        return
    svc = store.service(ticket.service)
    parts = [
        ticket.number,
        svc.name_zh,
        f"前面等候 {ticket.waiting_ahead} 人",
        f"预计等候 {ticket.estimated_wait_min} 分钟",
        ticket.issued_at.strftime("%Y-%m-%d %H:%M:%S"),
    ]
    if KIND_ZH[ticket.kind]:
        parts.append(KIND_ZH[ticket.kind])
    if masked:
        parts.append(f"实名 {masked}")
    print("  ".join(parts))


def _issue(store: QueueStore, args: argparse.Namespace) -> int:
    ticket = store.issue(
        args.service, id_number=args.id_number, birth_date=args.birth_date, appointment=args.appointment
    )
    _print_ticket(store, ticket, args)
    return OK


def _pad(text: str, width: int) -> str:
    """Pad for a terminal, where Chinese characters take two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _status(store: QueueStore, args: argparse.Namespace) -> int:
    rows = store.overview()
    counters = store.counters()
    if args.json:
        print(
            json.dumps(
                {
                    "day": store.today().isoformat(),
                    "services": [r.to_json() for r in rows],
                    "counters": counters,
                },
                ensure_ascii=False,
            )
        )
        return OK
    print(f"{store.today().isoformat()}  {store.tz.key}")
    for r in rows:
        state = "取号中" if r.available else str(r.reason)
        print(
            f"{r.service.prefix}  {r.service.code:<10} {_pad(r.service.name_zh, 12)} 等候 {r.waiting:>3}  "
            f"最后 {r.last_number or '-':<5}  {state}"
        )
    print("窗口  " + "  ".join(f"{c}:{n or '-'}" for c, n in counters.items()))
    return OK


def _ask(ask: Callable[[str], str], prompt: str) -> str:
    try:
        return ask(prompt).strip().lower()
    except EOFError:
        return ""


def _reset(store: QueueStore, args: argparse.Namespace, ask: Callable[[str], str]) -> int:
    scope = store.service(args.service).code if args.service else "all services"
    if not args.yes:
        try:
            answer = ask(
                f"Delete today's ({store.today()}) tickets of {scope} and restart numbering? Type yes: "
            )
        except EOFError:
            answer = ""
        if answer.strip().lower() != "yes":
            print("not reset", file=sys.stderr)
            return REFUSED
    n = store.reset_day(args.service)
    print(f"reset {store.today()} ({scope}): {n} tickets removed")
    return OK


def _call(store: QueueStore, args: argparse.Namespace) -> int:
    """A counter without a terminal: its current ticket is finished, then the next one called,
    through the counters' state machine (so the hall's boards show and speak the call)."""
    from hall.queue.calling import Calling

    calling = Calling(store)
    state = calling.state(args.counter)
    if not state.logged_in or state.paused:
        calling.login(args.counter)
    elif state.current is not None:
        calling.finish(args.counter)
    visit = calling.call_next(args.counter)
    ticket = store.ticket(visit.number) if visit else None
    if args.json:
        print(json.dumps(ticket.to_json() if ticket else None, ensure_ascii=False))
    else:
        print(
            f"请 {ticket.number} 号到 {args.counter} 号窗口" if ticket else f"{args.counter} 号窗口：无人等候"
        )
    return OK


def _finish(store: QueueStore, args: argparse.Namespace) -> int:
    """complete / no-show NUMBER: at the counter the ticket was called to (the no-show after the
    configured number of calls, as at a terminal)."""
    from hall.queue.calling import CURRENT, Calling

    ticket = store.ticket(args.number)
    if ticket is None:
        raise QueueRefused(tr("今天没有这个号：{number}", number=args.number), "unknown_ticket")
    if ticket.status not in CURRENT or ticket.counter is None:
        raise QueueRefused(tr("{number} 还没有叫号", number=ticket.number), "not_called")
    calling = Calling(store, no_show_after=args.no_show_after)
    done = calling.finish(ticket.counter) if args.command == "complete" else calling.no_show(ticket.counter)
    print(f"{done.number} {done.status}")
    return OK


def _book(store: QueueStore, args: argparse.Namespace) -> int:
    try:
        at = datetime.fromisoformat(args.at) if "T" in args.at or " " in args.at else None
        if at is None:
            hh, mm = (int(x) for x in args.at.split(":"))
            at = store.local_now().replace(hour=hh, minute=mm, second=0, microsecond=0, tzinfo=None)
    except ValueError:
        print(f"--at {args.at!r}: expected HH:MM or YYYY-MM-DDTHH:MM", file=sys.stderr)
        return USAGE
    booking = store.book(args.service, at, id_number=args.id_number, ref=args.ref)
    row = {
        "ref": booking.ref,
        "service": booking.service,
        "at": booking.at.isoformat(timespec="minutes"),
        "id_number": mask_id(args.id_number.strip().upper()),
    }
    print(json.dumps(row, ensure_ascii=False) if args.json else "  ".join(str(v) for v in row.values()))
    return OK


def main(argv: Sequence[str] | None = None, ask: Callable[[str], str] = input) -> int:
    args = _parser().parse_args(argv)
    # failures are reported as one line below; details go to the log only when asked for
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.CRITICAL, format="%(levelname)s %(message)s"
    )
    try:
        sections = load_sections(args.config)
        if args.db and (allowed := kconfig.check_db_url(args.db)):
            raise kconfig.ConfigError(f"--db {args.db!r} is not allowed: expected {allowed}")
        url = _with_connect_timeout(args.db) if args.db else None
        adopt = args.command == "adopt-key"
        if (
            adopt
            and not args.yes
            and _ask(ask, "Make this machine's ID key the queue's key? Type yes: ") != "yes"
        ):
            print("not changed", file=sys.stderr)
            return REFUSED
        store = open_queue(sections, SystemClock(), url=url, resolve=sections.resolve, adopt_key=adopt)
        args.no_show_after = int(sections["calling"]["no_show_after"])
        handlers: Mapping[str, Callable[[QueueStore, argparse.Namespace], int]] = {
            "issue": _issue,
            "status": _status,
            "reset-day": lambda s, a: _reset(s, a, ask),
            "call": _call,
            "complete": _finish,
            "no-show": _finish,
            "book": _book,
            "adopt-key": lambda s, a: OK,
        }
        return handlers[args.command](store, args)
    except kconfig.ConfigError as e:
        print(f"config: {e}", file=sys.stderr)
        return USAGE
    except (sa.exc.ArgumentError, ValueError) as e:
        # a URL SQLAlchemy cannot parse, an unknown driver
        print(f"cannot use it: {e}", file=sys.stderr)
        return USAGE
    except OSError as e:
        # the SQLite file's folder cannot be made (a read-only or virtual file system)
        print(f"cannot use the database: {e.strerror}: {e.filename}", file=sys.stderr)
        return UNAVAILABLE
    except QueueRefused as e:
        print(f"{e.reason} [{e.code}]", file=sys.stderr)
        return REFUSED
    except QueueKeyMismatch as e:
        hint = "key file lost? python -m kiosk.queue_admin adopt-key"
        print(f"{e.reason} [{e.code}] ({hint})", file=sys.stderr)
        return USAGE
    except QueueKeyError as e:
        print(f"{e.reason} [{e.code}]", file=sys.stderr)
        return USAGE
    except QueueError as e:
        cause = e.__cause__
        detail = str(getattr(cause, "orig", None) or cause or "").strip().splitlines()
        print(f"{e.reason} [{e.code}]" + (f": {detail[0]}" if detail else ""), file=sys.stderr)
        return UNAVAILABLE


if __name__ == "__main__":
    sys.exit(main())
