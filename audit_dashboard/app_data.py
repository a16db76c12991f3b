"""How pages ask questions: a cached read-only connection and cached answers.

The connection is keyed by the store's current versioned file (see store.py), so a rebuilt
store is picked up on the next rerun; the old connection is closed.

Answers, and whatever is made from them alone (`per_store`: the charts and tables of a view), are
kept in one memo per store version. A store is never changed in place (a build writes a new version),
so an answer for a version stays true; an import or a restore makes a new version and with it a new,
empty memo, and only the last two versions' memos are kept (their memory goes with them). Within one
memoized call every question goes to the store version the call started on, so a result never mixes
two versions when an import lands in the middle of a page.
"""
from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd
import streamlit as st

from . import paths, store

# Per store version: query answers and views' charts and tables, least recently used going first when
# they weigh more than MEMO_WEIGHT together. A result weighs 1 (a view's charts and tables: ~20 kB each,
# ~50 for the three record pages of one period), an answer 1 per ROWS_PER_WEIGHT rows (a records list of
# 10,000 rows weighs 21): a few hundred MB at most, whatever the periods visitors choose.
MEMO_WEIGHT = 4096
ROWS_PER_WEIGHT = 500
SESSION_EDITION = "report_edition"  # report.SESSION_KEY: the edition the page shows (a memo key part)


def _close(con) -> None:
    # Released after a rebuild; a session still mid-query on it keeps it until it finishes.
    try:
        con.close()
    except Exception:  # duckdb raises if another thread is using it; it is freed when that ends
        pass


@st.cache_resource(max_entries=2, on_release=_close, show_spinner=False)
def _connection(path: str):
    return store.connect_read_only(Path(path))


def _weight(value) -> int:
    return 1 + len(value) // ROWS_PER_WEIGHT if isinstance(value, pd.DataFrame) else 1


class Memo:
    """A bounded, thread-safe map from keys to results, for one store version."""

    def __init__(self, weight: int = MEMO_WEIGHT):
        self._limit = weight
        self._weight = 0
        self._values: OrderedDict = OrderedDict()  # key -> (value, weight)
        self._lock = threading.Lock()

    def get(self, key, make):
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key][0]
        value = make()  # outside the lock: two sessions may make the same value once each, never wait on each other
        weight = _weight(value)
        with self._lock:
            if key in self._values:
                self._weight -= self._values.pop(key)[1]
            self._values[key] = (value, weight)
            self._weight += weight
            while self._weight > self._limit and len(self._values) > 1:
                self._weight -= self._values.popitem(last=False)[1][1]
        return value

    def __len__(self) -> int:
        return len(self._values)


@st.cache_resource(max_entries=2, show_spinner=False)
def _memo(path: str) -> Memo:
    """The memo of one store version (cleared with Streamlit's caches, as tests do between tests)."""
    return Memo()


_pinned = threading.local()  # the store version a memoized call is answering from, on this thread


def _current_store() -> str:
    pinned = getattr(_pinned, "path", None)
    if pinned is not None:
        return pinned
    current = store.current_file(paths.STORE_FILE)
    if current is None:
        # A fresh checkout opened without the run script: build from data/ first.
        from .build import build

        build(paths.STORE_FILE)
        current = store.current_file(paths.STORE_FILE)
    return str(current)


def store_version() -> str:
    """The store version questions go to now (the versioned file's path)."""
    return _current_store()


def _answer(path: str, name: str, params: tuple) -> pd.DataFrame:
    return _memo(path).get(("query", name, params), lambda: store.run_query(_connection(path), name, **dict(params)))


def ask(name: str, **params) -> pd.DataFrame:
    """The answer to one named question (queries/<name>.sql): the caller's own frame to change."""
    # A shallow copy (pandas copies on write): adding or changing a column never reaches the memo.
    return _answer(_current_store(), name, tuple(sorted(params.items()))).copy(deep=False)


def ask_one(name: str, **params) -> dict:
    """A question whose answer is one row."""
    frame = ask(name, **params)
    if len(frame) != 1:
        raise LookupError(f"queries/{name}.sql 의 결과가 한 행이 아닙니다({len(frame)}행).")
    return frame.to_dict("records")[0]  # per column, so integers stay integers


def per_store(function):
    """Keep `function`'s result per store version, shown edition and arguments (hashable ones: periods,
    filters, snapshots, strings, numbers).

    For functions of the store alone (and the edition the page shows): the views that turn answers into
    charts and tables. The result is shared by every session and rerun: callers must not change it
    (`drill.titled` and the exports make copies). Any other input would have to be an argument.
    """
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def memoized(*args, **kwargs):
        path = _current_store()
        key = (name, st.session_state.get(SESSION_EDITION), args, tuple(sorted(kwargs.items())))
        outer = getattr(_pinned, "path", None)

        def make():
            _pinned.path = path
            try:
                return function(*args, **kwargs)
            finally:
                _pinned.path = outer
        return _memo(path).get(key, make)

    memoized.uncached = function
    return memoized
