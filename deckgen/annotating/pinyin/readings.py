"""What the dictionaries say a character or word is read: pypinyin's phrases and
characters, CC-CEDICT's entries, and the shipped tables of readings in words and names."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen import tables
from deckgen.lexicon import cedict as dictionary
from deckgen.memo import memo, once
from deckgen.script import has_han, is_han

if TYPE_CHECKING:
    from deckgen.annotating.pinyin import _Context



_PRIOR = "pinyin_char_prior.tsv"


# Traditional characters with one reading whose simplified form has several (吁 xū/yù,
# 发 fā/fà, 只 zhī/zhǐ, 干 gān/gàn, 斗 dǒu/dòu, 谷 gǔ/yù, 系 xì/jì, 尽 jǐn/jìn, 卷 juǎn/juàn):
# the Traditional text has already chosen.
TRADITIONAL_READING = {
    "籲": "yu4", "發": "fa1", "髮": "fa4", "隻": "zhi1", "幹": "gan4", "鬥": "dou4", "穀": "gu3",
    "係": "xi4", "儘": "jin3", "盡": "jin4", "捲": "juan3",
}


_NAME_READINGS = "pinyin_given_names.tsv"


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


def _given_name_readings(char: str) -> dict[str, float]:
    """Readings of `char` in given names, with a count: those CC-CEDICT glosses as used
    in names, and those it gives in the given names of people it lists."""
    return _given_name_table().get(char, {})


def given_name_uses(char: str) -> float:
    """How often `char` is seen in given names (0 for a character names do not use)."""
    return sum(_given_name_table().get(char, {}).values())


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
    pairs: list[tuple[str, str]] = []
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
    """The readings CC-CEDICT gives a character, with those it names as another way to say
    it: 钥 yue4 "key; also pr. [yao4]" (公钥 is gōngyào)."""
    also = {m.group(1).lower() for entry in dictionary.lookup(char) if char in (entry.simplified, entry.traditional)
            and len(entry.pinyin) == 1 for sense in entry.senses for m in _ALSO_SAID.finditer(sense)}
    return _readings_whose_senses_all(char, lambda s: True) | also


_ALSO_SAID = re.compile(r"\balso pr\. \[([a-zA-Z]+[1-5])\]")


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

    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pypinyin is not installed")
    package = Path(spec.origin).parent
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
        # luo4, 质朴 piao2, 肚子 du3 'tripe' for du4 'belly') and writes full tones where
        # the dictionaries write the neutral one (衣服 fu2, 豆腐 fu3): where CC-CEDICT knows
        # the word with one reading only, CC-CEDICT's wins, and the examples read as the
        # headword does. Where it lists several (结果 jie1/jie2, 明朝 chao2/zhao1),
        # pypinyin's choice of the common one stands.
        listed = _cedict_word_readings(word)
        if len(listed) == 1 and reading != listed[0]:
            reading = listed[0]
        elif not listed:
            reading = _as_its_words_read(word, reading)
        return _erhua(word, reading)
    return _cedict_reading(word)


def _as_its_words_read(word: str, reading: tuple[str, ...]) -> tuple[str, ...]:
    """pypinyin's reading of a word CC-CEDICT lacks, where a word inside it that CC-CEDICT
    reads one way only is read another: 光饱和点 bao3 huo2 dian3 is 饱和 bao3 he2, 累进税
    lei4 is 累进 lei3."""
    fixed = list(reading)
    for length in range(len(word) - 1, 1, -1):
        for start in range(len(word) - length + 1):
            inside = _cedict_word_readings(word[start:start + length])
            if len(inside) == 1 and tuple(fixed[start:start + length]) != inside[0]:
                fixed[start:start + length] = inside[0]
    return tuple(fixed)


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
    # The best: ordinary words over names, names over Taiwan-only readings and
    # cross-references; of equals, the one whose syllables the characters take most often
    # (教学 jiào xué 'teaching' before jiāo xué 'to teach'), then the first.
    prior = _char_prior()

    def commonness(entry) -> float:
        return sum(math.log1p(prior.get(c, {}).get(r, 0.0)) for c, r in zip(word, entry.pinyin))

    best = min(entries, key=lambda e: (e.variant_only, e.taiwan_only, e.proper, -commonness(e)))
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
