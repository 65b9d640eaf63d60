"""The composer's own logic: matching the deck file's corrections to mined terms."""

from __future__ import annotations

from pathlib import Path

from deckgen.overrides import TermOverride
from deckgen.overrides import match as apply_overrides
from deckgen.records import Script, Sentence, Source, Term


def mined(text: str, simplified: str, *forms: str) -> Term:
    return Term(text=text, simplified=simplified, traditional=text, score=1.0, why=("test",),
                forms=(text, *forms))


SOURCE = Source(path=Path("a.txt"), name="A", text="", encoding="utf-8", script=Script.TRADITIONAL,
                sentences=(Sentence("中國晶片業「內捲」仍相當嚴重,禁用輝達。", "A", 1),
                           Sentence("光刻機是關鍵設備。", "A", 2)))


def test_corrections_match_a_term_in_either_script_and_region():
    nvidia = mined("輝達", "英伟达", "英伟达")
    involution = mined("內捲", "内卷")
    terms, applying = apply_overrides(
        [nvidia, involution],
        [TermOverride("英偉達", 1, english="Nvidia"), TermOverride("内卷", 2, skip=True)],
        [SOURCE])
    assert terms == [nvidia], "the skipped term is gone, matched across scripts"
    assert applying["英伟达"].english == "Nvidia", "a correction keyed by another form applies"


def test_a_headword_the_miner_missed_is_added_with_its_sentences():
    terms, applying = apply_overrides([], [TermOverride("光刻机", 1, english="lithography machine")], [SOURCE])
    (added,) = terms
    assert added.text == "光刻机" and [o.sentence.line for o in added.occurrences] == [2]
    assert applying[added.simplified].english == "lithography machine"
    assert "added in the deck file" in added.why
