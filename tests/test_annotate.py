"""Annotation: readings, meanings, variants and examples a learner can trust."""

from __future__ import annotations

import pytest

from deckgen import annotating, overrides
from deckgen.annotating import disambiguate_homographs
from deckgen.annotating.composition import compose
from deckgen.annotating.examples import CUT, EXAMPLE_MAX, trim
from deckgen.annotating.meaning import FROM_ACRONYMS, FROM_CEDICT, NOTHING_KNOWN
from deckgen.overrides import TermOverride
from deckgen.records import Occurrence, Script, Sentence, Term
from deckgen.script import to_simplified, to_traditional
from deckgen.segmenting import segmenter


def term(text: str, *sentences: tuple[str, str], gloss: str | None = None, expansion_of: str | None = None,
         forms: tuple[str, ...] = ()) -> Term:
    simplified = to_simplified(text)
    occurrences = tuple(occurrence(Sentence(s, source, i + 1), text) for i, (s, source) in enumerate(sentences))
    return Term(text=text, simplified=simplified, traditional=to_traditional(simplified), score=1.0,
                why=("test",), forms=forms or (text,), gloss=gloss, expansion_of=expansion_of,
                occurrences=occurrences, count=len(occurrences))


def occurrence(sentence: Sentence, text: str) -> Occurrence:
    at = max(sentence.text.find(text), sentence.simplified.find(to_simplified(text)))
    return Occurrence(sentence, max(at, 0), max(at, 0) + len(text))


def annotate(term: Term, *, deck_script: Script | None = None, override: TermOverride | None = None):
    note = annotating.annotate(term, segmenter(), deck_script=deck_script)
    return overrides.apply(note, term, override, segmenter()) if override else note


# Readings checked against CC-CEDICT and standard usage.
@pytest.mark.parametrize("headword, sentence, reading", [
    ("卡脖子", "我們進一步發展人工智能所需的硬件,還在被美國卡脖子。", ("qia3", "bo2", "zi5")),
    ("华为", "华为的研发投入很高。", ("hua2", "wei2")),
    ("長臂管轄", "美國一貫擅長通過“長臂管轄”等方式來威逼國際社會。", ("chang2", "bi4", "guan3", "xia2")),
    ("良率", "中芯的製程良率僅有台積電的三分之一不到。", ("liang2", "lv4")),
    ("银行", "民营企业去银行想要借贷。", ("yin2", "hang2")),
    ("輝達", "美國要求輝達停止向中國輸出晶片。", ("hui1", "da2")),
    ("顯示卡", "其效能甚至不如一些遊戲顯示卡。", ("xian3", "shi4", "ka3")),
])
def test_headword_reading_fits_the_headword_and_its_context(headword, sentence, reading):
    note = annotate(term(headword, (sentence, "A")))
    assert note.pinyin == reading


def test_a_heteronym_takes_the_entry_its_neighbours_call_for_and_that_entrys_reading():
    # the State Council's opinion on payment services (2024): 发卡 is fā kǎ 'to issue a card'
    # beside 银行卡, not fà qiǎ 'hair clip', which the sentence's phrase tables give
    note = annotate(term("发卡", ("鼓励银行卡清算机构与境外发卡机构加强合作，降低外卡受理成本。", "A")))
    assert note.pinyin == ("fa1", "ka3") and note.english.startswith("to issue a card"), note
    # ... spelt and read in its example as that entry: 發卡, not the 髮卡 of 'hair clip'
    assert note.traditional == "發卡"
    example = note.examples[0]
    assert tuple(s.pinyin for s in example.syllables[example.start:example.end]) == ("fa1", "ka3")
    # with nothing around it that either entry names, the sentence's reading stands
    assert annotate(term("发卡", ("她头上别着一个红色的发卡。", "A"))).pinyin == ("fa4", "qia3")
    # ... nor does a word as common in glosses as 'first': 上头 shàngtou 'on top', beside 第一,
    # not shàng tóu '(of a prostitute) to receive a patron for the first time'
    note = annotate(term("上头", ("第一，这是厂里的决定，也是上头的精神，全市都这么搞。", "A")))
    assert note.pinyin == ("shang4", "tou5") and note.english.startswith("above"), note


def test_latin_terms_have_no_pinyin_and_mixed_terms_keep_their_latin_part():
    assert annotate(term("CANN", ("華為也正在建立中國版CUDA,即昇騰異構計算架構(CANN)。", "B"),
                         expansion_of="昇騰異構計算架構")).pinyin == ()
    assert annotate(term("AI晶片", ("國產AI晶片市場規模上升。", "B"))).pinyin == ("AI", "jing1", "pian4")


def test_meaning_from_cedict_puts_the_sense_that_fits_first():
    note = annotate(term("內捲", ("顯示中國晶片業「內捲」(指過度競爭)仍相當嚴重。", "B"), gloss="過度競爭"))
    assert note.meaning_from.startswith(FROM_CEDICT)
    assert "competitive" in note.english.split(";")[0], note.english
    assert note.english.count(";") <= 2, "at most three senses"
    assert note.chinese_definition == "過度競爭"


def test_an_acronyms_letters_guide_the_english_of_its_expansion():
    # MWC: 行动 is 'operation' first in CC-CEDICT; the letters pick its sense 'mobile'
    note = annotate(term("MWC", ("每年在西班牙巴塞隆納舉辦的世界行動通訊大會(MWC)是業界盛事。", "B"),
                         expansion_of="世界行動通訊大會"))
    assert "mobile" in note.english and "operation" not in note.english, note.english
    assert "defined in the text" in note.meaning_from and "世界行動通訊大會" in note.meaning_from
    unguided, _ = compose("世界行动通讯大会")
    assert "mobile" not in unguided


