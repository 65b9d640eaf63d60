"""Text damaged on its way to us (GBK with a byte lost), found and, where the repair is
confident, restored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from deckgen.memo import memo
from deckgen.reading.normalising import normalise
from deckgen.reading.plausibility import (
    _character_frequency,
    _plausibility,
    _weighs_in,
    _word_frequency,
)
from deckgen.records import DamagedSpan
from deckgen.script import is_han

_DAMAGE_MARKERS = frozenset("?？\ufffd")
_DAMAGE_MARKER = re.compile("[?？\ufffd]")


# A repair must read like running Chinese (mean log frequency) ...
_PLAUSIBLE = 4.0


# ... and beat the text as found by this much.
_MARGIN = 1.0


# Text glued to a marker that scores below this is damage even when it cannot be repaired.
_IMPLAUSIBLE = 2.8


_MIN_SCORED = 3


# The character whose lead byte was lost is known only by its trail byte. These
# punctuation marks are the likely ones, and their trail bytes tell them apart.
_PUNCTUATION_BY_TRAIL = {
    0xA3: "。",
    0xAC: "，",
    0xA2: "、",
    0xBB: "；",
    0xBA: "：",
    0xBF: "？",
    0xA1: "！",
    0xB0: "“",
    0xB1: "”",
}


# Guessing a lost final byte: the best candidate must form a dictionary word with
# the character before it this often, and that often more than the runner-up.
_MIN_GUESS_WORD_FREQUENCY = 100


_GUESS_LEAD = 2.0


# A restored text holding a Han character rarer than this is not trusted.
_RARE_IN_REPAIR = 30


_GBK_TRAIL_BYTES = tuple(range(0x40, 0x7F)) + tuple(range(0x80, 0xFF))


@dataclass(frozen=True)
class _Damage:
    start: int  # offsets into the text
    end: int
    span: DamagedSpan
    probable: str | None  # what the restorable part reads, when the whole is not confident


def find_damage(text: str) -> tuple[DamagedSpan, ...]:
    """The damaged spans of a (normalised) text, in order, with confident repairs."""
    return tuple(found.span for found in _locate_damage(text))


def _locate_damage(text: str) -> list[_Damage]:
    found: list[_Damage] = []
    line, line_start, counted_to = 1, 0, 0
    index = 0
    while (marker := _DAMAGE_MARKER.search(text, index)) is not None:
        index = marker.start()
        candidate = _damage_at(text, index)
        if candidate is None:
            index += 1
            continue
        start, end, repair, probable = candidate
        # Lines are counted incrementally so the whole scan stays linear.
        line += text.count("\n", counted_to, start)
        newline = text.rfind("\n", counted_to, start)
        if newline != -1:
            line_start = newline + 1
        counted_to = start
        span = DamagedSpan(line=line, column=start - line_start + 1, text=text[start:end], repair=repair)
        found.append(_Damage(start, end, span, probable))
        index = end
    return found


def _damage_at(text: str, marker: int) -> tuple[int, int, str | None, str | None] | None:
    """(start, end, repair, probable reading) of a damaged span starting at `marker`, or None."""
    position = marker + 1
    # A full-width ASCII character right after the marker (made half-width later, or by
    # normalise) is the damaged pair "trail byte A3 + the next character's lead byte".
    first_bytes = _fullwidth_gbk(text[position]) if position < len(text) else None
    if first_bytes is not None:
        position += 1
    else:
        first_bytes = b""
    body_start = position
    while position < len(text) and _double_byte_gbk(text[position]) is not None:
        position += 1
    body = text[body_start:position]
    if not any(is_han(ch) for ch in body):
        return None

    shifted = first_bytes + body.encode("gbk")
    lost_trail = shifted[0]  # trail byte of the character whose lead byte was lost
    restored = shifted[1:]
    end = position
    final_byte_known = False
    if position < len(text) and 0x40 <= ord(text[position]) <= 0x7E:
        # An ASCII letter or sign inside the damage is a trail byte that put the decoder back in step.
        restored += text[position].encode("ascii")
        end = position + 1
        final_byte_known = True
    elif position < len(text) and text[position] in _DAMAGE_MARKERS:
        end = position + 1  # the last trail byte was lost to a "?"

    as_found, scored = _plausibility(text[marker:end])
    exact, dangling = _decode_prefix(restored)
    exact_score, _ = _plausibility(exact)
    repairable = "\ufffd" not in exact and exact_score >= _PLAUSIBLE and exact_score >= as_found + _MARGIN
    if not repairable:
        if scored >= _MIN_SCORED and as_found < _IMPLAUSIBLE:
            return marker, end, None, None
        return None

    opening = _PUNCTUATION_BY_TRAIL.get(lost_trail) or ""
    doubtful = _first_doubtful(exact)
    if doubtful is not None:
        # Some bytes were lost beyond recovery (e.g. pairs the damaging program dropped):
        # only the part before the first doubtful character is known.
        return marker, end, None, _probable_reading(opening + exact[:doubtful])
    final = ""
    if dangling is not None and not final_byte_known:
        final = _guess_final_character(dangling, exact) or ""
    if opening and (dangling is None or final):
        # Full-width letters in a repair are normalised like the rest of the text.
        return marker, end, normalise(opening + exact + final), None
    return marker, end, None, _probable_reading(opening + exact)


def _first_doubtful(repair: str) -> int | None:
    """Where a re-decoded text stops looking like original text: a replacement
    character, a rare Han character, or a non-Han letter or symbol (full-width Latin,
    bopomofo, box drawing) among the Han characters."""
    for index, ch in enumerate(repair):
        if ch == "\ufffd":
            return index
        if not _weighs_in(ch):
            continue
        if not is_han(ch) or _character_frequency(ch) < _RARE_IN_REPAIR:
            return index
    return None


def _probable_reading(text: str) -> str | None:
    """A partial reading worth telling the user about: a few plausible characters."""
    score, scored = _plausibility(text)
    return text if scored >= 2 and score >= _PLAUSIBLE else None


def _fullwidth_gbk(ch: str) -> bytes | None:
    """GBK bytes of the full-width form of an ASCII character (always A3 xx), else None."""
    code = ord(ch)
    if 0x21 <= code <= 0x7E:
        return bytes((0xA3, code + 0x80))
    if 0xFF01 <= code <= 0xFF5E:
        return bytes((0xA3, code - 0xFEE0 + 0x80))
    return None


def _double_byte_gbk(ch: str) -> bytes | None:
    if ord(ch) < 0x80:
        return None
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


def _decode_prefix(data: bytes) -> tuple[str, int | None]:
    """Decode GBK bytes; a last lead byte without its trail is returned apart."""
    try:
        return data.decode("gbk"), None
    except UnicodeDecodeError as error:
        if error.start == len(data) - 1 and data[-1] >= 0x81:
            return data[:-1].decode("gbk", errors="replace"), data[-1]
        return data.decode("gbk", errors="replace"), None


def _guess_final_character(lead: int, before: str) -> str | None:
    """The character whose trail byte was lost, when one candidate clearly makes a word
    with the character before it (看 + B3?? -> 看出, ahead of 看成)."""
    if not before:
        return None
    previous = before[-1]
    ranked = sorted(
        ((_word_frequency(previous + candidate), candidate) for candidate in _gbk_candidates(lead)),
        reverse=True,
    )
    if not ranked:
        return None
    best_frequency, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if best_frequency >= _MIN_GUESS_WORD_FREQUENCY and best_frequency >= _GUESS_LEAD * runner_up:
        return best
    return None


@memo(256)
def _gbk_candidates(lead: int) -> tuple[str, ...]:
    out = []
    for trail in _GBK_TRAIL_BYTES:
        try:
            out.append(bytes((lead, trail)).decode("gbk"))
        except UnicodeDecodeError:
            pass
    return tuple(out)


# Stands in for damaged text while splitting: it neither ends a sentence nor opens a
# quotation, so the whole sentence around a damaged span stays one piece and is left out.
_DAMAGE_PLACEHOLDER = "\u25a1"


def _apply_repairs(text: str, damage: list[_Damage]) -> tuple[str, list[tuple[int, int]]]:
    """The text to split into sentences: confident repairs put in, the other damaged
    spans masked; and the (start, end) offsets of the masked spans in it. Repairs
    never contain line breaks, so line numbers are unchanged."""
    pieces: list[str] = []
    masked: list[tuple[int, int]] = []
    written = 0  # length of the output so far
    taken = 0  # offset in `text` copied up to
    for found in damage:
        pieces.append(text[taken : found.start])
        written += found.start - taken
        if found.span.repair is not None:
            replacement = found.span.repair
        else:
            # The "?" in damaged text would otherwise end a sentence inside the damage
            # and leave its clean-looking remainder (",玉汝于成”,…") as a sentence.
            replacement = _DAMAGE_PLACEHOLDER * (found.end - found.start)
            masked.append((written, written + len(replacement)))
        pieces.append(replacement)
        written += len(replacement)
        taken = found.end
    pieces.append(text[taken:])
    return "".join(pieces), masked


def _damage_warning(path: Path, found: _Damage) -> str:
    span = found.span
    where = f"{path}:{span.line}"
    cause = "an encoding error before the file reached us"
    if span.repair is not None:
        return (f"{where}: damaged text {span.text!r} ({cause}) repaired as {span.repair!r}; "
                "the repaired sentence is used")
    if found.probable:
        return f"{where}: damaged text {span.text!r} ({cause}) left out; it probably began {found.probable!r}"
    return f"{where}: damaged text {span.text!r} ({cause}) left out"
