"""Importing a complaint register: real exports load, personal data is never stored, and a bad
file is refused with its file, row and column while the store stays exactly as it was."""
import shutil
from pathlib import Path

import pandas as pd
import pytest

from audit_dashboard import build, importer, paths, store
from audit_dashboard.errors import DataError
from conftest import stored

REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "kr_complaints_ex_voc_records"


def real_file(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.fail(f"실제 내보내기 파일이 없습니다: {path} (../shared/realdata가 저장소 옆에 있어야 합니다)")
    return path


@pytest.fixture
def workspace(tmp_path):
    """A copy of data/ and a store built from it, so imports never touch the project's own."""
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports"))
    store_file = tmp_path / "audit.duckdb"
    build.build(store_file, data_dir=data)
    return data, store_file


def complaints(store_file):
    con = store.connect_read_only(store_file)
    try:
        return con.execute("SELECT * FROM complaints").df()
    finally:
        con.close()


def test_a_real_register_of_647_complaints_imports_and_replaces_the_samples_of_its_kind(workspace):
    data, store_file = workspace
    path = real_file("민원처리현황.csv")
    result = importer.import_file(path.read_bytes(), path.name, data_dir=data, store_file=store_file)
    assert result.rows == 647
    assert (result.first_date.isoformat(), result.last_date.isoformat()) == ("2023-01-02", "2023-12-29")
    assert result.channels["안전신문고"] == 316 and result.channels["국민신문고"] == 136
    rows = complaints(store_file)
    grievances = rows[rows["complaint_kind"] == "고충민원"]
    assert len(grievances) == 647 and set(grievances["source"]) == {"import"}
    assert grievances["status"].eq("처리완료").all()
    # 응답소 현장민원 are still the samples: an import replaces only its own kind.
    assert set(rows.loc[rows["complaint_kind"] == "응답소 현장민원", "source"]) == {"sample"}
    # 복합민원: one number handled by two departments stays as two handling rows.
    assert grievances["record_key"].str.startswith("2023010257/").sum() == 2


def test_names_titles_and_free_text_are_never_stored(workspace):
    data, store_file = workspace
    path = real_file("민원처리현황.csv")
    result = importer.import_file(path.read_bytes(), path.name, data_dir=data, store_file=store_file)
    assert {"처리자성명", "제목", "본문 요약"} <= set(result.not_stored)
    staff = set(pd.read_csv(path, dtype=str, keep_default_na=False)["처리자성명"]) - {""}
    stored_text = "\n".join(complaints(store_file).astype(object).fillna("").astype(str).stack())
    batch_text = (data / "imports" / "complaints" / f"{result.batch}.parquet").read_bytes().decode("utf-8", "ignore")
    for name in staff:
        assert name not in stored_text and name not in batch_text


def test_a_cp949_file_with_dotted_dates_imports(workspace):
    data, store_file = workspace
    text = "민원번호,접수일자,접수경로,처리부서,처리상태,처리일자\nA-1,2025.07.01,전화·방문,도로과,완료,2025.07.03\nA-2,2025.07.02,응답소,건축과,처리중,\n"
    result = importer.import_file(text.encode("cp949"), "구청대장.csv", data_dir=data, store_file=store_file)
    rows = complaints(store_file).set_index("record_key")
    assert result.rows == 2
    assert rows.loc["A-1", "processing_days"] == 2 and rows.loc["A-2", "status"] == "처리중"


def test_an_xlsx_register_imports(workspace, tmp_path):
    data, store_file = workspace
    frame = pd.DataFrame({"접수번호": ["X1", "X2"], "접수일시": pd.to_datetime(["2025-08-01 09:10", "2025-08-02 14:00"]),
                          "등록채널": ["구청장에게 바란다", "응답소"], "처리(진행)부서": ["청소행정과", "도로과"]})
    xlsx = tmp_path / "대장.xlsx"
    frame.to_excel(xlsx, index=False)
    result = importer.import_file(xlsx.read_bytes(), xlsx.name, data_dir=data, store_file=store_file)
    assert result.rows == 2 and result.first_date.isoformat() == "2025-08-01"


def test_a_bad_date_names_file_row_and_column_and_changes_nothing(workspace):
    data, store_file = workspace
    before = stored(store_file)
    text = "접수번호,접수일자,등록채널\nB-1,2025-07-01,응답소\nB-2,2025-13-45,응답소\n"
    with pytest.raises(DataError) as caught:
        importer.import_file(text.encode("utf-8"), "잘못된대장.csv", data_dir=data, store_file=store_file)
    assert caught.value.korean() == (
        "잘못된대장.csv 3행 '접수일자' 열: 날짜를 읽을 수 없습니다: '2025-13-45' (예: 2025-09-30, 2025-09-30 9:48)"
    )
    assert stored(store_file) == before
    assert importer.existing_batches(data) == []


def test_a_file_without_the_needed_columns_says_which(workspace):
    data, store_file = workspace
    with pytest.raises(DataError, match="1행: 필요한 열을 찾지 못했습니다.*channel"):
        importer.import_file("접수일자,내용\n2025-01-01,x\n".encode(), "열없음.csv", data_dir=data, store_file=store_file)


def test_an_unknown_status_is_refused_with_the_known_values(workspace):
    data, store_file = workspace
    text = "접수일자,등록채널,처리상태\n2025-01-01,응답소,보류\n"
    with pytest.raises(DataError, match="2행 '처리상태' 열: 처리상태를 알 수 없습니다: '보류'"):
        importer.import_file(text.encode(), "상태.csv", data_dir=data, store_file=store_file)


def test_the_same_file_cannot_be_imported_twice(workspace):
    data, store_file = workspace
    text = "접수일자,등록채널\n2025-01-01,응답소\n".encode()
    importer.import_file(text, "한번.csv", data_dir=data, store_file=store_file)
    with pytest.raises(DataError, match="이미 가져온 파일입니다"):
        importer.import_file(text, "한번.csv", data_dir=data, store_file=store_file)


def test_overlapping_exports_are_refused_and_the_second_batch_is_not_kept(workspace):
    data, store_file = workspace
    importer.import_file("접수번호,접수일자,등록채널\nC-1,2025-01-01,응답소\n".encode(), "첫째.csv",
                         data_dir=data, store_file=store_file)
    before = stored(store_file)
    with pytest.raises(DataError, match="접수번호 1개가 두 번 이상"):
        importer.import_file("접수번호,접수일자,등록채널\nC-1,2025-01-01,응답소\nC-2,2025-01-02,응답소\n".encode(),
                             "둘째.csv", data_dir=data, store_file=store_file)
    assert stored(store_file) == before
    assert len(importer.existing_batches(data)) == 1


def test_removing_the_last_batch_brings_the_samples_back(workspace):
    data, store_file = workspace
    result = importer.import_file("접수일자,등록채널\n2025-01-01,응답소\n".encode(), "하나.csv",
                                  data_dir=data, store_file=store_file)
    importer.remove_batch(result.batch, data_dir=data, store_file=store_file)
    assert set(complaints(store_file)["source"]) == {"sample"}


def test_the_old_xls_format_gets_a_korean_instruction():
    path = real_file("민원처리현황.xls")
    with pytest.raises(DataError, match="XLSX로 저장해 주십시오"):
        importer.read_table(path.read_bytes(), path.name)


def test_the_command_line_reports_failure_in_korean(workspace, tmp_path, capsys, monkeypatch):
    data, store_file = workspace
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    bad = tmp_path / "나쁜.csv"
    bad.write_text("접수일자,등록채널\n어제,응답소\n", encoding="utf-8")
    assert importer.main([str(bad)]) == 1
    assert "저장된 기록은 그대로입니다" in capsys.readouterr().err
