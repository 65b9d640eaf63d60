"""What a note says about a term besides its meaning: other ways it is written, how
common it is."""

from __future__ import annotations

from deckgen import script
from deckgen.annotating import names
from deckgen.lexicon import cedict, jieba_words
from deckgen.records import Term
from deckgen.script import has_han


def also_written(hanzi: str, term: Term) -> tuple[str, ...]:
    """Other ways the word is written: the other script, and the other region's word."""
    out: list[str] = []
    simplified = script.to_simplified(hanzi)
    # Each region's form of the word itself, both ways round: OpenCC's tables are one-way
    # for some words (Taiwan's 行程 'itinerary' is the mainland's 进程 'process', whose Taiwan
    # form is 程序), and such a form is no other way of writing the word.
    mainland = script.mainland_form(simplified)
    taiwan = script.taiwan_form(simplified)
    if taiwan != script.to_traditional(simplified) and taiwan != hanzi and _written_or_known(taiwan, term):
        out.append(f"{taiwan} (Taiwan)")
    if (mainland != simplified and mainland != hanzi and _known_word(mainland, term)
            and script.to_simplified(script.taiwan_form(mainland)) == simplified):
        out.append(f"{mainland} (mainland)")
    other_script = script.to_traditional(hanzi) if not _is_traditional(hanzi) else simplified
    if other_script != hanzi and not any(o.startswith(other_script + " ") for o in out):
        out.append(f"{other_script} ({'traditional' if not _is_traditional(hanzi) else 'simplified'})")
    for form in term.forms:
        listed = any(o.startswith(form + " ") for o in out)
        if form not in (hanzi, simplified, script.to_traditional(hanzi)) and not listed:
            out.append(f"{form} (in the texts)")
    return tuple(out)


def _written_or_known(form: str, term: Term) -> bool:
    """OpenCC's regional phrase tables rewrite the parts of any word: 循环 is Taiwan's
    迴圈 ('loop' in computing), so 循环经济 would be '迴圈經濟', which nobody writes.
    Another region's form is shown only if the texts write it, or CC-CEDICT or deckgen's
    table of names knows it (輝達, Taiwan's NVIDIA)."""
    return _in_texts(form, term) or cedict.knows(script.to_simplified(form)) or bool(names.name_of(form))


def _in_texts(form: str, term: Term) -> bool:
    return form in term.forms or script.to_simplified(form) in {script.to_simplified(f) for f in term.forms}


def _known_word(form: str, term: Term) -> bool:
    """A mainland form is a true variant only if the texts write it, or the headword is a
    Taiwan word and a dictionary knows the mainland one. OpenCC's Taiwan tables read 核心
    as Taiwan's word for 'kernel' and give 内核, for 核心 'core' and inside compounds too."""
    if _in_texts(form, term):
        return True
    entries = cedict.lookup(term.simplified)
    if entries and not all(e.taiwan_only for e in entries):
        return False
    return bool(cedict.lookup(form))


def frequency_label(term: Term) -> str:
    count = term.count or len(term.occurrences)
    texts = len(term.sources)
    # a law's name may be its title only: no sentence of the text uses it
    here = f"{count}× in {texts} text{'s' if texts != 1 else ''}" if texts else "the title of the text"
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

