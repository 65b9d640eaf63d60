"""Document structure, term boundaries and deck size: real lines of real texts in."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen import deckfile, mining
from deckgen.errors import DeckgenError
from deckgen.mining import MiningOptions
from deckgen.mining.scoring import deck_size
from deckgen.reading import read_source
from deckgen.reading.structure import line_kinds
from deckgen.script import has_han
from deckgen.segmenting import segmenter


def mine(sources, options=MiningOptions(), **kwargs):
    return mining.mine(sources, options, segmenter(), **kwargs)


def kinds_of(*lines: str) -> list[str]:
    return line_kinds("\n".join(lines))


# --- structure ---------------------------------------------------------------------


def test_first_short_line_is_the_title_and_a_credit_is_a_byline():
    kinds = kinds_of("一次看懂兩會最夯「新質生產力」", "文/曹博凱",
                     "甫於三月十一日閉幕的中國兩會，今年開出的經濟目標是經濟成長率五%。")
    assert kinds == ["title", "byline", "text"]


@pytest.mark.parametrize("line", [
    "本报记者  孙婉清", "本報記者 王小明 李華",  # a paper's own reporters
    "主讲：张启明（某大学生命科学学院教授）", "主持人：林小雨",  # a talk's speaker and host
    "《 人民日报 》（ 2024年03月18日 第 10 版）",  # the paper and page the article was printed on
    "发言人：毛宁",  # a press conference's spokesperson
    "時　　間：中華民國115年3月18日（星期三）上午9時至下午1時", "主　　席：陳委員志明",  # a committee's record
])
def test_reporters_speakers_and_the_printed_page_are_bylines(line):
    assert kinds_of("让老年人过上更有品质的晚年生活", line, "今年1月，国务院办公厅印发《关于发展银发经济增进老年人福祉的意见》。")[1] \
        == "byline"


def test_a_speaker_label_before_speech_is_no_byline():
    kinds = kinds_of("公开课实录", "主持人：各位同学，大家晚上好！", "主持人：好的")
    assert kinds[1] == "text"


@pytest.mark.parametrize("line", [
    "（重定向自老年痴呆症）", "“老年痴呆”重定向至此。关于其他类型的痴呆，请见“痴呆”。",  # a wiki's redirect and hatnote
    "（本文根据现场录音整理，未经主讲人审阅）",  # how a transcript was made
    "关注者 3,281 被浏览 2,145,907", "赞同 1.2 万　　986 条评论　　分享　　收藏　　喜欢",  # a social site's counts
    "跳至導覽跳至搜尋",  # a Traditional wiki's skip links
    "所有條文 編章節 條號查詢 沿革 友善列印", "法規名稱：食品安全衛生管理法",  # a statute database's tools
    "點閱次數：12,345", "京ICP备05070218号", "本站最佳瀏覽解析度 1024x768",  # a site's footer
])
def test_redirects_hatnotes_transcript_notes_and_a_sites_counts_are_notices(line):
    assert kinds_of("阿尔茨海默病", line, "阿尔茨海默病是一种起病隐匿、呈进行性发展的神经退行性疾病。")[1] == "notice"


def test_a_sentence_about_sharing_is_no_notice():
    assert kinds_of("标题", "他把收藏多年的照片分享给了大家。")[1] == "text"


def test_a_photo_described_or_credited_to_its_photographer_is_a_caption():
    # a CNA story's photo: what it shows, then who took it, on one line
    kinds = kinds_of(
        "長照服務法修正案三讀", "圖為立法院會21日三讀通過長期照顧服務法部分條文修正案。中央社記者張家銘攝　113年5月21日",
        "立法院會今天三讀通過長照服務法修正案，朝野立委在表決後於議場內合影。記者林建宏／攝影",
        "立法院今天三讀通過長期照顧服務法修正草案，外籍看護工的家庭也能申請喘息服務。")
    assert kinds == ["title", "caption", "caption", "text"]


def test_a_short_heading_may_quote_and_be_followed_by_a_question():
    # an interview in 人民日报: its section headings, each followed by the reporter's question
    kinds = kinds_of(
        "让老年人过上更有品质的晚年生活", "",
        "　　可以说，银发经济是一个潜力巨大的朝阳产业。", "",
        "让“老有所养”迈向“老有所乐”", "",
        "　　记者：有人担心，银发经济的“热”可能会带来一哄而上的问题。", "",
        "“是的。”", "",
        "　　记者：最后，请您展望一下银发经济的发展前景。")
    assert kinds[4] == "heading"
    assert kinds[8] == "text"  # a reply alone on its line is speech


def test_a_statutes_history_amendment_notes_contents_and_long_chapter_names_are_furniture():
    # the Criminal Law as government sites print it
    kinds = kinds_of(
        "中华人民共和国刑法",
        "（1979年7月1日第五届全国人民代表大会第二次会议通过　1997年3月14日第八届全国人民代表大会第五次会议修订　"
        "根据2020年12月26日第十三届全国人民代表大会常务委员会第二十四次会议通过的《中华人民共和国刑法修正案（十一）》修正）",
        "第一章　刑法的任务、基本原则和适用范围",
        "第十七条　已满十六周岁的人犯罪，应当负刑事责任。",
        "（根据《中华人民共和国刑法修正案（十一）》修改）",
        "（根据《中华人民共和国刑法修正案（十一）》增加）")
    assert kinds == ["title", "notice", "heading", "text", "notice", "notice"]


def test_a_bracketed_aside_on_its_own_line_stays_text():
    assert kinds_of("标题", "（他后来承认，这个决定是错误的。）")[1] == "text"


def test_the_month_closing_a_story_is_a_byline():
    kinds = kinds_of("故乡", "我想：希望是本无所谓有，无所谓无的。这正如地上的路；其实地上本没有路，走的人多了，也便成了路。",
                     "一九二一年一月。")
    assert kinds[2] == "byline"


def test_an_official_documents_responsible_units_copies_salutation_and_issue_line_are_bylines():
    # a provincial implementation plan, as government sites print it
    kinds = kinds_of(
        "江西省推动大规模设备更新和消费品以旧换新实施方案",
        "各市、县（区）人民政府，省政府各部门：",
        "　　1.加快工业领域设备更新。围绕有色金属、电子信息、装备制造、石化化工、钢铁、建材等重点行业，推进设备更新。",
        "　　责任单位：省工业和信息化厅、省发展改革委、省财政厅",
        "　　附件：江西省推动大规模设备更新和消费品以旧换新重点任务清单",
        "抄送：省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院。",
        "江西省人民政府办公厅　　　　　　　　　　　　　2024年4月19日印发")
    assert kinds == ["title", "byline", "text", "byline", "byline", "byline", "byline"]


def test_a_heading_run_into_its_paragraph_is_a_heading_and_a_statutes_item_is_not(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "实施方案\n"
        "　　（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n"
        "　　1.加快工业领域设备更新。围绕有色金属、电子信息等重点行业，推进设备更新。\n"
        "　　（三）推进重点行业设备更新改造。\n"
        # Taiwan's Patient Right to Autonomy Act: the conditions it lists are items, no headings
        "　　一、末期病人。\n"
        "　　（十）其他可能存在虚假民间借贷诉讼的情形。\n", encoding="utf-8")
    kinds = {s.text: s.kind for s in read_source(path).sentences}
    assert kinds["（一）指导思想。"] == "heading" and kinds["1.加快工业领域设备更新。"] == "heading"
    assert kinds["以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。"] == "text"
    assert kinds["（三）推进重点行业设备更新改造。"] == "heading"
    assert kinds["一、末期病人。"] == "text" and kinds["（十）其他可能存在虚假民间借贷诉讼的情形。"] == "text"


def test_a_blogs_shop_details_and_trip_costs_are_bylines_and_its_further_reading_references():
    # a Taiwan travel blog: lines opened by pictographs
    kinds = kinds_of(
        "花蓮三天兩夜自由行",
        "📍地址：花蓮縣花蓮市信義街42號", "☎電話：03-832-6761", "⏰營業時間：14:00–18:30，賣完為止",
        "🍱 餐費：大約NT$3,000",
        "外皮炸得酥酥脆脆，咬下去半熟的蛋黃流出來，真的是人間美味！",
        "📖 延伸閱讀", "▸【宜蘭美食】羅東夜市必吃10攤，在地人也愛吃")
    assert kinds == ["title", "byline", "byline", "byline", "byline", "text", "reference", "reference"]


def test_a_greeting_is_no_heading():
    kinds = kinds_of("花蓮三天兩夜自由行", "", "哈囉大家好～我是小米粒😆", "",
                     "這次趁著連假跟朋友去了一趟花蓮，三天兩夜吃好吃滿，整理了這篇行程給大家參考，希望對你們有幫助。")
    assert kinds[2] == "text"


def test_a_reports_keywords_and_numbered_figures_are_no_text(tmp_path: Path):
    # an industry report on new-energy vehicles
    kinds = kinds_of("中国新能源汽车产业发展报告（2024）", "关键词：新能源汽车；动力电池；市场渗透率；产业链；出口",
                     "图1 2019—2023年中国新能源汽车销量及渗透率", "表1 2023年中国新能源汽车分动力类型销量",
                     "图1 显示，2023年新能源汽车销量继续高速增长。")
    assert kinds == ["title", "byline", "caption", "caption", "text"]
    path = tmp_path / "report.txt"
    path.write_text("中国新能源汽车产业发展报告\n摘要：2023年，中国新能源汽车产业继续保持高速增长。\n", encoding="utf-8")
    assert read_source(path).sentences[1].text == "2023年，中国新能源汽车产业继续保持高速增长。"


def test_a_research_notes_sections_and_earlier_reports_are_no_text():
    # an industry report on energy storage, as a PDF's copy gives it
    kinds = kinds_of("储能行业深度报告", "相关研究",
                     "2.《钠离子电池专题：从实验室走向储能电站》2025-06-03",
                     "三、经济性：价差扩大叠加成本下行，独立储能IRR分化",
                     "（一）取消强制配储，需求逻辑根本转变",
                     "（二）容量补偿机制：各省探索，路径分化",
                     "短期看，配储需求退坡对部分集成商订单形成扰动；",
                     "（一）向境外提供个人信息的，应当取得个人的单独同意；")
    assert kinds[2] == "link"
    assert kinds[3:6] == ["heading"] * 3
    assert kinds[6:] == ["text", "text"]


def test_a_research_notes_stock_picks_are_no_sentences_of_its_text(tmp_path: Path):
    path = tmp_path / "storage.txt"
    path.write_text("储能行业深度报告\n\n■ 投资建议：维持行业“推荐”评级。建议关注：1）储能系统集成及PCS龙头：阳光电源（300274.SZ）、"
                    "海博思创（688411.SH）；2）储能电芯：宁德时代（300750.SZ）、亿纬锂能（300014.SZ）；"
                    "3）独立储能及抽水蓄能运营商：南网储能（600995.SH）。\n\n"
                    "2025年4月，宁德时代（300750.SZ）发布钠离子电池品牌。\n", encoding="utf-8")
    text = [s.text for s in read_source(path).sentences if s.kind == "text"]
    assert text == ["投资建议：维持行业“推荐”评级。", "2025年4月，宁德时代（300750.SZ）发布钠离子电池品牌。"], text


def test_a_storys_author_line_source_note_and_author_bio_are_no_text():
    # a 1990s-style story of a factory's layoffs, as a magazine's site prints it
    kinds = kinds_of("工　龄", "", "贾秋生", "", "　　题记：那些年，厂里的大烟囱还冒着烟，人心里已经不冒热气了。", "",
                     "　　（原载《北岸文学》1998年第4期，收入作者小说集《厂区的黄昏》。本文为节选。）", "",
                     "　　老韩知道自己要被“买断”，是在腊月初八那天早上。", "",
                     "【作者简介】贾秋生，1957年生，北方某市人。当过车工、仓库保管员、厂报编辑。")
    assert [kinds[i] for i in (2, 6, 10)] == ["byline"] * 3, kinds
    assert kinds[4] == kinds[8] == "text"
    # ... and so are a bio's heading alone and a closing note of where the story first appeared
    kinds = kinds_of("店仔頭", "", "阿嬤坐在店仔頭的長椅上。", "", "作者簡介", "黃以琛，1991年生，屏東東港人。",
                     "本文原載於《聯合文學》2025年1月號，經作者同意轉載。")
    assert kinds[4:] == ["byline"] * 3, kinds
    # ... a name no dictionary knows, not a word: 故乡 under its title is text
    assert kinds_of("故乡", "", "故乡", "", "我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。")[2] != "byline"


def test_a_tables_rows_copied_with_tabs_are_no_sentences(tmp_path: Path):
    # a Taiwan ministry's plan: its KPI table as copied from the page, cells apart by tabs
    path = tmp_path / "plan.txt"
    path.write_text("中小企業數位轉型與人才培育推動計畫\n\n表1　分年關鍵績效指標\n"
                    "績效指標\t113年基準值\t114年\t115年\t116年\t117年\n"
                    "中小企業數位工具導入家數（累計）\t5.2萬家\t7萬家\t10萬家\t13萬家\t16萬家\n"
                    "數位人才培訓人次（累計）\t－\t2.5萬\t5.5萬\t8.5萬\t12萬\n\n"
                    "預計至117年累計協助16萬家中小企業導入數位工具。\n", encoding="utf-8")
    source = read_source(path)
    assert [s.text for s in source.sentences if s.kind == "text"] == ["預計至117年累計協助16萬家中小企業導入數位工具。"]
    assert "\t" not in source.text  # the text itself has spaces for tabs, as before


def test_a_government_sites_details_of_a_document_are_no_text_and_its_title_follows_them():
    # a ministries' notice as the State Council's policy library prints it
    kinds = kinds_of("首页 > 政策 > 政策文件库 > 国务院部门文件", "", "索 引 号：000014349/2025-00213",
                     "主题分类：工业、交通\\其他", "发文机关：工业和信息化部 国家发展改革委 教育部",
                     "成文日期：2025年06月18日", "发文字号：工信部联科〔2025〕112号", "",
                     "工业和信息化部等七部门关于印发《具身智能产业创新发展行动方案（2025—2027年）》的通知",
                     "现将《具身智能产业创新发展行动方案（2025—2027年）》印发给你们，请结合实际，认真贯彻落实。")
    assert kinds[2:7] == ["byline"] * 5, kinds
    assert kinds[8:] == ["title", "text"], kinds


def test_a_pages_files_to_download_are_links():
    # a Taiwan ministry's plan page: its attachments under 附件下載
    kinds = kinds_of("中小企業數位轉型與人才培育推動計畫", "附件下載",
                     "附件1　中小企業數位轉型與人才培育推動計畫（核定本）.pdf　（2.31MB）",
                     "附件3　中小企業數位成熟度評估指標.pdf　（684KB）", "附件4　計畫簡報－114年3月記者會.pdf　（5.02MB）",
                     "相關連結", "本計畫業經行政院核定，計畫本文及附件請至頁面下方「附件下載」區取得。")
    assert kinds[2:5] == ["link"] * 3 and kinds[1] != "text" and kinds[-1] == "text", kinds


def test_numbered_lines_that_introduce_what_follows_are_headings():
    # a Taiwan court's judgment; a science post's numbered sections, one a question
    kinds = kinds_of("臺灣臺北地方法院民事判決", "三、兩造不爭執事項（見本院卷第212頁至第213頁，並依判決格式修正或刪減文字）：",
                     "㈠系爭契約為定型化契約，應有消保法及系爭應記載事項之適用：",
                     "⒉查系爭契約均係被告預先印製之制式文件，為兩造所不爭執，核屬定型化契約。",
                     "01 先搞懂：mRNA是个什么“信使”？")
    assert kinds[1:] == ["heading", "heading", "text", "heading"], kinds


def test_a_news_pages_tags_are_no_text():
    # a financial paper's feature on car exports, its tags under the article
    kinds = kinds_of("欧盟反补贴税落地百日：中国电动车出海“换挡”",
                     "从2023年10月欧方立案调查算起，这场贸易摩擦已持续一年有余。",
                     "标签：新能源汽车　反补贴税　欧盟　比亚迪　上汽　出海", "相關標籤：颱風　氣象")
    assert kinds[:2] == ["title", "text"]
    assert kinds[2] != "text" and kinds[3] != "text"


def test_an_encyclopedias_contents_buttons_and_synonym_line_are_notices(tmp_path: Path):
    # a Baidu Baike entry as copied from its page
    kinds = kinds_of(
        "钙钛矿太阳能电池", "同义词 钙钛矿电池一般指钙钛矿太阳能电池",
        "钙钛矿太阳能电池是利用钙钛矿型的有机金属卤化物半导体作为吸光材料的太阳能电池，属于第三代太阳能电池。",
        "目录", "1 发展历程", "2 基本原理", "2.1 晶体结构",
        "1 发展历程", "编辑",
        "钙钛矿最初是指一种由钛酸钙组成的矿物，1839年由德国矿物学家古斯塔夫·罗斯在乌拉尔山脉发现。")
    assert kinds == ["title", "notice", "text", "notice", "notice", "notice", "notice", "heading", "notice", "text"]
    path = tmp_path / "baike.txt"
    path.write_text("钙钛矿\n不过，材料的长期稳定性仍是产业化的主要障碍。[2-3]\n", encoding="utf-8")
    assert read_source(path).sentences[-1].text == "不过，材料的长期稳定性仍是产业化的主要障碍。"


def test_contents_that_list_the_references_start_no_references_and_unnumbered_sections_follow():
    # a Traditional-Chinese Wikipedia biography: its contents list 參見 and 參考文獻, and the
    # sections below carry no numbers; 生平 heads 早年, which heads a paragraph
    kinds = kinds_of(
        "鄭成功", "鄭成功（1624年8月27日—1662年6月23日），明末清初軍事人物，永曆十五年（1661年）率軍渡海攻打荷蘭東印度公司。",
        "目錄", "1 生平", "1.1 早年", "2 參見", "3 參考文獻", "",
        "生平", "早年",
        "鄭成功之父鄭芝龍為閩南海商，早年往來於日本與臺灣之間，後受明朝招撫，官至總兵。天啟四年，鄭成功生於平戶。",
        "參見", "臺灣歷史")
    assert kinds == ["title", "text", "notice", "notice", "notice", "notice", "notice", "text",
                     "heading", "heading", "text", "reference", "reference"]


def test_a_poets_name_between_dots_is_a_byline():
    assert kinds_of("故乡", "·鲁迅·", "我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。") == ["title", "byline", "text"]


def test_captions_and_their_credits_are_no_text():
    kinds = kinds_of(
        "一次看懂兩會最夯「新質生產力」",
        "▲華為在Mate60助攻下，在中國市場擠下蘋果，成為高階手機霸主，年初市占一度奪冠。",
        "圖／法新社",
        "法新社",
        # a map's caption, crediting the weather agency's site (after a Liberty Times report)
        "24小時雨量預測。（取自中央氣象署官網）",
        "今午後風力預測。（示意圖／氣象署）",
        # a sentence that ends in a bracket is still text
        "颱風暴風半徑內平均風力可達7級以上（約每秒14公尺）",
    )
    assert kinds[1:] == ["caption", "caption", "byline", "caption", "caption", "text"]


def test_numbered_section_names_are_headings():
    kinds = kinds_of("地质学", "1 地质学的时间", "1.2 地质年代比例", "（二）总体思路。", "第 3 條", "一、中国正面临三个关键转折点")
    assert kinds == ["title", "heading", "heading", "heading", "heading", "heading"]
    # a Taiwan enforcement rule's articles added between others, before a line ending in a colon
    kinds = kinds_of("勞動基準法施行細則", "第 7-2 條", "本法第九條之一第一項第三款所為之約定未逾合理範疇，應符合下列規定：",
                     "一、競業禁止之期間，不得逾越雇主欲保護之營業秘密或技術資訊之生命週期，且最長不得逾二年。")
    assert kinds[1] == "heading", kinds
    # ... and a judgment's dates in the Republic's years, spread out as the court prints them
    kinds = kinds_of("臺灣臺北地方法院刑事判決", "本案經檢察官吳建宏提起公訴，檢察官李宛蓉到庭執行職務。",
                     "中  華  民  國  112  年  9   月  14  日", "以上正本證明與原本無異。")
    assert kinds[2] == "byline", kinds


def test_a_short_line_opened_by_a_bracketed_name_is_a_heading():
    # a newspaper's reader essays, each under its own heading; a blog's post titles
    kinds = kinds_of("排隊美食", "〈人情味好味〉只吃在地味 隊就讓別人排", "文／Marine（台南市）",
                     "北漂後回故鄉府城的中年女子，上大學後才知道台南人要有喝牛肉湯當早餐的習慣。",
                     "【新竹】一口200元的肋眼牛排", "【編按】這是讀者投書，不代表本報立場。")
    assert kinds == ["title", "heading", "byline", "text", "heading", "text"]


def test_the_number_an_official_document_is_issued_under_is_no_text():
    kinds = kinds_of("省人民政府關于", "進一步優化營商環境的若干意見", "鄂政發〔2018〕26號",
                     "各市、州、縣人民政府,省政府各部門:", "国发〔2023〕16号", "湘政办发〔2009〕24号")
    assert kinds[2] == kinds[4] == kinds[5] == "byline"
    assert kinds[3] == "byline"  # the salutation: whom the document is sent to, no sentence of it


def test_rows_of_a_table_are_no_text_but_a_paragraph_ending_in_credits_is():
    kinds = kinds_of(
        "維基百科是維基媒體基金會運營的一個多語言的網絡百科全書,並以建立和維護作為開放式協同合作專案。",
        "網站類型 | 網絡百科全書 |",
        "註冊 | 可選(但編輯受到保護的頁面等操作需要登入帳戶) |",
        "繁體字 | 維基百科 | ||||||||||||||||||||||||||||||||||||",
        "米磊:人形机器人的最先应用的场景大概率是工业上,因为相对于日常生活来说,工业场景较为固定和单一。"
        "人形机器人就可以进到车里,完成一些复杂的装配工作。排版 | 沈望望编辑 | 正风 轮值主编 | 夏昆",
    )
    assert kinds == ["text", "list item", "list item", "list item", "text"]


def test_a_news_sites_credits_and_captions_are_no_text():
    kinds = kinds_of(
        "政院催審總預算 盼6日付委國會辯論",
        "台灣醒報／ 記者呂翔禾╱台北報導",
        "行政院5日再次呼籲國會，儘速審議今年總預算。（Photo by 呂翔禾／台灣醒報）",
        "【台灣醒報記者呂翔禾台北報導】",
        "「國會就是總預算辯論的最好平台，盼立法院儘速審議總預算！」行政院發言人針對近日的說法補充說，國會就是最好的平台。",
    )
    assert kinds == ["title", "byline", "caption", "byline", "text"]


# A broker's research report on energy storage, as its PDF copies out.
REPORT = (
    "储能行业深度报告：大储需求高增，产业链价格企稳",
    "2024年05月20日",
    "投资评级：增持（维持）",
    "分析师：张明远　执业证书编号：S0570522080001",
    "● 全球储能装机持续高增长。据CNESA统计，2023年全球新增投运新型储能装机规模达45.6GW，同比增长130%。",
    "● 电芯价格触底",
    "图表1：2019—2023年全球新型储能新增装机规模（GW）",
    "资料来源：CNESA，华泰研究",
    "新型储能是指除抽水蓄能以外的储能技术，主要包括锂离子电池储能、压缩空气储能、液流电池储能、飞轮储能等。",
    "免责声明：本报告仅供华泰证券股份有限公司客户参考。本报告中的信息均来源于公开资料，本公司对这些信息的准确性及完整性不作任何保证。",
)


def test_a_reports_date_rating_analysts_figures_sources_and_disclaimer_are_no_text_but_its_bullets_are():
    kinds = kinds_of(*REPORT)
    assert kinds == ["title", "byline", "byline", "byline", "text", "list item", "caption", "byline", "text", "notice"]


def test_a_bullet_mark_is_no_part_of_the_sentence(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(REPORT), "utf-8")
    texts = [s.text for s in read_source(path).sentences if s.kind == "text"]
    assert texts[0] == "全球储能装机持续高增长。", texts


@pytest.mark.parametrize("line", [
    "2025/08/23 09:12", "2024年5月20日 星期一", "二〇二三年九月十八日", "2024-05-20",
    "（2023）京0105民初12345号",  # a court's case number
])
def test_a_date_or_a_case_number_alone_is_a_byline(line):
    assert kinds_of("民事判决书", line, "原告与被告房屋租赁合同纠纷一案，本院于2023年6月5日立案后，依法适用简易程序。")[1] == "byline"


def test_a_date_among_a_laws_closing_signatures_keeps_them_a_list():
    # 国家通用语言文字法 as a site of laws prints its promulgation: the signatures around the
    # date are a list, not running text
    kinds = kinds_of("第二十八条 本法自2001年1月1日起施行。", "", "中华人民共和国主席 江泽民", "2000年10月31日",
                     "", "", "中华人民共和国国家通用语言文字法")
    assert kinds[2:4] == ["list item", "byline"] and kinds[6] == "list item", kinds


def test_a_blogs_line_of_tags_is_no_text():
    kinds = kinds_of("【台南美食】府城必吃的牛肉湯！", "整體來說，這家牛肉湯CP值很高，雖然要排隊，但絕對值得！",
                     "#台南美食 #牛肉湯 #台南早餐 #府城小吃")
    assert kinds[1:] == ["text", "link"]


@pytest.mark.parametrize("line, first", [
    ("新华社上海1月1日电（记者王辰阳、贾远琨）1日下午，我国首艘国产大型邮轮从上海出发。", "1日下午，"),
    ("（中央社記者王承中台北20日電）行政院今天通過明年度總預算案。", "行政院今天"),
    ("本报讯（记者 李四）昨日，市政府召开会议，部署防汛工作。", "昨日，"),
    ("【明報專訊】行政長官李家超昨日在立法會發表任內第三份《施政報告》。", "行政長官"),
    # no agency and no reporter: the story's own words
    ("他在5月20日电话里说，明天再来。", "他在5月20日电话"),
    ("5月20日电视台播出了这期节目。", "5月20日电视台"),
    ("电台讯号不好，我们改天再谈。", "电台讯号"),
])
def test_a_news_agencys_dateline_is_no_part_of_the_first_sentence(tmp_path: Path, line, first):
    path = tmp_path / "news.txt"
    path.write_text("我国首艘大型邮轮完成首航\n\n" + line + "\n\n【纠错】 【责任编辑：张樵苏】\n", "utf-8")
    sentences = read_source(path).sentences
    assert sentences[1].text.startswith(first), sentences[1].text
    assert sentences[-1].kind == "byline"


# 老舍, 茶馆 (1957), the first act's opening: each line opens with its speaker's name and
# wide spaces, a stage direction in brackets before some speeches.
TEAHOUSE = (
    "茶馆（节选）",
    "王利发　（向唐铁嘴）唐先生，你外边遛遛吧！",
    "唐铁嘴　（惨笑）王掌柜，捧捧我吧！送给我碗茶喝，我就先给您相相面吧！手相奉送，不取分文！",
    "王利发　免了吧！我告诉你，你要是不戒了大烟，就永远交不了好运！这是我的相法，比你的更灵验！",
    "松二爷　这年月呀，谁活着谁死了都不知道，还讲究什么大烟不大烟的！",
    "刘麻子　（向康六）康六，你也得算计算计！谁肯出十两银子买你的闺女呢？",
    "康六　　刘爷！十五岁的大姑娘，就值十两银子吗？",
    "刘麻子　卖到窑子去，也许多拿一两八钱的，可是你又不肯！",
)


def test_a_plays_speakers_and_stage_directions_are_no_part_of_the_speech(tmp_path: Path):
    path = tmp_path / "teahouse.txt"
    path.write_text("\n".join(TEAHOUSE), "utf-8")
    source = read_source(path)
    assert source.speakers == {"王利发", "唐铁嘴", "松二爷", "刘麻子", "康六"}
    texts = [s.text for s in source.sentences if s.kind == "text"]
    assert texts[:3] == ["唐先生，你外边遛遛吧！", "王掌柜，捧捧我吧！", "送给我碗茶喝，我就先给您相相面吧！"], texts
    terms = {t.simplified for t in mine([source], MiningOptions(top=60))}
    assert {"大烟", "窑子"} <= terms, sorted(terms)
    # the speakers and a given name the text uses alone (铁嘴 of 唐铁嘴) are people
    assert not terms & {"王利发", "松二爷", "刘麻子", "康六", "铁嘴", "唐铁嘴"}, sorted(terms)


def test_verse_laid_out_with_a_wide_space_is_no_play(tmp_path: Path):
    # 诗经·关雎, its half-lines parted by a wide space: the first halves recur, but no
    # speech follows them
    path = tmp_path / "guanju.txt"
    path.write_text("关雎\n关关雎鸠　在河之洲\n窈窕淑女　君子好逑\n参差荇菜　左右流之\n窈窕淑女　寤寐求之\n"
                    "求之不得　寤寐思服\n", "utf-8")
    source = read_source(path)
    assert not source.speakers
    assert any(s.text.startswith("窈窕淑女") for s in source.sentences)


def test_a_headline_with_a_wide_space_is_no_play(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("台積電　營收創新高\n台積電今天公布上月營收，年增百分之四十。\n法人　看好第四季\n", "utf-8")
    source = read_source(path)
    assert not source.speakers
    assert source.sentences[0].text.startswith("台積電")


def test_numbered_articles_and_clauses_of_a_law_are_text():
    kinds = kinds_of(
        "最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
        "第九条 自然人之间的借款合同具有下列情形之一的，可以视为合同成立：",
        "（六）违背公序良俗的。",
        "一、末期病人：指罹患嚴重傷病，經醫師診斷認為不可治癒，且有醫學上之證據，近期內病程進行至死亡已不可避免者。",
    )
    assert kinds == ["title", "text", "text", "text"]


def test_a_reference_section_runs_to_the_next_heading():
    kinds = kinds_of("地质学", "5 参考文献", "地球科学", "地质学史", "6 历史", "地质学在18世纪开始成为一门独立的科学。")
    assert kinds == ["title", "reference", "reference", "reference", "heading", "text"]


def test_a_numbered_reference_sections_own_sub_headings_stay_inside_it():
    kinds = kinds_of("地质学", "5 参考文献", "5.1 引用", "5.2 来源", "网站", "中国地质大学 课件资源网",
                     "6 历史", "地质学在18世纪开始成为一门独立的科学。")
    assert kinds == ["title", "reference", "reference", "reference", "reference", "reference", "heading", "text"]


def test_english_link_texts_and_runs_of_bare_names_are_no_text():
    kinds = kinds_of("地质学", "矿物学", "岩石学", "Geological history of Earth", "地球化学",
                     "地质学史上有三场著名的争论。")
    assert kinds == ["title", "list item", "list item", "link", "list item", "text"]


def test_the_english_paragraphs_of_a_bilingual_article_are_no_text(tmp_path: Path):
    # A bilingual news page: each Chinese paragraph followed by its English translation.
    path = tmp_path / "press.txt"
    path.write_text(
        "國家發展改革委副主任首先用一系列數字，展現過去十年我國經濟社會發展。\n"
        "China has seen a historic rise in its economic strength in the past decade.\n"
        "中外記者提出了一系列問題。彭博新聞社記者發問，中國政府將如何減少對鐵礦石和原油的依賴？\n"
        "Officials briefed journalists on how the Communist Party of China (CPC) would proceed.\n"
        "Is it?\n", "utf-8")
    source = read_source(path)
    assert [s.kind for s in source.sentences if not has_han(s.text)] == ["other language"] * 3
    terms = mine([source], MiningOptions(level=4))
    assert {"鐵礦石", "原油"} <= {t.text for t in terms}
    assert not {t.text for t in terms} & {"China", "CPC"}
    assert all(has_han(o.sentence.text) for t in terms for o in t.occurrences)



def test_a_sites_breadcrumbs_page_details_and_download_link_come_before_the_title():
    # 中华人民共和国国家通用语言文字法 as a site of laws prints it
    kinds = kinds_of(
        "您的位置: 首页 » 法律资料网 » 法律法规 »",
        "中华人民共和国国家通用语言文字法",
        "时间:2024-04-29 19:28:23 来源: 法律资料网 作者:法律资料网 阅读:9237",
        "下载地址: 点击此处下载",
        "第三条 国家推广普通话，推行规范汉字。",
    )
    assert kinds == ["notice", "title", "byline", "notice", "text"]
    # a policy document's page: its date and source on the first line
    assert kinds_of("发布时间:2024-11-01 21:09:52 来源: sp20241101", "国务院关于推动内蒙古高质量发展")[:2] == [
        "byline", "title"]
    # a press release's date, source and contact lines (Taiwan's Executive Yuan)
    kinds = kinds_of("行政院會通過「氣候變遷因應法」部分條文修正草案", "發布日期：113-12-19", "資料來源：環境部",
                     "行政院今（19）日召開院會，通過環境部擬具的「氣候變遷因應法」部分條文修正草案，將送請立法院審議。",
                     "新聞聯絡人：王小明 科長", "聯絡電話：02-2311-7722 分機 2101")
    assert kinds == ["title", "byline", "byline", "text", "byline", "byline"], kinds
    # one label is no page's details: 来源 of a sentence that names a source
    assert kinds_of("經濟", "來源：主計總處的資料顯示，今年經濟成長率將達百分之三，創下新高。")[1] == "text"


def test_a_social_media_posts_byline_calls_to_follow_and_more_articles_are_no_text():
    # a WeChat account's article as copied from the app
    kinds = kinds_of(
        "年轻人为什么爱上了“特种兵式旅游”？",
        "原创 小鹿 鹿鸣财经 2023-05-06 08:00 发表于北京",
        "点击上方蓝字关注我们",
        "五一假期刚刚结束，“特种兵式旅游”又一次冲上了热搜。",
        "往期推荐",
        "▶ 2023年，年轻人还愿意存钱吗？",
        "长按识别二维码关注我们",
        "阅读原文",
    )
    assert kinds == ["title", "byline", "notice", "text", "reference", "reference", "reference", "reference"]
    # a sentence that happens to start with the word is text
    assert kinds_of("标题", "原创音乐人越来越难以靠作品谋生，平台的分成比例太低，这是许多独立音乐人共同的感受。")[1] == "text"


def test_a_copyright_notice_is_no_text():
    # the footer a Zhihu answer is copied with, and a book's
    kinds = kinds_of(
        "为什么年轻人越来越不爱存钱了？",
        "其实不是年轻人不爱存钱，而是存不下钱。房租、通勤、社交，每一项都是刚性支出。",
        "作者：理财小白",
        "来源：知乎",
        "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。",
        "版权所有，翻印必究",
    )
    assert kinds[1] == "text" and kinds[-2:] == ["notice", "notice"], kinds
    # a long paragraph about copyright is the text's own
    assert kinds_of("著作权", "著作权归作者所有是著作权法的基本原则，但职务作品、委托作品和合作作品的著作权归属"
                    "另有规定，当事人可以通过合同约定著作权的归属，法律另有规定的除外。")[1] == "text"


def test_a_wikis_navigation_and_notices_are_no_text(tmp_path: Path):
    # Wikipedia's 通货膨胀 copied whole from the page: its motto, the skip links and the
    # notice asking for sources come before the article
    path = tmp_path / "inflation.txt"
    path.write_text(
        "通货膨胀\n"
        "维基百科，自由的百科全书\n"
        "跳到导航\n"
        "跳到搜索\n"
        "此條目需要补充更多来源。（2010年9月21日）\n"
        "请协助補充多方面可靠来源以改善这篇条目，无法查证的内容可能會因為异议提出而移除。\n"
        "致使用者：请搜索一下条目的标题（来源搜索：\"通货膨胀\"—网页、新闻、书籍、学术、图像），"
        "以检查网络上是否存在该主题的更多可靠来源（判定指引）。\n"
        "通货膨胀（英語：inflation，简称通膨）本意为货币流通数量增加，但也指整體物价水準持續上漲，"
        "人们的購買力下降的經濟現象。\n", "utf-8")
    source = read_source(path)
    kinds = [s.kind for s in source.sentences]
    assert kinds[1:6] == ["notice"] * 5 and kinds[-1] == "text", kinds
    # a mirror of the page that runs its lines together keeps them notices
    assert kinds_of("通货膨胀", "因為不同物價影響不同人 ... 通货膨胀 维基百科,自由的百科全书 跳到导航 跳到搜索 此條目需要补充更多来源。",
                    "(2010年9月21日)请协助補充多方面可靠来源以改善这篇条目,无法查证的内容可能會因為异议提出而移除。")[1:] == [
        "notice", "notice"]
    # Baidu Baike's line after an article: its picture albums
    assert kinds_of("光合作用", "1779年，荷兰科学家英格豪斯证明，植物只有在光照下才能更新空气。", "词条图册 更多图册")[2] == "notice"
    terms = {t.text for t in mine([source], MiningOptions(level=4))}
    assert "購買力" in terms
    assert not terms & {"可靠来源", "条目", "查证", "移除", "搜索", "维基百科"}, terms

def test_an_unnumbered_section_name_before_its_paragraph_is_a_heading():
    # Business Weekly 1896: a sub-heading between a related-article line and a paragraph
    kinds = kinds_of(
        "一次看懂兩會最夯「新質生產力」",
        "AI晶片業高度內捲》",
        "官方刺激需求 開闢新賽道",
        "中國其他AI晶片製造商也在摩拳擦掌,例如去年下半年海光信息技術推出深算二號,以及GPU新創公司摩爾線程的MTT S4000。",
    )
    assert kinds == ["title", "text", "heading", "text"]
    # ... but not the last of a list of names, nor a short line inside a paragraph's run
    kinds = kinds_of("地质学", "矿物学", "岩石学", "地球化学",
                     "地质学在18世纪开始成为一门独立的科学，研究地球的物质组成、内部构造、外部特征。")
    assert kinds == ["title", "list item", "list item", "list item", "text"]
    # a text wrapped by hand (Lu Xun, 故乡): a short line in the middle of a sentence
    kinds = kinds_of("故乡", "我所记得的故乡全不如此。我的故乡好得多了。但要我记起他的美丽，说出他的佳处来，却又没有",
                     "影像没有言辞了",
                     "。仿佛也就如此。于是我自己解释说：故乡本也如此，——虽然没有进步，也未必有如我所感的悲凉。")
    assert kinds == ["title", "text", "text", "text"]


def test_short_lines_of_dialogue_stay_text():
    kinds = kinds_of("故乡", "“管贼么？”", "“他不咬人么？”", "“船呢？”", "我愕然了。")
    assert kinds == ["title", "text", "text", "text", "text"]


def test_read_source_puts_the_kind_on_each_sentence(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("一次看懂兩會最夯「新質生產力」\n文/曹博凱\n▲華為在Mate60助攻下，成為高階手機霸主。\n"
                    "新質生產力是今年兩會的熱詞。\n", "utf-8")
    kinds = [(s.text[:4], s.kind) for s in read_source(path).sentences]
    assert kinds == [("一次看懂", "title"), ("文/曹博", "byline"), ("▲華為在", "caption"), ("新質生產", "text")]


# --- what mining makes of structure ---------------------------------------------------------


LENDING = (
    "最高人民法院关于审理民间借贷案件适用法律若干问题的规定\n"
    "（二）总体思路。\n"
    "▲借款人向出借人出具借据、收据、欠条等债权凭证。\n"
    "出借人向人民法院提起民间借贷诉讼时，应当提供借据、收据、欠条等债权凭证。\n"
    "当事人持有的借据、收据、欠条等债权凭证没有载明债权人，持有债权凭证的当事人提起民间借贷诉讼的，人民法院应当受理。\n"
    "借贷双方对逾期利率有约定的，从其约定。\n"
    "民间借贷合同的借款人以借款为名义骗取财物，人民法院应当认定民间借贷合同无效。\n"
    "5 参考文献\n"
    "民间借贷纠纷案件审理指南\n"
)


def test_captions_headings_and_references_are_never_examples(tmp_path: Path):
    path = tmp_path / "lending.txt"
    path.write_text(LENDING, "utf-8")
    terms = mine([read_source(path)], MiningOptions(level=4))
    assert terms
    kinds = {o.sentence.kind for t in terms for o in t.occurrences}
    assert kinds == {"text"}
    texts = {o.sentence.text for t in terms for o in t.occurrences}
    assert not any(text.startswith(("▲", "（二）", "5 参考", "民间借贷纠纷案件审理指南")) for text in texts)
    assert "参考文献" not in {t.text for t in terms}


def test_a_title_word_ranks_higher_with_its_reason(tmp_path: Path):
    titled, untitled = tmp_path / "titled.txt", tmp_path / "untitled.txt"
    titled.write_text(LENDING, "utf-8")
    untitled.write_text("借贷\n" + LENDING.split("\n", 1)[1], "utf-8")

    def court(path: Path):
        return next(t for t in mine([read_source(path)], MiningOptions(level=4, top=100)) if t.text == "人民法院")

    assert "in the title" in court(titled).why
    assert "in the title" not in court(untitled).why
    assert court(titled).score > court(untitled).score


def test_a_salient_single_character_of_the_title_is_a_term(tmp_path: Path):
    path = tmp_path / "blog.txt"
    path.write_text(
        "戒掉手机瘾\n"
        "我曾经有很严重的瘾，每天醒来第一件事就是看手机。\n"
        "这种瘾不是一天养成的，戒掉它也不是一天的事。\n"
        "后来我发现，瘾的背后往往是无聊和焦虑。\n"
        "朋友说我的瘾比他的还重。\n", "utf-8")
    terms = mine([read_source(path)], MiningOptions(level=4))
    assert "瘾" in {t.text for t in terms}


def test_a_single_character_not_in_the_title_is_no_term(tmp_path: Path):
    path = tmp_path / "blog.txt"
    path.write_text(
        "戒掉手机\n"
        "我曾经有很严重的瘾，每天醒来第一件事就是看手机。\n"
        "这种瘾不是一天养成的，戒掉它也不是一天的事。\n"
        "后来我发现，瘾的背后往往是无聊和焦虑。\n"
        "朋友说我的瘾比他的还重。\n", "utf-8")
    terms = mine([read_source(path)], MiningOptions(level=4))
    assert "瘾" not in {t.text for t in terms}


# --- boundaries -------------------------------------------------------------------------------


GUXIANG = [
    "我的母亲和宏儿都睡着了。",
    "母亲和宏儿都下船了，我却还站在船头。",
    "第二日清早晨我到了我家的门口了，母亲和宏儿早迎着出来了。",
    "母亲和宏儿也走出来，在门口望着。",
    "宏儿和我靠着船窗，同看外面模糊的风景。",
    "母亲站起身，出去了。",
]


# Other sentences of 故乡: a text around the phrases, as discovery sees in any real article.
FILLER = [
    "我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。",
    "阿！这不是我二十年来时时记得的故乡？",
    "我们沙地里，潮汛要来的时候，就有许多跳鱼儿只是跳，都有青蛙似的两个脚。",
    "哈！这模样了！胡子这么长了！一种尖利的怪声突然大叫起来。",
    "不认识了么？我还抱过你咧！",
    "忘了？这真是贵人眼高。",
    "那有这事，我惶恐着，站起来说。",
    "我并没有阔哩。我须卖了这些，再去。",
    "我知道无话可说了，便闭了口，默默的站着。",
    "我这时很兴奋，但不知道怎么说才好，只是说。",
]


def discovered(lines: list[str], **predicates) -> set[str]:
    """Compounds discovery finds in the real sentences, with mining's edge tests."""
    from deckgen.mining import discovery
    from deckgen.mining.analysis import _runs
    from deckgen.mining.words import _can_end, _can_inside, _can_start_given_evidence, _merge_latin

    runs = [run for line in [*lines, *FILLER] for _, run in _runs(_merge_latin(segmenter().words_of(line)))]
    cuts = discovery.count_cuts(runs)
    grams, cut_texts = discovery.texts(cuts)
    tests = dict(can_start=_can_start_given_evidence, can_end=_can_end, can_inside=_can_inside)
    tests.update(predicates)
    return set(discovery.discover(runs, grams, list(cuts), cut_texts, **tests))


