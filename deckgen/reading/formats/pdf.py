"""PDFs with a text layer, through pypdf: text in reading order, running headers,
footers and page numbers dropped, lines wrapped by the layout joined again.

pypdf's plain extraction follows the content stream, which is reading order in what
word processors and browsers print (two-column pages included). Fonts that map a
CJK radical and the ideograph to one glyph (Noto CJK printed by Chromium) give the
radical code point (⼤ U+2F24 for 大): such characters are mapped back here, since
a radical would defeat segmentation and every dictionary. A PDF of scanned pages has
no text to read: that is said plainly, not mined as nothing.
"""

from __future__ import annotations

import collections
import logging
import re
import unicodedata
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.reading.formats import Extracted

# CJK Radicals Supplement -> the ideograph sharing its glyph (NFKC leaves this block alone).
_SUPPLEMENT = "⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⺿艹⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟"  # noqa: E501
_SUPPLEMENT_TABLE = {ord(_SUPPLEMENT[i]): _SUPPLEMENT[i + 1] for i in range(0, len(_SUPPLEMENT), 2)}
_RADICALS = re.compile(r"[\u2F00-\u2FDF\uFB00-\uFB06]")

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·•|]*(第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|[Pp]age\s*\d+(\s*of\s*\d+)?|\d+)[\s\-—–·•|]*$")
_ENDS_PARAGRAPH = re.compile(r"[。！？!?」』”…：:]$")
_WIDE_END = re.compile(r"[\u3000-\u9fff\uff00-\uffef]$")
_EDGE = 3  # lines at the top and bottom of a page where running headers and footers sit
_MIN_TEXT = 10  # characters on a page below which it counts as having no text


def fix_cjk(text: str) -> str:
    """Kangxi radicals and ligatures by NFKC, the supplement block by table; NFKC is
    not applied to the whole text, which would make ，：？！ half-width."""
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_SUPPLEMENT_TABLE)


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:  # noqa: ARG001
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # odd fonts are logged, not failures
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("the PDF is protected by a password", path=path,
                              hint="Open it in a PDF viewer and save or print an unprotected copy.")
        pages = [fix_cjk(page.extract_text() or "") for page in reader.pages]
    except DependencyError:
        raise SourceError("the PDF is encrypted with AES, which needs the 'cryptography' package", path=path,
                          hint='Install it with: pip install "pypdf[crypto]"') from None
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise SourceError(f"cannot read the PDF: {error}", path=path,
                          hint="Check that the file is a complete PDF; open it in a PDF viewer.") from None
    textless = [i for i, text in enumerate(pages) if len(re.sub(r"\s", "", text)) < _MIN_TEXT]
    if len(textless) == len(pages):
        scanned = any(_has_images(reader.pages[i]) for i in textless)
        raise SourceError(
            "the PDF has no text layer (its pages are scanned images)" if scanned else "the PDF holds no text",
            path=path, hint="deckgen does not read images (no OCR): run the PDF through an OCR tool that adds "
                            "a text layer (e.g. ocrmypdf -l chi_sim), or use the text in another format.")
    warnings: tuple[str, ...] = ()
    scanned_pages = [i + 1 for i in textless if _has_images(reader.pages[i])]
    if scanned_pages:
        warnings = (f"{path}: pages {_ranges(scanned_pages)} are scanned images without text; skipped",)
    lines, places = _paragraphs(_without_running_lines(pages))
    return Extracted(tuple(lines), tuple(places), _title(reader), "pdf", warnings=warnings)


def _without_running_lines(pages: list[str]) -> list[list[str]]:
    """Each page's lines without its running header and footer: lines near the page's
    edges that recur (digits masked) on at least half of the pages, and page numbers."""
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))

    split = [[line for line in page.splitlines() if line.strip()] for page in pages]
    counts: collections.Counter[str] = collections.Counter()
    for lines in split:
        counts.update({key(line) for line in lines[:_EDGE] + lines[-_EDGE:]})
    threshold = max(2, (len(split) + 1) // 2) if len(split) >= 3 else None
    kept = []
    for lines in split:
        page = []
        for i, line in enumerate(lines):
            at_edge = i < _EDGE or i >= len(lines) - _EDGE
            if at_edge and ((threshold and counts[key(line)] >= threshold) or _PAGE_NUMBER.match(line)):
                continue
            page.append(line)
        kept.append(page)
    return kept


def _paragraphs(pages: list[list[str]]) -> tuple[list[str], list[str]]:
    """Lines wrapped by the page layout joined into paragraphs, each with its first page."""
    paragraphs: list[str] = []
    places: list[str] = []
    buffer, start = "", 0
    for number, lines in enumerate(pages, 1):
        for line in lines:
            stripped = line.strip()
            if buffer and (_ENDS_PARAGRAPH.search(buffer) or line[:1].isspace()):
                paragraphs.append(buffer)
                places.append(f"page {start}")
                buffer = ""
            if not buffer:
                buffer, start = stripped, number
            else:
                buffer += ("" if _WIDE_END.search(buffer) else " ") + stripped
    if buffer:
        paragraphs.append(buffer)
        places.append(f"page {start}")
    return paragraphs, places


def _has_images(page) -> bool:
    try:
        objects = (page.get("/Resources") or {}).get("/XObject") or {}
        return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects)
    except (KeyError, AttributeError, TypeError):
        return False


def _title(reader) -> str | None:
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001 - a broken info dictionary only loses the title
        return None
    title = str(title).strip() if title else ""
    # Word processors fill the title with "Microsoft Word - 报告.docx" or leave it blank:
    # only a Chinese title that is not a file name is worth showing on cards.
    if not re.search(r"[\u3400-\u9fff]", title) or re.search(r"\.\w{2,4}$|^Microsoft ", title):
        return None
    return title


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:10]) + (" …" if len(numbers) > 10 else "")
