"""Sentence pinyin with polyphones resolved from their context.

A character's reading is decided, in order of trust, by
  1. the word it belongs to: jieba's segmentation of the sentence, each word looked
     up in pypinyin's phrase list and CC-CEDICT (unknown words are split into the
     longest known words inside them);
  2. a context rule, for the handful of function characters whose reading depends on
     grammar rather than on a word (了 le5/liao3, 得 de5/de2/dei3, 着, 地, 还, 长, 重,
     为, 行, 都, 率, 卡, 量, 调, 差 ...), written in terms of neighbouring words and
     jieba's part-of-speech tags;
  3. a default: in a given name, the reading CC-CEDICT uses in names (李媛 yuan2;
     deckgen/data/pinyin_given_names.tsv, built with the prior below); in a place
     name, the reading CC-CEDICT gives for place names (蔚州 yu4);
     a dictionary word jieba cut apart, if no other word claims its characters
     (偏|裨 pi2); for a character standing alone as a word, pypinyin's first reading
     (its list puts the free-standing use first: 了 le, 都 dou1, 还 hai2) unless
     the prior below is overwhelmingly for another (佛 fo2, not the fu2 of 仿佛); for a
     character inside a word no dictionary knows (names, transliterations, rare
     terms), or alone but known to jieba only as a morpheme or a piece of a name
     (攒尖顶, 瓦剌), the reading it most often has inside known words, weighted by word
     frequency (deckgen/data/pinyin_char_prior.tsv, built by `python tools/build_tables.py
     prior` from CC-CEDICT, pypinyin's phrases and jieba's frequencies).
     pypinyin's own first reading is a poor guess there: 勃艮第 is gen4 not gen3,
     塞浦路斯 sai4 not sai1, 孙晟 sheng4 not cheng2, 缪斯 miu4 not mou2.

Readings are citation tones: no 一/不 or third-tone sandhi (一 yi1, 不 bu4), which is
also what dictionaries and the CPP polyphone dataset write.

Traditional input is read through its simplified form (character for character),
and the readings are mapped back onto the original characters.

Nothing is loaded on import: pypinyin, jieba, OpenCC and CC-CEDICT load on first use.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from deckgen.annotating.pinyin.readings import (
    TRADITIONAL_READING,
    _bound_readings,
    _cedict_readings,
    _char_prior,
    _common_word,
    _given_name_readings,
    _place_name_readings,
    _readings_bound_here,
    _surname_only_readings,
    char_readings,
    word_reading,
)
from deckgen.annotating.pinyin.rules import (
    _MEASURE_WORD,
    _RULES,
    _SURNAME,
    _TRANSLITERATION,
    _WORD_RULES,
    _after_numeral,
    _in_foreign_name,
    _pos,
    _starts_chinese_name,
)
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import memo
from deckgen.records import Segmenter, Syllable
from deckgen.script import HAN_RANGES, is_han, simplified_in_place
from deckgen.tones import tone_mark

# One Han character (group 1), or a run of anything else.
_RUN = re.compile(f"([{HAN_RANGES}])|[^{HAN_RANGES}]+")


# Syllables are shared: the same (character, reading) recurs all through a deck's
# examples, and one object per pair is quicker to make than a new record each time
# and to pickle into the results cache, where each is stored once.
_syllable = memo(1 << 16)(Syllable)


# Longest word looked up when splitting a word no dictionary knows.
_MAX_WORD = 8


def syllables(text: str, segmenter: Segmenter, start: int = 0, end: int | None = None) -> tuple[Syllable, ...]:
    """One Syllable per Han character, one per run of anything else (pinyin None).

    With start/end: the syllables of text[start:end], read in the context of the
    whole text (an example trimmed from a sentence keeps the sentence's readings,
    and a sentence is analysed once however many examples are cut from it).
    """
    readings = _resolve(text, segmenter)
    end = len(text) if end is None else end
    if start or end != len(text):
        readings = readings[start:end]
        text = text[start:end]
    return tuple([_syllable(m.group(), readings[m.start()] if m.lastindex else None) for m in _RUN.finditer(text)])


def numbered_line(text: str, segmenter: Segmenter) -> str:
    """'我们用GPU训练了大模型。' -> 'wo3 men5 yong4 GPU xun4 lian4 le5 da4 mo2 xing2 。'"""
    return " ".join(_line_tokens(text, lambda s: s, segmenter))


def marked_line(text: str, segmenter: Segmenter) -> str:
    """The same as numbered_line with tone marks: 'wǒ men yòng GPU xùn liàn le …', the
    erhua 儿 run into the syllable before it (yī huìr)."""
    return " ".join(_line_tokens(text, tone_mark, segmenter, erhua_joined=True))


def span_reading(text: str, start: int, end: int, segmenter: Segmenter) -> tuple[str, ...]:
    """Numbered readings of the Han characters of text[start:end], resolved in the
    context of the whole text. One element per Han character (a character with no
    known reading stands for itself); anything else in the span is left out, so a
    Latin-only term such as CANN gives ()."""
    readings = _resolve(text, segmenter)
    return tuple(
        readings[i] or text[i] for i in range(max(start, 0), min(end, len(text))) if is_han(text[i])
    )


def read_alike(listed: tuple[str, ...], read: tuple[str, ...], word: str) -> bool:
    """A dictionary's numbered reading of `word` is the one read here, up to a neutral tone
    (用人 yong4 ren5) and the tone 一 and 不 take before another syllable."""
    return len(listed) == len(read) == len(word) and all(
        a.lower()[:-1] == b.lower()[:-1] and (a[-1:] == b[-1:] or "5" in (a[-1:], b[-1:]) or char in "一不")
        for a, b, char in zip(listed, read, word))


def _line_tokens(text: str, render, segmenter: Segmenter, erhua_joined: bool = False) -> list[str]:
    tokens: list[str] = []
    after_syllable = False
    for syllable in syllables(text, segmenter):
        if syllable.pinyin is not None:
            if erhua_joined and syllable.pinyin == "r5" and after_syllable:
                tokens[-1] += render(syllable.pinyin)
            else:
                tokens.append(render(syllable.pinyin))
            after_syllable = True
        else:
            # Whitespace separates tokens; it is never a token itself.
            tokens.extend(syllable.text.split())
            after_syllable = False
    return tokens


@memo(4096)
def _resolve(text: str, segmenter: Segmenter) -> tuple[str | None, ...]:
    """The reading of every character of `text` (None for non-Han characters)."""
    simplified = simplified_in_place(text)
    readings: list[str | None] = [None] * len(text)
    resolved = _resolve_simplified(simplified, segmenter)
    for i, char in enumerate(text):
        if is_han(char):
            readings[i] = resolved[i]
            # A Traditional character may have one reading where its simplified form has two
            # (籲 yù 'appeal' of 吁, 髮 fà 'hair' of 发); a neutral tone a word gives stays (頭髮 fa5).
            told = TRADITIONAL_READING.get(char)
            if told and (readings[i] or "")[-1:] != "5":
                readings[i] = told
            # ... or never have one of its simplified form's: 乾 'dry' is gān or qián, never the
            # gàn of 幹 'to do' (乾意麵 gān yì miàn)
            elif (never := (readings[i] or "", char)) in _NEVER_IN_TRADITIONAL:
                readings[i] = _NEVER_IN_TRADITIONAL[never]
    return tuple(readings)


_NEVER_IN_TRADITIONAL = {("gan4", "乾"): "gan1"}


@dataclass
class _Context:
    """A sentence being resolved: its text, jieba words, and readings so far."""

    text: str
    words: list  # deckgen.segment.Token, with POS
    word_at: list[int]  # character index -> index into words
    readings: list[str | None]
    from_word: list[bool]  # reading came from a dictionary word

    def char(self, i: int) -> str:
        return self.text[i] if 0 <= i < len(self.text) else ""

    def word_of(self, i: int):
        return self.words[self.word_at[i]]

    def word_before(self, i: int):
        k = self.word_at[i] - 1
        return self.words[k] if k >= 0 else None

    def word_after(self, i: int):
        k = self.word_at[i] + 1
        return self.words[k] if k < len(self.words) else None

    def stands_alone(self, i: int) -> bool:
        return len(self.word_of(i).text) == 1


def _resolve_simplified(text: str, segmenter: Segmenter) -> list[str | None]:
    words = segmenter.tagged_tokens(text) if text else []
    word_at = [0] * len(text)
    for k, w in enumerate(words):
        for i in range(w.start, w.end):
            word_at[i] = k
    ctx = _Context(text, words, word_at, [None] * len(text), [False] * len(text))
    for w in words:
        _read_word(ctx, w.start, w.end)
    for i, char in enumerate(text):
        if not is_han(char):
            continue
        if not ctx.from_word[i]:
            ctx.readings[i] = _context_reading(ctx, i) or _default_reading(ctx, i)
        ctx.readings[i] = _citation_tone(char, ctx.readings[i])
    for i, char in enumerate(text):
        if not ctx.from_word[i]:
            continue
        # Both dictionaries write some transliterations with the character's everyday
        # reading (塞尔维亚 sai1, 勃艮第 gen3); the transliteration convention wins.
        if char in _TRANSLITERATION and _in_foreign_name(ctx, i) and not _common_word(ctx.word_of(i).text):
            ctx.readings[i] = _TRANSLITERATION[char]
        fix = _WORD_RULES.get(char)
        if fix:
            ctx.readings[i] = fix(ctx, i) or ctx.readings[i]
    _full_tones_when_doubled(text, ctx.readings)
    return ctx.readings


def _full_tones_when_doubled(text: str, readings: list[str | None]) -> None:
    """A word said AABB (清清楚楚, 明明白白, 漂漂亮亮) reads each pair as the word reads it,
    and its neutral syllable with its full tone: qīngqīngchǔchǔ, though 清楚 alone is qīngchu."""
    for i in range(len(text) - 3):
        a, b = text[i], text[i + 2]
        if a == text[i + 1] and b == text[i + 3] and a != b and is_han(a) and is_han(b):
            # the word is the middle two (漂 + 漂亮 + 亮): its readings hold for each pair
            readings[i], readings[i + 3] = readings[i + 1], readings[i + 2]
            for k in range(i, i + 4):
                reading = readings[k]
                if reading and reading.endswith("5"):
                    full = next((r for r in char_readings(text[k]) if r[:-1] == reading[:-1] and r[-1] != "5"), None)
                    readings[k] = full or reading


def _citation_tone(char: str, reading: str | None) -> str | None:
    # pypinyin's phrase list writes 一/不 with sandhi (一不小心 yí bù); dictionaries
    # and the dataset write the citation tone.
    if char == "一" and reading and reading.startswith("yi"):
        return "yi1"
    if char == "不" and reading and reading.startswith("bu"):
        return "bu4"
    return reading


def _read_word(ctx: _Context, start: int, end: int) -> None:
    """Readings from the dictionary for the word text[start:end], or for the known words
    inside it when the whole is unknown (a name, a compound jieba made up): the fewest
    characters left outside a known word, then the fewest words, then the commonest
    (误认为 is 误 + 认为 wéi, not 误认 + a lone 为; 集中式 is 集中 + 式, not 集 + 中式 zhòng)."""
    frequencies = jieba_words.word_frequencies()
    # cost[k]: (characters left alone, words, minus their log frequency) reading text[start:start + k]
    cost: list[tuple[int, int, float]] = [(0, 0, 0.0)] * (end - start + 1)
    how: list[tuple[int, tuple[str, ...] | None]] = [(0, None)] * (end - start + 1)
    for k in range(1, end - start + 1):
        alone, words, rarity = cost[k - 1]
        cost[k], how[k] = (alone + 1, words, rarity), (k - 1, None)
        for j in range(max(0, k - _MAX_WORD), k - 1):
            word = ctx.text[start + j:start + k]
            reading = word_reading(word)
            if reading:
                option = (cost[j][0], cost[j][1] + 1, cost[j][2] - math.log1p(frequencies.get(word, 0)))
                if option < cost[k]:
                    cost[k], how[k] = option, (j, reading)
    k = end - start
    while k > 0:
        j, found = how[k]
        if found:
            for offset, syllable in enumerate(found):
                ctx.readings[start + j + offset] = syllable
                ctx.from_word[start + j + offset] = True
        k = j


def _context_reading(ctx: _Context, i: int) -> str | None:
    """A reading decided by the character's role: measure word, surname, part of a
    transliterated name, or a character-specific grammar rule."""
    char = ctx.text[i]
    if char in _MEASURE_WORD and _after_numeral(ctx, i):
        return _MEASURE_WORD[char]
    if char in _SURNAME and _starts_chinese_name(ctx, i) and not _begins_a_longer_word(ctx, i):
        return _SURNAME[char]
    if char in _TRANSLITERATION and _in_foreign_name(ctx, i):
        return _TRANSLITERATION[char]
    rule = _RULES.get(char)
    return rule(ctx, i) if rule else None


def _begins_a_longer_word(ctx: _Context, i: int) -> bool:
    """A dictionary word starts here and runs past the name jieba saw: 单克隆抗体 (dān),
    not the surname 单 (Shàn) of a name 单克隆."""
    end = ctx.word_of(i).end
    return any(word_reading(ctx.text[i:j]) for j in range(end + 1, min(len(ctx.text), i + _MAX_WORD) + 1))


# jieba's tags for a character it does not know as a free word: zg (a morpheme seen
# only inside words), x (unknown) and nr (a piece of a name). Standing alone it is a
# fragment of a name or term jieba could not segment (攒尖顶, 杓兰, 瓦剌, 侯瑱), so
# it takes the reading it has inside words, like a character inside an unknown word.
_BOUND_TAGS = ("zg", "x", "nr")


def _default_reading(ctx: _Context, i: int) -> str | None:
    char = ctx.text[i]
    readings = char_readings(char)
    if not readings:
        return None
    # Readings CC-CEDICT gives only as "surname X" belong to surname position (晟 is
    # cheng2 as a surname, sheng4 in the given name of 李晟); readings it gives only
    # inside named words ("used in 万俟", 卜 bo5 "see 萝卜[luo2 bo5]", 苕 shao2
    # "see 红苕[hong2 shao2]")
    # belong to those words, which the word layer reads; readings it does not know
    # at all are the weakest guesses.
    restricted = _bound_readings(char) | (frozenset() if _starts_chinese_name(ctx, i) else
                                          _surname_only_readings(char))
    # ... unless the text around it is part of that word: 仡佬语 (仡 ge1 "used in 仡佬族").
    restricted = restricted - _readings_bound_here(ctx, i)
    # In a given name the reading names use wins, bound or not: 李媛 yuan2 (not the
    # yuan4 of 名媛), 孙大镐 hao4 (not the gao3 of 十字镐).
    if _in_given_name(ctx, i):
        named = _given_name_readings(char)
        if any(r in named for r in readings):
            return max((r for r in readings if r in named), key=lambda r: named[r])
    # In a place name jieba found, the reading CC-CEDICT gives for place names:
    # 蔚州 yu4 (蔚 "place name"), 鸭涌河 chong1 (涌 "used in place names").
    word = ctx.word_of(i)
    if word.pos == "ns" and len(word.text) > 1:
        placed = [r for r in readings if r in _place_name_readings(char)]
        if len(placed) == 1:
            return placed[0]
    # ... not where jieba cut out an adverb or a preposition: 劳动部|将|持续 (no 部将 'general'),
    # 这些人|都|会说 (no 都会 'metropolis')
    spanned = None if ctx.stands_alone(i) and _pos(word) in ("d", "p") else _spanning_word_reading(ctx, i)
    if spanned in readings:
        return spanned
    known = _cedict_readings(char)
    readings = (tuple(r for r in readings if r not in restricted and (not known or r in known))
                or tuple(r for r in readings if r not in restricted) or readings)
    prior = _char_prior().get(char)
    if ctx.stands_alone(i) and _pos(ctx.word_of(i)) not in _BOUND_TAGS:
        return _free_word_reading(readings, prior or {})
    if not prior:
        return readings[0]
    return max(readings, key=lambda r: (prior.get(r, 0.0), -readings.index(r)))


# How many times more weight another reading needs in the prior to displace pypinyin's
# first reading of a character standing alone.
_OVERWHELMING = 10


def _free_word_reading(readings: tuple[str, ...], prior: dict[str, float]) -> str:
    """pypinyin's first reading, the free-standing use for function words (了 le5, 都
    dou1), unless the words the character occurs in use another reading at least ten
    times as much: then pypinyin's order is a dictionary's, not usage's (佛 fu2 of
    仿佛 listed before fo2 'Buddha', 杠 gang1 before gang4 'bar', 勒 lei1 before le4)."""
    first = readings[0]
    best = max(readings, key=lambda r: (prior.get(r, 0.0), -readings.index(r)))
    if prior.get(best, 0.0) >= _OVERWHELMING * max(prior.get(first, 0.0), 1.0):
        return best
    return first


def _spanning_word_reading(ctx: _Context, i: int) -> str | None:
    """The reading in a dictionary word that jieba cut apart, made only of characters
    no dictionary word has claimed: 偏|裨 (偏裨 pian1 pi2), 无|臭 (无臭 wu2 xiu4),
    右|掖|门 (掖门 ye4 men2), or of claimed ones it reads as their word does: 现货价|差收
    (价差 jia4 cha1, its 价 as 现货价 reads it). The longest such word wins."""
    for length in range(4, 1, -1):
        for start in range(max(0, i - length + 1), min(i, len(ctx.text) - length) + 1):
            if any(ctx.from_word[start : start + length]) and not dictionary.knows(ctx.text[start : start + length]):
                continue
            reading = word_reading(ctx.text[start : start + length])
            if reading and all(ctx.readings[start + k] in (None, syllable) or not ctx.from_word[start + k]
                               for k, syllable in enumerate(reading)):
                return reading[i - start]
    return None


def _in_given_name(ctx: _Context, i: int) -> bool:
    """After the surname in a 2-3 character word jieba tags as a Chinese name (李媛, 孙大镐)."""
    word = ctx.word_of(i)
    in_name = word.start < i and word.pos in ("nr", "nrfg") and len(word.text) <= 3
    return in_name and dictionary.is_surname(ctx.text[word.start])
