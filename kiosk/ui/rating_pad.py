"""The counter's rating pad (好差评): a second small window facing the citizen (or a tablet's
screen). When the clerk finishes a ticket the pad asks the citizen to rate that service, with the
kiosk's own rating flow and screens (flows/rating.py for_ticket, stored by hall/ratings); between
services it says what it is for."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from core.clock import Clock
from core.text import Text, tr
from flows.rating import for_ticket
from flows.runtime import FlowContext, FlowFailed, FlowSpec, Outcome
from flows.session import Session
from flows.views import Intent, View
from kiosk.config import Config
from kiosk.ui import theme
from kiosk.ui.flow_host import FlowHost
from kiosk.ui.i18n import Languages, ui
from kiosk.ui.screens import screen_class
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets import button, label

log = logging.getLogger(__name__)


class RatingPad(QWidget):
    """attach(ratings) once the ratings store is open; rate(number, counter) after each service."""

    def __init__(self, config: Config, clock: Clock, runtime_dir: Path) -> None:
        super().__init__()
        self.setObjectName("Shell")  # the kiosk's look: its style sheet keys on this name
        self.setWindowTitle("服务评价")
        self.metrics = theme.metrics()
        self.setStyleSheet(theme.stylesheet(self.metrics))
        self.config, self.clock, self.runtime_dir = config, clock, runtime_dir
        self.ratings: Any = None
        self.current_view: View | None = None
        self._answer: Any = None
        self.last_outcome: Outcome | None = None
        self.host = FlowHost(self)
        self._screens: dict[type, Screen] = {}
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch(1)
        # the citizen's language for this rating, the pad's own (the kiosk beside it keeps its
        # language); back to Chinese when the rating ends
        self.languages = Languages(app_wide=False)
        self.language = button("English", self._toggle_language, "secondary", "language")
        top.addWidget(self.language)
        root.addLayout(top)
        self.stack = QStackedWidget()
        root.addWidget(self.stack)
        self.waiting = QWidget()
        idle = QVBoxLayout(self.waiting)
        idle.addStretch(1)
        self.idle_text = label("", "Title", align=Qt.AlignmentFlag.AlignCenter)
        self._say(tr("办理完成后，请在这里为本次服务评价"))
        idle.addWidget(self.idle_text)
        idle.addStretch(1)
        self.stack.addWidget(self.waiting)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.host.tick)  # a citizen who walks away: the view times out
        self.timer.start()

    def attach(self, ratings: Any) -> None:
        self.ratings = ratings

    def rate(self, number: str, counter: str) -> None:
        """Ask for the rating of `number` served at `counter` (a rating still open is dropped)."""
        if self.ratings is None:
            self._say(tr("评价系统暂时无法使用"))
            return
        self.host.cancel("next citizen")
        spec = FlowSpec(
            "rating", tr("服务评价"), Text(""), lambda ctx: for_ticket(ctx, number, counter), rated=False
        )
        ctx = FlowContext(
            clock=self.clock,
            session=Session(self.runtime_dir),
            config=self.config,
            services={"ratings": self.ratings},
        )
        self.host.start(spec, ctx)

    # ---- what the flow host calls ----

    def show_view(self, view: View, answer: Any) -> None:
        screen = self._screens.get(type(view))
        if screen is None:
            screen = screen_class(type(view))(self.metrics)
            screen.kiosk = None  # type: ignore[attr-defined]  # no devices on a pad
            screen.speak = lambda _text: None  # type: ignore[attr-defined]  # the pad is silent
            self._screens[type(view)] = screen
            self.stack.addWidget(screen)
        self.current_view = view
        self._answer = answer or (lambda _i: None)
        with self.languages.rendering():
            screen.show_view(view, self._answer)
        self.stack.setCurrentWidget(screen)

    def flow_ended(self, outcome: Outcome) -> None:
        self.last_outcome = outcome
        if isinstance(outcome, FlowFailed):
            self.flow_failed(outcome.error)
            return
        self._idle()

    def flow_failed(self, error: BaseException) -> None:
        log.error("rating pad: %s", error)
        self._idle()
        self._say(tr("评价未能保存，请咨询工作人员"))

    def _toggle_language(self) -> None:
        self._set_language("zh" if self.languages.current == "en" else "en")

    def _set_language(self, lang: str) -> None:
        self.languages.set(lang)
        self.language.setText("中文" if lang == "en" else "English")
        view = self.current_view
        if view is not None:
            self.show_view(view, self._answer)  # the same question, now in this language
        else:
            self._say(tr("办理完成后，请在这里为本次服务评价"))

    def _idle(self) -> None:
        if self.languages.current != "zh":
            self._set_language("zh")
        self.current_view = None
        self._say(tr("办理完成后，请在这里为本次服务评价"))
        self.stack.setCurrentWidget(self.waiting)

    def _say(self, text: Text) -> None:
        with self.languages.rendering():
            self.idle_text.setText(ui(text))

    def answer(self, intent: Intent) -> None:
        """Tests and the demo: answer the view on screen as a tap would."""
        screen = self.stack.currentWidget()
        if isinstance(screen, Screen):
            screen.answer(intent)

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        self.host.shutdown()
        super().closeEvent(event)
