"""Terms the text itself marks: in-text definitions and expansions (内卷（指过度竞争）,
GPU（图形处理器）, 所谓X是指Y) and the English it gives them (循环经济（circular
economy）), on one analysed sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import english as english_words
from deckgen.mining.words import (
    _CLAUSE_VERBS,
    _FUNCTION_TAGS,
    _GLUE_VERBS,
    _HAN,
    _HAS_HAN,
    _MODALS,
    _TERM_IN_QUOTES,
    _WANTS_AN_OBJECT,
    _WORDLIKE,
    _is_function_word,
    _is_guess,
    _known_word,
    _only_a_verb,
    _tag,
)
from deckgen.records import Sentence


@dataclass(frozen=True)
class _Analysed:
    """One clean sentence: its simplified form, tokens (concatenating to it), and the
    stretches of word tokens between punctuation as (character offset, tokens)."""

    sentence: Sentence
    simplified: str
    tokens: tuple[str, ...]
    runs: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class _Gloss:
    term: str  # simplified
    gloss: str  # simplified
    acronym: bool  # the gloss is the expansion of an acronym term (or vice versa)
    term_is_short: bool  # term is the acronym, gloss its expansion


_DEFINED = re.compile(r"[(（]\s*指\s*([^()（）]{2,30}?)\s*[)）]")


_ACRONYM_AFTER = re.compile(r"[(（]\s*([0-9A-Za-z][0-9A-Za-z\-.]{1,9})\s*[)）]")


_STOCK_CODE = re.compile(r"^[0-9]{4,6}\.[A-Z]{1,3}$")


_ACRONYM_BEFORE = re.compile(rf"(?<![0-9A-Za-z])([A-Za-z][0-9A-Za-z\-]{{1,9}})\s*[(（]\s*([{_HAN}]{{2,12}})\s*[)）]")


# The English the text gives a term in brackets: 循环经济（circular economy）, a
# Wikipedia article's 板块构造学说（英语：Plate tectonics）. Letters, spaces and hyphens;
# a whole phrase or a word of four letters or more (not a unit: ppm, km). Without
# 英语, only words in small letters: a capital opens a name (輝達（Nvidia）, 合夥人舍費爾
# （Kendra Schaefer）), and where a transliterated name begins the text does not say;
# unless the acronym after it spells its initials (全局解释器锁（Global Interpreter Lock，
# 简称 GIL）). Another name after it is no part of it: 量子优越性（quantum supremacy，又译“量子霸权”）.
_ENGLISH_AFTER = re.compile(
    r"[(（]\s*(英[语語文]\s*[：:]\s*|English\s*[：:]\s*)?([A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,7})"
    r"\s*(?:[，,;；]\s*(?:(?:英[文语語])?(?:简称|簡稱|缩写|縮寫|简写|簡寫)(?:为|為)?\s*[：:]?\s*)?([A-Z][0-9A-Za-z\-]{1,7})\s*)?"
    r"(?:[，,;；]\s*[又亦或也另][^()（）]{1,24})?[)）]"
)


# A glossary's entry, an acronym, its English and its Chinese name:
# eVTOL：electric Vertical Take-off and Landing，电动垂直起降飞行器。
_GLOSSARY_ENTRY = re.compile(
    rf"^([A-Za-z][0-9A-Za-z\-]{{1,9}})\s*[：:]\s*([A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){{1,7}})"
    rf"\s*[，,]\s*([{_HAN}]{{2,16}})(?=[。；;，,（(]|$)"
)


# ... and as a text spells an acronym out in brackets, in English and in Chinese:
# RAG（Retrieval-Augmented Generation，检索增强生成）
_ACRONYM_SPELT_OUT = re.compile(
    rf"(?<![0-9A-Za-z])([A-Za-z][0-9A-Za-z\-]{{1,9}})\s*[（(]\s*([A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){{1,7}})"
    rf"\s*[，,]\s*(?:即|亦即|也就是|又称|又稱|简称|簡稱)?([{_HAN}]{{2,16}})\s*[）)]"
)


_SO_CALLED = re.compile(
    rf"所谓[“「『\"]?([{_HAN}0-9A-Za-z]{{2,10}}?)[”」』\"]?[，,]?\s*(?:是指|指的是|就是指|即是|就是)\s*([^，。；！？,;!?]{{2,40}})"
)


# How laws and regulations define their terms, one per item or in a clause:
# 「七、緩和醫療：指為減輕…之醫療照護」, 「本规定所称的民间借贷，是指…的行为」,
# 「前款所称“一年期贷款市场报价利率”，是指…」. The definition runs to the end of the
# clause, commas and all.
_ITEM_DEFINES = re.compile(
    rf"^(?:[一二三四五六七八九十]+[、.]|[0-9]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）])?\s*"
    rf"([{_HAN}0-9A-Za-z]{{2,12}})\s*[：:]\s*(系指|是指|指|谓)\s*([^。；;]{{2,}})"
)
_SO_NAMED = re.compile(
    rf"所称(?:的|之)?\s*[“「『\"]?([{_HAN}0-9A-Za-z]{{2,16}}?)[”」』\"]?\s*[，,]?\s*(系指|是指|指|谓)\s*([^。；;]{{2,}})"
)
_LONGEST_DEFINITION = 80  # characters of a definition kept for the card, cut at a comma


# A sentence that opens by defining its subject, or defines a quoted term: 「银发经济是指…的总和」,
# 「“内卷”指的是…」. The definition ends with the clause that names what the term is (…的总和),
# not with the sentence: what follows says more about it (，涉及面广、产业链长).
_SUBJECT_DEFINED = re.compile(
    rf"^([{_HAN}0-9A-Za-z]{{2,12}})\s*(是指|指的是|系指)\s*([^。；;！？!?]{{4,}})"
    rf"|[”」』\"]\s*[，,]?\s*(是指|指的是|系指)\s*([^。；;！？!?]{{4,}})"
)


_THAT_IS = re.compile(r"[」”』]\s*[，,]?\s*(?:即|也就是)\s*([^，。；！？,;!?]{2,30})")


# Every pattern above needs one of these: sentences without them are not searched.
_MAY_DEFINE = re.compile(
    r"[(（」”』]|所谓|所称|[：:]\s*(?:系|是)?[指谓]|是指|指的是|系指|^[A-Za-z][0-9A-Za-z\-]{1,9}\s*[：:]")


_CLOSING_QUOTES = "」”』\""


_OPENING_QUOTES = "「“『\""


_MAX_DEFINED_TERM = 12


def _is_acronym(text: str) -> bool:
    """CANN, CPI, 4IR, MWC: capitals (and digits). Not Nvidia, TriviumChina, COSMOPlat:
    names in brackets after a Chinese name are translations, not expansions."""
    if _STOCK_CODE.match(text):
        return False  # 600995.SH: a listed company's code, no abbreviation of its name
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and letters[0].islower() and all(c.isupper() for c in letters[1:]):
        return True  # eVTOL, mRNA: a small letter before the capitals
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _spells(acronym: str | None, english: str) -> bool:
    """The acronym is the English's initials (GIL, Global Interpreter Lock): the capitals
    are an expansion's, not a name's."""
    words = english.replace("-", " ").split()
    return (acronym is not None and len([w for w in words if w.lower() not in english_words.SMALL_WORDS]) >= 2
            and english_words.abbreviates(acronym, words))


def _infobox_gloss(lines: Sequence[str], title: str) -> list[_Gloss]:
    """The English name an encyclopedia's infobox gives the entry (百度百科's 外文名 /
    quantum computation, a row of two lines or of one): the title's English."""
    if not title:
        return []
    for line, after in zip(lines, [*lines[1:], ""]):
        row = _FOREIGN_NAME.match(line.strip())
        if not row:
            continue
        english = (row.group(1) or after).strip()
        if _INFOBOX_ENGLISH.fullmatch(english):
            return [_Gloss(title, english, acronym=False, term_is_short=False)]
    return []


