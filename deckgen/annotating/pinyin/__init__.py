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

import re
from dataclasses import dataclass
from pathlib import Path

from deckgen import tables
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import memo, once
from deckgen.records import Segmenter, Syllable
from deckgen.script import HAN_RANGES, has_han, is_han, simplified_in_place
from deckgen.tones import tone_mark

# One Han character (group 1), or a run of anything else.
_RUN = re.compile(f"([{HAN_RANGES}])|[^{HAN_RANGES}]+")

# Syllables are shared: the same (character, reading) recurs all through a deck's
# examples, and one object per pair is quicker to make than a new record each time
# and to pickle into the results cache, where each is stored once.
_syllable = memo(1 << 16)(Syllable)

_PRIOR = "pinyin_char_prior.tsv"
_NAME_READINGS = "pinyin_given_names.tsv"

# Longest word looked up when splitting a word no dictionary knows.
_MAX_WORD = 8


# ---------------------------------------------------------------------------
# Public interface
# ---------------------------------------------------------------------------


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
    """The same as numbered_line with tone marks: 'wǒ men yòng GPU xùn liàn le …'."""
    return " ".join(_line_tokens(text, tone_mark, segmenter))


def span_reading(text: str, start: int, end: int, segmenter: Segmenter) -> tuple[str, ...]:
    """Numbered readings of the Han characters of text[start:end], resolved in the
    context of the whole text. One element per Han character (a character with no
    known reading stands for itself); anything else in the span is left out, so a
    Latin-only term such as CANN gives ()."""
    readings = _resolve(text, segmenter)
    return tuple(
        readings[i] or text[i] for i in range(max(start, 0), min(end, len(text))) if is_han(text[i])
    )


def _line_tokens(text: str, render, segmenter: Segmenter) -> list[str]:
    tokens: list[str] = []
    for syllable in syllables(text, segmenter):
        if syllable.pinyin is not None:
            tokens.append(render(syllable.pinyin))
        else:
            # Whitespace separates tokens; it is never a token itself.
            tokens.extend(syllable.text.split())
    return tokens


# ---------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------


@memo(4096)
def _resolve(text: str, segmenter: Segmenter) -> tuple[str | None, ...]:
    """The reading of every character of `text` (None for non-Han characters)."""
    simplified = simplified_in_place(text)
    readings: list[str | None] = [None] * len(text)
    resolved = _resolve_simplified(simplified, segmenter)
    for i, char in enumerate(text):
        if is_han(char):
            readings[i] = resolved[i]
    return tuple(readings)


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
    return ctx.readings


def _citation_tone(char: str, reading: str | None) -> str | None:
    # pypinyin's phrase list writes 一/不 with sandhi (一不小心 yí bù); dictionaries
    # and the dataset write the citation tone.
    if char == "一" and reading and reading.startswith("yi"):
        return "yi1"
    if char == "不" and reading and reading.startswith("bu"):
        return "bu4"
    return reading


def _read_word(ctx: _Context, start: int, end: int) -> None:
    """Readings from the dictionary for the word text[start:end], or for the longest
    known words inside it when the whole is unknown (a name, a compound jieba made up)."""
    i = start
    while i < end:
        for j in range(min(end, i + _MAX_WORD), i + 1, -1):
            reading = word_reading(ctx.text[i:j])
            if reading:
                for k, syllable in enumerate(reading):
                    ctx.readings[i + k] = syllable
                    ctx.from_word[i + k] = True
                i = j
                break
        else:
            i += 1


