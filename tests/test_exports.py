"""Exports of a built deck (Pleco, TSV, CSV, a printed handout) and its preview page:
each read back by what reads such files (csv, pypdf, headless Chromium, the real
Anki), never compared with a stored copy of deckgen's own output."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from deckgen.packaging import read_previous
from deckgen.packaging.notetype import FIELDS
from tests.conftest import import_into_anki, run_cli

F = {name: i for i, name in enumerate(FIELDS)}
# Pleco's flashcard import (File > Import Cards, "Text file"): one card a line,
# headword<TAB>pinyin<TAB>definition, the headword "simplified[traditional]", pinyin
# with tone numbers, and "//" lines naming the category the cards below belong to.
PLECO_CARD = re.compile(r"^(?P<simp>[^\t\[\]/]+)(\[(?P<trad>[^\t\[\]]+)\])?\t(?P<pinyin>([a-z:]+[1-5]|[A-Za-z0-9]+)*)\t(?P<defn>[^\t]*)$")


@pytest.fixture(scope="module")
def deck(seed_project) -> Path:
    return seed_project / "decks" / "chips-ai-export-controls.toml"


def export(deck: Path, fmt: str, tmp_path: Path, suffix: str) -> Path:
    target = tmp_path / f"out{suffix}"
    result = run_cli("export", str(deck), "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    return target


def test_the_pleco_file_follows_pleco_s_import_format(deck, tmp_path):
    notes = list(read_previous(deck.with_suffix(".apkg")).values())
    text = export(deck, "pleco", tmp_path, ".txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    categories = [line for line in lines if line.startswith("//")]
    cards = [PLECO_CARD.match(line) for line in lines if not line.startswith("//")]
    assert len(categories) >= 2  # one per source article
    assert all(cards), [line for line in lines if not line.startswith("//") and not PLECO_CARD.match(line)]
    assert len(cards) == len(notes)
    by_simplified = {n.fields[F["Simplified"]]: n for n in notes}
    for card in cards:
        note = by_simplified[card["simp"]]
        assert (card["trad"] or card["simp"]) == note.fields[F["Traditional"]]
        # the tone numbers say what the card's tone-coloured syllables say
        tones = re.findall(r'class="tone(\d)"', note.fields[F["Pinyin"]])
        assert re.findall(r"[a-z:]+([1-5])", card["pinyin"]) == tones
    # deckgen reads it back as a known-words list: every headword, both scripts
    from deckgen.mining import load_known_words

    known = load_known_words(tmp_path / "out.txt")
    assert {n.fields[F["Simplified"]] for n in notes} <= known


def test_tsv_and_csv_have_a_header_and_a_row_per_note(deck, tmp_path):
    notes = list(read_previous(deck.with_suffix(".apkg")).values())
    for fmt, delimiter in (("tsv", "\t"), ("csv", ",")):
        path = export(deck, fmt, tmp_path, f".{fmt}")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter=delimiter, quoting=csv.QUOTE_NONE if fmt == "tsv" else csv.QUOTE_MINIMAL))
        assert len(rows) == len(notes)
        assert {"hanzi", "pinyin", "english", "example", "example_pinyin", "source"} <= set(rows[0])
        assert [r["hanzi"] for r in rows] == [n.fields[F["Hanzi"]].replace("&amp;", "&") for n in notes]
        import html

        for row, note in zip(rows, notes):
            assert "<" not in row["example"] and "<" not in row["pinyin"]
            shown = html.unescape(re.sub(r"<[^>]*>", "", note.fields[F["Examples"]]))
            assert row["example"] in shown and row["example_pinyin"] in shown  # the card's first example


PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4)}  # mm
MARGINS = (28, 24)  # mm: the handout's @page margins, top + bottom and left + right


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_handout_prints_without_splitting_a_row(deck, tmp_path, paper):
    from pypdf import PdfReader

    from tests.browser import chromium, open_page

    handout = export(deck, "handout", tmp_path, ".html")
    pdf = tmp_path / "handout.pdf"
    width, height = PAPER[paper]
    with chromium() as browser:
        with open_page(browser, handout, 794, 1123) as page:
            page.screenshot(path=str(tmp_path / "handout.png"), full_page=False)
            rows = page.eval_on_selector_all("tbody tr", "rows => rows.length")
            colours = page.eval_on_selector_all(
                "td.py span[class^=tone]", "spans => spans.map(s => s.className + ' ' + getComputedStyle(s).color)")
        page = browser.new_page()
        page.goto(handout.resolve().as_uri(), wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.emulate_media(media="print")
        # The blocks as laid out for print at the paper's printable width: each block's
        # extent runs to the next block's top, so margins between them count.
        page.set_viewport_size({"width": round((width - MARGINS[1]) / 25.4 * 96), "height": 1000})
        blocks = page.evaluate("""() => {
            const els = [...document.querySelectorAll('h1, .about, h2, thead, tbody tr')];
            const tops = els.map(e => e.getBoundingClientRect().top + window.scrollY);
            const end = document.documentElement.scrollHeight;
            return els.map((e, i) => [e.tagName, (i + 1 < els.length ? tops[i + 1] : end) - tops[i],
                                      e.getBoundingClientRect().height]);
        }""")
        page.pdf(path=str(pdf), format=paper, print_background=True)
        page.close()
    assert (tmp_path / "handout.png").stat().st_size > 10_000
    notes = read_previous(deck.with_suffix(".apkg"))
    assert rows == len(notes)
    tone_colours = {c.split(" ", 1)[0]: c.split(" ", 1)[1] for c in colours}
    assert len(set(tone_colours.values())) >= 4  # the tones are told apart by colour

    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    assert len(pages) == expected_pages(blocks, (height - MARGINS[0]) / 25.4 * 96), len(pages)
    assert len(pages) >= 3
    # No row split: a row's number (its first cell), meaning and the end of its
    # example's pinyin (its last cell) are all on one page.
    import unicodedata

    flat = [unicodedata.normalize("NFKC", text).replace("\n", " ") for text in pages]  # the printer's ﬁ ligature
    for number, row in enumerate(_rows_in_order(handout), 1):
        starts = {i for i, text in enumerate(pages) if re.search(rf"(^|\n){number}\n", text)}
        word = max(re.findall(r"[A-Za-z]+", row["english"]) or [""], key=len)  # a cell may wrap anywhere
        tail = row["example_pinyin"].split()[-1] if row["example_pinyin"] else ""
        means = {i for i, text in enumerate(flat) if word in text}
        ends = {i for i, text in enumerate(flat) if tail in text}
        assert starts & means & ends, (number, row["english"], starts, means, ends)


def expected_pages(blocks: list, page_height: float) -> int:
    """Pages the print CSS asks for: a row that does not fit goes to the next page,
    under the table's repeated header; a heading stays with the rows after it."""
    pages, used, header = 1, 0.0, 0.0
    for i, (tag, extent, _) in enumerate(blocks):
        if tag == "THEAD":
            header = extent
        need = extent
        if tag == "H2":  # break-after: avoid: the heading, the header and a first row together
            need = extent + blocks[i + 1][1] + blocks[i + 2][1]
        if used + need > page_height + 0.5:
            pages, used = pages + 1, (header if tag == "TR" else 0.0)
        used += extent
    return pages


