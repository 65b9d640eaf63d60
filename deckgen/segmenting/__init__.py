"""The segmenting stage: text cut into words by deckgen's own jieba Tokenizer.

jieba's dictionary is simplified-Chinese; callers segment the simplified form of a
text (same length, character for character) and map spans back to the original.
The other stages never import this one: the composing module hands them a
`JiebaSegmenter`, which they know only as a `records.Segmenter`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from itertools import compress
from typing import Any

from deckgen.lexicon import cedict, jieba_words
from deckgen.memo import BoundedDict, memo, once
from deckgen.records import Token
from deckgen.script import is_han

__all__ = ["JiebaSegmenter", "segmenter", "tokenizer", "tokens", "tagged_tokens", "words_of", "words_of_each"]


@once
def tokenizer():
    """deckgen's own jieba Tokenizer, with the word table of deckgen.lexicon: jieba's
    global tokenizer is never touched, and jieba's cache in the shared temporary
    folder is never read."""
    jieba = jieba_words.jieba_module()
    tk = jieba.Tokenizer()
    loaded = jieba_words.tables()
    tk.FREQ, tk.total = loaded.frequencies, loaded.total
    tk.initialized = True
    return tk


@once
def _pos_tokenizer():
    import importlib
    import io

    jieba = jieba_words.jieba_module()

    # Importing jieba.posseg builds a module-level POSTokenizer for jieba's global
    # tokenizer, which parses the whole tag table line by line (over a second here)
    # only to be discarded. Hand it an empty table for the length of the import.
    real_dict_file = jieba.dt.get_dict_file
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        jieba.dt.get_dict_file = real_dict_file

    pos_tokenizer: Any = posseg.POSTokenizer

    class _SharedTags(pos_tokenizer):
        def load_word_tag(self, f):  # noqa: ARG002 - jieba passes its dictionary file
            self.word_tag_tab = jieba_words.word_tags()  # deckgen never adds words to it

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
    """jieba.posseg's viterbi with the same result, in a fraction of its time: a state is reached
    from the few states that have a transition into it (a word's middle only from its
    beginning or middle), where jieba tries every state of the previous character."""
    into = _posseg_transitions_into()
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


@once
def _posseg_transitions_into() -> dict:
    """jieba.posseg's transition table reversed: state -> the states that lead into it."""
    import jieba.posseg

    into: dict = {}
    trans_p = jieba.posseg.trans_P
    for x, nexts in trans_p.items():
        for y in nexts:
            into.setdefault(y, []).append(x)
    return into


# jieba's words of every text cut so far: mining cuts each sentence of a deck's sources
# and many short strings (quoted spans, candidate terms), annotation reads some of the
# sentences again for their pinyin. Filled in batches, so a plain bounded dict.
_WORDS_OF: BoundedDict[str, tuple[str, ...]] = BoundedDict(200_000)