def test_an_expansion_no_dictionary_explains_gives_no_english_but_keeps_the_definition():
    note = annotate(term("CANN", ("華為也正在建立中國版CUDA,即昇騰異構計算架構(CANN)。", "B"),
                         expansion_of="昇騰異構計算架構"))
    assert note.english == "", note.english
    assert "nothing known" in note.meaning_from and "昇騰異構計算架構" in note.meaning_from


def test_a_compound_no_dictionary_has_is_composed_as_a_phrase_marked_literally():
    note = annotate(term("出口管制", ("美國商務部在二〇二二年十月祭出出口管制。", "A")))
    assert note.english == "literally: export control", note.english
    assert "composed from its parts" in note.meaning_from and "出口 + 管制" in note.meaning_from
    note = annotate(term("燈塔工廠", ("海爾的工廠被評為燈塔工廠。", "A")))
    assert note.english == "literally: lighthouse factory", note.english
    # the parts are named as the text writes them, in Traditional here
    assert "燈塔 + 工廠" in note.meaning_from, note.meaning_from


@pytest.mark.parametrize("headword, sentence", [
    ("習家班", "習家班的成員多半來自浙江與福建。"),  # 'practice + family + work shift'
    ("降規版", "輝達只能向中國出售降規版晶片。"),  # 'drop + regulation + block of printing'
    ("受制于人", "关键技术不能受制于人。"),  # 'be controlled + go + person'
])
def test_single_characters_whose_sense_inside_the_word_is_unknown_give_no_english(headword, sentence):
    note = annotate(term(headword, (sentence, "A")))
    assert note.english == "" and "nothing known" in note.meaning_from, note.english


def test_ordinals_and_separable_words():
    note = annotate(term("第四次工業革命", ("人工智能被視為第四次工業革命的核心。", "B")))
    assert note.english.lower() == "literally: fourth industrial revolution", note.english
    note = annotate(term("舉個例子", ("舉個例子,美國對華為的制裁從二〇一九年就開始了。", "B")))
    assert "example" in note.english and "举例" in note.meaning_from, (note.english, note.meaning_from)
    # a Taiwan enforcement rule: 同一 + 事業單位 is no 同…事 'colleague'
    note = annotate(term("同一事業單位", ("勞工於同一事業單位之工作年資，應合併計算。", "B")))
    assert "colleague" not in note.english and "同事" not in note.meaning_from, (note.english, note.meaning_from)


@pytest.mark.parametrize("compound, part, inside_words, first_listed", [
    ("出口管制", "出口", "export", "exit"),  # 出口商, 出口额
])
def test_a_part_is_glossed_with_the_sense_it_has_inside_words(compound, part, inside_words, first_listed):
    from deckgen.lexicon.cedict import lookup

    assert any(first_listed in e.senses[0] for e in lookup(part)), "CC-CEDICT still lists it first"
    gloss, parts = compose(compound)
    assert part in parts
    assert inside_words in gloss and first_listed not in gloss, gloss


def test_two_single_characters_side_by_side_compose_nothing():
    # 新质生产力 'new quality productive forces' is no 'new quality production capability';
    # 半程精彩 no 'semi-regulations brilliant'
    assert compose("新质生产力") == ("", [])
    assert compose("半程精彩") == ("", [])
    assert compose("新一轮")[0] == "new round"  # a prefix before a word still composes


def test_function_words_keep_their_grammatical_sense_when_composed():
    gloss, parts = compose("资金和技术")
    assert "和" in parts and gloss == "funds and technology", gloss
    assert compose("受制于人") == ("", [])  # 于 is no part with a meaning of its own


def test_part_senses_table_matches_the_installed_dictionary():
    """Every sense in the shipped table is still one of its word's CC-CEDICT senses (or
    a near-synonym inside one): after a dictionary update, regenerate it (python
    tools/build_tables.py part-senses, head-senses)."""
    from deckgen.annotating.composition import _head_senses, _part_glosses, _part_senses
    from deckgen.lexicon.cedict import lookup

    for table, least in ((_part_senses(), 1000), (_head_senses(), 200)):
        assert len(table) > least
        for (word, reading), sense in table.items():
            senses = {g for e in lookup(word) if " ".join(e.pinyin) == reading
                      for g in _part_glosses(e, every=True, limit=len(e.senses))}
            assert sense in senses, (word, reading, sense)


def test_transliterations_are_not_composed_from_character_meanings():
    assert compose("卡奥斯") == ("", [])
    assert compose("荷商艾司摩尔") == ("", [])
    assert compose("康德拉季耶夫周期") == ("", [])  # a name's run of sound characters, then a word
    assert compose("卡奥斯平台") == ("", [])
    assert compose("斯坦福实验室")[0] == "Stanford laboratory"  # a name CC-CEDICT knows is one part


def test_a_note_without_any_meaning_says_so():
    note = annotate(term("Semi-Analytics", ("根據美國半導體顧問公司Semi-Analytics的報告。", "B")))
    assert note.english == "" and note.meaning_from == NOTHING_KNOWN


@pytest.mark.parametrize("headword, expected", [
    ("芯片", "晶片 (Taiwan)"),
    ("晶片", "芯片 (mainland)"),
    ("纳米", "奈米 (Taiwan)"),
    ("人工智能", "人工智慧 (Taiwan)"),
    ("通胀", "通膨 (Taiwan)"),
    ("英伟达", "輝達 (Taiwan)"),
])
def test_regional_variants_are_on_the_card(headword, expected):
    note = annotate(term(headword, (f"这是{headword}。", "A")))
    assert expected in note.also_written, note.also_written


def test_deck_script_decides_the_headword_but_keeps_regional_vocabulary():
    t = term("晶片", ("去年,晶片製造商中芯國際開始進入七奈米製程。", "B"))
    assert annotate(t, deck_script=Script.SIMPLIFIED).hanzi == "晶片"
    t = term("軟體", ("禁止在第三方硬體平台上使用CUDA軟體。", "B"))
    simplified = annotate(t, deck_script=Script.SIMPLIFIED)
    assert simplified.hanzi == "软体" and simplified.traditional == "軟體"