_FOREIGN_NAME = re.compile(r"^(?:外文名|英文名|外文名[称稱]|英文名[称稱]|英[语語]名)\s*(?:[：:]\s*(.+))?$")
_INFOBOX_ENGLISH = re.compile(r"[A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){0,7}")


def _glosses(analysed: _Analysed) -> list[_Gloss]:
    text = analysed.simplified
    out = []
    for m in _DEFINED.finditer(text):
        term = _term_before(analysed, m.start())
        if term:
            out.append(_Gloss(term, m.group(1).strip(), acronym=False, term_is_short=False))
    for m in _ACRONYM_AFTER.finditer(text):
        acronym = m.group(1)
        if _is_acronym(acronym):
            term = _term_before(analysed, m.start(), letters=acronym)
            if term and _HAS_HAN.search(term):
                out.append(_Gloss(acronym, term, acronym=True, term_is_short=True))
    for m in _ENGLISH_AFTER.finditer(text):
        labelled, english, acronym = m.groups()
        term = _term_before(analysed, m.start(), english)
        if not term or not _HAS_HAN.search(term):
            continue
        if (not _is_acronym(english) and (" " in english or len(english) >= 4)
                and (labelled or english == english.lower() or _spells(acronym, english))):
            out.append(_Gloss(term, english, acronym=False, term_is_short=False))
        if acronym and _is_acronym(acronym):  # 体外膜肺氧合(extracorporeal membrane oxygenation,ECMO)
            out.append(_Gloss(acronym, term, acronym=True, term_is_short=True))
    for m in _ACRONYM_BEFORE.finditer(text):
        if _is_acronym(m.group(1)):
            out.append(_Gloss(m.group(1), m.group(2), acronym=True, term_is_short=True))
    entries = [m for m in (_GLOSSARY_ENTRY.match(text),) if m]  # eVTOL：electric Vertical Take-off and Landing，…
    if "（" in text or "(" in text:
        entries += _ACRONYM_SPELT_OUT.finditer(text)
    for entry in entries:
        acronym, english, chinese = entry.groups()
        if _is_acronym(acronym) and _spells(acronym, english):
            out.append(_Gloss(acronym, english, acronym=False, term_is_short=False))  # its English first
            out.append(_Gloss(acronym, chinese, acronym=True, term_is_short=True))
            out.append(_Gloss(chinese, english, acronym=False, term_is_short=False))
    for m in _SO_CALLED.finditer(text):
        out.append(_Gloss(m.group(1), m.group(2).strip(), acronym=False, term_is_short=False))
    for m in (*_ITEM_DEFINES.finditer(text), *_SO_NAMED.finditer(text)):
        # 指 is the verb only as a word of its own: 唐鳳：指標… is a speaker on indicators
        if {m.start(2), m.end(2)} <= _boundaries(analysed):
            out.append(_Gloss(m.group(1), _clause(m.group(3)), acronym=False, term_is_short=False))
    for m in _SUBJECT_DEFINED.finditer(text):
        verb, definition = (2, 3) if m.group(1) else (4, 5)
        term = _term_before(analysed, m.start(verb) if m.group(1) else m.start() + 1)
        if term and (term == m.group(1) or not m.group(1)) and _verb_of_its_own(analysed, m.start(verb), m.end(verb)):
            out.append(_Gloss(term, _defining_clause(analysed, m.start(definition), m.group(definition)),
                              acronym=False, term_is_short=False))
    for m in _THAT_IS.finditer(text):
        term = _term_before(analysed, m.start() + 1)
        if term:
            out.append(_Gloss(term, m.group(1).strip(), acronym=False, term_is_short=False))
    return out


