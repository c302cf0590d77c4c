"""The kiosk's one window: header, home, flows, attract, error, idle countdown and help."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.text import Bilingual, Text, tr
from devices.base import DeviceEvent
from kiosk import home
from kiosk.app import Kiosk
from kiosk.idle import IdleWatch
from kiosk.left_card import NOTICE, LeftCard
from kiosk.ui import theme
from kiosk.ui.bridge import channel
from kiosk.ui.i18n import Languages, ui
from kiosk.ui.screens import screen_class
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.tap_guard import TapGuard
from kiosk.ui.widgets import button, label

if TYPE_CHECKING:
    from PySide6.QtGui import QPointerEvent

    # the runtime and the view models load with the first journey, not before the first paint
    from flows.runtime import Outcome
    from flows.views import Intent, Message, View
    from kiosk.ui.flow_host import FlowHost
    from kiosk.ui.maintenance import StaffMode
    from kiosk.ui.overlays import HelpOverlay, IdleOverlay, LeaveOverlay
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.base import Screen

log = logging.getLogger(__name__)


@cache
def error_view(phone: str) -> Message:
    """The error screen's view (one object per help number: the idle check knows it by identity).
    The way to a person is the phone: at night the service desk is not staffed."""
    from flows.views import Message

    cleared = tr("系统出现了问题，您的信息已清除，没有产生任何费用。请返回首页重新开始")
    body = tr("{cleared}；需要帮助请拨打服务电话 {phone}", cleared=cleared, phone=phone) if phone else cleared
    return Message(
        title=tr("抱歉，本次办理未能完成"),
        body=body,
        prompt=tr("抱歉，本次办理未能完成，请返回首页重新开始"),
        tone="error",
        actions=(("home", tr("返回首页")),),
        timeout=30,
        can_go_back=False,
    )


HOME_HELP = tr("轻触一项业务开始办理。灰色的业务现在不能办理，原因写在下方。需要大字体请按“长者模式”。")

ESCAPE_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_F4,
    Qt.Key.Key_Q,
    Qt.Key.Key_W,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
}


def _render_certificate(cert: Any, printed_at: str, pdf: Path) -> Any:
    from kiosk.ui.certificate_doc import render  # on first use: not on the first paint's path

    return render(cert, printed_at, pdf)


# the shell's overlays, cached properties built after the first paint or at first use
OVERLAYS = ("idle_overlay", "help_overlay", "leave_overlay")
W = TypeVar("W", bound=QWidget)


def _polished(widget: W) -> W:
    widget.ensurePolished()
    return widget


class Shell(QWidget):
    def __init__(self, kiosk: Kiosk, *, kiosk_mode: bool = False) -> None:
        super().__init__()
        self.setObjectName("Shell")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.kiosk = kiosk
        self.kiosk_mode = kiosk_mode
        # the certificate journey lays out and paints its documents with Qt, so the UI lends it
        kiosk.services.setdefault("certificate_renderer", _render_certificate)
        kcfg = kiosk.config["kiosk"]
        self.kcfg = kcfg
        self.clock = kiosk.clock
        self.zone = ZoneInfo(kcfg["timezone"])
        self.languages = Languages()
        self.voice = kiosk.voice  # speaks on its own thread: say() never waits for the engine
        self.elderly = False
        self.metrics = theme.metrics()
        self.mode = "home"
        self.current_view: View | None = None
        self.error: BaseException | None = None
        self._host: FlowHost | None = None  # built with the first journey (see host)
        self.idle = IdleWatch(self.clock, kcfg["idle_timeout"], kcfg["idle_warning"])
        self._shown_at = 0.0  # when the current view appeared (clock.monotonic)
        self.tap_guard = TapGuard(float(kcfg["tap_guard"]))
        self.left_card = LeftCard(kiosk.alerts, self.clock.monotonic)
        self._screens: dict[type, Screen] = {}
        self._laid_out_portrait: bool | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        # the screen decides the window's size, never the content: a window taller than its
        # screen hides the bottom (the demo's 1920x1211 landscape shot); screens lay out for it
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.addWidget(self._build_header())
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.home_screen = HomeScreen(self.metrics, self.start_service, self.toggle_elderly)
        self.stack.addWidget(self.home_screen)
        # the attract screen and the overlays are built after the first paint (build_rest) or
        # at first use, whichever comes first: the home is painted without them
        self._staff: StaffMode | None = None  # built after the first paint (build_staff)
        self._last_press: tuple[int, float, float] | None = None

        # device workers reach the GUI only through the bridge: status changes as the newest
        # state only (a flapping device cannot flood the screen), driver events in order
        self._status_changes = channel(self._on_status_change, newest=True, owner=self)
        self._device_events = channel(self._on_device_event, owner=self)
        self._unsubscribe = [dev.subscribe(self._forward_device_event) for dev in kiosk.devices]

        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._last_refresh = -1e9
        self.languages.set(kcfg["language"])
        self.apply_style()
        self.go_home()

    @property
    def host(self) -> FlowHost:
        """Runs the journeys. Built when the first one starts: its modules (the runner, the view
        models, a thread pool) are not needed to paint the home."""
        if self._host is None:
            from kiosk.journey_log import journey_log
            from kiosk.ui.flow_host import FlowHost

            self._host = FlowHost(self, lambda key, outcome: journey_log(self.kiosk).ended(key, outcome))
        return self._host

    @property
    def in_journey(self) -> bool:
        return self._host is not None and self._host.active

    @property
    def working(self) -> bool:
        """A journey's step is running off the GUI thread (printing, paying)."""
        return self._host is not None and self._host.working

    @cached_property
    def attract_screen(self) -> AttractScreen:
        from kiosk.ui.screens.attract import AttractScreen  # built after the first paint: so is its module

        screen = AttractScreen(self.metrics)
        self.stack.addWidget(screen)
        return screen

    # Overlays are polished as they are built: they size their text (fit_one_line) before they
    # are first shown, which must measure the font the style sheet gives (bold), not the default
    @cached_property
    def idle_overlay(self) -> IdleOverlay:
        from kiosk.ui.overlays import IdleOverlay  # after the first paint, with its widget

        return _polished(IdleOverlay(self, self.metrics, self.keep_session))

    @cached_property
    def help_overlay(self) -> HelpOverlay:
        from kiosk.ui.overlays import HelpOverlay

        return _polished(HelpOverlay(self, self.metrics))

    @cached_property
    def leave_overlay(self) -> LeaveOverlay:
        from kiosk.ui.overlays import LeaveOverlay

        return _polished(LeaveOverlay(self, self.metrics, self.leave_journey))

    def _built(self, *names: str) -> list[QWidget]:
        """Those of the widgets built at first use (cached properties) that exist already."""
        return [self.__dict__[n] for n in names if n in self.__dict__]

    def _overlays(self) -> list[QWidget]:
        return self._built(*OVERLAYS)

    def build_rest(self) -> None:
        """Right after the first paint: what the home did not need, so that the first idle
        warning, help or attract screen is not built while a citizen waits for it."""
        for name in ("attract_screen", *OVERLAYS):
            getattr(self, name)
        self.build_staff()

    @property
    def staff(self) -> StaffMode:
        return self._staff or self.build_staff()

    def build_staff(self) -> StaffMode:
        """Maintenance mode (gesture, keypad, staff card, panel): nothing of it is needed for the
        first painted home, so its modules and widgets are built right after it
        (kiosk.ui.app.after_first_paint) or at its first use, whichever comes first."""
        if self._staff is None:
            from kiosk.ui.maintenance import StaffMode

            self._staff = StaffMode(self)
        return self._staff

    # ---- building ----
    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("Header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header_grid = QGridLayout(header)
        m = self.metrics.mm(4)
        self.header_grid.setContentsMargins(m, m // 2, m, m // 2)
        self.hall_label = label(self.hall_name(), "Hall")
        # the grid decides its width; it wraps rather than being cut or pushing buttons off
        self.hall_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock_label = label("", "Clock", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.home_button = button("", self.home_pressed, role="header", name="home")
        self.help_button = button("", self.show_help, role="header", name="help")
        self.lang_button = button("", self.toggle_language, role="header", name="language")
        self.header_narrow: bool | None = None
        return header

    def _layout_header(self) -> None:
        """One row when the hall name fits beside the clock and buttons, else the name gets a row
        of its own (a portrait screen on a journey, elderly mode): never cut, never overlapped."""
        buttons = [self.home_button, self.help_button, self.lang_button]
        grid = self.header_grid
        shown = [w for w in (self.clock_label, *buttons) if not w.isHidden()]
        for w in (self.hall_label, *shown):
            w.ensurePolished()
        margins = grid.contentsMargins()
        spacing = max(grid.horizontalSpacing(), 0)
        beside = sum(w.sizeHint().width() + spacing for w in shown) + margins.left() + margins.right()
        needed = self.hall_label.fontMetrics().horizontalAdvance(self.hall_label.text()) + spacing
        narrow = needed > self.width() - beside
        if narrow == self.header_narrow:
            return
        self.header_narrow = narrow
        for w in (self.hall_label, self.clock_label, *buttons):
            grid.removeWidget(w)
        row = 1 if narrow else 0
        grid.addWidget(self.hall_label, 0, 0, 1, 5 if narrow else 1)
        grid.addWidget(self.clock_label, row, 1)
        for i, b in enumerate(buttons):
            grid.addWidget(b, row, 2 + i)
        grid.setColumnStretch(0, 0 if narrow else 1)
        grid.setColumnStretch(1, 1 if narrow else 0)
        if narrow:
            self.clock_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def apply_style(self) -> None:
        self.metrics = theme.metrics(self.elderly)
        self.setStyleSheet(theme.stylesheet(self.metrics))
        screens: list[Any] = [
            self.home_screen,
            *self._built("attract_screen"),
            *self._screens.values(),
            *self._overlays(),
        ]
        for s in screens:
            s.metrics = self.metrics
        self.header_narrow = None  # font sizes changed: measure again
        self._layout_header()
        factor = self.kcfg["elderly_timeout_factor"] if self.elderly else 1.0
        self.idle.timeout = self.kcfg["idle_timeout"] * factor
        self.idle.warning = min(self.kcfg["idle_warning"] * factor, self.idle.timeout)

    def hall_name(self) -> str:
        """The hall's name in the language on screen (its Chinese name where none is configured)."""
        return ui(Bilingual(self.kcfg["hall_name"], (), self.kcfg["hall_name_en"]))

    def retranslate(self) -> None:
        self.hall_label.setText(self.hall_name())
        self.home_button.setText(ui(tr("首页")))
        self.help_button.setText(ui(tr("帮助")))
        self.lang_button.setText("中文" if self.languages.current == "en" else "English")
        self.home_button.setVisible(self.mode in ("flow", "error"))
        self.update_clock()
        self.header_narrow = None  # button widths changed with the language or mode
        self._layout_header()

    # ---- navigation ----
    def go_home(self) -> None:
        if self._staff is not None and self._staff.session.active:  # the staff session is over
            self._staff.session.end("home")
        ended = self.mode in ("flow", "error")  # a journey's last screen gave way to the tiles
        if ended:
            self.tap_guard.arm()
        self.mode = "home"
        self.current_view = None
        for overlay in self._overlays():
            overlay.hide()  # the next citizen must not find the last one's help or question
        self.idle.touch()
        # a card on the reader when the attract screen is woken or staff close their panel is
        # someone's about to be used, or staff's own: only a journey's end leaves one behind
        present = self._card_present()
        left = self.left_card.journey_ended(present) if ended else self.left_card.check(present)
        self.refresh_home()
        self.home_screen.to_top()  # not where the last citizen left it scrolled
        self.stack.setCurrentWidget(self.home_screen)
        self.retranslate()
        self.say(ui(NOTICE if left else tr("请选择您要办理的业务")))

    def refresh_home(self) -> None:
        tiles = home.tiles(
            list(self.kcfg["services"]), self.kiosk.catalog, self.kiosk.devices.status, self.kiosk.services
        )
        self.home_screen.show_tiles(tiles, self.elderly, NOTICE if self.left_card.left else None)
        self._last_refresh = self.clock.monotonic()

    def _error_timed_out(self) -> bool:
        """The error screen on show stood untouched for its time (it goes home by itself)."""
        failed = error_view(self.kcfg["help_phone"])
        return self.current_view is failed and self.idle.idle_for >= (failed.timeout or 30)

    def _card_present(self) -> bool | None:
        """Whether a card lies on the ID card reader, as its driver says in its status; None
        when the reader cannot tell (faulty, away, or no reader)."""
        present = self.kiosk.devices.status("idcard").detail.get("card_present")
        return None if present is None else bool(present)

    def _watch_left_card(self) -> None:
        """On the home, while a card is left: staff told when it has lain there long enough, the
        notice gone once it is taken (the reader's status change that says so redraws the home)."""
        if self.left_card.left:
            self.left_card.check(self._card_present())

    def next_visitor(self) -> bool:
        """The citizen has walked away (their journey timed out, or the home stood untouched
        until the attract screen): whoever comes next starts in the hall's language at the
        standard size, not in what the last one chose. True if that changed either."""
        changed = False
        if self.languages.current != self.kcfg["language"]:
            self.languages.set(self.kcfg["language"])
            changed = True
        if self.elderly:
            self.elderly = False
            self.apply_style()
            changed = True
        return changed

    def show_attract(self) -> None:
        self.mode = "attract"
        names = [ui(t.title) for t in self.home_screen.tiles if t.available]
        self.attract_screen.show_attract(self.hall_name(), names, self.kcfg["help_phone"])
        self.stack.setCurrentWidget(self.attract_screen)
        self.retranslate()

    def start_service(self, key: str) -> None:
        spec = self.kiosk.catalog.get(key)
        tile = next(
            (
                t
                for t in home.tiles([key], self.kiosk.catalog, self.kiosk.devices.status, self.kiosk.services)
            ),
            None,
        )
        if spec is None or tile is None or not tile.available or self.in_journey:
            self.refresh_home()  # it went off since the screen was drawn
            return
        self.mode = "flow"
        self.idle.touch()
        self.retranslate()
        self.host.start(spec, self.kiosk.new_context(self.elderly, lambda: self.languages.current, ui))

    def show_view(self, view: View, answer: Callable[[Intent], None] | None) -> None:
        """Called by the flow host (and for the error screen)."""
        screen = self._screen_for(type(view))
        self.current_view = view
        self._shown_at = self.clock.monotonic()
        screen.show_view(view, answer or (lambda _i: None))  # busy views take no answer
        self.stack.setCurrentWidget(screen)
        if self.tap_guard.shown(view):  # a new screen: help or a 首页 question about the last is moot
            for overlay in self._built("leave_overlay", "help_overlay"):
                overlay.hide()
        self.home_button.setEnabled(view.can_go_back or self.mode == "error")
        self.say(ui(view.prompt if str(view.prompt) else view.title))

    def _screen_for(self, view_type: type) -> Screen:
        screen = self._screens.get(view_type)
        if screen is None:
            screen = screen_class(view_type)(self.metrics)
            screen.kiosk = self.kiosk  # type: ignore[attr-defined]  # for screens that show devices
            screen.speak = self.say  # type: ignore[attr-defined]
            self._screens[view_type] = screen
            self.stack.addWidget(screen)
        return screen

    def flow_ended(self, outcome: Outcome) -> None:
        from flows.runtime import Finished, FlowFailed

        if isinstance(outcome, FlowFailed):
            self.flow_failed(outcome.error)
        else:
            log.info("flow ended: %s", outcome.result if isinstance(outcome, Finished) else outcome)
            if self._timed_out_untouched():
                self.next_visitor()  # the ticket or rating screen closed itself: nobody was there
            self.go_home()

    def _timed_out_untouched(self) -> bool:
        """The screen on show ran out its own time with nobody touching it since it appeared."""
        view = self.current_view
        shown_for = self.clock.monotonic() - self._shown_at
        return bool(
            view is not None
            and view.timeout
            and shown_for >= view.timeout
            and self.idle.idle_for >= shown_for
        )

    def flow_failed(self, error: BaseException) -> None:
        self.error = error
        self.mode = "error"
        self.retranslate()
        self.show_view(error_view(self.kcfg["help_phone"]), lambda _i: self.go_home())

    def home_pressed(self) -> None:
        if self.working:
            return  # printing or paying: let it finish
        lost = self._host.at_stake if self._host is not None else None
        if lost is not None:  # a mistaken tap must not cost a citizen their photo and prints
            self.leave_overlay.ask(ui(lost))
            self.say(ui(tr("要放弃本次申请吗？{lost}", lost=lost)))
            return
        self.leave_journey()

    def leave_journey(self) -> None:
        for overlay in self._built("leave_overlay"):  # its answer, or 首页 with nothing at stake
            overlay.hide()
        if self.working:
            return  # the journey moved on to printing or paying under the question: let it finish
        if self._host is not None:
            self._host.cancel("home")
        self.go_home()

    def keep_session(self) -> None:
        self.idle.touch()
        for overlay in self._built("idle_overlay"):
            overlay.hide()

    def toggle_language(self) -> None:
        self.languages.set("en" if self.languages.current == "zh" else "zh")
        self.retranslate()
        self._rerender()

    def toggle_elderly(self) -> None:
        self.elderly = not self.elderly
        self.apply_style()
        self._rerender()

    def _rerender(self) -> None:
        if self.mode == "home":
            self.refresh_home()
        elif self.mode == "attract":
            self.show_attract()
        elif self._staff is not None and self._staff.showing:
            self._staff.retranslate()
        elif self.current_view is not None:
            screen = self._screens[type(self.current_view)]
            answer = screen._answer
            if answer is not None:
                screen.show_view(self.current_view, answer)

    def show_help(self) -> None:
        self.help_overlay.show_help(self.kcfg["help_phone"], ui(self.step_help()), ui(self.way_out()))

    def way_out(self) -> Text:
        """How to leave the screen on show, as Help words it: 首页 is off while a journey cannot
        be dropped (a ticket, a payment, a rating), and Help must not send people to it then."""
        if self.mode not in ("flow", "error"):
            return Text("")  # the home screen: nothing to leave
        if self.home_button.isEnabled():
            return tr("按“首页”可放弃本次办理，您的信息会被清除。")
        screen = self.stack.currentWidget()
        buttons = screen.findChildren(QPushButton) if screen is not None else []
        if any(b.isVisible() and b.isEnabled() for b in buttons):
            return tr("这一步不能按“首页”离开，请按屏幕上的按钮继续。")
        return tr("这一步不能按“首页”离开，请稍候，完成后屏幕会提示下一步。")

    def step_help(self) -> Text:
        """What Help says about the screen on show: the flow's words for this step, else the
        screen kind's."""
        view = self.current_view
        if self.mode not in ("flow", "error") or view is None:
            return HOME_HELP
        if view.help is not None:
            return view.help
        return self._screen_for(type(view)).help

    def say(self, text: str) -> None:
        self.voice.speak(text, self.languages.current)

    # ---- time ----
    def update_clock(self) -> None:
        now = self.clock.now().astimezone(self.zone)
        self.clock_label.setText(now.strftime("%Y-%m-%d\n%H:%M"))  # two short lines leave room for the hall

    def tick(self) -> None:
        self.update_clock()
        if self._staff is not None and self._staff.showing:
            self._staff.tick()
            return
        if self.mode in ("flow", "error"):
            from flows.views import Payment  # loaded with the journey's first view

            view = self.current_view
            if self.working or isinstance(view, Payment) or (view is not None and view.waiting_on_us):
                # never time out a citizen while we are the slow one, nor one paying on the phone:
                # the payment has its own visible countdown and closes the order at its end
                self.idle.touch()
            self.host.tick()
            if self.mode == "error" and self._error_timed_out():
                self.next_visitor()
                self.go_home()
                return
            state = self.idle.state()
            if state.expired:
                self.host.cancel("idle")
                self.next_visitor()
                self.go_home()
            elif state.warning:
                self.idle_overlay.update_count(int(state.remaining + 0.999))
                if not self.idle_overlay.isVisible():
                    self.idle_overlay.cover()
                    self.say(ui(tr("您还在吗？请轻触屏幕继续")))
            else:
                for overlay in self._built("idle_overlay"):
                    overlay.hide()
        elif self.mode == "home":
            self._watch_left_card()
            if self.idle.idle_for >= self.kcfg["attract_after"]:
                if not self.left_card.left:
                    self.next_visitor()
                    self.show_attract()
                elif self.next_visitor():
                    # a card left behind keeps the home and its notice up (the attract screen
                    # would hide it), in the hall's language and size, not the last citizen's
                    self.retranslate()
                    self._rerender()
            elif self.clock.monotonic() - self._last_refresh >= 5:
                self.refresh_home()

    def _forward_device_event(self, ev: DeviceEvent) -> None:  # a device's worker thread
        if ev.kind == "status":
            self._status_changes.send((ev.device, ev.payload.state.value))
            # a flow waiting on this device must hear it went away, or came back
            from flows.views import offline, online

            self._device_events.send(((online if ev.payload.usable else offline)(ev.device), ev.payload))
        elif ev.kind != "frame":  # frames go to the camera screen's own channel
            self._device_events.send((ev.kind, ev.payload))

    def _on_status_change(self, _change: tuple[str, str]) -> None:
        if self.mode == "home":
            self._watch_left_card()
            self.refresh_home()
        elif self.mode == "staff":
            self.staff.panel.redraw()  # staff watch the device they are fixing come back

    def _on_device_event(self, event: tuple[str, Any]) -> None:
        kind, payload = event
        if self.mode == "staff":  # staff testing a reader: the maintenance page shows it
            self.staff.panel.device_event(kind, payload)
            return
        if kind == "card_inserted" and not self.in_journey and self.staff.card(payload.id_number):
            return  # a staff card: maintenance mode, not a citizen's journey
        self.host.deliver_event(*event)  # kept for a view that will wait for it (a card put down first)

    # ---- input ----
    def user_activity(self) -> None:
        self.idle.touch()
        if self._staff is not None:
            self._staff.touched()
        if self.mode == "attract":
            self.go_home()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # the input event classes are imported with the first such event: PySide builds their
        # classes (~4 ms) when first named, and every event reaches here, the first paint's too
        et = event.type()
        # a quick second tap comes as a double click (X, a touch panel driven as a mouse)
        if et in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin):
            from PySide6.QtGui import QPointerEvent

            assert isinstance(event, QPointerEvent)
            if isinstance(obj, QWidget) and obj.window() is self and self._staff_gesture(event):
                return True
            was_attract = self.mode == "attract"
            self.user_activity()
            if was_attract:
                return True  # the touch that wakes the kiosk does not also press a button
            if self.tap_guard.active and self._on_screen(obj):
                return True  # meant for the screen this one just replaced (kiosk/ui/tap_guard.py)
        if self.kiosk_mode and et in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            from PySide6.QtGui import QKeyEvent

            assert isinstance(event, QKeyEvent)
            mods = event.modifiers()
            if event.key() in ESCAPE_KEYS and (
                event.key() == Qt.Key.Key_Escape
                or mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
            ):
                return True
        if self.kiosk_mode and et == QEvent.Type.Close and obj is self:
            event.ignore()
            return True
        return False

    def _on_screen(self, obj: QObject) -> bool:
        """`obj` is on the home or journey screen showing (not the header, not an overlay)."""
        page = self.stack.currentWidget()
        return isinstance(obj, QWidget) and page is not None and (obj is page or page.isAncestorOf(obj))

    def _staff_gesture(self, event: QPointerEvent) -> bool:
        """Feed each press once to the hidden staff gesture (the window and each widget up the
        chain see the same press: they share its timestamp and place)."""
        if not event.points():
            return False
        pos = self.mapFromGlobal(event.points()[0].globalPosition())
        press = (event.timestamp(), pos.x(), pos.y())
        if press == self._last_press:
            return False
        self._last_press = press
        return self.staff.press(pos.x(), pos.y())

    @property
    def portrait(self) -> bool:
        return self.height() >= self.width()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout_header()
        if self.portrait != self._laid_out_portrait:
            self._laid_out_portrait = self.portrait
            self._rerender()  # tiles in one column or three
        for ov in self._overlays():
            if ov.isVisible():
                ov.setGeometry(self.rect())

    def shutdown(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._status_changes.close()
        self._device_events.close()
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:  # install()'s filter: a closed shell no longer sees the app's input
            app.removeEventFilter(self)
        if self._host is not None:
            self._host.shutdown()


def install(shell: Shell) -> None:
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(shell)
