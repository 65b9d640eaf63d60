"""Deck files: parsed faithfully, and every mistake reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.deckfile import load_deck_file
from deckgen.errors import DeckFileError
from deckgen.records import Script
from deckgen.tones import parse_pinyin
from tests.conftest import REPO, run_cli


def write(tmp_path: Path, text: str, name: str = "deck.toml") -> Path:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "a.txt").write_text("新质生产力是关键。\n", encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> DeckFileError:
    with pytest.raises(DeckFileError) as info:
        load_deck_file(path)
    return info.value


def test_a_full_deck_file_is_read(tmp_path):
    path = write(tmp_path, '''
title = "T"
sources = ["texts/*.txt"]
script = "traditional"
level = 5
max_terms = 50
cards = ["recognition", "cloze"]
tags = ["x"]

[terms."卡脖子"]
english = "stranglehold"
pinyin = "qiǎ bó zi"
examples = ["美国卡脖子。"]
note = "n"

[terms."我们"]
skip = true
''')
    deck = load_deck_file(path)
    assert deck.slug == "deck" and deck.output == tmp_path / "deck.apkg"
    assert deck.sources == (tmp_path / "texts" / "a.txt",)
    assert deck.script is Script.TRADITIONAL and deck.level == 5 and deck.max_terms == 50
    assert deck.cards == ("recognition", "cloze")
    first, second = deck.overrides
    assert first.headword == "卡脖子" and first.pinyin == ("qia3", "bo2", "zi5") and first.line == 10
    assert first.examples == ("美国卡脖子。",) and first.english == "stranglehold"
    assert second.skip and second.line == 16


def test_the_shipped_deck_files_are_valid():
    for path in (REPO / "decks").glob("*.toml"):
        deck = load_deck_file(path)
        assert deck.sources and all(s.is_file() for s in deck.sources)


@pytest.mark.parametrize("text, line, words", [
    ('title = "T"\nsources = ["texts/*.txt"\nlevel = 4\n', 3, "not valid TOML"),
    ('title = "T"\nsources = ["texts/*.txt"]\ncolour = "red"\n', 3, "unknown setting 'colour'"),
    ('sources = ["texts/*.txt"]\n\n[deck]\nname = "x"\n', 3, "unknown setting 'deck'"),  # a table of settings
    ('title = "T"\nsources = ["nothing/*.txt"]\n', 2, "matches no file"),
    ('sources = ["texts/*.txt"]\nlevel = "four"\n', 2, "'level' must be"),
    ('sources = ["texts/*.txt"]\n\n[terms."卡脖子"]\nskip = true\nenglish = "x"\n', 4, "skip = true and also"),
    ('sources = ["texts/*.txt"]\n\n[terms."卡脖子"]\npinyin = "qia3 bo2"\n', 4, "2 syllables for 3 characters"),
    ('sources = ["texts/*.txt"]\n\n[terms."卡脖子"]\nmeaning = "x"\n', 4, "unknown setting 'meaning'"),
    ('sources = ["texts/*.txt"]\n\n[terms."内卷"]\nenglish = "a"\n\n[terms."內捲"]\nenglish = "b"\n', 6,
     "same word in two scripts"),
    ('sources = ["texts/*.txt"]\ncards = ["recall"]\n', 2, "must include \"recognition\""),
])
def test_mistakes_are_reported_with_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    error = error_of(path)
    assert error.path == path and error.line == line, (error.line, str(error))
    assert words in str(error)
    assert str(error).startswith(f"{path}:{line}: ")


def test_a_deck_file_without_sources_is_refused(tmp_path):
    error = error_of(write(tmp_path, 'title = "T"\n'))
    assert "needs 'sources'" in str(error) and error.hint


def test_pinyin_accepts_marks_and_numbers():
    assert parse_pinyin("qiǎ bó zi") == ("qia3", "bo2", "zi5")
    assert parse_pinyin("lü4 xing2") == ("lv4", "xing2")
    assert parse_pinyin("lǜ") == ("lv4",)
    with pytest.raises(ValueError):
        parse_pinyin("qia3 b0")


def test_cli_reports_a_broken_deck_file_without_traceback_and_builds_nothing(tmp_path):
    good = write(tmp_path, 'title = "Good"\nsources = ["texts/*.txt"]\n', "good.toml")
    bad = write(tmp_path, 'title = "Bad"\nsources = ["texts/*.txt"]\nlevle = 4\n', "bad.toml")
    result = run_cli("build", str(good), str(bad), "--quiet")
    assert result.exit_code == 1
    assert f"{bad}:3:" in result.output and "unknown setting 'levle'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "good.apkg").exists(), "a deck was built although another deck file is broken"
    assert bad.read_text(encoding="utf-8").endswith("levle = 4\n")


def test_init_writes_a_valid_starter_and_never_overwrites(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("新质生产力是关键。\n", encoding="utf-8")
    target = tmp_path / "decks" / "mine.toml"
    result = run_cli("init", str(source), "-o", str(target), "--title", "Mine")
    assert result.exit_code == 0, result.output
    deck = load_deck_file(target)
    assert deck.title == "Mine" and deck.sources == (Path(source),) or deck.sources[0].resolve() == source.resolve()
    before = target.read_bytes()
    again = run_cli("init", str(source), "-o", str(target))
    assert again.exit_code == 1 and "never overwrites" in again.output
    assert target.read_bytes() == before


def test_text_to_speech_is_switched_off_in_the_deck_file(tmp_path):
    import sqlite3
    import zipfile

    from deckgen.packaging import FIELDS

    (tmp_path / "a.txt").write_text("华为发布了新的芯片。芯片的性能很好。华为的芯片卖得很好。\n", encoding="utf-8")

    def sounds(extra: str) -> list[str]:
        deck = tmp_path / "d.toml"
        deck.write_text(f'title = "d"\nsources = ["a.txt"]\nlevel = 0\n{extra}', encoding="utf-8")
        result = run_cli("build", str(deck), "--quiet", "--force")
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(tmp_path / "d.apkg") as z:
            (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
        con = sqlite3.connect(tmp_path / "c.anki2")
        rows = [dict(zip(FIELDS, f.split("\x1f"))) for (f,) in con.execute("SELECT flds FROM notes")]
        con.close()
        return [r["Sound"] for r in rows if r["Hanzi"] in ("华为", "芯片")]

    default = sounds("")
    assert len(default) == 2 and all(s.startswith("[anki:tts lang=zh_CN]") for s in default)
    assert sounds("tts = false\n") == ["", ""]
    with pytest.raises(DeckFileError, match="'tts' must be"):
        (tmp_path / "bad.toml").write_text('sources = ["a.txt"]\ntts = "no"\n', encoding="utf-8")
        load_deck_file(tmp_path / "bad.toml")