def _boundaries(analysed: _Analysed) -> set[int]:
    """The character offsets where the sentence's tokens start and end."""
    ends = list(accumulate(map(len, analysed.tokens)))
    return {0, *ends}


def _clause(definition: str) -> str:
    """A definition short enough for a card: cut at the last comma within
    _LONGEST_DEFINITION characters, marked as cut."""
    definition = definition.strip()
    if len(definition) <= _LONGEST_DEFINITION:
        return definition
    cut = max(definition.rfind(c, 0, _LONGEST_DEFINITION) for c in "，,、")
    return definition[: cut if cut > 0 else _LONGEST_DEFINITION] + "…"


def _verb_of_its_own(analysed: _Analysed, start: int, end: int) -> bool:
    """是指 as a word or words of its own: not 指 of 指挥部 or 指标, though jieba may
    join it to the preposition after it (银发经济是 + 指向 + 老年人提供…)."""
    pos = 0
    for token in analysed.tokens:
        if pos < end <= pos + len(token):
            return pos >= start and (pos + len(token) == end or token == "指向")
        if pos + len(token) > start and pos < start:
            return False
        pos += len(token)
    return False


def _defining_clause(analysed: _Analysed, start: int, definition: str) -> str:
    """The definition up to the first clause naming a kind of thing (…经济活动的总和), else
    as _clause cuts it."""
    noun_ends = {end for token, end in zip(analysed.tokens, accumulate(map(len, analysed.tokens)))
                 if _tag(token).startswith("n")}
    clause_start = 0
    for i, char in enumerate(definition):
        if char not in "，,":
            continue
        clause = definition[clause_start:i]
        if "的" in clause and start + i in noun_ends:
            return definition[:i].strip()
        clause_start = i + 1
    return _clause(definition)


