"""Files staff take into council papers: chart PNGs, table CSVs and XLSX workbooks.

Pure functions of a `content.Chart` / `content.Table`, so a download holds exactly what the page
shows. Every file says what it is (title, unit, period, source, the sample mark when due), headers
carry units, and no cell can start a spreadsheet formula.

Chart PNGs come in two sizes: for a 16 cm column of an A4 document (the default download: drawn
for that width, so its smallest text prints at 9.5 pt, at 300 dpi; see paper.py), and the size a
chart has on a wide screen (twice its pixels). openpyxl is imported only where a workbook is made.
"""
from __future__ import annotations

import csv
import io
import math
import re

import pandas as pd
import plotly.graph_objects as go

from . import chart_images, charts, fmt, labels, paper, readings, settings
from .content import Chart, Table

# Chart images: the size a chart has on a wide screen (height: the figure's own, else plotly's
# default that Streamlit uses too), drawn at twice the pixel density.
PNG_WIDTH = 1200
PNG_HEIGHT = 450
PNG_SCALE = 2

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Kinds of column that hold numbers (right-aligned, numeric cells in XLSX).
NUMERIC_KINDS = frozenset({"number", "won", "percent", "signed", "points", "signed_percent"})

# Units a kind implies, for headers that do not already say theirs.
_KIND_UNIT = {"percent": "%", "signed_percent": "%", "points": "%p"}
_UNIT_KINDS = ("number", "won", "signed")

# Excel number formats that write numbers the department's way (△ for negatives) and keep them numbers.
_XLSX_FORMATS = {
    "number": '#,##0;"△"#,##0;0',
    "won": '#,##0;"△"#,##0;0',
    "percent": '#,##0"%";"△"#,##0"%";0"%"',
    "signed": '"+"#,##0;"△"#,##0;0',
    "points": '"+"0.0"%p";"△"0.0"%p";0.0"%p"',
    "signed_percent": '"+"0.0"%";"△"0.0"%";0.0"%"',
    "date": 'yyyy". "m". "d"."',
}


