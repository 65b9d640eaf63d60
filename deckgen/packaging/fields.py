"""A Note's fields as HTML: everything that comes from a source is escaped here, and only here.

Two fields that only switch a card on carry that card's front: "Add Recall" holds the
meaning with the term masked and the term's silhouette, "Add Cloze" the example with the
term cut out. The answer is then absent from those fronts' HTML, not merely hidden by CSS
(Anki's browser and screen readers show a front's text as it is)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence

from deckgen import script
from deckgen.memo import memo
from deckgen.packaging.notetype import FIELDS
from deckgen.records import Example, Note, Syllable
from deckgen.script import HAN_RANGES, has_han
from deckgen.tones import is_numbered, tone_mark, tone_of

# Shown in a gap and in the gap's reading: long enough to see, the same for every term.
GAP = "＿＿"
PINYIN_GAP = "___"
_GAP_WORD = "GAPGAPGAP"
MASK = "～"  # the term where the meaning names it: "artificial intelligence (～)"

NEEDS_MEANING_TAG = "deckgen::needs-meaning"


# Anki turns [sound:x.mp3], [anki:tts]…[/anki:tts] and [anki:play:…] in a rendered card
# into sound and speech, wherever they come from. Text from a source is only text:
# the bracket that would open such a tag is written as a character reference.
_ANKI_TAG = re.compile(r"\[(?=\s*/?\s*(?:sound|anki)\s*:)", re.IGNORECASE)


def escape(text: str) -> str:
    """Text from the input as HTML that shows it as written: markup escaped, and
    Anki's sound and speech tags neutralised. Every field from input goes through here."""
    return _ANKI_TAG.sub("&#91;", html.escape(text))


def lang_of(note: Note) -> str:
    """The BCP 47 tag of the note's Chinese: a Traditional text drawn with mainland glyph
    shapes (and the other way round) looks wrong to a reader of either."""
    sample = note.hanzi if note.hanzi != script.to_simplified(note.hanzi) or not note.examples \
        else note.hanzi + "".join(e.text for e in note.examples)
    return "zh-Hant" if has_han(sample) and script.detect_script(sample) is script.Script.TRADITIONAL \
        else "zh-Hans"


def pinyin_html(syllables: Sequence[str]) -> str:
    """Each syllable in its tone's colour; the erhua 儿 run into the syllable before it."""
    parts: list[str] = []
    for s in syllables:
        html_of = (f'<span class="tone{tone_of(s)}">{escape(tone_mark(s))}</span>' if is_numbered(s)
                   else escape(s))  # Latin parts of mixed terms: AI晶片
        if s == "r5" and parts:
            parts[-1] += html_of
        else:
            parts.append(html_of)
    return " ".join(parts)


@memo(65536)
def _lang_of_text(text: str, default: str) -> str:
    """zh-Hant or zh-Hans by which conversion changes the text more; `default` (the
    note's) for text the same in both scripts."""
    traditional = sum(a != b for a, b in zip(text, script.to_simplified(text)))
    simplified = sum(a != b for a, b in zip(text, script.to_traditional(text)))
    if traditional == simplified:
        return default
    return "zh-Hant" if traditional > simplified else "zh-Hans"


_HAN_RUN = re.compile(f"[{HAN_RANGES}][{HAN_RANGES}\\s·、，（）()0-9]*")


def _chinese_of_run(run: str) -> str:
    """A run of Chinese without the brackets of the English around it: '长照 (simplified)'
    opens one after it, '(行为 + 能力)' closes one after 能力."""
    piece = run.rstrip(" \t\n·、，(（")
    while piece.endswith((")", "）")) and piece.count(")") + piece.count("）") > piece.count("(") + piece.count("（"):
        piece = piece[:-1].rstrip(" \t\n·、，")
    return piece


def mixed_html(text: str, lang: str = "zh-Hans") -> str:
    """Escaped text with each run of Chinese in it marked as such ("CC-CEDICT, as 台积电"),
    so that it is drawn with the glyph shapes of its script."""
    out, done = [], 0
    for run in _HAN_RUN.finditer(text):
        piece = _chinese_of_run(run.group())
        out.append(escape(text[done:run.start()]))
        out.append(f'<span lang="{_lang_of_text(piece, lang)}">{escape(piece)}</span>')
        done = run.start() + len(piece)
    out.append(escape(text[done:]))
    return "".join(out)


