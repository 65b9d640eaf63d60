"""Whole-sentence pinyin of deckgen against pypinyin's default, in one run.

Data: shared/bench/thchs30_pinyin.jsonl (see shared/bench/README.md): news sentences,
one tone-numbered syllable per Han character; 一/不 in citation tone (yi1, bu4), third-tone
sandhi turned back into citation tones, erhua split (儿 r5), and `alt` listing the other
accepted syllables (free variants such as 谁 shei2/shui2, ambiguous sandhi).

Syllable accuracy: share of Han characters whose syllable and tone are accepted.
Sentence accuracy: share of sentences with every syllable accepted.

    python bench/sentence_pinyin.py [--data FILE] [--limit N] [--split first|second|all] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The shared data sits beside the checkout (or beside the folder of checkouts).
DEFAULT_DATA = next((p / "shared" / "bench" / "thchs30_pinyin.jsonl" for p in Path(__file__).resolve().parents[2:4]
                     if (p / "shared" / "bench" / "thchs30_pinyin.jsonl").is_file()),
                    Path(__file__).resolve().parents[2] / "shared" / "bench" / "thchs30_pinyin.jsonl")


def normal(syllable: str | None) -> str:
    return (syllable or "").lower().replace("ü", "v").replace("u:", "v")


def deckgen_reader():
    from deckgen.annotating import pinyin
    from deckgen.segmenting import segmenter

    seg = segmenter()

    def read(sentence: str) -> list[str]:
        return [normal(s.pinyin) for s in pinyin.syllables(sentence, seg) if s.pinyin or len(s.text) == 1]

    return read


def pypinyin_reader():
    from pypinyin import Style, lazy_pinyin

    def read(sentence: str) -> list[str]:
        return [normal(s) for s in lazy_pinyin(sentence, style=Style.TONE3, neutral_tone_with_five=True)]

    return read


def score(rows: list[dict], read) -> tuple[int, int, int, Counter]:
    right = total = whole = 0
    wrong: Counter = Counter()
    for row in rows:
        got = read(row["sentence"])
        labels, alt = row["pinyin"], row.get("alt") or {}
        ok_all = len(got) == len(labels)
        for i, label in enumerate(labels):
            accepted = {label, *alt.get(str(i), ())}
            guess = got[i] if i < len(got) else ""
            total += 1
            if guess in accepted:
                right += 1
            else:
                ok_all = False
                wrong[(row["sentence"][i], guess, label)] += 1
        whole += ok_all
    return right, total, whole, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--split", choices=("first", "second", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="show the N most frequent errors of deckgen")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"sentence pinyin benchmark: {args.data} not found (use --data FILE)")
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    half = len(rows) // 2
    rows = {"first": rows[:half], "second": rows[half:], "all": rows}[args.split][: args.limit]
    print(f"{len(rows)} sentences, {sum(len(r['pinyin']) for r in rows)} syllables ({args.data.name}, {args.split})")
    print(f"{'system':<22}{'syllables':>12}{'sentences':>12}")
    errors = None
    for name, reader in (("pypinyin default", pypinyin_reader()), ("deckgen", deckgen_reader())):
        right, total, whole, wrong = score(rows, reader)
        print(f"{name:<22}{100 * right / total:>11.2f}%{100 * whole / len(rows):>11.2f}%")
        if name == "deckgen":
            errors = wrong
    if args.errors and errors:
        print("\nmost frequent deckgen errors (char, got, label):")
        for (char, got, label), n in errors.most_common(args.errors):
            print(f"  {n:>3}  {char} {got or '-'} -> {label}")


if __name__ == "__main__":
    main()
