"""기록 가져오기 in a real browser, as a data manager uses it: the page is locked without the password;
with it, a register is uploaded, its columns mapped on screen, its problems previewed, the import
confirmed, its records counted on the complaints page as imported, and the import undone.

Runs its own dashboard on a copy of data/ (AUDIT_DATA), its own store and its own secrets file, so
the project's data/ is never touched.
"""
from __future__ import annotations

import shutil

import pytest

from audit_dashboard import build, paths
from browser_fixtures import running_dashboard
from browser_support import full_page_screenshot, wait_settled

PASSWORD = "시험-비밀번호-2025"
# A register with headers the importer has never seen (none is one of its known names).
REGISTER = ("Ticket,Logged,Via,Team,Stage,Requester\n"
            "T-1,2025-07-01 09:10,전화·방문,도로과,완료,홍길동\n"
            "T-2,2025-07-02 14:00,구청장에게 바란다,건축과,완료,김영희\n"
            "T-3,2025-08-05 10:00,응답소,청소행정과,보류,이철수\n"
            "T-4,2025-13-40 10:00,응답소,청소행정과,완료,박민수\n")


@pytest.fixture(scope="module")
def import_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import-app")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports", "mappings", "editions"))
    store = folder / "audit.duckdb"
    build.build(store, data_dir=data)
    secrets = folder / "secrets.toml"
    secrets.write_text(f'data_manager_password = "{PASSWORD}"\n', encoding="utf-8")
    with running_dashboard(folder, {"AUDIT_STORE": str(store), "AUDIT_DATA": str(data)},
                           ("--secrets.files", str(secrets))) as url:
        yield url, data


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def pick(page, field: str, option: str) -> None:
    """Choose an option of the selectbox on the row of `field` in the column mapping."""
    row = page.locator('[data-testid="stHorizontalBlock"]').filter(has=page.get_by_text(field, exact=True)).first
    choose(page, row.get_by_role("combobox").first, option)


def choose(page, box, option: str) -> None:
    """Open a selectbox and pick an option, as a person clicks."""
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):  # a rerun may redraw the box just as it opens: open it again
        box.click()
        try:
            choice.wait_for(timeout=5_000)
            break
        except Exception:
            page.keyboard.press("Escape")
            wait_settled(page)
    choice.click()
    wait_settled(page)


def test_without_the_password_nothing_but_the_lock_is_shown(import_app, page):
    url, _ = import_app
    page.goto(f"{url}/records_import")
    wait_settled(page)
    assert page.get_by_label("자료 관리자 비밀번호").count() == 1
    assert page.locator('input[type="file"]').count() == 0
    assert page.get_by_role("button", name="이 가져오기 되돌리기").count() == 0


