"""What the reader already knows and how many terms they want."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MiningOptions:
    """What the reader already knows and how many terms they want."""

    level: int = 4  # HSK level of the reader: words at or below it are too easy
    top: int | None = None  # at most this many terms (None: all that qualify)
    known: frozenset[str] = frozenset()  # words the reader knows, either script
