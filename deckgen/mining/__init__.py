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

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat

from deckgen.lexicon import cedict as dictionary
from deckgen.memo import memo, once
from deckgen.mining.analysis import _analyse, _SourceAnalysis
from deckgen.mining.anki_collection import KNOWN_INTERVAL, load_anki_known
from deckgen.mining.candidates import (
    _add_marks,
    _Candidate,
    _candidate_strings,
    _corpus,
    _count_unaligned,
    _holders,
    _known_keys,
    _source_count,
    kinds_of,
)
from deckgen.mining.filters import (
    _aspect_inside_a_verb,
    _clause_around_a_term,
    _counted_by_a_classifier,
    _cut_across_a_term,
    _name_of_a_company,
    _named_so,
    _only_inside_longer,
    _piece_after_a_lone_character,
    _piece_of_a_listed_name,
    _piece_of_a_name,
    _piece_of_a_street,
    _piece_of_a_title,
    _piece_of_an_organisation,
    _prefix_of_the_word_after,
    _proper_kind,
    _qualifies,
    _quotes_a_person,
    _says_how,
    _senses_allow,
    _split_by_the_word_before,
    _stands_alone,
)
from deckgen.mining.known_words import load_known_words
from deckgen.mining.options import MiningOptions
from deckgen.mining.scoring import _learn_parts, _score, deck_size, rare_word, weights
from deckgen.mining.terms import _terms
from deckgen.mining.words import _merge_keys, _tag
from deckgen.records import Segmenter, Source, Term

__all__ = ["KNOWN_INTERVAL", "MiningOptions", "load_anki_known", "load_known_words", "mine"]

_OPEN, _CLOSE = "(（", ")）"


def mine(sources: Sequence[Source], options: MiningOptions, segmenter: Segmenter, *,
         focus: Source | None = None) -> list[Term]:
    """The key terms of `sources` (or of `focus`, with `sources` as context), best first."""
    sources = tuple(sources)
    if focus is not None and focus not in sources:
        sources = sources + (focus,)
    if not sources:
        return []
    return _mine(sources, options, focus, segmenter)


def _mine(sources: tuple[Source, ...], options: MiningOptions, focus: Source | None,
          segmenter: Segmenter) -> list[Term]:
    corpus = _corpus(sources, segmenter)
    focus_analyses = (_analyse(focus, segmenter),) if focus is not None else corpus.analyses
    focus_grams = focus_analyses[0].grams if focus is not None else corpus.grams
    focus_tokens = max(1, sum(len(t) for a in focus_analyses for s in a.sentences for _, t in s.runs))

    origins = _candidate_strings(corpus, focus_analyses, segmenter)
    # Kept for _frequency of compounds and headwords too, which _corpus did not see as words.
    keys = _merge_keys(origins)
    known = _known_keys(options.known)
    candidates: dict[str, _Candidate] = {}
    for string in origins:
        key = keys.get(string, string)
        if key in known or string in known:
            continue
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = _Candidate(key)
        candidate.strings.add(string)
        candidate.count += focus_grams.get(string, 0)
        if string in corpus.compounds:
            candidate.compound = corpus.compounds[string]
    _add_marks(candidates, keys, focus_analyses)
    _count_unaligned(candidates, focus_analyses)
    # A law's name may be used as its title only. A set test per candidate, not the
    # union of its origins: a book has tens of thousands of candidates and one title.
    titled = frozenset(string for string, kinds in origins.items() if "title" in kinds)
    for candidate in candidates.values():
        if not titled.isdisjoint(candidate.strings):
            candidate.count = max(candidate.count, 1)
    candidates = {k: c for k, c in candidates.items() if c.count > 0}
    _learn_parts(candidates.values(), segmenter)
    # A reader with a level is learning Chinese: how hard a word is to read counts.
    learner = options.level > 0
    in_title, in_headings = _topical(focus_analyses)
    for candidate in candidates.values():
        candidate.in_title = not in_title.isdisjoint(candidate.strings)
        candidate.in_headings = max(map(in_headings.get, candidate.strings, repeat(0)), default=0) \
            if in_headings else 0
        candidate.sources = _source_count(candidate, corpus, focus is not None)
        _score(candidate, corpus, focus is not None, focus_tokens, origins, learner)
    holders = _holders(candidates, focus_grams, _head_of_its_own)

    # The tests below run only for the candidates _best_first needs to look at.
    @memo(max(1, len(candidates)))
    def qualified(key: str) -> bool:
        candidate = candidates[key]
        kinds = kinds_of(candidate, origins)
        return _qualifies(candidate, options, kinds) and _senses_allow(candidate, kinds) and not miscut(candidate)

    def term_count(string: str) -> int:
        """How often the text uses `string` as a term: 0 for no term."""
        key = keys.get(string, string)
        return candidates[key].count if key in candidates and qualified(key) else 0

    @once
    def focus_text() -> str:  # one sentence a line, for the few searches of the picked terms
        return "\n".join(s.simplified for a in focus_analyses for s in a.sentences)

    def miscut(candidate: _Candidate) -> bool:
        """jieba's word across two of the dictionary's at half of its uses or more, or a
        compound of one (单 + 处罚金, where the text's 并处罚金 is 并处 + 罚金); the second half
        of a verb split by its aspect (过账 of 算过账)."""
        parts = candidate.compound.parts if candidate.compound is not None else ()
        for strings in (candidate.strings, *([part] for part in parts if len(part) >= 3)):
            split, uses = _split_by_the_word_before(strings, focus_text())
            if split and 2 * split >= uses:
                return True
        return _aspect_inside_a_verb(candidate.strings, focus_text())

    def judge(candidate: _Candidate) -> bool:
        if not qualified(candidate.key) or _clause_around_a_term(candidate, focus_grams, term_count):
            return False
        candidate.inside_longer = _inside_longer(holders.get(candidate.key, ()), qualified)
        # A piece that never stands alone (伟达 of 英伟达, 凯表 of 戚凯表示), or only in
        # quotes (「新质」, else always in 新质生产力), is no term of its own.
        if not _stands_alone(candidate):
            return False
        # ... nor one that stands alone only where jieba cut across the longer term (部落
        # of 部落客 'blogger' in 部落 + 客推). A term many longer ones are built on is one.
        # The longer term must be one wherever the text writes it: 处罚金 of 单处罚金 is no
        # term in 并处罚金 (并处 + 罚金), where 罚金 stands alone.
        if candidate.inside_longer and any(
                qualified(key) and _only_inside_longer(candidate.strings, candidates[key].strings, focus_text())
                and not _split_by_the_word_before(candidates[key].strings, focus_text())[0]
                for key, _ in holders.get(candidate.key, ())):
            return False
        if candidate.inside_longer:
            _score(candidate, corpus, focus is not None, focus_tokens, origins, learner)
        return True

    # Without a number asked for, the deck holds what the text supports: at most
    # deck_size of its length, and only candidates above the score floor.
    limit = options.top if options.top is not None else deck_size(sum(_characters(a) for a in focus_analyses))
    # The floor is in length-free units: a score grows with log(focus_tokens) (how
    # often a term is used, relative to a text of that length), which it leaves out,
    # so a short text is held to the same evidence as a long one.
    floor = weights()["floor"] + math.log(focus_tokens) if options.top is None else -math.inf
    ranked: list[_Candidate] = []
    # Names of people and places, and words jieba cut across a term, are told apart last,
    # best first, until enough terms are picked: it takes CC-CEDICT's senses and a search
    # of the text, too slow for every candidate of a book.
    for candidate in _best_first(candidates.values(), judge):
        if len(ranked) >= limit or candidate.score < floor:
            break
        proper = _proper_kind(candidate, corpus.person_cues, corpus.addressed, corpus.people, focus_text)
        if proper in ("person", "place"):
            continue
        if candidate.quoted and _quotes_a_person(candidate, focus_grams, corpus.person_cues, corpus.addressed):
            continue
        if _cut_across_a_term(candidate, focus_text(), term_count) or any(
                piece_of(candidate, focus_text()) for piece_of in _PIECES):
            continue
        if proper == "organisation":
            candidate.why += ("organisation or brand",)
        ranked.append(candidate)
    return _terms(ranked, focus_analyses)


