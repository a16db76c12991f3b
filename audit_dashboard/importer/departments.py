"""The department table for budget files: 지방재정365 gives department codes (dept_cd) only, so the
manager keeps a table of code -> name in data/budget_departments.csv, editable on the locked page
and seeded from a code list such as dept_map.json ({지자체 코드: {부서 코드: 부서명}}) or a CSV."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from .. import changes, paths
from ..errors import DataError

FILE = "budget_departments.csv"
HEADER = ["dept_code", "department"]


def path(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / FILE


def load(data_dir: Path | None = None) -> dict[str, str]:
    target = path(data_dir)
    if not target.is_file():
        return {}
    with target.open(encoding="utf-8-sig", newline="") as handle:
        return {row["dept_code"].strip(): row["department"].strip() for row in csv.DictReader(handle)
                if row.get("dept_code", "").strip() and row.get("department", "").strip()}


def save(table: dict[str, str], data_dir: Path | None = None) -> Path:
    target = path(data_dir)
    before = load(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_suffix(".csv.partial")
    with scratch.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for code, name in sorted(table.items()):
            writer.writerow([code, name])
    os.replace(scratch, target)
    added, removed = set(table) - set(before), set(before) - set(table)
    renamed = sum(1 for code in set(table) & set(before) if table[code] != before[code])
    changes.record("departments_saved", file=FILE, content=target.read_bytes(), rows_added=len(added),
                   rows_removed=len(removed), data_dir=data_dir,
                   detail=f"부서 코드 {len(table):,}개(새 코드 {len(added):,}개 · 이름 바뀜 {renamed:,}개 · 빠짐 {len(removed):,}개)")
    return target


def read_seed(content: bytes, file: str) -> dict[str, str]:
    """Codes and names from a dept_map.json-style file or a two-column CSV (코드, 부서명)."""
    text = content.decode("utf-8-sig", errors="replace").strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise DataError(file, None, None, f"JSON 형식이 올바르지 않습니다({exc}).") from exc
        table: dict[str, str] = {}
        for value in document.values():
            if isinstance(value, dict):  # {지자체 코드: {부서 코드: 부서명, '_name': …}}
                table.update({str(k): str(v) for k, v in value.items() if not str(k).startswith("_")
                              and isinstance(v, str)})
        if not table:
            raise DataError(file, None, None, "부서 코드와 이름이 없습니다({지자체 코드: {부서 코드: 부서명}} 꼴이어야 합니다).")
        return table
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) < 2 or len(rows[0]) < 2:
        raise DataError(file, 1, None, "부서 코드표는 코드와 부서명 두 열이어야 합니다.")
    table = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise DataError(file, number, None, "코드나 부서명이 비어 있습니다.")
        table[row[0].strip()] = row[1].strip()
    return table
