"""EPUB books: chapters in reading order, each also readable on its own (book.epub#3).

An EPUB is a zip of XHTML chapters listed by an OPF package file (manifest, and the
spine that gives reading order) with a table of contents (EPUB 3 nav document or
EPUB 2 NCX). These are read with the standard library's zip, XML and HTML parsers.
The one EPUB library for Python (ebooklib) is AGPL-3.0, which would bind everyone
who installs deckgen, and it fails a whole book over one missing chapter file.

Chapter bodies go through html.parser, not an XML parser: e-books use HTML entities
(&nbsp;) that XML rejects or drops. Ruby readings (<rt>) and footnotes are left out:
'胡同hútòng' is not Chinese text.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from deckgen.errors import SourceError
from deckgen.reading.formats import Extracted

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_OPS = "{http://www.idpf.org/2007/ops}"


@dataclass(frozen=True)
class Chapter:
    number: int  # 1-based, over the chapters that hold text, in reading order
    title: str | None
    lines: tuple[str, ...]


def chapters(path: Path, data: bytes) -> tuple[str | None, list[Chapter]]:
    """The book's title and its chapters in reading order."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return _read(book)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, AttributeError) as error:
        raise SourceError(f"cannot read the EPUB book: {error}", path=path,
                          hint="Check that the file is a complete EPUB; open it in an e-book reader.") from None


def extract(path: Path, data: bytes, *, part: int | None = None) -> Extracted:
    title, found = chapters(path, data)
    if not found:
        raise SourceError("the EPUB book holds no text", path=path, hint="Check the book in an e-book reader.")
    if part is not None:
        if not 1 <= part <= len(found):
            listing = "; ".join(f"#{c.number} {c.title or '(untitled)'}" for c in found[:40])
            raise SourceError(f"the book has no chapter #{part}; it has {len(found)}: {listing}",
                              path=Path(f"{path}#{part}"), hint=f"Name a chapter from #1 to #{len(found)}.")
        chapter = found[part - 1]
        name = " · ".join(x for x in (title, chapter.title or f"chapter {part}") if x)
        return Extracted(chapter.lines, tuple(_place(chapter) for _ in chapter.lines), name, "epub")
    lines = tuple(line for c in found for line in c.lines)
    places = tuple(_place(c) for c in found for _ in c.lines)
    return Extracted(lines, places, title, "epub")


def _place(chapter: Chapter) -> str:
    return f"chapter #{chapter.number}" + (f" ({chapter.title})" if chapter.title else "")


def _join(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))


def _read(book: zipfile.ZipFile) -> tuple[str | None, list[Chapter]]:
    names = set(book.namelist())
    rootfile = ElementTree.fromstring(book.read("META-INF/container.xml")).find(f".//{_CONTAINER}rootfile")
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path:
        raise KeyError("META-INF/container.xml names no package file")
    base = posixpath.dirname(opf_path)
    opf = ElementTree.fromstring(book.read(opf_path))
    title = (opf.findtext(f".//{_DC}title") or "").strip() or None
    manifest = {item.get("id"): item for item in opf.iter(_OPF + "item")}
    spine = opf.find(_OPF + "spine")
    if spine is None:
        raise KeyError("the package file has no spine")
    titles = _toc_titles(book, manifest, spine, base)
    found: list[Chapter] = []
    last_title = None
    for ref in spine.findall(_OPF + "itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or item.get("media-type") not in ("application/xhtml+xml", "text/html"):
            continue
        if "nav" in (item.get("properties") or "").split():
            continue
        name = _join(base, item.get("href") or "")
        if name not in names:  # a broken manifest entry loses that file, not the book
            continue
        lines = _text_lines(book.read(name))
        # A chapter split over several files has its title on the first only.
        last_title = titles.get(name, last_title)
        if lines:
            found.append(Chapter(len(found) + 1, last_title, tuple(lines)))
    return title, found


def _toc_titles(book: zipfile.ZipFile, manifest: dict, spine, base: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    depth: dict[str, int] = {}

    def put(name: str, text: str, level: int) -> None:
        text = re.sub(r"\s+", " ", text).strip()
        # A part and its first chapter point at one file: the deeper entry names it.
        if text and (name not in titles or level > depth[name]):
            titles[name], depth[name] = text, level

    nav = next((i for i in manifest.values() if "nav" in (i.get("properties") or "").split()), None)
    if nav is not None:
        nav_path = _join(base, nav.get("href") or "")
        try:
            root = ElementTree.fromstring(book.read(nav_path))
        except (KeyError, ElementTree.ParseError):
            root = None
        if root is not None:
            for element in root.iter(_XHTML + "nav"):
                if element.get(_OPS + "type", "toc") != "toc":  # page lists and landmarks name no chapters
                    continue

                def walk(parent, level: int) -> None:
                    for child in parent:
                        if child.tag == _XHTML + "a" and child.get("href"):
                            put(_join(posixpath.dirname(nav_path), child.get("href")), "".join(child.itertext()),
                                level)
                        walk(child, level + (child.tag == _XHTML + "ol"))

                walk(element, 0)
    if not titles and spine.get("toc") in manifest:
        ncx_path = _join(base, manifest[spine.get("toc")].get("href") or "")
        try:
            root = ElementTree.fromstring(book.read(ncx_path))
        except (KeyError, ElementTree.ParseError):
            return titles

        def walk_ncx(parent, level: int) -> None:
            for point in parent.findall(_NCX + "navPoint"):
                content = point.find(_NCX + "content")
                if content is not None:
                    put(_join(posixpath.dirname(ncx_path), content.get("src", "")),
                        point.findtext(f"{_NCX}navLabel/{_NCX}text") or "", level)
                walk_ncx(point, level + 1)

        nav_map = root.find(_NCX + "navMap")
        if nav_map is not None:
            walk_ncx(nav_map, 0)
    return titles


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section", "article",
           "aside", "header", "footer", "tr", "table", "dt", "dd", "figcaption", "br", "hr"}
_SKIPPED = {"rt", "rp", "script", "style", "head", "title"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}


class _Lines(HTMLParser):
    """A chapter's text, a block element a line; ruby readings and footnotes left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0

    def flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        if line:
            self.lines.append(line)
        self.buffer.clear()

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get("epub:type") or ""
        skip = tag in _SKIPPED or "footnote" in kind or "noteref" in kind or "endnote" in kind
        if tag in _BLOCKS:
            self.flush()
        if tag in _VOID:
            return
        self.stack.append((tag, skip))
        self.skipping += skip

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):  # unclosed inner tags close with their parent
            if self.stack[i][0] == tag:
                self.skipping -= sum(skip for _, skip in self.stack[i:])
                del self.stack[i:]
                break
        if tag in _BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.buffer.append(data)


def _text_lines(data: bytes) -> list[str]:
    # EPUB content documents are UTF-8 or UTF-16 by the standard.
    text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("utf-8", "replace")
    parser = _Lines()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines
