"""Mining: the key terms a reader of the sources must learn, ranked and explained.

Candidates come from five places, all found in the simplified form of each clean
sentence (to_simplified keeps every character in place, so spans map back to the text
as written):

- jieba words (deckgen.segment, never jieba's global state);
- compounds the corpus itself shows to be one unit (deckgen.discovery): 新质生产力,
  工程师红利, 全要素生产率, 昇腾;
- terms marked by quotes: 「內捲」, “康波周期”, “小院高墙” (short, no clause inside);
- terms the text defines: 昇騰異構計算架構(CANN), 內捲(指過度競爭), GPU(图形处理器),
  所谓X是指Y — both sides kept and linked;
- CC-CEDICT entries jieba cuts apart (内卷 as 内 + 卷) and set phrases (急功近利).

They are ranked by keyness against general Chinese (jieba's dictionary frequencies are
the background), boosted by the signals above, and filtered: people's names, numbers,
function words, interview labels, words at or below the reader's HSK level and the
reader's known words never become terms. Regional and script variants (晶片/芯片,
輝達/英伟达) are one term. Every term says why it was picked.
"""

from __future__ import annotations

import gc
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, filterfalse
from pathlib import Path

from deckgen import dictionary, discovery, script, segment
from deckgen.errors import SourceError
from deckgen.records import Sentence, Source, Term


@dataclass(frozen=True)
class MiningOptions:
    """What the reader already knows and how many terms they want."""

    level: int = 4  # HSK level of the reader: words at or below it are too easy
    top: int | None = None  # at most this many terms (None: all that qualify)
    known: frozenset[str] = frozenset()  # words the reader knows, either script


# ---------------------------------------------------------------------------
# Character classes

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORDLIKE = re.compile(rf"^[0-9A-Za-z{_HAN}][0-9A-Za-z.+\-{_HAN}]*$")
_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")
_ASCII_ALNUM = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.]*$")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_HAS_HAN = re.compile(rf"[{_HAN}]")
# Numbers, dates, percentages, amounts, ordinals: 2024年, 五%, 一.二%, 第三, 三分之一, 60年.
_NUMERIC = re.compile(
    r"^[第约近超逾]?[0-9０-９.,．零〇○一二三四五六七八九十两百千万亿壹贰叁肆伍陆柒捌玖拾佰仟几半多余分之点]+"
    r"[年月日号时分秒岁个次倍%％元块届期名位家座项款片种人天周层代亿万]*[多余]?$"
)


# ---------------------------------------------------------------------------
# Background resources, loaded lazily, once


def _tag(word: str) -> str:
    return segment.word_tags().get(word, "")


# Tags of words that never start or end a term: particles, prepositions, conjunctions,
# pronouns, adverbs, modal particles, interjections, onomatopoeia, numerals, measure
# words, localisers (的, 在, 和, 我们, 就, 吗, 三, 个, 中).
_FUNCTION_TAGS = ("u", "p", "c", "r", "d", "y", "e", "o", "m", "q", "f", "x", "ug", "uj", "ul", "uz", "uv", "ud")
# Particles never occur inside a term either (的, 了, 着, 地, 得).
_PARTICLE_TAGS = ("u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e")


@lru_cache(maxsize=262144)
def _is_function_word(token: str) -> bool:
    tag = _tag(token)
    return tag in _FUNCTION_TAGS or bool(_NUMERIC.match(token))


@lru_cache(maxsize=262144)
def _can_end(token: str) -> bool:
    """May a compound end (or start) with this token? Not with 的/是/在/三/个."""
    if _is_function_word(token) or not _WORDLIKE.match(token):
        return False
    if len(token) == 1 and _HAN_ONLY.match(token):
        # One-character edges are glue (是, 有, 将, 被) unless content words:
        # 全(要素生产率), 硬(科技), (光刻)机, or characters too rare to be glue (昇腾).
        if token in _GLUE_VERBS:
            return False
        return _tag(token)[:1] in ("n", "a", "v", "z") or segment.word_frequency(token) < _GLUE_FREQUENCY
    if _is_guess(token):
        # jieba's guesses at unknown words glue grammar on (越强, 而行): an adverb,
        # conjunction, preposition, pronoun or particle at either end.
        return not (_is_glue_char(token[0]) or _is_glue_char(token[-1]))
    return True


# Function characters are among the commonest words: 的, 在, 越, 而 all far above this.
_GLUE_FREQUENCY = 1000


def _is_glue_char(char: str) -> bool:
    return char in _GLUE_VERBS or _tag(char).startswith(("d", "c", "p", "r", "u", "y"))


@lru_cache(maxsize=262144)
def _can_start(token: str) -> bool:
    """Terms do not start with a verb phrase: 利用AI, 超过GPT4, 开辟新赛道 are not terms
    (CC-CEDICT glosses verbs as "to ..."), unless jieba calls the verb a verbal noun
    (生产要素); they may end with one (出口管制, 长臂管辖).
    Nor with a place or a time word."""
    tag = _tag(token)
    if tag.startswith(("ns", "t")):  # 美国制裁, 山西数据流量, 目前中国业界: a phrase, not a term
        return False
    # A verb jieba's dictionary calls a verbal noun names the activity: 生产要素.
    return _can_end(token) and (tag == "vn" or not _verb_like(token))


@lru_cache(maxsize=65536)
def _verb_like(token: str) -> bool:
    entries = [e for e in dictionary.lookup(token) if not e.proper]
    return bool(entries) and entries[0].senses[0].startswith("to ")


@lru_cache(maxsize=65536)
def _is_guess(token: str) -> bool:
    """A Han token neither jieba's dictionary nor CC-CEDICT knows, in its own or its
    mainland form (辉达 is known as 英伟达): one of jieba's HMM guesses."""
    if len(token) < 2 or not _HAN_ONLY.match(token) or _known_word(token):
        return False
    return not _known_word(_mainland(token))


# Mainland forms (_merge_keys) of the Han strings jieba's dictionary lacks, which
# _is_guess and _frequency look up: converted in batches, as a conversion per string
# costs many times its share of a batch.
_MAINLAND: dict[str, str] = {}


