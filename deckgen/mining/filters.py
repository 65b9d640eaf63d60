"""What never becomes a term: numbers, labels, function words, words the reader knows
the level of, grammar entries, and names of people and places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import hsk as hsk_words
from deckgen.lexicon import jieba_words
from deckgen.memo import memo
from deckgen.mining.analysis import _SPEECH, _TITLES
from deckgen.mining.candidates import _COUNTRIES, _Candidate
from deckgen.mining.options import MiningOptions
from deckgen.mining.words import (
    _DIRECTIONS,
    _FORMAL_AND,
    _GLUE_VERBS,
    _HAN_ONLY,
    _HAS_HAN,
    _HOW_IT_IS_DONE,
    _MODALS,
    _NUMERALS,
    _NUMERIC,
    _ORGANISATION_SENSE,
    _SELDOM_ALONE,
    COMMON_SURNAMES,
    POINTERS,
    TITLES_AFTER_A_NAME,
    TITLES_BEFORE_A_GIVEN_NAME,
    _function_tagged,
    _glossed_as_thing,
    _is_function_word,
    _is_glue_char,
    _is_latin_term,
    _is_plain_english,
    _known_word,
    _names_a_kind_of_person,
    _only_a_verb,
    _tag,
    _verb_like,
)


def _stands_alone(candidate: _Candidate) -> bool:
    if candidate.gloss or not candidate.inside_longer:
        return True
    return candidate.count - candidate.inside_longer > candidate.quoted


def _only_inside_longer(strings: Iterable[str], longer: Iterable[str], text: str) -> bool:
    """Every use of the strings in `text` is inside one of the `longer` strings (the
    spellings of one longer term): 部落 'tribe' in a text that only writes 部落客
    'blogger', though jieba cut 部落 + 客推 once and so counted one use of 部落 alone."""
    longer = tuple(longer)
    for string in strings:
        at = text.find(string)
        while at >= 0:
            if not any(text.startswith(whole, at - offset)
                       for whole in longer for offset in _offsets(string, whole) if at >= offset):
                return False
            at = text.find(string, at + 1)
    return True


_PARTICLES_AFTER = frozenset("的了地得着过")


def _split_by_the_word_before(strings: Iterable[str], text: str) -> tuple[int, int]:
    """(uses split, uses) of the strings in `text`, each a word no dictionary lists: split
    where the character before it and its first make a dictionary word and the rest is
    one, as the segmenter cuts them. 处罚金 in 并处罚金 is 并处 + 罚金 'also sentence to a
    fine', no 处罚金."""
    split = uses = 0
    for string in strings:
        # ... or a character and a particle, whatever the dictionary says of the pair: 端的
        # 'after all' in 后端的老兵 is 后端 + 的
        particle = len(string) == 2 and string[1] in _PARTICLES_AFTER
        if not particle and (len(string) < 3 or dictionary.knows(string) or not dictionary.knows(string[1:])):
            continue
        at = text.find(string)
        while at >= 0:
            uses += 1
            # ... a character of no word of its own before it (上海 + 外高桥 is no 海外)
            split += (at >= 1 and dictionary.knows(text[at - 1:at + 1])
                      and not (at >= 2 and dictionary.knows(text[at - 2:at])))
            at = text.find(string, at + 1)
    return split, uses


def _aspect_inside_a_verb(strings: Iterable[str], text: str) -> bool:
    """A word no dictionary lists that opens with the aspect 过, 了 or 着 and is, at every
    use, the second half of a verb and its object split by it: 过账 of 算过账 (算账 'to
    reckon up'), 了澡 of 洗了澡."""
    for string in strings:
        if len(string) != 2 or string[0] not in "过了着" or dictionary.knows(string):
            return False
        at = text.find(string)
        if at < 0:
            return False
        while at >= 0:
            # (with 得 or 不 between, whether one can: 算得过账 'can square the accounts')
            verb = text[at - 2] if at >= 2 and text[at - 1] in "得不" else text[at - 1] if at else ""
            if not verb or not dictionary.knows(verb + string[1]):
                return False
            at = text.find(string, at + 1)
    return True


def _offsets(part: str, whole: str) -> list[int]:
    return [i for i in range(len(whole) - len(part) + 1) if whole.startswith(part, i)]


def _clause_around_a_term(candidate: _Candidate, grams: Mapping[str, int], term_count: Callable[[str], int]) -> bool:
    """A verb and its object (偿还 + 借款, 提起 + 民间借贷诉讼) where the object is a term the
    text also uses without that verb: the term is what the text names, the verb what it
    says of it. A verb the object only comes with (维持 + 生命治疗) belongs to the term.
    So is a term and a verb of saying after it (傑昇通信 + 表示 'the retailer says')."""
    compound = candidate.compound
    if compound is None or len(compound.parts) < 2:
        return False
    together = max(grams.get(s, 0) for s in candidate.strings)
    subject, last = "".join(compound.parts[:-1]), compound.parts[-1]
    if last in _REACHING_VERBS and not _only_a_verb(subject):
        return True  # 覆盖率达到 'coverage reaches': a figure and what it reaches, however seldom named alone
    if ((last in _SAYING_VERBS or (last in _WHAT_BODIES_DO and subject[-1] in _BODIES))
            and term_count(subject) > 0):
        return True  # 傑昇通信表示: a company the text names, and what it says; 信息发布 'release of information' stays
    if (_is_latin_term(subject) and len(last) >= 2 and _only_a_verb(last)
            and grams.get(subject, 0) > together and term_count(subject) > 0):
        return True  # GDP超过 'GDP exceeds': an acronym the text names, and what it does
    verb, rest = compound.parts[0], "".join(compound.parts[1:])
    if (verb in _SCOPES or _tag(verb) == "s") and grams.get(rest, 0) > together and term_count(rest) > 0:
        return True  # 全球 + 新型储能, 国内 + 大储: where, said of a term the text names alone
    if last in _MEASURES and grams.get(subject, 0) > together and term_count(subject) > 0:
        return True  # 储能电芯 + 价格: how much of a term the text names alone
    if len(verb) < 2 or not _only_a_verb(verb) or _tag(rest) == "v":
        return False
    return grams.get(rest, 0) > together and term_count(rest) > 0


# Words of where that say which part of a thing is meant, not what it is.
_SCOPES = frozenset("全球 全国 我国 海外 境内 境外 国内 各地 全省 全市 本地 当地 全行业".split())

# What is measured of a thing: its price, size, share (储能电芯价格, 新型储能装机).
_MEASURES = frozenset(
    "价格 规模 数量 占比 增速 水平 需求 比例 增量 份额 产量 销量 装机 装机量 出货量 成本 利润 收入".split())


def _cut_across_a_term(candidate: _Candidate, text: str, term_count: Callable[[str], int]) -> bool:
    """A word jieba cut across the edge of a term the text uses more, at every use: 型砂
    'molding sand' of 孤立型砂体 (型 + 砂体), 做大 of 做大模型, 上台 of 追上台积电. Only for
    words used at most _MISCUT_MAX_COUNT times: a word used often is the text's own."""
    word = candidate.key
    if candidate.count > _MISCUT_MAX_COUNT or not 2 <= len(word) <= 3 or not _HAN_ONLY.match(word):
        return False
    insides, outsides = range(1, len(word)), (1, 2, 3)
    start = text.find(word)
    if start < 0:
        return False
    while start >= 0:
        end = start + len(word)
        crossing = [text[start + inside:end + outside] for inside in insides for outside in outsides]
        crossing += [text[start - outside:end - inside] for inside in insides for outside in outsides
                     if start - outside >= 0]
        if not any(term_count(t) > candidate.count for t in crossing if len(t) >= 2):
            return False
        start = text.find(word, start + 1)
    return True


_MISCUT_MAX_COUNT = 5


def _piece_of_a_title(candidate: _Candidate, text: str) -> bool:
    """A word no dictionary lists used only inside the title of a work: 月亮代表 of
    《月亮代表我的心》, a song; 保护法 of 《中华人民共和国个人信息保护法》. The whole title
    (《甜蜜蜜》) and a law's name after its country's (国家通用语言文字法 of
    《中华人民共和国国家通用语言文字法》) stay."""
    word = candidate.key
    if "《" not in text or dictionary.knows(word):
        return False
    start = text.find(word)
    if start < 0:
        return False
    while start >= 0:
        opening, closing = text.rfind("《", 0, start), text.find("》", start)
        inside = opening >= 0 and closing >= 0 and text.rfind("》", opening, start) < 0
        if not inside or text.find("\n", opening, closing) >= 0:
            return False  # outside any title
        if start + len(word) == closing and text[opening + 1:start] in _TITLE_OPENINGS:
            return False  # the whole title, or a law's name after its country's
        start = text.find(word, start + 1)
    return True


