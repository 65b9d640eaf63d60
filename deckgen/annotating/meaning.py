"""The English of a term: CC-CEDICT's senses that fit, the text's own explanation, a
common acronym's expansion, or a gloss composed from the parts."""

from __future__ import annotations

from deckgen import script, tables
from deckgen.annotating.composition import compose
from deckgen.annotating.headword import headword_pinyin
from deckgen.annotating.senses import concise_senses
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry
from deckgen.memo import once
from deckgen.records import Segmenter, Term
from deckgen.script import has_han

SYNONYM_MAX = 8  # an in-text gloss up to this long can stand in for the term
FROM_CEDICT = "CC-CEDICT"
FROM_TEXT = "defined in the text"
FROM_DECK = "the deck file"
FROM_ACRONYMS = "deckgen's list of common acronyms"


NOTHING_KNOWN = "nothing known: not in CC-CEDICT and not explained in the texts"


_ACRONYMS = "acronyms.tsv"


def context_english(term: Term, segmenter: Segmenter) -> str:
    """The English glosses of the words around the term, to choose its senses by."""
    words = []
    for sentence in term.sentences[:3]:
        for token in segmenter.tokens(sentence.simplified):
            if len(token.text) >= 2 and token.text != term.simplified and has_han(token.text):
                words.append(token.text)
    if term.gloss:
        words.extend(t.text for t in segmenter.tokens(script.to_simplified(term.gloss)) if len(t.text) >= 2)
    glosses = []
    for word in dict.fromkeys(words):
        for e in dictionary.lookup(word)[:1]:
            glosses.extend(e.senses[:2])
    return " ".join(glosses)


def meaning_of(term: Term, entry: Entry | None, segmenter: Segmenter) -> tuple[str, str]:
    """(English, where it came from)."""
    if entry is not None:
        senses = concise_senses(entry, context=context_english(term, segmenter) if len(entry.senses) > 1 else "")
        if senses:
            source = FROM_CEDICT + (" (Taiwan usage)" if entry.taiwan_only else "")
            return "; ".join(senses), source
    # CC-CEDICT has almost no Latin headwords; an acronym's own expansion is a better
    # meaning than composing the Chinese the text spells it out with (GPU: 'graphics
    # processing unit', not 'figure + processor').
    acronym = acronym_meaning(term.text)
    if acronym:
        return acronym, FROM_ACRONYMS
    explained = term.expansion_of or term.gloss or ""
    # An expansion or a short synonym can stand in for the term; a long definition
    # ("即具備第四次工業革命要素…") goes to Chinese Definition, not into English.
    if explained and (term.expansion_of or len(explained) <= SYNONYM_MAX):
        direct = [e for e in dictionary.lookup(script.to_simplified(explained)) if concise_senses(e)]
        if direct:
            return "; ".join(concise_senses(direct[0])), f"{FROM_TEXT} as {explained}; English from CC-CEDICT"
        composed, parts = compose(explained)
        if composed:
            return composed, f"{FROM_TEXT} as {explained}; English composed from its parts ({' + '.join(parts)})"
    # A long form the text abbreviates as a known acronym: 图形处理器 (GPU).
    abbreviated = acronym_meaning(term.abbreviation) if term.abbreviation else ""
    if abbreviated:
        return abbreviated, f"abbreviated in the text as {term.abbreviation}; English from {FROM_ACRONYMS}"
    composed, parts = compose(term.text, headword_pinyin(term, None, segmenter))
    if composed and len(parts) > 1:
        return composed, f"composed from its parts ({' + '.join(parts)}); not in CC-CEDICT"
    if explained:
        return "", f"{FROM_TEXT} as {explained}"
    if term.abbreviation and not has_han(term.abbreviation):
        # A name the text gives in Latin letters (荷商艾司摩爾 … ASML): the learner's
        # English for it, and all that is known.
        return term.abbreviation, f"abbreviated in the text as {term.abbreviation}; not in CC-CEDICT"
    return "", NOTHING_KNOWN


def acronym_meaning(text: str) -> str:
    """The expansion of a common acronym (GPU, 5G, IoT), "" for anything else."""
    return _acronyms().get(text.strip().upper(), "")


@once
def _acronyms() -> dict[str, str]:
    return {acronym.upper(): english for acronym, english in tables.read(_ACRONYMS)}  # texts write IoT, IOT, iot
