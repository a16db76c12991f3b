"""The council pack: an A4 PDF (portrait unless asked otherwise) with a cover, the KPI summary and every
page's tables and charts, on the shipped data.

The charts go through the real path (views -> export.paper_png -> chart_images.png) with the last
step replaced by a blank image of the size asked for, so the layout is the real one and every figure
handed to the renderer can be inspected; tests/test_export.py and tests/browser draw real images.
"""
from __future__ import annotations

import io
import re
import subprocess

import pandas as pd
import pytest
from PIL import Image

from audit_dashboard import chart_images, charts, council_pack, council_pdf, labels, navigation, paper
from audit_dashboard.content import Chart, Table
from audit_dashboard.navigation import PageSpec
from audit_dashboard.period import Period
from conftest import REPORT_PERIOD

A4_PORTRAIT, A4_LANDSCAPE = "595.276 x 841.89 pts (A4)", "841.89 x 595.276 pts (A4)"
FOOTER = "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30."


class Renderer:
    """Stands in for kaleido: records each figure and its size, returns a white PNG of that size."""

    def __init__(self):
        self.drawn: list[dict] = []

    def __call__(self, figure, *, width, height, scale):
        self.drawn.append(dict(figure=figure, width=width, height=height, scale=scale))
        out = io.BytesIO()
        Image.new("RGB", (round(width * scale), round(height * scale)), "white").save(out, format="PNG")
        return out.getvalue()


@pytest.fixture
def renderer(monkeypatch) -> Renderer:
    stand_in = Renderer()
    monkeypatch.setattr(chart_images, "png", stand_in)
    return stand_in


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def flat(page: str) -> str:
    return " ".join(page.split())


def watermarked(pdf: bytes, tmp_path) -> list[bool]:
    """Per page: whether the watermark is drawn on it (it runs diagonally, so it is read letter by letter)."""
    path = tmp_path / "raw.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True).stdout
    mark = "".join(labels.SAMPLE_WATERMARK.split())
    return [mark in "".join(page.split()) for page in text.split("\f")[:-1]]


def pdf_tool(tool: str, pdf: bytes, tmp_path) -> str:
    path = tmp_path / f"{tool}.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, str(path)], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def report_pack(renderer, tmp_path):
    pdf = council_pack.pdf_bytes(REPORT_PERIOD)
    return pdf, pdf_pages(pdf, tmp_path)


def test_the_cover_names_the_department_period_as_of_date_and_filters(report_pack):
    cover = report_pack[1][0]
    assert "영등포구 감사담당관" in cover
    assert "2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.)" in cover
    assert re.search(r"자료 기준일\s+2025\. 9\. 30\.", cover)
    assert re.search(r"필터: 분기\s+1분기~3분기", cover)
    assert "1. 종합 현황" in cover and "8. 다음 해 계획" in cover  # contents


def test_the_pack_is_a4_portrait_by_default_and_every_page_after_the_cover_is_numbered(report_pack, tmp_path):
    pdf, pages = report_pack
    info = pdf_tool("pdfinfo", pdf, tmp_path)
    assert A4_PORTRAIT in info
    assert f"Pages:           {len(pages)}" in info
    for number, text in enumerate(pages[1:], start=2):
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", text)
        assert FOOTER in text


def test_landscape_is_an_option(renderer, tmp_path):
    pdf = council_pack.pdf_bytes(REPORT_PERIOD, orientation="landscape")
    assert A4_LANDSCAPE in pdf_tool("pdfinfo", pdf, tmp_path)
    assert council_pack.file_name(REPORT_PERIOD, "landscape") == "감사담당관_의회보고자료_2025Q1-2025Q3_가로.pdf"


def test_every_font_is_embedded(report_pack, tmp_path):
    fonts = pdf_tool("pdffonts", report_pack[0], tmp_path).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} is not embedded"
    assert not [line for line in fonts if "Helvetica" in line]


def test_no_address_or_file_path_is_printed_anywhere(renderer, tmp_path):
    for orientation in council_pack.ORIENTATIONS:
        text = "\n".join(pdf_pages(council_pack.pdf_bytes(REPORT_PERIOD, orientation=orientation, appendix=True),
                                   tmp_path))
        assert not re.search(r"https?:|www\.|\?from=|&to=|localhost", text)
        # A path has a slash between Latin names ('건/회' is a unit); a file has its extension.
        assert not re.search(r"[A-Za-z_.-]+/[A-Za-z_.-]+|\.(csv|py|sql|duckdb|xlsx|png)\b", text), \
            re.findall(r"\S*[/.][A-Za-z]+\S*", text)


