"""Mining: what a term's edges may be, which dictionary words are terms and which
strings are names, units or grammar, on real sentences of the development texts."""

from __future__ import annotations

from collections import Counter

import pytest

from deckgen import mining, script
from deckgen.annotating.composition import compose
from deckgen.lexicon import jieba_words
from deckgen.mining import MiningOptions, discovery
from deckgen.mining.candidates import _Candidate, _objects_of_verbs
from deckgen.mining.filters import _clause_around_a_term
from deckgen.mining.words import _can_start_given_evidence, _clause_or_verb_phrase
from deckgen.segmenting import segmenter
from tests.test_mining import source


def terms_of(*sentences: str, top: int = 200) -> dict[str, object]:
    terms = mining.mine([source("text", *sentences)], MiningOptions(top=top), segmenter())
    return {script.to_simplified(t.text): t for t in terms}


# Provisions of the Supreme People's Court on private lending (2020).
GUARANTOR = (
    "第四条 保证人为借款人提供连带责任保证，出借人仅起诉借款人的，人民法院可以不追加保证人为共同被告；"
    "出借人仅起诉保证人的，人民法院可以追加借款人为共同被告。",
    "保证人为借款人提供一般保证，出借人仅起诉保证人的，人民法院应当追加借款人为共同被告；"
    "出借人仅起诉借款人的，人民法院可以不追加保证人为共同被告。",
)


def test_a_word_of_letters_and_a_character_jieba_cuts_apart_is_one_term():
    # a Taiwan food vlog: jieba cuts CP值算 as CP + 值算
    from deckgen.segmenting import segmenter as the_segmenter

    assert "CP值" in the_segmenter().words_of("以觀光客的角度來說，CP值算很高啦")
    terms = terms_of("以觀光客的角度來說，CP值算很高啦。", "這家的CP值真的沒話說。", "整體CP值很高，推薦給大家。")
    assert "CP值" in terms and "CP" not in terms, sorted(terms)


def test_a_word_jieba_guessed_ending_in_the_first_character_of_a_dictionary_word_gives_it_back():
    # a Taiwan vlog and a cooking show: 跟伴 + 手禮 is 跟 + 伴手禮, 不内 + 卷 is 不 + 内卷; not 碳中和
    from deckgen.segmenting import segmenter as the_segmenter

    assert "伴手禮" in the_segmenter().words_of("最後去了一家賣伴手禮的店，跟伴手禮的店員聊了很久")
    assert "内卷" in the_segmenter().words_of("现在哪行不内卷？")
    carbon = the_segmenter().words_of("努力争取2060年前实现碳中和。")  # 碳中 + 和 is one word whole
    assert not any(a == "碳" and b == "中和" for a, b in zip(carbon, carbon[1:])), carbon
    terms = terms_of("最後一天去買伴手禮，跟伴手禮店的老闆聊天。", "台南的伴手禮很多，鳳梨酥最有名。",
                     "我買了三盒伴手禮給同事。")
    assert "伴手礼" in terms and "手礼" not in terms, sorted(terms)


def test_a_word_only_jiebas_guess_makes_is_a_candidate_where_the_text_keeps_using_it():
    # a city's plan for elderly care: 失能 'disabled' is in neither dictionary
    terms = terms_of(
        "失能失智老年人照护需求快速增长。", "全市失能、半失能老年人约4.1万人。",
        "长期护理保险累计惠及失能人员5.2万人次。", "重点为失能老年人提供专业照护服务。",
        "建立失能等级评估制度，统一评估标准。", "到2030年，失能老年人照护服务覆盖率达到90%。",
    )
    assert "失能" in terms, sorted(terms)


def test_the_suffix_of_ization_jieba_glues_to_the_next_word_belongs_to_its_noun():
    # a Taiwan news story: jieba cuts 少子化與 as 少子 + 化與, 少子化對 as 少子 + 化對
    sentences = ("勞動部指出，少子化與高齡化使勞動力持續減少。", "專家認為，少子化對產業的衝擊將逐年擴大。",
                 "政府推出多項政策，希望減緩少子化的速度。")
    terms = terms_of(*sentences)
    assert "少子化" in terms and terms["少子化"].count == 3, sorted(terms)


def test_a_noun_suffix_jieba_glues_to_the_next_word_belongs_to_its_noun():
    # jieba cuts 保证人为 as 保证 + 人为 ("man-made"): the 人 is 保证人's, every time.
    terms = terms_of(*GUARANTOR)
    assert terms["保证人"].count == sum(s.count("保证人") for s in GUARANTOR)
    assert not any(t.startswith("保证人") and len(t) > 3 for t in terms), sorted(terms)


CLAUSES = (
    "当事人持有的借据、收据、欠条等债权凭证没有载明债权人，持有债权凭证的当事人提起民间借贷诉讼的，人民法院应予受理。",
    "第十条 法人之间、非法人组织之间以及它们相互之间为生产、经营需要订立的民间借贷合同，除存在民法典第一百四十六条、"
    "第一百五十三条、第一百五十四条以及本规定第十三条规定的情形外，当事人主张民间借贷合同有效的，人民法院应予支持。",
    "第十一条 法人或者非法人组织在本单位内部通过借款形式向职工筹集资金，用于本单位生产、经营，且不存在民法典第一百四十四条、"
    "第一百四十六条、第一百五十三条、第一百五十四条以及本规定第十三条规定的情形，当事人主张民间借贷合同有效的，人民法院应予支持。",
    "第十二条 借款人或者出借人的借贷行为涉嫌犯罪，或者已经生效的裁判认定构成犯罪，当事人提起民事诉讼的，民间借贷合同并不当然无效。",
)


def test_a_person_and_what_they_do_and_an_everyday_verb_and_its_object_are_no_terms():
    terms = terms_of(*CLAUSES)
    assert {"当事人", "民法典"} <= terms.keys(), sorted(terms)
    assert not any("当事人提起" in t or "存在民法典" in t for t in terms), sorted(terms)


@pytest.mark.parametrize("phrase, is_phrase", [
    ("当事人提起", True),  # a person and what they do
    ("当事人请求", True),
    ("大家看到", True),
    ("代理意愿人表达", True),
    ("存在民法典", True),  # an everyday verb and its object
    ("提供证据证明", True),
    ("符合下列", True),  # a word pointing at other text
    ("判令被告", True),  # a verb of telling and the person told: 判令被告返还押金
    ("通知原告", True),
    ("委托代理人", False),  # an agent someone entrusts: a party to a case
    ("集中采购", False),  # an activity: the verb's object is a verb too
    ("维持生命治疗", False),
    ("出口管制", False),
    ("逾期利率", False),
    ("出借人", False),
    ("长臂管辖", False),
    # a broker's note on energy storage: what may happen, what drives what, a comparison,
    # and what changes (峰谷价差进一步拉大), said in clauses the note repeats
    ("有望迎来", True),
    ("带动算力中心用电", True),
    ("提出更高要求", True),
    ("行业竞争加剧", True),
    # a city's waste-sorting regulation: a verb that wants its object, and 本 'these (regulations)'
    ("厨余垃圾采用", True),
    ("执法部门责令", True),
    ("申请行政复议", True),
    ("违反本条例", True),
    ("主管机关处新台币", True),  # a Taiwan statute's 由主管機關處新臺幣…罰鍰: the amount follows
    ("数字人民币", False),
    ("行政复议机关", False),
    ("经济增长", False),  # a term of two words may end in a change
    ("峰谷价差", False),
    ("储能系统集成", False),
    # an e-bike regulation, a Taiwan drone statute, a blog and a report on humanoid robots:
    # a verb that makes a clause of what holds it, a verb of direction before another,
    # an adverb jieba calls a verb, a subject and its verb and object
    ("部门责令改正", True),
    ("会同有关机关", True),
    ("即飞航", True),
    ("回去上班", True),
    ("机器人叠衣服", True),
    ("最大起飞重量达", True),  # 'the maximum take-off weight reaches' (二百五十公克以上)
    ("粒径小于", True),  # Wikipedia, microplastics: 粒徑小於5毫米
    ("财损逾", True),  # a Taiwan report on fraud: 財損逾新臺幣…
    ("不用交个税", True),  # a pension explainer: 但如果你不用交个税
    ("合同履行", False),  # the performance of a contract
    ("专利申请量", False),
    ("太阳能电池板", False),
])
def test_clauses_and_verb_phrases_are_told_from_terms_by_their_parts(phrase, is_phrase):
    parts = tuple(segmenter().words_of(phrase))
    assert len(parts) >= 2
    assert _clause_or_verb_phrase(parts) is is_phrase, parts


def test_rare_nouns_jieba_tags_as_function_words_are_terms():
    # jieba's dictionary tags 借据 "receipt for a loan" a preposition, 假说 "hypothesis" a conjunction.
    terms = terms_of(
        "第二条 出借人向人民法院提起民间借贷诉讼时，应当提供借据、收据、欠条等债权凭证以及其他能够证明借贷法律关系存在的证据。",
        "当事人持有的借据、收据、欠条等债权凭证没有载明债权人，持有债权凭证的当事人提起民间借贷诉讼的，人民法院应予受理。",
        "在中国，博学家沈括（1031–1095）提出陆地形成的假说。",
    )
    assert {"借据", "假说"} <= terms.keys(), sorted(terms)


def test_a_rare_noun_jieba_tags_as_an_adverb_is_a_term_and_adverbs_are_not():
    # 預後 "prognosis" is tagged d (adverb) by jieba's dictionary, like 仍然 and 渐渐.
    terms = terms_of(
        "病人對於病情、醫療選項及各選項之可能成效與風險預後，有知情之權利。",
        "病人就診時，醫療機構或醫師應以其所判斷之適當時機及方式，將病人之病情、治療方針、處置、用藥、預後情形及可能之不良反應等相關事項告知本人。",
        "我的母亲早已迎着出来了，接着便飞出了八岁的侄儿宏儿。",
        "我们的船向前走，两岸的青山在黄昏中，都装成了深黛颜色，连着退向船后梢去。",
    )
    assert "预后" in terms, sorted(terms)
    assert not {"早已", "连着"} & terms.keys(), sorted(terms)


def test_a_set_expression_of_law_that_starts_with_a_preposition_is_a_term():
    # 自然人 "natural person (law)" is one of jieba's set expressions (l) led by 自 (p),
    # like the grammar 在我看来.
    terms = terms_of(
        "第一条 本规定所称的民间借贷，是指自然人、法人和非法人组织之间进行资金融通的行为。",
        "自然人之间借贷对利息约定不明，出借人主张支付利息的，人民法院不予支持。",
    )
    assert "自然人" in terms, sorted(terms)


def test_unit_symbols_and_measurements_are_no_terms():
    terms = terms_of(
        "其起点开始于最早的太阳系材料生成时，约在4.567Ga，地球的出现约在4.54 Ga，一开始称为冥古宙，最年轻的地质年代则是全新世。",
        "730–635 Ma（百万年前）：第二起雪球地球事件",
        "542 ± 0.3 Ma：寒武纪大爆发－具有坚硬结构的生命大量出现，古生代开始",
        "251 Ma：二叠纪－三叠纪灭绝事件 – 90%的陆地生物死亡，古生代结束，中生代开始",
        "66 Ma：白垩纪－第三纪灭绝事件 – 非鸟恐龙灭绝，中生代结束，新生代开始",
    )
    assert "古生代" in terms
    latin = [t for t in terms if t.isascii()]
    assert not any(t.endswith(("Ma", "Ga")) for t in latin), latin


def test_names_that_jieba_and_cc_cedict_agree_on_are_no_terms():
    terms = terms_of(
        "争论的焦点在于岩石的形成理论，一方以德国科学家亚伯拉罕·戈特洛布·维尔纳为代表，强调形成岩石过程中的水的作用；"
        "另一方以苏格兰科学家赫屯为代表，强调火的作用。",
        "紹興十一年右諫議大夫万俟上書指控岳飛「爵高祿厚，志滿意得，平昔功名之念，日以頹情。」",
    )
    assert "岩石" in terms
    assert not {"亚伯拉罕", "万俟"} & terms.keys(), sorted(terms)


def test_no_piece_of_a_name_a_dot_joins_is_a_term():
    # 伊曼 is 'imam' and 西塔 'theta' in CC-CEDICT; here they begin reporters' names.
    terms = terms_of(
        "埃及《金字塔报》主编 伊曼·马哈穆德·阿里夫·阿卜杜拉赫曼:创新、人工智能和可再生能源,"
        "中国在这些领域取得了举世瞩目的成就。",
        "印度《孟买信使报》主编 西塔拉姆・梅瓦蒂:中国的规划不仅为中国,也会为许多国家带来切实好处。",
        "今日俄罗斯电视台记者阿丽娜·萨利诺娃:两会是了解中国经济的一个晴雨表。",
    )
    assert {"举世瞩目", "晴雨表"} <= terms.keys(), sorted(terms)
    assert not {"伊曼", "西塔", "拉姆", "阿丽娜", "萨利诺娃", "阿卜杜"} & terms.keys(), sorted(terms)


def test_two_characters_of_grammar_are_no_term():
    terms = terms_of(
        "这少年便是闰土。",
        "我那时并不知道这所谓猹的是怎么一件东西——便是现在也没有知道——只是无端的觉得状如小狗而很凶猛。",
        "他便是这样的人，不会说谎，也不会忘记。",
    )
    assert "便是" not in terms and "不会" not in terms, sorted(terms)


def test_a_dictionary_word_whose_characters_jieba_tags_as_grammar_is_a_term():
    # a health article: 根 and 除 are each tagged a preposition, 根除 is 'eradicate'
    terms = terms_of(
        "根除幽门螺杆菌可以降低胃癌的风险。",
        "医生建议，感染者应尽早接受根除治疗。",
        "根除治疗结束后一个月，应复查呼气试验，确认是否根除成功。",
    )
    assert "根除" in terms, sorted(terms)
    # a criminal judgment: 未遂 'attempted' is a term, and 总能 'can always' still no word
    terms = terms_of(
        "被告所犯為詐欺取財未遂罪，爰依刑法第25條第2項規定減輕其刑。",
        "被告著手實行詐術而未得財物，屬未遂。",
        "他总能找到新的理由。",
    )
    assert "未遂" in terms and "总能" not in terms, sorted(terms)


def test_a_suffix_cut_off_the_word_before_starts_no_dictionary_word():
    # a Taiwan enforcement rule: 非继续 + 性 + 工作 is 'non-continuous work', no 性工作 'sex work'
    terms = terms_of(
        "一、臨時性工作：係指無法預期之非繼續性工作，其工作期間在六個月以內者。",
        "二、短期性工作：係指可預期於六個月內完成之非繼續性工作。",
        "四、特定性工作：係指可在特定期間完成之非繼續性工作。",
    )
    assert "性工作" not in terms, sorted(terms)
    assert all("sex" not in compose(t)[0] for t in terms), sorted(terms)


def test_a_word_only_ever_inside_one_longer_term_is_no_term():
    # jieba cuts 部落 + 客 (and once 部落 + 客推): 部落 'tribe' is never used alone here
    terms = terms_of(
        "因此,在脸书就追踪了好几个跟自己口味较相近的美食部落客,以掌握最新的资讯。",
        "有次去了其中一位某美食部落客推的餐厅,发现隔壁桌拍照的闪光灯也打的太高调了点。",
        "一看,原来是写文的那位部落客跟他太太!",
        "因为对这位部落客印象还不错,所以是有那么点兴奋。",
        "我看了一下那部落客,他也没有看这边。",
        "部落客跟他太太完全没有要参与。",
        "部落客好像终于有看一下。",
    )
    assert "部落客" in terms, sorted(terms)
    assert "部落" not in terms, sorted(terms)


def test_a_laugh_or_a_sigh_in_latin_letters_is_no_term():
    terms = terms_of(
        "然后厨师热情的跟食客聊了一下... 部落客跟他太太完全没有要参与XD",
        "结果排了两个小时才吃到XD 下次不排了orz",
        "老板说OK，我们就在QQ群里约了下次聚餐。",
    )
    assert not {"XD", "orz", "OK"} & terms.keys(), sorted(terms)
    assert "QQ" in terms, sorted(terms)  # Tencent's messenger


def test_pinyin_written_for_a_character_and_a_door_counted_are_no_terms():
    # web fiction writes some characters as pinyin in odd capitals (色, 插, 阳)
    terms = terms_of(
        "“那扇粉sE的门,我可以带你过去。”一封信,正面有我的签名,反面用了金sE火漆封口。",
        "她心如擂鼓,好像提前看到了yAn光。她迅速cHa入钥匙转动,一口气拉开一扇门。",
        "走廊的尽头还是一扇门。一扇灰sE的、斑驳的门。门上有一盏灯,散着灰白sE的冷光。她又写了一封信。",
    )
    assert "钥匙" in terms, sorted(terms)
    assert not {"sE", "yAn", "cHa", "一扇门", "一封信"} & terms.keys(), sorted(terms)


def test_a_verb_and_how_it_is_done_is_no_term():
    # jieba lists 全面实施 and 深入开展 as words
    terms = terms_of(
        "全面實施市場準入負面清單制度,除法律法規明令禁止的范圍外一律開放。",
        "全面实施乡村振兴战略,深入开展农村人居环境整治。",
        "深入开展爱国卫生运动,全面实施健康中国行动。",
    )
    assert "负面清单" in terms or "市场准入" in terms, sorted(terms)
    assert not {"全面实施", "深入开展"} & terms.keys(), sorted(terms)


def test_an_office_holder_and_what_they_do_is_no_term():
    # the Taiwan meeting transcript: 政委 is the minister the guests came to consult
    terms = terms_of(
        "大概兩年多前仁舟剛剛成立不久的時候，我們有來向政委請益，也很謝謝政委這段時間的支持。",
        "今天特別來是想要跟政委請益，因為您時常在很多國際的社創組織的會議中代表我們發聲。",
        "誠如我剛加入仁舟時，也來跟政委請益，政委給我們一些很好的發展方向建議。",
    )
    assert "请益" in terms, sorted(terms)
    assert "政委请益" not in terms, sorted(terms)
    # discovery finds 政委 + 请益 in the whole transcript; a holder of an office and what
    # they do is a clause, as 被告抗辩 is
    assert _clause_or_verb_phrase(("政委", "请益"))
    assert _clause_or_verb_phrase(("市长", "视察"))
    assert not _clause_or_verb_phrase(("政府", "采购"))


def test_a_title_and_a_name_is_no_term():
    lines = [line for line in UDN_BUDGET.splitlines() if line]
    terms = terms_of(*lines)
    assert "总预算" in terms, sorted(terms)
    assert not any(t.endswith("卓荣泰") for t in terms), sorted(terms)


UDN_BUDGET = """
「國會就是總預算辯論的最好平台，盼立法院儘速審議總預算！」行政院發言人李慧芝針對近日行政院長卓榮泰喊話國會辯論總預算的說法補充說，國會就是最好的平台，不用再進行電視辯論，總預算已經147天未審，盼立法院6日將總預算付委。
行政院長卓榮泰5日再次喊話國會辯論總預算，但立法院之前朝野協商指出，要與行政院三長進行電視辯論。對此，李慧芝強調，總預算已經147天沒有審議，而國會就是最好的辯論平台。
李慧芝喊話說，若立法院在6日將總預算付委，最快下周就可以針對總預算進行辯論。
"""


def test_a_set_expression_cc_cedict_names_is_a_term_though_jieba_starts_it_with_a_measure_word():
    # an encyclopedia article on Xi'an: jieba's 丝 is a measure word; 丝绸之路 is the Silk Road
    terms = terms_of(
        "西安是古代丝绸之路的起点，历史上有十三个王朝在此建都。",
        "汉代张骞出使西域，开辟了丝绸之路，长安由此成为东西方交流的中心。",
    )
    assert "丝绸之路" in terms, sorted(terms)
    # 长安 "Chang'an (ancient name of Xi'an) capital of China during Tang Dynasty" is a place, no person
    from deckgen.mining.filters import _proper_kind_of

    assert _proper_kind_of("长安") == ("place", True)
    assert _proper_kind_of("李白") == ("person", True)


