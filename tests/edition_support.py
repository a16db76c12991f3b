"""A second report edition for the tests, made the way staff make one: the empty template (보고서 서식)
filled in cell by cell, header by header. It is the 2026 report (제270회, as of 2026. 9. 30.): the
2025 report's text and budget a year on, with other complaint, patrol, staffing and integrity figures.
Not shipped in data/: it exists only in the tests' own data folders."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from audit_dashboard import loader, paths
from audit_dashboard.editions import spec, workbook

NEXT_ID = "2026-10-19"
NEXT_TITLE = "2026년 주요업무 보고"
NEXT_SESSION = "제270회 구의회 임시회"


def shipped_frames() -> dict[str, pd.DataFrame]:
    return loader.load_report(paths.REPORT_DIR)


def _set(frame: pd.DataFrame, where: dict, column: str, value) -> None:
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    assert mask.sum() == 1, (where, column)
    frame.loc[mask, column] = value


def next_report() -> dict[str, pd.DataFrame]:
    """The 2026 report's tables: the shipped ones a year on, some figures different."""
    frames = {table: frame.copy() for table, frame in shipped_frames().items()}
    meta = frames["report_meta"]
    meta["title"], meta["council_session"] = [NEXT_TITLE], [NEXT_SESSION]
    meta["session_start"], meta["session_end"] = [dt.date(2026, 10, 19)], [dt.date(2026, 10, 28)]
    meta["period_start"], meta["period_end"], meta["as_of"] = [dt.date(2026, 1, 1)], [dt.date(2026, 9, 30)], [dt.date(2026, 9, 30)]
    meta["source_file"] = [None]
    for table in ("projects", "project_budgets", "project_items"):
        frames[table]["plan_year"] = frames[table]["plan_year"] + 1
    channels = frames["complaint_channels"]
    for channel, received in (("응답소", 350), ("구청장에게 바란다", 980), ("전화·방문", 330)):
        _set(channels, {"channel": channel}, "received", received)
    figures = frames["report_figures"]
    for key, value in (("complaints_total", 1660), ("field_complaints_handled", 70012), ("integrity_pledges", 1650)):
        _set(figures, {"figure_key": key}, "value", value)
    patrols = frames["patrol_results"]
    _set(patrols, {"patrol_kind": "기획순찰"}, "findings", 345)
    _set(patrols, {"patrol_kind": "기획순찰"}, "sessions", 8)
    _set(patrols, {"patrol_kind": "동네한바퀴"}, "findings", 70)
    totals = frames["table_totals"]
    _set(totals, {"table_name": "joint_patrols", "measure": "findings"}, "value", 697)
    staffing = frames["staffing"]
    _set(staffing, {"staff_group": "일반직", "grade": "7급"}, "current", 9)
    _set(staffing, {"staff_group": "일반직", "grade": "7급"}, "surplus_printed", 2)
    _set(staffing, {"staff_group": "일반직", "grade": "9급"}, "current", 1)
    _set(staffing, {"staff_group": "일반직", "grade": "9급"}, "surplus_printed", -1)
    return frames


def _shown(value, column: spec.ColumnSpec):
    """A value as a person types it into the template."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if column.type == "BOOLEAN":
        return spec.YES if value else spec.NO
    if column.is_number:
        number = int(value)
        return f"△{-number}" if number < 0 else number  # the department's minus, typed as text
    if column.type == "DATE":
        return value if isinstance(value, dt.date) else pd.Timestamp(value).date()
    return column.shown.get(str(value), str(value))


def fill_template(frames: dict[str, pd.DataFrame]) -> bytes:
    """The empty template, filled in under its own headers (as staff fill it), saved."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook.write()))
    for sheet in spec.sheets():
        ws = book[sheet.sheet]
        frame = frames[sheet.table]
        if sheet.single_row:
            rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
            for column in sheet.columns:
                ws.cell(rows[column.header], 2).value = _shown(frame[column.name].iloc[0], column)
            continue
        positions = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
        for offset, record in enumerate(frame.to_dict("records")):
            for column in sheet.columns:
                ws.cell(offset + 2, positions[column.header]).value = _shown(record[column.name], column)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def next_report_workbook() -> bytes:
    return fill_template(next_report())


def edit(content: bytes, sheet: str, change) -> bytes:
    """A workbook with one change made by `change(worksheet)` (a typo, a renamed header…)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    change(book[sheet])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def column_of(ws, header: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == header)


def row_of(ws, header: str, value) -> int:
    column = column_of(ws, header)
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, column).value == value)
