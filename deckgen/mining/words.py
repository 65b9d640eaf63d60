"""What kind of word a token is: function words, glue, edges a term may have, jieba's
guesses, Latin terms; and the mainland form variants are merged by."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from deckgen import script
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import BoundedDict, memo
from deckgen.records import Segmenter

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


_WORDLIKE = re.compile(rf"^[0-9A-Za-z{_HAN}][0-9A-Za-z.+\-{_HAN}]*$")


_HAN_ONLY = re.compile(rf"^[{_HAN}]+$")


_ASCII_ALNUM = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.]*$")


_HAS_LETTER = re.compile(r"[A-Za-z]")


_HAS_HAN = re.compile(rf"[{_HAN}]")


# Numbers, dates, percentages, amounts, ordinals: 2024年, 五%, 一.二%, 第三, 三分之一, 60年.
_NUMERIC = re.compile(
    r"^[第约近超逾]?[0-9０-９.,．零〇○一二三四五六七八九十两百千万亿壹贰叁肆伍陆柒捌玖拾佰仟几半多余分之点]+"
    r"[年月日号时分秒岁个次倍%％元块届期名位家座项款片种人天周层代亿万]*[多余]?$"
)


def _tag(word: str) -> str:
    tag = jieba_words.tag(word)
    if not tag and _TAIWAN_PRONOUNS.search(word):
        return jieba_words.tag(_TAIWAN_PRONOUNS.sub(lambda m: _MAINLAND_PRONOUNS[m.group()], word))
    return tag


# Pronouns Taiwan writes apart (妳 'you' to a woman, 牠 'it' of an animal, 祂 and 祢 of a
# god) and the mainland, and jieba's dictionary, as 你, 它 and 他: 妳们 is 你们.
_MAINLAND_PRONOUNS = {"妳": "你", "牠": "它", "祂": "他", "祢": "你"}
_TAIWAN_PRONOUNS = re.compile(f"[{''.join(_MAINLAND_PRONOUNS)}]")


# Tags of words that never start or end a term: particles, prepositions, conjunctions,
# pronouns, adverbs, modal particles, interjections, onomatopoeia, numerals, measure
# words, localisers (的, 在, 和, 我们, 就, 吗, 三, 个, 中); rr, rz and rg are kinds of pronoun
# (妳们, 这位).
_FUNCTION_TAGS = ("u", "p", "c", "r", "rr", "rz", "rg", "d", "y", "e", "o", "m", "q", "f", "x", "ug", "uj", "ul", "uz",
                  "uv", "ud")


# Particles never occur inside a term either (的, 了, 着, 地, 得).
_PARTICLE_TAGS = ("u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e")


@memo(262144)
def _is_function_word(token: str) -> bool:
    tag = _tag(token)
    return tag in _FUNCTION_TAGS or bool(_NUMERIC.match(token))


@memo(262144)
def _can_end(token: str) -> bool:
    """May a compound end (or start) with this token? Not with 的/是/在/三/个."""
    if _is_function_word(token) or not _WORDLIKE.match(token):
        return False
    if token in _MODALS:
        return False  # 人民法院应当, 人民法院应予: a subject and its modal verb
    if len(token) == 2 and token[1] in "是了着过" and _is_glue_char(token[0]):
        return False  # 便是闰土, 就是: an adverb glued to a verb of being
    if token in NOUN_SUFFIXES:
        return True  # a suffix jieba left alone ends a noun: 个人 + 信息处理 + 者 'handler of personal information'
    if len(token) == 1 and _HAN_ONLY.match(token):
        # One-character edges are glue (是, 有, 将, 被) unless content words:
        # 全(要素生产率), 硬(科技), (光刻)机, or characters too rare to be glue (昇腾).
        if token in _GLUE_VERBS:
            return False
        return _tag(token)[:1] in ("n", "a", "v", "z") or jieba_words.word_frequency(token) < _GLUE_FREQUENCY
    if _is_guess(token):
        # jieba's guesses at unknown words glue grammar on (越强, 而行, 谈些): an adverb,
        # conjunction, preposition, pronoun, particle or measure word at either end.
        # (能 'energy, ability' closes nouns, 蓄能 of 抽水蓄能, 势能, as often as it is a modal)
        return not (_is_glue_char(token[0]) or (_is_glue_char(token[-1]) and token[-1] != "能")
                    or _tag(token[-1]).startswith("q"))
    return True


_MODALS = frozenset("应当 应该 应予 应以 予以 可以 必须 不得 不予 不能 能够 需要 须要 想要 试图 应 须 得 可 愿".split())


# Function characters are among the commonest words: 的, 在, 越, 而 all far above this.
_GLUE_FREQUENCY = 1000


def _is_glue_char(char: str) -> bool:
    return char in _GLUE_VERBS or _tag(char).startswith(("d", "c", "p", "r", "u", "y"))


@memo(262144)
def _can_start(token: str) -> bool:
    """Terms do not start with a verb phrase: 利用AI, 超过GPT4, 开辟新赛道 are not terms
    (CC-CEDICT glosses verbs as "to ..."), unless jieba calls the verb a verbal noun
    (生产要素); they may end with one (出口管制, 长臂管辖).
    Nor with a place or a time word, a word of how many (部分患者 'some patients'), nor
    with a suffix jieba cut off the word before (固定 + 论 + 学说: 论学说 is no term,
    固定论学说 is)."""
    if token in _SUFFIX_CHARACTERS or token in _HOW_MANY:
        return False
    tag = _tag(token)
    # 美国制裁, 山西数据流量, 目前中国业界: a phrase, not a term (逾期 "to be overdue" is tagged t)
    if tag.startswith("ns") or (tag.startswith("t") and not _verb_like(token)):
        return False
    # A verb jieba's dictionary calls a verbal noun names the activity: 生产要素.
    return _can_end(token) and (tag == "vn" or not _verb_like(token))


# Words that say how many of a thing the sentence means (部分患者 'some patients', 所有燃煤):
# jieba tags several as nouns.
_HOW_MANY = frozenset("部分 大部分 一部分 全部 所有 许多 一些 有些 各种 多数 少数 大量 众多 诸多 若干".split())


# Characters that end words as a suffix (固定论, 可靠性, 现代化, 消费者): standing alone
# at the start of a run, they belong to the word before it.
_SUFFIX_CHARACTERS = frozenset("论性化者率式")


@memo(262144)
def _can_start_given_evidence(token: str) -> bool:
    """A verb of two characters or more may start a term the text shows to be one
    word (集中采购, 驳回起诉, 逾期利率, 维持生命治疗): _verb_led_term decides."""
    if _can_start(token):
        return True
    return len(token) >= 2 and _HAN_ONLY.match(token) is not None and _verb_like(token) and _can_end(token)


def _verb_led_term(parts: tuple[str, ...], cohesion: float, needed: float) -> bool:
    """A compound led by a verb is a term when it is one beyond doubt: its parts stick
    together well above the usual bar, and it ends in a content word of two characters
    or more (not 利用AI, 超过GPT4, 提供借款 of two common words)."""
    if _can_start(parts[0]):
        return True
    last = parts[-1]
    if last in NOUN_SUFFIXES and len(parts) == 2:
        return True  # 出借人, 消费者: a verb made a noun by its suffix (终止 + 契约 + 者 is a clause's)
    # ... a noun or a verb, or a word no dictionary lists that the text keeps writing
    # there (抽水 + 蓄能 'pumped storage', ten times in a report on energy storage)
    return (cohesion >= needed and len(last) >= 2 and _HAN_ONLY.match(last) is not None
            and (_tag(last)[:1] in ("n", "v") or _is_guess(last)))


# What the authorities a law gives powers to are called, as the subject of its clauses.
_AUTHORITIES = ("机关", "部门", "政府", "法院", "委员会")


def _clause_or_verb_phrase(parts: tuple[str, ...]) -> bool:
    """Runs the corpus repeats that are pieces of sentences, not terms:

    - a person and what they do (当事人提起, 当事人请求, 大家看到, 代理意愿人表达, 被告抗辩):
      a word for a person (ending in 人 or 者, a pronoun, 大家, a kind of person to
      CC-CEDICT) before a closing verb;
    - a negation inside, or a negated verb closing it (明显不符合常理, 利息约定不明), or
      another adverb inside before a verb (发展韧性持续显现 'resilience keeps showing');
    - a word of place or time inside (自然人之间借贷), or 时 'when' closing it (个人资料时);
    - a verb of causing closing it (使用不当造成), its effect left to the next words, or a
      verb of telling and the person told (判令被告), the order left to them;
    - an everyday verb and its object (存在民法典, 提供证据证明, 具有法律效力): a verb among
      the commonest of jieba's dictionary leading parts that do not end in a verb
      (集中采购, 维持生命治疗 end in one: activities, kept);
    - anything holding a word that points at other text (符合下列, 上述规定);
    - anything led by an adverb, negation among them (不要塑胶, 非常感谢), or a verb led by
      a word of how it is done (全面实施): what a clause says of its verb, not a name for a
      thing."""
    if any(p in POINTERS for p in parts):
        return True
    if len(parts) < 2:
        return False
    if _tag(parts[0]).startswith("d") or (parts[0] in _HOW_IT_IS_DONE and _tag(parts[-1]) == "v"):
        return True
    if parts[0].isascii() and parts[0].isdigit() and _tag(parts[1]) == "v":
        return True  # (mRNA-)1273授予紧急使用授权: a name's number and what is done to it
    if parts[0] in _LIKELY or parts[0] in _MODALS:
        return True  # 有望迎来 'is expected to usher in': what may happen, its object in the next words
    if parts[-1] == "部分" and len(parts) >= 2:
        return True  # 会籍 + 部分 'the membership part': a judgment's or report's part of a thing
    if parts[0] in _THE_DISPUTED:
        return True  # 系争 + 会籍契约 'the membership contract in dispute': a judgment's name for one thing
    if parts[0] in _CALLS:
        return True  # 合称 + 系争 'hereinafter together called the disputed (contracts)': the name follows
    if parts[0] in _DRIVES:
        return True  # 带动算力中心用电 'drives the computing centres' power use'
    if parts[-1] in _WANTS_AN_OBJECT or (parts[0] in _WANTS_AN_OBJECT and _known_word("".join(parts[1:]))):
        return True  # 厨余垃圾采用 'kitchen waste adopts', 部门责令; 申请 + 行政复议 'to apply for reconsideration'
    if parts[-1] in _COMPARED and len(parts[-2]) >= 2:
        return True  # 粒径小于 'the grain size is less than' (5毫米); not 高达 'as high as', a word of its own
    if any(p in _CLAUSE_VERBS for p in parts[1:-1]) or (parts[0] in _CLAUSE_VERBS and len(parts) >= 3):
        return True  # 部门责令改正 'the department orders a correction', 会同有关机关 'jointly with …'
    if parts[0] in _DIRECTIONS and _tag(parts[1]) == "v":
        return True  # 回去上班 'go back to work'
    if parts[0] in _NO_NEED:
        return True  # 不用交个税 'need not pay income tax': a clause's negation, however jieba tags it
    if parts[0] in _ADVERBS_JIEBA_CALLS_VERBS or (_tag(parts[0]) == "ad" and _tag(parts[1]) == "v"):
        return True  # 即飞航 'then flies', 普遍参照国际电工委员会 'mostly follow the IEC'
    if parts[-1] in _CURRENCIES and (len(parts[-2]) == 1 or parts[-2] in _BOUNDS):
        # 主管机关 + 处 + 新台币: 'the authority fines NT$…', 最高 + 新台币 'up to NT$': the
        # amount in the next words
        return True
    if "本" in parts[1:-1] or (parts[0] == "本" and len(parts) > 2):
        return True  # 违反本条例 'violates these regulations': 本 points at the text itself
    if any(p[:1] == "更" and len(p) == 2 and not _known_word(p) for p in parts):
        return True  # 提出更高要求 'sets higher demands': a comparison is said of something
    last, before, subject = parts[-1], parts[-2], "".join(parts[:-1])
    if last in _WHEN:
        return True  # 蒐集个人资料时: 'when … is collected'
    if last in _CAUSES:
        return True  # 使用不当造成: 'improper use causes', its object in the next words
    if (len(parts) >= 3 and last in _CHANGES) or (last in _CHANGES_SAID and _tag(before)[:1] in ("n", "v")):
        # 行业竞争加剧 'competition in the industry intensifies', 有效期届满 'the term expires':
        # what changes, said of it
        return True
    if len(parts) == 2 and _tells_someone(before) and _names_a_kind_of_person(last):
        return True  # 判令被告 'orders the defendant' (to return the deposit): what follows is the order
    if any(p in _NEGATIONS for p in parts[1:]):
        return True  # 明显不符合常理: a clause says what is not so
    if any(_tag(p) in ("d", "vd") and _tag(q) == "v" for p, q in zip(parts[1:], parts[2:])):
        return True  # 发展韧性持续显现: how the verb is done, said in a clause
    if any(len(p) == 1 and _tag(p) == "d" for p in parts[1:]):
        return True  # 下雨天不用再白跑 'no more wasted trips on rainy days': 再, 都, 就 belong to clauses
    if last[:1] in "不没未" and _tag(last)[:1] in ("v", "a"):
        return True  # 利息约定不明: what is unclear, said of the interest
    if any(_tag(p) == "f" for p in parts[1:-1]):
        return True  # 自然人之间借贷: where, between whom, is a phrase's
    if (len(parts) == 3 and len(parts[1]) == 1 and _tag(parts[1]) == "v" and min(len(parts[0]), len(parts[2])) >= 2
            and _tag(parts[0]).startswith("n") and _tag(parts[2]).startswith("n")):
        return True  # 机器人 + 叠 + 衣服 'robots fold clothes': a subject, its verb and its object
    if _tag(last) == "v" and ((subject[-1] in "人者" and len(subject) >= 2) or _tag(before) == "r"
                              or before in _EVERYONE or _names_a_kind_of_person(subject)):
        return True
    if (_tag(last) == "v" or last in _CLAUSE_VERBS) and subject.endswith(_AUTHORITIES) and subject not in _AUTHORITIES:
        # 主管机关掌理 'the competent authority administers', 主管机关会同 'jointly with'; a
        # kind of body alone makes terms of what it does: 政府采购 'government procurement'
        return True

    first = parts[0]
    return (_tag(first) == "v" and jieba_words.word_frequency(first) >= _EVERYDAY_VERB
            and not _tag(last).startswith("v"))


# Verbs that tell someone to do something (判令 '(of a court) to order', 责令, 通知, 要求):
# with a person after them, the rest of the sentence says what.
_TELLING = re.compile(
    r"^(?:\([^()]*\)\s*)?to (?:order|enjoin|instruct|notify|inform|request|require|urge|tell|ask|command|demand"
    r"|summon)\b"
)


def _tells_someone(word: str) -> bool:
    return any(_TELLING.match(s) for e in dictionary.lookup(word) for s in e.senses[:3])


# Verbs of direction: they lead the verb of what is done there (回去上班 'go back to work'),
# and close a verb as its complement (撑下去, 记录下来).
_DIRECTIONS = frozenset("下去 下来 起来 出来 出去 上来 上去 过来 过去 回来 回去 进来 进去 开来".split())

# What says there is no need to do something, which jieba tags as a verb.
_NO_NEED = frozenset("不用 不必 无需 无须 不需 不需要 用不着".split())

# Adverbs jieba tags as verbs when they stand before one: 即 'then' (未经检验合格即飞航).
_ADVERBS_JIEBA_CALLS_VERBS = frozenset("即 便".split())

# What may happen, said before it: 有望迎来, 即将到来.
_LIKELY = frozenset("有望 有待 即将 将要 可望 势必 或将 预计".split())

# Verbs of driving something on: with their object they say what a thing does (带动算力中心用电,
# 推动产业升级), and name nothing.
_DRIVES = frozenset("带动 推动 促进 拉动 助力 促使 加快 加速 推进 助推".split())

# Verbs that want an object after them, and so end no term; before a word of the
# dictionary, they say what is done with it (申请 + 行政复议, 采取 + 措施).
_WANTS_AN_OBJECT = frozenset(
    "采用 采取 责令 进行 开展 给予 予以 实行 作出 做出 申请 违反 遵守 依照 按照 根据 分为".split())

# Verbs that make a clause of whatever holds them between other words: they want an object
# and a subject (生产者履行生产者责任延伸, 部分企业宣布规划吉瓦), or open a clause that goes on
# (会同有关机关 'jointly with the bodies concerned'). Unlike 申请, 采用, 实行 or 分为, none names
# a thing inside a term (专利申请量 is one).
_CLAUSE_VERBS = (_WANTS_AN_OBJECT - frozenset("采用 申请 实行 分为".split())) | frozenset(
    "参照 履行 宣布 会同 购买 落实".split())

# What a size or an amount is compared with, said after it: 最大起飞重量 + 达, 粒径 + 小于, 财损 + 逾.
_COMPARED = frozenset("达 逾 小于 大于 高于 低于".split())

# Currencies, which an amount follows: 处 + 新台币 + 三千元以上…
_CURRENCIES = frozenset("新台币 人民币 美元 港币 港元 日元 欧元 元".split())
_BOUNDS = frozenset("最高 最低 最多 至少 超过 不超过 不低于 高达 约合".split())

# What a judgment says of the things the case is about, before their names.
_THE_DISPUTED = frozenset("系争 上开 前开 前揭 前述".split())

# Verbs that give a name, which follows them: 下称, 合称 'hereinafter (together) called'
_CALLS = frozenset("下称 合称 简称 并称 统称 通称 又称 俗称 称为 称作 叫作 叫做".split())

# Changes of a quantity or a state, which close a clause about what changes (行业竞争加剧,
# 峰谷价差进一步拉大); a term of two words may end in one (经济增长).
_CHANGES = frozenset(
    "加剧 加快 加速 提升 提高 下降 下滑 下跌 上涨 上升 增长 增加 减少 扩大 缩小 放缓 回升 回落 攀升 走高 走低 "
    "改善 恶化 减弱 增强 拉大 收窄 企稳 见底 触底 承压 放量 提速 降低 好转 届满 生效 失效 到期".split())
# ... those of them no noun names the change by (经济增长 'economic growth' does, 竞争加剧
# 'competition intensifies' is said of it), and a term's running out or taking effect
_CHANGES_SAID = frozenset(
    "加剧 扩大 缩小 收窄 放缓 企稳 见底 触底 承压 好转 拉大 回落 走高 走低 届满 生效 失效 到期".split())

# Verbs of causing, which want the effect after them: no term ends in one.
_CAUSES = frozenset("造成 导致 引起 引发 致使 使得 促使 带来".split())


# Words that say how something is done, before its verb (全面实施 'implement in full',
# 大力发展, 积极推进), which jieba tags as nouns or adjectives as often as adverbs.
_HOW_IT_IS_DONE = frozenset(
    "全面 大力 积极 充分 切实 深入 扎实 稳步 坚决 认真 努力 着力 持续 逐步 进一步 明显 显著 大幅 迅速 不断"
    " 重新 再次 再度 依法 及时 另行 自行 一律".split())  # ... and again, by law, in time: 重新申报


# Senses of words for kinds of people: who are called by them (“母亲，…”, 叫老爷) are no
# names, and what they do is no term (被告抗辩).
_KIND_OF_PERSON = re.compile(
    r"\b(mother|father|mom|dad|mum|brother|sister|son|daughter|child|children|kid|boy|girl|uncle|aunt|"
    r"grand\w+|nephew|niece|cousin|wife|husband|friend|teacher|master|lord|sir|madam|mister|Mr|Mrs|Miss|"
    r"lady|gentleman|man|woman|person|people|servant|elder|brother-in-law|sister-in-law|doctor|boss|"
    r"expert|specialist|scholar|official|researcher|reporter|journalist|spokesperson|analyst|professor|"
    r"defendant|plaintiff|lender|borrower|creditor|debtor|guarantor|patient|applicant|"
    r"commissar|minister|secretary|chairman|president|premier|mayor|governor|judge|lawyer|student|soldier)\b",
    re.IGNORECASE,
)


@memo(65536)
def _names_a_kind_of_person(word: str) -> bool:
    # not a figure of speech: 材料 '(fig.) person who has the potential to do the job'
    return any(_KIND_OF_PERSON.search(s) for e in dictionary.lookup(word) for s in e.senses[:3]
               if not s.startswith("(fig.)"))


# Words that point at other text (下列情形, 上述规定, 其所, a law's 本法规定 and 前款所称):
# grammar of a document, no terms.
POINTERS = frozenset("下列 上述 前述 如下 以下 以上 其所 所述 应以 本法 本条 本款 前款 前条 本规定 本办法".split())


_NEGATIONS = frozenset("不 没 没有 未 别".split())
_WHEN = frozenset("时 时候 之时".split())


# Words for people in general that jieba tags as nouns, not pronouns.
_EVERYONE = frozenset("大家 人们 众人 人人".split())


# jieba's count of the everyday verbs (存在, 提供, 具有, 看到; 控制, 采用): about one in
# 6,000 words of general Chinese or more.
_EVERYDAY_VERB = 10_000


# Characters that make nouns of the word before them (出借人, 消费者, 一致性, 利率).
NOUN_SUFFIXES = frozenset("人者性率费权")


@memo(65536)
def _verb_like(token: str) -> bool:
    entries = [e for e in dictionary.lookup(token) if not e.proper]
    return bool(entries) and entries[0].senses[0].startswith("to ")


@memo(65536)
def _is_guess(token: str) -> bool:
    """A Han token neither jieba's dictionary nor CC-CEDICT knows, in its own or its
    mainland form (辉达 is known as 英伟达): one of jieba's HMM guesses."""
    if len(token) < 2 or not _HAN_ONLY.match(token) or _known_word(token):
        return False
    return not _known_word(_mainland(token))


