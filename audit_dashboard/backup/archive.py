"""The backup archive: one zip holding every file of the department's data (locations.DEPARTMENT_DATA)
under data/, and manifest.json saying what it holds: the archive format, the product version, when
and by whom it was made, and every file with its size, SHA-256 and, for tables, its rows.

The zip's comment carries the SHA-256 of every byte of the archive before it, so a single flipped
byte anywhere (in a file, in the manifest, in the zip's own bookkeeping) is found before anything is
touched; the manifest's per-file checksums then say which file is damaged or missing.

    create(path)          a backup of data/ now, written whole and moved into place
    archive_bytes()       the same in memory (the locked page's download)
    open_archive(source)  read and check a backup (path or bytes); BackupError in Korean if refused
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO

from .. import VERSION, changes, paths, store
from ..errors import DataError
from . import locations

FORMAT = "감사 대시보드 백업"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PREFIX = "data/"                       # members are data/<relative path>, as they lie in the checkout
_TAG = b"audit-dashboard-backup sha256="
_DIGEST = 64                           # hex characters of a SHA-256
_STORED = (".parquet", ".gz", ".zip", ".xlsx")  # already compressed: stored as they are


class BackupError(DataError):
    """A backup that cannot be made or restored, said in Korean, naming the archive."""

    def __init__(self, archive: str, message: str):
        super().__init__(archive, None, None, message)


@dataclass(frozen=True)
class Entry:
    path: str              # relative to data/: 'imports/complaints/<batch>.parquet'
    size: int
    sha256: str
    rows: int | None       # records in a table (Parquet, CSV, JSON lines); None for other files


@dataclass(frozen=True)
class Manifest:
    format: str
    format_version: int
    product_version: str
    product_build: str | None   # `git describe` where the copy is a checkout (for the reader; not compared)
    created_at: str             # ISO 8601 with the offset
    created_by: str
    locations: list[str]        # the department's data locations this backup covers
    files: list[Entry] = field(default_factory=list)

    def document(self) -> dict:
        return {**asdict(self), "files": [asdict(e) for e in self.files]}

    @property
    def rows(self) -> int:
        return sum(e.rows or 0 for e in self.files)


def version_tuple(text: str) -> tuple[int, ...]:
    """'0.9.0' -> (0, 9, 0); ValueError for anything else."""
    parts = str(text).strip().split(".")
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    return tuple(int(p) for p in parts)


def rows_of(relative: str, content: bytes) -> int | None:
    """How many records a table file holds (header not counted)."""
    suffix = Path(relative).suffix.lower()
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        return pq.ParquetFile(pa.BufferReader(content)).metadata.num_rows
    if suffix == ".csv":
        records = [r for r in csv.reader(io.StringIO(content.decode("utf-8-sig", errors="replace"))) if r]
        return max(len(records) - 1, 0)
    if suffix == ".jsonl":
        return sum(1 for line in content.splitlines() if line.strip())
    return None


def _git_describe() -> str | None:
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty", "--tags"], cwd=paths.ROOT,
                              capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def _read_now(relative: str, file: Path, data_dir: Path) -> bytes:
    if relative == locations.CHANGE_LOG.path:
        with changes.locked(data_dir):  # a line being appended is either in whole or not at all
            return file.read_bytes()
    return file.read_bytes()


def _write(out: BinaryIO, data_dir: Path, store_file: Path) -> Manifest:
    """Write the archive to `out` (seekable) under the one-writer lock: no import, undo or restore
    can change data/ halfway through."""
    now = dt.datetime.now().astimezone()
    stamp = now.timetuple()[:6]
    with store.exclusive(store_file):
        present = locations.present(data_dir)
        entries = []
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for relative, file in present.items():
                content = _read_now(relative, file, data_dir)
                entries.append(Entry(relative, len(content), hashlib.sha256(content).hexdigest(),
                                     rows_of(relative, content)))
                info = zipfile.ZipInfo(PREFIX + relative, date_time=stamp)
                info.compress_type = zipfile.ZIP_STORED if relative.endswith(_STORED) else zipfile.ZIP_DEFLATED
                archive.writestr(info, content)
            manifest = Manifest(FORMAT, FORMAT_VERSION, VERSION, _git_describe(), now.isoformat(timespec="seconds"),
                                changes.current_actor(), [loc.path for loc in locations.DEPARTMENT_DATA], entries)
            info = zipfile.ZipInfo(MANIFEST, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, json.dumps(manifest.document(), ensure_ascii=False, indent=2) + "\n")
            archive.comment = _TAG + b"0" * _DIGEST
    _seal(out)
    return manifest


def _seal(out: BinaryIO) -> None:
    """Write the SHA-256 of every byte before it into the comment's last 64 bytes."""
    out.flush()
    size = out.seek(0, os.SEEK_END)
    out.seek(0)
    digest = hashlib.sha256()
    remaining = size - _DIGEST
    while remaining > 0:
        chunk = out.read(min(remaining, 1 << 20))
        digest.update(chunk)
        remaining -= len(chunk)
    out.seek(size - _DIGEST)
    out.write(digest.hexdigest().encode("ascii"))
    out.flush()


