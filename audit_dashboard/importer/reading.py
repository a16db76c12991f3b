"""Reading an export: its bytes in, sheets of cells out, whatever the format or encoding.

CSV (and tab-separated text) in UTF-8, UTF-8 with BOM, CP949 or UTF-16, detected, never asked; a
few undecodable bytes do not refuse the file: the rows that hold them are marked and later
rejected by number. Workbooks (.xlsx, .xlsm, legacy .xls, .ods) through python-calamine, a
tolerant read-only reader that also opens workbooks a strict reader refuses; openpyxl's read-only
mode is the second try. JSON (an object holding a list of rows, or a list) and JSON lines, gzip or
not. Anything else, an empty file, or one over the size limit, is refused with a Korean message
naming the file.

Cells stay as they are: text for text files, Python values (numbers, datetimes) for workbooks.
Row numbers are kept as a spreadsheet shows them: a sheet's first row is row 1.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataError
from . import values as cell_values

MAX_MEGABYTES = 200  # as Streamlit's upload limit (.streamlit/config.toml server.maxUploadSize)
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + WORKBOOK_SUFFIXES + JSON_SUFFIXES + (".gz",)
_DELIMITERS = (",", "\t", ";", "|")
REPLACEMENT = cell_values.REPLACEMENT


@dataclass
class Sheet:
    """One table of cells, header not yet found."""
    name: str | None               # the sheet's name in a workbook; None for a text file
    cells: pd.DataFrame            # columns 0..n-1; row i is the sheet's row i + 1
    bad_rows: set[int] = field(default_factory=set)  # positions of rows holding undecodable bytes
    header_known: bool = False     # JSON: row 0 is the field names


@dataclass
class Workbook:
    file: str
    form: str                      # 'CSV(UTF-8)', 'CSV(CP949)', 'XLSX', 'XLS', 'JSON' …
    sheets: list[Sheet]

    def sheet(self, name: str | None) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise DataError(self.file, None, None, f"'{name}' 시트가 없습니다. 있는 시트: {', '.join(self.sheet_names)}")

    @property
    def sheet_names(self) -> list[str]:
        return [s.name or "" for s in self.sheets]


def read(content: bytes, file: str) -> Workbook:
    """The file's sheets, or a DataError in Korean naming the file."""
    if len(content) > MAX_MEGABYTES * 1024 * 1024:
        raise DataError(file, None, None, f"파일이 너무 큽니다({len(content) / 1024 / 1024:,.0f}MB). "
                                          f"{MAX_MEGABYTES}MB 이하로 나누어 가져오십시오.")
    if not content.strip():
        raise DataError(file, None, None, "빈 파일입니다(내용이 없습니다).")
    name = Path(file).name.lower()
    if name.endswith(".gz"):
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError) as exc:
            raise DataError(file, None, None, "gzip 압축을 풀 수 없습니다(파일이 손상되었습니다).") from exc
        name = name.removesuffix(".gz")
        if not content.strip():
            raise DataError(file, None, None, "빈 파일입니다(압축을 푼 내용이 없습니다).")
    suffix = Path(name).suffix
    if suffix in WORKBOOK_SUFFIXES or content[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        workbook = _read_workbook(content, file, suffix)
    elif suffix in JSON_SUFFIXES or content.lstrip()[:1] in (b"{", b"["):
        workbook = _read_json(content, file)
    elif suffix in TEXT_SUFFIXES or not suffix:
        workbook = _read_text(content, file)
    else:
        raise DataError(file, None, None, "읽을 수 있는 형식이 아닙니다. CSV, 엑셀(XLSX·XLS), JSON 파일을 가져올 수 있습니다.")
    workbook.sheets = [s for s in workbook.sheets if not s.cells.empty]
    if not workbook.sheets:
        raise DataError(file, None, None, "표가 없습니다(모든 시트가 비어 있습니다).")
    return workbook


# --- text files -----------------------------------------------------------------------------------

def decode(content: bytes) -> tuple[str, str]:
    """(text, encoding). Strict UTF-8 (BOM or not), UTF-16 with a BOM, then CP949; if none reads
    every byte, the one that leaves the fewest undecodable bytes (marked with U+FFFD)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace"), "UTF-16"
    for encoding, label in (("utf-8-sig", "UTF-8"), ("cp949", "CP949")):
        try:
            return content.decode(encoding), label
        except UnicodeDecodeError:
            continue
    candidates = [(content.decode(enc, errors="replace"), label) for enc, label in (("utf-8-sig", "UTF-8"), ("cp949", "CP949"))]
    return min(candidates, key=lambda c: c[0].count(REPLACEMENT))


def _read_text(content: bytes, file: str) -> Workbook:
    if b"\x00" in content[:4096] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(file, None, None, "표가 아닙니다(글자가 아닌 이진 파일입니다).")
    if not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-8, the usual case: Arrow reads the bytes as they are (and refuses them if they are not UTF-8).
        body = content[3:] if content.startswith(codecs.BOM_UTF8) else content
        head = body[:2_000_000].decode("utf-8", errors="replace")
        delimiter = _delimiter(head)
        cells = _fast_rows(body, head, delimiter)
        if cells is not None:
            return _workbook(file, cells, delimiter, "UTF-8", set())
    text, encoding = decode(content)
    text = text.lstrip("\ufeff")
    if text.count(REPLACEMENT) > max(20, len(text) // 100):
        raise DataError(file, None, None, "표가 아닙니다(UTF-8·CP949 어느 쪽으로도 읽을 수 없는 글자가 너무 많습니다).")
    delimiter = _delimiter(text[:2_000_000])
    cells = _fast_rows(text.encode("utf-8"), text[:2_000_000], delimiter)
    if cells is None:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        width = max((len(r) for r in rows), default=0)
        cells = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], columns=range(width), dtype=cell_values.TEXT)
    bad = set()
    if REPLACEMENT in text:
        mask = pd.Series(False, index=cells.index)
        for column in cells.columns:
            mask |= cell_values.matches(cells[column], REPLACEMENT)
        bad = set(mask[mask].index)
    return _workbook(file, cells, delimiter, encoding, bad)


def _workbook(file: str, cells: pd.DataFrame, delimiter: str, encoding: str, bad: set[int]) -> Workbook:
    if cells.shape[1] < 2:
        raise DataError(file, None, None, "표가 아닙니다(쉼표나 탭으로 나뉜 열이 없습니다).")
    label = "CSV" if delimiter != "\t" else "TSV"
    return Workbook(file, f"{label}({encoding})", [Sheet(None, cells, bad)])


def _delimiter(text: str) -> str:
    """The separator that splits the first lines most consistently (commas unless clearly otherwise)."""
    lines = [line for line in text[:200_000].splitlines()[:40] if line.strip()]
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        common = max(set(counts), key=counts.count) if counts else 0
        score = common * sum(1 for c in counts if c == common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _fast_rows(body: bytes, head: str, delimiter: str) -> pd.DataFrame | None:
    """Every record as a row of text cells (one row per record, as a spreadsheet shows it) through
    Arrow's CSV reader, a million rows in about a second; None when the file is not UTF-8 or has
    ragged rows (a stray extra cell, blank lines in the middle), which the exact reader then takes.
    Title lines above the table (fewer cells than the table) are read first and kept as rows."""
    records, lines_before = _first_records(head, delimiter)
    if not records:
        return None
    width = max(len(r) for r in records)
    lead = next(i for i, r in enumerate(records) if len(r) == width)
    if lines_before[lead] != lead:  # a title spread over quoted lines: let the exact reader count
        return None
    rows = _arrow_rows(body, delimiter, width, lead, quoted=b'"' in body)
    if rows is None:
        return None
    if not lead:
        return rows
    top = pd.DataFrame([r + [""] * (width - len(r)) for r in records[:lead]], columns=range(width),
                       dtype=cell_values.TEXT)
    return pd.concat([top, rows], ignore_index=True)


def _arrow_rows(body: bytes, delimiter: str, width: int, skip: int, quoted: bool) -> pd.DataFrame | None:
    """The records after `skip` lines through Arrow, or None if any row does not fit the table."""
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    irregular = []

    def note(row):  # a row with more or fewer cells than the header: let the exact reader take the file
        irregular.append(row)
        return "skip"

    names = [str(i) for i in range(width)]
    try:
        table = arrow_csv.read_csv(
            io.BytesIO(body),
            read_options=arrow_csv.ReadOptions(column_names=names, skip_rows=skip, block_size=1 << 24),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, newlines_in_values=quoted,
                                                 ignore_empty_lines=False, invalid_row_handler=note),
            convert_options=arrow_csv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:  # not UTF-8, or a row Arrow cannot split
        return None
    if irregular:
        return None
    frame = table.to_pandas(types_mapper={pa.string(): cell_values.TEXT}.get)
    frame.columns = range(width)
    return frame


def _first_records(text: str, delimiter: str, count: int = 200) -> tuple[list[list[str]], list[int]]:
    """The first records, and how many lines had been read before each (quoted newlines span lines)."""
    reader = csv.reader(io.StringIO(text[:2_000_000]), delimiter=delimiter)
    records, lines = [], []
    try:
        for record in reader:
            lines.append(reader.line_num - 1)
            records.append(record)
            if len(records) >= count:
                break
    except csv.Error:
        pass
    return records, lines


# --- workbooks ------------------------------------------------------------------------------------

def _read_workbook(content: bytes, file: str, suffix: str) -> Workbook:
    form = (suffix.lstrip(".") or "xlsx").upper()
    try:
        return Workbook(file, form, _calamine_sheets(content))
    except Exception as first:  # calamine raises its own kinds for a broken file
        if content[:4] == b"PK\x03\x04":
            try:
                return Workbook(file, form, _openpyxl_sheets(content))
            except Exception:
                pass
        raise DataError(file, None, None, f"엑셀 파일을 열 수 없습니다(손상되었거나 암호가 걸린 파일입니다: {first}).") from first


def _calamine_sheets(content: bytes) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        sheets.append(Sheet(name, _grid(rows)))
    return sheets


def _openpyxl_sheets(content: bytes) -> list[Sheet]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return [Sheet(ws.title, _grid([list(r) for r in ws.iter_rows(values_only=True)])) for ws in book.worksheets]
    finally:
        book.close()


def _grid(rows: list[list]) -> pd.DataFrame:
    width = max((len(r) for r in rows), default=0)
    frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], columns=range(width), dtype=object)
    frame = frame.map(lambda v: None if isinstance(v, str) and not v.strip() else v)
    # Trailing empty rows and columns are a workbook's formatting, not data.
    filled = frame.notna()
    if not filled.values.any():
        return frame.iloc[0:0]
    last_row = filled.any(axis=1)[::-1].idxmax()
    last_column = filled.any(axis=0)[::-1].idxmax()
    return frame.loc[:last_row, :last_column]


# --- JSON -----------------------------------------------------------------------------------------

def _read_json(content: bytes, file: str) -> Workbook:
    text, encoding = decode(content)
    text = text.lstrip("\ufeff").strip()
    try:
        records = _json_records(text)
    except ValueError as exc:
        raise DataError(file, None, None, f"JSON 형식이 올바르지 않습니다({exc}).") from exc
    if not records:
        raise DataError(file, None, None, "JSON에 행이 없습니다.")
    if not all(isinstance(r, dict) for r in records):
        raise DataError(file, None, None, "표가 아닙니다(JSON 행이 항목 이름과 값의 묶음이 아닙니다).")
    names = list(dict.fromkeys(key for record in records for key in record))
    # Values stay as the file writes them (numbers are numbers); missing fields are empty cells.
    rows = [names] + [[record.get(name) for name in names] for record in records]
    frame = pd.DataFrame(rows, columns=range(len(names)), dtype=object)
    return Workbook(file, f"JSON({encoding})", [Sheet(None, frame, header_known=True)])


def _json_records(text: str) -> list:
    if text.startswith("["):
        return json.loads(text)
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        # JSON lines: one object a line.
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list) and value and isinstance(value[0], dict)]
        if lists:
            return max(lists, key=len)  # {"asof": …, "rows": [...]}: the rows
        return [document]
    raise ValueError("행 목록이 없습니다")


def document_fields(content: bytes) -> dict:
    """The top-level fields of a JSON document besides its rows ({'asof': '20260630', …}), for
    record kinds that take a snapshot date or similar from them."""
    try:
        text, _ = decode(gzip.decompress(content) if content[:2] == b"\x1f\x8b" else content)
        document = json.loads(text.lstrip("\ufeff"))
    except (ValueError, OSError, EOFError):
        return {}
    if not isinstance(document, dict):
        return {}
    return {k: v for k, v in document.items() if not isinstance(v, (list, dict))}
