"""Pinyin as text: numbered syllables (lv4, zhuang4, ma5) and tone marks (lǜ, zhuàng, ma).

Every stage that shows or reads pinyin uses these, so they live apart from the
reading resolver: formatting a tone mark loads nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from deckgen.memo import memo, once

SYLLABLES = "syllables.tsv"

_NUMBERED = re.compile(r"^([a-zü:]+)([1-5])$")
_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}
# Syllabic nasals (呣 m2, 嗯 ng4) carry the mark on the consonant.
_COMBINING = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}


@memo(4096)
def tone_mark(numbered: str) -> str:
    """'lv4' -> 'lǜ', 'zhuang4' -> 'zhuàng', 'ma5' -> 'ma', 'r5' -> 'r'.

    The mark goes on a or e if present, on the o of ou, else on the last vowel.
    Anything that is not a numbered syllable comes back unchanged."""
    m = _NUMBERED.match(numbered)
    if not m:
        return numbered
    letters = m.group(1).replace("u:", "ü").replace("v", "ü")
    tone = int(m.group(2))
    if ":" in letters:
        return numbered
    if tone == 5:
        return letters
    if "a" in letters:
        at = letters.index("a")
    elif "e" in letters:
        at = letters.index("e")
    elif "ou" in letters:
        at = letters.index("o")
    else:
        vowels = [i for i, c in enumerate(letters) if c in _MARKS]
        if not vowels:
            if letters in ("m", "n", "ng", "hm", "hng"):
                at = letters.index("m" if "m" in letters else "n")
                marked = letters[: at + 1] + _COMBINING[tone] + letters[at + 1 :]
                return unicodedata.normalize("NFC", marked)
            return numbered
        at = vowels[-1]
    return letters[:at] + _MARKS[letters[at]][tone - 1] + letters[at + 1 :]


def tone_of(syllable: str) -> int:
    """The tone number of a numbered syllable (5 for anything else)."""
    return int(syllable[-1]) if syllable and syllable[-1] in "12345" else 5


def is_numbered(syllable: str) -> bool:
    return _SYLLABLE.match(syllable) is not None


_TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
_SYLLABLE = re.compile(r"^[a-zv]+[1-5]$")


@once
def syllables() -> frozenset[str]:
    """Every Mandarin syllable without its tone (ü as v): data/syllables.tsv, generated
    from pypinyin's readings by tools/build_tables.py."""
    text = (Path(__file__).parent / "data" / SYLLABLES).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("# "))


def is_syllable(numbered: str) -> bool:
    """'qia3' yes; 'xyz3', 'qia' (no tone) no. Erhua run together ('huar4') counts."""
    if not _SYLLABLE.match(numbered):
        return False
    letters = numbered[:-1]
    known = syllables()
    if letters == "r":  # the erhua 儿 written as a syllable of its own: yi1 dian3 r5
        return True
    return letters in known or (letters.endswith("r") and letters[:-1] in known)


def spaced_marks(numbered: Iterable[str]) -> str:
    """Numbered syllables as a learner reads them: tone marks, a space between syllables,
    and the erhua 儿 run into the syllable before it ('yī huìr', not 'yī huì r')."""
    out = ""
    for syllable in numbered:
        marked = tone_mark(syllable)
        out += marked if syllable == "r5" and out else (" " + marked if out else marked)
    return out


def parse_pinyin(text: str) -> tuple[str, ...]:
    """'qiǎ bó zi' or 'qia3 bo2 zi5' -> ('qia3', 'bo2', 'zi5'). ValueError if it is not
    pinyin: a syllable Mandarin does not have ('xyz3'), two tone marks in one syllable,
    or a tone mark and a tone number that disagree ('qiǎ4')."""
    out = []
    for raw in text.replace(",", " ").split():
        decomposed = unicodedata.normalize("NFD", raw.lower())
        marks: list[str] = []
        letters: list[str] = []
        for ch in decomposed:
            if ch in _TONE_MARKS:
                marks.append(_TONE_MARKS[ch])
            elif ch == "\u0308":  # ü
                if letters and letters[-1] == "u":
                    letters[-1] = "v"
            else:
                letters.append(ch)
        syllable = "".join(letters).replace("u:", "v")
        if len(marks) > 1:
            raise ValueError(f"{raw!r} has {len(marks)} tone marks; a syllable has one")
        if syllable[-1:].isdigit():
            if marks and marks[0] != syllable[-1] and syllable[-1] != "5":
                raise ValueError(f"{raw!r} has a tone mark and a tone number that disagree")
            if marks and syllable[-1] == "5":
                raise ValueError(f"{raw!r} has a tone mark and the neutral tone's number")
        else:  # tone marks given, not numbers
            syllable += marks[0] if marks else "5"
        if not _SYLLABLE.match(syllable):
            raise ValueError(f"{raw!r} is not a pinyin syllable")
        if not is_syllable(syllable):
            raise ValueError(f"{raw!r} is not a Mandarin syllable")
        out.append(syllable)
    if not out:
        raise ValueError("pinyin is empty")
    return tuple(out)
