"""Annotation: a mined Term -> a Note with pinyin, meaning and examples a learner can trust.

Every value says where it came from: CC-CEDICT, the text itself, parts composed,
or the deck file's author.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from deckgen import dictionary, pinyin, script, tables
from deckgen.deckfile import TermOverride
from deckgen.dictionary import Entry
from deckgen.records import Example, Note, Script, Term
from deckgen.script import has_han, is_han

MAX_SENSES = 3
EXAMPLES_PER_NOTE = 3
EXAMPLE_TARGET = 40  # characters: about one or two clauses
EXAMPLE_MAX = 60
SYNONYM_MAX = 8  # an in-text gloss up to this long can stand in for the term
ENGLISH_TARGET = 70  # characters of English: a second or third sense only while under this

FROM_CEDICT = "CC-CEDICT"
FROM_TEXT = "defined in the text"
FROM_DECK = "the deck file"
FROM_ACRONYMS = "deckgen's list of common acronyms"
NOTHING_KNOWN = "nothing known: not in CC-CEDICT and not explained in the texts"

_PART_SENSES = "part_senses.tsv"
_ACRONYMS = "acronyms.tsv"


def annotate(term: Term, *, deck_script: Script | None = None, override: TermOverride | None = None) -> Note:
    """The note for `term`, with what the deck file says about it applied."""
    note = annotate_from_texts(term, deck_script=deck_script)
    return apply_override(note, term, override) if override is not None else note


def annotate_from_texts(term: Term, *, deck_script: Script | None = None) -> Note:
    hanzi = script.to_script(term.text, deck_script) if deck_script else term.text
    simplified = script.to_simplified(hanzi)
    traditional = script.to_traditional(simplified)

    entry = choose_entry(term)  # an entry written like the headword: its reading is the headword's
    meaning_entry = entry or variant_entry(term)  # 輝達 means what 英伟达 means, but is read huī dá
    english, meaning_from = meaning(term, meaning_entry)
    if entry is None and meaning_entry is not None and meaning_from.startswith(FROM_CEDICT):
        meaning_from = f"{FROM_CEDICT}, as {meaning_entry.simplified}"
    chinese_definition = ""
    if term.gloss and has_han(term.gloss):  # as the text wrote it, in the deck's script if it has one
        chinese_definition = script.to_script(term.gloss, deck_script) if deck_script else term.gloss
    level = dictionary.hsk_level(term.simplified)
    return Note(
        hanzi=hanzi,
        simplified=simplified,
        traditional=traditional,
        pinyin=headword_pinyin(term, entry),
        english=english,
        meaning_from=meaning_from,
        examples=choose_examples(term),
        also_written=also_written(hanzi, term),
        classifier=classifier_of(meaning_entry) if meaning_entry else "",
        chinese_definition=chinese_definition,
        hsk=dictionary.hsk_label(level) if has_han(hanzi) else "",
        frequency=frequency_label(term),
        sources=term.sources,
        identity=term.simplified,
    )


def reading_and_meaning(term: Term) -> tuple[tuple[str, ...], str]:
    """Just the headword's pinyin and English, for listings: no examples to read."""
    entry = choose_entry(term)
    return headword_pinyin(term, entry), meaning(term, entry or variant_entry(term))[0]


def apply_override(note: Note, term: Term, override: TermOverride) -> Note:
    """The deck file's word wins. Cheap unless it gives example sentences, which need reading."""
    from dataclasses import replace

    changes: dict = {}
    if override.english is not None:
        changes.update(english=override.english, meaning_from=FROM_DECK)
    if override.pinyin is not None:
        changes["pinyin"] = tuple(override.pinyin)
    if override.examples is not None:
        changes["examples"] = tuple(example_from_text(text, term, FROM_DECK) for text in override.examples)
    if override.note is not None:
        changes["notes"] = override.note
    return replace(note, **changes)


# --- Pinyin ---


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


def reading_in_context(term: Term) -> tuple[str, ...]:
    """The reading the sentences give the term: the most frequent over its occurrences."""
    han = sum(1 for c in term.text if is_han(c))
    votes: Counter[tuple[str, ...]] = Counter()
    for sentence in term.occurrences[:8]:
        start = sentence.text.find(term.text)  # the headword as written, not another form
        if start >= 0:
            reading = tuple(s for s in pinyin.span_reading(sentence.text, start, start + len(term.text)) if s)
            if len(reading) == han:
                votes[reading] += 1
    if votes:
        return votes.most_common(1)[0][0]
    return tuple(s.pinyin for s in pinyin.syllables(term.text) if s.pinyin)


