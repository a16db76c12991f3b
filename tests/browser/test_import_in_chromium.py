"""기록 가져오기 in a real browser: a person uploads a register, sees it counted on the complaints
page as imported records, gets a Korean file/row/column message for a bad file, and takes it out again.

Runs its own dashboard on a copy of data/ (AUDIT_DATA) and its own store, so the project's
data/imports is never touched.
"""
from __future__ import annotations

import shutil

import pytest

from audit_dashboard import build, paths
from browser_fixtures import running_dashboard
from browser_support import wait_settled

REGISTER = ("민원번호,접수일자,접수경로,처리부서,처리상태,처리일자,민원인성명\n"
            "T-1,2025.07.01,전화·방문,도로과,완료,2025.07.03,홍길동\n"
            "T-2,2025.07.02,구청장에게 바란다,건축과,완료,2025.07.10,김영희\n"
            "T-3,2025.08.05,응답소,청소행정과,처리중,,이철수\n")


@pytest.fixture(scope="module")
def import_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import-app")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports"))
    store = folder / "audit.duckdb"
    build.build(store, data_dir=data)
    with running_dashboard(folder, {"AUDIT_STORE": str(store), "AUDIT_DATA": str(data)}) as url:
        yield url, data


def upload(page, url: str, path) -> str:
    page.goto(f"{url}/records_import")
    wait_settled(page)
    page.locator('input[type="file"]').set_input_files(str(path))
    page.wait_for_timeout(800)
    page.get_by_role("button", name="가져오기").click()
    alert = page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stAlertContentError"]')
    alert.first.wait_for(timeout=90_000)
    wait_settled(page)
    return alert.first.inner_text()


def test_a_register_is_imported_shown_as_imported_records_and_taken_out_again(import_app, page, tmp_path):
    url, data = import_app
    register = tmp_path / "7월_고충민원대장.csv"
    register.write_bytes(REGISTER.encode("cp949"))

    message = upload(page, url, register)
    assert "3건을 가져왔습니다" in message and "민원인성명" in message  # the name column is named as not stored

    page.goto(f"{url}/complaints?from=2025Q3&to=2025Q3")
    wait_settled(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "3건" in text and "가져온 기록" in text
    assert "홍길동" not in text
    assert "샘플 데이터" not in page.locator('[data-testid="stMetric"]').first.inner_text()

    page.goto(f"{url}/records_import")
    wait_settled(page)
    page.get_by_role("button", name="이 묶음 빼기").click()
    page.get_by_text("아직 가져온 기록이 없습니다").wait_for(timeout=90_000)
    assert not list((data / "imports" / "complaints").glob("*.parquet"))


def test_a_bad_register_gets_a_korean_message_naming_file_row_and_column(import_app, page, tmp_path):
    url, data = import_app
    bad = tmp_path / "잘못된대장.csv"
    bad.write_text("접수일자,등록채널\n2025-07-01,응답소\n2025-07-32,응답소\n", encoding="utf-8")
    message = upload(page, url, bad)
    assert "가져오지 못했습니다. 저장된 기록은 그대로입니다." in message
    assert "잘못된대장.csv 3행 '접수일자' 열" in message
    assert not list((data / "imports").rglob("*.parquet"))
