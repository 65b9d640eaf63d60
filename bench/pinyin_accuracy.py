"""Polyphone accuracy of deckgen.pinyin against pypinyin's default.

Data: the CPP dataset's dev split (cpp_dev.sent / cpp_dev.lb, see shared/bench/README.md):
each sentence has one polyphonic character wrapped in ▁; the label is its reading
(u: for ü). Score = share of sentences whose marked character gets that syllable.
Both systems are also run on the sentences converted to Traditional (OpenCC s2t).

    python bench/pinyin_accuracy.py [--limit N] [--data DIR] [--split first|second|all]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MARK = "\u2581"
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"


def load(data: Path, limit: int | None, split: str) -> list[tuple[str, int, str]]:
    """(sentence without marks, index of the marked character, label with ü as v)."""
    sent_path, label_path = data / "cpp_dev.sent", data / "cpp_dev.lb"
    missing = [str(p) for p in (sent_path, label_path) if not p.is_file()]
    if missing:
        sys.exit(f"pinyin benchmark: data not found: {', '.join(missing)} (use --data DIR)")
    sentences = sent_path.read_text(encoding="utf-8").splitlines()
    labels = label_path.read_text(encoding="utf-8").splitlines()
    if len(sentences) != len(labels):
        sys.exit(f"pinyin benchmark: {sent_path.name} and {label_path.name} differ in length")
    items = []
    for sentence, label in zip(sentences, labels):
        before, char, after = sentence.split(MARK)
        items.append((before + char + after, len(before), label.strip().replace("u:", "v")))
    half = len(items) // 2
    items = {"first": items[:half], "second": items[half:], "all": items}[split]
    return items[:limit] if limit else items


def pypinyin_reading(text: str, index: int) -> str | None:
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda x: list(x))
    return readings[index] if len(readings) == len(text) else None


def deckgen_reading(text: str, index: int) -> str | None:
    from deckgen.annotating.pinyin import span_reading as read_span
    from deckgen.segmenting import segmenter

    def span_reading(text, start, end):
        return read_span(text, start, end, segmenter())

    reading = span_reading(text, index, index + 1)
    return reading[0] if reading else None


def score(items, convert, system) -> tuple[float, Counter, float]:
    started = time.perf_counter()
    right = 0
    confusions: Counter = Counter()
    for text, index, label in items:
        text = convert(text)
        got = system(text, index)
        if got == label:
            right += 1
        else:
            confusions[(text[index], label, got)] += 1
    return right / max(len(items), 1), confusions, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--split", choices=("first", "second", "all"), default="all")
    parser.add_argument("--top", type=int, default=25, help="confusions to show")
    args = parser.parse_args()

    items = load(args.data, args.limit, args.split)
    import opencc

    s2t = opencc.OpenCC("s2t")
    scripts = {"Simplified": lambda t: t, "Traditional": lambda t: s2t.convert(t)}
    print(f"{len(items)} sentences ({args.split}) from {args.data}")
    worst: Counter = Counter()
    for script, convert in scripts.items():
        for name, system in (("pypinyin default", pypinyin_reading), ("deckgen", deckgen_reading)):
            accuracy, confusions, seconds = score(items, convert, system)
            print(f"{script:12} {name:17} {accuracy:7.2%}   ({seconds:.1f} s)")
            if name == "deckgen":
                worst.update({(script[0],) + k: v for k, v in confusions.items()})
    print("\nTop deckgen confusions (script, char, label, got: count):")
    for (script, char, label, got), count in worst.most_common(args.top):
        print(f"  {script} {char} {label:>8} -> {str(got):8} {count}")


if __name__ == "__main__":
    main()
