"""Services from config and the pure rules: hours, calendar, ID numbers, age, estimated wait."""

from __future__ import annotations

import re
import stat
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hall.queue import identity, rules
from hall.queue.services import parse_hours, parse_service
from hall.queue.settings import SECTION
from hall.queue.store import active_since
from kiosk import config as kconfig
from tests.queue.helpers import ELDER, YOUNG, service, settings, synthetic_id

SH = ZoneInfo("Asia/Shanghai")


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH)


def test_default_section_passes_the_config_checker_and_gives_a_real_halls_four_services() -> None:
    # what kiosk.config will do with an empty [queue] once the section is registered
    checked = kconfig._check_table(SECTION.options, {}, "[queue]")
    queue = settings(checked["services"])
    assert [(s.prefix, s.name_zh) for s in queue.services] == [
        ("A", "身份证办理"),
        ("B", "社保业务"),
        ("C", "不动产登记"),
        ("D", "税务"),
    ]
    assert queue.elderly_age == 65
    assert queue.service("a").code == "idcard" and queue.service("tax").prefix == "D"
    assert queue.service("nope") is None
    assert "9" in queue.service("social").counters and "9" in queue.service("tax").counters


def test_a_service_table_missing_its_code_is_named_in_the_error() -> None:
    with pytest.raises(kconfig.ConfigError, match=r"services\[0\]\.code is missing"):
        kconfig._check_table(SECTION.options, {"services": [{"prefix": "A", "name_zh": "x"}]}, "[queue]")


@pytest.mark.parametrize(
    ("hours", "problem"),
    [("8-17", "ranges like"), ("17:30-08:30", "within one day"), ("08:00-12:00,11:00-13:00", "overlap")],
)
def test_bad_hours_name_the_key(hours: str, problem: str) -> None:
    with pytest.raises(kconfig.ConfigError, match=rf"\[queue\] services\[1\]\.hours = .*{problem}"):
        settings([service("a", "A"), service("b", "B", hours=hours)])


@pytest.mark.parametrize(
    ("services", "problem"),
    [
        ([service("a", "A"), service("b", "A")], "two services have the prefix 'A'"),
        ([service("a", "A"), service("a", "B")], "two services have the code 'a'"),
        ([service("a", "AB")], r"prefix = 'AB'"),
        ([service("a", "A", counters=[])], "counters is empty"),
        ([service("a", "A", days=[0, 1])], "weekdays 1"),
        ([], "at least one service"),
    ],
)
def test_inconsistent_services_are_refused_with_one_line(services: list, problem: str) -> None:
    with pytest.raises(kconfig.ConfigError, match=problem):
        settings(services)


# What the hours, prefix and code checks accepted as regular expressions; they are str methods
# now (no pattern to compile at start-up) and must accept exactly the same
HOURS_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
PREFIX_RE = re.compile(r"[A-Z]")
CODE_RE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
# the characters that matter, a few that look like them (full-width digits, Arabic-Indic digits,
# a superscript, an ideographic space, a line break), and any other
LOOKALIKES = "0123456789:- ,\t\nAZazbq_\u00b2\uff10\uff18\u0663\u3000\uff1a"
NEAR = st.sampled_from(list(LOOKALIKES)) | st.characters()


@given(st.lists(NEAR, max_size=14).map("".join) | st.from_regex(HOURS_RE, fullmatch=True))
def test_hours_accept_what_the_pattern_accepted(part: str) -> None:
    m = HOURS_RE.match(part)
    try:
        hours = parse_hours(part)
    except kconfig.ConfigError as e:
        refused = "ranges like" in str(e)
        assert refused == (m is None), part  # a well-formed but impossible range is the other error
        return
    assert m is not None, part
    h1, m1, h2, m2 = map(int, m.groups())
    assert hours.ranges == ((h1 * 60 + m1, h2 * 60 + m2),)


@given(
    st.lists(NEAR, max_size=3).map("".join),
    st.lists(NEAR, min_size=1, max_size=34).map("".join) | st.from_regex(CODE_RE, fullmatch=True),
)
def test_prefixes_and_codes_accept_what_the_patterns_accepted(prefix: str, code: str) -> None:
    raw = {**service("x", "A"), "prefix": prefix}
    try:
        parse_service(raw, "[queue] services[0]")
        prefix_ok = True
    except kconfig.ConfigError:
        prefix_ok = False
    assert prefix_ok == (PREFIX_RE.fullmatch(prefix) is not None), prefix
    try:
        parse_service({**service("x", "A"), "code": code}, "[queue] services[0]")
        code_ok = True
    except kconfig.ConfigError:
        code_ok = False
    assert code_ok == (CODE_RE.fullmatch(code) is not None), code


def test_bad_holiday_date_is_named() -> None:
    with pytest.raises(kconfig.ConfigError, match=r"closed_dates contains '2026-02-30'"):
        settings(closed_dates=["2026-02-30"])


