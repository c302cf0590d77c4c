"""Translatable text that Qt-free code (flows, devices) can hand to the UI.

Source strings are Chinese, the kiosk's first language; resources/i18n/en.ts holds English.
`pyside6-lupdate` extracts every literal `tr("...")` call (context ""), so this bare function
is the one way to mark text in any module, Qt or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Text:
    """A UI string in its Chinese source form with its arguments, translated when rendered."""

    source: str
    args: tuple[tuple[str, Any], ...] = ()

    def render(self, translate: Any = None, language: str = "zh") -> str:
        """Format with `translate` (source -> translated) applied to this text and nested texts."""
        tr_fn = translate or (lambda s: s)
        values = {k: (v.render(translate, language) if isinstance(v, Text) else v) for k, v in self.args}
        return tr_fn(self.source).format(**values) if values else tr_fn(self.source)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Bilingual(Text):
    """Text whose English comes from data (a service name in the config), not from en.ts."""

    en: str = ""

    def render(self, translate: Any = None, language: str = "zh") -> str:
        return self.en if language == "en" and self.en else self.source


def tr(source: str, **args: Any) -> Text:
    """Mark `source` for translation; `{name}` fields are filled from `args` after translating."""
    return Text(source, tuple(args.items()))


TextLike = Text | str


def lines(texts: list[Text]) -> Text:
    """Texts one per line (nothing to translate in the joint)."""
    return Text(
        "\n".join(f"{{l{i}}}" for i in range(len(texts))), tuple((f"l{i}", t) for i, t in enumerate(texts))
    )


def join(texts: list[Text]) -> Text:
    """Several reasons or notes as one text, separated by the Chinese semicolon (translated)."""
    out = texts[0]
    for t in texts[1:]:
        out = tr("{a}；{b}", a=out, b=t)
    return out


def as_text(value: TextLike) -> Text:
    return value if isinstance(value, Text) else Text(value)
