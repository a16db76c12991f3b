"""Imported batches on disk: data/imports/<records>/<batch>.parquet (the rows, only the fields the
dashboard keeps) and <batch>.json (what was imported, from which file, with which mapping).

The store is rebuilt from data/ after every change, so a batch is the unit of import and of undo:
taking one out and rebuilding gives the store exactly as it was before that import.
Free of the build and the pipeline, so both can use it without importing each other.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import DataError


@dataclass(frozen=True)
class Batch:
    id: str
    records: str                  # 'complaints', …
    file: str                     # the file's name as uploaded
    content_hash: str             # sha256 of the file's bytes
    mapping: str | None           # the saved mapping's name, if one was used
    imported_at: str              # 'YYYY-MM-DD HH:MM:SS'
    rows_in_file: int
    rows_added: int
    already_stored: int
    rejected: int
    skipped: int
    first_date: str | None
    last_date: str | None
    summary: dict
    path: Path

    def as_row(self) -> dict:
        return {"batch": self.id, "records": self.records, "file": self.file, "content_hash": self.content_hash[:12],
                "mapping": self.mapping or "-", "imported_at": self.imported_at, "rows_in_file": self.rows_in_file,
                "rows_added": self.rows_added, "already_stored": self.already_stored, "rejected": self.rejected,
                "first_date": self.first_date, "last_date": self.last_date}


def imports_dir(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / "imports"


def folder(records: str, data_dir: Path | None = None) -> Path:
    return imports_dir(data_dir) / records


def files(records: str, data_dir: Path | None = None) -> list[Path]:
    """The row files of every batch of one kind, oldest first (batch ids start with their time)."""
    return sorted(folder(records, data_dir).glob("*.parquet"))


def new_id(file: str, content_hash: str, now: dt.datetime | None = None) -> str:
    """'20261201-234501-민원처리현황-3fa2b1c0': when, which file, which content."""
    stem = re.sub(r"[^0-9A-Za-z가-힣_-]+", "_", Path(file).stem).strip("_")[:40] or "import"
    return f"{(now or dt.datetime.now()).strftime('%Y%m%d-%H%M%S')}-{stem}-{content_hash[:8]}"


def history(data_dir: Path | None = None, records: str | None = None) -> list[Batch]:
    """Every import still in effect, oldest first."""
    found = []
    root = imports_dir(data_dir)
    kinds = [records] if records else sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if root.is_dir() else []
    for kind in kinds:
        for rows_file in files(kind, data_dir):
            found.append(_read_manifest(rows_file, kind))
    return sorted(found, key=lambda b: (b.imported_at, b.id))


def _read_manifest(rows_file: Path, records: str) -> Batch:
    manifest = rows_file.with_suffix(".json")
    if manifest.is_file():
        info = json.loads(manifest.read_text(encoding="utf-8"))
    else:  # a batch from before manifests: what its rows say
        frame = pd.read_parquet(rows_file)
        stamp = dt.datetime.fromtimestamp(rows_file.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
        info = {"file": rows_file.name, "content_hash": "", "mapping": None, "imported_at": stamp,
                "rows_in_file": len(frame), "rows_added": len(frame), "already_stored": 0, "rejected": 0,
                "skipped": 0, "first_date": None, "last_date": None, "summary": {}}
    return Batch(rows_file.stem, records, info["file"], info["content_hash"], info.get("mapping"), info["imported_at"],
                 int(info["rows_in_file"]), int(info["rows_added"]), int(info["already_stored"]),
                 int(info["rejected"]), int(info.get("skipped", 0)), info.get("first_date"), info.get("last_date"),
                 info.get("summary", {}), rows_file)


def find(batch_id: str, data_dir: Path | None = None) -> Batch:
    for batch in history(data_dir):
        if batch.id == batch_id:
            return batch
    raise DataError(batch_id, None, None, "그런 가져오기 묶음이 없습니다(이미 뺐거나 이름이 다릅니다).")


def with_content(content_hash: str, data_dir: Path | None = None) -> list[Batch]:
    """Earlier imports of the very same file content (under any name)."""
    return [b for b in history(data_dir) if b.content_hash == content_hash]


def existing_keys(records: str, columns: list[str], data_dir: Path | None = None) -> pd.DataFrame:
    """The identifying columns of every stored row of one kind (read from the batches, not the store)."""
    parts = [pd.read_parquet(f, columns=columns) for f in files(records, data_dir)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    return pd.concat(parts, ignore_index=True).astype("str")


def write(records: str, batch_id: str, rows: pd.DataFrame, manifest: dict, data_dir: Path | None = None) -> Path:
    """Write a batch's rows and manifest; each file is written whole, then moved into place."""
    target = folder(records, data_dir)
    target.mkdir(parents=True, exist_ok=True)
    rows_file = target / f"{batch_id}.parquet"
    if rows_file.exists():
        raise DataError(manifest["file"], None, None, f"같은 이름의 묶음이 이미 있습니다({batch_id}).")
    scratch = target / f".{batch_id}.parquet.partial"
    rows.to_parquet(scratch, index=False)
    info = target / f".{batch_id}.json.partial"
    info.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(info, rows_file.with_suffix(".json"))
    os.replace(scratch, rows_file)  # the rows file last: a batch exists once its rows do
    return rows_file


def park(batch: Batch) -> list[tuple[Path, Path]]:
    """Move a batch's files aside (undo can still put them back); returns (parked, original) pairs."""
    moves = []
    for original in (batch.path, batch.path.with_suffix(".json")):
        if original.exists():
            parked = original.with_name(f".{original.name}.removed")
            os.replace(original, parked)
            moves.append((parked, original))
    return moves


def restore(moves: list[tuple[Path, Path]]) -> None:
    for parked, original in moves:
        os.replace(parked, original)


def discard(moves: list[tuple[Path, Path]]) -> None:
    for parked, _ in moves:
        parked.unlink(missing_ok=True)


def remove(rows_file: Path) -> None:
    rows_file.unlink(missing_ok=True)
    rows_file.with_suffix(".json").unlink(missing_ok=True)
