"""An edition as an Excel workbook, and back: one sheet per table (spec.py), Korean headers with units,
a 작성 안내 sheet, lists where a cell takes one of a few values.

- `write(frames)`: the template (no frames), an edition exported, or a draft (with the cells the records
  gave marked, `marks`). openpyxl, loaded only when a file is made.
- `read(content, file)`: a filled workbook as the edition's tables, typed exactly as loader.load_report
  types the CSV files (loader.typed_frame), so exporting and reading back gives the identical edition.
  Every problem is a DataError naming the workbook, the sheet, the row and the column as the sheet shows
  them: "보고서_2026.xlsx 「예산현황」 시트 3행 '예산액(천원)' 열: 숫자가 아닙니다: '약 300'".
  Read with the importer's tolerant reader (python-calamine).
"""
from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import pandas as pd

from .. import fmt, loader
from ..errors import DataError
from ..importer import reading
from ..importer.values import EXCEL_EPOCH
from . import spec
from .spec import ColumnSpec, SheetSpec

SPARE_ROWS = 60       # formatted empty rows below a table, for staff to fill
_DATE = re.compile(r"^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?$")
_NUMBER = re.compile(r"^-?\d+$")

HEADER_FILL, COMPUTED_FILL, FIELD_FILL = "DCE6F1", "FFF2CC", "F2F2F2"
NUMBER_FORMAT = '#,##0;"△"#,##0;0'
DATE_FORMAT = 'yyyy". "m". "d"."'


@dataclass(frozen=True)
class Mark:
    """A cell a draft filled from the records: what it is computed from, and for which period."""
    note: str


# --- writing ----------------------------------------------------------------------------------------

def write(frames: dict[str, pd.DataFrame] | None = None, *, title: str = "보고서 서식",
          marks: dict[tuple[str, int, str], Mark] | None = None, notes: list[str] | None = None) -> bytes:
    """The workbook: every sheet of the schema, filled from `frames` where given.

    `marks` maps (table, row position, column) to the note of a cell computed from records (a draft);
    `notes` are extra lines for the guide sheet (what the draft filled and what it left)."""
    from openpyxl import Workbook

    marks = marks or {}
    book = Workbook()
    guide = book.active
    guide.title = spec.GUIDE_SHEET
    _guide(guide, title, notes or [], bool(marks))
    for sheet in spec.sheets():
        frame = frames[sheet.table] if frames is not None else None
        ws = book.create_sheet(sheet.sheet)
        if sheet.single_row:
            _write_fields(ws, sheet, frame, marks)
        else:
            _write_table(ws, sheet, frame, marks)
    if marks:
        _computed_sheet(book.create_sheet(spec.COMPUTED_SHEET), marks, frames or {})
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _font(bold: bool = False, size: int = 11, colour: str | None = None):
    from openpyxl.styles import Font

    return Font(name="맑은 고딕", bold=bold, size=size, color=colour)


def _fill(colour: str):
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=colour, end_color=colour)


def _guide(ws, title: str, notes: list[str], draft: bool) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    rows = [(title, None), ("", None),
            ("작성 방법", "시트마다 1행은 머리글입니다. 머리글과 시트 이름은 바꾸지 말고 2행부터 채웁니다. 「보고서 정보」 시트만 "
                       "항목마다 한 행이며 「값」 열에 적습니다."),
            ("금액·단위", "금액은 천원, 정수로 적습니다(쉼표는 있어도 됩니다). 음수는 -1 또는 △1로 적습니다."),
            ("목록", "재원, 항목, 처리 결과처럼 정해진 값만 받는 칸은 칸을 누르면 목록이 나옵니다."),
            ("날짜", "2026-06-30 또는 2026. 6. 30.처럼 적거나 엑셀 날짜로 적습니다."),
            ("올리기", "「보고서 관리」 화면에서 자료 관리자가 올립니다. 올리면 빌드와 같은 검사(합계, 인쇄된 집행률, 인력 과부족, "
                     "재원 합계, 단위사업별·사업별 예산의 차이)를 하고, 틀린 곳은 시트·행·열로 알려 줍니다. 미리 보기에서 "
                     "직전 보고서와 달라진 수치를 보고 확인해야 저장됩니다."),
            ("원문 차이", "보고서 원문 자체가 맞지 않는 곳(예: 단위사업별 예산과 사업별 예산의 차이)은 고치지 말고 「원문 차이」 "
                       "시트에 적어 둡니다.")]
    if draft:
        rows.append(("기록에서 계산", "노란 칸은 대시보드가 기록(민원·순찰 기록, 예산 집행 자료)에서 계산해 채운 값입니다. 칸의 메모와 "
                                "「기록에서 계산」 시트에 근거와 기간이 있습니다. 보고서와 다르면 고쳐 씁니다. 빈 칸은 직원이 채웁니다."))
    rows += [(note, None) for note in notes]
    rows += [("", None), ("시트", "내용과 열(형식)")]
    for sheet in spec.sheets():
        columns = "; ".join(f"{c.header}: {c.kind_text()}" for c in sheet.columns)
        rows.append((sheet.sheet, f"{sheet.note} — {columns}" if sheet.note else columns))
    for number, (first, second) in enumerate(rows, start=1):
        ws.cell(number, 1, first).font = _font(bold=number == 1 or second is not None, size=14 if number == 1 else 11)
        if second is not None:
            cell = ws.cell(number, 2, second)
            cell.alignment = _wrap()
    ws.freeze_panes = None


