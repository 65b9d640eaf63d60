"""Context rules for the function characters whose reading depends on grammar rather
than on a word: 了, 得, 着, 地, 还, 长, 重, 为, 行, 率, 卡 ... Each returns a reading, or
None to fall through to the default."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from deckgen.annotating.pinyin.readings import given_name_uses, word_reading
from deckgen.lexicon import jieba_words
from deckgen.script import is_han

if TYPE_CHECKING:
    from deckgen.annotating.pinyin import _Context



_RULES: dict = {}


_WORD_RULES: dict = {}


def _rule(chars: str, table: dict | None = None):
    def register(fn):
        rules = table if table is not None else _RULES
        for c in chars:
            # one rule a character: a second would silently replace the first
            assert c not in rules, f"{c} has a rule already: {rules[c].__name__}"
            rules[c] = fn
        return fn

    return register


_NUMERALS = set("一二三四五六七八九十百千万亿两几数半零〇第多0123456789０１２３４５６７８９")


_VERBAL = ("v", "a", "ad", "an", "vd", "vn", "vg", "ag", "z", "i", "l")


def _pos(word) -> str:
    return word.pos if word is not None else ""


def _one_of(char: str, chars: str) -> bool:
    """`char` (perhaps "" at either end of the text) is one of `chars`."""
    return bool(char) and char in chars


def _clause_end(ctx: _Context, i: int) -> bool:
    """Nothing Han follows in this clause: end of text or punctuation next."""
    nxt = ctx.char(i + 1)
    return not nxt or not is_han(nxt)


def _after_numeral(ctx: _Context, i: int) -> bool:
    return ctx.char(i - 1) in _NUMERALS


# Readings as a measure word, right after a numeral: 三卷, 一幢楼, 两行字, 多重, 三种,
# 数十处, 武康路40弄 (Shanghai lane numbers), 二载 'two years', 睡一觉, 二十哩 'miles'.
_MEASURE_WORD = {
    "行": "hang2", "重": "chong2", "处": "chu4", "卷": "juan4", "幢": "zhuang4", "种": "zhong3",
    "间": "jian1", "只": "zhi1", "弄": "long4", "号": "hao4", "场": "chang3", "曲": "qu3",
    "担": "dan4", "更": "geng1", "载": "zai3", "宿": "xiu3", "觉": "jiao4", "发": "fa1",
    "扎": "zha1", "帖": "tie1", "折": "zhe2", "圈": "quan1", "把": "ba3", "度": "du4",
    "哩": "li3",
}


# Surnames read differently from the character's common word (现代汉语词典's surname
# notes): 单 Shan4, 仇 Qiu2, 解 Xie4, 朴 Piao2, 区 Ou1, 查 Zha1, 曾 Zeng1, 盖 Ge3,
# 缪 Miao4, 覃 Qin2, 翟 Zhai2, 隗 Wei3, 燕 Yan1, 肖 Xiao1, 葛 Ge3, 召 Shao4 ...
_SURNAME = {
    "单": "shan4", "仇": "qiu2", "解": "xie4", "朴": "piao2", "区": "ou1", "查": "zha1",
    "曾": "zeng1", "盖": "ge3", "缪": "miao4", "覃": "qin2", "翟": "zhai2", "隗": "wei3",
    "燕": "yan1", "肖": "xiao1", "葛": "ge3", "召": "shao4", "秘": "bi4", "任": "ren2",
    "种": "chong2", "纪": "ji3", "薄": "bo2", "宿": "su4", "过": "guo1", "贲": "ben1", "阚": "kan4",
    "柏": "bai3", "华": "hua4", "员": "yun4", "繁": "po2", "应": "ying1", "尉": "wei4",
}


# Readings in transliterated foreign names: 塞尔维亚, 希什曼, 勃艮第, 缪斯, 德莱克斯勒,
# 舍温, 伽利略, 柏林, 茜茜, 查理, 莎士比亚, 扎伊尔, 阿拉伯, 都灵, 喀布尔, 咖啡.
# (Not 蒙: 蒙古 meng3 is as common in names as 蒙特利尔 meng2.)
_TRANSLITERATION = {
    "塞": "sai4", "什": "shi2", "艮": "gen4", "缪": "miu4", "勒": "le4", "耶": "ye1",
    "舍": "she4", "伽": "jia1", "柏": "bo2", "茜": "xi1", "查": "cha2", "莎": "sha1",
    "扎": "zha1", "阿": "a1", "都": "du1", "喀": "ka1", "咖": "ka1", "佛": "fo2",
}


def _starts_chinese_name(ctx: _Context, i: int) -> bool:
    """First character of a 2-3 character word jieba tags as a (Chinese) person name."""
    word = ctx.word_of(i)
    return word.start == i and word.pos in ("nr", "nrfg") and 1 <= len(word.text) <= 3


def _in_foreign_name(ctx: _Context, i: int) -> bool:
    """Inside a transliterated name: jieba's nrt tag, or a name of three characters
    or more that the dictionary does not know, or next to the name dot ·."""
    word = ctx.word_of(i)
    if word.pos == "nrt" or "·" in (ctx.char(word.start - 1), ctx.char(word.end)):
        return True
    return word.pos in ("nr", "ns", "nz") and len(word.text) >= 3 and not _starts_chinese_name(ctx, i)


# 东西 is 'east and west' (dong1 xi1) in descriptions of extent and direction,
# otherwise 'thing' (dong1 xi5): 东西走向, 东西长约5公里, 横贯东西 vs 买东西, 什么东西.
_EAST_WEST_AFTER = ("走向", "向", "长", "宽", "两", "各", "方", "侧", "延伸", "距离", "相距", "横", "纵", "南北",
                    "贯", "约")


_EAST_WEST_BEFORE = ("横贯", "贯穿", "横跨", "南北", "贯通", "纵横")


@_rule("西", _WORD_RULES)
def _dong_xi(ctx: _Context, i: int) -> str | None:
    word = ctx.word_of(i)
    if ctx.char(i - 1) != "东" or ctx.text[i - 1 : i + 1] != word.text:
        return None
    after, before = ctx.text[i + 1 : i + 3], ctx.text[max(i - 3, 0) : i - 1]
    if after.startswith(_EAST_WEST_AFTER) or before.endswith(_EAST_WEST_BEFORE):
        return "xi1"
    return "xi5"


@_rule("当", _WORD_RULES)
def _zheng_dang(ctx: _Context, i: int) -> str | None:
    # 正当 is 'proper, legitimate' (zheng4 dang4: 正当理由, 正当合理, 是正当的), or 'just
    # when' (zheng4 dang1) before whom or when it tells of: 正当他要出门, 正当此时.
    word = ctx.word_of(i)
    if ctx.char(i - 1) != "正" or word is None or not word.text.startswith("正当") or word.start != i - 1:
        return None
    if word.text != "正当":  # 正当合理, 正当防卫; but 正当年 'in one's prime' is a time
        return "dang1" if jieba_words.tag(word.text[2:])[:1] in ("t", "m", "q") else "dang4"
    after = ctx.word_of(word.end) if word.end < len(ctx.text) else None
    when = after is not None and (after.text in _THIS_TIME or _pos(after)[:1] in ("r", "t", "m")
                                  or _pos(after).startswith("nr"))
    return "dang1" if when else "dang4"


_THIS_TIME = frozenset("此时 其时 这时 那时 此刻 这时候 那时候".split())


@_rule("了")
def _le(ctx: _Context, i: int) -> str:
    # V不了 'cannot V (to the end)': 受不了, 吃不了, 少不了 -> liao3; everywhere else
    # a free-standing 了 is the aspect or sentence particle (了解 and 了不起 are words).
    if ctx.char(i - 1) == "不" and i >= 2 and is_han(ctx.char(i - 2)):
        return "liao3"
    return "le5"


@_rule("得")
def _de(ctx: _Context, i: int) -> str:
    word = ctx.word_of(i)
    nxt = ctx.char(i + 1)
    # Before a score it is the verb 'win, score': 独得12分, 共得三票.
    if _one_of(nxt, "0123456789０１２３４５６７８９") or (_one_of(nxt, "一二三四五六七八九十两") and
                                                   _one_of(ctx.char(i + 2), "分票")):
        return "de2"
    # 'Must' before 把, whatever jieba glued before it: 九点前|得把钥匙交给房东, 就得把…
    if nxt == "把":
        return "dei3"
    if word is not None and word.text in ("始得", "方得", "乃得") and word.end == i + 1:
        return "de2"  # a statute's 'only then may': 办妥登记，始得营业
    # Inside a word no dictionary reads (jieba's 说得对, 看得见): verb + 得 + complement.
    if word is not None and word.start < i:
        return "de5"
    before, after = ctx.word_before(i), ctx.word_after(i)
    # The statutes' 'may': before a preposition (勞工得於…協商, 得依; 房客得向…申請, though 你得向他
    # 道歉 is 'must'), or after a subject
    # (…者，得減輕其刑), a formal conjunction or adverb (並得, 及得, 亦得) or 时 (必要時得延長).
    if _one_of(nxt, "于以依按经") or (nxt == "向" and _pos(before)[:1] in ("n", "j")) or (
            (_one_of(ctx.char(i - 1), "者时并及亦均皆始方乃") or ctx.text[max(0, i - 2):i] == "者，")
            and _pos(after).startswith(("v", "d", "p"))):
        return "de2"
    if _one_of(ctx.char(i - 1), "须必"):
        return "dei3"  # 须得赶快说 'must'
    # 'Get, catch': 乡下得了病, 他得过三次奖 (after a subject, not a verb or an adjective)
    if _one_of(nxt, "了过") and _pos(before)[:1] in ("n", "s", "r", "t", "f") and is_han(ctx.char(i + 2)):
        return "de2"
    # 'Catch (an illness)': 会得胃癌, 容易得病, 是不是得了胃癌
    if before is not None and before.text in _MAY_CATCH:
        return "de2"
    if _one_of(nxt, "了过") and before is not None and before.text.endswith("是"):
        return "de2"
    # After a person and before what they must do: 你得沉得住气, 我得走了, 咱们得抓紧 (not 他得了, above)
    if (before is not None and before.text in _PEOPLE and ctx.stands_alone(i) and is_han(nxt)
            and after is not None and after.text not in _DEGREE_AFTER_DE and not _one_of(nxt, "到的")):
        return "dei3"
    # jieba keeps the modal with its verb (我们|得去): the rest of the word is the verb.
    if word is not None and word.start == i and len(word.text) > 1 and _is_verb(word.text[1:]):
        if _pos(before) in ("r", "d", "n", "nr") or (before and before.text in ("还", "就", "总", "也", "都", "可")):
            return "dei3"
    # 我得走了, 还得去: after a pronoun or adverb and before a verb it is the modal 'must'.
    if (_pos(before) in ("r", "d") or (before and before.text in ("还", "就", "总", "也", "都", "可"))) and _pos(
        after
    ).startswith(("v", "d", "p")):  # 我得走了, 你得早点回家, 就得比谁做得好
        if _pos(before) != "r" or _pos(after) in ("v", "d"):
            return "dei3"
    # After a verb or adjective it links a complement: 跑得快, 死得较为突然.
    if _pos(before) in _VERBAL or _pos(ctx.word_of(i)) == "ud" and _pos(before) not in ("r", "n", "nr", "m"):
        return "de5"
    # ... and before how much or how far, whatever jieba glued before it: 效率高得多, 好得很
    if after is not None and after.text in _DEGREE_AFTER_DE:
        return "de5"
    # Otherwise it is the verb 'obtain': 得了冠军, 得三分.
    return "de2"


_PEOPLE = frozenset("我 你 他 她 您 咱 我们 你们 他们 她们 咱们 咱俩 大家 人家 自己".split())
_MAY_CATCH = frozenset("会 不会 可能 容易 怕 易 没有".split())
_DEGREE_AFTER_DE = frozenset("多 很 要命 厉害 不得了 不行 太多 出奇 离谱".split())


def _is_verb(word: str) -> bool:

    return jieba_words.tag(word).startswith("v")


@_rule("着")
def _zhe(ctx: _Context, i: int) -> str:
    # V不着 / V得着 'can(not) manage to': 睡不着, 用不着, 找得着.
    if ctx.char(i - 1) in ("不", "得") and i >= 2 and is_han(ctx.char(i - 2)):
        return "zhao2"
    return "zhe5"


@_rule("的")
def _de_particle(ctx: _Context, i: int) -> str | None:
    # The structural particle, standing alone: never the dì of 目的 or the dí of 的确,
    # nor the 中的 'hit the mark' that jieba's 中|的 would otherwise be read as.
    return "de5" if ctx.stands_alone(i) and _pos(ctx.word_of(i)) == "uj" else None


@_rule("中")
def _zhong_middle(ctx: _Context, i: int) -> str | None:
    # Shots made of shots taken: 29投11中, 8投仅1中, 17罚10中 (zhong4 'hit').
    if _SHOTS_MADE.search(ctx.text, 0, i + 1):
        return "zhong4"
    # The localizer 'in, during' (报告中, 兴建中的): zhong1, not the zhòng of 中的 'hit'.
    if ctx.stands_alone(i) and ctx.char(i + 1) == "了" and ctx.char(i - 1) not in "之其当":
        return "zhong4"  # 'be hit by, win': 中了他一掌, 左肩已中了一针, 中了头奖
    return "zhong1" if ctx.stands_alone(i) and _pos(ctx.word_of(i)) == "f" else None


_SHOTS_MADE = re.compile(r"[0-9０-９一二三四五六七八九十]+[投罚射][仅只共]?[0-9０-９一二三四五六七八九十]+中$")


@_rule("弹")
def _tan(ctx: _Context, i: int) -> str | None:
    # The verb 'pluck, flick, spring' and the adjective 'springy' (十指连弹, 虾肉很弹) are tan2;
    # the bullet dan4 is a noun, in words (子弹, 导弹) or after a number (一发弹).
    # ... and so before how it moves: 弹动, 弹起, 弹开 (jieba's 弹动 a noun)
    if _one_of(ctx.char(i - 1), "很太真超好连轻") or (ctx.stands_alone(i) and _pos(ctx.word_of(i)).startswith("v")) \
            or _one_of(ctx.char(i + 1), "动起开跳拨"):
        return "tan2"
    return None


@_rule("假")
def _jia(ctx: _Context, i: int) -> str | None:
    # A day off (連假 'a long weekend', 休假, 请了三天假, 颱風假) is jia4; 'false' jia3.
    return "jia4" if _one_of(ctx.char(i - 1), "连連休请請放寒暑病产產婚丧喪事年春风風") else None


@_rule("降")
def _xiang(ctx: _Context, i: int) -> str | None:
    # 'surrender to' before whom (北上降清, 降敌) is xiang2; 'fall, lower' jiang4 elsewhere.
    after = ctx.char(i + 1)
    return "xiang2" if after and after in "清敌金元秦汉魏吴蜀" and ctx.text[i + 1:i + 3] not in _NOT_WHOM else None


_NOT_WHOM = frozenset(("清楚", "清洁", "清凉", "清晰"))


@_rule("几")
def _ji_nearly(ctx: _Context, i: int) -> str | None:
    # 'nearly' before a verb of what befell (几遭灭社, 几至, 几欲) is ji1; 'how many' ji3.
    after = ctx.char(i + 1)
    return "ji1" if after and after in "遭至欲被陷死为" else None


@_rule("厦")
def _xia(ctx: _Context, i: int) -> str | None:
    # 厦门 (Xiamen) and 金厦 (Kinmen and Xiamen) are xia4; 大厦 'mansion' sha4.
    return "xia4" if ctx.char(i - 1) == "金" or ctx.char(i + 1) == "门" else None


@_rule("种")
def _zhong_plant(ctx: _Context, i: int) -> str | None:
    # The verb 'plant, grow' (都种着西瓜, 种出东西来, 种菜) is zhong4; the 'kind' of 这种, 一种
    # comes in words or after a number.
    if (_one_of(ctx.char(i + 1), "着了过出上下满在到菜树花田地瓜稻麦粮草")
            or _one_of(ctx.char(i - 1), "都也还要会能在去来再没不先")):
        return "zhong4"
    return None


@_rule("盛")
def _cheng(ctx: _Context, i: int) -> str | None:
    # The verb 'ladle out, hold' (盛一碗饭, 内盛食料, 盛满) is cheng2; 'abundant' sheng4 lives in
    # words (茂盛, 盛大, 盛行).
    return "cheng2" if _one_of(ctx.char(i + 1), "饭米汤满着了一食酒在入粥菜出到进") else None


@_rule("供")
def _gong_offer(ctx: _Context, i: int) -> str | None:
    # 'lay out as offerings' (供祖像, 供着牌位) is gong4; 'supply' gong1 lives in words (供应, 提供).
    return "gong4" if _one_of(ctx.char(i + 1), "着了奉品祖神佛香在") or ctx.char(i - 1) == "上" else None


@_rule("系")
def _ji_tie(ctx: _Context, i: int) -> str | None:
    # 'tie, fasten' (系裙, 把鞋带系好, 系上安全带) is ji4; xi4 'system, department, be' lives in
    # words (系统, 关系) or stands alone as the department or the copula.
    return "ji4" if _one_of(ctx.char(i + 1), "好上紧牢着裙鞋领围") else None


def _against_thick(ctx: _Context, i: int) -> bool:
    """An idiom setting 薄 against 厚, where it is the literary bo2 (厚此薄彼, 厚往薄来, 厚积薄发)."""
    word = ctx.word_of(i)
    return _pos(word) == "i" and len(word.text) == 4 and "厚" in word.text


@_rule("薄", _WORD_RULES)
def _bo_in_idioms(ctx: _Context, i: int) -> str | None:
    return "bo2" if _against_thick(ctx, i) else None  # whatever a phrase table says


@_rule("薄")
def _bao(ctx: _Context, i: int) -> str | None:
    # The free adjective 'thin' is bao2 (极薄的棉衣, 皮薄); bo2 lives in words (薄弱, 单薄), in
    # names (薄谷开来, 薄辽省), and in an idiom against 厚 no dictionary lists.
    after = ctx.word_after(i)
    if _pos(ctx.word_of(i)).startswith(("nr", "ns")) or _against_thick(ctx, i) or (
            ctx.stands_alone(i) and after is not None and _pos(after).startswith(("nr", "ns"))):
        return "bo2"
    return "bao2"


@_rule("撒")
def _sa(ctx: _Context, i: int) -> str | None:
    # The verb 'scatter, sprinkle' (撒了一层糖, 撒下秕谷) is sa3; sa1 'let go' lives in words (撒谎,
    # 撒娇), and in names (撒哈拉, 耶路撒冷).
    if ctx.stands_alone(i) and _pos(ctx.word_of(i)).startswith("v") and ctx.char(i + 1) not in "谎娇野手腿欢泼":
        return "sa3"
    return None


@_rule("倒")
def _dao(ctx: _Context, i: int) -> str | None:
    # 'fall, lie down' before where (倒在床上, 倒在地上) is dao3; 'pour' before where to or away
    # (倒回去, 倒掉, 倒入锅中, 倒进碗里) dao4.
    if ctx.char(i + 1) == "在":
        return "dao3"
    return "dao4" if _one_of(ctx.char(i + 1), "回掉入进出") else None


@_rule("著")
def _zhe_traditional(ctx: _Context, i: int) -> str | None:
    # Traditional texts write the aspect particle 着 as 著: after a verb it is zhe5
    # (面臨著), not the zhù of 著作.
    if ctx.stands_alone(i) and _pos(ctx.word_before(i)).startswith("v"):
        return "zhe5"
    return None


@_rule("地")
def _di(ctx: _Context, i: int) -> str | None:
    # The adverbial particle: jieba tags it uv (高兴地跳, 预见性地警告), or it follows
    # an adjective, adverb or idiom and precedes a verb.
    # Clause-final it is the noun: 西沙群岛等地， (jieba still tags some of these uv).
    if _said_twice_before(ctx, i):
        return "de5"  # a manner said twice, at a pause too: 慢慢地，, 一晃一晃地，, 喀啦喀啦地响
    if _clause_end(ctx, i) or ctx.char(i + 1) == "的" or ctx.char(i - 1) == "等":
        return "di4"  # 赣州等地 'Ganzhou and other places', 在地的小吃 'local snacks': no particle before 的
    word = ctx.word_of(i)
    before, after = ctx.word_before(i), ctx.word_after(i)
    doubled = i >= 2 and ctx.char(i - 1) == ctx.char(i - 2) and is_han(ctx.char(i - 1))
    # jieba's guess of a word 地X after a word (大声|地念, 一粒一粒|地数): the particle and a verb
    guessed = (word.start == i and len(word.text) == 2 and word_reading(word.text) is None
               and before is not None and len(before.text) >= 2)
    if doubled or guessed or _ends_a_reduplicated_adverb(ctx, i):
        return "de5"  # 哗哗地响, 叮叮当当地响: a sound or a manner said twice
    # ... and tags uv the 地 of land after a one-character noun: 房地合一, 田地
    if _pos(word) == "uv" and not (before is not None and _pos(before) == "n" and len(before.text) == 1):
        return "de5"
    if _pos(before) in ("a", "ad", "d", "z", "i", "l") and _pos(after).startswith("v"):
        return "de5"
    return "di4"


def _said_twice_before(ctx: _Context, i: int) -> bool:
    """What comes before `i` is a syllable or a pair said twice: 慢慢, 一晃一晃, 纷纷扬扬."""
    pair, four = ctx.text[max(0, i - 2):i], ctx.text[max(0, i - 4):i]
    if len(pair) == 2 and is_han(pair[0]) and pair[0] == pair[1]:
        return True
    return len(four) == 4 and all(map(is_han, four)) and (
        four[:2] == four[2:] or (four[0] == four[1] and four[2] == four[3]))


def _ends_a_reduplicated_adverb(ctx: _Context, i: int) -> bool:
    """jieba glues the particle 地 to a reduplicated adverb: 远远地, 轻轻地, 渐渐地."""
    word = ctx.word_of(i)
    return word.end == i + 1 and i - word.start >= 2 and ctx.char(i - 1) == ctx.char(i - 2)


@_rule("地", _WORD_RULES)
def _de_after_reduplication(ctx: _Context, i: int) -> str | None:
    # ... even where a dictionary word takes the 地 (远地 'a distant place' of 远远地), or the
    # word after it (恋恋|地上了岸, 纷纷扬扬|地下起雪来: not 地上 'ground', 地下 'underground')
    word = ctx.word_of(i)
    if _ends_a_reduplicated_adverb(ctx, i) or (word.start == i and len(word.text) == 2 and _said_twice_before(ctx, i)):
        return "de5"
    return None


@_rule("上", _WORD_RULES)
def _shang_after_a_particle(ctx: _Context, i: int) -> str | None:
    # ... whose 上 is then the verb 'go up' (shang4), not the 上 of 地上 (shang5)
    return "shang4" if ctx.text[i - 1:i + 1] == "地上" and ctx.readings[i - 1] == "de5" else None


_RETURN_OBJECTS = set("钱债款贷账车书")
_PAID_OFF = ("不清", "不起", "不上", "清了")


@_rule("还")
def _huan(ctx: _Context, i: int) -> str:
    # The adverb 'still/also' never ends a clause; the verb 'give back' can (借了不还).
    if _clause_end(ctx, i) or ctx.char(i + 1) == "给" or ctx.char(i + 1) in _RETURN_OBJECTS:
        return "huan2"
    # ... and said of a debt paid off: 一辈子也还不清 (not 还不清楚 'still unclear')
    if ctx.text.startswith(_PAID_OFF, i + 1) and ctx.char(i + 3) != "楚":
        return "huan2"
    # the principal repaid: 到期还本, 还本付息 (not 还本来, 还本地)
    if ctx.char(i + 1) == "本" and (not is_han(ctx.char(i + 2)) or _one_of(ctx.char(i + 2), "付息金")):
        return "huan2"
    # After a modal or negation the adverb would come first (还要, 还不), so 要还,
    # 该还, 没还, 不还 are the verb: 你要还我书, 借了不还.
    if ctx.char(i - 1) in ("要", "想", "该", "没", "不"):
        return "huan2"
    return "hai2"


# Units whose head is a 长 zhang3: 部长, 旅长, 校长, 处长, 董事长, 列车长 ...
_HEADED_UNITS = set("部局院委会所厅处司科组队团站馆校社署省市县镇村乡州区旅师营连排班军舰船机车族酋首家行庭监社")


@_rule("长", _WORD_RULES)
def _chang_cut_long(ctx: _Context, i: int) -> str | None:
    # jieba's 成长 'grow up' across 切成|长条 'cut into long strips'
    if ctx.text[i - 1:i + 1] == "成长" and _one_of(ctx.char(i + 1), "条方块段片"):
        return "chang2"
    return None


# What Taiwan's companies name their chiefs by, before 长 zhang3: 技术长 'CTO', 财务长, 转型长
_CHIEF_OF = frozenset(
    "技术 财务 营运 资讯 行销 营销 永续 转型 数据 数位 人资 法务 策略 品牌 资安 创新 风控 稽核".split())
_CHIEF = re.compile(r"[（(]\s*Chief\b")


@_rule("长")
def _zhang(ctx: _Context, i: int) -> str:
    if ctx.char(i - 1) in _HEADED_UNITS:
        return "zhang3"
    if ctx.text[max(0, i - 2):i] in _CHIEF_OF or _CHIEF.match(ctx.text, i + 1):
        return "zhang3"  # 数位转型长（Chief Digital Officer）
    # The verb 'grow': 长出, 长满, 长成, 长得 (像…), and 长了 before what grew (长了白毛, not 时间长了就…)
    if ctx.char(i + 1) in ("出", "满", "成", "得") or (
            ctx.char(i + 1) == "了" and is_han(ctx.char(i + 2)) and not _one_of(ctx.char(i + 2), "就也才又还")):
        return "zhang3"
    return "chang2"


# Verbs that take 重 'again' (chong2) in front: 重录, 重建, 重返 ...
_REDONE = set("建返回申演写修组现启开来做播印订设整生逢叠审选置装拍编制排游振燃塑铸录映考读画译算测新复"
              "贴划述温拾聚估提获掌构")  # 重贴现率 'rediscount rate', 重划区, 重拾, 重估


@_rule("重")
def _zhong(ctx: _Context, i: int) -> str:
    # ('fold, layer' after a numeral, 双重, 九重天, is a measure-word reading.)
    if ctx.char(i - 1) == "双" or ctx.char(i + 1) in _REDONE:
        return "chong2"
    return "zhong4"


# Verbs that 为 'for the sake of' (wei4) introduces the beneficiary of.
_FOR_SOMEONE = (
    "服务", "提供", "做出", "作出", "带来", "创造", "奠定", "争取", "贡献", "效力", "效劳", "着想",
    "负责", "担心", "操心", "庆祝", "纪念", "祈祷", "祈福", "付出", "献身", "奋斗", "报仇", "复仇",
    "辩护", "开脱", "代言", "打造", "铺平", "打下", "感到", "伤心", "难过", "高兴", "骄傲", "而战",
    "做准备", "作准备", "埋下", "保密", "让路", "买单", "助力", "护航", "撑腰", "把关", "出力", "加油",
)


# What makes a following 为 the copula: 原为 'was formerly', 改为, 分为, 视为, 称为, 划为,
# 评为, 坍缩为 ...
# (and a closing bracket: 拟小蛭（学名：…）为 'is').
_COPULA_BEFORE = set("原即乃改分列选定视作成变化转译称命划评升降缩归拆立封尊推聘召拜擢迁贬授型映现明）)」』》")


# ... and what makes it the copula unless a beneficiary's verb follows: 均为, 或为说明之文字,
# 不为所动, 仍不为修缮 'still does not repair', 有为政府 'a government that acts'
_COPULA_UNLESS_FOR = "均皆亦仍多或不有"


# What 为 names as its complement: 以…为代表, 为主, 为核心, 为牵引, 为今…的前身
_COPULA_COMPLEMENTS = ("代表", "主", "核心", "中心", "重点", "基础", "导向", "目标", "牵引", "抓手", "载体",
                       "依托", "支撑", "龙头", "主体", "主导")


@_rule("为")
def _wei(ctx: _Context, i: int) -> str:
    # In written Chinese the free-standing 为 is mostly the copula 'be, become, as'
    # (面积为, 改名为, 被贬为, 以…为…, 为…所): wei2. 'For' (wei4) is recognised by the
    # verb it introduces later in the clause: 为人民服务, 为他们提供.
    clause = []
    for c in ctx.text[i + 1 : i + 16]:
        if not is_han(c):
            break
        clause.append(c)
    rest = "".join(clause)
    if "所" in rest or rest.startswith(("限", "例")):
        return "wei2"  # 为…所 'by', 以…为限 'be limited to', 以…为例 'take as an example'
    after = ctx.word_after(i)
    if after is not None and after.text == "人" and ctx.stands_alone(i):
        return "wei2"  # 为人 'how one conducts oneself': 为人虽然粗豪, 为人处世; not 为人民 (a word of its own)
    # after a verb of changing, naming or choosing it is the copula, whatever follows
    # (转型为区域养老服务中心, not 'for' the 服务 in it)
    if ctx.char(i - 1) in _COPULA_BEFORE:
        return "wei2"
    if any(verb in rest for verb in _FOR_SOMEONE) or _one_of(ctx.char(i - 1), "专特只"):
        return "wei4"  # … and 专为 'especially for', 特为, 只为
    if (_one_of(ctx.char(i - 1), _COPULA_UNLESS_FOR) or ctx.char(i - 1).isascii() and ctx.char(i - 1).isalnum()
            or rest.startswith(_COPULA_COMPLEMENTS) or "前身" in rest or "之一" in rest
            or ctx.text[i - 2:i] == "不得"):
        return "wei2"  # … Y为实际产出, 为今国立台湾大学的前身
    if _one_of(ctx.char(i - 2), "变化转改易") and is_han(ctx.char(i - 1)):
        return "wei2"  # 变扫为挑 'turn the sweep into a flick'
    # Opening a clause it states a purpose: 为确保安全, 为实现目标而努力 (the copula
    # needs a subject before it).
    if not ctx.char(i - 1) or _one_of(ctx.char(i - 1), "，。；：！？,.;:!?"):
        return "wei4"
    # 'For, on behalf of' takes a person or an action: 为他联系, 为获取利润, 为观众演出;
    # the copula takes a number or a noun and no verb after it (面积为300, 被任命为经理),
    # and 以…为… is the copula too.
    if "以" in _clause_before(ctx, i):
        return "wei2"
    after = ctx.word_after(i)
    if after is not None and (_pos(after) == "r" or _pos(after) == "v"):
        return "wei4"
    # ... or a person or a thing and what is done for it: 为孩子建立档案, 为孩子准备的 (the
    # copula's noun ends its clause: 职业为教师)
    if after is not None and _pos(after).startswith("n") and _verb_later_in_clause(ctx, ctx.word_at[i] + 2):
        return "wei4"
    return "wei2"


def _verb_later_in_clause(ctx: _Context, k: int) -> bool:
    while k < len(ctx.words) and is_han(ctx.words[k].text[0]):
        if _pos(ctx.words[k]) == "v":
            return True
        k += 1
    return False


def _clause_before(ctx: _Context, i: int) -> str:
    """Up to 16 characters of the clause before `i`, a name's dot not ending it (以米尔顿·弗里德曼为代表)."""
    start = i
    while start > 0 and (is_han(ctx.char(start - 1)) or ctx.char(start - 1) in "·・") and i - start < 16:
        start -= 1
    return ctx.text[start:i]


