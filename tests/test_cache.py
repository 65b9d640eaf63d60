"""The results cache: used when inputs are unchanged, never when anything differs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from deckgen import cache
from tests.conftest import run_cli


def test_a_result_is_computed_once_per_key(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return ("value", len(calls))

    key = cache.key_of("x", "same input")
    assert cache.cached("test", key, compute) == ("value", 1)
    assert cache.cached("test", key, compute) == ("value", 1)
    assert cache.cached("test", cache.key_of("x", "other input"), compute) == ("value", 2)


def test_keys_depend_on_every_part():
    assert cache.key_of("a", 1) != cache.key_of("a", 2)
    assert cache.key_of("a", b"x") != cache.key_of("a", b"y")
    assert cache.key_of("a", 1) == cache.key_of("a", 1)


def test_a_damaged_cache_file_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    key = cache.key_of("damaged")
    (tmp_path / f"test-{key}.pickle").write_bytes(b"\x80\x05 not a pickle")
    assert cache.cached("test", key, lambda: 42) == 42
    assert cache.cached("test", key, lambda: 0) == 42, "the recomputed value was stored"


def test_off_and_unwritable_caches_still_compute(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    assert cache.cached("test", "k", lambda: 1) == 1
    assert cache.cached("test", "k", lambda: 2) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker / "cache"))
    assert cache.cached("test", "k", lambda: 3) == 3


def terms_of(apkg):
    import sqlite3

    with zipfile.ZipFile(apkg) as z:
        db = apkg.with_suffix(".db")
        db.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        return {row[0] for row in con.execute("SELECT sfld FROM notes")}
    finally:
        con.close()


def test_a_group_of_values_is_stored_in_one_file_and_only_new_keys_are_computed(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    computed = []

    def values_for(keys):
        return cache.cached_each("notes", "deck", keys, lambda i: computed.append(keys[i]) or keys[i].upper())

    assert values_for(["a", "b", "c"]) == ["A", "B", "C"]
    assert values_for(["a", "b", "c"]) == ["A", "B", "C"]
    assert values_for(["a", "x", "c"]) == ["A", "X", "C"]
    assert computed == ["a", "b", "c", "x"], "an edit computes only what changed"
    assert len(list(tmp_path.glob("notes-*.pickle"))) == 1
    assert values_for(["b"]) == ["B"] and computed[-1] == "b", "the file keeps the last build's keys only"
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    assert values_for(["a"]) == ["A"] and computed[-1] == "a"


def test_a_parsed_dictionary_is_parsed_once_and_replaced_when_its_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    parses = []

    def parse(version):
        parses.append(version)
        return {"word": version}

    assert cache.cached_dictionary("words", "v1", lambda: parse(1)) == {"word": 1}
    assert cache.cached_dictionary("words", "v1", lambda: parse(1)) == {"word": 1}
    assert parses == [1], "the second load came from the cache"
    assert cache.cached_dictionary("words", "v2", lambda: parse(2)) == {"word": 2}
    assert len(list(tmp_path.glob("dictionary-words-*.pickle"))) == 1, "the old version's file is gone"
    assert cache.cached_dictionary("other", "v1", lambda: parse(3)) == {"word": 3}
    assert len(list(tmp_path.glob("dictionary-*.pickle"))) == 2, "other dictionaries are kept"


def test_keys_change_when_a_package_deckgen_reads_changes(tmp_path, monkeypatch):
    package = tmp_path / "fakedict"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "data" / "words.txt").write_text("词 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache, "_PACKAGES", (*cache._PACKAGES, "fakedict", "not_installed_anywhere"))

    def key() -> str:
        cache._fingerprint.cache_clear()
        return cache.key_of("mine", "text")

    try:
        before = key()
        assert key() == before
        (package / "__pycache__").mkdir()
        (package / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"bytecode")
        assert key() == before, "compiling a package's modules is not a new version"
        (package / "data" / "words.txt").write_text("词 1\n词语 2\n", encoding="utf-8")
        assert key() != before, "a changed data file is"
    finally:
        cache._fingerprint.cache_clear()


def test_jieba_loads_its_data_without_pkg_resources_which_stays_importable(tmp_path):
    script = (
        "import importlib.util, sys\n"
        "from deckgen import segmenting as segment\n"
        "from deckgen.lexicon import jieba_words\n"
        "jieba = jieba_words.jieba_module()\n"
        "assert 'pkg_resources' not in sys.modules\n"
        "with jieba.Tokenizer().get_dict_file() as f:\n"
        "    assert f.readline().split()[1].isdigit()\n"
        "assert segment.tokenizer().lcut('华为发布了芯片') == jieba.Tokenizer().lcut('华为发布了芯片')\n"
        "if importlib.util.find_spec('pkg_resources') is not None:\n"
        "    import pkg_resources\n"
        "print('ok')\n"
    )
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_tokenizer_from_the_cache_segments_as_jieba_does(tmp_path, monkeypatch):
    import jieba

    from deckgen import segmenting as segment
    from deckgen.lexicon import jieba_words

    def forget() -> None:
        segment.tokenizer.cache_clear()
        jieba_words.tables.cache_clear()
        jieba_words.word_tags.cache_clear()

    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    forget()
    try:
        segment.tokenizer()  # fills the cache
        forget()
        cached = segment.tokenizer()
        assert list(tmp_path.glob("dictionary-jieba-*.pickle"))
        reference = jieba.Tokenizer()
        text = "新质生产力是推动高质量发展的内在要求，华为发布了昇腾910B芯片。"
        assert list(cached.cut(text)) == list(reference.cut(text))
        reference.initialize()
        assert cached.total == reference.total and cached.FREQ == reference.FREQ
        with reference.get_dict_file() as f:
            lines = f.read().decode("utf-8").splitlines()
        tags = jieba_words.word_tags()
        assert len(tags) == len({line.split()[0] for line in lines})
        for line in lines[::1000]:
            word, _, tag = line.split()
            assert tags[word] == tag and tags.get(word) == tag and word in tags
        prefixes = [w for w in list(reference.FREQ)[::997] if not reference.FREQ[w]]
        assert prefixes, "jieba's FREQ holds the prefixes of its words, with frequency 0"
        for word in [*prefixes, "新质生产力", "", "\uffff"]:
            assert word not in tags and tags.get(word, "x") == "x"
    finally:
        forget()


def test_cedict_from_the_cache_lists_every_entry_of_the_file(tmp_path, monkeypatch):
    import gzip

    from deckgen.lexicon import cedict as dictionary

    expected: dict[str, list[str]] = {}
    text = gzip.decompress(dictionary._cedict_path().read_bytes()).decode("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split(" ", 2)[:2]
            for key in {traditional, simplified}:
                expected.setdefault(key, []).append(line)

    def forget() -> None:
        dictionary._index.cache_clear()
        dictionary.lookup.cache_clear()

    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    forget()
    try:
        dictionary.knows("中国")  # fills the cache
        forget()
        assert list(tmp_path.glob("dictionary-cc-cedict-*.pickle"))
        assert list(dictionary.headwords()) == sorted(expected)
        for key in [*sorted(expected)[::499], "發", "发", "长", "長", "卡脖子"]:
            assert dictionary.knows(key)
            assert dictionary.entry_lines(key) == "\n".join(expected[key])
            assert [(e.traditional, e.simplified) for e in dictionary.lookup(key)] == [
                tuple(line.split(" ", 2)[:2]) for line in expected[key]]
        for absent in ("新质生产力", "", "\uffff", "a" * 50):
            assert absent not in expected
            assert not dictionary.knows(absent) and dictionary.lookup(absent) == ()
    finally:
        forget()


def test_an_edited_text_is_mined_again(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("新质生产力是发展的关键。硬科技企业需要耐心资本。\n新质生产力需要硬科技。\n", encoding="utf-8")
    out = tmp_path / "a.apkg"
    assert run_cli("build", str(article), "-o", str(out), "--quiet").exit_code == 0
    assert "康波周期" not in terms_of(out)
    with open(article, "a", encoding="utf-8") as f:
        f.write("经济学家总结了“康波周期”。康波周期大约五十年。\n")
    assert run_cli("build", str(article), "-o", str(out), "--quiet").exit_code == 0
    assert "康波周期" in terms_of(out)


def test_a_fresh_copy_elsewhere_uses_the_cache_with_its_own_paths(tmp_path, monkeypatch):
    import deckgen.reading
    from deckgen.build import Workspace

    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
        # A damaged span makes a warning that names the file.
        (folder / "a.txt").write_text("他说这很重要。??梢钥闯?,美国的科技战略规划意识很强烈。\n", encoding="utf-8")
    a_sources, a_warnings = Workspace().sources([first / "a.txt"])

    def not_again(*args, **kwargs):
        raise AssertionError("the second copy was read again instead of coming from the cache")

    monkeypatch.setattr(deckgen.reading, "read_sources", not_again)
    b_sources, b_warnings = Workspace().sources([second / "a.txt"])
    assert a_warnings and all(w.startswith(f"{first / 'a.txt'}:") for w in a_warnings)
    assert b_warnings and all(w.startswith(f"{second / 'a.txt'}:") for w in b_warnings)
    assert b_sources[0].path == second / "a.txt"
    assert b_sources[0].sentences == a_sources[0].sentences


def test_a_fresh_copy_built_from_cached_results_loads_no_dictionary_of_words(tmp_path):
    # The seed decks built in one folder, then in a fresh copy of it: everything comes
    # from the cache, the short forms' long forms too (finding them may need jieba's
    # tags), so neither jieba's word table nor CC-CEDICT's index is loaded.
    from tests.conftest import copy_project

    script = (
        "import sys\n"
        "from deckgen.cli import main\n"
        "from deckgen.lexicon import cedict, jieba_words\n"
        "try:\n"
        "    main(['build'])\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print(jieba_words.tables.cache_info().currsize, cedict._index.cache_info().currsize)\n"
    )
    env = {**os.environ, cache.ENVIRONMENT: str(tmp_path / "cache")}
    runs = []
    for copy in ("first", "second"):
        folder = copy_project(tmp_path / copy)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                              cwd=folder, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append(done.stdout.split()[-2:])
    assert runs[0] == ["1", "1"] and runs[1] == ["0", "0"], runs


def test_results_and_dictionaries_are_switched_off_apart(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    monkeypatch.setenv(cache.DICTIONARY_ENVIRONMENT, str(tmp_path))
    assert cache.cached("test", "k", lambda: 1) == 1 and cache.cached("test", "k", lambda: 2) == 2
    assert cache.cached_dictionary("words", "v1", lambda: "parsed") == "parsed"
    assert cache.cached_dictionary("words", "v1", lambda: "again") == "parsed", "the dictionary cache stays on"
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "results"))
    monkeypatch.setenv(cache.DICTIONARY_ENVIRONMENT, "off")
    assert cache.cached_dictionary("words", "v1", lambda: "fresh") == "fresh"
    assert cache.cached("test", "k", lambda: 3) == 3 and cache.cached("test", "k", lambda: 4) == 3


def test_an_entry_of_the_wrong_shape_is_recomputed(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    key = cache.key_of("shape")
    for planted in ([], None, (cache.FORMAT, key, None), (cache.FORMAT, "another key", [1]), (0, key, [1])):
        (tmp_path / f"test-{key}.pickle").write_bytes(pickle.dumps(planted))
        assert cache.cached("test", key, lambda: [42], check=lambda v: isinstance(v, list) and v) == [42]


def test_a_folder_others_can_write_to_is_never_read(tmp_path, monkeypatch, capsys):
    import pickle

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(cache.ENVIRONMENT, str(shared))
    key = cache.key_of("planted")
    (shared / f"test-{key}.pickle").write_bytes(pickle.dumps((cache.FORMAT, key, "planted")))
    assert cache.cached("test", key, lambda: "computed") == "computed"
    assert "not yours alone" in capsys.readouterr().err
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    monkeypatch.setenv(cache.ENVIRONMENT, str(private))
    planted = private / f"test-{key}.pickle"
    planted.write_bytes(pickle.dumps((cache.FORMAT, key, "planted")))
    planted.chmod(0o666)
    assert cache.cached("test", key, lambda: "computed") == "computed", "a file others can write is not read"


def test_the_cache_folder_is_created_private_whatever_the_umask(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path / "new" / "cache"))
    old = os.umask(0)
    try:
        assert cache.cached("test", "k", lambda: 1) == 1
    finally:
        os.umask(old)
    assert (tmp_path / "new" / "cache").stat().st_mode & 0o777 == 0o700
    assert cache.cached("test", "k", lambda: 2) == 1


def test_stale_results_and_leftover_temporary_files_are_evicted(tmp_path, monkeypatch):
    import time

    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    monkeypatch.setattr(cache, "_EVICTED", set())
    old = time.time() - (cache.RESULTS_MAX_AGE_DAYS + 1) * 86400
    stale = tmp_path / "mine-stale.pickle"
    leftover = tmp_path / ".mine-x-abc.tmp"
    fresh_leftover = tmp_path / ".mine-y-abc.tmp"
    dictionary = tmp_path / "dictionary-jieba-1234.pickle"
    for path in (stale, leftover, fresh_leftover, dictionary):
        path.write_bytes(b"x")
    for path in (stale, leftover, dictionary):
        os.utime(path, (old, old))
    cache.cached("test", cache.key_of("new"), lambda: 1)
    assert not stale.exists() and not leftover.exists()
    assert fresh_leftover.exists(), "a temporary file of a build still running is left alone"
    assert dictionary.exists(), "parsed dictionaries are replaced by version, not by age"


def test_a_deck_is_rebuilt_when_deckgen_or_a_package_it_reads_changes(tmp_path, monkeypatch):
    from deckgen import build

    text = tmp_path / "article.txt"
    text.write_text("新质生产力是创新起主导作用的先进生产力质态。\n", encoding="utf-8")
    package = tmp_path / "fakedict"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cache, "_PACKAGES", (*cache._PACKAGES, "fakedict"))

    def key() -> str:
        cache._fingerprint.cache_clear()
        return build.build_key([text], build.Workspace())

    try:
        before = key()
        assert key() == before, "nothing changed: the deck is up to date"
        (package / "__init__.py").write_text("WORDS = 2\n", encoding="utf-8")
        assert key() != before, "a new version of a package the deck is made with rebuilds it"
    finally:
        cache._fingerprint.cache_clear()
