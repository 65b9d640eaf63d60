"""Every card of the seed decks as the real Anki renders it: what a learner sees on each front."""

from __future__ import annotations

import html
import re

import pytest

from deckgen.packaging.fields import NEEDS_MEANING_TAG
from tests.conftest import import_into_anki

# Anki's {{hint:…}} puts the text in a div hidden until its link is pressed.
HIDDEN_HINT = re.compile(r'<div id="hint[0-9a-f]+" class=hint style="display: none">.*?</div>', re.S)


def visible_text(side: str) -> str:
    side = re.sub(r"<style>.*?</style>", "", side, flags=re.S)
    side = HIDDEN_HINT.sub("", side)
    return html.unescape(re.sub(r"<[^>]+>", " ", side))


def plain(field_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", field_html)).strip()


def forms_of(note) -> set[str]:
    forms = {plain(note["Hanzi"]), note["Simplified"], note["Traditional"]}
    for written in plain(note["Also Written"]).split(", "):
        forms.add(written.split(" (")[0].strip())
    return {f for f in forms if f}


def contains(text: str, form: str) -> bool:
    if form.isascii():  # Latin terms as whole words: AI is not in "said"
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text) is not None
    return form in text


@pytest.fixture(scope="module")
def cards(seed_decks, tmp_path_factory):
    collection = tmp_path_factory.mktemp("anki-cards") / "collection.anki2"
    col = None
    for apkg in seed_decks:
        col = import_into_anki(apkg, collection, col).col
    rendered = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        rendered.append((card.template()["name"], note, card.question(), card.answer()))
    yield col, rendered
    col.close()


def test_no_recall_or_cloze_front_gives_the_answer(cards):
    _, rendered = cards
    asked = 0
    for name, note, question, _ in rendered:
        if name == "Recognition":
            assert plain(note["Hanzi"]) in visible_text(question)
            continue
        asked += 1
        front = visible_text(question)
        for form in forms_of(note):
            assert not contains(front, form), (name, form, front)
        reading = plain(note["Pinyin"])
        if reading:
            assert reading not in front, (name, reading, front)
    assert asked > 300


def test_recall_shows_the_reading_only_behind_the_hint(cards):
    _, rendered = cards
    recall = [(note, q) for name, note, q, _ in rendered if name == "Recall" and plain(note["Pinyin"])]
    assert recall
    for note, question in recall:
        hidden = "".join(HIDDEN_HINT.findall(question))
        assert plain(note["Pinyin"]) in plain(hidden)
        boxes = question.count('class="box"')
        assert boxes == len(plain(note["Hanzi"]).replace(" ", "")), (plain(note["Hanzi"]), boxes)


def test_cloze_fronts_have_a_gap_and_no_term(cards):
    _, rendered = cards
    cloze = [(note, q) for name, note, q, _ in rendered if name == "Cloze"]
    assert len(cloze) > 100
    for note, question in cloze:
        gaps = question.count('class="gap"')
        assert gaps >= 1, plain(note["Hanzi"])
        assert visible_text(question).count("___") == gaps  # the reading is gapped where the text is


def test_a_note_without_a_meaning_has_only_its_recognition_card(cards):
    col, rendered = cards
    names_by_note: dict[int, list[str]] = {}
    for name, note, _, _ in rendered:
        names_by_note.setdefault(note.id, []).append(name)
        if name in ("Recall", "Cloze"):
            assert note["English"].strip(), f"{name} card without a meaning: {note['Hanzi']}"
    unmeant = [nid for nid in col.find_notes("") if not col.get_note(nid)["English"].strip()]
    for nid in unmeant:
        note = col.get_note(nid)
        assert names_by_note[nid] == ["Recognition"]
        assert NEEDS_MEANING_TAG in note.tags
        back = visible_text(col.get_card(note.card_ids()[0]).answer())
        assert "No meaning is known" in back and f'[terms."{plain(note["Hanzi"])}"]' in "".join(back.split())
    meant = [nid for nid in col.find_notes("") if col.get_note(nid)["English"].strip()]
    assert all(NEEDS_MEANING_TAG not in col.get_note(n).tags for n in meant)


def test_sound_falls_back_to_anki_text_to_speech(cards):
    _, rendered = cards
    for name, note, question, answer in rendered:
        if not re.search(r"[\u4e00-\u9fff]", note["Hanzi"]):
            continue
        assert "[anki:play:a:" in answer, (name, note["Hanzi"])
        assert "[anki:play:q:" not in question  # the front never reads the answer out


def test_recall_fronts_of_a_deck_ask_for_one_answer_each(cards):
    col, _ = cards
    fronts: dict[tuple[int, str], list[str]] = {}
    for cid in col.find_cards("card:Recall"):
        card = col.get_card(cid)
        boxes = card.question().count('class="box"')
        front = " ".join(visible_text(card.question()).split()) + f" [{boxes}]"
        fronts.setdefault((card.did, front), []).append(plain(card.note()["Hanzi"]))
    assert len(fronts) > 300
    same = {front: heads for (_, front), heads in fronts.items() if len(heads) > 1}
    assert not same, same


def test_chinese_in_a_field_is_marked_without_the_english_brackets_around_it(cards):
    # a run of Chinese is drawn in its script's glyphs: the bracket that opens the English
    # ("长照 (simplified)") or closes it ("composed from its parts (行为 + 能力)") is no part of it
    _, rendered = cards
    fields = [note[name] for _, note, _, _ in rendered for name in ("Also Written", "Meaning From") if note[name]]
    assert any("(" in f and "<span" in f for f in fields)
    for field in fields:
        for inside in re.findall(r'<span lang="zh-Han[st]">([^<]*)</span>', field):
            assert not inside.endswith(("(", "（", " ")), field
            assert inside.count(")") + inside.count("）") <= inside.count("(") + inside.count("（"), field