def test_the_name_a_story_gives_someone_is_no_term():
    # a story of a ferry in West Hunan: the girl is 小满, which CC-CEDICT knows as a solar term
    terms = terms_of(
        "女孩子名叫小满，今年十五岁，是老人的孙女。",
        "对岸有人扯起嗓子喊“过渡哟”，小满便不让祖父起身，自己跳上船去拉缆索。",
        "祖父坐在船头抽旱烟，小满蹲在岸边洗衣裳。",
    )
    assert "小满" not in terms, sorted(terms)


def test_a_places_team_and_its_players_are_no_terms():
    # a basketball report: 辽宁队 and 广东队 (jieba's organisations) are their provinces' teams;
    # 威姆斯 is a name written by sound, 付豪 a name of a surname and a given name
    terms = terms_of(
        "辽宁队主场迎战广东队，威姆斯首节独得9分。",
        "第二节，广东队替补阵容登场后防守强度明显提升，付豪连续抢下进攻篮板。",
        "辽宁队外线手感欠佳，本节三分球8投仅1中，威姆斯也只得到2分。",
        "最终广东队以98:92击败辽宁队，付豪全场贡献15分11个篮板，威姆斯拿下21分。",
    )
    assert not {"辽宁队", "广东队", "威姆斯", "付豪"} & terms.keys(), sorted(terms)
    assert "篮板" in terms, sorted(terms)


def test_a_members_given_name_after_the_title_is_no_term():
    # a Taiwan committee's record calls members by surname, title and given name
    terms = terms_of(
        "接下來進行詢答，首先請王委員建國發言。",
        "王委員建國表示，離岸風電預算應該凍結。",
        "主席：請王委員建國發言。",
        "他說建國一百年來，台灣的能源政策一再轉向。",
    )
    assert "建国" not in terms, sorted(terms)
    # ... and one called by surname and title is a person, no term
    terms = terms_of(
        "主席：謝謝林委員，謝謝部長。",
        "王委員建國：部長，我接續剛才林委員的問題。",
        "郭部長振宇：林委員早。",
    )
    assert "林委员" not in terms and "郭部长" not in terms, sorted(terms)


def test_the_next_of_a_word_is_no_term():
    terms = terms_of(
        "行政院提出明年度中央政府總預算案，更為台灣擘畫下一階段軟、硬體實力的基礎韌性。",
        "下一階段將推動中小微企業落實數位、淨零雙軸轉型。",
    )
    assert "下一阶段" not in terms, sorted(terms)


def test_pronouns_taiwan_writes_apart_are_no_terms():
    terms = terms_of(
        "厨师热情的说:妳来真的是来对了!好吃吗?妳们是看文章来的阿?",
        "妳们先排，我去附近晃晃再会合。",
        "牧場裡的小羊很可愛，牠們每天都在草地上吃草，牠們也怕狼。",
    )
    assert not {"妳们", "牠们"} & terms.keys(), sorted(terms)


def test_a_word_of_how_many_starts_no_term():
    # an encyclopedia-style text on diabetes
    terms = terms_of(
        "糖尿病是一組以慢性血葡萄糖水平增高為特征的代謝性疾病,由于胰島素分泌和或作用缺陷所引起的,長期碳水化合物以及脂肪,蛋白質代謝紊亂,可引起多系統損害,導致眼、腎、神經、心臟、血管等組織器官的慢性進行性病變。",
        "功能減退以及衰竭,病情嚴重或應急時可發生急性嚴重代謝紊亂,比如糖尿病酮癥酸中毒、高血糖、高滲狀態等等。",
        "它的發病因素,目前尚不明確,研究認為可能與遺傳因素、肥胖,現代的生活方式,年齡大于45歲,自身免疫系統缺陷、病毒感染,有巨大兒分娩史、基因因素、精神因素等等有關,臨床上可以分為一型糖尿病、二型糖尿病、妊娠糖尿病,特殊類型糖尿病四種類型。",
        "胰島素缺乏是引起糖尿病的主要原因。糖尿病是一種由多種原因所引起的臨床綜合征,它的主要發病機制是由于各種原因導致的胰島素分泌不足,進而引起蛋白質,糖類,脂肪,電解質,水分等代謝紊亂。",
        "患者的主要臨床特點是高血糖,典型的癥狀是3多1少。臨床上有相當數量的病人,癥狀不典型,只是表現為血糖升高。部分患者空腹血糖完全正常,飯后血糖急劇升高。",
        "部分患者常常會出現比較嚴重的皮膚瘙癢。女性患者常常出現頑固的外陰瘙癢以及月經功能紊亂。",
    )
    assert {"瘙痒", "胰岛素"} <= terms.keys(), sorted(terms)
    assert "部分患者" not in terms, sorted(terms)


def test_a_suffix_jieba_glues_to_the_next_word_stays_with_the_word_before():
    # jieba cuts 进行 + 性病变: 性病 is 'venereal disease'; the text says 进行性 'progressive'
    terms = terms_of(
        "长期的碳水化合物、脂肪以及蛋白质代谢紊乱可引起多系统损害,导致眼、肾、神经、心脏、血管等组织器官的慢性进行性病变。",
        "进行性病变是指病情随时间推移逐渐加重的病变,糖尿病的慢性进行性病变常见于肾脏。",
    )
    assert "性病变" not in terms and "性病" not in terms, sorted(terms)


def test_a_noun_and_how_it_feels_is_no_term():
    # jieba lists 肚子饿 as a word; it is 'the belly is hungry'
    terms = terms_of(
        "我蹲下對孩子說：「這會等到肚子餓扁才吃得到喔。」孩子點點頭。",
        "孩子肚子饿了，我们去找不用排队的美食吧。",
    )
    assert "肚子饿" not in terms, sorted(terms)


def test_always_and_can_is_no_total_energy():
    # jieba and CC-CEDICT list 总能 'total energy'; before a verb it is 总 'always' + 能 'can'.
    terms = terms_of(
        "每次来到中国,总能看到基础设施、技术领域的全新发展,令人印象深刻。",
        "上班早高峰时，取餐台前总能排起七八个人的小队。",
    )
    assert "基础设施" in terms, sorted(terms)
    assert "总能" not in terms, sorted(terms)


def test_a_word_whose_characters_are_also_grammar_is_still_a_word():
    # 地 is also the adverbial particle and 层 a measure word: 地层 "stratum" is a term.
    terms = terms_of("他在一个离海洋几百公里远的山中的看到，在一个地质地层里有贝壳类生物化石。")
    assert "地层" in terms, sorted(terms)


def test_a_set_phrase_only_jieba_knows_counts_as_one():
    # 賞罰分明 is an idiom in jieba's dictionary, not in CC-CEDICT.
    terms = terms_of(
        "岳飛治軍，賞罰分明，紀律嚴整，又能體恤部屬，以身作則，他率領的「岳家軍」號稱「凍死不拆屋，餓死不擄掠」。",
    )
    assert "赏罚分明" in terms
    assert "set phrase" in terms["赏罚分明"].why


@pytest.mark.parametrize("hard, easy", [("萧索", "紫色"), ("鄙夷", "喝茶"), ("侵蚀", "涉及"), ("颧骨", "房外")])
def test_a_word_with_a_rare_character_counts_as_harder_to_read(hard, easy):
    from deckgen.mining.scoring import _rarest_character

    assert _rarest_character(hard) > _rarest_character(easy)
    assert _rarest_character("CANN") == 0.0  # Latin terms are neither


def test_of_two_words_seen_once_the_one_with_a_rare_character_ranks_first():
    # 阴晦 "overcast" and 圆月 "full moon" are both rare words of CC-CEDICT, seen once;
    # 月 is among the first characters a reader learns, 晦 is not.
    terms = list(terms_of(
        "时候既然是深冬；渐近故乡时，天气又阴晦了，冷风吹进船舱中，呜呜的响，从篷隙向外一望，苍黄的天底下，"
        "远近横着几个萧索的荒村，没有一些活气。",
        "我们的船向前走，两岸的青山在黄昏中，都装成了深黛颜色，连着退向船后梢去。我想：我竟与闰土隔绝到这地步了，"
        "但我们的后辈还是一气，宏儿不是正在想念水生么。我希望他们不再像我，又大家隔膜起来，然而我又不愿意他们因为要一气，"
        "都如我的辛苦展转而生活，也不愿意他们都如闰土的辛苦麻木而生活，也不愿意都如别人的辛苦恣睢而生活。"
        "他们应该有新的生活，为我们所未经生活过的。我想到希望，忽然害怕起来了。闰土要香炉和烛台的时候，我还暗地里笑他，"
        "以为他总是崇拜偶像，什么时候都不忘却。现在我所谓希望，不也是我自己手制的偶像么？只是他的愿望切近，我的愿望茫远罢了。"
        "我在朦胧中，眼前展开一片海边碧绿的沙地来，上面深蓝的天空中挂着一轮金黄的圆月。",
    ))
    assert terms.index("阴晦") < terms.index("圆月")


def test_an_idiom_jieba_lists_but_never_counted_is_no_set_phrase():
    # 相当严重 "quite serious" carries jieba's idiom tag at the count of an entry its
    # corpus never had; 賞罰分明 was counted.
    terms = terms_of(
        "去年,中國有超過一萬家晶片公司倒閉,年增近九成,不過,同期也新增了六萬六千家,顯示中國晶片業「內捲」(指過度競爭)仍相當嚴重。",
        "岳飛治軍，賞罰分明，紀律嚴整，又能體恤部屬，以身作則。",
    )
    assert "set phrase" in terms["赏罚分明"].why
    assert "相当严重" not in terms or "set phrase" not in terms["相当严重"].why


def test_an_adjective_made_an_adverb_by_de_is_no_term():
    terms = terms_of(
        "跟很多國家對比,如果我們稍微不那么謙虛一點的話,或許可以驕傲地自稱為人工智能強國。",
        "記者:美國對中國的制裁是越來越重的。",
    )
    assert "人工智能" in terms
    assert "骄傲地" not in terms, sorted(terms)


def test_how_hard_a_word_is_to_read_counts_for_a_learner_only():
    # A scientific reader (level 0) is no learner: 阴晦 and 圆月 are then equals.
    sentences = (
        "时候既然是深冬；渐近故乡时，天气又阴晦了，冷风吹进船舱中，呜呜的响。",
        "我在朦胧中，眼前展开一片海边碧绿的沙地来，上面深蓝的天空中挂着一轮金黄的圆月。",
    )
    learner = {t.simplified: t.score for t in mining.mine([source("t", *sentences)], MiningOptions(top=100),
                                                          segmenter())}
    scientist = {t.simplified: t.score for t in mining.mine([source("t", *sentences)],
                                                            MiningOptions(level=0, top=100), segmenter())}
    assert learner["阴晦"] - learner["圆月"] > scientist["阴晦"] - scientist["圆月"]


# Provisions on private lending, articles 5 and 6: 非法集资 always sits in the frame
# 涉嫌非法集资等犯罪, a governing verb before it and a particle after it.
ILLEGAL_FUNDRAISING = (
    "第五条 人民法院立案后，发现民间借贷行为本身涉嫌非法集资等犯罪的，应当裁定驳回起诉，"
    "并将涉嫌非法集资等犯罪的线索、材料移送公安或者检察机关。",
    "公安或者检察机关不予立案，或者立案侦查后撤销案件，或者检察机关作出不起诉决定，"
    "或者经人民法院生效判决认定不构成非法集资等犯罪，当事人又以同一事实向人民法院提起诉讼的，人民法院应予受理。",
    "第六条 人民法院立案后，发现与民间借贷纠纷案件虽有关联但不是同一事实的涉嫌非法集资等犯罪的线索、材料的，"
    "人民法院应当继续审理民间借贷纠纷案件，并将涉嫌非法集资等犯罪的线索、材料移送公安或者检察机关。",
)


def test_a_noun_phrase_always_in_one_grammatical_frame_is_a_term_and_the_frame_is_not():
    terms = terms_of(*ILLEGAL_FUNDRAISING)
    assert "非法集资" in terms, sorted(terms)
    assert not any(t.endswith("非法集资") and t != "非法集资" for t in terms), sorted(terms)


def test_a_noun_phrase_used_twice_in_one_frame_is_no_term():
    # 在電動汽車領域 twice: a phrase of the moment, not a term to learn.
    terms = terms_of(
        "除了高鐵,在電動汽車領域,中國也實現了彎道超車。",
        "記者:中國在科技領域會有一定政策的傾向性,比如在電動汽車領域,通過國家政策傾斜,對產業進行引導。",
    )
    assert "电动汽车领域" not in terms, sorted(terms)


# Provisions on private lending: 民间借贷 is used five times, three of them in 提起民间借贷诉讼.
LENDING_SUITS = (
    "为正确审理民间借贷纠纷案件，根据《中华人民共和国民法典》《中华人民共和国民事诉讼法》"
    "《中华人民共和国刑事诉讼法》等相关法律之规定，结合审判实践，制定本规定。",
    "第十四条 原告以借据、收据、欠条等债权凭证为依据提起民间借贷诉讼，被告依据基础法律关系提出抗辩或者反诉，"
    "并提供证据证明债权纠纷非民间借贷行为引起的，人民法院应当依据查明的案件事实，按照基础法律关系审理。",
    "第十五条 原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩已经偿还借款的，被告应当对其主张提供证据证明。"
    "被告提供相应证据证明其主张后，原告仍应就借贷关系的存续承担举证责任。",
    "第十六条 原告仅依据金融机构的转账凭证提起民间借贷诉讼，被告抗辩转账系偿还双方之前借款或者其他债务的，"
    "被告应当对其主张提供证据证明。被告提供相应证据证明其主张后，原告仍应就借贷关系的成立承担举证责任。",
)


def test_a_term_longer_terms_are_built_on_is_a_term_of_its_own():
    # Its uses inside longer terms are shared among them, not counted once per longer
    # term (民间借贷诉讼 and the phrase around it hold the same three uses).
    terms = terms_of(*LENDING_SUITS)
    assert "民间借贷" in terms, sorted(terms)


def test_a_quoted_clause_about_a_person_of_the_text_is_no_term():
    # Chinese Wikipedia, 岳飛: the charges and a general's report are quoted records.
    terms = terms_of(
        "六月，岳飛隨張俊討伐淪為盜匪的原統制戚方，以三千人在廣德軍東南約七十里的苦嶺擊敗戚方，戚方投降張俊。"
        "張俊回朝後「盛稱岳飛可用」，於是岳飛升轉任武功大夫、昌州防禦使，通州鎮撫使兼知泰州。",
        "九月八日，岳家軍鄂州前軍副統制王俊向王貴告發岳飛在廬山曾致信鄂州張憲、岳雲，要求張憲起兵造反，"
        "以迫朝廷恢復岳飛軍職。",
        "紹興十一年十二月二十九日刑部大理寺發布《刑部大理寺狀》，認定岳飛「坐觀勝負，逗留不進」、「指斥乘輿」、"
        "「致張憲意待謀反」等罪名成立。",
    )
    assert "盛称岳飞可用" not in terms and "致张宪意待谋反" not in terms, sorted(terms)
    assert "指斥乘舆" in terms, sorted(terms)  # a quoted charge that names nobody is one


def test_a_dictionary_word_jieba_cuts_into_pieces_it_tags_as_names_is_a_term():
    # jieba cuts 黑客松 as 黑客 + 松 and 呼朋引伴 as 呼朋引 + 伴, tagging the first piece
    # a person's name; CC-CEDICT lists both words whole. (A Taiwan talk on plastics.)
    terms = terms_of(
        "對，今年中企處第一年辦總統盃黑客松，像有奉茶的團隊，包含社創也都貼上奉茶的貼紙，那其實是很好的例子。",
        "也不一定你們自己做，也可以跟大家討論要怎麼做，總統盃黑客松因為已經是中企處在辦理。",
        "也就是當我在玩寶可夢的時候並不是自己玩，而是呼朋引伴一起玩，你們叫做「同舟共淨」對嗎。",
        "所以像這樣子是有公益性質，但是大家很樂於按分享，也就是可以呼朋引伴找更多人來，我覺得像這種R值就比較高。",
    )
    assert {"黑客松", "呼朋引伴"} <= terms.keys(), sorted(terms)
    assert "黑客" not in terms, sorted(terms)


# Lu Xun, 故乡 (1921): 猹 is the creature of the story, a word hardly used elsewhere.
BADGER = (
    "其间有一个十一二岁的少年，项带银圈，手捏一柄钢叉，向一匹猹尽力的刺去，那猹却将身一扭，反从他的胯下逃走了。",
    "要管的是獾猪，刺猬，猹。月亮底下，你听，啦啦的响了，猹在咬瓜了。你便捏了胡叉，轻轻地走去……",
    "我那时并不知道这所谓猹的是怎么一件东西——便是现在也没有知道——只是无端的觉得状如小狗而很凶猛。",
    "有胡叉呢。走到了，看见猹了，你便刺。这畜生很伶俐，倒向你奔来，反从胯下窜了。",
    "我接着便有许多话，想要连珠一般涌出：角鸡，跳鱼儿，贝壳，猹，……但又总觉得被什么挡着似的。",
)


def test_a_rare_noun_the_text_keeps_using_on_its_own_is_a_term_though_a_single_character():
    assert "猹" in terms_of(*BADGER)
    # 瓜 (melon) is used as often on its own, but general Chinese uses it all the time
    melons = tuple(s.replace("猹", "瓜") for s in BADGER)
    assert "瓜" not in terms_of(*melons)
    # and 猹 used less often is no term of its own
    assert "猹" not in terms_of(*BADGER[:2])


def test_a_phrase_led_by_an_adverb_or_a_negation_is_no_term():
    # Taiwan meeting transcript: 不要塑膠 twice, 'do not (use) plastic'
    sentence = ("所以並不是一味說不要塑膠，而是不要塑膠變成一次性，我覺得這個訊息可以更強烈一點，"
                "也就是如果有提供一些東西是塑膠製成的，這個意義說不定比用完全不同的材質還要大。")
    terms = terms_of(sentence, sentence.replace("所以", "因此"), sentence.replace("所以", "而且"))
    assert "塑胶" in terms
    assert not any(t.startswith("不要") for t in terms), sorted(terms)
    assert _clause_or_verb_phrase(("不要", "塑胶"))
    assert _clause_or_verb_phrase(("非常", "感谢"))


# Wikipedia, 岳飛: old names of cities, mountains and officers of the Song army.
CAMPAIGN = (
    "建炎三年六月，杜充撤往建康府，岳飛苦諫不從，開封失守。不久完顏宗弼率金軍南下建康，杜充所部戰敗。",
    "岳飛退屯建康東北的紫金山，後四戰收復常州。",
    "五月，進屯牛頭山，率三百騎兵、兩千步兵在建康城西北十五里擊敗完顏宗弼，收復建康。",
    "李橫所部為神武左副軍，顏孝恭所部為神武右副軍，兩人均為統制。",
    "後神武右副軍統制顏孝恭改任江南東路安撫大使司統制，空缺由岳飛填補。",
    "岳飛葬母於廬山，連續上表請求解除兵權，在廬山為母守孝。",
)


def test_old_names_of_places_mountains_and_people_of_uncommon_surnames_are_no_terms():
    terms = terms_of(*CAMPAIGN)
    assert "统制" in terms  # the office is a term
    # 建康 "old name for Nanjing", 庐山 "Mt Lushan", 颜孝恭 a general of surname 颜
    assert not {"建康", "庐山", "颜孝恭"} & terms.keys(), sorted(terms)


