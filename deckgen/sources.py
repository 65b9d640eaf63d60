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

import codecs
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deckgen import tables
from deckgen.errors import SourceError
from deckgen.records import DamagedSpan, Script, Sentence, Source
from deckgen.script import detect_script, is_han

CATALOG_NAME = "sources.toml"

ENCODING_HINT = "Name the file's encoding with --encoding (for example --encoding gb18030 or --encoding big5)."


@dataclass(frozen=True)
class Reading:
    """What `read_sources` read: the sources in the order given, and every warning of
    the reading, already worded for the user and each starting with the file's path:
    files skipped (empty or named twice) and each source's own warnings (damaged
    text), so a caller can show just these. Source.warnings keeps a file's own."""

    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()


class EmptySourceError(SourceError):
    """The file holds no text. `read_sources` skips such files when others have text."""


# ---------------------------------------------------------------------------
# Reading sources
# ---------------------------------------------------------------------------


def read_source(path: Path | str, encoding: str | None = None, *, name: str | None = None) -> Source:
    """Read one text file: decode, normalise, find damaged spans, split clean sentences.

    `name` overrides the short name; otherwise the `name` given for the file in a
    `sources.toml` beside it is used, else the file's stem.
    """
    path = Path(path)
    data = _read_bytes(path)
    text, used_encoding = _decode(data, path, encoding)
    text = normalise(text)
    if not text.strip():
        raise EmptySourceError("the file holds no text", path=path, hint="Remove it from the list, or fill it.")

    entry = _catalog_entry(path)
    short_name = name or entry.get("name") or path.stem
    script = _catalog_script(entry, path) or detect_script(text)

    damage = _locate_damage(text)
    splittable_text, masked = _apply_repairs(text, damage)
    pieces = _sentence_pieces(splittable_text, first_line=1)
    sentences = tuple(
        Sentence(piece.text, short_name, piece.line) for piece in _without_overlaps(pieces, masked)
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


def read_sources(paths: Iterable[Path | str], encoding: str | None = None) -> Reading:
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
            source = read_source(path, encoding)
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


def _read_bytes(path: Path) -> bytes:
    # Read first and explain afterwards: checking beforehand would race with the
    # file system and still leave odd failures (name too long, a file used as folder).
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise SourceError("no such file", path=path, hint="Check the file name and the folder it is in.") from None
    except IsADirectoryError:
        raise SourceError("this is a folder, not a text file", path=path, hint="Name the text files inside it.") from None
    except PermissionError:
        if path.is_dir():
            raise SourceError("this is a folder, not a text file", path=path, hint="Name the text files inside it.") from None
        raise SourceError(
            "cannot read the file: permission denied", path=path, hint="Check the file's permissions."
        ) from None
    except OSError as error:
        raise SourceError(
            f"cannot read the file: {error.strerror or error}", path=path, hint="Check that the file is readable."
        ) from None


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}
# Big5 variants from the narrowest to the widest: a file that only needs big5 is reported as big5.
_BIG5_CODECS = ("big5", "cp950", "big5hkscs")

# Share of characters that must be common Chinese characters for a Chinese decoding to be trusted.
_MIN_CHINESE_SHARE = 0.5
# A decoded file with more control characters than this (share, and count: a few
# stray ones in a short text are noise, not binary data) is not text.
_MAX_CONTROL_SHARE = 0.05
_MIN_CONTROLS_FOR_BINARY = 8


def _decode(data: bytes, path: Path, encoding: str | None) -> tuple[str, str]:
    """The file's text and the codec it was decoded with."""
    if not data:
        raise EmptySourceError("the file is empty", path=path, hint="Remove it from the list, or fill it.")
    if encoding is not None:
        text, used = _decode_as(data, path, encoding)
    else:
        text, used = _detect_and_decode(data, path)
    _reject_binary(text, path)
    return text, used