def test_the_kpi_summary_opens_the_pack_with_the_report_s_figures_and_no_placeholder_targets(report_pack):
    pages = report_pack[1]
    summary = flat(pages[1])
    assert "1. 종합 현황" in summary and "<표 1> 핵심 지표 요약(2025년 1~3분기)" in summary
    for figure in ["89%", "242,860천원", "271,988천원", "1,622건", "66,228", "1,281건", "10건", "1,602명"]:
        assert figure in summary, figure
    assert "목표 80% 달성" in summary  # the target, without who set it
    everything = " ".join(flat(page) for page in pages)
    assert "예시값" not in everything and "바꾸어 쓰십시오" not in everything
    assert everything.count("예시 목표") == 1 and "예시 목표" in flat(pages[0])  # said once, on the cover
    assert "(단위: 지표별 표기)" not in everything and "(단위: -)" not in everything


def test_the_report_s_own_discrepancies_are_in_an_appendix_that_is_off_by_default(report_pack, renderer, tmp_path):
    without = " ".join(flat(page) for page in report_pack[1])
    assert "보고서 원문이 서로 맞지 않는 곳" not in without and "부록" not in without
    assert "단위사업별 예산과 사업별 예산의 맞춤" not in without

    pages = pdf_pages(council_pack.pdf_bytes(REPORT_PERIOD, appendix=True), tmp_path)
    start = next(i for i, page in enumerate(pages) if i and council_pack.APPENDIX_TITLE in flat(page))
    assert start > next(i for i, page in enumerate(pages) if i and "8. 다음 해 계획" in flat(page))  # at the end
    appendix = " ".join(flat(page) for page in pages[start:])
    assert "보고서 원문이 서로 맞지 않는 곳(단위사업별 예산과 사업별 예산)" in appendix
    assert "단위사업별 예산과 사업별 예산의 맞춤" in appendix and "1,780" in appendix
    assert council_pack.APPENDIX_TITLE in flat(pages[0])  # in the contents


def test_every_chart_is_drawn_untitled_for_its_printed_width_with_text_of_at_least_9_pt(report_pack, renderer):
    charts_in_pack = [item for section in council_pack.sections(REPORT_PERIOD) for item in section.items
                      if isinstance(item, Chart)]
    assert len(renderer.drawn) == len(charts_in_pack) >= 15
    layout = council_pdf.Layout()
    for drawn in renderer.drawn:
        figure = drawn["figure"]
        assert not figure.layout.title.text  # the pack prints the title once, as text above the image
        assert drawn["width"] == paper.Printed(layout.frame_width, council_pdf.PDF_DPI).css_width
        printed_pt_per_px = layout.frame_width / drawn["width"]
        assert charts.smallest_text_px(figure) * printed_pt_per_px >= paper.MIN_PT
        assert not [a for a in figure.layout.annotations if a.text == labels.SAMPLE_WATERMARK]  # the page has it


def test_each_title_is_printed_once_as_text(report_pack):
    body = " ".join(flat(page) for page in report_pack[1][1:])
    numbered = re.findall(r"\[그림 (\d+)\] ", body)
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]
    for item in (i for s in council_pack.sections(REPORT_PERIOD) for i in s.items if isinstance(i, Chart)):
        assert body.count(f"] {item.title}") == 1, item.title  # '[그림 n] title' (a table's heading is '<표 n>')


def test_two_charts_share_a_page_where_they_fit(report_pack, renderer, tmp_path):
    portrait = [flat(page) for page in report_pack[1]]
    assert any("[그림 1]" in page and "[그림 2]" in page for page in portrait)  # stacked
    landscape = [flat(page) for page in pdf_pages(council_pack.pdf_bytes(REPORT_PERIOD, orientation="landscape"),
                                                  tmp_path)]
    assert any("[그림 1]" in page and "[그림 2]" in page for page in landscape)  # side by side
    # Side by side, each is drawn for half the width.
    half = paper.Printed(council_pdf.Layout("landscape").half_width, council_pdf.PDF_DPI).css_width
    assert half in [drawn["width"] for drawn in renderer.drawn]


