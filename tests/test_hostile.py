"""Hostile and unlucky conditions, each with the real file, process or folder: a source
edited during a build, cache entries of the wrong shape or planted by others, jieba's
shared cache, deeply nested TOML, full disks, FIFOs and /dev/zero, files outside a deck's
folder, kill -9, huge deck files, invisible characters, Anki's own markup in a text,
malformed pinyin and texts that are not Chinese. Each ends in a clear message and a
non-zero exit, or in the deck a clean build of the same inputs gives; nothing is left
behind. Property tests cover each class beyond the cases named.
"""

from __future__ import annotations

import html
import os
import pickle
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen import build, cache, deckfile, reading
from deckgen.errors import DeckFileError
from deckgen.packaging.fields import escape
from deckgen.reading import normalise
from deckgen.tones import parse_pinyin, syllables, tone_mark
from tests.conftest import REPO, import_into_anki, run_cli
from tests.test_bad_input import SMALL_ARTICLE, assert_clean_failure, deck_fields, example_sentences

SEEDS = REPO / "seeds"
TEXT_A = "\n".join((SEEDS / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt")
                   .read_text(encoding="utf-8").splitlines()[1:7]) + "\n"
TEXT_B = "\n".join((SEEDS / "nanfengchuang-2024-26-qi-kai-us-china-tech.txt")
                   .read_text(encoding="utf-8").splitlines()[1:7]) + "\n"


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # The parsed dictionaries are the session's (keyed by the packages' files); results are the test's own.
    env.update({"DECKGEN_CACHE": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp"),
                "DECKGEN_DICTIONARY_CACHE": os.environ["DECKGEN_CACHE"]})
    env.update(extra)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


def deckgen(*args: str, cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deckgen", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def assert_process_failed_cleanly(process: subprocess.CompletedProcess, *names: str) -> None:
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr, process.stderr
    for name in names:
        assert name in process.stderr, process.stderr


def sorted_fields(apkg: Path) -> list[tuple[str, ...]]:
    return sorted(tuple(f.values()) for f in deck_fields(apkg))


def clean_build(tmp_path: Path, name: str, text: bytes | str) -> list[tuple[str, ...]]:
    """The deck of `text` built with no cache at all, in a folder of its own."""
    folder = tmp_path / f"clean-{name}"
    folder.mkdir()
    (folder / f"{name}.txt").write_bytes(text if isinstance(text, bytes) else text.encode())
    process = deckgen("build", f"{name}.txt", "-o", f"{name}.apkg", "--quiet", cwd=folder,
                      env=environment(folder, DECKGEN_CACHE="off"))
    assert process.returncode == 0, process.stderr
    return sorted_fields(folder / f"{name}.apkg")


def in_text(sentence: str, text: str) -> bool:
    return all(piece in text for piece in sentence.split("…") if piece)


# --- 1. a source edited during a build -----------------------------------------------


def test_a_source_rewritten_during_builds_never_poisons_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "cache"))
    source = tmp_path / "article.txt"
    source.write_text(TEXT_A, encoding="utf-8")
    stop = threading.Event()

    def rewrite():  # as an editor saves: each version whole, replacing the last
        while not stop.is_set():
            for i, text in enumerate((TEXT_A, TEXT_B)):
                (tmp_path / f"saving{i}").write_text(text, encoding="utf-8")
                os.replace(tmp_path / f"saving{i}", source)
    writer = threading.Thread(target=rewrite)
    writer.start()
    try:
        for _ in range(4):
            result = run_cli("build", "article.txt", "-o", "article.apkg", "--quiet", "--force", cwd=tmp_path)
            assert result.exit_code == 0, result.output
            sentences = [s for f in deck_fields(tmp_path / "article.apkg") for s in example_sentences(f)]
            assert sentences
            # Whichever version was read, the deck is of that version alone.
            assert all(in_text(s, TEXT_A) for s in sentences) or all(in_text(s, TEXT_B) for s in sentences)
    finally:
        stop.set()
        writer.join()

    # And a file changed right after it was read: the deck and the cache hold what was read.
    read = reading.read_bytes

    def read_then_edit(path):
        data = read(path)
        Path(path).write_text(TEXT_B if data.decode() == TEXT_A else TEXT_A, encoding="utf-8")
        return data
    source.write_text(TEXT_A, encoding="utf-8")
    monkeypatch.setattr(reading, "read_bytes", read_then_edit)
    assert run_cli("build", "article.txt", "-o", "article.apkg", "--quiet", "--force", cwd=tmp_path).exit_code == 0
    monkeypatch.undo()
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "cache"))

    for text in (TEXT_A, TEXT_B):
        source.write_text(text, encoding="utf-8")
        for force in ((), ("--force",)):
            result = run_cli("build", "article.txt", "-o", "article.apkg", "--quiet", *force, cwd=tmp_path)
            assert result.exit_code == 0, result.output
            sentences = [s for f in deck_fields(tmp_path / "article.apkg") for s in example_sentences(f)]
            assert sentences and all(in_text(s, text) for s in sentences), "a sentence not in the file"