def headword_pinyin(term: Term, entry: Entry | None) -> tuple[str, ...]:
    """Numbered syllables of the headword; Latin parts kept (AI晶片: AI jing1 pian4), none for CANN."""
    if not has_han(term.text):
        return ()
    if entry is not None and len(entry.pinyin) == sum(1 for c in term.text if is_han(c)) and \
            all(is_han(c) for c in term.text):
        return entry.pinyin
    in_context = iter(reading_in_context(term))
    out = []
    for s in pinyin.syllables(term.text):
        if s.pinyin is None and not is_han(s.text):
            if s.text.strip():
                out.append(s.text.strip())
            continue
        out.append(next(in_context, None) or s.pinyin or s.text)
    return tuple(out)


def choose_entry(term: Term) -> Entry | None:
    """The CC-CEDICT entry written like the headword, by the reading in context, then by kind.

    Never simply the first entry: 卡 has ka3 and qia3 entries, 行 xing2 and hang2.
    """
    headword = term.text
    entries = [e for e in _entries_for((headword, script.to_simplified(headword)))
               if not e.variant_only and headword in (e.simplified, e.traditional)]
    return _best_entry(term, entries)


def variant_entry(term: Term) -> Entry | None:
    """An entry of another form of the term (the other region's word), for its meaning only."""
    forms = (term.simplified, term.traditional, *term.forms)
    return _best_entry(term, [e for e in _entries_for(forms) if not e.variant_only])


def _best_entry(term: Term, entries: list[Entry]) -> Entry | None:
    if not entries:
        return None
    readings = {e.pinyin for e in entries}
    in_context = reading_in_context(term) if len(readings) > 1 else ()
    lower_context = tuple(s.lower() for s in in_context)

    def rank(e: Entry):
        return (
            e.pinyin == lower_context,  # the reading the sentence gives
            e.traditional == term.traditional or e.simplified == term.simplified,
            not e.taiwan_only,
            not e.proper,  # 华为 has only a proper entry, so it still wins
            len([s for s in e.senses if dictionary.is_meaning(s)]),
        )

    return max(entries, key=rank)


def _entries_for(forms) -> list[Entry]:
    seen: list[Entry] = []
    for form in dict.fromkeys(forms):
        for e in dictionary.lookup(form):
            if e not in seen:
                seen.append(e)
    return seen


# --- Meaning ---


def concise_senses(entry: Entry, limit: int = MAX_SENSES, context: str = "") -> list[str]:
    """At most `limit` senses, the ones that fit `context` (English words around the term)
    first; a further sense only while the whole stays short enough to read at a glance."""
    senses: list[str] = []
    for sense in _by_fit(entry.senses, context):
        if not dictionary.is_meaning(sense):
            continue
        sense = re.sub(r"\s*\(Tw\)\s*", " ", sense).strip()
        sense = re.sub(r"\s*\[[a-zA-Z0-9: ]+\]", "", sense)  # pinyin cross-references 卷[juan3]
        sense = sense.strip()
        if not sense or sense in senses:
            continue
        if senses and len("; ".join([*senses, sense])) > ENGLISH_TARGET:
            break
        senses.append(sense)
        if len(senses) == limit:
            break
    return senses


_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset("the and for with sth one sb's who which that from into used abbr lit fig also etc not".split())


def _by_fit(senses: tuple[str, ...], context: str) -> list[str]:
    """Senses sharing words with the context first; specialist senses ("(embryology) …") last.

    The context is the English of the words around the term in its sentences (their
    CC-CEDICT glosses), so for 内卷 next to 过度竞争 "excessive competition", the sense
    "to become increasingly competitive" comes before "(embryology) to involute".
    """
    if not context:
        return list(senses)
    wanted = {w[:6] for w in _WORD.findall(context.lower())} - _STOP

    def fit(item):
        i, sense = item
        words = {w[:6] for w in _WORD.findall(sense.lower())} - _STOP
        specialist = bool(re.match(r"^\((?!coll|fig|lit|Tw|of )[a-z. ]+\)", sense))
        return (-len(words & wanted), specialist, i)

    return [s for _, s in sorted(enumerate(senses), key=fit)]


def context_english(term: Term) -> str:
    """The English glosses of the words around the term, to choose its senses by."""
    from deckgen import segment

    words = []
    for sentence in term.occurrences[:3]:
        text = script.to_simplified(sentence.text)
        for token in segment.tokens(text):
            if len(token.text) >= 2 and token.text != term.simplified and has_han(token.text):
                words.append(token.text)
    if term.gloss:
        words.extend(t.text for t in segment.tokens(script.to_simplified(term.gloss)) if len(t.text) >= 2)
    glosses = []
    for word in dict.fromkeys(words):
        for e in dictionary.lookup(word)[:1]:
            glosses.extend(e.senses[:2])
    return " ".join(glosses)


