"""The headword's reading and its CC-CEDICT entry, chosen by the reading in context."""

from __future__ import annotations

import re
from collections import Counter

from deckgen import script
from deckgen.annotating import pinyin
from deckgen.annotating.senses import context_english, fit
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry
from deckgen.records import Segmenter, Term
from deckgen.script import has_han, is_han


def reading_in_context(term: Term, segmenter: Segmenter) -> tuple[str, ...]:
    """The reading the sentences give the term: the most frequent over its occurrences."""
    han = sum(1 for c in term.text if is_han(c))
    votes: Counter[tuple[str, ...]] = Counter()
    for sentence in term.sentences[:8]:
        start = sentence.text.find(term.text)  # the headword as written, not another form
        if start >= 0:
            reading = tuple(s for s in pinyin.span_reading(sentence.text, start, start + len(term.text), segmenter)
                            if s)
            if len(reading) == han:
                votes[reading] += 1
    if votes:
        return votes.most_common(1)[0][0]
    return tuple(s.pinyin for s in pinyin.syllables(term.text, segmenter) if s.pinyin)


def headword_pinyin(term: Term, entry: Entry | None, segmenter: Segmenter) -> tuple[str, ...]:
    """Numbered syllables of the headword; Latin parts kept (AI晶片: AI jing1 pian4), none for CANN."""
    if not has_han(term.text):
        return ()
    if entry is not None and len(entry.pinyin) == sum(1 for c in term.text if is_han(c)) and \
            all(is_han(c) for c in term.text):
        return entry.pinyin
    in_context = iter(reading_in_context(term, segmenter))
    out = []
    for s in pinyin.syllables(term.text, segmenter):
        if s.pinyin is None and not is_han(s.text):
            if s.text.strip():
                out.append(s.text.strip())
            continue
        out.append(next(in_context, None) or s.pinyin or s.text)
    return tuple(out)


def choose_entry(term: Term, segmenter: Segmenter) -> Entry | None:
    """The CC-CEDICT entry written like the headword, by the reading in context, then by kind.

    Never simply the first entry: 卡 has ka3 and qia3 entries, 行 xing2 and hang2.
    """
    return read_entry(term, segmenter)[0]


def read_entry(term: Term, segmenter: Segmenter) -> tuple[Entry | None, bool]:
    """choose_entry's entry, and whether the words around the term chose it over the reading
    the sentence gives (发卡 beside 银行卡): the card then reads and spells the term as the
    entry does."""
    headword = term.text
    written = [e for e in _entries_for((headword, script.to_simplified(headword)))
               if headword in (e.simplified, e.traditional)]
    # An entry that only points elsewhere (騰訊: "see 騰訊控股有限公司") still gives the
    # headword's reading; its meaning is the one it points to (meaning.py follows it).
    entries = [e for e in written if not e.variant_only] or [e for e in written if dictionary.links(e)]
    return _best_entry(term, entries, segmenter)


def _fitting_reading(term: Term, entries: list[Entry], reading: tuple[str, ...],
                     segmenter: Segmenter) -> tuple[str, ...] | None:
    """The reading of the one entry whose senses the words around the term call for, where
    the reading the sentence gives has an entry they do not: 发卡 beside 银行卡 'bank card' is
    fā kǎ 'to issue a card', not fà qiǎ 'hair clip', whatever the phrase tables say."""
    context = context_english(term, segmenter)
    fits: dict[tuple[str, ...], int] = {}
    for e in entries:
        fits[e.pinyin] = max(fits.get(e.pinyin, 0), fit(e.senses, context))
    best = max(fits.values())
    winners = [p for p, f in fits.items() if f == best]
    if best == 0 or len(winners) > 1 or fits.get(reading, 0) > 0:
        return None
    return winners[0]


def variant_entry(term: Term, segmenter: Segmenter) -> Entry | None:
    """An entry of another form of the term (the other region's word), for its meaning only."""
    forms = (term.simplified, term.traditional, *term.forms)
    return _best_entry(term, [e for e in _entries_for(forms) if not e.variant_only], segmenter)[0]