def example_html(example: Example, lang: str = "zh-Hans") -> str:
    """One example; its own lang, since a deck without a script quotes each text as written."""
    text = example.text
    zh = (
        escape(text[: example.start])
        + f'<span class="term">{escape(text[example.start:example.end])}</span>'
        + escape(text[example.end :])
    )
    return (
        f'<li><span class="zh"><span lang="{_lang_of_text(text, lang)}">{zh}</span></span>'
        f'<span class="py">{escape(sentence_pinyin(example.syllables))}</span>'
        f'<span class="src">{mixed_html(example.source, lang)}</span></li>'
    )


_OPENING = set("「『“‘《（(【[")


def sentence_pinyin(syllables) -> str:
    """Syllables spaced, punctuation set as in English: 'bù guò, tóng qī' not 'bù guò , tóng qī'."""
    out = ""
    for s in syllables:
        if s.pinyin:
            pieces = [tone_mark(s.pinyin)]
        else:  # text between the syllables: '：Photosynthesis）' is ':', 'Photosynthesis', ')'
            plain = unicodedata.normalize("NFKC", s.text.strip()).replace("。", ".").replace("、", ",")
            pieces = _WORD_OR_MARK.findall(plain)
        for piece in pieces:
            if all(unicodedata.category(c).startswith("P") for c in piece):
                for mark in piece:
                    opens = mark in _OPENING and out and out[-1] not in _OPENING
                    out += (" " + mark) if opens else mark
                continue
            joined = out[-1:] in _OPENING or (s.pinyin == "r5" and out[-1:].isalpha())  # erhua: yī huìr
            out += piece if not out or joined else " " + piece
    return out


# A word with the marks inside it (U.S., COVID-19, 3.5%, C++), else a single mark.
_WORD_OR_MARK = re.compile(r"[\w+#&°]+(?:[.\-'’/:,][\w+#&°]+)*%?|\S")


def examples_html(examples: Iterable[Example], lang: str = "zh-Hans") -> str:
    """The first example in full view; the others folded, so a phone shows the back
    without scrolling past them."""
    items = [example_html(e, lang) for e in examples]
    if not items:
        return ""
    more = ""
    if len(items) > 1:
        label = f"{len(items) - 1} more example{'s' if len(items) > 2 else ''}"
        more = (f'<details class="more-examples"><summary>{label}</summary>'
                f'<ul class="examples" lang="{lang}">{"".join(items[1:])}</ul></details>')
    return f'<ul class="examples" lang="{lang}">{items[0]}</ul>{more}'


def term_forms(note: Note) -> tuple[str, ...]:
    """Every way the note's term is written: the headword, both scripts, the variants."""
    forms = [note.hanzi, note.simplified, note.traditional]
    for written in note.also_written:
        forms.append(written.split(" (")[0].strip())
    return tuple(sorted({f for f in forms if f}, key=len, reverse=True))


