"""QR codes from a camera frame (zxing-cpp): the fallback when no scanner is fitted."""

from __future__ import annotations

import numpy as np


def decode_image(image: np.ndarray) -> list[str]:
    """Texts of the QR codes in a BGR or grey image, in zxing's order; [] when none."""
    import zxingcpp

    return [
        r.text
        for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
        if r.valid
    ]
