"""How key a candidate is: keyness against general Chinese, boosted by what the text
shows (quotes, definitions, compounds, set phrases, spread over sources)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from deckgen import tables
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import memo, once
from deckgen.mining.candidates import _Candidate, _Corpus
from deckgen.mining.words import (
    _HAN_ONLY,
    _HAS_HAN,
    COMMON_ANYWAY,
    _is_latin_alnum,
    _mainland,
    _parts,
    _tag,
)
from deckgen.records import Segmenter


def _background(candidate: _Candidate, origins: Mapping[str, tuple[str, ...]]) -> float:
    """Estimated frequency in general Chinese (jieba's dictionary counts).

    A compound jieba does not know is estimated from its parts as if they met by
    chance, times _COLLOCATION (adjacent words meet far more often than chance), and
    never above its rarest part: 科技领域 (two common words) comes out common,
    人形机器人 rare, 新质生产力 (新质 is no general word) unknown. A part is counted
    in its mainland form too (晶片 is rare in jieba's mainland dictionary, 芯片 is not).
    """
    best = max(map(_frequency, candidate.strings))
    if best:
        return best
    parts = candidate.compound.parts if candidate.compound is not None else candidate.parts
    if len(parts) < 2:
        return 0
    frequencies = [_frequency(p) for p in parts]
    chance = math.prod(f / jieba_words.total_frequency() for f in frequencies) * jieba_words.total_frequency()
    return min(min(frequencies), chance * _COLLOCATION ** (len(parts) - 1))


def _learn_parts(candidates: Iterable[_Candidate], segmenter: Segmenter) -> None:
    """The parts of the candidates whose background _background estimates from their
    parts, cut in one batch rather than with a call of jieba each."""
    needed = [c for c in candidates if c.compound is None and not max(map(_frequency, c.strings))]
    strings = [min(c.strings, key=len) for c in needed]
    segmenter.words_of_each(s for s in strings if not _is_latin_alnum(s))
    for candidate, string in zip(needed, strings):
        candidate.parts = _parts(string, segmenter)


@memo(65536)
def _frequency(word: str) -> int:
    """How often general Chinese uses the word, in whichever of its forms jieba's mainland
    dictionary counts more: 網路 is as common in Taiwan as 网络 on the mainland, though
    jieba saw 网路 73 times and 网络 8,352; and 報導 as common as 报道, its spelling there."""
    frequencies = jieba_words.word_frequencies()
    frequency = frequencies.get(word, 0)
    if frequency < COMMON_ANYWAY and _HAS_HAN.search(word):
        for form in _other_forms(word):
            frequency = max(frequency, frequencies.get(form, 0))
    return frequency


def _other_forms(word: str) -> list[str]:
    """The word's mainland form and the common spelling of either, where they differ."""
    mainland = _mainland(word)
    variants = _spelling_variants()
    return [f for f in (mainland, variants.get(word), variants.get(mainland)) if f and f != word]


SPELLING_VARIANTS_TABLE = "spelling_variants.tsv"


@once
def _spelling_variants() -> dict[str, str]:
    """Spelling -> the spelling general Chinese uses far more (tools/build_tables.py)."""
    return dict(tables.read(SPELLING_VARIANTS_TABLE))


# Adjacent words co-occur about this many times more often than independent ones.
_COLLOCATION = 1000.0


# Below about 2 per million words (jieba's count 100 of 60 million) every word is
# simply rare: a product code seen once must not outrank 芯片 seen 34 times.
_RARITY_CAP = math.log(60_000_000 / 100)


# Weights of the signals, in natural-log units of keyness, fitted on the development
# data by bench/fit_mining.py and shipped in deckgen/data/mining_weights.tsv.
_DEFAULTS = {
    "count": 1.5, "rarity": 1.0, "quoted": 2.0, "defined": 3.0, "compound": 1.0, "cedict": 0.5, "set_phrase": 1.0,
    "sources": 1.0, "context_idf": 1.0, "title": 2.0, "heading": 1.0, "floor": 0.0,
    "size_base": 12.0, "size_power": 0.5, "character": 0.0,
}


@once
def weights() -> dict[str, float]:
    """The fitted weights; a weight the table lacks keeps its default."""
    table = dict(_DEFAULTS)
    for name, value, *_ in tables.read(WEIGHTS_TABLE):
        if name in table:
            table[name] = float(value)
    return table


WEIGHTS_TABLE = "mining_weights.tsv"


def _score(candidate: _Candidate, corpus: _Corpus, has_focus: bool, focus_tokens: int, origins,
           learner: bool = True) -> None:
    w = weights()
    why: list[str] = []
    count = candidate.count
    total = jieba_words.total_frequency()
    background = _background(candidate, origins)
    candidate.background = background
    rarity = min(math.log(total / (background + 1)), _RARITY_CAP)
    score = w["count"] * math.log(count) + w["rarity"] * rarity - math.log(total / focus_tokens) + 10
    why.append(f"{count} occurrence{'s' if count != 1 else ''}" + _rarity_words(background))
    rare_character = _rarest_character(candidate.key) if learner else 0.0
    if rare_character:
        score += w["character"] * (rare_character - _CHARACTER_MIDPOINT)
    free = count - candidate.inside_longer
    if candidate.inside_longer and free < count:
        score += math.log(max(free, 0.5) / count)
    if candidate.in_title:
        score += w["title"]
        why.append("in the title")
    elif candidate.in_headings:
        score += w["heading"] * min(candidate.in_headings, 3) ** 0.5
        why.append(f"in {candidate.in_headings} heading{'s' if candidate.in_headings != 1 else ''}")
    if candidate.quoted:
        score += w["quoted"]
        why.append(f"quoted {candidate.quoted}×")
    if candidate.abbreviated_as:
        score += w["defined"]
        why.append(f"abbreviated in the text as {candidate.abbreviated_as}")
    if candidate.expansion_of:
        score += w["defined"]
        why.append(f"expanded in the text: {candidate.expansion_of}")
    elif candidate.gloss:
        score += w["defined"]
        why.append(f"defined in the text: {candidate.gloss}")
    if candidate.compound is not None:
        score += w["compound"]
        why.append("compound found in the text: " + " + ".join(candidate.compound.parts))
    # jieba's dictionary marks set phrases CC-CEDICT lacks (赏罚分明, 众寡不敌): they count too.
    if any(map(_is_set_phrase, candidate.strings)):
        score += w["set_phrase"]
        why.append("set phrase")
    elif dictionary.knows_any(candidate.strings):
        score += w["cedict"]
        why.append("in CC-CEDICT")
    if has_focus and len(corpus.analyses) > 1:
        documents = len(corpus.analyses)
        score += w["context_idf"] * math.log((documents + 1) / (candidate.sources + 1))
    elif candidate.sources > 1:
        score += w["sources"] * math.log2(candidate.sources)
        why.append(f"in {candidate.sources} sources")
    candidate.score = score
    candidate.why = tuple(why)


@memo(65536)
def _rarest_character(word: str) -> float:
    """How rare the word's rarest Han character is on its own in general Chinese (the
    keyness of that character as a word of jieba's dictionary; 0 for Latin terms).

    A reader past the basics knows the common characters: words written with them
    (紫色, 喝茶, 房外, 涉及) are easy to read however rare the word, while a word with a
    rare character (萧索, 鄙夷, 侵蚀, 颧骨) has to be learnt."""
    return max(map(_character_rarity, word), default=0.0)


@memo(65536)
def _character_rarity(character: str) -> float:
    """0 for a character that is no Han character. A Han character's rarity is above 0
    (jieba counts even 的 far less often than its total), so the max over a word's
    characters is that of its Han characters."""
    if not _HAS_HAN.match(character):
        return 0.0
    return min(math.log(jieba_words.total_frequency() / (jieba_words.word_frequency(character) + 1)), _RARITY_CAP)


# Where _rarest_character turns from a penalty into a bonus: a character about as
# common on its own as 喝 or 紫 (some 5 per 100,000 words).
_CHARACTER_MIDPOINT = 10.0


def deck_size(characters: int) -> int:
    """How many terms a text of this many characters supports at most: sub-linear,
    as longer texts repeat their topic more than they add to it (about 60 for 2,500
    characters, 85 for 5,000 with the shipped weights)."""
    w = weights()
    return max(1, round(w["size_base"] * (characters / 100) ** w["size_power"]))


def _is_set_phrase(word: str) -> bool:
    """Chengyu and idioms: four characters that CC-CEDICT or jieba mark as idioms
    (急功近利, 见招拆招, 弯道超车 "(fig.)"), not compositional entries like 工作报告."""
    if len(word) != 4 or not _HAN_ONLY.match(word):
        return False
    if _tag(word) == "i" and (dictionary.knows(word) or jieba_words.word_frequency(word) > _UNSEEN):
        # jieba lists many idioms it never counted (相当严重, 越来越重 at its floor count):
        # its tag alone is no evidence, its count is (赏罚分明, 众寡不敌).
        return True
    return any("idiom" in sense or "(fig.)" in sense for e in dictionary.lookup(word) for sense in e.senses)


# The count jieba's dictionary gives an entry it never saw in its corpus.
_UNSEEN = 3


RARE_PER_MILLION = 5


def rare_word(word: str) -> bool:
    """A word general Chinese uses fewer than RARE_PER_MILLION times in a million."""
    return _frequency(word) * 1e6 / jieba_words.total_frequency() < RARE_PER_MILLION


def _rarity_words(background: float) -> str:
    if background == 0:
        return ", unknown to general dictionaries"
    per_million = background * 1e6 / jieba_words.total_frequency()
    if per_million < RARE_PER_MILLION:
        return ", rare in general use"
    if per_million < 50:
        return ", uncommon in general use"
    return ""
