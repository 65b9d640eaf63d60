"""Sentence pinyin: context rules, Traditional input, output formats, tone marks."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.annotating import pinyin
from deckgen.records import Syllable
from deckgen.segmenting import segmenter
from deckgen.tones import tone_mark


def syllables(text, start=0, end=None):
    return pinyin.syllables(text, segmenter(), start, end)


def span_reading(text, start, end):
    return pinyin.span_reading(text, start, end, segmenter())


def numbered_line(text):
    return pinyin.numbered_line(text, segmenter())


def marked_line(text):
    return pinyin.marked_line(text, segmenter())


def reading_of(text: str, char: str, occurrence: int = 0) -> str:
    """The reading of the n-th `char` in `text`, resolved in context."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(char, start + 1)
    (reading,) = span_reading(text, start, start + 1)
    return reading


# ---------------------------------------------------------------- formats


def test_numbered_line_example():
    assert numbered_line("我们用GPU训练了大模型。") == "wo3 men5 yong4 GPU xun4 lian4 le5 da4 mo2 xing2 。"


def test_marked_line_example():
    assert marked_line("我们用GPU训练了大模型。") == "wǒ men yòng GPU xùn liàn le dà mó xíng 。"


def test_whitespace_separates_tokens_and_is_never_one():
    assert numbered_line("GPU 和  TPU\n") == "GPU he2 TPU"
    assert numbered_line("   ") == ""
    assert numbered_line("") == ""


def test_non_han_runs_stay_whole():
    assert numbered_line("用A100，训练") == "yong4 A100， xun4 lian4"


def test_unknown_han_character_passes_through():
    # U+2A6D6 is a CJK Extension B ideograph with no reading in the tables.
    char = "\U0002a6d6"
    assert syllables(char) == (Syllable(char, None),)
    assert numbered_line("好" + char) == "hao3 " + char


def test_syllables_one_per_han_character_and_one_per_other_run():
    assert syllables("A 銀行b") == (
        Syllable("A ", None),
        Syllable("銀", "yin2"),
        Syllable("行", "hang2"),
        Syllable("b", None),
    )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_syllable_texts_round_trip_any_string(text):
    assert "".join(s.text for s in syllables(text)) == text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("我们的了行长重为得地还A1 ，。😀\x00\n銀長爲")))
def test_round_trip_mixed_han_and_other(text):
    result = syllables(text)
    assert "".join(s.text for s in result) == text
    for s in result:
        if len(s.text) == 1 and "\u4e00" <= s.text <= "\u9fff":
            assert s.pinyin is not None


def test_span_reading_leaves_out_latin():
    assert span_reading("昇腾AI处理器", 0, 7) == ("sheng1", "teng2", "chu3", "li3", "qi4")
    assert span_reading("用CANN开发", 1, 5) == ()


def test_import_loads_nothing_heavy():
    code = "import sys, deckgen.annotating.pinyin; print(any(m in sys.modules for m in ('pypinyin', 'jieba', 'opencc')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- tone marks


@pytest.mark.parametrize(
    "numbered, marked",
    [
        ("lv4", "lǜ"),
        ("nv3", "nǚ"),
        ("lve4", "lüè"),
        ("zhuang4", "zhuàng"),
        ("ma5", "ma"),
        ("r5", "r"),
        ("hao3", "hǎo"),
        ("xie4", "xiè"),
        ("gou3", "gǒu"),
        ("liu2", "liú"),
        ("gui4", "guì"),
        ("er2", "ér"),
        ("lu:4", "lǜ"),
        ("GPU", "GPU"),
        ("hao", "hao"),
        ("ma6", "ma6"),
        ("", ""),
    ],
)
def test_tone_mark(numbered, marked):
    assert tone_mark(numbered) == marked


# ---------------------------------------------------------------- rule families


