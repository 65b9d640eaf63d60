"""Compound discovery: multi-word terms a corpus keeps using as one unit.

jieba knows general Chinese, so the new terms of a text come out of it in pieces:
新质生产力 as 新质 + 生产力, 工程师红利 as 工程师 + 红利, 昇腾 as 昇 + 腾. The corpus itself
shows which runs of adjacent tokens are one unit (the new-word discovery of the CSL
baseline, done over jieba tokens so that a compound never starts or ends inside a word):

- the run recurs (at least twice);
- its parts stick together far more often than chance: the lowest pointwise mutual
  information over every way of cutting it in two (新质|生产力 co-occur hundreds of times
  more often than their own frequencies predict; 中国|经济 a few times);
- it is free at both ends: the tokens before it and after it vary (boundary entropy).
  A run always followed by the same token (质生产) is a piece of something longer.

Bounded n-grams (at most MAX_TOKENS tokens and MAX_CHARS characters) are counted once
per source, keyed by how jieba cut them; discovery judges each recurring one once and
then looks at the neighbours of the few it accepts, so it stays linear in the size of
the corpus.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat

MAX_TOKENS = 4
MAX_CHARS = 8

# Co-occurrence at least e**3 (20) times what independent words would produce. Free
# phrases of common words (中国经济, 发展经济) stay below it; compounds of rarer parts
# (工程师红利, 人形机器人) are far above it even in a single article.
MIN_COHESION = 3.0

# ... or, for two parts the text uses a lot, this many uses together, in this share at least
# of the rarer part's uses
TOGETHER_COUNT = 5
TOGETHER_SHARE = 0.6

# The rarer side's entropy must reach this share of log(count): both ends of a
# term see at least two different neighbours when it occurs twice, and many when it
# occurs often. The count is capped because long texts repeat a term in few frames.
MIN_FREEDOM = 0.5
FREEDOM_COUNT_CAP = 8

# A noun phrase whose edges only grammar and verbs show (outer_edge) must be used this
# often: twice in a frame is as often a phrase of the moment (半导体公司, 人民法院立案).
MIN_FRAMED_COUNT = 3

# A longer run built on a compound must account for a fair share of the compound's
# uses: 新质生产力代表 (2 of 44 uses of 新质生产力) is the compound followed by a verb.
MIN_EXTENSION_SHARE = 0.15

Run = Sequence[str]  # adjacent word tokens with no punctuation or space between them


@dataclass(frozen=True)
class Compound:
    text: str
    parts: tuple[str, ...]
    count: int
    cohesion: float  # lowest PMI over the ways of cutting it in two (natural log)
    freedom: float  # boundary entropy of its less free end
    apart: int = 0  # uses of its two parts apart inside a longer unit (集中 … 采购 in 集中带量采购)


# Keys of counted n-grams: their tokens joined by CUT (新质\x01生产力), so that a count
# keeps how jieba cut the text. SEPARATOR stands between runs while counting: too long
# for any n-gram holding it to be counted.
CUT = "\x01"
SEPARATOR = "\x00" * (MAX_CHARS + MAX_TOKENS)
_CHUNK = 50_000  # tokens counted at a time: bounds the memory of the n-gram lists


def count_cuts(runs: Iterable[Run], counts: Counter[str] | None = None) -> Counter[str]:
    """Occurrences of every token n-gram (1..MAX_TOKENS tokens, <= MAX_CHARS chars),
    keyed by its tokens joined with CUT.

    The n-grams of a stretch of runs are built and counted level by level with
    map/compress (no Python loop per occurrence): counting costs a small fraction of
    segmenting the same text.
    """
    counts = Counter() if counts is None else counts
    flat: list[str] = []
    for run in runs:
        flat += run
        flat.append(SEPARATOR)
        if len(flat) >= _CHUNK:
            _count_flat(flat, counts)
            flat = []
    if flat:
        _count_flat(flat, counts)
    return counts


def _count_flat(flat: list[str], counts: Counter) -> None:
    add = operator.add
    update = counts.update
    update(compress(flat, map(MAX_CHARS.__ge__, map(len, flat))))
    marked = list(map(add, repeat(CUT), flat))  # "|b": a token as the next one of a gram
    grams = flat
    for n in range(2, MAX_TOKENS + 1):
        if len(flat) < n:
            break
        limit = MAX_CHARS + n - 1  # the n - 1 CUT characters do not count
        grams = list(map(add, grams, marked[n - 1 :]))  # "a|b", "a|b|c", ...
        update(compress(grams, map(limit.__ge__, map(len, grams))))


def texts(cuts: Counter[str]) -> tuple[dict[str, int], list[str]]:
    """The counts of count_cuts by text, however jieba cut it (降规版 and 降 + 规版), and
    the text of each cut, in the order of `cuts` (新质\x01生产力 -> 新质生产力)."""
    joined = list(map(str.replace, cuts, repeat(CUT), repeat("")))
    counts: dict[str, int] = {}
    get = counts.get
    for text, count in zip(joined, cuts.values()):  # once per distinct cut, not per occurrence
        counts[text] = get(text, 0) + count
    return counts, joined


def prefixes(strings: Iterable[str]) -> frozenset[str]:
    """Every non-empty prefix of the strings: lets a scan of the runs skip at once the
    tokens no wanted n-gram starts with."""
    return frozenset(s[:k] for s in strings for k in range(1, len(s) + 1))


def find(runs: Iterable[tuple[int, Run]], wanted, starts: frozenset[str]):
    """(text, run start, run, first token index, token count) of every bounded n-gram
    of the runs that is in `wanted`; `starts` is prefixes(wanted)."""
    for start, run in runs:
        size = len(run)
        for i in range(size):
            text = run[i]
            if text not in starts or len(text) > MAX_CHARS:
                continue
            n = 1
            while True:
                if text in wanted:
                    yield text, start, run, i, n
                if n == MAX_TOKENS or i + n == size:
                    break
                text += run[i + n]
                n += 1
                if len(text) > MAX_CHARS or text not in starts:
                    break


def discover(
    runs: Sequence[Run],
    counts: Mapping[str, int],
    cuts: Sequence[str],
    cut_texts: Sequence[str],
    *,
    can_start: Callable[[str], bool],
    can_end: Callable[[str], bool],
    can_inside: Callable[[str], bool],
    needs_evidence: Callable[[str], bool] = lambda token: False,
    outer_edge: Callable[[Sequence[str]], Callable[[str], bool] | None] = lambda parts: None,
) -> dict[str, Compound]:
    """Compounds of two or more tokens found in `runs`, whose n-grams `counts` holds
    by text and `cuts` (the keys of count_cuts) by the way jieba cut them; cut_texts
    gives the text of each cut (texts).

    can_start/can_end(token): may a term start/end with this token (not 的, 是, numbers);
    can_inside(token): may a term contain it at all (not 的, 了);
    needs_evidence(token): single tokens that must pass the same tests to count as
    words (jieba's guesses at unknown words: 讲白 of 讲白了 is always followed by 了);
    outer_edge(parts): for a run of these parts, which neighbours cannot belong to it
    (None: any may), each counted as a boundary of its own. A noun phrase in a single
    text often sits in one frame (涉嫌非法集资等, 裁定驳回起诉): a governing verb before
    it and a particle after it say where it ends as surely as a varied neighbour.
    """
    total = sum(len(run) for run in runs) or 1
    # First pass: judge every recurring n-gram on each way jieba cut it (降规版 is one
    # token in one sentence and 降 + 规版 in the next); any acceptable cut accepts it,
    # the acceptable cut of fewest tokens giving its parts.
    accepted: dict[str, tuple[int, Compound]] = {}
    pairs: dict[str, list[str]] = {}  # two-part runs that did not stick together, for a second look
    # Looked up in a set of the few texts that recur, not in the counts of every n-gram:
    # most n-grams occur once, and a small set answers faster than a large dict.
    recurring_texts = frozenset(compress(counts, map((2).__le__, counts.values())))
    recurring = compress(zip(cuts, cut_texts), map(recurring_texts.__contains__, cut_texts))
    for key, text in recurring:
        if CUT in key:
            parts = key.split(CUT)
        elif needs_evidence(key):
            parts = [key]
        else:
            continue
        verdict = _cohesive(parts, text, counts, total, can_start, can_end, can_inside)
        if verdict is not None:
            seen = accepted.get(text)
            if seen is None or len(parts) < seen[0]:
                accepted[text] = (len(parts), verdict)
        elif len(parts) == 2:
            pairs[text] = parts
    # A pair of words the text also uses apart inside a longer unit (集中 … 采购 in
    # 药品集中带量采购) is judged on its other uses: those say nothing against the pair.
    # Units nested in each other share their uses: the most of them counts.
    apart: dict[tuple[str, str], int] = {}
    for _, compound in accepted.values():
        ps = compound.parts
        for i in range(len(ps) - 2):
            for j in range(i + 2, len(ps)):
                apart[ps[i], ps[j]] = max(apart.get((ps[i], ps[j]), 0), compound.count)
    for text, parts in pairs.items():
        inside = apart.get((parts[0], parts[1]), 0)
        if inside and text not in accepted:
            verdict = _cohesive(parts, text, counts, total, can_start, can_end, can_inside, inside)
            if verdict is not None:
                accepted[text] = (2, verdict)
    # Second pass: the neighbours of every occurrence of the accepted ones.
    # None stands for the start or end of a run: every such boundary is a different
    # neighbour (punctuation separates it from whatever is beyond).
    left: dict[str, Counter] = {text: Counter() for text in accepted}
    right: dict[str, Counter] = {text: Counter() for text in accepted}
    edges = {text: outer_edge(compound.parts) for text, (_, compound) in accepted.items()}
    loose_left: dict[str, Counter] = {text: Counter() for text, edge in edges.items() if edge is not None}
    loose_right: dict[str, Counter] = {text: Counter() for text in loose_left}
    for text, _, run, i, n in find(((0, run) for run in runs), accepted, prefixes(accepted)):
        before = run[i - 1] if i > 0 else None
        after = run[i + n] if i + n < len(run) else None
        left[text][before] += 1
        right[text][after] += 1
        edge = edges[text]
        if edge is not None:
            loose_left[text][None if before is None or edge(before) else before] += 1
            loose_right[text][None if after is None or edge(after) else after] += 1
    found = {}
    for text, (_, candidate) in accepted.items():
        freedom = min(_entropy(left[text]), _entropy(right[text]))
        if text in loose_left and candidate.count >= MIN_FRAMED_COUNT:
            freedom = max(freedom, min(_entropy(loose_left[text]), _entropy(loose_right[text])))
        needed = MIN_FREEDOM * math.log(min(candidate.count, FREEDOM_COUNT_CAP))
        if freedom >= needed:
            found[text] = Compound(candidate.text, candidate.parts, candidate.count, candidate.cohesion, freedom,
                                   candidate.apart)
    return {text: c for text, c in found.items() if not _mere_extension(c, found)}


def _mere_extension(compound: Compound, found: dict[str, Compound]) -> bool:
    parts = compound.parts
    for k in range(2, len(parts)):
        for sub in ("".join(parts[:k]), "".join(parts[-k:])):
            if sub in found and compound.count < MIN_EXTENSION_SHARE * found[sub].count:
                return True
    return False


def _cohesive(parts, text, counts, total, can_start, can_end, can_inside, apart: int = 0) -> Compound | None:
    """The run as a compound if its parts stick together; `apart`: uses of the two
    parts apart inside a longer unit, left out of their counts."""
    if not (can_start(parts[0]) and can_end(parts[-1]) and all(map(can_inside, parts))):
        return None
    count = counts[text]
    if len(parts) == 1:
        return Compound(text, tuple(parts), count, math.inf, 0.0)
    cohesion = min(
        math.log(count * total / (max(1, counts["".join(parts[:k])] - apart)
                                  * max(1, counts["".join(parts[k:])] - apart)))
        for k in range(1, len(parts))
    )
    if cohesion < MIN_COHESION and not _mostly_together(parts, count, counts, apart):
        return None
    return Compound(text, tuple(parts), count, cohesion, 0.0, apart)


def _mostly_together(parts, count: int, counts, apart: int) -> bool:
    """A text's own subject: parts so frequent in it that they stick no more than chance
    says (养老 + 服务 in a plan for elderly care, 量子 + 计算 in an entry on it), used together
    in most uses of the rarer part, and often."""
    if len(parts) != 2 or count < TOGETHER_COUNT:
        return False
    rarer = min(max(1, counts[part] - apart) for part in parts)
    return count >= TOGETHER_SHARE * rarer


def _entropy(neighbours: Counter) -> float:
    total = sum(neighbours.values())
    entropy = 0.0
    for neighbour, count in neighbours.items():
        if neighbour is None:
            # `count` boundaries, each a neighbour of its own.
            entropy += count * (1 / total) * math.log(total)
        else:
            p = count / total
            entropy -= p * math.log(p)
    return entropy
