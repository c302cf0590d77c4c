"""Languages: Chinese source text, English through Qt's translator (resources/i18n/en.qm)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from core.text import Text, TextLike

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


_current = "zh"
# One translator for the application, not one per window: a second Shell (a restart of the
# window, the next test) must be able to take back the English its predecessor installed.
_translator: QTranslator | None = None


class Languages:
    def __init__(self) -> None:
        self.current = "zh"

    def set(self, lang: str) -> None:
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


def translate(source: str) -> str:
    return QCoreApplication.translate("", source) if source else ""


def ui(text: TextLike) -> str:
    """A Text in the current language, fields filled; a plain str (a name, a number) is shown as is."""
    if isinstance(text, str):
        return text
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


__all__ = ["Languages", "Text", "english", "translate", "ui"]