@pytest.mark.parametrize(
    "text, char, occurrence, expected",
    [
        # 了: particle vs liao3 'finish, be able to'
        ("他吃了饭就走了。", "了", 0, "le5"),
        ("这件事我受不了。", "了", 0, "liao3"),
        ("我了解他的想法。", "了", 0, "liao3"),
        ("这真是了不起的成就。", "了", 0, "liao3"),
        # 得: complement de5, verb de2, modal dei3
        ("他跑得很快。", "得", 0, "de5"),
        ("她得到了一份工作。", "得", 0, "de2"),
        ("他得了冠军。", "得", 0, "de2"),
        ("我得走了。", "得", 0, "dei3"),
        ("我觉得很好。", "得", 0, "de5"),
        # 着: zhe5 after verbs, zhao2 resultative, zhuo2 in words
        ("他看着窗外。", "着", 0, "zhe5"),
        ("我昨晚睡不着。", "着", 0, "zhao2"),
        ("别着急。", "着", 0, "zhao2"),
        ("我们应该着手准备。", "着", 0, "zhuo2"),
        ("飞机安全着陆。", "着", 0, "zhuo2"),
        # 地: adverbial de5 vs noun di4
        ("她高兴地跳了起来。", "地", 0, "de5"),
        ("他慢慢地走回家。", "地", 0, "de5"),
        ("地上很脏。", "地", 0, "di4"),
        ("西沙群岛等地。", "地", 0, "di4"),
        # 的: de5, but di2 in 的确, di4 in 目的
        ("这是我的书。", "的", 0, "de5"),
        ("他的确很忙。", "的", 0, "di2"),
        ("我们的目的很明确。", "的", 1, "di4"),
        # 还: adverb hai2 vs verb huan2
        ("他还在学校。", "还", 0, "hai2"),
        ("我明天还钱。", "还", 0, "huan2"),
        ("借了东西要还。", "还", 0, "huan2"),
        ("请把书还给我。", "还", 0, "huan2"),
        ("公司按时偿还贷款。", "还", 0, "huan2"),
        # 行: xing2 vs hang2
        ("这样做不行。", "行", 0, "xing2"),
        ("他在银行工作。", "行", 0, "hang2"),
        ("这个行业发展很快。", "行", 0, "hang2"),
        ("黑板上写了两行字。", "行", 0, "hang2"),
        # 长: chang2 vs zhang3
        ("这条河很长。", "长", 0, "chang2"),
        ("孩子长大了。", "长", 0, "zhang3"),
        ("他是我们的校长。", "长", 0, "zhang3"),
        ("他担任副旅长。", "长", 0, "zhang3"),
        ("树上长满了叶子。", "长", 0, "zhang3"),
        # 重: zhong4 vs chong2
        ("这个箱子很重。", "重", 0, "zhong4"),
        ("我们重新开始。", "重", 0, "chong2"),
        ("他们决定重建大桥。", "重", 0, "chong2"),
        ("这是双重标准。", "重", 0, "chong2"),
        # the central bank's rediscount rate (Taiwan's CNA): 重 'again' before 贴现
        ("中央銀行決議重貼現率維持年息2%。", "重", 0, "chong2"),
        ("這頭牛重達五百公斤。", "重", 0, "zhong4"),
        # 为: wei4 'for' vs wei2 'be, as'
        ("因为下雨，比赛取消了。", "为", 0, "wei4"),
        ("他被任命为部长。", "为", 0, "wei2"),
        ("该县面积为三百平方公里。", "为", 0, "wei2"),
        ("他一生为人民服务。", "为", 0, "wei4"),
        ("他被选为主席。", "为", 0, "wei2"),
        ("作为老师，他很负责。", "为", 0, "wei2"),
        # 都: dou1 vs du1
        ("他们都来了。", "都", 0, "dou1"),
        ("北京是中国的首都。", "都", 0, "du1"),
        # 差: cha4 / cha1 / chai1
        ("他的成绩很差。", "差", 0, "cha4"),
        ("两者差别很大。", "差", 0, "cha1"),
        ("他明天出差。", "差", 0, "chai1"),
        # 率: lv4 'rate' vs shuai4 'lead'
        ("这家工厂的良率很高。", "率", 0, "lv4"),
        ("出生率逐年下降。", "率", 0, "lv4"),
        ("将军率军出征。", "率", 0, "shuai4"),
        ("他率领代表团访问日本。", "率", 0, "shuai4"),
        # 卡: ka3 vs qia3
        ("请出示你的银行卡。", "卡", 0, "ka3"),
        ("美国对华为卡脖子。", "卡", 0, "qia3"),
        ("鱼刺卡在喉咙里。", "卡", 0, "qia3"),
        # 量: liang4 vs liang2
        ("今年的产量很高。", "量", 0, "liang4"),
        ("护士给他量体温。", "量", 0, "liang2"),
        ("用尺子量一量。", "量", 0, "liang2"),
        # 调: diao4 vs tiao2
        ("他被调到北京工作。", "调", 0, "diao4"),
        ("我们要调整计划。", "调", 0, "tiao2"),
        ("他们正在进行调查。", "调", 0, "diao4"),
        # 子: zi3 outside suffix words, zi5 as the suffix
        ("他是孔子的学生。", "子", 0, "zi3"),
        ("其子继承了王位。", "子", 0, "zi3"),
        ("桌子上有一本书。", "子", 0, "zi5"),
        # 更, 尽, 处 and measure words after numerals
        ("这个方法更好。", "更", 0, "geng4"),
        ("他们更新了软件。", "更", 0, "geng1"),
        ("敌人的粮食已经吃尽。", "尽", 0, "jin4"),
        ("请尽快回复。", "尽", 0, "jin3"),
        ("山顶上有一处寺庙。", "处", 0, "chu4"),
        ("这套书共有三卷。", "卷", 0, "juan4"),
        ("路边有一幢楼。", "幢", 0, "zhuang4"),
        # names and transliterations
        ("塞尔维亚是一个内陆国家。", "塞", 0, "sai4"),
        ("他在勃艮第买了葡萄酒。", "艮", 0, "gen4"),
        # modal particles are neutral only at the end of a clause
        ("我们走吧。", "吧", 0, "ba5"),
        ("他在酒吧工作。", "吧", 0, "ba1"),
        # neutral tones in common words
        ("街上很热闹。", "闹", 0, "nao5"),
        ("这是什么？", "么", 0, "me5"),
        ("我们一起去。", "们", 0, "men5"),
        ("我去超市买东西。", "西", 0, "xi5"),
        ("这条山脉呈东西走向。", "西", 0, "xi1"),
        # erhua
        ("你去哪儿？", "儿", 0, "r5"),
        ("他等了一会儿。", "儿", 0, "r5"),
        ("她有一个女儿。", "儿", 0, "er2"),
        ("这是儿童读物。", "儿", 0, "er2"),
        # 正当 'proper' (CPP dev; after Taiwan's data protection act) and 'just when' (a line
        # written for the case)
        ("以及这项立法是否是正当的公共卫生措施", "当", 0, "dang4"),
        ("此说明称：“学伴”活动合法正当，自由报名，不存在强制。", "当", 0, "dang4"),
        ("並應與蒐集之目的具有正當合理之關聯。", "當", 0, "dang4"),
        ("正当此时，他来了。", "当", 0, "dang1"),
        # the Criminal Law's sentences: 处 'sentence to' (chu3), not the place
        ("盗窃公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金。", "处", 0, "chu3"),
        ("情节严重的，处拘役，并处罚金。", "处", 0, "chu3"),
        ("数十处古迹", "处", 0, "chu4"),
        ("此处三年前还是一片荒地。", "处", 0, "chu4"),
        # 将 'will' after a ministry, not the general (部将) a dictionary word across them makes
        ("劳动部将持续与来源国协商。", "将", 0, "jiang1"),
        ("他是岳飞的部将。", "将", 0, "jiang4"),
        # 地 of land after a one-character noun; the particle after a reduplicated adverb
        ("房地合一税新制上路。", "地", 0, "di4"),
        ("我远远地看见他，轻轻地走过去。", "地", 0, "de5"),
        ("我远远地看见他，轻轻地走过去。", "地", 1, "de5"),
        # 误认为: 误 + 认为 wéi, not 误认 + a lone 为 (a Wikipedia article on Alzheimer's disease)
        ("早期症状常被误认为是正常老化。", "为", 0, "wei2"),
        # a dictionary word running past a name jieba saw: 单克隆抗体 dān, not the surname Shàn
        ("美国正式批准单克隆抗体仑卡奈单抗上市。", "单", 0, "dan1"),
        ("评书艺术家单田芳", "单", 0, "shan4"),
        # 倾倒 'dump' beside waste, 'topple, admire' elsewhere
        ("向水域排放、倾倒、处置有放射性的废物", "倒", 0, "dao4"),
        ("她的才华令众人为之倾倒。", "倒", 0, "dao3"),
        # 早发型 'early-onset', not a hairstyle
        ("早发型阿尔茨海默病", "发", 0, "fa1"),
        ("她换了一个新发型。", "发", 0, "fa4"),
        # 调 'adjust' before how: 调暗, 调大
        ("睡前至少把屏幕调暗。", "调", 0, "tiao2"),
        ("他被调到北京工作。", "调", 0, "diao4"),
        # a vlog, a Taiwan travel blog, a wuxia chapter, a provincial plan
        ("你懂吗？", "吗", 0, "ma5"),
        ("难道过去也是‘陈区长’吗？", "吗", 0, "ma5"),
        ("十指连弹，七枚银针激射而出。", "弹", 0, "tan2"),
        ("虾肉很弹，汤汁也鲜。", "弹", 0, "tan2"),
        ("导弹发射成功。", "弹", 0, "dan4"),
        ("連假期間遊客很多。", "假", 0, "jia4"),
        ("真假难辨。", "假", 0, "jia3"),
        ("他身上只有一件极薄的棉衣。", "薄", 0, "bao2"),
        ("越南薄辽省下辖的一个县。", "薄", 0, "bo2"),
        ("奶油上面还撒了一层糖粉。", "撒", 0, "sa3"),
        ("横穿撒哈拉沙漠是非常困难的。", "撒", 0, "sa1"),
        ("回到民宿直接倒在床上。", "倒", 0, "dao3"),
        ("他左肩已中了一针。", "中", 0, "zhong4"),
        ("支持赣州等地建设国家级再生资源循环利用基地。", "地", 0, "di4"),
        ("推荐在地的小吃。", "地", 0, "di4"),
        ("還車的時候油箱要加滿。", "還", 0, "huan2"),
        # a programmer's blog: the adverb 都 jieba cuts alone, not 都会 'metropolis' across it
        ("这些人都会说英语。", "都", 0, "dou1"),
        ("文档本身的格式，都会直接影响召回效果。", "都", 0, "dou1"),
        ("纽约是国际大都会。", "都", 0, "du1"),
        # 卷一卷 'compete a bit harder' (卷 as 内卷 uses it), not 'volume one'
        ("不如换个赛道卷一卷。", "卷", 0, "juan3"),
        ("不如换个赛道卷一卷。", "卷", 1, "juan3"),
        ("《史记》卷一", "卷", 0, "juan4"),
        # 得 before how much, whatever jieba glued before it (效率高 + 得 + 多)
        ("比自己看文档效率高得多。", "得", 0, "de5"),
        ("他得了冠军。", "得", 0, "de2"),
        # a Taiwan Wikipedia article on 鄭成功: surrender to the Qing, nearly, Kinmen and Xiamen
        ("鄭經執意北上降清。", "降", 0, "xiang2"),
        ("气温下降清楚可见。", "降", 0, "jiang4"),
        ("沙轆社幾遭滅社。", "幾", 0, "ji1"),
        ("所據之金廈兩島", "廈", 0, "xia4"),
        ("台北101大厦", "厦", 0, "sha4"),
        # a rule's neighbour at either end of the text is no character of its list
        ("他是中文系", "系", 0, "xi4"),
        ("发型很好看", "发", 0, "fa4"),
        # 为人 'how one conducts oneself' (a wuxia chapter), not 'for people'
        ("岳铁山身形魁梧，为人虽然粗豪，却粗中有细。", "为", 0, "wei2"),
        ("我们要为人们提供帮助。", "为", 0, "wei4"),
        # verbs whose characters are read otherwise in words: plant, ladle, lay out offerings, tie
        ("我家门口都种着西瓜。", "种", 0, "zhong4"),
        ("这种东西很少见。", "种", 0, "zhong3"),
        ("给我盛一碗米饭。", "盛", 0, "cheng2"),
        ("园子里的花开得很盛。", "盛", 0, "sheng4"),
        ("正月里供祖像，供品很多。", "供", 0, "gong4"),
        ("把鞋带系好再出门。", "系", 0, "ji4"),
        ("他是中文系的学生。", "系", 0, "xi4"),
        # a word CC-CEDICT reads two ways and pypinyin's list lacks: the commoner syllables
        # (a provincial plan: 教学 jiào xué 'teaching', not jiāo xué 'to teach')
        ("更新置换先进教学及科研技术设备，提升教学科研水平。", "教", 0, "jiao4"),
        # a compound jieba made up is read as the commoner words: 集中 + 式, not 集 + 中式 zhòng
        ("集中式充电站", "中", 0, "zhong1"),
        # 咧 the particle closing a clause (故乡), the grin elsewhere
        ("他还抱过你咧！", "咧", 0, "lie5"),
        ("他咧着嘴笑。", "咧", 0, "lie3"),
        # a Taiwan enforcement rule and judgment: 得 'may', 為限, 應 'shall', the case file, 量處
        ("勞工得於勞雇雙方協商後延長工時。", "得", 0, "de2"),
        ("並得僅指定一人代理。", "得", 0, "de2"),
        ("犯罪後自首者，得減輕其刑。", "得", 0, "de2"),
        ("必要時得延長一分鐘。", "得", 0, "de2"),
        ("以有競爭關係者為限。", "為", 0, "wei2"),
        ("漁場被劃為禁止進入的範圍。", "為", 0, "wei2"),
        ("轉彎車應禮讓直行車先行。", "應", 0, "ying1"),
        ("競業禁止之區域，應以原雇主實際營業範圍為限。", "應", 0, "ying1"),
        ("有卷內證據在卷可稽。", "卷", 1, "juan4"),
        ("量處如主文所示之刑。", "處", 0, "chu3"),
        ("他卷起袖子。", "卷", 0, "juan3"),
        ("我得走了。", "得", 0, "dei3"),
        ("他跑得很快。", "得", 0, "de5"),
        # a health article and a market report: catch an illness, 应 'should', 调升 by an amount
        ("是不是得了胃癌？", "得", 0, "de2"),
        ("长期感染会得胃癌。", "得", 0, "de2"),
        ("一个月内应停用抗生素。", "应", 0, "ying1"),
        ("应适当控制仓位。", "应", 0, "ying1"),
        ("他是敌人的内应。", "应", 0, "ying4"),
        ("应东盟轮值主席国邀请，总理将出席会议。", "应", 0, "ying4"),
        ("较前一交易日调升56个基点。", "调", 0, "tiao2"),
        ("他被调升为处长。", "调", 0, "diao4"),
        # a basketball report: 独得12分 'scored', 29投11中 'made'
        ("他第四节独得12分。", "得", 0, "de2"),
        ("全场29投11中，三分球8投仅1中。", "中", 0, "zhong4"),
        ("全场29投11中，三分球8投仅1中。", "中", 1, "zhong4"),
        ("会议中提出三项建议。", "中", 0, "zhong1"),
        # a story of West Hunan: tie fast, a sound said twice and 地, worn, can see
        ("用绳子系牢。", "系", 0, "ji4"),
        ("溪水哗哗地响。", "地", 0, "de5"),
        ("船上的人都穿着红衣裳。", "着", 0, "zhe5"),
        ("她的穿着很朴素。", "着", 0, "zhuo2"),
        ("远远就看得见。", "得", 0, "de5"),
        # an encyclopedia entry on quantum computing: the molecule, the public key, collapses into
        ("量子计算机可以直接模拟分子和材料。", "分", 0, "fen1"),
        ("他是知识分子。", "分", 0, "fen4"),
        # Wikipedia, perovskite solar cells: a monolayer, a word jieba makes that no list reads
        ("自组装单分子层在反式结构中广泛使用。", "分", 0, "fen1"),
        ("恐怖分子组织被取缔。", "分", 0, "fen4"),
        ("公钥密码和私钥都很重要。", "钥", 0, "yao4"),
        ("坍缩为某一个确定的基态。", "为", 0, "wei2"),
        # the story of West Hunan again: carrying on the back, struck once, especially for
        ("她背着背篓去赶场。", "背", 0, "bei1"),
        ("他背着我偷偷抽烟。", "背", 0, "bei4"),
        ("一打能打出七八个圈。", "打", 0, "da3"),
        ("买了一打鸡蛋。", "打", 0, "da2"),
        ("专为来看热闹的人。", "为", 0, "wei4"),
        # a Taiwan news story, a pension explainer: will after a ministry, cut, repay, can reach, side
        ("經濟部將提供補助。", "將", 0, "jiang1"),
        ("也不會幫你切菜。", "切", 0, "qie1"),
        ("一切都好。", "切", 0, "qie4"),
        ("到期还本。", "还", 0, "huan2"),
        ("还本来就是这样。", "还", 0, "hai2"),
        ("訂單接得到。", "得", 0, "de5"),
        ("我们得到了支持。", "得", 0, "de2"),
        ("需求端的落差很大。", "的", 0, "de5"),
        # a vlog, a health page, a memoir: fried, so pretty, for the child, count, sew, save up
        ("外皮炸得金黃酥脆。", "炸", 0, "zha2"),
        ("炸弹爆炸了。", "炸", 0, "zha4"),
        ("夕陽超美的！", "的", 0, "de5"),
        ("家长应当为孩子建立屈光发育档案。", "为", 0, "wei4"),
        ("她的职业为教师。", "为", 0, "wei2"),
        ("我一粒一粒地数，数到后来，记不清数了几遍。", "数", 0, "shu3"),
        ("我一粒一粒地数，数到后来，记不清数了几遍。", "数", 2, "shu3"),
        ("我一粒一粒地数，数到后来，记不清数了几遍。", "地", 0, "de5"),
        ("这个数字很大。", "数", 0, "shu4"),
        ("他大声地念着。", "地", 0, "de5"),
        ("他背得出几段来。", "得", 0, "de5"),
        ("乡下得了病只能硬扛。", "得", 0, "de2"),
        ("须得赶快说。", "得", 0, "dei3"),
        ("她闭着眼的样子。", "着", 0, "zhe5"),
        ("先供在院子里的桌上。", "供", 0, "gong4"),
        ("母亲缝了一双布鞋。", "缝", 0, "feng2"),
        ("石缝里长出草来。", "缝", 0, "feng4"),
        ("他攒了好久的几个铜板。", "攒", 0, "zan3"),
        ("四角攒尖顶。", "攒", 0, "cuan2"),
        ("我家后面有一个很大的园子。", "子", 0, "zi5"),
        ("召为中太一宫使。", "为", 0, "wei2"),
        # a cooking show and a drama: tired, must, work, ladle, pour, mix, trade, sleep
        ("我不累。", "累", 0, "lei4"),
        ("积累经验。", "累", 0, "lei3"),
        ("你得早点回家。", "得", 0, "dei3"),
        ("不过撞菜了就得比谁做得好。", "得", 0, "dei3"),
        ("来干点活儿。", "干", 0, "gan4"),
        ("把菜盛出来。", "盛", 0, "cheng2"),
        ("把汤汁倒回去。", "倒", 0, "dao4"),
        ("先调蘸料。", "调", 0, "tiao2"),
        ("哪行不内卷？", "行", 0, "hang2"),
        ("这样行不行？", "行", 0, "xing2"),
        ("人老了，觉少。", "觉", 0, "jiao4"),
        # a business feature and a laptop review: take as an example, spin, at someone's
        ("以一杯售价12元的水果茶为例。", "为", 0, "wei2"),
        ("风扇一转起来就很吵。", "转", 0, "zhuan4"),
        ("他转过身来。", "转", 0, "zhuan3"),
        ("从业内人士处了解到。", "处", 0, "chu4"),
        # a plan for elderly care: support people, become a centre
        ("对特困人员集中供养。", "供", 0, "gong1"),
        ("供养神佛。", "供", 0, "gong4"),
        ("转型为区域养老服务中心。", "为", 0, "wei2"),
        ("我们要为人民服务。", "为", 0, "wei4"),
    ],
)
def test_context_reading(text, char, occurrence, expected):
    assert reading_of(text, char, occurrence) == expected


