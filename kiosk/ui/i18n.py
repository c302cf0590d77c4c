"""Languages: Chinese source text, English through Qt's translator (resources/i18n/en.qm)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from core.text import Text, TextLike

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


_current = "zh"
# One translator for the application, not one per window: a second Shell (a restart of the
# window, the next test) must be able to take back the English its predecessor installed.
_translator: QTranslator | None = None


# The language of the window rendering now, when it has one of its own (see Languages).
_window: str | None = None


@contextmanager
def rendering(lang: str) -> Iterator[None]:
    """Texts shown inside (ui()) are in `lang`, whatever the application's language is."""
    global _window
    before, _window = _window, lang
    try:
        yield
    finally:
        _window = before


class Languages:
    """The kiosk's language (app_wide: every screen that follows), or one window's own (the
    rating pad, a counter terminal: in a one-process hall the citizen's English at the pad must
    not carry over to the kiosk's next screen). A window with its own draws inside rendering()."""

    def __init__(self, app_wide: bool = True) -> None:
        self.current = "zh"
        self.app_wide = app_wide

    def rendering(self) -> AbstractContextManager[None]:
        return rendering(self.current)

    def set(self, lang: str) -> None:
        if not self.app_wide:
            self.current = lang
            return
        global _current, _translator
        app = QCoreApplication.instance()
        if _translator is not None and app is not None:
            app.removeTranslator(_translator)
            _translator = None
        if lang == "en":
            tr = QTranslator()
            if tr.load(str(I18N_DIR / "en.qm")) and app is not None:
                app.installTranslator(tr)
                _translator = tr
        self.current = lang
        _current = lang


def language() -> str:
    """The language ui() renders in now: the drawing window's own, else the application's."""
    return _window if _window is not None else _current


def translate(source: str) -> str:
    return QCoreApplication.translate("", source) if source else ""


def ui(text: TextLike) -> str:
    """A Text in the current language, fields filled; a plain str (a name, a number) is shown as is."""
    if isinstance(text, str):
        return text
    if _window is not None:  # a window's own language: not the application's translator
        return english(text) if _window == "en" else text.render(None, _window)
    return text.render(translate, _current)


_english: QTranslator | None = None


def english(text: TextLike) -> str:
    """A Text in English whatever language the application shows (a hall board says both)."""
    global _english
    if isinstance(text, str):
        return text
    if _english is None:
        _english = QTranslator()
        _english.load(str(I18N_DIR / "en.qm"))
    found = _english
    return text.render(lambda s: found.translate("", s) or s, "en")


__all__ = ["Languages", "Text", "english", "rendering", "translate", "ui"]
