"""Web pages saved from a browser (.html, or "Webpage, Single File" .mhtml): the
article's main text and title, through trafilatura.

trafilatura is tuned for exactly this (news and blog pages, comments and navigation
left out) and reads the page's own charset declaration. Precision over recall: a
menu or a comment thread mined as article text would put wrong words into a deck.
Extraction never touches the network; deckgen never calls trafilatura's downloader.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.reading.formats import Extracted, missing_library

# Editorial lines that survive extraction and carry no article text.
_EDITORIAL = re.compile(r"^[（(【\[]?\s*(责任编辑|責任編輯|编辑|編輯|来源|來源|原标题|原標題|作者)\s*[:：]")


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    try:
        import trafilatura
    except ImportError:
        raise missing_library(path, "web pages", "trafilatura") from None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    page: bytes | str = data
    archive = data[:4096].lstrip().lower().startswith((b"from:", b"mime-version:"))
    if path.suffix.lower() in (".mhtml", ".mht") or archive:
        page = _html_of_mhtml(path, data)
    elif encoding is not None:
        page = data.decode(encoding, errors="replace")
    document = trafilatura.bare_extraction(
        page, favor_precision=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, include_formatting=False, with_metadata=True)
    text = (getattr(document, "text", None) or "") if document is not None else ""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not _EDITORIAL.match(line)]
    if not lines:
        raise SourceError("no article text found in this web page", path=path,
                          hint="Save the article's own page (not a list of links), or copy its text into a .txt file.")
    title = (getattr(document, "title", None) or "").strip() or None
    return Extracted(tuple(lines), tuple(f"paragraph {i}" for i in range(1, len(lines) + 1)), title, "html")


def _html_of_mhtml(path: Path, data: bytes) -> str:
    from email import message_from_bytes, policy

    message = message_from_bytes(data, policy=policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_content()
    raise SourceError("this web archive holds no HTML page", path=path,
                      hint="Save the page again as 'Webpage, Complete' or 'Webpage, Single File'.")