def _learn_mainland_forms(strings: Iterable[str]) -> None:
    new = {s for s in strings if s not in _MAINLAND and not segment.word_frequency(s) and _HAS_HAN.search(s)}
    if len(_MAINLAND) + len(new) > 500_000:
        _MAINLAND.clear()
    _MAINLAND.update(_merge_keys(new))


def _mainland(string: str) -> str:
    key = _MAINLAND.get(string)
    return key if key is not None else _merge_keys([string]).get(string, string)


@lru_cache(maxsize=262144)
def _can_inside(token: str) -> bool:
    """Particles never occur inside a term, and a name with a title is no term (总理李强)."""
    tag = _tag(token)
    if tag.startswith("nr") and not _is_organisation(token):
        return False
    return tag not in _PARTICLE_TAGS and bool(_WORDLIKE.match(token))


# One-character verbs that attach to anything (是/有/要/会/能/让...) and so never mark
# the edge of a term.
_GLUE_VERBS = frozenset("是有要会能让使将被把给在到来去说做看对为成用向于以由与及和等")


# ---------------------------------------------------------------------------
# Reading the sources


@dataclass(frozen=True)
class _Analysed:
    """One clean sentence: its simplified form, tokens (concatenating to it), and the
    stretches of word tokens between punctuation as (character offset, tokens)."""

    sentence: Sentence
    simplified: str
    tokens: tuple[str, ...]
    runs: tuple[tuple[int, tuple[str, ...]], ...]


