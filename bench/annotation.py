"""Annotation quality of the seed decks: meanings, term pinyin, examples, HSK labels.

    python bench/annotation.py [--decks DIR] [--show N] [--polyphones]

Each deck file decks/*.toml goes through the same path as `deckgen build`
(load_deck_file, a Workspace, then mine -> overrides -> annotate via
deckgen.build.review_deck), and the resulting notes are measured:

  meanings   share of notes with an English meaning, by where it came from
             (Note.meaning_from: CC-CEDICT, defined in the text, composed from its
             parts, the deck file, nothing known)
  pinyin     for notes whose headword CC-CEDICT has, the share whose reading equals
             one of its entries' readings; baseline: pypinyin's default
             lazy_pinyin(word, style=TONE3, neutral_tone_with_five=True) on the word
             alone; the disagreements are listed
  examples   notes with at least one example, examples per note, examples of at most
             60 characters, and notes whose examples come from two or more sources
             when the term occurs in two or more
  HSK        the distribution of HSK labels

Polyphone reading in sentences (the CPP benchmark) is bench/pinyin_accuracy.py;
--polyphones runs its scoring here on the Simplified dev sentences.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deckgen.annotating import meaning as ann  # noqa: E402
from deckgen.build import Workspace, review_deck  # noqa: E402
from deckgen.deckfile import load_deck_file  # noqa: E402
from deckgen.lexicon import cedict as dictionary  # noqa: E402

MEANING_KINDS = (  # Note.meaning_from prefixes, in the order they are tried
    ("CC-CEDICT", ann.FROM_CEDICT),
    ("list of common acronyms", ann.FROM_ACRONYMS),
    ("defined in the text", ann.FROM_TEXT),
    ("abbreviated in the text", "abbreviated in the text"),
    ("long form nearby in the text", ann.FROM_ABBREVIATION),
    ("table of names", "deckgen's table of names"),
    ("a separable word", ann.FROM_SEPARABLE),
    ("composed from its parts", ann.FROM_COMPOSED),
    ("the deck file", ann.FROM_DECK),
    ("a shared glossary", "the glossary"),
    ("nothing known", "nothing known"),
)
EXAMPLE_MAX = 60


def meaning_kind(meaning_from: str) -> str:
    for label, prefix in MEANING_KINDS:
        if meaning_from.startswith(prefix):
            return label
    return f"other: {meaning_from[:30]}"


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def cedict_readings(hanzi: str, simplified: str) -> set[tuple[str, ...]]:
    entries = dictionary.lookup(hanzi) or dictionary.lookup(simplified)
    return {tuple(s.lower() for s in e.pinyin) for e in entries}


def pypinyin_default(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    return tuple(s.lower() for s in lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True))


def report(name: str, rows, show: int) -> None:
    notes = [note for _, note in rows]
    n = len(notes)
    print(f"\n=== {name}: {n} notes ===")

    # Meanings
    kinds: Counter = Counter()
    with_meaning: Counter = Counter()
    for note in notes:
        kind = meaning_kind(note.meaning_from)
        kinds[kind] += 1
        with_meaning[kind] += bool(note.english.strip())
    total_meaning = sum(with_meaning.values())
    print(f"\nmeaning: {total_meaning}/{n} notes have one ({pct(total_meaning, n).strip()})")
    print(f"  {'meaning from':<26}{'notes':>7}{'share':>9}{'with English':>14}")
    for label, _ in MEANING_KINDS:
        print(f"  {label:<26}{kinds[label]:>7}{pct(kinds[label], n):>9}{with_meaning[label]:>14}")
    for label in sorted(k for k in kinds if k.startswith("other")):
        print(f"  {label:<26}{kinds[label]:>7}{pct(kinds[label], n):>9}{with_meaning[label]:>14}")

    # Pinyin against CC-CEDICT
    checked = ours_ok = baseline_ok = 0
    disagreements, baseline_misses, several = [], [], []
    for note in notes:
        if not note.pinyin:
            continue
        readings = cedict_readings(note.hanzi, note.simplified)
        if not readings:
            continue
        checked += 1
        ours = tuple(s.lower() for s in note.pinyin)
        base = pypinyin_default(note.hanzi)
        ours_ok += ours in readings
        baseline_ok += base in readings
        if ours not in readings:
            disagreements.append((note.hanzi, ours, sorted(readings), base in readings))
        if base not in readings:
            baseline_misses.append((note.hanzi, ours, base, sorted(readings)))
        if len(readings) > 1:
            several.append((note.hanzi, ours, sorted(readings)))
    print(f"\npinyin of headwords in CC-CEDICT: {checked} notes "
          f"({len(several)} with more than one reading there)")
    print(f"  deckgen                         {ours_ok:>4} agree  {pct(ours_ok, checked)}")
    print(f"  pypinyin default (word alone)   {baseline_ok:>4} agree  {pct(baseline_ok, checked)}")
    print("  (a headword CC-CEDICT writes the same way takes the reading of one of its entries: agreement is by design)")
    if disagreements:
        print(f"  deckgen disagreements (up to {show}; * = pypinyin's default agrees with CC-CEDICT):")
        for hanzi, ours, readings, base_ok in disagreements[:show]:
            cedict = " | ".join(" ".join(r) for r in readings)
            print(f"   {'*' if base_ok else ' '} {hanzi}: ours {' '.join(ours)}; CC-CEDICT {cedict}")
    else:
        print("  deckgen disagreements: none")
    if baseline_misses:
        print(f"  pypinyin default's disagreements (up to {show}):")
        for hanzi, ours, base, readings in baseline_misses[:show]:
            cedict = " | ".join(" ".join(r) for r in readings)
            print(f"    {hanzi}: pypinyin {' '.join(base)}; ours {' '.join(ours)}; CC-CEDICT {cedict}")
    if several:
        print(f"  headwords with several CC-CEDICT readings, the one chosen (up to {show}):")
        for hanzi, ours, readings in several[:show]:
            print(f"    {hanzi}: ours {' '.join(ours)}; CC-CEDICT {' | '.join(' '.join(r) for r in readings)}")

    # Examples
    examples = [e for note in notes for e in note.examples]
    with_examples = sum(1 for note in notes if note.examples)
    short = sum(1 for e in examples if len(e.text) <= EXAMPLE_MAX)
    multi = [(term, note) for term, note in rows if len(term.sources) >= 2]
    spread = sum(1 for _, note in multi if len({e.source for e in note.examples}) >= 2)
    print("\nexamples:")
    print(f"  notes with >= 1 example          {with_examples:>4}/{n:<4} {pct(with_examples, n)}")
    print(f"  examples per note (mean)         {len(examples) / n if n else 0:>9.2f}")
    print(f"  examples <= {EXAMPLE_MAX} characters        {short:>4}/{len(examples):<4} {pct(short, len(examples))}")
    print(f"  terms in >= 2 sources whose examples come from >= 2: {spread}/{len(multi)} {pct(spread, len(multi))}")

    # HSK
    hsk = Counter(note.hsk or "(none: no Chinese characters)" for note in notes)

    def order(label: str):
        digits = "".join(c for c in label.split("-")[0] if c.isdigit())
        return (0, int(digits)) if label.startswith("HSK") and digits else (1, label)

    print("\nHSK labels:")
    for label in sorted(hsk, key=order):
        print(f"  {label:<30}{hsk[label]:>5}  {pct(hsk[label], n)}")


def polyphones(data: Path) -> None:
    """bench/pinyin_accuracy.py's scoring, reused: Simplified sentences only."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pinyin_accuracy as pa

    items = pa.load(data, None, "all")
    print(f"\npolyphones in sentences (bench/pinyin_accuracy.py, CPP dev, {len(items)} sentences, Simplified):")
    for name, system in (("pypinyin default", pa.pypinyin_reading), ("deckgen", pa.deckgen_reading)):
        accuracy, _, seconds = pa.score(items, lambda t: t, system)
        print(f"  {name:<18}{accuracy:8.2%}   ({seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=Path, default=ROOT / "decks", help="folder of deck files (default: decks/)")
    parser.add_argument("--show", type=int, default=30, help="pinyin disagreements to list per deck (default 30)")
    parser.add_argument("--polyphones", action="store_true",
                        help="also score polyphones in sentences with bench/pinyin_accuracy.py's scoring")
    parser.add_argument("--data", type=Path, default=Path("/work/shared/bench"), help="folder of cpp_dev.* for --polyphones")
    args = parser.parse_args()

    deck_paths = sorted(args.decks.glob("*.toml"))
    if not deck_paths:
        sys.exit(f"annotation benchmark: no deck files in {args.decks}")
    workspace = Workspace()  # sources read once for all decks, as `deckgen build` does
    for path in deck_paths:
        deck = load_deck_file(path)
        rows = review_deck(deck, workspace)
        report(f"{path.name} ({deck.script.value if deck.script else 'script as written'}, level {deck.level})", rows, args.show)

    if args.polyphones:
        polyphones(args.data)
    else:
        print("\npolyphones in sentences: see python bench/pinyin_accuracy.py "
              "(CPP dev split; or run this script with --polyphones)")


if __name__ == "__main__":
    main()