# Mainland forms (_merge_keys) of the strings of a text, which _is_guess and _frequency
# look up: every batch _merge_keys converts is kept, as a conversion per string costs
# many times its share of a batch.
_MAINLAND: BoundedDict[str, str] = BoundedDict(500_000)


def _learn_mainland_forms(strings: Iterable[str]) -> None:
    frequency = jieba_words.word_frequencies().get
    _merge_keys({s for s in strings if s not in _MAINLAND and frequency(s, 0) < COMMON_ANYWAY and _HAS_HAN.search(s)})


# jieba's count above which a word is common in any form: its mainland form need not be looked up.
COMMON_ANYWAY = 3000


def _mainland(string: str) -> str:
    key = _MAINLAND.get(string)
    return key if key is not None else _merge_keys([string]).get(string, string)


@memo(262144)
def _can_inside(token: str) -> bool:
    """Particles never occur inside a term, and a name with a title is no term (总理李强)."""
    tag = _tag(token)
    if tag.startswith("nr") and not _is_organisation(token):
        return False
    if tag in ("c", "p") and token not in _FORMAL_AND:
        return False  # 母亲和宏儿, 醫療機構或醫師, 办公室对集中采购: phrases, not terms
    if token in _MODALS:
        return False  # 人民法院应予支持: a clause
    return tag not in _PARTICLE_TAGS and bool(_WORDLIKE.match(token))