def _runs(tokens: Sequence[str]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    out = []
    start, run, pos = 0, [], 0
    wordlike = _wordlike
    for token in tokens:
        if wordlike(token):
            if not run:
                start = pos
            run.append(token)
        elif run:
            out.append((start, tuple(run)))
            run = []
        pos += len(token)
    if run:
        out.append((start, tuple(run)))
    return tuple(out)


_WORDLIKE_SEEN: dict[str, bool] = {}


def _wordlike(token: str) -> bool:
    """_WORDLIKE.match, remembered per word: a text repeats its words many times."""
    verdict = _WORDLIKE_SEEN.get(token)
    if verdict is None:
        verdict = _WORDLIKE.match(token) is not None
        if len(_WORDLIKE_SEEN) < 1_000_000:
            _WORDLIKE_SEEN[token] = verdict
    return verdict


@dataclass(frozen=True, eq=False)
class _SourceAnalysis:
    sentences: tuple[_Analysed, ...]
    grams: Counter  # token n-gram -> occurrences
    cuts: list[str]  # each way jieba cut those n-grams (the keys of discovery.count_cuts)
    cut_texts: list[str]  # the text of each of those cuts (discovery.texts)
    words: frozenset[str]  # the single tokens among the n-grams
    marked: Counter  # quoted term (simplified) -> times quoted
    glosses: tuple["_Gloss", ...]
    person_cues: Counter  # token -> times it stands where a person's name stands


@dataclass(frozen=True)
class _Gloss:
    term: str  # simplified
    gloss: str  # simplified
    acronym: bool  # the gloss is the expansion of an acronym term (or vice versa)
    term_is_short: bool  # term is the acronym, gloss its expansion


@lru_cache(maxsize=2048)
def _analyse(source: Source) -> _SourceAnalysis:
    """Segment a source's clean sentences once; mining the same corpus again, or another
    corpus holding the same source (a deck of all seeds and a topic deck of two), is cheap."""
    originals = [s.text for s in source.sentences]
    simplified = script.to_simplified("\n".join(originals)).split("\n")
    if len(simplified) != len(originals) or any(map(lambda a, b: len(a) != len(b), simplified, originals)):
        simplified = [script.to_simplified(t) for t in originals]
    # never map spans through a length change
    simplified = [simp if len(simp) == len(original) else original for simp, original in zip(simplified, originals)]
    sentences = []
    marked: Counter = Counter()
    glosses: list[_Gloss] = []
    person_cues: Counter = Counter()
    # The quoted spans _marked_terms cuts alone, cut now in one batch.
    segment.words_of_each(inside for simp in simplified if _MAY_QUOTE.search(simp) for inside in _quoted(simp))
    for sentence, simp, words in zip(source.sentences, simplified, segment.words_of_each(simplified)):
        tokens = _merge_latin(words)
        analysed = _Analysed(sentence, simp, tokens, _runs(tokens))
        sentences.append(analysed)
        if _MAY_QUOTE.search(simp):
            marked.update(_marked_terms(simp))
        if _MAY_DEFINE.search(simp):
            glosses.extend(_glosses(analysed))
        _count_person_cues(analysed.tokens, person_cues)
    cuts = discovery.count_cuts(run for s in sentences for _, run in s.runs)
    grams, cut_texts = discovery.texts(cuts)
    words = frozenset().union(*(s.tokens for s in sentences))
    return _SourceAnalysis(tuple(sentences), grams, list(cuts), cut_texts, words, marked, tuple(glosses), person_cues)


# Where names stand in news and interviews: after a title (教授戚凯, 研究总监杨瑞临,
# 创始合伙人米磊), before a verb of saying (杨瑞临表示, 周鸿祎所说) or a colon (米磊：).
_TITLES = (
    "教授", "学者", "研究员", "主任", "总监", "主管", "经济学家", "分析师", "董事长", "总裁", "总经理",
    "创办人", "创始人", "合伙人", "总理", "部长", "副部长", "国务卿", "主席", "总统", "书记", "院士",
    "记者", "主编", "编辑", "作者", "发言人", "首席", "执行长", "理事长", "局长", "市长", "省长", "所长", "院长",
)
_SPEECH = frozenset(
    "说 表示 指出 认为 强调 补充 判断 透露 坦言 坦承 直言 提到 谈到 所说 所言 称 回应 解释 预测 预估 相信 接受".split()
)


_PERSON_CUE = re.compile("|".join(sorted((*_TITLES, *_SPEECH, "：", ":"), key=len, reverse=True)))


def _count_person_cues(tokens: Sequence[str], cues: Counter) -> None:
    if not _PERSON_CUE.search("".join(tokens)):
        return
    for i, token in enumerate(tokens):
        if not (2 <= len(token) <= 3 and _HAN_ONLY.match(token)):
            continue
        before = tokens[i - 1] if i > 0 else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if before.endswith(_TITLES) or after in _SPEECH or after in ("：", ":"):
            cues[token] += 1


def _merge_latin(tokens: Iterable[str]) -> tuple[str, ...]:
    """jieba cuts 910B into 910 + B and 4IR into 4 + IR; Latin terms are one token.
    Its HMM glues a number to the word after it (五奈米, 七奈米): two tokens."""
    out: list[str] = []
    latin = False  # is out[-1] Latin letters and digits
    match = _ASCII_ALNUM.match
    for token in tokens:
        if token.isascii() and match(token):
            if latin:
                out[-1] += token
                continue
            latin = True
        else:
            latin = False
            if len(token) >= 3 and token[0] in _NUMERALS:
                number, word = _numeral_prefix(token)
                if number:
                    out.append(number)
                    token = word
        out.append(token)
    return tuple(out)


_NUMERALS = frozenset("零〇一二三四五六七八九十两百千万亿几")


@lru_cache(maxsize=65536)
def _numeral_prefix(token: str) -> tuple[str, str]:
    """("五", "奈米") for jieba's guess 五奈米; ("", token) for words (三角形, 一体化)."""
    if segment.word_frequency(token) or dictionary.knows(token) or not _HAN_ONLY.match(token):
        return "", token
    cut = 1
    while cut < len(token) - 2 and token[cut] in _NUMERALS:
        cut += 1
    word = token[cut:]
    if len(word) >= 2 and (segment.word_frequency(word) or dictionary.knows(word)):
        return token[:cut], word
    return "", token


# ---------------------------------------------------------------------------
# Marked terms: short quoted spans that are terms, not speech

_QUOTES = re.compile(r"「([^「」]+)」|『([^『』]+)』|“([^“”]+)”|‘([^‘’]+)’|\"([^\"]+)\"")
_TERM_IN_QUOTES = re.compile(rf"^[{_HAN}0-9A-Za-z+\-·]+$")


def _marked_terms(simplified: str) -> list[str]:
    """Quoted spans that look like terms: 2-8 characters, Han, no clause inside.

    Book titles in 《》 are names of works (《政府工作报告》, 《纽约时报》) and are left out.
    """
    return [inside for inside in _quoted(simplified) if _is_marked_term(inside)]


def _quoted(simplified: str) -> list[str]:
    """The short quoted spans that may be terms (_is_marked_term tells)."""
    out = []
    for m in _QUOTES.finditer(simplified):
        inside = next(g for g in m.groups() if g is not None).strip()
        if 2 <= len(inside) <= 8 and _TERM_IN_QUOTES.match(inside) and _HAS_HAN.search(inside):
            out.append(inside)
    return out


def _is_marked_term(inside: str) -> bool:
    words = segment.words_of(inside)
    # Quoted speech has particles, pronouns and prepositions; terms do not (把冷板凳坐穿).
    return len(words) <= 4 and not any(_tag(w) in _PARTICLE_TAGS + ("p", "r", "c") for w in words)


# ---------------------------------------------------------------------------
# In-text definitions and expansions

_OPEN, _CLOSE = "(（", ")）"
_DEFINED = re.compile(r"[(（]\s*指\s*([^()（）]{2,30}?)\s*[)）]")
_ACRONYM_AFTER = re.compile(r"[(（]\s*([0-9A-Za-z][0-9A-Za-z\-.]{1,9})\s*[)）]")
_ACRONYM_BEFORE = re.compile(rf"(?<![0-9A-Za-z])([A-Za-z][0-9A-Za-z\-]{{1,9}})\s*[(（]\s*([{_HAN}]{{2,12}})\s*[)）]")
_SO_CALLED = re.compile(
    rf"所谓[“「『\"]?([{_HAN}0-9A-Za-z]{{2,10}}?)[”」』\"]?[，,]?\s*(?:是指|指的是|就是指|即是|就是)\s*([^，。；！？,;!?]{{2,40}})"
)
_THAT_IS = re.compile(r"[」”』]\s*[，,]?\s*(?:即|也就是)\s*([^，。；！？,;!?]{2,30})")
# Every pattern above needs one of these: sentences without them are not searched.
_MAY_DEFINE = re.compile(r"[(（」”』]|所谓")
_MAY_QUOTE = re.compile(r"[「『“‘\"]")
_CLOSING_QUOTES = "」”』\""
_OPENING_QUOTES = "「“『\""
_MAX_DEFINED_TERM = 12


def _is_acronym(text: str) -> bool:
    """CANN, CPI, 4IR, MWC: capitals (and digits). Not Nvidia, TriviumChina, COSMOPlat:
    names in brackets after a Chinese name are translations, not expansions."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _glosses(analysed: _Analysed) -> list[_Gloss]:
    text = analysed.simplified
    out = []
    for m in _DEFINED.finditer(text):
        term = _term_before(analysed, m.start())
        if term:
            out.append(_Gloss(term, m.group(1).strip(), acronym=False, term_is_short=False))
    for m in _ACRONYM_AFTER.finditer(text):
        acronym = m.group(1)
        if _is_acronym(acronym):
            term = _term_before(analysed, m.start())
            if term and _HAS_HAN.search(term):
                out.append(_Gloss(acronym, term, acronym=True, term_is_short=True))
    for m in _ACRONYM_BEFORE.finditer(text):
        if _is_acronym(m.group(1)):
            out.append(_Gloss(m.group(1), m.group(2), acronym=True, term_is_short=True))
    for m in _SO_CALLED.finditer(text):
        out.append(_Gloss(m.group(1), m.group(2).strip(), acronym=False, term_is_short=False))
    for m in _THAT_IS.finditer(text):
        term = _term_before(analysed, m.start() + 1)
        if term:
            out.append(_Gloss(term, m.group(1).strip(), acronym=False, term_is_short=False))
    return out


def _term_before(analysed: _Analysed, end: int) -> str | None:
    """The term written right before position `end`: a quoted term, else the run of
    content words there (即昇腾异构计算架构 -> 昇腾异构计算架构; 中国今年核心消费者物价指数年增率
    -> 核心消费者物价指数年增率: stops at 今年, a time word)."""
    text = analysed.simplified
    if end > 0 and text[end - 1] in _CLOSING_QUOTES:
        start = max(text.rfind(q, 0, end - 1) for q in _OPENING_QUOTES)
        inside = text[start + 1 : end - 1] if start >= 0 else ""
        return inside if 2 <= len(inside) <= _MAX_DEFINED_TERM and _TERM_IN_QUOTES.match(inside) else None
    words: list[str] = []
    pos = 0
    for token in analysed.tokens:
        if pos >= end:
            break
        pos += len(token)
        if not _WORDLIKE.match(token) or _is_stop_before_term(token):
            words = []
        else:
            words.append(token)
    if pos != end:
        return None
    while sum(map(len, words)) > _MAX_DEFINED_TERM:
        words.pop(0)
    # A leading verb links the term to the sentence (具备第四次工业革命, 即昇腾...).
    while len(words) > 1 and _tag(words[0]).startswith("v") and sum(map(len, words[1:])) >= 4:
        words.pop(0)
    while len(words) > 1 and len(words[0]) == 1 and (words[0] in _GLUE_VERBS or _is_function_word(words[0])):
        words.pop(0)
    term = "".join(words)
    return term if len(term) >= 2 else None


def _is_stop_before_term(token: str) -> bool:
    tag = _tag(token)
    if token.startswith("第"):  # ordinals belong to the term: 第四次工业革命
        return False
    return tag in _FUNCTION_TAGS or tag.startswith("t") or tag.startswith("ns") or token in ("即", "也就是")


# ---------------------------------------------------------------------------
# The corpus: all sources analysed, compounds discovered once


@dataclass
class _Corpus:
    analyses: tuple[_SourceAnalysis, ...]
    grams: Counter  # summed over sources
    document_frequency: Counter  # n-gram -> number of sources containing it
    compounds: dict[str, discovery.Compound]
    tokens: int
    person_cues: Counter


@lru_cache(maxsize=4)
def _corpus(sources: tuple[Source, ...]) -> _Corpus:
    analyses = tuple(_analyse(s) for s in sources)
    document_frequency: Counter = Counter()
    if len(analyses) == 1:
        grams, cuts, cut_texts = analyses[0].grams, analyses[0].cuts, analyses[0].cut_texts
    else:
        grams, cuts, cut_texts = Counter(), [], []
        for analysis in analyses:
            grams.update(analysis.grams)
            document_frequency.update(analysis.grams.keys())
            cuts += analysis.cuts
            cut_texts += analysis.cut_texts
    runs = [run for analysis in analyses for sentence in analysis.sentences for _, run in sentence.runs]
    _learn_mainland_forms(word for analysis in analyses for word in analysis.words)
    compounds = discovery.discover(
        runs, grams, cuts, cut_texts, can_start=_can_start, can_end=_can_end, can_inside=_can_inside,
        needs_evidence=_is_guess,
    )
    person_cues: Counter = Counter()
    for analysis in analyses:
        person_cues.update(analysis.person_cues)
    return _Corpus(analyses, grams, document_frequency, compounds, sum(map(len, runs)), person_cues)


# ---------------------------------------------------------------------------
# Candidates


@dataclass
class _Candidate:
    key: str  # mainland simplified form: the merge key of variants
    strings: set[str] = field(default_factory=set)  # simplified forms seen
    count: int = 0
    quoted: int = 0
    compound: discovery.Compound | None = None
    gloss: str | None = None
    expansion_of: str | None = None
    abbreviated_as: str | None = None
    sources: int = 1
    background: float = 0.0  # estimated jieba-dictionary frequency
    inside_longer: int = 0  # occurrences that are part of a longer candidate
    score: float = 0.0
    why: list[str] = field(default_factory=list)


def _merge_keys(strings: Iterable[str]) -> dict[str, str]:
    """Simplified form -> variant-merging key, converted in one batch.

    OpenCC's Taiwan phrase table is keyed by traditional text: 辉达 only becomes 英伟达
    by way of 輝達, so the key is mainland_form(to_traditional(simplified)).
    """
    strings = [s for s in dict.fromkeys(strings) if "\n" not in s]
    if not strings:
        return {}
    keys = script.mainland_form(script.to_traditional("\n".join(strings))).split("\n")
    if len(keys) != len(strings):
        keys = [script.mainland_form(script.to_traditional(s)) for s in strings]
    return dict(zip(strings, keys))


def _candidate_strings(corpus: _Corpus, focus: Sequence[_SourceAnalysis]) -> dict[str, set[str]]:
    """Simplified candidate string -> its origins ("word", "compound", "cedict", "marked", "gloss")."""
    origins: dict[str, set[str]] = defaultdict(set)
    for analysis in focus:
        grams = analysis.grams.keys()
        compounds = grams & corpus.compounds.keys()
        for gram in compounds:
            origins[gram].add("compound")
        for gram in (grams & analysis.words) - compounds:
            if not _is_guess(gram):
                origins[gram].add("word")
        # CC-CEDICT headwords jieba cut apart: several tokens, so two characters or more.
        headwords = [
            gram for gram in filter(dictionary.knows, filterfalse(analysis.words.__contains__, grams))
            if gram not in compounds and len(gram) >= 2
        ]
        segment.words_of_each(headwords)  # in one batch, for _parts
        for gram in headwords:
            if _whole_entry(_parts(gram)):
                origins[gram].add("cedict")
        for term in analysis.marked:
            origins[term].add("marked")
        for gloss in analysis.glosses:
            origins[gloss.term].add("gloss")
            if gloss.acronym:
                origins[gloss.gloss].add("gloss")
    return origins


@lru_cache(maxsize=65536)
def _parts(text: str) -> tuple[str, ...]:
    """The words of `text` cut alone: 内卷 as 内 + 卷."""
    if _is_latin_alnum(text):
        return (text,)  # what _merge_latin makes of jieba's pieces, without cutting
    return _merge_latin(segment.words_of(text))


def _is_latin_alnum(text: str) -> bool:
    """Latin letters and digits only (GPU, 910B, 2024): one part however jieba cuts it."""
    return text.isascii() and text.isalnum()


def _whole_entry(parts: tuple[str, ...]) -> bool:
    """A CC-CEDICT headword jieba cut apart (英伟达 as 英 + 伟达, 内卷 as 内 + 卷) is a term
    unless it is grammar glued together (这是, 到了, 并不, 为例): no function word or
    one-character glue verb at either end."""

    def edge(token: str) -> bool:
        return not _is_function_word(token) and token not in _GLUE_VERBS

    return edge(parts[0]) and edge(parts[-1]) and all(map(_can_inside, parts))


def mine(sources: Sequence[Source], options: MiningOptions = MiningOptions(), *, focus: Source | None = None) -> list[Term]:
    """The key terms of `sources` (or of `focus`, with `sources` as context), best first."""
    sources = tuple(sources)
    if focus is not None and focus not in sources:
        sources = sources + (focus,)
    if not sources:
        return []
    with _cycle_collection_paused():
        return _mine(sources, options, focus)


@contextmanager
def _cycle_collection_paused():
    """Mining a book allocates hundreds of thousands of containers (runs, n-gram tables,
    candidates) and makes no reference cycles: Python's cycle collector would walk all of
    them again and again for nothing, a tenth of the time of mining. Reference counting
    still frees everything as usual; the collector catches up once mining is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mine(sources: tuple[Source, ...], options: MiningOptions, focus: Source | None) -> list[Term]:
    corpus = _corpus(sources)
    focus_analyses = (_analyse(focus),) if focus is not None else corpus.analyses
    focus_grams = focus_analyses[0].grams if focus is not None else corpus.grams
    focus_tokens = max(1, sum(len(t) for a in focus_analyses for s in a.sentences for _, t in s.runs))

    origins = _candidate_strings(corpus, focus_analyses)
    keys = _merge_keys(origins)
    _learn_mainland_forms(origins)  # for _frequency of compounds and headwords, which _corpus did not see as words
    known = _known_keys(options.known)
    candidates: dict[str, _Candidate] = {}
    for string, kinds in origins.items():
        key = keys.get(string, string)
        if key in known or string in known:
            continue
        candidate = candidates.setdefault(key, _Candidate(key))
        candidate.strings.add(string)
        candidate.count += focus_grams.get(string, 0)
        if string in corpus.compounds:
            candidate.compound = corpus.compounds[string]
    _add_marks(candidates, keys, focus_analyses)
    _count_unaligned(candidates, focus_analyses)
    candidates = {k: c for k, c in candidates.items() if c.count > 0}
    _learn_backgrounds(candidates.values())
    for candidate in candidates.values():
        candidate.sources = _source_count(candidate, corpus, focus is not None)
        _score(candidate, corpus, focus is not None, focus_tokens, origins)
    holders = _holders(candidates, focus_grams)

    # The tests below run only for the candidates _best_first needs to look at.
    @lru_cache(maxsize=None)
    def qualified(key: str) -> bool:
        candidate = candidates[key]
        kinds = kinds_of(candidate, origins)
        return _qualifies(candidate, options, kinds) and _senses_allow(candidate, kinds)

    def judge(candidate: _Candidate) -> bool:
        if not qualified(candidate.key):
            return False
        candidate.inside_longer = sum(count for longer, count in holders.get(candidate.key, ()) if qualified(longer))
        # A piece that never stands alone (伟达 of 英伟达, 凯表 of 戚凯表示), or only in
        # quotes (「新质」, else always in 新质生产力), is no term of its own.
        if not _stands_alone(candidate):
            return False
        if candidate.inside_longer:
            _score(candidate, corpus, focus is not None, focus_tokens, origins)
        return True

    ranked = []
    # Names of people and places are told apart last, best first, until enough terms
    # are picked: it takes CC-CEDICT's senses, too slow for every candidate of a book.
    for candidate in _best_first(candidates.values(), judge):
        if options.top is not None and len(ranked) >= options.top:
            break
        proper = _proper_kind(candidate, corpus.person_cues)
        if proper in ("person", "place"):
            continue
        if proper == "organisation":
            candidate.why.append("organisation or brand")
        ranked.append(candidate)
    return _terms(ranked, focus_analyses)


def _best_first(candidates: Iterable[_Candidate], judge: Callable[[_Candidate], bool]) -> Iterator[_Candidate]:
    """The candidates `judge` accepts, best score first (ties by key), judging only as
    many as it takes: the qualities _qualifies and _senses_allow test need dictionary
    look-ups, too slow for every candidate of a book when only the best are wanted.

    Judging can only lower a score (the share of occurrences inside longer terms,
    _holders), so the score before judging bounds it: a judged candidate is placed for
    good once it beats the bound of every candidate not yet judged."""
    judged: list[tuple[float, str, _Candidate]] = []  # a heap, best first
    for candidate in sorted(candidates, key=lambda c: (-c.score, c.key)):
        while judged and judged[0][:2] < (-candidate.score, candidate.key):
            yield heapq.heappop(judged)[2]
        if judge(candidate):
            heapq.heappush(judged, (-candidate.score, candidate.key, candidate))
    while judged:
        yield heapq.heappop(judged)[2]


def _stands_alone(candidate: _Candidate) -> bool:
    if candidate.gloss or not candidate.inside_longer:
        return True
    return candidate.count - candidate.inside_longer > candidate.quoted


def kinds_of(candidate: _Candidate, origins: dict[str, set[str]]) -> set[str]:
    return set().union(*(origins.get(s, set()) for s in candidate.strings))


def _known_keys(known: frozenset[str]) -> frozenset[str]:
    if not known:
        return frozenset()
    simplified = [script.to_simplified(w) for w in known]
    return frozenset(known) | frozenset(simplified) | frozenset(_merge_keys(simplified).values())


def _add_marks(candidates: dict[str, _Candidate], keys: dict[str, str], focus: Sequence[_SourceAnalysis]) -> None:
    for analysis in focus:
        for term, times in analysis.marked.items():
            candidate = candidates.get(keys.get(term, term))
            if candidate is not None:
                candidate.quoted += times
        for gloss in analysis.glosses:
            term = candidates.get(keys.get(gloss.term, gloss.term))
            if term is None:
                continue
            if gloss.term_is_short:
                term.gloss = term.gloss or gloss.gloss
                term.expansion_of = term.expansion_of or gloss.gloss
                long_form = candidates.get(keys.get(gloss.gloss, gloss.gloss))
                if long_form is not None:
                    long_form.abbreviated_as = long_form.abbreviated_as or gloss.term
            else:
                term.gloss = term.gloss or gloss.gloss


def _count_unaligned(candidates: dict[str, _Candidate], focus: Sequence[_SourceAnalysis]) -> None:
    """Quoted or defined terms that do not fall on token boundaries: count them as text."""
    for candidate in candidates.values():
        if candidate.count == 0:
            candidate.count = sum(
                s.simplified.count(string) for a in focus for s in a.sentences for string in candidate.strings
            )


def _holders(candidates: dict[str, _Candidate], grams: Counter) -> dict[str, list[tuple[str, int]]]:
    """Candidate key -> (key of a longer candidate holding one of its strings, occurrences
    of that longer string) for each such pair: how often a candidate occurs only as part
    of a longer one (生产力 in 新质生产力), once both are known to qualify."""
    by_string = {s: c for c in candidates.values() for s in c.strings}
    holders: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for longer in candidates.values():
        for string in longer.strings:
            if len(string) < 3:
                continue
            count = grams.get(string, 0)
            for part in _substrings(string):
                shorter = by_string.get(part)
                if shorter is not None and shorter is not longer:
                    holders[shorter.key].append((longer.key, count))
    return holders


def _substrings(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 2, len(text) + 1) if j - i < len(text)}


