"""Packaging: escaping, identity, per-note times, reproducible bytes, atomic writes."""

from __future__ import annotations

import os
import re
import zipfile

import pytest

from deckgen import packaging as package
from deckgen.errors import OutputError
from deckgen.packaging import (
    FIELDS,
    DeckPackage,
    PackagedNote,
    apkg,
    note_fields,
    note_guid,
    read_build_key,
    read_previous,
    write_package,
)
from deckgen.records import Example, Note, Syllable


def make_note(**changes) -> Note:
    base = dict(
        hanzi="卡脖子", simplified="卡脖子", traditional="卡脖子", pinyin=("qia3", "bo2", "zi5"),
        english="to have in a stranglehold", meaning_from="CC-CEDICT",
        examples=(Example("美国卡脖子。", 2, 5, tuple(Syllable(c, None) for c in "美国卡脖子。"), "南風窗"),),
        identity="卡脖子",
    )
    base.update(changes)
    return Note(**base)


def packaged(*notes: Note, mod: int = 1_800_000_000) -> DeckPackage:
    rows = tuple(PackagedNote(note_guid("d", n), tuple(note_fields(n, package.CARD_TYPES)), ("t",), mod)
                 for n in notes)
    return DeckPackage("Deck", "description", rows, "key-1")


def test_fields_escape_everything_from_sources():
    note = make_note(english="<b>bold</b> & co",
                     examples=(Example("<script>x</script>卡脖子", 18, 21,
                                       tuple(Syllable(c, None) for c in "<script>x</script>卡脖子"), "a<b"),))
    fields = dict(zip(FIELDS, note_fields(note, package.CARD_TYPES)))
    assert fields["English"] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert "<script>" not in fields["Examples"] and "&lt;script&gt;" in fields["Examples"]
    assert '<span class="term">卡脖子</span>' in fields["Examples"]
    assert 'class="src">a&lt;b<' in fields["Examples"]


def test_pinyin_field_has_one_tone_span_per_syllable():
    fields = dict(zip(FIELDS, note_fields(make_note(), package.CARD_TYPES)))
    assert fields["Pinyin"] == ('<span class="tone3">qiǎ</span> <span class="tone2">bó</span> '
                                '<span class="tone5">zi</span>')


def test_card_type_switches():
    assert note_fields(make_note(), ("recognition",))[FIELDS.index("Add Recall")] == ""
    assert note_fields(make_note(), ("recognition", "recall"))[FIELDS.index("Add Recall")] != ""
    assert note_fields(make_note(examples=()), package.CARD_TYPES)[FIELDS.index("Add Cloze")] == ""


def test_guid_ignores_corrections_but_separates_homographs():
    assert note_guid("d", make_note()) == note_guid("d", make_note(english="x", pinyin=("ka3", "bo2", "zi5")))
    assert note_guid("d", make_note(identity="行|xing2")) != note_guid("d", make_note(identity="行|hang2"))
    assert note_guid("d", make_note()) != note_guid("other-deck", make_note())


def test_same_package_gives_same_bytes(tmp_path):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    write_package(packaged(make_note()), first)
    write_package(packaged(make_note()), second)
    assert first.read_bytes() == second.read_bytes()
    assert read_build_key(first) == "key-1"


def test_each_note_keeps_its_own_time(tmp_path):
    path = tmp_path / "d.apkg"
    a, b = make_note(), make_note(hanzi="康波周期", simplified="康波周期", traditional="康波週期",
                                  identity="康波周期")
    deck = packaged(a, b)
    rows = (deck.notes[0], PackagedNote(deck.notes[1].guid, deck.notes[1].fields, ("t",), 1_700_000_000))
    write_package(DeckPackage("Deck", "", rows, "k"), path)
    previous = read_previous(path)
    assert {g: n.mod for g, n in previous.items()} == {rows[0].guid: 1_800_000_000, rows[1].guid: 1_700_000_000}


def test_a_failed_write_leaves_the_previous_deck_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.apkg"
    write_package(packaged(make_note()), path)
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apkg, "_add", broken)
    with pytest.raises(OutputError) as info:
        write_package(packaged(make_note(english="changed")), path)
    assert "No space left" in str(info.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["d.apkg"], "temporary files were left behind"


def test_an_interrupted_write_leaves_the_previous_deck_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.apkg"
    write_package(packaged(make_note()), path)
    before = path.read_bytes()
    real_add = apkg._add

    def interrupted(z, name, data):
        real_add(z, name, data)
        raise KeyboardInterrupt

    monkeypatch.setattr(apkg, "_add", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_package(packaged(make_note(english="changed")), path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["d.apkg"]


def test_an_output_path_under_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as info:
        write_package(packaged(make_note()), blocker / "d.apkg")
    assert str(blocker) in str(info.value)


def test_read_previous_of_garbage_is_empty(tmp_path):
    junk = tmp_path / "junk.apkg"
    junk.write_bytes(b"not a zip")
    assert read_previous(junk) == {} and read_build_key(junk) is None
    empty_zip = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty_zip, "w"):
        pass
    assert read_previous(empty_zip) == {}


def test_sentence_pinyin_sets_punctuation_like_english():
    from deckgen.packaging.fields import sentence_pinyin

    syllables = (Syllable("不", "bu4"), Syllable("過", "guo4"), Syllable(",", None), Syllable("「", None),
                 Syllable("內", "nei4"), Syllable("捲", "juan3"), Syllable("」", None), Syllable("。", None))
    assert sentence_pinyin(syllables) == "bù guò, 「nèi juǎn」."


def test_sentence_pinyin_sets_marks_beside_latin_text_like_english():
    """Text that is not Chinese comes between the syllables with its marks attached:
    a wiki's （英语：Photosynthesis） read '(yīng yǔ: Photosynthesis)', not '(yīng yǔ ：Photosynthesis）'."""
    from deckgen import segmenting
    from deckgen.annotating.pinyin import syllables
    from deckgen.packaging.fields import sentence_pinyin

    line = sentence_pinyin(syllables("光合作用（英语：Photosynthesis）是生化过程，酶（Rubisco，约占3.5%）。",
                                     segmenting.segmenter()))
    assert "(yīng yǔ: Photosynthesis) shì" in line
    assert "méi (Rubisco, yuē zhàn 3.5%)." in line
    assert not any(mark in line for mark in "（）：，")


def test_the_erhua_suffix_runs_into_its_syllable_on_the_card():
    """wānr, not wān r: the 儿 of 弯儿 is no syllable of its own."""
    from deckgen.packaging.fields import pinyin_html, sentence_pinyin

    html = pinyin_html(("guai3", "wan1", "r5"))
    assert re.sub(r"<[^>]+>", "", html) == "guǎi wānr"
    line = sentence_pinyin((Syllable("拐", "guai3"), Syllable("弯", "wan1"), Syllable("儿", "r5"), Syllable("。", None)))
    assert line == "guǎi wānr."
