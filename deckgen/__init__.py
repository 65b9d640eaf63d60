"""deckgen: mine the key terms of Chinese texts and package them as Anki decks.

The library in five calls (the command line uses the same):

    import deckgen
    sources = deckgen.read_texts(["article.txt"])
    terms = deckgen.mine_terms(sources, level=4, top=30)
    note = deckgen.annotate_term(terms[0], script="simplified")
    deckgen.read_pinyin("行长说得对。")            # 'háng zhǎng shuō de duì 。'
    deckgen.build_deck("decks/my-topic.toml")      # writes decks/my-topic.apkg

Importing deckgen loads nothing heavy: dictionaries load on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.errors import DeckgenError
from deckgen.records import Example, Note, Occurrence, Script, Sentence, Source, Syllable, Term

if TYPE_CHECKING:
    from deckgen.build import BuildReport

__version__ = "0.1.0"

__all__ = [
    "DeckgenError",
    "Example",
    "Note",
    "Occurrence",
    "Script",
    "Sentence",
    "Source",
    "Syllable",
    "Term",
    "__version__",
    "annotate_term",
    "build_deck",
    "mine_terms",
    "read_pinyin",
    "read_texts",
]


def read_texts(paths: Sequence[Path | str], *, encoding: str | None = None) -> tuple[Source, ...]:
    """Read text files (encoding detected unless given) into Sources with their sentences."""
    from deckgen import build

    return build.read_texts(paths, encoding=encoding)


def mine_terms(sources: Sequence[Source], *, level: int = 4, top: int | None = None,
               known: Iterable[str] = (), focus: Source | None = None) -> list[Term]:
    """The key terms of `sources` (or of `focus`, the others as context), best first.
    Words at or below HSK `level` and the `known` words are left out."""
    from deckgen import build

    return build.mine_terms(sources, level=level, top=top, known=known, focus=focus)


def annotate_term(term: Term, *, script: Script | str | None = None) -> Note:
    """A term's note: pinyin in context, meaning, examples, in `script` if given."""
    from deckgen import build

    return build.annotate_term(term, script=script)


def read_pinyin(text: str, *, numbered: bool = False) -> str:
    """A line of Chinese read in context: tone marks, or numbered syllables."""
    from deckgen import build

    return build.read_pinyin(text, numbered=numbered)


def build_deck(deck_file: Path | str, *, force: bool = False, dry_run: bool = False) -> BuildReport:
    """Build the deck a deck file describes, to the .apkg beside it."""
    from deckgen import build
    from deckgen.deckfile import load_deck_file

    return build.build_deck(load_deck_file(Path(deck_file)), build.Workspace(), force=force, dry_run=dry_run)
