"""The composing module: deck file -> reading -> segmenting -> mining -> annotating ->
packaging. The stages never call each other; everything they share passes through here.

A deck is rebuilt only when its inputs changed (the key covers the sources, the deck
file, the known-words file and deckgen's version); notes whose content did not change
keep their previous modification time (packaging), so re-importing leaves them alone.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from deckgen import (
    __version__,
    annotating,
    cache,
    mining,
    overrides,
    packaging,
    reading,
    segmenting,
)
from deckgen.deckfile import DEFAULT_LEVEL, DEFAULT_MAX_TERMS, DeckFile
from deckgen.errors import SourceError
from deckgen.lexicon.cedict import CEDICT_CREDIT
from deckgen.packaging import CARD_TYPES, MODEL_REVISED, DeckPackage
from deckgen.records import Note, Script, Source, Term

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    deck: str
    output: Path
    up_to_date: bool = False
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    unchanged: int = 0
    warnings: tuple[str, ...] = ()
    dry_run: bool = False

    @property
    def total(self) -> int:
        return len(self.added) + len(self.changed) + self.unchanged


@dataclass
class Workspace:
    """What several decks of one run share: each source is read once."""

    encoding: str | None = None
    progress: Progress = lambda message: None
    _sources: dict[Path, Source] = field(default_factory=dict)
    _warnings: dict[Path, tuple[str, ...]] = field(default_factory=dict)
    _contents: dict[Path, bytes] = field(default_factory=dict)
    _anki: dict[tuple[Path, int | None], frozenset[str]] = field(default_factory=dict)

    def anki_known(self, path: Path | None, interval: int | None) -> frozenset[str]:
        """The learned words of an Anki collection, read once in a run."""
        if path is None:
            return frozenset()
        key = (Path(path).resolve(), interval)
        if key not in self._anki:
            self.progress(f"reading known words from {path}")
            self._anki[key] = mining.load_anki_known(path, interval or mining.KNOWN_INTERVAL)
        return self._anki[key]

    def remember(self, path: Path, content: bytes) -> None:
        """A file's bytes as a caller already read them (a deck file, parsed from these)."""
        if content:
            self._contents.setdefault(Path(path).resolve(), content)

    def content(self, path: Path) -> bytes:
        """A file's bytes, read once in a run: a deck's key and its analysis both come
        from these bytes, even if the file is edited during the build."""
        resolved = Path(path).resolve()
        if resolved not in self._contents:
            self._contents[resolved] = reading.read_bytes(reading.file_of(path))
        return self._contents[resolved]

    def sources(self, paths: Sequence[Path], encoding: str | None = None) -> tuple[tuple[Source, ...], tuple[str, ...]]:
        todo = [p for p in paths if Path(p).resolve() not in self._sources]
        if todo:
            self.progress(f"reading {len(todo)} source{'s' if len(todo) != 1 else ''}")
            encoding = self.encoding or encoding  # the command line's --encoding wins over a deck file's
            contents = {Path(p): self.content(p) for p in todo}
            key = cache.key_of("read", encoding, *(_identity_of(p, contents[Path(p)]) for p in todo))
            paths_then, read = cache.cached(
                "read", key, lambda: ([str(p) for p in todo], reading.read_sources(todo, encoding, contents)),
                check=_is_reading)
            read = _moved(read, dict(zip(paths_then, map(str, todo))))
            for source in read.sources:
                self._sources[source.path.resolve()] = source
            for path in todo:  # every warning starts with the path it concerns
                self._warnings[Path(path).resolve()] = tuple(
                    w for w in read.warnings if w.startswith(f"{path}:"))
        resolved = [Path(p).resolve() for p in paths]
        sources = tuple(self._sources[p] for p in resolved if p in self._sources)
        warnings = tuple(w for p in resolved for w in self._warnings.get(p, ()))
        return sources, warnings


def _identity_of(path: Path, content: bytes) -> tuple[str, bytes, bytes]:
    """What reading a source depends on: its name, its bytes, its folder's sources.toml.
    Not the folder: a fresh clone elsewhere reads the same texts."""
    path = Path(path)
    catalog = path.parent / "sources.toml"
    try:
        listed = catalog.read_bytes() if catalog.is_file() else b""
    except OSError:
        listed = b"unreadable"  # reading will say why
    return (path.name, hashlib.sha256(content).digest(), listed)