def _source_count(candidate: _Candidate, corpus: _Corpus, has_focus: bool) -> int:
    if len(corpus.analyses) == 1:
        return 1
    return max((corpus.document_frequency.get(s, 0) for s in candidate.strings), default=1) or 1


# ---------------------------------------------------------------------------
# Filtering

_LABEL_WORDS = frozenset({"问", "答", "记者", "编者", "编辑", "作者", "主持人", "口述", "采访", "来源", "排版", "文"})

# CC-CEDICT senses of people: life dates "(1953-)", "(name)", "surname ...", roles.
_PERSON_SENSE = re.compile(
    r"\(\d{3,4} ?[-–]|\(c\. ?\d|\(died|\(born|\bname\)|^surname |\b(politician|president|emperor|writer|poet|"
    r"painter|philosopher|economist|scientist|physicist|singer|actor|actress|general|minister|premier|"
    r"chairman|businessman|founder|footballer|composer|novelist|dynasty)\b",
    re.IGNORECASE,
)
_ORGANISATION_SENSE = re.compile(
    r"\b(brand|company|corporation|Co\.|Inc\b|Ltd|group|bank|manufacturer|maker|firm|airline|"
    r"network|platform|search engine|portal|agency|organization|organisation)\b",
    re.IGNORECASE,
)
# A sense that is nothing but a name: United States, Japan, Europe (abbr. ...).
_BARE_NAME = re.compile(r"^(?:[A-Z][a-z]+)(?: [A-Z][a-z]+)*(?: \(abbr\.[^)]*\))?$")
_PLACE_SENSE = re.compile(
    r"\b(province|county|city|prefecture|district|capital|town|township|river|mountain|island|state|"
    r"country|region|village|lake)\b",
    re.IGNORECASE,
)


