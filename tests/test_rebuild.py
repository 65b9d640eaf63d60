"""Edit a deck file, rebuild, re-import: learners keep their progress and their edits."""

from __future__ import annotations

import shutil

import pytest

from deckgen.packaging import FIELDS
from tests.conftest import copy_project, import_into_anki, run_cli
from tests.test_end_to_end import package_rows, plain

DECK = "decks/new-quality-productive-forces"
SIMPLIFIED = FIELDS.index("Simplified")


@pytest.fixture(scope="module")
def project(seed_project, tmp_path_factory):
    """A private copy of the built seed project, which these tests edit."""
    root = tmp_path_factory.mktemp("rebuild")
    copy_project(root)
    for apkg in (seed_project / "decks").glob("*.apkg"):
        shutil.copy(apkg, root / "decks" / apkg.name)
    return root


def test_rebuild_without_changes_is_up_to_date_and_byte_identical(project):
    apkg = project / f"{DECK}.apkg"
    before = apkg.read_bytes()
    result = run_cli("build", cwd=project)
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    assert apkg.read_bytes() == before
    forced = run_cli("build", f"{DECK}.toml", "--force", "--quiet", cwd=project)
    assert forced.exit_code == 0, forced.output
    assert apkg.read_bytes() == before, "a forced rebuild of unchanged inputs changed the bytes"


def test_edit_rebuild_reimport_keeps_history_and_edits(project, tmp_path):
    from anki.scheduler_pb2 import CardAnswer

    apkg = project / f"{DECK}.apkg"
    deck_file = project / f"{DECK}.toml"
    first = import_into_anki(apkg, tmp_path / "collection.anki2")
    col = first.col
    try:
        notes = {col.get_note(n)["Simplified"]: n for n in col.find_notes("")}
        rows = {r["fields"]["Simplified"]: r for r in package_rows(apkg)}
        skipped = next(t for t in rows if t not in ("新质生产力", "卡脖子", "康波周期", "CANN", "硬科技"))
        learner_edited = "硬科技"
        # A word of the texts the miner did not pick (too easy, or ranked too low).
        added = next(w for w in ("螃蟹", "麦子", "挖井", "苹果", "种子", "工人") if w not in rows)

        # A learner studies a card of 卡脖子 and edits a note of their own.
        card = col.get_card(col.find_cards(f"nid:{notes['卡脖子']}")[0])
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
        studied = col.get_card(card.id)
        history = (studied.reps, studied.ivl, studied.due, studied.type)
        assert studied.reps == 1
        own = col.get_note(notes[learner_edited])
        own["Notes"] = "my own mnemonic"
        col.update_note(own)

        # The teacher changes a meaning, skips a term and adds one; then rebuilds.
        original = deck_file.read_text(encoding="utf-8")
        edited = original.replace(
            '[terms."卡脖子"]\n', '[terms."卡脖子"]\nenglish = "chokehold (on technology)"\n') + (
            f'\n[terms."{skipped}"]\nskip = true\n\n[terms."{added}"]\nenglish = "my meaning"\n')
        deck_file.write_text(edited, encoding="utf-8")
        dry = run_cli("build", f"{DECK}.toml", "--dry-run", cwd=project)
        assert dry.exit_code == 0, dry.output
        assert "1 new" in dry.output and "1 dropped" in dry.output and added in dry.output
        result = run_cli("build", f"{DECK}.toml", "--quiet", cwd=project)
        assert result.exit_code == 0, result.output
        assert deck_file.read_text(encoding="utf-8") == edited, "the build touched the deck file"

        rebuilt = {r["fields"]["Simplified"]: r for r in package_rows(apkg)}
        assert skipped not in rebuilt
        assert added in rebuilt and plain(rebuilt[added]["fields"]["English"]) == "my meaning"
        assert "<li>" in rebuilt[added]["fields"]["Examples"], "an added term gets examples from the texts"
        assert rebuilt["卡脖子"]["guid"] == rows["卡脖子"]["guid"]
        unchanged = [t for t in rebuilt if t in rows and rebuilt[t]["fields"] == rows[t]["fields"]]
        assert len(unchanged) >= len(rows) - 3
        assert all(rebuilt[t]["mod"] == rows[t]["mod"] for t in unchanged)

        second = import_into_anki(apkg, tmp_path / "collection.anki2", col)
        log = second.log
        assert not log.conflicting and not log.missing_notetype and not log.first_field_match
        # Anki logs a note it already has and leaves alone (not newer) as a "duplicate".
        left_alone = {n.fields[SIMPLIFIED] for n in log.duplicate}
        assert left_alone == set(unchanged), set(unchanged) ^ left_alone
        updated = {n.fields[SIMPLIFIED] for n in log.updated}
        assert updated == {"卡脖子"}, updated
        assert {n.fields[SIMPLIFIED] for n in log.new} == {added}
        assert col.get_note(notes["卡脖子"])["English"] == "chokehold (on technology)"
        assert col.get_note(notes[learner_edited])["Notes"] == "my own mnemonic"
        assert skipped in {col.get_note(n)["Simplified"] for n in col.find_notes("")}, \
            "Anki keeps notes a deck dropped (documented)"
        again = col.get_card(card.id)
        assert (again.reps, again.ivl, again.due, again.type) == history
        assert len(col.models.all_names_and_ids()) == len(first.col.models.all_names_and_ids())
    finally:
        col.close()
