"""Camera for ID photos and face comparison (OpenCV)."""

from core.schema import Option

DRIVERS = {"opencv": "devices.camera.driver:OpenCvCamera"}
SIMULATOR = "devices.camera.simulator:CameraSimulator"

# The options of one [[devices.camera.photo_presets]] table (a hall's own photo spec).
PRESET_ITEM = (
    Option("name", None, "Preset name, used by photo_preset and the CLI's --preset.", kind=str),
    Option("width", 358, "Photo width in pixels.", min=64, max=4000),
    Option("height", 441, "Photo height in pixels.", min=64, max=4000),
    Option("dpi", 350, "Resolution written into the JPEG.", min=72, max=1200),
    Option("face_width", 207, "Target face width in pixels.", min=16),
    Option("face_tolerance", 14, "Allowed deviation of the face width in pixels.", min=0),
    Option("hair_top_min", 7, "Fewest pixels between the top edge and the top of the hair.", min=0),
    Option("hair_top_max", 21, "Most pixels between the top edge and the top of the hair.", min=0),
    Option(
        "eye_min_from_bottom", 207, "Eyes at least this many pixels above the bottom (0: no rule).", min=0
    ),
    Option("min_kb", 14, "Smallest JPEG file size in KB.", min=1),
    Option("max_kb", 20, "Largest JPEG file size in KB.", min=1),
)

OPTIONS = (
    Option("driver", "none", "Driver name.", choices=("none", *DRIVERS)),
    Option("source", "0", "Device index, file path or URL OpenCV opens (files loop)."),
    Option("width", 1280, "Capture width in pixels.", min=160, max=4096),
    Option("height", 720, "Capture height in pixels.", min=120, max=2160),
    Option("fps", 30.0, "Capture frame rate (files and simulators are paced to it).", min=1, max=120),
    Option("stall_timeout", 3.0, "Seconds without a frame before the camera counts as lost.", min=0.5),
    Option(
        "detector",
        "haar",
        "Face detector: OpenCV's bundled Haar cascades or YuNet.",
        choices=("haar", "yunet"),
    ),
    Option(
        "yunet_model", "", "Path of the YuNet ONNX model (face_detection_yunet_*.onnx) for detector yunet."
    ),
    Option("analysis_width", 320, "Frames are scaled to this width for face analysis.", min=160, max=1920),
    Option("face_min", 0.13, "Guidance: smallest face width as a share of the frame width.", min=0.02, max=1),
    Option("face_max", 0.25, "Guidance: largest face width as a share of the frame width.", min=0.02, max=1),
    Option(
        "centre_tolerance",
        0.08,
        "Guidance: largest offset of the face centre as a share of the width.",
        min=0.01,
        max=0.5,
    ),
    Option("max_roll", 8.0, "Guidance: largest head tilt in degrees.", min=1, max=45),
    Option(
        "min_brightness", 80.0, "Guidance: darkest acceptable mean face brightness (0-255).", min=0, max=255
    ),
    Option(
        "max_imbalance",
        0.25,
        "Guidance: largest left/right face brightness difference (share).",
        min=0.01,
        max=1,
    ),
    Option("min_sharpness", 60.0, "Guidance: least face sharpness (Laplacian variance).", min=0),
    Option("steady_seconds", 1.0, "Compliant and still this long before the 3-2-1 countdown.", min=0, max=10),
    Option("countdown", 3, "Seconds of the visible countdown before auto-capture.", min=0, max=10),
    Option("photo_preset", "ga461", "Photo spec used by the kiosk (a built-in or photo_presets name)."),
    Option(
        "photo_presets",
        [],
        "Extra photo specs (a hall's own); built-ins: ga461, social_security, passport_33x48.",
        kind=list,
        item=PRESET_ITEM,
    ),
    Option(
        "background_min",
        150.0,
        "Darkest background (0-255 luminance) that is still whitened; darker is refused.",
        min=0,
        max=255,
    ),
    Option(
        "background_max_spread",
        16.0,
        "Most background unevenness (luminance deviation) that is whitened.",
        min=0,
        max=128,
    ),
    Option(
        "matcher",
        "simulated",
        "Face comparison: simulated (demo), sface (local model) or remote.",
        choices=("simulated", "sface", "remote"),
    ),
    Option("sface_model", "", "Path of the SFace ONNX model (face_recognition_sface_*.onnx)."),
    Option("remote_url", "", "Platform URL that compares two faces (matcher remote)."),
    Option("remote_timeout", 8.0, "Seconds to wait for the remote comparison.", min=0.5, max=60),
    Option(
        "match_threshold",
        0.4,
        "Least score (0-1) that counts as the same person (sface: cosine, 0.363 suggested).",
        min=0,
        max=1,
    ),
    Option("simulated_score", 0.92, "Score the simulated matcher reports for two faces.", min=0, max=1),
    Option("liveness_frames", 30, "Frames a liveness check looks across.", min=5, max=600),
)
