"""Import a complaint register exported from another system (CSV in UTF-8 or CP949, or XLSX).

    python -m audit_dashboard.importer 민원처리현황.csv [--kind 고충민원]

The file is read, its columns are matched by their Korean names, every row is checked, and only
the columns the dashboard needs are kept: names, titles and free text (처리자성명, 제목, 본문 요약 …)
are never stored. The checked rows become one batch file in data/imports/complaints/, and the
store is rebuilt from data/. If anything fails — a bad cell, a repeated file, a failing build —
the batch file is removed again and the store stays as it was. Imported complaints replace the
generated samples in the store (samples are only the default until real records exist).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths, store
from .errors import DataError

KINDS = ("고충민원", "응답소 현장민원")

# The dashboard's column, and the names other systems give it (first match wins).
ALIASES: dict[str, list[str]] = {
    "record_key": ["접수번호", "민원번호", "신청번호", "관리번호"],
    "received_date": ["접수일자", "접수일시", "접수일", "신청일자", "신청일시"],
    "channel": ["등록채널", "접수경로", "접수채널", "신청경로", "채널"],
    "category": ["서비스유형(대)", "민원유형", "민원분야", "분야", "유형"],
    "department": ["처리(진행)부서", "처리부서", "담당부서", "처리기관"],
    "status": ["모니터링구분", "처리상태", "진행상태", "상태"],
    "due_date": ["처리기한", "처리기한일"],
    "closed_date": ["처리일시", "처리일자", "처리완료일", "완료일시", "완료일자"],
}
REQUIRED = ("received_date", "channel")
STATUS = {"처리완료": "처리완료", "완료": "처리완료", "종결": "처리완료", "답변완료": "처리완료",
          "처리중": "처리중", "진행": "처리중", "진행중": "처리중", "접수": "처리중", "미처리": "처리중", "이송": "처리중"}
_DATE = re.compile(r"^\s*(\d{4})[-./]\s*(\d{1,2})[-./]\s*(\d{1,2})\.?(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


@dataclass
class ImportResult:
    batch: str
    file: str
    rows: int
    first_date: dt.date
    last_date: dt.date
    channels: dict[str, int]
    matched: dict[str, str]      # dashboard column -> the file's column
    not_stored: list[str]        # the file's columns left out (personal data, free text, unused)


def imports_dir(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / "imports" / "complaints"


def read_table(content: bytes, file: str) -> pd.DataFrame:
    """The file's cells as text, whatever the encoding; header is row 1."""
    suffix = Path(file).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(io.BytesIO(content), dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            raise DataError(file, None, None, f"엑셀 파일을 열 수 없습니다({exc}).") from exc
        return frame.apply(lambda column: column.map(_cell_text))
    if suffix not in (".csv", ".txt"):
        raise DataError(file, None, None, "CSV 또는 XLSX 파일만 가져올 수 있습니다(.xls는 엑셀에서 XLSX로 저장해 주십시오).")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataError(file, None, None, "UTF-8도 CP949도 아닌 인코딩입니다.")
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError(file, None, None, f"CSV 형식이 올바르지 않습니다({exc}).") from exc


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def match_columns(columns: list[str], file: str) -> dict[str, str]:
    header = {str(c).strip(): c for c in columns}
    matched = {}
    for target, names in ALIASES.items():
        for name in names:
            if name in header:
                matched[target] = header[name]
                break
    missing = [t for t in REQUIRED if t not in matched]
    if missing:
        wanted = "; ".join(f"{t}: {' / '.join(ALIASES[t])}" for t in missing)
        raise DataError(file, 1, None, f"필요한 열을 찾지 못했습니다({wanted}).")
    return matched


def parse_date(text: str) -> dt.date | None:
    """'2023-03-31 9:48', '2023.07.24', '20230724' -> date; '' -> None; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text) or _COMPACT.match(text)
    if not match:
        raise ValueError(text)
    return dt.date(*(int(part) for part in match.groups()))


def normalise(raw: pd.DataFrame, file: str, kind: str, batch: str) -> pd.DataFrame:
    """The dashboard's complaint rows from a register, or a DataError naming file, row and column."""
    if kind not in KINDS:
        raise DataError(file, None, None, f"민원 종류는 {', '.join(KINDS)} 중 하나여야 합니다: '{kind}'")
    if raw.empty:
        raise DataError(file, 2, None, "가져올 기록이 없습니다.")
    matched = match_columns(list(raw.columns), file)

    def column(target: str) -> list[str]:
        return raw[matched[target]].astype(str).tolist() if target in matched else [""] * len(raw)

    def dates(target: str, required: bool) -> list[dt.date | None]:
        out = []
        for position, text in enumerate(column(target)):
            try:
                value = parse_date(text)
            except ValueError:
                raise DataError(file, position + 2, matched[target],
                                f"날짜를 읽을 수 없습니다: '{text.strip()}' (예: 2025-09-30, 2025-09-30 9:48)") from None
            if value is None and required:
                raise DataError(file, position + 2, matched[target], "날짜가 비어 있습니다(필수 항목).")
            out.append(value)
        return out

    received, due, closed = dates("received_date", True), dates("due_date", False), dates("closed_date", False)
    channels = [c.strip() for c in column("channel")]
    for position, channel in enumerate(channels):
        if not channel:
            raise DataError(file, position + 2, matched["channel"], "접수 경로가 비어 있습니다(필수 항목).")
    statuses = []
    for position, (text, closed_on) in enumerate(zip(column("status"), closed)):
        text = text.strip()
        if not text:
            statuses.append("처리완료" if closed_on else "처리중")
        elif text in STATUS:
            statuses.append(STATUS[text])
        else:
            raise DataError(file, position + 2, matched["status"],
                            f"처리상태를 알 수 없습니다: '{text}' (알 수 있는 값: {', '.join(STATUS)})")
    for position, (start, end) in enumerate(zip(received, closed)):
        if end is not None and end < start:
            raise DataError(file, position + 2, matched["closed_date"],
                            f"처리일({end.isoformat()})이 접수일({start.isoformat()})보다 앞섭니다.")
    keys = record_keys(column("record_key"), column("department"), batch, file, matched.get("record_key"))
    frame = pd.DataFrame({
        "record_key": keys,
        "received_date": pd.to_datetime(pd.Series(received)),
        "complaint_kind": kind,
        "channel": channels,
        "category": [c.strip() or None for c in column("category")],
        "department": [d.strip() or None for d in column("department")],
        "status": statuses,
        "due_date": pd.to_datetime(pd.Series(due)),
        "closed_date": pd.to_datetime(pd.Series([c if s == "처리완료" else None for c, s in zip(closed, statuses)])),
    })
    frame["processing_days"] = (frame["closed_date"] - frame["received_date"]).dt.days.astype("Int32")
    frame["received_year"] = frame["received_date"].dt.year.astype("int16")
    frame["received_quarter"] = frame["received_date"].dt.quarter.astype("int8")
    frame["received_month"] = frame["received_date"].dt.month.astype("int8")
    frame["repeat_key"] = None
    frame["source"] = "import"
    frame["import_batch"] = batch
    frame.attrs["matched"] = matched
    return frame.sort_values("received_date", kind="stable", ignore_index=True)


def record_keys(numbers: list[str], departments: list[str], batch: str, file: str, column: str | None) -> list[str]:
    """One key per row. A complaint handled by several departments (복합민원) comes as one row per
    department with the same number: each row is kept as that department's handling, keyed
    '번호/부서'. The same number twice for the same department is a true duplicate and refused."""
    numbers = [n.strip() for n in numbers]
    departments = [d.strip() for d in departments]
    series = pd.Series(numbers, dtype=object)
    shared = set(series[(series != "") & series.duplicated(keep=False)])
    keys, seen = [], {}
    for position, (number, department) in enumerate(zip(numbers, departments)):
        key = f"{number}/{department}" if number in shared else (number or f"{batch}-{position + 2}")
        if key in seen:
            raise DataError(file, position + 2, column,
                            f"{seen[key]}행과 접수번호·처리부서가 같습니다: '{number}' ({department or '부서 없음'})")
        seen[key] = position + 2
        keys.append(key)
    return keys


def batch_name(file: str, content: bytes) -> str:
    """Named for the file and its content, so the same export cannot be imported twice."""
    stem = re.sub(r"[^0-9A-Za-z가-힣_-]+", "_", Path(file).stem).strip("_")[:40] or "import"
    return f"{stem}-{hashlib.sha256(content).hexdigest()[:10]}"


def existing_batches(data_dir: Path | None = None) -> list[Path]:
    return sorted(imports_dir(data_dir).glob("*.parquet"))


def imported_kinds(batches: list[Path]) -> set[str]:
    """The complaint kinds the batches bring (reads one column only)."""
    kinds: set[str] = set()
    for batch in batches:
        kinds |= set(pd.read_parquet(batch, columns=["complaint_kind"])["complaint_kind"].unique())
    return kinds


def import_file(content: bytes, file: str, kind: str = "고충민원", *, data_dir: Path | None = None,
                store_file: Path | None = None) -> ImportResult:
    """Check, keep and load one register; on any failure nothing stays changed."""
    store_file, data_dir = store_file or paths.STORE_FILE, data_dir or paths.DATA_DIR
    batch = batch_name(file, content)
    target = imports_dir(data_dir) / f"{batch}.parquet"
    with store.exclusive(store_file):
        return _import(content, file, kind, batch, target, data_dir, store_file)


def _import(content: bytes, file: str, kind: str, batch: str, target: Path, data_dir: Path, store_file: Path) -> ImportResult:
    from .build import build

    if target.exists():
        raise DataError(file, None, None, f"이미 가져온 파일입니다(묶음 {batch}). 같은 기록을 두 번 넣지 않았습니다.")
    raw = read_table(content, file)
    frame = normalise(raw, file, kind, batch)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".parquet.partial")
    frame.to_parquet(scratch, index=False)
    scratch.rename(target)
    try:
        build(store_file, data_dir=data_dir)
    except Exception:
        target.unlink(missing_ok=True)
        raise
    matched = frame.attrs["matched"]
    kept = set(matched.values())
    return ImportResult(
        batch=batch, file=file, rows=len(frame),
        first_date=frame["received_date"].min().date(), last_date=frame["received_date"].max().date(),
        channels=frame["channel"].value_counts().to_dict(), matched=matched,
        not_stored=[str(c) for c in raw.columns if c not in kept],
    )


