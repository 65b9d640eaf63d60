"""The note type: frozen. Never reorder, rename or remove a field or template.

A change to fields or templates makes Anki create "<name>+" and strand every existing
note as "conflicting"; template text and CSS may change, with MODEL_REVISED."""

from __future__ import annotations

MODEL_ID = 1_732_505_417


MODEL_NAME = "deckgen Chinese term"


# The model's modification time. Anki replaces a note type's CSS and template text on
# import only when this is newer than what the collection has: set it to the current
# time whenever CSS or template *text* changes (fields and template names never change).
MODEL_REVISED = 1_795_816_000


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
    "Sound",  # Anki's text-to-speech ([anki:tts lang=zh_CN]…), or a learner's own [sound:…]
    "Notes",  # the deck author's own note
    "Add Recall",  # non-empty: make the recall card; holds its front (masked meaning, silhouette)
    "Add Cloze",  # non-empty: make the cloze card; holds its front (the example with a gap)
)


CARD_TYPES = ("recognition", "recall", "cloze")


# The back, in the order a learner on a phone reads it: the word, its sound and meaning,
# the deck author's point, one example (the rest folded), then where it all came from.
_BACK = """\
<div class="back">
<div class="hanzi" lang="zh">{{Hanzi}}</div>
{{#Pinyin}}<div class="pinyin">{{Pinyin}}</div>{{/Pinyin}}
{{#Sound}}<div class="sound">{{Sound}}</div>{{/Sound}}
{{#English}}<div class="english">{{English}}</div>{{/English}}
{{^English}}<div class="no-meaning">No meaning is known for this term yet. Add one in the deck file,
<code>[terms."<span lang="zh">{{Hanzi}}</span>"] english = "…"</code>, and build the deck again.</div>{{/English}}
{{#Notes}}<div class="notes">{{Notes}}</div>{{/Notes}}
{{#Examples}}<div class="examples-box">{{Examples}}</div>{{/Examples}}
<div class="details">
{{#Also Written}}<div class="also">Also written: {{Also Written}}</div>{{/Also Written}}
{{#Classifier}}<div class="classifier">Classifier: {{Classifier}}</div>{{/Classifier}}
{{#Chinese Definition}}<div class="zhdef">Defined in the text: {{Chinese Definition}}</div>{{/Chinese Definition}}
<div class="meta">{{#HSK}}<span class="hsk">{{HSK}}</span>{{/HSK}}{{#Frequency}}<span class="freq">{{Frequency}}</span>{{/Frequency}}{{^Examples}}{{#Source}}<span class="source">{{Source}}</span>{{/Source}}{{/Examples}}{{#Meaning From}}<span class="meaning-from">Meaning: {{Meaning From}}</span>{{/Meaning From}}</div>
</div>
</div>"""


TEMPLATES = (
    {
        "name": "Recognition",
        "qfmt": '<div class="front recognition"><div class="hanzi" lang="zh">{{Hanzi}}</div></div>',
        "afmt": _BACK,
    },
    {
        "name": "Recall",
        # "Add Recall" holds the meaning with the term masked and one box per character;
        # the reading is behind Anki's hint link, shown only when asked for.
        "qfmt": (
            '{{#Add Recall}}<div class="front recall">{{Add Recall}}'
            '{{#Pinyin}}<div class="pinyin-hint">{{hint:Pinyin}}</div>{{/Pinyin}}'
            '{{#HSK}}<div class="meta">{{HSK}}</div>{{/HSK}}</div>{{/Add Recall}}'
        ),
        "afmt": _BACK,
    },
    {
        "name": "Cloze",
        # "Add Cloze" holds the sentence and its reading with the term cut out.
        "qfmt": '{{#Add Cloze}}<div class="front cloze">{{Add Cloze}}</div>{{/Add Cloze}}',
        "afmt": _BACK,
    },
)