def escape(text: str) -> str:
    """'=SUM(A1)' -> "'=SUM(A1)": the leading apostrophe keeps a spreadsheet from running it."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def header(column: str, kind: str, unit: str) -> str:
    """The Korean header with its unit: '예산액(천원)', '건수(건)', '기한 내 처리율(%)'."""
    name = labels.COLUMNS.get(column, column)
    if "(" in name:
        return name
    suffix = _KIND_UNIT.get(kind)
    if suffix is None and kind in _UNIT_KINDS and unit and "," not in unit:
        suffix = unit
    return f"{name}({suffix})" if suffix else name


def headers(table: Table) -> list[str]:
    return [header(column, kind, table.unit) for column, kind in table.kinds.items()]


def source_line(item: Chart | Table) -> str:
    kinds = " + ".join(labels.SOURCE_KIND[part] for part in item.origin.split("+"))
    return f"출처: {kinds} · {item.source}"


def describe(item: Chart | Table) -> list[str]:
    """The lines that make a file self-explanatory, sample mark first."""
    lines = [f"※ {labels.SAMPLE_WATERMARK}"] if item.sample else []
    return lines + [f"{item.title}{fmt.unit_note(item.unit)}", f"기간: {item.period}", source_line(item),
                    *readings.lines(item.readings)]


def source_with_readings(item: Chart | Table) -> str:
    """The source as a chart prints it, naming the readings it rests on (their why is in the caption and files)."""
    if not item.readings:
        return item.source
    return f"{item.source} · {readings.MARK}: " + ", ".join(readings.get(r).title for r in item.readings)


def display_value(value, kind: str) -> str:
    """A cell as the screen writes it ('1,622', '△1,780', '89%', '2024. 6. 30.'); '' when empty."""
    if _missing(value):
        return ""
    return str(fmt.BY_KIND[kind](value)) if kind in fmt.BY_KIND else str(value)


def display_rows(table: Table) -> list[list[str]]:
    columns = list(table.kinds.items())
    return [[display_value(row[column], kind) for column, kind in columns]
            for row in table.frame[[c for c, _ in columns]].to_dict("records")]


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark (Korean Excel reads it as UTF-8), CRLF lines, description on top."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for line in describe(table):
        writer.writerow([escape(line)])
    writer.writerow([])
    writer.writerow([escape(h) for h in headers(table)])
    for row in display_rows(table):
        writer.writerow([escape(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _cell_value(value, kind: str):
    """Numbers stay numbers (with a number format), dates stay dates; the rest is escaped text."""
    if _missing(value):
        return None
    if kind == "date":
        return pd.Timestamp(value).date()
    if kind in _XLSX_FORMATS:
        number = float(value)
        return int(number) if number.is_integer() else number
    return escape(display_value(value, kind))


def _width(text: str) -> float:
    # Hangul and other wide characters take about two columns in Excel.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook  # the Excel stack loads only when a workbook is made
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "표"
    book.properties.title = table.title
    book.properties.creator = settings.office()
    lines = describe(table)
    for number, line in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=escape(line))
        cell.data_type = "s"
        if line.startswith("※"):
            cell.font = Font(bold=True, color="C0392B")
        elif number == 1 + table.sample:
            cell.font = Font(bold=True, size=13)
    top = len(lines) + 2
    thin = Side(style="thin", color="999999")
    widths = []
    for index, text in enumerate(headers(table), start=1):
        cell = sheet.cell(row=top, column=index, value=escape(text))
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF4")
        cell.border = Border(bottom=thin, top=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        widths.append(_width(text))
    columns = list(table.kinds.items())
    records = table.frame[[c for c, _ in columns]].to_dict("records")
    for offset, row in enumerate(records, start=1):
        for index, (column, kind) in enumerate(columns, start=1):
            value = _cell_value(row[column], kind)
            cell = sheet.cell(row=top + offset, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            if kind in _XLSX_FORMATS and value is not None:
                cell.number_format = _XLSX_FORMATS[kind]
            widths[index - 1] = max(widths[index - 1], _width(display_value(row[column], kind)))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=top, column=index).column_letter].width = min(60, width + 3)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def finished_figure(chart: Chart, *, titled: bool = True, min_text_px: int | None = None,
                    watermark: bool = True, width_px: int | None = None) -> go.Figure:
    """A copy of the chart with its title, unit, period/source line and sample watermark.

    A copy, so that drawing a chart and exporting it never add the annotations twice. `titled` and
    `min_text_px` as in charts.finish (a chart placed under a printed title; a chart for paper);
    `watermark=False` for a page that carries the watermark itself (the council pack).
    """
    return charts.finish(go.Figure(chart.figure), chart.title, chart.unit, chart.period, source_with_readings(chart),
                         sample=chart.sample and watermark, titled=titled, min_text_px=min_text_px, width_px=width_px)


def screen_figure(chart: Chart) -> go.Figure:
    """`finished_figure(chart)` as the page draws it, made once per figure and title: kept on the chart's
    own figure, so a chart a view keeps for its store version (app_data.per_store) is finished once, not on
    every rerun. Shared: draw it, never change it (the presentation view copies it first)."""
    key = (chart.title, chart.unit, chart.period, source_with_readings(chart), chart.sample)
    finished = vars(chart.figure).setdefault("_audit_screen", {})  # not a plotly property: plotly ignores it
    if key not in finished:
        finished[key] = finished_figure(chart)
    return finished[key]


def png_bytes(chart: Chart, *, width: int = PNG_WIDTH, height: int | None = None, scale: int = PNG_SCALE) -> bytes:
    """The finished chart as a PNG at `scale` times its size in CSS pixels (the screen-sized download)."""
    figure = finished_figure(chart)
    return chart_images.png(figure, width=width, height=height or figure.layout.height or PNG_HEIGHT, scale=scale)


def paper_figure(chart: Chart, printed: paper.Printed, *, titled: bool = True, max_height_pt: float | None = None,
                 watermark: bool = True) -> tuple[go.Figure, int]:
    """The chart finished for `printed` (text ≥ paper.TEXT_PX), and its CSS height.

    Its own height is kept (it is set for its content: rows of bars, calendar lines), unless that
    would print taller than `max_height_pt`.
    """
    figure = finished_figure(chart, titled=titled, min_text_px=paper.TEXT_PX, watermark=watermark,
                             width_px=printed.css_width)
    height = figure.layout.height or PNG_HEIGHT
    if max_height_pt is not None:
        height = min(height, printed.css_height(max_height_pt))
    return figure, height


def paper_png(chart: Chart, printed: paper.Printed, *, titled: bool = True, max_height_pt: float | None = None,
              watermark: bool = True) -> bytes:
    """The chart as a PNG to print `printed.width_pt` wide at `printed.dpi`."""
    figure, height = paper_figure(chart, printed, titled=titled, max_height_pt=max_height_pt, watermark=watermark)
    return chart_images.png(figure, width=printed.css_width, height=height, scale=printed.scale)


def document_png(chart: Chart) -> bytes:
    """The default chart download: titled, for a 16 cm column of an A4 document at 300 dpi."""
    return paper_png(chart, paper.DOCUMENT)


def file_name(item: Chart | Table, extension: str, variant: str = "") -> str:
    """'<title>_<key>[_<variant>].<extension>', with only letters, digits and '_' from the title (safe on any disk)."""
    title = re.sub(r"[^\w가-힣]+", "_", item.title).strip("_")[:60]
    return f"{title}_{item.key}{'_' + variant if variant else ''}.{extension}"
