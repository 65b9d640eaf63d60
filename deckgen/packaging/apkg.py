"""Reading and writing .apkg files: atomic writes, byte-for-byte reproducible output."""

from __future__ import annotations

import glob
import hashlib
import os
import sqlite3
import stat
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from deckgen.errors import OutputError
from deckgen.packaging.notetype import MODEL_REVISED, _model


@dataclass(frozen=True)
class PackagedNote:
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int  # seconds since the epoch


@dataclass(frozen=True)
class DeckPackage:
    """Everything written into one .apkg, in order."""

    deck_name: str
    description: str
    notes: tuple[PackagedNote, ...]
    build_key: str  # stored in the zip comment: equal keys mean nothing to rebuild


def deck_id(deck_name: str) -> int:
    digest = hashlib.sha256(("deckgen deck:" + deck_name).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def read_previous(path: Path) -> dict[str, PackagedNote]:
    """The notes of an earlier build of this deck (empty if there is none or it is unreadable)."""
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("collection.anki2")
        # Opened in memory: a temporary copy on disk would stay behind after a kill -9.
        con = sqlite3.connect(":memory:")
        try:
            con.deserialize(data)
            rows = con.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
        finally:
            con.close()
    except (OSError, zipfile.BadZipFile, KeyError, sqlite3.Error, OverflowError, ValueError):
        return {}
    return {
        guid: PackagedNote(guid, tuple(flds.split("\x1f")), tuple(tags.split()), int(mod))
        for guid, flds, tags, mod in rows
    }


def read_build_key(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as z:
            comment = z.comment.decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile):
        return None
    prefix = "deckgen-build-key:"
    return comment[len(prefix) :] if comment.startswith(prefix) else None


def write_package(package: DeckPackage, path: Path) -> None:
    """Write the deck atomically: a failed or interrupted write leaves `path` untouched.

    The output is byte-for-byte a function of `package`: fixed timestamps in the
    database and in the zip, so an unchanged deck rebuilds to identical bytes.
    """
    import genanki

    model = _model()

    class _Note(genanki.Note):
        def __init__(self, mod: int, **kwargs):
            super().__init__(**kwargs)
            self.mod = mod

        def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # noqa: ARG002
            # genanki stamps every note with the package time; Anki then updates
            # every note on re-import. Each note carries its own time instead.
            super().write_to_db(cursor, self.mod, deck_id, id_gen)

    deck = genanki.Deck(deck_id(package.deck_name), package.deck_name, package.description)
    for n in package.notes:
        deck.add_note(_Note(n.mod, model=model, fields=list(n.fields), guid=n.guid, tags=list(n.tags)))
    timestamp = max((n.mod for n in package.notes), default=MODEL_REVISED)

    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder for the deck: {exc.strerror}", path,
                          hint="choose another output with -o/--output") from None
    _remove_stale_temporaries(directory, path.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write in this folder: {exc.strerror or exc}", path,
                          hint="choose another output with -o/--output") from None
    try:
        # The collection is built in memory and written straight into the zip: no scratch
        # database on disk that an interrupted build could leave behind, and a full disk
        # shows as one OSError from the zip, below.
        con = sqlite3.connect(":memory:")
        try:
            import itertools

            genanki.Package(deck).write_to_db(con.cursor(), timestamp, itertools.count(int(timestamp) * 1000))
            con.commit()
            database = con.serialize()
        finally:
            con.close()
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as z:
            z.comment = ("deckgen-build-key:" + package.build_key).encode()
            _add(z, "collection.anki2", database)
            _add(z, "media", b"{}")
        with open(tmp_name, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
        os.replace(tmp_name, path)
    except OSError as exc:
        raise OutputError(f"cannot write the deck: {exc.strerror or exc}", path,
                          hint="check the folder's permissions and free space, or choose -o/--output") from None
    except sqlite3.Error as exc:
        raise OutputError(f"cannot make the deck's collection: {exc}", path,
                          hint="free some memory or disk space and build again") from None
    finally:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass


# A deck being written is `.<deck>.apkg.<random>.tmp` beside it until it is complete.
TEMPORARY_PREFIX = "."
STALE_TEMPORARY_SECONDS = 3600


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Temporary files of this deck left by a build that was killed, once older than
    any build takes (a build still writing its own is left alone)."""
    now = time.time()
    try:
        leftovers = list(directory.glob(f"{glob.escape(TEMPORARY_PREFIX + name)}.*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        try:
            info = leftover.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _add(z: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    z.writestr(info, data)