# What may stand before a work's own name inside its title: nothing, or the country of a law.
_TITLE_OPENINGS = frozenset(("", *_COUNTRIES))


def _uses(word: str, text: str) -> list[int]:
    """Where the text writes the word: the offsets of its every use."""
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _unlisted_uses(word: str, text: str) -> list[int]:
    """Where the text uses a word of characters only that CC-CEDICT does not list; none
    for any other word."""
    return [] if not _HAN_ONLY.match(word) or dictionary.knows(word) else _uses(word, text)


def _piece_after_a_lone_character(candidate: _Candidate, text: str) -> bool:
    """A name or an unknown word after the same character at every use, a character
    jieba seldom takes for a word of its own: the rest of a longer word no dictionary
    knows, cut apart (加沙 'Gaza' of the typhoon 樺加沙, 古宙 of 冥古宙, 古录 of 稽古录).
    Not a common word: jieba leaves a rare character alone before it too (氣象署 + 預報)."""
    word = candidate.key
    if not _HAN_ONLY.match(word) or any(not e.proper for e in dictionary.lookup(word)):
        return False
    starts = _uses(word, text)
    if not starts or not starts[0] or len({text[i - 1] for i in starts}) != 1:
        return False
    char = text[starts[0] - 1]
    if not _HAN_ONLY.match(char) or jieba_words.word_frequency(char) >= _SELDOM_ALONE:
        return False
    # ... standing alone: not the end of the word before it (煤炭 + 保供, 三叠纪 + 灭绝事件)
    return not any(_known_word(text[i - 1 - k:i]) for i in starts for k in (1, 2, 3) if i - 1 - k >= 0)


def _piece_of_a_listed_name(candidate: _Candidate, text: str) -> bool:
    """A word that, at every use, begins a name CC-CEDICT lists, jieba having cut the rest
    off: 飞马 'at the gallop' of 飞马座 'Pegasus' + 51."""
    word = candidate.key
    if not _HAN_ONLY.match(word):
        return False
    starts = _uses(word, text)
    return bool(starts) and all(
        any(e.proper and e.simplified == text[i:i + len(word) + k]
            for k in (1, 2) for e in dictionary.lookup(text[i:i + len(word) + k]))
        for i in starts)


def _piece_of_a_name(candidate: _Candidate, text: str) -> bool:
    """A word that is, at every use, part of a name: the rest of a name of address the
    text also uses alone (陈说 'to state' of 老陈 + 说 'Old Chen says', 顺道 'on the way' of
    小顺 + 道 'said'), or a given name between a surname and a title before it or a verb of
    saying after it (卓然 'outstanding' of 总经理王卓然说)."""
    word = candidate.key
    if not _HAN_ONLY.match(word):
        return False
    starts = _uses(word, text)
    if not starts or starts[0] == 0:
        return False
    if all(text[i - 1] in _FAMILIAR for i in starts):
        names = {text[i - 1] + word[0] for i in starts}
        # 老 + a surname, or a pet name no dictionary lists (小顺; not 老实 of 说老实话)
        if ((dictionary.is_surname(word[0]) or not any(map(dictionary.knows, names)))
                and sum(text.count(name) for name in names) > len(starts)):
            return True
    return len(word) == 2 and all(
        text[i - 1] in COMMON_SURNAMES and (text.endswith(_TITLES, 0, i - 1) or text.startswith(_SAYS, i + 2))
        for i in starts)


def _piece_of_an_organisation(candidate: _Candidate, text: str) -> bool:
    """A word that, at every use, is part of an organisation's name: after the same word
    that opens it (农村部 of 农业农村部), or before the rest that closes it in 部, 署, 局, 司
    (中央健康 of 中央健康保險署/局, 低空经济发展 of 低空经济发展司)."""
    word = candidate.key
    starts = _unlisted_uses(word, text)
    if not starts:
        return False
    end = len(word)
    if word[-1] in _BODIES_END and all(i >= 2 for i in starts) and len({text[i - 2:i] for i in starts}) == 1:
        opening = text[starts[0] - 2:starts[0]]
        if _HAN_ONLY.match(opening) and _known_word(opening) and not _tag(opening).startswith(("v", "p", "d")):
            return True
    # (one character closes a long name, where it makes no word with the next: 低空经济发展 + 司,
    # a department of a commission; not 交通管理 + 部门)
    closings = ([text[i + end:i + end + k] for k in (2, 3)]
                + ([text[i + end:i + end + 1]] if len(word) >= 4 and not _known_word(text[i + end:i + end + 2]) else [])
                for i in starts)  # 保險 + 署
    return word[-1] not in _BODIES_END and all(
        any(rest and rest[-1] in _BODIES_END and _HAN_ONLY.match(rest) for rest in closing)
        for closing in closings)


# What the name of a ministry, an administration or a bureau ends in.
_BODIES_END = "部署局厅廳委司"


# What makes a name of address: 老陈, 小李, 阿黄.
_FAMILIAR = "老小阿"
_SAYS = tuple(_SPEECH)


def _spoken_phrase(word: str) -> bool:
    """Phrases of talk jieba lists as words, which CC-CEDICT does not: an adverb of degree
    and what it grades (非常感谢, 很酷), or a verb and the person it is said to (欢迎您)."""
    if len(word) < 2 or not _HAN_ONLY.match(word) or dictionary.knows(word):
        return False
    if word[0] in _DEGREE and _known_word(word[1:]):
        return True
    if len(word) >= 4 and (_tag(word[:2]) == "d" or word[:2] in _TO_SOME_EXTENT) and _known_word(word[2:]):
        return True
    if any(greeting in word for greeting in _GREETINGS):
        return True  # a greeting and whom it greets: 哈囉大家好, 各位观众大家好
    return len(word) >= 3 and word[-1] in _ADDRESSEES and _known_word(word[:-1])


_DEGREE = frozenset("很太挺蛮更")
_GREETINGS = ("大家好", "你好", "您好", "你們好", "你们好")
# adverbs of degree jieba tags as other words (有所放缓 'has slowed somewhat')
_TO_SOME_EXTENT = frozenset("有所 略有 稍有".split())
_ADDRESSEES = frozenset("您你我他她")


def _reports_a_finding(word: str) -> bool:
    """What results or facts show (结果表明, 充分说明, 事实证明), or where a point lies
    (关键在于 'the key lies in'): the frame of a finding."""
    return len(word) >= 4 and word[-2:] in _REPORTING_VERBS and _known_word(word[:-2])


# Verbs that report what something shows: never the head of a term (表示 is: 意思表示,
# a declaration of intent).
_REPORTING_VERBS = frozenset("表明 显示 说明 证明 证实 指出 揭示 在于".split())


def _someone_says(word: str) -> bool:
    """A kind of person or a person's name and a verb of saying (专家建议 'experts
    suggest', 学者认为, 梁婧认为): who says what comes next, no term."""
    if len(word) < 4 or word[-2:] not in _SAYING_VERBS:
        return False
    return _names_a_kind_of_person(word[:-2]) or _looks_like_a_name(word[:-2])


_SAYING_VERBS = frozenset("建议 表示 认为 指出 强调 坦言 直言 透露 提醒 呼吁".split())
# ... and what a body the text names reports or does as the news tells it: 卫福部统计 'according
# to the ministry's figures', 国务院发布
_WHAT_BODIES_DO = frozenset("统计 通过 发布 公布 宣布 预估 估计 估算 预计 调查 证实".split())
_BODIES = frozenset("部局院会署委厅所处社司府")  # what the name of a body ends in
# ... and what a figure the text names reaches: 渗透率达到 'the penetration rate reaches'
_REACHING_VERBS = frozenset("达到 超过 突破 接近 跌破 低于 高于".split())