def create(target: Path, data_dir: Path | None = None, store_file: Path | None = None) -> Manifest:
    """A backup of the department's data now, at `target` (written whole, then moved into place)."""
    target = Path(target)
    data_dir, store_file = Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE)
    if target.is_dir():
        raise BackupError(str(target), "폴더입니다. 백업 파일의 이름을 적어 주십시오(예: /backup/audit-2025-12-02.zip).")
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.partial")
    try:
        with open(scratch, "w+b") as out:
            manifest = _write(out, data_dir, store_file)
            os.fsync(out.fileno())
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return manifest


def archive_bytes(data_dir: Path | None = None, store_file: Path | None = None) -> bytes:
    out = io.BytesIO()
    _write(out, Path(data_dir or paths.DATA_DIR), Path(store_file or paths.STORE_FILE))
    return out.getvalue()


def file_name(moment: dt.datetime | None = None) -> str:
    """'감사대시보드_백업_2025-12-02_0200.zip'"""
    moment = moment or dt.datetime.now()
    return f"감사대시보드_백업_{moment:%Y-%m-%d_%H%M}.zip"


@dataclass
class Archive:
    """A backup read and checked: every checksum matched, the version is one this product restores."""
    name: str
    content_hash: str          # SHA-256 of the whole archive file
    size: int
    manifest: Manifest
    source: Path | bytes

    def _open(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.source) if isinstance(self.source, bytes) else self.source)

    def contents(self):
        """(entry, bytes) for every file, each checked against the manifest again as it is read."""
        with self._open() as archive:
            for entry in self.manifest.files:
                content = archive.read(PREFIX + entry.path)
                if hashlib.sha256(content).hexdigest() != entry.sha256:
                    raise BackupError(self.name, f"{entry.path}의 검사합이 맞지 않습니다(읽는 사이에 바뀌었습니다).")
                yield entry, content

    def content_of(self, relative: str) -> bytes | None:
        """One file's bytes (checked), or None if the backup has no such file."""
        entry = next((e for e in self.manifest.files if e.path == relative), None)
        if entry is None:
            return None
        with self._open() as archive:
            content = archive.read(PREFIX + entry.path)
        if hashlib.sha256(content).hexdigest() != entry.sha256:
            raise BackupError(self.name, f"{entry.path}의 검사합이 맞지 않습니다(읽는 사이에 바뀌었습니다).")
        return content


def os_reason(error: OSError) -> str:
    """Why a file could not be read or written, in Korean."""
    import errno

    return {errno.ENOENT: "파일이나 폴더가 없습니다", errno.EACCES: "권한이 없습니다", errno.EPERM: "권한이 없습니다",
            errno.EISDIR: "폴더입니다", errno.ENOSPC: "디스크에 빈 곳이 없습니다", errno.EROFS: "읽기 전용입니다"}.get(
        error.errno, f"입출력 오류 {error.errno}")


def _source_bytes(source: Path | bytes, name: str) -> tuple[BinaryIO, int]:
    if isinstance(source, bytes):
        return io.BytesIO(source), len(source)
    try:
        handle = open(source, "rb")
    except OSError as exc:
        raise BackupError(name, f"파일을 열 수 없습니다({os_reason(exc)}).") from exc
    return handle, os.fstat(handle.fileno()).st_size


def open_archive(source: Path | bytes, name: str | None = None) -> Archive:
    """Read a backup and check all of it before anything is touched. Refused (BackupError, in Korean):
    not a zip or not ours, cut short, any byte changed, a file missing or added, a newer format or product."""
    name = name or (Path(source).name if not isinstance(source, bytes) else "백업 파일")
    handle, size = _source_bytes(source, name)
    with handle:
        head = handle.read(4)
        handle.seek(0)
        if size == 0:
            raise BackupError(name, "빈 파일입니다. 백업 파일이 아닙니다.")
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError):
            if head == b"PK\x03\x04":
                raise BackupError(name, "백업 파일이 잘렸습니다(끝부분이 없습니다). 온전한 백업 파일로 다시 하십시오.") from None
            raise BackupError(name, "감사 대시보드의 백업 파일(zip)이 아닙니다.") from None
        with archive:
            manifest = _manifest(archive, name)
            _check_files(archive, manifest, name)
            whole = _check_seal(archive, handle, size, name)
    return Archive(name, whole, size, manifest, source)


