"""The deck author's corrections: `[terms."…"]` tables, in one place.

Parsed from a deck file (deckfile.py hands each table here), matched to the mined
terms by any written form (either script, either region), and applied to the
annotated notes: the author's word wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn

from deckgen import annotating, script
from deckgen.annotating.meaning import FROM_DECK
from deckgen.records import Note, Occurrence, Segmenter, Source, Term
from deckgen.script import is_han
from deckgen.tones import parse_pinyin

FROM_GLOSSARY = "the glossary"

TERM_KEYS = {"english", "pinyin", "examples", "note", "skip"}

# fail(message, key, hint): raise the deck file's error at the line of `key` (None: the table's line)
Fail = Callable[[str, str | None, str | None], NoReturn]


@dataclass(frozen=True)
class TermOverride:
    """What the deck's author says about one headword; None means "not given"."""

    headword: str
    line: int
    english: str | None = None
    pinyin: tuple[str, ...] | None = None  # numbered syllables
    examples: tuple[str, ...] | None = None
    note: str | None = None
    skip: bool = False
    glossary: Path | None = None  # a shared glossary's table: corrects the deck's terms, adds none


def parse_override(headword: str, line: int, spec: Any, fail: Fail) -> TermOverride:
    """One [terms."headword"] table, checked; `fail` reports a problem at its line."""
    if not isinstance(spec, dict):
        fail("must be a table of settings", None, f'write it as [terms."{headword}"] followed by english = "…"')
    if not headword.strip():
        fail("the headword is empty", None, None)
    for key in spec:
        if key not in TERM_KEYS:
            fail(f"unknown setting '{key}'", key, f"term settings: {', '.join(sorted(TERM_KEYS))}")
    for key in ("english", "note", "pinyin"):
        if key in spec and not isinstance(spec[key], str):
            fail(f"'{key}' must be a string", key, None)
    skip = spec.get("skip", False)
    if not isinstance(skip, bool):
        fail("'skip' must be true or false", "skip", None)
    if skip and len(spec) > 1:
        fail("says skip = true and also gives settings; remove one or the other", "skip", None)
    examples = spec.get("examples")
    if examples is not None:
        if not isinstance(examples, list) or not all(isinstance(e, str) and e.strip() for e in examples):
            fail("'examples' must be a list of non-empty strings", "examples", None)
        if not 1 <= len(examples) <= 3:
            fail("give one to three examples", "examples", None)
    pinyin = None
    if "pinyin" in spec:
        try:
            pinyin = parse_pinyin(spec["pinyin"])
        except ValueError as exc:
            fail(str(exc), "pinyin", 'write syllables separated by spaces: "qia3 bo2 zi5" or "qiǎ bó zi"')
        han = [c for c in headword if is_han(c)]
        if han and len(pinyin) != len(han):
            fail(f"pinyin has {len(pinyin)} syllables for {len(han)} characters", "pinyin", None)
        for char, syllable in zip(han, pinyin):
            if not _fits(char, syllable):
                known = ", ".join(annotating.pinyin.char_readings(char))
                fail(f"{syllable!r} is not a reading of {char} (its readings: {known})", "pinyin",
                     "give each character one of its readings, in the headword's order; the tone may differ")
    return TermOverride(
        headword=headword, line=line, english=spec.get("english"), pinyin=pinyin,
        examples=tuple(examples) if examples is not None else None, note=spec.get("note"), skip=skip,
    )


def _fits(char: str, syllable: str) -> bool:
    """Whether `syllable` is a reading of `char`, tone aside (a neutral tone, a tone
    sandhi, an erhua ending are the author's to give). A character with no known
    reading takes any syllable: no dictionary knows every character."""
    readings = {r.rstrip("12345") for r in annotating.pinyin.char_readings(char)}
    letters = syllable.rstrip("12345")
    if not readings or letters in readings:
        return True
    if letters == "r" and char in "儿兒":
        return True
    return letters.endswith("r") and letters[:-1] in readings


def same_word_key(word: str) -> str:
    """The key under which a word's scripts and regional forms are one: 晶片, 芯片, 內捲, 内卷."""
    return script.mainland_form(script.to_simplified(word))


def match(terms: list[Term], overrides: Sequence[TermOverride],
          sources: Sequence[Source]) -> tuple[list[Term], dict[str, TermOverride]]:
    """The terms with what the overrides skip dropped and the headwords they add added,
    and the overrides that apply to them, by Term.simplified."""
    wanted = {same_word_key(o.headword): o for o in overrides}
    kept: list[Term] = []
    applying: dict[str, TermOverride] = {}
    matched: set[str] = set()
    for term in terms:
        hit = next((wanted[k] for k in (term.simplified, *map(same_word_key, term.forms)) if k in wanted), None)
        if hit is not None:
            matched.add(same_word_key(hit.headword))
            if hit.skip:
                continue
            applying[term.simplified] = hit
        kept.append(term)
    for k, override in wanted.items():
        if k not in matched and not override.skip and override.glossary is None:
            term = added_term(override.headword, sources)
            kept.append(term)
            applying[term.simplified] = override
    return kept, applying


def added_term(headword: str, sources: Sequence[Source]) -> Term:
    """A term the deck file adds: where it occurs in the sources, as written or in simplified."""
    simplified = script.to_simplified(headword)
    traditional = script.to_traditional(simplified)
    occurrences = []
    for source in sources:
        for sentence in source.sentences:
            at = sentence.text.find(headword)
            if at < 0:
                at = sentence.simplified.find(simplified)
            if at >= 0:
                occurrences.append(Occurrence(sentence, at, at + len(headword)))
    return Term(text=headword, simplified=simplified, traditional=traditional, score=0.0,
                why=("added in the deck file",), forms=(headword,), occurrences=tuple(occurrences),
                count=len(occurrences))


def apply(note: Note, term: Term, override: TermOverride, segmenter: Segmenter) -> Note:
    """The deck file's word wins. Cheap unless it gives example sentences, which need reading."""
    changes: dict = {}
    if override.english is not None:
        source = f"{FROM_GLOSSARY} {override.glossary.name}" if override.glossary else FROM_DECK
        changes.update(english=override.english, meaning_from=source)
    if override.pinyin is not None:
        changes["pinyin"] = tuple(override.pinyin)
    if override.examples is not None:
        changes["examples"] = tuple(annotating.example_from_text(text, term, FROM_DECK, segmenter)
                                    for text in override.examples)
    if override.note is not None:
        changes["notes"] = override.note
    return replace(note, **changes)