def test_pages_with_sample_figures_carry_the_badge_and_watermark_and_report_pages_do_not(report_pack, tmp_path):
    pages = [flat(page) for page in report_pack[1]]
    marks = watermarked(report_pack[0], tmp_path)
    complaints = [n for n, p in enumerate(pages) if "고충민원 기록 · 기간" in p]
    organisation = [n for n, p in enumerate(pages) if "Ⅰ-2 인력" in p]
    assert complaints and organisation
    for n in complaints:
        assert pages[n].count(labels.SAMPLE_BADGE) >= 2 and marks[n]  # header badge, source line, watermark
    for n in organisation:
        assert labels.SAMPLE_BADGE not in pages[n] and not marks[n]
    assert "보고서 합계에 맞춰 생성한 샘플 기록" in pages[0]
    assert "(complaints)" not in " ".join(pages) and "(patrol_sessions)" not in " ".join(pages)


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
    return Table("departments", "처리부서별 고충민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "고충민원 기록",
                 frame, {"department": "text", "received": "number"}, "sample")


def channels_chart(origin: str = "report") -> Chart:
    figure = charts.bars(["구청장에게 바란다", "전화·방문", "응답소"], {"2025년": [945, 344, 333]})
    return Chart("channels_chart", "접수 경로별 고충민원", "건", "2025. 1. 1. ~ 2025. 9. 30.", "2025년 주요업무 보고 Ⅱ-4",
                 figure, origin)


def blank(chart: Chart, printed: paper.Printed, max_height_pt: float) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (printed.pixel_width, printed.pixel_width // 2), "white").save(out, format="PNG")
    return out.getvalue()


def small_pack(*sections: council_pdf.Section, left_out=()) -> council_pdf.Pack:
    period = REPORT_PERIOD
    return council_pdf.Pack("영등포구 감사담당관", period.label, period.dates, "2025. 9. 30.",
                            council_pack.filters(period), list(sections), list(left_out))


def test_a_long_sample_table_is_marked_on_every_page_it_runs_over(tmp_path):
    pack = small_pack(council_pdf.Section("보고서 화면", [report_table(), channels_chart()]),
                      council_pdf.Section("기록 화면", [sample_table(90)]))
    pdf = council_pdf.render(pack, blank)
    pages, marks = [flat(p) for p in pdf_pages(pdf, tmp_path)], watermarked(pdf, tmp_path)
    report_pages = [n for n, p in enumerate(pages) if n and "보고서 화면" in p]
    sample_pages = [n for n, p in enumerate(pages) if n and "기록 화면" in p]
    assert report_pages and len(sample_pages) >= 2  # the long table runs over pages
    assert all(labels.SAMPLE_BADGE not in pages[n] and not marks[n] for n in report_pages)
    assert all(labels.SAMPLE_BADGE in pages[n] and marks[n] for n in sample_pages)
    assert "부서89" in pages[sample_pages[-1]] and "처리부서" in pages[sample_pages[-1]]  # header row repeated


def test_tables_and_charts_are_numbered_and_say_unit_source_and_period(tmp_path):
    pack = small_pack(council_pdf.Section("고충민원", [report_table(), channels_chart("sample"), report_table()]))
    body = " ".join(flat(p) for p in pdf_pages(council_pdf.render(pack, blank), tmp_path)[1:])
    assert "<표 1> 접수 경로별 고충민원 (단위: 건)" in body and "<표 2> 접수 경로별 고충민원" in body
    assert "[그림 1] 접수 경로별 고충민원 (단위: 건)" in body
    assert "[샘플 데이터] 출처: 샘플(생성 데이터) · 2025년 주요업무 보고 Ⅱ-4 · 기간: 2025. 1. 1. ~ 2025. 9. 30." in body
    assert "출처: 보고서 · 2025년 주요업무 보고 Ⅱ-4 · 기간: 2025. 1. 1. ~ 2025. 9. 30." in body
    assert "구청장에게 바란다 945" in body


def test_a_page_without_council_items_is_left_out_and_named_on_the_cover(monkeypatch, renderer, tmp_path):
    extra = PageSpec("no_such_page.py", "가상 화면", ":material/help:", "no_such_page")
    monkeypatch.setattr(navigation, "PAGES", navigation.PAGES + [extra])
    assert "가상 화면" in council_pack.missing_pages()
    assert council_pack.registry()["가상 화면"] == "audit_dashboard.views.no_such_page"
    pack = council_pack.pack(Period.of_year(2025, 3, 3))
    assert "가상 화면" not in [section.title for section in pack.sections]
    cover = flat(pdf_pages(council_pdf.render(pack, blank), tmp_path)[0])
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


def test_making_the_pack_needs_reportlab_only_when_it_is_made():
    """Another module may import council_pack and export cheaply: neither loads reportlab or openpyxl."""
    code = ("import sys; import audit_dashboard.council_pack, audit_dashboard.export; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'openpyxl', 'kaleido')))")
    out = subprocess.run([__import__("sys").executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1])).stdout
    assert out.strip() == "[]"