def test_seas_are_places():
    # an abstract on an oil field (CSL): 渤海 "Bohai Sea, …; Parhae, Korean kingdom …"
    terms = terms_of("蓬莱9-1油田位于渤海海域，是渤海迄今发现的最大的花岗岩潜山油田。",
                     "渤海海域中生代花岗岩风化壳储层发育，裂缝和溶蚀孔隙是主要储集空间。")
    assert "花岗岩" in terms and "渤海" not in terms, sorted(terms)


# Provisions on private lending: the verb 提起 comes with 民间借贷诉讼 four times, but the
# text also names the suit without it; 偿还 comes with 借款, which stands alone throughout.
SUITS = (
    "第二条 出借人向人民法院提起民间借贷诉讼时，应当提供借据、收据、欠条等债权凭证以及其他能够证明借贷法律关系存在的证据。",
    CLAUSES[0],
    *LENDING_SUITS[2:],
    "第三十条 借款人可以提前偿还借款，但是当事人另有约定的除外。",
    "借款人提前偿还借款并主张按照实际借款期限计算利息的，人民法院应予支持。",
    "第五条 人民法院立案后，发现民间借贷行为本身涉嫌非法集资等犯罪的，应当裁定驳回起诉。",
    "民间借贷诉讼中，出借人应当对借款的交付承担举证责任。",
    "借款人未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息。",
)


def clause_around_a_term(phrase: str, sentences: tuple[str, ...]) -> bool:
    """_clause_around_a_term on the phrase as a compound of the text, with the text's counts."""
    text = "".join(script.to_simplified(s) for s in sentences)
    parts = tuple(segmenter().words_of(phrase))
    compound = discovery.Compound(phrase, parts, text.count(phrase), cohesion=5.0, freedom=1.0)
    candidate = _Candidate(phrase, strings={phrase}, count=text.count(phrase), compound=compound)
    grams = Counter({string: text.count(string) for string in (phrase, "".join(parts[1:]), "".join(parts[:-1]))})
    terms = terms_of(*sentences)
    return _clause_around_a_term(candidate, grams, lambda string: terms[string].count if string in terms else 0)


@pytest.mark.parametrize("phrase, is_clause", [
    ("提起民间借贷诉讼", True),  # the suit is also named without the verb
    ("偿还借款", True),
    ("提前偿还借款", False),  # led by an adverb: _clause_or_verb_phrase's concern
    ("举证责任", False),  # 责任 is no term of its own: burden of proof is
])
def test_a_verb_and_a_term_the_text_also_uses_without_it_are_no_term(phrase, is_clause):
    assert clause_around_a_term(phrase, SUITS) is is_clause


@pytest.mark.parametrize("string, plausible", [
    # a cooking show's talk, which the show's text made candidates of (漂亮吧  海参下去;
    # 去掉它的腥味  搁点盐; 要用点好黄酒)
    ("海参下去", False),  # a thing and where it goes
    ("搁点盐", False),  # a verb, 点 'a little' and what of
    ("好黄酒", False),  # 好 'good' before a word
    ("海参", True), ("黄酒", True),
    ("集点", True),  # a verb and 点 'point': 'to collect points', Taiwan transcript's B term
    # the State Council's 2018 opinion on government new media: jieba lists 党和政府 whole
    ("党和政府", False),
    ("缓和医疗", True),  # 缓和 'to ease', Taiwan's Patient Right to Autonomy Act
    # CSL keywords led by a character jieba also tags as a measure word, and a Latin pair
    ("扇三角洲", True), ("盒维数", True), ("AA", True),
])
def test_phrases_of_talk_and_pairs_are_no_candidates(string, plausible):
    from deckgen.mining.filters import _plausible

    assert _plausible(string, 0) is plausible


# A broker's note on energy storage: a term, where and how much of it.
STORAGE = (
    "全球新型储能装机延续高增，2023—2027年复合增速有望达到40%以上。",
    "据统计，2023年全球新增投运新型储能装机45.6GW，同比增长超过一倍，其中中国新增投运21.5GW。",
    "我们预计2024年全球新型储能新增装机有望达到约180GWh，同比增长约75%。",
    "新型储能可分为电化学储能、压缩空气储能、飞轮储能等，新型储能以锂离子电池为主。",
    "2023年国内大储新增装机占比超过90%，其中新能源配储占据主导地位。",
    "需求端：国内大储“量增价跌”，海外大储多点开花，大储招标规模同比翻倍。",
    "2023年以来储能电芯价格由年初约0.9元/Wh快速下行至年底0.4—0.5元/Wh区间。",
    "我们认为，当前储能电芯价格已接近多数二三线厂商的现金成本线；储能电芯龙头仍能维持一定盈利。",
    "314Ah储能电芯加速替代280Ah储能电芯，储能电芯能量密度提升约10%。",
)


@pytest.mark.parametrize("phrase, is_clause", [
    ("全球新型储能", True),  # where: the world's new-type storage
    ("国内大储", True),
    ("储能电芯价格", True),  # how much: the cells' price
    ("新型储能装机", True),
    ("储能电芯", False),
])
def test_where_and_how_much_of_a_term_the_text_names_alone_are_no_term(phrase, is_clause):
    assert clause_around_a_term(phrase, STORAGE) is is_clause


def test_an_acronym_the_text_names_and_what_it_does_are_no_term():
    # China News Service, 1 November 2021, on the provinces' GDP
    news = ("数据显示，共有15个省份GDP总量超过2万亿元。",
            "其中，广东GDP超过8.8万亿元，稳居第一；江苏GDP超过8.4万亿元，位居第二。",
            "前三季度，中国GDP同比增长9.8%，两年平均增长5.2%。")
    assert clause_around_a_term("GDP超过", news)
    assert not clause_around_a_term("GDP总量", news)  # a noun after it: a term of its own


def test_a_term_and_a_verb_of_saying_after_it_are_no_term():
    # lines after the National Bureau of Statistics' quarterly releases: the bureau is a
    # term of the text, 'the bureau says' is not
    release = ("国家统计局发布数据显示，前三季度国内生产总值同比增长4.8%。",
               "国家统计局表示，国民经济运行总体平稳，稳中有进。",
               "国家统计局表示，外部环境更趋复杂严峻，国内需求仍显不足。")
    assert clause_around_a_term("国家统计局表示", release)
    assert not clause_around_a_term("国家统计局", release)


def test_a_body_and_what_it_reports_is_no_term_but_a_noun_and_its_verb_is():
    # the National Bureau of Statistics' releases: 国家统计局发布 'the bureau releases'; a
    # government guide's 信息发布 'release of information' is a term
    release = ("国家统计局发布数据显示，前三季度国内生产总值同比增长4.8%。",
               "国家统计局表示，国民经济运行总体平稳，稳中有进。",
               "国家统计局发布的数据显示，外部环境更趋复杂严峻，国内需求仍显不足。")
    assert clause_around_a_term("国家统计局发布", release)
    guide = ("各地区各部门要做好政务信息发布工作。", "信息发布要及时准确。", "政务公开的信息要统一发布。",
             "要建立健全信息发布机制，信息要权威。")
    assert not clause_around_a_term("信息发布", guide)


def test_a_verb_the_term_always_comes_with_belongs_to_it():
    # Taiwan's Patient Right to Autonomy Act: 維持生命治療, life-sustaining treatment,
    # and 支持向量机 of an abstract on machine learning: neither object stands alone
    statute = ("维持生命治疗：指心肺复苏术、机械式维生系统、血液制品、为特定疾病而设之专门治疗等必要医疗措施。",
               "意愿人得预立医疗决定，拒绝维持生命治疗。")
    assert not clause_around_a_term("维持生命治疗", statute)
    abstract = ("本文提出一种基于支持向量机的文本分类方法。", "实验表明，支持向量机的分类精度高于朴素贝叶斯。")
    assert not clause_around_a_term("支持向量机", abstract)


def test_two_terms_joined_by_a_formal_and_are_two_terms():
    # a CSL abstract on soil stabilisers: 固化剂与土壤成分 three times, always a pair
    abstract = ("综述了土壤固化剂与土壤成分进行离子吸附与交换,减薄土壤胶团双电层,使土壤颗粒趋于凝聚;"
                "固化剂与土壤成分发生化学反应生成化学键及胶凝性物质加固土壤颗粒之间的链接;"
                "固化剂与土壤成分生成物体积膨胀改善并填充土壤颗粒之间的孔隙;"
                "在外界挤压力作用下缩短土壤颗粒之间距离,密实土壤结构;多种因素协同作用固化机理.")
    terms = terms_of(abstract)
    assert "固化剂" in terms, sorted(terms)
    assert not any("与" in t or "及" in t for t in terms), sorted(terms)


def test_a_word_jieba_cuts_across_a_term_the_text_uses_more_is_no_term():
    # a CSL abstract on fan deltas: jieba reads 孤立型砂体 as 孤立 + 型砂 'molding sand' + 体
    abstract = ("基于露头精细解剖,将扇三角洲成因砂体分为叠加型、过渡型及孤立型砂体3种类型,分别对应于辫状水道、"
                "辫状水道向分流水道过渡及分流水道成因,其宽度、厚度及宽厚比由叠加型向孤立型逐渐减小.",
                "3类砂体的特征、形成与变化与基准面旋回变化及所处的位置有关.A/S比值由低到高依次发育叠加型、过渡型、"
                "孤立型砂体.水道砂体的规模与A/S比值呈负相关关系,即随A/S比值的增大而减小.",
                "随着基准面的上升,八道湾组水道砂体出现的频率减小,叠加厚度减薄,砂体之间的连通性变差,水道砂体的粒度变细.")
    terms = terms_of(*abstract)
    assert "砂体" in terms and "型砂" not in terms, sorted(terms)


@pytest.mark.parametrize("text, miscut", [
    ("中国企业要做大模型，大模型是未来。大模型很重要。", True),  # 做 + 大模型 every time
    ("中国企业要做大模型。也要把蛋糕做大。大模型很重要。", False),  # 做大 stands on its own once
])
def test_a_word_is_cut_across_a_term_only_when_every_use_crosses_it(text, miscut):
    from deckgen.mining.filters import _cut_across_a_term

    word = _Candidate("做大", strings={"做大"}, count=text.count("做大"))
    counts = {"大模型": text.count("大模型")}
    assert _cut_across_a_term(word, text, lambda s: counts.get(s, 0)) is miscut


def test_what_results_show_is_no_term():
    # a CSL abstract on reservoir permeability: jieba lists 结果显示 and 充分说明 as words
    abstract = ("3种方法的对比研究表明,在小样本条件下,支持向量机方法能够兼顾模型的通用性和推广性.",
                "在王场油田潜三段北断块油藏储层渗透率变化的敏感性分析应用结果表明,该方法可准确地预测储层渗透率的变化规律;"
                "编制的动态油藏数值模拟软件应用结果显示,考虑储层渗透率变化的剩余油数值模拟结果符合率达75%,"
                "而不考虑储层渗透率变化的结果符合率仅为45%,充分说明了动态模拟的优越性.")
    terms = terms_of(*abstract)
    assert {"渗透率", "储层"} <= terms.keys(), sorted(terms)
    assert not {"结果显示", "结果表明", "充分说明", "研究表明"} & terms.keys(), sorted(terms)
    # ... nor where the point lies: 关键在于 'the key lies in', a word to jieba
    terms = terms_of("人形机器人能否真正“干活”，关键在于“大脑”和“小脑”。",
                     "具身智能的瓶颈不完全在算法，关键在于数据。", "关键在于人形机器人的数据采集。")
    assert "关键在于" not in terms and "瓶颈" in terms, sorted(terms)


# Taiwan meeting transcript (a social enterprise meets a minister without portfolio)
TALK = (
    "仁舟團隊很感謝整個大環境中有越來越多的人重視全球減塑的議題、關心塑膠污染的問題，所以，在臺灣不管是"
    "經濟部中小企業處、台北市政府、政委您也一直在協力推廣。",
    "政委常常代表我們與國際交流，所以想要請教~您怎麼看在全球減塑的行動中，臺灣的團隊也不能缺席，"
    "有很多社企夥伴也都很努力做了些分工。",
    "事實上是可以很好玩、很酷，我覺得這個是增加樂趣的部分。",
    "如果有任何減塑的想法，都非常歡迎您或請彭秘書告訴我們，感謝政委。",
    "事實上也有很多臺灣的民眾，是用他的選擇權來換顯名權，也就是選擇這兩個禮拜不拿實名制口罩。",
)


def test_phrases_of_talk_and_the_country_named_are_no_terms():
    terms = terms_of(*TALK)
    assert "政委" in terms, sorted(terms)
    # 很酷 'very cool', 欢迎您 'welcome you': jieba's words, CC-CEDICT's none
    assert not {"很酷", "欢迎您"} & terms.keys(), sorted(terms)
    # … and 更糟 'even worse' (a 1920s story: 那不是更糟么)
    assert "更糟" not in terms_of("那不是更糟么？他想。", "更糟的是，天又下起雪来，更糟的事还在后头。")
    # 臺灣: CC-CEDICT's 台灣 entry is 'variant of 臺灣', its 臺灣 'Taiwan': a place
    assert "台湾" not in terms, sorted(terms)


def test_what_one_wants_to_do_is_no_term():
    # 南风窗 on US-China technology: 想要實現 three times, before three different objects
    terms = terms_of(
        "在這樣的發展基礎上,我們迎來了百年未有之大變局及美國的遏制打壓,想要實現真正發展,必須在科技領域有一些重要突破和關鍵抓手。",
        "目前來看,想要實現半導體領域的追趕應該兩條腿走路。",
        "美國現在逼迫韓國的三星、中國臺灣地區的臺積電等到美國建廠,本質上是想要實現美國一家獨大、獨強的半導體產業權力格局。",
    )
    assert "半导体" in terms, sorted(terms)
    assert not any(t.startswith("想要") for t in terms), sorted(terms)


def test_the_name_of_a_law_that_titles_the_text_is_a_term(tmp_path):
    from deckgen.annotating.labels import frequency_label
    from deckgen.reading import read_source

    def mined(*lines: str) -> dict:
        path = tmp_path / "text.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return {t.text: t for t in mining.mine([read_source(path)], MiningOptions(top=200), segmenter())}

    # Taiwan's Patient Right to Autonomy Act names itself only in its title
    terms = mined("病人自主權利法", "第 1 條", "為尊重病人醫療自主、保障其善終權益，促進醫病關係和諧，特制定本法。",
                  "第 2 條", "本法所稱主管機關：在中央為衛生福利部；在直轄市為直轄市政府；在縣（市）為縣（市）政府。")
    assert "病人自主權利法" in terms, sorted(terms)  # as the title writes it
    assert "in the title" in terms["病人自主權利法"].why
    assert frequency_label(terms["病人自主權利法"]).startswith("the title of the text")
    # a law titled with the country it is of is cited by its name without it
    terms = mined("中华人民共和国国家通用语言文字法", "第一章 总则",
                  "《中华人民共和国国家通用语言文字法》已由全国人民代表大会常务委员会通过。",  # cited in 《》 too
                  "第一条 为推动国家通用语言文字的规范化、标准化及其健康发展，根据宪法，制定本法。",
                  "第二条 本法所称的国家通用语言文字是普通话和规范汉字。")
    assert "国家通用语言文字法" in terms and "in the title" in terms["国家通用语言文字法"].why, sorted(terms)
    # a long official heading is no name
    terms = mined("最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
                  "为正确审理民间借贷纠纷案件，根据有关法律规定，结合审判实践，制定本规定。")
    assert not any(len(t) > 12 for t in terms), sorted(terms)


# Patient Right to Autonomy Act (Taiwan), article 3, and the Provisions on private lending.
STATUTE_DEFINITIONS = (
    "第 3 條",
    "本法名詞定義如下：",
    "二、人工營養及流體餵養：指透過導管或其他侵入性措施餵養食物與水分。",
    "五、醫療委任代理人：指接受意願人書面委任，於意願人意識昏迷或無法清楚表達意願時，代理意願人表達意願之人。",
    "七、緩和醫療：指為減輕或免除病人之生理、心理及靈性痛苦，施予緩解性、支持性之醫療照護，以增進其生活品質。",
    "醫療機構或醫師終止、撤除或不施行維持生命治療或人工營養及流體餵養時，應提供病人緩和醫療及其他適當處置。",
)


def test_a_statute_defines_its_terms_item_by_item():
    terms = terms_of(*STATUTE_DEFINITIONS)
    # the term is the whole defined name, 及 and all, as the statute writes it
    assert terms["人工营养及流体喂养"].gloss == "透過導管或其他侵入性措施餵養食物與水分"
    # the definition runs to the end of the clause, past its commas
    assert terms["医疗委任代理人"].gloss.startswith("接受意願人書面委任，於意願人意識昏迷")
    assert terms["缓和医疗"].gloss.endswith("以增進其生活品質")
    assert any(why.startswith("defined in the text") for why in terms["缓和医疗"].why)


def test_a_law_defines_what_it_calls_a_term():
    terms = terms_of(
        "第一条 本规定所称的民间借贷，是指自然人、法人和非法人组织之间进行资金融通的行为。",
        "前款所称“一年期贷款市场报价利率”，是指中国人民银行授权全国银行间同业拆借中心自2019年8月20日起每月发布的"
        "一年期贷款市场报价利率。",
    )
    assert terms["民间借贷"].gloss == "自然人、法人和非法人组织之间进行资金融通的行为"
    assert terms["一年期贷款市场报价利率"].gloss.startswith("中国人民银行授权")


def test_a_long_definition_is_cut_at_a_comma_and_says_so():
    definition = ("病人與醫療服務提供者、親屬或其他相關人士所進行之溝通過程，商討當病人處於特定臨床條件、意識昏迷或無法清楚"
                  "表達意願時，對病人應提供之適當照護方式以及病人得接受或拒絕之維持生命治療與人工營養及流體餵養")
    terms = terms_of(f"六、預立醫療照護諮商：指{definition}。")
    gloss = terms["预立医疗照护咨商"].gloss
    assert gloss.endswith("…") and definition.startswith(gloss.removesuffix("…"))
    assert definition[len(gloss) - 1] in "，、"  # cut where a clause or an item ends


def test_a_colon_that_introduces_no_definition_defines_nothing():
    terms = terms_of("本法名詞定義如下：", "一、末期病人。", "主管機關：在中央為衛生福利部；在直轄市為直轄市政府。")
    assert all(t.gloss is None for t in terms.values()), {k: t.gloss for k, t in terms.items() if t.gloss}


def test_a_verb_and_the_noun_phrase_it_takes_leave_the_noun_phrase_as_the_term():
    # 「恶意制造、参与虚假诉讼」 twice, 「提起民间借贷诉讼」 three times in the provisions on
    # private lending: the runs discovery finds there, as jieba cuts them
    found = {
        "参与虚假诉讼": discovery.Compound("参与虚假诉讼", ("参与", "虚假", "诉讼"), 2, 6.0, 0.7),
        "维持生命治疗": discovery.Compound("维持生命治疗", ("维持", "生命", "治疗"), 5, 6.0, 0.9),
        # Patient Right to Autonomy Act: 「處於特定臨床條件」, 「具完全行為能力之人」
        "处于特定临床条件": discovery.Compound("处于特定临床条件", ("处于", "特定", "临床", "条件"), 2, 5.5, 0.7),
        "具完全行为能力": discovery.Compound("具完全行为能力", ("具", "完全", "行为能力"), 2, 5.5, 0.7),
    }
    grams = Counter({"参与虚假诉讼": 2, "虚假诉讼": 2, "维持生命治疗": 5, "生命治疗": 5, "特定临床条件": 2,
                     "完全行为能力": 2})
    kept = _objects_of_verbs(found, grams)
    assert "参与虚假诉讼" not in kept
    assert kept["虚假诉讼"].parts == ("虚假", "诉讼") and kept["虚假诉讼"].count == 2
    assert "特定临床条件" in kept and "处于特定临床条件" not in kept
    assert "完全行为能力" in kept and "具完全行为能力" not in kept
    # a CSL keyword: a verb before a verbal noun modifies it
    detection = {"入侵检测系统": discovery.Compound("入侵检测系统", ("入侵", "检测", "系统"), 3, 6.0, 0.8)}
    assert _objects_of_verbs(detection, Counter({"入侵检测系统": 3, "检测系统": 3})) == detection
    # 维持 takes no noun phrase here: 生命治疗 is no term without it
    assert "维持生命治疗" in kept and "生命治疗" not in kept


