"""Shared fixtures: the seed decks built once per session, and the real Anki importer."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Imported:
    col: object  # anki.collection.Collection
    log: object  # the importer's log: new, updated, duplicate, conflicting, ...


def import_into_anki(apkg: Path, collection: Path, col=None) -> Imported:
    """Import `apkg` the way Anki desktop does by default, into `collection` (new or existing)."""
    from anki.collection import Collection, ImportAnkiPackageRequest

    col = col or Collection(str(collection))
    options = col._backend.get_import_anki_package_presets()
    response = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
    col.models._clear_cache()  # the Python side caches note types across imports
    return Imported(col, response.log)


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None):
    """Invoke the CLI in-process; exceptions propagate so that bugs show as bugs."""
    import os

    from deckgen.cli import main

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def copy_project(target: Path) -> Path:
    """The seeds and deck files as a user's checkout has them."""
    shutil.copytree(REPO / "seeds", target / "seeds")
    (target / "decks").mkdir()
    for deck in (REPO / "decks").glob("*.toml"):
        shutil.copy(deck, target / "decks" / deck.name)
    return target


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Tests never read or fill the user's own cache; they do exercise caching."""
    import os

    os.environ["DECKGEN_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    del os.environ["DECKGEN_CACHE"]


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory) -> Path:
    """A copy of the project's seeds and deck files with every deck built by `deckgen build`."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli("build", "--quiet", cwd=root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="session")
def seed_decks(seed_project) -> list[Path]:
    decks = sorted((seed_project / "decks").glob("*.apkg"))
    assert decks, "deckgen build wrote no deck"
    return decks
