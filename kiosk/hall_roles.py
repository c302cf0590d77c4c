"""The hall's roles besides the kiosk (no Qt): what a counter terminal and a display board need
from the config, and the spoken call."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.voice import Voice


def roles(config: Config, given: Iterable[str] = ()) -> tuple[str, ...]:
    """--role values (comma lists allowed) or [calling] roles."""
    chosen = [r.strip() for g in given for r in g.split(",") if r.strip()]
    return tuple(dict.fromkeys(chosen or config["calling"]["roles"]))


def call_phrase(number: str, counter: str) -> str:
    """ "请 A 零 零 五 号 到 2 号窗口办理": the number read character by character."""
    # here, not at the top: run_kiosk.py asks roles() before the kiosk's first paint, and the
    # queue journey's module brings the flow runtime and every view model
    from flows.queue import spoken_number

    return f"请 {spoken_number(number)} 号 到 {counter} 号窗口办理"


class Announcer:
    """Speaks each call `times` times, queued behind what is being said (never talking over an
    earlier call). speak() never blocks: safe on the board feed's thread."""

    def __init__(self, voice: Voice, times: int = 2) -> None:
        self.voice = voice
        self.times = times

    def announce(self, number: str, counter: str) -> None:
        for _ in range(self.times):
            self.voice.speak(call_phrase(number, counter), "zh", interrupt=False)


def open_store(config: Config, clock: Any) -> Any:
    """A migrated queue store for a counter terminal or a display board (raises QueueError)."""
    from hall.queue.factory import open_queue

    return open_queue(config, clock, resolve=config.resolve)


def open_ratings(config: Config, clock: Any, engine: Any) -> Any:
    """The ratings store for a counter's rating pad, as the kiosk opens it (None: unavailable)."""
    from kiosk.alerts import Alerts
    from kiosk.app import _open_ratings  # the one way the kiosk opens them

    kcfg = config["kiosk"]
    alerts = Alerts(
        config.resolve(kcfg["data_dir"]) / "alerts.jsonl", kcfg["kiosk_id"], config["health"]["alert_webhook"]
    )
    return _open_ratings(config, clock, alerts, engine)


def listen_url(config: Config) -> str | None:
    """PostgreSQL pushes changes to the board; an SQLite hall is polled."""
    url = str(config["db"]["url"])
    return url if url.startswith("postgresql") else None


def calling(config: Config, store: Any) -> Any:
    from hall.queue.calling import Calling

    c = config["calling"]
    return Calling(store, no_show_after=c["no_show_after"], hold_minutes=c["hold_minutes"])
