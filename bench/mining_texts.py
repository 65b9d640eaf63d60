"""The default deck of each development text, built alone as a user would, against the
teachers' lists; and CSL dev F1@10 beside jieba's TF-IDF in the same run.

    python bench/mining_texts.py [--texts DIR] [--csl FILE] [--no-csl] [--show N]

Per text of DIR (/work/shared/bench/texts: gold.tsv holds A "must", B "should" and junk
"never" rows) and per seed article (bench/seed_gold.toml: its must-have terms that occur
in that article count as A; its junk lists, numbers and single characters as junk):
recall of A and B in the default deck, junk count and deck size. The deck is what
`deckgen build text.txt` mines: the text read by the reading stage, level 4, the default
max_terms of deckfile.py.

A deck term matches a gold term when both are equal after OpenCC t2s, or after OpenCC
tw2sp (the texts' README), any written form of the term counting.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from deckgen import build, reading  # noqa: E402
from deckgen.deckfile import DEFAULT_LEVEL, DEFAULT_MAX_TERMS  # noqa: E402

TEXTS = Path("/work/shared/bench/texts")
CSL = Path("/work/shared/bench/csl_kg_dev.jsonl")
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "bench" / "seed_gold.toml"
_NUMBER = re.compile(r"^[第约近]?[0-9０-９.,%％零〇一二三四五六七八九十两百千万亿]+[年月日号个次倍%％元届期]*$")


def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def keys(term: str) -> set[str]:
    """The forms a term is matched by: OpenCC t2s and tw2sp."""
    return {_converter("t2s").convert(term), _converter("tw2sp").convert(term)}


def term_keys(forms) -> set[str]:
    return set().union(*(keys(f) for f in forms))


def load_texts(folder: Path) -> dict[str, dict[str, list[str]]]:
    """file -> kind (A, B, junk) -> terms."""
    gold: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(folder / "gold.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            gold[row["file"]][row["kind"]].append(row["term"])
    return gold


def load_seeds() -> dict[Path, dict[str, list[str]]]:
    """seed file -> kind -> terms: the must-have terms that occur in it as A."""
    gold = tomllib.loads(SEED_GOLD.read_text("utf-8"))
    junk = [w for words in gold["junk"].values() for w in words]
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        source = reading.read_source(path)
        text_keys = keys(source.text)
        present = [g for g in gold["must_have"] if any(k in t for k in keys(g) for t in text_keys)]
        out[path] = {"A": present, "B": [], "junk": junk}
    return out


def default_deck(path: Path):
    """The terms of `deckgen build path`: one file alone, default settings."""
    sources = reading.read_sources([path]).sources
    return build.mine_terms(sources, level=DEFAULT_LEVEL, top=DEFAULT_MAX_TERMS)


def evaluate(terms, gold: dict[str, list[str]], numbers_are_junk: bool):
    deck = [term_keys(t.forms or (t.text,)) for t in terms]
    found = set().union(*deck) if deck else set()

    def recall(kind: str) -> tuple[float | None, list[str]]:
        wanted = gold.get(kind, [])
        if not wanted:
            return None, []
        missing = [g for g in wanted if not keys(g) & found]
        return 100 * (len(wanted) - len(missing)) / len(wanted), missing

    junk_keys = set().union(*(keys(j) for j in gold.get("junk", []))) if gold.get("junk") else set()
    junk = [
        t.text for t, k in zip(terms, deck)
        if k & junk_keys or (numbers_are_junk and any(_NUMBER.match(x) or len(x) == 1 for x in k))
    ]
    return recall("A"), recall("B"), junk


def texts_table(folder: Path, show: int) -> list[tuple]:
    rows = []
    cases = [(folder / name, g, False) for name, g in sorted(load_texts(folder).items())]
    cases += [(path, g, True) for path, g in load_seeds().items()]
    for path, gold, seed in cases:
        text = reading.read_source(path).text
        terms = default_deck(path)
        (a, missing_a), (b, missing_b), junk = evaluate(terms, gold, seed)
        rows.append((path.stem[:28], len(text), a, b, len(junk), len(terms)))
        if show:
            print(f"\n== {path.name}: {len(terms)} terms")
            print("  missing A:", " ".join(missing_a) or "-")
            print("  missing B:", " ".join(missing_b) or "-")
            print("  junk:", " ".join(junk) or "-")
            print("  top:", " ".join(t.text for t in terms[:show]))
    return rows


def print_texts(rows: list[tuple]) -> None:
    print(f"\nDefault deck per text (level {DEFAULT_LEVEL}, max_terms {DEFAULT_MAX_TERMS})")
    print(f"{'text':<30}{'chars':>7}{'A %':>7}{'B %':>7}{'junk':>6}{'size':>6}")
    for name, chars, a, b, junk, size in rows:
        a_text = "-" if a is None else f"{a:.0f}"
        b_text = "-" if b is None else f"{b:.0f}"
        print(f"{name:<30}{chars:>7}{a_text:>7}{b_text:>7}{junk:>6}{size:>6}")
    a_values = [r[2] for r in rows if r[2] is not None]
    b_values = [r[3] for r in rows if r[3] is not None]
    print(f"{'mean':<30}{'':>7}{sum(a_values) / len(a_values):>7.0f}{sum(b_values) / len(b_values):>7.0f}"
          f"{sum(r[4] for r in rows):>6}{sum(r[5] for r in rows) / len(rows):>6.0f}")


def csl(path: Path) -> None:
    import json

    import mining_csl

    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in records]
    golds = [r["keywords"] for r in records]
    scores = {}
    for name, method in (("jieba TF-IDF", mining_csl.jieba_tfidf), ("deckgen miner", mining_csl.deckgen_miner)):
        started = time.perf_counter()
        scores[name] = (mining_csl.macro(method(texts), golds), time.perf_counter() - started)
    print(f"\nCSL dev ({len(records)} abstracts), macro F1@10:", ", ".join(
        f"{name} {score:.1f} ({seconds:.0f} s)" for name, (score, seconds) in scores.items()),
        f"= {scores['deckgen miner'][0] / scores['jieba TF-IDF'][0]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("--csl", type=Path, default=CSL)
    parser.add_argument("--no-csl", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print the missing terms, the junk and the top N")
    args = parser.parse_args()
    print_texts(texts_table(args.texts, args.show))
    if not args.no_csl:
        csl(args.csl)


if __name__ == "__main__":
    main()
