"""The command line as a user meets it: help, version, pinyin, terms, build, review.

In-process runs go through click's CliRunner (`run_cli`, exceptions propagate); where
the process itself matters (python -m deckgen, exit codes, a terminal) it is run with
`sys.executable -m deckgen`.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deckgen import __version__
from deckgen.cli import main
from deckgen.reading import read_source
from tests.conftest import REPO, copy_project, import_into_anki, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")
SEEDS = REPO / "seeds"
SEED_000 = SEEDS / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt"
SEED_002 = SEEDS / "nanfengchuang-2024-26-qi-kai-us-china-tech.txt"
SEED_004 = SEEDS / "business-weekly-1896-huawei-ai-chips.txt"
SEED_FILES = (SEED_004, SEED_002, SEED_000)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
NUMBERED_SYLLABLE = re.compile(r"^[a-z]+[1-5]$")


def run_process(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deckgen", *args], cwd=cwd, input=input, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def write_article(directory: Path, name: str = "article.txt", lines: int = 3) -> Path:
    """The first lines of a seed article: enough text for a small deck, quick to build."""
    text = "\n".join(SEED_000.read_text(encoding="utf-8").splitlines()[:lines]) + "\n"
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# --- help and version ----------------------------------------------------------------


def test_help_lists_every_command():
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for name in main.commands:
        assert re.search(rf"^\s+{name}\b", result.output, re.M), f"{name} missing from deckgen --help"


def test_version_prints_the_package_version():
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"deckgen, version {__version__}"


def test_python_m_deckgen_help_works_as_a_process():
    process = run_process("--help")
    assert process.returncode == 0, process.stderr
    assert process.stdout.startswith("Usage: deckgen ")
    for name in main.commands:
        assert name in process.stdout
    assert "Traceback" not in process.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_help_shows_an_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output, f"deckgen {command} --help has no example"
    assert f"deckgen {command}" in result.output, f"deckgen {command} --help has no example of {command}"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_help_examples_read_deck_files_that_exist(command):
    """An example that builds or reviews decks/<name>.toml must name a deck file the project has."""
    text = run_cli(command, "--help").output
    named = re.findall(r"deckgen (?:build|review)\b[^\n]*?\bdecks/([\w.-]+\.toml)", text)
    for name in named:
        assert (REPO / "decks" / name).is_file(), f"deckgen {command} --help names decks/{name}, which does not exist"


def readme_code() -> list[str]:
    """Inline code spans and fenced code lines of the README."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", README, re.M | re.S)
    without_fences = re.sub(r"^```[^\n]*\n.*?^```", "", README, flags=re.M | re.S)
    return [line for block in fenced for line in block.splitlines()] + re.findall(r"`([^`\n]+)`", without_fences)


def readme_commands() -> set[str]:
    found = set()
    for code in readme_code():
        code = code.split("#", 1)[0]  # shell comments
        found.update(re.findall(r"(?:^|[|&;]\s*)\s*(?:python -m )?deckgen\s+([a-z][a-z-]*)", code))
    return found


def test_readme_documents_only_registered_commands():
    documented = readme_commands()
    assert {"build", "terms", "pinyin"} <= documented, documented  # the parser still finds them
    missing = documented - set(main.commands)
    assert not missing, f"the README documents commands deckgen does not have: {sorted(missing)}"


def test_every_registered_command_is_in_the_readme():
    undocumented = set(main.commands) - readme_commands()
    assert not undocumented, f"commands missing from the README: {sorted(undocumented)}"


# --- pinyin -------------------------------------------------------------------------


def pinyin_numbers(text: str) -> list[str]:
    result = run_cli("pinyin", "--numbers", input=text)
    assert result.exit_code == 0, result.output
    return result.stdout.split("\n")[:-1]  # every line ends with a newline


@pytest.mark.parametrize(
    "line, expected",
    [
        ("银行", "yin2 hang2"),
        ("了解", "liao3 jie3"),
        ("睡觉了", "shui4 jiao4 le5"),
        ("绿色", "lv4 se4"),
        ("旅行", "lv3 xing2"),
        ("卡脖子", "qia3 bo2 zi5"),
        ("銀行", "yin2 hang2"),  # traditional
        ("睡覺了", "shui4 jiao4 le5"),
        ("2024年", "2024 nian2"),
        ("我们用GPU训练", "wo3 men5 yong4 GPU xun4 lian4"),
        ("华为的910B芯片", "hua2 wei2 de5 910B xin1 pian4"),
    ],
)
def test_pinyin_numbers_gives_the_known_reading(line, expected):
    assert pinyin_numbers(line + "\n") == [expected]