def test_a_suffix_jieba_cuts_off_its_word_starts_no_term():
    # Chinese Wikipedia, 地质学: jieba cuts 固定论学说 as 固定 + 论 + 学说
    terms = terms_of(
        "固定论学说认为地壳的位置是永远不变的，其运动方式以垂直运动为主。",
        "传统的地槽-地台学说就是一种固定论学说。",
        "活动论学说认为地壳的运动是以水平运动为主的，垂直运动虽然存在，但是是水平运动过程中派生出来的。",
    )
    assert "论学说" not in terms, sorted(terms)
    # the rule discovery applies at the start of every run it considers
    assert not _can_start_given_evidence("论") and not _can_start_given_evidence("性")
    assert _can_start_given_evidence("固定") and _can_start_given_evidence("活动")


def test_an_ethnic_group_is_no_organisation():
    # CPP dev sentences (Chinese Wikipedia): CC-CEDICT's 'She ethnic group'
    terms = terms_of(
        "罗源县的六神经络骨通药制作工艺和畲族服饰被列入国家级非物质文化遗产名录。",
        "部分畲族讲畲话，有观点认为畲话是客家语的一种方言。",
        "畲族主要集中在北部山区，约占全国畲族人口的60％。",
    )
    assert "畲族" in terms
    assert "organisation or brand" not in terms["畲族"].why, terms["畲族"].why


def test_a_verb_and_its_complement_are_grammar_not_a_term():
    # Chinese Wikipedia, 地质学, and the Taiwan meeting transcript: jieba lists 追溯到 and
    # 放在 as words, CC-CEDICT does not
    terms = terms_of(
        "对地球的物质成分的研究最早至少可以追溯到古希腊泰奥弗拉斯托斯的著作《论岩石》（Peri Lithon）。",
        "在古罗马时期，老普林尼详细的描述了常用的一些矿物和金属，还正确的解释了琥珀的来源。",
        "但是我就可以把我的名字放在已經有73萬人的榮譽榜上知道有盡一份心力等等。",
    )
    assert "追溯到" not in terms and "放在" not in terms, sorted(terms)
    assert "追溯" in terms or "琥珀" in terms  # the words around them still are


def test_a_verb_and_the_direction_it_goes_are_grammar_not_a_term():
    # Lu Xun, 孔乙己, and the Taiwan meeting transcript: 舀出 'ladle out' and 邁入 'step
    # into' are a verb and its direction, which CC-CEDICT lists as no word
    terms = terms_of(
        "他们往往要亲眼看着黄酒从坛子里舀出，看过壶子底里有水没有，又亲看将壶子放在热水里，然后放心。",
        "仁舟今年是第四年了，很快就要邁入第五年了，我們覺得這個時候也該為下個五年做好規劃與準備。",
    )
    assert "舀出" not in terms and "迈入" not in terms, sorted(terms)
    assert "坛子" in terms or "热水" in terms  # the words around them still are
    # ... and so are a verb and the 得 that says how it came out (jieba lists 压得; a line
    # written for the case, as no development text uses it)
    terms = terms_of("大家都在卷，卷价格、卷广告，利润被压得很薄。")
    assert "压得" not in terms, sorted(terms)


# Lu Xun, 故乡: 水生 is 闰土's son; CC-CEDICT knows the word only as 'aquatic'.
GUXIANG_SON = (
    "他回过头去说，“水生，给老爷磕头。”便拖出躲在背后的孩子来，这正是一个廿年前的闰土，只是黄瘦些，颈子上没有银圈罢了。",
    "“阿呀，老太太真是……这成什么规矩。那时是孩子，不懂事……”闰土说着，又叫水生上来打拱，那孩子却害羞，紧紧的只贴在他背后。",
    "“他就是水生？第五个？都是生人，怕生也难怪的；还是宏儿和他去走走。”母亲说。",
    "宏儿听得这话，便来招水生，水生却松松爽爽同他一路出去了。母亲叫闰土坐，他迟疑了一回，终于就了坐。",
    "“可是，水生约我到他家玩去咧……”他睁着大的黑眼睛，痴痴的想。",
)


def test_a_dictionary_word_a_story_calls_someone_by_is_a_name():
    terms = terms_of(*GUXIANG_SON)
    assert "水生" not in terms, terms.get("水生")


def test_a_word_for_a_kind_of_person_is_no_name_however_often_called():
    from deckgen.mining.analysis import _count_addresses
    from deckgen.mining.filters import _proper_kind

    # “老爷！……” and 叫老爷 call a master by his title, as “可是，…” opens a quote with a conjunction
    addressed: Counter = Counter()
    for tokens in (("“", "老爷", "！", "…", "…", "”"), ("请", "叫", "老爷", "来"), ("“", "可是", "，", "水生")):
        _count_addresses(tokens, addressed)
    assert addressed["老爷"] == 2 and addressed["可是"] == 1
    master = _Candidate("老爷", {"老爷"}, count=4)
    assert _proper_kind(master, Counter(), addressed) is None
    son = _Candidate("水生", {"水生"}, count=6)
    assert _proper_kind(son, Counter(), Counter({"水生": 2})) == "person"


def test_a_word_that_is_part_of_a_name_at_every_use_is_no_term():
    # A documentary's subtitles on rock tea: jieba cuts 老陈说 'Old Chen says' as 老 + 陈说
    # 'to state'; the film calls him 老陈 throughout.
    lines = ("陈国华今年六十三岁，村里人都叫他老陈。", "老陈说，岩茶的“岩韵”一半是山给的。", "老陈的焙房就在茶园边上。",
             "老陈说，只要他还做得动，就一直用炭焙。", "岩韵这个东西，你喝一口就知道。", "焙房里的炭火一直烧到天亮。")
    terms = terms_of(*lines)
    assert "陈说" not in terms and "岩韵" in terms, sorted(terms)
    # where the word stands alone it is one: 据实陈说 'to state the facts'
    from deckgen.mining.filters import _piece_of_a_name

    assert not _piece_of_a_name(_Candidate("陈说", {"陈说"}, count=2), "他据实陈说。\n老陈说好。\n老陈来了。")
    assert not _piece_of_a_name(_Candidate("陈说", {"陈说"}, count=1), "老陈说好。")  # no 老陈 alone
    # a pet name no dictionary lists (a story's 小顺), not a word 老 begins (说老实话)
    story = "他底丫头叫小顺，今年九岁。\n“车。”小顺道，“爹拉的车。”\n回到家里，小顺还没有睡。"
    assert _piece_of_a_name(_Candidate("顺道", {"顺道"}, count=1), story)
    assert not _piece_of_a_name(_Candidate("实话", {"实话"}, count=1), "说老实话，他很老实。")
    # a given name between a title and a verb of saying: 王卓然 'Wang Zhuoran', no 'outstanding'
    news = "“数据要素真正写进了资产负债表。”一家数据科技公司总经理王卓然说。"
    assert _piece_of_a_name(_Candidate("卓然", {"卓然"}, count=1), news)
    assert not _piece_of_a_name(_Candidate("卓然", {"卓然"}, count=1), news + "\n其成就卓然。")


def test_a_piece_of_an_organisations_name_is_no_term():
    from deckgen.mining.filters import _piece_of_an_organisation

    # Wikipedia's 全民健康保險 (zh-TW): 中央健康 only ever opens 中央健康保險局 or 中央健康保險署
    wiki = ("1995年1月，行政院衛生署中央健康保險局成立，同年3月1日全民健保正式開辦。\n"
            "配合行政院組織改造，中央健康保險局亦改制為中央健康保險署。")
    assert _piece_of_an_organisation(_Candidate("中央健康", {"中央健康"}, count=3), wiki)
    # a State Council notice: 农村部 only ever after 农业
    notice = "商务部要会同国家发展改革委、财政部、农业农村部等部门加强统筹协调。\n农业农村部负责指导。"
    assert _piece_of_an_organisation(_Candidate("农村部", {"农村部"}, count=2), notice)
    # a word used on its own too is one
    assert not _piece_of_an_organisation(
        _Candidate("中央健康", {"中央健康"}, count=2), wiki + "\n國人的中央健康狀況良好。")
    assert not _piece_of_an_organisation(_Candidate("农村部", {"农村部"}, count=2), notice + "\n各地农村部署工作。")


def test_a_dictionary_word_jieba_cuts_into_a_rare_character_it_tags_as_grammar_is_a_term():
    # Taiwan's statutes fine in 罰鍰: jieba cuts 罚 + 锾 and tags 锾 a measure word
    terms = terms_of(
        "有下列行為之一者，由直轄市、縣（市）主管機關處新臺幣四萬元以上二十萬元以下罰鍰。",
        "住戶違反第五條第一項規定，經制止而不遵從者，處新臺幣三千元以上一萬五千元以下罰鍰。",
        "經依前二條規定處以罰鍰後，仍不改善者，得按次連續處罰。",
    )
    assert "罚锾" in terms, sorted(terms)
    assert not {"这是", "到了", "并不"} & terms_of("这是我的书。", "我们到了学校。", "他并不知道这是什么。").keys()


def test_the_rest_of_a_word_after_a_character_jieba_leaves_alone_is_no_term():
    # jieba cuts 冥古宙 'Hadean' as 冥 + 古宙 and the typhoon 樺加沙 (Ragasa) as 樺 + 加沙
    # 'Gaza': 冥 and 樺 seldom stand alone. Wikipedia's 地质学 (the development text), and
    # a line written after a Taiwan press report.
    terms = terms_of(
        "其起点开始于最早的太阳系材料生成时，约在4.567Ga，地球的出现约在4.54 Ga，一开始称为冥古宙，最年轻的地质年代则是全新世。",
        "中央氣象署持續發布強烈颱風樺加沙海上陸上警報，屏東縣6鄉鎮停班停課。",
    )
    assert "古宙" not in terms and "加沙" not in terms, sorted(terms)
    assert "地质年代" in terms and "台风" in terms, sorted(terms)
    # A rare character that ends the word before is no lone character: 三叠纪 + 灭绝事件
    # (the same article lists the extinctions so).
    from deckgen.mining.filters import _piece_after_a_lone_character

    text = "二叠纪－三叠纪灭绝事件发生在约2.52亿年前。\n白垩纪－第三纪灭绝事件发生在约6600万年前。"
    assert not _piece_after_a_lone_character(_Candidate("灭绝事件", {"灭绝事件"}, count=2), text)
    assert _piece_after_a_lone_character(_Candidate("古宙", {"古宙"}, count=2), "称为冥古宙。\n冥古宙之后")


def test_a_word_in_xing_jieba_tags_as_an_adverb_is_a_term():
    # The Taiwan meeting transcript (the development text): jieba tags 一次性 'disposable'
    # as an adverb, but 性 makes nouns and adjectives; the teachers list it.
    terms = terms_of(
        "我是覺得你們的淨塑並不是完全不用塑膠，而是不要一次性地用塑膠，所以像剛剛所說的upcycle，"
        "如果真的要講，這個也是塑膠，因為我每天穿，而且會洗，所以比起拋棄式、一次性的東西來得好，"
        "所以並不是一味說不要塑膠，而是不要塑膠變成一次性，我覺得這個訊息可以更強烈一點。"
    )
    assert jieba_words.tag("一次性") == "d"
    assert "一次性" in terms, sorted(terms)


def test_a_colon_before_a_word_in_zhi_defines_nothing():
    from deckgen.mining.analysis import _analyse
    from tests.test_mining import source

    # 指標 'indicator', 指出 'to point out' after a colon: 指 is no verb of its own there.
    # No development text has the case: the first two lines are written for it, the third
    # is the statute's.
    analysis = _analyse(source("text", "評估重點：指標要有公信力，數據要公開。", "研究報告：指出塑膠回收率仍然偏低。",
                               "七、緩和醫療：指為減輕或免除病人之生理、心理及靈性痛苦。"), segmenter())
    assert [g.term for g in analysis.glosses] == ["缓和医疗"]


def test_a_taiwan_form_is_as_common_as_its_mainland_form():
    from deckgen.lexicon import jieba_words
    from deckgen.mining.scoring import _frequency

    # Business Weekly (Taiwan): 網路 three times; jieba's mainland counts know 网路 73
    # times and 网络 8,352 times
    terms = terms_of(
        "如中國網路安全公司奇虎360創辦人周鴻禕所說,「中國現在要做出一個超過GPT4的通用大模型可能比較難」。",
        "華為首次展出AI相關的十大創新,從AI算力、AI數據庫存儲,到最新的5.5G網路等一應俱全,形成獨有的生態系。",
        "據彭博報導,華為獲得政府資助高達三百億美元,用於打造晶片製造網路。",
    )
    assert _frequency("网路") == jieba_words.word_frequency("网络")
    assert not any("rare" in why for why in terms["网路"].why), terms["网路"].why


def test_a_spelling_general_chinese_hardly_uses_counts_as_its_common_one():
    from deckgen.lexicon import jieba_words
    from deckgen.mining.scoring import _frequency, _spelling_variants
    from tools.build_tables import build_spelling_variants

    # Business Weekly (Taiwan) writes 據彭博報導 six times: 報導 is Taiwan's 报道
    assert _frequency("报导") == jieba_words.word_frequency("报道")
    variants = _spelling_variants()
    assert variants["身分证"] == "身份证" and variants["藉口"] == "借口"
    # different words stay apart, however alike: 假说 'hypothesis' beside 假设 'to suppose'
    assert "假说" not in variants and "中点" not in variants
    assert variants == build_spelling_variants(), "regenerate: python tools/build_tables.py spelling-variants"


def test_a_noun_and_a_verb_relating_it_to_the_sentence_are_no_term():
    # CSL abstracts (geology and tunnel engineering): 隧道具有 'the tunnel has'
    terms = terms_of(
        "北淮阳构造带由一系列向北逆冲推覆的构造岩片组成,是建立大别山造山带和合肥盆地构造关系的纽带."
        "在大别造山带内发现的可燃天然气和发生燃烧的隧道具有明显的区域性,集中分布于磨子潭-晓天断裂以南的北大别杂岩带"
        "和信阳-舒城断裂附近的早石炭世变质石英片岩中;推覆体之下的寒武系凤台组和北淮阳型石炭系两套海相烃源岩是"
        "隧道可燃天然气的主力气源岩,其中下寒武统凤台组烃源岩具有高碳、高Tmax的特点。",
        "在新疆天山高海拔山区，隧道具有高寒、富水、地质条件复杂等特点。",
        top=500,
    )
    assert "隧道具有" not in terms, sorted(terms)
    assert "隧道" in terms


def test_a_thing_the_text_says_is_called_so_is_no_name():
    from deckgen.mining.analysis import _count_addresses

    # 叫 names a thing as often as it tells a person to do something (叫水生上来, 故乡); the
    # first two are written for the case, as no development text names a term with 叫
    addressed: Counter = Counter()
    for tokens in (("这", "就", "叫", "内卷", "。"), ("这个", "东西", "叫", "光刻机", "。"), ("又", "叫", "水生", "上来", "打拱")):
        _count_addresses(tokens, addressed)
    assert addressed == Counter({"水生": 1})


def test_a_rare_word_heading_a_longer_term_is_a_term_of_its_own():
    # Business Weekly 1896: 製程 'manufacturing process' is only ever a 奈米製程, yet a
    # reader meets it again as 七奈米製程, 先進製程; a name's last word is no term (宋高宗)
    terms = terms_of(
        "去年，晶片製造商中芯國際開始進入七奈米製程後，不論是手機晶片或AI用的GPU晶片，都因此得以生產。",
        "且根據報導，中芯國際正突破五奈米製程，可用於製造華為下一代晶片。",
        "中芯已無法獲得任何升級和維修，天花板注定只到五奈米製程。",
        "宋高宗以謀反罪名賜死岳飛，宋孝宗為之平反。",
        "宋高宗、秦檜卻一意求和，以十二道「金字牌」下令退兵。",
    )
    assert "制程" in terms and "奈米制程" in terms, sorted(terms)
    assert "高宗" not in terms, sorted(terms)


def test_a_dictionary_word_jieba_guessed_a_wrong_word_across_is_a_term():
    # jieba cuts 均变论 as 均 + 变论, a word of its own guessing; CC-CEDICT lists 均变论
    # 'uniformitarianism' (Wikipedia, 地质学), as it lists 碳中和, which jieba cuts 碳中 + 和
    terms = terms_of(
        "其二为灾变论与渐变论（也称均变论）之争，发生在19世纪早期。",
    )
    assert "均变论" in terms, sorted(terms)
    assert "变论" not in terms


def test_a_short_phrase_of_two_basic_words_is_no_term_but_a_terms_four_characters_are():
    # Lu Xun, 故乡: 坐 + 火车 and 黑 + 眼睛 say what they say to a reader who knows them
    terms = terms_of(
        "“我们坐火车去。”",
        "“我们坐火车去。”宏儿说。",
        "“可是，水生约我到他家玩去咧……”他睁着大的黑眼睛，痴痴的想。",
        "他睁着大的黑眼睛看着我。",
    )
    assert "坐火车" not in terms and "黑眼睛" not in terms, sorted(terms)
    # ... while 意思 + 表示 is the law's declaration of intent (病人自主權利法), and a word of
    # a later level than the first two (大 + 模型) makes a term with a basic one
    from deckgen.mining.filters import _too_easy

    assert not _too_easy("意思表示", 4) and not _too_easy("大模型", 4)
    # CC-CEDICT lists 非常感谢 'extremely grateful', of two basic words: a reader knows it
    # (the Taiwan transcript); its idioms of basic words stay (一模一样)
    terms = terms_of("因此，過去一年中，仁舟有機會可以與華南金控集團、中華航空，還有許多各類組織，如:樂山教養院、"
                     "台南晶英飯店都與我們攜手推出減塑商品，我們都非常感謝！")
    assert "非常感谢" not in terms, sorted(terms)
    assert not _too_easy("一模一样", 4)


def test_a_basic_verb_negated_is_no_term_whatever_sense_cedict_lists():
    # 朱自清, 背影: 本已说定不送我 is 'not see me off'; CC-CEDICT's 不送 is the formula "don't
    # bother to see me out", as its 不想 is 'unexpectedly' (他不是不想下班: not want to)
    terms = terms_of(
        "父亲因为事忙，本已说定不送我，叫旅馆里一个熟识的茶房陪我同去。",
        "他终于决定还是自己送我去，我再三劝他不送我。",
        "他跟我说，他不是不想下班，而是大家都不走，他也不敢走。",
        "其实我也不想加班，可是不想也得加。",
    )
    assert "不送" not in terms and "不想" not in terms, sorted(terms)
    assert "茶房" in terms
    # ... nor a direction that makes its complement: 存不下钱 'cannot save money', not CC-CEDICT's
    # 不下 'not less than' (a Zhihu answer on why the young save little)
    terms = terms_of("其实不是年轻人不爱存钱，而是存不下钱。", "房租太贵了，工资一到手就存不下了。")
    assert "不下" not in terms, sorted(terms)


def test_the_days_of_the_week_are_no_terms():
    # a WeChat article on students' weekend trips: 周五下课后坐上夜车 … 周一照常上课
    terms = terms_of(
        "不少大学生周五下课后坐上夜车，周六一早抵达目的地，两天打卡十几个景点，周日晚上再坐夜车回学校，周一照常上课。",
        "周五晚上的夜车总是很挤，周日晚上的夜车也一样。",
    )
    assert not set(terms) & {"周五", "周六", "周日", "周一"}, sorted(terms)
    assert "夜车" in terms


