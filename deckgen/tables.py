"""The tab-separated tables deckgen ships in deckgen/data/.

Lines starting with "# " are comments (a row may start with "#" itself: the character
frequency of "#"). Most tables are generated from the packages deckgen depends on by
tools/build_tables.py; acronyms.tsv is written by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

DATA = Path(__file__).parent / "data"


def read(name: str) -> Iterator[list[str]]:
    """The fields of each row of data/<name>."""
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("# "):
                yield line.split("\t")


def write(name: str, comments: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Writes data/<name>: the comment lines (without "# "), then the rows."""
    path = DATA / name
    lines = [f"# {comment}" for comment in comments] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
