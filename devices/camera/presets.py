"""Photo specs: GA 461 and the variants a hall may need, plus the hall's own from config."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class PhotoPreset:
    name: str
    width: int = 358
    height: int = 441
    dpi: int = 350
    face_width: int = 207
    face_tolerance: int = 14
    hair_top_min: int = 7
    hair_top_max: int = 21
    eye_min_from_bottom: int = 207  # 0: no eye rule
    min_kb: int = 14
    max_kb: int = 20

    @property
    def face_range(self) -> tuple[int, int]:
        return self.face_width - self.face_tolerance, self.face_width + self.face_tolerance


BUILTIN: dict[str, PhotoPreset] = {
    # GA 461-2004 resident ID card photo (protocols.md section 4)
    "ga461": PhotoPreset("ga461"),
    # Social security card: same frame, wider face range (179-255 px), offices take up to 40 KB
    "social_security": PhotoPreset("social_security", face_width=217, face_tolerance=38, max_kb=40),
    # Passport / travel document 33x48 mm at 300 dpi: head 15-22 mm wide, hair 3-5 mm below the top
    "passport_33x48": PhotoPreset(
        "passport_33x48",
        width=390,
        height=567,
        dpi=300,
        face_width=218,
        face_tolerance=40,
        hair_top_min=35,
        hair_top_max=59,
        eye_min_from_bottom=260,
        min_kb=20,
        max_kb=60,
    ),
}


def all_presets(settings: Mapping[str, Any] | None = None) -> dict[str, PhotoPreset]:
    """Built-ins, overridden or extended by the [[devices.camera.photo_presets]] tables."""
    presets = dict(BUILTIN)
    known = {f.name for f in fields(PhotoPreset)}
    for table in (settings or {}).get("photo_presets", []) or []:
        values = {k: v for k, v in table.items() if k in known}
        presets[values["name"]] = PhotoPreset(**values)
    return presets


def get_preset(name: str, settings: Mapping[str, Any] | None = None) -> PhotoPreset:
    presets = all_presets(settings)
    try:
        return presets[name]
    except KeyError:
        raise KeyError(f"unknown photo preset {name!r} (known: {', '.join(presets)})") from None