@pytest.mark.parametrize("lines, phrase", [(GUXIANG, "母亲和宏儿")])
def test_no_conjunction_inside_a_term(lines, phrase):
    # The phrase recurs and sticks together: only the rule about what may stand inside keeps it out.
    assert any(phrase in found for found in discovered(lines, can_inside=lambda token: True))
    assert not any(phrase in found for found in discovered(lines))


def test_formal_and_stays_inside_a_legal_term():
    from deckgen.mining.words import _can_inside

    assert _can_inside("及") and _can_inside("与")
    assert not _can_inside("和") and not _can_inside("对") and not _can_inside("或")


def test_an_adverb_glued_to_shi_does_not_start_a_term(tmp_path: Path):
    path = tmp_path / "guxiang.txt"
    lines = ["这来的便是闰土。", "我知道这便是闰土了。", "这便是闰土，虽然我一见便知道。", "他便是闰土的儿子。"]
    path.write_text("故乡\n" + "\n".join(lines) + "\n", "utf-8")
    texts = {t.text for t in mine([read_source(path)], MiningOptions(level=0))}
    assert "便是闰土" not in texts


# --- deck size ---------------------------------------------------------------------------------


def test_deck_size_grows_sub_linearly_within_the_range_for_an_article():
    assert 30 <= deck_size(2_500) <= 100
    assert 30 <= deck_size(5_000) <= 100
    assert deck_size(5_000) > deck_size(2_500)
    assert deck_size(1_000_000) < 100 * deck_size(10_000) / 10


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_an_unset_max_terms_takes_the_size_from_the_text():
    path = SEEDS / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt"
    source = read_source(path)
    terms = mine([source], MiningOptions(level=4))
    characters = sum(len(s.text) for s in source.sentences if s.kind == "text")
    assert 30 <= len(terms) <= deck_size(characters)
    assert len(mine([source], MiningOptions(level=4, top=10))) == 10
    assert len(mine([source], MiningOptions(level=4, top=1000))) > len(terms)


