"""Where editions live: the shipped one in data/report/ (in git), each added one in
data/editions/<edition>/ (git-ignored: the department's own data), as the same CSV files, one per
table, with the workbook it came from (원본.xlsx) and a manifest (edition.json).

An added edition is written whole into a hidden folder, then moved into place in one rename; it is
taken out by renaming it aside first, so a rebuild that fails can put it back.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import loader, paths
from ..errors import DataError
from .meta import Meta

WORKBOOK_NAME = "원본.xlsx"
MANIFEST_NAME = "edition.json"


@dataclass
class Edition:
    """One report edition as the build reads it: its facts, its tables (without `edition`), and where
    each table came from, for messages ('data/report/staffing.csv', '… 「인력」 시트')."""
    meta: Meta
    frames: dict[str, pd.DataFrame]
    folder: str                              # 'data/report', 'data/editions/2026-10-20'
    places: dict[str, str] = field(default_factory=dict)
    workbook: str | None = None              # the uploaded file's name
    added_at: str | None = None

    @property
    def id(self) -> str:
        return self.meta.edition


def editions_dir(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / "editions"


def _csv_places(folder: Path) -> dict[str, str]:
    return {table: loader.display_name(Path(folder) / f"{table}.csv") for table in loader.report_tables()}


def read_folder(folder: Path, origin: str, data_dir: Path | None = None) -> Edition:
    """An edition's CSV folder (data/report or data/editions/<id>)."""
    frames = loader.load_report(folder)
    manifest = Path(folder) / MANIFEST_NAME
    info = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    return Edition(loader.meta_of(frames, origin), frames, _name(folder, data_dir), _csv_places(folder),
                   info.get("workbook"), info.get("added_at"))


def _name(folder: Path, data_dir: Path | None) -> str:
    """'data/report', 'data/editions/2026-10-19': where a folder is within the data folder, wherever that is."""
    try:
        return "data/" + Path(folder).resolve().relative_to(Path(data_dir or paths.DATA_DIR).resolve()).as_posix()
    except ValueError:
        return loader.display_name(folder)


def added_folders(data_dir: Path | None = None) -> list[Path]:
    root = editions_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_all(report_dir: Path | None = None, data_dir: Path | None = None) -> list[Edition]:
    """The shipped edition first, then every added one; an id given twice is refused."""
    report_dir = Path(report_dir or paths.REPORT_DIR)
    editions = [read_folder(report_dir, "shipped", data_dir)]
    for folder in added_folders(data_dir):
        edition = read_folder(folder, "added", data_dir)
        if edition.id != folder.name:
            raise DataError(loader.display_name(folder / "report_meta.csv"), 2, "session_start",
                            f"폴더 이름({folder.name})과 보고서의 회기 시작일({edition.id})이 다릅니다.")
        editions.append(edition)
    seen: dict[str, str] = {}
    for edition in editions:
        if edition.id in seen:
            raise DataError(edition.places.get("report_meta", edition.folder), None, None,
                            f"회기 시작일이 같은 보고서가 둘입니다({edition.id}): {seen[edition.id]}, {edition.folder}")
        seen[edition.id] = edition.folder
    return editions


# --- writing and removing added editions --------------------------------------------------------

def _cell(value) -> str:
    """A value as loader.read_table reads it back: '' for empty, true/false, ISO dates, integers."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_tables(frames: dict[str, pd.DataFrame], folder: Path) -> None:
    """Every table of an edition as CSV files (UTF-8, the columns of the schema without `edition`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, columns in loader.report_tables().items():
        frame = frames[table]
        with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([c.name for c in columns])
            for record in frame[[c.name for c in columns]].itertuples(index=False, name=None):
                writer.writerow([_cell(v) for v in record])


def add(edition_id: str, frames: dict[str, pd.DataFrame], workbook: bytes, file: str,
        data_dir: Path | None = None) -> Path:
    """Write an edition's folder whole, then move it into place. Refused if the edition exists."""
    root = editions_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / edition_id
    if target.exists():
        raise DataError(file, None, None, f"같은 보고서({edition_id})가 이미 있습니다. 바꾸려면 먼저 빼고 다시 올리십시오.")
    scratch = root / f".{edition_id}.partial"
    shutil.rmtree(scratch, ignore_errors=True)
    write_tables(frames, scratch)
    (scratch / WORKBOOK_NAME).write_bytes(workbook)
    manifest = {"edition": edition_id, "workbook": Path(file).name,
                "added_at": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")}
    (scratch / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(scratch, target)
    return target


def park(edition_id: str, data_dir: Path | None = None) -> tuple[Path, Path]:
    """Move an added edition aside (it can still be put back); (parked, original)."""
    original = editions_dir(data_dir) / edition_id
    if not original.is_dir():
        raise DataError(edition_id, None, None, "그런 보고서가 없습니다(이미 뺐거나, 저장소에 함께 들어 있는 보고서입니다).")
    parked = original.with_name(f".{edition_id}.removed")
    shutil.rmtree(parked, ignore_errors=True)
    os.replace(original, parked)
    return parked, original


def restore(moved: tuple[Path, Path]) -> None:
    os.replace(*moved)


def discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def workbook_of(edition_id: str, data_dir: Path | None = None) -> bytes | None:
    """The workbook an added edition was uploaded as, if kept."""
    path = editions_dir(data_dir) / edition_id / WORKBOOK_NAME
    return path.read_bytes() if path.is_file() else None
