"""Camera: guidance pipeline throughput against the camera's 30 fps, and ID photo time.

1. analysis on one core: OpenCV limited to one thread, 1280x720 frames of the booth scene
   (the astronaut swaying a few pixels, as the simulator shows her) through measures and
   guidance, as fast as it goes. Ratio = analysed fps / 30; goal >= 0.95.
2. live: the simulator streams MJPEG at 30 fps, the real driver decodes it, the guidance worker
   analyses the newest frame whenever free. Ratio = analysed frames / frames the camera sent.
   Simulator, decoder and analysis share this machine's cores here; on a kiosk the camera is
   separate hardware.
3. ID photo: from a 1280x720 frame to the finished GA 461 JPEG (median of 7).
"""

from __future__ import annotations

import statistics
import time

import cv2
import numpy as np

SOURCE_FPS = 30.0


def _frames(n: int) -> list[np.ndarray]:
    from devices.camera.scene import Scene, render

    base = render(Scene())
    out = []
    for i in range(n):
        dx = 8.0 * np.sin(2 * np.pi * i / 90)
        m = np.array([[1, 0, dx], [0, 1, 0]], np.float32)
        out.append(cv2.warpAffine(base, m, (1280, 720), borderMode=cv2.BORDER_REPLICATE))
    return out


def bench_analysis(seconds: float = 4.0) -> float:
    from devices.camera.detect import HaarDetector
    from devices.camera.guidance import Guidance
    from devices.camera.measures import Analyzer

    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        frames = _frames(90)
        analyzer, guidance = Analyzer(HaarDetector()), Guidance()
        analyzer.measure(frames[0])
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            m = analyzer.measure(frames[n % len(frames)])
            guidance.update(m, n / SOURCE_FPS)
            n += 1
        fps = n / (time.perf_counter() - start)
    finally:
        cv2.setNumThreads(threads)
    print(
        f"analysis, 1 core, 1280x720: {fps:.1f} fps  ratio to {SOURCE_FPS:.0f} fps: {fps / SOURCE_FPS:.2f}"
        f"  (goal >= 0.95)  per frame {1000 / fps:.1f} ms"
    )
    return fps


def bench_live(seconds: float = 5.0) -> float:
    from devices.base import Device, State
    from devices.camera.driver import OpenCvCamera
    from devices.camera.pipeline import GuidanceWorker
    from devices.camera.simulator import CameraSimulator

    sim = CameraSimulator(None, {"fps": SOURCE_FPS}).start()
    settings = {"width": 1280, "height": 720, "fps": SOURCE_FPS, **sim.settings_overrides()}
    dev = Device("camera", lambda emit: OpenCvCamera(settings, emit))
    delivered = [0]
    dev.subscribe(lambda ev: delivered.__setitem__(0, delivered[0] + 1) if ev.kind == "frame" else None)
    worker = GuidanceWorker({"steady_seconds": 1000}, lambda a: None).start()
    dev.subscribe(worker.feed)
    dev.start()
    try:
        dev.wait_until(lambda s: s.state is State.OK, 10)
        time.sleep(1.0)
        d0, a0, t0 = delivered[0], worker.analysed, time.perf_counter()
        time.sleep(seconds)
        dt = time.perf_counter() - t0
        sent, analysed = delivered[0] - d0, worker.analysed - a0
    finally:
        worker.stop()
        dev.stop()
        sim.stop()
    ratio = analysed / sent if sent else 0.0
    print(
        f"live via simulator: camera delivered {sent / dt:.1f} fps, analysed {analysed / dt:.1f} fps"
        f"  ratio analysed/delivered: {ratio:.2f}"
    )
    return ratio


def bench_photo(runs: int = 7) -> float:
    from devices.camera.detect import HaarDetector
    from devices.camera.idphoto import build_id_photo
    from devices.camera.presets import BUILTIN

    frame = _frames(1)[0]
    detector = HaarDetector()
    build_id_photo(frame, BUILTIN["ga461"], detector)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        photo = build_id_photo(frame, BUILTIN["ga461"], detector)
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    print(
        f"ID photo from a 1280x720 frame: median {med * 1000:.0f} ms (min {min(times) * 1000:.0f}, "
        f"max {max(times) * 1000:.0f}); {len(photo.jpeg)} bytes, compliant: {photo.ok}"
    )
    return med


def main() -> None:
    bench_analysis()
    bench_live()
    bench_photo()


if __name__ == "__main__":
    main()
