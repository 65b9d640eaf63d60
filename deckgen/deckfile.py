"""Deck files: `decks/<slug>.toml`, owned by the user and never written by deckgen.

A deck file says what the composing module builds: its sources, settings and the
author's corrections (parsed in overrides.py).

Every problem is reported with the file and the line it concerns, before anything
is built.
"""

from __future__ import annotations

import glob
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from deckgen.errors import DeckFileError
from deckgen.overrides import TermOverride, parse_override
from deckgen.packaging.notetype import CARD_TYPES
from deckgen.records import Script
from deckgen.script import to_simplified

DECK_KEYS = {
    "title", "description", "sources", "script", "level", "max_terms",
    "known_words", "cards", "tags", "encoding", "terms",
}
DEFAULT_LEVEL = 4
# None: as many terms as the text supports (mining.deck_size and a score floor).
DEFAULT_MAX_TERMS: int | None = None


@dataclass(frozen=True)
class DeckFile:
    path: Path
    slug: str
    title: str
    description: str
    sources: tuple[Path, ...]
    script: Script | None  # None: each term in the script of the source it came from
    level: int
    max_terms: int | None
    known_words: Path | None
    cards: tuple[str, ...]
    tags: tuple[str, ...]
    encoding: str | None
    overrides: tuple[TermOverride, ...] = field(default=())

    @property
    def output(self) -> Path:
        return self.path.with_suffix(".apkg")


