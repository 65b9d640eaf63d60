"""Documents that are not plain text: web pages, e-books, subtitles and PDFs.

    kind_of(path, data)            "html", "epub", "subtitles", "pdf" or None (plain text)
    extract(path, data, ...)       the document's readable text as Extracted lines

Each format reads through a library made for it (trafilatura, pysubs2, pypdf; for
EPUB the standard library's zip and XML/HTML parsers on the book's own manifest),
imported only when a file of that kind is read. Each line keeps where it came from
(a page, a cue, a chapter) so a warning can name it.

The kind comes from the content where the content says it unmistakably (a PDF's or
an EPUB's signature, a WebVTT or ASS header, a page that opens with <html>) and from
the extension otherwise: a page saved as `.txt` is still read as a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import SourceError

__all__ = ["Extracted", "extract", "kind_of", "split_part"]


@dataclass(frozen=True)
class Extracted:
    """A document's readable text: one paragraph, cue line or heading a line."""

    lines: tuple[str, ...]
    places: tuple[str, ...]  # for each line, where it is in the document: "page 3", "cue 12 at 0:01:02"
    title: str | None  # the title the document gives itself, if any
    kind: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()  # names the document gives its speakers (an ASS file's Name field)


_BY_EXTENSION = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".mhtml": "html", ".mht": "html",
    ".epub": "epub",
    ".srt": "subtitles", ".ass": "subtitles", ".ssa": "subtitles", ".vtt": "subtitles",
    ".pdf": "pdf",
}

_SRT_START = re.compile(rb"^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
# A transcript a line per cue, each opened by its times, as speech-to-text tools write it:
# [00:04.200 --> 00:09.800] 今天我们来聊一聊……
TIMED_LINE = re.compile(
    r"^\s*\[((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}\]\s*(.*)$"
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_MHTML_START = re.compile(rb"^(From:|MIME-Version:|Snapshot-Content-Location:|Subject:)", re.I | re.M)

# A chapter of an e-book as a source of its own: book.epub#3
_PART = re.compile(r"^(?P<file>.+\.epub)#(?P<part>\d+)$", re.I)


def split_part(path: Path | str) -> tuple[Path, int | None]:
    """`book.epub#3` -> (book.epub, 3); any other path -> (path, None)."""
    match = _PART.match(str(path))
    if match and not Path(path).exists():
        return Path(match.group("file")), int(match.group("part"))
    return Path(path), None


def kind_of(path: Path, data: bytes) -> str | None:
    """What kind of document `data` is; None for plain text."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"application/epub+zip" in head[:200]:
        return "epub"
    text_head = head.removeprefix(b"\xef\xbb\xbf")
    if text_head.lstrip().startswith(b"WEBVTT") or text_head.lstrip().startswith(b"[Script Info]"):
        return "subtitles"
    by_extension = _BY_EXTENSION.get(path.suffix.lower())
    if by_extension:
        return by_extension
    if _HTML_START.match(text_head) or (b"multipart/related" in head and _MHTML_START.search(head)):
        return "html"
    if _SRT_START.match(text_head) or TIMED_LINE.match(text_head.decode("utf-8", "ignore").split("\n", 1)[0]):
        return "subtitles"
    return None


def extract(path: Path, data: bytes, *, part: int | None = None, encoding: str | None = None) -> Extracted | None:
    """The readable text of a document, or None if `data` is plain text."""
    kind = kind_of(path, data)
    if part is not None and kind != "epub":
        raise SourceError(f"'#{part}' names a chapter, but this is not an EPUB book", path=path,
                          hint="Chapters can be chosen of .epub books only; name the file without '#…'.")
    if kind is None:
        return None
    # Each format's library is imported only when a file of its kind is read.
    import importlib

    module = importlib.import_module(f"deckgen.reading.formats.{_MODULES[kind]}")
    if kind == "epub":
        return module.extract(path, data, part=part)
    return module.extract(path, data, encoding=encoding)


_MODULES = {"html": "webpage", "epub": "epub", "subtitles": "subtitles", "pdf": "pdf"}


# What the "formats" extra in pyproject.toml installs, spelled so that it works anywhere.
FORMATS_EXTRA = 'pip install "trafilatura>=2.3,<3" lxml_html_clean'


def missing_library(path: Path, what: str, package: str) -> SourceError:
    """The error for a format whose library is an optional extra that is not installed."""
    return SourceError(f"reading {what} needs the optional package '{package}', which is not installed",
                       path=path, hint=f"Install it with: {FORMATS_EXTRA}\n  (this is deckgen's \"formats\" extra: "
                                       "pip install \"deckgen[formats]\", or \".[formats]\" in deckgen's folder)")
