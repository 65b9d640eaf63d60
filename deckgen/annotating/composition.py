"""Literal glosses composed from a term's parts, for terms no dictionary knows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from deckgen import script, tables
from deckgen.annotating.senses import concise_senses
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry
from deckgen.memo import once
from deckgen.script import has_han

_PART_SENSES = "part_senses.tsv"


def compose(text: str, readings: Sequence[str] = ()) -> tuple[str, list[str]]:
    """A literal gloss from dictionary words: 新质生产力 -> 'new + character + productive force'.

    Splits into as few dictionary words as possible (Latin runs kept as they are); a
    single character's sense is taken from its entry with the reading it has here
    (纏斗 chan2 dou4: 'to fight', not the dou3 grain measure). Three or more single
    characters are a transliteration or a name (卡奥斯, 荷商艾司摩尔), not parts with
    meanings: no gloss then.
    """
    # Characters only: OpenCC's regional phrase table turns 核心 into 内核 ("kernel").
    pieces = _fewest_pieces(script.to_simplified(text))
    if not pieces or _transliterated(pieces):
        return "", []
    han_readings = [r for r in readings if r[-1:].isdigit()]
    glosses, parts, position = [], [], 0
    for piece in pieces:
        parts.append(piece)
        if not has_han(piece):
            glosses.append(piece)
            continue
        wanted = tuple(han_readings[position:position + len(piece)])
        position += len(piece)
        entries = [e for e in _with_references(dictionary.lookup(piece)) if concise_senses(e, 1)]
        if not entries:
            return "", []
        entries.sort(key=lambda e: (e.pinyin != wanted, e.proper, e.taiwan_only))
        gloss = next((g for g in (_part_gloss(e, head=piece is pieces[-1]) for e in entries) if g), "")
        if not gloss:
            return "", []
        glosses.append(gloss)
    return " + ".join(glosses), parts


_PHONETIC = re.compile(r"phonetic|loanword|transliteration", re.I)


def _transliterated(pieces: list[str]) -> bool:
    """Two or more single characters in a row, one of them a sound-only character in
    CC-CEDICT ('(phonetic)', '(loanword)'): a foreign name like 卡奥斯 or 艾司摩尔,
    whose characters carry no meaning to compose. 小院高墙 has none of them."""
    run: list[str] = []
    for piece in [*pieces, ""]:
        if len(piece) == 1 and has_han(piece):
            run.append(piece)
            continue
        if len(run) >= 2 and any(_PHONETIC.search(s) for c in run for e in dictionary.lookup(c) for s in e.senses):
            return True
        run = []
    return False


def _with_references(entries: tuple[Entry, ...]) -> list[Entry]:
    """Entries, with 'variant of 升[sheng1]' followed to the entry it points to (昇 -> 升)."""
    out = list(entries)
    for e in entries:
        for sense in e.senses:
            m = re.match(r"^(?:old |archaic )?variant of ([^\[|]+)(?:\|([^\[]+))?\[", sense)
            if m:
                out.extend(dictionary.lookup(m.group(2) or m.group(1)))
    return out


def _part_gloss(entry: Entry, head: bool) -> str:
    """One short sense of a part, from its first few (a legal footnote is no gloss).

    The sense the part has inside other words comes first where CC-CEDICT lists
    another first (质 'quality', not 'character'; 出口 'export', not 'an exit'; see
    build_part_senses). A compound's last part is its head, usually a noun: there a
    sense that is not a verb comes first (架构: 'structure', not 'to construct').
    Parts are stems, so a verb is given bare (管制: 'control', not 'to control')."""
    senses = _part_glosses(entry)
    if not senses:
        return ""
    preferred = _part_senses().get((entry.simplified, " ".join(entry.pinyin)))
    if preferred in senses:
        senses.remove(preferred)
        senses.insert(0, preferred)
    if head:
        nouns = [s for s in senses if not s.startswith("to ")]
        if nouns:
            return nouns[0]
    return senses[0].removeprefix("to ")


def _part_glosses(entry: Entry) -> list[str]:
    """Short forms of the first few senses, distinct, that can gloss a part."""
    senses = (_short(s) for s in entry.senses[:4] if dictionary.is_meaning(s))
    return list(dict.fromkeys(s for s in senses if s and s != "?" and len(s.split()) <= 4))


@once
def _part_senses() -> dict[tuple[str, str], str]:
    """(word, numbered reading) -> the sense to give it as a part of a longer word."""
    return {(word, reading): sense for word, reading, sense in tables.read(_PART_SENSES)}


def _short(sense: str) -> str:
    sense = re.sub(r"\([^)]*\)", "", sense).strip()
    sense = re.split(r"[;,]", sense)[0].strip()
    return sense or "?"


def _fewest_pieces(text: str, longest: int = 8) -> list[str]:
    """Dynamic programming over split points: fewest dictionary words covering `text`."""
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        if not has_han(text[i]):
            j = i
            while j < n and not has_han(text[j]):
                j += 1
            piece = text[i:j].strip()
            candidate = best[i] + ([piece] if piece else [])
            if best[j] is None or len(candidate) < len(best[j]):
                best[j] = candidate
            continue
        for j in range(min(n, i + longest), i, -1):
            piece = text[i:j]
            # single characters always qualify: their meaning may sit behind a "variant of" entry
            if j - i == 1 or any(concise_senses(e, 1) for e in dictionary.lookup(piece)):
                candidate = best[i] + [piece]
                if best[j] is None or len(candidate) < len(best[j]):
                    best[j] = candidate
    return best[n] or []
