"""Bytes to text: byte-order marks, UTF-8, GB and Big5 told apart by reading the results,
binary data and wrong encodings refused with a message that says what to do."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.reading.plausibility import _common_chinese_share

ENCODING_HINT = "Name the file's encoding with --encoding (for example --encoding gb18030 or --encoding big5)."


class EmptySourceError(SourceError):
    """The file holds no text. `read_sources` skips such files when others have text."""


class NoChineseError(EmptySourceError):
    """The file holds text, but no Chinese: nothing to learn from it, so it is skipped
    like an empty file (or refused if it is the only one)."""


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
            hint="Give --encoding (or a deck file's encoding) an encoding name Python knows, "
            "such as utf-8, gb18030, big5 or utf-16.",
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
    controls = len(_CONTROL.findall(sample))
    if controls >= _MIN_CONTROLS_FOR_BINARY and controls > _MAX_CONTROL_SHARE * len(sample):
        raise SourceError(
            "this does not look like a text file (it holds binary data)",
            path=path,
            hint="Convert it to plain text first; if it is text, " + ENCODING_HINT[0].lower() + ENCODING_HINT[1:],
        )


# Unicode's control characters (category Cc) but the tab, line and form feeds and the
# carriage return of text files.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
