"""Example sentences: the clearest clause or two around the term, from several texts."""

from __future__ import annotations

import re

from deckgen import script
from deckgen.annotating import pinyin
from deckgen.records import Example, Segmenter, Syllable, Term

EXAMPLES_PER_NOTE = 3


EXAMPLE_TARGET = 40  # characters: about one or two clauses


EXAMPLE_MAX = 60


CUT = "…"  # where an example is cut from a longer clause


def _locate(sentence: str, term: Term) -> tuple[int, int] | None:
    """Where any written form of the term stands in `sentence`."""
    candidates = dict.fromkeys((term.text, *term.forms, term.simplified, term.traditional))
    best = None
    for form in candidates:
        if not form:
            continue
        i = sentence.find(form)
        if i >= 0 and (best is None or i < best[0] or (i == best[0] and i + len(form) > best[1])):
            best = (i, i + len(form))
    if best is None:  # the sentence may be in the other script
        simple = script.to_simplified(sentence)
        i = simple.find(term.simplified)
        if i >= 0:
            best = (i, i + len(term.simplified))
    return best


def _whole_word_span(occurrence, term: Term, segmenter: Segmenter) -> tuple[tuple[int, int] | None, frozenset[int]]:
    """The term's span in the occurrence's sentence if it stands there as a word of its
    own (生物 in 生物多样性, not in 生物圈): the segmenter puts a word boundary at
    both ends. A sentence where it is only part of a longer word is no example of it.
    With it, the sentence's word boundaries."""
    sentence = occurrence.sentence
    span = (occurrence.start, occurrence.end) if occurrence.end > occurrence.start else _locate(sentence.text, term)
    if span is None:
        return None, frozenset()
    boundaries = {0, len(sentence.simplified)}
    for token in segmenter.tokens(sentence.simplified):
        boundaries.update((token.start, token.end))
    words = frozenset(boundaries)
    if sentence.text[span[0]:span[1]] == "" or not script.has_han(sentence.text[span[0]:span[1]]):
        return span, words
    return (span if span[0] in boundaries and span[1] in boundaries else None), words


