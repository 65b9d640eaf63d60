"""The small frozen records passed between the pipeline's stages.

reading     -> Source, Sentence (each with its simplified form)
segmenting  -> Token, through a Segmenter the composing module hands to the others
mining      -> Term, with its Occurrences
annotating  -> Note, Example, Syllable
packaging   writes Notes into an .apkg
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from deckgen.script import Script, simplified_in_place


@dataclass(frozen=True)
class Sentence:
    """One clean sentence of a source: never part of a damaged span."""

    text: str
    source: str  # the source's short name
    line: int  # 1-based line of the file the sentence starts on
    simplified: str = ""  # the text in simplified characters, character for character
    where: str = ""  # in a document that is not plain text: its page, cue or chapter, e.g. "page 3"
    # What the line is (reading.structure): "text" (running text), "title", "heading",
    # "list item", "caption", "byline", "reference", "link". Only running text is mined
    # and used as an example.
    kind: str = "text"

    def __post_init__(self) -> None:
        if not self.simplified:
            object.__setattr__(self, "simplified", simplified_in_place(self.text))
        elif len(self.simplified) != len(self.text):
            raise ValueError("a sentence's simplified form must keep every character in place")


@dataclass(frozen=True)
class DamagedSpan:
    """A stretch of text that was corrupted before it reached us."""

    line: int
    column: int  # 1-based
    text: str  # as it appears in the file
    repair: str | None  # the confidently restored original, if any


@dataclass(frozen=True)
class Source:
    """A text source, decoded and normalised."""

    path: Path
    name: str  # short name shown on cards, e.g. "商業周刊 1896"
    text: str  # the whole normalised text, damaged spans included as found
    encoding: str  # what it was decoded from, e.g. "utf-8", "gb18030", "big5"
    script: Script
    sentences: tuple[Sentence, ...]  # clean sentences, in order
    damage: tuple[DamagedSpan, ...] = ()
    warnings: tuple[str, ...] = ()  # things the user should hear about, already worded
    speakers: frozenset[str] = frozenset()  # a play's speakers, named at the start of their lines

    @property
    def clean_text(self) -> str:
        """The text with damaged sentences left out, one sentence a line."""
        return "\n".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Token:
    """A word of a segmented text, with its character offsets."""

    text: str
    start: int
    end: int
    pos: str = ""  # jieba part-of-speech tag when asked for, e.g. "n", "nr", "eng"


class Segmenter(Protocol):
    """What mining and annotating need of the segmenting stage. Texts are simplified."""

    def words_of_each(self, texts: Iterable[str]) -> list[tuple[str, ...]]: ...

    def words_of(self, text: str) -> tuple[str, ...]: ...

    def tokens(self, text: str) -> tuple[Token, ...]: ...

    def tagged_tokens(self, text: str) -> list[Token]: ...


@dataclass(frozen=True)
class Occurrence:
    """Where mining found a term: a sentence and the term's span in it."""

    sentence: Sentence
    start: int
    end: int
    inside: bool = False  # inside another term of the deck there (低空 of 低空经济)


@dataclass(frozen=True)
class Term:
    """A key term mined from the sources, before annotation."""

    text: str  # the headword as first written in the sources
    simplified: str
    traditional: str
    score: float
    why: tuple[str, ...]  # human-readable reasons, e.g. "quoted 2×"
    forms: tuple[str, ...] = ()  # every surface form seen (晶片 and 芯片, 內捲 and 内卷)
    gloss: str | None = None  # an in-text definition or expansion (内卷 <- 指过度竞争)
    expansion_of: str | None = None  # for an acronym: the term it abbreviates (CANN)
    abbreviation: str | None = None  # for a long form: how the text abbreviates it (GPU)
    occurrences: tuple[Occurrence, ...] = ()  # the first place in each sentence it occurs in
    count: int = 0
    long_form: str | None = None  # a longer form nearby in the texts that this term abbreviates (空汙 <- 空氣汙染)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(o.sentence for o in self.occurrences)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.sentence.source for o in self.occurrences))


@dataclass(frozen=True)
class Syllable:
    """One character's reading: numbered pinyin (lv4, ma5) or None if unknown."""

    text: str
    pinyin: str | None


@dataclass(frozen=True)
class Example:
    """An example sentence with the term located in it."""

    text: str  # trimmed sentence
    start: int  # the term's span in text
    end: int
    syllables: tuple[Syllable, ...]  # reading of `text`, one per character
    source: str


@dataclass(frozen=True)
class Note:
    """A fully annotated term, ready to be packaged. Strings are plain text, not HTML."""

    hanzi: str
    simplified: str
    traditional: str
    pinyin: tuple[str, ...]  # numbered syllables of the headword; () for CANN-like terms
    english: str
    meaning_from: str  # "CC-CEDICT", "in-text definition", "composed from parts", ...
    examples: tuple[Example, ...]
    also_written: tuple[str, ...] = ()  # regional variants, e.g. ("晶片 (Taiwan)",)
    classifier: str = ""
    chinese_definition: str = ""
    hsk: str = ""  # "HSK 5", "HSK 7-9" or "beyond HSK"
    frequency: str = ""
    sources: tuple[str, ...] = ()
    notes: str = ""
    identity: str = ""  # what the note's GUID is made from: stable under corrections
    tags: tuple[str, ...] = field(default=())
