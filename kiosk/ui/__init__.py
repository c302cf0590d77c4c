"""The Qt user interface: renders view models, reports intents. The only Qt code in the app."""

from kiosk.ui import pyside_hook

pyside_hook.install()
