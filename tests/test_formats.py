"""Inputs that are not plain text, made by each format's own library (pysubs2, ebooklib,
Chromium's printer) or written as a browser saves them: the text they hold is mined
like the same text in a .txt file, and nothing of their markup reaches a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckgen.build import mine_terms, read_texts
from deckgen.errors import SourceError
from tests.conftest import REPO, run_cli

SEED = REPO / "seeds" / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt"
MARKUP = re.compile(r"[<>{}\\]|&[a-z]+;|&#\d+;|-->|\d\d:\d\d:\d\d|[A-Za-z]{3,}\d|\bWEBVTT\b")


def paragraphs(count: int = 24) -> list[str]:
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[1:count + 1]


@pytest.fixture(scope="module")
def plain_terms(tmp_path_factory) -> list[str]:
    path = tmp_path_factory.mktemp("plain") / "article.txt"
    path.write_text("\n".join(paragraphs()), encoding="utf-8")
    return [t.simplified for t in mine_terms(read_texts([path]), level=4, top=15)]


def mined(path: Path) -> tuple[list[str], list]:
    sources = read_texts([path])
    sentences = [s for source in sources for s in source.sentences]
    return [t.simplified for t in mine_terms(sources, level=4, top=15)], sentences


def assert_like_plain(terms: list[str], plain: list[str], sentences) -> None:
    overlap = len(set(terms) & set(plain))
    assert overlap >= 12, (terms, plain)
    for sentence in sentences:
        assert not MARKUP.search(sentence.text), sentence
        assert sentence.where, sentence  # every sentence says where in the document it is


# --- web pages -------------------------------------------------------------------------

def saved_page(title: str, body: list[str], charset: str = "utf-8") -> str:
    article = "\n".join(f"<p>　　{p.replace('。', '。<br>', 1) if i % 5 == 4 else p}</p>" for i, p in enumerate(body))
    return f"""<!DOCTYPE html>
