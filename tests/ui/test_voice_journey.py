"""The kiosk speaking through a real speech-dispatcher + espeak-ng while a citizen takes a ticket.

Before the voice had its own worker, this froze: the window never appeared while the daemon ran
(QTextToSpeech's constructor) or the screen stuck on "请稍候" (tts.stop() on the GUI thread).
"""

from __future__ import annotations

import pytest

from devices.base import State
from tests.speechd import speech_dispatcher
from tests.ui.conftest import simulated_kiosk
from tests.ui.test_queue_journey import tap, visible_text


@pytest.fixture
def speechd(tmp_path, monkeypatch):
    with speech_dispatcher(tmp_path / "speechd") as sd:
        monkeypatch.setenv("SPEECHD_ADDRESS", sd.address)  # where the kiosk's voice looks, as libspeechd
        yield sd


@pytest.fixture
def kiosk(tmp_path, speechd):
    k = simulated_kiosk(
        tmp_path,
        ["queue"],
        **{
            "kiosk.voice": True,
            "queue.always_open": True,
            "devices.camera.driver": "none",
            "devices.locker.driver": "none",
        },
    )
    k.voice.timeout = k.voice.retry_after = 1.0
    for kind in ("printer", "idcard"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 10), k.devices[kind].status
    yield k
    k.stop()


@pytest.fixture
def shell(qtbot, kiosk):
    from kiosk.ui.app import application
    from kiosk.ui.shell import Shell

    application()
    s = Shell(kiosk)  # the window is built while speech-dispatcher runs
    qtbot.addWidget(s)
    s.resize(1080, 1920)
    s.show()
    yield s
    s.shutdown()


def take_plain_ticket(qtbot, shell, on_ticket=lambda: None) -> None:
    tap(qtbot, shell, "service_queue")
    tap(qtbot, shell, "option_social")
    tap(qtbot, shell, "option_plain")
    qtbot.waitUntil(lambda: "请取走您的号票" in visible_text(shell), timeout=20000)
    on_ticket()
    tap(qtbot, shell, "action_ok")
    qtbot.waitUntil(lambda: shell.mode == "home", timeout=5000)


def test_the_queue_journey_goes_on_while_the_kiosk_speaks(qtbot, shell, kiosk):
    assert shell.isVisible()
    qtbot.waitUntil(lambda: ("end", "请选择您要办理的业务") in kiosk.voice.played, timeout=30000)

    def ticket_prompt_heard() -> None:
        qtbot.waitUntil(
            lambda: any("请取走号票" in t and k == "begin" for k, t in kiosk.voice.played), timeout=30000
        )

    take_plain_ticket(qtbot, shell, ticket_prompt_heard)  # past "正在打印号票，请稍候" to the ticket
    ticket = next(s for s in kiosk.voice.spoken if "请取走号票" in s.text)
    assert (ticket.voice, ticket.lang) == ("Chinese (Mandarin, latin as English)", "zh")
    assert kiosk.health()["voice"] == {"state": "ok", "reason": ""}


def test_a_frozen_speech_service_leaves_the_kiosk_working_and_shows_in_health(qtbot, shell, kiosk, speechd):
    qtbot.waitUntil(lambda: kiosk.voice.status.state == "ok", timeout=30000)
    speechd.freeze()
    take_plain_ticket(qtbot, shell)
    qtbot.waitUntil(lambda: kiosk.health()["voice"]["state"] == "degraded", timeout=30000)
    # staff are told: the alert follows the status change on the voice's worker thread
    qtbot.waitUntil(
        lambda: ("voice", "degraded") in [(a["source"], a["code"]) for a in kiosk.health()["alerts"]],
        timeout=5000,
    )
    take_plain_ticket(qtbot, shell)  # still serving with the voice down
    speechd.thaw()
    qtbot.waitUntil(lambda: kiosk.health()["voice"]["state"] == "ok", timeout=30000)
