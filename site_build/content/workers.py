"""Spreading per-page work over the machine's cores.

Workers are forked, so they inherit the already loaded state (vocabularies, the site) without
pickling it; only each page's result travels back. Results come back in input order, so the
output does not depend on scheduling.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["MIN_ITEMS", "default_jobs", "parallel_map"]

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS = 64  # below this, starting workers costs more than it saves

_STATE: dict[str, Any] = {}


def default_jobs() -> int:
    """Worker processes to use: ``BROBYGGER_JOBS`` if set, else the cores (at most 8)."""
    env = os.environ.get("BROBYGGER_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, 8))


def _call(item: Any) -> Any:
    return _STATE["func"](item)


def parallel_map(func: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> list[R]:
    """``[func(x) for x in items]``, in forked worker processes when that pays off.

    Args:
        func: Called with each item; may use any state set up before the call.
        items: The work, one item per page.
        jobs: Worker processes; ``None`` for :func:`default_jobs`, 1 to stay in this process.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item) for item in items]
    _STATE["func"] = func
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            chunk = max(1, min(32, len(items) // (jobs * 8)))
            return list(pool.imap(_call, items, chunksize=chunk))
    finally:
        _STATE.clear()
