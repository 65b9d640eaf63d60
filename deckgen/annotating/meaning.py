"""The English of a term: CC-CEDICT's senses that fit, the text's own explanation, a
common acronym's expansion, or a gloss composed from the parts."""

from __future__ import annotations

import re
from collections import Counter

from deckgen import script, tables
from deckgen.annotating import names
from deckgen.annotating.composition import compose, dictionary_pieces, reduplicated, separable, written_by_sound
from deckgen.annotating.headword import headword_pinyin
from deckgen.annotating.senses import MAX_SENSES, concise_senses, context_english, fit, plain, short, stems
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon import english as english_words
from deckgen.lexicon.cedict import Entry
from deckgen.memo import once
from deckgen.records import Segmenter, Term
from deckgen.script import has_han

SYNONYM_MAX = 8  # an in-text gloss up to this long can stand in for the term
FROM_CEDICT = "CC-CEDICT"
FROM_TEXT = "defined in the text"
FROM_DECK = "the deck file"
FROM_TEXT_ENGLISH = "the text's own English"
_IN_ENGLISH = re.compile(r"[A-Za-z][A-Za-z' \-]*")
FROM_ACRONYMS = "deckgen's list of common acronyms"


NOTHING_KNOWN = "nothing known: not in CC-CEDICT and not explained in the texts"
NOTHING_KNOWN_SHORT = "nothing known"
FROM_ABBREVIATION = "abbreviates, in the text,"
FROM_SEPARABLE = "a separable word:"
FROM_ERHUA = "with the spoken suffix 儿:"
FROM_REDUPLICATION = "a doubled form of"
MAX_LINKED = 3  # words an abbreviation may stand for, shown
FROM_COMPOSED = "composed from its parts"
LITERALLY = "literally:"  # a composed gloss says so on the card


_ACRONYMS = "acronyms.tsv"


def entry_by_context(term: Term, entry: Entry | None, segmenter: Segmenter) -> Entry | None:
    """Of the entries written and read like `entry`, the one whose senses the context
    calls for: 新生代 in a geology text is the Cenozoic, not 'new generation'. The
    chosen entry stays unless another shares strictly more words with the context."""
    if entry is None:
        return None
    # Written like it in both scripts: 颱風 'typhoon' and 臺風 'stage presence' are two
    # words, both 台风 in Simplified, and the card spells the one it means (headword.py);
    # 悽涼 'mournful' and 淒涼 'desolate (place)' are one word spelt two ways.
    rivals = [e for e in dictionary.lookup(entry.simplified)
              if e != entry and e.pinyin == entry.pinyin and e.simplified == entry.simplified
              and dictionary.variant_spellings(e.traditional, entry.traditional) and concise_senses(e, 1)]
    if not rivals:
        return entry
    context = context_english(term, segmenter)

    def fitness(e: Entry) -> int:
        # A place's entry fits by the names it shares with the context (Tianjin, Jiangsu
        # for 滨海 'Binhai'), not by 'county' or 'district', which any list of places
        # shares with it: 濱海鄉鎮 beside Taitung County are coastal townships.
        if e.proper and not entry.proper:
            return fit(tuple(" ".join(_NAME.findall(s)) for s in e.senses), " ".join(_NAME.findall(context)))
        return fit(e.senses, context)

    best = max([entry, *rivals], key=lambda e: (fitness(e), e is entry))
    return best if fitness(best) > fitness(entry) else entry


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _regional(sense: str) -> bool:
    """A sense CC-CEDICT marks as Taiwan's: '(Tw) scooter', '(Taiwanese) grandfather'."""
    return "(Tw)" in sense or sense.startswith("(Taiwanese)")


