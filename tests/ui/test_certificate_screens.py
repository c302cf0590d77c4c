"""The certificate screens as a citizen sees them (rendered directly in the shell): the preview
shows the whole page inside the window with page turning and large targets, in both
orientations and in English; the pause and check screens say what happened. Screenshots go to
$KIOSK_SHOTS (default /work/shots/certificate)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from backends.platform.api import Certificate
from core.text import tr
from flows.views import Choose, Intent, Message, Option, Preview
from kiosk.ui.certificate_doc import render
from kiosk.ui.screens.preview import PageView
from tests.ui.test_layout import assert_nothing_cut, visible_in

SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/work/shots/certificate"))

CERT = Certificate(
    "housing_fund",
    "HO20261201000007",
    "住房公积金缴存证明",
    "市住房公积金管理中心",
    "欧阳𠇔䶮",
    "320102********0093",
    "2026-12-01T09:30:00+08:00",
    (("账户状态", "正常"), ("缴存单位", "示例科技有限公司")),
    "2025-12 至 2026-11",
    ("缴存年月", "业务类型", "单位缴存（元）", "个人缴存（元）", "账户余额（元）"),
    tuple((f"2026-{m:02d}", "汇缴", "1,483.20", "1,483.20", f"{2966.4 * m:,.2f}") for m in range(1, 12)),
    "https://verify.example.gov.cn/c?v=1&s=HO20261201000007",
)


def shoot(shell, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    shell.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def preview(tmp_path) -> Preview:
    doc = render(CERT, "2026年12月01日 09:30", tmp_path / "c.pdf")
    image = doc.preview(0, tmp_path / "p1.png", 1000)
    return Preview(
        title=tr("请核对证明内容"),
        image=str(image),
        page=1,
        pages=doc.pages,
        note=tr(
            "{name}，共 {pages} 页。打印出来的证明与此一致", name=tr("住房公积金缴存证明"), pages=doc.pages
        ),
        actions=(("back", tr("重新选择")), ("print", tr("确认打印"))),
        can_go_back=False,
    )


@pytest.mark.parametrize(
    "size", [(1080, 1920), (1920, 1080), (1280, 1024), (768, 1366)], ids=lambda s: f"{s[0]}x{s[1]}"
)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_preview_shows_the_whole_page_inside_the_window(qtbot, shell, preview, size, language):
    shell.resize(*size)
    if language == "en":
        shell.toggle_language()
    answers: list[Intent] = []
    shell.show_view(preview, answers.append)
    assert_nothing_cut(shell)
    [page] = visible_in(shell, PageView)
    page_on_screen = page.page_rect().toRect().translated(page.mapTo(shell, QPoint(0, 0)))
    below = [b for b in visible_in(shell, QPushButton) if b.objectName() in ("prev", "next", "action_print")]
    assert QRect(shell.rect()).contains(page_on_screen)
    assert all(not page_on_screen.intersects(QRect(b.mapTo(shell, QPoint(0, 0)), b.size())) for b in below)
    assert page_on_screen.height() > size[1] * 0.45  # large enough to read
    for b in below:
        assert b.height() >= shell.metrics.mm(15) - 1
    shoot(shell, f"preview-{language}-{size[0]}x{size[1]}")
    texts = " ".join(x.text() for x in visible_in(shell, QLabel))
    assert ("Page 1 of" if language == "en" else "第 1 页 / 共") in texts
    next_button = next(b for b in below if b.objectName() == "next")
    assert next_button.isEnabled() == (preview.pages > 1)
    next(b for b in below if b.objectName() == "action_print").click()
    assert answers == [Intent("print")]
    if language == "en":
        shell.toggle_language()


@pytest.mark.parametrize(
    ("name", "view"),
    [
        (
            "paused",
            Message(
                title=tr("打印暂停"),
                body=tr(
                    "{why}。已通知工作人员，打印机恢复后会接着打印。"
                    "您可以等待，也可以取消打印{refund}。服务电话 {phone}",
                    why=tr("A4 打印纸已用完"),
                    refund=tr("，已缴的费用原路退回"),
                    phone="12345",
                ),
                tone="warning",
                actions=(("cancel", tr("取消打印")), ("wait", tr("继续等待"))),
                can_go_back=False,
            ),
        ),
        (
            "check-refused",
            Message(
                title=tr("核验未通过"),
                body=tr("二维码内容被改动过，或不是出具机构签发的。此证明不可信"),
                tone="error",
                actions=(("home", tr("返回首页")), ("again", tr("再核验一份"))),
                can_go_back=False,
            ),
        ),
        (
            "copies",
            Choose(
                title=tr("请选择打印份数（最多 {most} 份）", most=3),
                options=tuple(
                    Option(str(n), tr("{n} 份", n=n), tr("共 {sheets} 张 A4 纸", sheets=n * 2))
                    for n in (1, 2, 3)
                ),
            ),
        ),
    ],
)
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_pause_and_check_screens_fit(qtbot, shell, name, view, size):
    shell.resize(*size)
    for language in ("zh", "en"):
        if language == "en":
            shell.toggle_language()
        shell.show_view(view, lambda i: None)
        assert_nothing_cut(shell)
        shoot(shell, f"{name}-{language}-{size[0]}x{size[1]}")
    shell.toggle_language()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_tap_enlarges_the_page_where_tapped_a_drag_moves_it_another_tap_shows_it_whole(
    qtbot, shell, preview, size
):
    """A whole A4 page on a landscape screen is some 400 px wide: too small to check a table."""
    shell.resize(*size)
    shell.show_view(preview, lambda _i: None)
    QApplication.processEvents()
    [page] = visible_in(shell, PageView)
    whole = page.page_rect()
    at = QPoint(int(whole.center().x()), int(whole.top() + whole.height() * 0.4))
    spot = ((at.x() - whole.x()) / whole.width(), (at.y() - whole.y()) / whole.height())
    QTest.mouseClick(page, Qt.MouseButton.LeftButton, pos=at)
    big = page.page_rect()
    assert big.width() >= 2 * whole.width()
    # the place tapped is now in the middle of the page's window, enlarged (across, a page
    # narrower than the window is centred: it is, as the tap was at its middle)
    seen = QPointF(big.x() + spot[0] * big.width(), big.y() + spot[1] * big.height())
    assert abs(seen.x() - page.width() / 2) < 2 and abs(seen.y() - page.height() / 2) < 2
    shoot(shell, f"preview-zoomed-{size[0]}x{size[1]}")
    # a drag upwards moves the page up, under the finger
    start = QPoint(page.width() // 2, page.height() // 2)
    QTest.mousePress(page, Qt.MouseButton.LeftButton, pos=start)
    for dy in range(0, 121, 20):
        QTest.mouseMove(page, start - QPoint(0, dy))
    QTest.mouseRelease(page, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 120))
    moved = page.page_rect()
    assert moved.width() == big.width() and big.y() - moved.y() > 100
    QTest.mouseClick(page, Qt.MouseButton.LeftButton, pos=start)
    assert page.page_rect() == whole  # the whole page again


def test_a_swipe_is_not_a_tap_and_a_drag_back_from_an_edge_moves_at_once(qtbot, shell, preview):
    shell.resize(1080, 1920)
    shell.show_view(preview, lambda _i: None)
    QApplication.processEvents()
    [page] = visible_in(shell, PageView)
    whole = page.page_rect()
    mid = QPoint(int(whole.center().x()), int(whole.center().y()))
    QTest.mousePress(page, Qt.MouseButton.LeftButton, pos=mid)
    for dx in range(0, 201, 40):  # a sideways swipe, as to turn a page
        QTest.mouseMove(page, mid - QPoint(dx, 0))
    QTest.mouseRelease(page, Qt.MouseButton.LeftButton, pos=mid - QPoint(200, 0))
    assert page.page_rect() == whole  # not zoomed
    corner = QPoint(int(whole.left() + 5), int(whole.top() + 5))
    QTest.mouseClick(page, Qt.MouseButton.LeftButton, pos=corner)  # the top left, enlarged
    big = page.page_rect()
    assert big.width() >= 2 * whole.width() and abs(big.left()) < 0.5 and abs(big.top()) < 0.5
    start = QPoint(page.width() // 2, page.height() // 2)
    QTest.mousePress(page, Qt.MouseButton.LeftButton, pos=start)
    for dx in range(0, 61, 20):  # back towards the middle of the page: the page follows at once
        QTest.mouseMove(page, start - QPoint(dx, 0))
    QTest.mouseRelease(page, Qt.MouseButton.LeftButton, pos=start - QPoint(60, 0))
    assert page.page_rect().left() < big.left() - 30
