"""Known words from the learner's own Anki collection, made and studied with the real
`anki` package: notes learned through the scheduler are known, new ones are not, the
Chinese field is found wherever it is, and the collection is never changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from deckgen.mining import load_anki_known
from tests.conftest import run_cli

# (field order of the note type) English first: the Chinese field is found by content.
STUDIED = ["新质生产力", "硬科技", "拐点"]
MATURE = ["劳动对象"]
NEW = ["图形处理器", "康波周期"]


def make_collection(folder: Path):
    from anki.collection import Collection
    from anki.scheduler_pb2 import CardAnswer

    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    model = col.models.new("My Chinese words")
    for name in ("English", "Word", "Pinyin", "Sentence"):
        col.models.add_field(model, col.models.new_field(name))
    template = col.models.new_template("Card 1")
    template["qfmt"], template["afmt"] = "{{English}}", "{{FrontSide}}<hr id=answer>{{Word}}"
    col.models.add_template(model, template)
    col.models.add(model)
    model = col.models.by_name("My Chinese words")
    deck = col.decks.id("中文")
    ids = {}
    for word in STUDIED + MATURE + NEW:
        note = col.new_note(model)
        note["English"], note["Word"] = "meaning", f"<b>{word}</b>" if word == "硬科技" else word
        note["Pinyin"], note["Sentence"] = "pin1 yin1", f"我们今天学习了{word}这个词，很有意思。"
        col.add_note(note, deck)
        ids[word] = note.id
    basic = col.new_note(col.models.by_name("Basic"))
    basic["Front"], basic["Back"] = "hello", "你好&nbsp;"  # Chinese on the back of a Basic note, never studied
    col.add_note(basic, deck)

    def answer(word, rating):
        card = col.get_card(col.card_ids_of_note(ids[word])[0])
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=rating))

    for word in STUDIED:  # learned through the scheduler: new -> learning -> review
        answer(word, CardAnswer.GOOD)
        answer(word, CardAnswer.EASY)
    answer(MATURE[0], CardAnswer.EASY)
    col.sched.set_due_date(col.card_ids_of_note(ids[MATURE[0]]), "40!")  # a long interval: mature
    return col


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def collection(tmp_path):
    col = make_collection(tmp_path / "User 1")
    col.close()
    return tmp_path / "User 1" / "collection.anki2"


def test_learned_notes_are_known_new_ones_are_not_and_the_collection_is_untouched(collection):
    before = fingerprint(collection.parent)
    assert load_anki_known(collection) == frozenset(MATURE)  # 21 days: only the mature card
    studied = load_anki_known(collection, min_interval=1)
    assert studied == frozenset(STUDIED + MATURE)  # markup of the field removed; the Basic note never studied
    assert fingerprint(collection.parent) == before  # byte-identical, and no -wal/-shm left beside it


def test_a_collection_open_in_anki_is_read_with_its_latest_changes(tmp_path):
    col = make_collection(tmp_path / "User 1")  # left open, as while Anki runs
    try:
        path = tmp_path / "User 1" / "collection.anki2"
        before = fingerprint(path.parent)
        assert load_anki_known(path, min_interval=1) == frozenset(STUDIED + MATURE)
        assert fingerprint(path.parent) == before
    finally:
        col.close()


def test_terms_and_build_leave_out_what_the_learner_learned(tmp_path, collection):
    from tests.test_formats import paragraphs

    text = tmp_path / "article.txt"
    text.write_text("\n".join(paragraphs()), encoding="utf-8")
    plain = run_cli("terms", str(text), "--top", "100", "--json")
    assert plain.exit_code == 0, plain.output
    assert all(word in plain.output for word in STUDIED + MATURE)
    known = run_cli("terms", str(text), "--top", "100", "--json", "--known-anki", str(collection),
                    "--known-interval", "1")
    assert known.exit_code == 0, known.output
    assert not [w for w in STUDIED + MATURE if f'"term": "{w}"' in known.output]
    new_and_mined = [w for w in NEW if f'"term": "{w}"' in plain.output]
    assert new_and_mined, "the article's new-in-Anki words are mined"
    assert all(f'"term": "{w}"' in known.output for w in new_and_mined)  # new in Anki: still terms

    deck = tmp_path / "deck.toml"
    deck.write_text(f'sources = ["article.txt"]\nknown_anki = "{collection}"\n', encoding="utf-8")
    built = run_cli("build", "--quiet", str(deck))
    assert built.exit_code == 0, built.output
    from deckgen.packaging import read_previous

    headwords = {n.fields[1] for n in read_previous(deck.with_suffix(".apkg")).values()}
    assert "劳动对象" not in headwords and "新质生产力" in headwords  # default threshold: mature only


def test_a_missing_collection_is_a_clear_error(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("新质生产力。", encoding="utf-8")
    result = run_cli("terms", str(text), "--known-anki", str(tmp_path / "nope.anki2"))
    assert result.exit_code == 1
    assert "nope.anki2: no such Anki collection" in result.output and "collection.anki2" in result.output