def _context_reading(ctx: _Context, i: int) -> str | None:
    """A reading decided by the character's role: measure word, surname, part of a
    transliterated name, or a character-specific grammar rule."""
    char = ctx.text[i]
    if char in _MEASURE_WORD and _after_numeral(ctx, i):
        return _MEASURE_WORD[char]
    if char in _SURNAME and _starts_chinese_name(ctx, i):
        return _SURNAME[char]
    if char in _TRANSLITERATION and _in_foreign_name(ctx, i):
        return _TRANSLITERATION[char]
    rule = _RULES.get(char)
    return rule(ctx, i) if rule else None


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
            return max((r for r in readings if r in named), key=named.get)
    # In a place name jieba found, the reading CC-CEDICT gives for place names:
    # 蔚州 yu4 (蔚 "place name"), 鸭涌河 chong1 (涌 "used in place names").
    word = ctx.word_of(i)
    if word.pos == "ns" and len(word.text) > 1:
        placed = [r for r in readings if r in _place_name_readings(char)]
        if len(placed) == 1:
            return placed[0]
    spanned = _spanning_word_reading(ctx, i)
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
    右|掖|门 (掖门 ye4 men2). The longest such word wins."""
    for length in range(4, 1, -1):
        for start in range(max(0, i - length + 1), min(i, len(ctx.text) - length) + 1):
            if any(ctx.from_word[start : start + length]):
                continue
            reading = word_reading(ctx.text[start : start + length])
            if reading:
                return reading[i - start]
    return None


# ---------------------------------------------------------------------------
# Dictionaries
# ---------------------------------------------------------------------------


# Senses that give a reading no use of its own: "used in 万俟", a pointer to the one
# word it occurs in ("see 萝卜[luo2 bo5]"), a note on Taiwan's pronunciation.
_BOUND_SENSE = re.compile(r"^\(?(used in |phonetic|\(phonetic|see [^ ]+\[|Taiwan pr\.)")
# ... unless the sense names a kind of word rather than a word: 峇 ba1 "(used in
# transliteration)", 喇 la3 "(phonetic)", 耶 ye1 "(phonetic ye)", 嬛 huan2 "(used in
# names)" are readings for any transliterated name (峇峇, 哥打峇鲁) or any name.
_KIND_OF_WORD = re.compile(r"transliterat|phonetic|loanword|used in (personal |old )?names")


def _readings_whose_senses_all(char: str, test) -> frozenset[str]:
    by_reading: dict[str, list[bool]] = {}
    for entry in dictionary.lookup(char):
        if char in (entry.simplified, entry.traditional):
            by_reading.setdefault(" ".join(entry.pinyin), []).append(all(test(s) for s in entry.senses))
    return frozenset(r for r, flags in by_reading.items() if all(flags))


# Senses CC-CEDICT gives a reading used in given names: 媛 yuan2 "used in 婵媛 and in
# female names", 淑 "(used in given names)", 娒 "(used in personal names)".
_NAME_SENSE = re.compile(
    r"\b(given|personal|female|feminine|people's) names?\b|^\(?used in names\b|^a man's name|^name of a person"
)
# A person's name in CC-CEDICT: a life span or a date in its gloss, 彭丽媛 "Peng Liyuan
# (1962-), ...", 李昌镐 "Lee Chang-ho (1975-), ...".
_LIFE_SPAN = re.compile(r"\((c\. ?)?\d{3,4}\b|\(-?\d+ ?BC|\d{3,4}-\d{0,4}\)")


def _in_given_name(ctx: _Context, i: int) -> bool:
    """After the surname in a 2-3 character word jieba tags as a Chinese name (李媛, 孙大镐)."""
    word = ctx.word_of(i)
    in_name = word.start < i and word.pos in ("nr", "nrfg") and len(word.text) <= 3
    return in_name and dictionary.is_surname(ctx.text[word.start])


def _given_name_readings(char: str) -> dict[str, float]:
    """Readings of `char` in given names, with a count: those CC-CEDICT glosses as used
    in names, and those it gives in the given names of people it lists."""
    return _given_name_table().get(char, {})


@once
def _given_name_table() -> dict[str, dict[str, float]]:
    """char -> reading -> count, from deckgen/data/pinyin_given_names.tsv."""
    return _read_reading_table(_NAME_READINGS)


_PLACE_SENSE = re.compile(r"\bplace name\b|used in place names")


@memo(8192)
def _place_name_readings(char: str) -> frozenset[str]:
    """Readings CC-CEDICT glosses as used in place names: 蔚 yu4, 涌 chong1, 岐 qi2."""
    return frozenset(
        e.pinyin[0]
        for e in dictionary.lookup(char)
        if char in (e.simplified, e.traditional)
        and len(e.pinyin) == 1
        and any(_PLACE_SENSE.search(s) for s in e.senses)
    )


@memo(8192)
def _surname_only_readings(char: str) -> frozenset[str]:
    return _readings_whose_senses_all(char, lambda s: s.startswith("surname "))


@memo(8192)
def _bound_readings(char: str) -> frozenset[str]:
    return _readings_whose_senses_all(char, _bound_sense)


def _bound_sense(sense: str) -> bool:
    if not _BOUND_SENSE.match(sense):
        return False
    return has_han(sense) or not _KIND_OF_WORD.search(sense)


_BOUND_WORD = re.compile(r"[\u3400-\u9fff|]+(?=\[)")


@memo(8192)
def _bound_words(char: str) -> tuple[tuple[str, str], ...]:
    """(reading, word) for the words CC-CEDICT says a reading of `char` is used in:
    仡 ge1 "used in 仡佬族[Ge1 lao3 zu2]" -> ("ge1", "仡佬族")."""
    pairs = []
    for entry in dictionary.lookup(char):
        if char in (entry.simplified, entry.traditional) and len(entry.pinyin) == 1:
            for sense in entry.senses:
                if _BOUND_SENSE.match(sense):
                    for words in _BOUND_WORD.findall(sense):
                        pairs.extend((entry.pinyin[0], w) for w in words.split("|") if char in w)
    return tuple(pairs)


def _readings_bound_here(ctx: _Context, i: int) -> set[str]:
    """Bound readings of text[i] whose word the character and a neighbour are part of."""
    around = (ctx.text[i - 1 : i + 1] if i else "", ctx.text[i : i + 2])
    return {r for r, word in _bound_words(ctx.text[i]) if any(len(a) == 2 and a in word for a in around)}


@memo(8192)
def _cedict_readings(char: str) -> frozenset[str]:
    return _readings_whose_senses_all(char, lambda s: True)


@memo(8192)
def char_readings(char: str) -> tuple[str, ...]:
    """pypinyin's readings of one character, numbered, most usual first."""
    readings = _pypinyin_tables()[1].get(char)
    return tuple(readings.split()) if readings else ()


