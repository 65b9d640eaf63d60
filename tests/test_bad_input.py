"""Bad input on the command line: every failure is a message naming the path, a non-zero
exit and no traceback, and a deck built earlier stays byte for byte as it was.

Odd but valid input (other encodings, markup, control characters, very long lines)
builds a deck; and property tests feed arbitrary text through every stage.
"""

from __future__ import annotations

import html
import io
import random
import re
import sqlite3
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen import segmenting as segment
from deckgen.annotating import pinyin
from deckgen.errors import DeckgenError
from deckgen.packaging import CARD_TYPES, FIELDS, DeckPackage, PackagedNote, note_fields, note_guid, read_previous
from tests.conftest import REPO, import_into_anki, run_cli

SEED_SIMPLIFIED = REPO / "seeds" / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt"
SEED_TRADITIONAL = REPO / "seeds" / "business-weekly-1896-huawei-ai-chips.txt"


def simplified_article() -> str:
    return "\n".join(SEED_SIMPLIFIED.read_text(encoding="utf-8").splitlines()[1:9]) + "\n"


def traditional_article() -> str:
    """Paragraphs of the Taiwan article that Big5 can encode (it lacks a few characters)."""
    lines = []
    for line in SEED_TRADITIONAL.read_text(encoding="utf-8").splitlines()[2:]:
        try:
            line.encode("big5")
        except UnicodeEncodeError:
            continue
        lines.append(line)
        if len(lines) == 6:
            break
    return "\n".join(lines) + "\n"


SMALL_ARTICLE = "\n".join(SEED_SIMPLIFIED.read_text(encoding="utf-8").splitlines()[:3]) + "\n"


