"""The command line: parses, calls the library, reports. No logic of its own."""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from deckgen import __version__
from deckgen.errors import DeckgenError

DEFAULT_DECKS = Path("decks")


class _Reporter:
    """Progress on a terminal's stderr; silent when piped or with --quiet."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()

    def __call__(self, message: str) -> None:
        if self.enabled:
            click.echo(f"… {message}", err=True)


def _run(action, interrupted: str = "interrupted: the deck being written was left as it was"):
    """Domain errors become a clean message and exit 1; Ctrl-C exits 130. No tracebacks."""
    try:
        return action()
    except DeckgenError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(interrupted, err=True)
        sys.exit(130)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
def main():
    """Mine the key terms of Chinese texts and package them as Anki decks.

    \b
    Example:
      deckgen build                  # every decks/*.toml -> decks/*.apkg
      deckgen build article.txt      # one deck of one text
      deckgen terms article.txt --top 20
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where the deck of text sources goes (default: decks/<first source's name>.apkg).")
@click.option("--encoding", help="Encoding of the text sources (default: detected), e.g. gb18030, big5.")
@click.option("--level", default=4, show_default=True, type=click.IntRange(0, 7),
              help="For a deck of text sources: readers' HSK level; words at or below it are left out.")
@click.option("--known", "known", type=click.Path(dir_okay=False, path_type=Path),
              help="For a deck of text sources: a file of words you know (one per line, or a Pleco/Anki export).")
@click.option("--known-anki", type=click.Path(dir_okay=False, path_type=Path),
              help="For a deck of text sources: your Anki collection.anki2; notes you have learned are left out "
                   "(read-only, safe while Anki is open).")
@click.option("--known-interval", type=click.IntRange(1), metavar="DAYS",
              help="With --known-anki: days a card's interval must reach to count as learned (default 21).")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--dry-run", is_flag=True, help="Tell what a rebuild would add, change and drop; write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def build(paths, output, encoding, level, known, known_anki, known_interval, force, dry_run, quiet):
    """Build decks: deck files (.toml) and/or text sources.

    With no PATH, builds every deck file in decks/. A PATH ending in .toml is a deck
    file, built to the .apkg beside it; all other PATHs are texts that make one deck
    together, written to --output.

    \b
    Examples:
      deckgen build
      deckgen build decks/chips-ai-export-controls.toml --dry-run
      deckgen build article.txt other.txt -o decks/my-articles.apkg --known known.txt
      deckgen build page.html book.epub#3 episode.srt report.pdf -o decks/mixed.apkg
      deckgen build article.txt --known-anki ~/.local/share/Anki2/"User 1"/collection.anki2
    """
    from deckgen.build import Workspace, build_adhoc, build_deck
    from deckgen.deckfile import load_deck_file

    def action():
        deck_paths = [p for p in paths if p.suffix == ".toml"]
        texts = [p for p in paths if p.suffix != ".toml"]
        if not paths:
            deck_paths = sorted(DEFAULT_DECKS.glob("*.toml"))
            if not deck_paths:
                raise DeckgenError("no deck files found", DEFAULT_DECKS,
                                   hint="give text files (deckgen build article.txt) "
                                        "or write a deck file with deckgen init")
        if output is not None and not texts:
            raise DeckgenError("--output is for decks of text sources; a deck file's deck goes beside it")
        if output is not None and output.suffix != ".apkg":
            raise DeckgenError("the output must end in .apkg", output)
        decks = [load_deck_file(p) for p in deck_paths]  # every deck file is checked before anything is built
        workspace = Workspace(encoding=encoding, progress=_Reporter(quiet))
        reports = [build_deck(d, workspace, force=force, dry_run=dry_run) for d in decks]
        if texts:
            target = output or DEFAULT_DECKS / f"{texts[0].stem}.apkg"
            reports.append(build_adhoc(texts, target, workspace, level=level, known_words=known, force=force,
                                       dry_run=dry_run, known_anki=known_anki, known_interval=known_interval))
        shown: set[str] = set()
        for report in reports:
            _print_report(report, quiet, shown)

    _run(action)


def _print_report(report, quiet: bool, shown: set[str]) -> None:
    for warning in report.warnings:
        if warning not in shown:  # decks sharing a source share its warnings: say them once
            shown.add(warning)
            click.echo(f"warning: {warning}", err=True)
    if report.up_to_date:
        if not quiet:
            click.echo(f"{report.output}: up to date")
        return
    verb = "would have" if report.dry_run else "has"
    click.echo(f"{report.output}: {verb} {report.total} notes ({len(report.added)} new, "
               f"{len(report.changed)} changed, {report.unchanged} unchanged, {len(report.dropped)} dropped)")
    if report.dry_run:
        for label, names in (("new", report.added), ("changed", report.changed), ("dropped", report.dropped)):
            if names:
                click.echo(f"  {label}: {' '.join(names)}")
    if report.dropped and not quiet:
        query = " OR ".join(f'"Hanzi:{n}"' for n in report.dropped[:50])
        click.echo("  Anki keeps notes a deck no longer has. To find and suspend them, search in Anki's "
                   f"browser: tag:deckgen::{report.output.stem} ({query})")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--top", default=30, show_default=True, type=click.IntRange(1), help="How many terms per file.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per file.")
@click.option("--level", default=4, show_default=True, type=click.IntRange(0, 7),
              help="Readers' HSK level: words at or below it are left out (0 keeps all).")
@click.option("--known", "known", type=click.Path(dir_okay=False, path_type=Path),
              help="A file of words you know (one per line, or a Pleco/Anki export): left out.")
@click.option("--known-anki", type=click.Path(dir_okay=False, path_type=Path),
              help="Your Anki collection.anki2: notes you have learned are left out (read-only).")
@click.option("--known-interval", type=click.IntRange(1), metavar="DAYS",
              help="With --known-anki: days a card's interval must reach to count as learned (default 21).")
@click.option("--encoding", help="Encoding of the files (default: detected).")
def terms(files, top, as_json, level, known, known_anki, known_interval, encoding):
    """List the ranked key terms of each FILE; the other files serve as context.

    \b
    Examples:
      deckgen terms seeds/*.txt --top 20
      deckgen terms page.html --known-anki ~/.local/share/Anki2/"User 1"/collection.anki2
      deckgen terms article.txt --json | jq .terms[].term
    """
    from deckgen.build import list_terms
    from deckgen.tones import spaced_marks

    def action():
        warnings, listings = list_terms(files, top=top, level=level, known_words=known, encoding=encoding,
                                        known_anki=known_anki, known_interval=known_interval)
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        for source, listed in listings:
            rows: list[dict[str, Any]] = [{"term": row.term.text, "pinyin": spaced_marks(row.pinyin),
                     "english": row.english, "score": round(row.term.score, 3), "why": list(row.term.why)}
                    for row in listed]
            if as_json:
                click.echo(json.dumps({"file": str(source.path), "terms": rows}, ensure_ascii=False))
                continue
            click.echo(f"== {source.path} ({source.name})")
            for i, row in enumerate(rows, 1):
                click.echo(f"{i:3}. {row['term']}  {row['pinyin']}  {row['english']}")
                click.echo(f"     {'; '.join(row['why'])}")

    _run(action)


@main.command()
@click.option("--numbers", is_flag=True,
              help="Machine-readable: one numbered syllable per character (tone 5 = neutral, ü as v).")
def pinyin(numbers):
    """Read lines of Chinese on stdin and print each with its pinyin.

    \b
    Examples:
      echo 行长说得对，我们还要还钱。 | deckgen pinyin
      deckgen pinyin --numbers < sentences.txt
    """
    from deckgen.build import read_pinyin

    def action():
        # Read bytes: text that is not UTF-8 (a GBK file piped in) is the user's to
        # convert, and must be told as such, not as a decoding traceback.
        for number, raw in enumerate(sys.stdin.buffer, 1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise DeckgenError("the input is not UTF-8 text", "<stdin>", line=number,
                                   hint="convert it first, e.g. "
                                        "iconv -f gb18030 -t utf-8 file.txt | deckgen pinyin") from None
            text = text.removesuffix("\n").removesuffix("\r")
            for line in text.split("\r"):  # a lone CR ends a line too, as in universal newlines
                if numbers:
                    click.echo(read_pinyin(line, numbered=True))
                else:
                    click.echo(line)
                    click.echo(read_pinyin(line, numbered=False))

    _run(action, interrupted="interrupted")


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The deck file to write, e.g. decks/my-topic.toml.")
@click.option("--title", help="The deck's title (default: from the file name).")
def init(sources, output, title):
    """Write a commented starter deck file for SOURCES.

    \b
    Example:
      deckgen init seeds/*.txt -o decks/my-topic.toml --title "My topic"
    """
    from deckgen.deckfile import starter_deck_file

    def action():
        if output.suffix != ".toml":
            raise DeckgenError("a deck file's name ends in .toml", output)
        if output.exists():
            raise DeckgenError("already exists; deckgen never overwrites a deck file", output,
                               hint="choose another name, or edit the file")
        output.parent.mkdir(parents=True, exist_ok=True)
        text = starter_deck_file(list(sources), output, title or output.stem.replace("-", " "))
        with open(output, "x", encoding="utf-8") as f:
            f.write(text)
        click.echo(f"wrote {output}; build it with: deckgen build {output}")

    _run(action)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--level", default=4, show_default=True, type=click.IntRange(0, 7),
              help="For texts: readers' HSK level; words at or below it are left out.")
@click.option("--known", "known", type=click.Path(dir_okay=False, path_type=Path),
              help="For texts: a file of words you know (one per line, or a Pleco/Anki export).")
@click.option("--encoding", help="Encoding of the text sources (default: detected).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def review(paths, level, known, encoding, quiet):
    """List what a deck holds, and why each term was chosen.

    PATH is a deck file (.toml), or texts: then the deck is the one `deckgen build`
    makes of those texts. Shows each term with its pinyin, meaning, where the meaning
    came from and the deck's examples of it, so you know what to correct with
    [terms."…"] in a deck file.
    Notes with no meaning known come first.

    \b
    Examples:
      deckgen review decks/new-quality-productive-forces.toml | less
      deckgen review article.txt
    """
    from deckgen.build import Workspace, adhoc_deck, review_deck
    from deckgen.deckfile import load_deck_file
    from deckgen.tones import spaced_marks

    def action():
        first = paths[0]
        texts = not (len(paths) == 1 and first.suffix.lower() in (".toml", ".apkg", ".colpkg"))
        if texts:
            deck = adhoc_deck(paths, Path("decks") / f"{first.stem}.apkg", level=level, known_words=known)
        else:
            deck = load_deck_file(first)
        rows = review_deck(deck, Workspace(encoding=encoding, progress=_Reporter(quiet)))
        unknown = [row for row in rows if not row[1].english.strip()]
        if unknown:  # first: these are the notes to correct
            where = ("a deck file for these texts (deckgen init TEXT... -o DECK.toml) or a glossary" if texts
                     else "the deck file or a glossary")
            click.echo(f"{len(unknown)} of {len(rows)} notes have no meaning: no English is known for them. "
                       f'Add one with [terms."…"] english = "…" in {where}.')
            rows = unknown + [row for row in rows if row[1].english.strip()]
        for i, (term, note) in enumerate(rows, 1):
            reading = spaced_marks(note.pinyin)
            click.echo(f"{i:3}. {note.hanzi}  {reading}  {note.english or '(no meaning known)'}")
            details = [part for part in (note.meaning_from, note.hsk, note.frequency) if part]
            click.echo(f"     meaning: {'; '.join(details)}")  # Latin terms have no HSK label
            click.echo(f"     why: {'; '.join(term.why)}")
            for example in note.examples[:2]:  # where the reviewer sees whether the sense fits
                marked = f"{example.text[:example.start]}【{example.text[example.start:example.end]}】" \
                         f"{example.text[example.end:]}"
                click.echo(f"     e.g. {marked}  ({example.source})")

    _run(action)


def _built_deck(deck: Path) -> tuple[Path, tuple[Path, ...]]:
    """The .apkg of a deck file (and the deck's sources, never to be written over), or the .apkg given."""
    from deckgen.deckfile import load_deck_file

    if deck.suffix == ".apkg":
        return deck, ()
    if deck.suffix != ".toml":
        raise DeckgenError("give a deck file (.toml) or a built deck (.apkg)", deck)
    loaded = load_deck_file(deck)
    return loaded.output, tuple(loaded.sources)


@main.command()
@click.argument("deck", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(["pleco", "tsv", "csv", "handout"]),
              help="pleco: Pleco flashcards; tsv/csv: a table with a header; handout: printable HTML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write (default: beside the deck, e.g. decks/x.pleco.txt, x.tsv, x.handout.html).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def export(deck, fmt, output, quiet):
    """Export a built deck's notes: for Pleco, a spreadsheet, or a printed class handout.

    DECK is a deck file (its built .apkg is read) or an .apkg. The export holds what
    the deck holds, corrections included; build the deck first.

    \b
    Examples:
      deckgen export decks/chips-ai-export-controls.toml --format handout
      deckgen export decks/chips-ai-export-controls.toml --format pleco -o chips.txt
      deckgen export decks/my-articles.apkg --format csv
    """
    from deckgen.build import export_deck

    def action():
        apkg, sources = _built_deck(deck)
        written, count = export_deck(apkg, fmt, output, progress=_Reporter(quiet), protect=sources)
        click.echo(f"wrote {written} ({count} notes)")

    _run(action)


@main.command()
@click.argument("deck", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page (default: beside the deck, e.g. decks/x.preview.html).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def preview(deck, output, quiet):
    """Write one HTML page showing every card of a built deck, front and back, as Anki
    will render it (the deck's own templates and styling). Open it in a browser.

    \b
    Example:
      deckgen preview decks/chips-ai-export-controls.toml && xdg-open decks/chips-ai-export-controls.preview.html
    """
    from deckgen.build import export_deck

    def action():
        apkg, sources = _built_deck(deck)
        written, count = export_deck(apkg, "preview", output, progress=_Reporter(quiet), protect=sources)
        click.echo(f"wrote {written} ({count} notes)")

    _run(action)


def run() -> None:
    """The `deckgen` program and `python -m deckgen`: main, then a quick exit.

    When main returns, every deck is written and closed. What a normal interpreter
    exit would still do is free the loaded dictionaries object by object (jieba's
    and CC-CEDICT's tables: about a million strings), a few tenths of a second of
    every run, which the operating system does at once when the process ends.
    """
    # A run allocates millions of short-lived objects and almost no reference cycles;
    # at Python's default threshold every gen-2 pass walks the loaded dictionaries
    # again, for nothing. A long run over a large input is still collected. This is
    # the program's setting, not the library's (bench/speed.py measures it).
    gc.set_threshold(200_000, 30, 30)
    try:
        main(prog_name="deckgen")
        code = 0
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)  # a debugger, tracer or profiler writes its results at exit: let it
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # the reader went away: deckgen terms … | head
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
