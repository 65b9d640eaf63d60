"""CC-CEDICT's senses of an entry, the ones that fit the term's context first."""

from __future__ import annotations

import re

from deckgen import script
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry
from deckgen.records import Segmenter, Term
from deckgen.script import HAN_RANGES, has_han

MAX_SENSES = 3


ENGLISH_TARGET = 90  # characters of English: a second or third sense only while under this
SYNONYMS = 2  # near-synonyms kept within one sense ("to intertwine; to band together")
EXPLANATION = 60  # characters: a sense this long explains; context does not pull it forward
ASIDE_MAX = 24  # a parenthesis longer than this explains rather than glosses: left out
NARROW = 40  # characters: a first sense this long explains a narrow use
# a bracket of examples ('dried food (including dried fruits, … abalone)', '(physics)
# attraction (gravitational, magnetic, electrostatic etc)') makes a sense long, not narrow
_EXAMPLES = re.compile(r"\s*\([^()]*\b(?:etc|e\.g\.|including|such as)\b[^()]*\)"
                       # ... nor is a species' Latin name, nor another English name for it:
                       # 韭菜 'garlic chives (Allium tuberosum), aka Chinese chives'
                       r"|\s*\([A-Z][a-z]+ [a-z]+\)|,? aka .*$")


def concise_senses(entry: Entry, limit: int = MAX_SENSES, context: str = "", taiwan: bool | None = None) -> list[str]:
    """At most `limit` senses, the ones that fit `context` (English words around the term)
    first; a further sense only while the whole stays short enough to read at a glance.
    CC-CEDICT's markup is made plain text (漢|汉[Han4] -> 汉). `taiwan`: whether the text
    is written in Traditional characters (None: not known); see _by_fit."""
    senses: list[str] = []
    def set_aside(sense: str) -> bool:
        # ... and, in a text in Simplified characters, a sense of Taiwan's (事业单位 '(Tw)
        # business enterprise' beside 'public institution')
        return (_dated(sense) or _exclaimed_in_talk(sense, entry.senses) or _in_marked_register(sense, entry.senses)
                or (taiwan is False and sense.startswith("(Tw)")))

    current = [s for s in entry.senses if dictionary.is_meaning(s) and not set_aside(s)]
    for sense in _by_fit(entry.senses, context, taiwan):
        if not dictionary.is_meaning(sense) or (current and set_aside(sense)) or _ONLY_A_LINK.match(sense):
            continue
        sense = short(plain(sense))
        if not sense or sense in senses:
            continue
        if senses and len("; ".join([*senses, sense])) > ENGLISH_TARGET:
            break
        senses.append(sense)
        if len(senses) == limit:
            break
    return senses


_REFERENCE = re.compile(r"([^\s\[\]/,;()|]+)\|([^\s\[\]/,;()|]+)(?=\[|\b|\s|$)")


# "abbr. for 維持生活|维持生活[wei2 chi2 sheng1 huo2]": no meaning of its own; meaning.py
# follows it to the entry it names
_ONLY_A_LINK = re.compile(r"^abbr\. (?:for|of|to) [^\s\[\]/,;()]+(?:\[[^\]]*\])?$")


_CHINESE_WORD = re.compile(f"(?<!ends in)(?<!end in)(?<!ending in)(?<!begins with)(?<!starting with)"
                           f"\\s+[{HAN_RANGES}]+(?=[\\s,;.)]|$)")