def test_the_starter_deck_file_leaves_max_terms_unset(tmp_path: Path):
    (tmp_path / "a.txt").write_text("新质生产力是今年两会的热词。\n", "utf-8")
    deck_path = tmp_path / "a.toml"
    deck_path.write_text(deckfile.starter_deck_file([tmp_path / "a.txt"], deck_path, "A"), "utf-8")
    assert deckfile.load_deck_file(deck_path).max_terms is None


def test_max_terms_must_still_be_positive(tmp_path: Path):
    (tmp_path / "a.txt").write_text("新质生产力是今年两会的热词。\n", "utf-8")
    deck_path = tmp_path / "a.toml"
    deck_path.write_text('sources = ["a.txt"]\nmax_terms = 0\n', "utf-8")
    with pytest.raises(DeckgenError, match="max_terms"):
        deckfile.load_deck_file(deck_path)


# 最高人民法院关于审理民间借贷案件适用法律若干问题的规定 (2020), articles 2, 4, 8, 12, 24, 25.
LENDING_ARTICLES = [
    "第二条 出借人向人民法院提起民间借贷诉讼时，应当提供借据、收据、欠条等债权凭证以及其他能够证明借贷法律关系存在的证据。",
    "第四条 保证人为借款人提供连带责任保证，出借人仅起诉借款人的，人民法院可以不追加保证人为共同被告；"
    "出借人仅起诉保证人的，人民法院可以追加借款人为共同被告。",
    "保证人为借款人提供一般保证，出借人仅起诉保证人的，人民法院应当追加借款人为共同被告；"
    "出借人仅起诉借款人的，人民法院可以不追加保证人为共同被告。",
    "第八条 借款人涉嫌犯罪或者生效判决认定其有罪，出借人起诉请求担保人承担民事责任的，人民法院应予受理。",
    "第十二条 借款人或者出借人的借贷行为涉嫌犯罪，或者已经生效的裁判认定构成犯罪，当事人提起民事诉讼的，民间借贷合同并不当然无效。",
    "第二十四条 借贷双方没有约定利息，出借人主张支付利息的，人民法院不予支持。",
    "自然人之间借贷对利息约定不明，出借人主张支付利息的，人民法院不予支持。",
    "第二十五条 出借人请求借款人按照合同约定利率支付利息的，人民法院应予支持。",
    "就拍卖所得的价款与应偿还借款本息之间的差额，借款人或者出借人有权主张返还或者补偿。",
]


