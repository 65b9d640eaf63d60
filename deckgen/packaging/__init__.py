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

import html
import re
from collections.abc import Sequence

from deckgen.packaging.apkg import (
    DeckPackage,
    PackagedNote,
    read_build_key,
    read_previous,
    write_package,
)
from deckgen.packaging.exports import EXPORT_FORMATS, SUFFIXES, DeckRow, pleco_text, read_deck, table_text, write_text
from deckgen.packaging.fields import NEEDS_MEANING_TAG, note_fields
from deckgen.packaging.handout import handout_html
from deckgen.packaging.notetype import CARD_TYPES, FIELDS, MODEL_ID, MODEL_REVISED
from deckgen.packaging.preview import preview_html
from deckgen.records import Note

__all__ = [
    "CARD_TYPES",
    "EXPORT_FORMATS",
    "SUFFIXES",
    "DeckRow",
    "handout_html",
    "pleco_text",
    "preview_html",
    "read_deck",
    "table_text",
    "write_text",
    "FIELDS",
    "MODEL_ID",
    "MODEL_REVISED",
    "DeckPackage",
    "PackagedNote",
    "diff",
    "note_fields",
    "note_guid",
    "package_notes",
    "read_build_key",
    "read_previous",
    "tag_safe",
    "write_package",
]


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


def package_notes(notes: Sequence[Note], slug: str, cards: Sequence[str],
                  tags: Sequence[str], previous: dict[str, PackagedNote], now: int,
                  tts: bool = True) -> list[PackagedNote]:
    packaged = []
    for note in notes:
        guid = note_guid(slug, note)
        fields = tuple(note_fields(note, cards, tts=tts))
        # A note without a meaning is found in Anki's browser by this tag, to be given one.
        needs = (NEEDS_MEANING_TAG,) if not note.english else ()
        note_tags = tuple(sorted({*tags, f"deckgen::{tag_safe(slug)}", *needs,
                                  *(f"source::{tag_safe(s)}" for s in note.sources)}))
        before = previous.get(guid)
        if before is not None and before.fields == fields and before.tags == note_tags:
            mod = before.mod  # unchanged: Anki must leave this note (and the learner's edits) alone
        else:
            mod = max(now, before.mod + 1) if before is not None else now
        packaged.append(PackagedNote(guid, fields, note_tags, mod))
    return packaged


def diff(previous: dict[str, PackagedNote], packaged: Sequence[PackagedNote]) -> tuple[list, list, list, int]:
    def name(n: PackagedNote) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", n.fields[0]))  # the headword, without its lang span

    current = {n.guid: n for n in packaged}
    added = [name(n) for n in packaged if n.guid not in previous]
    changed = [name(n) for n in packaged if n.guid in previous and previous[n.guid].mod != n.mod]
    dropped = [name(n) for g, n in previous.items() if g not in current]
    unchanged = len(packaged) - len(added) - len(changed)
    return added, changed, dropped, unchanged
