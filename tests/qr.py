"""QR codes read off printed receipts, as a scanner or a phone would (zxing-cpp, the kiosk's own
camera decoder; OpenCV's detector misses a few percent of perfect codes)."""

from pathlib import Path

import cv2

from devices.scanner.qr import decode_image


def read_qr(png: Path) -> list[str]:
    """The texts of every QR code on a saved receipt, top to bottom as zxing finds them."""
    return decode_image(cv2.imread(str(png)))


def read_one_qr(png: Path) -> str:
    """The text of the receipt's single QR code, or "" when there is none or more than one."""
    codes = read_qr(png)
    return codes[0] if len(codes) == 1 else ""
