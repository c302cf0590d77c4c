"""Pinyin to Chinese for the on-screen keyboard: letters typed so far become candidates, the most
frequent first. Qt-free. The table (resources/ime/pinyin.tsv.gz) is made by
tools/make_pinyin_table.py from pypinyin's readings and jieba's word frequencies.

    d = Dictionary.load()
    d.candidates("zhongguo")[0]  ->  Candidate("中国", 8)   (the word, and the letters it uses)

Letters are cut into syllables, longest first; a piece that is no whole syllable is taken as the
start of one, so "zhongg" offers 中国 and initials alone ("bj") offer 北京. A candidate may use
fewer letters than were typed (the first word of a phrase): the rest stay to be chosen next.
"""

from __future__ import annotations

import gzip
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "resources" / "ime" / "pinyin.tsv.gz"
MAX_LOOKUPS = 4000  # syllable combinations tried for one piece count (initials alone multiply)
MAX_CANDIDATES = 300
RARE = 100  # corpus frequency below which a word is not guessed into a whole phrase


@dataclass(frozen=True)
class Candidate:
    text: str
    letters: int  # how many of the typed letters choosing it uses up


class Dictionary:
    def __init__(self, entries: dict[str, list[tuple[str, int]]], alone: dict[str, tuple[int, str]]) -> None:
        self.entries = entries  # "zhong'guo" -> [(word, frequency)], most frequent first
        self.alone = alone  # "xiang" -> (frequency, character) of the commonest character alone
        self.syllables = frozenset(k for k in entries if "'" not in k)
        starts: dict[str, list[str]] = defaultdict(list)
        for s in sorted(self.syllables):
            for i in range(1, len(s) + 1):
                starts[s[:i]].append(s)
        self.starts = dict(starts)  # "zh" -> every syllable beginning so
        self.longest = max(map(len, self.syllables), default=0)
        self.total = sum(f for words in entries.values() for _w, f in words) or 1

    @classmethod
    def load(cls, path: Path = TABLE) -> Dictionary:
        entries: dict[str, list[tuple[str, int]]] = defaultdict(list)
        alone: dict[str, tuple[int, str]] = {}
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            if line.startswith("#"):
                continue
            key, word, freq, *solo = line.split("\t")
            entries[key].append((word, int(freq)))
            if solo and int(solo[0]) > alone.get(key, (0, ""))[0]:
                alone[key] = (int(solo[0]), word)
        return cls(dict(entries), alone)

    def segment(self, letters: str) -> list[str]:
        """The letters cut into syllables, longest whole syllable first where the rest can still
        be cut; a piece that is only the start of a syllable ("zh", "b") stands for any syllable
        so beginning. Letters no syllable begins with end the cut (not in the result)."""
        return list(_segment(self, letters))

    def candidates(self, letters: str) -> list[Candidate]:
        """Words for all the pieces first, then for fewer (a phrase's first word), then single
        characters; the most frequent first within each count."""
        pieces = self.segment(letters.lower())
        out: list[Candidate] = []
        seen: set[str] = set()
        if (phrase := self.phrase(pieces)) is not None:
            seen.add(phrase)
            out.append(Candidate(phrase, sum(map(len, pieces))))
        for n in range(len(pieces), 0, -1):
            used = sum(map(len, pieces[:n]))
            for word in self._words(tuple(pieces[:n])):
                if word not in seen:
                    seen.add(word)
                    out.append(Candidate(word, used))
                    if len(out) >= MAX_CANDIDATES:
                        return out
        return out

    def phrase(self, pieces: list[str]) -> str | None:
        """The likeliest run of words for all the pieces, when it takes more than one word
        ("woxiangbanli" -> 我想办理): each word's frequency as a probability, multiplied."""
        if len(pieces) < 3:
            return None
        best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(pieces)
        for i in range(len(pieces)):
            here = best[i]
            if here is None:
                continue
            for j in range(i + 1, min(len(pieces), i + 5) + 1):  # words of up to five characters
                found = self._scored(tuple(pieces[i:j]))
                if found is None:
                    continue
                freq, word = found
                score = here[0] + math.log((freq + 1) / self.total)
                there = best[j]
                if there is None or score > there[0]:
                    best[j] = (score, [*here[1], word])
        end = best[-1]
        return "".join(end[1]) if end is not None and len(end[1]) > 1 else None

    def _scored(self, pieces: tuple[str, ...]) -> tuple[int, str] | None:
        """The most frequent word for these pieces, with its frequency."""
        choices = [[p] if p in self.syllables else self.starts.get(p, []) for p in pieces]
        best: tuple[int, str] | None = None
        if math.prod(len(c) for c in choices) > MAX_LOOKUPS:
            return None
        for combo in itertools.product(*choices):
            key = "'".join(combo)
            words = self.entries.get(key)
            top = self.alone.get(key) if len(combo) == 1 else (words[0][1], words[0][0]) if words else None
            if top is not None and len(combo) > 1 and top[0] < RARE:
                top = None  # a rare word (太常, 腰板) guessed into a phrase is nearly always wrong
            if top is not None and (best is None or top[0] > best[0]):
                best = top
        return best

    def _words(self, pieces: tuple[str, ...]) -> list[str]:
        choices = [[p] if p in self.syllables else self.starts.get(p, []) for p in pieces]
        combos = 1
        for c in choices:
            combos *= len(c)
        if combos == 0 or combos > MAX_LOOKUPS:
            return []
        found: list[tuple[int, str]] = []
        for combo in itertools.product(*choices):
            found.extend((freq, word) for word, freq in self.entries.get("'".join(combo), ()))
        found.sort(key=lambda fw: -fw[0])  # stable: the table's order among equals
        return [w for _f, w in found]


def _segment(d: Dictionary, letters: str) -> tuple[str, ...]:
    n = len(letters)

    @cache
    def cut(i: int) -> tuple[int, int, tuple[str, ...]]:
        """Best cut of letters[i:]: (letters left uncut, partial pieces, pieces); fewer of each
        wins in that order, and among equals the longer first syllable (tried first)."""
        if i == n:
            return 0, 0, ()
        best: tuple[int, int, tuple[str, ...]] | None = None
        for j in range(min(n, i + d.longest), i, -1):
            piece = letters[i:j]
            if piece not in d.starts:
                continue
            left, partials, rest = cut(j)
            option = (left, partials + (piece not in d.syllables), (piece, *rest))
            if best is None or (option[0], option[1], len(option[2])) < (best[0], best[1], len(best[2])):
                best = option
        return best if best is not None else (n - i, 0, ())

    return cut(0)[2]