def _relates_a_noun(word: str) -> bool:
    """A noun and a verb that only relates it to the rest of its sentence (算法相比 'compared
    with the algorithm', 隧道具有 'the tunnel has', 结构出发 of 从结构出发), or such a verb
    and where it places the noun (位居全国前列 'ranks among the first in the country'):
    the frame of a clause reports and abstracts are full of, never a term."""
    if len(word) < 4:
        return False
    if word[:2] in _PLACING_VERBS:
        return True
    return word[-2:] in _RELATING_VERBS and _known_word(word[:-2])


_RELATING_VERBS = frozenset("相比 具有 包括 包含 用于 处于 属于 位于 得到 受到 出发 入手 展开".split())
_PLACING_VERBS = frozenset("具有 包括 包含 处于 属于 位于 位居 位列 稳居 居于".split())


def _two_terms_joined(candidate: _Candidate) -> bool:
    """Two terms joined by 及/与 (萌发及幼苗, 固化剂与土壤成分) are two terms; the text names
    the pair as one thing only by quoting or defining it (the caller's `marked`)."""
    return candidate.compound is not None and any(p in _FORMAL_AND for p in candidate.compound.parts)


_LABEL_WORDS = frozenset({"问", "答", "记者", "编者", "编辑", "作者", "主持人", "口述", "采访", "来源", "排版", "文"})


# CC-CEDICT senses of people: life dates "(1953-)", "(name)", "surname ...", roles.
_PERSON_SENSE = re.compile(
    r"\(\d{3,4} ?[-–]|\(c\. ?\d|\(died|\(born|\bname\)|\bsurname\b|\b(politician|president|emperor|writer|poet|"
    r"painter|philosopher|economist|scientist|physicist|singer|actor|actress|general|minister|premier|"
    r"chairman|businessman|founder|footballer|composer|novelist|dynasty)\b",
    re.IGNORECASE,
)


# A sense that is nothing but a name: United States, Japan, Europe (abbr. ...), People's
# Republic of China, Republic of Korea (South Korea).
_BARE_NAME = re.compile(
    r"^(?:[A-Z][a-z]+)(?: [A-Z][a-z]+|'s| of| the| and)*(?: \((?:abbr\.[^)]*|[A-Z][a-z]+(?: [A-Z][a-z]+)*)\))?$"
)


# CC-CEDICT senses of places, old names of cities among them (建康 "old name for Nanjing").
_PLACE_SENSE = re.compile(
    r"\b(province|county|city|prefecture|district|capital|town|township|river|mountain|island|state|"
    r"country|region|village|lake|sea|bay|gulf|strait|peninsula|ocean|kingdom|empire)s?\b|\b(Mt|old name for)\b",
    re.IGNORECASE,
)


# A law's references to itself and its parts (本法, 前款, 该条, 本规定): boilerplate.
_CROSS_REFERENCE = re.compile(r"^[本前该此同上下][法条款项章节编]$|^本(?:规定|办法|解释|决定|条例)$"
                              r"|^本[件案院]$")  # ... and a judgment's to its case and court: 本件, 本院


def _qualifies(candidate: _Candidate, options: MiningOptions, kinds: set[str]) -> bool:
    """Everything but CC-CEDICT's senses (_senses_allow) and names of people and places
    (_proper_kind): both need entries parsed, too slow for every candidate of a book."""
    strings = sorted(candidate.strings, key=len)
    marked = bool(kinds & {"marked", "gloss"})
    word = strings[0]
    if len(word) == 1 and not marked and not _salient_character(candidate, word, options.level):
        return False
    if _HAS_HAN.search(word) and kinds <= {"word"} and candidate.count < 2 and not _known_word(word):
        # A once-seen string neither jieba's dictionary nor CC-CEDICT knows is a guess
        # of jieba's HMM, usually a fragment (功不唐捐 -> 功 不唐 捐).
        return False
    if not all(_plausible(string, options.level) for string in strings):
        return False
    if _is_plain_english(word) and candidate.count < 3 and not marked:
        return False
    if not marked and (_spoken_phrase(word) or _reports_a_finding(word) or _relates_a_noun(word) or _someone_says(word)
                       or _two_terms_joined(candidate)):
        return False
    if _tag(word) == "l" and _is_function_word(word[0]) and not _glossed_as_thing(word) and not _set_phrase(word):
        # jieba's set expressions that are grammar: 在我看来, 两国之间 (not 自然人 "natural person").
        return False
    return True


def _set_phrase(word: str) -> bool:
    """Four characters of a set phrase led by a preposition, with no pronoun nor a word of
    place or time after it, and no two words side by side: 以旧换新 'trade in the old for
    new', 以次充好 (not 在我看来, 两国之间, 自行决定)."""
    return (len(word) == 4 and not any(c in _PRONOUN_OR_PLACE for c in word[1:]) and word[-1] not in _LOCALISERS
            and not (dictionary.knows(word[:2]) and dictionary.knows(word[2:])))  # 自行决定: two words


_PRONOUN_OR_PLACE = frozenset("我你您他她它们此这那其自之")


# A single character is a term only when the text is about it: in the title and used
# this often on its own (瘾 of a blog titled 手机瘾), a noun, and above the reader's level;
# or, titled or not, a noun the text keeps using on its own that general Chinese hardly
# uses (猹 of Lu Xun's 故乡, seven times): a word of the text's world.
_SALIENT_CHARACTER_COUNT = 3
_FREQUENT_CHARACTER_COUNT = 5
# Uses in a million words of general Chinese (jieba's counts) below which it is rare.
_RARE_CHARACTER_PER_MILLION = 2.0


def _salient_character(candidate: _Candidate, word: str, level: int) -> bool:
    if not _HAS_HAN.search(word) or not _noun_character(word) or (level > 0 and _too_easy(word, level)):
        return False
    if candidate.in_title and candidate.count >= _SALIENT_CHARACTER_COUNT:
        return True
    rare = jieba_words.word_frequency(word) * 1e6 / jieba_words.total_frequency() < _RARE_CHARACTER_PER_MILLION
    return candidate.count >= _FREQUENT_CHARACTER_COUNT and rare


def _noun_character(word: str) -> bool:
    """Tagged a noun by jieba (not a name), or unknown to jieba and glossed as a thing."""
    tag = _tag(word)
    if tag:
        return tag.startswith("n") and not tag.startswith("nr")
    return _glossed_as_thing(word) and not any(
        s.startswith("to ") for e in dictionary.lookup(word) for s in e.senses[:1])


def _senses_allow(candidate: _Candidate, kinds: set[str]) -> bool:
    """What CC-CEDICT's senses rule out: grammar entries (为例, 多大) and two
    one-character words glossed as a verb (高 + 达 'to reach up to')."""
    if any(map(_grammar_entry, candidate.strings)):
        return False
    compound = candidate.compound
    if compound is None or kinds & {"marked", "gloss"} or not all(len(p) == 1 for p in compound.parts):
        return True
    return not _verb_like(min(candidate.strings, key=len))


@memo(262144)
def _plausible(string: str, level: int) -> bool:
    """Not a number, label, function word, nor a word at or below the reader's level."""
    if _NUMERIC.match(string) or string.isdigit():
        return False
    if not _HAS_HAN.search(string) and (not _is_latin_term(string) or _LATIN_INTERJECTION.match(string)
                                        or _pinyin_for_a_character(string) or string in _CURRENCY_CODES):
        return False
    if string in _LABEL_WORDS or _function_tagged(string) or _CROSS_REFERENCE.match(string):
        return False
    if (_UNIT_OR_SHORT_NAME.match(string) or _grammar_pair(string) or _adverb_of_manner(string)
            or _particle_inside(string) or _verb_and_complement(string) or _quantity(string) or _place_phrase(string)
            or _adverb_after_a_word(string) or _a_date_inside(string) or _must_and_a_verb(string)
            or _grammar_before_a_word(string) or _doubled_character(string) or _a_little(string)
            or _joined_by_and(string) or _noun_and_how_it_is(string) or _verb_and_how_it_is_done(string)):
        return False
    if (string in POINTERS or string in _MODALS or _since_or_after(string) or _people_of_a_place(string)
            or _two_times(string) or _ORDINAL_INSIDE.search(string)):
        return False
    if len(string) >= 3 and string.endswith("们") and not dictionary.knows(string) and dictionary.knows(string[:-1]):
        return False  # 邻居们 'the neighbours': a plural, the word is 邻居
    if _inside_someone(string) or _verb_for_how_long(string):
        return False
    return not (level > 0 and _too_easy(string, level))


