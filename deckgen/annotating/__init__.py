"""The annotating stage: a mined Term -> a Note with pinyin, meaning and examples a learner can trust.

Every value says where it came from: CC-CEDICT, the text itself, parts composed,
or the deck file's author (whose corrections the composing module applies).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from deckgen import script
from deckgen.annotating import pinyin
from deckgen.annotating.abbreviations import with_long_forms
from deckgen.annotating.examples import choose_examples, example_from_text
from deckgen.annotating.headword import (
    choose_entry,
    headword_pinyin,
    read_entry,
    traditional_form,
    variant_entry,
)
from deckgen.annotating.labels import also_written, frequency_label
from deckgen.annotating.meaning import FROM_CEDICT, entry_by_context, meaning_of, written_in_traditional
from deckgen.annotating.senses import classifier_of
from deckgen.lexicon import hsk
from deckgen.records import Example, Note, Script, Segmenter, Syllable, Term
from deckgen.script import has_han, is_han

__all__ = [
    "annotate", "disambiguate_homographs", "example_from_text", "in_deck_script", "pinyin", "reading_and_meaning",
    "with_long_forms",
]


def _shown_in_traditional(term: Term, hanzi: str, simplified: str, deck_script: Script | None) -> bool:
    if deck_script is not None:
        return deck_script is Script.TRADITIONAL
    return hanzi != simplified or written_in_traditional(term) is True


def annotate(term: Term, segmenter: Segmenter, *, deck_script: Script | None = None) -> Note:
    """The note for `term`, from the texts and the dictionaries."""
    simplified = script.to_simplified(term.text)
    # an entry written like the headword: its reading is the headword's
    entry, chosen_by_neighbours = read_entry(term, segmenter)
    traditional = traditional_form(simplified, segmenter, term.text)
    if chosen_by_neighbours and entry is not None and term.text == simplified and entry.simplified == simplified \
            and script.to_simplified(entry.traditional) == simplified:
        # 发卡 'to issue a card' is 發卡 in Traditional; OpenCC writes the 髮卡 of 'hair clip'
        traditional = entry.traditional
    if deck_script is Script.TRADITIONAL:
        hanzi = traditional
    elif deck_script is Script.SIMPLIFIED:
        hanzi = simplified
    else:
        hanzi = _majority_form(term, simplified, traditional)

    meaning_entry = entry or variant_entry(term, segmenter)  # 輝達 means what 英伟达 means, but is read huī dá
    meaning_entry = entry_by_context(term, meaning_entry, segmenter)  # 新生代 in geology: the Cenozoic
    english, meaning_from = meaning_of(term, meaning_entry, segmenter)
    if entry is None and meaning_entry is not None and meaning_from.startswith(FROM_CEDICT):
        written = meaning_entry.traditional if deck_script is Script.TRADITIONAL else meaning_entry.simplified
        meaning_from = f"{FROM_CEDICT}, as {written}"
    elif meaning_from.startswith(f"{FROM_CEDICT}, via ") and _shown_in_traditional(
            term, hanzi, simplified, deck_script):
        # the words a link leads to, in the script the card shows (立法委員會, not 立法委员会)
        meaning_from = script.to_common_traditional(meaning_from)
    chinese_definition = ""
    if term.gloss and has_han(term.gloss):  # as the text wrote it, in the deck's script if it has one
        chinese_definition = term.gloss
    level = hsk.hsk_level(term.simplified)
    examples = choose_examples(term, segmenter)
    if chosen_by_neighbours and entry is not None:
        examples = tuple(_read_as(example, entry.pinyin) for example in examples)
    return Note(
        hanzi=hanzi,
        simplified=simplified,
        traditional=traditional,
        pinyin=headword_pinyin(term, entry, segmenter),
        english=english,
        meaning_from=meaning_from,
        examples=examples,
        also_written=also_written(hanzi, term),
        classifier=classifier_of(meaning_entry) if meaning_entry else "",
        chinese_definition=chinese_definition,
        hsk=hsk.hsk_label(level) if has_han(hanzi) else "",
        frequency=frequency_label(term),
        sources=term.sources,
        identity=term.simplified,
    )


def _read_as(example: Example, reading: tuple[str, ...]) -> Example:
    """The example with the term read as its entry reads it, where the card chose the entry
    over the reading the sentence gives (发卡 fā kǎ beside 银行卡, not the phrase tables' fà qiǎ)."""
    span = example.syllables[example.start:example.end]
    if len(span) != len(reading) or not all(is_han(s.text) for s in span):
        return example
    read = tuple(Syllable(s.text, r) for s, r in zip(span, reading))
    return replace(example, syllables=example.syllables[:example.start] + read + example.syllables[example.end:])


def _majority_form(term: Term, simplified: str, traditional: str) -> str:
    """In a deck without a script, each term as most of its occurrences write it (a term
    met 34 times in Simplified and 11 in Traditional is headed in Simplified)."""
    if simplified == traditional or not term.occurrences:
        return term.text
    in_traditional = sum(1 for o in term.occurrences
                         if o.sentence.text[o.start:o.end] != o.sentence.simplified[o.start:o.end])
    return traditional if in_traditional * 2 > len(term.occurrences) else simplified


def in_deck_script(note: Note, deck_script: Script | None) -> Note:
    """The one place a deck's script is applied to what a note quotes from the texts:
    its examples (and their readings) and the Chinese in its provenance line. A deck
    without a script keeps each text as written, and a text already written in the
    deck's script is kept as written (a Taiwan text's 台 and 才 are not made 臺 and 纔)."""
    if deck_script is None:
        return note

    def convert(text: str) -> str:
        if not has_han(text) or script.detect_script(text) is deck_script:
            return text
        return script.in_script_in_place(text, deck_script)

    def example(e: Example) -> Example:
        text = convert(e.text)
        if text == e.text:
            return e
        # The conversion keeps every character in place: each syllable takes its own
        # stretch of the converted text.
        syllables, at = [], 0
        for s in e.syllables:
            syllables.append(replace(s, text=text[at : at + len(s.text)]))
            at += len(s.text)
        return replace(e, text=text, syllables=tuple(syllables)) if at == len(text) else replace(e, text=text)

    return replace(note, examples=tuple(map(example, note.examples)), meaning_from=convert(note.meaning_from),
                   chinese_definition=convert(note.chinese_definition))


def reading_and_meaning(term: Term, segmenter: Segmenter) -> tuple[tuple[str, ...], str]:
    """Just the headword's pinyin and English, for listings: no examples to read."""
    entry = choose_entry(term, segmenter)
    english, _ = meaning_of(term, entry_by_context(term, entry or variant_entry(term, segmenter), segmenter), segmenter)
    return headword_pinyin(term, entry, segmenter), english


def disambiguate_homographs(notes: list[Note]) -> list[Note]:
    """Two notes for one headword (行 xíng / háng) need different identities."""
    from dataclasses import replace

    counts = Counter(n.identity for n in notes)
    return [replace(n, identity=f"{n.identity}|{' '.join(n.pinyin)}") if counts[n.identity] > 1 else n
            for n in notes]
