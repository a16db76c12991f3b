"""The change log: every change of the department's data, one line each, appended to
data/changes.jsonl (git-ignored, kept in every backup).

    changes.record("target_changed", file="targets.csv", content=new_bytes, detail="민원 처리율 목표 90% → 95%")

Call `record` after a change has taken effect (never before: a refused change leaves no line).
The importer calls it for imports, undo, saved mappings and the department table; the backup for a
restore. Report editions and targets/settings screens call it with their own action codes (ACTIONS).

A line is a JSON object with time, action (stable code and Korean label), who, file, content hash,
rows added and removed, and a detail in words. Lines are only ever appended: each one is a single
write to a file opened with O_APPEND, under a lock file shared by threads and processes, so
concurrent writers never interleave. Nothing in the product edits or removes a line; a restore
merges the backup's lines with the ones already here (see `merge`) and appends its own.

Who: the data manager on the locked pages (`access.require_manager` says so for the rest of that
script run, through `acting_as`), else the operating-system user (the command line, cron).
"""
from __future__ import annotations

import contextlib
import contextvars
import csv
import datetime as dt
import fcntl
import getpass
import hashlib
import io
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import paths

FILE = "changes.jsonl"
LOCK = ".changes.lock"
MANAGER = "자료 관리자"

# Stable codes (what other code and the CSV rely on) and the Korean label the page shows.
ACTIONS = {
    "import": "기록 가져오기",
    "undo": "가져오기 되돌리기",
    "mapping_saved": "매핑 저장",
    "departments_saved": "부서 코드표 저장",
    "edition_added": "보고서 판 추가",
    "edition_removed": "보고서 판 삭제",
    "target_changed": "목표 변경",
    "setting_changed": "설정 변경",
    "restore": "백업에서 되살리기",
}

FIELDS = ["time", "action", "label", "who", "file", "content_hash", "rows_added", "rows_removed", "detail", "id"]
CSV_HEADERS = {"time": "때", "label": "한 일", "action": "코드", "who": "누가", "file": "파일",
               "content_hash": "내용 해시(SHA-256)", "rows_added": "더한 행", "rows_removed": "뺀 행",
               "detail": "내용", "id": "기록 번호"}

_actor: contextvars.ContextVar[str | None] = contextvars.ContextVar("change_log_actor", default=None)


@dataclass(frozen=True)
class Change:
    time: str                 # ISO 8601 with the offset: '2025-12-02T02:00:00+09:00'
    action: str               # a code of ACTIONS
    label: str
    who: str
    file: str | None
    content_hash: str | None  # sha256 of the file's bytes (the import's file, the saved mapping, the archive …)
    rows_added: int | None
    rows_removed: int | None
    detail: str
    id: str                   # unique, so a restore can merge two logs without doubling a line

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}


def log_file(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / FILE


def set_actor(who: str | None) -> None:
    """Who the changes of the current script run (one thread) are made by; None: the OS user."""
    _actor.set(who)


@contextlib.contextmanager
def acting_as(who: str):
    token = _actor.set(who)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> str:
    who = _actor.get()
    if who:
        return who
    try:
        return f"{getpass.getuser()} (명령줄)"
    except (KeyError, OSError):  # no user name for this uid (a container)
        return f"uid {os.getuid()} (명령줄)"


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@contextlib.contextmanager
def locked(data_dir: Path | None = None):
    """The log's lock: held by every writer, and by a restore while it replaces the file."""
    folder = Path(data_dir or paths.DATA_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def record(action: str, *, file: str | None = None, content: bytes | None = None, content_hash_: str | None = None,
           rows_added: int | None = None, rows_removed: int | None = None, detail: str = "",
           who: str | None = None, data_dir: Path | None = None) -> Change:
    """Append one change to the log and return it. `content` (bytes) is hashed; or give the hash."""
    if action not in ACTIONS:
        raise ValueError(f"변경 기록의 종류가 아닙니다: {action!r} (changes.ACTIONS)")
    change = Change(
        time=dt.datetime.now().astimezone().isoformat(timespec="seconds"), action=action, label=ACTIONS[action],
        who=who or current_actor(), file=file,
        content_hash=content_hash_ if content_hash_ is not None else (content_hash(content) if content is not None else None),
        rows_added=None if rows_added is None else int(rows_added),
        rows_removed=None if rows_removed is None else int(rows_removed),
        detail=detail, id=uuid.uuid4().hex)
    _append([change], data_dir)
    return change


def _line(change: Change) -> bytes:
    return (json.dumps(change.as_dict(), ensure_ascii=False) + "\n").encode("utf-8")


def _append(entries: list[Change], data_dir: Path | None) -> None:
    target = log_file(data_dir)
    with locked(data_dir):
        descriptor = os.open(target, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(descriptor).st_size
            if size and os.pread(descriptor, 1, size - 1) != b"\n":
                os.write(descriptor, b"\n")  # a line cut short by a crash stays alone on its line (parse skips it)
            for entry in entries:
                line = _line(entry)
                written = os.write(descriptor, line)  # one write per line: never interleaved
                if written != len(line):
                    raise OSError(f"변경 기록을 끝까지 쓰지 못했습니다({written}/{len(line)} 바이트).")
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def parse(text: str) -> list[Change]:
    """The lines of a log, in the order written. A line cut short (a crash mid-write) is left out."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            value = json.loads(line)
            found.append(Change(**{name: value.get(name) for name in FIELDS}))
        except (ValueError, TypeError):
            continue
    return found


def entries(data_dir: Path | None = None) -> list[Change]:
    """Every change, oldest first."""
    target = log_file(data_dir)
    if not target.is_file():
        return []
    return parse(target.read_text(encoding="utf-8", errors="replace"))


def merge(kept: list[Change], incoming: list[Change]) -> list[Change]:
    """Both logs, each change once (by id), in time order: a restore on a new machine brings the backup's
    history; on this machine it loses none of what happened since the backup."""
    seen = {c.id for c in kept}
    combined = kept + [c for c in incoming if c.id not in seen]
    return sorted(combined, key=lambda c: _moment(c.time))  # stable: equal times keep their order


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return moment if moment.tzinfo else moment.astimezone()


def when(text: str | None) -> str:
    """'2025-12-02T02:00:05+09:00' -> '2025. 12. 2. 02:00:05' (the machine's own time, as written)."""
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except (TypeError, ValueError):
        return str(text or "-")
    return f"{moment.year}. {moment.month}. {moment.day}. {moment:%H:%M:%S}"


def replace_with(merged: list[Change], data_dir: Path | None = None) -> None:
    """Write the merged log whole and move it into place (a restore only; held under the lock)."""
    target = log_file(data_dir)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.partial")
    scratch.write_bytes(b"".join(_line(c) for c in merged))
    os.replace(scratch, target)


def as_csv(found: list[Change]) -> bytes:
    """The log as a CSV for Excel (UTF-8 with BOM), newest first, headers in Korean."""
    from .export import escape  # the exports' own guard against cells Excel would run as formulas

    out = io.StringIO()
    columns = ["time", "label", "who", "file", "content_hash", "rows_added", "rows_removed", "detail", "action", "id"]
    writer = csv.writer(out)
    writer.writerow([CSV_HEADERS[c] for c in columns])
    for change in reversed(found):
        row = change.as_dict()
        writer.writerow(["" if row[c] is None else escape(str(row[c])) for c in columns])
    return out.getvalue().encode("utf-8-sig")
