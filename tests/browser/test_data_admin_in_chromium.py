"""자료 관리 in a real browser, as the data manager uses it the morning after a wrong undo: locked without
the password; with it, last night's backup is downloaded, uploaded again, its preview read, refused
until confirmed, then restored, and the change log shows the restore by the data manager.

Runs its own dashboard on a copy of data/ (AUDIT_DATA), its own store and its own secrets file.
"""
from __future__ import annotations

import shutil

import pytest

from audit_dashboard import build, changes, paths
from audit_dashboard.importer import batches, pipeline
from browser_fixtures import running_dashboard
from browser_support import full_page_screenshot, wait_settled
from conftest import LOCAL_DATA

PASSWORD = "시험-비밀번호-2025"
JULY = "접수번호,접수일자,등록채널\nW-1,2025-07-01,응답소\nW-2,2025-07-02,응답소\nW-3,2025-07-03,국민신문고\n"


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("admin-app")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=LOCAL_DATA)
    store = folder / "audit.duckdb"
    build.build(store, data_dir=data)
    pipeline.commit(pipeline.prepare(JULY.encode(), "7월 대장.csv", "complaints", data_dir=data, store_file=store),
                    data_dir=data, store_file=store)
    secrets = folder / "secrets.toml"
    secrets.write_text(f'data_manager_password = "{PASSWORD}"\n', encoding="utf-8")
    with running_dashboard(folder, {"AUDIT_STORE": str(store), "AUDIT_DATA": str(data)},
                           ("--secrets.files", str(secrets))) as url:
        yield url, data, store


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_download_then_restore_a_backup_after_a_wrong_undo(admin_app, page, tmp_path, screenshots):
    url, data, store = admin_app
    page.goto(f"{url}/data_admin")
    wait_settled(page)
    assert page.get_by_label("자료 관리자 비밀번호").count() == 1
    assert page.get_by_role("button", name="백업 내려받기(ZIP)").count() == 0
    full_page_screenshot(page, screenshots / "data_admin_locked.png")

    page.get_by_label("자료 관리자 비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="열기").click()
    wait_settled(page)
    text = main_text(page)
    assert "이 컴퓨터의 부서 자료: 가져온 기록: 민원 1묶음 · 3행" in text
    assert "변경 기록 내려받기(CSV, 1줄)" in text  # the log itself is a grid drawn on a canvas
    full_page_screenshot(page, screenshots / "data_admin_unlocked.png")

    with page.expect_download() as made:
        page.get_by_role("button", name="백업 내려받기(ZIP)").click()
    backup = tmp_path / made.value.suggested_filename
    made.value.save_as(backup)
    assert backup.name.startswith("감사대시보드_백업_") and backup.suffix == ".zip"

    wrong = batches.history(data, "complaints")[0]
    pipeline.undo(wrong.id, data_dir=data, store_file=store)  # the wrong undo, made elsewhere

    page.locator('input[type="file"]').set_input_files(str(backup))
    page.get_by_text("검사 통과(모든 검사합 일치)").wait_for(timeout=60_000)
    wait_settled(page)
    text = main_text(page)
    assert "바뀌는 것 — 파일 더함 2 · 바꿈 0 · 뺌 0" in text
    preview = page.locator('[data-testid="stTable"]').inner_text()
    assert "가져온 기록: 민원" in preview and "0묶음 · 0행" in preview and "1묶음 · 3행" in preview
    full_page_screenshot(page, screenshots / "data_admin_preview.png")
    assert not list((data / "imports" / "complaints").glob("*.parquet"))  # nothing changed by a preview

    page.get_by_role("button", name="되살리기").click()
    page.get_by_text("확인란을 고른 뒤 누르십시오").wait_for(timeout=30_000)
    assert not list((data / "imports" / "complaints").glob("*.parquet"))

    page.get_by_text("지금의 자료를 이 백업의 자료로 바꿉니다.").click()
    page.get_by_role("button", name="되살리기").click()
    page.get_by_text("에서 되살렸습니다").wait_for(timeout=120_000)
    wait_settled(page)
    assert "가져온 기록 더함 3행 · 뺌 0행" in main_text(page)
    assert "변경 기록 내려받기(CSV, 3줄)" in main_text(page)
    assert len(list((data / "imports" / "complaints").glob("*.parquet"))) == 1
    log = changes.entries(data)
    assert [c.action for c in log] == ["import", "undo", "restore"] and log[-1].who == "자료 관리자"
    full_page_screenshot(page, screenshots / "data_admin_restored.png")
