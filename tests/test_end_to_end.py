"""The seed decks, built by `deckgen build` and imported into the real Anki."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from deckgen.packaging import FIELDS, MODEL_ID
from tests.conftest import import_into_anki, run_cli

# Readings checked against CC-CEDICT and standard usage, not against deckgen's output.
USER_TERMS = {
    "新质生产力": "xīn zhì shēng chǎn lì",
    "卡脖子": "qiǎ bó zi",
    "康波周期": "kāng bō zhōu qī",
    "CANN": "",
}


def package_rows(apkg: Path) -> list[dict]:
    with zipfile.ZipFile(apkg) as z:
        data = z.read("collection.anki2")
    tmp = apkg.with_suffix(".inspect.anki2")
    tmp.write_bytes(data)
    try:
        con = sqlite3.connect(tmp)
        rows = con.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
        cards = con.execute("SELECT count(*) FROM cards").fetchone()[0]
        col = con.execute("SELECT decks FROM col").fetchone()[0]
        con.close()
    finally:
        tmp.unlink()
    notes = [{"guid": g, "fields": dict(zip(FIELDS, f.split("\x1f"))), "tags": t.split(), "mod": m}
             for g, f, t, m in rows]
    for n in notes:
        n["cards_in_package"] = cards
        n["decks_json"] = col
    return notes


def plain(field_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", field_html))


@pytest.fixture(scope="module")
def imported(seed_decks, tmp_path_factory):
    """Every seed deck imported into one fresh collection, with each import's log."""
    collection = tmp_path_factory.mktemp("anki") / "collection.anki2"
    col = None
    logs = {}
    for apkg in seed_decks:
        result = import_into_anki(apkg, collection, col)
        col = result.col
        logs[apkg.name] = result.log
    yield col, logs
    col.close()


def test_build_writes_one_deck_per_deck_file(seed_project):
    tomls = sorted(p.stem for p in (seed_project / "decks").glob("*.toml"))
    apkgs = sorted(p.stem for p in (seed_project / "decks").glob("*.apkg"))
    assert tomls == apkgs
    assert len(tomls) >= 2


def test_anki_imports_cleanly(seed_decks, imported):
    col, logs = imported
    expected_notes = 0
    for apkg in seed_decks:
        log = logs[apkg.name]
        rows = package_rows(apkg)
        expected_notes += len(rows)
        assert len(log.new) == len(rows), f"{apkg.name}: Anki added {len(log.new)} of {len(rows)} notes"
        assert not log.conflicting and not log.duplicate and not log.missing_notetype
        assert len({r["guid"] for r in rows}) == len(rows), "duplicate GUIDs in one package"
    assert col.note_count() == expected_notes
    # One note type, ours, with the frozen fields.
    models = col.models.all_names_and_ids()
    assert [m.id for m in models if m.name.startswith("deckgen")] == [MODEL_ID]
    assert [f["name"] for f in col.models.get(MODEL_ID)["flds"]] == list(FIELDS)


def test_every_card_renders_without_errors_or_empty_fronts(imported):
    col, _ = imported
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        question, answer = card.question(), card.answer()
        for side in (question, answer):
            assert "{{" not in side and "}}" not in side, side
            assert "field not found" not in side.lower() and "error" not in plain(side).lower()[:200]
        front_text = plain(re.sub(r"<style>.*?</style>", "", question, flags=re.S)).strip()
        assert front_text, f"card {card.template()['name']} of note {card.nid} has an empty front"
        note = card.note()
        # The answer shows the headword and the meaning.
        assert note["Hanzi"] in answer
        assert note["English"] in answer


def test_package_cards_match_what_anki_generates(imported):
    col, _ = imported
    before = col.card_count()
    nids = list(col.find_notes(""))
    col._backend.after_note_updates(nids=nids, mark_notes_modified=False, generate_cards=True)
    assert col.card_count() == before, "Anki would create cards the package lacks"


def test_user_named_terms_are_in_the_seed_deck(seed_project):
    rows = package_rows(seed_project / "decks" / "new-quality-productive-forces.apkg")
    by_simplified = {r["fields"]["Simplified"]: r["fields"] for r in rows}
    for term, reading in USER_TERMS.items():
        assert term in by_simplified, f"{term} missing from the seed deck"
        fields = by_simplified[term]
        assert plain(fields["Pinyin"]) == reading, (term, plain(fields["Pinyin"]))
        # English, or plainly none: a coinage no dictionary or text explains gets no guess
        assert plain(fields["English"]).strip() or "nothing known" in fields["Meaning From"], term
        assert "<li>" in fields["Examples"], f"{term} has no example"
    # Examples come from the article the term comes from.
    assert "商業周刊" in by_simplified["CANN"]["Examples"]
    assert "正和岛" in by_simplified["康波周期"]["Examples"]