# Provisions on private lending, articles 15, 16 and 18: the defendant argues (被告抗辩),
# the claim is plainly unreasonable (明显不符合常理)
DEFENDANT_ARGUES = (
    "第十五条 原告仅依据借据、收据、欠条等债权凭证提起民间借贷诉讼，被告抗辩已经偿还借款的，被告应当对其主张提供证据证明。被告提供相应证据证明其主张后，原告仍应就借贷关系的存续承担举证责任。",
    "被告抗辩借贷行为尚未实际发生并能作出合理说明的，人民法院应当结合借贷金额、款项交付、当事人的经济能力、当地或者当事人之间的交易方式、交易习惯、当事人财产变动情况以及证人证言等事实和因素，综合判断查证借贷事实是否发生。",
    "第十六条 原告仅依据金融机构的转账凭证提起民间借贷诉讼，被告抗辩转账系偿还双方之前借款或者其他债务的，被告应当对其主张提供证据证明。被告提供相应证据证明其主张后，原告仍应就借贷关系的成立承担举证责任。",
    "（二）出借人起诉所依据的事实和理由明显不符合常理；",
    "（六）当事人双方对借贷事实的发生没有任何争议或者诉辩明显不符合常理；",
)



# Provisions on private lending, articles 24 to 28
LENDING_INTEREST = (
    "按照民间借贷法律关系审理作出的判决生效后，借款人不履行生效判决确定的金钱债务，出借人可以申请拍卖买卖合同标的物，以偿还债务。就拍卖所得的价款与应偿还借款本息之间的差额，借款人或者出借人有权主张返还或者补偿。",
    "第二十四条 借贷双方没有约定利息，出借人主张支付利息的，人民法院不予支持。",
    "自然人之间借贷对利息约定不明，出借人主张支付利息的，人民法院不予支持。除自然人之间借贷的外，借贷双方对借贷利息约定不明，出借人主张利息的，人民法院应当结合民间借贷合同的内容，并根据当地或者当事人的交易方式、交易习惯、市场报价利率等因素确定利息。",
    "第二十五条 出借人请求借款人按照合同约定利率支付利息的，人民法院应予支持，但是双方约定的利率超过合同成立时一年期贷款市场报价利率四倍的除外。",
    "前款所称“一年期贷款市场报价利率”，是指中国人民银行授权全国银行间同业拆借中心自2019年8月20日起每月发布的一年期贷款市场报价利率。",
    "第二十六条 借据、收据、欠条等债权凭证载明的借款金额，一般认定为本金。预先在本金中扣除利息的，人民法院应当将实际出借的金额认定为本金。",
    "第二十七条 借贷双方对前期借款本息结算后将利息计入后期借款本金并重新出具债权凭证，如果前期利率没有超过合同成立时一年期贷款市场报价利率四倍，重新出具的债权凭证载明的金额可认定为后期借款本金。超过部分的利息，不应认定为后期借款本金。",
    "按前款计算，借款人在借款期间届满后应当支付的本息之和，超过以最初借款本金与以最初借款本金为基数、以合同成立时一年期贷款市场报价利率四倍计算的整个借款期间的利息之和的，人民法院不予支持。",
    "第二十八条 借贷双方对逾期利率有约定的，从其约定，但是以不超过合同成立时一年期贷款市场报价利率四倍为限。",
    "未约定逾期利率或者约定不明的，人民法院可以区分不同情况处理：",
    "（一）既未约定借期内利率，也未约定逾期利率，出借人主张借款人自逾期还款之日起参照当时一年期贷款市场报价利率标准计算的利息承担逾期还款违约责任的，人民法院应予支持；",
    "（二）约定了借期内利率但是未约定逾期利率，出借人主张借款人自逾期还款之日起按照借期内利率支付资金占用期间利息的，人民法院应予支持。",
    "第二十九条 出借人与借款人既约定了逾期利率，又约定了违约金或者其他费用，出借人可以选择主张逾期利息、违约金或者其他费用，也可以一并主张，但是总计超过合同成立时一年期贷款市场报价利率四倍的部分，人民法院不予支持。",
    "第三十条 借款人可以提前偿还借款，但是当事人另有约定的除外。",
    "借款人提前偿还借款并主张按照实际借款期限计算利息的，人民法院应予支持。",
)


# Lines in the manner of the State Council's 2021 opinion on centralised, volume-based
# drug procurement (国办发〔2021〕2号), the kind of policy text where the longer compound
# (药品集中带量采购) swallowed the shorter one the text uses on its own (集中采购)
PROCUREMENT = (
    "开展药品集中带量采购工作是党中央、国务院作出的重大改革部署。国家组织药品集中采购试点以来，共开展4批药品集中带量采购，平均降价幅度超过50%，有效减轻了群众用药负担。为推动药品集中带量采购工作常态化制度化开展，经国务院同意，现提出以下意见。",
    "（一）指导思想。坚持以人民为中心的发展思想，坚持市场机制和政府作用相结合，推动药品集中带量采购工作常态化制度化开展，让人民群众以更低的价格用上质量更优的药品。",
    "（二）基本原则。坚持招采合一、量价挂钩，坚持以量换价，确保中选药品质量，坚持公平竞争。",
    "（三）药品范围。按照保基本、保临床的原则，重点将基本医保药品目录内用量大、采购金额高的药品纳入采购范围，逐步覆盖国内上市的临床必需、质量可靠的各类药品。对通过（含视同通过）仿制药质量和疗效一致性评价的药品优先纳入采购范围。",
    "（四）医疗机构。所有公立医疗机构均应参加药品集中带量采购，医保定点社会办医疗机构按照定点协议管理的要求参照执行。",
    "（五）合理确定采购量。明确采购量的确定规则，由医疗机构根据上年度实际使用量、临床使用状况和医疗技术进步等因素报送需求量。约定采购量根据中选企业数量、中选价格等合理确定。",
    "（六）完善竞争规则。以通过一致性评价的仿制药为竞争单元，对同一通用名下的药品按相同规则进行竞争。中选价格应低于同品种药品的挂网价格。",
    "（七）完善医保支付标准与集中采购价格协同机制。对集中采购的药品，在医保目录范围内以集中采购价格作为医保支付标准，原则上对同一通用名下的原研药、参比制剂、通过一致性评价的仿制药，医保基金按相同的支付标准进行结算。",
    "（八）落实医保资金结余留用政策。对因集中采购节约的医保资金，按照相关规定给予医疗机构结余留用激励，调动医疗机构和医务人员参与改革的积极性。各地要加强药占比等指标考核的调整，不将集中采购药品纳入药占比限制范围。",
)


def test_a_pair_the_text_also_uses_apart_inside_a_longer_unit_is_judged_on_its_other_uses():
    terms = terms_of(*PROCUREMENT)
    assert "集中采购" in terms, sorted(terms)
    assert "药品集中带量采购" in terms


# What a reader meets in a text and is no term, each with the words around it that are.
NO_TERMS = [
    pytest.param(
        ("倘肯多花一文，便可以买一碟盐煮笋，或者茴香豆，做下酒物了。",
         "他不回答，对柜里说，“温两碗酒，要一碟茴香豆。”便排出九文大钱。"),
        {"一碟"}, {"茴香豆"},
        id="a number and what it counts"),  # 孔乙己: jieba lists 一碟 'a saucer of' as a noun
    pytest.param(
        ("因为他姓孔，别人便从描红纸上的“上大人孔乙己”这半懂不懂的话里，替他取下一个绰号，叫作孔乙己。",
         "孔乙己一到店，所有喝酒的人便都看着他笑，有的叫道，“孔乙己，你脸上又添上新伤疤了！”",
         "旁人便又问道，“孔乙己，你当真认识字么？”孔乙己看着问他的人，显出不屑置辩的神气。"),
        {"上大人孔乙己"}, {"绰号"},
        id="a quote holding the name the story calls someone by"),  # 孔乙己
    pytest.param(
        ("1974年，史蒂芬·霍金提出，考虑到量子效应，黑洞并非完全“黑”的，而会向外发出热辐射，这种辐射后来被称为霍金辐射。",
         "根据这一理论，黑洞会因辐射而逐渐损失质量，最终可能完全蒸发。霍金辐射至今尚未被观测证实，但它是量子引力研究中的重要课题。"),
        # 霍金 'Hawkins or Hawking; Stephen Hawking (1942-2018)'; lines after Chinese Wikipedia's 黑洞
        {"霍金"}, {"黑洞"},
        id="a person CC-CEDICT lists after another sense"),
    pytest.param(
        ("随着人口老化，失智人口持续增加，专家建议，应加强失智共照中心与社区据点的串联，及早发现、及早介入。",),
        {"专家建议"}, {"失智"},  # jieba lists 专家建议 'experts suggest'; a line written for the case
        id="a kind of person and a verb of saying"),
    pytest.param(
        ("“他？……他景况也很不如意……”母亲说着，便向房外看，“这些人又来了。说是买木器，顺手也就随便拿走的，我得去看看。”",
         "母亲也说好，而且行李也略已齐集，木器不便搬运的，也小半卖去了，只是收不起钱来。",
         "但如果隨隨便便地妄言說中國做不了從0到1,這是不對的。"),
        {"房外", "收不起", "做不了"}, {"木器"},  # 故乡 and 南风窗 2024
        id="a noun and where with respect to it, a verb and whether it can"),
    pytest.param(
        ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
         "坚持以人民为中心的发展思想，坚持市场机制和政府作用相结合。"),
        {"各部委", "相结合"}, {"市场机制"},  # the address and the 坚持…相结合 of State Council circulars
        id="each or mutually before a word"),
    pytest.param(
        # a Beijing blog on Luckin Coffee and a learner's blog, both on the web
        ("玻璃门上贴着「9.9 元喝生椰拿铁」的海报，上班早高峰时，取餐台前总能排起七八个人的小队。",
         "瑞幸刚出道时，朋友圈里全是它的免费券。办公室白领们像发现了新大陆，午休时间拿着手机研究怎么领券最划算。",
         "虽然终极目标明确但是短期方向模糊，我决定从保持透明，坚持内容输出和提高沟通交流能力开始做起——比如掏心掏肺地写了这篇文章！"),
        {"刚出道", "篇文章", "贴着"}, {"海报", "掏心掏肺"},
        id="an adverb or a measure word before a word, a verb and its aspect"),
    pytest.param(
        # a Taipei student's diary and a learner's blog, both on the web
        ("上午原本想去誠品敦南翻翻書，才發現它早就搬家關店了，我真是有點落伍。",
         "雖然生活簡單，收入不高，但台北這座城市，有一種讓人想努力撐下去的魔力。",
         "对于有效学习这件事又有了更深的认知。这次再重头梳理一次，记录下来。"),
        {"翻翻", "撑下去", "记录下来", "有点"}, {"落伍", "魔力", "梳理"},
        id="a verb said twice, a verb and where it goes on, an HSK word without its 儿"),
    pytest.param(
        ("太石给我科普了一个新词：老法师。确切的说，是“摄影老法师”。不过不需要说这么具体，懂的人自然懂。",
         "“老法师”指的是什么样的人呢？我在网上搜了搜——“老法师”主要以爱好摄影的中老年群体为主。"),
        {"法师"}, {"老法师"},  # a learner's blog: 法师 'Buddhist master' is only ever part of 老法师 'old hand'
        id="a word only ever inside a slang term made with 老"),
    pytest.param(
        # China News Service, 1 November 2021, on the provinces' GDP of the first three quarters
        ("中新社北京11月1日电 题：中国前三季度31省份GDP数据揭晓 多地发展韧性持续显现",
         "受“煤炭供应不足、汛情等偶发性因素与结构性因素”影响，全国三季度经济增速有所放缓。",
         "湖北省统计局总统计师叶福生表示，今年以来，湖北经济全面稳定恢复快速增长，三季度“加压企稳”，发展韧性持续显现。",
         "前三季度，海南消费、投资增速位居全国前列。中国银行研究院高级研究员梁婧表示，前三季度海南第三产业增加值同比增长17.4%。",
         "梁婧认为，这主要是由于医药、高技术、战略性新兴产业增长较快。江西省消费、投资、出口增速均居全国前列。",
         "前三季度，山西规上工业增加值增长14.0%，位居全国前列。梁婧认为，中西部地区一般是原材料资源丰富地区。",
         "前三季度，山西进出口总额达1703.4亿元，增长76.8%，增速同样位居全国前列。",
         "受去年较高基数影响，对经济造成一定影响，因此前三季度西部经济增速普遍有所放缓。"),
        {"日电", "三季度", "有所放缓", "今年以来", "发展韧性持续显现", "位居全国前列", "梁婧认为"},
        {"增速", "韧性"},
        id="a dateline, quarters, since when, a clause with an adverb, placing verbs, a name saying"),
    pytest.param(
        # lines written after a Taiwan business paper's report of a phone retailer's sales figures (2024)
        ("傑昇通信彙整全台門市數據，今年上半年手機市場以蘋果及三星佔據主要市場份額。",
         "傑昇通信觀察，各大手機原廠逐漸取消64GB和128GB的容量配置，轉向256GB及以上。",
         "三星Galaxy S24 Ultra（12GB/512GB）排行第十三名，傑昇通信表示，三星今年加入生成式AI功能，成功做出品牌差異化。",
         "傑昇通信表示，iPhone 15 Pro Max（256GB）奪冠，三星則以中階機款搶下市場份額。"),
        {"256GB", "128GB"}, {"市场份额"},
        id="a capacity"),
    pytest.param(DEFENDANT_ARGUES, {"被告抗辩", "明显不符合常理"}, {"被告", "常理"},
                 id="a kind of person and what they do, a clause with a negation inside"),
    pytest.param(LENDING_INTEREST, {"利息约定不明", "自然人之间借贷"}, {"自然人"},
                 id="a run closed by a negated verb, or holding a word of place"),
    pytest.param(
        # lines after Taiwan's Personal Data Protection Act, articles 6, 8 and 19
        ("公務機關或非公務機關依本法規定向當事人蒐集個人資料時，應明確告知當事人下列事項。",
         "非公務機關對個人資料之蒐集或處理，除本法規定外，應有特定目的。",
         "當事人依本法規定得行使之權利及方式，於蒐集個人資料時告知之。"),
        {"个人资料时", "本法规定"}, {"个人资料"},
        id="a law pointing at itself, a run closed by when"),
]


@pytest.mark.parametrize(("sentences", "absent", "present"), NO_TERMS)
def test_phrases_a_reader_meets_are_no_terms_beside_the_terms_around_them(sentences, absent, present):
    terms = terms_of(*sentences)
    assert not absent & set(terms), sorted(terms)
    assert present <= set(terms), sorted(terms)


def test_the_english_a_text_gives_a_term_in_brackets_is_its_meaning():
    from deckgen.annotating import annotate
    from deckgen.annotating.meaning import FROM_TEXT_ENGLISH

    # lines written for the case, in the manner of policy news; 循环经济 and 社会企业 are
    # in no dictionary deckgen reads
    terms = terms_of(
        "循环经济（circular economy）是一种以资源的高效利用和循环利用为核心的经济发展模式。",
        "近年来，各地积极推动循环经济，并鼓励社会企业（social enterprise）参与。",
        "社会企业以解决社会问题为目标，循环经济与社会企业相辅相成。",
    )
    for chinese, english in (("循环经济", "circular economy"), ("社会企业", "social enterprise")):
        assert chinese in terms, sorted(terms)
        note = annotate(terms[chinese], segmenter())
        assert note.english == english and note.meaning_from == FROM_TEXT_ENGLISH, note


def glosses_of(*sentences: str) -> set[tuple[str, str, bool]]:
    from deckgen.mining.analysis import _analyse

    return {(g.term, g.gloss, g.acronym) for g in _analyse(source("text", *sentences), segmenter()).glosses}


def test_english_in_brackets_is_the_terms_own_unless_it_names_someone():
    # Chinese Wikipedia's way (板块构造学说 after factpedia's copy), and a CSL abstract's
    # 体外膜肺氧合(extracorporeal membrane oxygenation,ECMO): the English, and the acronym
    # for the Chinese
    assert ("板块构造学说", "Plate tectonics", False) in glosses_of(
        "板块构造学说（英语：Plate tectonics）是为了解释大陆漂移现象而发展出来的一种地质学理论。")
    abstract = glosses_of("目的 探讨体外膜肺氧合(extracorporeal membrane oxygenation,ECMO)在儿科心肺功能衰竭中的应用。")
    assert ("体外膜肺氧合", "extracorporeal membrane oxygenation", False) in abstract
    assert ("ECMO", "体外膜肺氧合", True) in abstract
    # Business Weekly's 顧問公司策緯(TriviumChina)合夥人舍費爾(KendraSchaefer): names, whose
    # Chinese begins nobody knows where (顧問公司策緯? 合夥人舍費爾?); and a unit is no gloss
    names = glosses_of("「華為現在是一切的核心,」顧問公司策緯(TriviumChina)合夥人舍費爾(Kendra Schaefer)對彭博說。",
                       "美國要求輝達(Nvidia)停止向中國輸出高階晶片。", "空气中二氧化硫的浓度为百万分之五（ppm）。")
    assert not any(not acronym for _, _, acronym in names), names


def test_a_countrys_full_name_is_general_knowledge_like_its_short_one():
    # 中华人民共和国国家通用语言文字法, as a site of laws prints it: the country's full name
    # in every heading and article is no term of the law
    terms = terms_of(
        "中华人民共和国国家通用语言文字法",
        "《中华人民共和国国家通用语言文字法》已由中华人民共和国第九届全国人民代表大会常务委员会第十八次会议通过。",
        "2000年10月31日中华人民共和国主席令第三十七号公布，自2001年1月1日起施行。",
        "第二条 本法所称的国家通用语言文字是普通话和规范汉字。",
        "第三条 国家推广普通话，推行规范汉字。",
    )
    assert "中华人民共和国" not in terms, sorted(terms)
    assert "规范汉字" in terms


def test_a_microblogs_topic_marks_its_term_as_quotes_do():
    # a Weibo thread on students' weekend trips: the topic #特种兵式旅游# is the term, though
    # no dictionary lists it and jieba cuts it 特种兵 + 式 + 旅游
    terms = terms_of(
        "#特种兵式旅游# 打卡成功！周五下课直接冲火车站，48小时逛完西安五个景点。",
        "#特种兵式旅游# 穷游也是游，这次只花了800块，夜车来回省了两晚住宿费。",
        "你们觉得特种兵式旅游值得吗？",
    )
    assert "特种兵式旅游" in terms and terms["特种兵式旅游"].count == 3, sorted(terms)


def test_a_word_and_a_character_jieba_tags_as_a_name_is_a_term_unless_shaped_like_one():
    # a Taiwan food blog: jieba's dictionary tags 牛肉湯 (牛肉 + 湯) as a person's name, as
    # it does 博士生 and 立法權; 王國生, a common surname and a given name, is one
    terms = terms_of(
        "說到台南的早餐，很多人第一個想到的就是牛肉湯。",
        "整體來說，這家牛肉湯CP值很高，雖然要排隊，但絕對值得！",
        "牛肉湯的湯頭是用牛骨加上蔬果熬煮的，喝起來很清甜。",
        "老闆王國生說，他們家的牛肉都是凌晨兩點從善化的屠宰場直送。",
        "王國生說，牛肉湯一定要趁熱喝。",
    )
    assert "牛肉汤" in terms and terms["牛肉汤"].count == 4, sorted(terms)
    assert "王国生" not in terms, sorted(terms)


def test_no_term_ends_in_a_verb_of_causing():
    # a court's judgment on a lease: 使用不当造成 "improper use causes" runs twice, its effect
    # (房屋损坏) after it
    terms = terms_of(
        "合同第八条约定，租赁期间因承租人使用不当造成房屋损坏的，承租人应负责修复或承担赔偿责任。",
        "被告提交的维修单据系其单方制作，未经原告确认，且无法证明损坏系原告使用不当所致。",
        "本案中，被告未能提供充分证据证明房屋损坏系原告使用不当造成，应承担举证不能的不利后果。",
        "承租人按照约定的方法使用租赁物，致使租赁物受到损耗的，不承担赔偿责任。",
    )
    assert not any(len(t) > 2 and t.endswith(("造成", "导致", "致使")) for t in terms), sorted(terms)
    assert "承租人" in terms, sorted(terms)


