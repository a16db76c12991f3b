"""The importer's command line, as a data manager at a terminal uses it: exit 0 when imported or
previewed, 1 with a Korean message (never a traceback) when refused, and nothing written by --dry-run."""
import subprocess
import sys

import pytest

from audit_dashboard import paths
from audit_dashboard.importer import __main__ as cli
from audit_dashboard.importer import batches
from conftest import ROOT, stored
from import_support import data_state, real_file, store_state


@pytest.fixture
def here(workspace, monkeypatch):
    data, store_file = workspace
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    return data, store_file


def run(*args) -> subprocess.CompletedProcess:
    """The command exactly as the README gives it, in its own process."""
    return subprocess.run([sys.executable, "-m", "audit_dashboard.importer", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("content, message", [
    (b"", "빈 파일입니다"),
    (b"\x00\x01\x02binary" * 50, "표가 아닙니다"),
    ("접수일자,등록채널\n".encode(), "머리글 아래에 기록이 없습니다"),
])
def test_an_empty_or_unreadable_file_exits_1_with_a_korean_message_not_a_traceback(tmp_path, content, message):
    bad = tmp_path / "받은파일.csv"
    bad.write_bytes(content)
    result = run(bad)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "가져오지 못했습니다. 저장된 기록은 그대로입니다." in result.stderr
    assert f"받은파일.csv" in result.stderr and message in result.stderr


def test_a_missing_file_is_named(tmp_path):
    result = run(tmp_path / "없는파일.csv")
    assert result.returncode == 1 and "없는파일.csv: 파일을 읽을 수 없습니다" in result.stderr


def test_dry_run_prints_the_preview_and_writes_nothing(here, tmp_path, capsys):
    data, store_file = here
    before_store, before_data = stored(store_file), data_state(data)
    register = tmp_path / "대장.csv"
    register.write_text("접수일자,등록채널,처리상태\n2025-07-01,응답소,완료\n2025-07-02,응답소,보류\n", encoding="utf-8")
    assert cli.main([str(register), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "더할 행 1행 · 이미 저장됨 0행 · 거부 1행" in out
    assert "거부 1행 [처리상태] 처리상태 값을 알 수 없습니다" in out
    assert "아무것도 쓰지 않았습니다" in out
    assert stored(store_file) == before_store and data_state(data) == before_data


def test_columns_values_and_answers_on_the_command_line_then_a_saved_mapping_by_name(here, tmp_path, capsys):
    data, store_file = here
    qna = tmp_path / "질의응답.csv"
    qna.write_text("번호,제목,질문날짜,답변날짜,답변부서,상태\n1,가로등,2025-08-01,2025-08-03,도로과,Answered\n"
                   "2,투기,2025-08-02,,청소행정과,Waiting\n", encoding="utf-8")
    assert cli.main([str(qna), "--value", "접수 경로=응답소", "--column", "처리부서=답변부서",
                     "--column", "처리상태=상태", "--map-value", "처리상태:Answered=처리완료",
                     "--map-value", "처리상태:Waiting=처리중", "--save-mapping", "질의응답 대장", "--dry-run"]) == 0
    assert "매핑 「질의응답 대장」을 저장했습니다" in capsys.readouterr().out
    assert cli.main([str(qna), "--mapping", "질의응답 대장"]) == 0
    out = capsys.readouterr().out
    assert "2행을 가져왔습니다" in out
    [batch] = batches.history(data)
    assert batch.mapping == "질의응답 대장" and batch.rows_added == 2


def test_undo_by_batch_and_history(here, tmp_path, capsys):
    data, store_file = here
    before = store_state(store_file)
    register = tmp_path / "대장.csv"
    register.write_text("접수번호,접수일자,등록채널\nA,2025-07-01,응답소\n", encoding="utf-8")
    assert cli.main([str(register)]) == 0
    [batch] = batches.history(data)
    assert cli.main(["--history"]) == 0
    assert batch.id in capsys.readouterr().out
    assert cli.main(["--undo", batch.id]) == 0
    assert store_state(store_file) == before
    assert cli.main(["--undo", batch.id]) == 1
    assert "그런 가져오기 묶음이 없습니다" in capsys.readouterr().err


def test_a_required_field_without_a_column_says_how_to_give_one(here, tmp_path, capsys):
    register = tmp_path / "경로없음.csv"
    register.write_text("접수일자,내용\n2025-07-01,민원\n", encoding="utf-8")
    assert cli.main([str(register)]) == 1
    err = capsys.readouterr().err
    assert "경로없음.csv: 꼭 필요한 항목을 정하지 않았습니다: 접수 경로." in err


def test_the_real_register_imports_from_the_command_line(here, capsys):
    data, store_file = here
    path = real_file("kr_complaints_ex_voc_records", "민원처리현황.csv")
    assert cli.main([str(path)]) == 0
    assert "647행을 가져왔습니다" in capsys.readouterr().out
    assert cli.main([str(path)]) == 0  # again: nothing new
    assert "새로 더할 행이 없어 아무것도 쓰지 않았습니다" in capsys.readouterr().out