def test_tone_spans_per_syllable(seed_project):
    rows = package_rows(seed_project / "decks" / "new-quality-productive-forces.apkg")
    fields = {r["fields"]["Simplified"]: r["fields"] for r in rows}["卡脖子"]
    assert re.findall(r'<span class="tone(\d)">', fields["Pinyin"]) == ["3", "2", "5"]


def test_seed_decks_meet_minimum_quality(seed_decks):
    terms, with_english, total = set(), 0, 0
    for apkg in seed_decks:
        for row in package_rows(apkg):
            f = row["fields"]
            total += 1
            terms.add(f["Simplified"])
            with_english += bool(plain(f["English"]).strip())
            if "composed from its parts" in f["Meaning From"]:  # a phrase, and says it is literal
                assert plain(f["English"]).startswith("literally:") and " + " not in f["English"], f["Hanzi"]
            assert f["Examples"].count("<li>") >= 1, f"{f['Hanzi']} has no example"
            assert f["Meaning From"], f"{f['Hanzi']} does not say where its meaning is from"
            for li in re.findall(r"<li>.*?</li>", f["Examples"]):
                assert 'class="zh"' in li and 'class="py"' in li and 'class="src"' in li
                assert 'class="term"' in li
    assert len(terms) >= 120, len(terms)
    # No English is honest where nothing trustworthy is known (the card says so); the share
    # guards against a miner that picks what nothing can explain, or a glosser that gives up.
    assert with_english / total >= 0.80, with_english / total


def description(apkg: Path) -> str:
    decks = json.loads(package_rows(apkg)[0]["decks_json"])
    return " ".join(d["desc"] for d in decks.values())


def test_deck_description_names_sources_and_credits_cedict(seed_decks, imported):
    for apkg in seed_decks:
        text = description(apkg)
        assert "CC-CEDICT" in text and "CC BY-SA 4.0" in text
    seed = [p for p in seed_decks if p.stem == "new-quality-productive-forces"][0]
    for name in ("正和岛 2024", "南風窗 2024/26", "商業周刊 1896"):
        assert name in description(seed)
    col, _ = imported  # and Anki shows it
    shown = " ".join(d["desc"] for d in col.decks.all())
    assert "CC-CEDICT" in shown and "商業周刊 1896" in shown


def test_no_damaged_text_reaches_a_card(seed_decks):
    for apkg in seed_decks:
        for row in package_rows(apkg):
            for value in row["fields"].values():
                assert "??" not in value
                for mojibake in ("梢钥闯", "遣粔虻", "绻靡"):
                    assert mojibake not in value


def test_markup_in_a_source_reaches_the_card_as_text(tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text(
        "新质生产力是<script>alert('x')</script>发展的关键。\n"
        "新质生产力需要<img src=x onerror=alert(1)>硬科技&创新。\n"
        "硬科技是新质生产力的基础，硬科技企业需要耐心资本。\n", encoding="utf-8")
    out = tmp_path / "markup.apkg"
    result = run_cli("build", str(article), "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    imported = import_into_anki(out, tmp_path / "c.anki2")
    try:
        for cid in imported.col.find_cards(""):
            answer = imported.col.get_card(cid).answer()
            assert "<script>alert" not in answer and "<img src=x" not in answer
        examples = " ".join(imported.col.get_note(n)["Examples"] for n in imported.col.find_notes(""))
        assert "&lt;script&gt;" in examples or "&lt;img" in examples
    finally:
        imported.col.close()


def test_a_traditional_deck_quotes_its_texts_in_traditional(seed_project):
    from deckgen.script import Script, detect_script, has_han, in_script_in_place

    deck = seed_project / "decks" / "chips-ai-export-controls.apkg"  # script = "traditional"
    quoted = []
    for note in package_rows(deck):
        fields = note["fields"]
        quoted += [plain(zh) for zh in re.findall(r'<span class="zh">(.*?)</span><span class="py">', fields["Examples"])]
        quoted += [fields["Meaning From"], fields["Hanzi"]]
    with_han = [text for text in quoted if has_han(text)]
    assert len(with_han) > 300
    simplified = [text for text in with_han if detect_script(text) is Script.SIMPLIFIED
                  and in_script_in_place(text, Script.TRADITIONAL) != text]
    assert not simplified, simplified[:5]