def test_hsk_level_on_each_note():
    assert annotate(term("突破", ("中芯國際正突破五奈米製程。", "B"))).hsk.startswith("HSK ")
    assert annotate(term("卡脖子", ("還在被美國卡脖子。", "B"))).hsk == "beyond HSK"


def test_examples_are_trimmed_marked_and_from_different_sources():
    long_sentence = ("当前,挑战主要在GPU上,要突破高端芯片,就要做好以下几点:第一,要有更高素质的劳动者,"
                     "有顶尖的AI研发人才;第二,要有更高技术含量的劳动资料。")
    t = term("高端芯片", (long_sentence, "A"), ("没有高端芯片,就训练不了大模型。", "A"),
             ("華為的高端芯片供不應求。", "B"))
    note = annotate(t)
    assert 1 <= len(note.examples) <= 3
    assert {e.source for e in note.examples[:2]} == {"A", "B"}, "different sources first"
    for example in note.examples:
        assert len(example.text) <= EXAMPLE_MAX
        assert to_simplified(example.text[example.start:example.end]) == "高端芯片"
        assert "".join(s.text for s in example.syllables) == example.text


def test_trim_keeps_the_term_and_never_exceeds_the_limit():
    text = "甲" * 200 + "卡脖子" + "乙" * 200
    left, right = trim(text, 200, 203)
    assert left <= 200 and right >= 203 and right - left <= EXAMPLE_MAX


def test_a_piece_never_opens_on_the_comma_after_a_section_number():
    # a basketball report: 第二节 'the second quarter' is cut as a section's number, its comma with it
    text = "第二节，广东队替补阵容登场后防守强度明显提升，连续制造对手失误，并打出一波11:0的攻击波反超比分。"
    left, right = trim(text, text.index("替补"), text.index("替补") + 2)
    assert text[left] not in "，,", text[left:right]
    # a plan's items and notes as a PDF prints them: 1.认知障碍…, 注：1.护理型…; not a decimal
    for text, word in (("1.认知障碍照护床位占比达到30%以上。", "认知障碍"),
                       ("注：1.护理型床位占比指护理型床位数占养老床位总数的比例。", "护理型")):
        left, right = trim(text, text.index(word), text.index(word) + len(word))
        assert text[left:right].startswith(word), text[left:right]
    text = "3.9万张床位已经投入使用。"
    assert trim(text, text.index("床位"), text.index("床位") + 2)[0] == 0
    # a Xiaohongshu post numbers its tips with keycaps: 5️⃣ is no part of the example
    text = "5️⃣ 雨季是每年六月到九月，出门记得带伞。"
    left, right = trim(text, text.index("雨季"), text.index("雨季") + 2)
    assert text[left:right].startswith("雨季"), text[left:right]


def test_a_piece_never_stops_inside_a_bracket_it_opened():
    # a zh-TW encyclopedia article on typhoons: the English name in brackets after the body's
    text = ("1947年至1999年間，西北太平洋的颱風名稱主要由設於關島的美國聯合颱風警報中心（Joint Typhoon Warning Center，"
            "JTWC）命名，名稱以英文人名為主。")
    term = "聯合颱風警報中心"
    left, right = trim(text, text.index(term), text.index(term) + len(term))
    piece = text[left:right]
    assert term in piece and piece.count("（") == piece.count("）"), piece
    assert right - left <= EXAMPLE_MAX + 20


def test_a_piece_never_starts_inside_a_bracket():
    # a Taiwan ministry's plan: the English names of systems in brackets after the Chinese
    text = ("員工未滿5人之微型企業占中小企業7成以上，普遍以紙本、Excel或通訊軟體群組處理進銷存及帳務，缺乏企業資源規劃"
            "（Enterprise Resource Planning，ERP）、顧客關係管理（Customer Relationship Management，CRM）等系統，"
            "難以累積可供分析之資料。")
    left, right = trim(text, text.index("CRM"), text.index("CRM") + 3)
    piece = text[left:right]
    assert piece.startswith("顧客關係管理（Customer") and piece.count("（") == piece.count("）"), piece


def test_example_pinyin_is_read_in_the_whole_sentence():
    sentence = "他在银行工作,银行卡被卡住了。"
    note = annotate(term("银行卡", (sentence, "A")))
    example = note.examples[0]
    by_position, position = {}, 0
    for s in example.syllables:
        by_position[position] = s.pinyin
        position += len(s.text)
    assert [by_position[example.start + i] for i in range(3)] == ["yin2", "hang2", "ka3"]


def test_deck_file_overrides_win_and_say_where_they_come_from():
    override = TermOverride("卡脖子", 3, english="chokehold", pinyin=("qia3", "bo2", "zi5"),
                            examples=("美国卡脖子。",), note="mine")
    note = annotate(term("卡脖子", ("還在被美國卡脖子。", "B")), override=override)
    assert (note.english, note.meaning_from, note.notes) == ("chokehold", "the deck file", "mine")
    assert [e.text for e in note.examples] == ["美国卡脖子。"]
    assert note.examples[0].text[note.examples[0].start:note.examples[0].end] == "卡脖子"


def test_homographs_get_distinct_identities():
    grow = term("长", ("孩子一年年长大了。", "A"))
    long = term("长", ("这条路很长。", "A"))
    notes = disambiguate_homographs([annotate(grow), annotate(long)])
    assert [n.pinyin for n in notes] == [("zhang3",), ("chang2",)]
    assert len({n.identity for n in notes}) == 2


def test_a_common_acronym_gets_its_expansion_whatever_the_text_spells_it_out_with():

    note = annotate(term("GPU", ("輝達的GPU（圖形處理器）供不應求。", "B"), expansion_of="圖形處理器"))
    assert note.english == "graphics processing unit" and note.meaning_from == FROM_ACRONYMS
    assert annotate(term("IoT", ("IoT设备越来越多。", "A"))).english == "Internet of Things"
    assert annotate(term("910B", ("昇腾910B芯片。", "A"))).meaning_from != FROM_ACRONYMS