def classifier_of(entry: Entry) -> str:
    for sense in entry.senses:
        if sense.startswith("CL:"):
            items = [re.sub(r"\[.*?\]", "", c) for c in sense[3:].split(",")]
            return ", ".join(i.split("|")[-1] for i in items if i)
    return ""


def meaning(term: Term, entry: Entry | None) -> tuple[str, str]:
    """(English, where it came from)."""
    if entry is not None:
        senses = concise_senses(entry, context=context_english(term) if len(entry.senses) > 1 else "")
        if senses:
            source = FROM_CEDICT + (" (Taiwan usage)" if entry.taiwan_only else "")
            return "; ".join(senses), source
    # CC-CEDICT has almost no Latin headwords; an acronym's own expansion is a better
    # meaning than composing the Chinese the text spells it out with (GPU: 'graphics
    # processing unit', not 'figure + processor').
    acronym = acronym_meaning(term.text)
    if acronym:
        return acronym, FROM_ACRONYMS
    explained = term.expansion_of or term.gloss or ""
    # An expansion or a short synonym can stand in for the term; a long definition
    # ("即具備第四次工業革命要素…") goes to Chinese Definition, not into English.
    if explained and (term.expansion_of or len(explained) <= SYNONYM_MAX):
        direct = [e for e in dictionary.lookup(script.to_simplified(explained)) if concise_senses(e)]
        if direct:
            return "; ".join(concise_senses(direct[0])), f"{FROM_TEXT} as {explained}; English from CC-CEDICT"
        composed, parts = compose(explained)
        if composed:
            return composed, f"{FROM_TEXT} as {explained}; English composed from its parts ({' + '.join(parts)})"
    # A long form the text abbreviates as a known acronym: 图形处理器 (GPU).
    abbreviated = acronym_meaning(term.abbreviation) if term.abbreviation else ""
    if abbreviated:
        return abbreviated, f"abbreviated in the text as {term.abbreviation}; English from {FROM_ACRONYMS}"
    composed, parts = compose(term.text, headword_pinyin(term, None))
    if composed and len(parts) > 1:
        return composed, f"composed from its parts ({' + '.join(parts)}); not in CC-CEDICT"
    if explained:
        return "", f"{FROM_TEXT} as {explained}"
    if term.abbreviation and not has_han(term.abbreviation):
        # A name the text gives in Latin letters (荷商艾司摩爾 … ASML): the learner's
        # English for it, and all that is known.
        return term.abbreviation, f"abbreviated in the text as {term.abbreviation}; not in CC-CEDICT"
    return "", NOTHING_KNOWN


def acronym_meaning(text: str) -> str:
    """The expansion of a common acronym (GPU, 5G, IoT), "" for anything else."""
    return _acronyms().get(text.strip().upper(), "")


@lru_cache(maxsize=None)
def _acronyms() -> dict[str, str]:
    return {acronym.upper(): english for acronym, english in tables.read(_ACRONYMS)}  # texts write IoT, IOT, iot


def compose(text: str, readings: Sequence[str] = ()) -> tuple[str, list[str]]:
    """A literal gloss from dictionary words: 新质生产力 -> 'new + character + productive force'.

    Splits into as few dictionary words as possible (Latin runs kept as they are); a
    single character's sense is taken from its entry with the reading it has here
    (纏斗 chan2 dou4: 'to fight', not the dou3 grain measure). Three or more single
    characters are a transliteration or a name (卡奥斯, 荷商艾司摩尔), not parts with
    meanings: no gloss then.
    """
    # Characters only: OpenCC's regional phrase table turns 核心 into 内核 ("kernel").
    pieces = _fewest_pieces(script.to_simplified(text))
    if not pieces or _transliterated(pieces):
        return "", []
    han_readings = [r for r in readings if r[-1:].isdigit()]
    glosses, parts, position = [], [], 0
    for piece in pieces:
        parts.append(piece)
        if not has_han(piece):
            glosses.append(piece)
            continue
        wanted = tuple(han_readings[position:position + len(piece)])
        position += len(piece)
        entries = [e for e in _with_references(dictionary.lookup(piece)) if concise_senses(e, 1)]
        if not entries:
            return "", []
        entries.sort(key=lambda e: (e.pinyin != wanted, e.proper, e.taiwan_only))
        gloss = next((g for g in (_part_gloss(e, head=piece is pieces[-1]) for e in entries) if g), "")
        if not gloss:
            return "", []
        glosses.append(gloss)
    return " + ".join(glosses), parts


