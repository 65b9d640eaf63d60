"""Example sentences: the clearest clause or two around the term, from several texts."""

from __future__ import annotations

import re

from deckgen import script
from deckgen.annotating import pinyin
from deckgen.records import Example, Segmenter, Term

EXAMPLES_PER_NOTE = 3


EXAMPLE_TARGET = 40  # characters: about one or two clauses


EXAMPLE_MAX = 60


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


def choose_examples(term: Term, segmenter: Segmenter, limit: int = EXAMPLES_PER_NOTE) -> tuple[Example, ...]:
    """Up to `limit` trimmed sentences, from different sources first, clearest first."""
    candidates = []  # (order, trimmed text, start, end, source); pinyin only for the chosen
    for order, sentence in enumerate(term.sentences):
        span = _locate(sentence.text, term)
        if span is None:
            continue
        left, right = trim(sentence.text, *span)
        candidates.append((order, sentence.text, left, right, span, sentence.source))
    # Prefer pieces near the target length, then keep the text order.
    candidates.sort(key=lambda c: (abs(c[3] - c[2] - EXAMPLE_TARGET) // 10, c[0]))
    chosen: list[Example] = []
    used_sources: set[str] = set()
    used_texts: set[str] = set()
    for prefer_new_source in (True, False):
        for _, sentence, left, right, (start, end), source in candidates:
            text = sentence[left:right]
            if len(chosen) == limit:
                break
            if text in used_texts or (prefer_new_source and source in used_sources):
                continue
            syllables = pinyin.syllables(sentence, segmenter, left, right)
            chosen.append(Example(text, start - left, end - left, syllables, source))
            used_sources.add(source)
            used_texts.add(text)
    return tuple(chosen)


_CLAUSE_END = re.compile(r"[，,、；;：:。！？!?…]")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause or two around text[start:end]: about EXAMPLE_TARGET, at most
    EXAMPLE_MAX characters, never cutting the term, without leading or trailing commas."""
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)] + [len(text)]
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
    separators = " ，,、；;：:"
    while left < start and text[left] in separators:
        left += 1
    while right > end and text[right - 1] in separators:
        right -= 1
    return left, right


def example_from_text(text: str, term: Term, source: str, segmenter: Segmenter) -> Example:
    text = text.strip()
    span = _locate(text, term) or (0, 0)
    return Example(text=text, start=span[0], end=span[1], syllables=pinyin.syllables(text, segmenter), source=source)