def _qualifies(candidate: _Candidate, options: MiningOptions, kinds: set[str]) -> bool:
    """Everything but CC-CEDICT's senses (_senses_allow) and names of people and places
    (_proper_kind): both need entries parsed, too slow for every candidate of a book."""
    strings = sorted(candidate.strings, key=len)
    marked = bool(kinds & {"marked", "gloss"})
    word = strings[0]
    if len(word) == 1 and not marked:
        return False
    if _HAS_HAN.search(word) and kinds <= {"word"} and candidate.count < 2 and not _known_word(word):
        # A once-seen string neither jieba's dictionary nor CC-CEDICT knows is a guess
        # of jieba's HMM, usually a fragment (功不唐捐 -> 功 不唐 捐).
        return False
    if not all(_plausible(string, options.level) for string in strings):
        return False
    if _is_plain_english(word) and candidate.count < 3 and not marked:
        return False
    if _tag(word) == "l" and _is_function_word(word[0]):
        # jieba's set expressions that are grammar: 在我看来, 两国之间.
        return False
    return True


def _senses_allow(candidate: _Candidate, kinds: set[str]) -> bool:
    """What CC-CEDICT's senses rule out: grammar entries (为例, 多大) and two
    one-character words glossed as a verb (高 + 达 'to reach up to')."""
    if any(map(_grammar_entry, candidate.strings)):
        return False
    compound = candidate.compound
    if compound is None or kinds & {"marked", "gloss"} or not all(len(p) == 1 for p in compound.parts):
        return True
    return not _verb_like(min(candidate.strings, key=len))