def test_a_noun_suffix_jieba_glued_to_the_next_word_ends_the_term(tmp_path: Path):
    # jieba cuts 出借 + 人向 and 出借 + 人仅: the term is 出借人. (The filler makes the
    # text long enough for pairs of words to stand out, as in the whole regulation.)
    path = tmp_path / "lending.txt"
    path.write_text("\n".join(LENDING_ARTICLES + FILLER * 3) + "\n", "utf-8")
    terms = {t.text: t for t in mine([read_source(path)], MiningOptions(level=4))}
    assert terms["出借人"].count == sum(line.count("出借人") for line in LENDING_ARTICLES)
    assert not any(t.startswith(("人向", "人仅")) or t.endswith(("人仅", "人仅起诉")) for t in terms)


def test_a_modal_verb_is_never_inside_nor_a_term(tmp_path: Path):
    path = tmp_path / "lending.txt"
    path.write_text("\n".join(LENDING_ARTICLES) + "\n", "utf-8")
    texts = {t.text for t in mine([read_source(path)], MiningOptions(level=4))}
    assert not any(modal in t for t in texts for modal in ("应予", "应当", "不予", "可以"))


def test_the_score_floor_keeps_weak_evidence_out_of_a_deck_of_unset_size(tmp_path: Path, monkeypatch):
    from deckgen.mining.scoring import weights

    text = (SEEDS / "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt").read_text("utf-8")[:700]
    path = tmp_path / "excerpt.txt"
    path.write_text(text, "utf-8")
    source = read_source(path)
    size = deck_size(sum(len(s.text) for s in source.sentences if s.kind == "text"))
    everything = mine([source], MiningOptions(level=4, top=1000))
    assert len(mine([source], MiningOptions(level=4))) == min(size, len(everything))  # the shipped floor: weak
    monkeypatch.setitem(weights(), "floor", weights()["floor"] + 3)  # a stricter floor
    strict = mine([source], MiningOptions(level=4))
    assert 0 < len(strict) < min(size, len(everything))
    assert strict == everything[: len(strict)]  # the floor cuts the ranking, it does not reorder it
    assert len(mine([source], MiningOptions(level=4, top=size))) == min(size, len(everything))  # a set size ignores it