def _is_reading(value: object) -> bool:
    """The shape of a cached reading: (paths, Reading of Sources)."""
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], list)
            and isinstance(value[1], reading.Reading) and len(value[1].sources) > 0
            and all(isinstance(s, Source) for s in value[1].sources))


def _is_terms(value: object) -> bool:
    """A list of Terms. Not an empty one: a planted or truncated entry looks like that,
    and recomputing the rare text that truly yields no term costs little."""
    return isinstance(value, list) and len(value) > 0 and all(isinstance(t, Term) for t in value)


def _is_note(value: object) -> bool:
    return isinstance(value, Note)


def _moved(reading, paths: dict[str, str]):
    """A cached reading of the same files in another folder, with the paths of this one."""
    if all(old == new for old, new in paths.items()):
        return reading

    def repath(text: str) -> str:
        for old, new in paths.items():
            if text.startswith(old + ":"):
                return new + text[len(old):]
        return text

    sources = tuple(replace(s, path=Path(paths.get(str(s.path), str(s.path))),
                            warnings=tuple(map(repath, s.warnings))) for s in reading.sources)
    return replace(reading, sources=sources, warnings=tuple(map(repath, reading.warnings)))


def build_key(paths: Sequence[Path], workspace: Workspace, extra: bytes = b"") -> str:
    """What a built deck depends on: deckgen's code and data (an upgrade, or an edited
    install, rebuilds every deck), the note type, and the bytes of its inputs as this
    run reads them."""
    digest = hashlib.sha256(cache.code_fingerprint())
    digest.update(f"deckgen {__version__} model {MODEL_REVISED}\n".encode())
    digest.update(extra)
    for path in paths:
        # The sources.toml beside a text names it on every card: a changed name rebuilds.
        name, content, listed = _identity_of(Path(path), workspace.content(path))
        digest.update(name.encode() + b"\0" + content + b"\0" + hashlib.sha256(listed).digest())
    return digest.hexdigest()


def deck_description(description: str, sources: Sequence[Source]) -> str:
    from html import escape

    lines = []
    if description:
        lines.append(f"<p>{escape(description)}</p>")
    items = "".join(f"<li>{escape(s.name)}</li>" for s in sources)
    lines.append(f"<p>Terms and example sentences from:</p><ul>{items}</ul>")
    lines.append(f"<p>Built by deckgen {__version__}. {escape(CEDICT_CREDIT)}</p>")
    return "\n".join(lines)


def build_deck(deck: DeckFile, workspace: Workspace, *, force: bool = False, dry_run: bool = False,
               now: int | None = None) -> BuildReport:
    inputs = [*deck.sources, deck.path, *deck.glossaries] + ([deck.known_words] if deck.known_words else [])
    workspace.remember(deck.path, deck.content)
    # The encoding changes what the sources say: a corrected --encoding must rebuild.
    key = build_key(inputs, workspace, extra=f"encoding {workspace.encoding or deck.encoding}".encode()
                    + _anki_key(deck, workspace))
    return _build(deck, key, workspace, force=force, dry_run=dry_run, now=now)


def _anki_key(deck: DeckFile, workspace: Workspace) -> bytes:
    """The learned words themselves: studying in Anki changes the deck, other edits do not."""
    if deck.known_anki is None:
        return b""
    words = workspace.anki_known(deck.known_anki, deck.known_interval)
    return b"anki " + hashlib.sha256("\n".join(sorted(words)).encode()).digest()


def adhoc_deck(paths: Sequence[Path], output: Path, *, level: int = DEFAULT_LEVEL,
               max_terms: int | None = DEFAULT_MAX_TERMS, known_words: Path | None = None,
               known_anki: Path | None = None, known_interval: int | None = None) -> DeckFile:
    """The deck of texts named on the command line, as if a deck file beside `output` named them."""
    output = Path(output)
    return DeckFile(path=output.with_suffix(".toml"), slug=output.stem, title=output.stem, description="",
                    sources=tuple(Path(p) for p in paths), script=None, level=level, max_terms=max_terms,
                    known_words=Path(known_words) if known_words else None, cards=CARD_TYPES, tags=(),
                    encoding=None, known_anki=Path(known_anki) if known_anki else None,
                    known_interval=known_interval)


