"""The one family of errors deckgen raises for problems the user can fix.

The CLI turns these into a message and a non-zero exit, never a traceback, so the
message must carry everything the user needs: which file, which line, what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class DeckgenError(Exception):
    """A problem with the user's input or environment, described for the user."""

    message: str
    path: Path | str | None = None
    line: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f"\n  {self.hint}"
        return text


class SourceError(DeckgenError):
    """A text source cannot be read or decoded."""


class DeckFileError(DeckgenError):
    """A deck file is not valid TOML or says something deckgen cannot do."""


class OutputError(DeckgenError):
    """A built deck cannot be written."""
