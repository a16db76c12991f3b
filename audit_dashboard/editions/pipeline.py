"""Adding an edition from a filled workbook, and removing one again:

    read → check (the build's own checks, on a trial store) → preview → commit

`prepare` reads the workbook, runs every check the build runs by building a trial store with the new
edition in a scratch folder, and compares it with the edition before it; it writes nothing to data/.
`commit` writes data/editions/<edition>/ and rebuilds the store, or removes the folder again if the
rebuild fails: the store changes in one step or not at all. `remove` takes an added edition out.
The page (edition_screen.py) calls these three and nothing else.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import changes, loader, paths, store
from ..errors import DataError
from . import folders, spec, workbook
from .folders import Edition
from .meta import Meta


@dataclass
class TableChange:
    """How one sheet differs from the edition before: rows by key new, gone, changed, the same."""
    sheet: str
    rows: int
    new: int
    gone: int
    changed: int

    @property
    def same(self) -> int:
        return self.rows - self.new - self.changed


@dataclass
class Prepared:
    """Everything the preview shows; nothing of it is stored yet."""
    file: str
    content: bytes
    content_hash: str
    edition: Edition
    previous: Meta | None
    figures: pd.DataFrame          # edition_figures_compared: this edition against the one before
    changes: list[TableChange]

    @property
    def meta(self) -> Meta:
        return self.edition.meta


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read(content: bytes, file: str) -> Edition:
    """The workbook as an edition to add (DataError naming sheet, row and column if it cannot be)."""
    frames, places = workbook.read(content, file)
    meta = loader.meta_of(frames, "added")
    return Edition(meta, frames, loader.display_name(folders.editions_dir() / meta.edition), places, Path(file).name)


def prepare(content: bytes, file: str, *, data_dir: Path | None = None) -> Prepared:
    """Read and check the workbook as the build would, and compare it with the edition before it."""
    from ..build import build, editions as all_editions, report_dir_for  # the build imports folders; keep apart

    data_dir = Path(data_dir or paths.DATA_DIR)
    edition = read(content, file)
    with tempfile.TemporaryDirectory(prefix="edition-check-") as scratch:
        trial = Path(scratch) / "trial.duckdb"
        build(trial, data_dir=data_dir, extra=edition)  # every check of the build, the new edition included
        con = store.connect_read_only(trial)
        try:
            editions = store.run_query(con, "report_editions")
        finally:
            con.close()
        previous = _before(editions, edition.meta)
        figures = pd.DataFrame()
        if previous is not None:
            con = store.connect_read_only(trial)
            try:
                figures = store.run_query(con, "edition_figures_compared", edition=edition.id, other=previous.edition)
            finally:
                con.close()
    before = next((e for e in all_editions(report_dir_for(data_dir), data_dir) if previous and e.id == previous.edition),
                  None)
    changes = table_changes(edition.frames, before.frames if before else None)
    return Prepared(file, content, content_hash(content), edition, previous, figures, changes)


def _before(editions: pd.DataFrame, meta: Meta) -> Meta | None:
    """The edition just before `meta` among the store's (by as-of date, then session)."""
    older = [Meta.from_row(r) for r in editions.to_dict("records")
             if r["edition"] != meta.edition
             and (pd.Timestamp(r["as_of"]).date(), pd.Timestamp(r["session_start"]).date()) < (meta.as_of, meta.session_start)]
    return older[0] if older else None


def table_changes(frames: dict[str, pd.DataFrame], before: dict[str, pd.DataFrame] | None) -> list[TableChange]:
    """Per sheet, rows new, gone and changed against the edition before (matched by the table's key)."""
    result = []
    for sheet in spec.sheets():
        now = frames[sheet.table]
        if before is None:
            result.append(TableChange(sheet.sheet, len(now), len(now), 0, 0))
            continue
        old = before[sheet.table]
        key = list(sheet.key) or [c.name for c in sheet.columns]
        columns = [c.name for c in sheet.columns]
        as_rows = lambda f: {tuple(map(str, r[:len(key)])): tuple(map(str, r)) for r in  # noqa: E731
                             f[key + [c for c in columns if c not in key]].itertuples(index=False, name=None)}
        if sheet.single_row:
            as_rows = lambda f: {(): tuple(map(str, r)) for r in f[columns].itertuples(index=False, name=None)}  # noqa: E731
        new_rows, old_rows = as_rows(now), as_rows(old)
        result.append(TableChange(
            sheet.sheet, len(now), len(set(new_rows) - set(old_rows)), len(set(old_rows) - set(new_rows)),
            sum(1 for k in set(new_rows) & set(old_rows) if new_rows[k] != old_rows[k])))
    return result


def commit(prepared: Prepared, *, data_dir: Path | None = None, store_file: Path | None = None) -> Meta:
    """Store the edition the preview showed: its folder, then a rebuilt store; if the rebuild fails,
    the folder goes again and the store stays as it was."""
    from ..build import build

    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    edition = prepared.edition
    with store.exclusive(store_file):
        target = folders.add(edition.id, edition.frames, prepared.content, prepared.file, data_dir)
        try:
            build(store_file, data_dir=data_dir)
        except BaseException:
            folders.discard(target)
            raise
        changes.record("edition_added", file=prepared.file, content=prepared.content,
                       rows_added=sum(len(frame) for frame in edition.frames.values()),
                       detail=f"{edition.meta.label} (report={edition.id})", data_dir=data_dir)
    return edition.meta


def remove(edition_id: str, *, data_dir: Path | None = None, store_file: Path | None = None) -> Meta:
    """Take an added edition out and rebuild; if the rebuild fails, it is put back. The shipped
    edition cannot be removed (it is in git)."""
    from ..build import build

    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    with store.exclusive(store_file):
        folder = folders.editions_dir(data_dir) / edition_id
        if not folder.is_dir():
            raise DataError(edition_id, None, None, "더한 보고서가 아닙니다(함께 배포된 보고서는 뺄 수 없습니다).")
        meta = folders.read_folder(folder, "added").meta
        moved = folders.park(edition_id, data_dir)
        try:
            build(store_file, data_dir=data_dir)
        except BaseException:
            folders.restore(moved)
            raise
        folders.discard(moved[0])
        changes.record("edition_removed", file=edition_id, detail=f"{meta.label} (report={edition_id})",
                       data_dir=data_dir)
    return meta