# "And" of formal names, inside terms of law and science: 人工營養及流體餵養.
_FORMAL_AND = frozenset("及与與")


# jieba's count of a character as a word below which it seldom stands alone: 樺 424,
# 冥 452, 稽 334 (樹 2,290, 銀 5,956, 件 6,482 stand alone: 銀 + 項圈, 一件 + 冤案), and
# below which its tag of grammar (q, m, p …) tells no use of it (锾 111 of 罚锾; 个 125,538).
_SELDOM_ALONE = 1000


# One-character verbs that attach to anything (是/有/要/会/能/让...) and so never mark
# the edge of a term.
_GLUE_VERBS = frozenset("是有要会能让使将被把给在到来去说做看对为成用向于以由与及和等经如占")


@memo(1 << 20)
def _wordlike(token: str) -> bool:
    """_WORDLIKE.match, remembered per word: a text repeats its words many times."""
    return _WORDLIKE.match(token) is not None


def _merge_latin(tokens: Sequence[str]) -> tuple[str, ...]:
    """jieba cuts 910B into 910 + B and 4IR into 4 + IR; Latin terms are one token.
    Its HMM glues a number to the word after it (五奈米, 七奈米): two tokens."""
    if not _LATIN_OR_NUMERAL.search("".join(tokens)):  # nothing to merge or cut: most sentences
        return tuple(tokens)
    out: list[str] = []
    latin = False  # is out[-1] Latin letters and digits
    match = _ASCII_ALNUM.match
    for token in tokens:
        if token.isascii() and match(token):
            if latin:
                out[-1] += token
                continue
            latin = True
        else:
            latin = False
            if len(token) >= 3 and token[0] in _NUMERALS:
                number, word = _numeral_prefix(token)
                if number:
                    out.append(number)
                    token = word
        out.append(token)
    return tuple(out)