def _term_before(analysed: _Analysed, end: int, english: str = "", letters: str = "") -> str | None:
    """The term written right before position `end`: a quoted term, else the run of
    content words there (即昇腾异构计算架构 -> 昇腾异构计算架构; 中国今年核心消费者物价指数年增率
    -> 核心消费者物价指数年增率: stops at 今年, a time word). `english`, the English the
    text gives the term, keeps a word it names: 轻度认知障碍（mild cognitive impairment）.
    `letters`, an acronym the text gives the term, says how long it is: a word that is
    only a verb inside the run, before two characters or more for each letter, ends the
    sentence's part (大城市 + 聚焦 + 城市空中交通（UAM）)."""
    text = analysed.simplified
    if end > 0 and text[end - 1] in _CLOSING_QUOTES:
        start = max(text.rfind(q, 0, end - 1) for q in _OPENING_QUOTES)
        inside = text[start + 1 : end - 1] if start >= 0 else ""
        return inside if 2 <= len(inside) <= _MAX_DEFINED_TERM and _TERM_IN_QUOTES.match(inside) else None
    words: list[str] = []
    pos = 0
    stop = ""  # the token that ended the run before the term's
    before_stop = ""  # ... and the token before that
    for before, token in zip(("", *analysed.tokens), analysed.tokens):
        if pos >= end:
            break
        pos += len(token)
        if token[:1] == "类" and len(token) > 1 and not _known_word(token):
            # the prefix '-like' begins the term (包括 + 类淀粉 + 前驱蛋白, APP): a word
            # words._join_prefix_lei made, where 类 was no classifier
            words, stop = [token], before
        elif not _WORDLIKE.match(token) or (_is_stop_before_term(token) and not _opens(english, token)):
            words, stop, before_stop = [], token, before
        else:
            words.append(token)
    if pos != end:
        return None
    cut = False
    while sum(map(len, words)) > _MAX_DEFINED_TERM:
        words.pop(0)
        cut = True
    # A leading verb links the term to the sentence (具备第四次工业革命, 即昇腾...), and so
    # do an adverb, a preposition, a modal or an idiom inside the run: 纳米 + 只能靠 +
    # 多重曝光, 积极参与 + 国际标准化组织 (a verb may be part of the term: 板块构造学说)
    if len(words) > 2 and words[0].isascii() and words[0].isdigit() and _tag(words[1]).startswith("v"):
        words.pop(0)  # the number ends a name before it: mRNA-1273 + 授予紧急使用授权（EUA）
    if len(words) > 1 and words[-1].endswith(_BODIES) and dictionary.knows(words[-1]) \
            and _tag(words[-2]).startswith("v"):
        words = words[-1:]  # a body CC-CEDICT lists whole after a verb: 入选 + 联合国教科文组织（UNESCO）
    while (len(words) > 1 and _tag(words[0]).startswith("v") and sum(map(len, words[1:])) >= 4
           and not words[-1].endswith(_BODIES)  # a body's name begins with its own verb: 联合台风警报中心
           and words[0] not in _PREFIXES_JIEBA_CALLS_VERBS
           # ... nor one that makes a kind with the word after it: 增 + 程式 'range-extending', 可 +
           # 电离 'ionizable' (where the English says so)
           and not (len(words[0]) == 1 and words[1].endswith(("式", "型")))
           and not (words[0] == "可" and _ABLE.match(english))):
        words.pop(0)
    leads = [k for k, word in enumerate(words[:-1])
             if (_tag(word)[:1] in ("p", "d", "c") or _tag(word) in ("ad", "i") or word[:2] in _LEADS_IN
                 or word in _WANTS_AN_OBJECT or word in _CLAUSE_VERBS or (k and word in _GLUE_VERBS))
             and sum(map(len, words[k + 1:])) >= 2
             # ... not a modal that begins a word with the next: 可 + 再生(能源) 'renewable', nor 可
             # before a verb where the English says '-able': 可 + 电离 + 阳离子脂质 'ionizable cationic lipid'
             and not any(dictionary.knows(word + words[k + 1][:j]) for j in range(2, len(words[k + 1]) + 1))
             and not (word == "可" and _ABLE.match(english))]
    if leads:
        words = words[leads[-1] + (0 if _opens(english, words[leads[-1]]) else 1):]
    # an acronym's letters, or the words of the English the text gives, say how long the
    # term is: 台风周围 + 投掷 + 投落送（dropsonde）
    letter_count = sum(c.isalpha() for c in letters) or len(english.split())
    verbs = [k for k, word in enumerate(words[:-1], 1)
             if k > 1 and _only_a_verb(word) and sum(map(len, words[k:])) >= 2 * letter_count
             and not _known_word(word + words[k])]  # (再生 + 能源 is 再生能源 'renewable energy')
    if letter_count and verbs:
        words = words[verbs[-1]:]
    while len(words) > 1 and len(words[0]) == 1 and (words[0] in _GLUE_VERBS or _is_function_word(words[0])):
        words.pop(0)
    if (words and len(words[0]) >= 3 and (words[0][0] in _GLUE_VERBS or _tag(words[0][0]) == "p")
            and _is_guess(words[0]) and not _known_word(words[0][:2])):
        # jieba's guess glued the verb or preposition to the term's first word: 需要 + 用脂质 +
        # 纳米颗粒（LNP）, 上传 + 至长照 + 服务资讯系统（LTC-IS）
        words[0] = words[0][1:]
    term = "".join(words)
    if term.endswith(_BODIES) and not _known_word(term) and (
            cut or stop in _AND or (_tag(stop).startswith("ns") and before_stop in _AND)):
        # a piece of a body's name too long to take whole, or one with an 'and' inside, before
        # the piece or before a place that opens it: 亚洲及 + 太平洋 + 经济社会委员会 (ESCAP),
        # 大气地球物理和 + 天文管理局 (PAGASA)
        return None
    if stop and _tag(stop).startswith("ns") and dictionary.knows(stop + term):
        term = stop + term  # a country that names a body of its own: 中国民用航空局 (CAAC)
    return term if len(term) >= 2 else None