def choose_examples(term: Term, segmenter: Segmenter, limit: int = EXAMPLES_PER_NOTE) -> tuple[Example, ...]:
    """Up to `limit` trimmed sentences, from different sources first, clearest first."""
    # (inside another term, order, sentence, trimmed start, end, term's span, source); pinyin only for the chosen
    candidates = []
    for order, occurrence in enumerate(term.occurrences):
        sentence = occurrence.sentence
        span, words = _whole_word_span(occurrence, term, segmenter)
        if span is None:
            continue
        left, right = trim(sentence.text, *span, words=words)
        candidates.append((occurrence.inside, order, sentence.text, left, right, span, sentence.source))
    if not candidates:  # the segmenter never cuts the term out whole (奈|米制|程): take it as found
        for order, sentence in enumerate(term.sentences):
            found = _locate(sentence.text, term)
            if found is not None:
                left, right = trim(sentence.text, *found)
                candidates.append((False, order, sentence.text, left, right, found, sentence.source))
    # Prefer uses on their own over uses inside another term of the deck (低空 of 低空经济
    # shows its boundaries badly), sentences that use the term over the one that defines it
    # (the card shows the definition already: 七、緩和醫療：指…), then pieces near the target
    # length, then the text order.
    definition = _definition_start(term)
    # A piece that is the term and its brackets only (a statute's 五、超視距操作（Beyond Visual
    # Line of Sight，BVLOS）：指…, cut at the colon) shows no use of it: only for want of others.
    bare = [_only_the_term(c[2][c[3]:c[4]], *c[5], c[3]) for c in candidates]
    if not all(bare):
        candidates = [c for c, alone in zip(candidates, bare) if not alone]
    candidates.sort(key=lambda c: (c[0], bool(definition) and definition in c[2],
                                   abs(c[4] - c[3] - EXAMPLE_TARGET) // 10, c[1]))
    chosen: list[Example] = []
    used_sources: set[str] = set()
    used_texts: set[str] = set()
    for prefer_new_source in (True, False):
        for _, _, written, left, right, (start, end), source in candidates:
            text = written[left:right]
            if len(chosen) == limit:
                break
            if text.rstrip(_SENTENCE_MARKS) in used_texts or (prefer_new_source and source in used_sources):
                continue
            used_sources.add(source)
            used_texts.add(text.rstrip(_SENTENCE_MARKS))
            syllables = pinyin.syllables(written, segmenter, left, right)
            # a piece cut from inside a clause too long to show whole says so at the cut
            if left > 0 and _inside_a_clause(written[left - 1]):
                text, syllables, left = CUT + text, (Syllable(CUT, None), *syllables), left - 1
            if right < len(written) and _inside_a_clause(written[right]):
                text, syllables = text + CUT, (*syllables, Syllable(CUT, None))
            chosen.append(Example(text, start - left, end - left, syllables, source))
    return tuple(chosen)


def _only_the_term(piece: str, start: int, end: int, left: int) -> bool:
    """The piece holds nothing but the term, brackets after it and marks."""
    rest = _ITEM_NUMBER.sub("", piece[:start - left]) + _BRACKETED.sub("", piece[end - left:])
    return not any(script.is_han(c) or c.isalnum() for c in rest)


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def _inside_a_clause(char: str) -> bool:
    """A character a piece cannot start after or end before without cutting a clause: a
    word's, a number's or a name's (卡塔林·考里科), not a mark that ends or opens one."""
    return not (char.isspace() or char in _CLAUSE_EDGES)


# The same clause cut from a sentence and from a longer one differs only in its final mark.
_SENTENCE_MARKS = "。！？!?；;…"


def _definition_start(term: Term) -> str:
    """The opening of the Chinese definition the text gives for the term ("" for none, or
    for an acronym's expansion, which an example shows well beside it)."""
    if not term.gloss or term.expansion_of or not script.has_han(term.gloss):
        return ""
    return term.gloss.removesuffix("…")[:DEFINITION_PROBE]


DEFINITION_PROBE = 12  # characters of a definition that identify the sentence giving it


# Where a clause may end: not at a list comma (、 joins the items of one list), not
# inside a number (8:8, 1,000).
_CLAUSE_END = re.compile(r"[，；;。！？!?…]|[,:：](?!\d)")
_OPENERS, _CLOSERS = "「『“‘《（(【〈", "」』”’》）)】〉"
_QUOTES = frozenset("「『“‘\"")
_CLOSING_QUOTES = "」』”’"
# What a clause ends or opens with: a piece may stop at these without cutting one.
_CLAUSE_EDGES = "，,、；;：:。！？!?…—～~\"'" + _OPENERS + _CLOSERS


def _inside_brackets(text: str) -> set[int]:
    """Offsets inside quotes and brackets: a cut there would leave one half of a pair."""
    inside, depth = set(), 0
    for i, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth:
            depth -= 1
        elif depth:
            inside.add(i + 1)
    return inside if depth == 0 else set()


_NUMERALS = "一二三四五六七八九十百〇零0-9０-９"
_ITEM_NUMBER = re.compile(
    rf"(?:(?:注|註)\s*[：:]\s*|[（(][{_NUMERALS}a-zA-Z]+[）)]|[{_NUMERALS}]+[、．]|[0-9０-９]+[.)]\s"
    rf"|[0-9]{{1,2}}\.(?=[\u3400-\u9fff])"
    rf"|第[{_NUMERALS}千]+[条條款项項章节節](?:之[{_NUMERALS}]+)?(?:\s*【[^】]{{1,16}}】)?|【[^】]{{1,16}}】|[-*+]\s|[•●○◎◇▪]"
    r"|[0-9#*]\ufe0f?\u20e3)\s*"  # and a post's keycap numbers: 1️⃣
)


def trim(text: str, start: int, end: int, words: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Bounds of the clause or two around text[start:end]: about EXAMPLE_TARGET, at most
    EXAMPLE_MAX characters, never cutting the term, without leading or trailing commas.
    A clause too long for that is cut at word boundaries (`words`, offsets where words
    start or end) where they are known: 水域排放, not 域排放."""
    inside = _inside_brackets(text)
    # a colon before a quotation binds the two: no piece ends on 说道： or starts with what it says
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)
                    if m.end() not in inside and not (m.group() in "：:" and text[m.end():m.end() + 1] in _QUOTES)]
    bounds += [len(text)]
    bounds = sorted(set(bounds))
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    while right - left < EXAMPLE_TARGET:
        wider_left = max((b for b in bounds if b < left), default=None)
        wider_right = min((b for b in bounds if b > right), default=None)
        options = []
        if wider_right is not None and wider_right - left <= EXAMPLE_MAX:
            options.append((wider_right - left, left, wider_right))
        if wider_left is not None and right - wider_left <= EXAMPLE_MAX:
            options.append((right - wider_left, wider_left, right))
        if not options:
            break
        _, left, right = min(options)
    if right - left > EXAMPLE_MAX:  # one long clause: a window around the term
        half = max(0, (EXAMPLE_MAX - (end - start)) // 2)
        left = max(left, start - half)
        right = min(right, left + EXAMPLE_MAX)
        left = max(left, right - EXAMPLE_MAX)
        left = min((b for b in words if left <= b <= start), default=left)
        right = max((b for b in words if end <= b <= right), default=right)
        left = _out_of_an_open_bracket(text, left, right)
        left = _past_a_cut_bracket(text, left, start)
        right = _before_a_cut_bracket(text, end, right, left + EXAMPLE_MAX + 20)
    # A piece that stops right after the term reads as cut off: take the next clause too.
    if right < len(text) and text[end:right].strip(" ，,；;：:") == "":
        further = min((b for b in bounds if b > right), default=None)
        if further is not None and further - left <= EXAMPLE_MAX + 20:
            right = further
    separators = " ，,、；;：:"
    # ... nor on the closing quote of words said before it (“春生啊，”刘德厚把烟灰弹进…)
    while left < start and (text[left] in separators or text[left] in _CLOSING_QUOTES):
        left += 1
    # the number or bullet of a list item or an article (三、, （四）, 第十五条, - ) is the
    # document's furniture, not the example's
    for _ in range(2):  # … and a note's number after its label: 注：1.护理型床位占比…
        number = _ITEM_NUMBER.match(text, left)
        if not number or number.end() > start or number.end() == left:
            break
        left = number.end()
        while left < start and text[left] in separators:  # 第二节，广东队…: no piece opens on its comma
            left += 1
    while right > end and text[right - 1] in separators:
        right -= 1
    return left, right


def _past_a_cut_bracket(text: str, left: int, start: int) -> int:
    """Where a piece starting at `left` should start so as not to open on the second half
    of a bracket the cut left behind (一）在饮用水… of （一）在饮用水…)."""
    depth = 0
    for i in range(left, start):
        if text[i] in _OPENERS:
            depth += 1
        elif text[i] in _CLOSERS:
            if depth == 0:
                left = i + 1
            else:
                depth -= 1
    return left


def _out_of_an_open_bracket(text: str, left: int, right: int) -> int:
    """Where a piece starting at `left` inside a bracket opened before it should start: at
    the words the bracket follows, after the mark before them, where the piece stays short
    enough (顧客關係管理（Customer Relationship Management，CRM）等系統, not mer Relationship…)."""
    depth, opener = 0, -1
    for i in range(left - 1, -1, -1):
        if text[i] in _CLOSERS:
            depth += 1
        elif text[i] in _OPENERS:
            if depth == 0:
                opener = i
                break
            depth -= 1
    if opener < 0:
        return left
    mark = max(text.rfind(m, 0, opener) for m in "、，,；;：:（(")
    start = mark + 1
    return start if right - start <= EXAMPLE_MAX + 20 else left


def _before_a_cut_bracket(text: str, end: int, right: int, furthest: int) -> int:
    """Where a piece ending at `right` should end so as not to stop inside a bracket it
    opened: after its closer if that is near, else before its opener (联合台风警报中心（Joint
    Typhoon Warning Center, not …Center，JTWC）cut after Center)."""
    openers: list[int] = []
    for i in range(end, right):
        if text[i] in _OPENERS:
            openers.append(i)
        elif text[i] in _CLOSERS and openers:
            openers.pop()
    if not openers:
        return right
    depth = len(openers)
    for i in range(right, min(len(text), furthest)):
        if text[i] in _OPENERS:
            depth += 1
        elif text[i] in _CLOSERS:
            depth -= 1
            if depth == 0:
                return i + 1
    return max(end, openers[0])


def example_from_text(text: str, term: Term, source: str, segmenter: Segmenter) -> Example:
    text = text.strip()
    span = _locate(text, term) or (0, 0)
    return Example(text=text, start=span[0], end=span[1], syllables=pinyin.syllables(text, segmenter), source=source)