@_rule("行")
def _xing(ctx: _Context, i: int) -> str:
    # hang2 'row, trade' comes in words (银行, 行业) or as a measure word (两行字), or after
    # which, this or each: 哪行不内卷, 这行不好做, 各行各业
    return "hang2" if _one_of(ctx.char(i - 1), "哪这各") else "xing2"


# Nouns 率 shuai4 'leads' as a verb: 率部, 率军, 率兵 …
_LED = set("部军兵众师队团舰船机领先")


@_rule("率")
def _lv(ctx: _Context, i: int) -> str:
    before = ctx.word_before(i)
    if ctx.char(i + 1) in _LED:
        return "shuai4"
    # A subject before it (粟裕率新四军, 他率…) makes it the verb; a noun or verb
    # before it makes it the suffix 'rate' (增长率, 出生率).
    if _pos(before).startswith("nr") or _pos(before) in ("r", "d") or not is_han(ctx.char(i - 1)):
        return "shuai4" if not _clause_end(ctx, i) else "lv4"
    return "lv4"


@_rule("卡")
def _qia(ctx: _Context, i: int) -> str | None:
    # 'get stuck': 卡住, 卡在, 卡壳.
    if ctx.char(i + 1) in ("住", "在", "壳"):
        return "qia3"
    return None