def test_an_acronym_with_a_small_letter_takes_the_english_the_text_spells_it_out_with():
    # an explainer on the low-altitude economy, its glossary: hyphens kept as written
    line = "eVTOL：electric Vertical Take-off and Landing，电动垂直起降飞行器。"
    note = annotate(term("eVTOL", (line, "A"), ("今天是某家eVTOL公司拿到新证。", "A"), expansion_of="电动垂直起降飞行器"))
    assert note.english == "electric Vertical Take-off and Landing", note.english


def test_a_long_form_takes_the_english_of_its_abbreviation():
    from dataclasses import replace


    gpu = replace(term("圖形處理器", ("輝達的圖形處理器(GPU)供不應求。", "B")), abbreviation="GPU")
    note = annotate(gpu)
    assert note.english == "graphics processing unit" and FROM_ACRONYMS in note.meaning_from
    asml = replace(term("荷商艾司摩爾", ("荷商艾司摩爾(ASML)是光刻機大廠。", "B")), abbreviation="ASML")
    note = annotate(asml)
    assert note.english == "ASML" and "abbreviated in the text as ASML" in note.meaning_from


# Spellings as CC-CEDICT and Taiwan's standard write them, not as OpenCC's s2t does.
@pytest.mark.parametrize("headword, traditional", [
    ("奈米製程", "奈米製程"),  # OpenCC reads 制程 back as 制程
    ("复杂缠斗", "複雜纏鬥"),  # and 复杂 as 復雜
    ("关系", "關係"),
    ("上台", "上臺"),
    ("行为能力", "行為能力"),  # no CC-CEDICT word: as Traditional is printed, not OpenCC's 行爲
    ("处于特定临床条件", "處於特定臨床條件"),  # not 臨牀
    ("众寡不敌", "眾寡不敵"),  # not 衆
])
def test_the_traditional_field_is_the_word_in_traditional(headword, traditional):
    note = annotate(term(headword, (f"这是{headword}。", "A")), deck_script=Script.TRADITIONAL)
    assert note.traditional == traditional
    assert note.hanzi == traditional
    assert to_simplified(note.traditional) == note.simplified


def test_a_word_written_as_cc_cedict_spells_it_keeps_the_texts_spelling():
    # a Taiwan enforcement rule writes 勞雇 as CC-CEDICT does; OpenCC's character table gives 勞僱
    both = term("勞雇雙方", ("延長工作時間，應經勞雇雙方協商。", "A"))
    assert annotate(both).hanzi == "勞雇雙方"
    assert annotate(both, deck_script=Script.TRADITIONAL).traditional == "勞雇雙方"
    # a converter's 關系 and 纏斗 are no spelling of the text's own
    assert annotate(term("關系", ("兩國關系良好。", "A")), deck_script=Script.TRADITIONAL).traditional == "關係"


def test_a_character_with_two_traditional_forms_is_the_one_the_text_wrote():
    # Taiwan's Patient Right to Autonomy Act: 簽具 'to sign', where 签 alone is OpenCC's 籤 'lot'
    signed = term("簽具", ("意願人依前條規定簽具預立醫療決定，應經公證人公證。", "A"))
    assert annotate(signed).hanzi == "簽具"
    assert annotate(signed, deck_script=Script.TRADITIONAL).traditional == "簽具"
    # a text converted character by character keeps shared characters: no guide there
    fight = term("纏斗", ("雙方陷入長期纏斗。", "A"))
    assert annotate(fight, deck_script=Script.TRADITIONAL).traditional == "纏鬥"
    # ... nor in a form a converter writes (復雜 for CC-CEDICT's 複雜); but a form none
    # writes is the text's own: Taiwan's 菸 for 煙 (a line written for the case)
    tax = term("菸稅", ("目前長照經費主要來自遺產稅、贈與稅及菸稅。", "A"))
    assert annotate(tax, deck_script=Script.TRADITIONAL).hanzi == "菸稅"
    tobacco = term("菸草", ("菸草製品應標示警語。", "A"))
    assert annotate(tobacco, deck_script=Script.TRADITIONAL).hanzi == "菸草"
    complex_ = term("復雜", ("情況非常復雜。", "A"))
    assert annotate(complex_, deck_script=Script.TRADITIONAL).hanzi == "複雜"


def test_sentences_in_a_traditional_deck_are_in_the_forms_traditional_is_printed_in():
    from deckgen.script import in_script_in_place

    # a Taiwan statute's sentence stays as written (OpenCC's s2t would make 臨床 臨牀)
    taiwan = "醫療機構或醫師應依其專業或意願，提供臨床醫療照護。"
    assert in_script_in_place(taiwan, Script.TRADITIONAL) == taiwan
    # and a mainland sentence becomes what a Taiwan or Hong Kong reader reads
    assert in_script_in_place("为了临床试验，众人签名。", Script.TRADITIONAL) == "為了臨床試驗，眾人簽名。"


def test_also_written_lists_only_true_variants():
    core = annotate(term("核心", ("这是核心技术。", "A")))
    assert not any(w.startswith("内核") for w in core.also_written), core.also_written
    chip = annotate(term("晶片", ("台積電的晶片。", "A")))
    assert "芯片 (mainland)" in chip.also_written
    # OpenCC's Taiwan phrase for 循环 is 迴圈 ('loop'): nobody writes 迴圈經濟
    economy = annotate(term("循環經濟", ("另外，其實我們覺得在減塑領域中，還有一塊也很重要，也就是循環經濟的這件事。", "A")))
    assert not any("迴圈" in w for w in economy.also_written), economy.also_written
    # a Taiwan travel blog's 行程 'itinerary': OpenCC makes it the mainland's 进程 'process', whose
    # Taiwan form is 程序; neither is another way to write it
    trip = annotate(term("行程", ("民宿老闆還幫我們規劃行程。", "A")))
    assert not any(w.startswith(("程序", "进程")) for w in trip.also_written), trip.also_written


