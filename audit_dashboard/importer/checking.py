"""Reading every mapped field of every row, in one pass: dates, numbers, text and values turned
into ours; each cell that cannot be read becomes a rejection naming row, column, value and reason.
Nothing here is specific to a record kind: the kind finishes the rows afterwards."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import DataError
from ..korean import josa
from . import fields as F
from . import values as cell_values
from .header import Table
from .mapping import Mapping, Source
from .problems import Problems

EARLIEST = pd.Timestamp("2000-01-01")
_PHONE = re.compile(r"(?<!\d)0\d{1,2}[-.) ]?\d{3,4}[-. ]?\d{4}(?!\d)")


@dataclass
class Read:
    """Each mapped field's values (index = the sheet's row numbers), and which column they came from."""
    values: dict[str, pd.Series]
    where: dict[str, str]                 # field key -> the file's column, or the field's name for one value
    skipped: pd.Series                    # rows whose value was mapped to '가져오지 않음'
    choices: dict[str, pd.DataFrame]      # choice fields: every value written, its count and what it becomes


def today() -> pd.Timestamp:
    return pd.Timestamp(dt.date.today()) + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)


def read_fields(table: Table, mapping: Mapping, kind, problems: Problems, context: dict) -> Read:
    known = context.get("known", {})
    index = table.rows.index
    values, where = {}, {}
    skipped = pd.Series(False, index=index)
    choices = {}
    missing = [f.label for f in kind.FIELDS
               if f.required and mapping.source(f.key) == Source() and f.derivation is None and f.default is None]
    # (pipeline.missing_fields says the same before a check is run; here it guards every caller.)
    if missing:
        raise DataError(table.file, None, None, f"꼭 필요한 항목을 정하지 않았습니다: {', '.join(missing)}. "
                                                "파일의 열을 고르거나 모든 행에 쓸 값을 정해 주십시오.")
    for f in kind.FIELDS:
        source = mapping.source(f.key)
        if source.column is not None:
            if source.column not in table.rows.columns:
                raise DataError(table.file, table.header_rows[-1], source.column,
                                f"{f.label}에 고른 열이 파일에 없습니다(있는 열: {', '.join(table.columns[:12])}…).")
            raw, where[f.key] = table.rows[source.column], source.column
        elif source.value is not None or (f.default is not None and not source.derived):
            constant = source.value if source.value is not None else f.default
            raw, where[f.key] = pd.Series(constant, index=index, dtype="str"), f.label
        else:
            continue
        parsed = _read(f, raw, where[f.key], mapping, problems)
        if f.type == F.CHOICE:
            parsed, skip, choices[f.key] = _choose(f, parsed, mapping, known.get(f.key, []), where[f.key], problems)
            skipped |= skip
        if f.required:
            problems.reject(cell_values.is_empty(raw) & ~skipped, where[f.key], f.label, raw,
                            f"{josa(f.label, '이/가')} 비어 있습니다(필수 항목).")
        values[f.key] = parsed
    for row in sorted(table.bad_rows):
        if row in index:
            cells = table.rows.loc[row].astype(str)
            broken = [c for c, v in cells.items() if cell_values.REPLACEMENT in v] or [table.columns[0]]
            problems.reject(pd.Series(index == row, index=index), broken[0], "(행 전체)", pd.Series(cells[broken[0]], index=index),
                            "읽을 수 없는 글자가 있습니다(이 행에 인코딩이 깨진 바이트가 있습니다).")
    return Read(values, where, skipped, choices)


def _read(f: F.Field, raw: pd.Series, column: str, mapping: Mapping, problems: Problems) -> pd.Series:
    if f.type == F.DATE:
        stamps, unreadable = cell_values.parse_dates(raw, mapping.date_order)
        problems.reject(unreadable, column, f.label, raw,
                        "날짜로 읽을 수 없습니다(예: 2024-06-30, 2024. 6. 30., 2024-06-30 오후 9:48).")
        problems.reject(stamps < EARLIEST, column, f.label, raw, "2000년 이전 날짜입니다.")
        problems.reject(stamps > today(), column, f.label, raw, "오늘보다 뒤의 날짜입니다.")
        return stamps.where((stamps >= EARLIEST) & (stamps <= today()))
    if f.type in (F.NUMBER, F.DAYS):
        numbers, unreadable = cell_values.numbers(raw)
        problems.reject(unreadable, column, f.label, raw, "숫자로 읽을 수 없습니다.")
        return numbers
    text = cell_values.text(raw)
    if f.type == F.TEXT:
        codes, written = pd.factorize(text)  # few distinct values: check each once
        masked = [_PHONE.sub("***-****-****", w) for w in written]
        changed = [m != w for m, w in zip(masked, written)]
        if any(changed):
            phone = pd.Series([c >= 0 and changed[c] for c in codes], index=text.index)
            text = pd.Series(pd.array([masked[c] if c >= 0 else None for c in codes], dtype=cell_values.TEXT),
                             index=text.index)
            problems.warn(phone, f"{f.label}에 전화번호로 보이는 값이 있습니다.",
                          "전화번호는 저장하지 않고 ***-****-****로 가렸습니다.")
    return text


def _choose(f: F.Field, text: pd.Series, mapping: Mapping, known: list[str], column: str,
            problems: Problems) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Each written value turned into ours: the manager's answer, else a known spelling, else (for open
    lists) itself as a new value; a closed list's unknown value rejects its rows until it is answered."""
    answers = mapping.values.get(f.key, {})
    codes, uniques = pd.factorize(text)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    listed = {c: c for c in known}
    rows = []
    targets = {}
    for written, count in sorted(zip(uniques, counts), key=lambda wc: -wc[1]):
        answer = answers.get(written)
        canonical = f.canonical(written) or listed.get(written) or _known_spelling(written, known)
        if canonical is not None:
            auto, how = canonical, "알려진 값"
        elif f.open_choice:
            auto, how = written, "새 값"
        else:
            auto, how = None, "알 수 없음"
        target = auto
        if answer is not None:
            target, how = answer, "지정"
        targets[written] = target
        rows.append({"written": written, "count": int(count), "target": target, "how": how, "auto": auto})
    listing = pd.DataFrame(rows, columns=["written", "count", "target", "how", "auto"])
    chosen = np.array([targets[u] for u in uniques] + [None], dtype=object)
    mapped = pd.Series(pd.array(chosen[codes], dtype=cell_values.TEXT), index=text.index)
    skip = mapped.eq(F.SKIP).fillna(False)
    unknown = text.notna() & mapped.isna()
    allowed = ", ".join(f.choices or known)
    problems.reject(unknown, column, f.label, text,
                    f"{f.label} 값을 알 수 없습니다(값 바꾸기에서 {allowed} 중 하나로 정하거나 가져오지 않음으로 정하십시오).")
    return mapped.where(~skip & ~unknown), skip, listing


def _known_spelling(written: str, known: list[str]) -> str | None:
    key = cell_values.normalised(written)
    for value in known:
        if cell_values.normalised(value) == key:
            return value
    return None
