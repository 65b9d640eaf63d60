"""Packaging: Notes -> an .apkg file that the real Anki imports and updates cleanly.

Three things here are a public contract with every learner who has imported a deck
(see docs on Anki's importer in the README):
- the note type's id, fields and templates (a change makes Anki create "<name>+" and
  strand every existing note as "conflicting");
- note GUIDs, made from identifying values only, so corrections update notes in place;
- per-note modification times: unchanged notes keep their previous time, so a
  re-import leaves them (and the learner's own edits to them) alone.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import OutputError
from deckgen.records import Example, Note

# --- The note type: frozen. Never reorder, rename or remove a field or template. ---

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


# --- Field rendering: everything from a source is escaped here, and only here. ---


_NUMBERED = re.compile(r"^[a-zv]+[1-5]$")


def tone_of(syllable: str) -> int:
    return int(syllable[-1]) if syllable and syllable[-1] in "12345" else 5


def pinyin_html(syllables: Sequence[str]) -> str:
    from deckgen.pinyin import tone_mark

    return " ".join(
        f'<span class="tone{tone_of(s)}">{html.escape(tone_mark(s))}</span>' if _NUMBERED.match(s)
        else html.escape(s)  # Latin parts of mixed terms: AI晶片
        for s in syllables
    )


def example_html(example: Example) -> str:
    text = example.text
    zh = (
        html.escape(text[: example.start])
        + f'<span class="term">{html.escape(text[example.start:example.end])}</span>'
        + html.escape(text[example.end :])
    )
    return (
        f'<li><span class="zh">{zh}</span>'
        f'<span class="py">{html.escape(sentence_pinyin(example.syllables))}</span>'
        f'<span class="src">{html.escape(example.source)}</span></li>'
    )


_OPENING = set("「『“‘《（(【[")


def sentence_pinyin(syllables) -> str:
    """Syllables spaced, punctuation set as in English: 'bù guò, tóng qī' not 'bù guò , tóng qī'."""
    from deckgen.pinyin import tone_mark

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
    e = html.escape
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


def note_guid(deck_slug: str, note: Note) -> str:
    """Identity of a note: its deck and `Note.identity` (the term's simplified, mainland
    form and, for homographs, the reading).

    Never built from fields a user may correct (pinyin, English), so a correction
    updates the note instead of duplicating it.
    """
    import genanki

    return genanki.guid_for("deckgen", deck_slug, note.identity or note.simplified)


def tag_safe(text: str) -> str:
    """Anki tags cannot hold spaces; keep them readable otherwise."""
    return "_".join(text.split())


# --- Packages ---


@dataclass(frozen=True)
class PackagedNote:
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int  # seconds since the epoch


@dataclass(frozen=True)
class DeckPackage:
    """Everything written into one .apkg, in order."""

    deck_name: str
    description: str
    notes: tuple[PackagedNote, ...]
    build_key: str  # stored in the zip comment: equal keys mean nothing to rebuild


def deck_id(deck_name: str) -> int:
    digest = hashlib.sha256(("deckgen deck:" + deck_name).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def read_previous(path: Path) -> dict[str, PackagedNote]:
    """The notes of an earlier build of this deck (empty if there is none or it is unreadable)."""
    try:
        with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
            z.extract("collection.anki2", tmp)
            con = sqlite3.connect(os.path.join(tmp, "collection.anki2"))
            try:
                rows = con.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
            finally:
                con.close()
    except (OSError, zipfile.BadZipFile, KeyError, sqlite3.Error):
        return {}
    return {
        guid: PackagedNote(guid, tuple(flds.split("\x1f")), tuple(tags.split()), int(mod))
        for guid, flds, tags, mod in rows
    }


def read_build_key(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            comment = z.comment.decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile):
        return None
    prefix = "deckgen-build-key:"
    return comment[len(prefix) :] if comment.startswith(prefix) else None


def write_package(package: DeckPackage, path: Path) -> None:
    """Write the deck atomically: a failed or interrupted write leaves `path` untouched.

    The output is byte-for-byte a function of `package`: fixed timestamps in the
    database and in the zip, so an unchanged deck rebuilds to identical bytes.
    """
    import genanki

    model = _model()

    class _Note(genanki.Note):
        def __init__(self, mod: int, **kwargs):
            super().__init__(**kwargs)
            self.mod = mod

        def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # noqa: ARG002
            # genanki stamps every note with the package time; Anki then updates
            # every note on re-import. Each note carries its own time instead.
            super().write_to_db(cursor, self.mod, deck_id, id_gen)

    deck = genanki.Deck(deck_id(package.deck_name), package.deck_name, package.description)
    for n in package.notes:
        deck.add_note(_Note(n.mod, model=model, fields=list(n.fields), guid=n.guid, tags=list(n.tags)))
    timestamp = max((n.mod for n in package.notes), default=MODEL_REVISED)

    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder for the deck: {exc.strerror}", path,
                          hint="choose another output with -o/--output") from None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write in this folder: {exc.strerror or exc}", path,
                          hint="choose another output with -o/--output") from None
    db_fd, db_name = tempfile.mkstemp(suffix=".anki2")
    os.close(db_fd)
    try:
        con = sqlite3.connect(db_name)
        # A scratch file, zipped and then deleted: syncing it to disk after each of
        # genanki's statements cost about 0.03 s a deck and protected nothing (the
        # finished zip is synced below). The database's bytes are the same.
        try:
            con.execute("PRAGMA synchronous = OFF")
            import itertools

            genanki.Package(deck).write_to_db(con.cursor(), timestamp, itertools.count(int(timestamp) * 1000))
            con.commit()
        finally:
            con.close()
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as z:
            z.comment = ("deckgen-build-key:" + package.build_key).encode()
            _add(z, "collection.anki2", Path(db_name).read_bytes())
            _add(z, "media", b"{}")
        with open(tmp_name, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
        os.replace(tmp_name, path)
    except OSError as exc:
        raise OutputError(f"cannot write the deck: {exc.strerror or exc}", path,
                          hint="check the folder's permissions and free space, or choose -o/--output") from None
    finally:
        for leftover in (tmp_name, db_name):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _add(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)
