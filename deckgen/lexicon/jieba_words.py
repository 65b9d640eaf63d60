"""jieba's dictionary as data: each word's frequency in general Chinese and its
part-of-speech tag (dict.txt: word freq tag).

Every stage asks how common a word is, or what kind of word it is; only the
segmenting stage cuts text. The table is parsed from jieba's own dict.txt, never
from the cache jieba keeps in the shared temporary folder, and kept in deckgen's
dictionary cache in a form that loads quickly.
"""

from __future__ import annotations

import importlib
import sys
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from types import ModuleType

from deckgen import cache
from deckgen.errors import DeckgenError
from deckgen.memo import memo, once

# deckgen's segmenter relies on this release's internals (its Tokenizer's FREQ and
# total, jieba.posseg's viterbi tables): another release must be refused, not guessed at.
JIEBA_VERSION = "0.42.1"


def jieba_module() -> ModuleType:
    """jieba, checked to be the release deckgen is written for, imported without
    pkg_resources: jieba imports it, when setuptools provides it, only to open its
    own data files, and opens them with open() when the import fails (as it does in
    recent virtual environments). The import of pkg_resources is slow and deprecated."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        jieba = importlib.import_module("jieba")
    else:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import raise ImportError
        try:
            jieba = importlib.import_module("jieba")
        finally:
            del sys.modules["pkg_resources"]
    version = getattr(jieba, "__version__", "unknown")
    if version != JIEBA_VERSION:
        raise DeckgenError(
            f"jieba {version} is installed, but deckgen works with jieba {JIEBA_VERSION} only",
            hint=f"install it with: pip install jieba=={JIEBA_VERSION}",
        )
    return jieba


@dataclass(frozen=True)
class JiebaTables:
    words: tuple[str, ...]  # every word of jieba's dictionary and every prefix of one, sorted
    frequencies: dict[str, int]  # a Tokenizer's FREQ: those words, prefixes at 0
    total: int
    tags: bytes  # for each of `words`, the number of its tag in `tag_names` (0: none)
    tag_names: tuple[str, ...]


def dictionary_file() -> Path:
    jieba = jieba_module()
    return Path(str(jieba.__file__)).parent / jieba.DEFAULT_DICT_NAME


@once
def tables() -> JiebaTables:
    """The words newline-joined and their frequencies an array in the cache: the dict
    is then built in one pass."""
    path = dictionary_file()
    stat = path.stat()
    identity = f"jieba {JIEBA_VERSION} {path} {stat.st_size} {stat.st_mtime_ns}, joined words, tags by position"
    joined, counts, total, tags, tag_names = cache.cached_dictionary("jieba", identity, lambda: parse(path))
    # Tuples and dicts of strings alone, which the cycle collector stops walking after
    # its first full pass: a list or a set it walks member by member on every pass.
    words = tuple(joined.split("\n"))
    return JiebaTables(words, dict(zip(words, counts)), total, tags, tag_names)


def parse(path: Path) -> tuple[str, array, int, bytes, tuple[str, ...]]:
    """jieba's dict.txt, read as jieba reads it (every prefix of a word at frequency 0)."""
    jieba = jieba_module()
    with open(path, "rb") as f:
        frequencies, total = jieba.Tokenizer.gen_pfdict(f)
    words = sorted(frequencies)
    counts = array("q", (frequencies[w] for w in words))
    fields = path.read_bytes().decode("utf-8").split()
    # A dictionary without tags (or with more kinds than a byte numbers): none rather than wrong ones.
    tag_of = dict(zip(fields[0::3], fields[2::3])) if len(fields) % 3 == 0 else {}
    names = ("", *sorted(set(tag_of.values())))
    if len(names) > 256:
        tag_of, names = {}, ("",)
    number = {name: i for i, name in enumerate(names)}
    tags = bytes(number[tag_of[word]] if word in tag_of else 0 for word in words)
    return "\n".join(words), counts, total, tags, names


class WordTags(Mapping):
    """The part-of-speech tag of each word of jieba's dictionary: word -> "n", "nr", "v" ...

    Looked up by bisection in the sorted words, one byte per word naming its tag: a
    build looks up a few thousand of the 349,000 tagged words, and a dict of all of
    them would have to be rebuilt on every run."""

    def __init__(self, words: Sequence[str], codes: bytes, names: tuple[str, ...]):
        self._words, self._codes, self._names = words, codes, names
        # The same few thousand words are asked for again and again (的, 是, 发展).
        self._tag_of = memo(1 << 16)(self._search)

    def get(self, word, default=None):
        tag = self._tag_of(word)
        return default if tag is None else tag

    def _search(self, word: str) -> str | None:
        i = bisect_left(self._words, word)
        if i < len(self._words) and self._words[i] == word and self._codes[i]:
            return self._names[self._codes[i]]
        return None

    def __getitem__(self, word):
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word):
        return self.get(word) is not None

    def __iter__(self):
        return compress(self._words, self._codes)

    def __len__(self):
        return len(self._codes) - self._codes.count(0)


@once
def word_tags() -> WordTags:
    """Part-of-speech tag of every word of jieba's dictionary."""
    loaded = tables()
    return WordTags(loaded.words, loaded.tags, loaded.tag_names)


def tag(word: str) -> str:
    """jieba's part-of-speech tag of `word` ("" for words it does not know)."""
    return word_tags().get(word, "")


def word_frequency(word: str) -> int:
    """How often `word` occurs in jieba's general-Chinese dictionary (0 if absent)."""
    return tables().frequencies.get(word, 0)


def word_frequencies() -> Mapping[str, int]:
    """word_frequency for loops over many words: one lookup of the table, then a dict's get."""
    return tables().frequencies


def total_frequency() -> int:
    return tables().total
