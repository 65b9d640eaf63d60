"""The reading stage: decoding, normalisation, damaged spans, sentences, catalog."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen.errors import SourceError
from deckgen.reading import (
    Reading,
    find_damage,
    normalise,
    read_source,
    read_sources,
    split_sentences,
)
from deckgen.reading.sentences import MAX_SENTENCE
from deckgen.records import Script

REPO = Path(__file__).resolve().parents[1]
SEED_002 = REPO / "seeds" / "nanfengchuang-2024-26-qi-kai-us-china-tech.txt"

TRADITIONAL = (
    "中國總理李強也在會上坦承要實現今年目標「並非易事。」彭博預估，中國今年經濟成長率會落在四．六％。\n"
    "人才是培育和發展高科技最活躍、最具決定意義的能動主體。我們有理由相信未來！"
)
SIMPLIFIED = (
    "最近几个月，新质生产力备受瞩目，首次写入2024年《政府工作报告》。\n"
    "新质生产力意味着什么？未来的中国乃至全球是怎样的？"
)


def write(tmp_path: Path, data: bytes | str, name: str = "text.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- encodings --------------------------------------------------------------

ENCODINGS = [
    # (how to encode, the codec deckgen reports)
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),  # Python writes a BOM in the machine's byte order
    ("utf-16-le+bom", "utf-16"),
    ("utf-16-be+bom", "utf-16"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),  # GBK is a subset of GB18030
]


def encode(text: str, how: str) -> bytes:
    if how == "utf-16-le+bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if how == "utf-16-be+bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(how)


@pytest.mark.parametrize("text", [TRADITIONAL, SIMPLIFIED], ids=["traditional", "simplified"])
@pytest.mark.parametrize("how,reported", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_detects_encoding_and_decodes_exactly(tmp_path, text, how, reported):
    source = read_source(write(tmp_path, encode(text, how)))
    assert source.text == text
    assert source.encoding == reported


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_detects_big5_rather_than_gb18030_nonsense(tmp_path, codec):
    # GB18030 decodes these bytes without error too, into rare characters.
    data = TRADITIONAL.encode(codec)
    assert data.decode("gb18030") != TRADITIONAL
    source = read_source(write(tmp_path, data))
    assert source.text == TRADITIONAL
    assert source.encoding == "big5"
    assert source.script is Script.TRADITIONAL


def test_detects_big5_in_a_short_text(tmp_path):
    source = read_source(write(tmp_path, "我們的國家".encode("big5")))
    assert source.text == "我們的國家"


def test_detects_gb_in_a_short_text(tmp_path):
    source = read_source(write(tmp_path, "我们的国家很好".encode("gb18030")))
    assert source.text == "我们的国家很好"
    assert source.encoding == "gb18030"


def test_encoding_override(tmp_path):
    path = write(tmp_path, TRADITIONAL.encode("big5"))
    source = read_source(path, encoding="big5")
    assert source.text == TRADITIONAL
    assert source.encoding == "big5"


def test_unknown_encoding_names_the_file(tmp_path):
    path = write(tmp_path, TRADITIONAL)
    with pytest.raises(SourceError) as caught:
        read_source(path, encoding="klingon-8")
    assert str(path) in str(caught.value)
    assert "unknown encoding 'klingon-8'" in str(caught.value)


def test_wrong_encoding_override_names_the_file_and_line(tmp_path):
    path = write(tmp_path, ("第一行\n" + SIMPLIFIED).encode("gb18030"))
    with pytest.raises(SourceError) as caught:
        read_source(path, encoding="utf-8")
    message = str(caught.value)
    assert f"{path}:1:" in message
    assert "not valid utf-8" in message
    assert "--encoding" in message


def test_non_text_codec_override_is_a_source_error(tmp_path):
    path = write(tmp_path, TRADITIONAL)
    with pytest.raises(SourceError) as caught:
        read_source(path, encoding="zlib")
    assert str(path) in str(caught.value)


def test_undecidable_bytes_suggest_encoding_option(tmp_path):
    path = write(tmp_path, bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(path) in str(caught.value)
    assert "--encoding" in str(caught.value)


def test_random_bytes_are_refused(tmp_path):
    noise = random.Random(7)
    path = write(tmp_path, bytes(noise.randrange(256) for _ in range(4000)), "noise.bin")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(path) in str(caught.value)


# --- files that cannot be read -----------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: no such file")
    assert caught.value.hint


def test_directory(tmp_path):
    with pytest.raises(SourceError) as caught:
        read_source(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}: this is a folder")


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, SIMPLIFIED)
    if os.geteuid() == 0:  # root reads anything: make the read itself fail
        def refuse(path, limit):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr("deckgen.reading.read_regular", refuse)
    else:
        path.chmod(0)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: cannot read the file: permission denied")


def test_binary_file_with_nul_bytes(tmp_path):
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "picture.txt")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: this does not look like a text file")


def test_a_stray_nul_in_text_is_dropped(tmp_path):
    source = read_source(write(tmp_path, "新质生产力\x00意味着什么？" + "未来的中国乃至全球是怎样的？" * 10))
    assert "\x00" not in source.text
    assert source.sentences[0].text == "新质生产力意味着什么？"
    assert len(source.sentences) == 11


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \n\t\r\n"], ids=["empty", "bom-only", "blank"])
def test_empty_file(tmp_path, content):
    path = write(tmp_path, content)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(path) in str(caught.value)
    assert "empty" in str(caught.value) or "no text" in str(caught.value)


# --- normalisation -----------------------------------------------------------


def test_line_breaks_bom_controls_and_tabs(tmp_path):
    raw = "\ufeff第一行\r\n第二行\r第三\x07行\x1b\tA\n"
    source = read_source(write(tmp_path, raw))
    assert source.text == "第一行\n第二行\n第三行 A\n"
    assert [(s.text, s.line) for s in source.sentences] == [("第一行", 1), ("第二行", 2), ("第三行 A", 3)]


def test_fullwidth_letters_and_digits_become_ascii_but_punctuation_stays():
    assert normalise("ＣＡＮＮ架構，２０２４年：（ｏｋ）「好」？！；") == "CANN架構，2024年：（ok）「好」？！；"


def test_combining_marks_are_composed_and_emoji_kept():
    assert normalise("Pe\u0301rez 🤖👍🏽 café") == "P\u00e9rez 🤖👍🏽 café"


def test_markup_is_kept_as_text(tmp_path):
    raw = '<script>alert("x")</script>標題&amp;內容。<img src=x onerror=alert(1)>圖片說明。'
    source = read_source(write(tmp_path, raw))
    assert source.text == raw
    assert [s.text for s in source.sentences] == [
        '<script>alert("x")</script>標題&amp;內容。',
        "<img src=x onerror=alert(1)>圖片說明。",
    ]


# --- damaged spans -------------------------------------------------------------


def damage_like_seed(text: str, before: str) -> str:
    """Replace the lead byte of the 。 before `before` in the GBK bytes by '?', as happened to seed 002."""
    data = text.encode("gbk")
    at = data.index(("。" + before).encode("gbk"))
    return (data[:at] + b"?" + data[at + 1 :]).decode("gbk", errors="replace")


def test_synthetic_damage_is_found_and_repaired():
    damaged = damage_like_seed("第一行。\n我們今天討論這件事。可以看出,問題很多。", "可以")
    assert damaged == "第一行。\n我們今天討論這件事?？梢钥闯\ufffd,問題很多。"
    (span,) = find_damage(damaged)
    assert (span.line, span.column, span.text, span.repair) == (2, 10, "?？梢钥闯\ufffd", "。可以看出")


def test_damage_whose_last_character_is_lost_is_left_unrepaired():
    # 的 lost its trail byte; 夠+的 is no dictionary word, so no confident guess.
    damaged = damage_like_seed("他說了很多。肯定是不夠的,我們還要努力。", "肯定")
    (span,) = find_damage(damaged)
    assert span.text == "?？隙ㄊ遣粔虻\ufffd"
    assert span.repair is None


def test_question_marks_before_ordinary_text_are_not_damage():
    text = "你覺得呢?其他國家有在做類似的工作嗎?不可能的。為什么?(笑)好吧?“真的”嗎?"
    assert find_damage(text) == ()


def test_unrepaired_damage_keeps_its_whole_sentence_out(tmp_path):
    damaged = damage_like_seed("他說了很多。肯定是不夠的,我們還要努力。", "肯定") + "\n最後一句。"
    source = read_source(write(tmp_path, damaged), name="測試")
    assert [s.text for s in source.sentences] == ["最後一句。"]
    assert source.warnings == (
        f"{tmp_path / 'text.txt'}:1: damaged text '?？隙ㄊ遣粔虻\ufffd' "
        "(an encoding error before the file reached us) left out; it probably began '。肯定是不夠'",
    )


@pytest.fixture(scope="module")
def seed_002():
    return read_source(SEED_002)


def test_seed_002_damaged_spans(seed_002):
    spans = [(d.line, d.text, d.repair) for d in seed_002.damage]
    assert spans == [
        (14, "??梢钥闯?", "。可以看出"),
        (21, "??蒲袆撔轮虚g", "。科研創新中間"),
        (31, "??隙ㄊ遣粔虻模绻靡恍┲笜藖砜磿l", None),
        (41, "?;仡櫄v", "。回顧歷"),
        (42, "?!肮Σ惶凭?", None),
    ]
    assert [d.column for d in seed_002.damage] == [120, 58, 10, 21, 13]
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    for d in seed_002.damage:
        assert lines[d.line - 1][d.column - 1 :].startswith(d.text)


def test_seed_002_repairs_and_readings_named_in_warnings(seed_002):
    warnings = "\n".join(seed_002.warnings)
    assert len(seed_002.warnings) == 5
    for restored in ("可以看出", "科研創新中間", "肯定是不夠的", "回顧歷", "功不唐"):
        assert restored in warnings
    assert f"{SEED_002}:42: damaged text '?!肮Σ惶凭?'" in warnings
    assert "left out; it probably began '。“功不唐'" in warnings
    assert f"{SEED_002}:14: damaged text '??梢钥闯?'" in warnings
    assert "repaired as '。可以看出'; the repaired sentence is used" in warnings


def test_seed_002_sentences_are_clean(seed_002):
    texts = [s.text for s in seed_002.sentences]
    clean = "\n".join(texts)
    for mojibake in ("梢钥闯", "蒲袆", "隙ㄊ", "仡櫄", "肮Σ", "玉汝于成"):
        assert mojibake not in clean
    for i, ch in enumerate(clean[:-1]):
        assert not (ch == "?" and clean[i + 1] == "?"), clean[i - 10 : i + 10]
        if ch in "?？":
            assert not ("\u4e00" <= clean[i + 1] <= "\u9fff") or clean[i + 1] in "\n", clean[i - 10 : i + 10]
    # Repaired sentences are used ...
    assert "可以看出,美國的科技戰略規劃意識很強烈。" in texts
    assert "科研創新中間存在風險,不確定性因素也很大,所以發展需要時間。" in texts
    assert "回顧歷史,數次科技的浪潮都是美國引領的,我們未來有無機會去引領新一輪科技革命?" in texts
    # ... the interviewer's real questions are kept, without the label ...
    assert "其他國家有在做類似的工作嗎?" in texts
    assert "人工智能在推動國際社會新一輪資本狂熱,中國當下處在人工智能競爭的什么水平?" in texts
    assert not any(t.startswith(("記者", "戚凱")) for t in texts)
    # ... and the sentence around an unrepaired span is gone entirely.
    assert not any("我覺得還不夠" in t for t in texts)
    assert [s.line for s in seed_002.sentences if s.text.startswith("很多機制目前還沒有理順")] == [31]


def test_seed_002_metadata_comes_from_the_catalog(seed_002):
    assert seed_002.name == "南風窗 2024/26"
    assert seed_002.script is Script.TRADITIONAL
    assert seed_002.encoding == "utf-8"
    assert all(s.source == "南風窗 2024/26" for s in seed_002.sentences)


def test_clean_seeds_have_no_damage():
    for name in ("business-weekly-1896-huawei-ai-chips.txt", "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt"):
        source = read_source(REPO / "seeds" / name)
        assert source.damage == ()
        assert source.warnings == ()
        assert len(source.sentences) > 50


# --- sentences -----------------------------------------------------------------


def test_split_on_terminators_keeping_closers():
    text = "他問：「為什麼？」我說：真的嗎？！好吧。這樣；那樣;然後?最後!（完）"
    assert [s.text for s in split_sentences(text, "x")] == [
        "他問：「為什麼？」",  # a quotation ending its own sentence ends the one it is in
        "我說：真的嗎？！",
        "好吧。",
        "這樣；",
        "那樣;",
        "然後?",
        "最後!",
        "（完）",
    ]


def test_a_short_quotation_ending_its_sentence_ends_the_one_around_it():
    # a memoir: the mother's words, then what the child made of them; a story's call and
    # what follows it in the same sentence stay together
    text = "母亲说：“你父亲比我强些。”那时我不懂得这话的意思。“过渡哟”，小满便不让祖父起身。"
    assert [s.text for s in split_sentences(text, "x")] == [
        "母亲说：“你父亲比我强些。”", "那时我不懂得这话的意思。", "“过渡哟”，小满便不让祖父起身。"]
    # a bracket is no quotation: a blogger's (?) goes on with the sentence
    assert len(split_sentences("我看了一下那部落客,他也没有看这边,但有点微笑(?)低头夹东西吃。", "x")) == 1


def test_closing_quote_after_terminator_stays_with_sentence():
    text = "他說“我們必須努力。這是一個長期的過程，需要很多年的時間，也需要很多人的參與和支持，不能急於求成。”然後離開了。"
    assert [s.text for s in split_sentences(text, "x")] == [
        "他說“我們必須努力。",
        "這是一個長期的過程，需要很多年的時間，也需要很多人的參與和支持，不能急於求成。”",
        "然後離開了。",
    ]


# The State Council's government work report of 2025 as its PDF copies: wrapped at a
# fixed width, inside sentences and words (国内 / 生产总值).
WRAPPED_REPORT = (
    "过去一年,我国发展历程很不平凡。党的二十届三中全会胜利召\n"
    "开,对进一步全面深化改革、推进中国式现代化作出部署。我们隆重\n"
    "庆祝中华人民共和国成立 75 周年,极大激发了全国各族人民的爱国\n"
    "热情和奋斗精神。一年来,面对外部压力加大、内部困难增多的复杂\n"
    "严峻形势,在以习近平同志为核心的党中央坚强领导下,全国各族人\n"
    "民砥砺奋进、攻坚克难,经济运行总体平稳、稳中有进。\n"
    "“稳”的态势巩固延续。主要表现在,经济规模稳步扩大,国内\n"
    "生产总值达到 134.9 万亿元、增长 5%,增速居世界主要经济体前列。\n"
)


def test_markdown_emphasis_and_reference_marks_are_no_part_of_a_sentence(tmp_path: Path):
    # a summary of the 2024 government work report as a chat answer gives it, and a line
    # of Wikipedia (岳飛) with its reference marks as copied from the page
    path = tmp_path / "summary.txt"
    path.write_text(
        "### 一、2023年工作回顾\n"
        "- **经济总体回升向好**:国内生产总值超过126万亿元,增长5.2%。城镇调查失业率平均为5.2%[4]。\n"
        "岳飛治軍，賞罰分明，紀律嚴整[2][注 1]，又能體恤部屬，以身作則[來源請求]。\n",
        encoding="utf-8")
    sentences = read_source(path).sentences
    texts = [s.text for s in sentences]
    assert "- 经济总体回升向好:国内生产总值超过126万亿元,增长5.2%。" in texts, texts
    assert "城镇调查失业率平均为5.2%。" in texts, texts
    assert "又能體恤部屬，以身作則。" in texts[-1], texts
    assert [s.line for s in sentences][-1] == 3
    # a bracket that says something stays: 三[san1], [sic]
    path.write_text("他把三[san1]读错了[sic]。\n", encoding="utf-8")
    assert read_source(path).sentences[0].text == "他把三[san1]读错了[sic]。"
    # what a transcript notes of the room is no speech: 唐鳳's talk with a social enterprise
    # (2020), and the marks talks are transcribed with
    path.write_text("過了五年就不再是新創了，正式進入中小企業。(笑)\n謝謝大家。[掌声]（全场鼓掌）\n", encoding="utf-8")
    assert [s.text for s in read_source(path).sentences] == ["過了五年就不再是新創了，正式進入中小企業。", "謝謝大家。"]
    # a microblog's handles, reposts and emoticons are no words of the post; an e-mail stays
    path.write_text("回复 @旅行达人阿杰：哈哈哈，兵马俑真的值得去，就是人太多了[允悲]\n"
                    "转发微博 //@小鹿爱旅行: 年轻人就是要有说走就走的勇气！[doge]\n"
                    "#特种兵式旅游# 穷游也是游，这次只花了800块。\n"
                    "投稿请寄 editor@example.com。\n", encoding="utf-8")
    sentences = read_source(path).sentences
    assert [s.text for s in sentences] == [
        "哈哈哈，兵马俑真的值得去，就是人太多了", "年轻人就是要有说走就走的勇气！",
        "#特种兵式旅游# 穷游也是游，这次只花了800块。", "投稿请寄 editor@example.com。"], [s.text for s in sentences]
    assert sentences[2].kind == "text"  # a #topic# opens no Markdown heading
    # a Xiaohongshu post's handles and closing tags: a line of handles keeps the lines after
    # it where they are, and a line of #tags# is links, no sentence
    path.write_text("看到都会回复哒～\n\n@大理旅游小助手 @旅行薯\n\n#大理旅游攻略# #大理# #洱海#\n\n编辑于 3 天前 上海\n"
                    "请问骑电动车环洱海一天能骑完吗？\n", encoding="utf-8")
    sentences = read_source(path).sentences
    assert sentences[-1].line == 8, [(s.line, s.text) for s in sentences]
    assert [s.kind for s in sentences if "#" in s.text] == ["link"], [(s.kind, s.text) for s in sentences]
    # a PTT post's pushes: the comment without the mark, the pusher's id and the time; a
    # line ending in the post's address is no wrap into the first of them
    path.write_text(
        "作者 lovecat (貓奴) 看板 Gossiping\n標題 [問卦] 為什麼現在年輕人都不想生小孩？\n"
        "最近看到新聞說台灣的生育率又創新低，總生育率只剩0.87。身邊的朋友結婚的很多，但是想生小孩的很少。\n"
        "房價太高、薪水太低，再加上托育資源不足，生小孩真的是奢侈品，大家都說養不起，只好不生了。\n"
        "※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 111.250.12.34 (臺灣)\n"
        "※ 文章網址: https://www.ptt.cc/bbs/Gossiping/M.1733231742.A.1B2.html\n"
        "推 abc123: 養不起啊 房價這麼高                                     12/03 21:16\n"
        "→ xyz456: 生育率低是全球趨勢                                        12/03 21:17\n", encoding="utf-8")
    sentences = read_source(path).sentences
    assert [s.text for s in sentences][-2:] == ["養不起啊 房價這麼高", "生育率低是全球趨勢"], [s.text for s in sentences]
    assert [s.kind for s in sentences][:2] == ["byline", "title"]
    assert [s.kind for s in sentences if s.text.startswith("※")] == ["notice", "notice"]
    # a picture's place in a copy from an e-book reader (老舍, 骆驼祥子) is no word of it
    path.write_text("腮上没有多余的肉，脖子可是几乎与头一边儿[插图]粗。\n", encoding="utf-8")
    assert read_source(path).sentences[0].text == "腮上没有多余的肉，脖子可是几乎与头一边儿粗。"


def test_a_cited_document_number_in_brackets_is_no_part_of_a_sentence(tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》(国办发〔2009〕3号)精神,"
        "结合我省实际,现就有关问题通知如下:\n", encoding="utf-8")
    text = read_source(path).sentences[0].text
    assert text == "根据《国务院办公厅关于加强普通高等学校毕业生就业工作的通知》精神,结合我省实际,现就有关问题通知如下:"


def test_a_reporters_credit_opening_a_paragraph_is_no_part_of_its_sentence(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("〔記者鍾麗華／台北報導〕藍白續掌國會多數，下會期即將在9月1日開議。\n", encoding="utf-8")
    assert read_source(path).sentences[0].text == "藍白續掌國會多數，下會期即將在9月1日開議。"


def test_a_transcripts_time_code_goes_with_the_speaker_label_after_it(tmp_path: Path):
    # a public lecture's transcript, a time code opening each turn
    path = tmp_path / "lecture.txt"
    path.write_text(
        "[00:09:55] 张教授：还有一个大家很熟悉的词，叫“报复性熬夜”。\n\n"
        "[00:14:32] 观众：老师，我是那种天生的“夜猫子”，就是晚上特别精神。\n"
        "会议定在 [10:30] 开始。\n", encoding="utf-8")
    texts = [s.text for s in read_source(path).sentences]
    assert texts == ["还有一个大家很熟悉的词，叫“报复性熬夜”。", "老师，我是那种天生的“夜猫子”，就是晚上特别精神。",
                     "会议定在 [10:30] 开始。"]


def test_a_wire_storys_closing_editor_and_date_code_are_no_sentence(tmp_path: Path):
    # a CNA story's last paragraph
    path = tmp_path / "cna.txt"
    path.write_text("根據立法院議事規則，三讀通過的法案將咨請總統公布，新制最快明年元旦上路。（編輯：林志明）1130521\n",
                    encoding="utf-8")
    assert [s.text for s in read_source(path).sentences] == ["根據立法院議事規則，三讀通過的法案將咨請總統公布，新制最快明年元旦上路。"]


def test_a_blog_comments_author_and_time_glued_to_it_are_no_part_of_it(tmp_path: Path):
    path = tmp_path / "comments.txt"
    path.write_text("小米粒 2024-05-19 13:05謝謝你～是火車站前面的那家，我再私訊給你店名😊\n", encoding="utf-8")
    assert read_source(path).sentences[0].text.startswith("謝謝你～是火車站前面的那家")


def test_readings_a_site_prints_after_characters_are_no_part_of_a_sentence(tmp_path: Path):
    # a health site's page: the reading of each character of several readings in brackets
    path = tmp_path / "diabetes.txt"
    path.write_text(
        "糖尿病是一組代謝性疾病,長(zhǎng)期碳水化合物以及蛋白質(zhì)代謝紊亂,可導(dǎo)致多系統(tǒng)損害。\n"
        "糖尿病(diabetes)的症狀(見下文)因人而異。\n", encoding="utf-8")
    texts = [s.text for s in read_source(path).sentences]
    assert texts[0] == "糖尿病是一組代謝性疾病,長期碳水化合物以及蛋白質代謝紊亂,可導致多系統損害。", texts
    assert texts[1] == "糖尿病(diabetes)的症狀(見下文)因人而異。", texts  # English and asides stay


def test_a_text_wrapped_at_a_fixed_width_is_read_in_whole_sentences():
    sentences = split_sentences(WRAPPED_REPORT, "x")
    texts = [s.text for s in sentences]
    assert "党的二十届三中全会胜利召开,对进一步全面深化改革、推进中国式现代化作出部署。" in texts, texts
    assert any("国内生产总值达到 134.9 万亿元" in t for t in texts), texts
    assert not any("\n" in t for t in texts)
    # each sentence keeps the line it starts on
    assert [s.line for s in sentences if s.text.startswith(("我们隆重", "主要表现在"))] == [2, 7]


def test_a_wrapped_text_with_one_line_longer_than_the_width_is_still_joined():
    # 朱自清, 背影, as a plain-text e-book wraps it (paragraphs indented), with a first
    # paragraph someone joined back into one line
    etext = (
        "　　我与父亲不相见已二年余了，我最不能忘记的是他的背影。那年冬天，祖母死了，父亲的差使也交卸了，"
        "正是祸不单行的日子。\n"
        "　　父亲回家变卖典质，还了亏空，又借钱办了丧事。这些日子，家中光景很是惨淡，\n"
        "一半为了丧事，一半为了父亲的赋闲。丧事完毕，父亲要到南京谋事，我也要回北京念\n"
        "书，我们便同行。\n"
        "　　到南京时，有朋友约去游逛，勾留了一日；第二日上午便须渡江到浦口，下午上车\n"
        "北去。父亲因为事忙，本已说定不送我，叫旅馆里一个熟识的茶房陪我同去。他再三嘱\n"
        "咐茶房，甚是仔细。但他终于不放心，怕茶房不妥帖；颇踌躇了一会。\n"
    )
    texts = [s.text for s in split_sentences(etext, "x")]
    assert "丧事完毕，父亲要到南京谋事，我也要回北京念书，我们便同行。" in texts, texts
    assert "他再三嘱咐茶房，甚是仔细。" in texts, texts


def test_a_statutes_list_items_wrapped_under_their_text_are_joined():
    # 勞動基準法 as Taiwan's labour ministry prints it: wrapped at a fixed width, an
    # item's wrapped lines indented to stand under the text after its number
    statute = (
        "中央主管機關指定之行業，雇主經工會或勞工半數以上同意後，其工作時\n"
        "間得依下列原則變更：\n"
        "一  四週內正常工作時數分配於其他工作日之時數，每日不得超過二小時\n"
        "    ，不受第三十條第二項之限制。\n"
        "二  當日正常工時達十小時者，其延長之工作時間不得超過二小時。\n"
        "四  女性勞工，除妊娠或哺乳期間者外，於夜間工作，不受第四十九條之\n"
        "    限制。但雇主應提供完善安全衛生設施。\n"
        "本法適用於一切勞雇關係。但因經營型態、管理制度及工作特性等因素適\n"
        "用本法確有窒礙難行者，並經中央主管機關指定公告之行業或工作者，不\n"
        "適用之。\n"
    )
    sentences = split_sentences(statute, "x")
    texts = [s.text for s in sentences]
    assert "一  四週內正常工作時數分配於其他工作日之時數，每日不得超過二小時，不受第三十條第二項之限制。" in texts, texts
    assert "四  女性勞工，除妊娠或哺乳期間者外，於夜間工作，不受第四十九條之限制。" in texts, texts
    assert [s.line for s in sentences if s.text.startswith("但雇主")] == [7]
    # an indented line after a line that is no list item starts a paragraph
    indented = statute.replace("\n用本法", "\n    用本法")
    assert any(t.startswith("用本法") for t in (s.text for s in split_sentences(indented, "x")))


def test_a_wrapped_line_ending_in_dots_or_a_tilde_ends_its_sentence():
    # a forum post wrapped at a fixed width, its sentences ending in "..." and "~"
    post = (
        "一阵子没去“巡视”,往往就会发现怎么又开了这间?上次那间呢?什么倒了?...\n"
        "因此,在脸书就follow了好几个跟自己口味较相近的美食部落客,以掌握最新的资讯,有\n"
        "时候会回应一下,虽然对方不一定会回,但我也觉得ok完全不介意。有次去了其中一位~\n"
        "某美食部落客推的餐厅,一坐好,发现怎么隔壁桌拍照(拍食物)的闪光灯也打的太高调了\n"
        "点。想说他最近在办串联活动(类似啦),生意做这么大,为人应该咳,不知怎么说耶...\n"
    )
    texts = [s.text for s in split_sentences(post, "x")]
    assert any(t.startswith("因此,在脸书") and "有时候会回应" in t for t in texts), texts  # wrapped: joined
    assert any(t.startswith("某美食部落客推的餐厅") for t in texts), texts  # after "~": a new sentence


def test_lines_of_a_paragraph_each_or_of_a_poem_are_never_joined():
    # 故乡 (Lu Xun) a paragraph a line, and a poem whose lines end without punctuation
    story = (
        "我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。\n"
        "时候既然是深冬；渐近故乡时，天气又阴晦了，冷风吹进船舱中，呜呜的响，从篷隙向外一望，苍黄的天底下，远近横着几个萧索的荒村\n"
        "阿！这不是我二十年来时时记得的故乡？\n"
    )
    assert len(split_sentences(story, "x")) == 5
    poem = "床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n"
    assert [s.text for s in split_sentences(poem, "x")] == ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    # a wrapped text's new paragraph, indented, starts a sentence of its own
    indented = WRAPPED_REPORT.replace("“稳”", "　　“稳”").replace("经济运行总体平稳、稳中有进。", "经济运行总体平稳、稳中有进")
    assert any(s.text.startswith("“稳”的态势") for s in split_sentences(indented, "x"))


def test_urls_and_entities_are_not_split():
    text = "詳見https://example.com/a?b=1&amp;c=2網頁。真的?是的!"
    assert [s.text for s in split_sentences(text, "x")] == ["詳見https://example.com/a?b=1&amp;c=2網頁。", "真的?", "是的!"]


def test_short_quotations_are_not_split():
    text = "他說：「你好！我是小明。」然後走了。"
    # the quotation whole; its closing 。 ends the sentence it is in
    assert [s.text for s in split_sentences(text, "x")] == ["他說：「你好！我是小明。」", "然後走了。"]


def test_line_numbers_and_first_line():
    sentences = split_sentences("第一句。第二句。\n\n第三句\n  第四句。 ", "src", first_line=10)
    assert [(s.text, s.line, s.source) for s in sentences] == [
        ("第一句。", 10, "src"),
        ("第二句。", 10, "src"),
        ("第三句", 12, "src"),
        ("第四句。", 13, "src"),
    ]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("问：什么是新质生产力？", "什么是新质生产力？"),
        ("記者:人工智能的水平?", "人工智能的水平?"),
        ("米磊：我们要投硬科技。", "我们要投硬科技。"),
        ("戚凱:我覺得還不夠。", "我覺得還不夠。"),
        ("  主持人：歡迎。", "歡迎。"),
        ("Q: what is it?", "what is it?"),
        ("10:30開會。", "10:30開會。"),
        ("https://example.com 網址。", "https://example.com 網址。"),
        ("中華人民共和國成立:1949年。", "中華人民共和國成立:1949年。"),
        # an interviewer asking about a document in 《》 (人民日报's interview on the silver economy)
        ("　　记者：《意见》提出了26项举措。", "《意见》提出了26项举措。"),
        ("口号：“绿水青山就是金山银山”", "口号：“绿水青山就是金山银山”"),
        # a press conference's questioner and outlet; Taiwan's legislature by surname, title, name
        ("记者（凤凰卫视）：有消息称欧盟将加征关税。", "有消息称欧盟将加征关税。"),
        ("王委員建國：部長，請問進度如何？", "部長，請問進度如何？"),
        ("郭部長振宇：報告委員，目前進度落後。", "報告委員，目前進度落後。"),
        ("林委員OO：謝謝主席。", "謝謝主席。"),
        # an encyclopedia entry's run-in topics are no speakers: the line keeps its subject
        ("三问：个人养老金有哪些税收优惠？", "个人养老金有哪些税收优惠？"),  # an explainer's numbered question
        ("肖尔算法：用于大整数的质因数分解。", "肖尔算法：用于大整数的质因数分解。"),
        ("密码学：现有的公钥密码体系面临威胁。", "密码学：现有的公钥密码体系面临威胁。"),
        ("打工人：网络流行语，指上班族的自嘲。", "打工人：网络流行语，指上班族的自嘲。"),  # a definition
    ],
)
def test_interview_labels_are_stripped(line, expected):
    assert split_sentences(line, "x")[0].text == expected


def test_label_alone_on_a_line_gives_no_sentence():
    assert split_sentences("記者：\n問題很多。", "x") == split_sentences("\n問題很多。", "x")


def test_pieces_without_words_are_dropped():
    assert split_sentences("……\n?!。\n  \n", "x") == ()


def test_long_line_without_punctuation_is_cut_in_bounded_pieces():
    line = "新質生產力" * 60_000  # 300,000 characters, no punctuation or spaces
    sentences = split_sentences(line, "x")
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert len(sentences) == 1500
    assert "".join(s.text for s in sentences) == line
    assert all(s.line == 1 for s in sentences)


def test_long_line_is_cut_after_a_nearby_comma():
    line = ("字" * 180 + "，") * 5
    sentences = split_sentences(line, "x")
    assert [len(s.text) for s in sentences] == [181] * 5
    assert all(s.text.endswith("，") for s in sentences)


def test_long_sentence_of_a_real_source_is_cut(tmp_path):
    path = write(tmp_path, ("硬科技，" * 100_000) + "結束。")
    source = read_source(path)
    assert max(len(s.text) for s in source.sentences) <= MAX_SENTENCE
    assert source.sentences[-1].text.endswith("結束。")


# --- names, script, catalog ------------------------------------------------------


def test_name_defaults_to_stem_and_can_be_overridden(tmp_path):
    path = write(tmp_path, SIMPLIFIED, "mi-lei.txt")
    assert read_source(path).name == "mi-lei"
    assert read_source(path, name="正和岛").name == "正和岛"
    assert read_source(path, name="正和岛").sentences[0].source == "正和岛"


def test_catalog_name_and_script_win(tmp_path):
    path = write(tmp_path, SIMPLIFIED, "a.txt")
    (tmp_path / "sources.toml").write_text('["a.txt"]\nname = "甲 2024"\nscript = "traditional"\n', encoding="utf-8")
    source = read_source(path)
    assert source.name == "甲 2024"
    assert source.script is Script.TRADITIONAL  # the text itself is simplified
    other = write(tmp_path, SIMPLIFIED, "b.txt")
    assert read_source(other).name == "b"
    assert read_source(other).script is Script.SIMPLIFIED


def test_broken_catalog_names_the_catalog(tmp_path):
    path = write(tmp_path, SIMPLIFIED, "a.txt")
    catalog = tmp_path / "sources.toml"
    catalog.write_text('["a.txt"\nname = \n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{catalog}: the catalog is not valid TOML")


def test_bad_script_in_catalog(tmp_path):
    path = write(tmp_path, SIMPLIFIED, "a.txt")
    (tmp_path / "sources.toml").write_text('["a.txt"]\nscript = "cyrillic"\n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert "unknown script 'cyrillic'" in str(caught.value)


# --- several sources ------------------------------------------------------------


def test_read_sources_skips_empty_files_with_a_warning(tmp_path):
    full = write(tmp_path, SIMPLIFIED, "full.txt")
    empty = write(tmp_path, b"", "empty.txt")
    reading = read_sources([full, empty, full])
    assert isinstance(reading, Reading)
    assert [s.name for s in reading.sources] == ["full"]
    assert reading.warnings == (f"{empty}: the file holds no text; skipped", f"{full}: named more than once; read once")


def test_read_sources_passes_on_each_sources_warnings(tmp_path):
    full = write(tmp_path, SIMPLIFIED, "full.txt")
    reading = read_sources([full, SEED_002])
    assert reading.warnings == read_source(SEED_002).warnings
    assert len(reading.warnings) == 5


def test_read_sources_with_only_empty_files_raises(tmp_path):
    empty = write(tmp_path, b"", "empty.txt")
    with pytest.raises(SourceError) as caught:
        read_sources([empty])
    assert str(empty) in str(caught.value)


def test_read_sources_raises_for_other_problems(tmp_path):
    full = write(tmp_path, SIMPLIFIED, "full.txt")
    with pytest.raises(SourceError) as caught:
        read_sources([full, tmp_path / "missing.txt"])
    assert "missing.txt: no such file" in str(caught.value)


def test_read_sources_needs_a_file():
    with pytest.raises(SourceError):
        read_sources([])


# --- properties and loading --------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text())
def test_any_utf8_text_reads_or_raises_source_error(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        source = read_source(path)
    except SourceError as error:
        assert str(path) in str(error)
        return
    joined = "".join(s.text for s in source.sentences)
    assert not any(unicodedata.category(ch) == "Cc" for ch in joined)
    assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in source.text)
    for sentence in source.sentences:
        assert sentence.text == sentence.text.strip()
        assert 0 < len(sentence.text) <= MAX_SENTENCE
        assert 1 <= sentence.line <= source.text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("?？!;,。的可以看出梢钥闯蒲袆中間g\n「」“”記者:")))
def test_damage_detection_and_splitting_never_crash(text):
    for span in find_damage(text):
        assert span.text and text.split("\n")[span.line - 1][span.column - 1 :].startswith(span.text)
    split_sentences(text, "x")


def test_import_is_light():
    code = (
        "import sys, deckgen.reading\n"
        "heavy = {'charset_normalizer', 'jieba', 'opencc'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_the_shipped_character_frequencies_are_those_of_the_installed_jieba():
    from deckgen.reading.plausibility import _character_frequencies
    from tools.build_tables import build_character_frequencies

    assert _character_frequencies() == build_character_frequencies()


def test_a_pages_number_and_running_header_inside_a_wrapped_sentence_are_none_of_it(tmp_path: Path):
    # a city's plan copied out of a PDF viewer, wrapped at 38 characters: a page breaks
    # inside the sentence on the supply of care
    paragraph = ("到2030年，全市老年人口将突破100万人，占户籍人口比重接近30%，进入中度老龄化社会并向重度老龄化迈进。"
                 "与此同时，家庭规模小型化、空巢化趋势明显，家庭养老功能持续弱化，失能失智老年人照护需求快速增长。"
                 "我市养老服务发展仍存在一些短板：城乡、区域之间发展不平衡，农村养老服务基础薄弱；养老服务供给结构"
                 "不尽合理，部分机构床位空置率偏高，而护理型床位一床难求；专业人才总量不足，护理员队伍年龄偏大、"
                 "学历偏低；智慧养老应用场景较少，部门之间数据壁垒尚未打通，信息共享机制仍不健全。")
    lines = [paragraph[i:i + 38] for i in range(0, len(paragraph), 38)]
    broken = next(i for i, line in enumerate(lines) if line.endswith("供给结构不尽"))
    lines[broken + 1:broken + 1] = ["— 2 —", "江州市养老服务体系建设“十五五”规划"]
    lines += ["— 3 —", "江州市养老服务体系建设“十五五”规划"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts = [s.text for s in read_source(path).sentences if s.kind == "text"]
    assert "养老服务供给结构不尽合理，部分机构床位空置率偏高，而护理型床位一床难求；" in texts, texts
    assert not any("—" in t or "十五五" in t for t in texts), texts
