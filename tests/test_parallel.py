"""Decks built side by side in forked processes: the same decks as one after another,
and the same clean failures."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from deckgen.errors import OutputError
from deckgen.package import read_previous
from deckgen.parallel import can_fork, map_forked
from tests.conftest import copy_project, run_cli

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork on this platform: decks are built one by one")

ARTICLE = (Path(__file__).resolve().parents[1] / "seeds"
           / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt")


# --- map_forked -------------------------------------------------------------------


@needs_fork
def test_each_item_runs_in_its_own_process_and_results_keep_their_order():
    results = map_forked(lambda n: (n * n, os.getpid()), list(range(5)), jobs=2)
    assert [square for square, _ in results] == [0, 1, 4, 9, 16]
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids and len(pids) == 5


def test_one_job_runs_everything_here():
    assert map_forked(lambda n: os.getpid(), [1, 2, 3], jobs=1) == [os.getpid()] * 3


@needs_fork
def test_an_error_reaches_the_parent_whole_after_the_others_finish(tmp_path):
    def work(n: int) -> int:
        if n == 0:
            raise OutputError("cannot write the deck", tmp_path / "a.apkg", hint="check the folder")
        (tmp_path / f"{n}.done").touch()
        return n

    with pytest.raises(OutputError) as raised:
        map_forked(work, [0, 1, 2], jobs=2)
    assert str(raised.value) == f"{tmp_path / 'a.apkg'}: cannot write the deck\n  check the folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.done", "2.done"]


@needs_fork
def test_a_child_that_dies_without_a_result_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="without a result"):
        map_forked(lambda n: os.kill(os.getpid(), signal.SIGKILL) if n else n, [0, 1], jobs=2)


@needs_fork
def test_ctrl_c_in_a_child_is_ctrl_c_in_the_parent():
    def work(n: int) -> int:
        if n == 1:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        map_forked(work, [0, 1], jobs=2)


# --- deckgen build ------------------------------------------------------------------


def two_small_decks(root: Path) -> Path:
    decks = root / "decks"
    decks.mkdir()
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    for name, part in (("first", lines[:6]), ("second", lines[6:12])):
        (root / f"{name}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
        (decks / f"{name}.toml").write_text(f'title = "{name}"\nsources = ["../{name}.txt"]\nmax_terms = 20\n',
                                            encoding="utf-8")
    return decks


@needs_fork
def test_decks_built_side_by_side_are_the_decks_built_one_by_one(seed_project, tmp_path, monkeypatch):
    # A cache of its own, holding only the parsed dictionaries: every note is made afresh,
    # in the workers.
    session_cache = Path(os.environ["DECKGEN_CACHE"])
    own_cache = tmp_path / "cache"
    own_cache.mkdir()
    for dictionary in session_cache.glob("dictionary-*.pickle"):
        shutil.copy(dictionary, own_cache)
    monkeypatch.setenv("DECKGEN_CACHE", str(own_cache))
    root = copy_project(tmp_path / "project")
    result = run_cli("build", "--quiet", "--jobs", "2", cwd=root)
    assert result.exit_code == 0, result.output
    for one_by_one in sorted((seed_project / "decks").glob("*.apkg")):  # built with --jobs 1
        side_by_side = root / "decks" / one_by_one.name
        expected = {guid: (note.fields, note.tags) for guid, note in read_previous(one_by_one).items()}
        got = {guid: (note.fields, note.tags) for guid, note in read_previous(side_by_side).items()}
        assert got == expected, one_by_one.name
    assert result.output.count("notes (") == 2  # one report per deck, in the parent


@needs_fork
def test_a_deck_that_cannot_be_written_fails_cleanly_and_the_other_is_built(tmp_path):
    decks = two_small_decks(tmp_path)
    (decks / "first.apkg").mkdir()  # where the first deck would go
    result = run_cli("build", "--jobs", "2", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output + result.stderr
    assert str(Path("decks") / "first.apkg") in result.stderr
    assert read_previous(decks / "second.apkg"), "the deck that could be written was not"


@needs_fork
def test_interrupting_workers_exits_130_and_keeps_earlier_decks(tmp_path, monkeypatch):
    decks = two_small_decks(tmp_path)
    assert run_cli("build", "--quiet", "--jobs", "1", cwd=tmp_path).exit_code == 0
    earlier = {p.name: p.read_bytes() for p in decks.glob("*.apkg")}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("deckgen.package._add", interrupted)  # inherited by the workers
    result = run_cli("build", "--force", "--jobs", "2", cwd=tmp_path)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Traceback" not in result.output + result.stderr
    assert {p.name: p.read_bytes() for p in decks.glob("*.apkg")} == earlier
    assert not [p.name for p in decks.iterdir() if p.name.startswith(".")], "temporary files left behind"
