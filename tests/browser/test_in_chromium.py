"""Every page in real headless Chromium (Debian's), as staff see and capture it.

Screenshots of every page, normal and in the presentation view (its first slide; every slide in
test_slides_in_chromium.py), are saved to test-artifacts/screenshots/ for review; downloaded files to test-artifacts/downloads/.
"""
from __future__ import annotations

import io
import re
import struct
import subprocess

import pytest
from openpyxl import load_workbook

from audit_dashboard import council_pack, export, labels, paper
from audit_dashboard.navigation import PAGES

from browser_support import CONTENT_WIDTH, MENU, full_page_screenshot, material, wait_settled
from conftest import EDITION

QUERY = "from=2025Q1&to=2025Q3"
FOOTER = "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30."
IDS = [p.url_path for p in PAGES]

# Inputs a viewer could use; the presentation view keeps only its own way out, the slides' 이전/다음 (and tabs,
# which hold content).
VISIBLE_INPUTS = """() => Array.from(document.querySelectorAll('button, input, select, textarea, [role="slider"]'))
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 3 && r.height > 3; })  // not a11y-only
    .filter((e) => !e.closest('.st-key-present_leave') && !e.closest('.st-key-slide_head') && e.getAttribute('role') !== 'tab')
    .map((e) => e.outerHTML.slice(0, 300))"""

WEB_FONT = """() => ({
    faces: Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '') === 'NanumSquare')
                                     .map((f) => f.weight + ' ' + f.status),
    heading: getComputedStyle(document.querySelector('h1')).fontFamily,
})"""


def address(spec) -> str:
    """A page's own URL, as the menu links to it (Streamlit serves the default page at /)."""
    return "" if spec.default else spec.url_path


def open_page(tab, url: str) -> None:
    tab.goto(url)
    wait_settled(tab)
    # 'Page not found' and other notices come as a dialog over the page.
    assert tab.locator('[role="dialog"]').count() == 0, tab.locator('[role="dialog"]').first.inner_text()


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_every_page_opens_by_its_url_in_the_web_font_without_an_error_box(spec, app_url, page, screenshots):
    open_page(page, f"{app_url}/{address(spec)}?{QUERY}")
    full_page_screenshot(page, screenshots / f"{spec.url_path}.png")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator("h1").first.inner_text().strip() == spec.title
    font = page.evaluate(WEB_FONT)
    assert sorted(font["faces"]) == ["400 loaded", "700 loaded"]
    assert font["heading"].startswith("NanumSquare")
    assert not [e for e in page.console_errors if "OTS" in e or "font" in e.lower()]
    # Our Korean menu, not Streamlit's menu of file names; icons are Material icons (bundled icon font).
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    menu = page.evaluate(MENU)
    assert [m["label"] for m in menu] == [p.title for p in PAGES]
    assert [m["icon"] for m in menu] == [material(p.icon) for p in PAGES]
    # The current page is marked, as Streamlit marks it; every link keeps the period.
    current = [m["background"] for m in menu if m["label"] == spec.title]
    others = {m["background"] for m in menu if m["label"] != spec.title}
    assert len(current) == 1 and len(others) == 1 and current[0] not in others
    assert all(m["href"].endswith(f"?{QUERY}&grain=month&report={EDITION}") for m in menu)
    assert page.evaluate(CONTENT_WIDTH) > 1000  # the wide layout


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_the_presentation_view_hides_sidebar_and_widgets_and_states_period_and_as_of(spec, app_url, slide,
                                                                                   screenshots):
    open_page(slide, f"{app_url}/{address(spec)}?{QUERY}&view=present")
    full_page_screenshot(slide, screenshots / f"{spec.url_path}-present.png")
    assert not slide.locator('[data-testid="stSidebar"]').is_visible()
    assert not slide.locator('[data-testid="stHeader"]').is_visible()
    assert slide.evaluate(VISIBLE_INPUTS) == []
    assert slide.locator(".present-footer").inner_text().replace("\n", " ").startswith(FOOTER)
    assert slide.locator("h1").first.inner_text().strip() == spec.title
    # Light whatever the viewer's system asks for, and larger type.
    assert slide.evaluate("getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor") \
        == "rgb(255, 255, 255)"
    assert slide.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    assert slide.locator('[data-testid="stTable"] ol, [data-testid="stTable"] ul').count() == 0  # dates, '-': no lists
    assert slide.locator('[data-testid="stException"]').count() == 0


