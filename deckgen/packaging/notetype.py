"""The note type: frozen. Never reorder, rename or remove a field or template.

A change to fields or templates makes Anki create "<name>+" and strand every existing
note as "conflicting"; template text and CSS may change, with MODEL_REVISED."""

from __future__ import annotations

MODEL_ID = 1_732_505_417


MODEL_NAME = "deckgen Chinese term"


# The model's modification time. Anki replaces a note type's CSS and template text on
# import only when this is newer than what the collection has: set it to the current
# time whenever CSS or template *text* changes (fields and template names never change).
MODEL_REVISED = 1_795_392_001


FIELDS = (
    "Hanzi",  # headword in the deck's script
    "Simplified",
    "Traditional",
    "Pinyin",  # tone-marked syllables, each in <span class="toneN">
    "English",
    "Examples",  # <ul class="examples"><li> per sentence: .zh (term in .term), .py, .src
    "Also Written",  # regional and script variants
    "Classifier",
    "Chinese Definition",  # from the text itself, where it defines the term
    "HSK",
    "Frequency",
    "Meaning From",  # where English came from: CC-CEDICT, the text, composed from parts
    "Source",
    "Sound",  # reserved: [sound:…] when audio is added
    "Notes",  # the deck author's own note
    "Add Recall",  # non-empty: make the recall card (meaning -> hanzi)
    "Add Cloze",  # non-empty: make the cloze card (example with the term hidden)
)


CARD_TYPES = ("recognition", "recall", "cloze")


_DETAILS = """\
<div class="details">
{{#Also Written}}<div class="also">Also written: {{Also Written}}</div>{{/Also Written}}
{{#Classifier}}<div class="classifier">Classifier: {{Classifier}}</div>{{/Classifier}}
{{#Chinese Definition}}<div class="zhdef">Defined in the text: {{Chinese Definition}}</div>{{/Chinese Definition}}
{{#Examples}}<div class="examples-box">{{Examples}}</div>{{/Examples}}
{{#Notes}}<div class="notes">Note: {{Notes}}</div>{{/Notes}}
<div class="meta">{{#HSK}}<span class="hsk">{{HSK}}</span>{{/HSK}}{{#Frequency}}<span class="freq">{{Frequency}}</span>{{/Frequency}}{{#Source}}<span class="source">{{Source}}</span>{{/Source}}</div>
{{#Meaning From}}<div class="meaning-from">Meaning: {{Meaning From}}</div>{{/Meaning From}}
</div>"""


_HEAD = """\
<div class="hanzi">{{Hanzi}}</div>
{{#Pinyin}}<div class="pinyin">{{Pinyin}}</div>{{/Pinyin}}
{{#Sound}}<div class="sound">{{Sound}}</div>{{/Sound}}
<div class="english">{{English}}</div>"""


TEMPLATES = (
    {
        "name": "Recognition",
        "qfmt": '<div class="front recognition"><div class="hanzi">{{Hanzi}}</div></div>',
        "afmt": '<div class="back">\n' + _HEAD + "\n" + _DETAILS + "\n</div>",
    },
    {
        "name": "Recall",
        "qfmt": (
            '{{#Add Recall}}<div class="front recall"><div class="english">{{English}}</div>'
            '{{#HSK}}<div class="meta">{{HSK}}</div>{{/HSK}}</div>{{/Add Recall}}'
        ),
        "afmt": '<div class="back">\n' + _HEAD + "\n" + _DETAILS + "\n</div>",
    },
    {
        "name": "Cloze",
        "qfmt": (
            '{{#Add Cloze}}<div class="front cloze"><div class="examples-box">{{Examples}}</div>'
            '<div class="english hint">{{English}}</div></div>{{/Add Cloze}}'
        ),
        "afmt": '<div class="back">\n' + _HEAD + "\n" + _DETAILS + "\n</div>",
    },
)