def test_a_deck_without_a_script_heads_a_term_as_most_texts_write_it():
    sentences = [("新质生产力是关键。", "A"), ("发展新质生产力。", "A"), ("新质生产力很重要。", "B"),
                 ("報告中的新質生產力。", "C")]
    mostly_simplified = term("新質生產力", *sentences)
    assert annotate(mostly_simplified).hanzi == "新质生产力"
    mostly_traditional = term("新质生产力", *sentences[2:], ("推動新質生產力。", "C"), ("新質生產力的意涵。", "C"))
    assert annotate(mostly_traditional).hanzi == "新質生產力"


def test_examples_are_not_cut_at_list_commas_inside_numbers_or_quotes():
    listed = "由国务院办公厅、国家医保局、国家卫生健康委等部门联合印发的通知，要求各地在年底前完成改革任务，确保稳步发展。"
    start = listed.index("国家医保局")
    left, right = trim(listed, start, start + 5)
    assert listed[left:right].startswith("由国务院办公厅、")
    vote = "董事会以8:8的僵局收场，最终由主席投出关键一票，决定继续投资新能源，这在当地引起了很大的争议和讨论。"
    start = vote.index("僵局")
    assert "以8:8的僵局" in vote[slice(*trim(vote, start, start + 2))]
    quoted = "他说：“我们要发展新质生产力，也要重视传统产业，两者并不矛盾。”这番话引起了热烈讨论和广泛关注。"
    start = quoted.index("新质生产力")
    piece = quoted[slice(*trim(quoted, start, start + 5))]
    assert piece.count("“") == piece.count("”")


@pytest.mark.parametrize("sentence, word, example", [
    # Taiwan's Patient Right to Autonomy Act, a numbered definition
    ("三、預立醫療決定：指事先立下之書面意思表示，指明處於特定臨床條件時", "臨床",
     "預立醫療決定：指事先立下之書面意思表示，指明處於特定臨床條件時"),
    # the provisions on private lending: an article and an item of a list
    ("第十五条 原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩已经偿还借款的", "债权凭证",
     "原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩已经偿还借款的"),
    ("（四）出借人事先知道或者应当知道借款人借款用于违法犯罪活动仍然提供借款的；", "出借人",
     "出借人事先知道或者应当知道借款人借款用于违法犯罪活动仍然提供借款的"),
    # a number that is part of the sentence stays
    ("2.5 亿元的投资让这家公司起死回生，也让投资人看到了新能源产业的前景。", "起死回生",
     "2.5 亿元的投资让这家公司起死回生，也让投资人看到了新能源产业的前景。"),
    # a Markdown bullet (a summary of the 2024 government work report, as pasted from a chat)
    ("- 科技创新:国家实验室体系建设推进,关键核心技术攻关成果显著", "实验室",
     "科技创新:国家实验室体系建设推进,关键核心技术攻关成果显著"),
    ("• 粮食产量再创历史新高,能源资源供应稳定", "粮食产量", "粮食产量再创历史新高,能源资源供应稳定"),
    # an article of the Criminal Law as sites print it, the crime's name in 【】 after its number
    ("第二百六十四条　【盗窃罪】盗窃公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制", "公私财物",
     "盗窃公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制"),
])
def test_an_example_leaves_out_the_number_of_its_list_item_or_article(sentence, word, example):
    start = sentence.index(word)
    assert sentence[slice(*trim(sentence, start, start + len(word)))] == example


def test_an_example_cut_from_one_long_clause_starts_and_ends_on_whole_words():
    # an item of the Criminal Law's article on polluting the environment: no comma for 75 characters
    item = ("（一）在饮用水水源保护区、自然保护地核心保护区等依法确定的重点保护区域排放、倾倒、处置有放射性的废物、"
            "含传染病病原体的废物、有毒物质，情节特别严重的；")
    for word in ("病原体", "重点保护", "核心保护区"):
        example = annotate(term(word, (item, "刑法"))).examples[0].text
        piece = example.removeprefix(CUT).removesuffix(CUT)
        assert piece[0] not in "）", example
        words = {0, len(item)} | {b for t in segmenter().tokens(item) for b in (t.start, t.end)}
        start, end = item.index(piece), item.index(piece) + len(piece)
        assert start in words and end in words, example
        # ... and marks where it was cut from the clause: not after a comma or a bracket
        assert example.startswith(CUT) == (item[start - 1] not in "、，）"), example
        assert example.endswith(CUT) == (item[end] not in "、，；"), example
    assert any(annotate(term(w, (item, "刑法"))).examples[0].text.startswith(CUT) for w in ("病原体", "重点保护"))


def test_an_example_ends_on_no_verb_of_saying_cut_from_what_was_said():
    # a wuxia chapter: the example of 打量 ended "…哈哈一笑，说道"
    text = "那汉子上下打量了他几眼，哈哈一笑，说道：“原来是青城派的朋友。这庙又不是俺家的，你要住便住，何必客气？俺姓岳，名叫岳铁山。”"
    for word in ("打量", "青城派"):
        start = text.index(word)
        piece = text[slice(*trim(text, start, start + len(word)))]
        assert not piece.endswith(("说道", "说道：")) and not piece.startswith("“"), piece


def test_the_same_clause_is_one_example_whatever_mark_ends_it():
    # 没收财产 in two articles: once closing a sentence, once closing its clause
    note = annotate(term("没收财产", ("数额特别巨大的，处十年以上有期徒刑或者无期徒刑，并处罚金或者没收财产。", "刑法"),
                         ("数额特别巨大的，处十年以上有期徒刑或者无期徒刑，并处罚金或者没收财产；", "刑法")))
    assert len(note.examples) == 1