_PHONETIC = re.compile(r"phonetic|loanword|transliteration", re.I)


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


def _with_references(entries: tuple[Entry, ...]) -> list[Entry]:
    """Entries, with 'variant of 升[sheng1]' followed to the entry it points to (昇 -> 升)."""
    out = list(entries)
    for e in entries:
        for sense in e.senses:
            m = re.match(r"^(?:old |archaic )?variant of ([^\[|]+)(?:\|([^\[]+))?\[", sense)
            if m:
                out.extend(dictionary.lookup(m.group(2) or m.group(1)))
    return out


def _part_gloss(entry: Entry, head: bool) -> str:
    """One short sense of a part, from its first few (a legal footnote is no gloss).

    The sense the part has inside other words comes first where CC-CEDICT lists
    another first (质 'quality', not 'character'; 出口 'export', not 'an exit'; see
    build_part_senses). A compound's last part is its head, usually a noun: there a
    sense that is not a verb comes first (架构: 'structure', not 'to construct').
    Parts are stems, so a verb is given bare (管制: 'control', not 'to control')."""
    senses = _part_glosses(entry)
    if not senses:
        return ""
    preferred = _part_senses().get((entry.simplified, " ".join(entry.pinyin)))
    if preferred in senses:
        senses.remove(preferred)
        senses.insert(0, preferred)
    if head:
        nouns = [s for s in senses if not s.startswith("to ")]
        if nouns:
            return nouns[0]
    return senses[0].removeprefix("to ")


def _part_glosses(entry: Entry) -> list[str]:
    """Short forms of the first few senses, distinct, that can gloss a part."""
    senses = (_short(s) for s in entry.senses[:4] if dictionary.is_meaning(s))
    return list(dict.fromkeys(s for s in senses if s and s != "?" and len(s.split()) <= 4))


@lru_cache(maxsize=None)
def _part_senses() -> dict[tuple[str, str], str]:
    """(word, numbered reading) -> the sense to give it as a part of a longer word."""
    return {(word, reading): sense for word, reading, sense in tables.read(_PART_SENSES)}


def build_part_senses() -> dict[tuple[str, str], str]:
    """The sense each word or character mostly has inside longer words, where CC-CEDICT
    lists another sense first.

    A sense's support is the words that contain the part and whose own definitions
    share a word with that sense, each weighted by log(1 + its jieba frequency):
    质 is 'quality' in 质量, 品质, 素质, 质检 and 'character' in few; 出口 is 'export'
    in 出口商, 出口额. Only a clear winner replaces the first sense (at least twice
    its support, plus a little), so a word with no evidence keeps CC-CEDICT's order.
    Function words keep theirs: the 和 of 培育和发展 is 'and', not the 'peace' of 和平.
    """
    from deckgen.segment import tokenizer, word_tags

    frequency = tokenizer().FREQ
    tags = word_tags()
    containing: dict[str, list[str]] = {}
    headwords = [key for key in dictionary.headwords() if dictionary.entry_lines(key).split(" ", 2)[1] == key]
    for key in headwords:
        if 2 <= len(key) <= 4:
            for char in set(key):
                containing.setdefault(char, []).append(key)

    def content_words(text: str) -> set[str]:
        return {w[:5] for w in _WORD.findall(text.lower())} - _STOP

    table: dict[tuple[str, str], str] = {}
    for part in headwords:
        if len(part) > 2 or not has_han(part) or tags.get(part, "")[:1] in ("c", "p", "u", "r"):
            continue
        longer = [w for w in containing.get(part[0], ()) if part in w and w != part]
        if not longer:
            continue
        definitions = []
        for word in longer:
            weight = math.log1p(frequency.get(word, 0))
            if weight:
                words: set[str] = set()
                for e in dictionary.lookup(word):
                    if e.simplified == word and not e.proper:
                        for sense in e.senses[:3]:
                            words |= content_words(sense)
                definitions.append((weight, words))
        for entry in dictionary.lookup(part):
            if entry.simplified != part or entry.proper:
                continue
            senses = _part_glosses(entry)
            if len(senses) < 2:
                continue
            support = {s: sum(w for w, words in definitions if content_words(s) & words) for s in senses}
            best = max(senses, key=lambda s: (support[s], -senses.index(s)))
            if best != senses[0] and support[best] >= 2 * support[senses[0]] + 3:
                table[(part, " ".join(entry.pinyin))] = best
    return table