# An ordinal after the start: a piece of a reference to a law's parts (条 + 第1项 of 第12条第1项)
_ORDINAL_INSIDE = re.compile(r"(?<=.)第[0-9０-９一二三四五六七八九十百]")


# The letters of a price in another currency (NT$440, HK$30, US$5): no term, however often.
_CURRENCY_CODES = frozenset("NT NTD HK HKD US USD NZ NZD AUD CAD SGD".split())
# What forum posts and chat write in Latin letters for a laugh or a sigh (XD, orz, OMG)
# or for yes (OK), and XX standing for a name left out (王XX, XX证券): no terms. Not QQ,
# which is also Tencent's messenger.
_LATIN_INTERJECTION = re.compile(r"^(?:XD+|ORZ|OTZ|OTL|OK|LOL|OMG|TAT|QAQ|WTF|XX+)$", re.IGNORECASE)


def _pinyin_for_a_character(string: str) -> bool:
    """A syllable of pinyin written in place of a character, in odd capitals so that a
    filter passes it (粉sE的门, cHa入, yAn光: web fiction's 色, 插, 阳). Brands and
    products in such capitals are no syllable (iPhone, eBay, xAI)."""
    return (string.isascii() and string[0].islower() and not string.islower()
            and _SYLLABLE.match(string.lower()) is not None)


_SYLLABLE = re.compile(
    r"^(?:[jqx](?:i|ia|ian|iang|iao|ie|in|ing|iong|iu|u|ue|uan|un)"
    r"|(?:[bpmfdtnlgkhrzcsyw]|zh|ch|sh)?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu"
    r"|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|v|ve))$")


# Ma, Ga, Hz, Pa (a capital and one or two small letters) are unit symbols or short
# names (Kim, Lee), and a number with a unit a measurement (4.567Ga, 5nm, 3km, 256GB,
# 5000mAh): never terms. Acronyms are all capitals (AI, GPU, 5G), products have digits
# and capitals (A100, 910B).
_UNIT_OR_SHORT_NAME = re.compile(
    r"^(?:[0-9]+(?:\.[0-9]+)?)?[A-Z][a-z]{1,2}$|^[0-9]+(?:\.[0-9]+)?(?:[a-z]{1,3}|[KMGTP]B|mAh|[kMGT]?Wh?|Ah)$"
    r"|^(?:k|M|G|T)?Wh$|^kW$")  # power and energy: 100MW, 200MWh, 314Ah; 元/kWh


def _grammar_pair(string: str) -> bool:
    """Two characters that are each grammar (便是, 不会, 是从, 就是, 那件, 谁肯, 不戒): an adverb,
    preposition, conjunction, pronoun or a verb that attaches to anything, then one of
    those or a particle: a phrase jieba or CC-CEDICT happens to list, no term. Not
    地层 or 用户: 地 is a particle only after a word, 户 a measure word only after a number."""
    if len(string) != 2:
        return False
    first, second = string[0], string[1]
    if first in _DEMONSTRATIVES and second in _MEASURE_WORDS:
        return True  # 那件 of 那件紅色的衣服 'that (piece of) red dress'
    if second in _MODAL_CHARACTERS and _tag(first).startswith("r"):
        return True  # 谁肯 of 谁肯出十两银子 'who would pay ten taels'
    if first in "不没未" and not dictionary.knows(string) and (
            _tag(second).startswith("v") or _glossed_as_a_verb(second)):
        return True  # 不戒 of 你要是不戒了大烟 'if you do not give up opium'
    grammar = first in _GLUE_VERBS or first in _ADVERBS_TAGGED_OTHERWISE or _tag(first)[:1] in ("d", "c", "p", "r")
    if not (grammar and _is_glue_char(second) and not _tag(second).startswith("r")):
        return False
    attaching = second in _GLUE_VERBS or second in _MODAL_CHARACTERS or _tag(second).startswith(("u", "y"))
    if dictionary.knows(string) and not (first in _ADVERBS_TAGGED_OTHERWISE and attaching):
        # A word both dictionaries call a noun or an adjective is one (未遂 'attempted',
        # 总则 'general provisions', 要约 'an offer', 成因, 本能; not 总能 'can always'); a
        # verb is one unless its second character is a verb that attaches to anything, a
        # modal or a particle (便是, 不会, 成为, 跟着): 根除 'eradicate' and 去除 'remove'
        # end in 除, no preposition there.
        tag = _tag(string)
        if tag.startswith(("n", "a")) or tag == "vn":
            return False
        if tag.startswith("v") and not attaching:
            return False
    return True


_DEMONSTRATIVES = frozenset("这那哪每某")
_MODAL_CHARACTERS = frozenset("肯能会要敢想该可得")


# Adverbs jieba tags as something else: 总 'always' (a distinguishing word, as in 总书记),
# 仍 'still'. 总能看到 is 'can always see', not 总能 'total energy'.
_ADVERBS_TAGGED_OTHERWISE = frozenset("总仍")


def _adverb_of_manner(string: str) -> bool:
    """An adjective made an adverb by 地 (骄傲地, 慢慢地): grammar, not a word to learn.
    Places in 地 (殖民地, 目的地, 根据地) are nouns or verbs before it."""
    return len(string) >= 3 and string.endswith("地") and _tag(string[:-1])[:1] in ("a", "d", "z")


def _inside_someone(string: str) -> bool:
    """Someone and 心中, 手里, 眼中 (沈青崖心中 'in Shen Qingya's heart'): where something is,
    a phrase; CC-CEDICT's own (心中, 手中, 眼中) are words."""
    return (not dictionary.knows(string) and string.endswith(_INSIDE_SOMEONE)
            and len(string) > 2 + (string.endswith(("脑海中", "脑海里"))))


_INSIDE_SOMEONE = ("心中", "心里", "手中", "手里", "眼中", "眼里", "口中", "嘴里", "脑中", "脑海中", "脑海里", "怀中",
                   "怀里")


def _verb_for_how_long(string: str) -> bool:
    """A verb and 'once', 'a night', 'a glance' (借宿一晚, 看一眼, 叫一声): how long or how
    often it is done, a phrase; the verb is the word (借宿 'to lodge for the night')."""
    return (len(string) >= 4 and string[-2] == "一" and string[-1] in _SPANS_AND_TURNS
            and dictionary.knows(string[:-2]) and not dictionary.knows(string))


_SPANS_AND_TURNS = frozenset("晚天夜宿次下番回遍趟顿阵会眼声口步")


def _two_times(string: str) -> bool:
    """Two words of time (昨天晚上 'last night', 明天上午): a phrase jieba lists, CC-CEDICT does not."""
    return (len(string) == 4 and not dictionary.knows(string) and dictionary.knows(string[:2])
            and dictionary.knows(string[2:]) and _tag(string[:2]) == "t" and _tag(string[2:]) == "t")


def _since_or_after(string: str) -> bool:
    """A time and since, after or before it (今年以来 'since the start of this year',
    改革开放以后): phrases jieba lists as words, CC-CEDICT does not."""
    if string == "起至":
        return True  # 自…起至…止 'from … to …' of a judgment's interest
    return len(string) >= 4 and string[-2:] in _SINCE_OR_AFTER and not dictionary.knows(string)


_SINCE_OR_AFTER = frozenset("以来 以后 以前 之后 之前".split())


def _grammar_before_a_word(string: str) -> bool:
    """A word led by a character that belongs to the phrase around it: 每 or 各 (各部委
    'each ministry', with a measure word: 各项措施), 相 or 互 before a verb (相结合 'to combine with each other'), an
    adverb (刚出道 'had just started out', 很重要), a measure word (篇文章 of 这篇文章,
    家公司 of 一家公司) or 'the next' (下一阶段): phrases jieba lists, CC-CEDICT does not."""
    if len(string) < 3 or dictionary.knows(string):
        return False
    if string.startswith(("下一", "上一")) and dictionary.knows(string[2:]):
        return True  # 下一阶段 'the next stage'
    if string[0] in "各每" and (string[1] in _MEASURE_WORDS or string[1] == "类") and dictionary.knows(string[2:]):
        return True  # 各项措施 'each of the measures', 各类企业
    if string[0] == "被" and string[-1] not in "人者方":
        return True  # 被誉为 'is hailed as', a passive; not 被执行人 'person subject to enforcement'
    if string.startswith(_ASKING) and dictionary.knows(string[2:]):
        return True  # 哪些方面 'which aspects', 什么问题
    if string[0] in "不没未" and dictionary.knows(string[1:]) and _tag(string[1:])[:1] in ("v", "a"):
        return True  # 没把握 'not sure': a denial; 不确定性 'uncertainty' is a noun's
    if not dictionary.knows(string[1:]):
        return False
    return string[0] in _LEADING_GRAMMAR or string[0] in _MEASURE_WORDS


