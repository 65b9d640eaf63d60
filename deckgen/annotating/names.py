"""Names of companies, products and bodies that CC-CEDICT lacks, from deckgen's own
table of whole categories (technology companies, their chips, AI models, platforms;
China's securities markets: exchanges, boards, indexes, share classes), each row with
the source it was checked against. Exact matches only: 辉达 is NVIDIA,
but nothing is guessed from a name's parts.

matchina (a package of Chinese listed companies) was evaluated and is not used: its
data licence is stated three ways, it maps common words to companies (美的, 平安,
长城), misses Taiwan and foreign companies and every traditional form.
"""

from __future__ import annotations

from deckgen import script, tables
from deckgen.memo import once

_NAMES = "names.tsv"
FROM_NAMES = "deckgen's table of names"


def name_of(word: str) -> str:
    """The English of a listed name written `word` (either script; Latin as written,
    any case), "" for anything else."""
    table = _names()
    return table.get(word) or table.get(script.to_simplified(word)) or table.get(word.casefold(), "")


@once
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, english, _source in tables.read(_NAMES):
        out[name] = english
        if name.isascii():
            out[name.casefold()] = english
    return out
