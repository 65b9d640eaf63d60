"""The reading stage: files in, decoded and normalised `Source` records out.

    read_source(path)      one file -> Source
    read_sources(paths)    several files -> Reading(sources, warnings)
    split_sentences(text, source_name)
    find_damage(text)

Everything that goes wrong with a file is raised as a SourceError that names the
file and says what to do; nothing else escapes from here.

Heavy resources (charset-normalizer, jieba's dictionary, OpenCC) are imported
inside the functions that need them, so importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.reading.catalog import _catalog_entry, _catalog_script
from deckgen.reading.damage import (
    _apply_repairs,
    _damage_warning,
    _locate_damage,
    find_damage,
)
from deckgen.reading.decoding import EmptySourceError, _decode
from deckgen.reading.normalising import normalise
from deckgen.reading.sentences import (
    _sentence_pieces,
    _without_overlaps,
    split_sentences,
)
from deckgen.reading.structure import line_kinds
from deckgen.records import Sentence, Source
from deckgen.script import detect_script, simplified_in_place, to_simplified

__all__ = ["EmptySourceError", "Reading", "find_damage", "normalise", "read_bytes", "read_source", "read_sources",
           "split_sentences"]


@dataclass(frozen=True)
class Reading:
    """What `read_sources` read: the sources in the order given, and every warning of
    the reading, already worded for the user and each starting with the file's path:
    files skipped (empty or named twice) and each source's own warnings (damaged
    text), so a caller can show just these. Source.warnings keeps a file's own."""

    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()


def read_source(path: Path | str, encoding: str | None = None, *, name: str | None = None,
                data: bytes | None = None) -> Source:
    """Read one text file: decode, normalise, find damaged spans, split clean sentences.

    `name` overrides the short name; otherwise the `name` given for the file in a
    `sources.toml` beside it is used, else the file's stem. `data`, when given, is
    the file's content as already read (read_bytes): what is analysed is exactly
    what a caller keyed its results by.
    """
    path = Path(path)
    if data is None:
        data = read_bytes(path)
    text, used_encoding = _decode(data, path, encoding)
    text = normalise(text)
    if not text.strip():
        raise EmptySourceError("the file holds no text", path=path, hint="Remove it from the list, or fill it.")

    entry = _catalog_entry(path)
    short_name = name or entry.get("name") or path.stem
    script = _catalog_script(entry, path) or detect_script(text)

    damage = _locate_damage(text)
    splittable_text, masked = _apply_repairs(text, damage)
    pieces = _without_overlaps(_sentence_pieces(splittable_text, first_line=1), masked)
    kinds = line_kinds(text)
    sentences = tuple(
        Sentence(piece.text, short_name, piece.line, simplified, kinds[piece.line - 1])
        for piece, simplified in zip(pieces, _simplified_forms([piece.text for piece in pieces]))
    )
    return Source(
        path=path,
        name=short_name,
        text=text,
        encoding=used_encoding,
        script=script,
        sentences=sentences,
        damage=tuple(found.span for found in damage),
        warnings=tuple(_damage_warning(path, found) for found in damage),
    )


def _simplified_forms(texts: list[str]) -> list[str]:
    """Each text in simplified characters, character for character: converted in one
    batch (a conversion per sentence costs many times its share), one at a time
    where the batch would move a character."""
    joined = to_simplified("\n".join(texts)).split("\n")
    if len(joined) == len(texts) and all(map(lambda a, b: len(a) == len(b), joined, texts)):
        return joined
    return [simplified_in_place(text) for text in texts]


def read_sources(paths: Iterable[Path | str], encoding: str | None = None,
                 contents: Mapping[Path, bytes] | None = None) -> Reading:
    """Read every file. Empty files are skipped with a warning as long as another
    file has text; if none has, the first empty file's SourceError is raised.
    A file named twice is read once. Any other problem raises SourceError."""
    sources: list[Source] = []
    warnings: list[str] = []
    empty: list[EmptySourceError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        key = _identity(path)
        if key in seen:
            warnings.append(f"{path}: named more than once; read once")
            continue
        seen.add(key)
        try:
            source = read_source(path, encoding, data=(contents or {}).get(path))
        except EmptySourceError as error:
            empty.append(error)
            warnings.append(f"{path}: the file holds no text; skipped")
            continue
        sources.append(source)
        warnings.extend(source.warnings)
    if not sources:
        if empty:
            raise empty[0]
        raise SourceError("no source files were given", hint="Name at least one text file to read.")
    return Reading(tuple(sources), tuple(warnings))


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def read_bytes(path: Path) -> bytes:
    """A source file's content, or a SourceError that says what is wrong with it."""
    # Read first and explain afterwards: checking beforehand would race with the
    # file system and still leave odd failures (name too long, a file used as folder).
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise SourceError("no such file", path=path, hint="Check the file name and the folder it is in.") from None
    except IsADirectoryError:
        raise SourceError("this is a folder, not a text file", path=path,
                          hint="Name the text files inside it.") from None
    except PermissionError:
        if path.is_dir():
            raise SourceError("this is a folder, not a text file", path=path,
                              hint="Name the text files inside it.") from None
        raise SourceError(
            "cannot read the file: permission denied", path=path, hint="Check the file's permissions."
        ) from None
    except OSError as error:
        raise SourceError(
            f"cannot read the file: {error.strerror or error}", path=path, hint="Check that the file is readable."
        ) from None
