"""Words the learner knows, read from their own Anki collection (collection.anki2).

Strictly read-only and safe while Anki is open: Anki keeps the collection in WAL
mode under an exclusive lock, so opening the user's file (even with mode=ro) either
fails ("database is locked"), reads stale data, or leaves -wal/-shm files beside it.
Instead the file and its -wal are copied to a private folder and the copy is opened;
the user's files are only ever read as bytes.

A note is known when one of its cards has been learned: a review or relearning card
whose interval reached KNOWN_INTERVAL days (Anki calls cards from 21 days on
"mature"; the threshold is a setting). Any note type: the Chinese field is found by
content, as the field that holds a short all-Chinese headword in most of the note
type's notes, not by its name.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from deckgen.errors import SourceError
from deckgen.script import has_han

KNOWN_INTERVAL = 21  # days; Anki's "mature"

_TAG = re.compile(r"<[^>]*>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_HEADWORD = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]{1,12}$")
_PLECO = re.compile(r"^([^\[\]]+)\[([^\[\]]+)\]$")  # 简体[繁體]


def load_anki_known(path: Path, min_interval: int = KNOWN_INTERVAL) -> frozenset[str]:
    """The Chinese headwords of the learner's learned notes."""
    path = Path(path)
    if not path.is_file():
        raise SourceError("no such Anki collection", path=path,
                          hint="Give the collection.anki2 file of your Anki profile, e.g. "
                               "~/.local/share/Anki2/User 1/collection.anki2 (Linux), "
                               "~/Library/Application Support/Anki2/User 1/collection.anki2 (macOS), "
                               "%APPDATA%\\Anki2\\User 1\\collection.anki2 (Windows).")
    folder = Path(tempfile.mkdtemp(prefix="deckgen-anki-"))
    try:
        con = _snapshot(path, folder)
        try:
            rows = con.execute(
                "SELECT n.id, n.mid, n.flds, MAX(CASE WHEN c.type IN (2, 3) THEN c.ivl ELSE 0 END) "
                "FROM notes n JOIN cards c ON c.nid = n.id GROUP BY n.id").fetchall()
        except sqlite3.DatabaseError as error:
            raise SourceError(f"cannot read the Anki collection: {error}", path=path,
                              hint="Check that this is a collection.anki2 file, not an exported .apkg.") from None
        finally:
            con.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    by_type: dict[int, list[tuple[list[str], int]]] = defaultdict(list)
    for _, model, fields, interval in rows:
        by_type[model].append(([_clean(f) for f in fields.split("\x1f")], interval or 0))
    known: set[str] = set()
    for notes in by_type.values():
        field = chinese_field([values for values, _ in notes])
        if field is None:
            continue
        for values, interval in notes:
            if interval >= min_interval and field < len(values):
                known.update(_words_of(values[field]))
    return frozenset(known)


def chinese_field(notes: list[list[str]]) -> int | None:
    """The index of the field holding the Chinese headword in most of these notes."""
    votes: Counter[int] = Counter()
    for values in notes:
        for index, value in enumerate(values):
            if any(_HEADWORD.match(word) for word in _words_of(value)):
                votes[index] += 1
                break  # the first headword-like field of a note: sentences and traditional forms come later
    if not votes:
        return None
    return max(votes, key=lambda index: (votes[index], -index))


def _words_of(value: str) -> list[str]:
    match = _PLECO.match(value)
    if match:
        return [match.group(1).strip(), match.group(2).strip()]
    return [value] if value and has_han(value) else []


def _clean(field: str) -> str:
    text = html.unescape(_TAG.sub("", _SOUND.sub("", field))).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _snapshot(path: Path, folder: Path) -> sqlite3.Connection:
    """A private copy of the collection (with the changes still in its -wal), opened read-only."""
    copy = folder / "collection.anki2"
    wal = Path(f"{path}-wal")

    def signature(p: Path):
        try:
            stat = p.stat()
        except FileNotFoundError:
            return None
        return (stat.st_size, stat.st_mtime_ns)

    for _ in range(5):  # Anki may write while we copy: copy again until nothing moved
        before = (signature(path), signature(wal))
        try:
            shutil.copyfile(path, copy)
            if before[1] is not None:
                shutil.copyfile(wal, f"{copy}-wal")
            elif os.path.exists(f"{copy}-wal"):
                os.remove(f"{copy}-wal")
        except OSError as error:
            raise SourceError(f"cannot read the Anki collection: {error.strerror or error}", path=path,
                              hint="Check the file's permissions.") from None
        if (signature(path), signature(wal)) == before:
            break
        time.sleep(0.2)
    con = sqlite3.connect(copy)
    # Anki's own collation, used by its tables' indexes; SQLite must know it to read them.
    con.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
    try:
        ok = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        con.close()
        raise SourceError("the Anki collection could not be read consistently", path=path,
                          hint="Anki may have been saving: try again, or close Anki first.")
    con.execute("PRAGMA query_only = ON")
    return con
