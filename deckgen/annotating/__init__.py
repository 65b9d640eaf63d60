"""The annotating stage: a mined Term -> a Note with pinyin, meaning and examples a learner can trust.

Every value says where it came from: CC-CEDICT, the text itself, parts composed,
or the deck file's author (whose corrections the composing module applies).
"""

from __future__ import annotations

from collections import Counter

from deckgen import script
from deckgen.annotating import pinyin
from deckgen.annotating.examples import choose_examples, example_from_text
from deckgen.annotating.headword import choose_entry, headword_pinyin, variant_entry
from deckgen.annotating.labels import also_written, frequency_label
from deckgen.annotating.meaning import FROM_CEDICT, meaning
from deckgen.annotating.senses import classifier_of
from deckgen.lexicon import hsk
from deckgen.records import Note, Script, Segmenter, Term
from deckgen.script import has_han

__all__ = ["annotate", "reading_and_meaning", "example_from_text", "disambiguate_homographs", "pinyin"]


def annotate(term: Term, segmenter: Segmenter, *, deck_script: Script | None = None) -> Note:
    """The note for `term`, from the texts and the dictionaries."""
    hanzi = script.to_script(term.text, deck_script) if deck_script else term.text
    simplified = script.to_simplified(hanzi)
    traditional = script.to_traditional(simplified)

    entry = choose_entry(term, segmenter)  # an entry written like the headword: its reading is the headword's
    meaning_entry = entry or variant_entry(term, segmenter)  # 輝達 means what 英伟达 means, but is read huī dá
    english, meaning_from = meaning(term, meaning_entry, segmenter)
    if entry is None and meaning_entry is not None and meaning_from.startswith(FROM_CEDICT):
        meaning_from = f"{FROM_CEDICT}, as {meaning_entry.simplified}"
    chinese_definition = ""
    if term.gloss and has_han(term.gloss):  # as the text wrote it, in the deck's script if it has one
        chinese_definition = script.to_script(term.gloss, deck_script) if deck_script else term.gloss
    level = hsk.hsk_level(term.simplified)
    return Note(
        hanzi=hanzi,
        simplified=simplified,
        traditional=traditional,
        pinyin=headword_pinyin(term, entry, segmenter),
        english=english,
        meaning_from=meaning_from,
        examples=choose_examples(term, segmenter),
        also_written=also_written(hanzi, term),
        classifier=classifier_of(meaning_entry) if meaning_entry else "",
        chinese_definition=chinese_definition,
        hsk=hsk.hsk_label(level) if has_han(hanzi) else "",
        frequency=frequency_label(term),
        sources=term.sources,
        identity=term.simplified,
    )


def reading_and_meaning(term: Term, segmenter: Segmenter) -> tuple[tuple[str, ...], str]:
    """Just the headword's pinyin and English, for listings: no examples to read."""
    entry = choose_entry(term, segmenter)
    return headword_pinyin(term, entry, segmenter), meaning(term, entry or variant_entry(term, segmenter), segmenter)[0]


def disambiguate_homographs(notes: list[Note]) -> list[Note]:
    """Two notes for one headword (行 xíng / háng) need different identities."""
    from dataclasses import replace

    counts = Counter(n.identity for n in notes)
    return [replace(n, identity=f"{n.identity}|{' '.join(n.pinyin)}") if counts[n.identity] > 1 else n
            for n in notes]
