"""Word segmentation: deckgen's own jieba Tokenizer, never jieba's global one.

jieba's dictionary is simplified-Chinese; callers segment the simplified form of a
text (same length, character for character) and map spans back to the original.
"""

from __future__ import annotations

import importlib
import logging
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from pathlib import Path


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""  # jieba part-of-speech tag when asked for, e.g. "n", "nr", "eng"


def _jieba():
    """jieba, imported without pkg_resources.

    jieba imports pkg_resources, when setuptools provides it, only to open its own
    data files, and opens them with open() when the import fails. That import took
    0.15 s of every run, a tenth of a build. pkg_resources is deprecated and absent
    from recent virtual environments, where jieba takes the same path."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


@lru_cache(maxsize=None)
def tokenizer():
    jieba = _jieba()

    tk = jieba.Tokenizer()
    tables = _jieba_tables()
    tk.FREQ, tk.total = tables.frequencies, tables.total
    tk.initialized = True
    return tk


@dataclass(frozen=True)
class _JiebaTables:
    words: list[str]  # every word of jieba's dictionary and every prefix of one, sorted
    frequencies: dict[str, int]  # a Tokenizer's FREQ: those words, prefixes at 0
    total: int
    tags: bytes  # for each of `words`, the number of its tag in `tag_names` (0: none)
    tag_names: tuple[str, ...]


@lru_cache(maxsize=None)
def _jieba_tables() -> _JiebaTables:
    """jieba's word frequencies and the part-of-speech tag of every word of its
    dictionary (dict.txt: word freq tag). Kept in deckgen's cache as a few large
    objects, the words newline-joined and their frequencies an array: the dict is
    then built in one pass, in a quarter of the time of jieba's own marshal cache."""
    from deckgen import cache

    jieba = _jieba()

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    stat = dictionary.stat()
    identity = f"{jieba.__version__} {dictionary} {stat.st_size} {stat.st_mtime_ns}, joined words, tags by position"
    joined, counts, total, tags, tag_names = cache.cached_dictionary("jieba", identity, _parse_jieba_tables)
    words = joined.split("\n")
    return _JiebaTables(words, dict(zip(words, counts)), total, tags, tag_names)


def _parse_jieba_tables() -> tuple[str, array, int, bytes, tuple[str, ...]]:
    jieba = _jieba()

    # jieba announces its dictionary loading on stderr through logging; keep it quiet.
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()  # jieba's own load, from its marshal cache when it has one
    words = sorted(tk.FREQ)
    counts = array("q", (tk.FREQ[w] for w in words))
    with tk.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    # A dictionary without tags (or with more kinds than a byte numbers): none rather than wrong ones.
    tag_of = dict(zip(fields[0::3], fields[2::3])) if len(fields) % 3 == 0 else {}
    names = ("", *sorted(set(tag_of.values())))
    if len(names) > 256:
        tag_of, names = {}, ("",)
    number = {name: i for i, name in enumerate(names)}
    tags = bytes(number[tag_of[word]] if word in tag_of else 0 for word in words)
    return "\n".join(words), counts, tk.total, tags, names


class WordTags(Mapping):
    """The part-of-speech tag of each word of jieba's dictionary: word -> "n", "nr", "v" ...

    Looked up by bisection in FREQ's sorted words, one byte per word naming its tag.
    A dict of the 349,000 tagged words took 0.15 s of every run to rebuild from
    deckgen's cache, where a build looks up a few thousand words."""

    def __init__(self, words: list[str], codes: bytes, names: tuple[str, ...]):
        self._words, self._codes, self._names = words, codes, names
        # The same few thousand words are asked for again and again (的, 是, 发展), and
        # a bisection compares some twenty strings.
        self._tag_of = lru_cache(maxsize=1 << 16)(self._search)

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


@lru_cache(maxsize=None)
def word_tags() -> WordTags:
    """Part-of-speech tag of every word of jieba's dictionary (dict.txt: word freq tag).

    Read once and shared: jieba.posseg would otherwise parse the same file again, line
    by line, for every POSTokenizer."""
    tables = _jieba_tables()
    return WordTags(tables.words, tables.tags, tables.tag_names)


