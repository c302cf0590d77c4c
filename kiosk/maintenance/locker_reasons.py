"""Why staff act on a compartment: a short fixed list per action, chosen by a tap (no typing at
the wall). The Chinese source is what the audit row and the locker history keep."""

from __future__ import annotations

from core.text import Text, tr

REASONS: dict[str, tuple[Text, ...]] = {
    "open": (tr("检查柜内"), tr("取出遗留物品"), tr("协助市民取件")),
    "clear": (tr("已在窗口交还"), tr("逾期未取退回"), tr("放错柜格")),
    "faulty": (tr("门锁卡住"), tr("门关不上"), tr("柜内损坏")),
    "repaired": (tr("门锁已修好"), tr("柜门已调整"), tr("检查无故障")),
}
