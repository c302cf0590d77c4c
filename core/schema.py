"""Declaring configuration options: each option once, with its default and description.

Plain Python so device packages can declare their own sections without importing the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Text options longer than this are refused: a config value is a name, a path or a URL, and a
# megabyte of it is a mistake (or an attack on the header that shows it).
MAX_TEXT = 1000


@dataclass(frozen=True)
class Option:
    """One configuration key: its default, help text and what values it allows."""

    key: str
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None
    min: float | None = None
    max: float | None = None
    # For a list of tables (e.g. queue services): the options of each table.
    item: tuple[Option, ...] | None = None
    # Allowed type when it cannot be inferred from the default (e.g. default None).
    kind: type | None = None
    # Longest text allowed (characters).
    max_len: int = MAX_TEXT
    # A further check of a well-typed value: returns None when fine, else what is allowed.
    check: Callable[[Any], str | None] | None = None

    @property
    def type(self) -> type:
        if self.kind is not None:
            return self.kind
        return type(self.default)

    def allowed(self) -> str:
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        t = self.type
        names = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}
        desc = names.get(t, "a list" if t is list else t.__name__)
        if self.min is not None and self.max is not None:
            desc += f" from {self.min:g} to {self.max:g}"
        elif self.min is not None:
            desc += f" of at least {self.min:g}"
        if t is str:
            desc += f" of at most {self.max_len} characters"
        return desc


@dataclass(frozen=True)
class Section:
    """A [section] of the config file and its options."""

    name: str
    help: str
    options: tuple[Option, ...] = field(default_factory=tuple)


class ConfigError(Exception):
    """A configuration problem, stated in one line for the person installing the kiosk."""