def test_upload_map_preview_confirm_and_undo(import_app, page, tmp_path, screenshots):
    url, data = import_app
    register = tmp_path / "8월_민원대장.csv"
    register.write_bytes(REGISTER.encode("cp949"))
    page.goto(f"{url}/records_import")
    wait_settled(page)
    page.get_by_label("자료 관리자 비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="열기").click()
    wait_settled(page)

    page.locator('input[type="file"]').set_input_files(str(register))
    page.get_by_text("열 맞추기").wait_for(timeout=60_000)
    wait_settled(page)
    assert "CSV(CP949)" in main_text(page)
    # Nothing it knows: the manager says which column is which, seeing sample values.
    pick(page, "접수번호", "Ticket")
    pick(page, "접수일자", "Logged")
    pick(page, "접수 경로", "Via")
    pick(page, "처리부서", "Team")
    pick(page, "처리상태", "Stage")
    assert "2025-07-01 09:10" in main_text(page)  # sample values of the chosen column

    # '보류' is unknown: its row is rejected until it is answered; '2025-13-40' is no date.
    text = main_text(page)
    assert "알 수 없는 값 1개" in text
    assert "날짜로 읽을 수 없습니다" in text and "처리상태 값을 알 수 없습니다" in text
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("「보류」 1건")).first
    choose(page, box.get_by_role("combobox"), "처리중")
    metrics = page.locator('[data-testid="stMetric"]').all_inner_texts()
    assert any("더할 행" in m and "3행" in m for m in metrics), metrics
    assert any("거부된 행" in m and "1행" in m for m in metrics), metrics
    full_page_screenshot(page, screenshots / "records_import_preview.png")
    assert not list((data / "imports").rglob("*.parquet"))  # nothing written before confirming

    page.get_by_label("매핑 이름(저장하면 같은 머리글의 파일에 바로 씁니다)").fill("8월 시험 대장")
    page.get_by_text("이 매핑을 저장").click()
    page.get_by_role("button", name="민원 3건 가져오기").click()
    page.get_by_text("민원 3건을 가져왔습니다").wait_for(timeout=90_000)
    wait_settled(page)
    assert (data / "mappings" / "8월_시험_대장.json").is_file()
    assert len(list((data / "imports" / "complaints").glob("*.parquet"))) == 1

    page.goto(f"{url}/complaints?from=2025Q3&to=2025Q3")
    wait_settled(page)
    text = main_text(page)
    assert "3건" in text and "가져온 기록" in text
    for name in ("홍길동", "김영희", "이철수"):
        assert name not in text

    page.goto(f"{url}/records_import")
    wait_settled(page)
    page.get_by_label("자료 관리자 비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="열기").click()
    wait_settled(page)
    undo_box = page.locator('[data-testid="stSelectbox"]').filter(has_text="되돌릴 가져오기").get_by_role("combobox")
    assert "8월_민원대장.csv · " in (undo_box.input_value() or undo_box.inner_text())
    page.get_by_role("button", name="이 가져오기 되돌리기").click()
    page.get_by_text("아직 가져온 기록이 없습니다").wait_for(timeout=90_000)
    assert not list((data / "imports" / "complaints").glob("*.parquet"))


def unlock(page, url: str) -> None:
    page.goto(f"{url}/records_import")
    wait_settled(page)
    page.get_by_label("자료 관리자 비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="열기").click()
    wait_settled(page)


def choose_records(page, label: str) -> None:
    page.locator('[data-testid="stRadio"]').filter(has_text="가져올 기록").get_by_text(label, exact=True).click()
    wait_settled(page)


def test_a_real_findings_log_becomes_patrol_sessions_through_the_screen(import_app, page, screenshots):
    from import_support import real_file

    url, data = import_app
    path = real_file("kr_inspection_enforcement", "전북특별자치도 전주시_쓰레기 불법투기 단속 현황_20250214.csv")
    unlock(page, url)
    choose_records(page, "순찰")
    page.locator('input[type="file"]').first.set_input_files(str(path))
    page.get_by_text("열 맞추기").wait_for(timeout=60_000)
    wait_settled(page)
    # A findings log is one kind of patrol: the manager sets it for the whole file.
    assert "꼭 필요한 항목을 정해 주십시오: 순찰 종류" in main_text(page)
    pick(page, "순찰 종류", "(모든 행에 같은 값)")
    row = page.locator('[data-testid="stHorizontalBlock"]').filter(has=page.get_by_text("순찰 종류", exact=True)).first
    choose(page, row.get_by_role("combobox").nth(1), "상시순찰")
    page.get_by_text("미리 보기").first.wait_for(timeout=60_000)
    wait_settled(page)
    text = main_text(page)
    assert "동을 알 수 없는 행이 있습니다" in text
    full_page_screenshot(page, screenshots / "records_import_patrols.png")
    page.get_by_role("button", name="순찰 1,775회(적출 2,613건) 가져오기").click()
    page.get_by_text("순찰 1,775회(적출 2,613건)를 가져왔습니다").wait_for(timeout=120_000)
    wait_settled(page)
    assert len(list((data / "imports" / "patrols").glob("*.parquet"))) == 1
    page.goto(f"{url}/patrols?from=2024Q4&to=2024Q4")
    wait_settled(page)
    assert "가져온 기록" in main_text(page)
    unlock(page, url)
    page.get_by_role("button", name="이 가져오기 되돌리기").click()
    page.get_by_text("되돌렸습니다").wait_for(timeout=90_000)
    assert not list((data / "imports" / "patrols").glob("*.parquet"))


def test_a_real_budget_snapshot_for_one_department_through_the_screen(import_app, page, screenshots):
    from import_support import real_file

    url, data = import_app
    snapshot = real_file("kr_budget_execution", "지방재정365_세부사업별세출현황_무주군_2026_20260630.json")
    codes = real_file("kr_budget_execution", "dept_map.json")
    unlock(page, url)
    choose_records(page, "예산 집행")
    page.locator('input[type="file"]').first.set_input_files(str(snapshot))
    page.get_by_text("부서 고르기").wait_for(timeout=60_000)
    wait_settled(page)
    # The API gives department codes only: the manager brings the 군's code list once.
    page.get_by_text("부서 코드표(").click()
    page.locator('input[type="file"]').nth(1).set_input_files(str(codes))
    page.get_by_role("button", name="코드표 저장").click()
    page.get_by_text("부서 코드표(28개 등록").wait_for(timeout=60_000)
    wait_settled(page)
    assert (data / "budget_departments.csv").is_file()
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="가져올 부서").first
    box.get_by_role("combobox").click()
    page.keyboard.type("민원봉사")
    page.get_by_role("option").filter(has_text="민원봉사과").first.click()
    page.get_by_text("미리 보기").first.wait_for(timeout=60_000)
    wait_settled(page)
    metrics = page.locator('[data-testid="stMetric"]').all_inner_texts()
    assert any("더할 행" in m and "44행" in m for m in metrics), metrics
    assert any("가져오지 않는 행" in m and "1,668행" in m for m in metrics), metrics
    assert "2026. 6. 30. 예산현액(천원) 3,106,179" in main_text(page)
    full_page_screenshot(page, screenshots / "records_import_budget.png")
    page.get_by_role("button", name="집행 자료 44행(세부사업 44개, 기준일 1개) 가져오기").click()
    page.get_by_text("기준일 1개)을 가져왔습니다").wait_for(timeout=120_000)
    page.goto(f"{url}/budget?from=2026Q2&to=2026Q2")
    wait_settled(page)
    text = main_text(page)
    assert "가져온 집행 자료" in text and "2026. 6. 30." in text


def after(tab, selector: str) -> dict:
    """What CSS shows for an element: its own text's size, and the text put after it."""
    return tab.locator(selector).first.evaluate(
        "e => ({size: getComputedStyle(e).fontSize, after: getComputedStyle(e, '::after').content})")


def test_the_file_uploader_speaks_korean(import_app, page, screenshots):
    unlock(page, import_app[0])  # the uploader is behind the password
    zone = '[data-testid="stFileUploaderDropzone"]'
    button = after(page, f'{zone} [data-testid="stBaseButton-secondary"] p')
    hint = after(page, f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span')
    assert button == {"size": "0px", "after": '"파일 선택"'}  # 'Upload' is not shown
    assert hint == {"size": "0px", "after": '"파일 하나에 200MB까지 · CSV, XLSX"'}  # nor '200MB per file'
    page.locator(zone).screenshot(path=str(screenshots / "uploader.png"))
    # A file dragged over it: the overlay's 'Drag and drop a file here' in Korean too.
    dragged = page.evaluate_handle("() => { const d = new DataTransfer();"
                                   " d.items.add(new File(['a'], '대장.csv', {type: 'text/csv'})); return d; }")
    page.locator(zone).dispatch_event("dragenter", {"dataTransfer": dragged})
    overlay = f"{zone} > div:not([data-testid]) > span"
    page.locator(overlay).wait_for(timeout=10_000)
    assert after(page, overlay) == {"size": "0px", "after": '"여기에 파일을 놓으십시오"'}
    page.locator(zone).screenshot(path=str(screenshots / "uploader-dragging.png"))