# --- 2. cache entries of the wrong shape ---------------------------------------------


@pytest.mark.parametrize("planted", ["empty list", "None", "wrong record"])
def test_cache_entries_of_the_wrong_shape_give_the_clean_deck(tmp_path, planted):
    env = environment(tmp_path)
    (tmp_path / "article.txt").write_text(TEXT_A, encoding="utf-8")
    assert deckgen("build", "article.txt", "-o", "a.apkg", "--quiet", cwd=tmp_path, env=env).returncode == 0
    value = {"empty list": [], "None": None, "wrong record": ("not", "a", "record")}[planted]
    entries = [p for p in (tmp_path / "cache").glob("*.pickle") if not p.name.startswith("dictionary-")]
    assert entries
    for path in entries:
        fmt, key, _ = pickle.loads(path.read_bytes())
        path.write_bytes(pickle.dumps((fmt, key, value)))
    process = deckgen("build", "article.txt", "-o", "a.apkg", "--force", cwd=tmp_path, env=env)
    assert process.returncode == 0 and "Traceback" not in process.stderr, process.stderr
    assert sorted_fields(tmp_path / "a.apkg") == clean_build(tmp_path, "article", TEXT_A)


# --- 3. jieba's own cache in the shared temporary folder ------------------------------


JIEBA_PROBE = """
import jieba
from deckgen import segmenting
tokenizer = jieba.Tokenizer()
print(tokenizer.tmp_dir or __import__("tempfile").gettempdir(), tokenizer.cache_file or "jieba.cache")
segmenter = segmenting.segmenter()
text = "我们需要高端芯片和先进技术理念"
print(" ".join(segmenter.words_of(text)), "|", " ".join(t.text for t in segmenter.tagged_tokens(text)))
"""


@pytest.mark.parametrize("dictionary_cache", ["off", "empty"])
def test_a_tampered_jieba_cache_in_the_temporary_folder_is_never_read(tmp_path, dictionary_cache):
    import marshal

    env = environment(tmp_path, DECKGEN_CACHE="off")
    env["DECKGEN_DICTIONARY_CACHE"] = "off" if dictionary_cache == "off" else str(tmp_path / "dictionaries")
    (tmp_path / "honest").mkdir()
    honest_env = environment(tmp_path / "honest", DECKGEN_CACHE="off", DECKGEN_DICTIONARY_CACHE="off")
    honest = subprocess.run([sys.executable, "-c", JIEBA_PROBE], env=honest_env, capture_output=True, text=True,
                            timeout=120)
    assert honest.returncode == 0, honest.stderr
    folder, name = honest.stdout.splitlines()[0].split()
    assert folder == str(tmp_path / "honest" / "tmp"), "jieba's cache is looked for in TMPDIR"
    # A table in which "高端芯" and "技理念" are words of enormous weight, as jieba stores it.
    freq = {word: 10**9 for word in ("高", "高端", "高端芯", "技", "技理", "技理念")}
    planted = tmp_path / "tmp" / name
    planted.write_bytes(marshal.dumps((freq, 6 * 10**9)))
    before = planted.read_bytes()
    probe = subprocess.run([sys.executable, "-c", JIEBA_PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.splitlines()[0].split() == [str(tmp_path / "tmp"), name]
    words = probe.stdout.splitlines()[1].split()
    assert words == honest.stdout.splitlines()[1].split()
    assert "高端芯" not in words and "芯片" in words
    assert planted.read_bytes() == before
    if dictionary_cache == "empty":  # and what deckgen stored is the honest table
        again = subprocess.run([sys.executable, "-c", JIEBA_PROBE], env=env, capture_output=True, text=True,
                               timeout=120)
        assert again.stdout.splitlines()[1].split() == words


# --- 4. pickles in a folder others can write to ---------------------------------------


class _Planted:
    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_a_planted_pickle_in_a_shared_cache_folder_never_runs(tmp_path):
    env = environment(tmp_path, DECKGEN_DICTIONARY_CACHE=str(tmp_path / "cache"))  # dictionaries planted too
    (tmp_path / "article.txt").write_text(TEXT_A, encoding="utf-8")
    assert deckgen("build", "article.txt", "-o", "a.apkg", "--quiet", cwd=tmp_path, env=env).returncode == 0
    marker = tmp_path / "code-ran"
    entries = list((tmp_path / "cache").glob("*.pickle"))
    assert entries
    for path in entries:
        path.write_bytes(pickle.dumps(_Planted(marker)))
    (tmp_path / "cache").chmod(0o777)  # anyone may now have written them
    process = deckgen("build", "article.txt", "-o", "a.apkg", "--force", cwd=tmp_path, env=env)
    assert process.returncode == 0, process.stderr
    assert "not yours alone" in process.stderr and str(tmp_path / "cache") in process.stderr
    assert not marker.exists(), "a pickle from a folder others can write to was loaded"
    assert sorted_fields(tmp_path / "a.apkg") == clean_build(tmp_path, "article", TEXT_A)

    (tmp_path / "cache").chmod(0o700)  # a private folder, but files others can write
    for path in entries:
        path.chmod(0o666)
    process = deckgen("build", "article.txt", "-o", "a.apkg", "--force", cwd=tmp_path, env=env)
    assert process.returncode == 0, process.stderr
    assert not marker.exists()


def test_under_umask_000_the_default_cache_folder_is_created_private(tmp_path):
    env = environment(tmp_path)
    del env["DECKGEN_CACHE"]
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    (tmp_path / "article.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    process = subprocess.run(["sh", "-c", f"umask 000 && exec {sys.executable} -m deckgen build article.txt "
                              "-o a.apkg --quiet"], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=120)
    assert process.returncode == 0, process.stderr
    folder = tmp_path / "xdg" / "deckgen"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o022 == 0 for p in folder.iterdir())


