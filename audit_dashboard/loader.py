"""Read the report's CSV files and check every cell against the schema's types.

One folder of CSV files is one report edition (data/report/, data/editions/<edition>/): a file per
table of schema/report.sql, without the `edition` column that the store's tables start with.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .editions.meta import Meta
from .errors import DataError
from .store import Column, primary_keys, schema_columns

REPORT_SCHEMA = paths.SCHEMA_DIR / "report.sql"
CONFIG_SCHEMA = paths.SCHEMA_DIR / "config.sql"
EDITION = "edition"  # the first column of every report table in the store; files do not carry it

_INTEGER = re.compile(r"-?\d+")
_TYPES_INT = {"INTEGER", "BIGINT", "SMALLINT"}


def display_name(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def _convert(value: str, column: Column, file: str, row: int):
    text = value.strip()
    if text == "":
        if not column.nullable:
            raise DataError(file, row, column.name, "값이 비어 있습니다(필수 항목).")
        return None
    if column.type in _TYPES_INT:
        if not _INTEGER.fullmatch(text):
            raise DataError(file, row, column.name, f"정수가 아닙니다: '{text}' (쉼표 없이 숫자만 적습니다)")
        return int(text)
    if column.type == "DOUBLE":
        try:
            return float(text)
        except ValueError:
            raise DataError(file, row, column.name, f"숫자가 아닙니다: '{text}'") from None
    if column.type == "DATE":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise DataError(file, row, column.name, f"날짜는 2024-06-30처럼 적어야 합니다: '{text}'") from None
    if column.type == "BOOLEAN":
        if text not in ("true", "false"):
            raise DataError(file, row, column.name, f"true 또는 false여야 합니다: '{text}'")
        return text == "true"
    return text


def read_table(path: Path, columns: list[Column]) -> pd.DataFrame:
    """One CSV file as a typed frame, or a DataError naming the file, row and column."""
    file = display_name(path)
    if not Path(path).is_file():
        raise DataError(file, None, None, "파일이 없습니다.")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            records = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise DataError(file, None, None, f"UTF-8로 읽을 수 없습니다({exc.reason}).") from exc
    if not records:
        raise DataError(file, 1, None, "머리글 행이 없습니다.")
    header = [h.strip() for h in records[0]]
    expected = [c.name for c in columns]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = "머리글이 스키마와 다릅니다."
        if missing:
            detail += f" 없는 열: {', '.join(missing)}."
        if extra:
            detail += f" 알 수 없는 열: {', '.join(extra)}."
        if not missing and not extra:
            detail += f" 열 순서는 {', '.join(expected)} 이어야 합니다."
        raise DataError(file, 1, None, detail)
    values: dict[str, list] = {c.name: [] for c in columns}
    rows = []
    for offset, record in enumerate(records[1:]):
        row = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(columns):
            raise DataError(file, row, None, f"열이 {len(columns)}개여야 하는데 {len(record)}개입니다.")
        for column, cell in zip(columns, record):
            values[column.name].append(_convert(cell, column, file, row))
        rows.append(row)
    return typed_frame(values, columns, file, rows)


def typed_frame(values: dict[str, list], columns: list[Column], file: str, rows: list[int]) -> pd.DataFrame:
    """Python values per column (None where empty) as a frame with the schema's types; `rows` are the
    spreadsheet rows they came from, for messages from the checks. CSV files and workbooks both end here,
    so the same edition read from either is the same frame."""
    frame = pd.DataFrame(values)
    for column in columns:
        if column.type in _TYPES_INT:
            frame[column.name] = frame[column.name].astype("Int64")
        elif column.type == "BOOLEAN":
            frame[column.name] = frame[column.name].astype("boolean")
        elif column.type == "DOUBLE":
            frame[column.name] = frame[column.name].astype("Float64")
        elif column.type == "DATE":
            frame[column.name] = pd.to_datetime(frame[column.name]).dt.date if len(frame) else frame[column.name]
    # Spreadsheet row of each record, for messages from the checks.
    frame.attrs["file"] = file
    frame.attrs["rows"] = list(rows)
    return frame


def check_unique(frame: pd.DataFrame, key: list[str]) -> None:
    """A primary key given twice is named by both of its rows."""
    seen: dict[tuple, int] = {}
    for position, values in enumerate(frame[key].itertuples(index=False, name=None)):
        row = row_of(frame, position)
        if values in seen:
            shown = ", ".join(f"{k}={v}" for k, v in zip(key, values))
            raise DataError(frame.attrs["file"], row, key[0], f"{seen[values]}행과 같은 키가 다시 나옵니다({shown}).")
        seen[values] = row


def row_of(frame: pd.DataFrame, position: int) -> int:
    return frame.attrs["rows"][position]


@lru_cache(maxsize=1)
def report_tables() -> dict[str, list[Column]]:
    """The report's tables and their columns as an edition's files have them (no `edition`).
    Read once per process: making the schema in DuckDB takes a fifth of a second."""
    return {table: [c for c in columns if c.name != EDITION]
            for table, columns in schema_columns([REPORT_SCHEMA]).items()}


@lru_cache(maxsize=1)
def report_keys() -> dict[str, list[str]]:
    """Each report table's key within one edition; [] for a table of one row per edition (report_meta)."""
    return {table: [c for c in key if c != EDITION] for table, key in primary_keys([REPORT_SCHEMA]).items()}


def load_report(report_dir: Path = paths.REPORT_DIR) -> dict[str, pd.DataFrame]:
    """Every table of one report edition, read from report_dir/<table>.csv."""
    frames = {}
    keys = report_keys()
    for table, columns in report_tables().items():
        frame = read_table(Path(report_dir) / f"{table}.csv", columns)
        check_keys(frame, keys.get(table))
        frames[table] = frame
    return frames


def check_keys(frame: pd.DataFrame, key: list[str] | None) -> None:
    """No key twice; a table keyed by the edition alone holds exactly one row."""
    if key is None:
        return
    if key:
        check_unique(frame, key)
    elif len(frame) != 1:
        raise DataError(frame.attrs["file"], None, None, f"행이 하나여야 하는데 {len(frame)}개입니다.")


def meta_of(report: dict[str, pd.DataFrame], origin: str | None = None) -> Meta:
    """The edition's facts (title, session, period, as-of date) from its report_meta row."""
    return Meta.from_row(report["report_meta"].iloc[0].to_dict(), origin)


# Config files a data folder may lack (one made, or backed up, before the file existed): the shipped one stands in.
SHIPPED_DEFAULTS = frozenset({"readings"})


def load_config(data_dir: Path = paths.DATA_DIR) -> dict[str, pd.DataFrame]:
    """The department's settings, targets and readings, read from data_dir/<table>.csv."""
    return load_tables(CONFIG_SCHEMA, data_dir, defaults=SHIPPED_DEFAULTS)


def load_tables(schema_file: Path, directory: Path, defaults: frozenset[str] = frozenset()) -> dict[str, pd.DataFrame]:
    tables = schema_columns([schema_file])
    keys = primary_keys([schema_file])
    frames = {}
    for table, columns in tables.items():
        file = Path(directory) / f"{table}.csv"
        if table in defaults and not file.exists():
            file = paths.SHIPPED_DATA_DIR / f"{table}.csv"
        frame = read_table(file, columns)
        if table in keys:
            check_unique(frame, keys[table])
        frames[table] = frame
    return frames
