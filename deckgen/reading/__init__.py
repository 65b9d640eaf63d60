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

import re
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
from deckgen.reading.decoding import EmptySourceError, NoChineseError, _decode
from deckgen.reading.files import LIMIT_ENVIRONMENT, NotRegularFile, TooLarge, read_regular, size_limit
from deckgen.reading.formats import extract, split_part
from deckgen.reading.markup import without_markup
from deckgen.reading.normalising import normalise
from deckgen.reading.sentences import (
    _sentence_pieces,
    _without_overlaps,
    script_speakers,
    split_sentences,
)
from deckgen.reading.structure import cue_kinds, line_kinds, page_furniture, sentence_kind
from deckgen.records import Sentence, Source
from deckgen.script import HAN_RANGES, detect_script, simplified_in_place, to_simplified

__all__ = ["EmptySourceError", "NoChineseError", "Reading", "file_of", "find_damage", "normalise", "read_bytes",
           "read_source", "read_sources", "split_sentences"]


@dataclass(frozen=True)
class Reading:
    """What `read_sources` read: the sources in the order given, and every warning of
    the reading, already worded for the user and each starting with the file's path:
    files skipped (empty or named twice) and each source's own warnings (damaged
    text), so a caller can show just these. Source.warnings keeps a file's own."""

    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()


# What stands for a tab while the text is normalised, which makes tabs spaces.
_TAB = "\ue000"


def _with_tabs(raw: str, text: str) -> str:
    """The text as the reading of its structure sees it: with the tabs that part a table's
    cells (績效指標	113年基準值	114年), which normalising made spaces in `text`."""
    if "\t" not in raw or _TAB in raw:
        return text
    tabbed = without_markup(normalise(raw.replace("\t", _TAB))).replace(_TAB, "\t")
    return tabbed if tabbed.count("\n") == text.count("\n") else text


def read_source(path: Path | str, encoding: str | None = None, *, name: str | None = None,
                data: bytes | None = None) -> Source:
    """Read one text file: decode, normalise, find damaged spans, split clean sentences.

    `name` overrides the short name; otherwise the `name` given for the file in a
    `sources.toml` beside it is used, else the file's stem. `data`, when given, is
    the file's content as already read (read_bytes): what is analysed is exactly
    what a caller keyed its results by.
    """
    path = Path(path)
    file, part = split_part(path)
    if data is None:
        data = read_bytes(file)
    if not data:
        raise EmptySourceError("the file is empty", path=path, hint="Remove it from the list, or fill it.")
    document = extract(file, data, part=part, encoding=encoding)
    places: tuple[str, ...] = ()
    if document is None:
        decoded, used_encoding = _decode(data, path, encoding)
        text = without_markup(normalise(decoded))
        tabbed = _with_tabs(decoded, text)
    else:  # one line per paragraph or cue, so that a line's number says where it came from
        read = [without_markup(normalise(line)) for line in document.lines]
        text = "\n".join(line.replace("\n", " ") for line in read)
        tabbed = "\n".join(_with_tabs(line, done).replace("\n", " ") for line, done in zip(document.lines, read))
        used_encoding, places = document.encoding, document.places
    if not text.strip():
        raise EmptySourceError("the file holds no text", path=path, hint="Remove it from the list, or fill it.")
    chinese_warning = _check_chinese(text, path, used_encoding, encoding is None)

    entry = _catalog_entry(file)
    short_name = name or entry.get("name") or (document.title if document is not None and document.title else None) \
        or file.stem
    script = _catalog_script(entry, path) or detect_script(text)

    damage = _locate_damage(text)
    splittable_text, masked = _apply_repairs(text, damage)
    # every cue of subtitles is dialogue of its own, however short and unpunctuated its lines
    subtitles = document is not None and document.kind == "subtitles"
    speakers = script_speakers(splittable_text) | frozenset(document.speakers if document is not None else ())
    # a PDF copy's page edges, found once for both: they are notices, and no part of a sentence
    furniture = frozenset() if subtitles else page_furniture(text.split("\n"))
    pieces = _without_overlaps(_sentence_pieces(splittable_text, first_line=1, wrapped=not subtitles,
                                                speakers=speakers, furniture=furniture), masked)
    kinds = cue_kinds(text) if subtitles else line_kinds(tabbed, furniture)
    # a line's first sentence, when more follow it on the line
    opens_line = [(i == 0 or pieces[i - 1].line != piece.line)
                  and i + 1 < len(pieces) and pieces[i + 1].line == piece.line for i, piece in enumerate(pieces)]
    sentences = tuple(
        Sentence(piece.text, short_name, piece.line, simplified, places[piece.line - 1] if places else "",
                 sentence_kind(kinds[piece.line - 1], piece.text, opens))
        for piece, simplified, opens in zip(pieces, _simplified_forms([piece.text for piece in pieces]), opens_line)
    )
    warnings = tuple(_damage_warning(path, found) for found in damage)
    if places:  # a line of extracted text means nothing to the user; its page or cue does
        warnings = tuple(_placed(w, path, found.span.line, places) for w, found in zip(warnings, damage))
        warnings = (document.warnings if document is not None else ()) + warnings
    return Source(
        path=path,
        name=short_name,
        text=text,
        encoding=used_encoding,
        script=script,
        sentences=sentences,
        damage=tuple(found.span for found in damage),
        warnings=chinese_warning + warnings,
        speakers=speakers,
    )