def write_part_senses() -> Path:
    return tables.write(_PART_SENSES, [
        "word<TAB>reading<TAB>sense it has inside longer words -- generated by",
        "`python -m deckgen.annotate --build-part-senses` from CC-CEDICT (CC BY-SA 4.0,",
        "https://cc-cedict.org) and jieba's word frequencies; do not edit by hand.",
    ], ((word, reading, sense) for (word, reading), sense in sorted(build_part_senses().items())))


def _short(sense: str) -> str:
    sense = re.sub(r"\([^)]*\)", "", sense).strip()
    sense = re.split(r"[;,]", sense)[0].strip()
    return sense or "?"


def _fewest_pieces(text: str, longest: int = 8) -> list[str]:
    """Dynamic programming over split points: fewest dictionary words covering `text`."""
    n = len(text)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        if not has_han(text[i]):
            j = i
            while j < n and not has_han(text[j]):
                j += 1
            piece = text[i:j].strip()
            candidate = best[i] + ([piece] if piece else [])
            if best[j] is None or len(candidate) < len(best[j]):
                best[j] = candidate
            continue
        for j in range(min(n, i + longest), i, -1):
            piece = text[i:j]
            # single characters always qualify: their meaning may sit behind a "variant of" entry
            if j - i == 1 or any(concise_senses(e, 1) for e in dictionary.lookup(piece)):
                candidate = best[i] + [piece]
                if best[j] is None or len(candidate) < len(best[j]):
                    best[j] = candidate
    return best[n] or []


# --- Examples ---


def choose_examples(term: Term, limit: int = EXAMPLES_PER_NOTE) -> tuple[Example, ...]:
    """Up to `limit` trimmed sentences, from different sources first, clearest first."""
    candidates = []  # (order, trimmed text, start, end, source); pinyin only for the chosen
    for order, sentence in enumerate(term.occurrences):
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
            syllables = pinyin.syllables(sentence, left, right)
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


def example_from_text(text: str, term: Term, source: str) -> Example | None:
    text = text.strip()
    span = _locate(text, term) or (0, 0)
    return Example(text=text, start=span[0], end=span[1], syllables=pinyin.syllables(text), source=source)


# --- Variants and labels ---


def also_written(hanzi: str, term: Term) -> tuple[str, ...]:
    """Other ways the word is written: the other script, and the other region's word."""
    out: list[str] = []
    simplified = script.to_simplified(hanzi)
    mainland = script.mainland_form(simplified)
    taiwan = script.taiwan_form(mainland)
    if taiwan != script.to_traditional(mainland) and taiwan != hanzi:
        out.append(f"{taiwan} (Taiwan)")
    if mainland != simplified and mainland != hanzi:
        out.append(f"{mainland} (mainland)")
    other_script = script.to_traditional(hanzi) if not _is_traditional(hanzi) else simplified
    if other_script != hanzi and not any(o.startswith(other_script + " ") for o in out):
        out.append(f"{other_script} ({'traditional' if not _is_traditional(hanzi) else 'simplified'})")
    for form in term.forms:
        if form not in (hanzi, simplified, script.to_traditional(hanzi)) and not any(o.startswith(form + " ") for o in out):
            out.append(f"{form} (in the texts)")
    return tuple(out)


def frequency_label(term: Term) -> str:
    from deckgen import segment

    count = term.count or len(term.occurrences)
    texts = len(term.sources)
    here = f"{count}× in {texts} text{'s' if texts != 1 else ''}"
    per_million = segment.word_frequency(term.simplified) * 1_000_000 / segment.total_frequency()
    if not has_han(term.simplified):
        return here
    if per_million >= 50:
        general = "common in general use"
    elif per_million >= 5:
        general = "less common in general use"
    elif per_million > 0:
        general = "rare in general use"
    else:
        general = "not in general word lists"
    return f"{here}; {general}"


def _is_traditional(text: str) -> bool:
    return script.to_simplified(text) != text


def disambiguate_homographs(notes: list[Note]) -> list[Note]:
    """Two notes for one headword (行 xíng / háng) need different identities."""
    from dataclasses import replace

    counts = Counter(n.identity for n in notes)
    return [replace(n, identity=f"{n.identity}|{' '.join(n.pinyin)}") if counts[n.identity] > 1 else n
            for n in notes]


if __name__ == "__main__":
    import sys

    if "--build-part-senses" in sys.argv:
        print(f"wrote {write_part_senses()}")