def load_deck_file(path: Path) -> DeckFile:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DeckFileError("no such deck file", path,
                            hint="check the path, or run `deckgen init` to write one") from None
    except IsADirectoryError:
        raise DeckFileError("is a folder, not a deck file", path) from None
    except OSError as exc:
        raise DeckFileError(f"cannot read the deck file: {exc.strerror}", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckFileError("is not UTF-8", path, hint="save the deck file as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _line_from_toml_error(str(exc))
        raise DeckFileError(f"not valid TOML: {_strip_position(str(exc))}", path, line,
                            hint="fix the syntax; strings need quotes, tables are written [terms.\"词\"]") from None
    return _parse(path, text, data)


def _parse(path: Path, text: str, data: dict) -> DeckFile:
    lines = text.splitlines()

    def fail(message: str, key: str | None = None, hint: str | None = None, table: str | None = None):
        raise DeckFileError(message, path, _line_of(lines, key, table) if key else None, hint)

    for key in data:
        if key not in DECK_KEYS:
            fail(f"unknown setting '{key}'", key, hint=f"known settings: {', '.join(sorted(DECK_KEYS))}")

    def get(key: str, kind, default):
        value = data.get(key, default)
        if value is not default and not isinstance(value, kind):
            fail(f"'{key}' must be {_kind_name(kind)}", key)
        return value

    title = get("title", str, path.stem)
    description = get("description", str, "")
    level = get("level", int, DEFAULT_LEVEL)
    if isinstance(level, bool) or not 0 <= level <= 7:
        fail("'level' must be an HSK level from 0 (keep everything) to 7 (only words beyond HSK 6)", "level")
    max_terms = get("max_terms", int, DEFAULT_MAX_TERMS)
    if max_terms is not None and (isinstance(max_terms, bool) or max_terms < 1):
        fail("'max_terms' must be a positive number", "max_terms")
    script_value = get("script", str, None)
    script = None
    if script_value is not None:
        try:
            script = Script(script_value)
        except ValueError:
            fail("'script' must be \"simplified\" or \"traditional\"", "script")
    encoding = get("encoding", str, None)

    cards = tuple(get("cards", list, list(CARD_TYPES)))
    for card in cards:
        if card not in CARD_TYPES:
            fail(f"unknown card type {card!r}", "cards", hint=f"card types: {', '.join(CARD_TYPES)}")
    if "recognition" not in cards:
        fail("'cards' must include \"recognition\": every note has a recognition card", "cards")
    tags = tuple(get("tags", list, []))
    for tag in tags:
        if not isinstance(tag, str) or not tag or any(c.isspace() for c in tag):
            fail(f"tag {tag!r} must be a non-empty word without spaces", "tags")

    base = path.parent
    source_patterns = get("sources", list, None)
    if not source_patterns:
        fail("a deck file needs 'sources': a list of text files or globs, relative to the deck file", "sources"
             if "sources" in data else None, hint='for example: sources = ["../seeds/*.txt"]')
    sources: list[Path] = []
    for pattern in source_patterns:
        if not isinstance(pattern, str):
            fail("'sources' must be a list of strings", "sources")
        # normpath: "decks/../seeds/a.txt" is shown to the user as "seeds/a.txt"
        full = os.path.normpath(base / pattern)
        matches = sorted(Path(p) for p in glob.glob(full, recursive=True)) if glob.has_magic(pattern) \
            else [Path(full)]
        matches = [m for m in matches if m.suffix != ".toml" and m.name != "SOURCES.md"]
        if not matches or not all(m.exists() for m in matches):
            fail(f"source {pattern!r} matches no file (looked in {base or '.'})", "sources",
                 hint="paths and globs are relative to the deck file")
        sources.extend(m for m in matches if m not in sources)

    known_value = get("known_words", str, None)
    known = None
    if known_value is not None:
        known = Path(os.path.normpath(base / known_value))
        if not known.is_file():
            fail(f"known-words file {known_value!r} not found (looked in {base or '.'})", "known_words")

    terms = get("terms", dict, {})
    overrides = tuple(_override(path, lines, headword, spec) for headword, spec in terms.items())
    _check_contradictions(path, overrides)

    return DeckFile(
        path=path, slug=path.stem, title=title, description=description, sources=tuple(sources),
        script=script, level=level, max_terms=max_terms, known_words=known, cards=cards, tags=tags,
        encoding=encoding, overrides=overrides,
    )


def _override(path: Path, lines: list[str], headword: str, spec) -> TermOverride:
    line = _line_of_term(lines, headword)

    def fail(message: str, key: str | None, hint: str | None) -> NoReturn:
        where = _line_of(lines, key, headword) if key else line
        raise DeckFileError(f'[terms."{headword}"]: {message}', path, where or line, hint)

    return parse_override(headword, line or 0, spec, fail)


def _check_contradictions(path: Path, overrides: tuple[TermOverride, ...]) -> None:
    seen: dict[str, TermOverride] = {}
    for o in overrides:
        key = to_simplified(o.headword)
        if key in seen:
            raise DeckFileError(
                f'[terms."{o.headword}"] and [terms."{seen[key].headword}"] (line {seen[key].line}) are the '
                "same word in two scripts", path, o.line, hint="keep one of the two tables")
        seen[key] = o


def _line_from_toml_error(message: str) -> int | None:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else None


def _strip_position(message: str) -> str:
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", message)


def _line_of_term(lines: list[str], headword: str) -> int | None:
    pattern = re.compile(r'^\s*\[\s*terms\s*\.\s*["\']?' + re.escape(headword) + r'["\']?\s*\]')
    for i, line in enumerate(lines, 1):
        if pattern.match(line):
            return i
    for i, line in enumerate(lines, 1):  # inline or dotted forms: terms."词".english = …
        if headword in line:
            return i
    return None


def _line_of(lines: list[str], key: str | None, table: str | None = None) -> int | None:
    """The line where `key` is set, inside the table of term `table` if given."""
    start = 0
    if table is not None:
        start = (_line_of_term(lines, table) or 1) - 1
    pattern = re.compile(r'^\s*["\']?' + re.escape(key or "") + r'["\']?\s*=')
    for i in range(start, len(lines)):
        if i > start and table is not None and lines[i].lstrip().startswith("["):
            break
        if table is None and lines[i].lstrip().startswith("["):
            break  # top-level settings come before the first table
        if pattern.match(lines[i]):
            return i + 1
    return None


def _kind_name(kind) -> str:
    return {str: "a string", int: "a whole number", list: "a list", dict: "a table"}.get(kind, str(kind))


def starter_deck_file(sources: list[Path], deck_path: Path, title: str) -> str:
    """A commented deck file for `sources`, paths relative to where the deck file will live."""
    rel = [Path(os.path.relpath(Path(s).resolve(), deck_path.resolve().parent)).as_posix() for s in sources]
    source_lines = "\n".join(f'    "{r}",' for r in rel)
    return f'''\
# A deckgen deck file. `deckgen build {deck_path.as_posix()}` writes {deck_path.with_suffix(".apkg").name} beside it.
# Everything below is yours: deckgen never rewrites this file.

title = "{title}"
description = ""           # shown in Anki's deck overview; sources and credits are added

# Text files or globs, relative to this file.
sources = [
{source_lines}
]

# script = "simplified"    # or "traditional"; unset: each term as written in its source
level = {DEFAULT_LEVEL}                  # readers' HSK level: words at or below it are left out (0 keeps all)
# max_terms = 100          # at most this many terms; unset: as many as the texts support
# known_words = "known.txt"  # one word per line, or a Pleco / Anki text export
cards = ["recognition", "recall", "cloze"]
tags = []

# Corrections and additions, keyed by the headword in either script.
# `deckgen review {deck_path.as_posix()}` lists what was mined and why.
#
# [terms."卡脖子"]
# english = "to have (sb) in a stranglehold; chokehold"
# pinyin = "qia3 bo2 zi5"
# examples = ["美国在芯片上卡脖子。"]
# note = "Metaphor used for export controls on chips."
#
# [terms."我们"]
# skip = true
'''