def test_no_sandhi_citation_tones_for_yi_and_bu():
    assert numbered_line("一不小心") == "yi1 bu4 xiao3 xin1"
    assert numbered_line("一个") == "yi1 ge4"
    assert numbered_line("不对") == "bu4 dui4"


# ---------------------------------------------------------------- Traditional input


@pytest.mark.parametrize(
    "text, expected",
    [
        ("銀行", "yin2 hang2"),
        ("長臂管轄", "chang2 bi4 guan3 xia2"),
        ("華為", "hua2 wei2"),
        ("卡脖子", "qia3 bo2 zi5"),
        ("這家工廠的良率很高。", "zhe4 jia1 gong1 chang3 de5 liang2 lv4 hen3 gao1 。"),
        ("美國對華為卡脖子。", "mei3 guo2 dui4 hua2 wei2 qia3 bo2 zi5 。"),
        ("他還沒還錢。", "ta1 hai2 mei2 huan2 qian2 。"),
        ("昇騰處理器", "sheng1 teng2 chu3 li3 qi4"),
    ],
)
def test_traditional_input(text, expected):
    assert numbered_line(text) == expected


@pytest.mark.parametrize("text, char, expected", [
    ("立委籲政院儘速提出長照財源方案。", "籲", "yu4"),  # 吁 is xū or yù; 籲 only yù
    ("儘管如此", "儘", "jin3"), ("盡力而為", "盡", "jin4"),
    ("她剪了短髮。", "髮", "fa4"), ("發卡機構", "發", "fa1"),
])
def test_a_traditional_character_of_one_reading_keeps_it(text, char, expected):
    assert reading_of(text, char, 0) == expected