def build_adhoc(paths: Sequence[Path], output: Path, workspace: Workspace, *, level: int = DEFAULT_LEVEL,
                max_terms: int | None = DEFAULT_MAX_TERMS, known_words: Path | None = None, force: bool = False,
                dry_run: bool = False, now: int | None = None, known_anki: Path | None = None,
                known_interval: int | None = None) -> BuildReport:
    """`deckgen build article.txt`: one deck of the given texts, default settings, no deck file."""
    deck = adhoc_deck(paths, output, level=level, max_terms=max_terms, known_words=known_words,
                      known_anki=known_anki, known_interval=known_interval)
    inputs = [*deck.sources] + ([deck.known_words] if deck.known_words else [])
    key = build_key(inputs, workspace, extra=f"ad hoc deck, level {level}, at most {max_terms} terms, "
                                  f"encoding {workspace.encoding}".encode() + _anki_key(deck, workspace))
    return _build(deck, key, workspace, force=force, dry_run=dry_run, now=now)


def _build(deck: DeckFile, key: str, workspace: Workspace, *, force: bool, dry_run: bool,
           now: int | None) -> BuildReport:
    output = deck.output
    if not force and not dry_run and packaging.read_build_key(output) == key:
        return BuildReport(deck.title, output, up_to_date=True)

    sources, warnings, _, notes = _mine_and_annotate(deck, workspace)
    if not notes:
        # A deck of nothing teaches nothing, and written over an earlier deck it would
        # only hide that earlier one's notes from the next import.
        raise _no_term_to_learn(deck, f", so {output} was not written")
    previous = packaging.read_previous(output)
    packaged = packaging.package_notes(notes, deck.slug, deck.cards, deck.tags, previous,
                                       now if now is not None else int(time.time()), tts=deck.tts)
    added, changed, dropped, unchanged = packaging.diff(previous, packaged)
    report = BuildReport(deck.title, output, False, tuple(added), tuple(changed), tuple(dropped), unchanged,
                         warnings, dry_run)
    if not dry_run:
        description = deck_description(deck.description, sources)
        workspace.progress(f"writing {output}")
        packaging.write_package(DeckPackage(deck.title, description, tuple(packaged), key), output)
    return report


def _mine_and_annotate(deck: DeckFile, workspace: Workspace):
    segmenter = segmenting.segmenter()
    sources, warnings = workspace.sources(deck.sources, deck.encoding)
    known = mining.load_known_words(deck.known_words, workspace.content(deck.known_words)) \
        if deck.known_words else frozenset()
    known |= workspace.anki_known(deck.known_anki, deck.known_interval)
    options = mining.MiningOptions(level=deck.level, top=deck.max_terms, known=known)
    workspace.progress(f"mining {deck.title}")
    corpus = [(s.name, s.script, s.sentences) for s in sources]
    mining_key = cache.key_of("mine", corpus, options.level, options.top, sorted(known))
    terms = cache.cached("mine", mining_key, lambda: mining.mine(sources, options, segmenter), check=_is_terms)
    terms, corrections = overrides.match(terms, deck.overrides, sources)
    # 空汙 takes the meaning of 空氣汙染 nearby
    long_keys = [cache.key_of("long form", mining_key, term) for term in terms]
    terms = annotating.with_long_forms(terms, sources, lambda long_form: cache.cached_each(
        "long-forms", deck.slug, long_keys, long_form, check=lambda value: isinstance(value, str)))
    workspace.progress(f"annotating {len(terms)} terms")
    # Cached note by note, before the deck file's corrections: correcting a term's meaning
    # is then instant, and adding a term annotates that term only.
    keys = [cache.key_of("note", term, deck.script) for term in terms]
    annotated = cache.cached_each("notes", deck.slug, keys,
                                  lambda i: annotating.annotate(terms[i], segmenter, deck_script=deck.script),
                                  check=_is_note)
    notes = []
    for term, note in zip(terms, annotated):
        correction = corrections.get(term.simplified)
        if correction is not None and correction.examples is not None:  # new sentences need reading
            key = cache.key_of("note", term, deck.script, correction)
            note = cache.cached("note", key, partial(overrides.apply, note, term, correction, segmenter),
                                check=_is_note)
        elif correction is not None:
            note = overrides.apply(note, term, correction, segmenter)
        notes.append(annotating.in_deck_script(note, deck.script))
    return sources, warnings, terms, annotating.disambiguate_homographs(notes)


