"""Finding the header: where the column names are, even below title rows or stacked over several rows.

The first data row is the first row from which cells holding numbers or dates keep to the same
columns for the rows that follow; the header is the block of label rows directly above it (title
lines with a single cell and empty rows excluded). A header stacked over several rows, as
statistics portals write them (연도 / 구분 / 세부 구분), is read column by column, top to bottom, with
merged cells (an upper cell left empty to the right of its label) filled from the left.
The data manager can always say which row is the header instead.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from ..errors import DataError
from . import values as cell_values
from .reading import Sheet

SCAN_ROWS = 40
MAX_HEADER_ROWS = 6
_NUMBER = re.compile(r"^\s*[-+△]?[\d,]+(\.\d+)?\s*$")
_DATE = re.compile(r"^\s*\d{4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}|^\s*\d{1,2}/\d{1,2}/\d{4}|^\s*\d{8}\s*$")


@dataclass
class Table:
    """A sheet's records under their column names, each row keeping its row number in the sheet."""
    file: str
    sheet: str | None
    columns: list[str]               # names as the file writes them (made unique)
    rows: pd.DataFrame               # one column per name; index = the sheet's row number (1-based)
    header_rows: list[int]           # the sheet rows the names were read from (1-based)
    bad_rows: set[int]               # sheet row numbers holding undecodable bytes

    def samples(self, column: str, count: int = 3) -> list[str]:
        """A few distinct values of a column, as the manager sees them when mapping."""
        values = self.rows[column].dropna().astype(str).str.strip()
        values = values[values != ""]
        return list(dict.fromkeys(values.head(2000)))[:count]


def column_letter(position: int) -> str:
    """0 -> 'A', 27 -> 'AB': how spreadsheets name a column."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _typed(value) -> bool:
    """A cell that holds a number or a date rather than a label."""
    if value is None:
        return False
    if isinstance(value, (int, float, dt.date, pd.Timestamp)) and not isinstance(value, bool):
        return not (isinstance(value, float) and value != value)
    text = str(value)
    return bool(_NUMBER.match(text) or _DATE.match(text))


def _filled(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and str(value).strip() != ""


def find_header(sheet: Sheet) -> list[int]:
    """The positions (0-based) of the header rows of a sheet."""
    if sheet.header_known:
        return [0]
    scan = sheet.cells.head(SCAN_ROWS)
    filled = scan.map(_filled).values
    typed = scan.map(_typed).values & filled
    counts = filled.sum(axis=1)
    first_data = _first_data_row(typed, counts)
    if first_data is None:
        # No typed rows (a list of names, say): the first row with most of the columns is the header.
        widest = counts.max()
        return [int(next(i for i, n in enumerate(counts) if n >= max(2, widest * 0.6)))]
    block = []
    row = first_data - 1
    while row >= 0 and len(block) < MAX_HEADER_ROWS and counts[row] >= 2:
        block.insert(0, row)
        row -= 1
    if not block:
        raise DataError("", first_data + 1, None, "머리글 행(열 이름)을 찾지 못했습니다. 첫 기록 위에 열 이름이 있어야 합니다.")
    return block


def _first_data_row(typed, counts) -> int | None:
    rows = len(counts)
    for i in range(rows):
        if counts[i] < 2 or not typed[i].any():
            continue
        following = [j for j in range(i + 1, min(rows, i + 6)) if counts[j] >= 2]
        if not following:
            return i if i > 0 else None
        # Data rows come together: the very next row is typed in the same columns, and most after it.
        steady = [bool((typed[j] & typed[i]).any()) for j in following]
        if steady[0] and sum(steady) >= max(1, (len(following) + 1) // 2):
            return i
    return None


def table(sheet: Sheet, file: str, header_rows: list[int] | None = None) -> Table:
    """The sheet's records under their names; `header_rows` (0-based) overrides what is found."""
    try:
        header = header_rows if header_rows is not None else find_header(sheet)
    except DataError as error:
        raise DataError(file, error.row, None, error.detail) from None
    cells = sheet.cells
    if not header or max(header) >= len(cells) - 1:
        raise DataError(file, None, None, "머리글 아래에 기록이 없습니다(가져올 행이 없습니다).")
    names = _names(cells.iloc[header])
    body = cells.iloc[max(header) + 1:]
    body = body[_filled_rows(body)]
    if body.empty:
        raise DataError(file, max(header) + 2, None, "머리글 아래에 기록이 없습니다(가져올 행이 없습니다).")
    body = body.copy()
    body.columns = names
    body.index = body.index + 1  # the sheet's own row numbers
    body.index.name = "row"
    if all(isinstance(t, pd.StringDtype) for t in cells.dtypes):
        body = body.astype(cell_values.TEXT)
    else:  # a workbook or JSON: columns holding only text become Arrow text (fast); numbers and dates stay
        for column in body.columns:
            values = body[column]
            if values.map(lambda v: v is None or isinstance(v, str)).all():
                body[column] = values.astype(cell_values.TEXT)
    return Table(file, sheet.name, names, body, [h + 1 for h in header], {r + 1 for r in sheet.bad_rows})


def names(sheet: Sheet) -> list[str]:
    """The column names of a sheet as found, without reading its records (to choose among sheets)."""
    return _names(sheet.cells.iloc[find_header(sheet)])


def _filled_rows(body: pd.DataFrame) -> pd.Series:
    """Rows with at least one cell holding something (column by column: fast on a million rows)."""
    keep = pd.Series(False, index=body.index)
    for column in body.columns:
        keep |= ~cell_values.is_empty(body[column])
    return keep


def _names(header: pd.DataFrame) -> list[str]:
    """Column names from one or more header rows: stacked labels joined top to bottom."""
    rows = [[str(v).strip() if _filled(v) else "" for v in row] for row in header.itertuples(index=False)]
    last = len(rows) - 1
    for r, row in enumerate(rows):
        if r == last:
            break
        # A merged label in an upper row covers the empty cells to its right.
        for c in range(1, len(row)):
            if not row[c] and row[c - 1]:
                row[c] = row[c - 1]
    names, seen = [], {}
    for c in range(len(rows[0])):
        parts = []
        for row in rows:
            if row[c] and (not parts or parts[-1] != row[c]):
                parts.append(row[c])
        name = " ".join(parts) or f"{column_letter(c)}열"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names