def _rows_in_order(handout: Path) -> list[dict[str, str]]:
    """The handout's rows read back from its HTML with the standard library's parser."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows: list[dict[str, str]] = []
            self.cell: str | None = None
            self.span: str | None = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "tr" and (a.get("id") or "").startswith("row-"):
                self.rows.append({"english": "", "example_pinyin": ""})
            if tag == "td":
                self.cell = a.get("class")
            if tag == "span":
                self.span = a.get("class")

        def handle_endtag(self, tag):
            if tag == "td":
                self.cell = None
            if tag == "span":
                self.span = None

        def handle_data(self, data):
            if self.rows and self.cell == "en":
                self.rows[-1]["english"] += data
            if self.rows and self.cell == "ex" and self.span == "expy":
                self.rows[-1]["example_pinyin"] += data

    parser = Rows()
    parser.feed(handout.read_text(encoding="utf-8"))
    return parser.rows


def test_the_preview_shows_every_card_as_anki_renders_it(tmp_path):
    from tests.browser import chromium, open_page

    text = tmp_path / "article.txt"
    text.write_text("芯片出口管制让英伟达改变了策略。\n华为发布了昇腾芯片，算力大幅提升。\n"
                    "美国对华芯片出口管制不断升级，英伟达和华为的竞争更加激烈。\n", encoding="utf-8")
    deck = tmp_path / "small.toml"
    deck.write_text('title = "Small"\nsources = ["article.txt"]\nlevel = 5\nmax_terms = 6\n', encoding="utf-8")
    assert run_cli("build", "--quiet", str(deck)).exit_code == 0
    result = run_cli("preview", str(deck))
    assert result.exit_code == 0, result.output
    page_path = tmp_path / "small.preview.html"

    imported = import_into_anki(tmp_path / "small.apkg", tmp_path / "collection.anki2")
    col = imported.col
    try:
        anki_cards = []
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            anki_cards.append((card.note()["Hanzi"], card.template()["name"], _visible(card.question()),
                               _visible(card.answer())))
    finally:
        col.close()
    assert len(anki_cards) > 6  # more than one card a note: optional cards are on

    with chromium() as browser, open_page(browser, page_path, 1000, 800) as page:
        page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
        shown = page.eval_on_selector_all(
            "article.preview-card",
            """cards => cards.map(c => [c.querySelector('h2').textContent, c.dataset.template,
                 c.querySelector('.front-face .card').innerHTML, c.querySelector('.back-face .card').innerHTML])""")
        gaps = page.eval_on_selector_all(".front-face .cloze .gap", "gs => gs.length")
        terms_on_front = page.eval_on_selector_all(".front-face .cloze .term", "ts => ts.length")
    assert (tmp_path / "preview.png").stat().st_size > 10_000
    ours = sorted((h.split(": ", 1)[1].rsplit(" — ", 1)[0], t, _visible(f), _visible(b)) for h, t, f, b in shown)
    assert ours == sorted(anki_cards)  # every card, each face with the text Anki shows
    assert gaps and not terms_on_front  # a cloze front shows the gap, never the term


def _visible(rendered: str) -> str:
    """A card face's text: styles and tags removed, whitespace collapsed."""
    import html as html_module

    text = re.sub(r"<style>.*?</style>", "", rendered, flags=re.S)
    # Anki puts a play button where it reads aloud; the preview a speaker: the same to a reader
    text = re.sub(r"\[anki:play:[qa]:\d+\]", " (plays) ", text).replace("🔊", " (plays) ")
    text = re.sub(r"<[^>]*>", " ", text)
    return re.sub(r"\s+", " ", html_module.unescape(text)).strip()