def _manifest(archive: zipfile.ZipFile, name: str) -> Manifest:
    if MANIFEST not in archive.namelist():
        raise BackupError(name, f"백업 목록({MANIFEST})이 없습니다. 감사 대시보드의 백업 파일이 아닙니다.")
    try:
        document = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, zlib.error, UnicodeDecodeError, ValueError, OSError, EOFError):
        raise BackupError(name, f"백업 목록({MANIFEST})이 손상되어 읽을 수 없습니다.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(name, "감사 대시보드의 백업 파일이 아닙니다(백업 목록의 형식이 다릅니다).")
    try:
        format_version = int(document["format_version"])
        product = version_tuple(document["product_version"])
        files = [Entry(str(f["path"]), int(f["size"]), str(f["sha256"]), None if f.get("rows") is None else int(f["rows"]))
                 for f in document["files"]]
        manifest = Manifest(FORMAT, format_version, str(document["product_version"]), document.get("product_build"),
                            str(document["created_at"]), str(document.get("created_by") or "-"),
                            [str(p) for p in document.get("locations") or []], files)
    except (KeyError, TypeError, ValueError):
        raise BackupError(name, f"백업 목록({MANIFEST})의 항목이 올바르지 않습니다(손상되었거나 다른 프로그램의 파일입니다).") from None
    if format_version > FORMAT_VERSION:
        raise BackupError(name, f"더 새로운 백업 형식({format_version}판)입니다. 이 프로그램은 {FORMAT_VERSION}판까지 "
                                "되살릴 수 있습니다. 프로그램을 새 버전으로 올린 뒤 되살리십시오. 아무것도 바꾸지 않았습니다.")
    if product > version_tuple(VERSION):
        raise BackupError(name, f"더 새로운 프로그램(버전 {manifest.product_version})이 만든 백업입니다. 지금 프로그램은 "
                                f"버전 {VERSION}입니다. 프로그램을 새 버전으로 올린 뒤 되살리십시오. 아무것도 바꾸지 않았습니다.")
    return manifest


def _check_files(archive: zipfile.ZipFile, manifest: Manifest, name: str) -> None:
    members = archive.namelist()
    if len(members) != len(set(members)):
        raise BackupError(name, "같은 이름의 파일이 두 번 들어 있습니다. 손상되었거나 고친 백업 파일입니다.")
    listed = {PREFIX + e.path for e in manifest.files}
    for entry in manifest.files:  # before reading anything: a path outside the department's data is never written
        if not locations.safe(entry.path) or locations.location_of(entry.path) is None:
            raise BackupError(name, f"되살릴 수 없는 위치의 파일이 목록에 있습니다: {entry.path}")
    for entry in manifest.files:
        member = PREFIX + entry.path
        if member not in members:
            raise BackupError(name, f"백업 목록에 있는 파일이 빠졌습니다: data/{entry.path}")
        digest, size = hashlib.sha256(), 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
            raise BackupError(name, f"손상된 파일이 있습니다: data/{entry.path}(zip 안의 검사합이 맞지 않거나 압축을 풀 수 없습니다).") from None
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise BackupError(name, f"손상된 파일이 있습니다: data/{entry.path}(크기나 검사합이 백업 목록과 다릅니다).")
    extra = [m for m in members if m != MANIFEST and m not in listed]
    if extra:
        raise BackupError(name, f"백업 목록에 없는 파일이 들어 있습니다: {', '.join(extra[:3])}")


def _check_seal(archive: zipfile.ZipFile, handle: BinaryIO, size: int, name: str) -> str:
    comment = archive.comment
    if not comment.startswith(_TAG) or len(comment) != len(_TAG) + _DIGEST or size < _DIGEST:
        raise BackupError(name, "백업 파일 전체의 검사합이 없습니다. 손상되었거나 고친 백업 파일입니다.")
    handle.seek(0)
    digest, whole = hashlib.sha256(), hashlib.sha256()
    remaining = size - _DIGEST
    while remaining > 0:
        chunk = handle.read(min(remaining, 1 << 20))
        if not chunk:
            break
        digest.update(chunk)
        whole.update(chunk)
        remaining -= len(chunk)
    sealed = handle.read(_DIGEST)
    whole.update(sealed)
    if digest.hexdigest().encode("ascii") != sealed:
        raise BackupError(name, "백업 파일이 손상되었습니다(파일 전체의 검사합이 맞지 않습니다). 다른 백업 파일로 하십시오.")
    return whole.hexdigest()
