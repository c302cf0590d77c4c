"""Voice: what speak() costs the GUI thread, how soon the engine begins, how soon a frozen engine
shows as degraded. A private speech-dispatcher + espeak-ng with null audio output, so the time
from BEGIN to END is synthesis only (on a kiosk it is the length of the spoken prompt).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.voice import DEGRADED, OK, Voice
from tests.speechd import speech_dispatcher

CALL = "请 A 零 零 五 号 到 2 号窗口办理"
RUNS = 20


def wait_for(cond: Callable[[], object], timeout: float = 30) -> float:
    start = time.perf_counter()
    while not cond():
        if time.perf_counter() - start > timeout:
            raise TimeoutError("voice bench: condition not reached")
        time.sleep(0.001)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, speech_dispatcher(Path(tmp)) as sd:
        voice = Voice(address=sd.address).start()
        try:
            wait_for(lambda: voice.status.state == OK)
            calls, begins, ends = [], [], []
            for i in range(RUNS):
                text = f"{CALL} {i}"
                t0 = time.perf_counter()
                voice.speak(text, "zh")
                calls.append(time.perf_counter() - t0)
                begins.append(wait_for(lambda t=text: ("begin", t) in voice.played) + calls[-1])
                ends.append(wait_for(lambda t=text: ("end", t) in voice.played) + begins[-1])
            print(
                f"speak() on the caller's thread: median {statistics.median(calls) * 1e6:.0f} us, "
                f"max {max(calls) * 1e6:.0f} us ({RUNS} calls)"
            )
            print(
                f"speak() to engine BEGIN: median {statistics.median(begins) * 1e3:.0f} ms, "
                f"max {max(begins) * 1e3:.0f} ms"
            )
            print(
                f"speak() to END (null audio, synthesis only): median {statistics.median(ends) * 1e3:.0f} ms"
            )
            sd.freeze()
            t0 = time.perf_counter()
            voice.speak("请稍候")
            returned = time.perf_counter() - t0
            degraded = wait_for(lambda: voice.status.state == DEGRADED, 60)
            print(
                f"frozen daemon: speak() returned in {returned * 1e6:.0f} us; "
                f"voice degraded after {degraded:.1f} s (read timeout {voice.timeout:g} s)"
            )
            sd.thaw()
        finally:
            voice.stop()