# --- 5. deeply nested TOML; a full disk ------------------------------------------------


@pytest.mark.parametrize("nesting", ["array", "inline table"])
def test_a_deck_file_nested_500_deep_is_a_clean_error(tmp_path, nesting):
    value = "[" * 500 + "]" * 500 if nesting == "array" else "{a = " * 500 + "1" + "}" * 500
    (tmp_path / "deep.toml").write_text(f'sources = ["a.txt"]\ntags = {value}\n', encoding="utf-8")
    (tmp_path / "deep.apkg").write_bytes(b"earlier")
    result = run_cli("build", "deep.toml", cwd=tmp_path)
    assert_clean_failure(result, "deep.toml", "nested too deeply")
    assert (tmp_path / "deep.apkg").read_bytes() == b"earlier"


def test_a_sources_toml_nested_500_deep_is_a_clean_error(tmp_path):
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('["a.txt"]\nname = ' + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = run_cli("build", "a.txt", "-o", "a.apkg", cwd=tmp_path)
    assert_clean_failure(result, "sources.toml", "nested too deeply")


@pytest.fixture
def full_disk(tmp_path):
    """A real file system that is full: a small tmpfs, filled to its last few kilobytes."""
    mount = tmp_path / "full"
    mount.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], check=True,
                       capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a tmpfs here: {error}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    free = shutil.disk_usage(folder).free
    with open(folder / "filler", "wb") as f:
        f.write(b"\0" * max(free - leave, 0))


def test_a_full_disk_is_a_clean_error_and_keeps_the_earlier_deck(tmp_path, full_disk, previous_deck_bytes):
    (full_disk / "good.txt").write_text(TEXT_A, encoding="utf-8")
    (full_disk / "out.apkg").write_bytes(previous_deck_bytes)
    _fill(full_disk, 8192)
    process = deckgen("build", "good.txt", "-o", "out.apkg", cwd=full_disk, env=environment(tmp_path))
    assert_process_failed_cleanly(process, "out.apkg", "No space left on device")
    assert (full_disk / "out.apkg").read_bytes() == previous_deck_bytes
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "good.txt", "out.apkg"]
    assert list((tmp_path / "tmp").iterdir()) == [], "nothing in the temporary folder"


def test_a_full_cache_disk_builds_the_deck_and_leaves_no_partial_files(tmp_path, full_disk):
    (tmp_path / "article.txt").write_text(TEXT_A, encoding="utf-8")
    cache_folder = full_disk / "cache"
    cache_folder.mkdir(mode=0o700)
    _fill(full_disk, 16384)
    env = environment(tmp_path, DECKGEN_CACHE=str(cache_folder))
    for _ in range(2):
        process = deckgen("build", "article.txt", "-o", "a.apkg", "--force", cwd=tmp_path, env=env)
        assert process.returncode == 0, process.stderr
    assert [p.name for p in cache_folder.iterdir() if p.name.endswith(".tmp")] == []
    assert sorted_fields(tmp_path / "a.apkg") == clean_build(tmp_path, "article", TEXT_A)


