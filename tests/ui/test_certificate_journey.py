"""A certificate printed end to end, as a stranger does it in `make run`: the app with real
drivers on the simulated camera and A4 printer (stand-in CUPS), the reference platform on
loopback, the journal on SQLite. The printed PDF's QR, decoded from a picture of the page,
verifies with the issuer's key, and nothing personal is left on disk after the session."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from backends.platform import seal
from devices.base import State
from tests.backends.support import WANG
from tests.ui.conftest import simulated_kiosk


@pytest.fixture
def kiosk(tmp_path):
    k = simulated_kiosk(tmp_path, ["certificate"], **{"devices.locker.driver": "none"})
    for kind in ("camera", "a4printer"):
        assert k.devices[kind].wait_until(lambda s: s.state is State.OK, 20), k.devices[kind].status
    yield k
    k.stop()


def texts(w) -> str:
    QApplication.processEvents()
    return " ".join(x.text() for x in w.findChildren(QLabel) if x.isVisible())


def tap(qtbot, shell, name: str, timeout: int = 20000) -> None:
    qtbot.waitUntil(
        lambda: any(b.isVisible() and b.isEnabled() for b in shell.findChildren(QPushButton, name)),
        timeout=timeout,
    )
    next(b for b in shell.findChildren(QPushButton, name) if b.isVisible() and b.isEnabled()).click()


def test_a_housing_fund_record_printed_end_to_end(qtbot, kiosk, shell, tmp_path):
    shell.refresh_home()
    tap(qtbot, shell, "service_certificate")
    tap(qtbot, shell, "option_number")
    for c in WANG:
        tap(qtbot, shell, f"key_{c}")
    tap(qtbot, shell, "confirm")
    # liveness and the face comparison on the platform, then the catalogue
    qtbot.waitUntil(
        lambda: "请选择要打印的证明" in texts(shell) or "人像比对未通过" in texts(shell), timeout=90000
    )
    if "人像比对未通过" in texts(shell):  # the simulated person may blink at the wrong moment
        tap(qtbot, shell, "action_retry")
    tap(qtbot, shell, "option_housing_fund", timeout=90000)
    tap(qtbot, shell, "option_12")
    qtbot.waitUntil(lambda: "第 1 页 / 共" in texts(shell), timeout=30000)  # the preview
    session = shell.host.runner.session
    pdf_in_session = list(session.temp_dir.glob("*.pdf"))
    assert [p.name for p in pdf_in_session] == ["housing_fund.pdf"]
    tap(qtbot, shell, "action_print")
    tap(qtbot, shell, "option_2")
    qtbot.waitUntil(lambda: "证明已打印，请取走" in texts(shell), timeout=60000)
    a4 = kiosk.simulators["a4printer"]
    [paper] = a4.documents
    [job] = a4.jobs()
    assert job["state"] == "completed"
    page = tmp_path / "page"
    first = ["-r", "150", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(["pdftoppm", "-png", *first, str(paper), str(page)], check=True)
    zbar = subprocess.run(["zbarimg", "--raw", "-q", f"{page}.png"], capture_output=True, text=True)
    qr = zbar.stdout.strip()
    issuer = seal.load_verifier(kiosk.services["platform"].issuer_key())
    sealed = seal.verify_qr(qr, issuer)
    assert sealed.kind == "housing_fund" and sealed.id_masked == "360426********0071"
    assert kiosk.reference_servers.platform.issued[sealed.serial] == sealed.digest
    tap(qtbot, shell, "action_ok")
    assert shell.mode == "home" and session.closed
    assert not any(p.exists() for p in pdf_in_session)
    # nothing personal on disk but the printed paper: data, journal, logs, session folders
    (tmp_path / "page.png").unlink()
    for f in tmp_path.rglob("*"):
        if f.is_file() and "a4" not in f.parts and f != paper:
            content = f.read_bytes()
            for secret in (WANG, "王小明"):
                assert secret.encode() not in content, f