<!-- saved from url=(0042)https://news.example.cn/2024/0301/a1.html -->
<html lang="zh-CN"><head><meta charset="{charset}"><title>{title}_财经频道_示例网</title>
<script>var _hmt = _hmt || []; window.adConfig = {{slot: "banner"}};</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="topbar"><a href="/">首页</a> | <a href="/login">登录</a> | 下载客户端</div>
<nav class="nav"><ul><li><a href="/a">要闻</a></li><li><a href="/b">国际</a></li><li><a href="/c">热门排行榜</a></li>
<li><a href="/d">娱乐八卦</a></li><li><a href="/e">房产家居</a></li></ul></nav>
<div class="ad">限时抢购冰箱洗衣机五折优惠</div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/finance">财经</a> &gt; 正文</div>
<article><h1>{title}</h1><div class="byline">2024-03-01 10:20 来源：示例网</div>
{article}
<p>（责任编辑：王芳）</p></article>
<div class="share">分享到：微信 微博 QQ空间</div>
<section class="comments"><h3>网友评论</h3>
<div class="comment"><span>网友甲</span><p>小编写得真好，我每天都来看，支持支持支持！点赞。</p></div>
<div class="comment"><span>网友乙</span><p>楼上说得对，这篇文章我转发给全家人了，回复点赞。</p></div></section>
<aside><h3>热门排行</h3><ol><li><a href="/x">明星离婚内幕曝光</a></li><li><a href="/y">减肥秘诀大公开</a></li></ol></aside>
<footer>© 2024 示例网 京ICP备12345678号 联系我们 广告服务</footer>
</body></html>"""


LEFT_OUT = ("热门排行", "网友", "点赞", "冰箱", "责任编辑", "京ICP备", "分享到", "娱乐八卦", "明星离婚")


def test_a_saved_web_page_gives_its_article_only(tmp_path, plain_terms):
    page = tmp_path / "新质生产力.html"
    page.write_text(saved_page("新质生产力：中国将走向何方", paragraphs()), encoding="utf-8")
    terms, sentences = mined(page)
    assert_like_plain(terms, plain_terms, sentences)
    text = "".join(s.text for s in sentences)
    assert not [word for word in LEFT_OUT if word in text]
    assert read_texts([page])[0].name == "新质生产力：中国将走向何方"  # the page's title, without the site


def test_a_gbk_page_saved_as_txt_is_still_read_as_a_page(tmp_path, plain_terms):
    page = tmp_path / "saved.txt"  # the extension lies; the content says it is a page
    page.write_bytes(saved_page("新质生产力", paragraphs(), charset="gbk").encode("gbk", "replace"))
    terms, sentences = mined(page)
    assert_like_plain(terms, plain_terms, sentences)
    assert "热门排行" not in "".join(s.text for s in sentences)


# --- subtitles ---------------------------------------------------------------------------

def subtitle_file(path: Path) -> None:
    """Subtitles as a subtitle editor writes them, through pysubs2: one sentence a cue,
    English on a second line, styling codes, a line repeated by the next cue, a comment."""
    import pysubs2

    subs = pysubs2.SSAFile()
    time = 1000
    for i, paragraph in enumerate(paragraphs()):
        for sentence in re.findall(r"[^。！？]+[。！？]?", paragraph):
            text = sentence.strip()
            if not text:
                continue
            styled = ("{\\an8}" if i % 3 == 0 else "") + ("{\\i1}" + text + "{\\i0}" if i % 4 == 0 else text)
            subs.append(pysubs2.SSAEvent(start=time, end=time + 2500, text=styled + "\\NEnglish line here"))
            time += 3000
            if i % 6 == 0:  # a rolling caption: the line shown again in the next cue
                subs.append(pysubs2.SSAEvent(start=time, end=time + 800, text=text))
                time += 1000
    subs.append(pysubs2.SSAEvent(start=time, end=time + 1000, text="字幕组翻译校对", type="Comment"))
    subs.save(str(path))


@pytest.mark.parametrize("suffix", [".srt", ".ass", ".vtt"])
def test_subtitles_give_their_dialogue_once(tmp_path, plain_terms, suffix):
    path = tmp_path / f"episode{suffix}"
    subtitle_file(path)
    terms, sentences = mined(path)
    assert_like_plain(terms, plain_terms, sentences)
    texts = [s.text for s in sentences]
    assert "字幕组翻译校对" not in "".join(texts)  # a comment, not dialogue
    assert not any("English" in t for t in texts)
    assert all(s.where.startswith("cue ") for s in sentences)
    assert paragraphs()[0] == "中国将走向何方?答案是新质生产力。"  # shown twice: a cue and its rolling repeat
    assert [s.where for s in sentences if s.text == "答案是新质生产力。"] == ["cue 1 at 0:00:01"]


# A cooking show's dialogue as its subtitles give it: a phrase a cue, no punctuation,
# spaces between clauses (lines written for the case, in the manner of such shows).
COOKING_CUES = [
    "今天应大家的要求", "咱们做一道家常的红烧肉", "这红烧肉啊讲究的是火候", "先把五花肉切成小块",
    "凉水下锅 焯一下水", "把浮沫打干净", "然后锅里放点冰糖", "小火慢慢炒出糖色", "糖色炒好了把五花肉下进去",
    "加点老抽 上个色", "再放葱姜 八角 桂皮", "倒上黄酒 去去腥味", "加开水没过五花肉", "大火烧开转小火",
    "炖上四十分钟", "最后大火收汁", "红烧肉就做好了", "肥而不腻 入口即化", "五花肉要选肥瘦相间的",
    "冰糖炒的糖色红亮", "老抽就是为了上色", "收汁的时候要勤翻动", "这就是咱们家常的红烧肉",
]


@pytest.mark.parametrize("suffix", [".srt", ".txt"])
def test_dialogue_a_phrase_a_line_is_running_text(tmp_path, suffix):
    # subtitles, or their text pasted a cue a line: short unpunctuated lines, yet speech,
    # not a list of names or links to be left out
    path = tmp_path / f"show{suffix}"
    if suffix == ".srt":
        import pysubs2

        subs = pysubs2.SSAFile()
        for i, cue in enumerate(COOKING_CUES):
            subs.append(pysubs2.SSAEvent(start=3000 * i, end=3000 * i + 2500, text=cue))
        subs.save(str(path))
    else:
        path.write_text("\n".join(COOKING_CUES) + "\n", encoding="utf-8")
    sources = read_texts([path])
    kinds = [s.kind for source in sources for s in source.sentences]
    # a plain text's first short line is its title, as ever; every other line is text
    assert kinds[1:] == ["text"] * (len(kinds) - 1) and kinds[0] == ("text" if suffix == ".srt" else "title")
    terms = [t.simplified for t in mine_terms(sources, level=4, top=15)]
    assert {"红烧肉", "五花肉", "老抽"} <= set(terms), terms


def test_a_transcript_a_cue_a_line_with_its_times_is_read_as_subtitles(tmp_path):
    # what speech-to-text tools write: each line opened by its times; the lines fill about
    # the same width and end no sentence, yet each is a cue of its own, never a wrap
    lines = [
        "大家好，欢迎收听本期的科技早知道", "今天我们来聊一聊最近很火的一个话题，就是人形机器人",
        "人形机器人这个概念其实不新，但是今年特别火", "主要原因是大模型的发展，让机器人的理解能力有了很大的提升",
        "很多厂商都在做人形机器人，比如特斯拉的擎天柱", "还有国内的优必选、宇树科技，都推出了自己的产品",
        "不过，人形机器人离真正走进家庭，还有很长的路要走",
    ]
    path = tmp_path / "podcast.txt"
    path.write_text("".join(f"[00:{6 * i:02}.000 --> 00:{6 * i + 5:02}.400] {line}\n" for i, line in enumerate(lines)),
                    encoding="utf-8")
    sentences = read_texts([path])[0].sentences
    assert [s.text for s in sentences] == lines
    assert [s.where for s in sentences][:2] == ["cue 1 at 00:00", "cue 2 at 00:06"]
    assert {s.kind for s in sentences} == {"text"}


def test_a_sound_in_brackets_is_no_cue_of_speech(tmp_path):
    # a Taiwan drama's subtitles for the deaf (lines written for the case): the phone's
    # ringing, in italics and brackets, is no line of dialogue; a bracket inside speech stays
    path = tmp_path / "drama.srt"
    cues = ["<i>（電話鈴聲）</i>", "喂？是，我是陳怡君。什麼？又要改？", "[音樂]", "好，我知道了（嘆氣），我今天晚上會改好。"]
    path.write_text("".join(f"{i}\n00:00:{2 * i:02},000 --> 00:00:{2 * i + 1:02},500\n{cue}\n\n"
                            for i, cue in enumerate(cues, 1)), encoding="utf-8")
    sentences = [s.text for s in read_texts([path])[0].sentences]
    assert not any("鈴聲" in s or "音樂" in s for s in sentences), sentences
    assert sentences[0] == "喂？" and sentences[-1].startswith("好，我知道了")


def test_a_song_and_a_speakers_name_in_brackets_are_no_speech(tmp_path):
    # a food vlog's subtitles: its theme song between notes, and who speaks in brackets
    path = tmp_path / "vlog.srt"
    cues = ["♪ 出发吧 去吃遍这座城 ♪", "（小王）我破防了", "这家的臭豆腐（其实是黑色的）真的绝了"]
    path.write_text("".join(f"{i}\n00:00:{2 * i:02},000 --> 00:00:{2 * i + 1:02},500\n{cue}\n\n"
                            for i, cue in enumerate(cues, 1)), encoding="utf-8")
    sentences = [s.text for s in read_texts([path])[0].sentences]
    assert sentences == ["我破防了", "这家的臭豆腐（其实是黑色的）真的绝了"], sentences


def test_a_gbk_webvtt_file_with_a_bom_is_read_whole(tmp_path):
    path = tmp_path / "drama.vtt"
    path.write_bytes("\ufeffWEBVTT\n\n00:01.000 --> 00:03.000\n<v 小王>你好&nbsp;北京<ruby>胡同<rt>hútòng</rt></ruby>。\n\n"
                     "00:04.000 --> 00:06.000\n<c.yellow>我们&amp;你们去故宫</c>。\n".encode("utf-8"))
    sentences = [s.text for s in read_texts([path])[0].sentences]
    assert sentences == ["你好 北京胡同。", "我们&你们去故宫。"]


def test_webvtt_notes_between_cues_are_no_speech(tmp_path):
    # a Taiwan vlog's subtitles with the maker's notes between cues, as one line and as a block
    path = tmp_path / "vlog.vtt"
    path.write_text("WEBVTT\n\nNOTE 開頭的註解\n\n00:00:01.000 --> 00:00:03.000\n今天天氣很好\n\n"
                    "NOTE\n這段是豆花店的部分，店名不公開\n\n00:00:04.000 --> 00:00:06.000\n我們去吃豆花\n\n"
                    "NOTE 單行註解\n\nSTYLE\n::cue { color: yellow }\n\n00:00:07.000 --> 00:00:09.000\n大家好\n",
                    encoding="utf-8")
    sentences = [s.text for s in read_texts([path])[0].sentences]
    assert sentences == ["今天天氣很好", "我們去吃豆花", "大家好"], sentences


def test_a_cues_lines_are_one_utterance_unless_a_dash_opens_the_next_speakers(tmp_path):
    # a family drama's subtitles: a sentence over two lines, and two speakers in one cue
    path = tmp_path / "drama.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\n周明，我爸妈提前来了，\n你现在能去火车站接一下吗？\n\n"
                    "2\n00:00:04,000 --> 00:00:06,000\n其实我也想过\n等我们攒够了首付再说\n\n"
                    "3\n00:00:07,000 --> 00:00:09,000\n- 你去吗？\n- 我不去。\n", encoding="utf-8")
    sentences = [s.text for s in read_texts([path])[0].sentences]
    assert sentences == ["周明，我爸妈提前来了，你现在能去火车站接一下吗？", "其实我也想过 等我们攒够了首付再说",
                         "你去吗？", "我不去。"], sentences


def test_an_ass_files_captions_notes_and_karaoke_are_no_speech_and_its_names_are_people(tmp_path):
    # a cooking show's subtitles: the title and guests' captions in 屏幕字, a note, the theme
    # song timed for karaoke, and the guests' names in the Name field
    path = tmp_path / "show.ass"
    path.write_text(
        "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
        "MarginR, MarginV, Encoding\n"
        "Style: Default,Arial,64,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,1,2,10,10,30,1\n"
        "Style: 屏幕字,Arial,56,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,1,8,10,10,30,1\n"
        "Style: 注释,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,1,8,10,10,30,1\n\n"
        "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 0,0:00:00.00,0:00:03.00,Default,,0,0,0,,{\\k20}锅碗{\\k20}瓢盆{\\k40}叮当响\n"
        "Dialogue: 1,0:00:03.00,0:00:06.00,屏幕字,,0,0,0,,{\\an8}嘉宾简介：李可可 美食博主 粉丝三百万\n"
        "Dialogue: 1,0:00:06.00,0:00:09.00,注释,,0,0,0,,打工人：网络流行语，指上班族的自嘲\n"
        "Dialogue: 0,0:00:09.00,0:00:12.00,Default,李可可,0,0,0,,大家好，我是可可，平时就爱吃。\n"
        "Dialogue: 0,0:00:12.00,0:00:15.00,Default,主持人,0,0,0,,可可今天要做什么菜？\n",
        encoding="utf-8")
    source = read_texts([path])[0]
    assert [s.text for s in source.sentences] == ["大家好，我是可可，平时就爱吃。", "可可今天要做什么菜？"]
    assert "李可可" in source.speakers


# --- EPUB ----------------------------------------------------------------------------------

def epub_book(path: Path, chapters: list[tuple[str, list[str]]]) -> None:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("deckgen-test-book")
    book.set_title("新质生产力读本")
    book.set_language("zh")
    items = []
    for number, (title, body) in enumerate(chapters, 1):
        chapter = epub.EpubHtml(title=title, file_name=f"text/ch{number:02}.xhtml", lang="zh")
        paragraphs_html = "".join(f"<p>{p}</p>" for p in body)
        chapter.content = (f"<h1>{title}</h1>{paragraphs_html}"
                           f"<p>北京的<ruby>胡同<rp>(</rp><rt>hútòng</rt><rp>)</rp></ruby>很多&nbsp;。"
                           f"<a epub:type=\"noteref\" href=\"#n{number}\">[{number}]</a></p>"
                           f"<aside epub:type=\"footnote\" id=\"n{number}\">注释：这是脚注文字。</aside>")
        book.add_item(chapter)
        items.append(chapter)
    book.toc = [items[0], (epub.Section("第二部分"), items[1:])]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    epub.write_epub(str(path), book)


def test_an_epub_book_and_each_of_its_chapters(tmp_path, plain_terms):
    text = paragraphs()
    chapters = [("第一章 微观", text[:8]), ("第二章 方向", text[8:16]), ("第三章 产业", text[16:])]
    path = tmp_path / "book.epub"
    epub_book(path, chapters)
    terms, sentences = mined(path)
    assert_like_plain(terms, plain_terms, sentences)
    joined = "".join(s.text for s in sentences)
    assert "hútòng" not in joined and "脚注" not in joined and "[1]" not in joined
    assert "胡同很多" in joined
    # Reading order, and each chapter a source of its own: book.epub#2
    assert [s.where for s in sentences if s.text == "第二章 方向"] == ["chapter #2 (第二章 方向)"]
    second = read_texts([Path(f"{path}#2")])[0]
    assert second.name == "新质生产力读本 · 第二章 方向"
    assert second.sentences[0].text == "第二章 方向"
    assert text[9][5:15] in "".join(s.text for s in second.sentences)
    assert text[1][5:15] not in "".join(s.text for s in second.sentences)
    with pytest.raises(SourceError, match=r"no chapter #7; it has 3: #1 第一章 微观; #2 第二章 方向"):
        read_texts([Path(f"{path}#7")])


def test_a_deck_file_names_epub_chapters_as_sources(tmp_path):
    path = tmp_path / "book.epub"
    epub_book(path, [("第一章 微观", paragraphs()[:8]), ("第二章 方向", paragraphs()[8:16])])
    deck = tmp_path / "chapter2.toml"
    deck.write_text('title = "Chapter 2"\nsources = ["book.epub#2"]\nmax_terms = 5\n', encoding="utf-8")
    result = run_cli("build", "--quiet", str(deck))
    assert result.exit_code == 0, result.output
    from deckgen.packaging import read_previous

    notes = read_previous(deck.with_suffix(".apkg")).values()
    assert notes and all("第二章 方向" in n.fields[12] for n in notes)  # Source field


# --- PDF -----------------------------------------------------------------------------------

def test_a_printed_pdf_gives_its_text_without_headers_footers_or_page_numbers(tmp_path, plain_terms):
    from tests.browser import chromium

    page_html = tmp_path / "report.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs())
    page_html.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告解读</title>"
                         "<style>body{font-family:'Noto Serif CJK SC';font-size:15pt}</style></head>"
                         f"<body>{body}</body></html>", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    with chromium() as browser:
        page = browser.new_page()
        page.goto(page_html.resolve().as_uri())
        page.pdf(path=str(pdf), format="A4", display_header_footer=True,
                 header_template="<div style='font-size:9px;width:100%;text-align:center'>内部资料 注意保存</div>",
                 footer_template="<div style='font-size:9px;width:100%;text-align:center'>"
                                 "第 <span class='pageNumber'></span> 页 共 <span class='totalPages'></span> 页</div>",
                 margin={"top": "20mm", "bottom": "20mm"})
        page.close()
    from pypdf import PdfReader

    assert len(PdfReader(str(pdf)).pages) >= 3
    terms, sentences = mined(pdf)
    assert_like_plain(terms, plain_terms, sentences)
    text = "".join(s.text for s in sentences)
    assert "内部资料" not in text and "第 1 页" not in text and " 页 共 " not in text
    assert not re.search(r"[\u2E80-\u2FDF]", text)  # no CJK radicals standing in for characters
    assert {s.where for s in sentences} >= {"page 1", "page 2"}


def test_a_scanned_pdf_is_refused_with_a_clear_message(tmp_path):
    from tests.browser import chromium

    image = tmp_path / "scan.png"
    html = tmp_path / "text.html"
    html.write_text("<html><body style='font-size:30px'><p>" + paragraphs()[0] + "</p></body></html>",
                    encoding="utf-8")
    scan = tmp_path / "scan.html"
    with chromium() as browser:
        page = browser.new_page()
        page.goto(html.resolve().as_uri())
        page.screenshot(path=str(image))
        scan.write_text(f"<html><body><img src='{image.name}' style='width:100%'></body></html>")
        page.goto(scan.resolve().as_uri())
        page.pdf(path=str(tmp_path / "scan.pdf"), format="A4")
        page.close()
    result = run_cli("terms", str(tmp_path / "scan.pdf"))
    assert result.exit_code == 1
    assert "scan.pdf: the PDF has no text layer (its pages are scanned images)" in result.output
    assert "OCR" in result.output and "Traceback" not in result.output


def test_without_the_formats_extra_a_web_page_says_exactly_what_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed: import fails
    page = tmp_path / "page.html"
    page.write_text(saved_page("新质生产力", paragraphs(3)), encoding="utf-8")
    result = run_cli("build", "--quiet", str(page), "-o", str(tmp_path / "page.apkg"))
    assert result.exit_code == 1
    assert "page.html: reading web pages needs the optional package 'trafilatura'" in result.output
    assert 'pip install "trafilatura>=2.3,<3" lxml_html_clean' in result.output
    assert "Traceback" not in result.output and not (tmp_path / "page.apkg").exists()
    # the same install line as the extra declared in pyproject.toml
    import tomllib

    extra = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {"trafilatura>=2.3,<3", "lxml_html_clean>=0.4"} == set(extra["formats"])


def test_a_warning_names_the_cue_it_applies_to(tmp_path):
    import pysubs2

    damaged = "做6G甚至7G的基礎與商業研發戰略規劃了??梢钥闯?,美國的科技戰略規劃意識很強烈。"  # GBK read as UTF-8, then saved
    assert damaged[15:] in (REPO / "seeds" / "nanfengchuang-2024-26-qi-kai-us-china-tech.txt").read_text(encoding="utf-8")
    subs = pysubs2.SSAFile()
    subs.append(pysubs2.SSAEvent(start=1000, end=2000, text="你好，欢迎来到北京。"))
    subs.append(pysubs2.SSAEvent(start=61000, end=64000, text=damaged))
    path = tmp_path / "episode.srt"
    subs.save(str(path))
    (warning,) = read_texts([path])[0].warnings
    assert warning.startswith(f"{path} (cue 2 at 0:01:01): damaged text '??梢钥闯?'")