CSS = """\
.card { font-family: "Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei",
        sans-serif; font-size: 20px; line-height: 1.45; text-align: center; color: #222;
        background: #fff; overflow-wrap: anywhere; }
.hanzi { font-size: 56px; line-height: 1.25; margin: 0.2em 0; }
.front .hanzi { font-size: 64px; margin-top: 0.4em; }
.pinyin { font-size: 26px; }
.english { font-size: 20px; margin: 0.4em auto; max-width: 32em; }
.english.hint { font-size: 16px; color: #666; }
.details { text-align: left; max-width: 40em; margin: 1em auto 0; padding-top: 0.6em;
           border-top: 1px solid #ddd; }
.also, .classifier, .zhdef, .notes { font-size: 16px; color: #444; margin: 0.3em 0; }
.notes { border-left: 3px solid #ccc; padding-left: 0.6em; }
.examples { padding-left: 1.2em; margin: 0.6em 0; }
.examples li { margin-bottom: 0.7em; }
.zh { font-size: 22px; }
.zh .term { font-weight: bold; color: #000; }
.py { display: block; font-size: 15px; line-height: 1.35; color: #555; }
.src { display: block; font-size: 12px; color: #888; }
.meta, .meaning-from { font-size: 13px; color: #777; margin-top: 0.6em; word-break: keep-all; }
.meta > span + span::before { content: " · "; }
/* Cloze front: the sentences read left to right like the back; the term is hidden and the
   sentence readings, which would give it away, too. */
.front.cloze .examples-box { text-align: left; max-width: 40em; margin: 0.4em auto; }
.front.cloze .zh .term { color: transparent; border-bottom: 2px solid #888; }
.front.cloze .py { display: none; }
/* Tone colours (Chinese Support convention): 1 red, 2 orange, 3 green, 4 blue, 5 grey. */
.tone1 { color: #e30000; } .tone2 { color: #d97a00; } .tone3 { color: #1a9e1a; }
.tone4 { color: #1c5fd8; } .tone5 { color: #888888; }
.nightMode .card, .night_mode .card, .card.nightMode, .card.night_mode { color: #eee; background: #2b2b2b; }
.nightMode .tone1, .night_mode .tone1 { color: #ff6b6b; }
.nightMode .tone2, .night_mode .tone2 { color: #ffb347; }
.nightMode .tone3, .night_mode .tone3 { color: #6bd66b; }
.nightMode .tone4, .night_mode .tone4 { color: #7fb2ff; }
.nightMode .tone5, .night_mode .tone5 { color: #b0b0b0; }
.nightMode .zh .term, .night_mode .zh .term { color: #fff; }
.nightMode .py, .night_mode .py, .nightMode .english.hint, .night_mode .english.hint { color: #aaa; }
.nightMode .also, .night_mode .also, .nightMode .classifier, .night_mode .classifier,
.nightMode .zhdef, .night_mode .zhdef, .nightMode .notes, .night_mode .notes { color: #ccc; }
.nightMode .src, .night_mode .src, .nightMode .meta, .night_mode .meta,
.nightMode .meaning-from, .night_mode .meaning-from { color: #999; }
.nightMode .details, .night_mode .details { border-top-color: #555; }
.nightMode .notes, .night_mode .notes { border-left-color: #666; }
.nightMode .front.cloze .zh .term, .night_mode .front.cloze .zh .term { color: transparent; border-bottom-color: #aaa; }
@media (max-width: 480px) { .hanzi { font-size: 48px; } .front .hanzi { font-size: 56px; } }
"""


def _model():
    import genanki

    class _Model(genanki.Model):
        def to_json(self, timestamp: float, deck_id):  # noqa: ARG002 - genanki's signature
            # A constant time: a rebuild must not make Anki think the note type changed.
            return super().to_json(MODEL_REVISED, deck_id)

    return _Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": f} for f in FIELDS],
        templates=[dict(t) for t in TEMPLATES],
        css=CSS,
        sort_field_index=0,
    )
