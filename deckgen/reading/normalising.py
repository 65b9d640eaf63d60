"""Text as deckgen reads it: one kind of line break, no control characters, NFC."""

from __future__ import annotations

import re
import unicodedata

from deckgen.memo import once

# Soft hyphen, Mongolian vowel separator, zero-width space / non-joiner / joiner,
# left-to-right and right-to-left marks, bidi embeddings and overrides (U+202A-E),
# word joiner and invisible operators (U+2060-4), bidi isolates (U+2066-9), the
# deprecated format controls (U+206A-F), Arabic letter mark.
_INVISIBLE = (0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F),
              *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0x061C)


@once
def _normalisation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[code] = None  # control characters carry nothing a card can show
    table[ord("\n")] = "\n"
    table[ord("\r")] = "\r"  # a line break until normalise has made it LF
    table[ord("\t")] = " "
    table[0xFEFF] = None  # byte-order marks, stray ones included
    # Invisible format characters: inside a word they split it for the segmenter
    # (高端芯\u200b片 is two words to jieba) and they reach cards unseen; bidi
    # overrides (U+202E) can make a sentence display as something else.
    for code in _INVISIBLE:
        table[code] = None
    # Line and paragraph separators are not line breaks to editors or `grep -n`,
    # so they must not shift line numbers; a space keeps the words apart.
    table[0x2028] = " "
    table[0x2029] = " "
    # Full-width Latin letters and digits only (ＣＡＮＮ -> CANN, ２０２４ -> 2024).
    # Full-width punctuation is Chinese punctuation and stays as written.
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            table[code] = chr(code - 0xFEE0)
    return table


def normalise(text: str) -> str:
    """Line breaks to LF, no BOM, control or invisible format characters, tabs as spaces, full-width
    Latin letters and digits as ASCII, combining marks composed (NFC). Linear time."""
    # Invisible characters go first: one between CR and LF must not make it two line breaks.
    text = _changed_characters().sub(_replacement, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# Runs of the characters the table changes, found by a regular expression and
# translated run by run: a text holds few of them, and str.translate of the whole
# text looks up every one of its characters in the table.
@once
def _changed_characters() -> re.Pattern[str]:
    changed = "".join(chr(code) for code, to in _normalisation_table().items() if to != chr(code))
    return re.compile(f"[{re.escape(changed)}]+")


def _replacement(run: re.Match[str]) -> str:
    return run.group().translate(_normalisation_table())