@pytest.fixture(scope="module")
def previous_deck(tmp_path_factory) -> bytes:
    """The bytes of a deck built earlier, to be put where a failing build would write."""
    directory = tmp_path_factory.mktemp("previous")
    (directory / "earlier.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    result = run_cli("build", "earlier.txt", "-o", "earlier.apkg", "--quiet", cwd=directory)
    assert result.exit_code == 0, result.output
    return (directory / "earlier.apkg").read_bytes()


@pytest.fixture
def workdir(tmp_path, previous_deck) -> Path:
    """A folder with a good text (good.txt) and an earlier deck at out.apkg."""
    (tmp_path / "good.txt").write_text(SMALL_ARTICLE, encoding="utf-8")
    (tmp_path / "out.apkg").write_bytes(previous_deck)
    return tmp_path


def assert_clean_failure(result, *names: str, exit_code: int = 1) -> None:
    output = result.output + result.stderr
    assert result.exit_code == exit_code, output
    assert "Traceback" not in output
    assert "Error: " in result.stderr, output
    for name in names:
        assert name in result.stderr, f"the message does not name {name!r}: {result.stderr}"


def assert_deck_kept(workdir: Path, previous_deck: bytes) -> None:
    assert (workdir / "out.apkg").read_bytes() == previous_deck, "the earlier deck was changed"
    leftovers = [p.name for p in workdir.iterdir() if p.name.startswith(".out.apkg")]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def deck_fields(apkg: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(apkg) as z, tempfile.TemporaryDirectory() as tmp:
        z.extract("collection.anki2", tmp)
        con = sqlite3.connect(Path(tmp) / "collection.anki2")
        try:
            rows = con.execute("SELECT flds FROM notes").fetchall()
        finally:
            con.close()
    return [dict(zip(FIELDS, flds.split("\x1f"))) for (flds,) in rows]


def example_sentences(fields: dict[str, str]) -> list[str]:
    """The example sentences of a note as a reader sees them (markup removed, entities decoded)."""
    return [html.unescape(re.sub(r"<[^>]+>", "", zh))
            for zh in re.findall(r'<span class="zh">(.*?)</span><span class="py">', fields["Examples"])]


# --- files that cannot be read ------------------------------------------------------


def test_a_missing_source_is_named_and_the_earlier_deck_is_kept(workdir, previous_deck):
    result = run_cli("build", "good.txt", "missing.txt", "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "missing.txt")
    assert_deck_kept(workdir, previous_deck)


def test_terms_of_a_missing_file_is_a_clean_error(workdir):
    assert_clean_failure(run_cli("terms", "missing.txt", cwd=workdir), "missing.txt")


def test_reviewing_a_built_deck_instead_of_its_deck_file_says_which_file_to_name(workdir, previous_deck):
    # the deck a build wrote is what a user has in hand: review reads the deck file
    result = run_cli("review", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "out.apkg")
    assert "Anki package" in result.stderr and "UTF-8" not in result.stderr
    assert "deck file (.toml)" in result.stderr and "its texts" in result.stderr
    assert_deck_kept(workdir, previous_deck)


def test_reviewing_texts_lists_the_deck_a_build_of_them_makes(workdir):
    result = run_cli("review", "good.txt", cwd=workdir)
    assert result.exit_code == 0, result.output
    listed = re.findall(r"^\s*\d+\. (\S+)", result.stdout, flags=re.M)
    built = run_cli("build", "good.txt", "-o", "reviewed.apkg", "--quiet", cwd=workdir)
    assert built.exit_code == 0, built.output
    assert sorted(listed) == sorted(note["Hanzi"] for note in deck_fields(workdir / "reviewed.apkg"))
    assert not (workdir / "decks").exists(), "reviewing writes nothing"


def test_reviewing_a_text_with_no_term_to_learn_says_so(workdir):
    (workdir / "short.txt").write_text("你好。\n", encoding="utf-8")
    result = run_cli("review", "short.txt", cwd=workdir)
    assert_clean_failure(result, "short.txt")
    assert "no term to learn" in result.stderr and "level" in result.stderr


def test_a_folder_given_as_a_source_is_named(workdir, previous_deck):
    (workdir / "chapter").mkdir()
    result = run_cli("build", "good.txt", "chapter", "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "chapter")
    assert "folder" in result.stderr
    assert_deck_kept(workdir, previous_deck)


@pytest.mark.parametrize("content", ["", "  \n\t\n\u3000\n", "\ufeff"], ids=["empty", "blank", "bom-only"])
def test_an_empty_source_alone_is_an_error(workdir, previous_deck, content):
    (workdir / "empty.txt").write_text(content, encoding="utf-8")
    result = run_cli("build", "empty.txt", "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "empty.txt")
    assert_deck_kept(workdir, previous_deck)


def test_a_text_with_no_term_to_learn_writes_no_deck_and_keeps_the_earlier_one(workdir, previous_deck):
    # Chinese, but every word at or below HSK 4: nothing a reader at that level would learn
    (workdir / "easy.txt").write_text("我们今天去学校。我们今天去学校。\n他是我的朋友。", encoding="utf-8")
    result = run_cli("build", "easy.txt", "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "easy.txt", "no term to learn")
    assert "level" in result.stderr
    assert_deck_kept(workdir, previous_deck)


def test_an_empty_source_among_good_ones_is_a_warning_and_the_deck_is_built(workdir):
    (workdir / "empty.txt").write_text("", encoding="utf-8")
    result = run_cli("build", "good.txt", "empty.txt", "-o", "new.apkg", cwd=workdir)
    assert result.exit_code == 0, result.output
    assert any(line.startswith("warning: empty.txt") for line in result.stderr.splitlines()), result.stderr
    assert deck_fields(workdir / "new.apkg")


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document><w:t>新质生产力是发展的关键。</w:t></w:document>" * 20)
    return buffer.getvalue()


BINARIES = {
    "random-with-nuls.bin": random.Random(0).randbytes(4000),
    "image.png": png_bytes(),
    "article.docx": docx_bytes(),
    "article.txt.gz": zlib.compress(SMALL_ARTICLE.encode() * 20),
    "nuls.txt": b"\x00" * 500,
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_a_binary_file_is_refused_by_name(workdir, previous_deck, name):
    (workdir / name).write_bytes(BINARIES[name])
    result = run_cli("build", "good.txt", name, "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, name)
    assert_deck_kept(workdir, previous_deck)


@pytest.mark.parametrize("data", [
    bytes(b for b in random.Random(1).randbytes(3000) if b),  # no NULs, no encoding fits
    b"\xff\xfe" + "新质生产力".encode(),  # a UTF-16 byte-order mark on something else
], ids=["noise", "false-bom"])
def test_an_undecodable_file_asks_for_its_encoding(workdir, previous_deck, data):
    (workdir / "odd.txt").write_bytes(data)
    result = run_cli("build", "good.txt", "odd.txt", "-o", "out.apkg", cwd=workdir)
    assert_clean_failure(result, "odd.txt", "--encoding")
    assert_deck_kept(workdir, previous_deck)


def test_an_output_under_a_regular_file_is_a_clean_error(workdir):
    (workdir / "notes").write_text("a file, not a folder", encoding="utf-8")
    result = run_cli("build", "good.txt", "-o", "notes/deck.apkg", cwd=workdir)
    assert_clean_failure(result, str(Path("notes") / "deck.apkg"))
    assert (workdir / "notes").read_text(encoding="utf-8") == "a file, not a folder"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where no file can be created")
def test_an_output_folder_that_refuses_new_files_is_a_clean_error(workdir):
    result = run_cli("build", "good.txt", "-o", "/proc/deck.apkg", cwd=workdir)
    assert_clean_failure(result, "/proc/deck.apkg")


def test_interrupting_the_write_exits_130_and_keeps_the_earlier_deck(workdir, previous_deck, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("deckgen.packaging.apkg._add", interrupted)
    result = run_cli("build", "good.txt", "-o", "out.apkg", "--force", cwd=workdir)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Traceback" not in result.output
    assert_deck_kept(workdir, previous_deck)


# --- encodings ----------------------------------------------------------------------


ENCODED = {
    "utf-8-bom-simplified": (simplified_article, "utf-8-sig"),
    "utf-16-simplified": (simplified_article, "utf-16"),
    "gb18030-simplified": (simplified_article, "gb18030"),
    "utf-8-bom-traditional": (traditional_article, "utf-8-sig"),
    "utf-16-traditional": (traditional_article, "utf-16"),
    "big5-traditional": (traditional_article, "big5"),
}


def build_encoded(directory: Path, text: str, codec: str, *options: str) -> list[dict[str, str]]:
    (directory / "article.txt").write_bytes(text.encode(codec))
    result = run_cli("build", "article.txt", "-o", "article.apkg", "--quiet", *options, cwd=directory)
    assert result.exit_code == 0, result.output
    notes = deck_fields(directory / "article.apkg")
    assert len(notes) >= 5
    return notes


def assert_examples_are_the_original_text(notes: list[dict[str, str]], text: str) -> None:
    examples = [sentence for note in notes for sentence in example_sentences(note)]
    assert len(examples) >= len(notes)
    for sentence in examples:
        assert sentence in text, f"example not found in the article as written: {sentence!r}"


@pytest.mark.parametrize("case", sorted(ENCODED))
def test_an_article_in_another_encoding_builds_with_its_own_characters(tmp_path, case):
    article, codec = ENCODED[case]
    text = article()
    notes = build_encoded(tmp_path, text, codec)
    assert_examples_are_the_original_text(notes, text)


def test_encoding_named_on_the_command_line_is_the_one_used(tmp_path):
    text = traditional_article()
    notes = build_encoded(tmp_path, text, "big5", "--encoding", "big5")
    assert_examples_are_the_original_text(notes, text)


def test_big5_read_as_gb18030_is_refused_not_built_into_garbage(tmp_path):
    """GB18030 decodes Big5 bytes without an error, into private-use characters."""
    (tmp_path / "article.txt").write_bytes(traditional_article().encode("big5"))
    result = run_cli("build", "article.txt", "-o", "article.apkg", "--encoding", "gb18030", cwd=tmp_path)
    assert_clean_failure(result, "article.txt", "--encoding", "gb18030")
    assert not (tmp_path / "article.apkg").exists()


def test_rebuilding_with_a_wrong_encoding_reads_the_texts_again(tmp_path):
    text = traditional_article()
    build_encoded(tmp_path, text, "big5")  # detected
    result = run_cli("build", "article.txt", "-o", "article.apkg", "--encoding", "utf-8", cwd=tmp_path)
    assert_clean_failure(result, "article.txt", "--encoding")


@pytest.mark.parametrize("encoding", ["big5", "utf-16", "nosuch-encoding", "rot13"])
def test_a_wrong_encoding_names_the_file_and_the_flag(workdir, previous_deck, encoding):
    result = run_cli("build", "good.txt", "-o", "out.apkg", "--force", "--encoding", encoding, cwd=workdir)
    assert_clean_failure(result, "good.txt", "--encoding")
    assert_deck_kept(workdir, previous_deck)


# --- markup -------------------------------------------------------------------------


def test_markup_in_a_source_renders_as_text_on_every_card(tmp_path):
    lines = [
        "新质生产力<script>alert('x')</script>需要硬科技&amp;耐心资本。",
        "硬科技<img src=x onerror=alert(1)>是新质生产力的基础&amp;关键。",
        "新质生产力和硬科技<script>document.cookie</script>都很重要。",
        "耐心资本支持硬科技<b onmouseover=alert(2)>企业</b>。",
        "没有耐心资本，就没有硬科技&lt;和&gt;新质生产力。",
    ]
    (tmp_path / "markup.txt").write_text("\n".join(lines * 2) + "\n", encoding="utf-8")
    result = run_cli("build", "markup.txt", "-o", "markup.apkg", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    imported = import_into_anki(tmp_path / "markup.apkg", tmp_path / "collection.anki2")
    col = imported.col
    try:
        shown_by_template: dict[str, list[str]] = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            for side in (card.question(), card.answer()):
                side = re.sub(r"<style>.*?</style>", "", side, flags=re.S)
                assert not re.search(r"<\s*script", side, re.I), side
                assert not re.search(r"<\s*img\b", side, re.I), side
                assert not re.search(r"<[^>]*\bon(error|mouseover)\s*=", side, re.I), side
                assert not re.search(r"<\s*b\b", side, re.I), side
                shown_by_template.setdefault(card.template()["name"], []).append(side)
        assert {"Recognition", "Recall", "Cloze"} <= set(shown_by_template), sorted(shown_by_template)
        for name in ("Cloze", "Recognition"):
            text = " ".join(shown_by_template[name])
            # The markup is there, as text a reader sees.
            assert "&lt;script&gt;" in text or "&lt;img" in text, name
        everything = " ".join(side for sides in shown_by_template.values() for side in sides)
        assert "&amp;amp;" in everything  # "&amp;" in the source is shown as "&amp;", not as "&"
    finally:
        col.close()


# --- odd but valid characters -------------------------------------------------------


BASE = "新质生产力是发展的关键。新质生产力需要硬科技。硬科技是新质生产力的基础，硬科技企业需要耐心资本。"

ODD_SOURCES = {
    "control-characters": "新质生产力\x01\x02是\x1b[31m发展\x07的关键。\n新质生产力需要\x0b硬科技\x7f。\n" + BASE + "\n",
    "nul": ("新质生产力\x00是发展的关键。\x00\n" + BASE + "\n") * 2,
    "emoji": "新质生产力🚀是发展的关键😀。\n新质生产力需要👍🏽硬科技。\n硬科技是新质生产力的基础。👨‍👩‍👧\n" + BASE + "\n",
    "full-width-latin": ("华为发布昇腾芯片，昇腾芯片采用ＣＡＮＮ架构。ＣＡＮＮ是华为的异构计算架构，"
                         "ＣＡＮＮ支持大模型训练。\n") * 2,
    "combining-marks": "Cafe\u0301新质生产力是发展的关键。\n新质生产力需要硬科技e\u0301。\n" + BASE + "\n",
    "crlf": BASE.replace("。", "。\r\n") + "\r\n" + BASE.replace("。", "。\r\n"),
}


@pytest.mark.parametrize("case", sorted(ODD_SOURCES))
def test_odd_characters_build_a_clean_deck(tmp_path, case):
    (tmp_path / "odd.txt").write_bytes(ODD_SOURCES[case].encode("utf-8"))
    result = run_cli("build", "odd.txt", "-o", "odd.apkg", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    notes = deck_fields(tmp_path / "odd.apkg")
    assert notes
    for note in notes:
        for name, value in note.items():
            controls = [ch for ch in value if unicodedata.category(ch) == "Cc"]
            assert not controls, f"{name} holds control characters {controls!r}"
            assert "\ufffd" not in value and "\u0301" not in value, (name, value)
            assert unicodedata.is_normalized("NFC", value)
    if case == "full-width-latin":
        heads = {note["Hanzi"] for note in notes}
        assert "CANN" in heads, heads
        assert not any("ＣＡＮＮ" in value for note in notes for value in note.values())
    if case == "emoji":
        examples = " ".join(sentence for note in notes for sentence in example_sentences(note))
        assert "🚀" in examples or "👍🏽" in examples or "😀" in examples


def test_a_line_of_300000_characters_without_punctuation_builds(tmp_path):
    unit = "华为昇腾芯片卡脖子新质生产力光刻机人工智能大模型训练"
    line = (unit * (300_000 // len(unit) + 1))[:300_000]
    (tmp_path / "long.txt").write_text("开头一句话。\n" + line + "\n最后一句话。\n", encoding="utf-8")
    result = run_cli("build", "long.txt", "-o", "long.apkg", "--quiet", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    notes = deck_fields(tmp_path / "long.apkg")
    assert notes
    for note in notes:
        for sentence in example_sentences(note):
            assert len(sentence) <= 200, len(sentence)  # an example is a window, not the line


# --- properties: arbitrary text through every stage ---------------------------------


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HAN_SAMPLE = "新质生产力卡脖子银行了解睡觉绿色华为昇腾芯片的是了行长重还得着中国美國發展長樂乐"
chinese_mix = st.lists(
    st.one_of(
        st.text(alphabet=HAN_SAMPLE, min_size=1, max_size=8),
        st.text(alphabet="ABCGPUNabcxyzＣＡＮ", min_size=1, max_size=5),
        st.text(alphabet="0123456789", min_size=1, max_size=4),
        st.sampled_from([*"「」“”()（）：；。，?？!！、…", "<script>", "</script>", "&amp;", "<img onerror=x>"]),
        st.sampled_from([" ", "\n", "\t", "\r\n", "\u3000", "\r"]),
    ),
    max_size=60,
).map("".join)
any_text = st.one_of(st.text(), chinese_mix)


def read_text_as_source(text: str, directory: str):
    from deckgen.reading import read_source

    path = Path(directory) / "text.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        return read_source(path)
    except DeckgenError:
        return None


@PROPERTY_SETTINGS
@given(any_text)
def test_reading_and_segmenting_any_text_raise_only_deckgen_errors(text):
    with tempfile.TemporaryDirectory() as directory:
        source = read_text_as_source(text, directory)
    if source is None:
        return
    assert source.text.strip()
    tokens = segment.tokens(source.text)
    assert "".join(t.text for t in tokens) == source.text
    for sentence in source.sentences:
        assert sentence.text.strip() and "\n" not in sentence.text


@PROPERTY_SETTINGS
@given(any_text)
def test_mining_annotating_and_packaging_any_text_raise_only_deckgen_errors(text):
    from deckgen.annotating import annotate
    from deckgen.mining import MiningOptions, mine
    from deckgen.packaging import write_package

    with tempfile.TemporaryDirectory() as directory:
        source = read_text_as_source(text, directory)
        if source is None:
            return
        try:
            terms = mine([source], MiningOptions(level=0), segment.segmenter())
            notes = [annotate(term, segment.segmenter()) for term in terms]
        except DeckgenError:
            return
        packaged = tuple(PackagedNote(note_guid("deck", n), tuple(note_fields(n, CARD_TYPES)), ("t",), 1_800_000_000)
                         for n in notes)
        unique = {p.guid: p for p in packaged}
        out = Path(directory) / "deck.apkg"
        try:
            write_package(DeckPackage("Deck", "description", tuple(unique.values()), "key"), out)
        except DeckgenError:
            return
        back = read_previous(out)
    assert set(back) == set(unique)
    for note in back.values():
        for value in note.fields:
            assert "<script" not in value.lower(), value


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_pinyin_syllables_round_trip_any_text(text):
    out = pinyin.syllables(text, segment.segmenter())
    assert "".join(s.text for s in out) == text
    for s in out:
        if s.pinyin is not None:
            assert len(s.text) == 1 and re.fullmatch(r"[a-z]+[1-5]", s.pinyin), s
