"""The kiosk application. Only kiosk.ui imports Qt; every other module here is plain Python."""

__version__ = "0.1.0"
