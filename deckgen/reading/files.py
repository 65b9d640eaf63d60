"""Opening a user's file safely: regular files only, and never more than a bound.

A source may be anything a path can name: a symlink to /dev/zero (endless), a FIFO
(a read that waits forever), a device, a file of gigabytes. Each is refused before
it is read, from the open file's own status (no race between a check and the read),
and a read stops one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

LIMIT_ENVIRONMENT = "DECKGEN_MAX_SOURCE_MB"
DEFAULT_LIMIT_MB = 50


class NotRegularFile(OSError):
    """The path names a FIFO, a device, a socket: something that is not a file of text."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than the limit."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def size_limit() -> int:
    """The largest source deckgen reads, in bytes: $DECKGEN_MAX_SOURCE_MB megabytes, else 50 MB.
    A setting that is not a positive number is ignored."""
    setting = os.environ.get(LIMIT_ENVIRONMENT, "")
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = DEFAULT_LIMIT_MB
    if not megabytes > 0:
        megabytes = DEFAULT_LIMIT_MB
    return int(megabytes * 1_000_000)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Raises NotRegularFile, TooLarge, or the OSError of opening or reading. O_NONBLOCK:
    opening a FIFO nobody writes to returns at once instead of waiting for a writer.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(_kind(info.st_mode))
        if info.st_size > limit:
            raise TooLarge(limit)
        chunks = []
        left = limit + 1  # a file that grew since fstat is still caught
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(limit)
        return data
    finally:
        os.close(fd)