def plain(sense: str) -> str:
    """A sense as a learner reads it: no pinyin brackets, one script in cross-references
    (楚[Chu3] -> 楚, 漢|汉[Han4] -> 汉), no region tag."""
    sense = re.sub(r"\s*\(Tw\)\s*", " ", sense).strip()
    # another English name is a gloss: 直辖市 'also called directly governed city'
    sense = re.sub(r"^(?:also called|also known as|a\.k\.a\.) (?=[a-zA-Z])", "", sense)
    sense = re.sub(r"(?:^|;)\s*CL:[^;]*", "", sense).strip()  # a classifier is a field of its own
    # a note on how the word is said is no meaning: 卡位 '… (also pr. [qia3 wei4])'
    sense = re.sub(r"\s*\((?:also|always|usually|often|sometimes) pr\. [^()]*\)", "", sense)
    sense = re.sub(r"\s*\[[a-zA-Z0-9:, ]+\]", "", sense)
    sense = _REFERENCE.sub(lambda m: m.group(2), sense)
    sense = "; ".join(filter(None, map(_without_chinese, sense.split(";"))))
    sense = re.sub(r"\)(?=(?:fig|lit)\. )", "); ", sense)  # '…observed (idiom)fig. to execute…'
    items = [i.strip() for i in sense.split(";")]
    if len(items) > 1 and items[0].startswith("lit. ") and any(i.startswith("fig. ") for i in items):
        # an idiom's figurative sense is the one it is used in; the literal one explains it
        items.sort(key=lambda i: not i.startswith("fig. "))
        sense = "; ".join(items)
    return re.sub(r"\s{2,}", " ", sense).strip()


# ... or what a thing is used to make: 青檀 'the bark of which is used to manufacture 宣纸'
_DANGLING = re.compile(r"\b(?:for|of|see|as|with|from|to|by|in|on|at|called|named|written|used to [a-z]+)\s*$")


def _without_chinese(item: str) -> str:
    """The Chinese of a cross-reference is no English: 'Cambrian 寒武纪' -> 'Cambrian',
    unless the sense is about how a word is written: 园长 'person in charge of a place that
    ends in 园, such as a vineyard, zoo …' keeps its 园;
    '(abbr. for 课程软件)', '(abbr. to 电竞)' -> ''. What pointed at the Chinese says nothing without it:
    'Taiwanese term for 網絡' goes, 'refers to 夜明珠, a legendary pearl' keeps the pearl;
    'to show solicitude for' never pointed at anything and stays."""
    english = re.sub(r"\s*\((?:abbr\.|short) (?:for|of|to) [^()a-zA-Z]*\)", "", item)
    english = _CHINESE_WORD.sub("", english)
    english = re.sub(r"\b(?:refers to|see also|see|same as|abbr\. for|short for|i\.e\.),\s*", "", english)
    if english == item:
        return english.strip()
    # a list of the Chinese words leaves its commas behind: "China's three northern
    # regions, 东北, 华北 and 西北" says what it needs before them
    english = re.sub(r"\s*\((?:\s*[,;][^()]*|\s*(?:e\.g\.|i\.e\.|such as)?[\s,;.]*(?:(?:and|or)[\s,;.]*)*)\)",
                     "", english)  # … and 配送's '(i.e. 配货 and 送货)', no '(i.e. and)'
    # an aside left pointing at nothing: 'swindler (homonym of 拜托)' is a swindler, 压力山大
    # 'under great pressure (a pun on 亚历山大)' is under great pressure
    english = re.sub(r"\s*\([^()]*\b(?:of|for|to|see|as|with|from|by|on|in|at)\s*\)", "", english)
    debris = _LIST_DEBRIS.search(english)
    if debris:
        english = english[:debris.start()]
    if _DANGLING.search(english) and not _DANGLING.search(item):
        # 'Shanghai municipality, central east China, abbr. to 沪': the clause that
        # pointed at the Chinese goes; with nothing before it, the whole sense
        head = english[:english.rfind(",")] if "," in english else ""
        english = head if head and not _DANGLING.search(head) else ""
    if not set(re.findall(r"[a-z]{2,}", re.sub(r"\([^()]*\)", "", english).lower())) - _GLUE:
        # the Chinese was what the sense is about: 'lit. 之, 乎, 者 and 也 (…)' is no 'lit.,, and'
        return ""
    return english.strip()


_LIST_DEBRIS = re.compile(r"\s*(?:,\s*(?:and|or)?\s*){2,}|\s*,\s*(?:and|or)?\s*$|\s+(?:and|or)\s*$")
_GLUE = frozenset({"lit", "fig", "and", "or", "idiom", "as", "in", "of", "also"})  # 茧子 'also 趼子


_EXAMPLE_ASIDE = re.compile(r"\s*\((?:e\.g\.|i\.e\.|such as|usu\.|esp\.)")