@pytest.fixture(scope="module")
def previous_deck_bytes(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("earlier")
    (folder / "earlier.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    assert run_cli("build", "earlier.txt", "-o", "earlier.apkg", "--quiet", cwd=folder).exit_code == 0
    return (folder / "earlier.apkg").read_bytes()


# --- 6. special files and a size limit -----------------------------------------------


@pytest.mark.parametrize("command", ["build", "terms"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-null-device"])
def test_special_files_are_refused_at_once(tmp_path, command, kind):
    special = tmp_path / "special.txt"
    if kind == "fifo":
        os.mkfifo(special)
    elif kind == "dev-zero":
        special.symlink_to("/dev/zero")
    else:
        special.symlink_to("/dev/null")
    (tmp_path / "out.apkg").write_bytes(b"earlier")
    args = ("build", "special.txt", "-o", "out.apkg") if command == "build" else ("terms", "special.txt")
    process = deckgen(*args, cwd=tmp_path, env=environment(tmp_path), timeout=60)
    expected = "named pipe" if kind == "fifo" else "a device"
    assert_process_failed_cleanly(process, "special.txt", expected)
    assert (tmp_path / "out.apkg").read_bytes() == b"earlier"


@pytest.mark.parametrize("command", ["build", "terms"])
def test_a_known_words_file_that_is_a_fifo_is_refused(tmp_path, command):
    os.mkfifo(tmp_path / "known.txt")
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    args = ("-o", "out.apkg") if command == "build" else ()
    process = deckgen(command, "good.txt", "--known", "known.txt", *args, cwd=tmp_path, env=environment(tmp_path),
                      timeout=60)
    assert_process_failed_cleanly(process, "known.txt", "named pipe")


def test_a_deck_file_that_is_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "deck.toml")
    process = deckgen("build", "deck.toml", cwd=tmp_path, env=environment(tmp_path), timeout=60)
    assert_process_failed_cleanly(process, "deck.toml", "named pipe")


def test_a_source_larger_than_the_limit_is_refused_and_the_limit_can_be_raised(tmp_path):
    (tmp_path / "big.txt").write_text(TEXT_A * 3, encoding="utf-8")
    size = (tmp_path / "big.txt").stat().st_size
    env = environment(tmp_path, DECKGEN_MAX_SOURCE_MB=str(size / 2 / 1_000_000))
    process = deckgen("build", "big.txt", "-o", "big.apkg", cwd=tmp_path, env=env)
    assert_process_failed_cleanly(process, "big.txt", "larger than", "DECKGEN_MAX_SOURCE_MB")
    env["DECKGEN_MAX_SOURCE_MB"] = str(size * 2 / 1_000_000)
    assert deckgen("build", "big.txt", "-o", "big.apkg", "--quiet", cwd=tmp_path, env=env).returncode == 0


@given(size=st.integers(0, 5000), limit=st.integers(1, 5000))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_reading_returns_the_whole_file_exactly_up_to_the_limit(tmp_path, size, limit):
    from deckgen.reading.files import TooLarge, read_regular

    path = tmp_path / "f.bin"
    data = random.Random(size).randbytes(size)
    path.write_bytes(data)
    if size <= limit:
        assert read_regular(path, limit) == data
    else:
        with pytest.raises(TooLarge):
            read_regular(path, limit)


# --- 7. files outside the deck's folder -----------------------------------------------


@pytest.fixture
def colleague(tmp_path) -> Path:
    """A deck folder, and beside it a private folder holding a secret."""
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "secret.txt").write_text("我的密码是芝麻开门芝麻开门。" * 5 + "\n" + TEXT_B,
                                                     encoding="utf-8")
    (tmp_path / "deck").mkdir()
    (tmp_path / "deck" / "good.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "deck" / "shared.apkg").write_bytes(b"earlier")
    return tmp_path


@pytest.mark.parametrize("pattern", ["../private/*.txt", "{private}/secret.txt", "link.txt", "sub/../../private/secret.txt"])
def test_a_deck_file_cannot_quietly_read_files_outside_its_folder(colleague, pattern):
    deck = colleague / "deck"
    (deck / "link.txt").symlink_to(colleague / "private" / "secret.txt")
    (deck / "sub").mkdir()
    pattern = pattern.format(private=colleague / "private")
    (deck / "shared.toml").write_text(f'title = "Shared"\nsources = ["good.txt", "{pattern}"]\n', encoding="utf-8")
    result = run_cli("build", "shared.toml", cwd=deck)
    assert_clean_failure(result, "shared.toml:2", "outside this deck file's folder", "allow_sources_from")
    assert (deck / "shared.apkg").read_bytes() == b"earlier"


def test_allow_sources_from_lets_a_deck_file_read_the_folder_it_names(colleague):
    deck = colleague / "deck"
    (deck / "shared.toml").write_text('title = "Shared"\nallow_sources_from = ["../private"]\n'
                                      'sources = ["good.txt", "../private/*.txt"]\n', encoding="utf-8")
    result = run_cli("build", "shared.toml", "--quiet", cwd=deck)
    assert result.exit_code == 0, result.output
    (deck / "other.toml").write_text('allow_sources_from = ["../private"]\nsources = ["/etc/hostname"]\n',
                                     encoding="utf-8")
    assert_clean_failure(run_cli("build", "other.toml", cwd=deck), "other.toml", "allow_sources_from")


def test_known_words_outside_the_folder_are_refused_too(colleague):
    deck = colleague / "deck"
    (deck / "shared.toml").write_text('sources = ["good.txt"]\nknown_words = "../private/secret.txt"\n',
                                      encoding="utf-8")
    assert_clean_failure(run_cli("build", "shared.toml", cwd=deck), "shared.toml:2", "allow_sources_from")


def test_texts_named_on_the_command_line_and_init_are_the_users_choice(colleague):
    deck = colleague / "deck"
    result = run_cli("build", "../private/secret.txt", "-o", "mine.apkg", "--quiet", cwd=deck)
    assert result.exit_code == 0, result.output
    result = run_cli("init", "../private/secret.txt", "good.txt", "-o", "mine.toml", cwd=deck)
    assert result.exit_code == 0, result.output
    assert 'allow_sources_from = ["../private"]' in (deck / "mine.toml").read_text(encoding="utf-8")
    assert run_cli("build", "mine.toml", "--quiet", cwd=deck).exit_code == 0


# --- 8. nothing left behind after kill -9 or Ctrl-C -----------------------------------


def test_killed_builds_leave_nothing_that_stays(tmp_path, previous_deck_bytes):
    project = tmp_path / "project"
    project.mkdir()
    (project / "article.txt").write_text(TEXT_A + TEXT_B, encoding="utf-8")
    (project / "out.apkg").write_bytes(previous_deck_bytes)
    env = environment(tmp_path)
    rng = random.Random(16)
    for round_ in range(6):
        process = subprocess.Popen([sys.executable, "-m", "deckgen", "build", "article.txt", "-o", "out.apkg",
                                    "--force", "--quiet"], cwd=project, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, 4.0))
        process.send_signal(signal.SIGKILL if round_ % 2 == 0 else signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert b"Traceback" not in stderr
        # The deck is the earlier one or a complete new one, never a torn file.
        with zipfile.ZipFile(project / "out.apkg") as z:
            assert z.testzip() is None
    assert list((tmp_path / "tmp").iterdir()) == [], "files left in the temporary folder"
    # Whatever a kill -9 left beside the deck or in the cache is removed once it is stale.
    old = time.time() - 2 * 3600
    leftovers = [p for p in [*project.iterdir(), *(tmp_path / "cache").iterdir()] if p.name.endswith(".tmp")]
    for path in leftovers:
        os.utime(path, (old, old))
    planted = [project / ".out.apkg.stale.tmp", tmp_path / "cache" / ".read-stale.tmp"]
    for path in planted:
        path.write_bytes(b"partial")
        os.utime(path, (old, old))
    process = deckgen("build", "article.txt", "-o", "out.apkg", "--quiet", "--force", cwd=project, env=env)
    assert process.returncode == 0, process.stderr
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.name.endswith(".tmp")] == []
    assert sorted(p.name for p in project.iterdir()) == ["article.txt", "out.apkg"]


# --- 9. thousands of term overrides ---------------------------------------------------


def test_ten_thousand_overrides_are_located_in_one_pass(tmp_path, monkeypatch):
    words = [chr(0x4E00 + i) + chr(0x4E00 + (i * 7919) % 20000) for i in range(10_000)]
    words = list(dict.fromkeys(w for w in words if w == deckfile.to_simplified(w)))
    lines = ['sources = ["a.txt"]', ""]
    for word in words:
        lines += [f'[terms."{word}"]', f'english = "meaning of {word}"', ""]
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    (tmp_path / "big.toml").write_text("\n".join(lines), encoding="utf-8")
    scans = []
    original = deckfile._line_of_term
    monkeypatch.setattr(deckfile, "_line_of_term", lambda *a: scans.append(a) or original(*a))
    deck = deckfile.load_deck_file(tmp_path / "big.toml")
    assert len(deck.overrides) == len(words) > 5000
    assert not scans, "each term's line was searched for by scanning the whole file"
    text_lines = (tmp_path / "big.toml").read_text(encoding="utf-8").splitlines()
    assert all(text_lines[o.line - 1] == f'[terms."{o.headword}"]' for o in deck.overrides)


@given(st.lists(st.text(alphabet="卡脖子光刻机芯片晶圆", min_size=1, max_size=4), min_size=1, max_size=30, unique=True),
       st.lists(st.sampled_from(['[terms."{w}"]', "[terms.'{w}']", '[ terms . "{w}" ]']), min_size=30, max_size=30))
@settings(max_examples=60, deadline=None)
def test_override_lines_are_those_of_their_tables(words, headers):
    import tomllib

    lines = ['sources = ["a.txt"]']
    for word, header in zip(words, headers):
        lines += ["", header.format(w=word), 'english = "x"']
    text = "\n".join(lines)
    data = tomllib.loads(text)
    found = deckfile._term_lines(text.splitlines())
    for word in data["terms"]:
        assert text.splitlines()[found[word] - 1].replace(" ", "").endswith(f"{word}\"]") or \
            text.splitlines()[found[word] - 1].replace(" ", "").endswith(f"{word}']")


# --- 10. invisible characters ---------------------------------------------------------


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u202c",
             "\u2066", "\u2069", "\u00ad"]


def test_invisible_characters_inside_words_give_the_deck_of_the_clean_text(tmp_path):
    rng = random.Random(10)
    clean = TEXT_A.replace("芯片", "芯片") + "高端芯片是关键。先进技术理念很重要。高端芯片需要先进技术理念。\n"
    poisoned = "".join(ch + (rng.choice(INVISIBLE) if rng.random() < 0.15 and ch != "\n" else "") for ch in clean)
    poisoned = poisoned.replace("芯片", "芯\u200b片").replace("技术理念", "技\u202e术理念")
    assert poisoned != clean
    assert normalise(poisoned) == normalise(clean)
    (tmp_path / "article.txt").write_text(poisoned, encoding="utf-8")
    result = run_cli("build", "article.txt", "-o", "article.apkg", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    fields = sorted_fields(tmp_path / "article.apkg")
    assert fields == clean_build(tmp_path, "article", clean)
    everything = "".join("".join(f) for f in fields)
    assert not any(ch in everything for ch in INVISIBLE)
    headwords = {f[0] for f in fields}
    assert "高端芯" not in headwords and "技理念" not in headwords


@given(st.text(alphabet=st.characters(codec="utf-8")), st.lists(st.sampled_from(INVISIBLE), max_size=10),
       st.randoms())
@settings(max_examples=200, deadline=None)
def test_normalising_removes_every_invisible_character_wherever_it_is(text, invisible, rnd):
    clean = normalise(text)
    chars = list(text)
    for mark in invisible:
        chars.insert(rnd.randint(0, len(chars)), mark)
    poisoned = normalise("".join(chars))
    assert not any(mark in poisoned for mark in INVISIBLE)
    assert poisoned == normalise("".join(ch for ch in chars if ch not in INVISIBLE))
    assert normalise(clean) == clean


def test_an_invisible_character_between_cr_and_lf_leaves_one_line_break():
    # a Windows line end with a zero-width space inside it, as pasted from a web page
    assert normalise("第一行\r\u200b\n第二行\r\n") == "第一行\n第二行\n"


# --- 11. Anki markup in a text -------------------------------------------------------


ANKI_MARKUP = ["[sound:evil.mp3]", "[anki:tts lang=zh_CN]你好[/anki:tts]", "[anki:play:q:0]", "[SOUND:x.mp3]"]


def test_anki_sound_and_speech_tags_from_a_text_stay_text_in_the_real_anki(tmp_path):
    lines = [f"新质生产力{ANKI_MARKUP[i % 4]}需要硬科技和耐心资本。硬科技{ANKI_MARKUP[(i + 1) % 4]}是新质生产力的基础。"
             for i in range(8)]
    (tmp_path / "markup.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "markup.toml").write_text(
        # tts = false: the deck adds no speech of its own, so any played tag would come from the text
        'sources = ["markup.txt"]\nlevel = 0\ntts = false\n[terms."硬科技"]\nenglish = "hard tech [sound:evil.mp3]"\n'
        'note = "[anki:tts lang=en_US]spoken[/anki:tts]"\nexamples = ["硬科技[sound:evil.mp3]很重要。"]\n',
        encoding="utf-8")
    result = run_cli("build", "markup.toml", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    fields = deck_fields(tmp_path / "markup.apkg")
    everything = "".join(v for f in fields for v in f.values())
    assert "[sound:" not in everything and "[anki:" not in everything.lower()
    assert any("sound:evil.mp3" in html.unescape(v) for f in fields for v in f.values()), "the text is still shown"
    imported = import_into_anki(tmp_path / "markup.apkg", tmp_path / "collection.anki2")
    col = imported.col
    try:
        assert list(col.media.check().missing) == []
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        assert cards
        for card in cards:
            for side in (card.question(), card.answer()):
                assert "[anki:play" not in side and "[anki:tts" not in side
            assert not card.question_av_tags() and not card.answer_av_tags()
    finally:
        col.close()


@given(st.text(alphabet=st.sampled_from(list("[]/:soundaki tplq0SOUNDAKI 你好<>&\"'"))) | st.text())
@settings(max_examples=300, deadline=None)
def test_escaped_text_shows_as_written_and_opens_no_anki_tag(text):
    escaped = escape(text)
    assert html.unescape(escaped) == text
    assert not re.search(r"\[(sound|anki):", escaped, re.IGNORECASE)
    assert not re.search(r"<", escaped)


# --- 12. override pinyin ---------------------------------------------------------------


@pytest.mark.parametrize("pinyin, said", [
    ("xyz3 abc2 qqq1", "'xyz3' is not a Mandarin syllable"),
    ("a3 a3 a3", "'a3' is not a reading of 卡"),
    ("qiǎ4 bó zi", "'qiǎ4' has a tone mark and a tone number that disagree"),
    ("qiǎ3 bǒ́ zi", "tone marks"),
])
def test_malformed_override_pinyin_is_refused_at_its_line(tmp_path, pinyin, said):
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    (tmp_path / "d.toml").write_text(f'sources = ["a.txt"]\n\n[terms."卡脖子"]\nenglish = "x"\npinyin = "{pinyin}"\n',
                                     encoding="utf-8")
    (tmp_path / "d.apkg").write_bytes(b"earlier")
    assert_clean_failure(run_cli("build", "d.toml", cwd=tmp_path), "d.toml:5", said)
    assert (tmp_path / "d.apkg").read_bytes() == b"earlier"


@pytest.mark.parametrize("pinyin", ["qia3 bo2 zi5", "qiǎ bó zi", "ka3 bo2 zi", "qiǎ3 bó2 zi5"])
def test_good_override_pinyin_is_accepted(tmp_path, pinyin):
    (tmp_path / "d.toml").write_text(f'sources = ["a.txt"]\n[terms."卡脖子"]\npinyin = "{pinyin}"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    deck = deckfile.load_deck_file(tmp_path / "d.toml")
    assert deck.overrides[0].pinyin[1:] == ("bo2", "zi5")


@given(st.sampled_from(sorted(syllables())), st.integers(1, 5))
@settings(max_examples=300, deadline=None)
def test_every_syllable_parses_from_numbers_and_from_marks(letters, tone):
    numbered = f"{letters}{tone}"
    assert parse_pinyin(numbered) == (numbered,)
    marked = tone_mark(numbered)
    if marked != numbered:
        assert parse_pinyin(marked) == (numbered if tone != 5 else f"{letters}5",)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=7), st.integers(1, 5))
@settings(max_examples=300, deadline=None)
def test_letters_that_are_no_syllable_are_refused(letters, tone):
    known = syllables()
    is_one = letters in known or letters == "r" or (letters.endswith("r") and letters[:-1] in known)
    if is_one:
        assert parse_pinyin(f"{letters}{tone}") == (f"{letters}{tone}",)
    else:
        with pytest.raises(ValueError):
            parse_pinyin(f"{letters}{tone}")


# --- 13. texts that are not Chinese ----------------------------------------------------


@pytest.mark.parametrize("name, data", [
    ("latin1.txt", "A naïve café owner’s résumé — “déjà vu”. Straße, façade, naïve.\n".encode("cp1252") * 20),
    ("english.txt", b"Hello world. This is an English text with no Chinese at all.\n" * 20),
])
def test_a_text_that_is_not_chinese_is_refused_by_name(tmp_path, previous_deck_bytes, name, data):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "out.apkg").write_bytes(previous_deck_bytes)
    result = run_cli("build", name, "-o", "out.apkg", cwd=tmp_path)
    assert_clean_failure(result, name, "holds no Chinese text", "--encoding")
    assert (tmp_path / "out.apkg").read_bytes() == previous_deck_bytes
    result = run_cli("terms", name, cwd=tmp_path)
    assert_clean_failure(result, name, "holds no Chinese text")


def test_a_text_that_is_not_chinese_among_chinese_ones_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "english.txt").write_bytes(b"Hello world.\n" * 10)
    result = run_cli("build", "good.txt", "english.txt", "-o", "out.apkg", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "english.txt: the file holds no Chinese text" in result.output + result.stderr
    fields = deck_fields(tmp_path / "out.apkg")
    assert "Hello" not in " ".join(f["Hanzi"] for f in fields)


def test_a_text_mostly_in_another_language_is_warned_about(tmp_path):
    (tmp_path / "mostly.txt").write_text(("This article is about chips and the word 芯片 is used. " * 30) + "\n",
                                         encoding="utf-8")
    result = run_cli("build", "mostly.txt", "-o", "out.apkg", cwd=tmp_path)
    assert "letters are Chinese characters" in result.output + result.stderr


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF), min_size=1))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_without_a_chinese_character_is_refused(tmp_path, text):
    from deckgen.errors import SourceError

    path = tmp_path / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(SourceError):
        reading.read_source(path)


