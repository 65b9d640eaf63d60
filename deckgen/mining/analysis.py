"""One source analysed once: its sentences cut into runs of words, n-grams counted,
quoted terms, definitions and the places names stand in."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import jieba_words
from deckgen.memo import memo
from deckgen.mining import discovery
from deckgen.mining.definitions import _MAY_DEFINE, _Analysed, _Gloss, _glosses, _infobox_gloss
from deckgen.mining.words import (
    _HAN_ONLY,
    _HAS_HAN,
    _NEGATIONS,
    _PARTICLE_TAGS,
    _TERM_IN_QUOTES,
    COMMON_SURNAMES,
    NOUN_SUFFIXES,
    TITLES_AFTER_A_NAME,
    TITLES_BEFORE_A_GIVEN_NAME,
    _is_guess,
    _join_prefix_lei,
    _known_word,
    _merge_latin,
    _tag,
    _wordlike,
)
from deckgen.records import Segmenter, Source
from deckgen.script import to_simplified


def _runs(tokens: Sequence[str], outside: Collection[int] = ()) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(offset, tokens) of each run of word tokens; the tokens at the indices `outside`
    break runs as punctuation does."""
    out = []
    run: list[str] = []
    start, pos = 0, 0
    wordlike = _wordlike
    for index, token in enumerate(tokens):
        if wordlike(token) and index not in outside:
            if not run:
                start = pos
            run.append(token)
        elif run:
            out.append((start, tuple(run)))
            run = []
        pos += len(token)
    if run:
        out.append((start, tuple(run)))
    return tuple(out)


# The dot that joins the parts of a transliterated name: 阿丽娜·萨利诺娃, 西塔拉姆・梅瓦蒂.
_NAME_DOTS = "·・‧•･∙⋅"
_NAME_DOT = re.compile(f"[{_NAME_DOTS}]")
# A word this common in general use is no piece of such a name (记者 of 记者阿丽娜·萨利诺娃).
_COMMON_WORD = 300


def _in_dotted_names(tokens: Sequence[str]) -> frozenset[int]:
    """Indices of the tokens of the names a dot joins, and of the dots: from each dot out
    to the nearest common word or sign either way. No piece of such a name (伊曼 'imam'
    of 伊曼·马哈穆德, 西塔 'theta' of 西塔拉姆・梅瓦蒂) is a word of the text."""
    inside: set[int] = set()
    for index, token in enumerate(tokens):
        if token in _NAME_DOTS:
            inside.add(index)
            for step in (-1, 1):
                at = index + step
                while 0 <= at < len(tokens) and _may_be_part_of_a_name(tokens[at]):
                    inside.add(at)
                    at += step
    return frozenset(inside)


def _may_be_part_of_a_name(token: str) -> bool:
    if not _HAN_ONLY.match(token):
        return False
    return len(token) == 1 or _tag(token).startswith(("nr", "ns")) or \
        jieba_words.word_frequencies().get(token, 0) < _COMMON_WORD


