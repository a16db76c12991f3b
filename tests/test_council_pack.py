"""The council pack: one A4-landscape PDF with a cover, the KPI summary and every page's tables and charts."""
from __future__ import annotations

import io
import re
import subprocess

import pandas as pd
import pytest
from PIL import Image

from audit_dashboard import charts, council_pack, council_pdf, labels, navigation
from audit_dashboard.content import Chart, Table
from audit_dashboard.navigation import PageSpec
from audit_dashboard.period import Period
from conftest import REPORT_PERIOD


def blank_png(chart: Chart) -> bytes:
    """Stands in for kaleido here (the browser tests draw real charts): a 2400 x 900 image."""
    out = io.BytesIO()
    Image.new("RGB", (2400, 900), "white").save(out, format="PNG")
    return out.getvalue()


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def pdf_info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def report_pack(tmp_path):
    pdf = council_pdf.render(council_pack.pack(REPORT_PERIOD), blank_png)
    return pdf, pdf_pages(pdf, tmp_path)


def test_the_cover_names_the_department_period_as_of_date_and_filters(report_pack):
    cover = report_pack[1][0]
    assert "영등포구 감사담당관" in cover
    assert "2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.)" in cover
    assert re.search(r"자료 기준일\s+2025\. 9\. 30\.", cover)
    assert re.search(r"필터: 분기\s+1분기~3분기", cover) and "?from=2025Q1&to=2025Q3" in cover
    assert "1. 종합 현황" in cover  # contents


def test_the_pack_is_a4_landscape_and_every_page_after_the_cover_is_numbered(report_pack, tmp_path):
    pdf, pages = report_pack
    info = pdf_info(pdf, tmp_path)
    assert "841.89 x 595.276 pts (A4)" in info
    assert f"Pages:           {len(pages)}" in info
    for number, text in enumerate(pages[1:], start=2):
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", text)
        assert "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30." in text


def test_the_kpi_summary_follows_the_cover_with_the_report_s_figures(report_pack):
    summary = report_pack[1][1]
    assert "1. 종합 현황" in summary and "<표 1> 핵심 지표 요약" in summary
    for figure in ["89%", "242,860천원", "271,988천원", "1,622건", "66,228", "1,281건", "10건", "1,602명"]:
        assert figure in summary, figure


def test_every_page_in_the_menu_with_council_items_has_a_section_in_menu_order(report_pack):
    titles = [page.title for page in navigation.PAGES if council_pack.council_view(page) is not None]
    cover = report_pack[1][0]
    positions = [cover.index(f"{n}. {title}") for n, title in enumerate(titles, start=1)]
    assert positions == sorted(positions)


def report_table() -> Table:
    frame = pd.DataFrame({"channel": ["구청장에게 바란다", "전화·방문", "응답소"], "received": [945, 344, 333]})
    return Table("channels", "접수 경로별 고충민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "2025년 주요업무 보고 Ⅱ-4", frame,
                 {"channel": "text", "received": "number"})


def sample_table(rows: int) -> Table:
    frame = pd.DataFrame({"department": [f"부서{n}" for n in range(rows)], "received": range(rows)})
    return Table("departments", "처리부서별 고충민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "고충민원 기록(complaints)",
                 frame, {"department": "text", "received": "number"}, "sample")


def channels_chart(origin: str = "report") -> Chart:
    figure = charts.bars(["구청장에게 바란다", "전화·방문", "응답소"], {"2025년": [945, 344, 333]})
    return Chart("channels_chart", "접수 경로별 고충민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "2025년 주요업무 보고 Ⅱ-4",
                 figure, origin)


def small_pack(*sections: council_pdf.Section, left_out=()) -> council_pdf.Pack:
    period = REPORT_PERIOD
    return council_pdf.Pack("영등포구 감사담당관", period.label, period.dates, "2025. 9. 30.",
                            council_pack.filters(period), list(sections), list(left_out))


def test_every_page_with_sample_figures_carries_the_mark_and_report_pages_do_not(tmp_path):
    pack = small_pack(council_pdf.Section("보고서 화면", [report_table(), channels_chart()]),
                      council_pdf.Section("기록 화면", [sample_table(60)]))
    pages = pdf_pages(council_pdf.render(pack, blank_png), tmp_path)
    report_pages = [p for p in pages[1:] if "보고서 화면" in p]
    sample_pages = [p for p in pages[1:] if "기록 화면" in p]
    assert report_pages and len(sample_pages) >= 2  # the long table runs over pages
    assert all(labels.SAMPLE_BADGE not in page for page in report_pages)
    assert all(labels.SAMPLE_BADGE in page for page in sample_pages)
    assert "부서59" in sample_pages[-1] and "처리부서" in sample_pages[-1]  # header row repeated
    assert "보고서 합계에 맞춰 생성한 샘플 기록" in pages[0]


def test_tables_and_charts_are_numbered_and_say_unit_source_and_period(tmp_path):
    pack = small_pack(council_pdf.Section("고충민원", [report_table(), channels_chart("sample"), report_table()]))
    body = " ".join(" ".join(pdf_pages(council_pdf.render(pack, blank_png), tmp_path)[1:]).split())
    assert "<표 1> 접수 경로별 고충민원 (단위: 건)" in body and "<표 2> 접수 경로별 고충민원" in body
    assert "[그림 1] 접수 경로별 고충민원 (단위: 건) · [샘플 데이터] 출처: 샘플(생성 데이터) · 2025년 주요업무 보고 Ⅱ-4 · " \
           "기간: 2025. 1. 1. ~ 2025. 9. 30." in body
    assert "출처: 보고서 · 2025년 주요업무 보고 Ⅱ-4 · 기간: 2025. 1. 1. ~ 2025. 9. 30." in body
    assert "구청장에게 바란다 945" in body


def test_a_page_without_council_items_is_left_out_and_named_on_the_cover(monkeypatch, tmp_path):
    extra = PageSpec("no_such_page.py", "가상 화면", ":material/help:", "no_such_page")
    monkeypatch.setattr(navigation, "PAGES", navigation.PAGES + [extra])
    assert "가상 화면" in council_pack.missing_pages()
    assert council_pack.registry()["가상 화면"] == "audit_dashboard.views.no_such_page"
    pack = council_pack.pack(Period.of_year(2025, 3, 3))
    assert "가상 화면" not in [section.title for section in pack.sections]
    cover = " ".join(pdf_pages(council_pdf.render(pack, blank_png), tmp_path)[0].split())
    assert "이 자료에 아직 들어 있지 않은 화면:" in cover and "가상 화면" in cover
    assert "2025년 3분기 (2025. 7. 1. ~ 2025. 9. 30.)" in cover


def test_tool_pages_are_not_part_of_the_pack():
    for tool in (labels.PAGE_IMPORT, labels.PAGE_EDITIONS):
        assert tool not in council_pack.registry()
        assert tool not in council_pack.missing_pages()


def test_the_registry_maps_each_page_to_its_views_module():
    assert council_pack.registry()[labels.PAGE_BUDGET] == "audit_dashboard.views.budget"
    assert council_pack.registry()[labels.PAGE_OVERVIEW] == "audit_dashboard.views.overview"
    assert council_pack.file_name(REPORT_PERIOD) == "감사담당관_의회보고자료_2025Q1-2025Q3.pdf"