@_rule("卡", _WORD_RULES)
def _qia_in_word(ctx: _Context, i: int) -> str | None:
    # Both dictionaries read the word 卡住 ka3 zhu4 ("also pr. qia3"); as 'get stuck'
    # it is qia3 (现代汉语词典: 卡 qiǎ, 夹在中间不能活动). Only the word itself: the 卡
    # of 信用卡 before 在 is a card.
    word = ctx.word_of(i)
    return "qia3" if word is not None and word.start == i and word.text in ("卡住", "卡壳") else None


@_rule("倒", _WORD_RULES)
def _qing_dao(ctx: _Context, i: int) -> str | None:
    # 倾倒 is 'topple, admire' (qing1 dao3), or 'dump, pour out' (qing1 dao4) beside what is
    # dumped or how: 排放、倾倒、处置有放射性的废物, 倾倒垃圾.
    word = ctx.word_of(i)
    if word.text != "倾倒" or word.start != i - 1:
        return None
    around = ctx.text[max(0, i - 12):i + 12]
    return "dao4" if any(w in around for w in _DUMPED) else None


_DUMPED = ("废", "垃圾", "污", "排放", "处置", "填埋", "渣", "泥", "海洋", "水域", "河")


@_rule("发", _WORD_RULES)
def _fa_onset(ctx: _Context, i: int) -> str | None:
    # After 早, 晚, 迟 the 发 of 发型 is 'onset' (早发型 'early-onset', 迟发型), not the hair of
    # a hairstyle, which jieba's word 发型 would make of it.
    word = ctx.word_of(i)
    return "fa1" if word.text == "发型" and word.start == i and _one_of(ctx.char(i - 1), "早晚迟") else None