def test_a_term_inside_a_longer_word_is_no_example_of_it():
    note = annotate(term("生物", ("地球的生物圈很脆弱。", "A"), ("这种生物生活在深海里。", "B")))
    assert [e.text[e.start:e.end] for e in note.examples] == ["生物"]
    assert all("生物圈" not in e.text for e in note.examples)


@pytest.mark.parametrize("headword, sentence, english", [
    # a verb part and 人 is the one who does it, in the word CC-CEDICT uses for that
    ("出借人", "出借人请求借款人按照约定的利率支付利息的，人民法院应予支持。", "literally: lender"),
    # 'to be overdue' says what the rate is
    ("逾期利率", "借贷双方对逾期利率有约定的，从其约定。", "literally: overdue interest rates"),
    # a one-word adjective among the part's senses reads in front of a noun: not 'human form robot'
    ("人形机器人", "人形机器人是未来产业的重要方向。", "literally: humanoid robot"),
    # a verb in front of a noun takes the noun CC-CEDICT gives for it: not 'detect method'
    ("检测方法", "从柴油机微粒形成的机理及其危害出发,介绍了柴油机微粒的检测方法。", "literally: detection method"),
    ("干预措施", "采取针对性干预措施后,干预组SSI率下降至1.57%。", "literally: intervention measure"),
    # the adjective CC-CEDICT gives beside a noun reads in front of one: not 'economy growth rate'
    ("經濟成長率", "今年開出的經濟目標是經濟成長率五%、通膨率三%。", "literally: economic growth rate"),
    # a verb and 权 is the right to do it, and the verb takes no adjective among its other
    # senses: 选择 'to select; … alternative' (not 'alternative rights', nor 'select rights')
    ("選擇權", "事實上也有很多臺灣的民眾，是用他的選擇權來換顯名權，也就是選擇這兩個禮拜不拿實名制口罩。",
     "literally: right to select"),
    # of near-synonyms, CC-CEDICT's first unless one names the others ('cigar' is no adjective)
    ("卷烟厂", "云南昆明卷烟厂二队和山东济南卷烟厂将军队分获男子亚军和第三名", "literally: cigarette plant"),
    # 非 is a prefix where it stands: 非 + 法人 + 组织, not 非法 'illegal' + 人 + 组织
    ("非法人组织", "本规定所称的民间借贷，是指自然人、法人和非法人组织之间进行资金融通的行为。",
     "literally: non-legal person organization"),
])
def test_parts_take_the_form_english_gives_them_in_a_phrase(headword, sentence, english):
    from deckgen.lexicon.cedict import knows

    assert not knows(to_simplified(headword)), "CC-CEDICT has it now: pick another"
    assert annotate(term(headword, (sentence, "A"))).english == english


@pytest.mark.parametrize("headword, sentence", [
    ("合同成立", "自然人之间的借款合同自贷款人提供借款时成立，合同成立后不得反悔。"),  # ends in a verb: a clause
    ("重新出具", "债务人重新出具借据的，不影响原借款合同的效力。"),  # 重新 'again' modifies no noun
    ("不要塑膠", "我們希望大家不要塑膠，改用環保餐具。"),  # "don't! plastic"
    ("循環經濟", "我們推動循環經濟，把回收的材料再做成產品。"),  # 'to circulate' is no modifier
    # a leading character that is a surname as often as anything: district chief Yan, not 'strict'
    ("严区长", "既然严区长不在你就先报告一下我也在这里以后严区长如果追问一切有我负责"),
    # two single characters are no two words: 海民 is a name here, not 'sea people'
    ("海民", "老弟兄俩听说海民要挖池养鱼就凑到一块拉谈过看能不能在海民这里入个股"),
    # 固定 + 论 + 学说 (论 inside a word has no steady sense), not 'solid final conclusion theory'
    ("固定论学说", "固定论学说认为地壳的位置是永远不变的，其运动方式以垂直运动为主。"),
    # 会's one bound use, 'a moment', is not the 会 of a council among its many senses
    ("政委會", "這個是一個，政委會非常鼓勵我們做的。"),
])
def test_clauses_and_verb_or_adverb_parts_are_not_composed_into_a_phrase(headword, sentence):
    note = annotate(term(headword, (sentence, "A")))
    assert note.english == "" and "nothing known" in note.meaning_from, note.english


def test_english_verbs_table_matches_the_installed_dictionary():
    """The shipped table is what tools/build_tables.py builds from the installed CC-CEDICT."""
    from deckgen.annotating.english_forms import english_verbs
    from tools.build_tables import build_english_verbs

    assert english_verbs() == build_english_verbs()


def test_the_latin_abbreviation_the_text_gives_guides_the_long_forms_parts():
    from dataclasses import replace

    sentence = ("任正非發下豪語不到五年,今年二月的「世界行動通訊大會」(MWC)上,華為技驚四座的不是發表什麼最新手機。", "A")
    guided = annotate(replace(term("世界行動通訊大會", sentence), abbreviation="MWC"))
    assert guided.english == "literally: world mobile communications convention", guided.english  # 行动 'mobile'
    unguided = annotate(term("世界行動通訊大會", sentence))
    assert "mobile" not in unguided.english, unguided.english


def test_an_acronym_that_names_only_part_of_a_long_form_gives_it_no_english():
    from dataclasses import replace

    sentence = ("」彭博預估,中國今年經濟成長率會落在四.六%;摩根大通則指出,中國今年核心消費者物價指數年增率(CPI)"
                "只會緩幅度上升到一.二%。", "A")
    growth = annotate(replace(term("核心消費者物價指數年增率", sentence), abbreviation="CPI"))
    assert growth.english == "", growth.english  # not 'consumer price index', not 'CPI'
    index = annotate(replace(term("消費者物價指數", ("美國消費者物價指數(CPI)上升。", "A")), abbreviation="CPI"))
    assert index.english == "consumer price index", index.english