# Words that are, at every use, pieces of something longer the text names: no terms.
_PIECES = (_piece_after_a_lone_character, _piece_of_a_title, _piece_of_a_name, _piece_of_a_listed_name,
           _piece_of_a_street,
           _piece_of_an_organisation, _name_of_a_company, _counted_by_a_classifier, _says_how,
           _prefix_of_the_word_after, _named_so)


def _head_of_its_own(part: str, longer: str) -> bool:
    """A rare dictionary word that heads a longer term no dictionary lists, after a
    word that only modifies it (奈米 + 製程, 新 + 賽道), is a term of its own even where
    the text never uses it alone: a reader meets it again with other modifiers. Not
    after a name (宋 + 高宗, 艾司 + 摩爾): that is one name."""
    if not longer.endswith(part) or dictionary.knows(longer) or not dictionary.knows(part) or not rare_word(part):
        return False
    modifier = longer[:-len(part)]
    if len(modifier) == 1:
        # 老 and 小 also make words of address and slang of what follows (老法师 'old
        # hand', 小姐姐): the whole is the term, not the head
        return _tag(modifier) == "a" and modifier not in "老小"
    return any(not e.proper for e in dictionary.lookup(modifier)) and not _tag(modifier).startswith(("nr", "ns"))


def _inside_longer(holders: Iterable[tuple[str, int]], qualified: Callable[[str], bool]) -> int:
    """How many of a candidate's uses count as parts of longer terms: the uses inside
    them, shared among as many different longer terms (the C-value of Frantzi et al.).
    A piece of one longer term (伟达 of 英伟达) is all inside it; a term many longer
    ones are built on (民间借贷 of 民间借贷合同, 民间借贷诉讼, 民间借贷纠纷) is a term of its own."""
    held = [(longer, count) for longer, count in holders if qualified(longer)]
    # A longer term holding another that holds the candidate (摄影老法师 around 老法师
    # around 法师) adds no uses of its own: they are the inner one's.
    counts = [count for longer, count in held if not any(inner != longer and inner in longer for inner, _ in held)]
    return round(sum(counts) / len(counts)) if counts else 0


def _topical(analyses: Sequence[_SourceAnalysis]) -> tuple[frozenset[str], Counter]:
    """Every string of two characters or more in the titles, and in how many headings
    each such string is."""
    title = frozenset().union(*(_strings(a.title) for a in analyses)) if analyses else frozenset()
    headings: Counter = Counter()
    for analysis in analyses:
        for heading in analysis.headings:
            headings.update(_strings(heading))
    return title, headings


def _strings(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + 12) + 1)}


def _characters(analysis: _SourceAnalysis) -> int:
    return sum(len(s.sentence.text) for s in analysis.sentences)


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
