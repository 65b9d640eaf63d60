"""A built deck's notes for other tools: Pleco flashcards, TSV and CSV.

Everything comes from the .apkg as built (its fields, in the deck's order), so an
export says exactly what the deck says, corrections included, with no second
analysis of the sources.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import OutputError, SourceError
from deckgen.packaging.notetype import FIELDS
from deckgen.tones import parse_pinyin

EXPORT_FORMATS = ("pleco", "tsv", "csv", "handout")
SUFFIXES = {"pleco": ".pleco.txt", "tsv": ".tsv", "csv": ".csv", "handout": ".handout.html",
            "preview": ".preview.html"}


@dataclass(frozen=True)
class ExampleText:
    text: str
    term_start: int
    term_end: int
    pinyin: str
    source: str


@dataclass(frozen=True)
class DeckRow:
    """One built note, as plain text (the fields' HTML read back)."""

    fields: dict[str, str]  # the raw fields, HTML as stored
    hanzi: str
    simplified: str
    traditional: str
    pinyin: str  # tone marks, syllables spaced
    pinyin_numbered: tuple[str, ...]
    tones: tuple[tuple[str, int], ...]  # (syllable as shown, tone 1-5; 0 for a Latin part)
    english: str
    examples: tuple[ExampleText, ...]
    sources: str
    hsk: str
    tags: tuple[str, ...]

    @property
    def source(self) -> str:
        """The article the note belongs to: where its first example is from."""
        return self.examples[0].source if self.examples and self.examples[0].source else self.sources


def read_deck(path: Path) -> tuple[str, list[DeckRow]]:
    """The deck's name and its notes in the order they were built."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
            archive.extract("collection.anki2", tmp)
            con = sqlite3.connect(os.path.join(tmp, "collection.anki2"))
            try:
                rows = con.execute("SELECT flds, tags FROM notes ORDER BY id").fetchall()
                decks = con.execute("SELECT decks FROM col").fetchone()[0]
            finally:
                con.close()
    except FileNotFoundError:
        raise SourceError("the deck has not been built yet", path=path,
                          hint="build it first with: deckgen build " + str(path.with_suffix(".toml"))) from None
    except (OSError, zipfile.BadZipFile, KeyError, sqlite3.Error) as error:
        raise SourceError(f"cannot read the deck: {error}", path=path,
                          hint="rebuild it with deckgen build") from None
    import json

    names = [d["name"] for d in json.loads(decks).values() if d.get("id") != 1]
    return (names[0] if names else path.stem), [_row(flds.split("\x1f"), tags.split()) for flds, tags in rows]


_SPAN = re.compile(r'<span class="tone(\d)">(.*?)</span>|([^<\s][^<]*)')
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_PART = re.compile(r'<span class="(zh|py|src)">(.*?)</span>(?=<span class="(?:py|src)"|$)', re.S)
_TERM = re.compile(r'<span class="term">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]*>")


def _text(value: str) -> str:
    return html.unescape(_TAG.sub("", value)).strip()


def _row(values: list[str], tags: list[str]) -> DeckRow:
    fields = dict(zip(FIELDS, values + [""] * (len(FIELDS) - len(values))))
    tones: list[tuple[str, int]] = []
    for match in _SPAN.finditer(fields["Pinyin"]):
        if match.group(1):
            tones.append((html.unescape(match.group(2)), int(match.group(1))))
        elif match.group(3).strip():
            tones.extend((part, 0) for part in html.unescape(match.group(3)).split())
    numbered: list[str] = []
    for syllable, tone in tones:
        try:
            numbered.extend(parse_pinyin(syllable)) if tone else numbered.append(syllable)
        except ValueError:
            numbered.append(syllable)
    return DeckRow(
        fields=fields, hanzi=_text(fields["Hanzi"]), simplified=_text(fields["Simplified"]),
        traditional=_text(fields["Traditional"]), pinyin=" ".join(s for s, _ in tones),
        pinyin_numbered=tuple(numbered), tones=tuple(tones), english=_text(fields["English"]),
        examples=tuple(_examples(fields["Examples"])), sources=_text(fields["Source"]), hsk=_text(fields["HSK"]),
        tags=tuple(tags))


def _examples(value: str) -> list[ExampleText]:
    found = []
    for item in _ITEM.findall(value):
        parts = dict(_PART.findall(item))
        zh = parts.get("zh", "")
        term = _TERM.search(zh)
        before = _text(zh[: term.start()]) if term else ""
        term_text = _text(term.group(1)) if term else ""
        text = _text(zh)
        start = len(before) if term else 0
        found.append(ExampleText(text, start, start + len(term_text), _text(parts.get("py", "")),
                                 _text(parts.get("src", ""))))
    return found


def pleco_text(rows: list[DeckRow]) -> str:
    """Pleco's flashcard import format: `//category` lines, then one card a line,
    `简体[繁體]<TAB>pinyin with tone numbers<TAB>definition` (the brackets only when
    the traditional form differs). A category per source article."""
    lines: list[str] = []
    for source, group in _grouped(rows):
        lines.append("//" + _one_line(source).replace("/", "／"))
        for row in group:
            headword = row.simplified or row.hanzi
            if row.traditional and row.traditional != headword:
                headword += f"[{row.traditional}]"
            pinyin = "".join(_pleco_syllable(s) for s in row.pinyin_numbered)
            lines.append(f"{_one_line(headword)}\t{_one_line(pinyin)}\t{_one_line(row.english)}")
    return "\n".join(lines) + "\n"


def _pleco_syllable(syllable: str) -> str:
    # Tone numbers as CC-CEDICT writes them, ü as u:; Latin parts (AI) kept, punctuation not
    if re.fullmatch(r"[a-z]+[1-5]", syllable):
        return syllable.replace("v", "u:")
    return re.sub(r"[^A-Za-z0-9]", "", syllable)


def table_text(rows: list[DeckRow], delimiter: str) -> str:
    """One note a row under a header: what a spreadsheet or another flashcard tool imports.
    TSV is written as spreadsheets and Anki read it (no quoting; tabs and line breaks
    inside a value become spaces); CSV quotes as RFC 4180 does."""
    header = ["hanzi", "simplified", "traditional", "pinyin", "pinyin_numbered", "english", "example",
              "example_pinyin", "source", "hsk", "tags"]
    records = [header]
    for row in rows:
        example = row.examples[0] if row.examples else None
        records.append([row.hanzi, row.simplified, row.traditional, row.pinyin, " ".join(row.pinyin_numbered),
                        row.english, example.text if example else "", example.pinyin if example else "",
                        row.source, row.hsk, " ".join(row.tags)])
    if delimiter == "\t":
        return "".join("\t".join(_one_line(v) for v in record) + "\n" for record in records)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(records)
    return out.getvalue()


def _one_line(value: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", value).strip()


def _grouped(rows: list[DeckRow]) -> list[tuple[str, list[DeckRow]]]:
    groups: dict[str, list[DeckRow]] = {}
    for row in rows:
        groups.setdefault(row.source or "deck", []).append(row)
    return list(groups.items())


def write_text(path: Path, text: str, *, protect: tuple[Path, ...] = ()) -> None:
    """Write an export atomically; never over a file deckgen does not own (a deck file, a deck)."""
    path = Path(path)
    if path.suffix in (".toml", ".apkg", ".anki2") or any(path.resolve() == p.resolve() for p in protect):
        raise OutputError("deckgen does not write an export over this file", path,
                          hint="choose another name with -o/--output")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        raise OutputError(f"cannot write the file: {error.strerror or error}", path,
                          hint="check the folder's permissions, or choose -o/--output") from None