@lru_cache(maxsize=262144)
def _plausible(string: str, level: int) -> bool:
    """Not a number, label, function word, nor a word at or below the reader's level."""
    if _NUMERIC.match(string) or string.isdigit():
        return False
    if not _HAS_HAN.search(string) and not _is_latin_term(string):
        return False
    if string in _LABEL_WORDS or _tag(string) in _FUNCTION_TAGS:
        return False
    return not (level > 0 and _too_easy(string, level))


def _grammar_entry(string: str) -> bool:
    """CC-CEDICT entries that are grammar, not words: pieces of a construction
    (为例: 'used in the construction 以...为例') and question phrases (多大: 'how big?')."""
    senses = [s for e in dictionary.lookup(string) if not e.proper for s in e.senses]
    return bool(senses) and (senses[0].endswith("?") or all(s.startswith("used in ") for s in senses))


def _too_easy(simplified: str, level: int) -> bool:
    hsk = dictionary.hsk_level(simplified)
    return hsk is not None and hsk <= level


def _known_word(word: str) -> bool:
    return segment.word_frequency(word) > 0 or dictionary.knows(word)


def _is_latin_term(text: str) -> bool:
    """CANN, GPU, 5G, 910B, A100, ChatGPT, SpaceX: Latin terms. Not 'to' nor numbers."""
    return bool(_HAS_LETTER.search(text)) and any(c.isupper() for c in text) and len(text) >= 2