def test_an_acronym_names_a_long_form_whose_first_and_last_words_it_shares():
    from dataclasses import replace

    # the 2020 provisions on private lending as the press reported them: the Loan Prime
    # Rate's English leaves 市场报价 'market quotation' unsaid, as English names do
    sentence = ("民间借贷利率的司法保护上限为合同成立时一年期贷款市场报价利率（LPR）的4倍。", "A")
    rate = annotate(replace(term("贷款市场报价利率", sentence), abbreviation="LPR"))
    assert rate.english == "Loan Prime Rate", rate.english


def test_the_spoken_suffix_er_adds_no_meaning():
    note = annotate(term("鱼儿", ("我接着便有许多话，想要连珠一般涌出：角鸡，跳鱼儿，贝壳，猹，……但又总觉得被什么挡着似的。", "A")))
    assert "fish" in note.english and "儿" in note.meaning_from, (note.english, note.meaning_from)


def test_a_noun_in_front_takes_the_adjective_cc_cedicts_compounds_use():
    from deckgen.annotating.english_forms import modifier_forms
    from tools.build_tables import build_modifier_forms

    assert modifier_forms() == build_modifier_forms(), "regenerate: python tools/build_tables.py modifier-forms"
    # 社会保障 'social security', 社会主义 'socialism'…: 'social' capital, not 'society capital'
    note = annotate(term("社会资本", ("保证社会资本和公众共同受益,通过资本市场和开发性、政策性金融等多元融资渠道,"
                                 "吸引社会资本参与公共产品和公共服务项目的投资、运营管理。", "A")))
    assert note.english == "literally: social capital", note.english
    # a near-synonym counts as the noun: 国家 'country; nation; state' is 'national' in
    # 国家队, 国家主义 (CSL keyword 国家文化)
    assert compose("国家文化")[0] == "national culture"


def test_the_sentence_that_defines_a_term_is_its_last_example():
    # Patient Right to Autonomy Act: the card shows the definition as Chinese Definition
    definition = "為減輕或免除病人之生理、心理及靈性痛苦，施予緩解性、支持性之醫療照護，以增進其生活品質"
    defined = term("緩和醫療",
                   (f"七、緩和醫療：指{definition}。", "statute"),
                   ("醫療機構或醫師終止、撤除或不施行維持生命治療或人工營養及流體餵養時，應提供病人緩和醫療及其他適當處置。", "statute"),
                   gloss=definition)
    note = annotate(defined)
    assert note.chinese_definition == definition
    assert note.examples[0].text.startswith("醫療機構或醫師"), [e.text for e in note.examples]


def test_an_acronym_means_what_the_text_spells_it_out_as_not_what_the_letters_often_mean():
    """A research note's 云厂商（CSP）, cut to 厂商, is no 'manufacturer' (no initial of it is
    C or S); a news story's 生产许可证（PC） is no 'personal computer'; the letters a concept
    is abbreviated to are no meaning of it (标准适航证（AC） is not 'AC')."""
    from dataclasses import replace

    csp = annotate(term("CSP", ("北美云厂商（CSP）资本开支上修。", "A"), expansion_of="厂商"))
    assert "manufacturer" not in csp.english
    pc = annotate(term("PC", ("颁发的型号合格证、生产许可证（PC）。", "A"), expansion_of="生产许可证"))
    assert "computer" not in pc.english
    tc = annotate(term("TC", ("民航局颁发的型号合格证（TC）。", "A"), expansion_of="型号合格证"))
    assert "type certificate" in tc.english  # its letters are the English's initials
    cpi = annotate(term("CPI", ("核心消費者物價指數年增率（CPI）。", "B"), expansion_of="核心消費者物價指數年增率"))
    assert cpi.english == "consumer price index"  # no English of the long form to contradict it
    ac = annotate(replace(term("标准适航证", ("颁发的标准适航证（AC）和生产许可证。", "A")), abbreviation="AC"))
    assert ac.english != "AC"


def test_an_email_label_is_no_sense_of_a_part():
    from deckgen.annotating.composition import compose

    composed, _ = compose("回复原状")
    assert "Re:" not in composed


def test_a_use_inside_another_term_of_the_deck_is_the_last_example():
    # an explainer on the low-altitude economy: 低空 is a term beside 低空经济
    sentences = ("最近一年，“低空经济”这个词火得有点离谱，各地都在发布低空经济行动计划。",
                 "起降场、充电设施、低空通信网络都需要大规模投入。",
                 "景区多了一种低空游览的选择，外卖和快递也更快了。")
    from deckgen import mining
    from deckgen.mining import MiningOptions
    from tests.test_mining import source

    terms = {t.simplified: t for t in mining.mine([source("text", *sentences)], MiningOptions(top=20), segmenter())}
    assert {"低空经济", "低空"} <= terms.keys(), sorted(terms)
    low = terms["低空"]
    assert [o.inside for o in low.occurrences] == [True, False, False]
    assert all("低空经济" not in e.text for e in annotate(low).examples[:2]), [e.text for e in annotate(low).examples]


def test_a_piece_that_is_only_the_term_and_its_brackets_is_no_example_beside_others():
    # a Taiwan drone statute: 五、超視距操作（Beyond Visual Line of Sight，BVLOS）：指…, cut at the colon
    from deckgen.annotating.examples import choose_examples

    statute = term("超視距操作",
                   ("五、超視距操作（Beyond Visual Line of Sight，BVLOS）：指操作人無法以目視直接觀察無人機，而藉由通訊、"
                    "監控或偵測設備進行之操作方式。", "A"),
                   ("未經民航局核准而為超視距操作，處新臺幣三萬元以上十五萬元以下罰鍰。", "A"))
    examples = [e.text for e in choose_examples(statute, segmenter())]
    assert examples == ["未經民航局核准而為超視距操作，處新臺幣三萬元以上十五萬元以下罰鍰。"], examples
    # ... where there is no other, it is shown
    alone = term("超視距操作", ("五、超視距操作（Beyond Visual Line of Sight，BVLOS）：指操作人無法以目視直接觀察無人機。", "A"))
    assert len(choose_examples(alone, segmenter())) == 1