# Adverbs that never begin a word of their own before another word (只够 'only enough'),
# and 好 'good' (好黄酒);
# not 总 or 正 (总书记, 正能量) nor 再 (再工业化), which also make terms; a modal verb
# (需谨慎 'calls for caution'), not 应 (应收款 'receivables').
_LEADING_GRAMMAR = frozenset("各每相互刚才就都也又还很太便曾已仍皆竟亦却好需须只")
# Words that ask which or what, before what they ask of
_ASKING = ("哪些", "哪个", "哪种", "哪家", "什么", "怎样", "多少")
# Measure words that follow 这, 那 or a number before a noun; not the many that also lead
# terms (扇三角洲 'fan delta', 盒维数 'box dimension', 集体性)
_MEASURE_WORDS = frozenset("个篇位家件条张本部台只座所项名首支款辆种")


def _people_of_a_place(string: str) -> bool:
    """A place and 人 that no dictionary lists (河北人, 台南人): who comes from there, a
    phrase, no term."""
    return (len(string) >= 3 and string.endswith("人") and not dictionary.knows(string)
            and _proper_kind_of(string[:-1])[0] == "place")


def _particle_inside(string: str) -> bool:
    """The particle 的 inside a phrase jieba lists (值得一提的是 'it is worth mentioning
    that'), not in a word of it (目的, 的士): grammar, no term. At the end it makes a noun
    of what comes before (掌柜的 'the shopkeeper')."""
    if len(string) < 3 or "的" not in string[1:-1] or dictionary.knows(string):
        return False
    return any(char == "的" and not any(_common_word(string[j:k]) for j in range(i + 1)
                                      for k in range(i + 1, len(string) + 1) if 2 <= k - j < len(string))
               for i, char in enumerate(string[:-1]) if i > 0)


def _adverb_after_a_word(string: str) -> bool:
    """A word and the adverb of the clause after it (账户就 'the account then', 钱都): a
    guess of jieba's across a clause, no term; CC-CEDICT's own (成就, 也就) are words."""
    return (len(string) >= 3 and string[-1] in _CLAUSE_ADVERBS and not dictionary.knows(string)
            and _known_word(string[:-1]) and not _known_word(string[-2:]))


_CLAUSE_ADVERBS = frozenset("就才都也还又再却")


def _joined_by_and(string: str) -> bool:
    """Two words joined by 和, 与, 及 or 或 (党和政府 'the Party and the government'), a
    phrase jieba lists whole; not where the character belongs to a word (缓和医疗, 共和国,
    参与者, 普及率)."""
    if dictionary.knows(string):
        return False
    for i in range(1, len(string) - 1):
        if string[i] in "和与及或" and dictionary.knows(string[:i]) and dictionary.knows(string[i + 1:]):
            # not inside a word of its own: 平方和 'sum of squares' of 平方和优化
            if not any(_common_word(string[j:k]) for j in range(i + 1) for k in range(i + 1, len(string) + 1)
                       if 2 <= k - j < len(string)):
                return True
    return False


def _common_word(string: str) -> bool:
    """A word CC-CEDICT lists other than as a name (和政, a county, is no word of 党和政府)."""
    return any(not e.proper for e in dictionary.lookup(string))


def _a_little(string: str) -> bool:
    """A verb, 点 'a little' and what of (搁点盐 'put in a little salt', 加点糖): how talk
    asks for an amount, a phrase CC-CEDICT does not list. Not a verb and 点 alone: that
    is as often 'point' (集點 'to collect points')."""
    if len(string) != 3 or string[1] != "点" or dictionary.knows(string):
        return False
    return _glossed_as_a_verb(string[0]) and dictionary.knows(string[2])


def _doubled_character(string: str) -> bool:
    """A character said twice (翻翻 'to leaf through', 看看, 走走; 笑了笑, 想一想, 咬咬牙, 黑黑的): a
    verb done briefly or a quality stressed, grammar; CC-CEDICT's own (常常, 刚刚, 星星) are words. And 越来越 'more and
    more' before what grows (越来越重 'heavier and heavier')."""
    if string.startswith("越来越") and len(string) > 3:
        return True
    if len(string) == 3 and string[1] in "了一" and string[0] == string[2] and _HAS_HAN.match(string) is not None:
        return not dictionary.knows(string)
    if len(string) == 3 and string[0] == string[1] and _HAS_HAN.match(string) is not None:
        # 咬咬牙 'grit one's teeth a moment', 摇摇头: a verb and its object, the verb said twice;
        # 黑黑的 'quite black': a quality said twice, before 的 or 地
        return (dictionary.knows(string[1:]) or string[2] in "的地") and not dictionary.knows(string)
    return len(string) == 2 and string[0] == string[1] and _HAS_HAN.match(string) is not None \
        and not dictionary.knows(string)


def _place_phrase(string: str) -> bool:
    """A noun and where or when with respect to it (房外 'outside the room', 柜外, 缝里,
    工作日内 'within working days', 园区内): a phrase CC-CEDICT does not list; its own
    (海外, 体外, 线上, 实际上) are words."""
    if not (2 <= len(string) <= 5 and string[-1] in _LOCALISERS) or dictionary.knows(string):
        return False
    if len(string) == 2 and string[-1] in "里裡":
        return True  # 缝里 of 雲縫裡 'in the crack of the clouds': 里 after one character is 'in'
    return _tag(string[:-1]).startswith("n") and not _tag(string[:-1]).startswith(("nr", "ns"))


_LOCALISERS = frozenset("外内里上下中前后旁边")


def _must_and_a_verb(string: str) -> bool:
    """A guess of jieba's that glued 应 'shall' or 须 'must' to the verb after it: a law's
    应检具 'shall attach', no word (应急包 keeps its 应急)."""
    return (len(string) == 3 and string[0] in "应應须須" and _HAN_ONLY.match(string) is not None
            and not _known_word(string) and not _known_word(string[:2]))


def _a_date_inside(string: str) -> bool:
    """A year, month or day in figures inside: a time the text speaks of (截至2024年底 'by the
    end of 2024', 2023年起), no term."""
    return bool(_DATE_IN_FIGURES.search(string)) and len(string) > 2 and not dictionary.knows(string)


_DATE_IN_FIGURES = re.compile(r"[0-9０-９]{1,4}\s*[年月日号號](?![0-9０-９])")


def _quantity(string: str) -> bool:
    """A number and what it counts (一碟 'a saucer of', 两碗, 三季度 'the third quarter',
    前三季 'the first three quarters', 一扇门 'a door'): jieba lists a few as words,
    discovery finds others, CC-CEDICT does not;
    its own (一体, 两岸, 三角, 第三产业) are words, and so are numbered plans (十四五规划)."""
    if _NUMBERED_OR_DONE_ONCE.match(string) and not dictionary.knows(string):
        return True  # 六号楼 'Building 6', 去一趟 'go once': which one, how often
    counted = _COUNTED.match(string)
    if counted is None or dictionary.knows(string):
        return False
    what = counted.group(1)
    if dictionary.knows(what):
        return True
    # ... or 'a', a measure word and the thing (一扇门 'a door', 一封信, 一家公司); other
    # numbers make names (十二道金牌, 第四次工业革命, 二次开发)
    return string[0] == "一" and len(what) >= 2 and _measure_word(what[0]) and dictionary.knows(what[1:])


# A number and 号 before what it numbers (六号楼, 3号线 is a term only where a dictionary lists
# it), or a verb done once (去一趟, 看一下, 走一遍).
_NUMBERED_OR_DONE_ONCE = re.compile(
    r"^[0-9一二三四五六七八九十百两几]+号[\u4e00-\u9fff]$|^[\u4e00-\u9fff]一[趟下遍回番]$")


