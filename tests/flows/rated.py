"""A real journey run as the kiosk's hosts run it (its catalog spec, then the rating), and what
the citizen notices of the rating and the ratings store keeps: asked once at the end, one tap to
skip, stored under the journey's name and the run, never the citizen's ID number."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from core.clock import FakeClock
from flows import rating
from flows.catalog import CATALOG
from flows.headless import Transcript, run
from flows.runtime import FlowContext
from flows.views import Choose, Intent, View
from hall.db import open_engine, sqlite_url
from hall.ratings import Ratings

ASKED = "请您对本次自助办理作出评价"


def rated_walk(
    key: str, ctx: FlowContext, citizen: Callable[[View], Intent | None], folder: Path, level: str = "4"
) -> tuple[Transcript, Ratings]:
    """Walk journey `key` with `citizen`, who answers the rating with `level` (or "skip")."""
    folder.mkdir(parents=True, exist_ok=True)
    store = Ratings(open_engine(sqlite_url(folder / "ratings.db")), FakeClock(), "Asia/Shanghai").prepare()
    ctx.services["ratings"] = store

    def walk(view: View) -> Intent | None:
        if str(view.title) == ASKED:
            return Intent(level)
        if str(view.title) == "感谢您的评价":
            return Intent("ok")
        return citizen(view)

    return run(partial(rating.journey, CATALOG[key]), ctx, walk), store


def check_rated(t: Transcript, store: Ratings, key: str, ctx: FlowContext, folder: Path, *ids: str) -> None:
    """Asked once, after the journey's last screen, with a skip; stored as `key`'s run; none of
    `ids` (the citizen's number, whole or masked) anywhere in the ratings database."""
    asked = [v for v in t.views if str(v.title) == ASKED]
    assert len(asked) == 1, [str(v.title) for v in t.views]
    assert isinstance(asked[0], Choose) and t.views[-2] is asked[0]  # then only the thanks
    assert "skip" in [o.key for o in asked[0].options]
    [r] = store.ratings()
    assert (r.kind, r.service, r.ref, r.level) == ("journey", key, ctx.session.id, 4)
    store.engine.dispose()  # its last connection closed: the WAL is folded into the file
    kept = b"".join(f.read_bytes() for f in folder.glob("ratings.db*"))
    for number in ids:
        assert number.encode() not in kept and number not in repr(r), number