def test_pinyin_numbers_reads_ka_in_ka_zhu_as_getting_stuck():
    assert pinyin_numbers("银行卡被卡住了\n") == ["yin2 hang2 ka3 bei4 qia3 zhu4 le5"]


def test_pinyin_numbers_format_is_one_syllable_per_character_single_spaces():
    lines = [
        "行长说得对，我们还要还钱。",
        "美国对华为卡脖子，女儿去旅行了。",
        "2024年，GPU和910B芯片（昇腾）供不应求！",
        "「新质生产力」是什么？",
    ]
    out = pinyin_numbers("\n".join(lines) + "\n")
    assert len(out) == len(lines)
    for line, numbered in zip(lines, out):
        assert numbered == numbered.strip() and "  " not in numbered, repr(numbered)
        assert "ü" not in numbered and "u:" not in numbered
        tokens = numbered.split(" ")
        syllables = [t for t in tokens if NUMBERED_SYLLABLE.match(t)]
        assert len(syllables) == len(HAN.findall(line)), (line, numbered)
        others = [t for t in tokens if not NUMBERED_SYLLABLE.match(t)]
        # Everything else is the line's own non-Chinese runs, in order, each one token.
        assert others == [run.strip() for run in re.split(HAN, line) if run.strip()], (line, numbered)
    assert out[1].split()[-4:-1] == ["lv3", "xing2", "le5"]
    assert "nv3 er2" in out[1]


def test_pinyin_numbers_keeps_line_count_and_empty_lines():
    out = pinyin_numbers("银行\n\n了解\n   \n绿色\n")
    assert out == ["yin2 hang2", "", "liao3 jie3", "", "lv4 se4"]


def test_pinyin_numbers_accepts_crlf_input():
    assert pinyin_numbers("银行\r\n了解\r\n") == ["yin2 hang2", "liao3 jie3"]


def readme_pinyin_example() -> tuple[str, str]:
    """The README's `echo LINE | deckgen pinyin --numbers` line and the `# output` after it."""
    match = re.search(r"^echo (.+?) \| deckgen pinyin --numbers\n# (.+)$", README, re.M)
    assert match, "the README's pinyin --numbers example is missing"
    return match.group(1), match.group(2)


def test_pinyin_numbers_matches_the_readme_example():
    line, expected = readme_pinyin_example()
    assert pinyin_numbers(line + "\n") == [expected]


def test_pinyin_readme_example_as_a_process():
    line, expected = readme_pinyin_example()
    process = run_process("pinyin", "--numbers", input=line + "\n")
    assert process.returncode == 0, process.stderr
    assert process.stdout == expected + "\n"


