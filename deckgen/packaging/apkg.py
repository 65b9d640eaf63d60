"""Reading and writing .apkg files: atomic writes, byte-for-byte reproducible output."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
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
        with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
            z.extract("collection.anki2", tmp)
            con = sqlite3.connect(os.path.join(tmp, "collection.anki2"))
            try:
                rows = con.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
            finally:
                con.close()
    except (OSError, zipfile.BadZipFile, KeyError, sqlite3.Error):
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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write in this folder: {exc.strerror or exc}", path,
                          hint="choose another output with -o/--output") from None
    db_fd, db_name = tempfile.mkstemp(suffix=".anki2")
    os.close(db_fd)
    try:
        con = sqlite3.connect(db_name)
        # A scratch file, zipped and then deleted: syncing it after each statement would
        # protect nothing (the finished zip is synced below). Its bytes are the same.
        try:
            con.execute("PRAGMA synchronous = OFF")
            import itertools

            genanki.Package(deck).write_to_db(con.cursor(), timestamp, itertools.count(int(timestamp) * 1000))
            con.commit()
        finally:
            con.close()
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as z:
            z.comment = ("deckgen-build-key:" + package.build_key).encode()
            _add(z, "collection.anki2", Path(db_name).read_bytes())
            _add(z, "media", b"{}")
        with open(tmp_name, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
        os.replace(tmp_name, path)
    except OSError as exc:
        raise OutputError(f"cannot write the deck: {exc.strerror or exc}", path,
                          hint="check the folder's permissions and free space, or choose -o/--output") from None
    finally:
        for leftover in (tmp_name, db_name):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
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
