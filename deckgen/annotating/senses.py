"""CC-CEDICT's senses of an entry, the ones that fit the term's context first."""

from __future__ import annotations

import re

from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry

MAX_SENSES = 3


ENGLISH_TARGET = 70  # characters of English: a second or third sense only while under this


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


WORD = re.compile(r"[a-z]{3,}")


STOP_WORDS = frozenset("the and for with sth one sb's who which that from into used abbr lit fig also etc not".split())


def _by_fit(senses: tuple[str, ...], context: str) -> list[str]:
    """Senses sharing words with the context first; specialist senses ("(embryology) …") last.

    The context is the English of the words around the term in its sentences (their
    CC-CEDICT glosses), so for 内卷 next to 过度竞争 "excessive competition", the sense
    "to become increasingly competitive" comes before "(embryology) to involute".
    """
    if not context:
        return list(senses)
    wanted = {w[:6] for w in WORD.findall(context.lower())} - STOP_WORDS

    def fit(item):
        i, sense = item
        words = {w[:6] for w in WORD.findall(sense.lower())} - STOP_WORDS
        specialist = bool(re.match(r"^\((?!coll|fig|lit|Tw|of )[a-z. ]+\)", sense))
        return (-len(words & wanted), specialist, i)

    return [s for _, s in sorted(enumerate(senses), key=fit)]


def classifier_of(entry: Entry) -> str:
    for sense in entry.senses:
        if sense.startswith("CL:"):
            items = [re.sub(r"\[.*?\]", "", c) for c in sense[3:].split(",")]
            return ", ".join(i.split("|")[-1] for i in items if i)
    return ""
