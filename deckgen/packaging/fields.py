"""A Note's fields as HTML: everything that comes from a source is escaped here, and only here."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence

from deckgen.packaging.notetype import FIELDS
from deckgen.records import Example, Note
from deckgen.tones import is_numbered, tone_mark, tone_of

# Anki turns [sound:x.mp3], [anki:tts]…[/anki:tts] and [anki:play:…] in a rendered card
# into sound and speech, wherever they come from. Text from a source is only text:
# the bracket that would open such a tag is written as a character reference.
_ANKI_TAG = re.compile(r"\[(?=\s*/?\s*(?:sound|anki)\s*:)", re.IGNORECASE)


def escape(text: str) -> str:
    """Text from the input as HTML that shows it as written: markup escaped, and
    Anki's sound and speech tags neutralised. Every field from input goes through here."""
    return _ANKI_TAG.sub("&#91;", html.escape(text))


def pinyin_html(syllables: Sequence[str]) -> str:
    return " ".join(
        f'<span class="tone{tone_of(s)}">{escape(tone_mark(s))}</span>' if is_numbered(s)
        else escape(s)  # Latin parts of mixed terms: AI晶片
        for s in syllables
    )


def example_html(example: Example) -> str:
    text = example.text
    zh = (
        escape(text[: example.start])
        + f'<span class="term">{escape(text[example.start:example.end])}</span>'
        + escape(text[example.end :])
    )
    return (
        f'<li><span class="zh">{zh}</span>'
        f'<span class="py">{escape(sentence_pinyin(example.syllables))}</span>'
        f'<span class="src">{escape(example.source)}</span></li>'
    )


_OPENING = set("「『“‘《（(【[")


def sentence_pinyin(syllables) -> str:
    """Syllables spaced, punctuation set as in English: 'bù guò, tóng qī' not 'bù guò , tóng qī'."""
    out = ""
    for s in syllables:
        piece = tone_mark(s.pinyin) if s.pinyin else s.text.strip()
        if not piece:
            continue
        if s.pinyin is None and all(unicodedata.category(c).startswith("P") for c in piece):
            for mark in unicodedata.normalize("NFKC", piece).replace("。", ".").replace("、", ","):
                opens = mark in _OPENING and out and out[-1] not in _OPENING
                out += (" " + mark) if opens else mark
            continue
        joined_to_opening = out[-1:] in _OPENING
        out += piece if not out or joined_to_opening else " " + piece
    return out


def examples_html(examples: Iterable[Example]) -> str:
    items = "".join(example_html(e) for e in examples)
    return f'<ul class="examples">{items}</ul>' if items else ""


def note_fields(note: Note, cards: Sequence[str]) -> list[str]:
    e = escape
    values = {
        "Hanzi": e(note.hanzi),
        "Simplified": e(note.simplified),
        "Traditional": e(note.traditional),
        "Pinyin": pinyin_html(note.pinyin),
        "English": e(note.english),
        "Examples": examples_html(note.examples),
        "Also Written": e(", ".join(note.also_written)),
        "Classifier": e(note.classifier),
        "Chinese Definition": e(note.chinese_definition),
        "HSK": e(note.hsk),
        "Frequency": e(note.frequency),
        "Meaning From": e(note.meaning_from),
        "Source": e(" · ".join(note.sources)),
        "Sound": "",
        "Notes": e(note.notes),
        # Recall asks for the hanzi of a meaning: without a meaning its front would be empty.
        "Add Recall": "y" if "recall" in cards and note.english else "",
        "Add Cloze": "y" if "cloze" in cards and note.examples else "",
    }
    return [values[f] for f in FIELDS]
