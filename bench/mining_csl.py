"""Key-term extraction on CSL (Chinese Scientific Literature) abstracts: macro F1@10.

    python bench/mining_csl.py [/work/shared/bench/csl_kg_dev.jsonl]

Each line of the file is {"text": title + abstract, "keywords": [author keywords]}.
A prediction matches a keyword exactly after NFKC, lower-casing and removing
whitespace. Compared: jieba's TF-IDF (extract_tags, topK=10, the published baseline)
and deckgen's miner, which mines each abstract as the focus with the other abstracts of
the file as unlabelled context (the published TF-IDF + new-word-discovery baseline
used the unlabelled abstracts the same way). Scores are also given for the first and
second half of the file: the miner's few weights were not fitted to either.

The miner runs with level=0: a scientific reader's keywords are often common words
(管理, 控制), so no HSK filter, and no known words.
"""

from __future__ import annotations

import json
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deckgen import segmenting  # noqa: E402
from deckgen.mining import MiningOptions  # noqa: E402
from deckgen.mining import mine as mine_with  # noqa: E402
from deckgen.records import Script, Sentence, Source  # noqa: E402


def mine(sources, options, **kwargs):
    return mine_with(sources, options, segmenting.segmenter(), **kwargs)

DEFAULT = Path("/work/shared/bench/csl_kg_dev.jsonl")
TOP = 10
SCIENTIFIC_READER = MiningOptions(level=0, top=TOP)


def normalise(term: str) -> str:
    return "".join(unicodedata.normalize("NFKC", term).lower().split())


def f1(predicted: list[str], gold: list[str]) -> float:
    predicted_set = {normalise(p) for p in predicted[:TOP]}
    gold_set = {normalise(g) for g in gold}
    hits = len(predicted_set & gold_set)
    if not hits:
        return 0.0
    precision = hits / len(predicted_set)
    recall = hits / len(gold_set)
    return 2 * precision * recall / (precision + recall)


def as_source(number: int, text: str) -> Source:
    # One sentence per clause-ending mark keeps occurrences readable; mining only needs
    # clean sentences, and an abstract has no damaged spans.
    pieces, start = [], 0
    for i, char in enumerate(text):
        if char in "。；;!?！？" or (char == "." and i + 1 < len(text) and not text[i + 1].isdigit()):
            pieces.append(text[start : i + 1])
            start = i + 1
    pieces.append(text[start:])
    sentences = tuple(Sentence(p.strip(), f"csl-{number}", 1) for p in pieces if p.strip())
    return Source(Path(f"csl-{number}.txt"), f"csl-{number}", text, "utf-8", Script.SIMPLIFIED, sentences)


def jieba_tfidf(texts: list[str]) -> list[list[str]]:
    import jieba.analyse

    from deckgen import segmenting as segment

    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = segment.tokenizer()  # deckgen's own tokenizer, not jieba's global one
    extractor.postokenizer.tokenizer = segment.tokenizer()
    return [extractor.extract_tags(text, topK=TOP) for text in texts]


def deckgen_miner(texts: list[str]) -> list[list[str]]:
    sources = [as_source(i, text) for i, text in enumerate(texts)]
    return [[t.text for t in mine(sources, SCIENTIFIC_READER, focus=source)] for source in sources]


def macro(predictions: list[list[str]], golds: list[list[str]]) -> float:
    return 100 * sum(map(f1, predictions, golds)) / max(1, len(golds))


def main(path: Path = DEFAULT) -> None:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in records]
    golds = [r["keywords"] for r in records]
    half = len(records) // 2
    rows = []
    for name, method in (("jieba TF-IDF", jieba_tfidf), ("deckgen miner", deckgen_miner)):
        started = time.perf_counter()
        predictions = method(texts)
        seconds = time.perf_counter() - started
        rows.append(
            (
                name,
                macro(predictions, golds),
                macro(predictions[:half], golds[:half]),
                macro(predictions[half:], golds[half:]),
                seconds,
            )
        )
    print(f"CSL keyword extraction, {len(records)} abstracts of {path.name}, macro F1@{TOP} (exact match)")
    print(f"{'method':<16}{'all':>8}{'1st half':>10}{'2nd half':>10}{'seconds':>10}")
    for name, score, first, second, seconds in rows:
        print(f"{name:<16}{score:>8.1f}{first:>10.1f}{second:>10.1f}{seconds:>10.1f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