@_rule("量")
def _liang(ctx: _Context, i: int) -> str | None:
    # The verb 'measure': 量一量, 量一下, or tagged as a verb.
    if ctx.stands_alone(i) and (ctx.char(i + 1) == "一" or _pos(ctx.word_of(i)) == "v"):
        return "liang2"
    if ctx.stands_alone(i):
        return "liang4"
    return None


@_rule("调")
def _diao(ctx: _Context, i: int) -> str | None:
    nxt = ctx.char(i + 1)
    # 'transfer' (调到北京, 调任) vs 'adjust' (调高, 调低).
    if nxt in ("到", "往", "入", "至", "任", "离", "回", "派", "兵", "职"):
        return "diao4"
    if _one_of(nxt, "高低整节和解控味试剂皮戏侃停教暗亮大小快慢匀准蘸汁酱"):
        return "tiao2"
    return None


# Modal particles are toneless only at the end of a clause (or before another
# particle): 拍部电影吧。 ba5, 好哟。 yo5. Elsewhere they are syllables of a word or a
# name, or interjections: 贴吧 ba1, 啦啦队 la1, 哇唧唧哇 wa1, “啊，…” a1. A particle
# follows what it modifies, so one that opens a clause is an interjection.
_PARTICLES = {
    "咧": "lie3",  # 咧嘴 'grin'; clause-final the particle: 抱过你咧！
    "吗": "ma2",  # 干吗 'what for'; clause-final the question: 你懂吗？
    "吧": "ba1", "啦": "la1", "哇": "wa1", "哟": "yo1", "呀": "ya1", "嘛": "ma2", "咯": "ge1", "啊": "a1",
    "哦": "o4",  # opening a clause it is 'oh, I see': 哦，原来如此。
    "罢": "ba4",  # 罢工 'strike'; clause-final the older writing of 吧: 你收着罢。
}