_AND = frozenset("和 及 与 暨 以及".split())
_ABLE = re.compile(r"[A-Za-z-]*(?:able|ible)\b", re.IGNORECASE)


def _opens(english: str, word: str) -> bool:
    """The English opens with the word's own sense: 'mild cognitive impairment' with 轻度's
    'mild (symptoms etc)'. The word is the term's, no adverb before it."""
    first = re.match(r"[A-Za-z]+", english)
    if first is None:
        return False
    opening = re.compile(rf"(?:to )?{re.escape(first.group(0).lower())}\b")
    return any(opening.match(sense.lower()) for e in dictionary.lookup(word) for sense in e.senses)


# Characters that begin words as prefixes, which jieba tags as verbs when it leaves them
# alone: 超 'beyond' of 超视距操作 (Beyond Visual Line of Sight, BVLOS), 抗 'anti-', 反.
_PREFIXES_JIEBA_CALLS_VERBS = frozenset("超抗反")


# What names of organisations end in.
_BODIES = ("中心", "局", "署", "部", "委员会", "协会", "组织", "公司", "集团", "银行", "大学", "学院", "研究院",
           "研究所")


# Modals, and adverbs jieba glues to them (只能靠): what the sentence does with the term;
# and 经 'by way of', which jieba calls a noun (抗原肽经主要组织相容性复合体（MHC）呈递).
_LEADS_IN = _MODALS | frozenset("只能 只好 只得 才能 就能 还能 便能 也能 都能 经".split())


def _is_stop_before_term(token: str) -> bool:
    tag = _tag(token)
    if token.startswith("第"):  # ordinals belong to the term: 第四次工业革命
        return False
    # ... and a word jieba calls a numeral or a place word that names a kind of thing: 多重曝光
    # (multi-patterning), 背面供电 (backside power delivery); not 以上, 之间, 今年
    if tag[:1] in ("m", "f") and len(token) >= 2 and token[0] not in _RELATIONS and not _NUMERIC_START.match(token) \
            and _known_word(token):
        return False
    # ... and a copula: 最重要的遗传风险因素是载脂蛋白E（APOE）
    # ... and a word jieba tags as a place that CC-CEDICT knows as a common noun: 台风 'typhoon'
    place = tag.startswith("ns") and not any(not e.proper for e in dictionary.lookup(token))
    return tag in _FUNCTION_TAGS or tag.startswith("t") or place or token in _LINKS


_RELATIONS = frozenset("之以前后左右上下中内外里间旁")
_NUMERIC_START = re.compile(r"^[0-9０-９零〇一二三四五六七八九十百千万亿两几数半每各某]")


_LINKS = frozenset("即 也就是 就是 是 为 乃 叫 称为 叫做".split())
