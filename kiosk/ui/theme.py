"""Sizes and colours. Touch targets are sized in millimetres from the screen's physical DPI."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QGuiApplication

BLUE = "#1656a5"
BLUE_DARK = "#0d3f7f"
GREEN = "#17693a"
RED = "#c0392b"
AMBER = "#8a5a00"
GREY = "#5f6673"
TEXT = "#1f2937"
BG = "#f3f6fa"
WHITE = "#ffffff"
TILE_OFF_BG = "#eceff3"
TILE_OFF_TEXT = "#4b5563"
TILE_REASON = "#9a3412"  # why a service is off: dark orange, readable on the grey tile
BUTTON_OFF_BG = "#c9d1dc"
BUTTON_OFF_TEXT = "#3f4753"
NOTICE_BG = "#fff1cc"  # what the citizen must do before anything else (a card left on the reader)
HEADER_OFF_TEXT = "#c7d6ec"  # a header button that does nothing now: dim text, no border

#: every text colour on the background it is drawn on; each must reach WCAG AA (4.5:1)
TEXT_ON_BACKGROUND = {
    "text": (TEXT, BG),
    "title": (BLUE_DARK, BG),
    "hint": (GREY, BG),
    "error": (RED, BG),
    "big success": (GREEN, BG),
    "big warning": (AMBER, BG),
    "notice": (AMBER, NOTICE_BG),
    "big error": (RED, BG),
    "big info": (BLUE, BG),
    "header": (WHITE, BLUE),
    "header button off": (HEADER_OFF_TEXT, BLUE),
    "button": (WHITE, BLUE),
    "button off": (BUTTON_OFF_TEXT, BUTTON_OFF_BG),
    "secondary button": (BLUE, WHITE),
    "tile": (BLUE_DARK, WHITE),
    "tile detail": (TEXT, WHITE),
    "tile off": (TILE_OFF_TEXT, TILE_OFF_BG),
    "tile reason": (TILE_REASON, TILE_OFF_BG),
    "key": ("#111827", WHITE),
}


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]
FONT_PX = 28  # the application's font; the style sheet sizes each kind of text apart


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels for this screen's density (mm) and the elderly scale."""

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
    font.setPixelSize(FONT_PX)
    return font


def stylesheet(m: Metrics) -> str:
    f = m.font
    return f"""
    QWidget#Shell {{ background: {BG}; }}
    QLabel {{ color: {TEXT}; font-size: {f(28)}px; }}
    QLabel#Title {{ font-size: {f(46)}px; font-weight: bold; color: {BLUE_DARK}; }}
    QLabel#Body {{ font-size: {f(32)}px; }}
    QLabel#Big {{ font-size: {f(150)}px; font-weight: bold; color: {BLUE}; }}
    QLabel#Error {{ font-size: {f(28)}px; color: {RED}; }}
    QLabel#Hint {{ font-size: {f(24)}px; color: {GREY}; }}
    QLabel#Notice {{ font-size: {f(36)}px; font-weight: bold; color: {AMBER}; background: {NOTICE_BG};
        border: 3px solid {AMBER}; border-radius: 14px; padding: 12px 20px; }}
    QWidget#Header {{ background: {BLUE}; }}
    QWidget#Header QLabel {{ color: {WHITE}; font-size: {f(30)}px; }}
    QWidget#Header QLabel#Clock {{ font-size: {f(26)}px; font-weight: bold; }}
    QPushButton {{
        min-height: {m.target}px; font-size: {f(32)}px; border-radius: 14px;
        background: {BLUE}; color: {WHITE}; padding: 8px 24px; border: none;
    }}
    QPushButton:pressed {{ background: {BLUE_DARK}; }}
    QPushButton:disabled {{ background: {BUTTON_OFF_BG}; color: {BUTTON_OFF_TEXT}; }}
    QPushButton[role="secondary"] {{ background: {WHITE}; color: {BLUE}; border: 3px solid {BLUE}; }}
    QPushButton[role="secondary"]:disabled {{ background: {BUTTON_OFF_BG}; color: {BUTTON_OFF_TEXT};
        border: 3px dashed {BUTTON_OFF_TEXT}; }}
    QPushButton[role="header"] {{ background: transparent; color: {WHITE}; border: 2px solid {WHITE};
        font-size: {f(26)}px; min-width: {m.target}px; padding: 8px 16px; }}
    QPushButton[role="header"]:disabled {{ color: {HEADER_OFF_TEXT}; border: 2px dashed {HEADER_OFF_TEXT}; }}
    QPushButton[role="tile"] {{ text-align: left; padding: 0px;
        background: {WHITE}; border: 3px solid #c8d6ea; border-radius: 20px; }}
    QPushButton[role="tile"]:disabled {{ background: {TILE_OFF_BG}; border-color: #d6dbe2; }}
    QLabel#TileTitle {{ font-size: {f(40)}px; color: {BLUE_DARK}; }}
    QLabel#TileDetail {{ font-size: {f(30)}px; color: {TEXT}; }}
    QLabel#TileTitle:disabled, QLabel#TileDetail:disabled {{ color: {TILE_OFF_TEXT}; }}
    QLabel#TileReason {{ font-size: {f(28)}px; color: {TILE_REASON}; }}
    QPushButton[role="pick"] {{ background: {WHITE}; color: {BLUE_DARK}; border: 3px solid #c8d6ea; }}
    QPushButton[role="pick"]:checked {{ background: {BLUE}; color: {WHITE}; border-color: {BLUE}; }}
    QPushButton[role="key"] {{ font-size: {f(44)}px; background: {WHITE}; color: #111827;
        border: 2px solid #c8d6ea; }}
    QLineEdit {{ font-size: {f(48)}px; min-height: {m.target}px; border: 3px solid {BLUE};
        border-radius: 12px; padding: 4px 16px; background: {WHITE}; }}
    QWidget#Overlay {{ background: rgba(17, 24, 39, 170); }}
    QFrame#Card {{ background: {WHITE}; border-radius: 24px; }}
    """
