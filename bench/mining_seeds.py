"""Mining the three seed articles against the gold list in bench/seed_gold.toml.

    python bench/mining_seeds.py [--show N] [--speed]

Reports, for deckgen's miner (level 4, the seed decks' reader) and for jieba's TF-IDF
over the concatenated seeds (in simplified, which jieba's dictionary expects): recall of
the must-have terms in the top 150 and top 300, and the junk in the top 150 (names,
labels, function words and fragments from the gold file, plus numbers and dates and
single characters). --speed also times `deckgen terms` on a 1 MB corpus (the sentences
of /work/shared/bench/cpp_dev.sent) against a fresh python segmenting the same text with
jieba, whole processes measured in the same run, and mining alone in this process.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deckgen import script, segmenting  # noqa: E402
from deckgen.mining import MiningOptions  # noqa: E402
from deckgen.mining import mine as mine_with  # noqa: E402
from deckgen.records import Sentence, Source  # noqa: E402


def mine(sources, options, **kwargs):
    return mine_with(sources, options, segmenting.segmenter(), **kwargs)

SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "seed_gold.toml"
SEED_FILES = (
    "zhenghedao-2024-mi-lei-new-quality-productive-forces.txt",
    "nanfengchuang-2024-26-qi-kai-us-china-tech.txt",
    "business-weekly-1896-huawei-ai-chips.txt",
)
NUMBER = re.compile(r"^[第]?[0-9０-９.,%％零〇一二三四五六七八九十两百千万亿]+[年月日号%％个次倍元]*$")
_LABEL = re.compile(r"^(?:问|問|答|记者|記者|[\u4e00-\u9fff]{2,3})[：:]")


def read_seed(path: Path) -> Source:
    """deckgen.sources.read_source when it exists; else a plain splitter that drops
    lines with damaged spans (?? marks the lost GBK byte) and interview labels."""
    try:
        from deckgen.reading import read_source
    except ImportError:
        read_source = None
    if read_source is not None:
        return read_source(path)
    text = path.read_text("utf-8")
    sentences = []
    for number, line in enumerate(text.splitlines(), 1):
        if "??" in line:
            continue
        for piece in re.findall(r"[^。！？!?]+[。！？!?」”]*", line):
            piece = _LABEL.sub("", piece.strip()).strip()
            if piece:
                sentences.append(Sentence(piece, path.stem, number))
    return Source(path, path.stem, text, "utf-8", script.detect_script(text), tuple(sentences))


def key(term: str) -> str:
    return script.mainland_form(script.to_traditional(script.to_simplified(term)))


def is_junk(term: str, junk: set[str]) -> bool:
    k = key(term)
    return k in junk or bool(NUMBER.match(k)) or len(k) == 1


def evaluate(ranked: list[list[str]], must_have: list[str], junk: set[str]) -> tuple[float, float, int]:
    """ranked: each pick as the list of its forms."""

    def recall(n: int) -> float:
        keys = {key(form) for forms in ranked[:n] for form in forms}
        return 100 * sum(key(g) in keys for g in must_have) / len(must_have)

    junk_count = sum(any(is_junk(form, junk) for form in forms) for forms in ranked[:150])
    return recall(150), recall(300), junk_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=40, help="print the top N terms with their reasons")
    parser.add_argument("--speed", action="store_true", help="time mining a 1 MB corpus against segmenting it")
    args = parser.parse_args()
    if args.speed:
        speed()

    gold = tomllib.loads(GOLD.read_text("utf-8"))
    must_have = list(gold["must_have"])
    junk = {key(w) for words in gold["junk"].values() for w in words}
    sources = [read_seed(SEEDS / name) for name in SEED_FILES]

    started = time.perf_counter()
    terms = mine(sources, MiningOptions(level=4))
    mined_seconds = time.perf_counter() - started

    import jieba.analyse

    from deckgen import segmenting as segment

    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = segment.tokenizer()
    started = time.perf_counter()
    text = "\n".join(script.to_simplified(s.clean_text) for s in sources)
    tfidf = extractor.extract_tags(text, topK=300)
    tfidf_seconds = time.perf_counter() - started

    print(f"{len(must_have)} must-have terms, {len(junk)} junk entries; {len(terms)} terms mined")
    print(f"{'method':<16}{'recall@150':>12}{'recall@300':>12}{'junk@150':>10}{'seconds':>9}")
    for name, ranked, seconds in (
        ("jieba TF-IDF", [[w] for w in tfidf], tfidf_seconds),
        ("deckgen miner", [list(t.forms) or [t.text] for t in terms], mined_seconds),
    ):
        at150, at300, junk150 = evaluate(ranked, must_have, junk)
        print(f"{name:<16}{at150:>12.1f}{at300:>12.1f}{junk150:>10}{seconds:>9.2f}")

    found = {key(f) for t in terms[:300] for f in t.forms}
    missing = [g for g in must_have if key(g) not in found]
    print("missing from the top 300:", " ".join(missing) or "none")
    junk_hits = [t.text for t in terms[:150] if any(is_junk(f, junk) for f in t.forms)]
    print("junk in the top 150:", " ".join(junk_hits) or "none")
    for rank, term in enumerate(terms[: args.show], 1):
        print(f"{rank:>3} {term.text}  ({'; '.join(term.why)})")


FLOOR = (
    "import jieba, logging, sys; jieba.setLogLevel(logging.WARNING); tk = jieba.Tokenizer(); "
    "list(tk.cut(open(sys.argv[1], encoding='utf-8').read()))"
)


def speed(path: Path = Path("/work/shared/bench/cpp_dev.sent"), rounds: int = 2) -> None:
    """Whole processes, alternated `rounds` times (medians): `deckgen terms --top 50` on
    the 1 MB text against a fresh python that imports jieba, builds a jieba.Tokenizer()
    and segments the same text. Wall time and CPU time (user + system) of each: on a
    busy machine CPU time is the steadier of the two. Then, in this process, mining
    alone against segmenting alone."""
    import os
    import resource
    import statistics
    import subprocess
    import tempfile

    from deckgen import segmenting as segment
    from deckgen.records import Script

    lines = [line.replace("\u2581", "") for line in path.read_text("utf-8").splitlines()]
    text = "\n".join(lines)
    with tempfile.TemporaryDirectory() as scratch:
        corpus_file = Path(scratch) / "cpp_dev.txt"
        corpus_file.write_text(text, "utf-8")
        commands = {
            "jieba segmentation": [sys.executable, "-c", FLOOR, str(corpus_file)],
            "deckgen terms": [sys.executable, "-m", "deckgen", "terms", str(corpus_file), "--top", "50"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for _ in range(rounds):
            for name, argv in commands.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env, cwd=scratch)
                wall = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                times[name].append((wall, cpu))
    (floor_wall, floor_cpu), (terms_wall, terms_cpu) = (
        (statistics.median(w for w, _ in times[name]), statistics.median(c for _, c in times[name])) for name in commands
    )
    print(
        f"{len(text.encode())/1e6:.2f} MB, whole processes: jieba segmentation {floor_wall:.2f} s "
        f"(CPU {floor_cpu:.2f} s), deckgen terms {terms_wall:.2f} s (CPU {terms_cpu:.2f} s): "
        f"{terms_wall/floor_wall:.1f}x wall, {terms_cpu/floor_cpu:.1f}x CPU"
    )

    corpus = Source(path, "cpp", text, "utf-8", Script.SIMPLIFIED, tuple(Sentence(s, "cpp", i) for i, s in enumerate(lines, 1)))
    tokenizer = segment.tokenizer()  # both timings start with jieba's dictionary loaded
    started = time.process_time()
    list(tokenizer.cut(text))
    segmenting = time.process_time() - started
    started = time.process_time()
    terms = mine([corpus], MiningOptions(level=4))
    mining = time.process_time() - started
    print(
        f"in one process, CPU: jieba segmentation {segmenting:.2f} s, mining (segmentation included) {mining:.2f} s "
        f"({mining/segmenting:.1f}x, {len(terms)} terms)"
    )


if __name__ == "__main__":
    main()