def test_the_sidebar_button_enters_the_presentation_view_and_its_button_leaves_it(app_url, page):
    open_page(page, f"{app_url}/{address(PAGES[1])}?from=2025Q2&to=2025Q3")
    page.get_by_role("button", name="발표 화면으로 보기").click()
    page.wait_for_url(re.compile(r"view=present"))
    wait_settled(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert "2025년 2~3분기" in page.locator(".present-footer").inner_text()
    page.get_by_role("button", name="발표 화면 끝내기").click()
    page.wait_for_url(lambda url: "view=present" not in url)
    wait_settled(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert "from=2025Q2" in page.url


def first_page_with(tab, app_url: str, selector: str):
    for spec in PAGES:
        open_page(tab, f"{app_url}/{address(spec)}?{QUERY}")
        if tab.locator(f"{selector} >> visible=true").count():
            return spec
    pytest.fail(f"no page has {selector}")


def download(tab, selector: str, folder):
    with tab.expect_download(timeout=180_000) as info:
        tab.locator(f"{selector} >> visible=true").first.click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_chart_downloads_as_a_png_for_a_16_cm_document_column_or_at_screen_size(app_url, page, downloads):
    first_page_with(page, app_url, '[class*="st-key-png_"] button')
    document = download(page, '[class*="st-key-png_"] button', downloads)
    width, height = png_size(document)
    assert width == paper.DOCUMENT.pixel_width == 1890 and height >= 600  # 16 cm at 300 dpi
    assert re.search(r"[가-힣]", document.name) and document.suffix == ".png"  # named by its Korean title
    screen = download(page, '[class*="st-key-screenpng_"] button', downloads)
    assert png_size(screen)[0] == 2 * export.PNG_WIDTH and screen.name.endswith("_화면.png")


def test_a_table_downloads_as_csv_for_korean_excel_and_as_xlsx(app_url, page, downloads):
    first_page_with(page, app_url, '[class*="st-key-csv_"] button')
    data = download(page, '[class*="st-key-csv_"] button', downloads).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "단위:" in text and "기간:" in text and "출처:" in text
    assert not re.search(r'(^|,)"?[=+\-@]', text, re.MULTILINE)
    sheet = load_workbook(io.BytesIO(download(page, '[class*="st-key-xlsx_"] button', downloads).read_bytes())).active
    assert "단위:" in sheet["A1"].value or "단위:" in sheet["A2"].value
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def pdf_text(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_the_council_pack_downloads_as_one_a4_portrait_pdf_of_every_page(app_url, page, downloads):
    open_page(page, f"{app_url}/{address(PAGES[0])}?{QUERY}")
    path = download(page, ".st-key-council_pack button", downloads)
    assert path.name == "감사담당관_의회보고자료_2025Q1-2025Q3.pdf"
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    pages = pdf_text(path)
    cover = pages[0]
    for text in ["영등포구 감사담당관", "2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.)", "자료 기준일 2025. 9. 30."]:
        assert text in cover
    assert not [text for text in pages if "?from=" in text or "http" in text]
    summary = next(text for text in pages[1:] if "핵심 지표 요약" in text)
    for figure in ["1,622건", "89%", "242,860천원", "1,602명"]:
        assert figure in summary
    for number, text in enumerate(pages[1:], start=2):
        assert re.search(rf"\b{number}\s*/\s*{len(pages)}\b", text)
        if f"[{labels.SAMPLE_BADGE}]" in text:  # a sample-derived table or chart is on this page
            assert text.count(labels.SAMPLE_BADGE) >= 2  # ... so the page header carries the mark too
    for title in [p.title for p in PAGES if p.title not in council_pack.TOOL_PAGES]:
        assert any(title in text for text in pages)


# The colour a status badge is drawn in, and the text around it: the director reads the colour first.
BADGE_COLOURS = """() => Array.from(document.querySelectorAll('span.stMarkdownBadge'))
    .map((e) => [Array.from(e.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim(),
                 getComputedStyle(e).color, getComputedStyle(e).backgroundColor])
    .filter(([word]) => ['달성', '주의', '미달'].includes(word))"""


def _hue(rgb: str) -> str:
    r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
    return "red" if r > g + 40 and r > b + 40 else "green" if g > r + 30 and g > b else "orange" if r > b + 60 else "other"


def test_the_overview_shows_each_kpi_status_in_its_colour(app_url, page, screenshots):
    open_page(page, f"{app_url}/?{QUERY}")
    found = page.evaluate(BADGE_COLOURS)
    assert [word for word, *_ in found] == ["미달", "달성", "달성"], found
    assert [_hue(colour) for _, colour, _ in found] == ["red", "green", "green"], found
    assert page.get_by_text("79.5%", exact=True).is_visible()
    assert page.locator("span.stMarkdownBadge", has_text="예시 목표").count() == 1
    page.screenshot(path=str(screenshots / "overview-status.png"))


# Every header cell of a table inside the page's content column, as the browser lays it out.
HEADERS_IN_VIEW = """(title) => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
    const heading = Array.from(document.querySelectorAll('[data-testid="stMarkdownContainer"] strong'))
        .find((s) => s.innerText.startsWith(title));
    const table = heading.closest('[data-testid="stElementContainer"]').nextElementSibling.querySelector('table');
    return Array.from(table.querySelectorAll('thead th')).map((th) => {
        const r = th.getBoundingClientRect();
        return {text: th.innerText.replace(/\\s+/g, ' ').trim(), inside: r.left >= main.left - 1 && r.right <= main.right + 1};
    });
}"""


def test_the_plans_budget_table_shows_all_its_columns_on_the_page(app_url, page):
    """Thirteen columns in a grid would hide the last ones to the right (증감률, the 2025 execution): the table is
    drawn whole, every column inside the content column, as the council paper prints it."""
    open_page(page, f"{app_url}/plans")
    headers = page.evaluate(HEADERS_IN_VIEW, "2026년 사업별 소요예산과 2025년 예산·집행")
    assert len(headers) == 13 and all(h["inside"] for h in headers), headers
    assert {"증감률", "2025 집행률(%)", "2025 사업명"} <= {h["text"] for h in headers}
    body = page.locator('[data-testid="stTable"]').first.inner_text()
    assert "+40,302" in body and "218,996" in body and "△660" in body  # the 계 row and Ⅲ-1, as the report has them


# Every cell of a static table: its text, whether it holds a Markdown list (a bare '-' drawn as a bullet) and,
# per word of its text, whether the word is drawn on one line (not broken mid-word when the cell wraps).
STATIC_CELLS = """() => Array.from(document.querySelectorAll('[data-testid="stTable"] td, [data-testid="stTable"] th')).map((cell) => {
    const words = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
            words.push({word: match[0], lines: lines.size});
        }
    }
    return {text: cell.innerText.trim(), list: !!cell.querySelector('li, ol, ul'), words};
})"""


def test_a_static_tables_cells_read_as_written_and_keep_korean_words_whole(app_url, page):
    """st.table reads cells as Markdown: the 계 row's empty 구분 and 담당 read '-', not a bullet; and the cells
    wrap between words ('감사팀', '보고서 위치'), never inside one ('감사 / 팀'), as the department writes."""
    open_page(page, f"{app_url}/plans")
    cells = page.evaluate(STATIC_CELLS)
    assert not [c["text"] for c in cells if c["list"]]
    assert [c["text"] for c in cells].count("-") >= 3  # the 계 row: 구분, 담당, 2025 사업명
    assert {"감사팀", "조사팀", "계속", "보고서 위치"} <= {c["text"].replace("\n", " ") for c in cells}
    broken = [w["word"] for c in cells for w in c["words"] if w["lines"] > 1 and not any(p in w["word"] for p in "·(,")]
    assert not broken, broken
