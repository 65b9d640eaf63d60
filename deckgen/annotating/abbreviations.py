"""Short forms the texts make of longer ones: 空汙 for 空氣汙染, 台電 for 台灣電力公司.

A term no dictionary knows whose characters come, in order, from a longer form in the
same text nearby (the first character first) abbreviates that form, and takes its meaning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from deckgen import script
from deckgen.annotating import names
from deckgen.annotating.composition import compose
from deckgen.lexicon import cedict as dictionary
from deckgen.memo import memo
from deckgen.records import Source, Term
from deckgen.script import is_han

NEARBY = 8  # sentences before and after an occurrence in which the long form is looked for
LONGEST = 10  # characters of a long form


def with_long_forms(terms: Sequence[Term], sources: Sequence[Source],
                    long_forms: Callable[[Callable[[int], str]], list[str]] | None = None) -> list[Term]:
    """The terms, each short form CC-CEDICT lacks given the long form it abbreviates.
    `long_forms`, if given, maps the function that finds the long form of terms[i]
    ("" for none) over all the terms: a cache of them (build.py), as finding one may
    load jieba's dictionary, which a rebuild from cached notes otherwise never needs."""
    by_name = {s.name: s for s in sources}

    def long_form(i: int) -> str:
        return (long_form_of(terms[i], by_name) if _unknown_short_form(terms[i]) else None) or ""

    found = long_forms(long_form) if long_forms is not None else [long_form(i) for i in range(len(terms))]
    return [replace(term, long_form=long) if long else term for term, long in zip(terms, found)]


def _unknown_short_form(term: Term) -> bool:
    return (2 <= len(term.simplified) <= 4 and all(is_han(c) for c in term.simplified)
            and not any(dictionary.knows(f) for f in (term.simplified, term.traditional, *term.forms))
            and not names.name_of(term.simplified))


def long_form_of(term: Term, sources: dict[str, Source]) -> str | None:
    """The most frequent longer form near the term's occurrences that it abbreviates,
    as written in the text; None if there is none."""
    found: Counter[str] = Counter()
    written: dict[str, str] = {}
    # a short form that means something as it stands (大模型 'large model', 高端设备) is
    # no abbreviation of a compound around it, only of a word the dictionary knows
    composed = not compose(term.simplified)[0]
    for occurrence in term.occurrences:
        source = sources.get(occurrence.sentence.source)
        if source is None:
            continue
        sentences = source.sentences
        try:
            here = sentences.index(occurrence.sentence)
        except ValueError:
            continue
        for sentence in sentences[max(0, here - NEARBY): here + NEARBY + 1]:
            for start, long in _candidates(term.simplified, sentence.simplified, composed):
                found[long] += 1
                written.setdefault(long, sentence.text[start:start + len(long)])
    if not found:
        return None
    return written[found.most_common(1)[0][0]]


def _candidates(short: str, sentence: str, composed: bool):
    """(start, long form) for each known word in `sentence` (or, if `composed`, compound
    with a literal gloss) that begins with the short form's first character, holds the
    others in order, and is not the short form extended (科创板上市 contains 科创板: not
    an expansion of it); or that is the short form after one character more."""
    # Taiwan's way with a name of three characters: its first left out (政院 of 行政院, 北市
    # of 台北市), where the name is a dictionary word
    start = sentence.find(short)
    while start >= 1:
        long = sentence[start - 1:start + len(short)]
        if is_han(long[0]) and _has_meaning(long):
            yield start - 1, long
        start = sentence.find(short, start + 1)
    start = sentence.find(short[0])
    while start >= 0:
        for end in range(start + len(short) + 1, min(len(sentence), start + LONGEST) + 1):
            long = sentence[start:end]
            if short in long or not long.endswith(_last_char_word(long, short)):
                continue
            if _in_order(short, long) and (_has_meaning(long) or names.name_of(long)
                                           or (composed and _composed_meaning(long))):
                yield start, long
        start = sentence.find(short[0], start + 1)


def _last_char_word(long: str, short: str) -> str:
    """The long form must end in the word that holds the short form's last character:
    at the last character or within the two after it (空氣汙染: 汙 then 染)."""
    position = long.rfind(short[-1])
    return long[position:] if position >= 0 and len(long) - position <= 3 else "\0"


def _in_order(short: str, long: str) -> bool:
    position = 0
    for char in short:
        position = long.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def _has_meaning(word: str) -> bool:
    return any(dictionary.is_meaning(s) for e in dictionary.lookup(word) for s in e.senses)


@memo(65536)
def _composed_meaning(word: str) -> bool:
    """A compound of dictionary words with a literal gloss (社會企業 'social enterprise',
    which a Taiwan transcript abbreviates 社企), written whole: Chinese characters only,
    no 的 or 之 between its words."""
    return (len(word) >= 4 and all(is_han(c) for c in word) and not any(c in word for c in "的之")
            and bool(compose(script.to_simplified(word))[0]))