def review_deck(deck: DeckFile, workspace: Workspace) -> list[tuple[Term, Note]]:
    """What the deck holds and why, for the deck's author to check."""
    _, _, terms, notes = _mine_and_annotate(deck, workspace)
    if not notes:
        raise _no_term_to_learn(deck)
    return list(zip(terms, notes))


def _no_term_to_learn(deck: DeckFile, consequence: str = "") -> SourceError:
    return SourceError(
        f"found no term to learn{consequence}", path=", ".join(map(str, deck.sources)),
        hint=f"Its words are at or below the reader's level ({deck.level}) or among the known words, or the "
             "text is too short (a lone short line is read as a title): lower `level` or add more text.")


@dataclass(frozen=True)
class ListedTerm:
    term: Term
    pinyin: tuple[str, ...]  # numbered syllables
    english: str


def list_terms(files: Sequence[Path], *, top: int, level: int, known_words: Path | None = None,
               encoding: str | None = None, known_anki: Path | None = None, known_interval: int | None = None
               ) -> tuple[tuple[str, ...], Iterator[tuple[Source, list[ListedTerm]]]]:
    """`deckgen terms`: the warnings of reading the files, and each file with its ranked
    terms (the other files serving as context), mined as they are asked for."""
    segmenter = segmenting.segmenter()
    # Read through the reading stage's checks: a FIFO or a device is refused, not waited on.
    known = mining.load_known_words(known_words, reading.read_bytes(Path(known_words))) \
        if known_words else frozenset()
    if known_anki is not None:
        known |= mining.load_anki_known(known_anki, known_interval or mining.KNOWN_INTERVAL)
    read = reading.read_sources(files, encoding)
    options = mining.MiningOptions(level=level, top=top, known=known)

    def per_source() -> Iterator[tuple[Source, list[ListedTerm]]]:
        for source in read.sources:
            rows = []
            for term in mining.mine(read.sources, options, segmenter, focus=source):
                headword_pinyin, english = annotating.reading_and_meaning(term, segmenter)
                rows.append(ListedTerm(term, headword_pinyin, english))
            yield source, rows

    return read.warnings, per_source()


def read_pinyin(line: str, *, numbered: bool) -> str:
    """One line of Chinese read aloud: numbered syllables, or tone marks."""
    render = annotating.pinyin.numbered_line if numbered else annotating.pinyin.marked_line
    return render(line, segmenting.segmenter())


def read_texts(paths: Sequence[Path | str], *, encoding: str | None = None) -> tuple[Source, ...]:
    return reading.read_sources([Path(p) for p in paths], encoding).sources


def mine_terms(sources: Sequence[Source], *, level: int = DEFAULT_LEVEL, top: int | None = None,
               known: Iterable[str] = (), focus: Source | None = None) -> list[Term]:
    options = mining.MiningOptions(level=level, top=top, known=frozenset(known))
    return mining.mine(sources, options, segmenting.segmenter(), focus=focus)


def annotate_term(term: Term, *, script: Script | str | None = None) -> Note:
    deck_script = Script(script) if script is not None else None
    note = annotating.annotate(term, segmenting.segmenter(), deck_script=deck_script)
    return annotating.in_deck_script(note, deck_script)


def export_deck(apkg: Path, fmt: str, output: Path | None = None,
                progress: Progress = lambda message: None, protect: Sequence[Path] = ()) -> tuple[Path, int]:
    """A built deck as a Pleco file, TSV, CSV, a printable handout, or a preview of
    its cards: from the notes as built, never a second analysis. (path written, notes)"""
    apkg = Path(apkg)
    progress(f"reading {apkg}")
    name, rows = packaging.read_deck(apkg)
    if fmt == "pleco":
        text = packaging.pleco_text(rows)
    elif fmt in ("tsv", "csv"):
        text = packaging.table_text(rows, "\t" if fmt == "tsv" else ",")
    elif fmt == "handout":
        text = packaging.handout_html(name, rows, f"{len(rows)} terms · deckgen {__version__}")
    elif fmt == "preview":
        text = packaging.preview_html(name, rows)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    target = Path(output) if output is not None else apkg.with_name(apkg.stem + packaging.SUFFIXES[fmt])
    progress(f"writing {target}")
    packaging.write_text(target, text, protect=(apkg, *(reading.file_of(p) for p in protect)))
    return target, len(rows)
