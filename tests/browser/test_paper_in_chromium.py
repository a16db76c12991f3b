"""What the council paper, the sample marks and the Korean copy look like in real headless Chromium.

Screenshots go to test-artifacts/screenshots/, the downloaded PDFs to test-artifacts/downloads/, and
every PDF page as an image to test-artifacts/pdf/ for review.
"""
from __future__ import annotations

import subprocess

import pytest

from audit_dashboard import labels
from browser_fixtures import ARTIFACTS
from browser_support import full_page_screenshot, wait_settled

QUERY = "from=2025Q1&to=2025Q3"
BADGE = '.stMarkdownBadge:has-text("샘플 데이터")'


def open_page(tab, url: str) -> None:
    tab.goto(url)
    wait_settled(tab)


def test_a_malformed_period_url_warns_with_the_text_as_written(app_url, page, screenshots):
    """`1~3분기 … Q1~Q4` is a pair of tildes: unescaped, Markdown strikes the text between through."""
    open_page(page, f"{app_url}/complaints?from=2025Q5&to=2025Q3")
    warning = page.locator('[data-testid="stAlertContentWarning"]').first
    full_page_screenshot(page, screenshots / "complaints-malformed-period.png")
    text = warning.inner_text()
    assert "주소의 기간을 읽을 수 없어 보고서 기간(2025년 1~3분기)으로 보여 줍니다" in text
    assert "'from=2025Q5' 값은 2025Q1처럼 연도와 분기(Q1~Q4)로 적어야 합니다" in text
    assert warning.locator("del, s").count() == 0 and "<del" not in warning.inner_html()


@pytest.mark.parametrize("path, sample", [("complaints", True), ("patrols", True), ("budget", True), ("", True),
                                          ("organisation", False), ("audits", False)])
def test_sample_data_is_marked_once_by_a_badge_in_the_header_and_one_banner(app_url, page, path, sample):
    open_page(page, f"{app_url}/{path}?{QUERY}")
    main = page.locator('[data-testid="stMain"]')
    badges = main.locator(BADGE)
    banners = main.locator('[data-testid="stAlert"]:has-text("샘플 기록입니다")')
    assert (badges.count(), banners.count()) == ((1, 1) if sample else (0, 0))
    if sample:  # the badge sits in the header, under the title
        assert page.locator(f".st-key-page_header_sample {BADGE}").count() == 1
    captions = " ".join(main.locator('[data-testid="stCaptionContainer"]').all_inner_texts())
    assert "(complaints)" not in captions and "(patrol_sessions)" not in captions


def after(tab, selector: str) -> dict:
    """What CSS shows for an element: its own text's size, and the text put after it."""
    return tab.locator(selector).first.evaluate(
        "e => ({size: getComputedStyle(e).fontSize, after: getComputedStyle(e, '::after').content})")


def download_pack(tab, folder):
    with tab.expect_download(timeout=180_000) as info:
        tab.get_by_role("button", name="의회 보고 자료(PDF)").first.click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def keep_pages(pdf, name: str) -> list:
    """Every page of `pdf` as a PNG in test-artifacts/pdf/, to be looked at."""
    folder = ARTIFACTS / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def test_the_pack_options_beside_the_button_give_a_landscape_pdf_with_the_appendix(app_url, page, downloads,
                                                                                  screenshots):
    open_page(page, f"{app_url}/?{QUERY}")
    portrait = download_pack(page, downloads)
    assert "595.276 x 841.89 pts (A4)" in pdf_info(portrait)
    assert keep_pages(portrait, "portrait")

    options = page.locator(".st-key-council_pack_options")
    options.get_by_role("radio", name="A4 가로").click()
    wait_settled(page)
    options.get_by_text("부록: 원문 불일치·예산 대사").click()
    wait_settled(page)
    options.screenshot(path=str(screenshots / "council-pack-options.png"))
    landscape = download_pack(page, downloads)
    assert landscape.name == "감사담당관_의회보고자료_2025Q1-2025Q3_가로.pdf"
    assert "841.89 x 595.276 pts (A4)" in pdf_info(landscape)
    text = subprocess.run(["pdftotext", str(landscape), "-"], check=True, capture_output=True, text=True).stdout
    assert "부록 · 보고서 원문의 불일치와 예산 대사" in text and "?from=" not in text
    assert keep_pages(landscape, "landscape")
    fonts = subprocess.run(["pdffonts", str(landscape)], check=True, capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])

    # The choice stays when the reader moves to another page by the menu, like the period.
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text="고충민원").click()
    page.wait_for_url("**/complaints*")
    wait_settled(page)
    assert page.locator(".st-key-council_pack_options").get_by_role("checkbox").is_checked()
    chosen = page.locator(".st-key-council_pack_options").get_by_role("radio", checked=True)
    assert chosen.inner_text().strip() == f"A4 {labels.PAPER_ORIENTATIONS['landscape']}"
