"""The picked candidates as Terms: their forms as written and where they occur."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from deckgen import script
from deckgen.mining import discovery
from deckgen.mining.analysis import _SourceAnalysis
from deckgen.mining.candidates import _Candidate
from deckgen.records import Occurrence, Sentence, Term


def _terms(ranked: list[_Candidate], focus: Sequence[_SourceAnalysis]) -> list[Term]:
    """Occurrences and surface forms of the picked candidates only, in one pass over the focus."""
    wanted = {s: c.key for c in ranked for s in c.strings}
    forms: dict[str, dict[str, None]] = {c.key: {} for c in ranked}
    places: dict[str, dict[Sentence, Occurrence]] = {c.key: {} for c in ranked}
    counts: Counter = Counter()
    starts = discovery.prefixes(s for s in wanted if len(s) <= discovery.MAX_CHARS)
    for analysis in focus:
        for analysed in analysis.sentences:
            if not analysed.runs:
                continue
            text = analysed.sentence.text
            run_seen, offsets = None, []  # offsets: where each token of that run starts
            hits = []
            for gram, start, run, i, _ in discovery.find(analysed.runs, wanted, starts):
                if run is not run_seen:  # once per run, not per hit: a line may be one long run
                    run_seen, offsets = run, list(accumulate(map(len, run), initial=start))
                key = wanted[gram]
                offset = offsets[i]
                forms[key].setdefault(text[offset : offset + len(gram)])
                hits.append((key, offset, offset + len(gram)))
                counts[key] += 1
            for key, begin, end in hits:
                # a use inside another picked term (低空 of 低空经济, 中央 of 中央气象署) shows the
                # word's boundaries badly: the sentence's use on its own is the one kept
                inside = any(b <= begin and end <= e and (b, e) != (begin, end) for _, b, e in hits)
                kept = places[key].get(analysed.sentence)
                if kept is None or (kept.inside and not inside):
                    places[key][analysed.sentence] = Occurrence(analysed.sentence, begin, end, inside)
    for candidate in ranked:
        if not forms[candidate.key]:  # not on token boundaries: find it as text
            for analysis in focus:
                for analysed in analysis.sentences:
                    for string in candidate.strings:
                        at = analysed.simplified.find(string)
                        if at >= 0:
                            forms[candidate.key].setdefault(analysed.sentence.text[at : at + len(string)])
                            places[candidate.key].setdefault(
                                analysed.sentence, Occurrence(analysed.sentence, at, at + len(string)))
                            counts[candidate.key] += analysed.simplified.count(string)
    out = []
    for candidate in ranked:
        titles = [a.title_written for a in focus if a.title in candidate.strings]  # a law's name
        surface = list(forms[candidate.key]) or titles or sorted(candidate.strings)
        text = surface[0]
        simplified = script.to_simplified(text)
        out.append(
            Term(
                text=text,
                simplified=simplified,
                traditional=script.to_traditional(simplified),
                score=round(candidate.score, 3),
                why=tuple(candidate.why),
                forms=tuple(surface),
                gloss=_as_written(candidate.gloss, focus),
                expansion_of=_as_written(candidate.expansion_of, focus),
                abbreviation=candidate.abbreviated_as,
                occurrences=tuple(places[candidate.key].values()),
                count=counts[candidate.key] or candidate.count,
            )
        )
    return out


def _as_written(simplified: str | None, focus: Sequence[_SourceAnalysis]) -> str | None:
    """A gloss in the script of the text it came from (過度競爭, not 过度竞争); a
    definition cut short keeps its mark (…)."""
    if simplified is None:
        return None
    whole = simplified.removesuffix("…")
    for analysis in focus:
        for analysed in analysis.sentences:
            at = analysed.simplified.find(whole)
            if at >= 0:
                return analysed.sentence.text[at : at + len(whole)] + simplified[len(whole):]
    return simplified
