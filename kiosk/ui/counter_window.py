"""The counter terminal (--role counter): a clerk logs in as a counter and its services, calls the
next citizen, recalls, starts, finishes, records a no-show, holds, transfers, pauses; the lines of
its services are listed. Every database action runs on one worker thread (a lost database makes
a button answer late with an error, never freezes the window); results come back through the
bridge."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.text import Text, tr
from hall.queue.errors import QueueError
from kiosk.ui import theme
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import Languages, ui
from kiosk.ui.screens.base import clear
from kiosk.ui.widgets import button, label

log = logging.getLogger(__name__)

REFRESH_MS = 2000  # the lines change with every kiosk's issue: re-read this often


class CounterWindow(QWidget):
    """Attach a Calling (hall/queue/calling.py) once the store is open; `counter` preselects the
    counter (config [calling] counter), `services` its services (empty: all it serves)."""

    def __init__(self, counter: str = "", services: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.setObjectName("CounterWindow")
        self.setWindowTitle("窗口叫号")
        self.setStyleSheet(theme.stylesheet(theme.metrics()) + _STYLE)
        self.calling: Any = None
        self._login_portrait: bool | None = None  # the shape the login was laid out for
        self.counter = counter
        self.wanted_services = services
        self.state: Any = None
        self.lines: dict[str, list[Any]] = {}
        self.on_finished: Callable[[Any], None] | None = None  # the rating pad hooks in here
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="counter")
        self._results = channel(self._show_result, owner=self)
        self._busy = False

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 8, 16, 8)
        # the clerk's language, this window's own (a kiosk in the same process keeps its language)
        self.languages = Languages(app_wide=False)
        self._error: Text | None = None
        top = QHBoxLayout()
        self.title = label("", "Title", wrap=False)
        top.addWidget(self.title, 1)
        self.language = button("English", self._toggle_language, "secondary", "language")
        top.addWidget(self.language)
        self.error = label("", "Error")
        self.pages = QStackedWidget()
        root.addLayout(top)
        root.addWidget(self.pages, 1)
        root.addWidget(self.error)

        self.login_page = QWidget()
        self.login_layout = QVBoxLayout(self.login_page)
        self.pages.addWidget(self.login_page)

        self.main_page = QWidget()
        main = QHBoxLayout(self.main_page)
        left = QVBoxLayout()
        self.number = label("", "CounterNumber", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.status = label("", "Body", align=Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.number)
        left.addWidget(self.status)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions: list[tuple[str, Text, Callable[[], None]]] = [
            ("call_next", tr("叫下一位"), lambda: self._act("call_next")),
            ("recall", tr("重呼"), lambda: self._act("recall")),
            ("start", tr("开始办理"), lambda: self._act("start")),
            ("finish", tr("办结"), lambda: self._act("finish")),
            ("no_show", tr("过号"), lambda: self._act("no_show")),
            ("hold", tr("暂缓"), lambda: self._act("hold")),
            ("transfer", tr("转其他业务"), self._choose_transfer),
            ("pause", tr("暂停办理"), lambda: self._act("pause")),
            ("resume", tr("恢复服务"), lambda: self._act("resume")),
            ("logout", tr("退出登录"), lambda: self._act("logout")),
        ]
        self._action_texts = {name: text for name, text, _ in actions}
        cell = 0
        for name, text, fn in actions:
            b = button(ui(text), fn, "secondary" if name in ("pause", "resume", "logout") else "", name)
            self.buttons[name] = b
            cell -= name == "resume"  # pause and resume share a place: one shows at a time
            grid.addWidget(b, cell // 3, cell % 3)
            cell += 1
        left.addLayout(grid)
        self.transfer_row = QHBoxLayout()
        left.addLayout(self.transfer_row)
        left.addStretch(1)
        main.addLayout(left, 3)
        self.lines_box = QVBoxLayout()
        lines_panel = QWidget()
        lines_panel.setObjectName("Lines")
        lines_panel.setLayout(self.lines_box)
        main.addWidget(lines_panel, 2)
        self.pages.addWidget(self.main_page)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.title.setText(ui(tr("正在连接排队系统…")))

    # ---- set-up ----

    def attach(self, calling: Any) -> None:
        self.calling = calling
        if self.counter and self.counter in calling.store.settings.counters():
            self._run(lambda: calling.login(self.counter, self.wanted_services), then_state=True)
        else:
            self._show_login()
        self.timer.start()

    @property
    def _portrait(self) -> bool:
        return self.height() > self.width()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        on_login = self.pages.currentWidget() is self.login_page
        if on_login and self._login_portrait not in (None, self._portrait):
            self._show_login()  # the counters laid out again for the new shape

    def _show_login(self) -> None:
        with self.languages.rendering():
            self._draw_login()

    def _draw_login(self) -> None:
        clear(self.login_layout)
        settings = self.calling.store.settings
        self.title.setText(ui(tr("窗口登录")))
        self.login_layout.addWidget(label(ui(tr("请选择本窗口：")), "Body"))
        row = QGridLayout()
        self._login_portrait = self._portrait
        cols = 3 if self._portrait else 5  # five "Counter N" side by side overflow a portrait screen
        for i, name in enumerate(settings.counters()):
            b = button(
                ui(tr("{counter} 号窗口", counter=name)),
                partial(self._pick, name),
                "secondary",
                f"counter_{name}",
            )
            b.setCheckable(True)  # the chosen counter shows checked: its services follow below
            b.setChecked(name == self.counter)
            row.addWidget(b, i // cols, i % cols)
        self.login_layout.addLayout(row)
        if self.counter:
            self.login_layout.addWidget(label(ui(tr("本窗口办理的业务（可多选）：")), "Body"))
            self.service_buttons: dict[str, QPushButton] = {}
            for code in self.calling.services_of(self.counter):
                svc = settings.service(code)
                b = QPushButton(svc.name_for(self.languages.current))
                b.setProperty("role", "secondary")
                b.setObjectName(f"service_{code}")
                b.setCheckable(True)
                b.setChecked(True)
                self.service_buttons[code] = b
                self.login_layout.addWidget(b)
            self.login_layout.addWidget(button(ui(tr("登录")), self._login, "", "login"))
        self.login_layout.addStretch(1)
        self.pages.setCurrentWidget(self.login_page)

    def _pick(self, counter: str) -> None:
        self.counter = counter
        self._show_login()

    def _login(self) -> None:
        chosen = tuple(c for c, b in self.service_buttons.items() if b.isChecked())
        if not chosen:
            self.show_error(tr("请至少选择一项业务"))
            return
        self._run(lambda: self.calling.login(self.counter, chosen), then_state=True)

    # ---- actions ----

    def refresh(self) -> None:
        if self.calling is not None and self.counter and not self._busy:
            self._run(lambda: None, then_state=True, quiet=True)

    def _act(self, action: str, *args: str) -> None:
        fn = getattr(self.calling, action)
        self._run(lambda: fn(self.counter, *args), then_state=True, action=action)

    def _choose_transfer(self) -> None:
        clear(self.transfer_row)
        current = self.state.current if self.state is not None else None
        for svc in self.calling.store.settings.services:
            if current is not None and svc.code == current.line:
                continue
            self.transfer_row.addWidget(
                button(
                    svc.name_for(self.languages.current),
                    partial(self._transfer, svc.code),
                    "secondary",
                    f"transfer_{svc.code}",
                )
            )

    def _transfer(self, code: str) -> None:
        clear(self.transfer_row)
        self._act("transfer", code)

    def _run(self, fn: Callable[[], Any], *, then_state: bool, action: str = "", quiet: bool = False) -> None:
        """fn on the worker; then the counter's state and lines, read there too."""
        self._busy = True
        if not quiet:
            self.show_error(None)

        def work() -> None:
            result: dict[str, Any] = {"action": action}
            try:
                result["value"] = fn()
            except QueueError as e:
                result["error"] = e.reason
            except Exception as e:  # the window stays usable; the log has the cause
                log.exception("counter action %s failed", action or "refresh")
                result["error"] = tr("操作失败：{why}", why=str(e))
            if then_state and self.counter:
                try:
                    state = self.calling.state(self.counter)
                    result["state"] = state
                    result["lines"] = self.calling.waiting(list(state.services) or None)
                except QueueError as e:
                    result.setdefault("error", e.reason)
            self._results.send(result)

        self._pool.submit(work)

    def _show_result(self, result: dict[str, Any]) -> None:
        self._busy = False
        if "error" in result:
            self.show_error(result["error"])
        if "state" in result:
            self.state, self.lines = result["state"], result["lines"]
            self._render()
        if result["action"] == "finish" and "value" in result and self.on_finished is not None:
            self.on_finished(result["value"])

    # ---- drawing ----

    def _toggle_language(self) -> None:
        lang = "zh" if self.languages.current == "en" else "en"
        self.languages.set(lang)
        self.language.setText("中文" if lang == "en" else "English")
        with self.languages.rendering():
            for name, b in self.buttons.items():
                b.setText(ui(self._action_texts[name]))
            self.show_error(self._error)
            if self.calling is None:
                self.title.setText(ui(tr("正在连接排队系统…")))
        if self.calling is not None:
            if self.pages.currentWidget() is self.main_page and self.state is not None:
                self._render()
            else:
                self._show_login()
            if self.transfer_row.count():
                self._choose_transfer()

    def show_error(self, error: Text | None) -> None:
        self._error = error
        with self.languages.rendering():
            self.error.setText(ui(error) if error is not None else "")

    def _render(self) -> None:
        with self.languages.rendering():
            self._draw()

    def _draw(self) -> None:
        state = self.state
        if state is None or not state.logged_in:
            self._draw_login()
            return
        if self.login_layout.count():  # hidden, its grid would still set the window's minimum size
            clear(self.login_layout)
            self._login_portrait = None
        settings = self.calling.store.settings
        lang = self.languages.current
        names = (", " if lang == "en" else "、").join(
            settings.service(s).name_for(lang) for s in state.services
        )
        paused = ui(tr("（暂停中）")) if state.paused else ""
        self.title.setText(ui(tr("{counter} 号窗口", counter=state.name)) + f" · {names}{paused}")
        current = state.current
        self.number.setText(current.number if current else "—")
        if current is None:
            self.status.setText(
                ui(tr("暂停服务中，恢复后可叫号")) if state.paused else ui(tr("空闲，可叫下一位"))
            )
        elif current.status == "serving":
            self.status.setText(ui(tr("办理中")))
        elif current.calls < self.calling.no_show_after:  # why 过号 is not offered yet
            self.status.setText(
                ui(
                    tr(
                        "已叫号 {n} 次，等待群众到窗口；叫满 {limit} 次可过号",
                        n=current.calls,
                        limit=self.calling.no_show_after,
                    )
                )
            )
        else:
            self.status.setText(ui(tr("已叫号 {n} 次仍未到窗口，可过号", n=current.calls)))
        limit = self.calling.no_show_after
        called = current is not None and current.status == "called"
        enabled = {
            "call_next": current is None and not state.paused,
            "recall": called and current.calls < limit,
            "start": called,
            "finish": current is not None,
            "no_show": called and current.calls >= limit,
            "hold": current is not None,
            "transfer": current is not None,
            "pause": current is None and not state.paused,
            "resume": state.paused,
            "logout": current is None,
        }
        for name, b in self.buttons.items():
            b.setEnabled(bool(enabled[name]))
            b.setVisible(name != ("pause" if state.paused else "resume"))
        if current is None:
            clear(self.transfer_row)
        clear(self.lines_box)
        self.lines_box.addWidget(label(ui(tr("等候队列")), "Title"))
        for code, visits in self.lines.items():
            svc = settings.service(code)
            self.lines_box.addWidget(
                label(ui(tr("{name}：{n} 人等候", name=svc.name_for(lang), n=len(visits))), "Body")
            )
            shown = [v.number + (ui(tr("（暂缓）")) if v.status == "held" else "") for v in visits[:12]]
            more = ui(tr(" 等 {n} 个", n=len(visits))) if len(visits) > 12 else ""
            self.lines_box.addWidget(label("  ".join(shown) + more or ui(tr("无人等候")), "Hint"))
        self.lines_box.addStretch(1)
        self.pages.setCurrentWidget(self.main_page)

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().closeEvent(event)


_STYLE = f"""
QWidget#CounterWindow {{ background: {theme.BG}; }}
QLabel#CounterNumber {{ font-size: 100px; font-weight: bold; color: {theme.BLUE}; }}
QWidget#Lines {{ background: {theme.WHITE}; border-radius: 16px; }}
QPushButton[role="secondary"]:checked {{ background: {theme.GREEN}; color: {theme.WHITE}; border: none; }}
QPushButton[role="secondary"]:disabled {{
    background: {theme.BUTTON_OFF_BG}; color: {theme.BUTTON_OFF_TEXT}; border: none; }}
"""