# Small text is #5c5c5c on white (6.7:1) and #a8a8a8 on the night background (6.1:1):
# WCAG's 4.5:1 for text under 24 px. Tone colours are used on the 26 px reading only.
CSS = """\
.card { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
        sans-serif; font-size: 20px; line-height: 1.45; text-align: center; color: #1f1f1f;
        background: #fff; overflow-wrap: anywhere; margin: 0; padding: 12px 14px; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
        "Heiti SC", sans-serif; }
:lang(zh-Hant) { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei",
        "Heiti TC", sans-serif; }
/* The headword is plain text in its field; on a back its script is the note's, which its
   list of examples carries. */
.card:has(ul.examples[lang="zh-Hant"]) .hanzi {
        font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei",
        "Heiti TC", sans-serif; }
/* A long headword breaks between characters, in lines of even length, never off-screen. */
.hanzi { font-size: 56px; line-height: 1.25; margin: 0.15em auto; line-break: anywhere;
         text-wrap: balance; max-width: 100%; }
.front .hanzi { font-size: 64px; margin-top: 0.4em; }
.pinyin { font-size: 26px; }
.sound { margin: 0.2em 0; }
.english { font-size: 20px; margin: 0.4em auto; max-width: 32em; }
.no-meaning { font-size: 16px; color: #5c5c5c; margin: 0.6em auto; max-width: 30em; }
.no-meaning code { font-size: 15px; }
.notes { font-size: 17px; text-align: left; max-width: 36em; margin: 0.6em auto; padding: 0.2em 0.7em;
         border-left: 4px solid #b36b00; background: #fff7e6; }
.examples-box { text-align: left; max-width: 40em; margin: 0.8em auto 0; }
.examples { list-style: none; padding: 0; margin: 0.4em 0; }
.examples li { margin-bottom: 0.6em; }
.zh { font-size: 21px; }
.zh .term { font-weight: bold; }
.py { display: block; font-size: 15px; line-height: 1.35; color: #5c5c5c; }
.src { display: block; font-size: 13px; color: #5c5c5c; }
details.more-examples summary { font-size: 15px; color: #1a56b8; cursor: pointer; margin: 0.2em 0; }
.details { text-align: left; max-width: 40em; margin: 0.8em auto 0; padding-top: 0.5em;
           border-top: 1px solid #ccc; }
.also, .classifier, .zhdef { font-size: 15px; color: #444; margin: 0.25em 0; }
.meta { font-size: 13px; color: #5c5c5c; margin-top: 0.5em; }
.meta > span + span::before { content: " · "; }
/* Recall front: the meaning, the answer's length as boxes, the reading behind a link. */
.silhouette { margin: 0.6em auto; line-height: 1; display: flex; flex-wrap: wrap; justify-content: center;
              gap: 0.3em 0; }
.silhouette .box { display: inline-block; width: 1.1em; height: 1.1em; margin: 0 0.08em;
                   border: 2px dashed #6b6b6b; border-radius: 4px; vertical-align: middle; }
.kind { font-size: 15px; color: #5c5c5c; font-style: italic; }
.pinyin-hint, .pinyin-hint a.hint { font-size: 16px; color: #1a56b8; }
.pinyin-hint div.hint { font-size: 24px; }
/* Cloze front: the sentence with its gap, the reading with its gap, the meaning. */
.cloze-sentence { text-align: left; max-width: 40em; margin: 0.6em auto; }
.gap { display: inline-block; min-width: 2em; border-bottom: 2px solid #6b6b6b; color: transparent; }
.english.hint { font-size: 16px; color: #5c5c5c; }
/* Tone colours (Chinese Support convention): 1 red, 2 orange, 3 green, 4 blue, 5 grey. */
.tone1 { color: #e30000; } .tone2 { color: #d97a00; } .tone3 { color: #1a9e1a; }
.tone4 { color: #1c5fd8; } .tone5 { color: #808080; }
.nightMode.card, .night_mode.card, .nightMode .card, .night_mode .card { color: #ececec; background: #2b2b2b; }
.nightMode .tone1, .night_mode .tone1 { color: #ff6b6b; }
.nightMode .tone2, .night_mode .tone2 { color: #ffb347; }
.nightMode .tone3, .night_mode .tone3 { color: #6bd66b; }
.nightMode .tone4, .night_mode .tone4 { color: #7fb2ff; }
.nightMode .tone5, .night_mode .tone5 { color: #b0b0b0; }
.nightMode .py, .night_mode .py, .nightMode .src, .night_mode .src, .nightMode .meta, .night_mode .meta,
.nightMode .english.hint, .night_mode .english.hint, .nightMode .kind, .night_mode .kind, .nightMode .no-meaning, .night_mode .no-meaning,
.nightMode .also, .night_mode .also, .nightMode .classifier, .night_mode .classifier,
.nightMode .zhdef, .night_mode .zhdef { color: #b8b8b8; }
.nightMode .notes, .night_mode .notes { background: #3a3222; border-left-color: #e0a040; }
.nightMode details.more-examples summary, .night_mode details.more-examples summary,
.nightMode .pinyin-hint, .night_mode .pinyin-hint,
.nightMode .pinyin-hint a.hint, .night_mode .pinyin-hint a.hint { color: #8fb8ff; }
.nightMode .details, .night_mode .details { border-top-color: #555; }
.nightMode .silhouette .box, .night_mode .silhouette .box,
.nightMode .gap, .night_mode .gap { border-color: #b8b8b8; }
@media (max-width: 480px) { .hanzi { font-size: 44px; } .front .hanzi { font-size: 52px; }
                            .card { padding: 8px 10px; } }
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
