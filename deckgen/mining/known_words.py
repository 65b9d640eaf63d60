"""Words the reader knows, from a plain list, a Pleco export or an Anki export."""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.errors import SourceError


def load_known_words(path: Path, data: bytes | None = None) -> frozenset[str]:
    """Words the reader knows: a plain list (one a line), a Pleco export
    (headword<TAB>pinyin<TAB>definition, headword possibly 简[繁], // category lines)
    or an Anki notes export (tab-separated, the word first, possibly in HTML, # headers).
    `data`: the file's bytes as a caller already read them (the bytes it keyed by)."""
    path = Path(path)
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as error:
        raise SourceError(f"cannot read the known-words file: {error.strerror or error}", path=path) from error
    text = None
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = raw.decode(encoding)
            if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise SourceError("the known-words file is not text in UTF-8, UTF-16 or GB18030", path=path)
    words: set[str] = set()
    for line in text.splitlines():
        words.update(_known_words_of_line(line))
    return frozenset(words)


_HTML_TAG = re.compile(r"<[^>]*>")


_HTML_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);")


def _known_words_of_line(line: str) -> list[str]:
    line = line.strip()
    if not line or line.startswith("#") or line.startswith("//"):
        return []
    field = line.split("\t", 1)[0].strip()
    if "<" in field or "&" in field:
        import html

        field = html.unescape(_HTML_TAG.sub("", field)).strip()
    field = field.strip('"').strip()
    m = re.match(r"^([^\[\]]+)\[([^\[\]]+)\]$", field)  # Pleco: 简体[繁體]
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [field] if field else []
