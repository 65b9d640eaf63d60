"""Text as deckgen reads it: one kind of line break, no control characters, NFC."""

from __future__ import annotations

import unicodedata

from deckgen.memo import once


@once
def _normalisation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[code] = None  # control characters carry nothing a card can show
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    table[0xFEFF] = None  # byte-order marks, stray ones included
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
    """Line breaks to LF, no BOM or control characters, tabs as spaces, full-width
    Latin letters and digits as ASCII, combining marks composed (NFC). Linear time."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_normalisation_table())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
