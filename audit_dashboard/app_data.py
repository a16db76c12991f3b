"""How pages ask questions: a cached read-only connection and cached answers.

The connection is keyed by the store's current versioned file (see store.py), so a rebuilt
store is picked up on the next rerun; the old connection is closed.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from . import paths, store


def _close(con) -> None:
    # Released after a rebuild; a session still mid-query on it keeps it until it finishes.
    try:
        con.close()
    except Exception:  # duckdb raises if another thread is using it; it is freed when that ends
        pass


@st.cache_resource(max_entries=2, on_release=_close, show_spinner=False)
def _connection(path: str):
    return store.connect_read_only(Path(path))


def _current_store() -> str:
    current = store.current_file(paths.STORE_FILE)
    if current is None:
        # A fresh checkout opened without the run script: build from data/ first.
        from .build import build

        build(paths.STORE_FILE)
        current = store.current_file(paths.STORE_FILE)
    return str(current)


@st.cache_data(max_entries=512, show_spinner=False)
def _answer(path: str, name: str, params: tuple) -> pd.DataFrame:
    return store.run_query(_connection(path), name, **dict(params))


def ask(name: str, **params) -> pd.DataFrame:
    """The answer to one named question (queries/<name>.sql)."""
    return _answer(_current_store(), name, tuple(sorted(params.items())))


def ask_one(name: str, **params) -> dict:
    """A question whose answer is one row."""
    frame = ask(name, **params)
    if len(frame) != 1:
        raise LookupError(f"queries/{name}.sql 의 결과가 한 행이 아닙니다({len(frame)}행).")
    return frame.to_dict("records")[0]  # per column, so integers stay integers
