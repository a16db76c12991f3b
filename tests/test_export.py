"""Downloads staff put into council papers: CSV for Korean Excel, XLSX, chart PNGs."""
from __future__ import annotations

import csv
import io
import struct
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook

from audit_dashboard import chart_images, charts, export, fonts
from audit_dashboard.content import Chart, Table

REPORT = "2025년 주요업무 보고 Ⅰ-4, Ⅱ 예산현황"


def discrepancies(origin: str = "report") -> Table:
    """The report's own budget discrepancies (data/report/source_discrepancies.csv), with a hostile note."""
    frame = pd.DataFrame({
        "subject": ["비위예방 강화 및 공직 투명성 확보", "청렴하고 투명한 감사행정", "=HYPERLINK(\"http://x\")"],
        "measure": ["budget", "budget", "executed"],
        "expected": [1900, 129680, 242860],
        "actual": [3680, 127900, 242861],
        "difference": [-1780, 1780, -1],
        "note": ["사업 3 예산이 1,780천원 많음", "+1,780천원", "@SUM(A1)"],
    })
    return Table("overview_discrepancies", "보고서 원문이 서로 맞지 않는 곳", "천원", "2025. 9. 30. 기준", REPORT, frame,
                 {"subject": "text", "measure": "measure", "expected": "number", "actual": "number",
                  "difference": "signed", "note": "text"}, origin)


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_cell_that_would_start_a_formula_is_escaped():
    for text in ["=1+1", "+82-2", "-3", "@SUM(A1)", "\t=1"]:
        assert export.escape(text) == "'" + text
    for text in ["1,622", "△1,780", "구청장에게 바란다", "89%", ""]:
        assert export.escape(text) == text


def test_headers_carry_their_units():
    assert export.header("budget", "number", "천원") == "예산액(천원)"          # the label already says it
    assert export.header("complaints", "number", "건") == "건수(건)"            # the table's unit is added
    assert export.header("share", "percent", "건, %") == "비율(%)"
    assert export.header("closed_within_period_share", "percent", "건") == "기한 내 처리율(%)"
    assert export.header("complaints", "number", "건, %, 일") == "건수"          # several units: no guess
    assert export.header("first_received", "date", "건") == "첫 접수일"


def test_csv_opens_in_korean_excel_as_utf8_with_bom_and_crlf():
    data = export.csv_bytes(discrepancies())
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = csv_rows(data)
    assert rows[0] == ["보고서 원문이 서로 맞지 않는 곳 (단위: 천원)"]
    assert rows[1] == ["기간: 2025. 9. 30. 기준"]
    assert rows[2] == [f"출처: 보고서 · {REPORT}"]
    assert rows[4] == ["항목", "구분", "단위사업 기준(천원)", "사업별 기준(천원)", "차이(천원)", "설명"]
    assert rows[5] == ["비위예방 강화 및 공직 투명성 확보", "예산액", "1,900", "3,680", "△1,780", "사업 3 예산이 1,780천원 많음"]


def test_no_exported_cell_begins_a_formula():
    table = discrepancies()
    for row in csv_rows(export.csv_bytes(table)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(table))).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\")" in texts and "'@SUM(A1)" in texts and "'+1,780천원" in texts


def test_xlsx_keeps_numbers_as_numbers_written_the_department_s_way():
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(discrepancies()))).active
    assert [c.value for c in sheet[5]] == ["항목", "구분", "단위사업 기준(천원)", "사업별 기준(천원)", "차이(천원)", "설명"]
    expected, difference = sheet["C6"], sheet["E6"]
    assert expected.value == 1900 and expected.number_format == '#,##0;"△"#,##0;0'
    assert difference.value == -1780 and difference.number_format == '"+"#,##0;"△"#,##0;0'
    assert sheet["E7"].value == 1780
    assert sheet.freeze_panes == "A6"


def test_sample_tables_say_so_on_the_first_line_of_every_file():
    table = discrepancies(origin="sample")
    assert csv_rows(export.csv_bytes(table))[0] == ["※ 샘플 데이터 · 실제 기록 아님"]
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(table))).active
    assert sheet["A1"].value == "※ 샘플 데이터 · 실제 기록 아님" and sheet["A1"].font.color.rgb.endswith("C0392B")


def test_dates_are_written_2025_9_30_and_stay_dates_in_xlsx():
    frame = pd.DataFrame({"first_received": [pd.Timestamp("2025-09-30")], "complaints": [3]})
    table = Table("t", "반복민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "고충민원 기록", frame,
                  {"first_received": "date", "complaints": "number"}, "sample")
    assert csv_rows(export.csv_bytes(table))[-1] == ["2025. 9. 30.", "3"]
    cell = load_workbook(io.BytesIO(export.xlsx_bytes(table))).active["A7"]
    assert cell.is_date and cell.value.date().isoformat() == "2025-09-30"


def channels_chart(title: str = "접수 경로별 고충민원") -> Chart:
    figure = charts.bars(["구청장에게 바란다", "전화·방문", "응답소"], {"2025년": [945, 344, 333]}, horizontal=True)
    return Chart("complaints_channels", title, "건", "2025. 1. 1. ~ 2025. 9. 30.", "2025년 주요업무 보고 Ⅱ-4", figure)


def test_drawing_and_exporting_a_chart_adds_its_title_and_period_line_once():
    chart = channels_chart()
    first, second = export.finished_figure(chart), export.finished_figure(chart)
    assert first.layout.title.subtitle.text == second.layout.title.subtitle.text
    assert first.layout.title.subtitle.text.startswith("기간: 2025. 1. 1. ~ 2025. 9. 30. · ")
    assert len(first.layout.annotations) == len(second.layout.annotations)  # the watermark alone, once
    assert not chart.figure.layout.title.text  # the page's own figure is left as it was


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_kaleido_is_given_the_shipped_font_first():
    text = fonts.fontconfig_file().read_text(encoding="utf-8")
    assert f"<dir>{fonts.FONT_DIR}</dir>" in text
    assert text.index(str(fonts.FONT_DIR)) < text.index("/etc/fonts/fonts.conf")
    assert fonts.REGULAR.stat().st_size > 500_000 and fonts.BOLD.exists()
    assert charts.FONT_FAMILY.startswith(fonts.FAMILY)


def test_chart_png_is_twice_the_screen_size_and_draws_hangul():
    chart = channels_chart()
    data = export.png_bytes(chart)
    assert png_size(data) == (2 * export.PNG_WIDTH, 2 * export.PNG_HEIGHT)
    # Missing glyphs all draw as the same box: two different Korean titles would give the same image.
    other = export.png_bytes(channels_chart("민원 처리 현황표"))
    assert other != data


def test_file_names_are_the_title_and_key():
    assert export.file_name(channels_chart(), "png") == "접수_경로별_고충민원_complaints_channels.png"
    assert export.file_name(discrepancies(), "csv") == "보고서_원문이_서로_맞지_않는_곳_overview_discrepancies.csv"


def test_a_figure_with_its_own_height_keeps_it():
    chart = channels_chart()
    chart.figure = go.Figure(chart.figure).update_layout(height=300)
    assert png_size(export.png_bytes(chart, scale=1)) == (export.PNG_WIDTH, 300)


def test_without_chromium_a_png_fails_at_once_with_a_korean_message(monkeypatch):
    monkeypatch.setattr(chart_images, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setattr(chart_images, "_renderer", None)
    assert not chart_images.available()
    with pytest.raises(chart_images.ChartImageError, match="Chromium이 필요합니다"):
        export.png_bytes(channels_chart())