def test_an_expansion_the_acronym_spells_is_the_english_of_both_terms():
    # a programming blog: 全局解释器锁（Global Interpreter Lock，简称 GIL）. The capitals are the
    # acronym's initials, not a name's; GIL takes the English spelt out beside it.
    from deckgen.annotating import annotate
    from deckgen.annotating.meaning import FROM_TEXT_ENGLISH

    sentences = (
        "这背后的“罪魁祸首”就是全局解释器锁（Global Interpreter Lock，简称 GIL）。",
        "GIL 是 CPython 解释器中的一把互斥锁，它保证同一时刻只有一个线程在执行 Python 字节码。",
        "对于 I/O 密集型任务，线程在等待 I/O 时会主动释放 GIL，其他线程就可以趁机执行。",
    )
    assert ("全局解释器锁", "Global Interpreter Lock", False) in glosses_of(*sentences)
    # a word jieba calls a numeral or a place word is part of the term (a Zhihu answer on chips)
    assert ("多重曝光", "multi-patterning", False) in glosses_of(
        "在EUV普及之前，7纳米只能靠多重曝光（multi-patterning）硬撑。")
    assert ("背面供电", "backside power delivery", False) in glosses_of(
        "下一步还要引入背面供电（backside power delivery），把供电网络挪到晶圆背面。")
    # another name the bracket gives after the English is no part of it (an entry on quantum computing)
    assert ("量子优越性", "quantum supremacy", False) in glosses_of(
        "谷歌宣布实现“量子优越性”（quantum supremacy，又译“量子霸权”）。")
    # small words aside: CANN
    assert ("异构计算架构", "Compute Architecture for Neural Networks", False) in glosses_of(
        "华为发布了异构计算架构（Compute Architecture for Neural Networks，CANN），支持昇腾芯片。")
    terms = terms_of(*sentences)
    for term in ("全局解释器锁", "GIL"):
        note = annotate(terms[term], segmenter())
        assert (note.english, note.meaning_from) == ("Global Interpreter Lock", FROM_TEXT_ENGLISH), note


def test_an_acronym_may_spell_out_its_small_words_too():
    # an industry report on new-energy vehicles: CTP（Cell to Pack）
    from deckgen.annotating import annotate

    terms = terms_of(
        "动力电池领域的CTP（Cell to Pack）和CTB（Cell to Body）等结构创新显著提升了系统能量密度。",
        "以宁德时代的CTP技术和比亚迪的刀片电池为代表，无模组化设计省去了传统的模组环节。",
        "CTB与CTP相比，进一步把电池包与车身地板合二为一。")
    assert annotate(terms["CTP"], segmenter()).english == "Cell to Pack"


def test_an_acronym_takes_no_english_that_merely_stands_near_it():
    from deckgen.annotating import annotate

    terms = terms_of(
        "GIL 是 CPython 解释器中的一把互斥锁。",
        "有人开玩笑说 GIL 就是 Guido Is Lazy 的意思，GIL 并不会很快消失。",
    )
    assert not annotate(terms["GIL"], segmenter()).english.startswith("Guido")


def test_a_passive_a_modal_or_a_particle_inside_a_phrase_jieba_lists_is_no_term():
    # jieba lists 被誉为 'is hailed as', 需谨慎 'calls for caution' and 值得一提的是 'it is worth
    # mentioning that' as words (a Xinhua report on a cruise ship, a programming blog)
    terms = terms_of(
        "大型邮轮被誉为造船业“皇冠上的明珠”，与航空母舰、大型液化天然气运输船并称为造船业的三颗明珠。",
        "值得一提的是，Python 3.13 引入了实验性的“自由线程”构建，可以完全禁用 GIL。",
        "不过目前很多第三方库还没有适配，生产环境中仍需谨慎。",
        "申请执行人可以向人民法院申请对被执行人的财产采取查封措施。",
    )
    assert not {"被誉为", "需谨慎", "值得一提的是"} & terms.keys(), sorted(terms)
    # 的 closing a word makes a noun of it: Lu Xun's 掌柜的 'the shopkeeper'
    assert "掌柜的" in terms_of("掌柜的是一副凶脸孔，主顾也没有好声气，教人活泼不得。",
                                "掌柜的也不要他还，便又在旁人面前说他的闲话。")
    assert "被执行人" in terms, sorted(terms)  # a party to a case, not a passive


def test_a_demonstrative_and_a_measure_word_are_no_term():
    # a Taiwan drama's subtitles (lines written for the case): jieba lists 那件 as a word
    terms = terms_of(
        "尾牙喔？那我要穿那件紅色的衣服，比較喜氣。",
        "那件衣服是你孫子買給你的吧？",
        "好啊，說不定你還可以抽到頭獎，一台機車喔！",
    )
    assert "那件" not in terms, sorted(terms)
    assert "尾牙" in terms, sorted(terms)


def test_a_negated_verb_or_a_pronoun_and_a_modal_jieba_lists_is_no_term():
    # 老舍, 茶馆: jieba lists 不戒 'not give up' and 谁肯 'who would'
    terms = terms_of(
        "我告诉你，你要是不戒了大烟，就永远交不了好运！",
        "康六，你也得算计算计！谁肯出十两银子买你的闺女呢？",
        "他要是不戒烟，身体早晚要垮。",
    )
    assert not {"不戒", "谁肯"} & terms.keys(), sorted(terms)
    assert "大烟" in terms, sorted(terms)


def test_a_word_cc_cedict_also_lists_as_a_place_is_that_place_where_the_text_puts_it_there():
    # a Douban diary: 大理 is Dali (CC-CEDICT also has an old 'judicial officer'), the text
    # going to it and living in it
    terms = terms_of(
        "我在大理租了一间带院子的小房子，月租一千五。",
        "在大理我认识了很多“数字游民”，他们靠一台笔记本电脑就能远程工作。",
        "现在是我在大理的第四个月，存款还能撑半年。",
    )
    assert "大理" not in terms, sorted(terms)
    assert "数字游民" in terms, sorted(terms)


def test_a_verb_jiebas_guess_glued_to_a_term_is_no_part_of_what_an_acronym_abbreviates():
    # a popular-science article on mRNA vaccines: jieba's HMM cuts 需要 + 用脂质 + 纳米 + 颗粒
    glosses = glosses_of("此外，mRNA分子非常脆弱，需要用脂质纳米颗粒（LNP）包裹起来，才能顺利进入细胞。")
    assert ("LNP", "脂质纳米颗粒", True) in glosses, glosses


def test_what_an_acronym_abbreviates_starts_after_the_copula():
    # a Wikipedia article on Alzheimer's disease
    glosses = glosses_of("最重要的遗传风险因素是载脂蛋白E（APOE）的ε4等位基因。")
    assert ("APOE", "载脂蛋白E", True) in glosses, glosses


def test_a_piece_of_a_works_title_and_the_people_of_a_place_are_no_terms():
    # a Wikipedia biography of 鄧麗君: jieba lists 月亮代表 (of the song 《月亮代表我的心》);
    # 河北人 is 'a native of Hebei'. A law's name inside 《》 still gives its term.
    terms = terms_of(
        "代表作品有《月亮代表我的心》、《甜蜜蜜》、《小城故事》、《我只在乎你》等。",
        "鄧麗君出生於一個外省軍人家庭，父親鄧樞是河北人，母親趙素桂是山東人。",
        "依照《中华人民共和国民法典》第五百零九条之规定，判决如下。",
        "民法典自2021年1月1日起施行。",
    )
    assert not {"月亮代表", "河北人", "山东人"} & terms.keys(), sorted(terms)
    assert "民法典" in terms, sorted(terms)



# A Taiwan story of a typhoon night (lines written for the case, in the manner of such fiction).
TYPHOON_NIGHT = (
    "「阿明，去把頂樓的花盆搬下來！」媽媽朝我喊。",
    "我爬上頂樓，風已經大得讓人站不穩，阿明心裡第一次感到一點害怕。",
    "阿公說那一年，濁水溪的水漫過了堤防，整個村子泡在水裡三天三夜。",
    "陽光從雲縫裡灑下來，照在積水上，鄰居們已經拿著掃把和水桶，開始清理家門口。",
    "阿公站在門口，看著滿地狼藉，只說了一句：好佳在，人攏平安。",
)


def test_a_pet_name_a_plural_a_locative_and_a_verbs_complement_are_no_terms():
    from deckgen.mining.filters import _pet_name

    assert not _pet_name("阿伯") and not _pet_name("阿姨")  # 'uncle', 'aunt': kin, no names
    terms = terms_of(*TYPHOON_NIGHT)
    # 阿明 is a boy called so (CC-CEDICT's 阿明 is only 'Al-Amin'); 鄰居們 is 'the neighbours',
    # 縫裡 'in the crack', 站不穩 'cannot stand steady', 漫過 'flowed over'
    assert not {"阿明", "邻居们", "缝里", "站不稳", "漫过"} & terms.keys(), sorted(terms)
    # a Liberty Times reader's essay: 排得上隊 'can get a place in the queue'
    queue = terms_of("於是我選擇開發在地人穿著夾腳拖、睡衣，甚至戴著安全帽排隊的店家。那種和異鄉異地的人共享生活經驗的"
                     "歸屬感，一股融進肚裡的生活味，才是我心裡「排得上隊」的美食。",
                     "如今，這些庶民小吃成了動輒好幾條人龍的必比登清單。", "在外地時，我早已學會繞開名店人龍。")
    assert "排得上队" not in queue and "人龙" in queue, sorted(queue)
    assert {"堤防", "狼藉"} <= terms.keys(), sorted(terms)


def test_taiwans_aspect_marker_is_read_as_the_mainlands_and_a_preposition_is_no_term():
    # Taiwan writes the aspect marker 着 as 著 (拿著, 接著, 隨著), the character of 著名: read
    # in simplified as 着 where it is the marker, jieba knows 接着 and 随着 as the words they are
    from deckgen.script import to_simplified

    assert to_simplified("拿著掃把，接著說，隨著時間，著名作家") == "拿着扫把，接着说，随着时间，著名作家"
    # text in simplified characters writes 着 for the marker: its 著 is 'to write' (THCHS-30's
    # news sentences), and so is 原著 in Traditional, which OpenCC's Taiwan table misses
    assert to_simplified("他们以凶恶著称") == "他们以凶恶著称"
    assert to_simplified("當然是英文原著") == "当然是英文原著"
    terms = terms_of(
        "阿伯拿著掃把走過來，說要幫忙清理。",
        "鄰居們也拿著掃把和水桶，開始清理家門口。",
        "隨著天色變亮，巷子裡漸漸熱鬧起來。",
        "大家看著滿地狼藉，接著就動手了。",
    )
    assert not {"接著", "接着", "随着", "随著"} & terms.keys(), sorted(terms)
    assert {"扫把", "狼藉"} <= terms.keys(), sorted(terms)


def test_a_name_a_story_both_calls_and_has_ask_is_a_person_and_reduplications_are_no_terms():
    # lines written for the case, in the manner of 余华's 活着: 福贵 is called once and asks
    # once; jieba knows the word, CC-CEDICT does not
    terms = terms_of(
        "那年秋天，福贵挑着两筐棉花进城，路上碰见了春生。",
        "春生穿着一身旧军装，瘦得皮包骨头。他说：“福贵，你还认得我吗？”",
        "福贵愣了半天，才想起来，这是当年一起被抓去当壮丁的春生。",
        "“你当上官了？”福贵问。春生笑了笑，说：“什么官不官的。”",
        "家珍的病越来越重，走路都要扶着墙，福贵看着她，心里一阵发酸。",
    )
    assert not {"福贵", "笑了笑", "越来越重"} & terms.keys(), sorted(terms)
    assert {"壮丁", "皮包骨头"} <= terms.keys(), sorted(terms)


def test_each_and_a_measure_word_before_a_word_is_no_term():
    # the State Council's opinion on payment services (2024): 各项措施 'each of the measures'
    terms = terms_of(
        "中国人民银行要会同有关部门加强督促指导，确保各项措施落地见效。",
        "各地区各部门要加强统筹协调，把各项措施落到实处，支持各类经营主体发展。",
    )
    assert not {"各项措施", "各类经营主体"} & terms.keys(), sorted(terms)
    assert "督促" in terms, sorted(terms)


def test_a_question_a_denial_two_times_and_a_doubled_verb_are_no_terms():
    # a newspaper interview, a public lecture and a Zhihu answer on buying a flat
    terms = terms_of(
        "下一步应当从哪些方面着力？我们要从哪些方面入手推进银发经济？",
        "昨天晚上十二点以后才睡的，举一下手？昨天晚上我也睡得很晚。",
        "很多小伙子咬咬牙也得上车。对未来没把握的那批年轻人，咬咬牙还是买了。",
        "对未来没把握的年轻人越来越多，房价也没把握。",
        "所以与其说“年轻人不愿意买房”，不如说年轻人变得更理性了。",
        "经济的不确定性上升，不确定性带来风险。",
    )
    assert not {"哪些方面", "昨天晚上", "咬咬牙", "没把握", "年轻人不愿意买房"} & terms.keys(), sorted(terms)
    assert "不确定性" in terms  # 'uncertainty': a denial made a noun


def test_a_quoted_remark_is_no_term_but_the_term_inside_it_is():
    # a Taiwan feature on home care, a Xinhua report on data assets
    terms = terms_of(
        "一位家屬說，有了居服員，「下雨天不用再白跑」，長輩也安心。",
        "居服員每天騎機車到個案家中，家屬說「下雨天不用再白跑」是最實在的改變。",
        "“数据要素真正写进资产负债表，企业才算有了数据资产。”王卓然说。",
        "去年起，企业可以把符合条件的数据资源“写进资产负债表”，资产负债表上多了一项数据资产。",
        "“新质生产力”是今年两会的热词，“新质生产力”写进了政府工作报告。",
    )
    assert not {"下雨天不用再白跑", "写进资产负债表"} & terms.keys(), sorted(terms)
    assert {"资产负债表", "新质生产力"} <= terms.keys(), sorted(terms)
    # an explainer on the low-altitude economy: what commenters call it, counted; a saying stays
    terms = terms_of(
        "评论区里有人说这是“下一个新能源汽车”，也有人说这是“又一轮PPT造车”。",
        "低空经济到底是“下一个新能源汽车”还是“又一轮PPT造车”，现在下结论还太早。",
        "很多年轻人不想过“一眼望到头”的生活，“一眼望到头”的工作留不住人。",
    )
    assert not {"下一个新能源汽车", "又一轮ppt造车", "又一轮PPT造车"} & terms.keys(), sorted(terms)
    assert "一眼望到头" in terms, sorted(terms)


def test_the_second_half_of_a_verb_split_by_its_aspect_is_no_term():
    # 算过账 'have done the sums': 算账 split by 过, not 过账 'to post to the ledger'
    terms = terms_of("其实我接触过的年轻客户，几乎每个人都认真算过账。",
                     "他们算过账之后发现买不起，又重新算过账。", "每个人都算过账，房贷利率太高。")
    assert "过账" not in terms, sorted(terms)


def test_a_set_phrase_led_by_a_preposition_is_a_term_and_grammar_is_not():
    # a provincial plan for equipment renewal and trade-ins of consumer goods
    terms = terms_of(
        "推动大规模设备更新和消费品以旧换新，是加快构建新发展格局的重要举措。",
        "开展汽车以旧换新，鼓励有条件的地区对个人消费者报废旧车给予补贴。",
        "支持家电以旧换新，严厉打击以次充好等违法行为。",
        "在我看来，以旧换新的关键在于回收体系，消费者可以自行决定是否参加。",
    )
    assert "以旧换新" in terms, sorted(terms)
    assert not {"在我看来", "自行决定"} & terms.keys(), sorted(terms)


def test_someone_and_inside_them_a_verb_and_how_long_and_a_figure_and_what_it_reaches_are_no_terms():
    # a wuxia chapter and an industry report
    terms = terms_of(
        "沈青崖心中一喜，拱手道：“在下想在此借宿一晚，不知方便否？”",
        "沈青崖心中暗想，今夜借宿一晚，明日再赶路不迟。",
        "2023年新能源汽车市场渗透率达到31.6%，渗透率持续提升，渗透率明显加快。",
        "预计2024年渗透率达到40%，渗透率将进一步提高。",
    )
    assert not {"沈青崖心中", "借宿一晚", "渗透率达到", "明显加快"} & terms.keys(), sorted(terms)
    assert "借宿" in terms or "渗透率" in terms, sorted(terms)


def test_the_letters_of_a_price_in_another_currency_are_no_term():
    # a Taiwan travel blog's costs
    terms = terms_of("🚆 台鐵來回：NT$880 × 2人，機車租借一天NT$500。", "民宿兩晚NT$4,200，含早餐，老闆人超好。",
                     "餐費大約NT$3,000，扁食一碗NT$70，真的很划算。")
    assert "NT" not in terms, sorted(terms)


def test_a_character_and_a_particle_jieba_glued_across_a_word_is_no_term():
    # a programmer's blog: 后端的 is 后端 'back end' + 的, not 端的 'after all'
    terms = terms_of("我是一个干了多年后端的老兵，来聊聊转型。", "后端的工作越来越难找，后端的薪资也在降。",
                     "做了八年后端的程序员，今年被优化了。")
    assert "端的" not in terms, sorted(terms)


def test_an_encyclopedia_entrys_name_is_a_term_with_the_english_its_infobox_gives(tmp_path):
    # a Baidu Baike entry: 量子 is in every line, so 量子计算 sticks together no more than
    # chance says; it is the entry's name, and its infobox names it in English
    from deckgen.annotating import annotate
    from deckgen.reading import read_source

    path = tmp_path / "baike.txt"
    path.write_text("\n".join([
        "百度首页", "登录", "量子计算", "播报", "讨论",
        "量子计算是一种遵循量子力学规律调控量子信息单元进行计算的新型计算模式。",
        "中文名", "量子计算", "外文名", "quantum computation", "基本单元", "量子比特",
        "发展历史", "播报", "编辑",
        "量子计算的设想最早由物理学家费曼提出，他认为用量子系统模拟量子系统更为自然。",
        "量子比特可以处于叠加态，量子计算因此可以并行处理大量状态。",
        "量子纠缠是量子计算的另一项资源，量子计算机利用量子门操作量子比特。",
        "目前量子计算仍面临量子比特数量少、量子态容易退相干等挑战。",
    ]) + "\n", encoding="utf-8")
    terms = {t.text: t for t in mining.mine([read_source(path)], MiningOptions(top=50), segmenter())}
    assert "量子计算" in terms, sorted(terms)
    assert annotate(terms["量子计算"], segmenter()).english == "quantum computation"


# A city's plan for elderly care as copied out of a PDF viewer: wrapped lines, its table of targets.
ELDERLY_CARE_PLAN = """
“十四五”时期，我市深入贯彻积极应对人口老龄化国家战略，养老服务体
系建设取得明显成效。截至2025年底，全市60周岁及以上户籍老年人口达到
86.4万人，占户籍总人口的24.7%，其中80周岁及以上高龄老年人12.3万人，
失能、半失能老年人约4.1万人。全市共有养老机构213家，社区养老服务设
施1268个，养老床位总数达到3.9万张，每千名老年人拥有养老床位45.1张。
护理型床位占比提高到62%，较“十四五”初期提高21个百分点。
（一）居家社区养老服务网络基本形成。街道综合养老服务中心实现全覆盖，
城市社区日间照料中心覆盖率达到100%，农村互助养老服务点覆盖率达到78%。
累计完成特殊困难老年人家庭适老化改造1.6万户，为2.8万名独居、空巢老
年人安装了紧急呼叫、烟感报警等智能设备。
（二）医养结合持续深化。全市二级及以上综合医院设立老年医学科的比例
达到85%，养老机构与医疗卫生机构签约合作率达到100%。家庭医生签约服
务覆盖65岁及以上老年人的比例达到76%。长期护理保险制度试点扩面至全
市，累计惠及失能人员5.2万人次。
（三）养老服务人才队伍不断壮大。开展养老护理员职业技能培训3.4万人
次，持证上岗率达到92%。建立养老护理员入职奖补和岗位津贴制度，从业
人员流失率明显下降。
指标名称 2025年 2030年 属性
街道综合养老服务中心覆盖率（%） 100 100 约束性
农村互助养老服务点覆盖率（%） 78 ≥95 预期性
"""