def test_pinyin_without_numbers_prints_each_line_and_its_tone_marked_pinyin():
    result = run_cli("pinyin", input="绿色银行\n了解\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "绿色银行\nlǜ sè yín háng\n了解\nliǎo jiě\n"


def test_pinyin_input_that_is_not_utf8_is_a_clean_error():
    result = run_cli("pinyin", "--numbers", input="银行\n".encode() + "你好\n".encode("gb18030"))
    assert result.exit_code == 1
    assert result.stdout == "yin2 hang2\n"  # the lines before it are done
    assert "<stdin>:2" in result.stderr and "UTF-8" in result.stderr


# --- terms --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_terms() -> list[dict]:
    result = run_cli("terms", *map(str, SEED_FILES), "--json", "--top", "25")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_terms_json_is_one_object_per_file_with_the_documented_keys(seed_terms):
    assert [row["file"] for row in seed_terms] == [str(p) for p in SEED_FILES]
    for row in seed_terms:
        assert set(row) == {"file", "terms"}
        assert len(row["terms"]) == 25
        for term in row["terms"]:
            assert set(term) == {"term", "pinyin", "english", "score", "why"}
            assert isinstance(term["term"], str) and term["term"].strip()
            assert isinstance(term["pinyin"], str) and isinstance(term["english"], str)
            assert isinstance(term["score"], (int, float))
            assert isinstance(term["why"], list) and term["why"], term
            assert all(isinstance(w, str) and w.strip() for w in term["why"])
        scores = [t["score"] for t in row["terms"]]
        assert scores == sorted(scores, reverse=True), f"{row['file']}: terms not ranked by score"


def test_terms_json_carries_readings_and_meanings(seed_terms):
    by_term = {t["term"]: t for row in seed_terms for t in row["terms"]}
    assert by_term["新質生產力"]["pinyin"] == "xīn zhì shēng chǎn lì"  # the Taiwan article's form
    assert by_term["新质生产力"]["pinyin"] == "xīn zhì shēng chǎn lì"
    with_english = [t for t in by_term.values() if t["english"]]
    # no English where none is trustworthy: a share of these terms are new coinages
    assert len(with_english) >= 0.7 * len(by_term)
    glued = [t["english"] for t in with_english if t["english"].startswith("literally:") and " + " in t["english"]]
    assert not glued, "parts glued with '+' are no meaning"


def test_terms_top_n_is_the_head_of_the_ranking(seed_terms):
    result = run_cli("terms", *map(str, SEED_FILES), "--json", "--top", "3")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(SEED_FILES)
    for short, long in zip(rows, seed_terms):
        assert [t["term"] for t in short["terms"]] == [t["term"] for t in long["terms"][:3]]


def test_terms_rejects_a_top_below_one():
    result = run_cli("terms", str(SEED_000), "--top", "0")
    assert result.exit_code == 2 and "--top" in result.output


def test_terms_of_the_damaged_seed_hold_no_damaged_text(seed_terms):
    source = read_source(SEED_002)
    assert source.damage, "seed 002 is known to hold damaged spans"
    # Pairs of characters found only inside the damaged spans: mojibake, never in the clean text.
    clean = "\n".join(s.text for s in source.sentences)
    mojibake = {d.text[i : i + 2] for d in source.damage for i in range(len(d.text) - 1)
                if not d.text[i].isascii() and not d.text[i + 1].isascii() and d.text[i : i + 2] not in clean}
    assert len(mojibake) > 10
    (row,) = [r for r in seed_terms if r["file"] == str(SEED_002)]
    for term in row["terms"]:
        shown = " ".join([term["term"], term["english"], *term["why"]])
        assert not [pair for pair in mojibake if pair in shown], term
        assert "?" not in term["term"] and "\ufffd" not in shown
        assert not any(term["term"] in d.text for d in source.damage), term


# --- build --------------------------------------------------------------------------


def test_build_of_a_text_writes_decks_slash_its_name_in_the_working_directory(tmp_path):
    write_article(tmp_path, lines=6)
    result = run_cli("build", "article.txt", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    deck = tmp_path / "decks" / "article.apkg"
    assert deck.is_file()
    assert str(Path("decks") / "article.apkg") in result.stdout
    assert [p.name for p in (tmp_path / "decks").iterdir()] == ["article.apkg"]  # no temporary files left
    imported = import_into_anki(deck, tmp_path / "collection.anki2")
    try:
        assert len(imported.log.new) > 0
        assert imported.col.note_count() == len(imported.log.new)
    finally:
        imported.col.close()


def test_build_output_must_end_in_apkg(tmp_path):
    write_article(tmp_path)
    result = run_cli("build", "article.txt", "-o", "deck.zip", cwd=tmp_path)
    assert result.exit_code == 1
    assert "deck.zip" in result.output and ".apkg" in result.output
    assert not (tmp_path / "deck.zip").exists() and not (tmp_path / "decks").exists()


def test_build_without_deck_files_is_a_clean_error(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 1
    assert "decks" in result.output and "no deck files" in result.output


def test_build_without_deck_files_as_a_process(tmp_path):
    process = run_process("build", cwd=tmp_path)
    assert process.returncode == 1
    assert "no deck files" in process.stderr
    assert "Traceback" not in process.stderr + process.stdout


def test_a_process_ends_with_all_its_output_and_the_right_exit_code(tmp_path):
    # The program skips the interpreter's slow teardown (cli.run): nothing written to
    # stdout or stderr may be lost on the way, and the exit code must be main's.
    write_article(tmp_path)
    process = run_process("terms", "article.txt", "--top", "5", "--json", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    terms = json.loads(process.stdout)
    assert 0 < len(terms) <= 5
    process = run_process("build", "article.txt", "-o", "out.apkg", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert "out.apkg" in process.stdout and (tmp_path / "out.apkg").stat().st_size > 0
    process = run_process("terms", "missing.txt", cwd=tmp_path)
    assert process.returncode == 1 and "missing.txt" in process.stderr
    assert run_process("--version").stdout.strip().endswith(__version__)


# --- progress -----------------------------------------------------------------------


def test_quiet_build_writes_nothing_but_warnings_to_stderr(tmp_path):
    write_article(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run_cli("build", "article.txt", "empty.txt", "-o", "out.apkg", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines), result.stderr
    assert any("empty.txt" in line for line in lines)


def test_progress_is_shown_on_a_terminal_and_silenced_by_quiet(tmp_path):
    if shutil.which("script") is None:
        pytest.skip("needs util-linux `script` to give the process a terminal as stderr")
    write_article(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    def on_terminal(*args: str) -> tuple[str, str]:
        # stdout goes to a file, so what `script` records of the terminal is stderr alone.
        command = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "deckgen", *args)) + " > stdout.txt"
        process = subprocess.run(["script", "-qec", command, "/dev/null"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                                 capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert process.returncode == 0, process.stdout + process.stderr
        return process.stdout, (tmp_path / "stdout.txt").read_text(encoding="utf-8")

    terminal, stdout = on_terminal("build", "article.txt", "empty.txt", "-o", "out.apkg")
    progress = [line for line in terminal.splitlines() if line.startswith("… ")]
    assert any("reading" in line for line in progress) and any("writing" in line for line in progress), terminal
    assert "out.apkg: has" in stdout and "…" not in stdout

    terminal, stdout = on_terminal("build", "article.txt", "empty.txt", "-o", "out.apkg", "--force", "--quiet")
    lines = [line for line in terminal.splitlines() if line.strip()]
    assert lines and all(line.startswith("warning: ") for line in lines), terminal
    assert "out.apkg: has" in stdout


# --- review -------------------------------------------------------------------------


def test_review_lists_each_term_with_why_it_was_picked(tmp_path):
    project = copy_project(tmp_path)
    result = run_cli("review", "decks/chips-ai-export-controls.toml", cwd=project)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    entries = [i for i, line in enumerate(lines) if re.match(r"^\s*\d+\. \S", line)]
    assert len(entries) >= 50
    for i in entries:
        meaning, why = lines[i + 1], lines[i + 2]
        assert meaning.strip().startswith("meaning: ") and "; ;" not in meaning, meaning
        assert why.strip().startswith("why: ") and why.strip() != "why:", why
    # The deck file names 光刻机 (mined or not, it is in the deck), and its script is traditional.
    assert "光刻機" in {lines[i].split()[1] for i in entries}
    # Each term's examples follow it, the term marked where it stands in a sentence of the seeds.
    import opencc
    to_simplified = opencc.OpenCC("t2s").convert
    seeds = to_simplified("".join(path.read_text(encoding="utf-8") for path in (project / "seeds").glob("*.txt")))
    examples = found = headword = 0
    for i, end in zip(entries, entries[1:] + [len(lines)]):
        hanzi = lines[i].split()[1]
        for line in lines[i + 3:end]:
            sentence, source = re.fullmatch(r"     e\.g\. (.+)  \((.+)\)", line).groups()
            # the labels of sources.toml, or the deck file's own example (光刻機's)
            assert source in {"南風窗 2024/26", "商業周刊 1896", "the deck file"}, line
            marked = re.findall(r"【(.+?)】", sentence)
            assert len(marked) == 1, line
            examples += 1
            headword += to_simplified(marked[0]) == to_simplified(hanzi)  # else its other form (輝達 of 英偉達)
            found += source == "the deck file" or \
                to_simplified(sentence.replace("【", "").replace("】", ""))[-6:] in seeds
    assert examples >= len(entries), "most terms have two examples"
    assert headword >= 0.9 * examples and found >= 0.9 * examples, "the sentences are the seeds' (a few of which deckgen repairs)"
    assert not (project / "decks" / "chips-ai-export-controls.apkg").exists(), "review must not build"
