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
    page.get_by_role("button", name="3행 가져오기").click()
    page.get_by_text("3행을 가져왔습니다").wait_for(timeout=90_000)
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
