"""Cell values as other systems write them: dates in every form real exports use, numbers with
separators, codes and words that mean the same thing.

Vectorised on Arrow: a column of a million cells is cleaned and parsed by pyarrow's compute
kernels (RE2 regular expressions, strptime) in a fraction of a second; only the cells the common
forms do not read go through the slower general reader, one by one.
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Day-month order for dates such as 05/01/2022, which can be read both ways.
MONTH_FIRST, DAY_FIRST = "월/일/연", "일/월/연"
DATE_ORDERS = (MONTH_FIRST, DAY_FIRST)
REPLACEMENT = "\ufffd"  # what an undecodable byte becomes

EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0 (its 1900 leap-year quirk folded in)
TEXT = pd.StringDtype("pyarrow")

# Formats tried on a sample of the column; those that read it parse the whole column.
_FORMATS = [
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%Y.%m.%d %H:%M:%S", "%Y.%m.%d %H:%M", "%Y.%m.%d", "%Y. %m. %d.", "%Y. %m. %d. %H:%M", "%Y. %m. %d",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y%m%d", "%Y%m%d%H%M%S", "%Y%m%d %H:%M",
    "%Y-%m-%d %p %I:%M:%S", "%Y-%m-%d %p %I:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p",
    "%Y년 %m월 %d일", "%Y년 %m월 %d일 %H:%M", "%Y년 %m월 %d일 %H시 %M분",
]
_MONTH_FIRST_FORMATS = ["%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                        "%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y"]
_DAY_FIRST_FORMATS = [f.replace("%m/%d", "%d/%m").replace("%m-%d", "%d-%m").replace("%m.%d", "%d.%m")
                      for f in _MONTH_FIRST_FORMATS]
_SAMPLE = 60

# The general reader, for what the formats do not read: separators and spacing vary freely.
_GENERAL = re.compile(
    r"^(?P<y>\d{4})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})\s*[.일]?"
    r"(?:[ T]+(?P<ap1>AM|PM)?\s*(?P<H>\d{1,2})\s*[:시]\s*(?P<M>\d{1,2})\s*분?"
    r"(?:\s*:\s*(?P<S>\d{1,2}))?\s*(?P<ap2>AM|PM)?)?$", re.IGNORECASE)
_SLASHED = re.compile(
    r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ap>AM|PM)?)?$", re.IGNORECASE)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?$")


# --- Arrow helpers --------------------------------------------------------------------------------

def is_text_column(values: pd.Series) -> bool:
    """A column read from a text file: every cell is a string already (Arrow-backed)."""
    return isinstance(values.dtype, pd.StringDtype)


def as_text(values: pd.Series) -> pd.Series:
    """The column as Arrow-backed text (numbers and dates of a workbook written as text)."""
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        return values.astype(TEXT)
    objects = values.astype(object)
    written = [None if _missing(v) else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
               for v in objects]
    return pd.Series(written, index=values.index, dtype=TEXT)


def _arrow(values: pd.Series) -> pa.Array:
    array = pa.array(as_text(values))
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _series(array, index) -> pd.Series:
    if pa.types.is_boolean(array.type):
        return pd.Series(array.to_numpy(zero_copy_only=False), index=index).fillna(False).astype(bool)
    if pa.types.is_timestamp(array.type):
        stamps = array.to_numpy(zero_copy_only=False).astype("datetime64[s]")
        # Beyond what nanosecond timestamps hold (years before 1678 or after 2261): held at the
        # bounds, so that the range checks say 'before 2000' or 'after today' rather than misread.
        low, high = np.datetime64("1678-01-01", "s"), np.datetime64("2261-12-31", "s")
        filled = ~np.isnat(stamps)
        stamps = np.where(filled & (stamps < low), low, np.where(filled & (stamps > high), high, stamps))
        return pd.Series(stamps.astype("datetime64[ns]"), index=index, dtype="datetime64[ns]")
    return pd.Series(pd.array(array, dtype=TEXT), index=index)


def matches(values: pd.Series, pattern: str) -> pd.Series:
    """Cells matching an RE2 pattern (empty cells never match)."""
    return _series(pc.fill_null(pc.match_substring_regex(_arrow(values), pattern), False), values.index)


def replace(values: pd.Series, pattern: str, replacement: str) -> pd.Series:
    return _series(pc.replace_substring_regex(_arrow(values), pattern, replacement), values.index)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT


def is_empty(values: pd.Series) -> pd.Series:
    """Cells with nothing in them: None, NaN, '' or only spaces."""
    trimmed = pc.utf8_trim_whitespace(_arrow(values))
    return _series(pc.fill_null(pc.equal(trimmed, ""), True), values.index)


def text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text; empty cells become NA. Whole floats of a workbook ('2023014601.0') are
    written as integers, since identifiers and codes come out of Excel as numbers."""
    trimmed = pc.utf8_trim_whitespace(_arrow(values))
    trimmed = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, trimmed.type), trimmed)
    return _series(trimmed, values.index)