def _spans(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping spans of any form in text, longest form first at each place."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        for form in forms:
            if text.startswith(form, i):
                spans.append((i, i + len(form)))
                i += len(form)
                break
        else:
            i += 1
    return spans


def cloze_example(note: Note) -> Example | None:
    """The example to gap: one where the term occurs once, else the first (every
    occurrence is gapped either way)."""
    if not note.examples:
        return None
    forms = term_forms(note)
    once = [e for e in note.examples if len(_spans(e.text, forms)) == 1]
    return (once or list(note.examples))[0]


def cloze_html(note: Note, example: Example, lang: str) -> str:
    """The sentence and its reading with every written form of the term cut out."""
    forms = term_forms(note)
    spans = _spans(example.text, forms) or [(example.start, example.end)]
    text = example.text
    zh, done = "", 0
    for start, end in spans:
        zh += escape(text[done:start]) + f'<span class="gap">{GAP}</span>'
        done = end
    zh += escape(text[done:])
    # The reading: drop the syllables inside a gap, put one gap in their place.
    kept: list[Syllable | _Gap] = []
    offset = 0
    gapped: set[int] = set()
    for s in example.syllables:
        start, offset = offset, offset + len(s.text)
        hit = next((k for k, (a, b) in enumerate(spans) if start < b and offset > a), None)
        if hit is None:
            kept.append(s)
        elif hit not in gapped:
            gapped.add(hit)
            kept.append(_Gap(_GAP_WORD, None))
    # Spaced as a word (a run of underscores alone would be joined like punctuation).
    reading = sentence_pinyin(kept).replace(_GAP_WORD, PINYIN_GAP)
    lang = _lang_of_text(text, lang)
    return (f'<div class="cloze-sentence" lang="{lang}"><span class="zh">{zh}</span>'
            f'<span class="py">{escape(reading)}</span></div>')


class _Gap:
    """A stand-in syllable: sentence_pinyin spaces it like a word."""

    def __init__(self, text: str, pinyin: str | None):
        self.text = text
        self.pinyin = pinyin


def masked(text: str, note: Note) -> str:
    """`text` with every form of the term replaced by MASK: a meaning may name the term
    ("artificial intelligence (AI)"), and the front that asks for it must not."""
    for form in term_forms(note):
        if form.isascii():
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", MASK, text)
        else:
            text = text.replace(form, MASK)
    return text


def kind_label(note: Note) -> str:
    """What kind of word the answer is, where one meaning has several: an acronym (CPI
    beside 消费者物价指数), a Taiwan word (晶片 beside 芯片), a mainland word. Said of
    every such note, not only of pairs in one deck, so that it never changes with the
    rest of the deck (a re-import then updates only the notes that changed)."""
    if not has_han(note.hanzi):
        return "acronym" if note.hanzi.isupper() else ""
    # Annotating has listed the other region's word, if it knows one.
    if any(w.endswith("(mainland)") for w in note.also_written):
        return "Taiwan usage"
    if any(w.endswith("(Taiwan)") for w in note.also_written):
        return "mainland usage"
    return ""


def recall_front(note: Note) -> str:
    """The meaning to recall from, what kind of word is asked for, and how long the
    answer is: one box per character."""
    boxes = "".join('<span class="box"></span>' for _ in note.hanzi if not _.isspace())
    kind = kind_label(note)
    label = f'<div class="kind">{kind}</div>' if kind else ""
    return (f'<div class="english">{mixed_html(masked(note.english, note), lang_of(note))}</div>{label}'
            f'<div class="silhouette" title="{len(note.hanzi)} characters">{boxes}</div>')


def cloze_front(note: Note, lang: str) -> str:
    example = cloze_example(note)
    if example is None:
        return ""
    hint = f'<div class="english hint">{mixed_html(masked(note.english, note), lang)}</div>'
    return cloze_html(note, example, lang) + hint


def tts_tag(note: Note, lang: str) -> str:
    """Anki's own text-to-speech as a field directive: offline on desktop and phones,
    no audio shipped. A learner's own [sound:…] in the field takes its place."""
    if not has_han(note.hanzi):
        return ""
    voice = "zh_TW" if lang == "zh-Hant" else "zh_CN"
    return f"[anki:tts lang={voice}]{escape(note.hanzi)}[/anki:tts]"


def note_fields(note: Note, cards: Sequence[str], *, tts: bool = True) -> list[str]:
    e = escape
    lang = lang_of(note)

    def zh(text: str) -> str:
        return f'<span lang="{lang}">{e(text)}</span>' if text else ""

    values = {
        # Plain text: the sort field, and what tools and the deck's author read back.
        "Hanzi": e(note.hanzi),
        "Simplified": e(note.simplified),
        "Traditional": e(note.traditional),
        "Pinyin": pinyin_html(note.pinyin),
        "English": mixed_html(note.english, lang),
        "Examples": examples_html(note.examples, lang),
        "Also Written": ", ".join(mixed_html(w, lang) for w in note.also_written),
        "Classifier": zh(note.classifier),
        "Chinese Definition": zh(note.chinese_definition),
        "HSK": e(note.hsk),
        "Frequency": e(note.frequency),
        "Meaning From": mixed_html(note.meaning_from, lang),
        "Source": mixed_html(" · ".join(note.sources), lang),
        "Sound": tts_tag(note, lang) if tts else "",
        "Notes": mixed_html(note.notes, lang),
        # Without a meaning there is nothing to recall from, and a cloze's only hint is gone.
        "Add Recall": recall_front(note) if "recall" in cards and note.english else "",
        "Add Cloze": cloze_front(note, lang) if "cloze" in cards and note.english else "",
    }
    return [values[f] for f in FIELDS]