@_rule("".join(_PARTICLES))
def _particle(ctx: _Context, i: int) -> str:
    char = ctx.text[i]
    nxt = ctx.char(i + 1)
    repeated = char in (ctx.char(i - 1), nxt)
    after_words = is_han(ctx.char(i - 1)) or (i > 0 and _one_of(ctx.char(i - 1), "”’」』）)"))  # 是‘陈区长’吗？
    if not repeated and after_words and (_clause_end(ctx, i) or nxt in _PARTICLES or nxt in "呢吗啊"):
        return _PARTICLES[char][:-1] + "5"
    return _PARTICLES[char]


@_rule("子")
def _zi(ctx: _Context, i: int) -> str | None:
    # The noun suffix zi5 lives in dictionary words (桌子, 孩子); a 子 left over is
    # the noun 'son, master' or the prefix 'sub-': 其子, 第三子, 孔子 … zi3; but closing a
    # noun jieba knows and the dictionaries do not, it is the suffix: 园子 (yuan2 zi5)
    word = ctx.word_of(i)
    if len(word.text) == 2 and word.end == i + 1 and _pos(word) == "n" and word_reading(word.text) is None:
        return "zi5"
    # ... and so is a longer such noun that no known word ending in 子 closes (车篷子 'the
    # rickshaw's hood'; not 光电子, closed by 电子 dian4 zi3)
    if (len(word.text) >= 3 and word.end == i + 1 and _pos(word) == "n" and word_reading(word.text) is None
            and word_reading(ctx.text[i - 1:i + 1]) is None):
        return "zi5"
    # ... or the suffix of a dictionary word jieba cut off: 泡菜坛|子 (坛子), 小巷|子 (巷子)
    if ctx.stands_alone(i) and is_han(ctx.char(i - 1)) and (word_reading(ctx.text[i - 1:i + 1]) or ("",))[-1] == "zi5":
        return "zi5"
    return "zi3"