def _phrase_reading(word: str) -> tuple[str, ...] | None:
    """pypinyin's reading of a word in its phrase list, numbered."""
    reading = _pypinyin_tables()[0].get(word)
    return tuple(reading.split()) if reading else None


@once
def _pypinyin_tables() -> tuple[dict[str, str], dict[str, str]]:
    """pypinyin's phrase list (word -> "zhong1 guo2") and character readings (char ->
    "zhong1 zhong4"), numbered. Kept in deckgen's cache, keyed by pypinyin's files:
    importing pypinyin parses its JSON, trains a segmenter deckgen does not use and
    copies both tables, five times as long as loading them from the cache."""
    from importlib.util import find_spec

    from deckgen import cache

    package = Path(find_spec("pypinyin").origin).parent
    identity = " ".join(f"{p.name} {p.stat().st_size} {p.stat().st_mtime_ns}"
                        for p in sorted([package / "__init__.py", *package.glob("*.json")]))
    return cache.cached_dictionary("pypinyin", f"{package} {identity}", _parse_pypinyin_tables)


def _parse_pypinyin_tables() -> tuple[dict[str, str], dict[str, str]]:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    phrases = {word: " ".join(_numbered(p[0]) for p in phrase) for word, phrase in PHRASES_DICT.items()}
    chars = {chr(code): " ".join(dict.fromkeys(_numbered(p) for p in raw.split(",")))
             for code, raw in PINYIN_DICT.items()}
    return phrases, chars


