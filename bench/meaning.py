"""Meanings a learner can trust: per text, the share of listed terms in the deck whose
English is acceptable, and the share whose English is wrong.

    python bench/meaning.py [--texts DIR] [--show]

Two gold lists, one row per term with acceptable English keywords (`;`-separated; a
gloss is acceptable when it contains one, case-insensitive):

  /work/shared/bench/texts/meaning.tsv   six texts of other kinds (file, term, keywords);
                                         each text is built alone with default settings
  bench/seed_meanings.tsv                the seed articles (file, term, keywords), each
                                         seed built alone with default settings

A listed term counts only when the deck holds it (looked up by simplified form).
"acceptable" = English containing a keyword; "wrong" = English containing none;
"none" = no English (not wrong, but it counts against "acceptable"). Targets: acceptable
>= 85 %, wrong <= 5 %. Also prints where the meanings of all the deck's notes come from.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deckgen import script  # noqa: E402
from deckgen.build import Workspace, review_deck  # noqa: E402
from deckgen.deckfile import DEFAULT_LEVEL, DEFAULT_MAX_TERMS, DeckFile  # noqa: E402
from deckgen.packaging.notetype import CARD_TYPES  # noqa: E402

TEXTS = Path("/work/shared/bench/texts")
SEEDS = ROOT / "seeds"


def read_gold(path: Path, folder: Path) -> dict[Path, dict[str, list[str]]]:
    gold: dict[Path, dict[str, list[str]]] = defaultdict(dict)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            keywords = [k.strip().lower() for k in row["keywords"].split(";") if k.strip()]
            gold[folder / row["file"]][row["term"]] = keywords
    return gold


def deck_of(text: Path, workspace: Workspace):
    deck = DeckFile(path=Path("/tmp") / f"meaning-bench-{text.stem}.toml", slug=f"bench-{text.stem}",
                    title=text.stem, description="", sources=(text,), script=None, level=DEFAULT_LEVEL,
                    max_terms=DEFAULT_MAX_TERMS, known_words=None, cards=CARD_TYPES, tags=(), encoding=None)
    return review_deck(deck, workspace)


def source_kind(meaning_from: str, english: str) -> str:
    if not english.strip():
        return "no English"
    head = meaning_from.split(";")[0].split(" (")[0].split(", as ")[0]
    for kind in ("defined in the text", "abbreviated in the text", "abbreviates, in the text", "a separable word",
                 "with the spoken suffix",
                 "the glossary"):
        if head.startswith(kind):
            return kind
    return head.replace(", via ", " following a link to ").split(" following")[0] + (
        " (following a link)" if ", via " in head else "")


def score(gold, workspace: Workspace, show: bool, kinds: Counter) -> tuple[int, int, int]:
    totals = [0, 0, 0]
    for text, listed in gold.items():
        notes = {script.to_simplified(n.hanzi): n for _, n in deck_of(text, workspace)}
        for n in notes.values():
            kinds[source_kind(n.meaning_from, n.english)] += 1
        present = good = wrong = 0
        lines = []
        for term, keywords in listed.items():
            note = notes.get(script.to_simplified(term))
            if note is None:
                continue
            present += 1
            english = note.english.strip()
            if not english:
                verdict = "none"
            elif any(k in english.lower() for k in keywords):
                verdict = "ok"
                good += 1
            else:
                verdict = "WRONG"
                wrong += 1
            lines.append(f"    {verdict:5} {term}: {english or '-'}   [{note.meaning_from}]")
        print(f"{text.name:55} listed {len(listed):3} in deck {present:3}  "
              f"acceptable {pct(good, present)}  wrong {pct(wrong, present)}")
        if show:
            print("\n".join(lines))
        totals[0] += present
        totals[1] += good
        totals[2] += wrong
    return totals[0], totals[1], totals[2]


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder with meaning.tsv and its texts")
    parser.add_argument("--seeds", type=Path, default=ROOT / "bench" / "seed_meanings.tsv")
    parser.add_argument("--show", action="store_true", help="list every listed term with its English")
    args = parser.parse_args()
    workspace = Workspace()
    for title, gold in (("seed articles (bench/seed_meanings.tsv)", read_gold(args.seeds, SEEDS)),
                        ("six texts (meaning.tsv)", read_gold(args.texts / "meaning.tsv", args.texts))):
        print(f"\n== {title}")
        kinds: Counter = Counter()
        present, good, wrong = score(gold, workspace, args.show, kinds)
        print(f"{'all':55} in deck {present:3}  acceptable {pct(good, present)}  wrong {pct(wrong, present)}")
        total = sum(kinds.values())
        print(f"  where the meanings of all {total} notes of these decks come from:")
        for kind, count in kinds.most_common():
            print(f"    {kind:42} {count:5} {pct(count, total)}")


if __name__ == "__main__":
    main()