def test_a_given_name_standing_where_names_stand_is_no_term(tmp_path: Path):
    # 故乡: 闰土 has no surname, and no dictionary knows it.
    lines = [
        "故乡",
        "还有闰土，他每到我家来时，总问起你，很想见你一回。",
        "我的父亲允许了；我也很高兴，因为我早听到闰土这名字，而且知道他和我仿佛年纪。",
        "闰土又对我说：现在太冷，你夏天到我们这里来。",
        "闰土又对我说：我们沙地里，潮汛要来的时候，就有许多跳鱼儿只是跳。",
        "阿！闰土的心里有无穷无尽的希奇的事，都是我往常的朋友所不知道的。",
        "可惜正月过去了，闰土须回家里去，我急得大哭，他也躲到厨房里，哭着不肯出门。",
        "我于是日日盼望新年，新年到，闰土也就到了。",
    ]
    path = tmp_path / "guxiang.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    texts = {t.text for t in mine([read_source(path)], MiningOptions(level=4, top=100))}
    assert "闰土" not in texts


def test_an_online_encyclopedias_entry_and_section_names_sit_above_its_buttons():
    # a Baidu Baike page as the browser copies it: the site's menu first, then the entry's
    # name above 播报, and each section's above 播报 and 编辑
    kinds = kinds_of("百度首页", "登录", "注册", "进入词条", "量子计算", "播报", "讨论",
                     "量子计算是一种遵循量子力学规律调控量子信息单元进行计算的新型计算模式。",
                     "发展历史", "播报", "编辑", "量子计算的设想最早可以追溯到20世纪80年代，美国物理学家费曼首先提出了这一设想。")
    assert kinds[4] == "title" and kinds[0] != "title", kinds
    assert kinds[8] == "heading" and kinds[9] == kinds[10] == "notice", kinds