@pytest.mark.parametrize("text, char, expected", [
    ("她换了一件丝绸衣服。", "服", "fu5"),  # CC-CEDICT's yi1 fu5, where pypinyin's list has fu2
    ("臭豆腐很香。", "腐", "fu5"),
])
def test_a_word_cc_cedict_reads_one_way_is_read_so_neutral_tone_and_all(text, char, expected):
    assert reading_of(text, char, 0) == expected


@pytest.mark.parametrize("text, expected", [
    ("清清楚楚", "qing1 qing1 chu3 chu3"),  # a wuxia chapter: 一字一字清清楚楚地说; 清楚 is qing1 chu5
    ("漂漂亮亮", "piao4 piao4 liang4 liang4"),
    ("明明白白", "ming2 ming2 bai2 bai2"),
])
def test_a_word_said_aabb_reads_each_pair_alike_in_full_tones(text, expected):
    assert numbered_line(text) == expected


def test_traditional_and_simplified_agree():
    simplified = "他被任命为银行行长，长期负责重建工作。"
    traditional = "他被任命為銀行行長，長期負責重建工作。"
    assert numbered_line(traditional) == numbered_line(simplified)
    assert [s.text for s in syllables(traditional)] == list(traditional[:-1]) + ["。"]


def test_mixed_scripts_keep_original_characters():
    text = "華为的銀行卡"
    assert "".join(s.text for s in syllables(text)) == text
    assert numbered_line(text) == "hua2 wei2 de5 yin2 hang2 ka3"


