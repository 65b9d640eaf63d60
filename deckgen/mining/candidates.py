"""The corpus of all sources and the candidate terms found in it, variants merged."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import filterfalse

from deckgen import script
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import memo
from deckgen.mining import discovery
from deckgen.mining.analysis import _analyse, _SourceAnalysis
from deckgen.mining.words import (
    _GLUE_VERBS,
    _HAN_ONLY,
    _NUMERALS,
    _SELDOM_ALONE,
    _SUFFIX_CHARACTERS,
    _can_end,
    _can_inside,
    _can_start_given_evidence,
    _clause_or_verb_phrase,
    _is_function_word,
    _is_guess,
    _learn_mainland_forms,
    _merge_keys,
    _only_a_verb,
    _parts,
    _tag,
    _verb_led_term,
)
from deckgen.records import Segmenter, Source


@dataclass
class _Corpus:
    analyses: tuple[_SourceAnalysis, ...]
    grams: Mapping[str, int]  # summed over sources
    document_frequency: Counter  # n-gram -> number of sources containing it
    compounds: dict[str, discovery.Compound]
    tokens: int
    person_cues: Counter
    addressed: Counter
    people: frozenset[str]  # names the texts give people beyond doubt (_SourceAnalysis.people)


@memo(4)
def _corpus(sources: tuple[Source, ...], segmenter: Segmenter) -> _Corpus:
    analyses = tuple(_analyse(s, segmenter) for s in sources)
    document_frequency: Counter = Counter()
    grams: Mapping[str, int]
    cuts: Sequence[str]
    cut_texts: Sequence[str]
    if len(analyses) == 1:
        grams, cuts, cut_texts = analyses[0].grams, analyses[0].cuts, analyses[0].cut_texts
    else:
        summed: Counter[str] = Counter()
        for analysis in analyses:
            summed.update(analysis.grams)
            document_frequency.update(analysis.grams.keys())
        grams = summed
        cuts = [cut for analysis in analyses for cut in analysis.cuts]
        cut_texts = [text for analysis in analyses for text in analysis.cut_texts]
    runs = [run for analysis in analyses for sentence in analysis.sentences for _, run in sentence.runs]
    _learn_mainland_forms(word for analysis in analyses for word in analysis.words)
    compounds = discovery.discover(
        runs, grams, cuts, cut_texts, can_start=_can_start_given_evidence, can_end=_can_end, can_inside=_can_inside,
        needs_evidence=_is_guess, outer_edge=_noun_phrase_edge,
    )
    # A compound led by a verb must stick together beyond doubt, unless the text also uses
    # its words apart inside a longer unit of its own (集中采购 beside 药品集中带量采购)
    compounds = {
        text: c for text, c in compounds.items()
        if _verb_led_term(c.parts, c.cohesion, discovery.MIN_COHESION + (0 if c.apart else _VERB_LED_EXTRA_COHESION))
        and not _clause_or_verb_phrase(c.parts)
    }
    compounds = _objects_of_verbs(compounds, grams)
    person_cues: Counter = Counter()
    addressed: Counter = Counter()
    for analysis in analyses:
        person_cues.update(analysis.person_cues)
        addressed.update(analysis.addressed)
    people = frozenset().union(*(analysis.people for analysis in analyses))
    return _Corpus(analyses, grams, document_frequency, compounds, sum(map(len, runs)), person_cues, addressed,
                   people)


def _objects_of_verbs(compounds: dict[str, discovery.Compound],
                      grams: Mapping[str, int]) -> dict[str, discovery.Compound]:
    """A verb and the noun phrase it takes (参与 + 虚假诉讼, 处于 + 特定临床条件, 具 +
    完全行为能力) is a clause; the noun phrase is the term, though the text never uses
    it without that verb. A verb of one character jieba tags as one (具 'to possess')
    takes an object wherever it leads a run."""
    out = dict(compounds)
    for text, compound in compounds.items():
        verb, rest = compound.parts[0], compound.parts[1:]
        # a verb before a verbal noun modifies it (入侵 + 检测系统 is an intrusion detection system)
        if len(rest) < 2 or _tag(verb) != "v" or _tag(rest[0]) in ("v", "vn") or not _object_phrase(rest):
            continue
        if len(verb) > 1 and not _only_a_verb(verb):
            continue
        del out[text]
        phrase = "".join(rest)
        if phrase not in out:
            out[phrase] = discovery.Compound(phrase, rest, grams.get(phrase, compound.count), compound.cohesion,
                                             compound.freedom)
    return out


def _object_phrase(parts: Sequence[str]) -> bool:
    """A noun and the words that modify it, as the object of a verb: adjectives, nouns
    and the adverb-tagged modifiers jieba gives 特定 and 完全 (特定 + 临床 + 条件)."""
    return _noun_phrase_head(parts[-1]) and all(
        _noun_phrase_part(p) or _tag(p) in ("d", "ad", "vn") for p in parts[:-1])


def _noun_phrase_edge(parts: Sequence[str]) -> Callable[[str], bool] | None:
    """For a run of nouns and their modifiers (网络 + 贷款 + 平台, 非法 + 集资): grammar
    and verbs beside it are outside it. Other runs (承担 + 担保责任) need varied neighbours."""
    if len(parts) < 2 or not all(map(_noun_phrase_part, parts[:-1])) or not _noun_phrase_head(parts[-1]):
        return None
    return _outside_noun_phrase


@memo(65536)
def _noun_phrase_part(token: str) -> bool:
    return _tag(token)[:1] in ("n", "a", "b", "j") and not _tag(token).startswith(("nr", "ns", "ad"))


@memo(65536)
def _noun_phrase_head(token: str) -> bool:
    tag = _tag(token)
    return (tag[:1] in ("n", "j") or tag == "vn") and not tag.startswith(("nr", "ns"))


@memo(65536)
def _outside_noun_phrase(token: str) -> bool:
    return _is_function_word(token) or _tag(token) == "v" or token in _GLUE_VERBS


# How much more a compound led by a verb must stick together than others (in PMI).
_VERB_LED_EXTRA_COHESION = 1.0


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
    inside_longer: int = 0  # occurrences counted as parts of longer candidates (shared among them)
    parts: tuple[str, ...] = ()  # how jieba cuts it alone, when it is no discovered compound
    in_title: bool = False  # in the title of the focus
    in_headings: int = 0  # headings of the focus it is in
    score: float = 0.0
    # Tuples of strings, which the cycle collector stops walking after its first pass: a
    # book has tens of thousands of candidates.
    why: tuple[str, ...] = ()


def _candidate_strings(corpus: _Corpus, focus: Sequence[_SourceAnalysis],
                       segmenter: Segmenter) -> dict[str, tuple[str, ...]]:
    """Simplified candidate string -> its origins ("word", "compound", "cedict", "marked", "gloss")."""
    # Tuples of strings in a plain dict, which the cycle collector stops walking after its
    # first pass, built as tuples from the start: most strings have one origin and share
    # its one tuple, no set of their own (a book has tens of thousands of them).
    origins: dict[str, tuple[str, ...]] = {}

    def add(strings: Iterable[str], kind: str) -> None:
        alone = (kind,)
        for string in strings:
            kinds = origins.get(string, ())
            if kind not in kinds:
                origins[string] = kinds + alone if kinds else alone

    for analysis in focus:
        grams = analysis.grams.keys()
        compounds = grams & corpus.compounds.keys()
        add((c for c in compounds if not _unit_of_a_number(c, analysis)), "compound")
        # jieba's guesses are mostly fragments, unless the text keeps using one (失能 'disabled')
        add((w for w in (grams & analysis.words) - compounds
             if (not _is_guess(w) or (analysis.grams[w] >= _GUESS_KEPT and not any(map(_is_function_word, w))))
             and not _exchange_of_a_stock_code(w, analysis)),
            "word")
        # CC-CEDICT headwords jieba cut apart: several tokens, so two characters or more.
        headwords = [
            gram for gram in dictionary.known_among(filterfalse(analysis.words.__contains__, grams))
            if gram not in compounds and len(gram) >= 2 and not _unit_of_a_number(gram, analysis)
        ]
        segmenter.words_of_each(headwords)  # in one batch, for _parts
        add((gram for gram in headwords if _whole_entry(_parts(gram, segmenter))), "cedict")
        add(analysis.marked, "marked")
        name = _document_name(analysis.title) or _entry_name(analysis)
        if name:
            add((name,), "title")
        for gloss in analysis.glosses:
            add((gloss.term, gloss.gloss) if gloss.acronym else (gloss.term,), "gloss")
    return origins


# Times a text uses a word only jieba's guess makes before it is a candidate.
_GUESS_KEPT = 5


def _unit_of_a_number(gram: str, analysis: _SourceAnalysis) -> bool:
    """A headword opened by the unit of a number wherever the text uses it (日电 'NEC' of
    a dateline's 11月1日电, 级风 of 7级风): segmenting cut the unit loose, and it stays cut."""
    if gram[0] not in _UNITS:
        return False
    text = _running_text(analysis)
    at = text.find(gram)
    while at != -1:
        if at == 0 or not _AFTER_A_NUMBER.match(text, at - 1):  # a line break is no number
            return False
        at = text.find(gram, at + len(gram))
    return True


def _exchange_of_a_stock_code(word: str, analysis: _SourceAnalysis) -> bool:
    """The exchange's letters after a listed company's code wherever the text writes
    them (阳光电源（300274.SZ）, 腾讯控股（0700.HK）): no term."""
    if word not in _EXCHANGES:
        return False
    text = _running_text(analysis)
    at = text.find(word)
    while at != -1:
        if not _STOCK_CODE_BEFORE.search(text, max(0, at - 7), at):
            return False
        at = text.find(word, at + len(word))
    return True


# The letters of stock exchanges after a code: Shanghai, Shenzhen, Beijing, Hong Kong,
# Taiwan, Nasdaq, New York, Tokyo, Korea, London.
_EXCHANGES = frozenset("SH SZ SS BJ HK TW TWO OQ KS".split())
_STOCK_CODE_BEFORE = re.compile(r"[0-9]{4,6}\.$")


@memo(8)
def _running_text(analysis: _SourceAnalysis) -> str:
    """The analysed sentences, simplified, a line each."""
    return "\n".join(s.simplified for s in analysis.sentences)


# the units segmenting cuts loose after a number
_UNITS = frozenset("年月日号岁级")  # ... and 级 of a wind's force (7级风)
_AFTER_A_NUMBER = re.compile(f"[0-9０-９{''.join(sorted(_NUMERALS))}]")


# What the names of laws and regulations end in: 病人自主权利法, 个人信息保护法, 消防条例.
_DOCUMENT_KINDS = ("法", "条例", "规定", "办法", "细则", "公约", "宪章", "条约", "协定", "准则", "守则")
_DOCUMENT_NAME_LENGTH = range(3, 13)


# The country a law is of, before its name in its title and left out where it is cited:
# 中华人民共和国国家通用语言文字法 is the 国家通用语言文字法.
_COUNTRIES = ("中华人民共和国", "中华民国")


def _document_name(title: str) -> str:
    """The name of the law or regulation a title names, "" if it names none."""
    country = next((c for c in _COUNTRIES if title.startswith(c) and len(title) > len(c)), "")
    name = title[len(country):]
    return name if _names_a_document(name) else ""


def _entry_name(analysis: _SourceAnalysis) -> str:
    """An encyclopedia entry's name, the term the whole text is about, however its parts
    stick together elsewhere (量子计算 beside 量子 in every line): a short title of
    characters only that the text uses again and again."""
    title = analysis.title
    if not (_ENTRY_NAME_LENGTH[0] <= len(title) <= _ENTRY_NAME_LENGTH[1] and _HAN_ONLY.match(title)):
        return ""
    return title if analysis.grams.get(title, 0) >= _ENTRY_NAME_USES else ""


_ENTRY_NAME_LENGTH = (3, 8)
_ENTRY_NAME_USES = 3


def _names_a_document(title: str) -> bool:
    """A title that is the name of a law or a regulation (病人自主权利法) is a term of the
    text, though used only as its title; a title that is a sentence or a long official
    heading (最高人民法院关于审理民间借贷案件适用法律若干问题的规定) is not."""
    return (len(title) in _DOCUMENT_NAME_LENGTH and title.endswith(_DOCUMENT_KINDS)
            and _HAN_ONLY.match(title) is not None and not any(c in title for c in "的之关于对和与及"))


def _whole_entry(parts: tuple[str, ...]) -> bool:
    """A CC-CEDICT headword jieba cut apart (英伟达 as 英 + 伟达, 内卷 as 内 + 卷) is a term
    unless it is grammar glued together (这是, 到了, 并不, 为例): no function word or
    one-character glue verb at either end, nor a suffix in front."""

    def edge(token: str) -> bool:
        # a rare character jieba tags as grammar is no grammar: 锾 'a measure of weight' of 罚锾 'a fine'
        rare = len(token) == 1 and jieba_words.word_frequency(token) < _SELDOM_ALONE
        return (rare or not _is_function_word(token)) and token not in _GLUE_VERBS

    if parts[0] in _SUFFIX_CHARACTERS:
        # a suffix jieba cut off the word before: 非继续 + 性 + 工作 'non-continuous work'
        # holds no 性工作 'sex work'
        return False

    if any(len(p) > 1 and _is_guess(p) for p in parts):
        return True  # jieba guessed a word across the entry (碳中 + 和 of 碳中和): its cut says nothing

    # jieba's name tags on a piece (黑客 of 黑客松, 寒武纪 of 寒武纪大爆发 tagged nr) say
    # nothing against a word CC-CEDICT lists whole; names are told apart later.
    return edge(parts[0]) and edge(parts[-1]) and all(_can_inside(p) or _tag(p).startswith("nr") for p in parts)


def kinds_of(candidate: _Candidate, origins: Mapping[str, tuple[str, ...]]) -> set[str]:
    return set().union(*(origins.get(s, ()) for s in candidate.strings))


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


def _holders(candidates: dict[str, _Candidate], grams: Mapping[str, int],
             own_head: Callable[[str, str], bool] = lambda part, longer: False) -> dict[str, list[tuple[str, int]]]:
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
                if shorter is not None and shorter is not longer and not own_head(part, string):
                    holders[shorter.key].append((longer.key, count))
    return holders


def _substrings(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 2, len(text) + 1) if j - i < len(text)}


def _source_count(candidate: _Candidate, corpus: _Corpus, has_focus: bool) -> int:
    if len(corpus.analyses) == 1:
        return 1
    return max((corpus.document_frequency.get(s, 0) for s in candidate.strings), default=1) or 1
