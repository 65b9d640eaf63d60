"""Whole-process wall time and peak memory of deckgen, against a jieba floor.

    python bench/speed.py [--runs N] [--profile] [--data DIR]

Every figure is a ratio to the "floor": a fresh Python process that imports jieba,
builds its own jieba.Tokenizer() and segments the same text (list(tk.cut(text))),
measured in the same run. The floor is what any jieba-based tool pays at minimum, so
the ratio says how much deckgen adds on top of loading and segmenting.

    a) deckgen build of the seed decks in a fresh copy of the project (seeds/ and
       decks/*.toml in a temporary folder, no .apkg yet), against the floor on the
       seeds' text (all seed files concatenated). Target <= 1.5x. Nothing derived
       from the texts is cached; deckgen's parsed dictionaries are, as jieba's own
       dictionary cache is for the floor (see the warm-up below).
    a0) the same with deckgen's cache folder entirely empty: the first run on a new
       machine, which also parses and stores the dictionaries.
    b) deckgen build again in the same folder, nothing changed, against the same
       floor. Target <= 0.5x.
    c) deckgen terms --top 50 on about 1 MB of text (the sentences of the CPP dev
       split, /work/shared/bench/cpp_dev.sent, with the marks removed), against the
       floor on that text; also its peak memory. Target <= 500 MB.

Each process is timed and measured by a small wrapper process that runs it and then
reads resource.getrusage(RUSAGE_CHILDREN): the wrapper has that one child, so its
ru_maxrss is the child's peak resident set. Each round runs the floor and then the
commands; a ratio is the median over the rounds of each round's command time over
that round's floor time (the range over rounds is shown beside it), so a slow stretch
of a noisy machine slows both sides of a ratio alike. Seconds are medians.

deckgen's modules are compiled to bytecode first, as `pip install .` compiles them when
it installs the package: otherwise an editable install run with PYTHONDONTWRITEBYTECODE
set would compile deckgen's sources afresh in every measured process (about 0.1 s),
which no installed deckgen does. jieba and the other dependencies are installed, so
compiled already.

jieba writes its dictionary cache (jieba.cache in the temporary folder) the first
time a Tokenizer is initialised; the floor is run once as a warm-up before measuring,
so both sides load the warm cache. deckgen keeps its own parsed dictionaries (jieba's
word table, CC-CEDICT's index, pypinyin's tables: cache.cached_dictionary) in its
cache folder; a deckgen warm-up fills them once, and every round of a) starts from a
cache folder holding those files only.

--profile runs a) and c) once more under cProfile and prints the top entries by
cumulative time (and by own time), to show what start-up and the build spend on.

This script reports; it does not judge: it exits 0 whatever the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path("/work/shared/bench")
MARK = "\u2581"

# Runs argv (after "--") in a subprocess and prints {"seconds", "maxrss_kb", "rc"}.
# It has exactly one child, so RUSAGE_CHILDREN's ru_maxrss is that child's peak.
WRAPPER = r"""
import json, resource, subprocess, sys, time
out, err, cwd = sys.argv[1], sys.argv[2], sys.argv[3]
argv = sys.argv[sys.argv.index("--") + 1:]
with open(out, "wb") as o, open(err, "wb") as e:
    started = time.perf_counter()
    rc = subprocess.call(argv, stdout=o, stderr=e, cwd=cwd)
    seconds = time.perf_counter() - started
maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    maxrss //= 1024  # bytes there, kilobytes on Linux
print(json.dumps({"seconds": seconds, "maxrss_kb": maxrss, "rc": rc}))
"""

FLOOR = r"""
import sys
import jieba
text = open(sys.argv[1], encoding="utf-8").read()
tk = jieba.Tokenizer()
words = list(tk.cut(text))
print(len(words))
"""


@dataclass
class Measure:
    seconds: float
    maxrss_mb: float


def measure(argv: list[str], cwd: Path, scratch: Path, label: str) -> Measure:
    out, err = scratch / f"{label}.out", scratch / f"{label}.err"
    done = subprocess.run([sys.executable, "-c", WRAPPER, str(out), str(err), str(cwd), "--", *argv],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        tail = err.read_text("utf-8", errors="replace")[-2000:]
        raise SystemExit(f"speed benchmark: {label} failed (exit {result['rc']}): {' '.join(argv)}\n{tail}")
    return Measure(result["seconds"], result["maxrss_kb"] / 1024)


def fresh_project(scratch: Path, name: str) -> Path:
    """seeds/ and decks/*.toml, as a new user has them before the first build."""
    project = scratch / name
    shutil.copytree(ROOT / "seeds", project / "seeds")
    (project / "decks").mkdir(parents=True)
    for deck in sorted((ROOT / "decks").glob("*.toml")):
        shutil.copy2(deck, project / "decks" / deck.name)
    return project


def seeds_text(scratch: Path) -> Path:
    path = scratch / "seeds-concatenated.txt"
    texts = [p.read_text("utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    path.write_text("\n".join(texts), "utf-8")
    return path


def corpus_text(scratch: Path, data: Path) -> Path | None:
    sent = data / "cpp_dev.sent"
    if not sent.is_file():
        return None
    lines = [line.replace(MARK, "") for line in sent.read_text("utf-8").splitlines()]
    path = scratch / "cpp_dev.txt"
    path.write_text("\n".join(lines), "utf-8")
    return path


def compile_deckgen() -> Path:
    """Bytecode for the deckgen that `python -m deckgen` imports, as pip writes on install."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("deckgen")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("speed benchmark: deckgen is not installed in this Python (pip install -e .)")
    package = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(package, quiet=1)
    return package


def floor_argv(floor_script: Path, text: Path) -> list[str]:
    return [sys.executable, str(floor_script), str(text)]


def deckgen_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "deckgen", *args]


def median(values: list[Measure]) -> Measure:
    return Measure(statistics.median(m.seconds for m in values), statistics.median(m.maxrss_mb for m in values))


# Stages of a run, found in a profile by file and function name (not line: code moves).
# Loading happens lazily inside the first stage that needs it (jieba's dictionary load
# sits inside whichever stage segments first), so the rows overlap.
STAGES = (
    ("all imports", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("  of which pypinyin itself (no deckgen cache yet)", "pypinyin/__init__.py", "<module>"),
    ("jieba import (lexicon.jieba_words.jieba_module)", "deckgen/lexicon/jieba_words.py", "jieba_module"),
    ("jieba dictionary load (segmenting.tokenizer)", "deckgen/segmenting/__init__.py", "tokenizer"),
    ("  of which jieba's own load (no deckgen cache yet)", "jieba/__init__.py", "initialize"),
    ("parsed dictionaries from deckgen's cache", "deckgen/cache.py", "cached_dictionary"),
    ("jieba POS table (posseg load_word_tag)", "jieba/posseg/__init__.py", "load_word_tag"),
    ("deckgen POS table (lexicon.jieba_words.word_tags)", "deckgen/lexicon/jieba_words.py", "word_tags"),
    ("CC-CEDICT index", "deckgen/lexicon/cedict.py", "_index"),
    ("pypinyin's tables", "deckgen/annotating/pinyin/readings.py", "_pypinyin_tables"),
    ("HSK word lists", "deckgen/lexicon/hsk.py", "_hsk_words"),
    ("OpenCC converters", "deckgen/script.py", "_converter"),
    ("reading sources", "deckgen/reading/__init__.py", "read_sources"),
    ("  of which character frequencies", "deckgen/reading/plausibility.py", "_character_frequencies"),
    ("mining", "deckgen/mining/__init__.py", "mine"),
    ("  of which new-word discovery", "deckgen/mining/discovery.py", "discover"),
    ("annotation", "deckgen/annotating/__init__.py", "annotate"),
    ("  of which examples", "deckgen/annotating/examples.py", "choose_examples"),
    ("  of which meanings", "deckgen/annotating/meaning.py", "meaning_of"),
    ("sentence pinyin (all callers)", "deckgen/annotating/pinyin/__init__.py", "_resolve"),
    ("jieba POS tagging (all callers)", "deckgen/segmenting/__init__.py", "tagged_tokens"),
    ("jieba segmentation (all callers)", "deckgen/segmenting/__init__.py", "tokens"),
    ("packaging (.apkg)", "deckgen/packaging/apkg.py", "write_package"),
)


def stage_times(stats) -> list[tuple[str, float, int]]:
    found = []
    for label, file_suffix, function in STAGES:
        hits = [(ct, nc) for (file, _, name), (_, nc, _, ct, _) in stats.stats.items()
                if name == function and file.replace("\\", "/").endswith(file_suffix)]
        if hits and max(hits)[0] >= 0.005:  # a stage this run did not go through is left out
            found.append((label, *max(hits)))
    return found


def profile(scratch: Path, corpus: Path | None, top: int, parsed: list[Path]) -> None:
    import pstats

    # As in a): nothing derived from the texts cached, the parsed dictionaries present.
    os.environ["DECKGEN_CACHE"] = str(scratch / "cache-profile")
    (scratch / "cache-profile").mkdir()
    for path in parsed:
        shutil.copy2(path, scratch / "cache-profile" / path.name)

    jobs = [("a) deckgen build (fresh)", fresh_project(scratch, "profile-build"), ["build"])]
    if corpus is not None:
        jobs.append(("c) deckgen terms --top 50", scratch, ["terms", str(corpus), "--top", "50"]))
    # deckgen.cli.main, not the program's entry point: that ends the process at once
    # (cli.run), before cProfile could write its statistics.
    entry = scratch / "deckgen_main.py"
    entry.write_text("from deckgen.cli import main\nmain(prog_name='deckgen')\n", "utf-8")
    for number, (label, cwd, args) in enumerate(jobs):
        stats_path = scratch / f"profile-{number}.prof"
        argv = [sys.executable, "-m", "cProfile", "-o", str(stats_path), str(entry), *args]
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"\n{label}: profiling failed (exit {done.returncode})\n{done.stderr[-2000:]}")
            continue
        stats = pstats.Stats(str(stats_path))
        total = stats.total_tt
        print(f"\n=== {label}: stages (cumulative seconds under cProfile, which slows Python code; "
              f"rows overlap) ===")
        for stage, seconds, calls in stage_times(stats):
            print(f"  {stage:<46}{seconds:>7.2f} s {100 * seconds / total:>5.1f} %  ({calls} calls)")
        for order, count in (("cumulative", top), ("tottime", 15)):
            print(f"\n=== {label}: top {count} by {order} time ===")
            stats = pstats.Stats(str(stats_path))
            stats.strip_dirs().sort_stats(order).print_stats(count)
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds to take the median of (default 3)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding cpp_dev.sent")
    parser.add_argument("--profile", action="store_true", help="also profile a) and c) once under cProfile")
    parser.add_argument("--profile-top", type=int, default=25, help="entries to show per profile (default 25)")
    args = parser.parse_args()
    args.runs = max(1, args.runs)

    scratch = Path(tempfile.mkdtemp(prefix="deckgen-speed-"))
    try:
        run(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(0)


def run(args, scratch: Path) -> None:
    floor_script = scratch / "floor.py"
    floor_script.write_text(FLOOR, "utf-8")
    seeds = seeds_text(scratch)
    corpus = corpus_text(scratch, args.data)

    print(f"python {sys.version.split()[0]} ({sys.executable}); {os.cpu_count()} CPUs; {args.runs} rounds, medians")
    print(f"seeds' text: {seeds.stat().st_size / 1e3:.1f} kB from {len(list((ROOT / 'seeds').glob('*.txt')))} files")
    if corpus is None:
        print(f"c) skipped: {args.data / 'cpp_dev.sent'} not found (the shared development data is missing)")
    else:
        print(f"1 MB text: {corpus.stat().st_size / 1e6:.2f} MB, the sentences of {args.data / 'cpp_dev.sent'}")

    package = compile_deckgen()
    print(f"deckgen: {package}, compiled to bytecode as pip install does")

    # Warm-up: the first jieba.Tokenizer() initialisation writes the dictionary cache
    # (jieba.cache in the temporary folder); both sides then load it warm.
    cache = Path(tempfile.gettempdir()) / "jieba.cache"
    had_cache = cache.exists()
    measure(floor_argv(floor_script, seeds), scratch, scratch, "warm-up")
    print(f"warm-up: the floor ran once first, so jieba's cache {cache} "
          f"({'already present' if had_cache else 'written by the warm-up'}) is warm for every measured run")

    dictionaries = scratch / "dictionaries"
    os.environ["DECKGEN_CACHE"] = str(dictionaries)
    measure(deckgen_argv("terms", str(seeds), "--top", "1"), scratch, scratch, "warm-up-deckgen")
    parsed = sorted(dictionaries.glob("dictionary-*.pickle"))
    names = ", ".join(p.name.split("-")[1] for p in parsed)
    print(f"warm-up: deckgen ran once first and stored its parsed dictionaries ({names})")

    kinds = ("floor-seeds", "build-first", "build", "build-warm", "rebuild", "floor-corpus", "terms")
    samples: dict[str, list[Measure]] = {k: [] for k in kinds}
    for i in range(args.runs):
        samples["floor-seeds"].append(measure(floor_argv(floor_script, seeds), scratch, scratch, f"floor-seeds-{i}"))
        os.environ["DECKGEN_CACHE"] = str(scratch / f"cache-first-{i}")
        first = fresh_project(scratch, f"project-first-{i}")
        samples["build-first"].append(measure(deckgen_argv("build"), first, scratch, f"build-first-{i}"))
        # Results cache empty for the first build, parsed dictionaries present; the
        # second fresh copy then finds what the first build derived from the same texts.
        os.environ["DECKGEN_CACHE"] = str(scratch / f"cache-{i}")
        (scratch / f"cache-{i}").mkdir()
        for path in parsed:
            shutil.copy2(path, scratch / f"cache-{i}" / path.name)
        project = fresh_project(scratch, f"project-{i}")
        samples["build"].append(measure(deckgen_argv("build"), project, scratch, f"build-{i}"))
        second_copy = fresh_project(scratch, f"project-{i}-again")
        samples["build-warm"].append(measure(deckgen_argv("build"), second_copy, scratch, f"build-warm-{i}"))
        built = sorted(p.name for p in (project / "decks").glob("*.apkg"))
        if not built:
            raise SystemExit("speed benchmark: deckgen build wrote no .apkg")
        samples["rebuild"].append(measure(deckgen_argv("build"), project, scratch, f"rebuild-{i}"))
        rebuilt = (scratch / f"rebuild-{i}.out").read_text("utf-8")
        if "up to date" not in rebuilt:
            print(f"note: round {i + 1}'s rebuild did not say 'up to date':\n{rebuilt}")
        if corpus is not None:
            samples["floor-corpus"].append(measure(floor_argv(floor_script, corpus), scratch, scratch, f"floor-corpus-{i}"))
            samples["terms"].append(measure(deckgen_argv("terms", str(corpus), "--top", "50"), scratch, scratch, f"terms-{i}"))
        print(f"round {i + 1}/{args.runs} done", file=sys.stderr)

    print(f"built: {', '.join(built)}")
    rows = [
        ("a) build, fresh copy, no results", "build", "floor-seeds", "<= 1.5x", None),
        ("a0) the same, first run on machine", "build-first", "floor-seeds", "", None),
        ("a') build, another copy, warm cache", "build-warm", "floor-seeds", "<= 1.5x", None),
        ("b) build again, nothing changed", "rebuild", "floor-seeds", "<= 0.5x", None),
    ]
    if corpus is not None:
        rows.append(("c) deckgen terms 1 MB --top 50", "terms", "floor-corpus", "<= 2x", 500.0))

    print()
    header = (f"{'command':<36}{'seconds':>9}{'floor s':>9}{'ratio':>8}{'rounds':>13}  {'target':<16}"
              f"{'peak MB':>9}{'floor MB':>10}")
    print(header)
    print("-" * len(header))
    for label, kind, floor_kind, target, mb_target in rows:
        cmd, floor = median(samples[kind]), median(samples[floor_kind])
        # Each round's command against the floor measured in the same round: a slow
        # stretch of a noisy machine then slows both sides of a ratio alike.
        ratios = sorted(c.seconds / f.seconds for c, f in zip(samples[kind], samples[floor_kind]))
        target_text = target + (f", {mb_target:.0f} MB" if mb_target else "")
        print(f"{label:<36}{cmd.seconds:>9.2f}{floor.seconds:>9.2f}{statistics.median(ratios):>7.2f}x"
              f"{f'{ratios[0]:.2f}-{ratios[-1]:.2f}x':>13}  {target_text:<16}"
              f"{cmd.maxrss_mb:>9.0f}{floor.maxrss_mb:>10.0f}")
    print("\nseconds: wall time of the whole process; peak MB: its maximum resident set (ru_maxrss);")
    print("floor: python -c 'import jieba; tk = jieba.Tokenizer(); list(tk.cut(text))' on the same text.")
    spread = {k: (min(m.seconds for m in v), max(m.seconds for m in v)) for k, v in samples.items() if v}
    print("spread over rounds (min-max s): " + "; ".join(f"{k} {lo:.2f}-{hi:.2f}" for k, (lo, hi) in spread.items()))

    if args.profile:
        profile(scratch, corpus, args.profile_top, parsed)


if __name__ == "__main__":
    main()