def _decode_as(data: bytes, path: Path, encoding: str) -> tuple[str, str]:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise SourceError(
            f"unknown encoding {encoding!r}",
            path=path,
            hint="Give --encoding (or a deck file's encoding) an encoding name Python knows, such as utf-8, gb18030, big5 or utf-16.",
        ) from None
    # A BOM written by the producing program says more than the name given; honour a
    # UTF-8 BOM under utf-8 (Python's utf-8 codec would keep it as a character).
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            f"the file is not valid {encoding} (byte {error.start} cannot be decoded)",
            path=path,
            line=line,
            hint="Leave out --encoding to let deckgen detect the encoding, or name the right one.",
        ) from None
    except Exception:  # codecs that are not text encodings (e.g. 'rot13', 'zlib') fail in their own ways
        raise SourceError(
            f"{encoding!r} cannot decode this file",
            path=path,
            hint="Give --encoding (or a deck file's encoding) a text encoding such as utf-8, gb18030, big5 or utf-16.",
        ) from None
    _reject_private_use(text, path, encoding)
    return text, codec


# GB18030 decodes almost any byte stream without an error: Big5 text read as gb18030
# comes out with about a third of its characters in the private-use area, which no font
# shows and no Chinese text holds. A named encoding that reads a file like that is wrong.
_MAX_PRIVATE_USE_SHARE = 0.05
_MIN_PRIVATE_USE = 8


def _reject_private_use(text: str, path: Path, encoding: str) -> None:
    sample = text[:100_000]
    private = [i for i, ch in enumerate(sample) if unicodedata.category(ch) == "Co"]
    visible = sum(1 for ch in sample if not ch.isspace())
    if len(private) >= _MIN_PRIVATE_USE and len(private) > _MAX_PRIVATE_USE_SHARE * visible:
        raise SourceError(
            f"read as {encoding}, the file is full of private-use characters that no font shows: "
            f"it is probably not {encoding}",
            path=path,
            line=sample.count("\n", 0, private[0]) + 1,
            hint="Leave out --encoding to let deckgen detect the encoding, or name the right one "
            "(a Big5 file read as gb18030 looks like this).",
        )