def test_a_wikis_montage_captions_map_caption_and_table_of_figures_are_no_text():
    # a Simplified-Chinese Wikipedia article on Xi'an: its pictures, its map, its climate table
    kinds = kinds_of("西安市", "西安城墙永宁门；中左：大雁塔；中右：钟楼；下：曲江池遗址公园",
                     "西安市在陕西省的地理位置",
                     "西安是陕西省省会，古称长安，是中华文明和中华民族重要发祥地之一。",
                     "月份\t1月\t2月\t3月\t4月\t5月\t6月\t全年",
                     "平均高温 °C\t6.1\t10.1\t16.1\t22.5\t27.4\t32.1\t20.6",
                     "平均相对湿度（%）\t58\t58\t59\t61\t61\t56\t65",
                     "西安属暖温带半湿润大陆性季风气候，年平均气温13.0℃至13.7℃，年降水量522.4至719.5毫米。")
    assert kinds[1:3] == ["caption", "caption"], kinds
    assert kinds[4:7] == ["list item"] * 3, kinds
    assert kinds[3] == kinds[7] == "text", kinds


@pytest.mark.parametrize("line", [
    "赞同 2.3 万", "\u200b1,024 条评论", "2,341 人赞同了该回答", "展开其余 1,018 条评论",  # a Zhihu answer's counts
    "编辑于 2024-03-02 09:15・IP 属地北京", "IP 属地上海",  # and where it was posted from
])
def test_a_social_sites_single_counts_and_posting_place_are_notices(line):
    kinds = kinds_of("为什么芯片制程越来越难推进？", "谢邀。这个问题我在厂里被新来的同事问过不下十次，索性写个长一点的回答。", line)
    assert kinds[2] == "notice", kinds



def test_a_count_among_a_comment_threads_lines_keeps_them_a_list():
    # a Xiaohongshu post's comments: names, times and places around a count of likes
    kinds = kinds_of("大理5天4晚保姆级攻略", "大理的节奏真的很慢，不要把行程排得太满，找个咖啡馆发发呆。",
                     "一颗小白菜", "3天前 浙江", "赞 12", "回复", "小鹿乱撞", "2天前 上海")
    assert kinds[4] == kinds[5] == "notice" and all(k == "list item" for k in kinds[2:4] + kinds[6:]), kinds


@pytest.mark.parametrize("line, kind", [
    ("（完）", "notice"), ("（本文来源：外交部网站）", "notice"),  # a story's end, a briefing's source
    ("（10時15分）", "notice"), ("（發言台下有委員插話）", "notice"),  # a committee record's times and asides
    ("2024-12-13 09:30　来源：人力资源社会保障部网站　【字体：大 中 小】　打印本页　分享到", "notice"),  # page tools
    ("大 中 小　　分享到：微信 微博 QQ空间", "notice"), ("扫一扫在手机打开当前页", "notice"),
    ("2024/12/05 18:42（12/06 09:15 更新）", "byline"),  # a story's time, and when it was updated
    ("民 事 判 决 书", "heading"), ("主  文", "heading"),  # a court's spaced-out headings
])
def test_a_pages_tools_a_records_asides_and_a_courts_headings(line, kind):
    kinds = kinds_of("个人养老金制度全面推行", "今年起，个人养老金制度在全国全面实施，参加人数持续增加。", line,
                     "人社部有关负责人表示，下一步将进一步扩大产品供给。")
    assert kinds[2] == kind, kinds


def test_a_bracketed_section_number_alone_or_an_aside_is_no_notice():
    kinds = kinds_of("边城", "（一）", "由四川过湖南去，靠东有一条官路。这官路将近湘西边境到了一个地方名为“茶峒”的小山城时，有一小溪。")
    assert kinds[1] != "notice", kinds
    # a PTT blogger's aside in brackets is what she thinks
    kinds = kinds_of("遇到部落客", "我看了一下那部落客，他也没有看这边。", "(不妙阿,我被当花痴了吗?囧)", "后来我们就走了。")
    assert kinds[2] == "text", kinds



def test_a_contents_line_with_leaders_and_a_table_row_of_targets_are_no_text():
    # a city's plan copied out of a PDF: its contents and its table of targets
    kinds = kinds_of("江州市养老服务体系建设“十五五”规划", "一、指导思想…………………………………………………3",
                     "坚持以人民为中心的发展思想，把积极老龄观、健康老龄化理念融入经济社会发展全过程。",
                     "护理型床位占比（%） 62 ≥70 约束性", "养老床位总数（万张） 3.9 4.8 预期性")
    assert kinds[1] == "notice" and kinds[3:] == ["list item", "list item"], kinds
    # a wiki's list of events with their dates is sentences, not a table of figures
    kinds = kinds_of("地质学", "地质学是关于地球的物质组成、内部构造、外部特征、各层圈之间的相互作用和演变历史的知识体系。",
                     "542 ± 0.3 Ma：寒武纪大爆发－具有坚硬结构的生命大量出现，古生代开始")
    assert kinds[2] != "list item", kinds


@pytest.mark.parametrize("line, kind", [
    ("本文含有聯盟行銷連結，透過連結購買，本站可能會獲得少量分潤，但不會影響你的購買價格。", "notice"),  # a blog's affiliate notice
    ("👉 目前 momo 購物網有優惠價，點這裡看最新價格", "notice"),
    ("喜歡這篇文章的話，歡迎分享給朋友，也歡迎追蹤我的 Facebook 粉絲專頁。", "notice"),
    ("欢迎关注“36氪未来消费”公众号，获取更多行业资讯", "notice"),
    ("留言（3）", "notice"), ("回覆", "notice"), ("回頁首", "notice"),
    ("處理器｜Intel Core Ultra 7 155H", "list item"), ("螢幕｜14 吋 2.8K OLED，120Hz 更新率，400 nits", "list item"),
    ("作者｜周雨桐", "list item"),  # a spec sheet's rows, a feature's credits
])
def test_a_blogs_affiliate_and_follow_notices_and_a_spec_sheets_rows(line, kind):
    kinds = kinds_of("ASUS Zenbook 14 OLED 一個月使用心得", "用了三年多的舊筆電終於撐不住了，開機要等三分鐘，打開瀏覽器就卡。",
                     line, "這次趁著開學季特價，入手了這台筆電，用了一個月，來跟大家分享心得。")
    assert kinds[2] == kind, kinds


def test_a_research_notes_statements_and_its_table_of_forecasts_are_no_text():
    kinds = kinds_of(
        "储能行业深度：大储放量叠加出海提速",
        "全球新型储能装机延续高增，2023—2027年复合增速有望达到40%以上，行业出清加速，龙头盈利有望触底回升。",
        "地区　　　2022　　2023　　2024E　　2025E　　2026E　　2027E　　CAGR（23—27E）",
        "中国　　　7.3　　21.5　　38.0　　55.0　　72.0　　90.0　　43%",
        "分析师声明",
        "作者具有中国证券业协会授予的证券投资咨询执业资格，保证报告所采用的数据均来自合规渠道，分析逻辑基于作者的职业理解。",
        "免责声明",
        "本报告所载的资料、意见及推测仅反映本公司于发布本报告当日的判断，在不同时期，本公司可发出与本报告所载资料不一致的报告。",
    )
    assert kinds == ["title", "text", "list item", "list item", "reference", "reference", "reference", "reference"]


def test_xx_standing_for_a_name_left_out_is_no_term():
    from deckgen.mining.filters import _plausible

    assert not _plausible("XX", 0) and not _plausible("XXX", 0)
    assert _plausible("XPS", 0)


def test_a_wikis_source_headings_notes_and_infobox_rows_are_told_apart():
    # an article copied as the wiki's source writes it: == headings ==, its notes and
    # references under theirs, an infobox's rows cells apart by tabs
    kinds = kinds_of(
        "全民健康保險 (臺灣)",
        "實施日期\t1995年3月1日",
        "一般保險費費率\t5.17%（2021年起）",
        "== 歷史 ==",
        "=== 開辦背景 ===",
        "1995年1月，行政院衛生署中央健康保險局成立，同年3月1日全民健保正式開辦，整合原有各項公保、勞保、農保的醫療給付。",
        "== 註釋 ==",
        "註 1：此為衛生署於1990年代初期所引用之估計數字，不同統計來源對未納保人口之估算略有出入。",
        "== 參考資料 ==",
        "1. ^ 全民健康保險法. 全國法規資料庫. 衛生福利部. [2024-06-30].",
        "== 評價 ==",
        "全民健保在國際間常被視為以較低行政成本達成高覆蓋率的案例，民眾滿意度多年維持在九成左右。",
    )
    assert kinds == ["title", "list item", "list item", "heading", "heading", "text", "reference", "reference",
                     "reference", "reference", "heading", "text"]