def remove_batch(batch: str, *, data_dir: Path | None = None, store_file: Path | None = None) -> None:
    """Take one imported batch out again and rebuild; if the rebuild fails the batch is put back."""
    from .build import build

    store_file = store_file or paths.STORE_FILE
    target = imports_dir(data_dir) / f"{batch}.parquet"
    with store.exclusive(store_file):
        if not target.exists():
            raise DataError(str(target), None, None, "그런 가져오기 묶음이 없습니다.")
        parked = target.with_suffix(".parquet.removed")
        target.rename(parked)
        try:
            build(store_file, data_dir=data_dir or paths.DATA_DIR)
        except Exception:
            parked.rename(target)
            raise
        parked.unlink()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="민원 대장(CSV·XLSX)을 가져와 저장소를 다시 만듭니다.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--kind", default="고충민원", choices=KINDS)
    args = parser.parse_args(argv)
    try:
        result = import_file(args.file.read_bytes(), args.file.name, args.kind)
    except (DataError, OSError) as error:
        message = error.korean() if isinstance(error, DataError) else str(error)
        print(f"가져오지 못했습니다. 저장된 기록은 그대로입니다.\n{message}", file=sys.stderr)
        return 1
    print(f"{result.file}: {result.rows:,}건을 가져왔습니다({result.first_date} ~ {result.last_date}, 묶음 {result.batch}).")
    print(f"저장하지 않은 열: {', '.join(result.not_stored)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