@_rule("更")
def _geng(ctx: _Context, i: int) -> str:
    # The adverb 'more' (更多, 更好); geng1 'change' comes in words (更新, 变更).
    if ctx.char(i + 1) in ("名", "改", "换", "新", "正", "替", "迭", "衣", "生", "夫", "鼓"):
        return "geng1"
    return "geng4"


@_rule("更", _WORD_RULES)
def _geng_more(ctx: _Context, i: int) -> str | None:
    # jieba's 更深 'the depth of night' after a verb and 得: 理解得更深 'understand more deeply'
    word = ctx.word_of(i)
    return "geng4" if word.start == i and ctx.char(i - 1) in ("得", "还", "要") else None


@_rule("卷")
def _juan(ctx: _Context, i: int) -> str | None:
    # A court's case file: 在卷可稽, 附卷, 卷内证据, 调卷 (juan4).
    if _one_of(ctx.char(i - 1), "在附调阅全案") or _one_of(ctx.char(i + 1), "内宗证附"):
        return "juan4"
    # A verb said twice (卷一卷 'compete a bit harder', as 内卷 gives it) is juan3.
    if ctx.text[i:i + 3] == "卷一卷" or ctx.text[max(0, i - 2):i + 1] == "卷一卷":
        return "juan3"
    # Before a number it is 'volume, chapter', the way classical works are cited:
    # 《史记》卷六, 卷一百二十 (juan4); the verb 'roll up' takes no numeral after it.
    if ctx.char(i + 1) in _NUMERALS and ctx.char(i + 1) not in "第多几数半":
        return "juan4"
    return None


@_rule("卷", _WORD_RULES)
def _juan_doubled(ctx: _Context, i: int) -> str | None:
    # ... the second 卷 of 卷一卷 too, which jieba's 一卷 'one volume' would read juan4
    return "juan3" if ctx.text[max(0, i - 2):i + 1] == "卷一卷" else None


@_rule("尽")
def _jin(ctx: _Context, i: int) -> str:
    # jin3 'as … as possible' comes before 快/早/先/管/量; elsewhere the verb 'exhaust' jin4.
    if ctx.char(i + 1) in ("快", "早", "先", "管", "量"):
        return "jin3"
    return "jin4"


@_rule("处")
def _chu(ctx: _Context, i: int) -> str | None:
    # A place after a demonstrative (此处, 各处, 何处) is chu4, as after a numeral.
    if ctx.char(i - 1) in set("各此该何到住好士员"):
        return "chu4"  # … and at someone's: 从业内人士处了解到, 向工作人员处
    if ctx.char(i - 1) == "量":
        return "chu3"  # 量处…之刑 'fix the sentence at'
    # A sentence in a statute: 处三年以下有期徒刑, 处拘役, 并处罚金 'is sentenced to' (chu3).
    if ctx.char(i + 1) in _NUMERALS or ctx.text.startswith(_SENTENCES, i + 1):
        return "chu3"
    return None


_SENTENCES = ("罚金", "拘役", "管制", "死刑", "无期徒刑", "有期徒刑", "罚款", "以罚款", "以罚金", "没收",
              "新台币", "人民币", "罚锾")


