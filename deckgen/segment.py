"""Word segmentation: deckgen's own jieba Tokenizer, never jieba's global one.

jieba's dictionary is simplified-Chinese; callers segment the simplified form of a
text (same length, character for character) and map spans back to the original.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""  # jieba part-of-speech tag when asked for, e.g. "n", "nr", "eng"


@lru_cache(maxsize=None)
def tokenizer():
    import jieba

    # jieba announces its dictionary loading on stderr through logging; keep it quiet.
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


@lru_cache(maxsize=None)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


def tokens(text: str) -> list[Token]:
    """Words of `text` with their character offsets (HMM on, for unknown words)."""
    out = []
    pos = 0
    for word in tokenizer().cut(text, HMM=True):
        out.append(Token(word, pos, pos + len(word)))
        pos += len(word)
    return out


def tagged_tokens(text: str) -> list[Token]:
    """Words with part-of-speech tags (slower than `tokens`)."""
    out = []
    pos = 0
    for pair in _pos_tokenizer().cut(text, HMM=True):
        out.append(Token(pair.word, pos, pos + len(pair.word), pair.flag))
        pos += len(pair.word)
    return out


def word_frequency(word: str) -> int:
    """How often `word` occurs in jieba's general-Chinese dictionary (0 if absent)."""
    return tokenizer().FREQ.get(word, 0)


def total_frequency() -> int:
    return tokenizer().total