def _join_prefix_lei(tokens: Sequence[str]) -> tuple[str, ...]:
    """jieba leaves 类 alone, a classifier; before a noun, after no word that counts kinds
    nor a noun it would class, it is a prefix '-like, -oid' of a word no dictionary lists:
    类 + 淀粉 + 蛋白 is 类淀粉 'amyloid' + 蛋白 (这类 + 药物 and 药物 + 类 are kinds)."""
    if not any(token[-1:] == "类" for token in tokens):
        return tuple(tokens)
    out: list[str] = []
    for token in tokens:
        if out and len(token) >= 2 and _HAN_ONLY.match(token) and _tag(token).startswith("n"):
            if (len(out[-1]) == 2 and out[-1][1] == "类" and out[-1][0] not in _COUNTS_KINDS
                    and not dictionary.knows(out[-1])):
                out[-1:] = [out[-1][0], "类"]  # jieba's 以类 + 淀粉, 经类 + 淀粉 is 以 + 类淀粉 (not 人类, 种类)
            if out[-1] == "类" and (len(out) < 2 or (out[-2][-1:] not in _COUNTS_KINDS
                                                     and not _tag(out[-2]).startswith("n"))):
                out[-1] += token
                continue
        out.append(token)
    return tuple(out)


# What counts kinds with 类 as a classifier: 这类, 各类, 两类, 第一类, and a class's letter
# or Roman numeral (A类, I类分子 'class I molecule', Ⅱ类).
_COUNTS_KINDS = frozenset("这那此该各每哪某几多同一二两三四五六七八九十0123456789"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")


_NUMERALS = frozenset("零〇一二三四五六七八九十两百千万亿几")
_LATIN_OR_NUMERAL = re.compile(f"[0-9A-Za-z{''.join(sorted(_NUMERALS))}]")


@memo(65536)
def _numeral_prefix(token: str) -> tuple[str, str]:
    """("五", "奈米") for jieba's guess 五奈米; ("", token) for words (三角形, 一体化)."""
    if jieba_words.word_frequency(token) or dictionary.knows(token) or not _HAN_ONLY.match(token):
        return "", token
    cut = 1
    while cut < len(token) - 2 and token[cut] in _NUMERALS:
        cut += 1
    word = token[cut:]
    if len(word) >= 2 and (jieba_words.word_frequency(word) or dictionary.knows(word)):
        return token[:cut], word
    return "", token


def _merge_keys(strings: Iterable[str]) -> dict[str, str]:
    """Simplified form -> variant-merging key, converted in one batch.

    OpenCC's Taiwan phrase table is keyed by traditional text: 辉达 only becomes 英伟达
    by way of 輝達, so the key is mainland_form(to_traditional(simplified)).
    """
    strings = [s for s in dict.fromkeys(strings) if "\n" not in s]
    # Strings converted before keep their keys (_learn_mainland_forms has converted the
    # words of the text): a string's key does not depend on the batch it was converted in.
    merged = _MAINLAND.known(strings)
    new = [s for s in strings if s not in merged]
    if not new:
        return merged
    keys = script.mainland_form(script.to_traditional("\n".join(new))).split("\n")
    if len(keys) != len(new):
        keys = [script.mainland_form(script.to_traditional(s)) for s in new]
    fresh = dict(zip(new, keys))
    _MAINLAND.update(fresh.items())
    merged.update(fresh)
    return merged


@memo(65536)
def _parts(text: str, segmenter: Segmenter) -> tuple[str, ...]:
    """The words of `text` cut alone: 内卷 as 内 + 卷."""
    if _is_latin_alnum(text):
        return (text,)  # what _merge_latin makes of jieba's pieces, without cutting
    return _merge_latin(segmenter.words_of(text))


def _is_latin_alnum(text: str) -> bool:
    """Latin letters and digits only (GPU, 910B, 2024): one part however jieba cuts it."""
    return text.isascii() and text.isalnum()


_ORGANISATION_SENSE = re.compile(
    r"\b(brand|company|corporation|Co\.|Inc\b|Ltd|(?<!ethnic )group|bank|manufacturer|maker|firm|airline|"
    r"network|platform|search engine|portal|agency|organization|organisation)\b",
    re.IGNORECASE,
)


# First words of CC-CEDICT glosses of grammar: 从而 "thus", 由于 "due to", 在我看来 "in my opinion".
_GRAMMAR_GLOSS = frozenset(
    "in on at to of for by as so thus then if although though but and or because due with without from since "
    "according regarding about concerning otherwise therefore hence however moreover besides even only all every "
    "each this that these those what which who whom how why where when whether not no used particle also still "
    "yet just very rather whereas unless until while lest once like unlike than instead after before almost "
    "again already always never ever quite too suddenly along toward towards via through throughout across against "
    "among amongst between beyond within upon despite except amid".split()
)


@memo(65536)
def _glossed_as_thing(word: str) -> bool:
    """Does CC-CEDICT gloss the word first as a thing ("hypothesis", "natural person
    (law)"), not as grammar ("thus", "in other words") nor as an adverb ("precisely")?"""
    everything = dictionary.lookup(word)
    # a name only is a thing too: 丝绸之路 'the Silk Road', though jieba's 丝 is a measure word
    entries = [e for e in everything if not e.proper] or list(everything)
    if not entries or not entries[0].senses:
        return False
    first = entries[0].senses[0].split(maxsplit=1)[0].lower() if entries[0].senses[0].strip() else ""
    # "badger-like wild animal" is a thing too
    return first.replace("-", "").isalpha() and first not in _GRAMMAR_GLOSS and not first.endswith("ly")


# Tags jieba's dictionary gives some rare nouns by mistake: 借据 "receipt for a loan"
# and 凭据 "evidence" are tagged p, 假说 "hypothesis" c, 预后 "prognosis" d.
_MISTAGGED = ("p", "c", "u", "d")


# Adverbs are common words: one jieba counts less often than this (about 5 in a million
# words) and CC-CEDICT glosses as a thing is a mistagged noun (预后), not an adverb
# glossed by its nearest noun (本来 "original", 一直 "straight").
_RARE_ADVERB = 300


@memo(262144)
def _function_tagged(word: str) -> bool:
    """Tagged as a function word by jieba, unless it is a word of two characters or more
    that jieba mistags and CC-CEDICT glosses as a thing (借据, 假说, 预后)."""
    tag = _tag(word)
    if tag not in _FUNCTION_TAGS:
        return False
    if tag == "d" and len(word) >= 3 and word.endswith("性"):
        return False  # 性 makes nouns and adjectives (一次性 'disposable', 原则性), never adverbs
    if tag == "d" and jieba_words.word_frequency(word) >= _RARE_ADVERB:
        return True
    return not (len(word) >= 2 and tag in _MISTAGGED and _glossed_as_thing(word))


def _known_word(word: str) -> bool:
    return jieba_words.word_frequencies().get(word, 0) > 0 or dictionary.knows(word)


def _is_latin_term(text: str) -> bool:
    """CANN, GPU, 5G, 910B, A100, ChatGPT, SpaceX: Latin terms. Not 'to' nor numbers."""
    return bool(_HAS_LETTER.search(text)) and any(c.isupper() for c in text) and len(text) >= 2


def _is_plain_english(text: str) -> bool:
    """Semi, Open, Nvidia, Colossus: one capital, no digits: an English word or name
    (names of products with a digit or an inner capital are terms: A100, TikTok)."""
    return text.isascii() and text.isalpha() and sum(c.isupper() for c in text) == 1 and text[0].isupper()


@memo(65536)
def _is_organisation(word: str) -> bool:
    return any(e.proper and _ORGANISATION_SENSE.search(s) for e in dictionary.lookup(word) for s in e.senses)


_TERM_IN_QUOTES = re.compile(rf"^[{_HAN}0-9A-Za-z+\-·]+$")


@memo(65536)
def _only_a_verb(word: str) -> bool:
    """Tagged a verb by jieba and glossed only as one by CC-CEDICT: 偿还 'to repay', not
    通用 '… interchangeable' nor 支持 '… support', which also stand before nouns as
    modifiers (通用大模型, 支持向量机)."""
    if _tag(word) != "v":
        return False
    senses = [s for e in dictionary.lookup(word) if not e.proper for s in e.senses if not s.startswith("CL:")]
    return bool(senses) and all(s.startswith("to ") for s in senses)


# The commonest Chinese surnames (simplified) that are seldom anything else (not 高,
# 金, 石, 方): an unknown word of two or three characters led by one of them is far
# more often a person (张宪, 王彦, 杜充, 颜孝恭) than a term.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫雷侯黎贺顾毛郝龚邵钱覃戴莫孔汤岳戚詹"
    "颜庞樊殷翟倪聂柴鲍祝耿裴邢付傅阮方石江白萧"
)

# Titles that follow a surname and a given name (张启明教授, 李华老师, 王明先生), and those
# Taiwan's legislature puts between them (王委员建国, 郭部长振宇)
TITLES_AFTER_A_NAME = frozenset(
    "教授 老师 先生 女士 小姐 博士 院士 医生 大夫 律师 主任 同学 师傅 书记 部长 局长 市长 县长 校长 院长 所长 经理 总裁"
    " 董事长".split())
TITLES_BEFORE_A_GIVEN_NAME = frozenset("委员 部长 院长 署长 局长 主委 次长 议员 市长 县长 处长 司长 召委 立委".split())
