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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn

from deckgen.errors import DeckFileError
from deckgen.overrides import TermOverride, parse_override
from deckgen.packaging.notetype import CARD_TYPES
from deckgen.reading.files import NotRegularFile, TooLarge, read_regular, size_limit
from deckgen.records import Script
from deckgen.script import to_simplified

DECK_KEYS = {
    "title", "description", "sources", "script", "level", "max_terms",
    "known_words", "cards", "tags", "encoding", "terms", "allow_sources_from",
    "known_anki", "known_interval", "glossaries",
    "tts",
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
    known_anki: Path | None = None  # the learner's collection.anki2: its learned notes are known words
    known_interval: int | None = None  # days a card's interval must reach to count as learned (None: mining's)
    # The bytes these settings were read from: a build keys the deck by them, not by
    # a second read that an edit in between would make disagree with the settings.
    content: bytes = field(default=b"", repr=False, compare=False)
    glossaries: tuple[Path, ...] = ()  # shared [terms."…"] files; the deck file's own tables win
    tts: bool = True  # Anki reads each headword aloud with its own text-to-speech

    @property
    def output(self) -> Path:
        return self.path.with_suffix(".apkg")


def load_deck_file(path: Path) -> DeckFile:
    raw, text, data = _read_toml(path, "deck file", 'strings need quotes, tables are written [terms."词"]')
    return replace(_parse(Path(path), text, data), content=raw)


def _read_toml(path: Path, kind: str, syntax_hint: str) -> tuple[bytes, str, dict]:
    """A deck file or glossary: its bytes, text and settings, or a DeckFileError saying
    what is wrong with it (not a regular file, too large, not UTF-8, not TOML, nested
    too deeply to be settings)."""
    path = Path(path)
    try:
        raw = read_regular(path, size_limit())
    except NotRegularFile as exc:
        raise DeckFileError(f"is {exc.kind}, not a {kind}", path,
                            hint=f"name a {kind} (a .toml text file)") from None
    except TooLarge as exc:
        raise DeckFileError(f"is larger than {exc.limit / 1_000_000:g} MB: not a {kind}", path) from None
    except FileNotFoundError:
        hint = "check the path, or run `deckgen init` to write one" if kind == "deck file" else "check the path"
        raise DeckFileError(f"no such {kind}", path, hint=hint) from None
    except IsADirectoryError:
        raise DeckFileError(f"is a folder, not a {kind}", path) from None
    except OSError as exc:
        raise DeckFileError(f"cannot read the {kind}: {exc.strerror}", path) from None
    if raw.startswith(b"PK\x03\x04"):  # a zip: the .apkg a deck file builds, or an e-book
        what = "an Anki package" if path.suffix.lower() in (".apkg", ".colpkg") else "a zip file"
        raise DeckFileError(f"is {what}, not a {kind}", path,
                            hint="name the deck file (.toml) the deck is built from, or its texts") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckFileError("is not UTF-8", path, hint=f"save the {kind} as UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _line_from_toml_error(str(exc))
        raise DeckFileError(f"not valid TOML: {_strip_position(str(exc))}", path, line,
                            hint=f"fix the syntax; {syntax_hint}") from None
    except RecursionError:
        raise DeckFileError(f"not a {kind}: its lists or tables are nested too deeply to read", path,
                            hint="settings are flat lists of strings and [terms.\"词\"] tables") from None
    return raw, text, data


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
    tts = get("tts", bool, True)

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
    allowed = _allowed_folders(base, get("allow_sources_from", list, []), fail)
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
        if not matches or not all(m.exists() or _is_chapter(m) for m in matches):
            fail(f"source {pattern!r} matches no file (looked in {base or '.'})", "sources",
                 hint="paths and globs are relative to the deck file")
        for m in matches:
            if not _inside(m, allowed):
                fail(f"source {pattern!r} reads {m}, outside this deck file's folder", "sources",
                     hint=_outside_hint(base, m, os.path.isabs(pattern)))
        sources.extend(m for m in matches if m not in sources)

    known_value = get("known_words", str, None)
    known = None
    if known_value is not None:
        known = Path(os.path.normpath(base / known_value))
        if not known.is_file():
            fail(f"known-words file {known_value!r} not found (looked in {base or '.'})", "known_words")
        if not _inside(known, allowed):
            fail(f"known-words file {known_value!r} is outside this deck file's folder", "known_words",
                 hint=_outside_hint(base, known))

    anki_value = get("known_anki", str, None)
    known_anki = None
    if anki_value is not None:
        known_anki = Path(os.path.normpath(base / os.path.expanduser(anki_value)))
        if not known_anki.is_file():
            fail(f"Anki collection {anki_value!r} not found (looked in {base or '.'})", "known_anki",
                 hint="give the collection.anki2 file of your Anki profile")
    known_interval = get("known_interval", int, None)
    if known_interval is not None and (isinstance(known_interval, bool) or known_interval < 1):
        fail("'known_interval' must be a number of days, 1 or more", "known_interval")

    terms = get("terms", dict, {})
    term_lines = _term_lines(lines)
    overrides = tuple(_override(path, lines, headword, spec, term_lines) for headword, spec in terms.items())
    _check_contradictions(path, overrides)

    glossary_paths: list[Path] = []
    for name in get("glossaries", list, []):
        if not isinstance(name, str) or not name.strip():
            fail("'glossaries' must be a list of file names", "glossaries")
        glossary = Path(os.path.normpath(base / name))
        if not glossary.is_file():
            fail(f"glossary {name!r} not found (looked in {base or '.'})", "glossaries",
                 hint="glossary paths are relative to the deck file")
        glossary_paths.append(glossary)
    overrides = _with_glossaries(overrides, glossary_paths)

    return DeckFile(
        path=path, slug=path.stem, title=title, description=description, sources=tuple(sources),
        script=script, level=level, max_terms=max_terms, known_words=known, cards=cards, tags=tags,
        encoding=encoding, overrides=overrides, known_anki=known_anki, known_interval=known_interval,
        glossaries=tuple(glossary_paths),
        tts=tts,
    )


def _with_glossaries(overrides: tuple[TermOverride, ...], paths: list[Path]) -> tuple[TermOverride, ...]:
    """The deck file's tables, then each glossary's tables for words none before gives:
    the deck file wins over every glossary, an earlier glossary over a later one."""
    given = {to_simplified(o.headword) for o in overrides}
    out = list(overrides)
    for glossary in paths:
        for o in load_glossary(glossary):
            key = to_simplified(o.headword)
            if key not in given:
                given.add(key)
                out.append(o)
    return tuple(out)


def load_glossary(path: Path) -> tuple[TermOverride, ...]:
    """A shared glossary: [terms."…"] tables as in a deck file, and nothing else. Its
    tables correct the terms a deck holds; they add none."""
    _, text, data = _read_toml(path, "glossary", 'a glossary holds only tables written [terms."词"]')
    lines = text.splitlines()
    for key in data:
        if key != "terms":
            raise DeckFileError(f"unknown setting '{key}' in a glossary", path, _line_of(lines, key),
                                hint='a glossary holds only [terms."…"] tables, as a deck file does')
    terms = data.get("terms", {})
    if not isinstance(terms, dict):
        raise DeckFileError("'terms' must be a table", path, _line_of(lines, "terms"))
    term_lines = _term_lines(lines)
    found = tuple(replace(_override(path, lines, headword, spec, term_lines), glossary=path)
                  for headword, spec in terms.items())
    _check_contradictions(path, found)
    return found


def _is_chapter(path: Path) -> bool:
    """`book.epub#3`: a chapter of a book as a source of its own (the reading stage reads it)."""
    return bool(re.fullmatch(r"(?i).+\.epub#\d+", str(path))) and Path(str(path).rsplit("#", 1)[0]).is_file()


def _allowed_folders(base: Path, folders: list, fail) -> tuple[str, ...]:
    """The real folders a deck file may read: its own, and those it names in
    `allow_sources_from`. A deck file shared by someone else must not quietly collect
    files from elsewhere (a private folder, /etc): reading outside is said explicitly."""
    allowed = [os.path.realpath(base or ".")]
    for folder in folders:
        if not isinstance(folder, str) or not folder.strip():
            fail("'allow_sources_from' must be a list of folder names", "allow_sources_from",
                 hint='for example: allow_sources_from = ["../seeds"]')
        allowed.append(os.path.realpath(base / folder))
    return tuple(allowed)


def _inside(file: Path, folders: tuple[str, ...]) -> bool:
    """Whether `file`, symlinks resolved, lies in one of `folders` or below."""
    real = os.path.realpath(file)
    return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def _outside_hint(base: Path, file: Path, absolute: bool = False) -> str:
    real = os.path.realpath(file.parent)
    folder = Path(real if absolute else os.path.relpath(real, os.path.realpath(base or "."))).as_posix()
    return ("a deck file reads only files in its own folder and below; if you trust this deck file to read "
            f'from there, add  allow_sources_from = ["{folder}"]  to it')


def _term_lines(lines: list[str]) -> dict[str, int]:
    """The line of each [terms."词"] header, found in one pass over the file."""
    found: dict[str, int] = {}
    for i, line in enumerate(lines, 1):
        m = _TERM_HEADER.match(line)
        if m:
            found.setdefault(m.group(2), i)
    return found


_TERM_HEADER = re.compile(r'^\s*\[\s*terms\s*\.\s*(["\']?)([^"\'\]]*)\1\s*\]')


def _override(path: Path, lines: list[str], headword: str, spec, term_lines: dict[str, int]) -> TermOverride:
    line = term_lines.get(headword) or _line_of_term(lines, headword)

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
    if table is None:  # a table of that name: [deck], [deck.options]
        header = re.compile(r'^\s*\[\s*["\']?' + re.escape(key or "") + r'["\']?\s*[\].]')
        return next((i + 1 for i, line in enumerate(lines) if header.match(line)), None)
    return None


def _kind_name(kind) -> str:
    return {str: "a string", int: "a whole number", list: "a list", dict: "a table"}.get(kind, str(kind))


def starter_deck_file(sources: list[Path], deck_path: Path, title: str) -> str:
    """A commented deck file for `sources`, paths relative to where the deck file will live."""
    rel = [Path(os.path.relpath(Path(s).resolve(), deck_path.resolve().parent)).as_posix() for s in sources]
    source_lines = "\n".join(f'    "{r}",' for r in rel)
    # The texts named to `init` are the user's own choice: those outside the deck
    # file's folder are allowed in the file it writes, visibly.
    outside = sorted({Path(r).parent.as_posix() for r in rel if r.startswith("../") or Path(r).is_absolute()})
    allow_line = ""
    if outside:
        folders = ", ".join(f'"{f}"' for f in outside)
        allow_line = ("\n# Folders outside this file's own that its sources may come from.\n"
                      f"allow_sources_from = [{folders}]\n")
    return f'''\
# A deckgen deck file. `deckgen build {deck_path.as_posix()}` writes {deck_path.with_suffix(".apkg").name} beside it.
# Everything below is yours: deckgen never rewrites this file.

title = "{title}"
description = ""           # shown in Anki's deck overview; sources and credits are added

# Text files or globs, relative to this file.{allow_line}
sources = [
{source_lines}
]

# script = "simplified"    # or "traditional"; unset: each term as written in its source
level = {DEFAULT_LEVEL}                  # readers' HSK level: words at or below it are left out (0 keeps all)
# max_terms = 100          # at most this many terms; unset: as many as the texts support
# known_words = "known.txt"  # one word per line, or a Pleco / Anki text export
# known_anki = "~/.local/share/Anki2/User 1/collection.anki2"  # notes you have learned there are known
# known_interval = 21      # days a card's interval must reach to count as learned
cards = ["recognition", "recall", "cloze"]
tags = []
# tts = false              # Anki reads each headword aloud with its own text-to-speech unless false

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