def meaning_of(term: Term, entry: Entry | None, segmenter: Segmenter) -> tuple[str, str]:
    """(English, where it came from); ("", why nothing is known) when nothing trustworthy is.

    Tried in order: CC-CEDICT (following its "see X", "variant of X", "abbr. for X"), a
    common acronym's expansion, the text's own definition or expansion (in either
    direction), a long form the text abbreviates, a phrase composed from the parts
    (marked "literally"), a Latin name the text gives. The deck file and shared
    glossaries are applied over all of this by overrides.py.
    """
    if entry is not None:
        # which script the text is in matters only to an entry with a Taiwan sense
        taiwan = written_in_traditional(term) if any(map(_regional, entry.senses)) else None
        senses = concise_senses(entry, context=context_english(term, segmenter) if len(entry.senses) > 1 else "",
                                taiwan=taiwan)
        if senses and term.gloss and _IN_ENGLISH.fullmatch(term.gloss) and not term.expansion_of:
            # The text gives its own English (纠缠（entanglement）, 叠加（superposition）): the
            # sense it names comes first (叠加 'to superpose', CC-CEDICT's fourth), and where
            # none does, the author's English is the meaning, not 'to be in a tangle; to nag'.
            every = concise_senses(entry, limit=len(entry.senses), taiwan=taiwan)
            named = next((sense for sense in every if stems(sense) & stems(term.gloss)), None)
            if named is None:
                return term.gloss, FROM_TEXT_ENGLISH
            senses = [named, *(sense for sense in senses if sense != named)][:MAX_SENSES]
        if senses:
            # a Taiwan word, or a word whose sense shown first is Taiwan's (塑膠 'plastic',
            # not 買票 'to buy tickets; to buy votes')
            taiwan_first = senses[0] in {short(plain(s)) for s in entry.senses if s.startswith("(Tw)")}
            source = FROM_CEDICT + (" (Taiwan usage)" if entry.taiwan_only or taiwan_first else "")
            return "; ".join(senses), source
        # An entry that abbreviates several words (立委: 立法委员会 'legislative committee'
        # and 立法委员 'legislator') means any of them: the first sense of each, in order.
        targets = []
        linked = dictionary.linked_entries(entry)
        context = context_english(term, segmenter) if linked else ""
        for target in linked:
            regional = any(map(_regional, target.senses))
            senses = concise_senses(target, context=context, taiwan=written_in_traditional(term) if regional else None)
            if senses:
                targets.append((target, senses))
        if len(targets) == 1:
            target, senses = targets[0]
            return "; ".join(senses), f"{FROM_CEDICT}, via {target.simplified}"
        if targets:
            shown = list(dict.fromkeys(senses[0] for _, senses in targets))[:MAX_LINKED]
            return "; ".join(shown), f"{FROM_CEDICT}, via {', '.join(t.simplified for t, _ in targets[:MAX_LINKED])}"
    # The English the text itself gives the term (循环经济（circular economy）) is the
    # author's, for this text.
    if term.gloss and _IN_ENGLISH.fullmatch(term.gloss) and not term.expansion_of:
        return term.gloss, FROM_TEXT_ENGLISH
    # CC-CEDICT has almost no Latin headwords; an acronym's own expansion is a better
    # meaning than composing the Chinese the text spells it out with (GPU: 'graphics
    # processing unit', not 'figure + processor').
    spelled = _spelled_out(term)
    if spelled:
        return spelled, FROM_TEXT_ENGLISH
    if term.expansion_of and term.gloss and _IN_ENGLISH.fullmatch(term.gloss) and _initials_fit(term.text, term.gloss):
        # … or a glossary's entry: FMEA（Failure Mode and Effects Analysis，失效模式与影响分析）
        return term.gloss, FROM_TEXT_ENGLISH
    explained = term.expansion_of or term.gloss or ""
    letters = term.text if term.expansion_of and term.text.isascii() else ""
    # An expansion or a short synonym can stand in for the term; a long definition
    # ("即具備第四次工業革命要素…") goes to Chinese Definition, not into English.
    english, how = _english_of(explained, letters) if explained and (
        term.expansion_of or len(explained) <= SYNONYM_MAX) else ("", "")
    # An acronym's English, where the letters do not stand for something else here:
    # 生产许可证（PC） is no 'personal computer', 類澱粉前驅蛋白（APP） no 'application'
    # though no English is known for it.
    acronym = acronym_meaning(term.text)
    if acronym and (not term.expansion_of or (stems(acronym) & stems(english) if english
                                              else not _stands_for_another(term.expansion_of, term.text))):
        return acronym, FROM_ACRONYMS
    # ... and the expansion's English only where its words could be what the letters
    # stand for: 云厂商（CSP）, cut to 厂商, is no 'manufacturer'.
    if english and (not _an_acronym(letters) or any(_initials_fit(letters, sense.removeprefix(LITERALLY))
                                                    for sense in english.split("; "))):
        return english, f"{FROM_TEXT} as {explained}; {how}"
    # A long form the text abbreviates as a known acronym: 图形处理器 (GPU).
    abbreviated = acronym_meaning(term.abbreviation) if term.abbreviation else ""
    if abbreviated and not _acronym_of_a_part(term.simplified, term.abbreviation or ""):
        return abbreviated, f"abbreviated in the text as {term.abbreviation}; English from {FROM_ACRONYMS}"
    if term.long_form:
        english, how = _english_of(term.long_form, "")
        if english:
            return english, f"{FROM_ABBREVIATION} {term.long_form}; {how}"
    for form in (term.text, *term.forms):
        named = names.name_of(form)
        if named:
            return named, names.FROM_NAMES
    # the Latin abbreviation the text gives guides the parts' senses: 世界行动通讯大会 (MWC)
    # is a world mobile communications convention
    guide = term.abbreviation if term.abbreviation and term.abbreviation.isascii() else ""
    english, how = _english_of(term.text, guide, headword_pinyin(term, None, segmenter), direct=False)
    if english:
        return english, how
    if term.abbreviation and not has_han(term.abbreviation) and not abbreviated and (
            not _an_acronym(term.abbreviation) or len(term.abbreviation) >= 4 or written_by_sound(term.text)):
        # A name the text gives in Latin letters (荷商艾司摩爾 … ASML, 昇騰異構計算架構 … CANN):
        # the learner's English for it, and all that is known. Not the two or three letters
        # a concept is abbreviated to: 标准适航证（AC） is not 'AC', 共封装光学（CPO） not 'CPO'.
        return term.abbreviation, f"abbreviated in the text as {term.abbreviation}; not in CC-CEDICT"
    if explained:
        return "", f"{NOTHING_KNOWN_SHORT}; {FROM_TEXT} as {explained}"
    return "", NOTHING_KNOWN