def test_every_character_the_pack_prints_has_a_glyph_in_the_shipped_font():
    """reportlab has no fallback font: a character NanumSquare lacks (the minus sign '−') would print as nothing."""
    from reportlab.pdfbase.ttfonts import TTFont

    from audit_dashboard import export, fonts, readings

    pack = council_pack.pack(REPORT_PERIOD, with_appendix=True)
    texts = [pack.department, pack.period_label, pack.period_dates, *pack.notes]
    for section in pack.all_sections:
        texts.append(section.heading)
        for item in section.items:
            texts += [item.title, fmt_unit(item.unit), export.source_line(item), item.period,
                      *readings.lines(item.readings)]
            if isinstance(item, Table):
                texts += export.headers(item) + [cell for row in export.display_rows(item) for cell in row]
    printed = {ch for text in texts for ch in council_pdf.printable(text) if not ch.isspace()}
    assert "−" not in printed and "-" in council_pdf.printable("현원 − 정원")
    for font in (fonts.REGULAR, fonts.BOLD):
        glyphs = TTFont(font.stem, str(font)).face.charToGlyph
        assert not sorted(ch for ch in printed if ord(ch) not in glyphs), font.name


def fmt_unit(unit: str) -> str:
    from audit_dashboard import fmt

    return fmt.unit_note(unit)


def test_the_contents_give_the_page_each_section_starts_on(renderer, tmp_path):
    pages = [flat(page) for page in pdf_pages(council_pack.pdf_bytes(REPORT_PERIOD, appendix=True), tmp_path)]
    headings = [section.heading for section in council_pack.pack(REPORT_PERIOD, with_appendix=True).all_sections]
    # twelve report pages in menu order (기간 비교, 보고서 비교, 보고서 대조, then the list of our readings), then the appendix
    assert len(headings) == 13 and headings[-5:-1] == ["9. 기간 비교", "10. 보고서 비교", "11. 보고서 대조", "12. 해석과 가정"]
    assert headings[-1] == council_pack.APPENDIX_TITLE
    for heading in headings:
        found = re.search(rf"{re.escape(heading)} (\d+)\b", pages[0])
        assert found, heading
        page = pages[int(found.group(1)) - 1]
        assert heading in page and page.index(heading) < 120, (heading, page[:120])  # it opens that page


def section(made: council_pdf.Pack, page_title: str) -> council_pdf.Section:
    return next(s for s in made.sections if s.title.split(" · ")[0] == page_title)


def test_a_pack_made_from_the_complaints_page_drilled_to_응답소_carries_the_333_and_says_so(renderer, tmp_path):
    made = council_pack.pack(REPORT_PERIOD, requested={"channel": "응답소"})
    complaints = section(made, "고충민원")
    assert complaints.title == "고충민원 · 접수 경로 응답소"
    channels = next(i for i in complaints.items if i.key == "complaints_channels_table")
    assert channels.frame["channel"].tolist() == ["응답소"]
    assert channels.frame["received"].sum() == 333  # the report's 응답소 figure for 2025년 1~3분기
    assert all("접수 경로 응답소" in item.title for item in complaints.items)  # no filtered figure passes as the whole
    assert not any(i.key == "complaints_report_check" for i in complaints.items)  # the report's totals are for all
    assert section(made, "현장순찰").title == "현장순찰"  # a channel is not a patrol filter
    pages = pdf_pages(council_pack.pdf_bytes(REPORT_PERIOD, requested={"channel": "응답소"}), tmp_path)
    assert re.search(r"필터: 접수 경로\s+응답소", pages[0])
    assert "고충민원 · 접수 경로 응답소" in flat(" ".join(pages))


def test_a_pack_drilled_to_a_patrol_kind_filters_the_patrol_figures_only(renderer):
    made = council_pack.pack(REPORT_PERIOD, requested={"patrol_kind": "기획순찰"})
    patrols = section(made, "현장순찰")
    assert patrols.title == "현장순찰 · 순찰 종류 기획순찰"
    kinds = next(i for i in patrols.items if i.key == "patrols_by_kind")
    assert set(kinds.frame["patrol_kind"]) <= {"기획순찰"}
    assert section(made, "고충민원").title == "고충민원"


def test_a_drill_down_value_the_records_do_not_hold_is_left_out_of_the_pack(renderer):
    made = council_pack.pack(REPORT_PERIOD, requested={"channel": "없는 경로"})
    assert section(made, "고충민원").title == "고충민원"
    assert not [name for name, _ in made.filters if name == "접수 경로"]