def _best_entry(term: Term, entries: list[Entry], segmenter: Segmenter) -> tuple[Entry | None, bool]:
    if not entries:
        return None, False
    readings = {e.pinyin for e in entries}
    in_context = reading_in_context(term, segmenter) if len(readings) > 1 else ()
    lower_context = tuple(s.lower() for s in in_context)
    fitting = _fitting_reading(term, entries, lower_context, segmenter) if len(readings) > 1 else None
    alone = len(readings) > 1 and _said_alone(term)

    def rank(e: Entry):
        return (
            alone and any(_PARTING.search(s) for s in e.senses),
            e.pinyin == fitting,
            e.pinyin == lower_context,  # the reading the sentence gives
            # the spelling the card shows: 颱風 'typhoon', not 臺風 'stage presence', for 台风
            # (悽涼 and 淒涼 are one word spelt two ways)
            dictionary.variant_spellings(e.traditional, term.traditional),
            e.simplified == term.simplified,
            not e.taiwan_only,
            not e.proper,  # 华为 has only a proper entry, so it still wins
            len([s for s in e.senses if dictionary.is_meaning(s)]),
        )

    best = max(entries, key=rank)
    greets = alone and best.pinyin != lower_context and any(_PARTING.search(s) for s in best.senses)
    return best, (fitting is not None and best.pinyin == fitting) or greets


# What is said to greet, thank or part: 拜拜 'bye-bye', said on its own, is not bài bai,
# the bow with incense of its other entry.
_PARTING = re.compile(r"\b(?:bye|bye-bye|goodbye|hello|hi|thanks|thank you|interj)\b", re.IGNORECASE)
_ALONE_BEFORE = re.compile(r"(?:^|[，,。.！!？?～~、：:“”「」\s])(?:好|嗯|那|OK|ok|好的)?[，,\s]*$")
_ALONE_AFTER = re.compile(r"^[～~]*(?:[，,。.！!？?”」\s]|$)")


def _said_alone(term: Term) -> bool:
    """The term is an utterance of its own somewhere: “好，拜拜！”, not 去廟裡拜拜。"""
    return any(_ALONE_BEFORE.search(o.sentence.text[:o.start]) and _ALONE_AFTER.match(o.sentence.text[o.end:])
               and o.start < o.end for o in term.occurrences)


def _entries_for(forms) -> list[Entry]:
    seen: list[Entry] = []
    for form in dict.fromkeys(forms):
        for e in dictionary.lookup(form):
            if e not in seen:
                seen.append(e)
    return seen


