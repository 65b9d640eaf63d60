"""Bounded memoisation, the one way deckgen remembers results in a process.

A long run (a whole book, many decks) must not grow without bound, so every memo
names its size. `once` is for loaders of heavy data: they run once per process and
keep one value.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import Generic, TypeVar

F = TypeVar("F", bound=Callable)
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def memo(size: int) -> Callable[[F], F]:
    """Remember the last `size` results of a function of hashable arguments."""
    if size <= 0:
        raise ValueError("a memo needs a positive size")

    def wrap(fn: F) -> F:
        return lru_cache(maxsize=size)(fn)  # type: ignore[return-value]

    return wrap


def once(fn: F) -> F:
    """A loader of heavy data: computed on first use, then kept for the process."""
    return lru_cache(maxsize=1)(fn)  # type: ignore[return-value]


class BoundedDict(Generic[K, V]):
    """A dict that forgets its oldest entries beyond `size`: for values filled in
    batches (a batch of conversions or cuts), where a memo of single calls would
    cost a call per value."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, default: V | None = None) -> V | None:
        return self._items.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def known(self, keys: Iterable[K]) -> dict[K, V]:
        """The entries held for any of `keys`, looked up in one batch."""
        items = self._items
        return {key: items[key] for key in keys if key in items}

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __len__(self) -> int:
        return len(self._items)

    def update(self, pairs) -> None:
        self._items.update(pairs)
        while len(self._items) > self._size:
            self._items.popitem(last=False)
