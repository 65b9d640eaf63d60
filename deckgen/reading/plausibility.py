"""How plausible a run of characters is as Chinese, from how common its characters are."""

from __future__ import annotations

import math
import unicodedata

from deckgen import tables
from deckgen.lexicon import jieba_words
from deckgen.memo import memo, once
from deckgen.script import is_han, to_simplified

_FREQUENCIES = "char_frequency.tsv"


@once
def _character_frequencies() -> dict[str, int]:
    """How often each character occurs in jieba's dictionary, summed over its words.

    Shipped as a table (`python tools/build_tables.py frequencies` writes it):
    summing over jieba's 350,000 words at run time would cost more than reading a text.
    """
    return {char: int(frequency) for char, frequency in tables.read(_FREQUENCIES)}


@memo(65536)
def _character_frequency(ch: str) -> int:
    """jieba's dictionary is simplified: a traditional character counts as its simplified form."""
    counts = _character_frequencies()
    frequency = counts.get(ch, 0)
    if is_han(ch):
        simplified = to_simplified(ch)
        if simplified != ch and len(simplified) == 1:
            frequency = max(frequency, counts.get(simplified, 0))
    return frequency


def _word_frequency(word: str) -> int:
    return max(jieba_words.word_frequency(word), jieba_words.word_frequency(to_simplified(word)))


def _weighs_in(ch: str) -> bool:
    """Characters that count for plausibility: Han and other non-ASCII letters and
    symbols (mojibake is full of bopomofo, box drawing, Greek). Punctuation,
    spaces and ASCII say nothing either way."""
    if ord(ch) < 0x80 or ch.isspace():
        return False
    return not unicodedata.category(ch).startswith("P")


def _plausibility(text: str) -> tuple[float, int]:
    """Mean log10 frequency of the characters that count, and how many counted.
    Running Chinese text scores about 4.5-5; mojibake 2-3.5."""
    scores = [math.log10(1 + _character_frequency(ch)) if is_han(ch) else 0.0 for ch in text if _weighs_in(ch)]
    if not scores:
        return 0.0, 0
    return sum(scores) / len(scores), len(scores)


# A character at least this frequent is "common" (about the 2,500 most frequent characters).
_COMMON_FREQUENCY = 2000


def _common_chinese_share(text: str) -> float:
    """Share of the Han characters in (a sample of) `text` that are common ones; 0 if none."""
    han = [ch for ch in text[:20000] if is_han(ch)]
    if not han:
        return 0.0
    return sum(1 for ch in han if _character_frequency(ch) >= _COMMON_FREQUENCY) / len(han)