# Readings CC-CEDICT restricts: surnames only in surname position, bound readings only
# inside their words; and 得 inside a word jieba makes of verb + 得 + complement.
@pytest.mark.parametrize("sentence, char, reading", [
    ("尚结赞本来计划让李晟罢官。", "晟", "sheng4"),
    ("佛教的阇梨来到城门的阇上。", "阇", "du1"),
    ("他说得对。", "得", "de5"),
    ("我们得去医院。", "得", "dei3"),
    ("他得到了奖。", "得", "de2"),
])
def test_restricted_readings_and_de(sentence, char, reading):
    readings = [s.pinyin for s in syllables(sentence) if s.text == char]
    assert readings[-1] == reading, readings


# Lone characters jieba knows only as morphemes or name pieces, given names, dictionary
# words jieba cut apart, readings CC-CEDICT binds to one word, particles that open a
# clause, and 卷/哩 with numbers.
@pytest.mark.parametrize("sentence, char, reading", [
    ("这座亭子的屋顶是四角攒尖顶。", "攒", "cuan2"),
    ("园里种着几株丽江杓兰。", "杓", "shao2"),
    ("我的同学李媛是老师。", "媛", "yuan2"),
    ("她是一位名媛。", "媛", "yuan4"),
    ("会上陈镐发了言。", "镐", "hao4"),
    ("工人用镐刨地。", "镐", "gao3"),
    ("他当过将军的偏裨。", "裨", "pi2"),
    # an energy-storage report: jieba cuts 现货价 + 差收 + 窄; 价差 'price spread' reads cha1
    ("现货价差收窄将直接影响储能套利收益。", "差", "cha1"),
    # Taiwan's chiefs (a plan's 數位轉型長 'Chief Digital Officer', 技術長), not 时间长 'long'
    ("開辦「數位轉型長（Chief Digital Officer，CDO）研習營」", "長", "zhang3"),
    ("他是公司的技術長。", "長", "zhang3"),
    ("這段時間長了就好。", "長", "chang2"),
    # a wiki's history: 厚往薄来 'give generously, take little' and the empire of Timur (帖木 + 儿)
    ("以及朝贡贸易“厚往薄来”，经济收益有限。", "薄", "bo2"),
    ("这张纸很薄。", "薄", "bao2"),
    ("先后派遣使节出使朝鲜、日本、安南、帖木儿帝国。", "儿", "er2"),
    # 乾 'dry' is never the gan4 of 幹 (a Tainan vlog's 乾意麵)
    ("兩碗乾意麵，一碗餛飩湯。", "乾", "gan1"),
    ("苕溪流经湖州。", "苕", "tiao2"),
    ("钌是一种稀有金属。", "钌", "liao3"),
    ("仡佬语很难学。", "仡", "ge1"),
    ("啊，真美！", "啊", "a1"),
    ("你快来啊！", "啊", "a5"),
    ("哦，原来如此。", "哦", "o4"),
    ("明天见哦。", "哦", "o5"),
    ("见《史记》卷六。", "卷", "juan4"),
    ("他把纸卷起来。", "卷", "juan3"),
    ("全程二十哩。", "哩", "li3"),
])
def test_bound_characters_names_and_numbers(sentence, char, reading):
    readings = [s.pinyin for s in syllables(sentence) if s.text == char]
    assert readings[0] == reading, readings