def test_opening_hours_with_a_lunch_break() -> None:
    q = settings([service("a", "A", hours="08:30-12:00,13:30-17:30")])
    svc, cal = q.services[0], q.calendar
    monday = (2026, 1, 5)
    before = rules.opening(svc, cal, at(*monday, 8, 29))
    assert (before.open, before.code) == (False, "before_hours")
    assert "08:30 开始取号" in str(before.reason)
    assert rules.opening(svc, cal, at(*monday, 8, 30)).open
    lunch = rules.opening(svc, cal, at(*monday, 12, 0))
    assert (lunch.code, "13:30 开始取号" in str(lunch.reason)) == ("between_hours", True)
    assert rules.opening(svc, cal, at(*monday, 17, 29)).open
    after = rules.opening(svc, cal, at(*monday, 17, 30))
    assert after.code == "after_hours" and "08:30-12:00, 13:30-17:30" in str(after.reason)


def test_weekdays_holidays_and_make_up_working_days() -> None:
    q = settings(
        [service("a", "A", days=[1, 2, 3, 4, 5, 6]), service("b", "B")],
        closed_dates=["2026-10-01"],  # a Thursday, National Day
        working_dates=["2026-10-10"],  # a Saturday worked in exchange
    )
    a, b = q.services
    saturday, sunday = at(2026, 1, 10, 10), at(2026, 1, 11, 10)
    assert rules.opening(a, q.calendar, saturday).open
    assert rules.opening(b, q.calendar, saturday).code == "closed_day"
    assert not rules.opening(a, q.calendar, sunday).open
    assert rules.opening(a, q.calendar, at(2026, 10, 1, 10)).code == "closed_day"
    assert rules.opening(b, q.calendar, at(2026, 10, 10, 10)).open
    always = settings([service("b", "B")], always_open=True)
    assert rules.opening(always.services[0], always.calendar, at(2026, 1, 11, 3)).open


def test_hours_may_end_at_midnight() -> None:
    hours = parse_hours("00:00-24:00")
    assert hours.contains(0) and hours.contains(24 * 60 - 1)


def test_id_numbers_check_digit_and_birth_date() -> None:
    assert rules.id_number_valid(ELDER) and rules.id_number_valid(ELDER.lower())
    assert rules.id_number_valid(YOUNG)
    assert not rules.id_number_valid(YOUNG[:-1] + "2")  # wrong check digit
    assert not rules.id_number_valid("11010519491231002")  # 17 characters
    assert not rules.id_number_valid(synthetic_id(date(1990, 1, 1)).replace("19900101", "19900231"))
    assert rules.birth_date_of(ELDER) == date(1949, 12, 31)
    assert rules.id_number_valid(synthetic_id(date(2000, 2, 29), 7))


def test_age_turns_on_the_birthday_and_elderly_needs_the_configured_age() -> None:
    born = date(1961, 3, 15)
    assert rules.age_on(born, date(2026, 3, 14)) == 64
    assert rules.age_on(born, date(2026, 3, 15)) == 65
    assert not rules.is_elderly(born, date(2026, 3, 14), 65)
    assert rules.is_elderly(born, date(2026, 3, 15), 65)
    assert not rules.is_elderly(born, date(2026, 3, 15), 0)  # 0 switches the priority off
    assert not rules.is_elderly(None, date(2026, 3, 15), 65)
    assert rules.age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert rules.age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_estimated_wait_moves_from_the_seed_to_recent_service_times() -> None:
    assert rules.average_service_min(0.0, 0, 10.0) == 10.0
    few = rules.average_service_min(2.0, 1, 10.0)
    many = rules.average_service_min(100.0, 50, 10.0)
    assert 2.0 < many < few < 10.0 and many < 3.0
    assert rules.estimated_wait_min(0, 10.0, 2) == 0
    assert rules.estimated_wait_min(3, 10.0, 2) == 15
    assert rules.estimated_wait_min(1, 10.0, 0) == 10


def test_id_hash_links_one_day_only_and_depends_on_the_key() -> None:
    day = date(2026, 1, 5)
    h = identity.id_hash(b"a" * 32, day, ELDER)
    assert h == identity.id_hash(b"a" * 32, day, ELDER.lower() + " ")
    assert h != identity.id_hash(b"a" * 32, date(2026, 1, 6), ELDER)
    assert h != identity.id_hash(b"b" * 32, day, ELDER)
    assert ELDER not in h and "19491231" not in h


def test_key_file_is_private_and_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "data" / "queue-id.key"
    key = identity.load_or_create_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert identity.load_or_create_key(path) == key
    path.write_text("not hex")
    with pytest.raises(ValueError, match="delete it"):
        identity.load_or_create_key(path)


def test_counters_come_in_the_order_a_clerk_counts() -> None:
    # the real hall's services list counter 9 with the first service: login showed 1 2 3 4 9 5 ...
    assert settings().counters() == tuple(str(n) for n in range(1, 10))
    mixed = settings([service("a", "A", counters=["10", "9", "VIP"]), service("b", "B", counters=["2"])])
    assert mixed.counters() == ("2", "9", "10", "VIP")


@pytest.mark.parametrize(
    "local",
    [
        datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Berlin")),  # half an hour after spring forward
        datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Berlin")),  # the repeated hour
        datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    ],
)
def test_counters_serving_lately_are_those_of_the_last_real_hour_across_summer_time(local: datetime) -> None:
    """The estimate counts counters that called within an hour: sixty real minutes, not a wall
    clock's hour, which is 0 or 120 minutes long in the hour after a change of summer time."""
    now_utc = local.astimezone(UTC).replace(tzinfo=None)
    assert now_utc - active_since(local) == timedelta(minutes=60)