def words_of_each(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """jieba's words (HMM on) of each text, as cutting it alone gives them. The texts
    not cut before are cut together, in one call of jieba: a call per text costs many
    times its share of a batch."""
    texts = list(texts)
    new = [t for t in dict.fromkeys(texts) if t not in _WORDS_OF]
    fresh = dict(zip(new, map(tuple, _cut_each(new)))) if new else {}
    _WORDS_OF.update(fresh.items())
    return [fresh[t] if t in fresh else _WORDS_OF[t] for t in texts]


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
    return [_resolved(words, text, tk) for words, text in zip(out, texts)]


def _resolved(words: list[str], text: str, tk) -> list[str]:
    """jieba's words of one text, where they go against the dictionaries (each pass below)."""
    words = _guesses_resolved(
        _overlaps_resolved(_units_after_numbers(words, tk) if _NUMBER_AND_UNIT.search(text) else words))
    return _letters_and_their_character(words) if _LETTERS_THEN_HAN.search(text) else words


def _guesses_resolved(words: list[str]) -> list[str]:
    """jieba's words, where its guess of a word of two characters (no word of its table
    nor of CC-CEDICT) ends in the first character of a CC-CEDICT word with the word after
    it: 不内 + 卷 is 不 + 内卷, 跟伴 + 手礼 is 跟 + 伴手礼. Not a name's surname and given name
    (李明 + 天)."""
    frequencies = jieba_words.tables().frequencies
    out = list(words)
    # the guesses of two characters, found without a Python step per word (most are known)
    guessed = map(operator.and_, map(operator.not_, map(frequencies.get, out)), map((2).__eq__, map(len, out)))
    for i in compress(range(len(out) - 1), guessed):
        guess, after = out[i], out[i + 1]
        if (is_han(guess[0]) and is_han(guess[1]) and after and is_han(after[0])
                and not cedict.is_surname(guess[0]) and cedict.knows(guess[1] + after) and not cedict.knows(guess)
                and not cedict.knows(guess + after)  # 碳中 + 和 is 碳中和 whole
                and not jieba_words.tag(guess[1] + after).startswith("v")):  # not 价涨 + 到: 涨到 is a phrase
            out[i], out[i + 1] = guess[0], guess[1] + after
    return out


_LETTERS_THEN_HAN = re.compile(r"[A-Za-z][\u3400-\u9fff]")


def _letters_and_their_character(words: list[str]) -> list[str]:
    """A word CC-CEDICT spells with Latin letters and a character (CP值 'value for money',
    T恤, X光, A股, SIM卡), where jieba cut the character off with the next one: CP + 值算
    is CP值 + 算."""
    out = list(words)
    for i in range(len(out) - 1):
        latin, after = out[i], out[i + 1]
        if latin.isascii() and latin[-1:].isalpha() and after and is_han(after[0]) and len(after) <= 2 \
                and cedict.knows(latin + after[0]) and not cedict.knows(after):
            out[i], out[i + 1] = latin + after[0], after[1:]
    return [w for w in out if w]


def _overlaps_resolved(words: list[str]) -> list[str]:
    """jieba's words, where it chose a word of its own table no dictionary lists over two
    that CC-CEDICT does, across the same characters: 并 + 处罚金 is 并处 'also sentence to'
    + 罚金 'a fine', as the Criminal Law means it; 处罚金 is no word."""
    out = list(words)
    # the words of three characters, found without a Python step per word (a book has millions)
    for i in compress(range(len(out)), map((3).__eq__, map(len, out))):
        if not i:
            continue
        before, word = out[i - 1], out[i]
        if len(before) == 1 and is_han(before) and cedict.knows(before + word[0]) \
                and cedict.knows(word[1:]) and not cedict.knows(word):
            out[i - 1], out[i] = before + word[0], word[1:]
    return out


_NUMBER = re.compile(r"^(?:[0-9０-９]+|[零〇一二三四五六七八九十百千万两]+)$")
_UNITS = "年月日号岁"
_NUMBER_AND_UNIT = re.compile(rf"[0-9０-９零〇一二三四五六七八九十百千万两][{_UNITS}]\w")
# Tags of the words jieba glues a unit into that are no time nor thing: 年迈 'aged' of
# 2025年迈入, 号召 of 5号召开, 日增 of 3日增加, and abbreviations: 日电 'NEC' of a news
# agency's dateline 北京11月1日电 'Beijing, 1 November (dispatch)'.
_GLUED_TAGS = frozenset({"a", "v", "d", "j", "ns", "nr", "nz", "nrt", ""})


def _units_after_numbers(words: list[str], tk) -> list[str]:
    """jieba's words, with a unit it glued to the next word after a number cut loose
    and what follows cut again: 2025 + 年迈 + 入超 + 高龄 is 2025 + 年 + 迈入 + …, the
    year a country steps into, not an 'aged' 'trade deficit'."""
    tags = jieba_words.word_tags()
    i = 0
    while i + 1 < len(words):
        word = words[i + 1]
        if (len(word) > 1 and word[0] in _UNITS and _NUMBER.match(words[i])
                and tags.get(word, "") in _GLUED_TAGS):
            rest = "".join(words[i + 1:])[1:]
            words = [*words[:i + 1], word[0], *tk.cut(rest, HMM=True)]
        i += 1
    return words


@memo(8192)
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
    tags = jieba_words.word_tags()
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


@memo(100_000)
def _tag_unknown(stretch: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(stretch, HMM=True))


class JiebaSegmenter:
    """The segmenting stage as the other stages use it (a records.Segmenter)."""

    def words_of_each(self, texts: Iterable[str]) -> list[tuple[str, ...]]:
        return words_of_each(texts)

    def words_of(self, text: str) -> tuple[str, ...]:
        return words_of(text)

    def tokens(self, text: str) -> tuple[Token, ...]:
        return tokens(text)

    def tagged_tokens(self, text: str) -> list[Token]:
        return tagged_tokens(text)


@once
def segmenter() -> JiebaSegmenter:
    return JiebaSegmenter()