def _detect_and_decode(data: bytes, path: Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise SourceError(
                    f"the file starts with a {codec} byte-order mark but is not valid {codec}",
                    path=path,
                    hint=ENCODING_HINT,
                ) from None
    # Valid UTF-8 of any length is almost never an accident in another encoding.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = _best_guess(data)
    if decoded is None:
        raise SourceError(
            "cannot tell which encoding the file is in (or it is not a text file)", path=path, hint=ENCODING_HINT
        )
    return decoded


def _best_guess(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, then settle GB-versus-Big5 by reading the results.

    GB18030 decodes almost any Big5 byte stream without error (into nonsense), and
    Big5 decodes much GB text the same way, so error-free decoding proves nothing:
    the decoding with more common Chinese characters wins.
    """
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))
    except Exception:  # a detector failure must not become a traceback; the trials below still run
        matches = []
    suggested: set[str] = set()
    for match in matches:
        suggested.add(_codec_name(match.encoding))
        suggested.update(_codec_name(name) for name in match.could_be_from_charset)

    chinese: list[tuple[float, str, str]] = []
    # Always try both families: on short texts charset-normalizer may offer neither.
    for codec in ("gb18030", *_BIG5_CODECS):
        text = _strict_decode(data, codec)
        if text is not None:
            chinese.append((_common_chinese_share(text), codec, text))
            if codec in _BIG5_FAMILY:
                break  # the narrowest Big5 variant that decodes is the one to report
    if chinese:
        share, codec, text = max(chinese, key=lambda item: item[0])
        family_suggested = suggested & (_GB_FAMILY if codec == "gb18030" else _BIG5_FAMILY)
        if share >= _MIN_CHINESE_SHARE or (family_suggested and share > 0):
            return text, codec

    if matches:
        best = matches[0]
        codec = _codec_name(best.encoding)
        text = _strict_decode(data, codec)
        if text is not None:
            return text, codec
    return None


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _strict_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _reject_binary(text: str, path: Path) -> None:
    sample = text[:100_000]
    controls = sum(1 for ch in sample if _is_control(ch) and ch not in "\t\n\r\f")
    if controls >= _MIN_CONTROLS_FOR_BINARY and controls > _MAX_CONTROL_SHARE * len(sample):
        raise SourceError(
            "this does not look like a text file (it holds binary data)",
            path=path,
            hint="Convert it to plain text first; if it is text, " + ENCODING_HINT[0].lower() + ENCODING_HINT[1:],
        )


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _normalisation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        table[code] = None  # control characters carry nothing a card can show
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    table[0xFEFF] = None  # byte-order marks, stray ones included
    # Line and paragraph separators are not line breaks to editors or `grep -n`,
    # so they must not shift line numbers; a space keeps the words apart.
    table[0x2028] = " "
    table[0x2029] = " "
    # Full-width Latin letters and digits only (ＣＡＮＮ -> CANN, ２０２４ -> 2024).
    # Full-width punctuation is Chinese punctuation and stays as written.
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            table[code] = chr(code - 0xFEE0)
    return table


def normalise(text: str) -> str:
    """Line breaks to LF, no BOM or control characters, tabs as spaces, full-width
    Latin letters and digits as ASCII, combining marks composed (NFC). Linear time."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_normalisation_table())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# ---------------------------------------------------------------------------
# Catalog (sources.toml beside the files) and script
# ---------------------------------------------------------------------------


def _catalog_entry(path: Path) -> dict:
    catalog = path.parent / CATALOG_NAME
    if not catalog.is_file():
        return {}
    import tomllib

    try:
        with catalog.open("rb") as handle:
            tables = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SourceError(
            f"the catalog is not valid TOML ({error})", path=catalog, hint="Fix the catalog or remove it."
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read the catalog ({error})", path=catalog, hint="Check the file.") from None
    entry = tables.get(path.name, {})
    if not isinstance(entry, dict):
        raise SourceError(
            f"the entry for {path.name!r} must be a table", path=catalog, hint=f'Write it as ["{path.name}"].'
        )
    if "name" in entry and not (isinstance(entry["name"], str) and entry["name"].strip()):
        raise SourceError(f"the name for {path.name!r} must be non-empty text", path=catalog)
    return entry


def _catalog_script(entry: dict, path: Path) -> Script | None:
    value = entry.get("script")
    if value is None:
        return None
    try:
        return Script(str(value).strip().lower())
    except ValueError:
        raise SourceError(
            f"unknown script {value!r} for {path.name!r}",
            path=path.parent / CATALOG_NAME,
            hint='Write script = "simplified" or script = "traditional".',
        ) from None


# ---------------------------------------------------------------------------
# How plausible a run of characters is as Chinese
# ---------------------------------------------------------------------------


_FREQUENCIES = "char_frequency.tsv"


@lru_cache(maxsize=1)
def _character_frequencies() -> dict[str, int]:
    """How often each character occurs in jieba's dictionary, summed over its words.

    Shipped as a table (`python -m deckgen.sources --build-frequencies` writes it):
    summing over jieba's 350,000 words at run time took longer than reading a text.
    """
    return {char: int(frequency) for char, frequency in tables.read(_FREQUENCIES)}


def build_character_frequencies() -> dict[str, int]:
    from deckgen.segment import tokenizer

    counts: dict[str, int] = {}
    for word, frequency in tokenizer().FREQ.items():
        if frequency:
            for ch in word:
                counts[ch] = counts.get(ch, 0) + frequency
    return counts


def write_character_frequencies() -> Path:
    counts = build_character_frequencies()
    return tables.write(_FREQUENCIES, [
        "char<TAB>frequency: summed over the words of jieba's dictionary that contain it;",
        "generated by `python -m deckgen.sources --build-frequencies`; do not edit by hand.",
    ], ([char, str(counts[char])] for char in sorted(counts)))


@lru_cache(maxsize=65536)
def _character_frequency(ch: str) -> int:
    """jieba's dictionary is simplified: a traditional character counts as its simplified form."""
    counts = _character_frequencies()
    frequency = counts.get(ch, 0)
    if is_han(ch):
        from deckgen.script import to_simplified

        simplified = to_simplified(ch)
        if simplified != ch and len(simplified) == 1:
            frequency = max(frequency, counts.get(simplified, 0))
    return frequency


def _word_frequency(word: str) -> int:
    from deckgen.script import to_simplified
    from deckgen.segment import word_frequency

    return max(word_frequency(word), word_frequency(to_simplified(word)))


def _weighs_in(ch: str) -> bool:
    """Characters that count for plausibility: Han and other non-ASCII letters and
    symbols (mojibake is full of bopomofo, box drawing, Greek). Punctuation,
    spaces and ASCII say nothing either way."""
    if ord(ch) < 0x80 or ch.isspace():
        return False
    return not unicodedata.category(ch).startswith("P")


def _plausibility(text: str) -> tuple[float, int]:
    """Mean log10 frequency of the characters that count, and how many counted.
    Running Chinese text scores about 4.5-5; mojibake 2-3.5."""
    scores = [math.log10(1 + _character_frequency(ch)) if is_han(ch) else 0.0 for ch in text if _weighs_in(ch)]
    if not scores:
        return 0.0, 0
    return sum(scores) / len(scores), len(scores)


# A character at least this frequent is "common" (about the 2,500 most frequent characters).
_COMMON_FREQUENCY = 2000


def _common_chinese_share(text: str) -> float:
    """Share of the Han characters in (a sample of) `text` that are common ones; 0 if none."""
    han = [ch for ch in text[:20000] if is_han(ch)]
    if not han:
        return 0.0
    return sum(1 for ch in han if _character_frequency(ch) >= _COMMON_FREQUENCY) / len(han)


# ---------------------------------------------------------------------------
# Damaged spans
# ---------------------------------------------------------------------------
#
# The damage this finds: text that went through GBK, where one byte was replaced by
# "?" (or lost). From there on the decoder pairs each character's trail byte with
# the next one's lead byte, so the following characters come out as rare, unrelated
# characters until an ASCII byte puts it back in step:
#
#     original   。        可     以     看     出     ,
#     bytes      A1 A3     BF C9  D2 D4  BF B4  B3 F6  2C
#     damaged    ?  A3 BF  C9 D2  D4 BF  B4 B3  F6 2C
#     decoded    ?  ？     梢     钥     闯     ?  ,        ("？" later made ASCII "?")
#
# Re-encoding the damaged characters as GBK, dropping the first byte (the trail of
# the character whose lead byte was lost) and decoding again restores the original.
# A "?" right before Han characters is also an ordinary question mark, so a span
# counts as damaged only when the re-decoded text is far more plausible Chinese
# than the text as found.

_DAMAGE_MARKERS = frozenset("?？\ufffd")

# A repair must read like running Chinese (mean log frequency) ...
_PLAUSIBLE = 4.0
# ... and beat the text as found by this much.
_MARGIN = 1.0
# Text glued to a marker that scores below this is damage even when it cannot be repaired.
_IMPLAUSIBLE = 2.8
_MIN_SCORED = 3

# The character whose lead byte was lost is known only by its trail byte. These
# punctuation marks are the likely ones, and their trail bytes tell them apart.
_PUNCTUATION_BY_TRAIL = {
    0xA3: "。",
    0xAC: "，",
    0xA2: "、",
    0xBB: "；",
    0xBA: "：",
    0xBF: "？",
    0xA1: "！",
    0xB0: "“",
    0xB1: "”",
}

# Guessing a lost final byte: the best candidate must form a dictionary word with
# the character before it this often, and that often more than the runner-up.
_MIN_GUESS_WORD_FREQUENCY = 100
_GUESS_LEAD = 2.0

# A restored text holding a Han character rarer than this is not trusted.
_RARE_IN_REPAIR = 30

_GBK_TRAIL_BYTES = tuple(range(0x40, 0x7F)) + tuple(range(0x80, 0xFF))


@dataclass(frozen=True)
class _Damage:
    start: int  # offsets into the text
    end: int
    span: DamagedSpan
    probable: str | None  # what the restorable part reads, when the whole is not confident


def find_damage(text: str) -> tuple[DamagedSpan, ...]:
    """The damaged spans of a (normalised) text, in order, with confident repairs."""
    return tuple(found.span for found in _locate_damage(text))


def _locate_damage(text: str) -> list[_Damage]:
    found: list[_Damage] = []
    line, line_start, counted_to = 1, 0, 0
    index = 0
    end_of_text = len(text)
    while index < end_of_text:
        if text[index] not in _DAMAGE_MARKERS:
            index += 1
            continue
        candidate = _damage_at(text, index)
        if candidate is None:
            index += 1
            continue
        start, end, repair, probable = candidate
        # Lines are counted incrementally so the whole scan stays linear.
        line += text.count("\n", counted_to, start)
        newline = text.rfind("\n", counted_to, start)
        if newline != -1:
            line_start = newline + 1
        counted_to = start
        span = DamagedSpan(line=line, column=start - line_start + 1, text=text[start:end], repair=repair)
        found.append(_Damage(start, end, span, probable))
        index = end
    return found


def _damage_at(text: str, marker: int) -> tuple[int, int, str | None, str | None] | None:
    """(start, end, repair, probable reading) of a damaged span starting at `marker`, or None."""
    position = marker + 1
    # A full-width ASCII character right after the marker (made half-width later, or by
    # normalise) is the damaged pair "trail byte A3 + the next character's lead byte".
    first_bytes = b""
    if position < len(text) and _fullwidth_gbk(text[position]) is not None:
        first_bytes = _fullwidth_gbk(text[position])
        position += 1
    body_start = position
    while position < len(text) and _double_byte_gbk(text[position]) is not None:
        position += 1
    body = text[body_start:position]
    if not any(is_han(ch) for ch in body):
        return None

    shifted = first_bytes + body.encode("gbk")
    lost_trail = shifted[0]  # trail byte of the character whose lead byte was lost
    restored = shifted[1:]
    end = position
    final_byte_known = False
    if position < len(text) and 0x40 <= ord(text[position]) <= 0x7E:
        # An ASCII letter or sign inside the damage is a trail byte that put the decoder back in step.
        restored += text[position].encode("ascii")
        end = position + 1
        final_byte_known = True
    elif position < len(text) and text[position] in _DAMAGE_MARKERS:
        end = position + 1  # the last trail byte was lost to a "?"

    as_found, scored = _plausibility(text[marker:end])
    exact, dangling = _decode_prefix(restored)
    exact_score, _ = _plausibility(exact)
    repairable = "\ufffd" not in exact and exact_score >= _PLAUSIBLE and exact_score >= as_found + _MARGIN
    if not repairable:
        if scored >= _MIN_SCORED and as_found < _IMPLAUSIBLE:
            return marker, end, None, None
        return None

    opening = _PUNCTUATION_BY_TRAIL.get(lost_trail) or ""
    doubtful = _first_doubtful(exact)
    if doubtful is not None:
        # Some bytes were lost beyond recovery (e.g. pairs the damaging program dropped):
        # only the part before the first doubtful character is known.
        return marker, end, None, _probable_reading(opening + exact[:doubtful])
    final = ""
    if dangling is not None and not final_byte_known:
        final = _guess_final_character(dangling, exact) or ""
    if opening and (dangling is None or final):
        # Full-width letters in a repair are normalised like the rest of the text.
        return marker, end, normalise(opening + exact + final), None
    return marker, end, None, _probable_reading(opening + exact)


def _first_doubtful(repair: str) -> int | None:
    """Where a re-decoded text stops looking like original text: a replacement
    character, a rare Han character, or a non-Han letter or symbol (full-width Latin,
    bopomofo, box drawing) among the Han characters."""
    for index, ch in enumerate(repair):
        if ch == "\ufffd":
            return index
        if not _weighs_in(ch):
            continue
        if not is_han(ch) or _character_frequency(ch) < _RARE_IN_REPAIR:
            return index
    return None


def _probable_reading(text: str) -> str | None:
    """A partial reading worth telling the user about: a few plausible characters."""
    score, scored = _plausibility(text)
    return text if scored >= 2 and score >= _PLAUSIBLE else None


def _fullwidth_gbk(ch: str) -> bytes | None:
    """GBK bytes of the full-width form of an ASCII character (always A3 xx), else None."""
    code = ord(ch)
    if 0x21 <= code <= 0x7E:
        return bytes((0xA3, code + 0x80))
    if 0xFF01 <= code <= 0xFF5E:
        return bytes((0xA3, code - 0xFEE0 + 0x80))
    return None


def _double_byte_gbk(ch: str) -> bytes | None:
    if ord(ch) < 0x80:
        return None
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


def _decode_prefix(data: bytes) -> tuple[str, int | None]:
    """Decode GBK bytes; a last lead byte without its trail is returned apart."""
    try:
        return data.decode("gbk"), None
    except UnicodeDecodeError as error:
        if error.start == len(data) - 1 and data[-1] >= 0x81:
            return data[:-1].decode("gbk", errors="replace"), data[-1]
        return data.decode("gbk", errors="replace"), None


def _guess_final_character(lead: int, before: str) -> str | None:
    """The character whose trail byte was lost, when one candidate clearly makes a word
    with the character before it (看 + B3?? -> 看出, ahead of 看成)."""
    if not before:
        return None
    previous = before[-1]
    ranked = sorted(
        ((_word_frequency(previous + candidate), candidate) for candidate in _gbk_candidates(lead)),
        reverse=True,
    )
    if not ranked:
        return None
    best_frequency, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    if best_frequency >= _MIN_GUESS_WORD_FREQUENCY and best_frequency >= _GUESS_LEAD * runner_up:
        return best
    return None


@lru_cache(maxsize=256)
def _gbk_candidates(lead: int) -> tuple[str, ...]:
    out = []
    for trail in _GBK_TRAIL_BYTES:
        try:
            out.append(bytes((lead, trail)).decode("gbk"))
        except UnicodeDecodeError:
            pass
    return tuple(out)


# Stands in for damaged text while splitting: it neither ends a sentence nor opens a
# quotation, so the whole sentence around a damaged span stays one piece and is left out.
_DAMAGE_PLACEHOLDER = "\u25a1"


def _apply_repairs(text: str, damage: list[_Damage]) -> tuple[str, list[tuple[int, int]]]:
    """The text to split into sentences: confident repairs put in, the other damaged
    spans masked; and the (start, end) offsets of the masked spans in it. Repairs
    never contain line breaks, so line numbers are unchanged."""
    pieces: list[str] = []
    masked: list[tuple[int, int]] = []
    written = 0  # length of the output so far
    taken = 0  # offset in `text` copied up to
    for found in damage:
        pieces.append(text[taken : found.start])
        written += found.start - taken
        if found.span.repair is not None:
            replacement = found.span.repair
        else:
            # The "?" in damaged text would otherwise end a sentence inside the damage
            # and leave its clean-looking remainder (",玉汝于成”,…") as a sentence.
            replacement = _DAMAGE_PLACEHOLDER * (found.end - found.start)
            masked.append((written, written + len(replacement)))
        pieces.append(replacement)
        written += len(replacement)
        taken = found.end
    pieces.append(text[taken:])
    return "".join(pieces), masked


def _damage_warning(path: Path, found: _Damage) -> str:
    span = found.span
    where = f"{path}:{span.line}"
    cause = "an encoding error before the file reached us"
    if span.repair is not None:
        return f"{where}: damaged text {span.text!r} ({cause}) repaired as {span.repair!r}; the repaired sentence is used"
    if found.probable:
        return f"{where}: damaged text {span.text!r} ({cause}) left out; it probably began {found.probable!r}"
    return f"{where}: damaged text {span.text!r} ({cause}) left out"


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

_TERMINATORS = frozenset("。！？!?；;")
_CLOSERS = frozenset("」』”’）》〉】〕)]\"'")
_QUOTE_PAIRS = {"「": "」", "『": "』", "“": "”", "‘": "’", "（": "）", "《": "》", "(": ")", '"': '"'}
# A quotation this short is kept whole, whatever punctuation it holds.
_SHORT_QUOTE = 40
# Pieces longer than this are cut, at a comma or space near the limit if there is one.
MAX_SENTENCE = 200
_SOFT_BREAKS = frozenset("，,、：: 　")
_SOFT_BREAK_REACH = 50

# An interview label at the start of a line: a short name of letters (Han or Latin)
# followed by a colon, e.g. 问： 記者: 米磊： Q: — not a time (10:30) or a URL.
_LABEL = re.compile(r"[ \u3000]*([^\W\d_]{1,4})[：:](?![/\d])")
# 他說：「…」 introduces a quotation inside a sentence; it is no speaker label.
_SPEECH_VERBS = frozenset("說说道講讲曰稱称問问")


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    line: int
    text: str


def split_sentences(text: str, source_name: str, first_line: int = 1) -> tuple[Sentence, ...]:
    """Sentences of `text`, each with the line it starts on (counting from `first_line`)."""
    return tuple(Sentence(piece.text, source_name, piece.line) for piece in _sentence_pieces(text, first_line))


def _sentence_pieces(text: str, first_line: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    line_number = first_line
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = len(text)
        for start, end in _split_line(text, line_start, line_end):
            for cut_start, cut_end in _cut_long(text, start, end):
                pieces.append(_Piece(cut_start, cut_end, line_number, text[cut_start:cut_end]))
        line_number += 1
        line_start = line_end + 1
    return pieces


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line, label and edges stripped."""
    label = _LABEL.match(text, start, end)
    if label and _is_speaker_label(text, label):
        start = label.end()
    spans: list[tuple[int, int]] = []
    sentence_start = start
    protected_until = -1
    index = start
    while index < end:
        ch = text[index]
        if ch in _QUOTE_PAIRS and index > protected_until:
            closing = text.find(_QUOTE_PAIRS[ch], index + 1, min(end, index + 1 + _SHORT_QUOTE))
            if closing != -1:
                protected_until = closing
        elif ch in _TERMINATORS and index > protected_until and _ends_sentence(text, index, end):
            while index + 1 < end and (text[index + 1] in _TERMINATORS or text[index + 1] in _CLOSERS):
                index += 1
            spans.append((sentence_start, index + 1))
            sentence_start = index + 1
        index += 1
    spans.append((sentence_start, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span)) is not None]


def _is_speaker_label(text: str, label: re.Match) -> bool:
    name = label.group(1)
    if len(name) > 1 and name[-1] in _SPEECH_VERBS:
        return False
    after = label.end()
    return not (after < len(text) and text[after] in _QUOTE_PAIRS)


def _ends_sentence(text: str, index: int, end: int) -> bool:
    """ASCII ? ! ; end a sentence unless they sit inside a URL or an HTML entity
    (example.com/a?b=1, &amp;), where an ASCII letter follows or an entity
    name precedes them. The look-back is bounded, so splitting stays linear."""
    ch = text[index]
    if ch not in "?!;":
        return True
    following = text[index + 1] if index + 1 < end else ""
    if following.isascii() and (following.isalpha() or following in "=&_-/"):
        return False
    if ch == ";":
        back = index - 1
        while back >= 0 and index - back <= 10 and (text[back].isascii() and (text[back].isalnum() or text[back] == "#")):
            back -= 1
        if back >= 0 and back < index - 1 and text[back] == "&":
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A piece with no letter, digit or Han character (a stray "……" or "?") is no sentence.
    if not any(text[i].isalnum() for i in range(start, end)):
        return None
    return start, end


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long piece into parts of at most MAX_SENTENCE characters, after a comma or
    space near the limit where there is one. Each cut looks back a bounded distance,
    so this is linear in the length of the piece."""
    parts: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = limit
        for index in range(limit - 1, limit - 1 - _SOFT_BREAK_REACH, -1):
            if text[index] in _SOFT_BREAKS:
                cut = index + 1
                break
        trimmed = _trim(text, start, cut)
        if trimmed is not None:
            parts.append(trimmed)
        start = cut
    trimmed = _trim(text, start, end)
    if trimmed is not None:
        parts.append(trimmed)
    return parts


def _without_overlaps(pieces: list[_Piece], ranges: list[tuple[int, int]]) -> list[_Piece]:
    """Pieces that overlap none of the (sorted) ranges. Both lists are in text order."""
    kept: list[_Piece] = []
    next_range = 0
    for piece in pieces:
        while next_range < len(ranges) and ranges[next_range][1] <= piece.start:
            next_range += 1
        if next_range < len(ranges) and ranges[next_range][0] < piece.end:
            continue
        kept.append(piece)
    return kept


if __name__ == "__main__":
    import sys

    if "--build-frequencies" in sys.argv:
        print(f"wrote {write_character_frequencies()}")
