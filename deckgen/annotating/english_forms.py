"""The forms English gives the parts of a phrase: a verb used as a noun ('export
control'), the agent noun of a verb ('lender'), the adjective for a noun ('social
capital', 'humanoid robot'). CC-CEDICT's own English is the evidence: the two tables
are built from it by tools/build_tables.py."""

from __future__ import annotations

import re

from deckgen import tables
from deckgen.lexicon import cedict as dictionary
from deckgen.lexicon.cedict import Entry
from deckgen.memo import once

ENGLISH_VERBS_TABLE = "english_verbs.tsv"
MODIFIER_FORMS_TABLE = "modifier_forms.tsv"


def as_noun(sense: str) -> str:
    """A verb sense as English uses the bare verb in front of or as a noun ('to export' ->
    'export'), "" where it does not (循环 'to circulate' economy)."""
    verb = sense.removeprefix("to ")
    return verb if sense == verb or english_verbs().get(verb, (False, ""))[0] else ""


_ADJECTIVE = re.compile(r"^[a-z]+(?:oid|al|ic|ous|ive|ary|ory|ful|less|able|ible|ian|ese|ular|olar|unar|ear|-[a-z]+)$")


def is_adjective(gloss: str) -> bool:
    """A one-word gloss shaped like an adjective or a participle: 'regional', 'applied'
    ('local' is not told, nor 'seed' from 'applied')."""
    return (bool(_ADJECTIVE.match(gloss)) or bool(_PARTICIPLE.fullmatch(gloss))) and not gloss.endswith("-like")


_PARTICIPLE = re.compile(r"[a-z]{3,}[^e]ed")


def only_an_adjective(gloss: str) -> bool:
    """A participle or an adjective of a shape no noun has ('disabled', 'dangerous',
    'endless'): no head of a noun phrase. 'regional' and 'rental' may be nouns."""
    return bool(_PARTICIPLE.fullmatch(gloss) or _QUALITY.fullmatch(gloss))


_QUALITY = re.compile(r"[a-z]+(?:ous|less)")


def adjective_of(entry: Entry) -> str:
    """A one-word adjective among the part's first senses, to put in front of a noun:
    人形 'human form; human-shaped; humanoid' -> 'humanoid', 关键 -> 'crucial'."""
    senses = [s for s in entry.senses[:6] if dictionary.is_meaning(s) and not s.startswith("(")]
    items = [i.strip() for s in senses for i in re.sub(r"\([^)]*\)", "", s).split(";")]
    adjectives = [i for i in items if _ADJECTIVE.match(i) and not i.endswith("-like")]
    return min(adjectives, key=lambda a: "-" in a, default="")  # a word before a hyphenated phrase


def agent_noun(verb: str) -> str:
    """The English agent noun for a Chinese verb (出借 'to lend' -> 'lender'), where
    CC-CEDICT itself uses that noun; "" otherwise."""
    if len(verb) < 2:
        return ""
    for entry in dictionary.lookup(verb):
        for item in (i for sense in entry.senses[:2] for i in re.sub(r"\([^)]*\)", "", sense).split(";")):
            m = re.fullmatch(r"to ([a-z]+)", item.strip())
            if m:
                return english_verbs().get(m.group(1), (False, ""))[1]
    return ""


def modifier_form(entry: Entry, noun: str) -> str:
    """The adjective used for `noun`, the entry's gloss, in front of another noun
    (社会 'society' -> 'social'); "" where CC-CEDICT's compounds show none."""
    form = modifier_forms().get((entry.simplified, " ".join(entry.pinyin)))
    return form[1] if form and form[0] == noun else ""


@once
def modifier_forms() -> dict[tuple[str, str], tuple[str, str]]:
    """(word, reading) -> (its noun, the adjective English uses for it before a noun)."""
    return {(word, reading): (noun, form) for word, reading, noun, form in tables.read(MODIFIER_FORMS_TABLE)}


@once
def english_verbs() -> dict[str, tuple[bool, str]]:
    """verb -> (English uses it alone as a noun, its agent noun)."""
    return {verb: (noun == "1", agent) for verb, noun, agent in tables.read(ENGLISH_VERBS_TABLE)}
