"""How an English phrase abbreviates: the initials an acronym keeps and the small words
it leaves out (CANN is Compute Architecture for Neural Networks)."""

from __future__ import annotations

SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())


def initials(words: list[str]) -> str:
    """The capital initials of the words, small words aside: GIL of Global Interpreter Lock."""
    return "".join(w[0] for w in words if w.lower() not in SMALL_WORDS).upper()