@lru_cache(maxsize=None)
def _pos_tokenizer():
    import io

    jieba = _jieba()

    # Importing jieba.posseg builds a module-level POSTokenizer for jieba's global
    # tokenizer, which parses the whole tag table line by line (over a second here)
    # only to be discarded. Hand it an empty table for the length of the import.
    real_dict_file = jieba.dt.get_dict_file
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg
    finally:
        jieba.dt.get_dict_file = real_dict_file

    posseg = jieba.posseg

    class _SharedTags(posseg.POSTokenizer):
        def load_word_tag(self, f):  # noqa: ARG002 - jieba passes its dictionary file
            self.word_tag_tab = word_tags()  # deckgen never adds words to it

        def _POSTokenizer__cut(self, sentence):
            # jieba's own __cut (0.42), calling the faster viterbi below.
            _, pos_list = _viterbi(sentence, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P,
                                   posseg.emit_P)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield posseg.pair(sentence[begin:i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield posseg.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield posseg.pair(sentence[nexti:], pos_list[nexti][1])

    return _SharedTags(tokenizer())


_MIN_FLOAT = -3.14e100  # jieba's score of a character a state never emits
_MIN_INF = float("-inf")


def _viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple[float, list]:
    """jieba.posseg's viterbi, the same result three times faster: a state is reached
    from the few states that have a transition into it (a word's middle only from its
    beginning or middle), where jieba tries every state of the previous character."""
    into = _transitions_into(trans_p)
    all_states = trans_p.keys()
    score = [{y: start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT) for y in states.get(obs[0], all_states)}]
    came_from: list[dict] = [dict.fromkeys(score[0], "")]
    for t in range(1, len(obs)):
        before = score[t - 1]
        prev_states = [x for x in came_from[t - 1] if trans_p[x]]
        expected = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(obs[t], all_states)) & expected or expected or all_states
        here, path = {}, {}
        for y in obs_states:
            emit = emit_p[y].get(obs[t], _MIN_FLOAT)
            sources = into.get(y, ())
            if len(sources) < len(prev_states):
                best = max(((before[x] + trans_p[x][y] + emit, x) for x in sources if x in before), default=None)
            else:
                best = max(((before[x] + trans_p[x][y] + emit, x) for x in prev_states if y in trans_p[x]),
                           default=None)
            if best is None:  # no way into y: jieba's max over scores that are all -inf
                best = max((before[x] + _MIN_INF + emit, x) for x in prev_states)
            here[y], path[y] = best
        score.append(here)
        came_from.append(path)
    prob, state = max((score[-1][y], y) for y in came_from[-1])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = came_from[i][state]
    return prob, route


_INTO: dict[int, dict] = {}  # id of jieba's transition table (a module constant) -> its reverse


def _transitions_into(trans_p: dict) -> dict:
    into = _INTO.get(id(trans_p))
    if into is None:
        into = _INTO[id(trans_p)] = {}
        for x, nexts in trans_p.items():
            for y in nexts:
                into.setdefault(y, []).append(x)
    return into


# jieba's words of every text cut so far: mining cuts each sentence of a deck's sources
# and many short strings (quoted spans, candidate terms), annotation reads some of the
# sentences again for their pinyin. Emptied when it outgrows a bound, for long texts.
_WORDS_OF: dict[str, tuple[str, ...]] = {}
_REMEMBERED_TEXTS = 200_000


def words_of_each(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """jieba's words (HMM on) of each text, as cutting it alone gives them. The texts
    not cut before are cut together, in one call of jieba: a call per text costs many
    times its share of a batch."""
    texts = list(texts)
    unique = dict.fromkeys(texts)
    new = [t for t in unique if t not in _WORDS_OF]
    if new and len(_WORDS_OF) + len(new) > _REMEMBERED_TEXTS:
        _WORDS_OF.clear()
        new = list(unique)
    if new:
        _WORDS_OF.update(zip(new, map(tuple, _cut_each(new))))
    return [_WORDS_OF[t] for t in texts]


def words_of(text: str) -> tuple[str, ...]:
    words = _WORDS_OF.get(text)
    return words if words is not None else words_of_each([text])[0]


def _cut_each(texts: Sequence[str]) -> list[list[str]]:
    """One cut of all the texts joined by newlines: jieba cuts the stretches between
    newlines independently and yields each newline as a word of its own, so the words
    are those of cutting each text alone."""
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
    return out


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """Words of `text` with their character offsets (HMM on, for unknown words).
    Memoised: annotation reads a term's sentences for its senses, then again for
    their pinyin; and mining has cut most of them already (words_of)."""
    out = []
    pos = 0
    for word in words_of(text):
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