def test_a_figure_and_what_it_reaches_is_no_term_where_the_text_names_it_only_so(tmp_path):
    # the plan names its coverage figures alone only in its table, whose rows are no text
    from deckgen.reading import read_source

    path = tmp_path / "plan.txt"
    path.write_text(ELDERLY_CARE_PLAN, encoding="utf-8")
    terms = {t.text for t in mining.mine([read_source(path)], MiningOptions(top=80), segmenter())}
    assert "覆盖率达到" not in terms, sorted(terms)


# An industry report on energy storage: 储能 is in nearly every sentence.
STORAGE_REPORT = (
    "新型储能行业深度报告：从政策驱动走向市场驱动。",
    "储能行业深度报告：大储需求高增，产业链价格企稳。",
    "据CNESA统计，2023年全球新增投运新型储能装机规模达45.6GW，同比增长130%；其中中国新增装机21.5GW，占比约47%。",
    "我们预计2024—2026年全球储能新增装机复合增速有望保持在35%以上。",
    "2023年以来，受碳酸锂价格大幅回落影响，储能电芯均价由年初的0.9元/Wh下降至年末的0.4元/Wh左右，降幅超过50%。",
    "在强制配储政策退坡的背景下，独立储能和共享储能模式逐步成熟，容量租赁、现货市场套利和辅助服务构成其主要收益来源。",
    "工商业储能受益于峰谷价差拉大，在浙江、广东等地区的投资回收期已缩短至5—6年。",
    "图表1：2019—2023年全球新型储能新增装机规模（GW）。",
    "一、储能行业概览。",
    "新型储能是指除抽水蓄能以外的储能技术，主要包括锂离子电池储能、压缩空气储能、液流电池储能、飞轮储能等。",
    "其中，锂离子电池储能凭借能量密度高、响应速度快、建设周期短等优势，占据新型储能装机的九成以上。",
    "从应用场景看，储能可分为电源侧、电网侧和用户侧三类。",
    "电源侧储能主要用于平滑新能源出力、减少弃风弃光；电网侧储能参与调峰调频，提升电网的灵活性；用户侧储能则通过峰谷套利降低企业用电成本。",
    "图表2：储能产业链示意图。",
    "2021年以来，各地陆续出台新能源配储政策，要求新建风电、光伏项目按照装机容量的10%—20%、时长2小时配置储能。",
)


def test_a_compound_of_the_texts_own_subject_is_found_though_its_parts_are_everywhere():
    # 新型 + 储能: the report uses 储能 so often that the two stick no more than chance says,
    # but 新型 is hardly ever without it
    terms = terms_of(*STORAGE_REPORT)
    assert "新型储能" in terms, sorted(terms)


def test_a_sentence_that_opens_by_defining_its_subject_defines_it():
    from deckgen.mining.analysis import _analyse
    from tests.test_mining import source

    # The State Council's opinion on the silver economy (2024), its first sentence; a
    # definition of 内卷 as a news feature gives it; two sentences where 是指 is no definition.
    analysis = _analyse(source(
        "text",
        "银发经济是指向老年人提供产品或服务，以及为老龄阶段做准备等一系列经济活动的总和，涉及面广、产业链长、业态多元、潜力巨大。",
        "网上流行的“内卷”指的是同行间竞相付出更多努力以争夺有限资源，从而导致个体收益努力比下降的现象。",
        "我的意思是指我们要早点出发。",
        "张三是指挥部的参谋，他说的“那个人”是指老王。"), segmenter())
    glosses = {g.term: g.gloss for g in analysis.glosses}
    # what follows the clause naming what it is (…的总和) says more about it, and is left out
    assert glosses.pop("银发经济") == "向老年人提供产品或服务，以及为老龄阶段做准备等一系列经济活动的总和"
    assert glosses.pop("内卷").endswith("从而导致个体收益努力比下降的现象")
    assert glosses == {}


def test_an_expansion_starts_after_a_names_number_and_a_preposition_jieba_calls_a_noun():
    from deckgen.mining.analysis import _analyse

    # after Wikipedia's 信使核糖核酸疫苗: mRNA-1273 is a vaccine's name; 经 'by way of'
    analysis = _analyse(source(
        "text",
        "美国食品药品监督管理局（FDA）先后向BNT162b2和mRNA-1273授予紧急使用授权（EUA）。",
        "翻译出的抗原在细胞内被降解为短肽，抗原肽经主要组织相容性复合体（MHC）呈递给T细胞。"), segmenter())
    expansions = {g.term: g.gloss for g in analysis.glosses if g.acronym}
    assert expansions["EUA"] == "紧急使用授权" and expansions["MHC"] == "主要组织相容性复合体", expansions
    # ... and runs on over 台风, which jieba tags a place, through a body's name that opens with
    # a verb (联合 'joint'), stopping at a country (美国) as at a year (今年)…
    analysis = _analyse(source(
        "text", "日本气象厅采用十分钟平均风速，而美国联合台风警报中心（JTWC）则采用一分钟平均风速。",
        "中国今年核心消费者物价指数年增率（CPI）上升。",
        "这三张证由中国民用航空局（CAAC）颁发，俗称“适航三证”。",
        "2009年，宣纸传统制作技艺入选联合国教科文组织（UNESCO）人类非物质文化遗产代表作名录。"), segmenter())
    # ... where a country names a body of its own that CC-CEDICT lists, it is part of the name
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {
        "JTWC": "联合台风警报中心", "CPI": "核心消费者物价指数年增率", "CAAC": "中国民用航空局",
        # ... but a verb before a body CC-CEDICT lists whole is no part of its name
        "UNESCO": "联合国教科文组织"}
    # ... and keeps a prefix jieba calls a verb: 超 'beyond' (a Taiwan statute on drones)
    analysis = _analyse(source(
        "text", "四、視距內操作（Visual Line of Sight，VLOS）：指操作人以目視直接觀察無人機及其周遭環境之操作方式。",
        "五、超視距操作（Beyond Visual Line of Sight，BVLOS）：指操作人無法以目視直接觀察無人機之操作方式。"), segmenter())
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {"VLOS": "视距内操作", "BVLOS": "超视距操作"}
    # ... and starts after an adverb of how widely and after a verb that makes a clause
    analysis = _analyse(source(
        "text", "推动建立废旧蓄电池回收体系，鼓励生产者履行生产者责任延伸（EPR）义务。",
        "产业界则普遍参照国际电工委员会（IEC）的IEC 61215标准进行加速老化测试。"), segmenter())
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {"EPR": "生产者责任延伸", "IEC": "国际电工委员会"}
    # ... but not after a modal that begins a word with what follows: 可 + 再生 'renewable'
    analysis = _analyse(source("text", "根据美国国家可再生能源实验室（NREL）发布的最佳研究电池效率图表。"), segmenter())
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {"NREL": "国家可再生能源实验室"}
    # ... and after 有 inside the run, or a verb that wants an object (a zh-TW article on
    # microplastics, a Taiwan report on investment fraud)
    analysis = _analyse(source(
        "text", "常用鑑定技術有傅立葉轉換紅外光譜（FTIR）與拉曼光譜。", "先請民眾透過「幣商」購買泰達幣（USDT）。",
        "關鍵還是要讓平台在廣告投放前就落實實名驗證（KYC）。"), segmenter())
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {
        "FTIR": "傅立叶转换红外光谱", "USDT": "泰达币", "KYC": "实名验证"}
    # ... and after a verb that wants an object: 采用 'to adopt'
    analysis = _analyse(source("text", "目前获批的mRNA疫苗产品普遍采用脂质纳米颗粒（LNP）作为递送载体。"), segmenter())
    assert {g.term: g.gloss for g in analysis.glosses if g.acronym} == {"LNP": "脂质纳米颗粒"}


def test_a_glossarys_entry_gives_an_acronym_its_english_and_its_chinese_name():
    from deckgen.mining.analysis import _analyse

    # an explainer on the low-altitude economy, its glossary of terms
    analysis = _analyse(source(
        "text",
        "eVTOL：electric Vertical Take-off and Landing，电动垂直起降飞行器。可以理解为“会飞的电动车”，能像直升机一样垂直起降。",
        "BVLOS：Beyond Visual Line of Sight，超视距飞行。无人机送外卖往往需要超视距飞行。",
        "PPT：就是幻灯片，很多公司只会做PPT。"), segmenter())
    glosses = {(g.term, g.gloss) for g in analysis.glosses}
    assert {("eVTOL", "电动垂直起降飞行器"), ("电动垂直起降飞行器", "electric Vertical Take-off and Landing"),
            ("BVLOS", "超视距飞行"), ("超视距飞行", "Beyond Visual Line of Sight")} <= glosses, glosses
    assert not any(term == "PPT" for term, _ in glosses)  # a colon and no English spelling it out


# A Xinhua-style report on humanoid robots in factories.
ROBOTS = (
    "［图片］4月15日，在杭州市余杭区星衡智能科技有限公司总装车间，工程师对人形机器人进行出厂前调试。",
    "走进位于杭州市余杭区的星衡智能科技有限公司总装车间，十余台人形机器人正依次“站”上测试工位。",
    "“今年以来订单明显增多，一季度交付量超过去年全年。”星衡智能联合创始人、首席执行官陈一鸣说。",
    "在宁波市北仑区，精研传动股份有限公司总经理冯国栋拿起一根行星滚柱丝杠告诉记者，丝杠是人形机器人的关键零部件。",
    "深圳已在南山、龙岗等区布局3个人形机器人中试验证平台，为企业提供整机测试服务。",
    "上海梳理发布首批50个人形机器人应用场景，人形机器人正从实验室样机走向工厂。",
    "华为技术有限公司也在布局人形机器人，华为的盘古大模型已接入多家企业的机器人。",
)


def test_a_companys_own_name_is_no_term():
    terms = terms_of(*ROBOTS)
    # a name before its legal form, and before the title of the one who speaks for it
    assert "星衡智能" not in terms and "精研" not in terms, sorted(terms)
    assert "丝杠" in terms and "滚柱" in terms, sorted(terms)
    # a company the text names alone too is a term: 华为
    from deckgen.mining.filters import _name_of_a_company

    text = "\n".join(ROBOTS)
    assert _name_of_a_company(_Candidate("星衡智能", {"星衡智能"}, count=3), text)
    assert not _name_of_a_company(_Candidate("华为", {"华为"}, count=2), text)
    assert _name_of_a_company(_Candidate("华为", {"华为"}, count=2), text.replace("华为的", "华为技术有限公司的"))
    # a judgment's short name for a party: 原告星衡智能科技有限公司（以下简称星衡公司）
    judgment = "原告星衡智能科技有限公司（以下简称星衡公司）与被告周某竞业限制纠纷一案。\n周某原系星衡公司高级算法工程师。"
    assert _name_of_a_company(_Candidate("星衡公司", {"星衡公司"}, count=2), judgment)
    assert _name_of_a_company(_Candidate("星衡", {"星衡"}, count=3), judgment)
    assert not _name_of_a_company(_Candidate("有限公司", {"有限公司"}, count=1), judgment)


def test_a_classifier_after_a_number_is_no_part_of_the_term_it_counts():
    terms = terms_of(*ROBOTS)
    # 3个人形机器人: jieba reads 个人 'individual' + 形 + 机器人
    assert "个人形机器人" not in terms and "人形机器人" in terms, sorted(terms)
    from deckgen.mining.filters import _counted_by_a_classifier

    # 个人所得税 is a term: no number before it
    assert not _counted_by_a_classifier(_Candidate("个人所得税", {"个人所得税"}, count=1), "他缴纳个人所得税。")


def test_a_surname_before_a_place_jieba_knows_and_a_surname_before_an_address_are_people():
    # a 1920s story of a pawnshop clerk: 刘 + 德山 (a place to jieba), 刘 + 二爷 'second master'
    lines = (
        "刘德山在这柜台后头已经站了二十六年，如今是恒裕的二柜，人都叫他一声“刘二爷”。",
        "刘德山抖开看了看，用指甲掐了掐里头的棉花，随口唱道：“破布棉袍一件，虫吃鼠咬，光板没毛——六毛。”",
        "“六毛。”刘德山连眼皮也不抬。那写票的小徒弟早已刷刷的写好了当票，连同六个角子从窗口推出去。",
        "刘德山把皮袄翻来覆去的看，心里已经有了数：这件东西若拿到前门外的估衣铺，少说也值三十块洋钱。",
        "“先生，咱们这儿不论当年。”刘德山把皮袄推回窗口，“您嫌少，再上别家去问问。”",
        "“刘二爷，您再瞧瞧。”那人说，又把马铃薯和高科技的事讲了一遍。",
    )
    terms = terms_of(*lines)
    assert "刘德山" not in terms and "刘二爷" not in terms, sorted(terms)
    assert "唱道" not in terms, sorted(terms)  # 'sang out', before what he sang
    assert {"当票", "皮袄"} <= terms.keys(), sorted(terms)
    from deckgen.mining.filters import _looks_like_a_name

    # a surname's character before a common word is no name
    assert not _looks_like_a_name("马铃薯") and not _looks_like_a_name("高科技")


def test_a_guess_of_jiebas_that_glues_such_as_onto_a_word_is_no_term():
    # Wikipedia, perovskite solar cells: 如甲铵 'such as methylammonium', a guess of jieba's
    terms = terms_of(
        "最常见的吸光材料是有机—无机杂化的铅卤化物，如甲铵铅碘（CH3NH3PbI3，简称MAPbI3）。",
        "在光伏研究中，A位通常为一价阳离子，如甲铵（MA⁺，CH3NH3⁺）、甲脒（FA⁺）或铯（Cs⁺）。")
    assert "如甲铵" not in terms, sorted(terms)


def test_an_acronym_spelt_out_in_english_and_chinese_in_brackets_is_defined_both_ways():
    from deckgen.mining.analysis import _analyse

    # a podcast's glossary, and a judgment: AOI（Automated Optical Inspection，即自动光学检测）
    analysis = _analyse(source(
        "text", "· FMEA（Failure Mode and Effects Analysis，失效模式与影响分析）",
        "被告负责AOI（Automated Optical Inspection，即自动光学检测）设备的算法开发。"), segmenter())
    glosses = {(g.term, g.gloss) for g in analysis.glosses}
    assert {("FMEA", "Failure Mode and Effects Analysis"), ("FMEA", "失效模式与影响分析"),
            ("失效模式与影响分析", "Failure Mode and Effects Analysis"), ("AOI", "自动光学检测"),
            ("自动光学检测", "Automated Optical Inspection")} <= glosses, glosses


def test_surnames_common_in_taiwan_news_and_old_stories_make_names():
    from deckgen.mining.filters import _looks_like_a_name

    # a CNA feature on migrant workers (阮文強, Nguyen Van Cuong) and a 1920s story (方子衡)
    assert _looks_like_a_name("阮文强") and _looks_like_a_name("方子衡")
    # ... never a common word after the character: 石墨烯, 白名单, 方向盘
    assert not any(map(_looks_like_a_name, ("石墨烯", "白名单", "方向盘", "江景房")))


def test_a_prefix_alone_before_words_no_dictionary_lists_is_no_term():
    # a zh-TW article on microplastics: jieba leaves 微 alone before 塑膠 and 纖維 every time
    from deckgen.mining.filters import _prefix_of_the_word_after

    text = "微塑膠廣泛存在於海洋。\n微塑膠可分為碎片與微纖維。\n洗衣時會釋出微纖維。"
    assert _prefix_of_the_word_after(_Candidate("微", {"微"}, count=4), text)
    # ... one the text also uses as a word of its own is one: 风很微
    assert not _prefix_of_the_word_after(_Candidate("微", {"微"}, count=2), text + "\n风很微。")


def test_what_the_text_names_so_and_a_verbs_aspect_are_no_terms():
    # a Taiwan report on investment fraud: a LINE group and an app, each 名為「…」
    terms = terms_of(
        "被害人被拉進一個名為「台股菁英交流會」的LINE群組，群組內有「老師」每天報明牌。",
        "詐團再要求被害人下載名為「鼎盛智投」的APP，假投資平台顯示獲利，實則無法出金。",
        "刑事局提醒，投資前應查證平台是否合法，勿輕信保證獲利的廣告。")
    assert "台股菁英交流会" not in terms and "鼎盛智投" not in terms, sorted(terms)
    from deckgen.mining.filters import _verb_and_complement

    # a pension explainer: 亏了2000块本金 'lost 2,000 of the principal'
    assert _verb_and_complement("亏了") and not _verb_and_complement("为了")


def test_a_numbered_building_and_a_verb_done_once_are_no_terms():
    from deckgen.mining.filters import _quantity

    # a novel of a courier's day: 六号楼那个，说你没送上门; 你今儿再去一趟
    assert _quantity("六号楼") and _quantity("去一趟") and _quantity("看一下")
    assert not _quantity("一下子") and not _quantity("号召")


def test_a_words_adverb_and_an_aspect_after_can_are_no_terms():
    from deckgen.mining.filters import _adverb_after_a_word, _aspect_inside_a_verb

    # a pension explainer: 钱放进账户就锁到退休 (账户 + 就 'then'); 算得过账的人 (算账 split by 得过)
    assert _adverb_after_a_word("账户就") and not _adverb_after_a_word("成就")
    assert _aspect_inside_a_verb(["过账"], "个人养老金不是人人都划算，而是“算得过账的人才开”。")
    assert not _aspect_inside_a_verb(["过账"], "会计每月过账一次。")


def test_english_that_opens_with_the_word_before_a_term_keeps_that_word_in_the_term():
    # a zh-TW Wikipedia article on Alzheimer's disease: 輕度 'mild', which jieba calls an
    # adverb, is the 'mild' of the English the text gives
    glosses = glosses_of("部分患者會先經歷輕度認知障礙（mild cognitive impairment，MCI）階段，表現為記憶力下降。")
    assert ("轻度认知障碍", "mild cognitive impairment", False) in glosses, glosses
    assert ("MCI", "轻度认知障碍", True) in glosses, glosses
    # ... an adverb the English does not open with stays out: 常常 + 骨质疏松
    assert ("骨质疏松", "osteoporosis", False) in glosses_of("老年女性常常骨质疏松（osteoporosis），容易骨折。")


def test_the_prefix_lei_begins_the_long_form_of_an_acronym_and_the_classifier_does_not():
    # the same article: 類澱粉前驅蛋白（APP） is the amyloid precursor protein, no 澱粉前驅蛋白
    # 'starch precursor protein'; 这类药物 counts a kind of drug
    glosses = glosses_of("已知與家族性病例相關的基因包括類澱粉前驅蛋白（APP）基因。")
    assert ("APP", "类淀粉前驱蛋白", True) in glosses, glosses
    assert ("NSAID", "非甾体抗炎药", True) in glosses_of("这类非甾体抗炎药（NSAID）可能伤胃。")


def test_a_time_in_figures_is_no_term():
    # a financial feature on the low-altitude economy: 截至2024年底 'by the end of 2024'
    terms = terms_of("民航局数据显示，截至2024年底，全国实名登记的无人机数量超过210万架，同比增长约七成；"
                     "全年无人机累计飞行小时数超过2600万小时，同比增长约15%。",
                     "持有民用无人驾驶航空器操控员执照的人数超过22万人，较上年末增加近三成。",
                     "通用航空方面，截至2024年底，全国共有通用航空企业700余家、在册通用机场约450个，"
                     "全年通用航空飞行作业时长同比增长约13%。")
    assert not any("2024" in t for t in terms), sorted(terms)


