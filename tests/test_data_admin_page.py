"""자료 관리 as the data manager uses it: locked for everyone else; behind the password a backup to take,
a backup to restore (checked and previewed, changed only on confirmation) and the change log."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from audit_dashboard import changes, paths
from audit_dashboard.backup import archive
from audit_dashboard.importer import batches, pipeline
from conftest import open_app, page_text
from import_support import data_state, imported, store_state
from rendered import visible

PASSWORD = "시험용-비밀번호"
JULY = "접수번호,접수일자,등록채널\nW-1,2025-07-01,응답소\nW-2,2025-07-02,응답소\nW-3,2025-07-03,국민신문고\n"


@pytest.fixture
def machine(workspace, monkeypatch):
    """The workspace with one import of three July complaints; the app reads this data/ and store."""
    data, store_file = workspace
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    pipeline.commit(pipeline.prepare(JULY.encode(), "7월 대장.csv", "complaints", data_dir=data, store_file=store_file),
                    data_dir=data, store_file=store_file)
    return data, store_file


def shown(at: AppTest) -> str:
    return visible(page_text(at))


def unlocked(at: AppTest | None = None) -> AppTest:
    at = at or open_app("data_admin")
    at.secrets["data_manager_password"] = PASSWORD
    at.run()
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_viewer_sees_only_the_password_form(machine):
    at = open_app("data_admin")
    at.secrets["data_manager_password"] = PASSWORD
    at.run()
    assert [t.label for t in at.text_input] == ["자료 관리자 비밀번호"]
    assert not at.get("file_uploader") and not at.main.get("download_button") and not at.dataframe
    assert "7월 대장.csv" not in page_text(at)


def test_behind_the_password_the_backup_the_restore_and_the_log(machine):
    at = unlocked()
    assert [s.value for s in at.main.subheader] == ["백업 만들기", "백업에서 되살리기", "변경 기록"]
    text = shown(at)
    assert "이 컴퓨터의 부서 자료: 가져온 기록: 민원 1묶음 · 3행, 목표 1개 · 7행, 설정 1개 · 5행, 우리 해석 목록 1개 · 6행, 변경 기록 1줄" in text
    assert [b.label for b in at.main.get("download_button")] == ["백업 내려받기(ZIP)", "변경 기록 내려받기(CSV, 1줄)"]
    assert "0 2 * * * cd /srv/audit-dashboard" in at.code[0].value
    log = at.dataframe[0].value
    assert log[["한 일", "파일", "더한 행"]].values.tolist() == [["기록 가져오기", "7월 대장.csv", "3"]]
    # Never editable from the product: the log is a read-only table, and no control writes to it.
    assert not at.get("data_editor") and [t.label for t in at.text_input] == []


def test_an_uploaded_backup_is_previewed_then_restored_on_confirmation(machine):
    data, store_file = machine
    backup = archive.archive_bytes(data, store_file)
    before = store_state(store_file)
    wrong = batches.history(data, "complaints")[0]
    pipeline.undo(wrong.id, data_dir=data, store_file=store_file)  # the wrong undo the backup repairs
    undone = (data_state(data), store_state(store_file))

    at = unlocked()
    at.file_uploader[0].set_value(("어젯밤.zip", backup, "application/zip")).run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert "어젯밤.zip · 검사 통과(모든 검사합 일치)" in text
    assert "바뀌는 것 — 파일 더함 2 · 바꿈 0 · 뺌 0 · 같음" in text
    preview = at.table[0].value
    assert preview.loc["가져온 기록: 민원", "지금"] == "0묶음 · 0행"
    assert preview.loc["가져온 기록: 민원", "되살린 뒤"] == "1묶음 · 3행"
    assert (data_state(data), store_state(store_file)) == undone  # a preview changes nothing

    at.button(key="FormSubmitter:restore_confirm-되살리기").click().run()  # not yet confirmed
    assert "확인란을 고른 뒤 누르십시오" in at.warning[0].value
    assert (data_state(data), store_state(store_file)) == undone

    at.main.checkbox[0].check()
    at.button(key="FormSubmitter:restore_confirm-되살리기").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "어젯밤.zip에서 되살렸습니다(파일 더함 2 · 바꿈 0 · 뺌 0, 가져온 기록 더함 3행 · 뺌 0행)" in visible(at.success[0].value)
    assert store_state(store_file) == before and len(imported(store_file)) == 3
    log = at.dataframe[0].value
    assert log["한 일"].tolist() == ["백업에서 되살리기", "가져오기 되돌리기", "기록 가져오기"]
    assert log["누가"].tolist()[0] == "자료 관리자"
    assert changes.entries(data)[-1].who == "자료 관리자"


def test_a_damaged_upload_is_refused_in_korean_and_changes_nothing(machine):
    data, store_file = machine
    backup = bytearray(archive.archive_bytes(data, store_file))
    backup[len(backup) // 2] ^= 0x01
    before = (data_state(data), store_state(store_file), changes.log_file(data).read_bytes())
    at = unlocked()
    at.file_uploader[0].set_value(("어젯밤.zip", bytes(backup), "application/zip")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error[0].value.startswith("되살릴 수 없는 파일입니다. 아무것도 바꾸지 않았습니다.")
    assert "손상" in at.error[0].value
    assert not at.main.checkbox and not at.main.table
    assert (data_state(data), store_state(store_file), changes.log_file(data).read_bytes()) == before