def test_cached_pypinyin_tables_say_what_pypinyin_says():
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.contrib.tone_convert import to_tone3

    from deckgen.annotating.pinyin.readings import _pypinyin_tables, char_readings

    phrases, chars = _pypinyin_tables()
    assert len(phrases) == len(PHRASES_DICT) and len(chars) == len(PINYIN_DICT)
    for word in list(PHRASES_DICT)[::499]:
        assert phrases[word].split() == [to_tone3(p[0], neutral_tone_with_five=True) for p in PHRASES_DICT[word]]
    for code in list(PINYIN_DICT)[::499]:
        expected = dict.fromkeys(to_tone3(p, neutral_tone_with_five=True) for p in PINYIN_DICT[code].split(","))
        assert char_readings(chr(code)) == tuple(expected)


# Readings the dictionaries agree on: CC-CEDICT's single reading of a word over a slip
# in pypinyin's phrase list; readings CC-CEDICT gives a kind of word (transliterations,
# names) rather than one word; the place-name reading inside a place name; a character
# standing alone keeps pypinyin's first reading unless the words it occurs in
# overwhelmingly use another; 迤 before a direction word; 姥 outside 姥姥/姥爷; 将 before
# closing punctuation is the noun 'general'.
@pytest.mark.parametrize("sentence, char, reading", [
    ("吡咯是一种杂环化合物。", "咯", "luo4"),
    ("他的性格很质朴。", "朴", "pu3"),
    ("这是我的肚子。", "肚", "du4"),
    # an entry noting "Taiwan pr. [xuan4 yun1]" is the mainland reading, not Taiwan's
    ("他感到一阵眩晕。", "晕", "yun4"),
    ("考试的结果很好。", "结", "jie2"),
    ("他们在哥打峇鲁过年。", "峇", "ba1"),
    ("这位蒙古王公名叫喇什。", "喇", "la3"),
    ("他出生在蔚州。", "蔚", "yu4"),
    ("天色蔚蓝。", "蔚", "wei4"),
    ("人们向佛祈祷。", "佛", "fo2"),
    ("双手握住杠，身体向上。", "杠", "gang4"),
    ("他仿佛睡着了。", "佛", "fu2"),
    ("他们都来了。", "都", "dou1"),
    ("城墙迤北是一片农田。", "迤", "yi3"),
    ("河水逶迤东流。", "迤", "yi2"),
    ("太姥山风景秀丽。", "姥", "mu3"),
    ("我的姥姥住在乡下。", "姥", "lao3"),
    ("他后来升为参将。", "将", "jiang4"),
    ("曹操召集诸将，商议军情。", "将", "jiang4"),
    ("他将书放在桌上。", "将", "jiang1"),
])
def test_readings_the_dictionaries_agree_on(sentence, char, reading):
    assert reading_of(sentence, char) == reading