# --- dates ----------------------------------------------------------------------------------------

def parse_dates(values: pd.Series, order: str = MONTH_FIRST) -> tuple[pd.Series, pd.Series]:
    """(timestamps, unreadable): datetime64 values (NaT where empty or unreadable), and a mask of the
    cells that hold something but cannot be read as a date or a date and time.

    Reads real date cells, Excel serial numbers, and text in the forms real exports use:
    2023-03-31 9:48, 2023.03.31, 2024. 6. 30., 2023/3/31, 20230331, 2023년 3월 31일,
    2024-12-18 오후 9:48:00, 05/01/2022 12:00:03 AM (`order` says which of 05 and 01 is the month),
    ISO with T, fractions and offsets.
    """
    index = values.index
    result = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if not is_text_column(values):
        objects = values.astype(object)
        stamps = objects.map(lambda v: isinstance(v, (dt.date, pd.Timestamp)))
        if stamps.any():
            result[stamps] = pd.to_datetime(objects[stamps].map(pd.Timestamp), errors="coerce")
        numeric = objects.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                              and not _missing(v))
        if numeric.any():
            result[numeric] = _from_numbers(pd.to_numeric(objects[numeric], errors="coerce"))
        rest = ~(stamps | numeric)
        text_values = as_text(objects[rest])
    else:
        rest = pd.Series(True, index=index)
        text_values = values
    if rest.any():
        result[rest] = _parse_text(text_values, order)
    unreadable = ~is_empty(values) & result.isna()
    return result, unreadable


def _from_numbers(numbers: pd.Series) -> pd.Series:
    """Excel serial numbers (45017 = 2023-04-01), and whole numbers written as 20230401."""
    out = pd.Series(pd.NaT, index=numbers.index, dtype="datetime64[ns]")
    compact = (numbers >= 19000101) & (numbers <= 21001231) & (numbers % 1 == 0)
    if compact.any():
        out[compact] = pd.to_datetime(numbers[compact].astype("int64").astype(str), format="%Y%m%d", errors="coerce")
    serial = (numbers > 0) & (numbers < 100_000) & ~compact  # Excel days up to the year 2173
    if serial.any():
        out[serial] = EXCEL_EPOCH + pd.to_timedelta(numbers[serial].astype(float), unit="D")
    return out


def _parse_text(values: pd.Series, order: str) -> pd.Series:
    """Text cells to timestamps: the column's own forms first, on the raw cells; only what they leave
    is normalised and tried again, then read as serial numbers, then one by one."""
    index = values.index
    result = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    cells = pc.utf8_trim_whitespace(_arrow(values))
    todo = _series(pc.fill_null(pc.not_equal(cells, ""), False), index)
    formats = _FORMATS + (_DAY_FIRST_FORMATS if order == DAY_FIRST else _MONTH_FIRST_FORMATS)
    for normalise in (False, True):
        if not todo.any():
            return result
        subset = _series(cells, index)[todo]
        arrow = _arrow(subset)
        if normalise:
            arrow = _normalised_dates(arrow)
        parsed = _strptime_any(arrow, formats)
        read = _series(pc.is_valid(parsed), subset.index)
        result[read[read].index] = _series(parsed, subset.index)[read]
        todo[read[read].index] = False
    rest = values[todo].astype(str).str.strip()
    serial = rest.str.fullmatch(r"\d{4,5}(\.\d+)?")
    if serial.any():
        result[serial[serial].index] = _from_numbers(pd.to_numeric(rest[serial], errors="coerce"))
        rest = rest[~serial]
    if len(rest):  # the rest, one by one
        written = rest.str.replace("오전", "AM").str.replace("오후", "PM")
        result[rest.index] = pd.to_datetime(written.map(lambda t: _general(t, order)), errors="coerce")
    return result


def _normalised_dates(cells: pa.Array) -> pa.Array:
    """오전/오후 as AM/PM, single spaces, ISO's 'T' as a space; fractions of a second and offsets go
    (dates are counted in the department's own local time)."""
    cells = pc.replace_substring(pc.replace_substring(cells, "오전", "AM"), "오후", "PM")
    cells = pc.replace_substring_regex(cells, r"\s+", " ")
    cells = pc.replace_substring_regex(cells, r"^(\d{4}-\d{1,2}-\d{1,2})T", r"\1 ")
    cells = pc.replace_substring_regex(cells, r"(\d:\d\d:\d\d)[.,]\d+", r"\1")
    return pc.replace_substring_regex(cells, r"(\d:\d\d(:\d\d)?) ?(Z|[+-]\d\d:?\d\d)$", r"\1")