@memo(8192)  # a few thousand syllables, converted again and again
def _numbered(marked: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone3

    return to_tone3(marked, neutral_tone_with_five=True)


@memo(200_000)
def word_reading(word: str) -> tuple[str, ...] | None:
    """The usual reading of a word of two or more characters, None if unknown.

    pypinyin's phrase list first: it gives one, common reading per word. Then
    CC-CEDICT, preferring ordinary words over names, and names over Taiwan-only
    readings and 'variant of' cross-references."""
    if len(word) < 2 or not all(is_han(c) for c in word):
        return None
    phrase = _phrase_reading(word)
    if phrase and len(phrase) == len(word):
        # Names are where pypinyin's list is weakest (塞尔维亚 sai1, 勃艮第 gen3):
        # CC-CEDICT's reading wins for a word it only knows as a name.
        name = _cedict_name_reading(word)
        if name:
            return name
        reading = phrase
        # pypinyin's list has slips CC-CEDICT's editors do not share (吡咯 bi3 ge1 for
        # luo4, 质朴 piao2, 肚子 du3 'tripe' for du4 'belly'): where CC-CEDICT knows
        # the word with one reading only and that reading differs in more than a
        # neutral tone (关系 xi4/xi5), CC-CEDICT's wins. Where it lists several (结果
        # jie1/jie2, 明朝 chao2/zhao1), pypinyin's choice of the common one stands.
        listed = _cedict_word_readings(word)
        if len(listed) == 1 and _differs_beyond_neutral_tone(reading, listed[0]):
            reading = listed[0]
        return _erhua(word, reading)
    return _cedict_reading(word)


def _cedict_word_readings(word: str) -> list[tuple[str, ...]]:
    """The distinct readings CC-CEDICT gives `word`, cross-references and
    Taiwan-only readings left out."""
    readings = (e.pinyin for e in _entries_read_as(word) if not (e.variant_only or e.taiwan_only))
    return list(dict.fromkeys(readings))


_SYLLABLE = re.compile(r"[a-zv]+[1-5]")


def _entries_read_as(word: str) -> list:
    """CC-CEDICT's entries of `word` as written (simplified) with one plain syllable
    per character: their pinyin reads the word."""
    return [e for e in dictionary.lookup(word) if e.simplified == word and len(e.pinyin) == len(word)
            and all(map(_SYLLABLE.fullmatch, e.pinyin))]


def _differs_beyond_neutral_tone(reading: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """`other` reads some syllable differently, not only with the neutral tone."""
    return any(a != b and not (b.endswith("5") and a[:-1] == b[:-1]) for a, b in zip(reading, other))


def _common_word(word: str) -> bool:
    """CC-CEDICT knows `word` as an ordinary word, not only as a name (施舍, not 塞尔维亚)."""
    return any(e.simplified == word and not e.proper for e in dictionary.lookup(word))


def _cedict_name_reading(word: str) -> tuple[str, ...] | None:
    if not dictionary.knows(word):
        return None
    entries = [e for e in dictionary.lookup(word) if e.simplified == word and len(e.pinyin) == len(word)]
    if entries and all(e.proper for e in entries):
        return _cedict_reading(word)
    return None


def _cedict_reading(word: str) -> tuple[str, ...] | None:
    entries = _entries_read_as(word)
    if not entries:
        return None
    # The first of the best: ordinary words over names, names over Taiwan-only readings
    # and cross-references.
    best = min(entries, key=lambda e: (e.variant_only, e.taiwan_only, e.proper))
    return _erhua(word, best.pinyin)


def _erhua(word: str, reading: tuple[str, ...]) -> tuple[str, ...]:
    """A word-final 儿 that is the erhua suffix is written r5 (一点儿, 哪儿, 花儿):
    when the reading is already neutral, or CC-CEDICT has an erhua reading of the word
    (pypinyin writes 哪儿 nǎ ér). 女儿, 婴儿 keep er2."""
    if len(word) < 2 or word[-1] != "儿":
        return reading
    if reading[-1] in ("er5", "r5") or _cedict_has_erhua(word):
        return reading[:-1] + ("r5",)
    return reading


def _cedict_has_erhua(word: str) -> bool:
    return any(e.simplified == word and e.pinyin[-1:] == ("r5",) for e in dictionary.lookup(word))


@once
def _char_prior() -> dict[str, dict[str, float]]:
    """char -> reading -> weight of that reading inside known words (see module doc)."""
    return _read_reading_table(_PRIOR)


def _read_reading_table(name: str) -> dict[str, dict[str, float]]:
    """The shipped tables of readings: char<TAB>reading:number<TAB>..."""
    return {char: {r: float(n) for r, n in (p.split(":") for p in pairs)} for char, *pairs in tables.read(name)}


# ---------------------------------------------------------------------------
# Context rules. Each returns a reading, or None to fall through to the default.
# ---------------------------------------------------------------------------

_RULES: dict = {}
_WORD_RULES: dict = {}


def _rule(chars: str, table: dict | None = None):
    def register(fn):
        for c in chars:
            (table if table is not None else _RULES)[c] = fn
        return fn

    return register


_NUMERALS = set("一二三四五六七八九十百千万亿两几数半零〇第多0123456789０１２３４５６７８９")
_VERBAL = ("v", "a", "ad", "an", "vd", "vn", "vg", "ag", "z", "i", "l")


def _pos(word) -> str:
    return word.pos if word is not None else ""


def _clause_end(ctx: _Context, i: int) -> bool:
    """Nothing Han follows in this clause: end of text or punctuation next."""
    nxt = ctx.char(i + 1)
    return not nxt or not is_han(nxt)


def _after_numeral(ctx: _Context, i: int) -> bool:
    return ctx.char(i - 1) in _NUMERALS


# Readings as a measure word, right after a numeral: 三卷, 一幢楼, 两行字, 多重, 三种,
# 数十处, 武康路40弄 (Shanghai lane numbers), 二载 'two years', 睡一觉, 二十哩 'miles'.
_MEASURE_WORD = {
    "行": "hang2", "重": "chong2", "处": "chu4", "卷": "juan4", "幢": "zhuang4", "种": "zhong3",
    "间": "jian1", "只": "zhi1", "弄": "long4", "号": "hao4", "场": "chang3", "曲": "qu3",
    "担": "dan4", "更": "geng1", "载": "zai3", "宿": "xiu3", "觉": "jiao4", "发": "fa1",
    "扎": "zha1", "帖": "tie1", "折": "zhe2", "圈": "quan1", "把": "ba3", "度": "du4",
    "哩": "li3",
}

# Surnames read differently from the character's common word (现代汉语词典's surname
# notes): 单 Shan4, 仇 Qiu2, 解 Xie4, 朴 Piao2, 区 Ou1, 查 Zha1, 曾 Zeng1, 盖 Ge3,
# 缪 Miao4, 覃 Qin2, 翟 Zhai2, 隗 Wei3, 燕 Yan1, 肖 Xiao1, 葛 Ge3, 召 Shao4 ...
_SURNAME = {
    "单": "shan4", "仇": "qiu2", "解": "xie4", "朴": "piao2", "区": "ou1", "查": "zha1",
    "曾": "zeng1", "盖": "ge3", "缪": "miao4", "覃": "qin2", "翟": "zhai2", "隗": "wei3",
    "燕": "yan1", "肖": "xiao1", "葛": "ge3", "召": "shao4", "秘": "bi4", "任": "ren2",
    "种": "chong2", "纪": "ji3", "宿": "su4", "过": "guo1", "贲": "ben1", "阚": "kan4",
    "柏": "bai3", "华": "hua4", "员": "yun4", "繁": "po2", "应": "ying1", "尉": "wei4",
}

# Readings in transliterated foreign names: 塞尔维亚, 希什曼, 勃艮第, 缪斯, 德莱克斯勒,
# 舍温, 伽利略, 柏林, 茜茜, 查理, 莎士比亚, 扎伊尔, 阿拉伯, 都灵, 喀布尔, 咖啡.
# (Not 蒙: 蒙古 meng3 is as common in names as 蒙特利尔 meng2.)
_TRANSLITERATION = {
    "塞": "sai4", "什": "shi2", "艮": "gen4", "缪": "miu4", "勒": "le4", "耶": "ye1",
    "舍": "she4", "伽": "jia1", "柏": "bo2", "茜": "xi1", "查": "cha2", "莎": "sha1",
    "扎": "zha1", "阿": "a1", "都": "du1", "喀": "ka1", "咖": "ka1", "佛": "fo2",
}


def _starts_chinese_name(ctx: _Context, i: int) -> bool:
    """First character of a 2-3 character word jieba tags as a (Chinese) person name."""
    word = ctx.word_of(i)
    return word.start == i and word.pos in ("nr", "nrfg") and 1 <= len(word.text) <= 3


def _in_foreign_name(ctx: _Context, i: int) -> bool:
    """Inside a transliterated name: jieba's nrt tag, or a name of three characters
    or more that the dictionary does not know, or next to the name dot ·."""
    word = ctx.word_of(i)
    if word.pos == "nrt" or "·" in (ctx.char(word.start - 1), ctx.char(word.end)):
        return True
    return word.pos in ("nr", "ns", "nz") and len(word.text) >= 3 and not _starts_chinese_name(ctx, i)


# 东西 is 'east and west' (dong1 xi1) in descriptions of extent and direction,
# otherwise 'thing' (dong1 xi5): 东西走向, 东西长约5公里, 横贯东西 vs 买东西, 什么东西.
_EAST_WEST_AFTER = ("走向", "向", "长", "宽", "两", "各", "方", "侧", "延伸", "距离", "相距", "横", "纵", "南北",
                    "贯", "约")
_EAST_WEST_BEFORE = ("横贯", "贯穿", "横跨", "南北", "贯通", "纵横")


@_rule("西", _WORD_RULES)
def _dong_xi(ctx: _Context, i: int) -> str | None:
    word = ctx.word_of(i)
    if ctx.char(i - 1) != "东" or ctx.text[i - 1 : i + 1] != word.text:
        return None
    after, before = ctx.text[i + 1 : i + 3], ctx.text[max(i - 3, 0) : i - 1]
    if after.startswith(_EAST_WEST_AFTER) or before.endswith(_EAST_WEST_BEFORE):
        return "xi1"
    return "xi5"


@_rule("了")
def _le(ctx: _Context, i: int) -> str:
    # V不了 'cannot V (to the end)': 受不了, 吃不了, 少不了 -> liao3; everywhere else
    # a free-standing 了 is the aspect or sentence particle (了解 and 了不起 are words).
    if ctx.char(i - 1) == "不" and i >= 2 and is_han(ctx.char(i - 2)):
        return "liao3"
    return "le5"


@_rule("得")
def _de(ctx: _Context, i: int) -> str:
    word = ctx.word_of(i)
    # Inside a word no dictionary reads (jieba's 说得对, 看得见): verb + 得 + complement.
    if word is not None and word.start < i:
        return "de5"
    before, after = ctx.word_before(i), ctx.word_after(i)
    # jieba keeps the modal with its verb (我们|得去): the rest of the word is the verb.
    if word is not None and word.start == i and len(word.text) > 1 and _is_verb(word.text[1:]):
        if _pos(before) in ("r", "d", "n", "nr") or (before and before.text in ("还", "就", "总", "也", "都", "可")):
            return "dei3"
    # 我得走了, 还得去: after a pronoun or adverb and before a verb it is the modal 'must'.
    if (_pos(before) in ("r", "d") or (before and before.text in ("还", "就", "总", "也", "都", "可"))) and _pos(
        after
    ).startswith("v"):
        if _pos(before) != "r" or _pos(after) == "v":
            return "dei3"
    # After a verb or adjective it links a complement: 跑得快, 死得较为突然.
    if _pos(before) in _VERBAL or _pos(ctx.word_of(i)) == "ud" and _pos(before) not in ("r", "n", "nr", "m"):
        return "de5"
    # Otherwise it is the verb 'obtain': 得了冠军, 得三分.
    return "de2"


def _is_verb(word: str) -> bool:

    return jieba_words.tag(word).startswith("v")


@_rule("着")
def _zhe(ctx: _Context, i: int) -> str:
    # V不着 / V得着 'can(not) manage to': 睡不着, 用不着, 找得着.
    if ctx.char(i - 1) in ("不", "得") and i >= 2 and is_han(ctx.char(i - 2)):
        return "zhao2"
    return "zhe5"


@_rule("地")
def _di(ctx: _Context, i: int) -> str | None:
    # The adverbial particle: jieba tags it uv (高兴地跳, 预见性地警告), or it follows
    # an adjective, adverb or idiom and precedes a verb.
    # Clause-final it is the noun: 西沙群岛等地， (jieba still tags some of these uv).
    if _clause_end(ctx, i):
        return "di4"
    if _pos(ctx.word_of(i)) == "uv":
        return "de5"
    before, after = ctx.word_before(i), ctx.word_after(i)
    if _pos(before) in ("a", "ad", "d", "z", "i", "l") and _pos(after).startswith("v"):
        return "de5"
    return "di4"


_RETURN_OBJECTS = set("钱债款贷账")


@_rule("还")
def _huan(ctx: _Context, i: int) -> str:
    # The adverb 'still/also' never ends a clause; the verb 'give back' can (借了不还).
    if _clause_end(ctx, i) or ctx.char(i + 1) == "给" or ctx.char(i + 1) in _RETURN_OBJECTS:
        return "huan2"
    # After a modal or negation the adverb would come first (还要, 还不), so 要还,
    # 该还, 没还, 不还 are the verb: 你要还我书, 借了不还.
    if ctx.char(i - 1) in ("要", "想", "该", "没", "不"):
        return "huan2"
    return "hai2"


# Units whose head is a 长 zhang3: 部长, 旅长, 校长, 处长, 董事长, 列车长 ...
_HEADED_UNITS = set("部局院委会所厅处司科组队团站馆校社署省市县镇村乡州区旅师营连排班军舰船机车族酋首家行庭监社")


@_rule("长")
def _zhang(ctx: _Context, i: int) -> str:
    if ctx.char(i - 1) in _HEADED_UNITS:
        return "zhang3"
    # The verb 'grow': 长出, 长满, 长成, 长得 (像…).
    if ctx.char(i + 1) in ("出", "满", "成", "得"):
        return "zhang3"
    return "chang2"


# Verbs that take 重 'again' (chong2) in front: 重录, 重建, 重返 ...
_REDONE = set("建返回申演写修组现启开来做播印订设整生逢叠审选置装拍编制排游振燃塑铸录映考读画译算测新复")


@_rule("重")
def _zhong(ctx: _Context, i: int) -> str:
    # ('fold, layer' after a numeral, 双重, 九重天, is a measure-word reading.)
    if ctx.char(i - 1) == "双" or ctx.char(i + 1) in _REDONE:
        return "chong2"
    return "zhong4"


# Verbs that 为 'for the sake of' (wei4) introduces the beneficiary of.
_FOR_SOMEONE = (
    "服务", "提供", "做出", "作出", "带来", "创造", "奠定", "争取", "贡献", "效力", "效劳", "着想",
    "负责", "担心", "操心", "庆祝", "纪念", "祈祷", "祈福", "付出", "献身", "奋斗", "报仇", "复仇",
    "辩护", "开脱", "代言", "打造", "铺平", "打下", "感到", "伤心", "难过", "高兴", "骄傲", "而战",
)


@_rule("为")
def _wei(ctx: _Context, i: int) -> str:
    # In written Chinese the free-standing 为 is mostly the copula 'be, become, as'
    # (面积为, 改名为, 被贬为, 以…为…, 为…所): wei2. 'For' (wei4) is recognised by the
    # verb it introduces later in the clause: 为人民服务, 为他们提供.
    clause = []
    for c in ctx.text[i + 1 : i + 16]:
        if not is_han(c):
            break
        clause.append(c)
    rest = "".join(clause)
    if "所" in rest:
        return "wei2"
    if any(verb in rest for verb in _FOR_SOMEONE):
        return "wei4"
    return "wei2"


@_rule("行")
def _xing(ctx: _Context, i: int) -> str:
    # hang2 'row, trade' comes in words (银行, 行业) or as a measure word (两行字).
    return "xing2"


# Nouns 率 shuai4 'leads' as a verb: 率部, 率军, 率兵 …
_LED = set("部军兵众师队团舰船机领先")


@_rule("率")
def _lv(ctx: _Context, i: int) -> str:
    before = ctx.word_before(i)
    if ctx.char(i + 1) in _LED:
        return "shuai4"
    # A subject before it (粟裕率新四军, 他率…) makes it the verb; a noun or verb
    # before it makes it the suffix 'rate' (增长率, 出生率).
    if _pos(before).startswith("nr") or _pos(before) in ("r", "d") or not is_han(ctx.char(i - 1)):
        return "shuai4" if not _clause_end(ctx, i) else "lv4"
    return "lv4"


@_rule("卡")
def _qia(ctx: _Context, i: int) -> str | None:
    # 'get stuck': 卡住, 卡在, 卡壳.
    if ctx.char(i + 1) in ("住", "在", "壳"):
        return "qia3"
    return None


@_rule("卡", _WORD_RULES)
def _qia_in_word(ctx: _Context, i: int) -> str | None:
    # Both dictionaries read the word 卡住 ka3 zhu4 ("also pr. qia3"); as 'get stuck'
    # it is qia3 (现代汉语词典: 卡 qiǎ, 夹在中间不能活动). Only the word itself: the 卡
    # of 信用卡 before 在 is a card.
    word = ctx.word_of(i)
    return "qia3" if word is not None and word.start == i and word.text in ("卡住", "卡壳") else None


@_rule("量")
def _liang(ctx: _Context, i: int) -> str | None:
    # The verb 'measure': 量一量, 量一下, or tagged as a verb.
    if ctx.stands_alone(i) and (ctx.char(i + 1) == "一" or _pos(ctx.word_of(i)) == "v"):
        return "liang2"
    if ctx.stands_alone(i):
        return "liang4"
    return None


@_rule("调")
def _diao(ctx: _Context, i: int) -> str | None:
    nxt = ctx.char(i + 1)
    # 'transfer' (调到北京, 调任) vs 'adjust' (调高, 调低).
    if nxt in ("到", "往", "入", "至", "任", "离", "回", "派", "兵", "职"):
        return "diao4"
    if nxt in ("高", "低", "整", "节", "和", "解", "控", "味", "试", "剂", "皮", "戏", "侃", "停", "教"):
        return "tiao2"
    return None


# Modal particles are toneless only at the end of a clause (or before another
# particle): 拍部电影吧。 ba5, 好哟。 yo5. Elsewhere they are syllables of a word or a
# name, or interjections: 贴吧 ba1, 啦啦队 la1, 哇唧唧哇 wa1, “啊，…” a1. A particle
# follows what it modifies, so one that opens a clause is an interjection.
_PARTICLES = {
    "吧": "ba1", "啦": "la1", "哇": "wa1", "哟": "yo1", "呀": "ya1", "嘛": "ma2", "咯": "ge1", "啊": "a1",
    "哦": "o4",  # opening a clause it is 'oh, I see': 哦，原来如此。
}


@_rule("".join(_PARTICLES))
def _particle(ctx: _Context, i: int) -> str:
    char = ctx.text[i]
    nxt = ctx.char(i + 1)
    repeated = char in (ctx.char(i - 1), nxt)
    if not repeated and is_han(ctx.char(i - 1)) and (_clause_end(ctx, i) or nxt in _PARTICLES or nxt in "呢吗啊"):
        return _PARTICLES[char][:-1] + "5"
    return _PARTICLES[char]


@_rule("子")
def _zi(ctx: _Context, i: int) -> str | None:
    # The noun suffix zi5 lives in dictionary words (桌子, 孩子); a 子 left over is
    # the noun 'son, master' or the prefix 'sub-': 其子, 第三子, 孔子 … zi3.
    return "zi3"


@_rule("更")
def _geng(ctx: _Context, i: int) -> str:
    # The adverb 'more' (更多, 更好); geng1 'change' comes in words (更新, 变更).
    if ctx.char(i + 1) in ("名", "改", "换", "新", "正", "替", "迭", "衣", "生", "夫", "鼓"):
        return "geng1"
    return "geng4"


@_rule("卷")
def _juan(ctx: _Context, i: int) -> str | None:
    # Before a number it is 'volume, chapter', the way classical works are cited:
    # 《史记》卷六, 卷一百二十 (juan4); the verb 'roll up' takes no numeral after it.
    if ctx.char(i + 1) in _NUMERALS and ctx.char(i + 1) not in "第多几数半":
        return "juan4"
    return None


@_rule("尽")
def _jin(ctx: _Context, i: int) -> str:
    # jin3 'as … as possible' comes before 快/早/先/管/量; elsewhere the verb 'exhaust' jin4.
    if ctx.char(i + 1) in ("快", "早", "先", "管", "量"):
        return "jin3"
    return "jin4"


@_rule("处")
def _chu(ctx: _Context, i: int) -> str | None:
    # A place after a demonstrative (此处, 各处, 何处) is chu4, as after a numeral.
    if ctx.char(i - 1) in set("各此该何到住好"):
        return "chu4"
    return None


# Punctuation that closes a clause or a quotation (not 《 or an opening quote).
_CLOSING = set("，。、；：！？）」』”’,.;:!?)")


@_rule("将")
def _jiang(ctx: _Context, i: int) -> str | None:
    # The adverb 'will' and the preposition (将…) need a verb or an object after
    # them; before closing punctuation 将 is the noun 'general': 参将。, 告知诸将：
    nxt = ctx.char(i + 1)
    return "jiang4" if not nxt or nxt in _CLOSING else None


@_rule("迤")
def _yi(ctx: _Context, i: int) -> str | None:
    # Before a direction word it is yi3 'extending towards': 迤西, 迤南, 迤北 (现代汉语
    # 词典); 'winding' (逶迤 wei1 yi2) is a word of its own.
    return "yi3" if ctx.char(i + 1) in "东南西北" else None


@_rule("姥")
def _mu(ctx: _Context, i: int) -> str:
    # lao3 'grandmother' lives only in the words 姥姥 and 姥爷, which the word layer
    # reads; elsewhere 姥 is the literary mu3 'old woman': 天姥山, 斗姥, 太姥娘娘.
    return "mu3"