def short(sense: str) -> str:
    """A plain sense cut to what a card shows: no dating tags, no long asides, no list of
    what an era covers, at most SYNONYMS near-synonyms."""
    sense = re.sub(r"\((?:neologism|loanword|slang|Internet slang|coll\.)[^)]*\)\s*", "", sense)
    sense = re.sub(r",? (?:covering|including|comprising) [^;)]*", "", sense)  # 古生代 'covering Cambrian, …'

    def aside(m: re.Match) -> str:
        # kept where the sense needs it: "to transfer (a patient for treatment in a different hospital)"
        rest = sense.replace(m.group(0), "")
        example = re.match(_EXAMPLE_ASIDE, m.group(0))
        return m.group(0) if len(rest.split(";")[0].split()) < 3 and not example else ""

    sense = re.sub(r"\s*\([^()]{" + str(ASIDE_MAX) + r",}\)", aside, sense)
    items = [i.strip() for i in sense.split(";") if i.strip() and not i.strip().startswith("CL:")]
    return "; ".join(items[:SYNONYMS])


WORD = re.compile(r"[a-z]{3,}")


def stems(english: str) -> set[str]:
    """The content words of some English, cut to their first letters so that a word's
    forms match (production, productive), for telling which sense a context calls for."""
    return {w[:STEM] for w in WORD.findall(english.lower())} - _COMMON


STEM = 6


STOP_WORDS = frozenset("the and for with sth one sb's who which that from into used abbr lit fig also etc not".split())
# Words too common in glosses to show that a sense fits the context ('to have a
# serious conversation' shares 'have' with nearly any sentence's glosses).
_COMMON = STOP_WORDS | frozenset("""have has had make take get give put come being been was were are its his her
their them they she him you your our can may will should would could must out about over very more most other
some such any all person people thing things way onto upon after before under between through during without
within first second time times""".split())  # 'for the first time' fits any 第一 or 时候

# Senses a reader of today's texts rarely means: historical, regional, dated or
# register-marked uses, surnames, and notes about readings or other forms.
_DATED = re.compile(
    r"\((?:originally|archaic|old|literary|dialect|Cantonese|slang|Internet slang|classical|obsolete)\)"
    r"|^surname |\(surname\)|variant of |\bpr\. \[|\bdynasty\b|\b\d+ ?BC\b|\(\d+-\d+ BC\)"
    r"|Spring and Autumn|Warring States|\bin ancient times\b|^old name\b|^(?:formerly|former name)\b"
    r"|^used (?:for|as) \S*[\u3400-\u9fff]",  # a usage note: 师父 'used for 師傅|师傅 (in Taiwan)'
    re.I,
)
_NEW = re.compile(r"\(neologism")

# Fields an aside may name a sense by: the one the text is in makes that sense fit.
_FIELDS = frozenset("""geological geology medical medicine legal law chemical chemistry biological biology
mathematical mathematics math physics physical computing linguistics linguistic military botanical botany
zoological zoology anatomical anatomy astronomical astronomy financial finance economics economic music
musical sports""".split())


_SPORT_CUES = stems("match game team player league coach championship tournament rebound basketball "
                   "football soccer opponent referee season athlete")
_FIELD_CUES = {
    "sports": _SPORT_CUES, "basketball": _SPORT_CUES, "soccer": _SPORT_CUES, "football": _SPORT_CUES,
    "finance": stems("stock shares securities bourse"),
    "computing": stems("computer software program data network internet server code algorithm"),
    "medicine": stems("patient disease hospital doctor treatment symptom infection clinical"),
    "law": stems("court legal defendant plaintiff judge criminal statute lawsuit"),
}


def fit(senses: tuple[str, ...], context: str) -> int:
    """Content words the senses share with the context (the English around the term)."""
    wanted = stems(context)
    words = stems(" ".join(short(plain(s)) for s in senses))
    return len(words & wanted)


def _dated(sense: str) -> bool:
    return bool(_DATED.search(sense)) and not _NEW.search(sense)