# Punctuation that closes a clause or a quotation (not 《 or an opening quote).
_CLOSING = set("，。、；：！？）」』”’,.;:!?)")


@_rule("将")
def _jiang(ctx: _Context, i: int) -> str | None:
    # The adverb 'will' and the preposition (将…) need a verb or an object after
    # them; before closing punctuation 将 is the noun 'general': 参将。, 告知诸将：
    nxt = ctx.char(i + 1)
    return "jiang4" if not nxt or nxt in _CLOSING else None


@_rule("迤")
def _yi(ctx: _Context, i: int) -> str | None:
    # Before a direction word it is yi3 'extending towards': 迤西, 迤南, 迤北 (现代汉语
    # 词典); 'winding' (逶迤 wei1 yi2) is a word of its own.
    return "yi3" if _one_of(ctx.char(i + 1), "东南西北") else None


@_rule("姥")
def _mu(ctx: _Context, i: int) -> str:
    # lao3 'grandmother' lives only in the words 姥姥 and 姥爷, which the word layer
    # reads; elsewhere 姥 is the literary mu3 'old woman': 天姥山, 斗姥, 太姥娘娘.
    return "mu3"


@_rule("应")
def _ying(ctx: _Context, i: int) -> str | None:
    # 'Respond, comply' (ying4) lives in words (反应, 适应, 供应); a 应 left over is the
    # modal 'should' (应以, 车应礼让, 应适当控制, ying1), unless it answers an invitation or
    # a request later in the clause: 应东盟轮值主席国邀请 (ying4).
    rest = ctx.text[i + 1:i + 16]
    end = next((k for k, c in enumerate(rest) if not is_han(c)), len(rest))
    return "ying4" if _INVITED.search(rest[:end]) else "ying1"


_INVITED = re.compile("邀请|之邀|邀约|要求|请求|之约|召唤")


@_rule("应", _WORD_RULES)
def _ying_after_a_time(ctx: _Context, i: int) -> str | None:
    # jieba's 内应 'a spy inside' across 一个月内|应停用 'within a month, should stop'
    if ctx.text[i - 1:i + 1] == "内应" and _one_of(ctx.char(i - 2), "日天月年周期时内"):
        return "ying1"
    return None


@_rule("调", _WORD_RULES)
def _tiao_by_an_amount(ctx: _Context, i: int) -> str | None:
    # 调升 'promote' (diao4) or 'raise' (tiao2): raised by an amount, 调升56个基点, 调降至3%
    if ctx.text[i:i + 2] in ("调升", "调降") and _AMOUNT.match(ctx.text, i + 2):
        return "tiao2"
    return None


_AMOUNT = re.compile(r"[至到了]?\s*[0-9０-９一二三四五六七八九十百千两半]")


@_rule("分", _WORD_RULES)
def _fen_molecule(ctx: _Context, i: int) -> str | None:
    # 分子 on its own is the molecule (or a numerator), fen1; the 'member' fen4 of 知识分子,
    # 恐怖分子 comes in those words, or as 一分子 'one of'.
    word = ctx.word_of(i)
    if word.text == "分子" and word.start == i and ctx.char(i - 1) != "一":
        return "fen1"
    # ... and inside a longer word no list reads (单分子层 'monolayer'), unless what it
    # ends is a kind of people (恐怖分子)
    at = i - word.start
    if len(word.text) > 2 and word.text[at:at + 2] == "分子" and word_reading(word.text) is None:
        people = word_reading(word.text[:at + 2]) if at else None
        return None if people is not None and people[at] == "fen4" else "fen1"
    return None


@_rule("着", _WORD_RULES)
def _zhe_worn(ctx: _Context, i: int) -> str | None:
    # 穿着 is the noun 'attire' only as a thing described (她的穿着, 穿着打扮, 穿着得体); before
    # what is worn it is the verb and its aspect particle: 都穿着红衣裳 (zhe5).
    word = ctx.word_of(i)
    if word.text == "着眼" and word.start == i and _one_of(ctx.char(i - 1), "闭睁眯瞪"):
        return "zhe5"  # jieba's 着眼 'focus on' across 闭|着眼: 闭着眼 'eyes closed'
    if word.text != "穿着" or ctx.char(word.start - 1) in ("的", "其") or not is_han(ctx.char(i + 1)):
        return None
    return None if ctx.text.startswith(_ATTIRE_SAID, i + 1) else "zhe5"


_ATTIRE_SAID = ("打扮", "得体", "讲究", "朴素", "时髦", "整齐", "随便", "考究", "很", "十分", "非常", "也", "都", "是")


@_rule("背", _WORD_RULES)
def _bei_carried(ctx: _Context, i: int) -> str | None:
    # 背着 'with one's back to, behind one's back' (bei4) or 'carrying on the back' (bei1):
    # the latter before what is carried, 背着背篓, 背着孩子, 背着书包
    if ctx.text[i:i + 2] == "背着" and _one_of(ctx.char(i + 2), _CARRIED):
        return "bei1"
    return None


_CARRIED = "篓包筐袋孩娃行柴枪篮箩锄囊书背一"


@_rule("打", _WORD_RULES)
def _da_not_a_dozen(ctx: _Context, i: int) -> str | None:
    # 一打 'a dozen' takes a noun; before an adverb or a modal it is 'once struck': 一打能打出七八个圈
    if ctx.text[i - 1:i + 1] == "一打" and _one_of(ctx.char(i + 1), "能就便也都又可还"):
        return "da3"
    return None


@_rule("将", _WORD_RULES)
def _jiang_after_a_ministry(ctx: _Context, i: int) -> str | None:
    # jieba's 部将 'a general's subordinate' across 经济部|将|提供: after a ministry's name, and
    # before a verb, 将 is 'will' (jiang1)
    word = ctx.word_of(i)
    after = ctx.word_after(i)
    if word.text == "部将" and word.start == i - 1 and is_han(ctx.char(i - 2)) and _pos(after).startswith("v"):
        return "jiang1"
    return None


@_rule("只")
def _zhi_measure(ctx: _Context, i: int) -> str | None:
    # The measure word (zhi1) after a demonstrative, before what it counts: 那只木船, 这只猫
    # (not 'only': 那只是一场梦)
    after = ctx.word_after(i)
    if _one_of(ctx.char(i - 1), "这那哪每某") and after is not None and _pos(after).startswith("n"):
        return "zhi1"
    return None


@_rule("儿")
def _er_suffix(ctx: _Context, i: int) -> str | None:
    # Left over after a word it is the erhua suffix (弯儿, 滋味儿: r5), unless it is the
    # 'child' of a word no dictionary has (弃儿, 孤儿)
    # or of a name (王聪儿; a pet name after a character of given names, 宏儿, 宁儿)
    word = ctx.word_of(i)
    before = ctx.char(i - 1)
    # ... or of a name a dictionary lists that jieba cut before it: 帖木 + 儿 (帖木儿 Timur, er2)
    if any((reading := word_reading(ctx.text[i - length + 1:i + 1])) and reading[-1] == "er2"
           for length in range(3, min(i + 1, 5) + 1)):
        return "er2"
    if (is_han(before) and before not in _CHILD_BEFORE and not _pos(word).startswith("nr")
            and given_name_uses(before) < 2 and not (ctx.stands_alone(i) and _pos(word).startswith("n"))):
        return "r5"
    return None


