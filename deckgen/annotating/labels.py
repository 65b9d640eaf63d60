"""What a note says about a term besides its meaning: other ways it is written, how
common it is."""

from __future__ import annotations

from dataclasses import replace

from deckgen import script
from deckgen.lexicon import jieba_words
from deckgen.records import Note, Term
from deckgen.script import has_han


def also_written(hanzi: str, term: Term) -> tuple[str, ...]:
    """Other ways the word is written: the other script, and the other region's word."""
    out: list[str] = []
    simplified = script.to_simplified(hanzi)
    mainland = script.mainland_form(simplified)
    taiwan = script.taiwan_form(mainland)
    if taiwan != script.to_traditional(mainland) and taiwan != hanzi:
        out.append(f"{taiwan} (Taiwan)")
    if mainland != simplified and mainland != hanzi:
        out.append(f"{mainland} (mainland)")
    other_script = script.to_traditional(hanzi) if not _is_traditional(hanzi) else simplified
    if other_script != hanzi and not any(o.startswith(other_script + " ") for o in out):
        out.append(f"{other_script} ({'traditional' if not _is_traditional(hanzi) else 'simplified'})")
    for form in term.forms:
        listed = any(o.startswith(form + " ") for o in out)
        if form not in (hanzi, simplified, script.to_traditional(hanzi)) and not listed:
            out.append(f"{form} (in the texts)")
    return tuple(out)


def frequency_label(term: Term) -> str:
    count = term.count or len(term.occurrences)
    texts = len(term.sources)
    here = f"{count}× in {texts} text{'s' if texts != 1 else ''}"
    per_million = jieba_words.word_frequency(term.simplified) * 1_000_000 / jieba_words.total_frequency()
    if not has_han(term.simplified):
        return here
    if per_million >= 50:
        general = "common in general use"
    elif per_million >= 5:
        general = "less common in general use"
    elif per_million > 0:
        general = "rare in general use"
    else:
        general = "not in general word lists"
    return f"{here}; {general}"


def _is_traditional(text: str) -> bool:
    return script.to_simplified(text) != text


def kind_label(note: Note) -> str:
    """What kind of word a note's headword is, when that tells it from another with the
    same meaning: an acronym (CPI), a Taiwan word (晶片), a mainland word (芯片)."""
    if not has_han(note.hanzi):
        return "acronym"
    mainland = script.mainland_form(note.simplified)
    if mainland != note.simplified:
        return "Taiwan usage"
    if script.taiwan_form(mainland) != script.to_traditional(mainland):
        return "mainland usage"
    return ""


def tell_apart(notes: list[Note]) -> list[Note]:
    """Notes of a deck whose English is the same get a label after it where one tells
    them apart, so that a Recall card asks for one answer, not either of two."""
    groups: dict[str, list[int]] = {}
    for i, note in enumerate(notes):
        if note.english:
            groups.setdefault(note.english.strip().lower(), []).append(i)
    out = list(notes)
    for members in groups.values():
        if len(members) < 2:
            continue
        labels = {i: kind_label(notes[i]) for i in members}
        for i in members:
            if labels[i] and sum(1 for j in members if labels[j] == labels[i]) == 1:
                out[i] = replace(notes[i], english=f"{notes[i].english} ({labels[i]})")
    return out