def _measure_word(char: str) -> bool:
    """A measure word of things (扇 of doors, 封 of letters); not one of turns, ranks and
    generations, which make terms after 一 (一代杂种 'first-generation hybrid', 一级方程式)."""
    return char in _MEASURE_WORDS or (_tag(char) == "q" and char not in _RANKS_AND_TURNS)


_RANKS_AND_TURNS = frozenset("代次级期届号批轮等档类")


# a number of one or two numerals, perhaps after 前/后/第/近/头 ('the first … ', 'the …th')
_COUNTED = re.compile(f"^[前后第近头]?[{''.join(sorted(_NUMERALS))}]{{1,2}}(.+)$")


def _verb_and_complement(string: str) -> bool:
    """A verb and the complement saying where it gets or goes (追溯到, 转变成, 放在, 舀出,
    迈入, 追上, 撑下去, 记录下来, 漫过), whether it can (瞒不过, 扛不住, 站不稳) or its aspect (贴着):
    grammar jieba lists as a word and CC-CEDICT does not; the verb is the word to learn.
    CC-CEDICT's own (达到, 受到, 变成, 提出, 受不了, 随着) are words."""
    if len(string) < 2 or dictionary.knows(string):
        return False
    if len(string) in (3, 4) and string[1] in "不得" and _verb_character(string[0]):
        # 站不稳 'cannot stand steady', 吃得饱, 排得上队 'can get a place in the queue': whether
        # the verb can reach its result
        return True
    if string[-1] not in _COMPLEMENTS:
        return False
    if len(string) >= 3 and string[-2:] in _DIRECTIONS:
        return True  # 撑下去, and a thing and where it goes (海参下去 'in goes the sea cucumber')
    verb = string[:-2] if len(string) >= 3 and string[-2] in "不得" else string[:-1]
    if string[-1] in "了着过" and len(verb) == 1 and _tag(verb).startswith("v"):
        return True  # an aspect after a verb jieba tags so, whatever CC-CEDICT lists first: 亏了 'lost'
    return _glossed_as_a_verb(verb) or (len(verb) == 1 and _verb_character(verb))


def _verb_character(char: str) -> bool:
    """A character CC-CEDICT glosses as a verb among its first senses, after others too:
    漫 'free; unrestrained; to inundate' of 漫过堤防, 排 'a row; a line; to set in order'."""
    return any(s.startswith("to ") for e in dictionary.lookup(char) for s in e.senses[:4])


def _noun_and_how_it_is(string: str) -> bool:
    """A noun and how it feels or fares (肚子饿 'the belly is hungry', 心情好, 头疼): a
    clause jieba lists as a word and CC-CEDICT does not. Not a measure (气温低, 海拔高
    are a field's terms) nor a colour (苏丹红 'Sudan red' is a dye)."""
    if len(string) < 3 or string[-1] not in _FEELS_OR_FARES or dictionary.knows(string):
        return False
    noun = string[:-1]
    return _tag(noun).startswith("n") and dictionary.knows(noun)


_FEELS_OR_FARES = frozenset("饿渴累困疼痛痒酸冷烦闷慌忙好坏糟棒")


def _verb_and_how_it_is_done(string: str) -> bool:
    """A verb led by a word of how it is done (全面实施 'implement in full', 大力发展): a
    phrase jieba lists as a word and CC-CEDICT does not."""
    if dictionary.knows(string):
        return False
    return any(string.startswith(how) and _glossed_as_a_verb(string[len(how):]) for how in _HOW_IT_IS_DONE)


def _glossed_as_a_verb(word: str) -> bool:
    """CC-CEDICT gives the word a verb's gloss ('to …') first or second."""
    return any(s.startswith("to ") for e in dictionary.lookup(word) for s in e.senses[:2])


_COMPLEMENTS = frozenset("到在给成出去住起走进回开入上下来掉完得过了着动")


def _grammar_entry(string: str) -> bool:
    """CC-CEDICT entries that are grammar, not words: pieces of a construction
    (为例: 'used in the construction 以...为例') and question phrases (多大: 'how big?')."""
    senses = [s for e in dictionary.lookup(string) if not e.proper for s in e.senses]
    return bool(senses) and (senses[0].endswith("?") or all(s.startswith("used in ") for s in senses))


def _too_easy(simplified: str, level: int) -> bool:
    """A word at or below the reader's HSK level, a basic verb negated (不想), or a phrase
    of three characters that CC-CEDICT does not list, made of two basic words (坐火车,
    黑眼睛, 卖东西): the reader knows both, and the phrase means what they say. Four characters of two words are
    often a term of a field (意思表示 'declaration of intent')."""
    hsk = hsk_words.hsk_level(simplified)
    if hsk is not None:
        return hsk <= level
    basic = min(level, _BASIC_LEVEL)
    if _WEEKDAY.match(simplified):
        return True  # 周五, 星期一: the days of the week, as basic as the numbers they are named by
    if len(simplified) == 2 and simplified[0] in "不没" and _known_at(simplified[1], basic) and (
            _tag(simplified[1]).startswith(("v", "f"))):
        # 不想 'not want to', 不送 'not see off', 存不下 'cannot save': a basic verb or direction
        # negated, whatever sense CC-CEDICT lists for the pair (不想 'unexpectedly', 不送 "don't
        # bother to see me out", 不下 'not less than')
        return True
    if len(simplified) == 4 and _known_at(simplified[:2], basic) and _known_at(simplified[2:], basic):
        # 非常 + 感谢: CC-CEDICT lists the phrase, 'extremely grateful' (jieba calls it an
        # idiom); CC-CEDICT's idioms and figures of speech stay
        return dictionary.knows(simplified) and not any(
            "idiom" in s or "fig." in s for e in dictionary.lookup(simplified) for s in e.senses)
    return len(simplified) == 3 and not dictionary.knows(simplified) and any(
        _known_at(simplified[:k], basic) and _known_at(simplified[k:], basic) for k in range(1, len(simplified)))


_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)[一二三四五六日天]$")


# The words of a phrase that says what they say: the first two HSK levels. Words a
# reader learns later make terms of their own together (意思 + 表示, 行为 + 能力).
_BASIC_LEVEL = 2


def _known_at(word: str, level: int) -> bool:
    hsk = hsk_words.hsk_level(word)
    return hsk is not None and hsk <= level


def _quotes_a_person(candidate: _Candidate, grams: Mapping[str, int], person_cues: Counter, addressed: Counter) -> bool:
    """A quoted clause about a person of the text (「盛稱岳飛可用」, 「致張憲意待謀反」,
    “上大人孔乙己”): the words of a record, not a term. A name inside it (shaped like
    one, a person CC-CEDICT knows, or someone the text calls or cues as a person;
    jieba's tags alone call 神武 and 卡奧斯 people) counts when the text uses the name
    elsewhere too."""
    for string in (s for s in candidate.strings if len(s) >= 5):
        names = {string[i:j] for i in range(len(string) - 1) for j in (i + 2, i + 3) if j <= len(string)}
        if any(grams.get(name, 0) > grams.get(string, 0)
               and (_looks_like_a_name(name) or _proper_kind_of(name) == ("person", True)
                    or _called_a_person(name, person_cues, addressed))
               for name in names):
            return True
    return False


# Times a story calls someone by a dictionary word before the word is taken for a name.
_ADDRESSES_OF_A_NAME = 2


# A name no surname starts (闰土, a given name alone) needs to stand where names stand this often.
_CUES_WITHOUT_SURNAME = 2