# Below this share of Chinese characters among its letters a text is mostly something
# else (an English article quoting a few words): worth a warning, not a refusal.
_MIN_CHINESE_LETTER_SHARE = 0.2
_HAN = re.compile(f"[{HAN_RANGES}]+")
_LETTER = re.compile(r"[^\W\d_]+")


def _check_chinese(text: str, path: Path, used_encoding: str, detected: bool) -> tuple[str, ...]:
    """NoChineseError for a text without a Chinese character (an English text, or a
    Latin-1 file: a deck of "Hello" teaches nothing); a warning for one that is mostly
    not Chinese."""
    # regular expressions, not a Python loop over every character; runs, not characters
    han = sum(map(len, _HAN.findall(text)))
    letters = sum(map(len, _LETTER.findall(text)))  # Han characters are letters too
    if han == 0:
        how = f"decoded as {used_encoding}" if detected else f"read as {used_encoding}"
        raise NoChineseError(
            f"the file holds no Chinese text ({how})", path=path,
            hint="deckgen makes decks of Chinese texts: remove it from the list. If it is Chinese, "
                 "name its encoding with --encoding (for example --encoding gb18030 or --encoding big5).")
    if letters and han / letters < _MIN_CHINESE_LETTER_SHARE:
        return (f"{path}: only {han} of its {letters} letters are Chinese characters; "
                "check that this is the text you meant",)
    return ()


def _placed(warning: str, path: Path, line: int, places: tuple[str, ...]) -> str:
    prefix = f"{path}:{line}"
    if warning.startswith(prefix) and 0 < line <= len(places):
        return f"{path} ({places[line - 1]})" + warning[len(prefix):]
    return warning


def file_of(path: Path | str) -> Path:
    """The file a source name reads: `book.epub#3` reads book.epub."""
    return split_part(path)[0]


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
            said = error.message if isinstance(error, NoChineseError) else "the file holds no text"
            warnings.append(f"{path}: {said}; skipped")
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
    """A source file's content, or a SourceError that says what is wrong with it.
    Only regular files, and at most size_limit() bytes (files.py says why)."""
    # Read first and explain afterwards: checking beforehand would race with the
    # file system and still leave odd failures (name too long, a file used as folder).
    try:
        return read_regular(path, size_limit())
    except NotRegularFile as error:
        raise SourceError(f"this is {error.kind}, not a text file", path=path,
                          hint="Name a regular text file; deckgen does not read pipes or devices.") from None
    except TooLarge as error:
        raise SourceError(
            f"the file is larger than {error.limit / 1_000_000:g} MB, the most deckgen reads", path=path,
            hint=f"Split it, or raise the limit with {LIMIT_ENVIRONMENT}=<megabytes>.") from None
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
