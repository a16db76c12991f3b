"""Restoring a backup: first what will change (`preview`, for the page and `restore --dry-run`), then
`restore`, which changes everything or nothing.

Under the store's one-writer lock: every file of the archive is written to a scratch folder inside
data/ (checked against its checksum again as it is read), each location the backup covers is swapped
in whole (`os.replace`, the old one moved aside), and the store is rebuilt from the result. If the
rebuild fails, every location is put back as it was and the store was never replaced (build.py
writes a new version and moves the pointer only when it is complete).

The change log is the exception: it is never replaced by an older one. The backup's lines and the
lines here are merged (each change once), and the restore appends its own line.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from .. import changes, paths, store
from ..errors import DataError
from . import locations
from .archive import Archive, BackupError, rows_of
from .locations import CHANGE_LOG, Location

ADDED, REPLACED, REMOVED, SAME = "더함", "바꿈", "뺌", "같음"


@dataclass(frozen=True)
class FileChange:
    path: str               # relative to data/
    group: str              # '가져온 기록: 민원', '저장한 매핑', '목표' …
    change: str             # ADDED, REPLACED, REMOVED or SAME
    rows_now: int | None
    rows_after: int | None


@dataclass(frozen=True)
class GroupChange:
    group: str
    files_now: int          # for imported records: batches (their rows files), else files
    files_after: int
    rows_now: int | None    # None: the group's files are not tables (mappings)
    rows_after: int | None
    added: int
    replaced: int
    removed: int


@dataclass(frozen=True)
class Plan:
    archive: Archive
    files: list[FileChange]
    covered: list[Location]       # the locations the restore replaces
    kept: list[Location]          # locations this backup does not speak of: left as they are
    log_now: int                  # lines of the change log here
    log_in_backup: int
    log_after: int                # merged (before the restore's own line)

    @property
    def changed(self) -> list[FileChange]:
        return [f for f in self.files if f.change != SAME]

    def count(self, change: str) -> int:
        return sum(1 for f in self.files if f.change == change)

    def groups(self) -> list[GroupChange]:
        found: dict[str, list[FileChange]] = {}
        for f in self.files:
            found.setdefault(f.group, []).append(f)
        result = []
        for group, members in sorted(found.items(), key=lambda item: _in_declared_order(item[0])):
            batches = group.startswith(_IMPORTS.label)
            counted = [f for f in members if f.path.endswith(".parquet")] if batches else members
            tables = any(f.rows_now is not None or f.rows_after is not None for f in counted)
            result.append(GroupChange(
                group,
                sum(1 for f in counted if f.change != ADDED), sum(1 for f in counted if f.change != REMOVED),
                sum(f.rows_now or 0 for f in counted if f.change != ADDED) if tables else None,
                sum(f.rows_after or 0 for f in counted if f.change != REMOVED) if tables else None,
                sum(1 for f in counted if f.change == ADDED), sum(1 for f in counted if f.change == REPLACED),
                sum(1 for f in counted if f.change == REMOVED)))
        return result

    def record_rows(self) -> tuple[int, int]:
        """Imported record rows the restore adds and takes out (batches are never edited, only added or removed)."""
        added = removed = 0
        for f in self.files:
            if not (f.group.startswith(_IMPORTS.label) and f.path.endswith(".parquet")):
                continue
            if f.change in (ADDED, REPLACED):
                added += f.rows_after or 0
            if f.change in (REMOVED, REPLACED):
                removed += f.rows_now or 0
        return added, removed


_IMPORTS = next(loc for loc in locations.DEPARTMENT_DATA if loc.path == "imports/")


def _in_declared_order(group: str) -> tuple[int, str]:
    """Groups in the order DEPARTMENT_DATA lists their locations (imported records by kind within)."""
    labels = [loc.label for loc in locations.DEPARTMENT_DATA]
    head = group.split(":")[0]
    return (labels.index(head) if head in labels else len(labels), group)


def group_of(relative: str) -> str:
    location = locations.location_of(relative)
    if location is None:
        return relative
    if location == _IMPORTS:
        from ..importer import kinds

        parts = relative.split("/")
        kind = parts[1] if len(parts) > 2 else ""
        return f"{location.label}: {kinds.KINDS[kind].LABEL if kind in kinds.KINDS else kind}"
    return location.label


@dataclass(frozen=True)
class Holding:
    group: str
    files: int              # batches for imported records, else files
    rows: int | None


def holdings(data_dir: Path | None = None) -> list[Holding]:
    """What a backup made now would hold, per kind of data (the page says so beside its button)."""
    found: dict[str, list[tuple[str, int | None]]] = {}
    for relative, file in locations.present(Path(data_dir or paths.DATA_DIR)).items():
        found.setdefault(group_of(relative), []).append((relative, _rows_in(relative, file)))
    result = []
    for group, members in sorted(found.items(), key=lambda item: _in_declared_order(item[0])):
        counted = [m for m in members if m[0].endswith(".parquet")] if group.startswith(_IMPORTS.label) else members
        tables = any(rows is not None for _, rows in counted)
        result.append(Holding(group, len(counted), sum(rows or 0 for _, rows in counted) if tables else None))
    return result


def _rows_in(relative: str, file: Path) -> int | None:
    if relative.endswith(".parquet"):  # the footer only, not the rows
        import pyarrow.parquet as pq

        return pq.ParquetFile(file).metadata.num_rows
    return rows_of(relative, file.read_bytes()) if relative.endswith((".csv", ".jsonl")) else None


def _covered(archive: Archive) -> tuple[list[Location], list[Location]]:
    named = set(archive.manifest.locations)
    covered = [loc for loc in locations.DEPARTMENT_DATA if loc.path in named and loc != CHANGE_LOG]
    kept = [loc for loc in locations.DEPARTMENT_DATA if loc.path not in named and loc != CHANGE_LOG]
    return covered, kept


def preview(archive: Archive, data_dir: Path | None = None) -> Plan:
    """What a restore of `archive` would change here: files added, replaced, removed; rows per kind."""
    import hashlib

    data_dir = Path(data_dir or paths.DATA_DIR)
    covered, kept = _covered(archive)
    now = {rel: file for rel, file in locations.present(data_dir, tuple(covered)).items()}
    incoming = {e.path: e for e in archive.manifest.files if e.path != CHANGE_LOG.path}
    files = []
    for relative in sorted(set(now) | set(incoming)):
        entry = incoming.get(relative)
        content = now[relative].read_bytes() if relative in now else None
        rows_now = rows_of(relative, content) if content is not None else None
        if entry is None:
            change = REMOVED
        elif content is None:
            change = ADDED
        else:
            change = SAME if hashlib.sha256(content).hexdigest() == entry.sha256 else REPLACED
        files.append(FileChange(relative, group_of(relative), change, rows_now, entry.rows if entry else None))
    here = changes.entries(data_dir)
    log_content = archive.content_of(CHANGE_LOG.path)
    theirs = changes.parse(log_content.decode("utf-8", errors="replace")) if log_content else []
    return Plan(archive, files, covered, kept, len(here), len(theirs), len(changes.merge(here, theirs)))


@dataclass(frozen=True)
class Restored:
    plan: Plan
    change: changes.Change       # the restore's own line in the change log


@dataclass
class _Swap:
    location: Location
    moved_old: bool = False
    put_new: bool = False


def restore(archive: Archive, data_dir: Path | None = None, store_file: Path | None = None) -> Restored:
    """Make data/ what the backup holds (in the locations it covers) and rebuild the store; all or nothing."""
    from ..build import build  # the build reads data/; importing it here keeps the backup light to load

    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    with store.exclusive(store_file):
        plan = preview(archive, data_dir)  # again, under the lock: what is here now
        work = data_dir / f".restore-{time.time_ns()}"
        new, old = work / "new", work / "old"
        log_content = b""
        try:
            for entry, content in archive.contents():
                if entry.path == CHANGE_LOG.path:
                    log_content = content
                    continue
                target = new / entry.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            swaps: list[_Swap] = []
            try:
                for location in plan.covered:
                    swap = _Swap(location)
                    swaps.append(swap)
                    _swap_in(swap, data_dir, new, old)
                build(store_file, data_dir=data_dir)
            except BaseException as error:
                for swap in reversed(swaps):
                    _swap_back(swap, data_dir, old, work / "discarded")
                if isinstance(error, DataError):
                    raise BackupError(archive.name, "저장소를 다시 만들지 못해 모두 되돌렸습니다. 자료와 저장소는 그대로입니다.\n"
                                                    f"{error.korean()}") from error
                raise
            with changes.locked(data_dir):
                merged = changes.merge(changes.entries(data_dir), changes.parse(log_content.decode("utf-8", errors="replace")))
                changes.replace_with(merged, data_dir)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        added, removed = plan.record_rows()
        made = archive.manifest
        change = changes.record(
            "restore", file=archive.name, content_hash_=archive.content_hash, rows_added=added, rows_removed=removed,
            detail=(f"{changes.when(made.created_at)}에 만든 백업(버전 {made.product_version}, {made.created_by}): 파일 더함 {plan.count(ADDED)} · "
                    f"바꿈 {plan.count(REPLACED)} · 뺌 {plan.count(REMOVED)} · 같음 {plan.count(SAME)}"),
            data_dir=data_dir)
    return Restored(plan, change)


def _swap_in(swap: _Swap, data_dir: Path, new: Path, old: Path) -> None:
    current, incoming, aside = data_dir / swap.location.path, new / swap.location.path, old / swap.location.path
    if current.exists():
        aside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(current, aside)
        swap.moved_old = True
    if incoming.exists():
        current.parent.mkdir(parents=True, exist_ok=True)
        os.replace(incoming, current)
        swap.put_new = True


def _swap_back(swap: _Swap, data_dir: Path, old: Path, discarded: Path) -> None:
    current, aside = data_dir / swap.location.path, old / swap.location.path
    if swap.put_new and current.exists():
        target = discarded / swap.location.path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(current, target)
    if swap.moved_old and aside.exists():
        os.replace(aside, current)
