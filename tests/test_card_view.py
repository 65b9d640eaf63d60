"""Cards as a learner sees them: Anki's rendering of the seed decks, opened in headless
Chromium at phone and desktop sizes, light and night.

Screenshots are written to a temporary folder (or to $DECKGEN_SCREENSHOTS), never into git.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, chromium, open_page
from tests.conftest import import_into_anki

SIZES = ((400, 800), (1000, 700))

# Anki's reviewer puts a replay button where each sound tag was.
REPLAY = '<a class="replay-button soundLink" href="#"><svg width="32" height="32"></svg></a>'


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium fonts-noto-cjk")
        pytest.skip(f"{CHROMIUM} not installed (.ci/run installs it)")
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("DECKGEN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("card-screenshots")


def plain(field_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", field_html)).strip()


@pytest.fixture(scope="module")
def sample(seed_decks, tmp_path_factory):
    """A few cards of each kind, chosen for what tends to break: the longest headwords,
    the most examples, a note without a meaning, both scripts."""
    collection = tmp_path_factory.mktemp("anki-view") / "collection.anki2"
    col = None
    for apkg in seed_decks:
        col = import_into_anki(apkg, collection, col).col
    cards = [col.get_card(cid) for cid in col.find_cards("")]
    chosen = {}

    def pick(label, candidates, key):
        if candidates:
            chosen[label] = max(candidates, key=key)

    for kind in ("Recognition", "Recall", "Cloze"):
        of_kind = [c for c in cards if c.template()["name"] == kind]
        pick(f"{kind}-long", of_kind, lambda c: len(plain(c.note()["Hanzi"])))
        pick(f"{kind}-examples", of_kind, lambda c: len(c.note()["Examples"]) + len(c.note()["Notes"]) * 10)
        pick(f"{kind}-traditional", [c for c in of_kind if c.note()["Hanzi"] == c.note()["Traditional"]
                                     != c.note()["Simplified"]], lambda c: len(c.note()["Examples"]))
    pick("Recognition-no-meaning", [c for c in cards if not c.note()["English"]], lambda c: c.id)
    rendered = []
    for label, card in sorted(chosen.items()):
        note = card.note()
        forms = {plain(note["Hanzi"]), note["Simplified"], note["Traditional"]}
        forms |= {w.split(" (")[0] for w in plain(note["Also Written"]).split(", ") if w}
        rendered.append((label, card.template()["name"], card.question(), card.answer(),
                         sorted(f for f in forms if f), plain(note["Pinyin"])))
    col.close()
    assert len(rendered) >= 8
    return rendered


def page_file(folder: Path, name: str, side: str) -> Path:
    body = re.sub(r"\[anki:play:[qa]:\d+\]", REPLAY, side)
    path = folder / f"{name}.html"
    path.write_text('<!doctype html><html><head><meta charset="utf-8">'
                    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
                    f'<body class="card">{body}</body></html>', encoding="utf-8")
    return path


CHECKS = """() => {
  const overflow = document.documentElement.scrollWidth > document.documentElement.clientWidth;
  const offscreen = [...document.querySelectorAll('body *')].filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5);
  }).map(el => el.className || el.tagName);
  // Every piece of Chinese text is under an element that says it is Chinese.
  const unlabelled = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const t = walker.currentNode;
    if (/[\\u4e00-\\u9fff]/.test(t.textContent)) {
      const host = t.parentElement.closest('[lang]');
      if (!host || !host.lang.startsWith('zh')) unlabelled.push(t.textContent.slice(0, 20));
    }
  }
  // Contrast of small text (under 24 px) against the page.
  const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bgOf = el => { for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; }
      return 'rgb(255, 255, 255)'; };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const s = getComputedStyle(el);
    if (!own || s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.fontSize) >= 24) continue;
    if (el.closest('.gap') || el.offsetParent === null) continue;
    const a = lum(s.color), b = lum(bgOf(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.className || el.tagName} ${s.color} ${ratio.toFixed(2)}`);
  }
  return {overflow, offscreen, unlabelled, low, visible: document.body.innerText,
          height: document.documentElement.scrollHeight};
}"""


def test_cards_read_well_on_phone_and_desktop(browser, sample, shots):
    """Each sampled card, front and back, at both sizes, light and night (Anki's classes)."""
    context = browser.new_context(viewport={"width": 400, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    try:
        for label, kind, question, answer, forms, reading in sample:
            for side_name, side in (("front", question), ("back", answer)):
                page.goto(page_file(shots, f"{label}-{side_name}", side).resolve().as_uri())
                for width, height in SIZES:
                    page.set_viewport_size({"width": width, "height": height})
                    for night in (False, True):
                        name = f"{label}-{side_name}-{width}x{height}-{'night' if night else 'light'}"
                        page.evaluate("(on) => ['nightMode', 'night_mode'].forEach("
                                      "c => document.body.classList.toggle(c, on))", night)
                        found = page.evaluate(CHECKS)
                        page.screenshot(path=shots / f"{name}.png", full_page=True)
                        assert not found["overflow"] and not found["offscreen"], (name, found["offscreen"][:5])
                        assert not found["unlabelled"], (name, found["unlabelled"][:5])
                        assert not found["low"], (name, found["low"][:5])
                        if side_name == "back" and label.endswith("traditional"):
                            font = page.eval_on_selector(".back .hanzi", "el => getComputedStyle(el).fontFamily")
                            assert font.startswith('"Noto Sans CJK TC"'), (name, font)
                        if side_name == "front" and kind != "Recognition":
                            for form in forms:
                                assert form not in found["visible"], (name, form)
                            if reading:
                                assert reading not in found["visible"], (name, reading)
    finally:
        context.close()


def test_the_back_puts_the_authors_note_before_the_examples_and_folds_the_rest(browser, sample, shots):
    backs = [(label, answer) for label, kind, _, answer, _, _ in sample if 'class="notes"' in answer]
    folded = [(label, answer) for label, _, _, answer, _, _ in sample if "<details" in answer]
    assert folded, "no sampled back has more than one example"
    for label, answer in backs:
        assert answer.index('class="notes"') < answer.index('class="examples-box"'), label
    label, answer = folded[0]
    with open_page(browser, page_file(shots, f"{label}-fold", answer), 400, 800) as page:
        visible = page.evaluate("() => [...document.querySelectorAll('.examples li')]"
                                ".filter(li => li.checkVisibility()).length")
        assert visible == 1
        page.click("details.more-examples summary")
        assert page.evaluate("() => [...document.querySelectorAll('.examples li')]"
                             ".filter(li => li.checkVisibility()).length") > 1