def _an_acronym(text: str) -> bool:
    letters = text.replace("-", "")  # NIA-AA: two bodies' acronyms joined
    return 2 <= len(letters) <= 6 and letters.isascii() and letters.isalpha() and letters.isupper()


def _initials_fit(acronym: str, english: str) -> bool:
    """The acronym could stand for the English: it is one of its words, or each of its
    letters is the initial of one of its words, in any order, as a translation may put
    them ('type certificate of conformity' for TC, 'world mobile communications
    convention' for MWC; not 'manufacturer' for CSP)."""
    words = re.findall(r"[A-Za-z0-9]+", english)
    if acronym.upper() in (w.upper() for w in words):
        return True
    return not Counter(acronym.upper().replace("-", "")) - Counter(w[0].upper() for w in words)


# English words of a phrase, capitalised or not: Global Interpreter Lock, graphics processing unit
_ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z'\-]*(?:[ \t]+[A-Za-z][A-Za-z'\-]*){1,7}")


def _spelled_out(term: Term) -> str:
    """The English an acronym's own sentences spell out beside it (全局解释器锁（Global
    Interpreter Lock，简称 GIL）, CANN (Compute Architecture for Neural Networks)): a phrase
    whose initials, small words aside, are the acronym, with only brackets, a comma or
    简称 between them."""
    acronym = term.text
    # capitals, or one small letter before three capitals or more (eVTOL, mRNA)
    capitals = acronym[1:] if len(acronym) >= 4 and acronym[0].islower() else acronym
    if not (acronym.isascii() and acronym.isalpha() and capitals.isupper() and len(acronym) >= 2):
        return ""
    for sentence in term.sentences:
        text = sentence.text
        for m in _ENGLISH_PHRASE.finditer(text):
            before = text.rfind(acronym, max(0, m.start() - _BESIDE), m.start())
            after = text.find(acronym, m.end(), m.end() + _BESIDE)
            if not ((before != -1 and _BETWEEN.fullmatch(text, before + len(acronym), m.start()))
                    or (after != -1 and _BETWEEN.fullmatch(text, m.end(), after))):
                continue
            found = list(re.finditer(r"[A-Za-z']+", m.group()))  # words; a hyphen parts them too
            words = [w.group() for w in found]
            for first in range(len(words)):
                for last in range(first + len(acronym) - 1, min(len(words), first + 2 * len(acronym))):
                    phrase = words[first:last + 1]
                    if {phrase[0].lower(), phrase[-1].lower()} & english_words.SMALL_WORDS:
                        continue
                    if english_words.abbreviates(acronym, phrase):
                        return m.group()[found[first].start():found[last].end()]  # as written: Take-off
    return ""


_BESIDE = 12  # characters between an acronym and the phrase it abbreviates
# ... and what they may be: brackets, commas, 简称 'abbreviated'
_BETWEEN = re.compile(
    r"[\s（()）,，、：:]*(?:(?:英[文语語])?(?:简称|簡稱|缩写|縮寫|简写|簡寫)(?:为|為)?)?[\s（()）,，、：:]*"
)


def written_in_traditional(term: Term) -> bool | None:
    """Whether the term's sentences are written in Traditional characters; None where
    they do not tell."""
    told = script.script_if_told("".join(s.text for s in term.sentences[:3]))
    return None if told is None else told is script.Script.TRADITIONAL


