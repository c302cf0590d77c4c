"""Build resources/ime/pinyin.tsv.gz, the on-screen keyboard's pinyin table (kiosk/ui/pinyin.py).

Readings come from pypinyin (its character and phrase data: pinyin-data and phrase-pinyin-data,
MIT), frequencies from jieba's dictionary (dict.txt: word frequencies counted on a large corpus,
MIT), plus a short list of a service hall's words the corpus lacks (取号, 号票, 签注, ...).
Neither package is needed at run time: the kiosk reads only the table this writes, a little
over a megabyte compressed, in about half a second. Run again after upgrading either:

    pip install --target /tmp/imedata jieba==0.42.1 pypinyin==0.55.0   # the pinyin-table extra
    PYTHONPATH=/tmp/imedata:$PWD python tools/make_pinyin_table.py

Each line is `syllables<TAB>word<TAB>frequency`, syllables toneless and joined by "'" (ü as v);
a character's line under its main reading adds its frequency as a word of its own (想 alone is
far more common than 相 alone, though 相 is in more words), which whole-phrase guesses weigh.
A character is listed under each of its readings with the frequency of the words that read it
so (了 under le far above liao); characters no word of the corpus uses keep frequency 0 and come
last, GB 2312 level 1 before level 2 before the rest of GBK, so rare characters in names can
still be typed.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

import jieba
from pypinyin import Style, lazy_pinyin, pinyin

OUT = Path(__file__).resolve().parents[1] / "resources" / "ime" / "pinyin.tsv.gz"
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
SYLLABLE = re.compile(r"^[a-z]+$")
MAX_WORDS = 120_000  # multi-character words kept, the most frequent first
MAX_LEN = 5
# words of a government service hall that jieba's corpus lacks or ranks low, at the frequency of
# a common word: what citizens write about (a short list; the dictionary does the rest)
HALL_TEXT = (
    "取号 取号机 号票 叫号 排号 过号 窗口 自助机 自助终端 办事 办件 办结 跑腿 材料 证明 复印件 "
    "社保 社保卡 医保 医保卡 公积金 不动产 营业执照 港澳通行证 通行证 签注 居住证 户籍 户口本 "
    "身份证 补办 换领 挂失 预约 回访 差评 好评 凭条 打印 扫码 人脸识别 指纹 缴费 退费 "
    "工作人员 态度 效率 等候 导办 帮办 一窗通办 一网通办 证照 驾驶证 行驶证 出生证明 "
    "结婚证 离婚证 退休 养老金 失业金 低保 残疾证 老年卡 公证 办事指南 "
    "自助 自助设备 打印机 排队 等太久 太久 很久 太慢 不能用 坏了 丢了 忘了 没有纸 看不清 听不清"
)
HALL_FREQ = 3000


def gb_rank(ch: str) -> int:
    """0: GB 2312 level 1 (the 3,755 common characters), 1: level 2, 2: the rest of GBK."""
    try:
        b = ch.encode("gb2312")
        return 0 if b[0] < 0xD8 else 1
    except UnicodeEncodeError:
        return 2


def main() -> None:
    dict_txt = Path(jieba.__file__).parent / "dict.txt"
    words: list[tuple[str, int]] = []
    alone: dict[str, int] = {}  # a character's frequency as a word of its own
    for line in dict_txt.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and HAN.match(parts[0]) and len(parts[0]) <= MAX_LEN:
            words.append((parts[0], int(parts[1])))
            if len(parts[0]) == 1:
                alone[parts[0]] = int(parts[1])
    listed = dict(words)
    for w in HALL_TEXT.split():
        listed[w] = max(listed.get(w, 0), HALL_FREQ)
    words = sorted(listed.items(), key=lambda wf: -wf[1])

    rows: dict[tuple[str, str], int] = {}
    solo: dict[tuple[str, str], int] = {}  # (syllable, char) -> frequency alone, main reading only
    reading_freq: dict[tuple[str, str], int] = defaultdict(int)  # (char, syllable) -> frequency
    kept = 0
    for word, freq in words:
        syllables = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(syllables) != len(word) or not all(SYLLABLE.match(s) for s in syllables):
            continue
        for ch, s in zip(word, syllables, strict=True):
            reading_freq[(ch, s)] += freq
        if len(word) > 1 and kept < MAX_WORDS:
            rows[("'".join(syllables), word)] = freq
            kept += 1

    chars = 0
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        if gb_rank(ch) == 2:
            try:
                ch.encode("gbk")
            except UnicodeEncodeError:
                continue
        readings = {s for s in pinyin(ch, style=Style.NORMAL, heteronym=True)[0] if SYLLABLE.match(s)}
        if not readings:
            continue
        chars += 1
        for s in readings:
            rows[(s, ch)] = reading_freq.get((ch, s), 0)
        main = max(sorted(readings), key=lambda s: reading_freq.get((ch, s), 0))
        if alone.get(ch):
            solo[(main, ch)] = alone[ch]

    def order(item: tuple[tuple[str, str], int]) -> tuple[str, int, int, str]:
        (key, word), freq = item
        return (key, -freq, gb_rank(word[0]), word)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# made by tools/make_pinyin_table.py from pypinyin and jieba's dict.txt (MIT)\n"]
    for (key, word), freq in sorted(rows.items(), key=order):
        extra = f"\t{solo[(key, word)]}" if (key, word) in solo else ""
        lines.append(f"{key}\t{word}\t{freq}{extra}\n")
    # mtime 0: the same data makes the same bytes, so a run that changed nothing changes no file
    OUT.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{chars} characters, {kept} words -> {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