def _strptime_any(cells: pa.Array, formats: list[str]) -> pa.Array:
    """Each cell read by the first of the ranked formats that reads it (null where none does)."""
    parsed = pa.nulls(len(cells), pa.timestamp("s"))
    for fmt in _ranked(cells, formats):
        parsed = pc.coalesce(parsed, pc.strptime(cells, format=fmt, unit="s", error_is_null=True))
        if not parsed.null_count:
            break
    return parsed


def _ranked(cells: pa.Array, formats: list[str]) -> list[str]:
    """The formats that read a sample of the cells, best first; one that reads all of it ends the search."""
    sample = cells.slice(0, _SAMPLE)
    if len(cells) > _SAMPLE:  # and a few from further down: a column may change form over the years
        step = max(1, len(cells) // _SAMPLE)
        sample = pa.concat_arrays([sample, pc.take(cells, pa.array(range(0, len(cells), step)[:_SAMPLE]))])
    scores = []
    for fmt in formats:
        hits = len(sample) - pc.strptime(sample, format=fmt, unit="s", error_is_null=True).null_count
        if hits == len(sample):
            return [fmt] + [f for _, f in sorted(scores, key=lambda s: -s[0])][:3]
        if hits:
            scores.append((hits, fmt))
    return [fmt for _, fmt in sorted(scores, key=lambda s: -s[0])][:4]


def _general(text: str, order: str) -> dt.datetime | None:
    for pattern in (_GENERAL, _COMPACT):
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            meridiem = (parts.get("ap1") or parts.get("ap2") or "").upper()
            return _assemble(parts["y"], parts["m"], parts["d"], parts.get("H"), parts.get("M"), parts.get("S"),
                             meridiem)
    match = _SLASHED.match(text)
    if match:
        parts = match.groupdict()
        month, day = (parts["a"], parts["b"]) if order == MONTH_FIRST else (parts["b"], parts["a"])
        return _assemble(parts["y"], month, day, parts["H"], parts["M"], parts["S"], (parts["ap"] or "").upper())
    return None


def _assemble(y, m, d, hour, minute, second, meridiem: str) -> dt.datetime | None:
    h = int(hour or 0)
    if meridiem:
        if h > 12:
            return None
        h = h % 12 + (12 if meridiem == "PM" else 0)
    try:
        return dt.datetime(int(y), int(m), int(d), h, int(minute or 0), int(second or 0))
    except ValueError:
        return None


def slashed(values: pd.Series) -> pd.Series:
    """Cells written like 05/01/2022, whose day-month order the digits may not settle."""
    return matches(values, r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")


def order_is_ambiguous(values: pd.Series) -> bool:
    """Whether the column has dates like 05/01/2022 and none like 13/01/2022 or 01/13/2022 that settle it."""
    step = max(1, len(values) // 2000)
    if not slashed(values.iloc[::step]).any():  # a look at a sample settles most columns at once
        return False
    written = as_text(values)[slashed(values)]
    if written.empty:
        return False
    parts = written.str.strip().str.extract(r"^(\d{1,2})[/.-](\d{1,2})").astype(int)
    return not ((parts[0] > 12).any() or (parts[1] > 12).any())


# --- numbers and words ----------------------------------------------------------------------------

def numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numbers, unreadable): '2,070', '58,291 ', '△1,780', '-1,000', '(1,000)', '12건', '.1일', 4.0."""
    index = values.index
    empty = is_empty(values)
    if not is_text_column(values):
        objects = values.astype(object)
        numeric = objects.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool))
        if numeric.all():
            parsed = pd.to_numeric(objects, errors="coerce").astype("Float64")
            return parsed, ~empty & parsed.isna()
    cells = pc.utf8_trim_whitespace(_arrow(values))
    negative = pc.fill_null(pc.match_substring_regex(cells, r"^([△▲−-]|\(.*\)$)"), False)
    cleaned = pc.replace_substring_regex(cells, r"[,\s△▲()원건회명일−+-]", "")
    cleaned = pc.replace_substring_regex(cleaned, r"^\.", "0.")
    valid = pc.fill_null(pc.match_substring_regex(cleaned, r"^\d+(\.\d+)?$"), False)
    parsed = pc.cast(pc.if_else(valid, cleaned, pa.scalar(None, cleaned.type)), pa.float64())
    parsed = pc.if_else(negative, pc.negate(parsed), parsed)
    out = pd.Series(parsed.to_numpy(zero_copy_only=False), index=index).astype("Float64")
    return out, ~empty & out.isna()


def normalised(word) -> str:
    """How words are compared with a vocabulary: no spaces, no case, no middle dots or brackets."""
    return re.sub(r"[\s·ㆍ・()\[\]_/.-]+", "", str(word)).lower()
