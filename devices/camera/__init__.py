"""Camera for ID photos and face comparison (OpenCV)."""

from kiosk.schema import Option

DRIVERS = {"opencv": "devices.camera.driver:OpenCvCamera"}
SIMULATOR = "devices.camera.simulator:CameraSimulator"

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("source", "0", "Device index, file path or URL OpenCV opens."),
)
