"""Word segmentation: deckgen's own jieba Tokenizer, never jieba's global one.

jieba's dictionary is simplified-Chinese; callers segment the simplified form of a
text (same length, character for character) and map spans back to the original.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""  # jieba part-of-speech tag when asked for, e.g. "n", "nr", "eng"


@lru_cache(maxsize=None)
def tokenizer():
    import jieba

    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, _ = _jieba_tables()
    tk.initialized = True
    return tk


@lru_cache(maxsize=None)
def _jieba_tables() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's word frequencies (a Tokenizer's FREQ, with the prefixes it adds), their
    total, and the part-of-speech tag of every word of its dictionary (dict.txt: word
    freq tag). Kept in deckgen's cache as one pickle, in which the tag table's words
    are FREQ's own strings, stored once: it loads in a quarter of the time of jieba's
    own marshal cache plus a parse of the tags."""
    import jieba

    from deckgen import cache

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dictionary.stat()
    identity = f"{jieba.__version__} {dictionary} {stat.st_size} {stat.st_mtime_ns}, with tags"
    return cache.cached_dictionary("jieba", identity, _parse_jieba_tables)


def _parse_jieba_tables() -> tuple[dict[str, int], int, dict[str, str]]:
    import jieba

    # jieba announces its dictionary loading on stderr through logging; keep it quiet.
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()  # jieba's own load, from its marshal cache when it has one
    with tk.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:  # a dictionary without tags: no tags rather than wrong ones
        return tk.FREQ, tk.total, {}
    same_string = {word: word for word in tk.FREQ}
    tags = {same_string.get(word, word): sys.intern(tag) for word, tag in zip(fields[0::3], fields[2::3])}
    return tk.FREQ, tk.total, tags


def word_tags() -> dict[str, str]:
    """Part-of-speech tag of every word of jieba's dictionary (dict.txt: word freq tag).

    Read once and shared: jieba.posseg would otherwise parse the same file again, line
    by line, for every POSTokenizer. Not to be changed by callers."""
    return _jieba_tables()[2]


@lru_cache(maxsize=None)
def _pos_tokenizer():
    import io

    import jieba

    # Importing jieba.posseg builds a module-level POSTokenizer for jieba's global
    # tokenizer, which parses the whole tag table line by line (over a second here)
    # only to be discarded. Hand it an empty table for the length of the import.
    real_dict_file = jieba.dt.get_dict_file
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg
    finally:
        jieba.dt.get_dict_file = real_dict_file

    class _SharedTags(jieba.posseg.POSTokenizer):
        def load_word_tag(self, f):  # noqa: ARG002 - jieba passes its dictionary file
            self.word_tag_tab = word_tags()  # deckgen never adds words to it

    return _SharedTags(tokenizer())


# jieba's words of the texts words_of_each() has segmented, for tokens(): mining cuts
# every sentence of a deck's sources, and annotation reads some of them again for their
# pinyin. Bounded, for very long texts.
_WORDS_OF: dict[str, tuple[str, ...]] = {}
_REMEMBERED_TEXTS = 100_000


def words_of_each(texts: Sequence[str]) -> list[list[str]]:
    """jieba's words (HMM on) of each text, from one cut of all of them joined by
    newlines: jieba cuts the stretches between newlines independently and yields each
    newline as a word of its own, so the words are those of cutting each text alone."""
    tk = tokenizer()
    out: list[list[str]] | None = None
    if not any("\n" in t or "\r" in t for t in texts):
        out = [[]]
        for word in tk.cut("\n".join(texts), HMM=True):
            if word == "\n":
                out.append([])
            else:
                out[-1].append(word)
        if len(out) != len(texts) or not all(map(lambda ws, t: sum(map(len, ws)) == len(t), out, texts)):
            out = None
    if out is None:
        out = [list(tk.cut(t, HMM=True)) for t in texts]
    if len(_WORDS_OF) < _REMEMBERED_TEXTS:
        _WORDS_OF.update(zip(texts, map(tuple, out)))
    return out


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """Words of `text` with their character offsets (HMM on, for unknown words).
    Memoised: annotation reads a term's sentences for its senses, then again for
    their pinyin; and mining has cut most of them already."""
    words = _WORDS_OF.get(text)
    out = []
    pos = 0
    for word in tokenizer().cut(text, HMM=True) if words is None else words:
        out.append(Token(word, pos, pos + len(word)))
        pos += len(word)
    return tuple(out)


def tagged_tokens(text: str) -> list[Token]:
    """Words of `text` with part-of-speech tags, e.g. "n", "nr", "v", "eng".

    A word of jieba's dictionary, as `tokens` finds it, takes its dictionary tag. A
    stretch the segmenting HMM joined into an unknown word (a name, or two plain
    words such as 很|差) goes to jieba.posseg on its own, which segments and tags it
    again. Running posseg over whole sentences gives much the same result at seven
    times the cost: its HMM chooses among hundreds of word-class states for every
    character of an unknown stretch, where the segmenting HMM has four.
    """
    tags = word_tags()
    out = []
    for token in tokens(text):
        tag = tags.get(token.text)
        if tag:
            out.append(Token(token.text, token.start, token.end, tag))
            continue
        start = token.start
        for word, tag in _tag_unknown(token.text):
            out.append(Token(word, start, start + len(word), tag))
            start += len(word)
    return out


@lru_cache(maxsize=100_000)
def _tag_unknown(stretch: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(stretch, HMM=True))


def word_frequency(word: str) -> int:
    """How often `word` occurs in jieba's general-Chinese dictionary (0 if absent)."""
    return tokenizer().FREQ.get(word, 0)


def total_frequency() -> int:
    return tokenizer().total
