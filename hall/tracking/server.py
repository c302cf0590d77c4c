"""The tracking page: a tiny read-only Starlette app the ticket's QR code opens on a phone.

    GET /t/{day}/{number}/{token}       the page (Chinese, ?lang=en for English), refreshing itself
    GET /api/t/{day}/{number}/{token}   the same as JSON
    GET /health                         {"ok": true}

A link whose MAC does not match and a ticket that does not exist get the same 404, so the page
tells nobody which numbers were issued. Nothing personal is on it: number, service, state,
people ahead, counter.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from backends.refserver import Running
from core.clock import Clock, SystemClock
from hall.tracking.links import TicketLinks
from hall.tracking.state import TicketState, ticket_state

# status -> (zh, en); {n} people ahead, {c} the counter
STATES: dict[str, tuple[str, str]] = {
    "waiting": ("等候中，前面还有 {n} 人", "Waiting: {n} ahead of you"),
    "called": ("请到 {c} 号窗口办理", "Please go to counter {c}"),
    "serving": ("正在 {c} 号窗口办理", "Being served at counter {c}"),
    "held": ("暂缓办理，稍后会再次叫号", "On hold: you will be called again"),
    "postponed": ("暂缓办理，稍后会再次叫号", "On hold: you will be called again"),
    "transferred": ("已转到其他业务，请留意叫号", "Moved to another service: watch the board"),
    "done": ("已办结，感谢您的耐心等候", "Done. Thank you for waiting"),
    "finished": ("已办结，感谢您的耐心等候", "Done. Thank you for waiting"),
    "no_show": ("已过号，如需办理请重新取号", "Your number was passed: please take a new ticket"),
}
FINAL = frozenset({"done", "finished", "no_show"})
WORDS = {
    "zh": {
        "title": "排队进度",
        "service": "业务",
        "missing": "未找到这张号票。请核对号票上的二维码，或咨询工作人员。",
        "note": "页面每 {s} 秒自动刷新。请留意大厅叫号屏和语音叫号。",
        "switch": "English",
    },
    "en": {
        "title": "Your place in the queue",
        "service": "Service",
        "missing": "No such ticket. Please scan the code on your ticket again, or ask the staff.",
        "note": "This page refreshes every {s} seconds. Listen for your number in the hall.",
        "switch": "中文",
    },
}


def describe(state: TicketState, lang: str) -> str:
    zh, en = STATES.get(state.status, (state.status, state.status))
    return (en if lang == "en" else zh).format(n=state.ahead, c=state.counter or "-")


def app(
    engine: Engine,
    links: TicketLinks,
    names: Mapping[str, tuple[str, str]] | None = None,
    refresh: int = 15,
    clock: Clock | None = None,
) -> Starlette:
    """names: service code -> (Chinese name, English name)."""
    names = dict(names or {})
    clock = clock or SystemClock()

    def find(request: Request) -> TicketState | None:
        p = request.path_params
        try:
            day = date.fromisoformat(p["day"])
        except ValueError:
            return None
        if not links.valid(day, p["number"], p["token"]):
            return None
        return ticket_state(engine, day, p["number"], clock.now())

    def as_json(state: TicketState, lang: str) -> dict[str, Any]:
        zh, en = names.get(state.service, (state.service, state.service))
        return {
            "number": state.number,
            "service": en if lang == "en" else zh,
            "status": state.status,
            "ahead": state.ahead,
            "counter": state.counter or None,
            "text": describe(state, lang),
        }

    def page(request: Request) -> Response:
        lang = "en" if request.query_params.get("lang") == "en" else "zh"
        w = WORDS[lang]
        state = find(request)
        other = "zh" if lang == "en" else "en"
        switch = f'<a href="?lang={other}">{w["switch"]}</a>'
        if state is None:
            return HTMLResponse(
                _html(w["title"], f'<p class="state">{w["missing"]}</p>{switch}', lang, 0), 404
            )
        j = as_json(state, lang)
        live = refresh if state.status not in FINAL else 0
        body = (
            f'<p class="number">{html.escape(j["number"])}</p>'
            f"<p>{w['service']}：{html.escape(j['service'])}</p>"
            f'<p class="state">{html.escape(j["text"])}</p>'
            + (f'<p class="note">{w["note"].format(s=refresh)}</p>' if live else "")
            + switch
        )
        return HTMLResponse(_html(w["title"], body, lang, live))

    def api(request: Request) -> Response:
        state = find(request)
        if state is None:
            return JSONResponse({"error": "not_found"}, 404)
        return JSONResponse(as_json(state, "en" if request.query_params.get("lang") == "en" else "zh"))

    def health(request: Request) -> Response:
        return JSONResponse({"ok": True})

    return Starlette(
        routes=[
            Route("/t/{day}/{number}/{token}", page),
            Route("/api/t/{day}/{number}/{token}", api),
            Route("/health", health),
        ]
    )


def _html(title: str, body: str, lang: str, refresh: int) -> str:
    meta = f'<meta http-equiv="refresh" content="{refresh}">' if refresh else ""
    return (
        f'<!doctype html><html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex">{meta}<title>{title}</title><style>'
        "body{font-family:sans-serif;margin:0;padding:24px;background:#f3f6fa;color:#1f2937;text-align:center}"
        "h1{color:#0b3a75;font-size:24px}.number{font-size:72px;font-weight:bold;color:#1565c0;margin:8px 0}"
        ".state{font-size:26px;font-weight:bold}.note{color:#6b7280;font-size:15px}a{color:#1565c0}"
        f"</style></head><body><h1>{title}</h1>{body}</body></html>"
    )


def serve(
    engine: Engine,
    links: TicketLinks,
    names: Mapping[str, tuple[str, str]] | None = None,
    *,
    refresh: int = 15,
    clock: Clock | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
) -> Running:
    """The page under uvicorn in a daemon thread of this process (simulate mode, tests)."""
    return Running(app(engine, links, names, refresh, clock), port, host).start()
