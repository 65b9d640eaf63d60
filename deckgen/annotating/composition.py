"""Literal glosses composed from a term's parts, for terms no dictionary knows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from deckgen import script, tables
from deckgen.annotating import english_forms, pinyin
from deckgen.annotating.senses import concise_senses
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.lexicon.cedict import Entry
from deckgen.memo import once
from deckgen.script import has_han, is_han

_PART_SENSES = "part_senses.tsv"
_HEAD_SENSES = "head_senses.tsv"


# Single characters that make words as an affix with one steady sense (晶片業 'chip
# industry', 漸變論 'gradual change theory', 新一輪 'new round', 塑膠瓶 'plastic bottle',
# 產品線 'product line'). Any other single character is a morpheme whose sense inside
# this word cannot be told (量 is a quantity, a volume or a capacity; 点 a point or a
# dot; 库 a store, a bank or a database; 站 a station or a website): no gloss then.
# Not 化 '-ize': English makes no word of a gloss and a suffix (便利化 is no 'convenient
# -ization', and 'facilitation' is no gloss a part gives).
_SUFFIXES = {"业": "industry", "论": "theory", "率": "rate", "权": "rights", "厂": "plant", "费": "fee", "战": "war",
             "界": "circles", "型": "type", "区": "zone", "剂": "agent",
             "机": "machine", "器": "device", "瓶": "bottle", "车": "vehicle", "线": "line", "品": "product",
             "局": "bureau", "部": "department", "网": "network", "带": "belt", "群": "cluster", "链": "chain",
             "史": "history", "圈": "circle", "蛋": "egg", "汤": "soup", "花": "flower", "肉": "meat"}
# 前 is 'former' (前总统), 'front' (前军) or 'pre-' (前寒武纪): no steady sense; 高 is as
# often the surname of the person a title follows (高区长) as 'high'; 全 is 'whole'
# (全民族) or 'total' (全要素生产率, total factor productivity)
_PREFIXES = {"新": "new", "非": "non-", "反": "anti-", "总": "total", "副": "deputy",
             "大": "large", "小": "small", "硬": "hard", "软": "soft", "超": "super", "多": "multi-",
             "微": "micro", "半": "semi-", "双": "dual", "零": "zero", "后": "post-", "伪": "pseudo-", "准": "quasi-",
             "低": "low"}
_NEGATIONS = frozenset("不没未无莫勿别")
_AGENTS = "人者"  # after a verb: the one who does it (出借人 'lender')
# Parts that modify no noun in English: adverbs, pronouns, prepositions, particles,
# interjections (重新出具 is not 'again issue', 不要塑胶 not "don't! plastic")
_NO_MODIFIER_TAGS = ("d", "p", "r", "u", "c", "y", "e", "o")
_JOINS = {"和": "and", "与": "and", "及": "and", "或": "or"}  # between two parts: 培育和发展
_ORDINAL = re.compile(r"^第([一二三四五六七八九十两]{1,3})(?:次|个|届|代|轮|期|批|号)?")
_NUMBERS = dict(zip("一二三四五六七八九十", range(1, 11)))
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_LATIN_SIGNS = {"+": "plus", "&": "and"}
_AFTER_A_NOUN = ("(after a noun)", "(following a noun)")
_POSSESSIVE = ("one's ", "sb's ", "sth's ", "someone's ")
MOST_PARTS = 3  # parts a literal gloss is composed of, unless an acronym the text gives guides them


def ordinal(text: str) -> tuple[str, str]:
    """(English ordinal, the Chinese it covers) for 第四次, 第二十届: ('fourth', '第四次')."""
    m = _ORDINAL.match(text)
    if not m:
        return "", ""
    digits = m.group(1).replace("两", "二")
    if len(digits) == 1:
        n = _NUMBERS.get(digits, 0)
    elif digits[0] == "十":
        n = 10 + _NUMBERS.get(digits[1], 0)
    elif digits.endswith("十") and len(digits) == 2:
        n = 10 * _NUMBERS.get(digits[0], 0)
    elif len(digits) == 3 and digits[1] == "十":
        n = 10 * _NUMBERS.get(digits[0], 0) + _NUMBERS.get(digits[2], 0)
    else:
        n = 0
    return (_ORDINALS[n - 1], m.group(0)) if 1 <= n <= len(_ORDINALS) else ("", "")


def reduplicated(text: str) -> str:
    """The word a doubled form repeats: 起起落落 -> 起落 (AABB), 研究研究 -> 研究 (ABAB);
    "" if it is none or the word is unknown."""
    simplified = script.to_simplified(text)
    if len(simplified) != 4 or not all(map(has_han, simplified)):
        return ""
    a, b, c, d = simplified[0], simplified[1], simplified[2], simplified[3]
    word = a + c if a == b and c == d and a != c else a + b if (a, b) == (c, d) and a != b else ""
    # (a word English lent, sounds its characters spell, repeats no sound: 嘻嘻哈哈 'laughing and
    # joking' is no 嘻哈 'hip-hop (loanword)' said twice)
    known = word and any(concise_senses(e, 1) for e in dictionary.lookup(word)
                         if not e.proper and not any("(loanword)" in sense for sense in e.senses))
    return word if known else ""


def separable(text: str) -> str:
    """The dictionary word a separable phrase splits: 举个例子 -> 举例, 帮个忙 -> 帮忙."""
    simplified = script.to_simplified(text)
    if len(simplified) < 3 or simplified[1] not in "个了过着完一":
        return ""
    joined = simplified[0] + simplified[2:]
    # the whole rest rejoins the verb, nothing less: 同一事业单位 'the same business
    # entity' holds no 同事 'colleague'
    for word in (joined, joined.removesuffix("子")):
        if len(word) >= 2 and any(concise_senses(e, 1) for e in dictionary.lookup(word)):
            return word
    return ""


def compose(text: str, readings: Sequence[str] = (), letters: str = "") -> tuple[str, list[str]]:
    """A literal English phrase from the parts, and the parts as the text spells them:
    出口管制 -> ('export control', ['出口', '管制']).

    Only when every part is a dictionary word of two or more characters (or a steady
    affix, an ordinal, a Latin run): a single character's sense inside a new word is a
    guess (习家班 is not 'practice family work shift'). Splits into as few dictionary
    words as possible; a part's sense is the one it has inside longer words
    (build_part_senses), taken from its entry with the reading it has here. A run of
    transliteration characters (康德拉季耶夫, 斯坦福) is a name, not parts: no gloss.
    `letters`, an acronym the text gives for the term (MWC), picks among a part's
    senses one whose initial is among the acronym's letters (行动 'mobile').
    """
    simplified = script.to_simplified(text)
    # the parts are named as the text spells them (暴風 + 半徑), where simplifying kept its length
    written = text if len(simplified) == len(text) else simplified
    glosses: list[str] = []
    parts: list[str] = []
    first, covered = ordinal(simplified)
    if first:
        glosses.append(first)
        parts.append(written[:len(covered)])
        simplified, written = simplified[len(covered):], written[len(covered):]
        readings = readings[len(covered):]
    # Characters only: OpenCC's regional phrase table turns 核心 into 内核 ("kernel").
    pieces = _fewest_pieces(simplified) if simplified else []
    if (simplified and not pieces) or _transliterated(pieces):
        return "", []
    if any(len(a) == 1 == len(b) and has_han(a + b) for a, b in zip(pieces, pieces[1:])):
        # two characters side by side that make no word together are no two words either:
        # 半程精彩 is not 'semi-regulations brilliant'
        return "", []
    if any(len(b) >= 3 and b[0] == "性" and dictionary.knows(b[1:]) and not _tag(a).startswith("v")
           for a, b in zip(pieces, pieces[1:])):
        # 性 closes the word before it where a word follows: 短期性工作 is 'short-term work',
        # no 短期 + 性工作 'sex work' (after a verb it may start one: 从事性工作; 光学性能 is
        # 光学 + 性能 'performance')
        return "", []
    if any(len(a) == 2 and a[0] in _NEGATIONS and len(b) == 1 and dictionary.knows(a[-1] + b)
           for a, b in zip(pieces, pieces[1:])):
        # … or a negation goes with a word across them: 不知情 is 不 + 知情 'not knowing the
        # facts', no 不知 + 情 'not to know feelings'
        return "", []
    if any(len(a) >= 2 and has_han(a + b) and (len(b) == 2 and dictionary.knows(a + b[0]) or (
            len(b) == 1 and b not in _SUFFIXES and dictionary.knows(a[-1] + b)))
           for a, b in zip(pieces, pieces[1:])):
        # the parts can be cut two ways: 行政院长 is 行政院 + 长 'the Premier', no 行政 + 院长
        # 'administrative chair of a board'; 老师傅 is 老 + 师傅 'old master', no 老师 + 傅
        # 'teacher instructor' (卷烟 + 厂 is a cigarette plant either way)
        return "", []
    if len(pieces) + bool(first) > MOST_PARTS and not letters:
        # 贷款市场报价利率 is the Loan Prime Rate, not 'loan marketplace quoted price interest
        # rates': the longer the phrase, the likelier a sense picked per part misleads
        return "", []
    # the readings of the characters (G2概念: gai4 nian4), where they are told apart from Latin runs
    han_readings = [r for r in readings if re.fullmatch(r"[a-zü:]+[1-5]", r)]
    if len(han_readings) != sum(map(is_han, simplified)):
        han_readings = []
    right = "" if first else _right_to(pieces)
    if right:
        return right, [written[:len(pieces[0])], written[len(pieces[0]):]]
    # 出借人: 'lender', not 'lend person'
    agent = english_forms.agent_noun(pieces[-2]) if len(pieces) >= 2 and pieces[-1] in _AGENTS else ""
    position = 0
    for index, piece in enumerate(pieces):
        offset = sum(map(len, pieces[:index]))
        parts.append(written[offset:offset + len(piece)])
        if not has_han(piece):
            glosses.append(_LATIN_SIGNS.get(piece, piece))
            continue
        if agent and index >= len(pieces) - 2:
            glosses += [agent] if index == len(pieces) - 2 else []
            continue
        if _tag(piece).startswith(_NO_MODIFIER_TAGS) and piece not in _JOINS:
            return "", []
        wanted = tuple(han_readings[position:position + len(piece)])
        spelled = parts[-1]
        position += len(piece)
        last = index == len(pieces) - 1
        if last and index and len(piece) >= 2 and _tag(piece) in ("a", "ad"):
            # a noun and an adjective after it say what it is like (情况紧急 'the situation
            # is urgent'), no 'circumstances emergency'
            return "", []
        if piece in _NEGATIONS:
            return "", []  # 不確定性 is 'uncertainty', no 'not determinacy': English negates inside words
        if len(piece) == 1:
            affix = _SUFFIXES.get(piece) if last and index else _PREFIXES.get(piece) if not last else None
            affix = _JOINS.get(piece) if index and not last else affix
            # a character in front whose sense is only its usual one inside words may be a
            # surname (严区长 is district chief Yan): only a listed prefix or a bound form there
            bound = _bound_sense(piece, wanted, modifier=not last, leading=not index)
            if not (affix or bound):
                return "", []
            glosses.append(affix or bound)
            continue
        if piece[0] in "二三四五六七八九十两百千万":
            # a number's words say what the number stands for there: 四大 'the four
            # elements (Buddhism)' is not the 'four major' tea regions of 四大茶叶产区
            return "", []
        entries = [e for e in _with_references(dictionary.lookup(piece)) if concise_senses(e, 1)]
        if not entries:
            return "", []
        if all(e.proper for e in entries) and any(_A_PERSONS_LIFE.search(s) for e in entries for s in e.senses):
            # a person CC-CEDICT names by their dates is one person, maybe not the text's:
            # 傅立叶转换 is Joseph Fourier's transform, no 'Charles Fourier (1772-1837)'s
            return "", []
        if not letters and _a_name_or_a_word(entries):
            # which one the term means is a guess: 大理古城 is Dali's old town, no 'judicial
            # officer ancient city'
            return "", []
        if spelled == piece and len({e.traditional for e in entries}) > 1:
            # a Simplified piece of two spellings is spelt as Traditional text prints
            # it: 台风 as 颱風 'typhoon', not 臺風 'stage presence'
            spelled = script.to_common_traditional(piece)
        if last and index and any(sense.startswith(_AFTER_A_NOUN) for e in entries for sense in e.senses):
            # a head with a sense of its own after a noun makes no modifier of the noun:
            # 关键所在 is 'where the crux lies', no 'crucial location'
            return "", []
        if len(wanted) == len(piece) and not any(pinyin.read_alike(e.pinyin, wanted, piece) for e in entries):
            # read otherwise here, the part is another word than the dictionary's: the 發型 of
            # 早發型 'early-onset' is fā xíng, no 髮型 fà xíng 'hairstyle'
            return "", []
        entries.sort(key=lambda e: (e.pinyin != wanted, e.traditional != spelled, e.proper, e.taiwan_only))
        gloss = next((g for g in (_part_gloss(e, head=last, letters=letters) for e in entries) if g), "")
        gloss = re.sub(r"^(?:the|an?) ", "", gloss)  # 'basic national policy', not 'basic a national policy'
        if not gloss or not gloss.isascii():
            return "", []
        if index and piece.startswith("一") and gloss.startswith("first "):
            gloss = gloss.removeprefix("first ")  # 新一轮 is a new round, not a new first round
        gloss = re.sub(r"^(\w+) or \w+$", r"\1", gloss)  # 'round or stage': one word in a phrase
        if " or " in gloss or (not last and (gloss.startswith(_POSSESSIVE) or _PLACED.match(gloss))):
            # 'old man or woman' (老人) and 'one's later years' (晚年) make no phrase of a
            # compound: 'elderly old man or woman', 'one's later years life'
            return "", []
        if last and index and english_forms.only_an_adjective(gloss):
            # a head English reads as an adjective names nothing: 严重残疾 is no 'serious disabled'
            return "", []
        if not letters and _ambiguous(entries[0]):
            # 机构 'mechanism; structure; organization; agency; institution': which one
            # 医疗机构 means is a guess, and a guess is no meaning
            return "", []
        if not last and not letters and _verb_only(entries[0]):
            # a verb in front does not read as an English modifier: 循环经济 is not
            # 'circulate economy', 举证责任 not 'offer evidence responsibility'
            return "", []
        glosses.append(gloss)
    if all(len(p) == 1 for p in parts):  # 海民 is no 'sea people': a word of two characters is not two words
        return "", []
    # 论学说 is no 'theory theory', 公共舆论危机 no 'public public opinion crisis'
    words = [w for g in glosses for w in re.findall(r"[a-z]{3,}", g.lower())]
    if len(parts) < 2 or len(set(words)) < len(words):
        return "", []
    return re.sub(r"\s{2,}", " ", " ".join(glosses)).replace("- ", "-"), parts


def _right_to(pieces: list[str]) -> str:
    """A verb and 权 is the right to do it: 选择权 'right to select', not 'select rights'
    (a noun and 权 are its rights: 肖像权 'portrait rights')."""
    if len(pieces) != 2 or pieces[1] != "权" or len(pieces[0]) < 2:
        return ""
    entries = [e for e in dictionary.lookup(pieces[0]) if not e.proper]
    first = _part_glosses(entries[0])[:1] if entries else []
    verb = next((s for s in first if s.startswith("to ") and not s.startswith("to be ")), "")
    # 'to engage in' (经营) wants the object its brackets held: no phrase then
    complete = verb and len(verb.split()) <= 3 and verb.split()[-1] not in ("in", "on", "at", "to", "for", "with", "of")
    return f"right {verb}" if complete else ""


_PHONETIC = re.compile(r"phonetic|loanword|transliteration", re.I)
_ROLE = (r"(?:[a-z]+(?:ist|ian)|poet|philosopher|writer|author|painter|composer|leader|founder|ruler|reformer"
         r"|thinker|king|emperor|general|statesman|politician)s?")
# A person's dates and what they did, in one bracket or after it: 'Charles Fourier (French
# sociologist and socialist, 1772-1837)', 'Sir Isaac Newton (1642-1727), British mathematician'
_A_PERSONS_LIFE = re.compile(rf"\([^()]*\b{_ROLE}\b[^()]*[0-9]{{3,4}}\s*-\s*[0-9]{{2,4}}\)"
                             rf"|[0-9]{{3,4}}\s*-\s*[0-9]{{2,4}}\),[^;()]*\b{_ROLE}\b")


def _transliterated(pieces: list[str]) -> bool:
    """Two or more single characters in a row, one of them a sound-only character in
    CC-CEDICT ('(phonetic)', '(loanword)'): a foreign name like 卡奥斯 or 艾司摩尔,
    whose characters carry no meaning to compose. 小院高墙 has none of them."""
    run: list[str] = []
    for piece in [*pieces, ""]:
        if len(piece) == 1 and has_han(piece):
            run.append(piece)
            continue
        if len(run) >= 2 and any(_PHONETIC.search(s) for c in run for e in dictionary.lookup(c) for s in e.senses):
            return True
        run = []
    return False


def _a_name_or_a_word(entries: list[Entry]) -> bool:
    """Entries of a name (大理 'Dali Bai autonomous prefecture') and of a word CC-CEDICT
    marks as of old days (大理 'judicial officer; justice of the peace (old)'): today the
    name is meant. Not where the name says the word (西北 'Northwest China', 'northwest'),
    nor beside a word in use today (资源 'natural resource', whatever county is named so)."""
    names = " ".join(s for e in entries if e.proper for s in e.senses).lower()
    common = [e for e in entries if not e.proper]
    return bool(names) and bool(common) and any(_DATED_MARK.search(s) for e in common for s in e.senses) \
        and not any(_short(e.senses[0]).lower() in names for e in common if e.senses)


# What CC-CEDICT marks a sense of old days with: anywhere in a sense here, opening it in _OLD_SENSE
_OLD_MARKS = "old|archaic|obsolete|originally|classical|literary|dialect|in former times"
_DATED_MARK = re.compile(rf"\((?:{_OLD_MARKS})\)")


def _with_references(entries: tuple[Entry, ...]) -> list[Entry]:
    """Entries, with 'variant of 升[sheng1]' followed to the entry it points to (昇 -> 升)."""
    out = list(entries)
    for e in entries:
        for sense in e.senses:
            m = re.match(r"^(?:old |archaic )?variant of ([^\[|]+)(?:\|([^\[]+))?\[", sense)
            if m:
                out.extend(dictionary.lookup(m.group(2) or m.group(1)))
    return out


def _part_gloss(entry: Entry, head: bool, letters: str = "") -> str:
    """One short sense of a part, from its first few (a legal footnote is no gloss).

    The sense the part has inside other words comes first where CC-CEDICT lists
    another first (质 'quality', not 'character'; 出口 'export', not 'an exit'; see
    build_part_senses); as a head, the sense it has at the end of other words (机关:
    a 'body' in 自治机关, 主管机关; 'machine-operated' in 机关枪). A compound's last part
    is its head, usually a noun: there a sense that is not a verb comes first (架构:
    'structure', not 'to construct').
    Parts are stems, so a verb is given bare (管制: 'control', not 'to control')."""
    senses = _part_glosses(entry)
    if not senses:
        return ""
    if letters:
        initials = {c.lower() for c in letters if c.isalpha()}
        fitting = [s for s in _part_glosses(entry, every=True, limit=len(entry.senses))
                   if s.removeprefix("to ")[:1].lower() in initials
                   # a verb heads no phrase, whatever its letter (生产者责任延伸, EPR, is no
                   # 'producer responsibility extend')
                   and not (head and s.startswith("to ") and _tag(entry.simplified) == "v")]
        if fitting:  # one word before a phrase: 'mobile', not 'move about'
            chosen = min(fitting, key=lambda g: len(g.removeprefix("to ").split())).removeprefix("to ")
            # ... in the form English gives it before a noun: 国家 'national' (NREL), not 'nation'
            form = "" if head else english_forms.modifier_form(entry, chosen)
            return form if form[:1].lower() == chosen[:1].lower() else chosen
    key = (entry.simplified, " ".join(entry.pinyin))
    preferred = (_head_senses().get(key) if head else None) or _part_senses().get(key)
    if preferred is not None and (preferred in senses or preferred in _part_glosses(entry, every=True)):
        senses = [preferred, *(s for s in senses if s != preferred)]
    elif len(groups := _sense_groups(entry)) > 1 and len(groups[0]) > 1 and senses[0] not in groups[0]:
        # the meaning most of its senses share, where one names it inside the others
        # (品质 'intrinsic quality', 'quality' -> 'quality'; 塑胶 'plastic cement', 'plastic'
        # -> 'plastic'); else CC-CEDICT's first of them
        # (卷烟 'cigarette', 'cigar' -> 'cigarette')
        shared = next((g for g in groups[0] if any(re.search(rf"\b{re.escape(g)}\b", o) and o != g for o in groups[0])),
                      groups[0][0])
        senses = [shared, *(s for s in senses if s != shared)]
    if head:
        nouns = [s for s in senses if not s.startswith("to ")]
        # the head names the thing: 地区 'region', not the 'regional' of 地区性
        things = [s for s in nouns if not english_forms.is_adjective(s) and not _DEGREE.match(s)]
        doing = english_forms.as_noun(senses[0]) if _tag(entry.simplified) == "vn" else ""
        if things and doing and not (_stems(things) & _stems(s for s in senses if s.startswith("to "))):
            # a verb Chinese also uses as a noun heads as the doing of it, where its nouns are
            # other things: 汽车出口 'car export', no 'car exit'; 汽车进口 no 'car entrance'
            # (评估 'assessment' and 服务 'service' name the doing themselves)
            return doing
        if things:
            return things[0]
        if nouns and _tag(entry.simplified) != "v":
            return nouns[0]
        # a compound ending in a verb is a clause (合同成立 'the contract is formed'), not
        # a noun: only a verb Chinese also uses as a noun (jieba's "vn") and English too
        # ('export control') heads one
        return "" if _tag(entry.simplified) == "v" else english_forms.as_noun(senses[0])
    adjective = english_forms.adjective_of(entry)
    # 人形 'humanoid' robot, not 'human form' robot; 经济 'economic' growth, the adjective
    # CC-CEDICT gives beside the noun 'economy'
    # (not for a verb: 选择 'to select; …; alternative' is no 'alternative' right)
    if adjective and not senses[0].startswith("to ") and (
            len(senses[0].split()) > 1 or adjective[:4] == senses[0][:4] or adjective in entry.senses[1:2]):
        # … or the adjective is CC-CEDICT's next sense, all of it: 职业 'occupation; profession;
        # vocation', 'professional' makes a 'professional' league
        return adjective
    if senses[0].startswith("to ") and not senses[0].startswith("to be "):
        # the noun CC-CEDICT gives for the same verb, in front of a noun: 成像 'to form an
        # image' -> 'imaging' model, 检测 'to detect' -> 'detection' method (not 循环's
        # 'circle', another word than 'to circulate')
        verb = _stems([senses[0]])
        noun = next((s for s in _part_glosses(entry, limit=6) if not s.startswith("to ") and _stems([s]) & verb), "")
        if noun:
            return noun
    form = english_forms.modifier_form(entry, senses[0])
    if form:
        return form  # 社会资本 'social capital', as CC-CEDICT's 社会保障 is 'social security'
    if senses[0].startswith("to be ") and len(senses[0].split()) == 3:
        return senses[0].removeprefix("to be ")  # 逾期 'to be overdue': an overdue rate
    return english_forms.as_noun(senses[0]) if senses[0].startswith("to ") else senses[0]


def _stems(senses: Iterable[str]) -> set[str]:
    """The first five letters of each word of four letters or more in the senses."""
    return {word[:5] for sense in senses for word in re.findall(r"[a-z]{4,}", sense)}


# Where something is, a phrase English puts after a noun: 空中 'in the air' makes no
# 'city in the air transportation' of 城市空中交通.
_PLACED = re.compile(r"^(?:in|on|at|under|over|above|below|inside|outside|within|between|among|near)\s")

# 'too hot' (过热), 'very …': how much of a quality, no thing a phrase can end in.
_DEGREE = re.compile(r"^(?:too|very|extremely|rather|quite|so|over)\b")


def _tag(word: str) -> str:
    return jieba_words.tag(word) if len(word) > 1 else ""


BOUND_SENSES = 4  # senses of a character at most, for its bound form to be the one in a new word


def _bound_sense(char: str, wanted: tuple[str, ...], modifier: bool, leading: bool = False) -> str:
    """The sense a single character has inside words, where it is known: CC-CEDICT's
    "(bound form) …" sense, or, in front of the head, the sense the character has in
    the words that contain it (build_part_senses: 质 'quality' in 质量, 品质, 素质)."""
    for e in dictionary.lookup(char):
        if wanted and e.pinyin != wanted:
            continue
        meanings = [s for s in e.senses if dictionary.is_meaning(s)]
        for sense in meanings:
            # one bound use among many senses is no more likely than the others: 会's
            # '(bound form) a moment' (一会儿) is not the 会 of 政委会
            if sense.startswith("(bound form)") and len(meanings) <= BOUND_SENSES:
                gloss = _short(sense.removeprefix("(bound form)"))
                return "" if gloss.startswith("to ") else gloss  # 企 'to stand on tiptoe' is no part of 社企
        preferred = _part_senses().get((char, " ".join(e.pinyin)))
        if modifier and not leading and preferred and not preferred.startswith("to "):
            return preferred
    return ""


AMBIGUOUS = 5  # senses of a part with nothing in common, none known to be the one inside words


def _ambiguous(entry: Entry) -> bool:
    """Five or more senses with nothing in common: even the sense the part mostly has
    inside words (运动 'sports', from 运动员, 运动会) is a guess in a new word (垂直运动
    is vertical motion)."""
    return len(_sense_groups(entry)) >= AMBIGUOUS


def _sense_groups(entry: Entry) -> list[list[str]]:
    """A part's short senses grouped by the word stems they share: 品质 'character' |
    'intrinsic quality', 'quality'; 生产力 is one group. Largest group first."""
    groups: list[tuple[set[str], list[str]]] = []
    for gloss in _part_glosses(entry, limit=len(entry.senses)):
        stems = {w[:5] for w in re.findall(r"[a-z]{3,}", gloss.lower())} - {"the", "and", "for", "sth"}
        for group_stems, members in groups:
            if stems & group_stems:
                group_stems |= stems
                members.append(gloss)
                break
        else:
            groups.append((stems, [gloss]))
    return sorted((members for _, members in groups), key=len, reverse=True)


def _verb_only(entry: Entry) -> bool:
    """Every short sense of the part is a verb, and no sense inside words says otherwise."""
    if (entry.simplified, " ".join(entry.pinyin)) in _part_senses():
        return False  # the sense inside words may be a verb that is also a noun ('export')
    senses = [re.sub(r"^\([^)]*\)\s*", "", s) for s in entry.senses[:4] if dictionary.is_meaning(s)]
    # 'to be overdue' says what a thing is: an overdue rate
    return bool(senses) and all(s.startswith("to ") and not re.match(r"to be \w+$", s) for s in senses)


_OLD_SENSE = re.compile(rf"^\((?:{_OLD_MARKS})\)")


def _part_glosses(entry: Entry, every: bool = False, limit: int = 4) -> list[str]:
    """Short forms of the first few senses, distinct, that can gloss a part (with
    `every`: each near-synonym of every sense)."""
    if every:
        items = [i for s in entry.senses[:limit] if dictionary.is_meaning(s)
                 for i in re.sub(r"\([^)]*\)", "", _FORMULA.sub("", s)).split(";")]
        return list(dict.fromkeys(i.strip() for i in items if i.strip() and len(i.split()) <= 3))
    # a sense marked as old is no part of a new word: 看护's '(old) hospital nurse'; one
    # marked as a field's comes after the general ones: 基准 is a 'standard' in 劳动基准,
    # its '(surveying) datum' only in a surveyor's words
    # nor is an email's label ('Re: in reply to' of 回复)
    kept = [s for s in entry.senses[:limit] if dictionary.is_meaning(s) and not _OLD_SENSE.match(s)
            and not _LABEL.match(s)]
    kept.sort(key=lambda s: bool(_FIELD_SENSE.match(s)))
    senses = map(_short, kept)
    return list(dict.fromkeys(s for s in senses if s and s != "?" and len(s.split()) <= 4))


_LABEL = re.compile(r"^[A-Za-z.]+: ")

# A chemical formula after a sense: 'amylum (C6H10O5)n' of 淀粉 is no 'amylum n'.
_FORMULA = re.compile(r"(?<!\S)(?=[()A-Za-z]*\d)\(?(?:[A-Z][a-z]?\d*){2,}\)?n?(?!\S)")


# '(surveying) datum', '(computing) …', '(math.) …': a sense of one field's words (the
# fields CC-CEDICT labels most, not '(raw) material' or '(fire) alarm').
_FIELD_SENSE = re.compile(
    r"^\((?:math\.|computing|computer|military|medicine|med\.|sports|botany|linguistics|law|finance|physics"
    r"|astronomy|music|geology|zoology|chemistry|anatomy|mining|biology|economics|agriculture|statistics|theater"
    r"|baseball|textiles|accounting|railway|photography|electrical|psychology|grammar|philosophy|geometry"
    r"|mechanics|typesetting|phonetics|surveying|Buddhism|Taoism)\)\s")


@once
def _head_senses() -> dict[tuple[str, str], str]:
    """(word, numbered reading) -> the sense to give it as the head of a longer word."""
    return {(word, reading): sense for word, reading, sense in tables.read(_HEAD_SENSES)}


@once
def _part_senses() -> dict[tuple[str, str], str]:
    """(word, numbered reading) -> the sense to give it as a part of a longer word."""
    return {(word, reading): sense for word, reading, sense in tables.read(_PART_SENSES)}


def _short(sense: str) -> str:
    sense = re.sub(r"\([^)]*\)", "", sense).strip()
    sense = re.split(r"[;,]", sense)[0].strip()
    return sense or "?"


def written_by_sound(text: str) -> bool:
    """`text` holds a run of characters used for their sound (荷商艾司摩爾, 康德拉季耶夫)."""
    return _transliterated(dictionary_pieces(text))


def dictionary_pieces(text: str) -> list[str]:
    """The fewest dictionary words (and single characters) that make up `text`, simplified."""
    return _fewest_pieces(script.to_simplified(text))


def _fewest_pieces(text: str, longest: int = 8) -> list[str]:
    """Dynamic programming over split points: fewest dictionary words covering `text`."""
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        so_far = best[i]
        if so_far is None:
            continue
        if not has_han(text[i]):
            j = i
            while j < n and not has_han(text[j]):
                j += 1
            piece = text[i:j].strip()
            candidate = so_far + ([piece] if piece else [])
            rival = best[j]
            if rival is None or len(candidate) < len(rival):
                best[j] = candidate
            continue
        for j in range(min(n, i + longest), i, -1):
            piece = text[i:j]
            # single characters always qualify: their meaning may sit behind a "variant of" entry
            if j - i == 1 or any(concise_senses(e, 1) for e in dictionary.lookup(piece)):
                candidate = so_far + [piece]
                rival = best[j]
                if rival is None or _split_rank(candidate) < _split_rank(rival):
                    best[j] = candidate
    return best[n] or []


def _split_rank(pieces: list[str]) -> tuple[int, int, int, list[int]]:
    """Fewest pieces; then fewest single characters that are no affix where they stand
    (非 + 法人 + 组织, not 非法 + 人 + 组织); then fewest single characters (代表 + 作品, not
    代表作 + 品); then longer words first (固定 + 论 + 学说, not 固 + 定论 + 学说)."""
    def loose(index: int, piece: str) -> bool:
        if len(piece) != 1:
            return False
        if index == 0:
            return piece not in _PREFIXES
        return piece not in (_SUFFIXES if index == len(pieces) - 1 else _JOINS)
    singles = sum(len(p) == 1 for p in pieces)
    return len(pieces), sum(loose(i, p) for i, p in enumerate(pieces)), singles, [-len(p) for p in pieces]