def test_a_word_that_begins_a_listed_name_at_every_use_is_no_term():
    # a zh-CN Wikipedia article on exoplanets: jieba cuts 飞马 'at the gallop' + 座51 from
    # 飞马座 'Pegasus'
    terms = terms_of("1995年，两人宣布发现环绕主序星飞马座51运行的行星飞马座51b。",
                     "飞马座51b的质量约为木星的一半。", "天文学家发现飞马座51存在周期约4.23天的视向速度变化。")
    assert "飞马" not in terms, sorted(terms)


def test_a_given_name_of_someone_named_in_full_once_is_no_term():
    # a Taiwan short story: 許佳蓉 once, then 佳蓉, which jieba also lists as a place
    terms = terms_of("許佳蓉站在三合院的埕上，孝服的麻布被風吹得啪啪響，像一面破掉的旗子。",
                     "佳蓉走過去，在她旁邊的矮凳坐下。", "佳蓉愣了一下。", "阿德是她的小叔，佳蓉叫他阿叔。",
                     "佳蓉沒有回答，只是看著遠處的蚵田。")
    assert "佳蓉" not in terms and "许佳蓉" not in terms, sorted(terms)


def test_a_quality_said_twice_before_de_is_no_term():
    # the same story: 臉被海風吹得黑黑的 'tanned quite dark by the sea wind'
    terms = terms_of("阿公的臉被海風吹得黑黑的，手上都是蚵殼割出來的疤。", "她挖起一塊黑黑的、帶著鹹味的泥。",
                     "那雙手也是黑黑的，指甲縫裡都是泥。")
    assert "黑黑的" not in terms, sorted(terms)


def test_the_prefix_lei_makes_one_word_with_the_noun_after_it_and_the_classifier_does_not():
    # a zh-TW Wikipedia article on Alzheimer's disease: 類澱粉 'amyloid' at every use, never
    # 澱粉 'starch' (jieba: 類 + 澱粉, and 以類 + 澱粉); 這類藥物 counts a kind of drug
    terms = terms_of(
        "病理上，患者腦中可見大量由β類澱粉蛋白（amyloid-β，Aβ）堆積而成的類澱粉斑塊（又稱老年斑）。",
        "2023年起，美國食品藥物管理局（FDA）陸續核准以類澱粉蛋白為標的的單株抗體藥物。",
        "APP經β分泌酶與γ分泌酶切割後產生Aβ片段，最終形成細胞外的類澱粉斑塊，進而引發tau蛋白病變。",
        "研究發現，神經纖維糾結的分布與數量，比類澱粉斑塊更能反映認知功能下降的程度。",
        "顯微鏡下可見類澱粉斑塊、神經纖維糾結、類澱粉血管病變、突觸大量流失及神經元死亡。",
        "類澱粉蛋白PET及tau蛋白PET則可直接呈現腦中病理蛋白的分布。",
        "這類藥物僅適用於經類澱粉蛋白PET確認的輕度患者，主要副作用為類澱粉蛋白相關影像異常。")
    assert not any(t.startswith("淀粉") for t in terms), sorted(terms)
    assert not any(t.startswith("类药物") for t in terms), sorted(terms)
    from deckgen.mining.words import _join_prefix_lei

    def tokens(sentence: str) -> tuple[str, ...]:
        return _join_prefix_lei(segmenter().words_of(sentence))

    assert "类淀粉" in tokens("陆续核准以类淀粉蛋白为标的的单株抗体药物") and "类淀粉" in tokens("包括类淀粉前驱蛋白")
    # ... not after what counts kinds, nor after the noun it classes
    assert "类" in tokens("使用药物类抗体治疗") and "类" in tokens("这类淀粉很常见")


def test_a_verb_inside_the_run_before_an_acronym_ends_the_sentences_part():
    # a financial feature: 与大城市聚焦城市空中交通（UAM）不同 'unlike big cities focusing on urban
    # air mobility': the acronym's long form is the run after the verb
    glosses = glosses_of("与大城市聚焦城市空中交通（UAM）不同，县域场景的特点是需求刚性、空域相对简单。")
    assert ("UAM", "城市空中交通", True) in glosses, glosses
    # ... not a verb that makes a word with the next: 国家可再生能源实验室（NREL）
    assert ("NREL", "国家可再生能源实验室", True) in glosses_of("美国国家可再生能源实验室（NREL）的认证效率图表显示。")


def test_a_long_name_a_department_closes_at_every_use_is_no_term():
    # the same feature: 低空经济发展司 'Department of Low-Altitude Economy Development'
    from deckgen.mining.filters import _piece_of_an_organisation

    text = "国家发展改革委新设低空经济发展司，低空经济在过去一年里完成了从概念到产业的跃迁。国家发改委低空经济发展司亮相。"
    assert _piece_of_an_organisation(_Candidate("低空经济发展", {"低空经济发展"}, count=2), text)
    # ... nor 交通管理 before 部门 'department', a word of its own
    text = "公安机关交通管理部门负责电动自行车的通行管理。公安机关交通管理部门应当加强检查。"
    assert not _piece_of_an_organisation(_Candidate("交通管理", {"交通管理"}, count=2), text)


def test_an_idiom_or_a_glued_preposition_before_an_acronyms_long_form_is_not_part_of_it():
    # a ministry's action plan: 积极参与 'take an active part in', which jieba calls an idiom;
    # a Taiwan statute: 上傳至長照服務資訊系統, where jieba glues 至 'to' to 長照
    assert ("ISO", "国际标准化组织", True) in glosses_of("产业应用同步推进，积极参与国际标准化组织（ISO）相关工作。")
    statute = glosses_of("長照機構應將服務紀錄上傳至長照服務資訊系統（Long-term Care Information System，LTC-IS）。")
    assert ("LTC-IS", "长照服务资讯系统", True) in statute, statute


def test_an_authority_and_what_it_does_is_a_clause():
    # a Taiwan statute on long-term care: 主管機關 'the competent authority' + 掌理 'administers'
    assert _clause_or_verb_phrase(("主管机关", "掌理"))
    assert _clause_or_verb_phrase(("主管机关", "会同"))
    assert not _clause_or_verb_phrase(("主管", "机关"))


def test_what_a_story_calls_its_people_is_no_term():
    # a 1930s-style story of a pawnshop: a nickname said behind someone's back, a child
    # named as the story brings him in, 阿 and a birth order or a name and 嫂
    terms = terms_of(
        "掌柜姓宋，行四，镇上的人当面叫他宋四爷，背后却叫他“铁秤砣”。",
        "人家便叫他“三癞子”，他也不恼。", "三癞子又来当那件夹袄了，铁秤砣只给了两角钱。",
        "她有一个儿子，叫小毛，今年七岁。", "那天她抱着小毛来，小毛烧得满脸通红。", "小毛终于没有救过来。",
        "阿秀嫂来当那把长命锁。", "过了半个月，我在河埠头看见阿秀嫂，她瘦了许多。",
        "午后，癞头阿三也来了。", "“过了年，我阿三也要发财的。”阿三说。")
    assert not {"铁秤砣", "三癞子", "小毛", "阿秀嫂", "阿三"} & set(terms), sorted(terms)


def test_a_long_unlisted_word_at_the_very_end_of_a_text_is_weighed_without_error():
    # an abstract ending on its term, no full stop: nothing after it to close a name
    from deckgen.mining.filters import _piece_of_an_organisation

    assert not _piece_of_an_organisation(_Candidate("低空经济发展", {"低空经济发展"}, count=1), "本文研究低空经济发展")
    terms = terms_of("本文研究低空经济发展", "我们比较了三种低空经济发展")
    assert isinstance(terms, dict)


def test_a_quoted_question_is_no_term():
    # a blog post on a second try at the graduate exam: what the author typed into a search box
    terms = terms_of("那段时间我每天睡前都在搜“二战值不值得”“二战失败怎么办”，越搜越焦虑。",
                     "后来我不再搜“二战值不值得”了，先把每天的计划做完。", "“二战失败怎么办”这种问题，没人能替你回答。")
    assert not {"二战值不值得", "二战失败怎么办"} & set(terms), sorted(terms)


def test_shall_glued_to_the_verb_after_it_is_no_term():
    # a Taiwan statute: 並應檢具消防安全設備…說明 'and shall attach …', jieba's guess 應檢具
    terms = terms_of("機構住宿式服務類長照機構，並應檢具消防安全設備及避難逃生規劃說明。",
                     "申請設立長照機構者，應檢具申請書及相關文件，向主管機關申請許可。")
    assert "应检具" not in terms, sorted(terms)
    from deckgen.mining.filters import _must_and_a_verb
    assert not _must_and_a_verb("应急包")


def test_a_listed_companys_code_power_units_and_a_winds_force_are_no_terms():
    # a research note on energy storage and a zh-TW encyclopedia article on typhoons
    terms = terms_of(
        "建议关注：储能系统集成龙头阳光电源（300274.SZ）、海博思创（688411.SH）、上能电气（300827.SZ）。",
        "储能电芯：宁德时代（300750.SZ）、亿纬锂能（300014.SZ）；运营商：南网储能（600995.SH）。",
        "我们以100MW/200MWh独立储能电站为例，补偿标准为0.35元/kWh，100MW项目全投资IRR可达13%。",
        "100MW/200MWh电站单次放电量约170MWh，度电成本约0.3元/kWh，又一座100MW电站已并网。",
        "新聞媒體報導時常以颱風的暴風圈描述7級風所及的範圍，7級風暴風半徑愈大，影響範圍愈廣。",
        "另有10級風暴風半徑，用以表示風力更強的核心區域，10級風吹襲時應避免外出。",
    )
    assert not {"SZ", "SH", "100MW", "200MWh", "170MWh", "kWh", "级风"} & set(terms), sorted(terms)
    assert not [term for term in terms if "." in term], sorted(terms)  # a code is no abbreviation of a name
    assert "暴风半径" in terms


def test_how_workmates_call_each_other_and_the_nicknames_a_story_gives_are_no_terms():
    # a story of a machine-tool plant's layoffs in the 1990s
    terms = terms_of(
        "老韩骑着他那辆二八永久过来，车铃铛早坏了。", "老韩说：“让让，让让。”", "老韩不吭声了。",
        "是刘胖子，刘福顺，跟他一个班组干了十来年的。", "刘胖子说：“大拿，走，喝两盅去。”", "刘胖子嘿嘿笑了。",
        "马主任外号“马三炮”，因为他开会讲话，一张嘴就是“第一、第二、第三”。", "马三炮又在广播站念了一遍名单。",
        "“韩大拿”这个外号，是厂里人叫了二十多年的。", "厂办的小周给他办手续。", "小周说：“没事，韩师傅。”",
        "车床边上有个小孔，油从小孔里渗出来。", "师傅用锉刀把小孔打磨平整。")
    assert not {"老韩", "刘胖子", "马三炮", "韩大拿", "小周"} & set(terms), sorted(terms)
    assert "小孔" in terms  # 'small hole', no one's name


def test_familiar_names_leave_dictionary_words_alone():
    from collections import Counter

    from deckgen.mining.filters import _familiar_name

    assert not any(_familiar_name(word, Counter({word: 3})) for word in ("老师", "小时", "老鼠", "小许"))
    assert _familiar_name("老韩", Counter()) and not _familiar_name("小孔", Counter())


def test_an_acronyms_long_form_keeps_its_prefix_and_is_no_piece_of_a_name_with_an_and():
    # a financial paper on car exports to the EU; a zh-TW encyclopedia article on typhoons
    cars = glosses_of("插电式混合动力汽车（PHEV）和增程式电动汽车（EREV）不在其列。")
    assert ("EREV", "增程式电动汽车", True) in cars, cars  # 增 'extend' + 程式 is no verb before the term
    typhoons = glosses_of("自2000年起，改由聯合國亞洲及太平洋經濟社會委員會（ESCAP）與世界氣象組織（WMO）共同設立的颱風委員會統一命名。",
                          "此外，菲律賓大氣地球物理和天文管理局（PAGASA）會對進入其責任區的熱帶氣旋另行給予當地名字。")
    assert ("WMO", "世界气象组织", True) in typhoons
    assert not [g for g in typhoons if g[0] in ("ESCAP", "PAGASA")], typhoons  # 太平洋经济社会委员会, 天文管理局


def test_a_suffix_jieba_leaves_alone_ends_a_term_but_starts_none():
    # a regulation on personal information sent abroad: jieba cuts 个人 + 信息处理 + 者
    # 'handler of personal information', which the law uses 32 times
    from deckgen.mining.words import _can_end, _can_start

    assert segmenter().words_of("个人信息处理者应当通过所在地省级网信部门申报安全评估。")[:3] == ("个人", "信息处理", "者")
    assert _can_end("者") and not _can_start("者")
    assert not _can_end("的") and not _can_end("应当")


def test_a_word_no_dictionary_lists_may_end_a_verb_led_term_the_text_keeps_writing():
    # an energy-storage report writes 抽水蓄能 'pumped storage' ten times, which jieba cuts
    # 抽水 'to pump water' + 蓄能, a word it does not know, whose 能 'energy' is no modal 'can'
    from deckgen.mining.words import _can_end, _verb_led_term

    assert segmenter().words_of("抽水蓄能仍是技术最成熟的储能方式。")[:2] == ("抽水", "蓄能")
    assert _can_end("蓄能") and _verb_led_term(("抽水", "蓄能"), 5.2, discovery.MIN_COHESION + 1.0)
    assert not _can_end("谈些") and not _can_end("而行")  # jieba's guesses glue grammar on
    assert not _verb_led_term(("抽水", "蓄能"), 2.4, discovery.MIN_COHESION + 1.0)  # it must stick together


def test_a_greeting_is_no_term():
    # a Taiwan podcast on a coffee roastery: 哈囉 'hello' + 大家好 'hi everyone'
    from deckgen.mining.filters import _spoken_phrase

    assert _spoken_phrase("哈囉大家好") and _spoken_phrase("各位观众大家好")
    assert not _spoken_phrase("早安") and not _spoken_phrase("烘豆机")


def test_a_span_of_time_and_within_is_no_term():
    # a regulation: 应当在标准合同生效之日起10个工作日内备案 'within ten working days'
    from deckgen.mining.filters import _place_phrase

    assert _place_phrase("工作日内") and _place_phrase("园区内")
    assert not _place_phrase("实际上") and not _place_phrase("海外")  # words of their own


def test_the_tail_of_a_laws_name_cited_in_its_title_is_no_term():
    # a regulation on personal information sent abroad, citing the laws it rests on
    from deckgen.mining.filters import _piece_of_a_title

    text = ("根据《中华人民共和国网络安全法》《中华人民共和国个人信息保护法》《网络数据安全管理条例》等法律、行政法规，制定本办法。\n"
            "符合《中华人民共和国个人信息保护法》第三条第二款规定情形的，适用本办法。\n"
            "《中华人民共和国国家通用语言文字法》是国家的法律。")
    for piece in ("保护法", "管理条例"):
        assert _piece_of_a_title(_Candidate(piece, {piece}, count=2), text), piece
    assert not _piece_of_a_title(_Candidate("国家通用语言文字法", {"国家通用语言文字法"}, count=1), text)


def test_a_verb_done_again_or_by_law_is_no_term():
    # a regulation: 整改完成后重新申报或者备案 'declare again after rectifying'
    from deckgen.mining.filters import _verb_and_how_it_is_done

    assert _verb_and_how_it_is_done("重新申报") and _verb_and_how_it_is_done("依法处理")
    assert not _verb_and_how_it_is_done("重新") and not _verb_and_how_it_is_done("申报")


def test_what_changes_said_of_a_noun_is_a_clause():
    # a research note and a regulation: 竞争加剧 'competition intensifies', 有效期届满 'the term expires'
    assert _clause_or_verb_phrase(("竞争", "加剧")) and _clause_or_verb_phrase(("有效期", "届满"))
    assert _clause_or_verb_phrase(("反补贴", "税", "生效"))
    assert not _clause_or_verb_phrase(("经济", "增长"))  # 'economic growth' names the change


def test_the_english_a_text_gives_says_how_long_the_term_before_it_is():
    # a zh-TW encyclopedia article on typhoons: 以飛機在颱風周圍 + 投擲 'drop' + 投落送（dropsonde）
    glosses = glosses_of("颱風觀測亦可由飛機執行，以飛機在颱風周圍投擲投落送（dropsonde）取得資料。")
    assert ("投落送", "dropsonde", False) in glosses, glosses


def test_a_judgments_names_references_and_what_it_calls_things_are_no_terms():
    # a Taiwan court judgment on a gym membership
    from deckgen.mining.filters import _looks_like_a_name, _plausible

    assert _looks_like_a_name("高振宇")  # 高 'high' is a surname before a given name of no word
    assert not _looks_like_a_name("高毛利") and not _looks_like_a_name("金融业")
    assert not _plausible("条第1项", 4)  # of 消费者保护法第12条第1项
    assert _plausible("第四次工业革命", 4)
    assert _clause_or_verb_phrase(("下称", "系争")) and _clause_or_verb_phrase(("合称", "系争"))


def test_what_a_judgment_calls_the_disputed_things_and_a_classs_numeral_make_no_terms():
    # a Taiwan judgment: 系爭 + 會籍契約 'the membership contract in dispute'; 不能 + 舉證
    assert _clause_or_verb_phrase(("系争", "会籍", "契约")) and _clause_or_verb_phrase(("不能", "举证"))
    assert not _clause_or_verb_phrase(("会籍", "契约"))
    # a science post: 主要组织相容性复合体I类分子 'MHC class I molecule', no 类分子 '-like molecule'
    from deckgen.mining.words import _join_prefix_lei

    assert "类分子" not in _join_prefix_lei(("复合体", "I", "类", "分子"))
    assert "类淀粉" in _join_prefix_lei(("包括", "类", "淀粉", "蛋白"))


def test_a_modal_the_english_makes_able_is_part_of_the_term():
    # a science post on mRNA vaccines: 可 'can' + 电离 'ionize' is 'ionizable'
    glosses = glosses_of("1. 可电离阳离子脂质（ionizable cationic lipid）：这是LNP的核心成分。")
    assert ("可电离阳离子脂质", "ionizable cationic lipid", False) in glosses, glosses


def test_a_bound_on_an_amount_and_a_share_are_clauses():
    # a Taiwan ministry's plan: 每家最高新臺幣3萬元 'up to NT$30,000 each', 微型企業占中小企業7成以上
    assert _clause_or_verb_phrase(("最高", "新台币"))
    from deckgen.mining.words import _can_end

    assert not _can_end("占")  # 'to account for', glue like 是 and 有


def test_a_verb_and_its_object_made_a_noun_and_a_part_of_a_thing_are_phrases():
    # a Taiwan judgment: 會員中途終止契約者 'members who end the contract early', 會籍部分 'the
    # membership part'; a suffix closes a verb alone (出借人 'lender')
    from deckgen.mining.words import _verb_led_term

    assert not _verb_led_term(("终止", "契约", "者"), 5.0, 4.0)
    assert _verb_led_term(("出借", "人"), 5.0, 4.0)
    assert _clause_or_verb_phrase(("会籍", "部分")) and not _clause_or_verb_phrase(("会籍", "契约"))


def test_a_judgments_references_to_its_case_and_court_and_from_until_are_no_terms():
    # a Taiwan judgment: 本件 'this case', 本院 'this court', 自起訴狀繕本送達翌日起至清償日止 'from … until'
    from deckgen.mining.filters import _plausible

    assert not any(_plausible(word, 4) for word in ("本件", "本院", "本案", "起至"))
    assert _plausible("起诉状", 4)