def _wrap():
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def _put(cell, value, column: ColumnSpec) -> None:
    """A value as the sheet shows it: numbers as numbers, dates as dates, codes as their words, text as text
    (never a formula)."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return
    if column.type == "BOOLEAN":
        cell.value = spec.YES if bool(value) else spec.NO
    elif column.is_number:
        cell.value = int(value)
    elif column.type == "DATE":
        cell.value = pd.Timestamp(value).date()
    else:
        cell.value = column.shown.get(str(value), str(value))
        cell.data_type = "s"  # '=…' stays text


def _style(cell, column: ColumnSpec) -> None:
    if column.is_number:
        cell.number_format = NUMBER_FORMAT
    elif column.type == "DATE":
        cell.number_format = DATE_FORMAT
    elif column.type == "VARCHAR":
        cell.number_format = "@"  # typed '2.1' stays text


def _header_note(column: ColumnSpec):
    from openpyxl.comments import Comment

    return Comment(column.kind_text(), "감사 대시보드", width=260, height=90)


def _validation(ws, column: ColumnSpec, cells: str) -> None:
    options = column.options
    if not options:
        return
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=not column.required,
                          showErrorMessage=True, errorTitle="목록에 없는 값",
                          error=f"고를 수 있는 값: {', '.join(options)}")
    ws.add_data_validation(rule)
    rule.add(cells)


def _mark(cell, mark: Mark) -> None:
    from openpyxl.comments import Comment

    cell.fill = _fill(COMPUTED_FILL)
    cell.comment = Comment(f"기록에서 계산: {mark.note}", "감사 대시보드", width=320, height=110)


def _write_table(ws, sheet: SheetSpec, frame: pd.DataFrame | None, marks: dict) -> None:
    from openpyxl.utils import get_column_letter

    rows = 0 if frame is None else len(frame)
    last = rows + 1 + SPARE_ROWS
    for index, column in enumerate(sheet.columns, start=1):
        head = ws.cell(1, index, column.header)
        head.font, head.fill, head.comment = _font(bold=True), _fill(HEADER_FILL), _header_note(column)
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = max(10, min(60, len(column.header) * 2 + 4))
        for row in range(2, last + 1):
            _style(ws.cell(row, index), column)
        if frame is not None:
            for position, value in enumerate(frame[column.name].tolist()):
                cell = ws.cell(position + 2, index)
                _put(cell, value, column)
                if (sheet.table, position, column.name) in marks:
                    _mark(cell, marks[(sheet.table, position, column.name)])
        _validation(ws, column, f"{letter}2:{letter}{last}")
    ws.freeze_panes = "A2"


def _write_fields(ws, sheet: SheetSpec, frame: pd.DataFrame | None, marks: dict) -> None:
    """A one-row table down the page: 항목 | 값 | 설명."""
    for index, text in enumerate((spec.FIELD, spec.VALUE, spec.NOTE), start=1):
        head = ws.cell(1, index, text)
        head.font, head.fill = _font(bold=True), _fill(HEADER_FILL)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 22, 40, 60
    for offset, column in enumerate(sheet.columns):
        row = offset + 2
        ws.cell(row, 1, column.header).fill = _fill(FIELD_FILL)
        value = ws.cell(row, 2)
        _style(value, column)
        if frame is not None and len(frame):
            _put(value, frame[column.name].iloc[0], column)
            if (sheet.table, 0, column.name) in marks:
                _mark(value, marks[(sheet.table, 0, column.name)])
        ws.cell(row, 3, column.kind_text())
        _validation(ws, column, f"B{row}")
    ws.freeze_panes = "A2"


def _computed_sheet(ws, marks: dict, frames: dict[str, pd.DataFrame]) -> None:
    """Every cell a draft filled from the records, with its basis."""
    header = ("시트", "행", "열", "값", "근거와 기간")
    for index, text in enumerate(header, start=1):
        cell = ws.cell(1, index, text)
        cell.font, cell.fill = _font(bold=True), _fill(HEADER_FILL)
    for letter, width in zip("ABCDE", (18, 6, 22, 14, 90)):
        ws.column_dimensions[letter].width = width
    row = 2
    for (table, position, name), mark in marks.items():
        sheet = spec.sheet_for(table)
        column = sheet.column(name)
        excel_row = sheet.columns.index(column) + 2 if sheet.single_row else position + 2
        value = frames[table][name].iloc[position] if table in frames else None
        for index, text in enumerate((sheet.sheet, excel_row, column.header, value, mark.note), start=1):
            cell = ws.cell(row, index)
            if index == 4:
                _put(cell, value, column)
                _style(cell, column)
            else:
                cell.value = text
        row += 1
    ws.freeze_panes = "A2"


# --- reading ----------------------------------------------------------------------------------------

def _letter(position: int) -> str:
    from_index = position + 1
    letters = ""
    while from_index:
        from_index, rest = divmod(from_index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _empty(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (isinstance(value, str) and not value.strip())


def _text_of(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def convert(value, column: ColumnSpec, where: str, row: int):
    """One cell as the schema's type, or a DataError naming the sheet, row and column."""
    def refuse(detail: str):
        return DataError(where, row, column.header, detail)

    if _empty(value):
        if column.required:
            raise refuse("값이 비어 있습니다(필수 항목).")
        return None
    if column.type == "BOOLEAN":
        text = _text_of(value) if not isinstance(value, bool) else (spec.YES if value else spec.NO)
        answers = {spec.YES: True, spec.NO: False, "true": True, "false": False, "TRUE": True, "FALSE": False}
        if text not in answers:
            raise refuse(f"{spec.YES} 또는 {spec.NO}로 적어야 합니다: '{text}'")
        return answers[text]
    if column.is_number:
        number = _integer(value)
        if number is None:
            shown = _text_of(value)
            raise refuse(f"숫자가 아닙니다: '{shown}' (정수만 적습니다. 금액은 천원 단위)")
        if column.minimum is not None and number < column.minimum:
            raise refuse(f"{column.minimum} 이상이어야 합니다: {fmt.number(number)}")
        return number
    if column.type == "DATE":
        day = _date(value)
        if day is None:
            raise refuse(f"날짜가 아닙니다: '{_text_of(value)}' (2026-06-30 또는 2026. 6. 30.처럼 적습니다)")
        return day
    text = _text_of(value)
    if column.choices:
        codes = {column.shown.get(code, code): code for code in column.choices}
        codes.update({code: code for code in column.choices})
        if text not in codes:
            raise refuse(f"목록에 없는 값입니다: '{text}'. 고를 수 있는 값: {', '.join(column.options)}")
        return codes[text]
    return text