def _proper_kind(candidate: _Candidate, person_cues: Counter, addressed: Counter,
                 people: frozenset[str] = frozenset(), text: Callable[[], str] | None = None) -> str | None:
    """"person", "place", "organisation" or None, from CC-CEDICT senses, jieba tags and,
    for names no dictionary knows, where the word stands (研究总监杨瑞临, 戚凯表示); a
    compound ending in a name is a person too. A word
    CC-CEDICT knows is a name when the story calls someone by it at least twice and none
    of its senses is a kind of person (水生 'aquatic', called “水生，…” and 叫水生; not 母亲).
    `people`: names the text gives people beyond doubt (a play's speakers, a given name
    between a surname and a title). A word
    CC-CEDICT lists both as a place and as something else is the place where the text
    puts it where places stand, twice at least (在大理, 去了大理: Dali, not 'judicial
    officer'), unless the something else is a word of the HSK lists (在和平年代)."""
    if people and not people.isdisjoint(candidate.strings):
        return "person"
    compound = candidate.compound
    if compound is not None and _a_street(compound.parts) and not dictionary.knows(compound.text):
        return "place"
    if compound is not None and len(compound.parts) >= 2 and _HAN_ONLY.match(name := compound.parts[-1]) and (
            _looks_like_a_name(name) or _called_a_person(name, person_cues, addressed)):
        return "person"  # a title and a name (行政院长卓荣泰 'Premier Cho Jung-tai')
    for string in sorted(candidate.strings):
        if _looks_like_a_name(string) or _called_a_person(string, person_cues, addressed):
            return "person"
        kind, known = _proper_kind_of(string)
        if kind is not None:
            return kind
        if _pet_name(string) or _surname_and_title(string) or _familiar_name(string, person_cues):
            return "person"
        if known and text is not None and _also_a_place(string) and _placed(string, text()) >= _PLACE_CUES:
            return "place"
        if known:
            continue  # CC-CEDICT knows better than jieba's tags (摩尔定律 is tagged ns)
    return None


def _a_street(parts: tuple[str, ...]) -> bool:
    """A name and 路, 街, 巷 or 弄 (愚园 + 路, 武 + 康路, 淮海 + 中路): a street, where a
    term ends in a word of its own (集成 + 电路, 高速 + 公路) and a saying in a road walked
    (两条腿走 + 路 'to walk on two legs')."""
    if len(parts) < 2:
        return False
    last, before = parts[-1], parts[-2]
    if last in _STREETS:
        return not (_tag(before)[:1] in ("l", "i", "v") or _tag(before[-1]).startswith("v"))
    return (len(last) == 2 and last[-1] in _STREETS
            and (last[0] in "东南西北中" or not dictionary.knows(last)))


_STREETS = frozenset("路街巷弄")


def _says_how(candidate: _Candidate, text: str) -> bool:
    """A verb and 道 'said' before what is said, at every use: how a story tags speech
    (随口唱道：“…”, 笑道，“…”), no word."""
    word = candidate.key
    if len(word) != 2 or word[1] != "道" or not _HAN_ONLY.match(word):
        return False
    starts = _uses(word, text)
    return bool(starts) and all(text[i + 2:i + 3] in _BEFORE_SPEECH for i in starts)


_BEFORE_SPEECH = frozenset("：:，,“「\"")


def _prefix_of_the_word_after(candidate: _Candidate, text: str) -> bool:
    """A prefix that, wherever it stands alone, comes before a word: part of words no
    dictionary lists (微 of 微塑膠 'microplastics' and 微纖維, 19 times), not a word."""
    word = candidate.key
    if word not in _PREFIXES:
        return False
    alone = [i for i in _uses(word, text)
             if not _known_word(text[i:i + 2]) and not (i and _known_word(text[i - 1:i + 1]))]
    return bool(alone) and all(_known_word(text[i + 1:i + 3]) for i in alone)


# Characters that make new words as prefixes: micro-, super-, non-, anti-, multi-, semi-, quasi-, pseudo-.
_PREFIXES = frozenset("微超非反多半准伪泛亚")


def _named_so(candidate: _Candidate, text: str) -> bool:
    """What the text names at every use, a group, an app or a product called so: 一个名为
    「台股菁英交流會」的LINE群组, 下载名为「鼎盛智投」的APP. A name, no word to learn."""
    word = candidate.key
    starts = _uses(word, text)
    return bool(starts) and all(text[max(0, i - 3):i].rstrip("「“『\"").endswith(_NAMED) for i in starts)


_NAMED = ("名为", "名為", "名叫", "取名", "命名为", "命名為")


def _counted_by_a_classifier(candidate: _Candidate, text: str) -> bool:
    """A classifier after a number, which jieba glued to what it counts: 个人形机器人 of
    3个人形机器人 (个人 'individual' + 形 + 机器人), where the text also uses the rest alone."""
    word = candidate.key
    if len(word) < 3 or not _measure_word(word[0]) or not _HAN_ONLY.match(word):
        return False
    starts = _uses(word, text)
    return bool(starts) and all(i and text[i - 1] in _COUNTING for i in starts) and (
        len(_uses(word[1:], text)) > len(starts) or _known_word(word[1:]))


# What a count ends in before its measure word: a numeral, a digit, or 多/余/数 'some'.
_COUNTING = _NUMERALS | frozenset("0123456789０１２３４５６７８９多余数")


def _piece_of_a_street(candidate: _Candidate, text: str) -> bool:
    """A street's name without its 路 (愚园 of 愚园路 at every use), or its 路 and the
    character before it, cut from the name (康路 of 武康路): no term, like the street."""
    word = candidate.key
    starts = _unlisted_uses(word, text)
    if not starts:
        return False
    end = len(word)
    if all(text[i + end:i + end + 1] in _STREETS and not dictionary.knows(word + text[i + end]) for i in starts):
        return True
    return (len(word) == 2 and word[-1] in _STREETS and not _tag(word[0]).startswith("v")
            and all(i > 0 and _HAN_ONLY.match(text[i - 1]) for i in starts))


def _name_of_a_company(candidate: _Candidate, text: str) -> bool:
    """A company's own name, before its legal form at least once (星衡智能 of
    星衡智能科技有限公司, 精研 of 精研传动股份有限公司) and, at every other use, before a
    title of the person who speaks for it (星衡智能联合创始人), or as a judgment calls it for
    short (星衡公司): a name, no word to learn.
    A company the text names alone too (华为 beside 华为技术有限公司) is a term."""
    word = candidate.key
    if not _HAN_ONLY.match(word):
        return False
    if word.endswith("公司") and len(word) >= 4 and _a_companys_name(word[:-2], text):
        return True  # what a judgment calls it for short: 星衡公司 (以下简称星衡公司)
    return _a_companys_name(word, text)


def _a_companys_name(word: str, text: str) -> bool:
    starts = _uses(word, text)
    ends = [text[i + len(word):i + len(word) + 12] for i in starts]
    registered = [bool(_LEGAL_FORM.match(rest)) for rest in ends]
    return any(registered) and all(
        legal or rest.startswith(("公司", "”", "」")) or rest.removeprefix("联合").startswith(_COMPANY_TITLES)
        for legal, rest in zip(registered, ends))


# A company's legal form after its name and, up to four characters before it, its trade:
# 科技有限公司, 传动股份有限公司, 集团.
_LEGAL_FORM = re.compile(r"[一-鿿]{0,4}?(?:(?:股份)?有限(?:责任|責任)?公司|集团|集團)")
_COMPANY_TITLES = (*_TITLES, "CEO", "首席执行官", "首席執行官", "负责人", "負責人", "董事會", "董事会")


# Times a text puts a word where places stand before a word CC-CEDICT lists also as a place is that place.
_PLACE_CUES = 2


# Words that put a place after them: 在大理, 去了大理, 回到北京, 从台南.
_TO_A_PLACE = ("在", "去", "到", "回", "从", "往", "赴", "来到", "前往", "飞往", "搬到", "抵达")


def _placed(string: str, text: str) -> int:
    """Times the text puts the word where places stand: after 在, 去, 到 … (and 了)."""
    return sum(text.count(cue + string) + text.count(cue + "了" + string) for cue in _TO_A_PLACE)


def _also_a_place(string: str) -> bool:
    return hsk_words.hsk_level(string) is None and any(
        e.proper and any(_PLACE_SENSE.search(s) for s in e.senses) for e in dictionary.lookup(string))


def _called_a_person(string: str, person_cues: Counter, addressed: Counter) -> bool:
    """The text calls someone by it (“孔乙己，…”), or it stands where names stand (研究总监杨瑞临),
    or both, once each, a name no CC-CEDICT entry knows (“福贵，你还认得我吗？” … 福贵问。)."""
    # a noun: 可是 and 那么 open quotes too
    if (addressed.get(string, 0) >= _ADDRESSES_OF_A_NAME and _tag(string).startswith("n")
            and not _names_a_kind_of_person(string)):
        return True
    if addressed.get(string) and person_cues.get(string) and 2 <= len(string) <= 3 and not dictionary.knows(string):
        return True
    return bool(
        person_cues.get(string)
        and 2 <= len(string) <= 3
        and (dictionary.is_surname(string[0]) or person_cues[string] >= _CUES_WITHOUT_SURNAME)
        and not _known_word(string)
    )


