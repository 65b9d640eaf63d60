"""Pinyin as text: numbered syllables (lv4, zhuang4, ma5) and tone marks (lǜ, zhuàng, ma).

Every stage that shows or reads pinyin uses these, so they live apart from the
reading resolver: formatting a tone mark loads nothing.
"""

from __future__ import annotations

import re
import unicodedata

from deckgen.memo import memo

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


def parse_pinyin(text: str) -> tuple[str, ...]:
    """'qiǎ bó zi' or 'qia3 bo2 zi5' -> ('qia3', 'bo2', 'zi5'). ValueError if it is not pinyin."""
    out = []
    for raw in text.replace(",", " ").split():
        decomposed = unicodedata.normalize("NFD", raw.lower())
        tone = "5"
        letters: list[str] = []
        for ch in decomposed:
            if ch in _TONE_MARKS:
                tone = _TONE_MARKS[ch]
            elif ch == "\u0308":  # ü
                if letters and letters[-1] == "u":
                    letters[-1] = "v"
            else:
                letters.append(ch)
        syllable = "".join(letters).replace("u:", "v")
        if not syllable[-1:].isdigit():  # tone marks given, not numbers
            syllable += tone
        if not _SYLLABLE.match(syllable):
            raise ValueError(f"{raw!r} is not a pinyin syllable")
        out.append(syllable)
    if not out:
        raise ValueError("pinyin is empty")
    return tuple(out)