def _split_suffixes(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """jieba glues a noun suffix to the next character (出借 + 人向, 保证 + 人为): a token
    that starts with a noun suffix after a word is the suffix of that word and the
    start of the next, so discovery can see 出借人 and 保证人. A guess of jieba's (人向)
    is always split; a word (人为 "man-made", 人和) only where the suffix makes a known
    word of the one before it (保证人) and the second character is a preposition or a
    verb of being (保证人为借款人提供担保). A word of three characters (性病变) is split
    where the suffix makes a known word of the one before it and the rest is a word
    (进行性 + 病变)."""
    # Most sentences hold no noun suffix at all, which one search of their text tells;
    # _suffix_start is remembered per token, as a text repeats its words.
    if not _NOUN_SUFFIX.search("".join(tokens)) or not any(map(_suffix_start, tokens)):
        return tokens
    out: list[str] = []
    for token in tokens:
        if (_suffix_start(token) and out and len(out[-1]) >= 2
                and (_is_guess(token) or _known_word(out[-1] + token[0]))):
            out += (token[0], token[1:])
        else:
            out.append(token)
    return tuple(out)


_NOUN_SUFFIX = re.compile(f"[{''.join(sorted(NOUN_SUFFIXES))}化]")


# Characters that follow a noun as a preposition or a verb of being (保证人为, 当事人在).
_AFTER_NOUN = frozenset("为是在向对与和将把被从")


@memo(1 << 20)
def _suffix_start(token: str) -> bool:
    if len(token) == 3:  # 进行 + 性病变: 进行性 'progressive' + 病变 'lesion', not 性病 'VD'
        return token[0] in NOUN_SUFFIXES and _known_word(token[1:])
    return len(token) == 2 and token[0] in _GLUED_SUFFIXES and (token[1] in _AFTER_NOUN or _is_guess(token))


# ... and 化 '-ization' too, which jieba glues the same way (少子 + 化与, 高龄 + 化是)
_GLUED_SUFFIXES = NOUN_SUFFIXES | {"化"}


@dataclass(frozen=True, eq=False)
class _SourceAnalysis:
    sentences: tuple[_Analysed, ...]
    # Plain dicts and tuples of strings, which the cycle collector stops walking after
    # its first full pass (it walks a Counter's or a list's every member on each pass).
    grams: dict[str, int]  # token n-gram -> occurrences
    cuts: tuple[str, ...]  # each way jieba cut those n-grams (the keys of discovery.count_cuts)
    cut_texts: tuple[str, ...]  # the text of each of those cuts (discovery.texts)
    words: frozenset[str]  # the single tokens among the n-grams
    marked: Counter  # quoted term (simplified) -> times quoted
    glosses: tuple[_Gloss, ...]
    person_cues: Counter  # token -> times it stands where a person's name stands
    addressed: Counter  # token -> times it is called or spoken to as a person (“水生，…”, 叫水生)
    # names the text gives people beyond doubt (simplified): a play's speakers and the given
    # names of those of three characters (唐铁嘴: 铁嘴), which the text uses alone, and a given
    # name between a surname and a title (张 + 启明 + 教授), even one that is a word (Venus)
    people: frozenset[str] = frozenset()
    title: str = ""  # the source's title line, simplified ("" if it has none)
    headings: tuple[str, ...] = ()  # its section headings, simplified
    title_written: str = ""  # the title line as the source writes it


@memo(2048)
def _analyse(source: Source, segmenter: Segmenter) -> _SourceAnalysis:
    """Segment a source's clean sentences once; mining the same corpus again, or another
    corpus holding the same source (a deck of all seeds and a topic deck of two), is cheap.

    Only running text is analysed: titles, headings, captions, bylines, references and
    link lists (reading.structure) are no sentences of the text; titles and headings
    are kept aside for salience."""
    running = [s for s in source.sentences if s.kind == "text"]
    title_line = next((s for s in source.sentences if s.kind == "title"), None)
    title = title_line.simplified if title_line else ""
    headings = tuple(s.simplified for s in source.sentences if s.kind == "heading")
    simplified = [s.simplified for s in running]
    sentences = []
    marked: Counter = Counter()
    glosses: list[_Gloss] = []
    person_cues: Counter = Counter()
    addressed: Counter = Counter()
    titled: set[str] = set()
    # The quoted spans _marked_terms cuts alone, cut now in one batch.
    segmenter.words_of_each(inside for simp in simplified if _MAY_QUOTE.search(simp) for inside in _quoted(simp))
    for sentence, simp, cut in zip(running, simplified, segmenter.words_of_each(simplified)):
        tokens = _split_suffixes(_join_prefix_lei(_merge_latin(cut)))
        names = _in_dotted_names(tokens) if _NAME_DOT.search(simp) else ()
        analysed = _Analysed(sentence, simp, tokens, _runs(tokens, names))
        sentences.append(analysed)
        if _MAY_QUOTE.search(simp):
            marked.update(_marked_terms(simp, segmenter))
        if _MAY_DEFINE.search(simp):
            glosses.extend(_glosses(analysed))
        _count_person_cues(analysed.tokens, person_cues)
        _count_addresses(analysed.tokens, addressed)
        titled.update(_titled_given_names(analysed.tokens))
        if _NAMING.search(simp):
            titled.update(_named(analysed.tokens))
        if "叫" in simp or "称" in simp or "喊" in simp or "号" in simp or "名" in simp:
            titled.update(name for pair in _CALLED.findall(simp) for name in pair if name)
    # a glossary's entries are a list, no running text, but they define: · RAG（Retrieval-Augmented
    # Generation，检索增强生成）
    entries = [s for s in source.sentences if s.kind == "list item" and _MAY_DEFINE.search(s.simplified)]
    for sentence, cut in zip(entries, segmenter.words_of_each([s.simplified for s in entries])):
        tokens = _split_suffixes(_join_prefix_lei(_merge_latin(cut)))
        glosses.extend(_glosses(_Analysed(sentence, sentence.simplified, tokens, _runs(tokens, ()))))
    glosses.extend(_infobox_gloss([s.simplified for s in source.sentences if s.kind != "text"], title))
    cuts = discovery.count_cuts(run for s in sentences for _, run in s.runs)
    grams, cut_texts = discovery.texts(cuts)
    words = frozenset().union(*(s.tokens for s in sentences))
    titled.update(_given_names(words, segmenter))
    speakers = frozenset(to_simplified(name) for name in source.speakers)
    people = speakers | frozenset(name[1:] for name in speakers if len(name) == 3) | frozenset(titled)
    return _SourceAnalysis(tuple(sentences), grams, tuple(cuts), tuple(cut_texts), words, marked, tuple(glosses),
                           person_cues, addressed, people, title, headings,
                           title_line.text if title_line else "")


# Where names stand in news and interviews: after a title (教授戚凯, 研究总监杨瑞临,
# 创始合伙人米磊), before a verb of saying (杨瑞临表示, 周鸿祎所说) or a colon (米磊：).
_TITLES = (
    "教授", "学者", "研究员", "主任", "总监", "主管", "经济学家", "分析师", "董事长", "总裁", "总经理",
    "创办人", "创始人", "合伙人", "总理", "部长", "副部长", "国务卿", "主席", "总统", "书记", "院士",
    "记者", "主编", "编辑", "作者", "发言人", "首席", "执行长", "理事长", "局长", "市长", "省长", "所长", "院长",
)


_SPEECH = frozenset(
    "说 表示 指出 认为 强调 补充 判断 透露 坦言 坦承 直言 提到 谈到 所说 所言 称 回应 解释 预测 预估 相信 接受".split()
)


_ADVERBS = frozenset("又 也 便 就 却 还 才 都 总 则 忙 只".split())


# ... and, in a story, asking, crying out or answering at the end of a clause (“你当上官了？”福贵问。)
_ASKS = frozenset("问 道 喊 答".split())
_CLAUSE_END = frozenset("，。！？：:,“「")


_PERSON_CUE = re.compile("|".join(sorted((*_TITLES, *_SPEECH, "：", ":"), key=len, reverse=True))
                         + "|[问道喊答][，。！？：:,“「]")


def _count_person_cues(tokens: Sequence[str], cues: Counter) -> None:
    if not _PERSON_CUE.search("".join(tokens)):
        return
    for i, token in enumerate(tokens):
        if not (2 <= len(token) <= 3 and _HAN_ONLY.match(token)):
            continue
        before = tokens[i - 1] if i > 0 else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        then = tokens[i + 2] if i + 2 < len(tokens) else ""
        if (before.endswith(_TITLES) or after in _SPEECH or after in ("：", ":")
                or (after in _ASKS and then in _CLAUSE_END)
                or (after in _ADVERBS and (then in _SPEECH or then == "对"))  # 闰土又对我说
                or (after == "这" and then in ("名字", "人"))):  # 闰土这名字
            cues[token] += 1


def _titled_given_names(tokens: Sequence[str]) -> list[str]:
    """A given name jieba cut from its surname, before a title: 张 + 启明 + 教授; or after
    it, as Taiwan's legislature calls its members and ministers, before what they say:
    王 + 委员 + 建国 + ：, 郭 + 部长 + 振宇 + 表示."""
    names: list[str] = []
    if not TITLES_AFTER_A_NAME.isdisjoint(tokens):
        names += [token for before, token, after in zip(tokens, tokens[1:], tokens[2:])
                  if after in TITLES_AFTER_A_NAME and before in COMMON_SURNAMES and 1 <= len(token) <= 2
                  and _HAN_ONLY.match(token)]
    if not TITLES_BEFORE_A_GIVEN_NAME.isdisjoint(tokens):
        names += [token for surname, title, token, after in zip(tokens, tokens[1:], tokens[2:], tokens[3:])
                  if title in TITLES_BEFORE_A_GIVEN_NAME and surname in COMMON_SURNAMES and 1 <= len(token) <= 2
                  and _HAN_ONLY.match(token) and (after in _AFTER_A_MEMBER or after in _SPEECH)]
    return names


def _named(tokens: Sequence[str]) -> list[str]:
    """The name a story gives someone: 女孩子名叫小满 (小满, though CC-CEDICT's 小满 is a
    solar term), 小名叫虎子."""
    return [token for before, token in zip(tokens, tokens[1:])
            if before in _NAMING_WORDS and 2 <= len(token) <= 3 and _HAN_ONLY.match(token)]


def _may_be_a_full_name(token: str) -> bool:
    return (len(token) == 3 and token[0] in COMMON_SURNAMES and bool(_HAN_ONLY.match(token))
            and not dictionary.knows(token))


def _given_names(words: Collection[str], segmenter: Segmenter) -> list[str]:
    """The given names, used alone, of people the text names in full, a surname and two
    characters CC-CEDICT does not join, where jieba tags them a name: 許佳蓉站在三合院的埕上
    gives 佳蓉, whom the story then calls so (佳蓉愣了一下), though jieba also lists 佳蓉 as
    a place."""
    return [word[1:] for word in words
            if word[1:] in words and _may_be_a_full_name(word) and _tagged_a_name(word, segmenter)]


@memo(65536)
def _tagged_a_name(token: str, segmenter: Segmenter) -> bool:
    tag = jieba_words.tag(token)  # a name jieba's table lists, or one its tagger makes out
    return tag == "nr" if tag else [t.pos for t in segmenter.tagged_tokens(token)] == ["nr"]


# ... and the nickname a story calls someone by (人家便叫他“三癞子”) or the name of a child
# it introduces (她有一个儿子，叫小毛，…).
_CALLED = re.compile(
    r"(?:叫|喊|称|称呼|唤)(?:他|她)(?:做|作|为)?[“「『]([\u3400-\u9fff]{2,4})[”」』]"
    r"|(?:儿子|女儿|孩子|闺女|男孩|女孩|丫头|小子|姑娘|媳妇|老婆|丈夫|弟弟|妹妹|哥哥|姐姐|孙子|孙女|伙计|学徒|徒弟)"
    r"[，,]?(?:名字)?叫([\u3400-\u9fff]{2,3})(?=[，。,！；])"
    # ... or a nickname it gives: 马主任外号“马三炮”, “韩大拿”这个外号
    r"|(?:外号|绰号|诨名|浑名)[叫是]?[“「『]([\u3400-\u9fff]{2,4})[”」』]"
    r"|[“「『]([\u3400-\u9fff]{2,4})[”」』](?:这个|的)(?:外号|绰号|诨名|浑名)")


_NAMING_WORDS = frozenset("名叫 名字叫 叫名 取名 起名 小名 乳名 外号 绰号 小名叫 乳名叫".split())
_NAMING = re.compile("名叫|名字叫|取名|起名|小名|乳名|外号|绰号")


_AFTER_A_MEMBER = frozenset("： : 发言 质询 提问".split())  # 请王委员建国发言


def _count_addresses(tokens: Sequence[str], addressed: Counter) -> None:
    """Where a story calls a person by name: at the head of a quote and followed by a
    comma or an exclamation (“水生，给老爷磕头。”), or told by 叫 to do something (又叫水生
    上来打拱). Not 叫 naming a thing (这就叫内卷): no verb follows it."""
    if "叫" not in tokens and _OPENING_QUOTES.isdisjoint(tokens):
        return
    for i, token in enumerate(tokens[1:], 1):
        if not (2 <= len(token) <= 3 and _HAN_ONLY.match(token)):
            continue
        before, after = tokens[i - 1], tokens[i + 1] if i + 1 < len(tokens) else ""
        told = before == "叫" and (_tag(after).startswith("v") or after in _DIRECTIONS)
        if (before in _OPENING_QUOTES and after in _VOCATIVE_ENDS) or told:
            addressed[token] += 1


_OPENING_QUOTES = frozenset("“「『")
# Where a person is told to go or come (叫水生上来): jieba tags some of these as time words.
_DIRECTIONS = frozenset("来 去 上来 下来 过来 进来 出来 回来 起来 上去 下去 过去 进去 出去 回去".split())
_VOCATIVE_ENDS = frozenset("，,！!")


# ... and a microblog's #topic#, a term its writers chose to mark (#特种兵式旅游#).
_QUOTES = re.compile(r"「([^「」]+)」|『([^『』]+)』|“([^“”]+)”|‘([^‘’]+)’|\"([^\"]+)\"|#([^#\s]+)#")




def _marked_terms(simplified: str, segmenter: Segmenter) -> list[str]:
    """Quoted spans that look like terms: 2-8 characters, Han, no clause inside.

    Book titles in 《》 are names of works (《政府工作报告》, 《纽约时报》) and are left out.
    """
    return [inside for inside in _quoted(simplified) if _is_marked_term(inside, segmenter)]


def _quoted(simplified: str) -> list[str]:
    """The short quoted spans that may be terms (_is_marked_term tells)."""
    out = []
    for m in _QUOTES.finditer(simplified):
        inside = next(g for g in m.groups() if g is not None).strip()
        if 2 <= len(inside) <= 8 and _TERM_IN_QUOTES.match(inside) and _HAS_HAN.search(inside):
            out.append(inside)
    return out


_NEXT_OR_AGAIN = frozenset("下 上 又 再 这 那".split())
# A question: a verb or an adjective, 不 and it again (值不值得), or a question word.
_A_QUESTION = re.compile(r"(.)不\1|怎么|怎样|怎麼|怎樣|如何|为什么|為什麼|为何|為何|什么|什麼|吗$|嗎$|呢$")


def _is_marked_term(inside: str, segmenter: Segmenter) -> bool:
    words = segmenter.words_of(inside)
    # Quoted speech has particles, pronouns and prepositions; terms do not (把冷板凳坐穿). Nor
    # do they deny (“年轻人不愿意买房”), unless as short as a slogan or an idiom (“没房不嫁”).
    if len(inside) > 4 and any(w in _NEGATIONS for w in words):
        return False
    # ... nor say how or when a verb is done (“下雨天不用再白跑”), nor open on a verb of one
    # character and its complement (“写进资产负债表”): those are what someone said
    if len(inside) > 4 and (any(_tag(w).startswith("d") for w in words)
                            or (len(words[0]) == 1 and _tag(words[0]) == "v")):
        return False
    # ... nor ask something: “二战值不值得”, “二战失败怎么办”, as a search box was typed
    if len(inside) > 4 and _A_QUESTION.search(inside):
        return False
    # ... nor count what they name: “下一个新能源汽车”, “又一轮PPT造车”
    if len(inside) > 4 and len(words) > 1 and words[0] in _NEXT_OR_AGAIN and _tag(words[1]) == "m":
        return False
    return len(words) <= 4 and not any(_tag(w) in _PARTICLE_TAGS + ("p", "r", "c") for w in words)


_MAY_QUOTE = re.compile(r"[「『“‘\"#]")
