"""Camera diagnostics.

python -m devices.camera idphoto INPUT_IMAGE -o OUT.jpg [--preset ga461] [--json]
python -m devices.camera snapshot --source SRC -o FILE
python -m devices.camera measure INPUT_IMAGE      (the per-frame measures and the instruction)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2

from devices.camera.detect import DetectorUnavailable, make_detector
from devices.camera.guidance import Guidance
from devices.camera.idphoto import PhotoRefused, build_id_photo
from devices.camera.measures import measure
from devices.camera.presets import all_presets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m devices.camera", description="Camera and ID photo diagnostics"
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("idphoto", help="build the ID photo from a picture and print the compliance report")
    p.add_argument("input", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--preset", default="ga461", help=f"one of {', '.join(all_presets())}")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--detector", choices=("haar", "yunet"), default="haar")
    p.add_argument("--yunet-model", default="")
    s = sub.add_parser("snapshot", help="save one frame from a camera index, file or URL")
    s.add_argument("--source", required=True)
    s.add_argument("-o", "--output", type=Path, required=True)
    s.add_argument("--width", type=int, default=1280)
    s.add_argument("--height", type=int, default=720)
    m = sub.add_parser("measure", help="print the guidance measures of a picture")
    m.add_argument("input", type=Path)
    args = ap.parse_args(argv)

    if args.cmd == "snapshot":
        from devices.base import DeviceError
        from devices.camera.driver import snapshot

        try:
            w, h = snapshot(args.source, args.output, {"width": args.width, "height": args.height})
        except (DeviceError, OSError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        print(f"saved {w}x{h} frame to {args.output}")
        return 0

    image = cv2.imread(str(args.input), cv2.IMREAD_COLOR)
    if image is None:
        print(f"error: cannot read image {args.input}", file=sys.stderr)
        return 2
    if args.cmd == "measure":
        ms = measure(image, make_detector())
        advice = Guidance().update(ms, 0.0)
        print(
            json.dumps(
                {**ms.as_json(), "instruction": advice.code, "text": str(advice.text)}, ensure_ascii=False
            )
        )
        return 0

    presets = all_presets()
    if args.preset not in presets:
        print(f"error: unknown preset {args.preset!r} (known: {', '.join(presets)})", file=sys.stderr)
        return 2
    try:
        detector = make_detector({"detector": args.detector, "yunet_model": args.yunet_model})
        photo = build_id_photo(image, presets[args.preset], detector)
    except PhotoRefused as e:
        if args.json:
            print(json.dumps({"ok": False, "error": e.code, "reason": str(e.reason)}, ensure_ascii=False))
        print(f"error: {e.code}: {e.reason}", file=sys.stderr)
        return 1
    except DetectorUnavailable as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    args.output.write_bytes(photo.jpeg)
    if args.json:
        print(json.dumps(photo.as_json(), ensure_ascii=False))
    else:
        print(f"{args.output}: {photo.image.shape[1]}x{photo.image.shape[0]}, {len(photo.jpeg)} bytes")
        print(photo.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