def test_a_glossarys_acronym_takes_the_english_it_spells_out():
    # a podcast's list of the terms it used: FMEA（Failure Mode and Effects Analysis，失效模式与影响分析）
    note = annotate(term("FMEA", ("我们用大模型来写FMEA，写完还得老师傅把关。", "A"),
                         gloss="Failure Mode and Effects Analysis", expansion_of="失效模式与影响分析"))
    assert note.english == "Failure Mode and Effects Analysis", note.english


def test_an_example_does_not_open_on_the_closing_quote_of_words_said_before_it():
    # a novel: “春生啊，”刘德厚把烟灰弹进窗台上的易拉罐里，“爸这辈子没啥本事，厂子黄了以后…”
    sentence = "“春生啊，”刘德厚把烟灰弹进窗台上的易拉罐里，“爸这辈子没啥本事，厂子黄了以后，也没给你们兄妹俩攒下啥。"
    start = sentence.index("厂子")
    piece = sentence[slice(*trim(sentence, start, start + 2))]
    assert piece[0] not in "”」』’", piece


def test_a_part_read_otherwise_than_the_dictionarys_word_is_that_word_neither_in_gloss_nor_spelling():
    # a zh-TW Wikipedia article: 早發型 'early-onset' is fā xíng; CC-CEDICT's 发型 is 髮型
    # fà xíng 'hairstyle', which jieba's cut 早 + 发型 would put on the card
    note = annotate(term("發型阿茲海默症", ("通常於65歲以前發病，稱為早發型阿茲海默症（early-onset AD，EOAD）。", "A"),
                         ("絕大多數阿茲海默症為散發型，屬於晚發型阿茲海默症（late-onset AD，LOAD）。", "A")))
    assert note.traditional == "發型阿茲海默症" and "hairstyle" not in note.english, note
    assert note.pinyin[:2] == ("fa1", "xing2")
    assert compose("發型阿茲海默症", ("fa1", "xing2", "a1", "zi1", "hai3", "mo4", "zheng4")) == ("", [])
    # ... read as the dictionary reads it, the part is its word
    assert compose("发型设计", ("fa4", "xing2", "she4", "ji4"))[0] == "hairstyle design"


def test_a_common_acronym_the_text_spells_out_as_something_else_gets_no_english():
    # the same article: 類澱粉前驅蛋白（APP） is no 'application', though nothing gives its English
    line = "已知與家族性病例相關的基因包括類澱粉前驅蛋白（APP）基因、早老素1（PSEN1）基因。"
    note = annotate(term("APP", (line, "A"), expansion_of="類澱粉前驅蛋白"))
    assert note.english == "" and note.meaning_from != FROM_ACRONYMS, note
    # ... while its own spelling out shares its words: 美國食品藥物管理局（FDA）
    note = annotate(term("FDA", ("2023年起，美國食品藥物管理局（FDA）陸續核准單株抗體藥物。", "A"),
                         expansion_of="食品藥物管理局"))
    assert note.english == "Food and Drug Administration", note


def test_a_joined_acronym_whose_letters_the_composed_english_leaves_out_gets_none():
    # 美國國家老化研究院與阿茲海默症協會（NIA-AA): 'Alzheimer's disease association' is half of it
    note = annotate(term("NIA-AA", ("診斷標準包括美國國家老化研究院與阿茲海默症協會（NIA-AA）於2011年修訂的標準。", "A"),
                         expansion_of="阿茲海默症協會"))
    assert note.english == "", note


def test_a_chemical_formula_in_a_sense_is_no_word_of_a_composed_gloss():
    # 淀粉 'starch; amylum (C6H10O5)n': the letters of an acronym pick 'amylum', never 'amylum n'
    english, _ = compose("淀粉前驱蛋白", letters="APP")
    assert english.endswith("precursor protein") and " n " not in f" {english} ", english


def test_a_taiwan_sense_is_left_out_in_a_text_in_simplified_characters():
    # a city's regulation on care for the elderly: 事业单位 beside 企业 'enterprise' is a
    # 'public institution', whatever Taiwan's sense 'business enterprise; company' shares
    note = annotate(term("事业单位", ("鼓励和支持企业事业单位、社会组织和个人通过捐赠等方式参与养老服务。", "A")))
    assert note.english == "public institution", note.english
    # ... and kept, first where it fits, in one written in Traditional: 電動 in Taiwan
    note = annotate(term("電動", ("弟弟整天在家打電動，功課都不寫。", "A")))
    assert "video game" in note.english, note.english


def test_a_part_whose_sense_says_where_makes_no_modifier_of_a_composed_gloss():
    # 城市空中交通 (UAM): 空中 'in the air' gives no 'city in the air transportation', nor a
    # regulation's 符合条件 'in keeping with condition'
    assert "in the air" not in compose("城市空中交通", letters="UAM")[0]
    assert compose("符合条件") == ("", [])
    assert compose("出口管制")[0] == "export control"


def test_a_sense_about_how_words_are_written_keeps_the_character_it_names():
    # a Taiwan report on kindergartens: 園長 'person in charge of a place that ends in 園'
    note = annotate(term("園長", ("園長陳女士受訪時眼眶泛紅，說招不到老師。", "A")))
    assert "ends in 园" in note.english or "ends in 園" in note.english, note.english
    assert "ends in," not in note.english


def test_a_doubled_form_of_sounds_is_no_loanword_said_twice():
    # a 1930s-style story: 便嘻嘻哈哈地挤到门口去 'went off laughing and joking', no 嘻哈 'hip-hop'
    note = annotate(term("嘻嘻哈哈", ("却也并不真恼，接了三个角子，便嘻嘻哈哈地挤到门口去。", "A")))
    assert "hip-hop" not in note.english, note.english
    assert annotate(term("起起落落", ("股价起起落落，散户心惊胆战。", "A"))).english
