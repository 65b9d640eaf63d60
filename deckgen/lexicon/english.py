"""How an English phrase abbreviates: the initials an acronym keeps and the small words
it leaves out (CANN is Compute Architecture for Neural Networks)."""

from __future__ import annotations

SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())


def initials(words: list[str]) -> str:
    """The capital initials of the words, small words aside: GIL of Global Interpreter Lock."""
    return "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).upper()


def abbreviates(acronym: str, words: list[str]) -> bool:
    """The acronym is the words' initials, with their small words or without: CANN of
    Compute Architecture for Neural Networks, CTP of Cell to Pack."""
    acronym = acronym.upper()
    return acronym in (initials(words), "".join(w[0] for w in words).upper())
