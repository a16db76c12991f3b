"""보고서 관리 in a real browser, as the data manager adds the next report: the template and a draft are
downloaded, the page is locked without the password; with it, the filled 2026 workbook is uploaded, its
preview shows what differs from the 2025 report, it is added, every page follows it (the latest, by
default), 보고서 비교 shows the differences, and it is removed again.

Runs its own dashboard on a copy of data/ (AUDIT_DATA), its own store and secrets file, so the project's
data/ is never touched. Screenshots of every page with the 2026 report go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import io
import shutil

import pytest
from openpyxl import load_workbook

from audit_dashboard import build, paths, presentation
from audit_dashboard.navigation import PAGES
from browser_fixtures import running_dashboard
from browser_support import CHART_TEXT, COUNTER, SCROLLERS, UNDER_FOOTER, full_page_screenshot, wait_settled
from conftest import LOCAL_DATA
from edition_support import NEXT_ID, next_report_workbook

PASSWORD = "시험-비밀번호-2026"


@pytest.fixture(scope="module")
def editions_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions-app")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=LOCAL_DATA)
    store = folder / "audit.duckdb"
    build.build(store, data_dir=data)
    secrets = folder / "secrets.toml"
    secrets.write_text(f'data_manager_password = "{PASSWORD}"\n', encoding="utf-8")
    with running_dashboard(folder, {"AUDIT_STORE": str(store), "AUDIT_DATA": str(data)},
                           ("--secrets.files", str(secrets))) as url:
        yield url, data


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def unlock(page, url: str) -> None:
    page.goto(f"{url}/editions")
    wait_settled(page)
    page.get_by_label("자료 관리자 비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="열기").click()
    wait_settled(page)


def download(page, name: str, folder):
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=name).click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_the_template_and_a_draft_download_and_the_upload_is_locked(editions_app, page, downloads, screenshots):
    url, _ = editions_app
    page.goto(f"{url}/editions")
    wait_settled(page)
    assert page.locator('input[type="file"]').count() == 0  # locked
    template = load_workbook(download(page, "보고서 서식(XLSX)", downloads))
    assert template.sheetnames[:3] == ["작성 안내", "보고서 정보", "조직"]
    draft_file = download(page, "2025. 9. 30. 기준 초안(XLSX)", downloads)
    draft = load_workbook(draft_file)
    channels = {r[0]: r[1] for r in draft["고충민원 접수 경로"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert channels == {"구청장에게 바란다": 945, "전화·방문": 344, "응답소": 333}
    assert draft["기록에서 계산"].max_row == 70  # 69 cells computed from the records, and the header
    full_page_screenshot(page, screenshots / "editions.png")


def test_add_the_2026_report_see_it_everywhere_compare_and_remove_it(editions_app, page, tmp_path, screenshots):
    url, data = editions_app
    workbook = tmp_path / "보고서_2026.xlsx"
    workbook.write_bytes(next_report_workbook())
    unlock(page, url)
    page.locator('input[type="file"]').set_input_files(str(workbook))
    page.get_by_text("미리 보기").wait_for(timeout=120_000)
    wait_settled(page)
    text = main_text(page)
    assert "2026년 주요업무 보고" in text and "?report=2026-10-19" in text
    assert "직전 보고서와 비교: 2025년 주요업무 보고(제265회 구의회 임시회)" in text
    assert "1,622건" in text and "1,660건" in text  # 고충민원 접수, before and after
    full_page_screenshot(page, screenshots / "editions-preview.png")
    assert not (data / "editions").exists()  # nothing written before confirming

    page.get_by_role("button", name="이 보고서 더하기").click()
    page.get_by_text("더했습니다").wait_for(timeout=120_000)
    wait_settled(page)
    assert (data / "editions" / NEXT_ID / "report_meta.csv").is_file()

    # The latest report is the default on every page; each page is captured as the user sees it.
    for spec in PAGES:
        page.goto(f"{url}/{'' if spec.default else spec.url_path}")
        wait_settled(page)
        assert page.locator('[data-testid="stException"]').count() == 0, spec.url_path
        assert "report=2026-10-19" in page.url and "from=2026Q1" in page.url
        chosen = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="보고서").input_value()
        assert chosen == "2026년 주요업무 보고(제270회 구의회 임시회)", spec.url_path
        full_page_screenshot(page, screenshots / f"{spec.url_path}-2026.png")

    page.goto(f"{url}/report_compare?report={NEXT_ID}")
    wait_settled(page)
    text = main_text(page)
    assert "직전 보고서 · 1년 전 같은 기간의 보고서와 비교" in text
    assert "이 보고서: 2026년 주요업무 보고 · 제270회 구의회 임시회" in text
    assert "비교 보고서: 2025년 주요업무 보고 · 제265회 구의회 임시회" in text
    # The comparison as slides at 1920×1080: every slide fits, its chart text at least 24 px.
    page.set_viewport_size({"width": 1920, "height": 1080})
    number, count = 1, 1
    while number <= count:
        page.goto(f"{url}/report_compare?report={NEXT_ID}&view=present&slide={number}")
        page.locator(".present-footer").wait_for(timeout=90_000)
        wait_settled(page)
        page.screenshot(path=str(screenshots / f"report_compare-2026-slide-{number}.png"))
        count = page.evaluate(COUNTER)[1]
        assert page.evaluate(COUNTER)[0] == number
        assert page.evaluate(SCROLLERS) == [] and page.evaluate(UNDER_FOOTER) == 0, number
        assert all(size >= presentation.TEXT_PX for size, _ in page.evaluate(CHART_TEXT)), number
        number += 1
    assert count >= 3
    page.set_viewport_size({"width": 1400, "height": 900})

    unlock(page, url)
    page.get_by_role("button", name="이 보고서 빼기").click()
    page.get_by_text("뺐습니다").wait_for(timeout=120_000)
    wait_settled(page)
    assert not (data / "editions" / NEXT_ID).exists()
    page.goto(f"{url}/")
    wait_settled(page)
    assert "report=2025-10-17" in page.url