# Marks of a register a reader of today's texts rarely means, which CC-CEDICT writes
# once before a run of synonyms.
_REGISTER = re.compile(r"^\((?:slang|Internet slang|dialect|Cantonese)\)")


def _in_marked_register(sense: str, senses: tuple[str, ...]) -> bool:
    """An unmarked sense right after senses of a marked register is of that register
    too: CC-CEDICT marks the first of the synonyms only ('(slang) big dick', 'schlong'
    of 巨龙 'gigantic dragon'; '(dialect) firm', 'robust' of 瓷实)."""
    at = senses.index(sense)
    while at > 0 and not senses[at].startswith("("):
        at -= 1
        if _REGISTER.match(senses[at]):
            return True
    return False


def _exclaimed_in_talk(sense: str, senses: tuple[str, ...]) -> bool:
    """An exclamation CC-CEDICT lists after the word's other senses is how talk uses the
    word ('(Tw) damn!; crap!' of 機車 'scooter', 'Shut up!' of 住嘴 'to hold one's
    tongue'), not what a text means by it. Words that are exclamations first (万岁,
    午安) keep them."""
    return sense != senses[0] and all(part.strip().endswith("!") for part in sense.split(";"))


def _place_elsewhere(sense: str, wanted: set[str]) -> bool:
    """A small place the text does not go near: 三星 'Sanxing Township in Yilan County' in
    a text that names no Yilan is Samsung, its other sense."""
    place = _SMALL_PLACE.search(plain(sense))
    return place is not None and bool(wanted) and not stems(place.group(1)) <= wanted


_SMALL_PLACE = re.compile(r"\b(?:Township|County|District|Village|Town|Prefecture)\s+in\s+([A-Z][a-z]+)")