def test_export_of_a_deck_not_built_yet_says_to_build_it(tmp_path):
    (tmp_path / "a.txt").write_text("芯片出口管制让英伟达改变了策略。", encoding="utf-8")
    deck = tmp_path / "d.toml"
    deck.write_text('sources = ["a.txt"]\nlevel = 0\n', encoding="utf-8")
    result = run_cli("export", str(deck), "--format", "pleco")
    assert result.exit_code == 1
    assert "d.apkg: the deck has not been built yet" in result.output and "deckgen build" in result.output


def test_an_export_never_overwrites_the_deck_file_the_deck_or_a_source(tmp_path):
    # a lone short line is read as a title, not as running text: a body line gives the deck its terms
    (tmp_path / "a.txt").write_text("芯片与出口管制\n芯片出口管制让英伟达改变了策略。", encoding="utf-8")
    deck = tmp_path / "d.toml"
    deck.write_text('sources = ["a.txt"]\nlevel = 0\n', encoding="utf-8")
    assert run_cli("build", "--quiet", str(deck)).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    for target in ("d.toml", "d.apkg", "a.txt"):
        result = run_cli("export", str(deck), "--format", "pleco", "-o", str(tmp_path / target))
        assert result.exit_code == 1, result.output
        assert f"{target}: deckgen does not write an export over this file" in result.output
        assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