def _is_plain_english(text: str) -> bool:
    """Semi, Open, Nvidia, Colossus: one capital, no digits: an English word or name
    (names of products with a digit or an inner capital are terms: A100, TikTok)."""
    return text.isascii() and text.isalpha() and sum(c.isupper() for c in text) == 1 and text[0].isupper()


@lru_cache(maxsize=65536)
def _is_organisation(word: str) -> bool:
    return any(e.proper and _ORGANISATION_SENSE.search(s) for e in dictionary.lookup(word) for s in e.senses)


def _proper_kind(candidate: _Candidate, person_cues: Counter) -> str | None:
    """"person", "place", "organisation" or None, from CC-CEDICT senses, jieba tags and,
    for names no dictionary knows, where the word stands (研究总监杨瑞临, 戚凯表示)."""
    for string in sorted(candidate.strings):
        if (
            person_cues.get(string)
            and 2 <= len(string) <= 3
            and dictionary.is_surname(string[0])
            and not _known_word(string)
        ):
            return "person"
        kind, known = _proper_kind_of(string)
        if kind is not None:
            return kind
        if known:
            continue  # CC-CEDICT knows better than jieba's tags (摩尔定律 is tagged ns)
    return None


@lru_cache(maxsize=262144)
def _proper_kind_of(string: str) -> tuple[str | None, bool]:
    """What CC-CEDICT or, failing it, jieba's tag says the string names, and whether
    CC-CEDICT knows it."""
    entries = dictionary.lookup(string)
    senses = [s for e in entries if e.proper for s in e.senses]
    if senses:
        if any(_ORGANISATION_SENSE.search(s) for s in senses):
            return "organisation", True
        if all(_PERSON_SENSE.search(s) or _PLACE_SENSE.search(s) for s in senses) and not any(
            not e.proper for e in entries
        ):
            return ("person" if any(_PERSON_SENSE.search(s) for s in senses) else "place"), True
    if entries:
        if senses and _tag(string).startswith("ns") and _BARE_NAME.match(senses[0]):
            return "place", True  # 美国 'United States', 日本 'Japan': general knowledge
        return None, True
    tag = _tag(string)
    if tag.startswith("nr"):
        return "person", False
    if tag.startswith("ns"):
        return "place", False
    if tag in ("nt",):
        return "organisation", False
    return None, False


# ---------------------------------------------------------------------------
# Scoring

def _background(candidate: _Candidate, origins: dict[str, set[str]]) -> float:
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
    parts = candidate.compound.parts if candidate.compound is not None else _parts(min(candidate.strings, key=len))
    if len(parts) < 2:
        return 0
    frequencies = [_frequency(p) for p in parts]
    chance = math.prod(f / segment.total_frequency() for f in frequencies) * segment.total_frequency()
    return min(min(frequencies), chance * _COLLOCATION ** (len(parts) - 1))


def _learn_backgrounds(candidates: Iterable[_Candidate]) -> None:
    """Cut at once the strings whose background _background estimates from their parts,
    rather than with a call of jieba each."""
    strings = (min(c.strings, key=len) for c in candidates if c.compound is None and not max(map(_frequency, c.strings)))
    segment.words_of_each(s for s in strings if not _is_latin_alnum(s))


@lru_cache(maxsize=65536)
def _frequency(word: str) -> int:
    frequency = segment.word_frequency(word)
    if frequency == 0 and _HAS_HAN.search(word):
        frequency = segment.word_frequency(_mainland(word))
    return frequency


# Adjacent words co-occur about this many times more often than independent ones.
_COLLOCATION = 1000.0

# Below about 2 per million words (jieba's count 100 of 60 million) every word is
# simply rare: a product code seen once must not outrank 芯片 seen 34 times.
_RARITY_CAP = math.log(60_000_000 / 100)

# Weights of the signals, in natural-log units of keyness. Chosen on the seed articles
# by reading the output, not fitted to any benchmark's labels.
_COUNT_WEIGHT = 1.5
_QUOTED_BONUS = 2.0
_DEFINED_BONUS = 3.0
_COMPOUND_BONUS = 1.0
_CEDICT_BONUS = 0.5
_SET_PHRASE_BONUS = 1.0
_SOURCES_BONUS = 1.0
_CONTEXT_IDF_WEIGHT = 1.0