def test_a_law_databases_tabs_path_and_history_of_amendments_are_no_text():
    kinds = kinds_of(
        "全國法規資料庫",
        "首頁 > 法規查詢 > 法規內容",
        "所有條文　條號查詢　條文檢索　沿革　編章節　法規異動",
        "法規名稱：公寓大廈管理條例",
        "修正日期：民國 111 年 05 月 11 日",
        "法規類別：行政 ＞ 內政部 ＞ 營建目",
        "1.中華民國八十四年六月二十八日總統(84)華總(一)義字第 4622 號令制定公布全文 51 條",
        "2.中華民國九十二年十二月三十一日總統華總一義字第 09200246041 號令修正公布全文 63 條",
        "第 1 條",
        "為加強公寓大廈之管理維護，提昇居住品質，特制定本條例。",
    )
    assert kinds == ["title", "notice", "link", "notice", "byline", "notice", "byline", "byline", "heading", "text"]


def test_a_news_agencys_picture_is_a_caption_however_long():
    kinds = kinds_of(
        "数据要素市场加快建设",
        "【图片】这是5月22日在贵州省贵阳市一家数据标注企业拍摄的工作场景。数据标注员正在标注道路图像。新华社记者　陈浩然　摄",
        "国家数据局等17部门日前联合印发行动计划，提出到2026年底，打造300个以上示范性强、显示度高、带动性广的典型应用场景。",
    )
    assert kinds == ["title", "caption", "text"]


def test_a_picture_marked_in_wide_square_brackets_is_a_caption():
    # ［图片］ and ［圖說］ as news sites print them (the line would be an example otherwise)
    kinds = kinds_of(
        "人形机器人加速走进工厂",
        "［图片］4月15日，在杭州市余杭区星衡智能科技有限公司总装车间，工程师对人形机器人进行出厂前调试。",
        "记者近日在浙江、广东、上海等地调研发现，人形机器人正从实验室样机走向工厂。",
        "［圖說］勞動部統計，截至今年2月底，在台產業及社福移工人數已逾79萬人。圖為台中市一處移工假日聚集的商圈。",
    )
    assert kinds == ["title", "caption", "text", "caption"]


def test_a_trips_plan_day_by_day_and_hour_by_hour_is_no_text():
    kinds = kinds_of(
        "上海citywalk两日路线，梧桐区慢慢走",
        "上海的梧桐区最适合慢慢走，这篇把我走过两次的路线整理出来，附上每一站的时间和避坑提醒，收藏起来慢慢看。",
        "Day1：武康路—安福路—乌鲁木齐中路—愚园路（约8公里）",
        "10:30 武康路",
        "沿着武康路往北走，巴金故居一定要进去看看，需要提前在公众号预约。",
    )
    assert kinds == ["title", "text", "list item", "list item", "text"]


def test_a_street_is_a_place_not_a_term():
    from deckgen.mining.filters import _a_street

    assert _a_street(("愚园", "路")) and _a_street(("武", "康路")) and _a_street(("圆明园", "路"))
    assert not _a_street(("集成", "电路")) and not _a_street(("高速", "公路"))
    assert not _a_street(("两条腿走", "路"))  # 'to walk on two legs', a saying
    from tests.test_mining import source

    terms = {t.simplified for t in mine([source(
        "text",
        "沿着武康路往北走，巴金故居一定要进去看看。",
        "武康路和安福路交叉口的武康大楼是最佳机位，愚园路这几年改造得很好。",
        "从武康路拐进愚园路，梧桐树的影子落在老洋房的外墙上。",
        "愚园路上有很多创意小店和社区空间，适合慢慢逛。")], MiningOptions(top=30))}
    assert not {"武康路", "愚园路", "愚园", "康路"} & terms, sorted(terms)  # nor pieces of them
    assert {"梧桐树", "老洋房"} <= terms, sorted(terms)


def test_a_judgments_parties_a_documents_broken_title_and_a_table_spaced_out_are_no_text():
    kinds = kinds_of(
        "北京市朝阳区人民法院",
        "民 事 判 决 书",
        "原告：张某，男，1971年5月9日出生，汉族，住北京市朝阳区。",
        "被告：北京禾悦餐饮管理有限公司，住所地北京市朝阳区酒仙桥路××号院3号楼1层101。",
        "委托诉讼代理人：孙某，男，该公司员工。",
        "原告张某与被告北京禾悦餐饮管理有限公司房屋租赁合同纠纷一案，本院于2024年3月4日立案后，依法适用简易程序进行了审理。",
    )
    assert kinds == ["title", "heading", "byline", "byline", "byline", "text"]
    kinds = kinds_of(
        "国务院办公厅文件",
        "国务院办公厅关于印发《县域商业体系建设提质升级",
        "暨农村消费品以旧换新实施方案》的通知",
        "《县域商业体系建设提质升级暨农村消费品以旧换新实施方案》已经国务院同意，现印发给你们，请认真贯彻执行。",
        "县域商业体系建设提质升级暨农村消费品以旧换新实施方案",
        "县域商业体系是畅通城乡经济循环、扩大农村消费的重要载体，是农村现代流通体系的重要组成部分。",
    )
    assert kinds == ["title", "heading", "heading", "text", "heading", "text"]
    kinds = kinds_of(
        "颱風",
        "類型　　　　　熱帶氣旋",
        "相關災害　　　強風、豪雨、暴潮、土石流、淹水",
        "颱風是發生在西北太平洋及南海的熱帶氣旋，中心附近最大風速達每秒17.2公尺以上者稱為颱風。",
        "新华社记者　陈浩然　摄影报道：数据标注员正在为自动驾驶模型标注道路图像，这是贵州省贵阳市一家数据标注企业。",
    )
    assert kinds == ["title", "list item", "list item", "text", "text"]


def test_a_podcasts_guests_and_its_note_on_how_the_transcript_was_made_are_no_text():
    kinds = kinds_of(
        "《半熟青年》播客 第87期｜灵活就业、考公上岸，还是先躺一躺？",
        "主持人：小鹿",
        "嘉宾A：阿杰（前互联网大厂产品经理，现自由职业）",
        "嘉宾B：林琳（某地级市税务系统公务员，2022年考公上岸）",
        "（本文根据音频整理，口语内容略有删减）",
        "主持人：哈喽大家好，欢迎收听《半熟青年》，我是小鹿。今天这期其实是憋了很久的一期。",
        "嘉宾A：好的（笑）",
    )
    assert kinds == ["title", "byline", "byline", "byline", "notice", "text", "text"]


def test_a_programmes_chapters_a_glossary_and_its_guests_are_no_running_text():
    # a podcast's show notes on AI in factories
    kinds = kinds_of(
        "算力漫谈 第42期：大模型进工厂，到底难在哪？",
        "　　　何　佳（江南某汽车零部件集团数字化中心负责人）",
        "00:01:30　开场：为什么说“百模大战”下半场拼的是落地",
        "00:24:10　工厂里的真实场景：质检报告、设备运维、工艺知识库",
        "林蔚：欢迎收听本期节目，今天我们聊聊大模型在工厂里到底怎么用。",
        "· FMEA（Failure Mode and Effects Analysis，失效模式与影响分析）",
        "· 【新华视点】机器人“进厂打工”，还需跨过几道坎？",
    )
    assert kinds == ["title", "byline", "list item", "list item", "text", "list item", "link"]


def test_tables_a_budget_and_a_reports_furniture_are_no_running_text():
    kinds = kinds_of(
        "固态电池行业深度报告",
        "行业评级：推荐（维持）",
        "《固态电池专题之六：硫化锂——全固态电池的“卡脖子”材料》2025-03-18",
        "3　产业化进程：从半固态到全固态",
        "硫化物电解质的室温离子电导率最高，是当前产业化的主流路线。",
        "3 ｜ 拓展村级便民商店服务功能 ｜ 商务部 ｜ 农业农村部、人民银行、供销合作总社",
        "共享办公工位（含网络、咖啡无限续）：399",
        "结构类型\t典型器件结构\t主要特点",
        "正式介孔型（n-i-p）\tFTO / c-TiO2 / mp-TiO2 / 钙钛矿 / spiro-OMeTAD / Au\t效率记录长期领先；TiO2需高温烧结",
        "反式平面型（p-i-n）\tITO / SAM / 钙钛矿 / C60 / BCP / Ag\t迟滞小、稳定性好，适合叠层",
        "17:30　收工，骑小电驴去洱海边吹风",  # a day told in phrases is the author's prose
    )
    assert kinds == ["title", "byline", "link", "heading", "text", "list item", "list item",
                     "list item", "list item", "list item", "text"]


def test_a_news_reports_subheading_may_pair_two_phrases():
    kinds = kinds_of(
        "人形机器人加速走进工厂",
        "记者近日在浙江、广东、上海等地调研发现，人形机器人正从实验室样机走向工厂。",
        "",
        "场景开放牵引，量产“拐点”渐近",
        "",
        "　　“人形机器人最终要在场景中‘炼’出来。”浙江省经济和信息化厅有关负责人说，全省已发布两批应用场景清单。",
    )
    assert kinds == ["title", "text", "text", "heading", "text", "text"]


def test_what_a_film_prints_on_screen_besides_its_dialogue_is_no_dialogue():
    from deckgen.reading.structure import cue_kinds

    # a documentary on Xuan paper: a name and who they are, the credits, the next episode
    assert cue_kinds("汪德明｜宣纸捞纸工\n县级非物质文化遗产代表性传承人\n下集预告\n总导演：许知衡\n"
                     "撰稿：林晚　摄影：杜晨　韩磊\n本片由泾川文化传媒有限公司出品\n纸要晒三天\n老陈：这个不行") == [
        "list item", "text", "notice", "byline", "byline", "byline", "text", "text"]


def test_a_posts_author_account_and_time_are_a_byline_however_long_the_accounts_name():
    # a WeChat post on being a digital nomad: 栗子 'chestnut' was a term from its account's name
    assert kinds_of("数字游民一年，我学到的事", "原创　阿栗　栗子的自由实验室　2025年04月19日 22:14　云南") == ["title", "byline"]