def _by_fit(senses: tuple[str, ...], context: str, taiwan: bool | None = None) -> list[str]:
    """Senses sharing words with the context first; then today's senses before dated ones.

    A sense CC-CEDICT marks as Taiwan's ("(Tw) plastic" of 塑膠, "(Tw) trillion" of 兆,
    "(Taiwanese) grandfather" of 阿公) comes first in a text written in Traditional
    characters, and last in one written in Simplified, context or not.

    The context is the English of the words around the term in its sentences (their
    CC-CEDICT glosses), so for 内卷 next to 过度竞争 "excessive competition", the sense
    "to become increasingly competitive" comes before "(embryology) to involute".
    Without such evidence, a recent sense that is not slang ("(neologism c. 2017) (of a
    society) to become more and more of a rat race") comes first, and a figurative one
    ("(fig.) weak point" of 短板) before the literal image it is drawn from. A dated sense
    ("(originally) the Hong Canal …", "a chief of the Spring and Autumn Period")
    comes last whatever the context, and an idiom's "lit. …" after its "fig. …".
    """
    wanted = stems(context)
    has_fig = any(re.match(r"^\(?fig\.", s) for s in senses)
    # A figurative sense goes before a plain one when CC-CEDICT's first sense is a
    # narrow one it has to explain at length (短板 'short stave of the barrel (which
    # allows the contents to escape)', 催生 'to pressure a younger relative to hurry up
    # and have a baby'); otherwise its order stands: 喝茶 is 'to drink tea' before it is
    # a meeting with state security, 掳掠 'to plunder' before 'to win hearts'.
    figurative_first = has_fig and len(_EXAMPLES.sub("", senses[0])) >= NARROW
    places = _places_in_groups(senses)

    def fit(item):
        i, sense = item
        shown = short(plain(sense))  # what the card would show is what must fit
        # a leading label names the field ('(chemistry) mole') and counts; an aside after
        # the gloss only explains it ('to update (to a new model of product)') and does not,
        # unless it names, in a few words, what the verb takes ('to open (an account, a branch
        # store etc)' of 开立 beside 账户 'account')
        said = re.sub(r"(?<=\S)\s*\((?!(?:an?|the|one's|sb's|sth) [^()]{1,40}\)$)[^()]*\)", "", shown)
        words = stems(said)
        # ... except an aside that opens with a field: it says where the sense is used
        # ('tertiary (geological era since … the Cretaceous-Tertiary boundary …)')
        field = re.search(r"\((\w+)([^()]*)\)", shown)
        if field and field.group(1).lower() in _FIELDS:
            words |= stems(field.group(0))
        # ... and a field label fits the words a text of that field uses: '(basketball)
        # outside the three-point line' of 外线 beside 'rebound' and 'team'
        label = re.match(r"^\((\w+)\)", sense)
        if label:
            words |= _FIELD_CUES.get(label.group(1).lower(), frozenset())
        dated = (_dated(sense) or _exclaimed_in_talk(sense, senses) or _in_marked_register(sense, senses)
                 or _place_elsewhere(sense, wanted))
        literal = has_fig and bool(re.match(r"^\(?lit\.", sense))
        # (a loanword's label says where the word is from, not the field it is used in: 拜拜
        # '(loanword) bye-bye')
        specialist = bool(re.match(r"^\((?!coll|fig|lit|Tw|of |neolog|loanword)[a-z. ]+\)", sense)) or (
            "for this sense)" in sense)  # a sense said one way only is as narrow: 卡位 'booth seating'
        # a long sense shares more words by chance; an explanation (灾变论's "the theory
        # that geological change …") is not the gloss ("catastrophism")
        overlap = min(len(words & wanted), 2) if wanted and len(said) <= EXPLANATION else 0
        # a slang coinage is no safer a first guess than the word's older sense (接盘 in
        # a business text is buying up a struggling business)
        recent = _NEW.search(sense) and "(slang)" not in sense
        kind = 0 if recent else 1 if figurative_first and re.match(r"^\(?fig\.", sense) else 2
        regional = sense.startswith(("(Tw)", "(Taiwanese)")) or " (Tw) " in f" {sense} "
        region = 0 if taiwan is None or not regional else -1 if taiwan else 1
        # a Taiwan sense goes last in a text in Simplified characters, whatever words it
        # shares: 事业单位 in a mainland regulation beside 企业 is a 'public institution',
        # not Taiwan's 'business enterprise'
        # ... and in a text in Traditional characters it comes first, as Taiwan uses the word,
        # whatever words the context shares with another (機車 beside 引擎 'engine' is a scooter):
        # it ranks as if it shared the most any sense can
        if region < 0:
            return (dated, literal, False, -2, region, kind, specialist, places[i], i)
        return (dated, literal, region > 0, -overlap, region, kind, specialist, places[i], i)

    return [s for _, s in sorted(enumerate(senses), key=fit)]


def _places_in_groups(senses: tuple[str, ...]) -> list[int]:
    """Each sense's place among the senses of its group: CC-CEDICT lists a word's meanings
    a group at a time, a noun's group closed by its classifier (粉丝 'bean vermicelli /
    mung bean starch noodles / … / CL:把 / fan (loanword) / enthusiast'). Where nothing
    tells them apart, each group's first sense comes before another's synonyms, so that a
    card shows 'bean vermicelli; fan', not three names for the noodles."""
    places, place = [], 0
    for sense in senses:
        places.append(place)
        place = 0 if sense.startswith("CL:") else place + 1
    return places


def classifier_of(entry: Entry) -> str:
    for sense in entry.senses:
        if sense.startswith("CL:"):
            items = [re.sub(r"\[.*?\]", "", c) for c in sense[3:].split(",")]
            return ", ".join(i.split("|")[-1] for i in items if i)
    return ""


def context_english(term: Term, segmenter: Segmenter) -> str:
    """The English glosses of the words around the term, to choose its senses by."""
    words = []
    for sentence in term.sentences[:3]:
        for token in segmenter.tokens(sentence.simplified):
            if len(token.text) >= 2 and token.text != term.simplified and has_han(token.text):
                words.append(token.text)
    if term.gloss:
        words.extend(t.text for t in segmenter.tokens(script.to_simplified(term.gloss)) if len(t.text) >= 2)
    glosses: list[str] = []
    for word in dict.fromkeys(words):
        for e in dictionary.lookup(word)[:1]:
            glosses.extend(e.senses[:2])
    return " ".join(glosses)