# Readings from dictionaries and grammars, not from deckgen's output.
@pytest.mark.parametrize("text,char,reading", [
    ("报告中的新质生产力", "中", "zhong1"),
    ("报告中的新质生产力", "的", "de5"),
    ("興建中的電廠", "中", "zhong1"),
    ("一语中的", "中", "zhong4"),
    ("他的目的很清楚", "的", "de5"),
    ("美國面臨著挑戰", "著", "zhe5"),
    ("他的著作很多", "著", "zhu4"),
    ("为确保安全，工厂停工了。", "为", "wei4"),
    ("他为我们联系了医院", "为", "wei4"),
    ("以人为本", "为", "wei2"),
    ("此地原为一座寺庙", "为", "wei2"),
    ("面积为三百平方公里", "为", "wei2"),
])
def test_common_function_words_in_context(text, char, reading):
    assert reading_of(text, char) == reading


# Readings a learner met wrong in statutes, notices, an encyclopedia, a lecture, stories
# and a talk show: each sentence is the text's own.
@pytest.mark.parametrize("text, char, occurrence, reading", [
    # 罢, the older writing of the sentence particle 吧
    ("你阔起来了罢？", "罢", 0, "ba5"),
    ("你收着罢。", "罢", 0, "ba5"),
    # 地 after a manner said twice, at a pause and before 上/下 (not 地上 'ground')
    ("船一晃一晃地，往江心去了。", "地", 0, "de5"),
    ("慢慢地，慢慢地，天黑了。", "地", 1, "de5"),
    ("他恋恋地上了岸。", "地", 0, "de5"),
    ("他恋恋地上了岸。", "上", 0, "shang4"),
    ("天上纷纷扬扬地下起雪来。", "地", 0, "de5"),
    # 得 'must' and a statute's 得 'may'
    ("九点前得把钥匙交给房东。", "得", 0, "dei3"),
    ("你得沉得住气。", "得", 0, "dei3"),
    ("应办妥登记，始得营业。", "得", 0, "de2"),
    ("房客得向直辖市、县政府申请调处。", "得", 0, "de2"),
    # 为 'for' before a beneficiary's verb, the copula elsewhere
    ("接到举报后应当及时处理，并为举报人保密。", "为", 0, "wei4"),
    ("这就为后来的藩镇割据埋下了伏笔。", "为", 0, "wei4"),
    ("以及为老龄阶段做准备。", "为", 0, "wei4"),
    ("坚持有效市场和有为政府相结合。", "为", 0, "wei2"),
    ("台北帝国大学成立，为今国立台湾大学的前身。", "为", 0, "wei2"),
    ("其中Y为实际产出。", "为", 0, "wei2"),
    ("需求增加反映为价格水平的上升。", "为", 0, "wei2"),
    ("以米尔顿·弗里德曼为代表的货币学派。", "为", 0, "wei2"),
    ("记载品名或为说明之文字。", "为", 0, "wei2"),
    ("经证明为无害人体健康者。", "为", 0, "wei2"),
    ("食品不得为医疗效能之标示。", "为", 0, "wei2"),
    ("承租人仍不为修缮。", "为", 0, "wei2"),
    # 处 'sentence to' a fine
    ("处新台币四万元以上四百万元以下罚锾。", "处", 0, "chu3"),
    # 只 the measure word after a demonstrative, not 'only'
    ("旧时的那只木船。", "只", 0, "zhi1"),
    ("那只是一场梦。", "只", 0, "zhi3"),
    # 长 'grow' and 'long'
    ("长了白毛，又长了黑毛。", "长", 0, "zhang3"),
    ("时间长了就好。", "长", 0, "chang2"),
    ("新鲜的猪肉被切成长条。", "长", 0, "chang2"),
    # 更 'more' where jieba's 更深 'late at night' takes it
    ("用过以后，理解得更深。", "更", 0, "geng4"),
    # 累 'tired', 干 'do', 攒 'save up', 转 'spin', 还 'repay', 弹 'pluck'
    ("累到怀疑人生。", "累", 0, "lei4"),
    ("一干就是四十六年。", "干", 0, "gan4"),
    ("咱俩再攒几年钱。", "攒", 0, "zan3"),
    ("船在江心打了个转。", "转", 0, "zhuan4"),
    ("一辈子也还不清了。", "还", 0, "huan2"),
    ("这事还不清楚。", "还", 0, "hai2"),
    ("弹动与它相应的另一根弦。", "弹", 0, "tan2"),
    # 子 and 儿 as suffixes of words jieba cut or made up
    ("泡菜坛子要放在阴凉的地方。", "子", 0, "zi5"),
    ("车篷子里那两个人在说笑。", "子", 0, "zi5"),  # a noun jieba made up, 篷子 no known word
    ("光电子器件的体积越来越小。", "子", 0, "zi3"),  # closed by 电子
    ("川岛芳子是清朝肃亲王之女。", "子", 0, "zi3"),  # a name
    ("前面拐个弯儿就到了。", "儿", 0, "r5"),
    ("她的女儿扎着辫子。", "儿", 0, "er2"),
    ("宏儿和我靠着船窗，同看外面模糊的风景。", "儿", 0, "er2"),  # a child's pet name
    # pypinyin's reading of a phrase CC-CEDICT lacks, against the word inside it
    ("光饱和点是光合作用的上限。", "和", 0, "he2"),
    ("实行累进税制。", "累", 0, "lei3"),
])
def test_readings_met_in_new_texts(text, char, occurrence, reading):
    assert reading_of(text, char, occurrence) == reading


def test_erhua_runs_into_the_syllable_before_it():
    from deckgen.annotating.pinyin import marked_line

    assert marked_line("等一会儿，拐个弯儿。", segmenter()) == "děng yī huìr ， guǎi gè wānr 。"
