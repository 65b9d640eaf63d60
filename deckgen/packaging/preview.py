"""A built deck's cards as Anki will show them, on one HTML page, before importing.

The note type's own templates and CSS (notetype.py) are rendered with chevron, the
mustache implementation genanki depends on, with Anki's rules on top: field values
are inserted as HTML (Anki does not escape them), `{{FrontSide}}` is the rendered
front, field filters Anki knows are applied, and a card whose front renders empty
is not made (that is how the optional cards of a note are switched on).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from deckgen.packaging.exports import DeckRow
from deckgen.packaging.notetype import CSS, TEMPLATES

_TAG = re.compile(r"\{\{([^#/^!{}][^{}]*)\}\}")
_HTML = re.compile(r"<[^>]*>")


def _filtered(value: str, filters: list[str], field: str) -> str:
    for name in reversed(filters):  # {{a:b:Field}} applies b first, then a
        if name == "text":
            value = html.unescape(_HTML.sub("", value))
        elif name == "hint" and value:
            # As Anki draws it: a link named after the field, which shows the value.
            value = (f'<a class="hint" href="#" onclick="this.nextElementSibling.style.display=\'block\';'
                     f'this.style.display=\'none\';return false;">{html.escape(field)}</a>'
                     f'<div class="hint" style="display: none">{value}</div>')
        # furigana/kana/kanji, tts and type are not used by deckgen's templates; shown as they are
    return value


# Anki plays these (its own text-to-speech, or a sound file) with a button in place of the tag.
_PLAYED = re.compile(r"\[anki:tts[^\]]*\].*?\[/anki:tts\]|\[sound:[^\]]*\]", re.S)
SPEAKER = '<span class="played" title="Anki plays this aloud">🔊</span>'


def _with_speakers(rendered: str) -> str:
    return _PLAYED.sub(SPEAKER, rendered)


def render(template: str, fields: dict[str, str], front: str = "") -> str:
    """One side of a card, the way Anki renders `template` with these fields."""
    import chevron

    data = dict(fields)
    data["FrontSide"] = front

    def unescaped(match: re.Match) -> str:
        name = match.group(1).strip()
        if ":" in name:
            *filters, field = name.split(":")
            key = f"\x00{len(data)}"
            data[key] = _filtered(data.get(field.strip(), ""), [f.strip() for f in filters], field.strip())
            return "{{{" + key + "}}}"
        return "{{{" + name + "}}}"

    return _with_speakers(chevron.render(_TAG.sub(unescaped, template), data))


def _is_empty(rendered: str) -> bool:
    return not html.unescape(_HTML.sub("", rendered)).strip()


def cards_of(row: DeckRow) -> list[tuple[str, str, str]]:
    """(template name, front, back) of each card Anki makes of this note."""
    cards = []
    for template in TEMPLATES:
        front = render(template["qfmt"], row.fields)
        if _is_empty(front):
            continue
        cards.append((template["name"], front, render(template["afmt"], row.fields, front)))
    return cards


_PAGE_CSS = """\
body { margin: 0; background: #eee; font-family: sans-serif; }
header.deck { padding: 12px 20px; background: #333; color: #fff; position: sticky; top: 0; z-index: 1; }
header.deck h1 { font-size: 18px; margin: 0; } header.deck p { margin: 4px 0 0; font-size: 13px; color: #ccc; }
.preview-card { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 16px; padding: 10px;
                background: #fafafa; border: 1px solid #ccc; border-radius: 6px; }
.preview-card > h2 { grid-column: 1 / -1; font-size: 13px; margin: 0; color: #555; font-weight: normal; }
.face { border: 1px solid #ddd; border-radius: 4px; background: #fff; min-height: 120px; }
.face > .label { font-size: 11px; color: #888; padding: 4px 8px; border-bottom: 1px solid #eee; }
.face > .card { padding: 16px; }
@media (max-width: 700px) { .preview-card { grid-template-columns: 1fr; } }
"""


def preview_html(deck_name: str, rows: Sequence[DeckRow]) -> str:
    e = html.escape
    body = []
    count = 0
    for number, row in enumerate(rows, 1):
        for name, front, back in cards_of(row):
            count += 1
            index = next(i for i, t in enumerate(TEMPLATES, 1) if t["name"] == name)
            body.append(
                f'<article class="preview-card" data-note="{number}" data-template="{e(name)}">'
                f"<h2>Note {number}: {e(row.hanzi)} — {e(name)} card</h2>"
                f'<div class="face front-face"><div class="label">Front</div>'
                f'<div class="card card{index}">{front}</div></div>'
                f'<div class="face back-face"><div class="label">Back</div>'
                f'<div class="card card{index}">{back}</div></div></article>')
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(deck_name)} — preview</title>",
        f"<style>\n{_PAGE_CSS}</style>",
        f"<style>\n{CSS}</style></head><body>",
        f'<header class="deck"><h1>{e(deck_name)}</h1><p>{len(rows)} notes, {count} cards, '
        "as Anki will show them (same templates and styling)</p></header>",
        *body,
        "</body></html>\n",
    ])