def test_a_talks_slides_speaker_and_numbered_questions_and_a_news_pages_furniture():
    # a public lecture on sleep, as transcribed
    kinds = kinds_of(
        "为什么你越累越不想睡？",
        "演讲者：苏念｜某医科大学附属第二医院睡眠医学中心副主任医师",
        "一、“报复性熬夜”不是懒，是一种补偿",
        "很多人白天的时间不属于自己，到了晚上才觉得终于拿回了一点自由，于是刷手机、追剧，迟迟不肯睡。",
        "[PPT：手机屏幕蓝光与褪黑素分泌曲线对比图]",
        "三、周末补觉，补得回来吗？",
    )
    assert kinds == ["title", "byline", "heading", "text", "caption", "heading"]
    # a Liberty Times-style report: a caption crediting its photographer in brackets, related news
    kinds = kinds_of(
        "假投資詐騙再進化",
        "[圖] 刑事局預防科科長黃文瀚（右）昨日說明假投資詐騙新手法，呼籲民眾勿輕信網路「保證獲利」廣告。（記者陳冠宇攝）",
        "相關新聞",
        "．刑事局跨境合作　破獲柬埔寨詐騙機房逮42台嫌",
    )
    assert kinds == ["title", "caption", "reference", "reference"]
    # an explainer's author bio; a wiki's infobox row; a judgment's run-in heading
    assert kinds_of("个人养老金到底值不值得开？", "CFA持证人 / 前公募基金研究员 / 只讲大白话的理财博主",
                    "常見聚合物　PE、PP、PS、PET、PVC、PA") == ["title", "byline", "list item"]
    from deckgen.reading.structure import sentence_kind

    assert sentence_kind("text", "关于争议焦点一。", True) == "heading"


def test_a_headline_in_parts_after_the_sites_path_is_the_title():
    # a Liberty Times-style page: where the page is, then a headline with ！ and a wide space
    kinds = kinds_of(
        "自由時報　首頁 > 社會 > ",
        "",
        "假投資詐騙再進化！AI深偽名人影片誘入「飆股群組」　刑事局：前9月財損逾55億",
        "",
        "刑事警察局昨日公布統計，今年前9月假投資詐騙財損逾新臺幣55億元，較去年同期增加近三成。",
    )
    assert kinds == ["notice", "text", "title", "text", "text"]
    # a first line that is a sentence stays text
    assert kinds_of("我今天很开心！我们去公园玩了一整天。", "天气很好。")[0] == "text"


def test_an_infoboxs_rows_of_a_label_and_a_list_are_no_sentences():
    # a zh-TW Wikipedia article on Alzheimer's disease, its infobox as copied: label, space, list
    kinds = kinds_of(
        "阿茲海默症",
        "其他名稱 阿茲海默病、阿茲海默氏症、老年癡呆症（舊稱）",
        "症狀 記憶減退、語言障礙、定向力喪失、情緒及行為改變",
        "病程 長期",
        "藥物 乙醯膽鹼酯酶抑制劑、NMDA受體拮抗劑、抗類澱粉蛋白單株抗體",
        "盛行率 全球約3,200萬人（2019年）",
        "阿茲海默症是一種起病隱匿、病程呈進行性惡化的神經退化性疾病。",
    )
    assert kinds[1:] == ["list item"] * 5 + ["text"], kinds
    # ... one such line alone, a headline or a subheading, is none
    assert kinds_of("政院催審總預算 盼6日付委國會辯論", "行政院5日再次呼籲國會，儘速審議今年總預算。")[0] == "title"


def test_a_picture_with_its_caption_and_an_infobox_row_with_a_qualified_label_are_no_text(tmp_path: Path):
    # a zh-TW Wikipedia article on typhoons, as copied: the picture's place and its caption,
    # then the infobox, one label qualified by where it holds
    path = tmp_path / "typhoon.txt"
    path.write_text("颱風\n\n[圖片] 2009年8月7日接近臺灣的莫拉克颱風，由美國國家航空暨太空總署（NASA）Terra衛星拍攝\n"
                    "類型\t熱帶氣旋\n發生區域\t北太平洋西部（東經180度以西）、南海\n"
                    "強度分級（臺灣）\t輕度颱風、中度颱風、強烈颱風\n國際命名\t颱風委員會（ESCAP/WMO）\n\n"
                    "颱風是影響臺灣最主要的災害性天氣之一。\n", encoding="utf-8")
    text = [s.text for s in read_source(path).sentences if s.kind == "text"]
    assert text == ["颱風是影響臺灣最主要的災害性天氣之一。"], text


def test_a_navigation_boxs_rows_and_an_artists_impression_are_no_text():
    # a zh-CN Wikipedia article on exoplanets: its picture's caption, its navigation box
    kinds = kinds_of(
        "系外行星",
        "艺术家笔下的飞马座51b（51 Pegasi b），首颗被确认的绕类太阳恒星运行的系外行星",
        "系外行星（英语：exoplanet），是指位于太阳系之外的行星。",
        "类型　热木星 · 超级地球 · 迷你海王星 · 流浪行星 · 海洋行星 · 熔岩行星",
        "任务　开普勒 · TESS · CoRoT · CHEOPS · JWST · PLATO",
    )
    assert kinds[1:] == ["caption", "text", "link", "link"], kinds


def test_a_podcasts_chapters_episodes_sponsor_and_copyright_are_no_text():
    # a Taiwan podcast's page: chapters by the minute (past 23: no clock), other episodes,
    # the line of its date and length, the sponsor, the copyright
    kinds = kinds_of(
        "晶圓之外 Beyond the Wafer｜科技職涯 Podcast",
        "2024/10/16　·　58 分鐘　·　科技 / 職涯",
        "00:00　開場、來賓介紹",
        "03:15　人才缺口到底缺在哪？",
        "46:20　非本科系可以轉職嗎？",
        "本集節目由「職涯實驗室 CareerLab」贊助播出。",
        "哈囉大家好，歡迎收聽《晶圓之外》，我是主持人阿哲。",
        "EP.105｜研發替代役怎麼選？",
        "© 2024 晶圓之外 Beyond the Wafer｜合作邀約請透過 SoundOn 頻道頁面聯繫",
    )
    assert kinds[1:] == ["link", "list item", "list item", "list item", "notice", "text", "link", "notice"], kinds
    # ... a day's timetable keeps its clock times and the author's prose
    day = kinds_of("我的一天", "07:30　起床，先做半小时瑜伽。", "12:00　午饭吃什么？", "17:30　收工，骑小电驴去洱海边吹风。")
    assert day[1:] == ["text", "text", "text"], day


def test_the_paragraph_under_an_authors_note_is_a_byline():
    # a Taiwan short story as a literary site prints it: the author, after the story
    kinds = kinds_of(
        "潮間帶（第三章）：剖蚵",
        "許佳蓉站在三合院的埕上，孝服的麻布被風吹得啪啪響，像一面破掉的旗子。",
        "",
        "【作者簡介】",
        "林晏如，彰化芳苑人，現居新竹。曾獲台積電青年學生文學獎、林榮三文學獎短篇小說獎。",
        "",
        "【延伸閱讀】",
    )
    assert kinds[3:5] == ["heading", "byline"], kinds
    assert kinds[1] == "text"


def test_a_ministrys_notice_its_issuers_addressees_and_task_table_are_no_text():
    # a ministries' action plan as the government's site prints it
    kinds = kinds_of(
        "工业和信息化部等七部门关于印发《具身智能产业创新发展行动方案（2025—2027年）》的通知",
        "发文机关：工业和信息化部 国家发展改革委 教育部 科技部 财政部 人力资源社会保障部 国务院国资委",
        "成文日期：2025年06月18日",
        "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、发展改革、教育、科技、财政、人力资源社会保障"
        "主管部门，国资委，有关中央企业：",
        "现将《具身智能产业创新发展行动方案（2025—2027年）》印发给你们，请结合实际，认真贯彻落实。",
        "序号 重点任务 牵头单位 参与单位",
        "1 研发具身智能大模型 科技部、工业和信息化部 国家发展改革委、教育部、中国科学院",
        "2 攻关核心零部件 工业和信息化部 科技部、国务院国资委",
    )
    assert kinds[1:4] == ["byline"] * 3 and kinds[4] == "text", kinds
    assert kinds[6:] == ["list item", "list item"], kinds


def test_a_documentarys_name_captions_and_credits_are_no_speech():
    # an SRT documentary on the Yangtze fishing ban: who speaks, as the screen names them
    from deckgen.reading.structure import cue_kinds

    kinds = cue_kinds("\n".join([
        "五十八岁的何长贵 像过去三十多年一样准时醒来",
        "何长贵 湖南岳阳市君山区护渔员",
        "周立群 中国水产科学研究院长江水产研究所研究员",
        "学术顾问 周立群 王晨曦",
        "剪辑 许可",
        "特别鸣谢 农业农村部长江流域渔政监督管理办公室",
        "江豚 又回来了",
    ]))
    assert kinds == ["text", "list item", "list item", "byline", "byline", "byline", "text"], kinds


def test_a_taiwan_papers_dated_byline_share_bar_caption_and_subheadings_are_no_text():
    # a report on kindergartens as udn.com prints it
    kinds = kinds_of(
        "少子化衝擊 幼兒園一年少逾百家 公共化幼兒園卻仍「一位難求」",
        "2024-05-20 06:30　聯合報／記者林佳蓉、陳冠宇／台北報導",
        "讚　分享　LINE　複製連結　字級",
        "少子化衝擊下，私立幼兒園招生壓力沉重，但都會區的公共化幼兒園仍供不應求，家長抽籤抽到心累。",
        "圖／聯合報系資料照片",
        "內政部戶政司最新統計，去年全台出生數約13萬5千人，再創歷史新低。",
        "",
        "私幼熄燈潮 老園長：真的撐不下去",
        "",
        "新北市三重區一家經營逾30年的私立幼兒園，日前在門口貼出公告，說明自下學期起停止招生。",
    )
    assert kinds[1:6] == ["byline", "notice", "caption", "caption", "text"], kinds
    assert kinds[7] == "heading" and kinds[9] == "text", kinds


def test_an_editors_notes_and_a_posts_numbered_sections_are_no_running_text():
    kinds = kinds_of(
        "当铺",
        "我在恒裕当里做学徒，到今年已是第三个年头了。",
        "〔1〕朝奉：旧时对当铺中管事或店员的称呼，原为徽州方言。",
        "〔2〕拉夫：旧时军队强拉百姓充当挑夫、杂役。",
    )
    assert kinds[2:] == ["reference", "reference"], kinds
    post = kinds_of("二战上岸记", "这篇文章写了很久。今天终于写完了，想说的话很多。",
                    "02 二战：换赛道，不是换个地方继续卷", "二战最大的变化是我换了目标，从学硕改成了专硕，压力小了很多。")
    assert post[2] == "heading", post
