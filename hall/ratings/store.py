"""The ratings store: one rating per transaction, follow-up items with deadlines, staff notes.

One SQLAlchemy Core code path for SQLite and PostgreSQL (the hall's shared database). A rating
of 不满意 or worse opens a follow-up item in the same transaction; a 办不成事 report is an item of
its own. Ratings are append-only (see tables.py); staff annotate them and close items.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from core.clock import Clock
from core.redact import redact
from core.text import tr
from hall.db import migrate
from hall.queue import tables as qt
from hall.ratings import tables as t
from hall.ratings.model import (
    BAD,
    CLOSED,
    FROM_RATING,
    JOURNEY,
    OPEN,
    REASONS,
    TEXT_MAX,
    TICKET,
    UNRESOLVED,
    Item,
    Note,
    Rating,
    RatingRefused,
    RatingUnavailable,
    Tally,
    add_working_days,
    check_level,
    check_phone,
    item_ref,
    mask_phone,
    mask_phones,
    parse_item_ref,
)
from hall.ratings.settings import RatingSettings

log = logging.getLogger(__name__)

T = TypeVar("T")


def _utc_naive(dt: datetime) -> datetime:
    return dt.astimezone(UTC).replace(tzinfo=None)


def _clean(text: str) -> str:
    """Free text as kept: trimmed, ID and phone numbers masked. A citizen may type either, and a
    rating is never changed: what is in it stays for good (a phone number is asked for apart,
    with consent, and erased after retention)."""
    return mask_phones(redact(text.strip()))[:TEXT_MAX]


def ticket_ref(day: date, number: str) -> str:
    return f"{day.isoformat()}/{number.strip().upper()}"


class Ratings:
    """Thread-safe (each call takes its own connection); share one per process."""

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        tz: ZoneInfo | str,
        *,
        kiosk_id: str = "",
        settings: RatingSettings | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.tz = ZoneInfo(tz) if isinstance(tz, str) else tz
        self.kiosk_id = kiosk_id
        self.settings = settings or RatingSettings()

    def prepare(self) -> Ratings:
        """Apply migrations (the queue's too: ticket ratings read its tickets)."""
        self._db(lambda: migrate(self.engine))
        return self

    # ---- time ----------------------------------------------------------------------------

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.tz)

    def today(self) -> date:
        return self.local_now().date()

    def _local(self, naive_utc: datetime) -> datetime:
        return naive_utc.replace(tzinfo=UTC).astimezone(self.tz)

    def due_from(self, day: date) -> date:
        s = self.settings
        return add_working_days(day, s.followup_days, s.closed_dates, s.working_dates)

    # ---- rating --------------------------------------------------------------------------

    def rate_ticket(
        self,
        number: str,
        level: int,
        *,
        day: date | None = None,
        counter: str | None = None,
        reasons: Iterable[str] = (),
        text: str = "",
        phone: str | None = None,
    ) -> Rating:
        """Rate the service a ticket got (the counter's pad, or the ticket's QR). Refused for a
        number that was not issued that day, one never called to a counter, or one rated already."""
        level = check_level(level)
        day = day or self.today()
        ref = ticket_ref(day, number)
        tk = qt.ticket.c

        def run(conn: Connection) -> Rating:
            row = conn.execute(
                sa.select(tk.service, tk.line, tk.counter, tk.called_at, tk.kiosk_id).where(
                    tk.day == day, tk.number == number.strip().upper()
                )
            ).first()
            if row is None:
                raise RatingRefused(tr("没有找到这张号票：{number}", number=number), "unknown_ticket")
            if row.called_at is None:
                raise RatingRefused(tr("{number} 还没有办理，办理后再评价", number=number), "not_served")
            # filed under the service that served it: a transferred ticket's line, not its issue
            served_by = row.line or row.service
            return self._insert(
                conn, TICKET, ref, served_by, counter or row.counter or "", level, reasons, text, phone
            )

        return self._rate(run, tr("这张号票已经评价过了"))

    def rate_journey(
        self,
        journey: str,
        run_id: str,
        level: int,
        *,
        reasons: Iterable[str] = (),
        text: str = "",
        phone: str | None = None,
    ) -> Rating:
        """Rate one run of a kiosk journey (its session id): one rating per run."""
        level = check_level(level)
        if not run_id:
            raise RatingRefused(tr("没有可评价的办理记录"), "unknown_run")
        return self._rate(
            lambda conn: self._insert(conn, JOURNEY, run_id, journey, "", level, reasons, text, phone),
            tr("本次办理已经评价过了"),
        )

    def _rate(self, run: Callable[[Connection], Rating], already: Any) -> Rating:
        try:
            rated = self._tx(run)
        except RatingUnavailable as e:
            # two pads rating one ticket at once: the unique key says who was first
            if isinstance(e.__cause__, sa.exc.IntegrityError):
                raise RatingRefused(already, "already_rated") from None
            raise
        log.info("rating %s %s: level %d %s", rated.kind, rated.ref, rated.level, rated.followup)
        return rated

    def _insert(
        self,
        conn: Connection,
        kind: str,
        ref: str,
        service: str,
        counter: str,
        level: int,
        reasons: Iterable[str],
        text: str,
        phone: str | None,
    ) -> Rating:
        codes = tuple(r for r in dict.fromkeys(reasons))
        unknown = [r for r in codes if r not in REASONS]
        if unknown:
            raise RatingRefused(tr("没有这个评价原因：{code}", code=", ".join(unknown)), "bad_reason")
        phone = check_phone(phone) if level <= BAD else None  # kept only to follow a bad rating up
        taken = conn.execute(
            sa.select(t.rating.c.id).where(t.rating.c.kind == kind, t.rating.c.ref == ref)
        ).first()
        if taken is not None:
            already = tr("这张号票已经评价过了") if kind == TICKET else tr("本次办理已经评价过了")
            raise RatingRefused(already, "already_rated")
        now = self.local_now()
        cleaned = _clean(text)
        values: dict[str, Any] = {
            "ts": _utc_naive(now),
            "kind": kind,
            "ref": ref,
            "service": service,
            "counter": counter,
            "kiosk": self.kiosk_id,
            "level": level,
            "reasons": ",".join(codes),
            "text": cleaned,
        }
        rating_id = conn.execute(sa.insert(t.rating).values(**values).returning(t.rating.c.id)).scalar_one()
        followup = ""
        if level <= BAD:
            what = "; ".join(str(REASONS[c]) for c in codes)
            if cleaned:
                what = f"{what}: {cleaned}" if what else cleaned
            followup = self._open_item(conn, FROM_RATING, service, what, phone, now, rating_id).ref
        return self._rating(values | {"id": rating_id}, followup)

    # ---- 办不成事 -------------------------------------------------------------------------

    def report_unresolved(self, what: str, *, service: str = "", phone: str | None = None) -> Item:
        """A citizen could not get something done: an item with a deadline and a reference number."""
        what = _clean(what)
        if not what and not service:
            raise RatingRefused(tr("请选择或填写没有办成的事"), "empty")
        phone = check_phone(phone)
        now = self.local_now()
        item = self._tx(lambda conn: self._open_item(conn, UNRESOLVED, service, what, phone, now, None))
        log.info("办不成事 %s filed (%s, phone %s)", item.ref, service or "-", mask_phone(phone) or "none")
        return item

    def _open_item(
        self,
        conn: Connection,
        kind: str,
        service: str,
        what: str,
        phone: str | None,
        now: datetime,
        rating_id: int | None,
    ) -> Item:
        values = {
            "kind": kind,
            "rating_id": rating_id,
            "service": service,
            "what": what,
            "phone": phone,
            "kiosk": self.kiosk_id,
            "opened_at": _utc_naive(now),
            "due": self.due_from(now.date()),
            "status": OPEN,
            "reply": "",
            "closed_by": "",
        }
        item_id = conn.execute(sa.insert(t.followup).values(**values).returning(t.followup.c.id)).scalar_one()
        return self._item(values | {"id": item_id, "closed_at": None})

    # ---- staff ---------------------------------------------------------------------------

    def ratings(self, since: date | None = None, limit: int = 1000) -> list[Rating]:
        """Newest last; with the reference number of each rating's follow-up item."""
        r, f = t.rating, t.followup
        q = (
            sa.select(r, f.c.id.label("item_id"))
            .select_from(r.outerjoin(f, f.c.rating_id == r.c.id))
            .order_by(r.c.id.desc())
            .limit(limit)
        )
        if since is not None:
            start = datetime(since.year, since.month, since.day, tzinfo=self.tz)
            q = q.where(r.c.ts >= _utc_naive(start))
        rows = self._tx(lambda conn: conn.execute(q).all())
        return [
            self._rating(row._mapping, item_ref(FROM_RATING, row.item_id) if row.item_id else "")
            for row in reversed(rows)
        ]

    def tally(self, day: date) -> list[Tally]:
        """A hall-local day's ratings per (kind, service, counter, hour): how many, their mean
        level and how many were 不满意 or worse (hall.stats' ratings columns)."""
        start = datetime(day.year, day.month, day.day, tzinfo=self.tz)
        r = t.rating.c
        q = sa.select(r.ts, r.kind, r.service, r.counter, r.level).where(
            r.ts >= _utc_naive(start), r.ts < _utc_naive(start + timedelta(days=1))
        )
        groups: dict[tuple[str, str, str, int], list[int]] = {}
        for row in self._tx(lambda conn: conn.execute(q).all()):
            key = (row.kind, row.service, row.counter, self._local(row.ts).hour)
            groups.setdefault(key, []).append(int(row.level))
        return [
            Tally(
                kind,
                service,
                counter,
                hour,
                len(levels),
                sum(levels) / len(levels),
                sum(x <= BAD for x in levels),
            )
            for (kind, service, counter, hour), levels in sorted(groups.items())
        ]

    def annotate(self, rating_id: int, staff: str, text: str) -> Note:
        text = _clean(text)
        if not text:
            raise RatingRefused(tr("备注不能为空"), "empty")
        now = self.local_now()

        def run(conn: Connection) -> Note:
            if conn.execute(sa.select(t.rating.c.id).where(t.rating.c.id == rating_id)).first() is None:
                raise RatingRefused(tr("没有这条评价：{id}", id=rating_id), "unknown_rating")
            conn.execute(
                sa.insert(t.note).values(rating_id=rating_id, ts=_utc_naive(now), staff=staff[:64], text=text)
            )
            return Note(rating_id, now, staff[:64], text)

        note = self._tx(run)
        log.info("rating %d annotated by %s", rating_id, staff)
        return note

    def notes(self, rating_id: int) -> list[Note]:
        n = t.note.c
        rows = self._tx(
            lambda conn: conn.execute(sa.select(t.note).where(n.rating_id == rating_id).order_by(n.id)).all()
        )
        return [Note(r.rating_id, self._local(r.ts), r.staff, r.text) for r in rows]

    def items(self, *, open_only: bool = False, kind: str | None = None, limit: int = 500) -> list[Item]:
        """Open items soonest due first, then closed ones newest first."""
        f = t.followup.c
        q = sa.select(t.followup)
        if open_only:
            q = q.where(f.status == OPEN)
        if kind is not None:
            q = q.where(f.kind == kind)
        q = q.order_by(sa.case((f.status == OPEN, 0), else_=1), f.due, f.id.desc()).limit(limit)
        rows = self._tx(lambda conn: conn.execute(q).all())
        return [self._item(r._mapping) for r in rows]

    def item(self, ref: str) -> Item:
        parsed = parse_item_ref(ref)
        f = t.followup.c

        def run(conn: Connection) -> Any:
            if parsed is None:
                return None
            kind, item_id = parsed
            return conn.execute(sa.select(t.followup).where(f.id == item_id, f.kind == kind)).first()

        row = self._tx(run)
        if row is None:
            raise RatingRefused(tr("没有这个编号：{ref}", ref=ref), "unknown_item")
        return self._item(row._mapping)

    def close(self, ref: str, reply: str, staff: str) -> Item:
        """Answer and close an item (staff, after calling the citizen back or fixing the cause)."""
        reply = _clean(reply)
        if not reply:
            raise RatingRefused(tr("请填写答复内容"), "empty")
        item = self.item(ref)
        if item.status == CLOSED:
            raise RatingRefused(tr("{ref} 已经办结", ref=item.ref), "closed")
        f = t.followup.c
        stamp = _utc_naive(self.local_now())
        done = self._tx(
            lambda conn: (
                conn.execute(
                    sa.update(t.followup)
                    .where(f.id == item.id, f.status == OPEN)
                    .values(status=CLOSED, closed_at=stamp, reply=reply, closed_by=staff[:64])
                ).rowcount
            )
        )
        if done != 1:  # another staff member closed it a moment ago
            raise RatingRefused(tr("{ref} 已经办结", ref=item.ref), "closed")
        log.info("item %s closed by %s", item.ref, staff)
        return self.item(item.ref)

    def erase_old_phones(self) -> int:
        """Erase the phone numbers of items closed longer ago than the retention period."""
        f = t.followup.c
        before = _utc_naive(self.local_now() - timedelta(days=self.settings.phone_retention_days))
        n = self._tx(
            lambda conn: (
                conn.execute(
                    sa.update(t.followup)
                    .where(f.status == CLOSED, f.closed_at <= before, f.phone.is_not(None))
                    .values(phone=None)
                ).rowcount
            )
        )
        if n:
            log.info("erased the phone numbers of %d closed items past retention", n)
        return int(n)

    # ---- plumbing ------------------------------------------------------------------------

    def _rating(self, row: Mapping[Any, Any], followup: str) -> Rating:
        return Rating(
            id=row["id"],
            at=self._local(row["ts"]),
            kind=row["kind"],
            ref=row["ref"],
            service=row["service"],
            counter=row["counter"],
            kiosk=row["kiosk"],
            level=int(row["level"]),
            reasons=tuple(c for c in row["reasons"].split(",") if c),
            text=row["text"],
            followup=followup,
        )

    def _item(self, row: Mapping[Any, Any]) -> Item:
        return Item(
            id=row["id"],
            ref=item_ref(row["kind"], row["id"]),
            kind=row["kind"],
            service=row["service"],
            what=row["what"],
            phone=row["phone"],
            opened_at=self._local(row["opened_at"]),
            due=row["due"],
            status=row["status"],
            kiosk=row["kiosk"],
            rating_id=row["rating_id"],
            closed_at=self._local(row["closed_at"]) if row["closed_at"] else None,
            reply=row["reply"],
            closed_by=row["closed_by"],
        )

    def _tx(self, fn: Callable[[Connection], T]) -> T:
        with self._errors(), self.engine.begin() as conn:
            return fn(conn)

    def _db(self, fn: Callable[[], T]) -> T:
        with self._errors():
            return fn()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sa.exc.DBAPIError as e:
            log.error("ratings database error: %s", e.orig if e.orig is not None else e)
            raise RatingUnavailable(tr("评价系统暂时无法使用，请稍后再试"), "db_unavailable") from e