def _pet_name(string: str) -> bool:
    """阿 and a given name (阿明, 阿珍, 阿秀嫂, 阿三): how family and neighbours call someone. Not a
    word for a kind of person (阿姨 'aunt', 阿公 'grandpa', 阿伯 'uncle'), which CC-CEDICT
    lists as a common word or which names a kin; CC-CEDICT's 阿明 is only 'Al-Amin'."""
    if string[:1] != "阿" or _HAN_ONLY.match(string) is None:
        return False
    if len(string) == 3:
        return string[1] not in _KIN and string[2] in _KIN  # 阿秀 + 嫂: her name and how she is called
    # 阿三 'Ah San', a child's place among its brothers, whatever else CC-CEDICT lists
    return len(string) == 2 and (string[1] in _BIRTH_ORDER or (string[1] not in _KIN and not _common_word(string)))


_BIRTH_ORDER = frozenset("大二三四五六七八九十")


def _surname_and_title(string: str) -> bool:
    """A surname and a title, how a transcript or a story calls someone (林委员, 郭部长, 王老师,
    张教授): a person, no term. Not a word a dictionary lists (高中 'senior high school')."""
    return (len(string) >= 3 and string[0] in COMMON_SURNAMES and string[1:] in _TITLES_OF_A_PERSON
            and not dictionary.knows(string))


def _familiar_name(string: str, person_cues: Counter) -> bool:
    """老 or 小 and a surname, how workmates and neighbours call each other (老韩, 小周), or
    a surname and what someone looks like (刘胖子): a person, no term. Not a word CC-CEDICT
    lists (老师, 小时, 老鼠) nor an adverb (少许's 小许); 小 and a surname that is also a thing
    (小孔 'small hole', 小石) only where the text has it speak or stand where names stand."""
    if dictionary.knows(string) or not _HAN_ONLY.match(string):
        return False
    if len(string) == 2 and string[0] in "老小" and string[1] in COMMON_SURNAMES and _tag(string) != "d":
        return string[0] == "老" or bool(person_cues.get(string))
    return len(string) == 3 and string[0] in COMMON_SURNAMES and _names_a_kind_of_person(string[1:])


_TITLES_OF_A_PERSON = TITLES_AFTER_A_NAME | TITLES_BEFORE_A_GIVEN_NAME | frozenset(
    "厅长 省长 主席 总统 总理 法官 检察官 记者 队长 班长 警官 科长 组长 镇长 村长 乡长 区长 厂长 社长 馆长 站长 会长"
    " 理事长 秘书长 总经理 主编 编辑 导演 教练 老板 阿姨 大爷 大妈 大姐 大哥"
    " 二爷 三爷 少爷 老爷 太太 奶奶 掌柜 大嫂 大婶 大叔 二叔 三叔 大伯".split())


# Characters of kinship after 阿 (阿伯 'uncle', 阿嫂): a way to call an elder, no name.
_KIN = frozenset("伯叔姑舅婆公嬤嫲爸妈媽爹哥姐妹弟嫂姨婶嬸母爷爺奶")


@memo(65536)
def _looks_like_a_name(string: str) -> bool:
    """A word no dictionary knows, shaped like a person's name: a common surname and
    one or two characters (張俊, 李綱, 詹順貴; 刘德山, whose 德山 jieba knows only as a
    place; 高振宇), or a pet name in 儿 (宏儿, 迅哥儿). Not a surname's character before a
    common word (马 + 铃薯, 高 + 科技)."""
    if not (2 <= len(string) <= 3 and _HAN_ONLY.match(string)) or _known_word(string):
        return False
    if string.endswith("儿"):
        return True
    if len(string) == 3 and string[0] in _SURNAMES_ALSO_WORDS:
        return not _a_word_besides_a_name(string[1:])  # 高 + 振宇, a given name; not 高 + 毛利
    return string[0] in COMMON_SURNAMES and (len(string) == 2 or not _a_word_besides_a_name(string[1:]))


# Common surnames that also begin many words (高 'high', 金 'gold'): a name only before a
# given name of two characters that make no word.
_SURNAMES_ALSO_WORDS = frozenset("高金")


def _a_word_besides_a_name(string: str) -> bool:
    """A word a dictionary lists as other than a name: CC-CEDICT's common senses, or
    jieba's words it does not tag as names of people or places."""
    entries = dictionary.lookup(string)
    if entries:
        return any(not e.proper for e in entries)
    return _known_word(string) and not _tag(string).startswith(("nr", "ns"))


def _word_and_a_character(string: str) -> bool:
    """A common word and one character more (牛肉 + 汤, 博士 + 生, 立法 + 权): jieba tags
    thousands of these as names, which a name of that shape seldom is; a common surname
    and a given name (王 + 国生) are still one."""
    if len(string) < 3 or (string[0] in COMMON_SURNAMES and not dictionary.knows(string[1:])):
        return False
    entries = dictionary.lookup(string[:-1])
    return bool(entries) and not any(e.proper for e in entries)


def _names_a_person(sense: str) -> bool:
    """A proper sense about a person: what it says first, where it speaks of places too
    (长安 "Chang'an (ancient name of Xi'an) capital of China during Tang Dynasty" is a place)."""
    person = _PERSON_SENSE.search(sense)
    place = _PLACE_SENSE.search(sense)
    return person is not None and (place is None or person.start() < place.start())


@memo(262144)
def _proper_kind_of(string: str) -> tuple[str | None, bool]:
    """What CC-CEDICT or, failing it, jieba's tag says the string names, and whether
    CC-CEDICT knows it."""
    entries = dictionary.lookup(string)
    senses = [s for e in entries if e.proper for s in e.senses if dictionary.is_meaning(s)]  # not "variant of"
    if senses:
        if any(_ORGANISATION_SENSE.search(s) for s in senses):
            return "organisation", True
        if all(_PERSON_SENSE.search(s) or _PLACE_SENSE.search(s) for s in senses) and not any(
            not e.proper for e in entries
        ):
            return ("person" if any(map(_names_a_person, senses)) else "place"), True
    if entries:
        if senses and _tag(string).startswith("nr") and (
                _PERSON_SENSE.search(senses[0])
                or (all(e.proper for e in entries) and any(_PERSON_SENSE.search(s) for s in senses))):
            # 亚伯拉罕 "Abraham (name)", 万俟 "polysyllabic surname Moqi"; 霍金 "Hawkins or
            # Hawking; Stephen Hawking (1942-2018), …": a name whichever sense comes first
            return "person", True
        if senses and _tag(string).startswith("ns") and _BARE_NAME.match(senses[0]):
            return "place", True  # 美国 'United States', 日本 'Japan': general knowledge
        return None, True
    tag = _tag(string)
    if tag.startswith("nr") and not _word_and_a_character(string):
        return "person", False
    if tag.startswith("ns"):
        return "place", False
    if tag in ("nt",):
        # a place's team (广东队, 北京首钢队) is named after the place: what a reader learns is
        # the place, no term
        return ("place" if _a_places_team(string) else "organisation"), False
    if _written_by_sound(string):
        return "person", False  # 威姆斯: a foreign name, all sound
    return None, False


def _a_places_team(string: str) -> bool:
    return len(string) >= 3 and string.endswith("队") and _tag(string[:2]).startswith("ns")


def _written_by_sound(string: str) -> bool:
    """A word no dictionary knows, of three to six characters used for their sound in
    foreign names (威姆斯, 康德拉季耶夫, 斯坦福): a name, no term."""
    return 3 <= len(string) <= 6 and all(c in _SOUND_CHARACTERS for c in string)


_SOUND_CHARACTERS = frozenset(
    "斯尔克德特里拉卡尼亚伊布格夫基维罗姆森威莫兰诺塔普博米奥恩埃阿安巴贝丹费戈哈赫杰科库洛马迈蒙纳帕佩契萨塞什索"
    "汤瓦沃西希耶泽兹茨柯鲁琼丽娜莎芙蒂黛季坦福乌奇澳弗艾摩")
