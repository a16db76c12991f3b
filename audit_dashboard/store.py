"""The only code that talks to DuckDB.

A store is named by a logical path (var/audit.duckdb). Each build writes a new versioned file
beside it (var/audit.duckdb.v<time>) and then replaces a small pointer file
(var/audit.duckdb.current) in one `os.replace`, so a failed build leaves the previous store as
it was. Versions, not a file swapped in place: DuckDB keeps one database per path in a process,
so a reader would go on seeing a file replaced under the same name; a new name is a new database.
Reading: read-only connections, one named query (queries/<name>.sql) at a time,
values passed as bound parameters.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from . import paths


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool


def _schema_sql(schema_files) -> str:
    return "\n".join(Path(f).read_text(encoding="utf-8") for f in schema_files)


def schema_columns(schema_files) -> dict[str, list[Column]]:
    """The tables and typed columns the schema declares, in declaration order."""
    return _schema_columns(_schema_sql(schema_files))


@lru_cache(maxsize=8)
def _schema_columns(sql: str) -> dict[str, list[Column]]:  # by the schema's text: a changed file is read anew
    con = duckdb.connect(":memory:")
    try:
        con.execute(sql)
        rows = con.execute(
            "SELECT table_name, column_name, data_type, is_nullable = 'YES' "
            "FROM information_schema.columns ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()
    tables: dict[str, list[Column]] = {}
    for table, column, data_type, nullable in rows:
        tables.setdefault(table, []).append(Column(column, data_type, nullable))
    return tables


def primary_keys(schema_files) -> dict[str, list[str]]:
    """The primary-key columns of each table that has one."""
    return _primary_keys(_schema_sql(schema_files))


@lru_cache(maxsize=8)
def _primary_keys(sql: str) -> dict[str, list[str]]:
    con = duckdb.connect(":memory:")
    try:
        con.execute(sql)
        rows = con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
            "WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    finally:
        con.close()
    return {table: list(columns) for table, columns in rows}


def write_store(schema_files, frames: dict[str, pd.DataFrame], target: Path, verify=None,
                parquet: dict[str, list[Path]] | None = None, summaries=()) -> None:
    """Create a store at `target` from the schema and frames, replacing it atomically.

    `parquet` adds rows from Parquet files straight into a table (imported records: no
    round trip through pandas at scale). `summaries` (SQL files, see `summarise`) are filled
    once every row is in. `verify(con)` runs on the finished new store; if it raises, the old
    store stays.
    """
    target = Path(target)
    known = schema_columns(schema_files)
    unknown = (set(frames) | set(parquet or {})) - set(known)
    if unknown:
        raise ValueError(f"스키마에 없는 표입니다: {', '.join(sorted(unknown))}")
    target.parent.mkdir(parents=True, exist_ok=True)
    version = target.with_name(f"{target.name}.v{time.time_ns()}")
    scratch = version.with_name(f".{version.name}.building")
    try:
        con = duckdb.connect(str(scratch))
        try:
            con.execute(_schema_sql(schema_files))
            for table, frame in frames.items():
                con.register("incoming", frame)
                # Identifiers cannot be bound; `table` is allow-listed against the schema above.
                con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming')
                con.unregister("incoming")
            for table, files in (parquet or {}).items():
                if files:
                    con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet($files)',
                                {"files": [str(f) for f in files]})
            summarise(con, summaries)
            if verify is not None:
                verify(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(scratch, version)
        _point_to(target, version)
    finally:
        scratch.unlink(missing_ok=True)
        Path(str(scratch) + ".wal").unlink(missing_ok=True)
    _remove_old_versions(target, keep=version)


def summarise(con: duckdb.DuckDBPyConnection, summaries) -> None:
    """Fill each derived table from the records anew: `summaries` are SQL files named for their table
    (summaries/complaints_daily.sql fills complaints_daily), each emptied first. Every store version is
    made by `write_store`, so a summary can never lag behind its records."""
    tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT internal").fetchall()}
    for file in summaries:
        table = Path(file).stem
        if table not in tables:  # identifiers cannot be bound: the name is allow-listed against the store's tables
            raise ValueError(f"스키마에 없는 표입니다: {table}")
        con.execute(f'DELETE FROM "{table}"')
        con.execute(Path(file).read_text(encoding="utf-8"))


_process_lock = threading.RLock()
_held = threading.local()


@contextlib.contextmanager
def exclusive(target: Path):
    """One writer at a time for the store at `target`: threads of this process (Streamlit
    sessions) through a lock, other processes (the command line) through a lock file.
    Re-entrant, so an import may hold it around the build that also takes it."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _process_lock:
        if getattr(_held, "depth", 0):
            _held.depth += 1
            try:
                yield
            finally:
                _held.depth -= 1
            return
        with open(target.with_name(f"{target.name}.lock"), "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            _held.depth = 1
            try:
                yield
            finally:
                _held.depth = 0
                fcntl.flock(handle, fcntl.LOCK_UN)


def _pointer(target: Path) -> Path:
    return target.with_name(f"{target.name}.current")


def _point_to(target: Path, version: Path) -> None:
    pointer = _pointer(target)
    scratch = pointer.with_name(f".{pointer.name}.{os.getpid()}")
    scratch.write_text(version.name, encoding="utf-8")
    os.replace(scratch, pointer)


def _remove_old_versions(target: Path, keep: Path) -> None:
    """Older versions go; a reader still holding one keeps it open until it moves on (POSIX)."""
    for old in target.parent.glob(f"{target.name}.v*"):
        if old != keep and not old.name.endswith(".wal"):
            old.unlink(missing_ok=True)
            Path(str(old) + ".wal").unlink(missing_ok=True)


def current_file(target: Path) -> Path | None:
    """The file the store at logical path `target` is now, or None if it was never built."""
    target = Path(target)
    pointer = _pointer(target)
    if pointer.exists():
        return target.with_name(pointer.read_text(encoding="utf-8").strip())
    return target if target.exists() else None


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a store's current version (`path` logical or versioned)."""
    con = duckdb.connect(str(current_file(path) or path), read_only=True)
    con.execute("SET autoinstall_known_extensions = false")
    return con


@lru_cache(maxsize=None)
def query_text(name: str) -> str:
    """The SQL of one named question; names are file names, never user input."""
    path = paths.QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"쿼리 파일이 없습니다: queries/{name}.sql")
    return path.read_text(encoding="utf-8")


_OPTIONAL = re.compile(r"^-- optional: ([a-z_, ]+)", re.MULTILINE)


def optional_params(sql: str) -> list[str]:
    """Parameters a query declares optional ('-- optional: channel, department'): bound NULL when not given."""
    found = _OPTIONAL.search(sql)
    return [name.strip() for name in found.group(1).split(",") if name.strip()] if found else []


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Answer one named question with bound parameters (its optional ones NULL unless given)."""
    sql = query_text(name)
    params = {**{key: None for key in optional_params(sql)}, **params}
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params or None).df()
    finally:
        cursor.close()


def connect_read_write(path: Path) -> duckdb.DuckDBPyConnection:
    """For bulk loads into a store that no reader has open (the benchmark's scratch stores)."""
    con = duckdb.connect(str(current_file(path) or path))
    con.execute("SET autoinstall_known_extensions = false")
    return con


def append_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append a frame to a table in bulk (never row by row), matching columns by name."""
    known = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if table not in known:
        raise ValueError(f"저장소에 없는 표입니다: {table}")
    con.register("incoming", frame)
    try:
        # `table` is allow-listed against the store's own tables above.
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming')
    finally:
        con.unregister("incoming")
