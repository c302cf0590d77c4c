"""Sizes and colours. Touch targets are sized in millimetres from the screen's physical DPI."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QGuiApplication

BLUE = "#1656a5"
BLUE_DARK = "#0d3f7f"
GREEN = "#1f8a4c"
RED = "#c0392b"
AMBER = "#b9770e"
GREY = "#6b7280"
BG = "#f3f6fa"

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]


@dataclass(frozen=True)
class Metrics:
    px_per_mm: float
    scale: float  # 1.0, or larger in elderly mode

    def mm(self, mm: float) -> int:
        return round(mm * self.px_per_mm)

    @property
    def target(self) -> int:
        """Smallest touch target: 15 mm, never below 72 px."""
        return max(self.mm(15), 72)

    def font(self, pt: float) -> int:
        return round(pt * self.scale)


def metrics(elderly: bool = False) -> Metrics:
    screen = QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen else 96.0
    dpi = dpi if 50 <= dpi <= 400 else 96.0
    return Metrics(dpi / 25.4, 1.35 if elderly else 1.0)


def app_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(28)
    return font


def stylesheet(m: Metrics) -> str:
    f = m.font
    return f"""
    QWidget#Shell {{ background: {BG}; }}
    QLabel {{ color: #1f2937; font-size: {f(28)}px; }}
    QLabel#Title {{ font-size: {f(46)}px; font-weight: bold; color: {BLUE_DARK}; }}
    QLabel#Body {{ font-size: {f(32)}px; }}
    QLabel#Big {{ font-size: {f(150)}px; font-weight: bold; color: {BLUE}; }}
    QLabel#Error {{ font-size: {f(28)}px; color: {RED}; }}
    QLabel#Hint {{ font-size: {f(24)}px; color: {GREY}; }}
    QWidget#Header {{ background: {BLUE}; }}
    QWidget#Header QLabel {{ color: white; font-size: {f(30)}px; }}
    QWidget#Header QLabel#Clock {{ font-size: {f(30)}px; font-weight: bold; }}
    QPushButton {{
        min-height: {m.target}px; font-size: {f(32)}px; border-radius: 14px;
        background: {BLUE}; color: white; padding: 8px 24px; border: none;
    }}
    QPushButton:pressed {{ background: {BLUE_DARK}; }}
    QPushButton:disabled {{ background: #c9d1dc; color: #5b6573; }}
    QPushButton[role="secondary"] {{ background: white; color: {BLUE}; border: 3px solid {BLUE}; }}
    QPushButton[role="header"] {{ background: transparent; color: white; border: 2px solid white;
        font-size: {f(26)}px; min-width: {m.target}px; }}
    QPushButton[role="tile"] {{ text-align: left; padding: 24px 32px; font-size: {f(40)}px;
        background: white; color: {BLUE_DARK}; border: 3px solid #c8d6ea; border-radius: 20px; }}
    QPushButton[role="tile"]:disabled {{ background: #eceff3; color: #7b8494; border-color: #d6dbe2; }}
    QPushButton[role="key"] {{ font-size: {f(44)}px; background: white; color: #111827;
        border: 2px solid #c8d6ea; }}
    QLineEdit {{ font-size: {f(48)}px; min-height: {m.target}px; border: 3px solid {BLUE};
        border-radius: 12px; padding: 4px 16px; background: white; }}
    QWidget#Overlay {{ background: rgba(17, 24, 39, 170); }}
    QFrame#Card {{ background: white; border-radius: 24px; }}
    """
