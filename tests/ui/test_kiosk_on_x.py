"""The real kiosk (run_kiosk.py, kiosk mode) on a real X server: Xvfb with no window manager, as
the deploy guide's bare X, and with openbox. The window must cover the screen at each size."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.ui import theme
from kiosk.ui.board_window import NAVY
from tests.kiosk_process import kiosk_config

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/ui"))
TOOLS = ("Xvfb", "xdotool", "xwininfo", "import", "openbox")


def _need_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    assert not missing, f"missing {missing}: run tools/setup-system.sh"


def _wait(predicate, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class X:
    def __init__(self, width: int, height: int, wm: bool, tmp: Path) -> None:
        _need_tools()
        self.size = (width, height)
        r, w = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(w,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(w)
        with os.fdopen(r) as f:
            self.display = ":" + f.readline().strip()
        self.env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
        self.procs: list[subprocess.Popen[bytes]] = []
        if wm:
            self.procs.append(
                subprocess.Popen(
                    ["openbox", "--sm-disable"],
                    env=self.env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        self.tmp = tmp

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=30).stdout

    def kiosk_window(self) -> tuple[int, int, int, int] | None:
        for wid in self.run("xdotool", "search", "--onlyvisible", "--class", "gov-kiosk").split():
            info = dict(
                line.strip().split(":", 1)
                for line in self.run("xwininfo", "-id", wid).splitlines()
                if ":" in line
            )
            geo = tuple(
                int(info[k]) for k in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
            )
            if geo[2] > 1 and geo[3] > 1:
                return geo  # type: ignore[return-value]
        return None

    def screenshot(self, name: str) -> QImage:
        path = self.tmp / f"{name}.png"
        self.run("import", "-window", "root", str(path))
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
        return QImage(str(path))

    def close(self) -> None:
        for p in [*self.procs, self.xvfb]:
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.fixture
def start_kiosk(tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    servers: list[X] = []
    kiosks: list[subprocess.Popen[bytes]] = []

    def start(width: int, height: int, wm: bool) -> X:
        x = X(width, height, wm, tmp_path)
        servers.append(x)
        cfg = kiosk_config(
            tmp_path, ["queue", "demo", "photo"], f'[health]\nstatus_file = "{tmp_path}/health.json"\n'
        )
        log = open(tmp_path / f"kiosk-{width}x{height}.out", "wb")  # noqa: SIM115  # closed with the process
        kiosks.append(
            subprocess.Popen(
                [sys.executable, str(ROOT / "run_kiosk.py"), "--config", str(cfg)],
                env=x.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        return x

    yield start
    for k in kiosks:
        k.send_signal(signal.SIGTERM)
        try:
            # SIGTERM is how systemd stops the kiosk: it must end by itself
            assert k.wait(30) == 0
        finally:
            if k.poll() is None:
                k.kill()
    for x in servers:
        x.close()


def _covered(x: X, name: str) -> None:
    """The screenshot is the kiosk's, edge to edge: the background colour reaches every corner
    (Xvfb's root is black) and the header's blue spans the top. Polled: the first frames after
    mapping may not be painted yet."""
    w, h = x.size
    bg, blue = QColor(theme.BG).name(), QColor(theme.BLUE).name()
    spots = {(w - 3, h - 3): bg, (3, h - 3): bg, (w // 2, h - 3): bg, (w - 3, 3): blue, (3, 3): blue}

    def painted() -> dict[tuple[int, int], str] | None:
        img = x.screenshot(name)
        seen = {p: img.pixelColor(*p).name() for p in spots}
        return seen if (img.width(), img.height()) == x.size and seen == spots else None

    try:
        _wait(painted, 30, "the kiosk painted edge to edge")
    except AssertionError:
        img = x.screenshot(name)
        raise AssertionError({p: img.pixelColor(*p).name() for p in spots}) from None


WINDOWED_SIM = ("--simulate", "--windowed")
SIZES = [(1080, 1920), (1920, 1080), (1280, 1024), (768, 1366)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_kiosk_window_covers_a_bare_x_screen(start_kiosk, size):
    x = start_kiosk(*size, wm=False)
    geo = _wait(lambda: (g := x.kiosk_window()) and g[2:] == size and g, 60, f"a {size} window")
    assert geo == (0, 0, *size)
    _covered(x, f"x-bare-{size[0]}x{size[1]}")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_kiosk_window_covers_the_screen_under_a_window_manager(start_kiosk, size):
    x = start_kiosk(*size, wm=True)
    geo = _wait(lambda: (g := x.kiosk_window()) and g[2:] == size and g, 60, f"a {size} window")
    assert geo == (0, 0, *size)
    _covered(x, f"x-openbox-{size[0]}x{size[1]}")


def _end_spawned_under(folder: Path) -> None:
    """End what the app spawned with `folder` on its command line: the speech-dispatcher the
    speech client autospawns (its socket under HOME) outlived the test by hours (a kiosk's own
    would end with the machine; a test's must not pile up)."""
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:  # gone meanwhile, or not a process
            continue
        if proc.name.isdigit() and str(folder).encode() in cmdline:
            pid = int(proc.name)
            try:  # it ignores SIGTERM; it leads a group with its espeak-ng module (setsid)
                if os.getpgid(pid) == pid:
                    os.killpg(pid, signal.SIGKILL)
                else:
                    os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_make_run_on_a_bare_x_keeps_the_kiosk_in_front_and_brings_each_role_forward(tmp_path):
    """`make run` (every role in one process) on one screen with no window manager: the board
    used to open over the kiosk's home at (0, 0) and nothing could move it."""
    x = X(1920, 1080, False, tmp_path)
    kiosk = subprocess.Popen(
        [sys.executable, "run_kiosk.py", "--config", "resources/config/simulate.toml", *WINDOWED_SIM],
        cwd=ROOT,
        env={**x.env, "HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    blue, navy = QColor(theme.BLUE).name(), QColor(NAVY).name()

    def at_top_left(colour: str, name: str) -> bool:
        return x.screenshot(name).pixelColor(3, 3).name() == colour

    try:
        _wait(lambda: at_top_left(blue, "x-bare-hall-kiosk"), 90, "the kiosk's header in front")
        panel = x.run("xdotool", "search", "--onlyvisible", "--name", "设备模拟器").split()
        assert panel, "the simulator panel is shown"
        x.run("xdotool", "mousemove", "600", "500")  # no window manager: keys go under the pointer
        x.run("xdotool", "key", "ctrl+4")
        _wait(lambda: at_top_left(navy, "x-bare-hall-board"), 30, "the board brought forward")
        x.run("xdotool", "key", "ctrl+1")
        _wait(lambda: at_top_left(blue, "x-bare-hall-kiosk-again"), 30, "the kiosk in front again")
    finally:
        kiosk.send_signal(signal.SIGTERM)
        try:
            kiosk.wait(30)
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
            x.close()
            _end_spawned_under(tmp_path)