_CHILD_BEFORE = set("女婴孤幼胎健男宠孩弃小哀犬哑聋")


@_rule("切")
def _qie(ctx: _Context, i: int) -> str | None:
    # The verb 'cut' (切菜, 切开, 切成块) is qie1; qie4 'close to, be sure to' lives in words
    # (一切, 密切, 切实, 切记), and in names written by sound (切尔诺贝利).
    return None if _in_foreign_name(ctx, i) else "qie1"


@_rule("得", _WORD_RULES)
def _de_complement(ctx: _Context, i: int) -> str | None:
    # A verb, 得 and its result is de5 however a dictionary spells it: 看得见, 听得懂, 买得起;
    # and 得到 after a verb says it can be reached: 接得到, 拿得到 (not 'obtain')
    word, before = ctx.word_of(i), ctx.word_before(i)
    if len(word.text) == 3 and word.start == i - 1 and _one_of(ctx.char(i + 1), "见到起住动出懂清完着上下开"):
        return "de5"
    if (word.text in _REACHED and word.start == i and before is not None and len(before.text) == 1
            and _pos(before).startswith("v") and before.text not in _MODAL_VERBS):
        return "de5"  # … 背得出, 受得住
    return None


_MODAL_VERBS = frozenset("能会可要想该肯敢")
_REACHED = frozenset("得到 得出 得起 得住 得了 得见 得过 得动 得完".split())


@_rule("的", _WORD_RULES)
def _de_after_an_end(ctx: _Context, i: int) -> str | None:
    # 端的 'really' is literary; after a noun it is 端 'side' and the particle: 需求端的落差
    if ctx.text[i - 1:i + 1] == "端的" and is_han(ctx.char(i - 2)):
        return "de5"
    # ... and a word 'X的' after how much (超美的 'so pretty', not the brand 美的 Měidí)
    word = ctx.word_of(i)
    if len(word.text) == 2 and word.end == i + 1 and _one_of(ctx.char(i - 2), "很超好真太挺蛮最更"):
        return "de5"
    return None


@_rule("炸")
def _zha_fry(ctx: _Context, i: int) -> str | None:
    # 'deep-fry' (zha2) before how it turns out: 炸得金黄, 炸过, 炸一下, 炸成, 炸至; 'explode'
    # (zha4) lives in words (爆炸, 炸弹) or stands alone otherwise.
    return "zha2" if _one_of(ctx.char(i + 1), "得过過一成好熟酥脆至") else None


@_rule("数")
def _shu_count(ctx: _Context, i: int) -> str | None:
    # The verb 'count' (shu3): 数到后来, 数了几遍, 数得过来, 一粒一粒地数; the noun and 'several'
    # (数十, 数字) are shu4.
    nxt = ctx.char(i + 1)
    if _one_of(nxt, "到了过着得不清遍起完") or (ctx.char(i - 1) == "地" and not is_han(nxt)):
        return "shu3"
    return None


@_rule("缝")
def _feng_sew(ctx: _Context, i: int) -> str | None:
    # the verb 'sew' (feng2): 缝了一双布鞋, 缝好, 缝补; the crack feng4 lives in words (石缝, 裂缝)
    if ctx.stands_alone(i) and (_pos(ctx.word_of(i)).startswith("v") or _one_of(ctx.char(i + 1), "了好上补制着")):
        return "feng2"
    return None


@_rule("攒")
def _zan(ctx: _Context, i: int) -> str | None:
    # 'save up' (zan3): 攒了好久的铜板, 攒钱; cuan2 'gather' is in 攒动, 攒聚 and the roofs of 攒尖顶
    return "zan3" if ctx.stands_alone(i) and _one_of(ctx.char(i + 1), "了钱着下够起点些足几一") else None


@_rule("累")
def _lei_tired(ctx: _Context, i: int) -> str | None:
    # 'tired' (lei4) after a negation or a degree word (不累, 太累, 很累, 好累); lei3 'accumulate'
    # lives in words (积累, 累计)
    # ... or before how tired: 累到怀疑人生, 累得满头大汗, 累坏了
    tired = _one_of(ctx.char(i - 1), "不太很好真挺多最别没") or _one_of(ctx.char(i + 1), "到得坏垮瘫")
    return "lei4" if tired else None


@_rule("累", _WORD_RULES)
def _lei_tired_in_a_word(ctx: _Context, i: int) -> str | None:
    # ... where jieba glues it to that word: 不累, 太累
    word = ctx.word_of(i)
    return "lei4" if word.text in ("不累", "太累", "很累", "好累") and word.end == i + 1 else None


@_rule("干")
def _gan_do(ctx: _Context, i: int) -> str | None:
    # 'do, work' (gan4) before what is done or how much: 干点活儿, 干活, 干完, 干了十年
    # and 一干就是四十六年 'once started, it went on for 46 years'
    return "gan4" if _one_of(ctx.char(i + 1), "点些活完了过着嘛吗啥什") or ctx.text[i - 1:i + 2] == "一干就" else None


@_rule("觉")
def _jiao_sleep(ctx: _Context, i: int) -> str | None:
    # 'sleep' (jiao4) said of how much: 觉少, 觉多, 一觉; 'feel' (jue2) lives in words (感觉, 觉得)
    return "jiao4" if _one_of(ctx.char(i + 1), "少多浅轻") else None


@_rule("干", _WORD_RULES)
def _gan_a_little_work(ctx: _Context, i: int) -> str | None:
    # jieba's 干点 'a bit dry' before work: 干点活儿 (gan4)
    word = ctx.word_of(i)
    return "gan4" if word.text in ("干点", "干些") and ctx.char(word.end) in ("活", "事") else None


@_rule("转")
def _zhuan_spin(ctx: _Context, i: int) -> str | None:
    # 'spin, go round' (zhuan4): 风扇一转起来, 转得很快, 转了一圈, 转个不停; 'turn, pass on'
    # (zhuan3) elsewhere
    # ... and 打了个转, 打个转 'spin round once'
    if ctx.text.startswith(_SPINNING, i + 1) or ctx.text[max(0, i - 3):i] == "打了个" or ctx.text[i - 2:i] == "打个":
        return "zhuan4"
    return None


_SPINNING = ("起来", "得", "个不停", "圈", "了一圈", "了几圈", "来转去", "悠")


@_rule("供", _WORD_RULES)
def _gong_support(ctx: _Context, i: int) -> str | None:
    # 供养 is 'support (people)' (gong1 yang3: 集中供养特困人员, 供养父母), and 'make offerings'
    # (gong4) only to gods, Buddhas and ancestors
    if ctx.text[i:i + 2] == "供养" and not _one_of(ctx.char(i + 2), "神佛祖菩香"):
        return "gong1"
    return None

