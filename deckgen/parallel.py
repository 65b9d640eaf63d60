"""Runs independent pieces of work side by side in forked processes.

Forking (not spawning) is the point: the children start with everything the parent
has loaded (jieba, CC-CEDICT, pypinyin's tables), so each piece of work pays for
its own computing only. Where fork is missing (Windows) or one core is all there
is, the work runs one piece after another in this process, with the same results.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork")


def map_forked(function: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """[function(item) for item in items], at most `jobs` at a time, each in a forked
    child process. Results come back in the order of `items`. An exception raised
    by `function` is raised here, after every child has finished (the first one in
    the order of `items`); a child killed by Ctrl-C raises KeyboardInterrupt here."""
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        return [function(item) for item in items]
    from multiprocessing.connection import Pipe, wait

    sys.stdout.flush()
    sys.stderr.flush()  # or the children would write the parent's buffered output again
    # The children's garbage collector leaves what they inherit alone: fewer objects to
    # scan, and memory pages that stay shared with this process.
    gc.freeze()
    outcomes: dict[int, tuple[str, object]] = {}
    running = {}  # receiving end of a child's pipe -> (index of its item, pid)
    waiting = list(enumerate(items))
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                index, item = waiting.pop(0)
                receiver, sender = Pipe(duplex=False)
                pid = os.fork()
                if pid == 0:  # the child: never returns
                    receiver.close()
                    _run_child(function, item, sender)
                sender.close()
                running[receiver] = (index, pid)
            for receiver in wait(list(running)):
                index, pid = running.pop(receiver)
                try:
                    outcomes[index] = receiver.recv()
                except EOFError:  # died without a word: killed, or out of memory
                    outcomes[index] = ("lost", None)
                receiver.close()
                os.waitpid(pid, 0)
    finally:
        for receiver, (_, pid) in running.items():  # interrupted: don't leave children behind
            receiver.close()
            os.waitpid(pid, 0)
        gc.unfreeze()
    return [_result(outcomes[i]) for i in range(len(items))]


def _run_child(function, item, sender) -> None:
    status = 0
    try:
        outcome = ("done", function(item))
    except KeyboardInterrupt:
        outcome, status = ("interrupted", None), 130
    except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it
        # Where it happened, for a bug report; the CLI's messages for DeckgenError
        # show str(exc) only, so users never see it.
        exc.add_note(f"in a worker process:\n{traceback.format_exc()}")
        outcome = ("raised", exc)
    try:
        try:
            sender.send(outcome)
        except Exception:  # noqa: BLE001 - a result or an exception that cannot be pickled
            sender.send(("crashed", traceback.format_exc()))
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        # os._exit: the child must not run the parent's exit handlers, nor return
        # into the parent's code.
        os._exit(status)


def _result(outcome: tuple[str, object]):
    kind, value = outcome
    if kind == "done":
        return value
    if kind == "raised":
        raise value
    if kind == "interrupted":
        raise KeyboardInterrupt
    if kind == "crashed":
        raise RuntimeError(f"a worker process failed:\n{value}")
    raise RuntimeError("a worker process ended without a result (killed, or out of memory?)")