# --- classes beyond the cases: any deck file, any bytes -------------------------------


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_deck_file_is_a_deck_or_a_deck_file_error(tmp_path, text):
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    path = tmp_path / "d.toml"
    path.write_text(text, encoding="utf-8")
    try:
        deckfile.load_deck_file(path)
    except DeckFileError:
        pass


@given(st.integers(0, 3000), st.sampled_from(["[{}]", "{{a = {}}}", "[1, {}]"]))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_nesting_in_a_deck_file_is_a_deck_or_a_deck_file_error(tmp_path, depth, shape):
    value = "1"
    for _ in range(depth):
        value = shape.format(value)
    path = tmp_path / "d.toml"
    path.write_text(f'sources = ["a.txt"]\ncards = {value}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    with pytest.raises(DeckFileError):
        deckfile.load_deck_file(path)


def test_the_build_key_and_the_analysis_come_from_one_read(tmp_path, monkeypatch):
    """The bytes a key is made of are the bytes analysed: each file is read once per run."""
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    reads = []
    original = reading.read_bytes
    monkeypatch.setattr(reading, "read_bytes", lambda path: reads.append(Path(path).name) or original(path))
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    workspace = build.Workspace()
    report = build.build_adhoc([tmp_path / "a.txt"], tmp_path / "a.apkg", workspace, force=True)
    assert report.total > 0
    assert reads == ["a.txt"]


def test_a_deck_file_edited_after_it_was_read_is_not_taken_as_built(tmp_path, monkeypatch):
    """The deck's key is made of the deck file's bytes its settings were parsed from."""
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    path = tmp_path / "d.toml"
    path.write_text('sources = ["a.txt"]\nmax_terms = 5\n', encoding="utf-8")
    deck = deckfile.load_deck_file(path)
    path.write_text('sources = ["a.txt"]\nmax_terms = 12\n', encoding="utf-8")  # saved during the build
    build.build_deck(deck, build.Workspace())
    assert len(deck_fields(tmp_path / "d.apkg")) == 5
    result = run_cli("build", "d.toml", cwd=tmp_path)
    assert result.exit_code == 0 and "up to date" not in result.output, result.output
    assert len(deck_fields(tmp_path / "d.apkg")) == 12


def test_a_new_name_in_sources_toml_rebuilds_the_deck(tmp_path):
    """A text's name from sources.toml is on every card: the deck's key covers it."""
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "sources.toml").write_text('["a.txt"]\nname = "First name"\n', encoding="utf-8")
    assert run_cli("build", "a.txt", "-o", "a.apkg", "--quiet", cwd=tmp_path).exit_code == 0
    (tmp_path / "sources.toml").write_text('["a.txt"]\nname = "Second name"\n', encoding="utf-8")
    result = run_cli("build", "a.txt", "-o", "a.apkg", cwd=tmp_path)
    assert result.exit_code == 0 and "up to date" not in result.output, result.output
    assert all("Second name" in f["Examples"] for f in deck_fields(tmp_path / "a.apkg") if f["Examples"])