def _english_of(chinese: str, letters: str, readings: tuple[str, ...] = (), *, direct: bool = True) -> tuple[str, str]:
    """English for a Chinese form: its CC-CEDICT senses (links followed), the word a
    separable phrase splits (举个例子 -> 举例), or a literal phrase from its parts."""
    simplified = script.to_simplified(chinese)
    named = names.name_of(chinese)
    if named:
        return named, f"English from {names.FROM_NAMES}"
    if direct:
        for e in dictionary.lookup(simplified):
            senses = concise_senses(e) or next(
                (concise_senses(t) for t in dictionary.linked_entries(e) if concise_senses(t)), [])
            if senses:
                return "; ".join(senses), "English from CC-CEDICT"
    word = separable(chinese)
    if word:
        entry = next(e for e in dictionary.lookup(word) if concise_senses(e, 1))
        return "; ".join(concise_senses(entry)), f"{FROM_SEPARABLE} {word}; English from CC-CEDICT"
    base = reduplicated(simplified)
    if base:
        # 起起落落 is 起落 said with emphasis: 'ups and downs'
        entry = next(e for e in dictionary.lookup(base) if concise_senses(e, 1) and not e.proper)
        return "; ".join(concise_senses(entry)), f"{FROM_REDUPLICATION} {base}; English from CC-CEDICT"
    stem = simplified.removesuffix("儿")
    if len(stem) < len(simplified) and has_han(stem):
        # the spoken 儿 suffix adds no meaning: 鱼儿 is 鱼, 'fish'
        for entry in dictionary.lookup(stem):
            senses = concise_senses(entry)
            if senses and not entry.proper:
                return "; ".join(senses), f"{FROM_ERHUA} {stem}; English from CC-CEDICT"
    composed, parts = compose(chinese, readings, letters=letters)
    if composed:
        return f"{LITERALLY} {composed}", f"{FROM_COMPOSED} ({' + '.join(parts)})"
    return "", ""


def _acronym_of_a_part(long_form: str, acronym: str) -> bool:
    """The long form says more than the acronym's English: its first or last word has no
    sense sharing a word with that English. 核心消费者物价指数年增率 (CPI) is a growth rate
    of core CPI, and neither 核心 'core' nor 年增率 'annual growth rate' is in 'consumer price
    index': the acronym's English would be too broad for the whole. 图形处理器 (GPU): 图形
    'graph', 处理器 'processor' are. Words between them may be put otherwise in English:
    贷款市场报价利率 (LPR) is the Loan Prime Rate, its 市场报价 'market quotation' unsaid."""
    expansion = _word_stems(acronym_meaning(acronym))
    words = _dictionary_words(long_form)
    return any(not _shares_a_word(piece, expansion) for piece in {*words[:1], *words[-1:]})


def _stands_for_another(long_form: str, acronym: str) -> bool:
    """The text spells the acronym out in dictionary words none of which shares a word
    with its common English: 類澱粉前驅蛋白 (APP) 'starch', 'precursor', 'protein' is no
    'application'. (Where words CC-CEDICT lacks make a third of it, one of them may be the
    one that does: 吉瓦 of 规划吉瓦, GW.)"""
    expansion = _word_stems(acronym_meaning(acronym))
    words = _dictionary_words(long_form)
    return (3 * sum(map(len, words)) >= 2 * len(long_form) and all(map(dictionary.knows, words))
            and not any(_shares_a_word(piece, expansion) for piece in words))


def _dictionary_words(text: str) -> list[str]:
    """The words of two characters or more among the dictionary pieces of `text`."""
    return [piece for piece in dictionary_pieces(text) if len(piece) >= 2 and has_han(piece)]


def _shares_a_word(word: str, stems: set[str]) -> bool:
    """A sense of the word among its first four shares a word with `stems`."""
    return bool(_word_stems(" ".join(s for e in dictionary.lookup(word) for s in e.senses[:4])) & stems)


def _word_stems(text: str) -> set[str]:
    """Words of three letters or more, cut to five, a plural's s first: 'rates' and 'rate' alike."""
    return {w.removesuffix("s")[:5] for w in re.findall(r"[a-z]{3,}", text.lower())}


def acronym_meaning(text: str) -> str:
    """The expansion of a common acronym (GPU, 5G, IoT), "" for anything else.

    Texts write IoT, IOT and iot alike, but a small letter before capitals is a unit or
    a prefix of its own: eV is an electronvolt, no EV 'electric vehicle'; kW a kilowatt."""
    written = text.strip()
    if written[:1].islower() and any(c.isupper() for c in written[1:]):
        return _acronyms().get(written, "")
    return _acronyms().get(written.upper(), "")


@once
def _acronyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for acronym, english in tables.read(_ACRONYMS):
        small_first = acronym[:1].islower() and any(c.isupper() for c in acronym[1:])
        out[acronym if small_first else acronym.upper()] = english
    return out
