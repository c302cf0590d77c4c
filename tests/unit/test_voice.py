"""The voice against a real speech-dispatcher + espeak-ng (private daemon, null audio output)."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

import pytest

from kiosk.alerts import Alerts
from kiosk.app import _alert_on_voice
from kiosk.voice import DEGRADED, OK, SynthVoice, Voice, choose_voice
from tests.speechd import speech_dispatcher, write_config

CALL = "请 A 零 零 五 号 到 2 号窗口办理"


def wait_for(cond: Callable[[], object], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


@pytest.fixture
def speechd(tmp_path):
    with speech_dispatcher(tmp_path) as sd:
        yield sd


@pytest.fixture
def voice(speechd):
    v = Voice(address=speechd.address, timeout=1.0, retry_after=0.5).start()
    yield v
    v.stop()


def test_chinese_is_spoken_by_the_mandarin_voice_and_english_by_an_english_one(speechd, voice):
    voice.speak("请稍候", "zh")
    wait_for(lambda: ("end", "请稍候") in voice.played)
    voice.speak("Please wait", "en")
    wait_for(lambda: ("end", "Please wait") in voice.played)
    assert voice.status.state == OK
    assert [(s.text, s.voice) for s in voice.spoken] == [
        ("请稍候", "Chinese (Mandarin, latin as English)"),
        ("Please wait", "English (America)"),
    ]
    # what espeak-ng itself was told before each message, and that audio came out
    told = [
        line
        for line in speechd.log().splitlines()
        if line.startswith(("language=", "synthesis_voice="))
        or "Command sent to output module: |SPEAK" in line
    ]
    speaks = [i for i, line in enumerate(told) if "SPEAK" in line]
    assert len(speaks) == 2
    assert "synthesis_voice=Chinese (Mandarin, latin as English)" in told[: speaks[0]]
    assert "language=cmn" in told[: speaks[0]]
    assert "synthesis_voice=English (America)" in told[speaks[0] : speaks[1]]
    assert "samples to audio" in speechd.log()


def test_a_call_queued_twice_is_spoken_twice_in_turn(voice):
    voice.speak("请稍候", "zh")
    voice.speak(CALL, "zh", interrupt=False)
    voice.speak(CALL, "zh", interrupt=False)
    wait_for(lambda: [e for e in voice.played if e[1] == CALL].count(("end", CALL)) == 2)
    heard = [kind for kind, text in voice.played if text == CALL]
    assert heard == ["begin", "end", "begin", "end"]  # never two at once


def test_a_frozen_speech_service_is_a_degraded_voice_not_a_hang(speechd, voice):
    alerts = Alerts(None)
    voice.subscribe(_alert_on_voice(alerts))
    voice.speak("请稍候")
    wait_for(lambda: ("end", "请稍候") in voice.played)
    speechd.freeze()
    voice.speak("请选择您要办理的业务")  # returns at once; the worker times out
    wait_for(lambda: voice.status.state == DEGRADED)
    assert "did not answer" in voice.status.reason
    # the alert is raised by the listener just after the status changes, on the voice's thread
    wait_for(lambda: [(a.source, a.code) for a in alerts.active()] == [("voice", "degraded")])
    speechd.thaw()
    wait_for(lambda: voice.status.state == OK)  # retried and back without a restart
    wait_for(lambda: alerts.active() == [])
    voice.speak("请取票")
    wait_for(lambda: ("end", "请取票") in voice.played)


def test_a_daemon_slow_to_answer_its_first_client_is_waited_for_not_called_degraded(speechd):
    """A daemon just started on a loaded machine takes seconds over its first answers (it loads
    its output module); the kiosk must not call the voice broken, kill it and stay mute for
    retry_after. Later commands keep the short timeout (the frozen-daemon test above)."""
    states: list[str] = []
    speechd.freeze()  # accepts the connection, answers nothing until thawed
    v = Voice(address=speechd.address, timeout=2.0, retry_after=60)
    v.subscribe(lambda status: states.append(status.state))
    v.start()
    thaw = threading.Timer(3.0, speechd.thaw)  # slower than `timeout`, within the start-up grace
    thaw.start()
    try:
        v.speak("请稍候")
        wait_for(lambda: ("end", "请稍候") in v.played)
        assert states == [OK]
    finally:
        thaw.cancel()
        speechd.thaw()
        v.stop()


def test_a_daemon_the_voice_started_and_that_froze_is_ended_and_started_afresh(tmp_path, monkeypatch):
    # the user config speech-dispatcher reads when spawned, as on a kiosk set up with spd-conf
    write_config(tmp_path / "xdg" / "speech-dispatcher", tmp_path / "home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    pidfile = tmp_path / "run" / "speechd.pid"
    v = Voice(address=f"unix_socket:{tmp_path}/run/speechd.sock", timeout=1, retry_after=0.5).start()
    pids = []
    try:
        v.speak("请取票")
        wait_for(lambda: ("end", "请取票") in v.played)  # spawned, and it speaks
        pids.append(int(pidfile.read_text()))
        os.killpg(pids[0], signal.SIGSTOP)
        v.speak("请稍候")
        wait_for(lambda: v.status.state == DEGRADED)
        wait_for(lambda: not os.path.exists(f"/proc/{pids[0]}"))  # ended, not left holding the socket
        wait_for(lambda: v.status.state == OK)  # a fresh one at the next try
        pids.append(int(pidfile.read_text()))
        assert pids[1] != pids[0]
        v.speak("请取票")
        wait_for(lambda: [e for e in v.played if e == ("end", "请取票")] == [("end", "请取票")] * 2)
    finally:
        v.stop()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)


def test_no_speech_service_is_a_degraded_voice(tmp_path):
    v = Voice(address=f"unix_socket:{tmp_path}/none.sock", spawn=False, timeout=1).start()
    try:
        v.speak("请取票")
        wait_for(lambda: v.status.state == DEGRADED)
        assert v.status.reason == "speech-dispatcher is not running"
    finally:
        v.stop()


def test_spoken_text_is_kept_masked(voice):
    voice.speak("身份证号 11010519491231002X 已读取")
    wait_for(lambda: len(voice.spoken) == 1)
    assert voice.spoken[0].text == "身份证号 110105********002X 已读取"


def test_disabled_voice_never_connects(speechd):
    v = Voice(False, address=speechd.address).start()
    v.speak("请取票")
    assert v.status.state == "off" and v.last_spoken == "请取票" and not v.spoken


def test_voice_choice_prefers_mandarin_base_voices():
    voices = [
        SynthVoice("Chinese (Cantonese)", "yue"),
        SynthVoice("Chinese (Mandarin, latin as English)+Adam", "cmn"),
        SynthVoice("Chinese (Mandarin, latin as Pinyin)", "cmn-latn-pinyin"),
        SynthVoice("Chinese (Mandarin, latin as English)", "cmn"),
        SynthVoice("English (Great Britain)", "en-GB"),
    ]
    assert choose_voice(voices, "zh") == SynthVoice("Chinese (Mandarin, latin as English)", "cmn")
    assert choose_voice(voices, "en") == SynthVoice("English (Great Britain)", "en-GB")
    assert choose_voice([SynthVoice("Deutsch", "de")], "zh") is None