def _integer(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    text = str(value).strip().replace(",", "").replace(" ", "").replace("△", "-").replace("▲", "-")
    return int(text) if _NUMBER.match(text) else None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (EXCEL_EPOCH + pd.Timedelta(days=float(value))).date() if 1 <= value <= 200_000 else None
    match = _DATE.match(str(value).strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _read_table(cells: pd.DataFrame, sheet: SheetSpec, where: str) -> pd.DataFrame:
    header = [_text_of(v) if not _empty(v) else "" for v in cells.iloc[0].tolist()] if len(cells) else []
    positions = {text: position for position, text in enumerate(header) if text}
    missing = [h for h in sheet.headers if h not in positions]
    unknown = [f"'{text}'({_letter(position)}열)" for text, position in positions.items() if text not in sheet.headers]
    if missing or unknown:
        detail = "머리글이 서식과 다릅니다."
        if missing:
            detail += " 없는 열: " + ", ".join(f"'{m}'" for m in missing) + "."
        if unknown:
            detail += " 알 수 없는 열: " + ", ".join(unknown) + "."
        detail += " 시트의 머리글은 서식 그대로 두어야 합니다."
        raise DataError(where, 1, None, detail)
    values: dict[str, list] = {c.name: [] for c in sheet.columns}
    rows = []
    for position in range(1, len(cells)):
        record = cells.iloc[position]
        picked = [record.iloc[positions[c.header]] if positions[c.header] < len(record) else None for c in sheet.columns]
        if all(_empty(v) for v in picked):
            continue
        row = position + 1
        for column, value in zip(sheet.columns, picked):
            values[column.name].append(convert(value, column, where, row))
        rows.append(row)
    return _typed(values, sheet, where, rows)


def _read_fields(cells: pd.DataFrame, sheet: SheetSpec, where: str) -> pd.DataFrame:
    """A one-row table written down the page: the value of each field is beside its name."""
    found: dict[str, tuple[object, int]] = {}
    for position in range(len(cells)):
        name = cells.iloc[position, 0] if cells.shape[1] else None
        if isinstance(name, str) and name.strip() in sheet.headers:
            value = cells.iloc[position, 1] if cells.shape[1] > 1 else None
            found[name.strip()] = (value, position + 1)
    missing = [h for h in sheet.headers if h not in found]
    if missing:
        raise DataError(where, None, spec.FIELD, f"항목이 없습니다: {', '.join(missing)}. 항목 이름은 서식 그대로 두어야 합니다.")
    values = {c.name: [convert(found[c.header][0], c, where, found[c.header][1])] for c in sheet.columns}
    frame = _typed(values, sheet, where, [found[sheet.columns[0].header][1]])
    frame.attrs["field_rows"] = {c.name: found[c.header][1] for c in sheet.columns}
    return frame


def _typed(values: dict, sheet: SheetSpec, where: str, rows: list[int]) -> pd.DataFrame:
    columns = loader.report_tables()[sheet.table]
    frame = loader.typed_frame(values, columns, where, rows)
    frame.attrs["headers"] = sheet.header_of
    try:
        loader.check_keys(frame, list(sheet.key) if sheet.key or sheet.single_row else None)
    except DataError as error:  # name the key column as the sheet shows it
        raise DataError(error.file, error.row, sheet.header_of.get(error.column, error.column), error.detail) from None
    return frame


def read(content: bytes, file: str) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """A filled workbook as an edition's tables, and where each came from (for later messages)."""
    book = reading.read(content, file)
    if not book.form.startswith(("XLSX", "XLSM", "XLS", "ODS")):
        raise DataError(file, None, None, "엑셀 통합문서(.xlsx)가 아닙니다. 「보고서 관리」에서 내려받은 서식에 채워 올리십시오.")
    names = {(s.name or "").strip(): s for s in book.sheets}
    expected = [s.sheet for s in spec.sheets()]
    missing = [name for name in expected if name not in names]
    if missing:
        unknown = [n for n in names if n not in expected and n not in spec.EXTRA_SHEETS]
        detail = f"시트가 없습니다: {', '.join(f'「{m}」' for m in missing)}."
        if unknown:
            detail += f" 서식에 없는 시트: {', '.join(f'「{u}」' for u in unknown)}(시트 이름을 바꾸었다면 되돌려 주십시오)."
        raise DataError(file, None, None, detail + " 빈 시트도 지우지 말고 두어야 합니다.")
    frames, places = {}, {}
    for sheet in spec.sheets():
        where = spec.place(file, sheet)
        cells = names[sheet.sheet].cells
        frames[sheet.table] = _read_fields(cells, sheet, where) if sheet.single_row else _read_table(cells, sheet, where)
        places[sheet.table] = where
    return frames, places


def file_name(kind: str, edition: str | None = None) -> str:
    """'보고서_서식.xlsx', '보고서_2024-07-15.xlsx', '보고서_초안_2026-06-30.xlsx'."""
    return {"template": "보고서_서식.xlsx", "export": f"보고서_{edition}.xlsx", "draft": f"보고서_초안_{edition}.xlsx"}[kind]
