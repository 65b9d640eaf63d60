"""Meanings a learner can trust: the sense that fits, CC-CEDICT's links followed, short
forms resolved from the texts, names from a sourced table, shared glossaries, and no
English where nothing trustworthy is known. Every sentence is from a real text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckgen import annotating
from deckgen.annotating.senses import concise_senses, plain
from deckgen.build import read_texts
from deckgen.deckfile import load_deck_file
from deckgen.errors import DeckFileError
from deckgen.lexicon import cedict
from deckgen.overrides import added_term, apply, match
from deckgen.records import Term
from deckgen.segmenting import segmenter
from tests.conftest import copy_project, run_cli
from tests.test_annotate import annotate, term


@pytest.mark.parametrize("headword, sentence, fits, not_first", [
    # the (fig.) sense the text uses, not the literal or family one CC-CEDICT lists first
    ("催生", "人工智能正在催生新產業、新模式、新動能。", "driving force", "baby"),
    ("短板", "芯片製造設備是中國科技產業最大的短板。", "weak point", "stave"),
    # historical and '(originally)' senses go last, and never onto a card beside current ones
    ("霸主", "美國仍是全球科技霸主。", "overlord", "Spring and Autumn"),
    ("鴻溝", "中美之間的技術鴻溝正在縮小。", "gulf", "Hong Canal"),
    # of two entries read kai1 feng1, the city the history calls for; its old name is no gloss
    ("開封", "建炎三年六月，杜充撤往建康府，岳飛苦諫不從，開封失守。", "Kaifeng", "Bianliang"),
    # a slang coinage is no first guess in an article on investors
    ("接盘", "就像当年瓦特的第一个投资人罗巴克,投了十年瓦特也没搞出来,后来博尔顿接盘,又干了好几年才成功。",
     "struggling business", "girlfriend"),
    # an aside that explains a sense ('(to a new model of product)') is no evidence it fits
    ("转型", "中国现在正处在一个大的转折点,从模式创新到科技创新转型。", "fundamental change", "update"),
    # a plain first sense keeps its place before a figurative one: a story's tea is drunk,
    # a general's men plunder
    ("喝茶", "我的母亲很高兴，但也藏着许多凄凉的神情，教我坐下，歇息，喝茶，且不谈搬家的事。",
     "to drink tea", "state security"),
    ("擄掠", "岳家軍紀律嚴明，有「凍死不拆屋，餓死不擄掠」之稱。", "plunder", "hearts"),
    # ... and so does one CC-CEDICT makes long by a bracket of examples, not by explaining
    # it: a cook's 干货 is dried food (a line written for the case)
    ("干货", "但是那都是属于干货涨发，海参鲍鱼得提前泡上。", "dried food", "knowledge"),
    # a Taiwan story: in Traditional characters Taiwan's sense comes first, whatever one word
    # around it shares ('engine')
    ("機車", "把米酒塞進機車前面的籃仔，發動引擎。", "scooter", "locomotive"),
    ("阿公", "他騎阿公留下來的那台舊豪邁。", "grandfather", "polite address"),
    # ... or by a species' Latin name: a Tainan vlog's chives are eaten, not retail investors
    ("韭菜", "然後有豆芽菜跟韭菜，湯頭是用牛骨熬的。", "garlic chives", "investors"),
    # an idiom is used in its figurative sense; the literal one follows as its explanation
    ("令行禁止", "岳飛治軍，賞罰分明，紀律嚴整，令行禁止。", "every order", "lit."),
    # 颱風 'typhoon' and 臺風 'stage presence' are two words, both 台风 in Simplified: the one
    # the text spells, or, in Simplified, the one the card spells (颱風). A place's entry
    # (滨海 'Binhai') fits by the names of its region, not by the county names around it.
    # Lines written after the Taiwan press's typhoon reports of 2025.
    ("颱風", "中央氣象署今天清晨持續發布強烈颱風海上陸上警報。", "typhoon", "stage"),
    ("台风", "今天台风登陆前，沿海地区要严防强风豪雨。", "typhoon", "stage"),
    ("濱海", "桃園市濱海鄉鎮、台東縣濱海鄉鎮及蘭嶼、綠島的風力達停班課標準。", "coastal", "Binhai"),
    # ... but 悽涼 'mournful' and 淒涼 'desolate (place)' are one word spelt two ways (悽 is
    # a variant of 淒): the sense decides, and a mother's look is mournful (Lu Xun, 故乡)
    ("凄凉", "我的母亲很高兴，但也藏着许多凄凉的神情，教我坐下，歇息，喝茶。", "mournful", "desolate"),
])
def test_the_sense_that_fits_comes_first_and_dated_senses_last(headword, sentence, fits, not_first):
    note = annotate(term(headword, (sentence, "A")))
    first = note.english.split(";")[0]
    assert fits in note.english and not_first not in first, note.english
    assert note.english.count(";") <= 5


def test_a_part_of_a_composed_gloss_is_the_word_its_spelling_names():
    # 陸上颱風警報 is a typhoon warning for land, not a 'land-based stage presence alert'
    # (臺風, also 台风 in Simplified). Lines written after the Taiwan press's reports.
    for headword, sentence in (("陸上颱風警報", "中央氣象署已對台東、恆春半島及屏東發布陸上颱風警報。"),
                               ("陆上台风警报", "气象部门已对台东、恒春半岛发布陆上台风警报。")):
        note = annotate(term(headword, (sentence, "A")))
        assert note.english == "literally: land-based typhoon alert", note.english


def test_cedict_markup_is_plain_text_on_the_card():
    entry = next(e for e in cedict.lookup("鸿沟") if any("漢|汉" in s for s in e.senses))
    rendered = [plain(s) for s in entry.senses]
    assert not any("|" in s or "[" in s for s in rendered), rendered
    assert any(s.endswith("between enemies Chu and Han") for s in rendered), rendered  # the Chinese is no English
    for word, gloss in (("明月", "a legendary pearl"), ("文联", "China Federation of Literary and Art Circles")):
        shown = "; ".join(concise_senses(cedict.lookup(word)[0]))  # 'refers to 夜明珠, …', 'abbr. for 中國文…, …'
        assert gloss in shown and not re.search(r"refers to|abbr\. for|, ;|^,", shown), shown
    era = "; ".join(concise_senses(cedict.lookup("古生代")[0]))
    assert era.startswith("Paleozoic") and not re.search(r"[\u4e00-\u9fff]|covering", era), era
    assert "[" not in "; ".join(concise_senses(cedict.lookup("通缩")[0]))


def test_chinese_a_sense_lists_leaves_no_commas_behind():
    # 之乎者也 (Lu Xun, 孔乙己: 满口之乎者也): 'lit. 之, 乎, 者 and 也 (…) (idiom); fig. archaic
    # expressions' shows the figurative sense, not 'lit.,, and'
    assert concise_senses(cedict.lookup("之乎者也")[0]) == ["fig. archaic expressions"]
    # a list of places, the short form a name points to: what comes before them stays
    assert concise_senses(cedict.lookup("三北")[0]) == ["China's three northern regions"]
    shanghai = "; ".join(concise_senses(cedict.lookup("上海")[0]))
    assert shanghai.startswith("Shanghai municipality") and not re.search(r"abbr\. to|,\s*$|,\s*,", shanghai)



def test_a_note_on_spelling_or_reading_is_no_sense():
    # 朱自清, 背影: 我买几个桔子去. CC-CEDICT's 桔子 'tangerine; also written 橘子' is a
    # tangerine, not 'tangerine; also written' once the Chinese is taken out
    assert concise_senses(cedict.lookup("桔子")[0]) == ["tangerine"]
    # a note after a comma goes with what pointed at it: "Pond's (…), also written 旁氏"
    ponds = next(e for e in cedict.lookup("庞氏") if any("Pond" in s for s in e.senses))
    assert "; ".join(concise_senses(ponds)).endswith("(brand of skin care products)")
    # readings are notes too: 热腾腾 '(coll.) also pr. […]'
    assert not any("pr." in s for s in concise_senses(cedict.lookup("热腾腾")[0], limit=9))

def test_a_synonym_after_a_slang_sense_is_slang_too():
    # 为让长江经济带这条“巨龙”舞得更好: CC-CEDICT's 巨龙 ends '(slang) big dick/schlong'
    shown = "; ".join(concise_senses(cedict.lookup("巨龙")[0], context="economic belt river dragon"))
    assert shown.startswith("gigantic dragon")
    assert "schlong" not in shown and "dick" not in shown
    # a word CC-CEDICT has in the marked register only keeps its meanings
    assert "robust" in concise_senses(cedict.lookup("瓷实")[0])


def test_an_english_phrase_ending_in_a_preposition_is_kept():
    # 體恤部屬 (Wikipedia, 岳飛): 'to empathize with; to show solicitude for', not 'T-shirt'
    assert concise_senses(cedict.lookup("体恤")[0])[0] == "to empathize with; to show solicitude for"
    assert concise_senses(cedict.lookup("熟悉")[0])[0].startswith("to be familiar with")
    note = annotate(term("體恤", ("岳飛治軍，賞罰分明，紀律嚴整，又能體恤部屬，以身作則。", "A")))
    assert note.english.startswith("to empathize with"), note.english
    # ... while a pointer left dangling by the Chinese it pointed at still goes, in an
    # aside too: 'swindler (homonym of 拜託|拜托)', 'plastic surgery (abbr. of 整形外科)'
    assert plain("Taiwanese term for 網絡|网络[wang3 luo4]") == ""
    assert concise_senses(cedict.lookup("白托")[0]) == ["day care for the elderly", "to be blinded by greed",
                                                        "swindler"]
    assert concise_senses(cedict.lookup("整形")[0])[-1] == "plastic surgery or orthopedics"


def test_a_see_entry_takes_the_meaning_it_points_to():
    # CC-CEDICT: 騰訊 腾讯 [Teng2 xun4] /see 騰訊控股有限公司|腾讯控股有限公司[...]/
    note = annotate(term("騰訊", ("騰訊、阿里巴巴等中國科技企業在人工智能領域投入巨大。", "A")))
    assert "Tencent" in note.english, note.english
    assert note.meaning_from.startswith("CC-CEDICT, via 騰訊控股有限公司")  # as the card writes it
    assert note.pinyin == ("teng2", "xun4")
    mainland = annotate(term("腾讯", ("腾讯、阿里巴巴等中国科技企业在人工智能领域投入巨大。", "A")))
    assert mainland.meaning_from.startswith("CC-CEDICT, via 腾讯控股有限公司")


def test_links_are_followed_by_form_and_reading_with_a_hop_limit():
    [entry] = [e for e in cedict.lookup("北外")]
    assert [t.simplified for t in cedict.linked_entries(entry)] == ["北京外国语大学"]
    assert cedict.linked_entries(entry, hops=0) == []


def _sources(tmp_path: Path, text: str):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return read_texts([path])


def _short_form(tmp_path: Path, text: str, short: str):
    """The term `short` of `text`, with the long form found for it, and its note."""
    sources = _sources(tmp_path, text)
    [term] = annotating.with_long_forms([added_term(short, sources)], sources)
    return term, annotating.annotate(term, segmenter())


def test_a_short_form_takes_the_meaning_of_the_long_form_nearby(tmp_path):
    short, note = _short_form(tmp_path, "環保署指出,空氣汙染是國人最關心的環境議題。\n"
                                        "今年冬天的空汙比去年嚴重,專家建議民眾減少外出。\n", "空汙")
    assert short.long_form == "空氣汙染"
    assert "air pollution" in note.english and "空氣汙染" in note.meaning_from, (note.english, note.meaning_from)


def test_a_short_form_of_a_compound_takes_its_literal_gloss(tmp_path):
    # the Taiwan meeting transcript: 社企 is 社會企業, which no dictionary has but whose
    # words are plain (社會 + 企業)
    short, note = _short_form(tmp_path, "您是社企的大家長，常與許多社企夥伴互動。\n"
                                        "所以想說您常代表社會企業到國際的場域去，所以想請教您。\n", "社企")
    assert short.long_form == "社會企業"
    assert note.english == "literally: social enterprise" and "社會企業" in note.meaning_from, note
    # a short form that means something as it stands abbreviates no compound around it:
    # Business Weekly's 大模型 is no 大型語言模型
    model, _ = _short_form(tmp_path, "OpenAI推出大型語言模型ChatGPT之後，中國也掀起了百模大戰。\n"
                                     "中國的大模型數量已經超過一百個。\n", "大模型")
    assert model.long_form is None


def test_a_name_with_its_first_character_left_out_is_short_for_the_name(tmp_path):
    # a CNA story: 政院 is the Executive Yuan, 行政院, as Taiwan news shortens it
    short, note = _short_form(tmp_path, "行政院會今天通過長照服務法修正草案，送立法院審議。\n"
                                        "立委要求政院儘速提出長照財源方案。\n", "政院")
    assert short.long_form == "行政院"
    assert "Executive Yuan" in note.english, note


def test_a_ministry_is_short_for_its_name_not_for_its_minister(tmp_path):
    short, note = _short_form(tmp_path, "衛生福利部長鄭啟銘表示，修法後將擴大服務對象。\n"
                                        "衛福部統計，全國失能人口已超過80萬人。\n", "衛福部")
    assert short.long_form == "衛生福利部"
    assert note.english == "literally: health welfare department", note


def test_a_short_form_without_a_long_form_nearby_stays_unknown(tmp_path):
    short, note = _short_form(tmp_path, "今年冬天的空汙比去年嚴重,專家建議民眾減少外出。\n", "空汙")
    assert short.long_form is None
    assert note.english == "" and "nothing known" in note.meaning_from


@pytest.mark.parametrize("headword, sentence, english", [
    ("輝達", "美國要求輝達停止向中國輸出高階晶片。", "NVIDIA"),
    ("中芯國際", "去年,晶片製造商中芯國際開始進入七奈米製程。", "SMIC"),
    ("OpenAI", "OpenAI推出ChatGPT後,全球掀起大模型熱潮。", "OpenAI"),
    ("科创板", "总书记指出,科创板要肩负起引领中国经济向创新驱动发展转型的历史使命。", "STAR Market"),
    # a Taiwan business paper on phone sales, 2024
    ("iPhone", "上半年進榜的iPhone單機，多為iPhone 15系列。", "Apple's smartphone"),
    ("紅米", "今年上半年紅米及vivo也大幅瓜分市場。", "Redmi"),
])
def test_names_come_from_the_sourced_table(headword, sentence, english):
    note = annotate(term(headword, (sentence, "B")))
    assert english in note.english and "deckgen's table of names" in note.meaning_from, note


def test_every_name_in_the_table_cites_a_source():
    from deckgen import tables

    rows = list(tables.read("names.tsv"))
    assert len(rows) >= 60
    for name, english, source in rows:
        assert name and english and source.startswith("https://"), (name, english, source)


def test_common_words_are_not_taken_for_companies():
    # matchina maps these to Ping An Insurance, Great Wall Motor and China Mobile; CC-CEDICT's word wins
    for word, sense in (("平安", "safe"), ("长城", "Great Wall"), ("移动", "move")):
        note = annotate(term(word, (f"这是{word}。", "A")))
        assert sense in note.english and note.meaning_from.startswith("CC-CEDICT"), note.english


# --- shared glossaries ------------------------------------------------------------

def _deck(folder: Path, extra: str) -> Path:
    (folder / "a.txt").write_text("習家班的成員多半來自浙江與福建。小院高牆是美國的策略。\n", encoding="utf-8")
    deck = folder / "decks" / "d.toml"
    deck.parent.mkdir(exist_ok=True)
    deck.write_text(f'sources = ["../a.txt"]\nglossaries = ["../glossary.toml"]\nallow_sources_from = [".."]\n{extra}', encoding="utf-8")
    return deck


def test_a_shared_glossary_corrects_terms_and_the_deck_file_wins(tmp_path):
    (tmp_path / "glossary.toml").write_text(
        '# corrections shared by every deck\n'
        '[terms."習家班"]\nenglish = "Xi Jinping\'s inner circle"\n\n'
        '[terms."小院高墙"]\nenglish = "small yard, high fence"\n\n'
        '[terms."卡脖子"]\nenglish = "to choke"\n', encoding="utf-8")
    deck = load_deck_file(_deck(tmp_path, '\n[terms."小院高牆"]\nenglish = "small yard, high fence (US policy)"\n'))
    by_word = {o.headword: o for o in deck.overrides}
    assert by_word["小院高牆"].english.endswith("(US policy)") and by_word["小院高牆"].glossary is None
    assert "小院高墙" not in by_word, "the deck file's own table wins"
    assert by_word["習家班"].glossary == tmp_path / "glossary.toml"

    sources = read_texts(deck.sources)
    mined = [added_term("習家班", sources), added_term("小院高牆", sources)]
    terms, corrections = match(mined, deck.overrides, sources)
    assert [t.text for t in terms] == ["習家班", "小院高牆"], "a glossary adds no term of its own (卡脖子)"
    t: Term = terms[0]
    note = apply(annotating.annotate(t, segmenter()), t, corrections[t.simplified], segmenter())
    assert note.english == "Xi Jinping's inner circle" and note.meaning_from == "the glossary glossary.toml"


@pytest.mark.parametrize("glossary, line, says", [
    ('[terms."習家班"]\nenglish = "Xi\'s circle"\n\n[terms."小院高墙"]\nenglsh = "x"\n', 5, "unknown setting 'englsh'"),
    ('[terms."習家班"]\nenglish = "Xi\'s circle\n', 2, "not valid TOML"),
    ('title = "x"\n', 1, "unknown setting 'title' in a glossary"),
])
def test_glossary_errors_name_the_glossary_and_the_line(tmp_path, glossary, line, says):
    (tmp_path / "glossary.toml").write_text(glossary, encoding="utf-8")
    with pytest.raises(DeckFileError) as caught:
        load_deck_file(_deck(tmp_path, ""))
    error = caught.value
    assert Path(error.path).name == "glossary.toml" and error.line == line and says in str(error), str(error)


def test_a_missing_glossary_is_reported_at_the_deck_files_line(tmp_path):
    deck = _deck(tmp_path, "")
    with pytest.raises(DeckFileError) as caught:
        load_deck_file(deck)
    assert Path(caught.value.path) == deck and caught.value.line == 2 and "glossary" in str(caught.value)


# --- review ----------------------------------------------------------------------

def test_review_lists_the_notes_without_a_meaning_first_and_says_so(tmp_path):
    project = copy_project(tmp_path)
    result = run_cli("review", "decks/chips-ai-export-controls.toml", cwd=project)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "have no meaning" in line)
    unknown = int(re.match(r"(\d+) of \d+ notes have no meaning", header).group(1))
    entries = [line for line in lines if re.match(r"^\s*\d+\. \S", line)]
    assert unknown >= 1
    assert all(line.endswith("(no meaning known)") for line in entries[:unknown])
    assert not any(line.endswith("(no meaning known)") for line in entries[unknown:])


@pytest.mark.parametrize("compound, gloss", [
    ("生活品质", "life quality"),  # 品质: 'character' first; most of its senses say 'quality'
    ("塑胶垃圾", "plastic trash"),  # 塑胶: 'plastic', named inside 'plastic cement'
    ("债权凭证", "creditor's rights proof"),  # 凭证: four senses, all documents
])
def test_a_parts_sense_is_the_one_most_of_its_senses_share(compound, gloss):
    from deckgen.annotating.composition import compose

    assert compose(compound)[0] == gloss


def test_a_parts_sense_of_one_field_comes_after_its_general_ones():
    from deckgen.annotating.composition import compose

    # 勞動基準法 (Taiwan's Labor Standards Act): CC-CEDICT's 基准 is '(surveying) datum'
    # first, then 'standard; criterion; benchmark'
    gloss = compose("勞動基準")[0]
    assert gloss.endswith("labor standard") and "datum" not in gloss, gloss
    # '(raw) material' and '(fire) alarm' name no field
    assert compose("材料創新")[0] == "material innovation"


def test_a_part_is_no_computer_term_for_the_words_computing_makes_of_it():
    from deckgen.annotating.composition import compose

    # a court's judgment: 依法适用简易程序 'under the summary procedure'; 程序 is a 'computer
    # program' in most of CC-CEDICT's words containing it (程序员, 应用程序), but 'procedures' first
    for compound in ("简易程序", "诉讼程序"):
        gloss = compose(compound)[0]
        assert gloss.endswith("procedures") and "computer" not in gloss, gloss


def test_parts_are_two_words_rather_than_a_word_and_a_character():
    from deckgen.annotating.composition import dictionary_pieces

    # a Wikipedia biography: 代表作品 is 代表 + 作品 'representative works', not 代表作 +
    # 品 'representative work product'
    assert dictionary_pieces("代表作品") == ["代表", "作品"]
    assert dictionary_pieces("非法人组织") == ["非", "法人", "组织"]  # an affix still counts as one


@pytest.mark.parametrize("clause", [
    "法律关系审理",  # 'law relation hear': English uses no bare 'hear' as a noun
    "情况紧急",  # 'circumstances emergency': a noun and what it is like
    "经济过热",  # 'economic too hot' (供不应求, 比如经济过热): 过热 'too hot' is a verb of degree
    # the Criminal Law and an interview on the silver economy
    "严重残疾",  # 'serious disabled': a head English reads as an adjective
    "对方当事人",  # 'other person persons involved or implicated': a head of alternatives
    "高龄老人",  # 'elderly old man or woman'
    "晚年生活",  # "one's later years life": a possessive modifies nothing
])
def test_a_clause_composes_no_phrase(clause):
    from deckgen.annotating.composition import compose

    assert compose(clause) == ("", [])


def test_english_verbs_used_as_nouns_are_those_cedict_uses_so():
    from deckgen.annotating.english_forms import english_verbs

    verbs = english_verbs()
    assert verbs["export"][0] and verbs["control"][0] and verbs["transfer"][0]  # 'export duty', 'a control'
    # CC-CEDICT opens glosses of idioms with these as imperatives: 'hear what he says'
    assert not verbs.get("hear", (False, ""))[0]
    assert not verbs.get("avoid", (False, ""))[0]


def test_plain_noun_phrases_still_compose():
    from deckgen.annotating.composition import compose

    assert compose("刑事责任")[0] == "criminal responsibility"
    assert compose("政策文件")[0] == "policy document"


def test_a_verb_used_as_a_noun_heads_a_compound_as_the_doing_of_it():
    # a financial paper on car exports: 出口 is 'an exit' first in CC-CEDICT, 进口 'entrance'
    from deckgen.annotating.composition import compose

    assert compose("汽车出口")[0] == "car export"
    assert compose("汽车进口")[0] == "car import"
    assert compose("风险评估")[0] == "risk assessment"  # a noun of the doing itself stays
    assert compose("数据供给")[0] == "data supply"


def test_a_part_with_many_unrelated_senses_is_no_part_to_compose_from():
    from deckgen.annotating.composition import compose

    assert compose("医疗机构") == ("", [])  # 机构: mechanism, structure, organization, agency, institution


def test_a_numbered_part_inside_a_phrase_is_not_first():
    from deckgen.annotating.composition import compose

    assert compose("新一轮")[0] == "new round"  # 一轮 'first round or stage'


def test_a_name_of_four_parts_or_more_gets_no_literal_gloss_unless_its_acronym_guides_it():
    from deckgen.annotating.composition import compose

    # Provisions on private lending: 一年期贷款市场报价利率 is the Loan Prime Rate.
    note = annotate(term("贷款市场报价利率", (
        "前款所称“一年期贷款市场报价利率”，是指中国人民银行授权全国银行间同业拆借中心自2019年8月20日起每月发布的一年期贷款市场报价利率。", "A")))
    assert note.english == "" and "nothing known" in note.meaning_from, note.english
    assert compose("世界行动通讯大会", letters="MWC")[0] == "world mobile communications convention"
    # ... each part in the form English gives it before a noun: 'national', not 'nation'
    assert compose("国家可再生能源实验室", letters="NREL")[0] == "national renewable energy laboratory"
    # a person CC-CEDICT names by their dates is no part of a phrase: 傅立叶 is 'Charles
    # Fourier (French sociologist …, 1772-1837)', not the Fourier of the transform
    assert compose("傅立叶转换红外光谱", letters="FTIR") == ("", [])
    assert compose("大院铁幕")[0] == "courtyard Iron Curtain"  # a period's dates are no person's
    # a verb heads no phrase, whatever its letter: extended producer responsibility (EPR)
    assert compose("生产者责任延伸", letters="EPR") == ("", [])
    assert compose("关键核心技术")[0] == "crucial core technology"


@pytest.mark.parametrize("acronym, english", [
    ("SVM", "support vector machine"),
    ("CT", "computed tomography"),
    ("ATP", "adenosine triphosphate"),  # 植物利用ATP和NADPH，把二氧化碳固定并还原成糖类 (photosynthesis)
])
def test_common_acronyms_of_science_and_engineering_have_their_english(acronym, english):
    # CSL abstracts: 支持向量机(SVM), CT分析技术在土壤科学研究中的应用
    note = annotate(term(acronym, (f"本文采用{acronym}方法进行分析，{acronym}的结果令人满意。", "A")))
    assert note.english == english, note.english


def test_a_small_letter_before_capitals_is_matched_as_written():
    # Wikipedia, perovskite solar cells: 晶体硅（带隙约1.12 eV）is an electronvolt, no EV
    note = annotate(term("eV", ("可与晶体硅（带隙约1.12 eV）组成叠层电池，带隙为1.6 eV左右。", "A")))
    assert note.english == "electronvolt", note.english
    note = annotate(term("EV", ("今年EV销量大增，EV渗透率超过三成。", "A")))
    assert note.english == "electric vehicle", note.english
    # a report on humanoid robots: AGV（自动导引运输车）
    note = annotate(term("AGV", ("几年后人们看到人形机器人，会像今天看到AGV（自动导引运输车）一样习以为常。", "A")))
    assert note.english == "automated guided vehicle", note.english


def test_a_verb_and_quan_is_the_right_to_do_it():
    from deckgen.annotating.composition import compose

    # Taiwan meeting transcript: 選擇權 beside 肖像權 and 財產權
    assert compose("选择权")[0] == "right to select"  # not 'select rights'
    assert compose("肖像权")[0] == "portrait rights"  # a noun's rights
    assert compose("经营权") == ("", [])  # 'to engage in (business etc)': no object left to say what in
    note = annotate(term("選擇權", ("讓消費者有更多的選擇權，也能保障自己的肖像權與財產權。", "A")))
    assert note.english == "literally: right to select", note.english


def test_an_aside_naming_a_field_is_evidence_that_the_sense_fits_a_text_of_that_field():
    # Wikipedia, geology: 66 Ma：白垩纪－第三纪灭绝事件 – 非鸟恐龙灭绝，中生代结束，新生代开始
    era = annotate(term("第三纪", ("66 Ma：白垩纪－第三纪灭绝事件 – 非鸟恐龙灭绝，中生代结束，新生代开始", "A")))
    assert era.english.startswith("tertiary (geological era"), era.english
    # without such a context CC-CEDICT's order stands
    assert concise_senses(cedict.lookup("第三纪")[0])[0] == "third period"


@pytest.mark.parametrize("compound", [
    # CSL keywords and the Taiwan transcript: a character's sense inside a new word is a
    # guess, and the guesses were wrong as often as right
    "填料柱",  # 柱 'pillar': a packed column
    "规则库",  # 库 'warehouse': a rule base
    "投资省",  # 省 'province', where 投资省 saves investment
    "抗精神病药",  # 药 is also 'leaf of the iris', another word written alike
    "关系人",  # 人 after a noun is no 'relation person'
    "独立站",  # 站 is a station or, in e-commerce, a website: no 'independent station'
])
def test_a_noun_of_one_character_heads_no_literal_gloss(compound):
    from deckgen.annotating.composition import compose

    assert compose(compound) == ("", [])


@pytest.mark.parametrize(("compound", "gloss"), [
    # the Taiwan transcript, Business Weekly 1896 and CSL keywords: a suffix of one steady sense
    ("塑膠瓶", "plastic bottle"),
    ("產品線", "product line"),
    ("新能源車", "new energy vehicle"),
    ("标准化示范区", "standardization demonstration zone"),
])
def test_a_suffix_of_one_steady_sense_heads_a_literal_gloss(compound, gloss):
    from deckgen.annotating.composition import compose

    assert compose(compound)[0] == gloss


@pytest.mark.parametrize(("compound", "gloss"), [
    # the seed articles and CSL keywords: a prefix of one steady sense
    ("大模型", "large model"),
    ("硬科技", "hard science and technology"),
    ("微机电系统", "micro electromechanical system"),
])
def test_a_prefix_of_one_steady_sense_leads_a_literal_gloss(compound, gloss):
    from deckgen.annotating.composition import compose

    assert compose(compound)[0] == gloss


@pytest.mark.parametrize("compound", [
    "四大茶叶产区",  # 四大 'the four elements (Buddhism)': a number's word means what it counts there
    "公共舆论危机",  # not 'public public opinion crisis'
])
def test_no_literal_gloss_from_a_number_word_nor_with_a_word_twice(compound):
    from deckgen.annotating.composition import compose

    assert compose(compound) == ("", [])


def test_the_head_of_a_literal_gloss_is_a_thing_not_an_adjective():
    from deckgen.annotating.composition import compose

    # CSL keyword 西北地区: 地区 'local; regional; district …' heads as a district
    assert compose("西北地区")[0] == "northwest district"
    # ... and 纳米技术应用 is an application, not 'nanotechnology applied'
    assert compose("纳米技术应用")[0] == "nanotechnology application"


def test_a_part_whose_next_sense_is_an_adjective_modifies_as_one():
    from deckgen.annotating.composition import compose

    # a basketball report's 职业联赛: 职业 'occupation', and CC-CEDICT's next sense 'professional'
    assert compose("职业联赛")[0].startswith("professional league"), compose("职业联赛")
    # not a word of a sense: 资金 'funds; funding; capital' is no 'capital' before a noun
    assert compose("资金和技术")[0] == "funds and technology"


def test_a_part_that_is_a_name_or_a_word_composes_nothing():
    from deckgen.annotating.composition import compose

    # a civil judgment: 不知情 is 不 + 知情 'not knowing the facts', no 'not to know feelings'
    assert compose("不知情") == ("", [])

    # a Xiaohongshu post on Dali: 大理 is the city, not CC-CEDICT's other 'judicial officer'
    assert compose("大理古城") == ("", [])
    # where the name says the word, the word is no guess: 西北 'Northwest China', 'northwest'
    assert compose("西北地区")[0] == "northwest district"


def test_a_part_takes_the_near_synonym_its_compounds_use():
    from deckgen.annotating.composition import compose

    # CSL keywords: 性能 'function; performance' is a performance in CC-CEDICT's compounds
    # (高性能 'high performance'), 情报 'information; intelligence' intelligence (情报局)
    assert compose("光学性能")[0] == "optical performance"
    assert compose("竞争情报研究")[0] == "competition intelligence research"


def test_a_sense_of_taiwan_comes_first_in_traditional_and_last_in_simplified():
    # Taiwan meeting transcript: 塑膠 'synthetic resin; plastic cement; (Tw) plastic'
    taiwan = annotate(term("塑膠", ("我們並不是完全不用塑膠，而是不要一次性地用塑膠。", "A")))
    assert taiwan.english.startswith("plastic;"), taiwan.english
    mainland = annotate(term("塑胶", ("我们并不是完全不用塑胶，而是不要一次性地用塑胶。", "A")))
    assert mainland.english.startswith("synthetic resin"), mainland.english
    # a sentence both scripts write alike tells nothing: CC-CEDICT's order stands
    assert concise_senses(cedict.lookup("塑胶")[0], taiwan=None)[0] == "synthetic resin"
    # Meaning From says "Taiwan usage" when the sense shown first is Taiwan's, not for a
    # common word with a Taiwan sense after (买票 in 朱自清's 背影 is buying a ticket)
    assert "Taiwan usage" in taiwan.meaning_from and "Taiwan usage" not in mainland.meaning_from
    ticket = annotate(term("买票", ("我们过了江，进了车站。我买票，他忙着照看行李。", "A")))
    assert ticket.english.startswith("to buy tickets") and "Taiwan" not in ticket.meaning_from, ticket
    assert not cedict.lookup("买票")[0].taiwan_only and cedict.lookup("三不五时")[0].taiwan_only


def test_an_exclamation_listed_after_the_other_senses_is_left_off():
    # a Taipei student's diary: 機車 is the scooter; CC-CEDICT's '(Tw) damn!; crap!' is talk
    note = annotate(term("機車", ("窗外偶爾傳來機車加速的聲音，天氣依然很熱，但心裡倒是挺平靜的。", "A")))
    assert note.english.startswith("scooter"), note.english
    assert "!" not in note.english, note.english
    # a word that is an exclamation first keeps it: 万岁 'Long live …!'
    assert concise_senses(cedict.lookup("万岁")[0])[0].endswith("!")


def test_a_small_place_the_text_does_not_go_near_comes_after_the_other_sense():
    # CC-CEDICT's 三星: 'Sanxing Township in Yilan County, Taiwan', then Samsung. A Taiwan
    # report on phone sales means the company; the English around it there:
    samsung = next(e for e in cedict.lookup("三星") if e.proper)
    phones = "this year first half (of a year) Taiwan mobile phone market apple to occupy market share"
    assert concise_senses(samsung, context=phones)[0].startswith("Samsung")
    # ... and a text that goes to Yilan (宜蘭縣三星鄉以三星蔥聞名) the township
    yilan = "Yilan County in northeast Taiwan well-known famous every year winter to attract tourist"
    assert concise_senses(samsung, context=yilan)[0].startswith("Sanxing")


def test_a_doubled_word_takes_the_meaning_of_the_word_it_doubles():
    # 南风窗 2024: 隨隨便便 is 隨便 said with emphasis; CC-CEDICT lists only 隨便
    note = annotate(term("隨隨便便", ("但如果隨隨便便地妄言說中國做不了從0到1,這是不對的。", "A")))
    assert note.english.startswith("as one wishes"), note.english
    assert "随便" in note.meaning_from and "literally" not in note.english


def test_an_abbreviation_of_several_words_shows_each_of_them():
    # CC-CEDICT: 立委 'abbr. for 立法委員會' and 'abbr. for 立法委員'; a Taiwan text means the
    # legislator (a line written for the case), which the first link alone would hide
    note = annotate(term("立委", ("有立委主張應改採長照保險制，但也有人擔心增加民眾負擔。", "A")))
    assert note.english == "legislative committee; member of the Legislative Yuan", note.english
    # ... each named in the script the card shows
    assert "立法委員會" in note.meaning_from and "立法委員" in note.meaning_from


def test_a_part_takes_no_sense_marked_old():
    from deckgen.annotating.composition import compose

    # 看護 'to nurse; to look after; to watch over; (old) hospital nurse': 外籍看護, the
    # foreign care worker of Taiwan's news, is no 'foreign hospital nurse'
    assert "hospital" not in compose("外籍看護")[0]


def test_a_head_takes_the_sense_it_has_at_the_end_of_words():
    from deckgen.annotating.composition import compose

    # Taiwan's Personal Data Protection Act: 公務機關 is a public body, not a mechanism;
    # 機關 is 'machine-operated' in front (機關槍) and a 'body' at the end (自治機關)
    assert compose("公務機關")[0] == "official business body"
    assert "mechanism" not in compose("非公務機關")[0]


@pytest.mark.parametrize("compound, gloss", [
    # 长江经济带贯穿我国东中西部 / 长江中游城市群 / 连接世界价值链 / 成渝经济圈 / 世界经济史
    ("经济带", "economic belt"),
    ("城市群", "city cluster"),
    ("价值链", "value chain"),
    ("经济圈", "economic circle"),
    ("经济史", "economic history"),
    # a cook's subtitles: 这个鹌鹑蛋呢，我们煮熟以后 / 摆成一朵牡丹花
    ("鹌鹑蛋", "quail egg"),
    ("骨头汤", "bone soup"),
])
def test_a_noun_and_a_bound_head_compose(compound, gloss):
    from deckgen.annotating.composition import compose

    assert compose(compound)[0] == gloss


def test_a_head_that_follows_a_noun_as_grammar_composes_nothing():
    # 是形成东西双向、海陆统筹的对外开放新格局的关键所在: 'where the crux lies'; CC-CEDICT's
    # 所在 is 'place; location; (after a noun) place where it is located'
    from deckgen.annotating.composition import compose

    assert compose("关键所在") == ("", [])
    assert compose("经济带")[0] == "economic belt"  # a head of its own still composes


def test_no_english_word_is_made_of_a_gloss_and_a_suffix():
    # 加快打造法治化、國際化、便利化的一流營商環境: 'facilitation', no 'convenient -ization'
    from deckgen.annotating.composition import compose

    assert compose("便利化") == ("", [])
    assert compose("市场化改革")[0] == "marketization reform"  # 市场化 is CC-CEDICT's word


def test_a_negation_makes_no_part_of_a_composed_gloss():
    # 公務員對預算執行充滿不確定性: 'uncertainty', no 'not determinacy'
    from deckgen.annotating.composition import compose

    assert compose("不確定性") == ("", [])
    assert compose("非法人")[0] == "non-legal person"  # 非 is a prefix English has too


def test_parts_that_can_be_cut_two_ways_compose_nothing():
    # 行政院长卓荣泰续任阁揆: the Premier, head of the 行政院; no 'administrative chair of a board'
    from deckgen.annotating.composition import compose

    assert compose("行政院长") == ("", [])
    assert compose("电视辩论")[0] == "television debate"  # 电视辩 is no word: one cut only


def test_a_usage_note_is_no_sense():
    from deckgen.annotating.senses import concise_senses
    from deckgen.lexicon import cedict

    # 师父 'used for 師傅|师傅 (in Taiwan)': the card showed "used for (in Taiwan)"
    [entry] = [e for e in cedict.lookup("师父") if not e.proper]
    senses = concise_senses(entry)
    assert senses[0] == "master" and not any(s.startswith("used for") for s in senses), senses


def test_an_acronym_may_keep_the_initials_of_its_small_words():
    from deckgen.lexicon.english import abbreviates

    assert abbreviates("CTP", ["Cell", "to", "Pack"])  # an industry report: CTP（Cell to Pack）
    assert abbreviates("CANN", "Compute Architecture for Neural Networks".split())
    assert not abbreviates("CTP", ["Cell", "Pack"])


def test_the_english_the_text_gives_a_dictionary_word_picks_its_sense_or_is_its_meaning():
    # an encyclopedia entry on quantum computing glosses its terms in English
    superposed = term("叠加", ("量子比特可以处于0和1的叠加（superposition）状态。", "A"), gloss="superposition")
    note = annotate(superposed)
    assert note.english.startswith("to superpose"), note.english  # CC-CEDICT's fourth sense, first
    entangled = term("纠缠", ("两个量子比特之间可以形成纠缠（entanglement）。", "A"), gloss="entanglement")
    note = annotate(entangled)
    assert note.english == "entanglement" and "nag" not in note.english, note.english
    # without the text's English, CC-CEDICT's order stands
    assert not annotate(term("叠加", ("两种效应叠加在一起。", "A"))).english.startswith("to superpose")


def test_a_sense_labelled_with_a_field_comes_first_in_a_text_of_that_field():
    # a basketball report: 外线 and 助攻 in CC-CEDICT's basketball and sports senses
    sentences = ("辽宁队外线手感火热，首节就命中4记三分球，篮板球也占据优势。",
                 "赵继伟全场贡献12分8次助攻，帮助球队以98:92击败对手，比分一度领先15分。")
    outside = annotate(term("外线", (sentences[0], "A"), (sentences[1], "A")))
    assert outside.english.startswith("(basketball)"), outside.english
    assist = annotate(term("助攻", (sentences[1], "A"), (sentences[0], "A")))
    assert assist.english.startswith("(sports)"), assist.english
    # elsewhere the sense that fits: a telephone's outside line
    assert annotate(term("外线", ("请拨外线电话。", "A"))).english.startswith("(telephony)")


def test_an_aside_left_with_nothing_but_a_conjunction_or_a_preposition_goes():
    # a plan's 配送 'to put together an order and deliver it (i.e. 配货 and 送货)'; a cooking
    # show's 压力山大 'to be under great pressure (a pun on 亚历山大)'
    senses = {word: [plain(s) for e in cedict.lookup(word) for s in e.senses] for word in ("配送", "压力山大")}
    assert "to put together an order and deliver it" in senses["配送"], senses
    assert any(s.endswith("under great pressure") for s in senses["压力山大"]), senses


def test_a_war_of_something_is_a_literal_gloss():
    from deckgen.annotating.composition import compose

    # a business feature on tea drinks: 价格战 'price war', 战 a head of one steady sense
    assert compose("价格战")[0] == "price war"


def test_what_a_verbs_sense_says_it_takes_is_evidence_of_fit():
    # a pension explainer opens an account; a legislature prepares a budget
    opened = annotate(term("开立", ("参加人可以在符合规定的商业银行开立个人养老金资金账户。", "A")))
    assert opened.english.startswith("to open (an account"), opened.english
    budget = annotate(term("編列", ("行政院今年編列了八十五億元的預算。", "A")))
    assert budget.english.startswith("to prepare (a budget"), budget.english


def test_a_words_other_meaning_is_shown_before_more_names_for_its_first():
    # CC-CEDICT: 粉丝 'bean vermicelli / mung bean starch noodles / Chinese vermicelli /
    # cellophane noodles / CL:把 / fan (loanword) / enthusiast for sb or sth'
    (entry,) = [e for e in cedict.lookup("粉丝") if e.pinyin == ("fen3", "si1")]
    shown = concise_senses(entry)
    assert shown[0] == "bean vermicelli" and "fan" in shown, shown
    # one group of senses keeps CC-CEDICT's order
    (entry,) = cedict.lookup("便当")[:1]
    assert concise_senses(entry)[:2] == ["convenient", "handy"]


def test_another_english_name_cc_cedict_gives_is_shown_as_a_gloss():
    # CC-CEDICT: 直辖市 '… / province level city / also called directly governed city'
    (entry,) = cedict.lookup("直辖市")[:1]
    shown = concise_senses(entry, context="city county government")
    assert "directly governed city" in shown and not any(s.startswith("also called") for s in shown), shown
    assert plain("also called 西瓜子") == ""  # the other name is Chinese: nothing to show


def test_a_word_said_on_its_own_is_the_greeting_among_its_entries():
    # a podcast's last line: 拜拜！ is bái bái 'bye-bye', not bài bai, the bow with incense
    note = annotate(term("拜拜", ("那本期节目就到这里，我们下期再见，拜拜！", "A"), ("拜拜！", "A")))
    assert note.pinyin == ("bai2", "bai2") and note.english.startswith("bye-bye"), (note.pinyin, note.english)
    # ... and its examples read it so
    spans = [e.syllables[e.start:e.end] for e in note.examples]
    assert spans and all([s.pinyin for s in span] == ["bai2", "bai2"] for span in spans), spans
    # ... and the bow where it is something done
    note = annotate(term("拜拜", ("過年前大家都會去廟裡拜拜，祈求平安。", "A")))
    assert note.pinyin == ("bai4", "bai5") and "bye" not in note.english, (note.pinyin, note.english)


def test_what_a_sense_said_of_the_chinese_it_pointed_at_goes_with_it():
    # a documentary on Xuan paper: 青檀 'blue sandalwood (…), the bark of which is used to
    # manufacture 宣纸'; a podcast: 茧子 '…; corns (on feet); also 趼子'
    assert concise_senses(cedict.lookup("青檀")[0]) == ["blue sandalwood (Pteroceltis tatarinowii Maxim)"]
    assert not any(s.endswith("also") for s in concise_senses(cedict.lookup("茧子")[0]))


def test_a_compound_cut_two_ways_gets_no_literal_gloss():
    from deckgen.annotating.composition import compose

    # a podcast on factories: 老师傅 is 老 + 师傅 'old master', no 老师 + 傅 'teacher instructor'
    assert compose("老师傅") == ("", [])
    assert compose("塑胶瓶")[0] == "plastic bottle"


def test_a_note_on_how_the_word_is_said_is_no_part_of_a_sense():
    # 卡位: '(commerce) to establish oneself in a competitive market (also pr. [qia3 wei4])',
    # 'booth seating (always pr. [ka3 wei4] for this sense)'
    shown = [plain(s) for s in cedict.lookup("卡位")[0].senses]
    assert not any("pr." in s for s in shown), shown
    assert "booth seating" in shown, shown
    # ... and a sense said one way only is as narrow as a field's: it does not go first
    assert concise_senses(cedict.lookup("卡位")[0])[0].startswith("(sports) to jockey for position")
