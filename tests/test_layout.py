"""The tree is the pipeline: stages side by side, checked by import-linter, not by hope."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

STAGES = ("reading", "segmenting", "mining", "annotating", "packaging")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    linter = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(linter), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_the_layers_hold():
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(("stage", "sibling"), [("mining", "annotating"), ("packaging", "reading"),
                                                ("annotating", "segmenting")])
def test_a_stage_importing_a_sibling_breaks_the_contract(tmp_path, stage, sibling):
    shutil.copytree(REPO / "deckgen", tmp_path / "deckgen", ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    module = tmp_path / "deckgen" / stage / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + f"\nfrom deckgen import {sibling}  # noqa\n",
                      encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert f"deckgen.{stage} is not allowed to import deckgen.{sibling}" in done.stdout


def test_every_stage_declares_what_it_offers():
    import importlib

    for stage in STAGES:
        module = importlib.import_module(f"deckgen.{stage}")
        assert module.__all__, stage
        assert all(hasattr(module, name) for name in module.__all__), stage


def test_the_readme_library_example_runs(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\nimport deckgen")
    code = readme[start + len("```python\n"): readme.index("```", start + 3)]
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DECKGEN_CACHE": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "新质生产力" in done.stdout


def test_another_jieba_release_is_refused_with_what_to_install(monkeypatch):
    import jieba

    from deckgen.errors import DeckgenError
    from deckgen.lexicon import jieba_words

    monkeypatch.setattr(jieba, "__version__", "0.43.0")
    with pytest.raises(DeckgenError) as error:
        jieba_words.jieba_module()
    assert "jieba 0.43.0" in str(error.value) and f"pip install jieba=={jieba_words.JIEBA_VERSION}" in str(error.value)


def test_a_profiler_gets_to_write_its_results(tmp_path):
    """The quick exit at the end of a run steps aside when a profiler is attached."""
    profile = tmp_path / "run.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "deckgen", "pinyin", "--numbers"],
                          input="行长说得对。\n", capture_output=True, text=True, timeout=300,
                          env={**os.environ, "DECKGEN_CACHE": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "hang2 zhang3 shuo1 de5 dui4 。"
    assert profile.stat().st_size > 0