def _score(candidate: _Candidate, corpus: _Corpus, has_focus: bool, focus_tokens: int, origins) -> None:
    why = candidate.why = []
    count = candidate.count
    total = segment.total_frequency()
    background = _background(candidate, origins)
    candidate.background = background
    rarity = min(math.log(total / (background + 1)), _RARITY_CAP)
    score = _COUNT_WEIGHT * math.log(count) + rarity - math.log(total / focus_tokens) + 10
    why.append(f"{count} occurrence{'s' if count != 1 else ''}" + _rarity_words(background))
    free = count - candidate.inside_longer
    if candidate.inside_longer and free < count:
        score += math.log(max(free, 0.5) / count)
    if candidate.quoted:
        score += _QUOTED_BONUS
        why.append(f"quoted {candidate.quoted}×")
    if candidate.abbreviated_as:
        score += _DEFINED_BONUS
        why.append(f"abbreviated in the text as {candidate.abbreviated_as}")
    if candidate.expansion_of:
        score += _DEFINED_BONUS
        why.append(f"expanded in the text: {candidate.expansion_of}")
    elif candidate.gloss:
        score += _DEFINED_BONUS
        why.append(f"defined in the text: {candidate.gloss}")
    if candidate.compound is not None:
        score += _COMPOUND_BONUS
        why.append("compound found in the text: " + " + ".join(candidate.compound.parts))
    cedict = list(filter(dictionary.knows, candidate.strings))
    if cedict:
        if any(_is_set_phrase(s) for s in cedict):
            score += _SET_PHRASE_BONUS
            why.append("set phrase in CC-CEDICT")
        else:
            score += _CEDICT_BONUS
            why.append("in CC-CEDICT")
    if has_focus and len(corpus.analyses) > 1:
        documents = len(corpus.analyses)
        score += _CONTEXT_IDF_WEIGHT * math.log((documents + 1) / (candidate.sources + 1))
    elif candidate.sources > 1:
        score += _SOURCES_BONUS * math.log2(candidate.sources)
        why.append(f"in {candidate.sources} sources")
    candidate.score = score


def _is_set_phrase(word: str) -> bool:
    """Chengyu and idioms: four characters that CC-CEDICT or jieba mark as idioms
    (急功近利, 见招拆招, 弯道超车 "(fig.)"), not compositional entries like 工作报告."""
    if len(word) != 4 or not _HAN_ONLY.match(word):
        return False
    if _tag(word) == "i":
        return True
    return any("idiom" in sense or "(fig.)" in sense for e in dictionary.lookup(word) for sense in e.senses)


def _rarity_words(background: float) -> str:
    if background == 0:
        return ", unknown to general dictionaries"
    per_million = background * 1e6 / segment.total_frequency()
    if per_million < 5:
        return ", rare in general use"
    if per_million < 50:
        return ", uncommon in general use"
    return ""


# ---------------------------------------------------------------------------
# Terms


def _terms(ranked: list[_Candidate], focus: Sequence[_SourceAnalysis]) -> list[Term]:
    """Occurrences and surface forms of the picked candidates only, in one pass over the focus."""
    wanted = {s: c.key for c in ranked for s in c.strings}
    forms: dict[str, dict[str, None]] = {c.key: {} for c in ranked}
    sentences: dict[str, dict[Sentence, None]] = {c.key: {} for c in ranked}
    counts: Counter = Counter()
    starts = discovery.prefixes(s for s in wanted if len(s) <= discovery.MAX_CHARS)
    for analysis in focus:
        for analysed in analysis.sentences:
            if not analysed.runs:
                continue
            text = analysed.sentence.text
            run_seen, offsets = None, []  # offsets: where each token of that run starts
            for gram, start, run, i, _ in discovery.find(analysed.runs, wanted, starts):
                if run is not run_seen:  # once per run, not per hit: a line may be one long run
                    run_seen, offsets = run, list(accumulate(map(len, run), initial=start))
                key = wanted[gram]
                offset = offsets[i]
                forms[key].setdefault(text[offset : offset + len(gram)])
                sentences[key].setdefault(analysed.sentence)
                counts[key] += 1
    for candidate in ranked:
        if not forms[candidate.key]:  # not on token boundaries: find it as text
            for analysis in focus:
                for analysed in analysis.sentences:
                    for string in candidate.strings:
                        at = analysed.simplified.find(string)
                        if at >= 0:
                            forms[candidate.key].setdefault(analysed.sentence.text[at : at + len(string)])
                            sentences[candidate.key].setdefault(analysed.sentence)
                            counts[candidate.key] += analysed.simplified.count(string)
    out = []
    for candidate in ranked:
        surface = list(forms[candidate.key]) or sorted(candidate.strings)
        text = surface[0]
        simplified = script.to_simplified(text)
        out.append(
            Term(
                text=text,
                simplified=simplified,
                traditional=script.to_traditional(simplified),
                score=round(candidate.score, 3),
                why=tuple(candidate.why),
                forms=tuple(surface),
                gloss=_as_written(candidate.gloss, focus),
                expansion_of=_as_written(candidate.expansion_of, focus),
                abbreviation=candidate.abbreviated_as,
                occurrences=tuple(sentences[candidate.key]),
                count=counts[candidate.key] or candidate.count,
            )
        )
    return out


def _as_written(simplified: str | None, focus: Sequence[_SourceAnalysis]) -> str | None:
    """A gloss in the script of the text it came from (過度競爭, not 过度竞争)."""
    if simplified is None:
        return None
    for analysis in focus:
        for analysed in analysis.sentences:
            at = analysed.simplified.find(simplified)
            if at >= 0:
                return analysed.sentence.text[at : at + len(simplified)]
    return simplified


# ---------------------------------------------------------------------------
# Known words


def load_known_words(path: Path) -> frozenset[str]:
    """Words the reader knows: a plain list (one a line), a Pleco export
    (headword<TAB>pinyin<TAB>definition, headword possibly 简[繁], // category lines)
    or an Anki notes export (tab-separated, the word first, possibly in HTML, # headers)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the known-words file: {error.strerror or error}", path=path) from error
    text = None
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = raw.decode(encoding)
            if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise SourceError("the known-words file is not text in UTF-8, UTF-16 or GB18030", path=path)
    words: set[str] = set()
    for line in text.splitlines():
        words.update(_known_words_of_line(line))
    return frozenset(words)


_HTML_TAG = re.compile(r"<[^>]*>")
_HTML_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


def _known_words_of_line(line: str) -> list[str]:
    line = line.strip()
    if not line or line.startswith("#") or line.startswith("//"):
        return []
    field = line.split("\t", 1)[0].strip()
    if "<" in field or "&" in field:
        import html

        field = html.unescape(_HTML_TAG.sub("", field)).strip()
    field = field.strip('"').strip()
    m = re.match(r"^([^\[\]]+)\[([^\[\]]+)\]$", field)  # Pleco: 简体[繁體]
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [field] if field else []