def traditional_form(simplified: str, segmenter: Segmenter, written: str = "") -> str:
    """The Traditional spelling of a word, word by word from CC-CEDICT where it gives
    one spelling (复杂 複雜, 制程 製程: OpenCC's tables write 復雜 and leave 制程), else
    character by character in the forms Traditional text is printed in (行為能力, not
    OpenCC's standard 行爲能力). Where a character has several Traditional forms (签: 簽
    'to sign', 籤 'lot') and the word is no CC-CEDICT word, the one the text wrote
    (`written`: 簽具) is taken. Checked both ways: it simplifies back to `simplified`, or
    OpenCC's spelling is kept. (A text's own spelling is no guide for whole words: a
    machine-converted one writes 纏斗 and 關系.)"""
    fallback = _by_character(simplified, written)
    out = []
    done = 0
    for word in segmenter.words_of(simplified):
        start = simplified.find(word, done)
        if start < 0:
            return fallback
        out.append(fallback[done:start])
        entries = [e for e in dictionary.lookup(word) if e.simplified == word]
        spellings = {e.traditional for e in entries if not e.variant_only}
        theirs, ours = (next(iter(spellings)), fallback[start : start + len(word)]) if len(spellings) == 1 \
            else ("", "")
        # (a whole word only: one character of several spellings is no choice the text made,
        # a converter's 纏斗 keeps the 斗 of 缠 + 斗)
        as_written = written[start:start + len(word)] if len(written) == len(simplified) and len(word) > 1 else ""
        if as_written == word:
            as_written = ""  # Simplified text, or a word both scripts write alike: no choice made
        if as_written in spellings or (not entries and _own_spelling(as_written, word, segmenter)) \
                or (as_written and _another_word(as_written, entries, segmenter)):
            # the text spells the word as CC-CEDICT does (勞雇, where OpenCC writes 勞僱), or a
            # word CC-CEDICT lacks in characters Traditional text prints so: the card spells
            # it as the text does
            out.append(as_written)
        # ... unless it keeps a character both scripts share where OpenCC writes the
        # traditional one (CC-CEDICT's 上台 is Taiwan usage; 上臺 is the Traditional).
        elif len(theirs) == len(word) and _traditional_chars(theirs) >= _traditional_chars(ours):
            out.append(theirs)
        else:
            out.append(fallback[start : start + len(word)])
        done = start + len(word)
    out.append(fallback[done:])
    result = "".join(out)
    if len(result) != len(simplified) or script.to_simplified(result) != simplified:
        return fallback
    if len(written) == len(simplified) and script.to_simplified(written) == simplified:
        # a form no converter writes for the character is the text's own spelling: Taiwan's
        # 菸草 for CC-CEDICT's 煙草 (a converter's 復雜 for 複雜 is not, nor the 斗 it leaves)
        result = "".join(
            theirs if theirs not in (ours, char) and script.to_simplified(theirs) == char
            and theirs != script.to_common_traditional(char) else ours
            for char, ours, theirs in zip(simplified, result, written))
    return result


def _another_word(written: str, entries: list[Entry], segmenter: Segmenter) -> bool:
    """`written`, a Traditional spelling that reads otherwise than every CC-CEDICT word of
    the same simplified form, is another word: 早發型 'early-onset' is fā xíng, no 髮型
    fà xíng 'hairstyle'. (A converter's 纏斗 reads as 纏鬥 does and is that word.)"""
    readings = pinyin.span_reading(written, 0, len(written), segmenter)
    return bool(entries) and script.to_simplified(written) == entries[0].simplified and not any(
        pinyin.read_alike(e.pinyin, readings, written) for e in entries)


def _own_spelling(written: str, word: str, segmenter: Segmenter) -> bool:
    """`written` spells `word` in Traditional text's own characters: each is, in a
    CC-CEDICT entry with the reading it has here, the Traditional form of the character
    (台 tai2 'Taiwan', 雇 gu4 'to employ'; not the 斗 dou4 of a converter's 纏斗, which is
    鬥), and the word is written in Traditional (a Simplified text's 台电 is no spelling of
    its own)."""
    if len(written) != len(word) or written == word or script.to_simplified(written) != word:
        return False
    readings = pinyin.span_reading(word, 0, len(word), segmenter)
    return len(readings) == len(word) and all(
        any(e.traditional == char and e.pinyin == (reading,) and not e.variant_only for e in dictionary.lookup(char))
        for char, reading in zip(written, readings))


def _by_character(simplified: str, written: str) -> str:
    common = script.to_common_traditional(simplified)
    if len(common) != len(simplified) or script.to_simplified(common) != simplified:
        return script.to_traditional(simplified)
    if len(written) != len(simplified) or script.to_simplified(written) != simplified:
        return common
    # only a character the text changed from the simplified one, to a form of it (Taiwan's
    # 菸 for 烟, where OpenCC writes 煙), where OpenCC wrote its default for the character,
    # not a choice of its phrase tables: converters that go character by character leave
    # shared characters as they are (缠斗 as 纏斗, 关系 as 關系, where 纏鬥 and 關係 are right)
    return "".join(
        theirs if theirs not in (ours, char) and script.to_simplified(theirs) == char
        and ours == script.to_common_traditional(char) else ours
        for char, ours, theirs in zip(simplified, common, written))


def _traditional_chars(text: str) -> int:
    return sum(a != b for a, b in zip(text, script.to_simplified(text)))
