"""기록 가져오기 is locked: a viewer sees no upload or undo control, only how to get in."""
from streamlit.testing.v1 import AppTest

from conftest import open_app

PASSWORD = "시험용-비밀번호"


def open_page(password: str | None = None) -> AppTest:
    at = open_app("records_import")
    if password is not None:
        at.secrets["data_manager_password"] = password
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def controls(at: AppTest) -> list[str]:
    return [b.label for b in at.button] + [r.label for r in at.radio] + [s.label for s in at.selectbox]


def test_with_no_password_set_nobody_can_import_and_the_page_says_how_to_set_one():
    at = open_page()
    warning = at.warning[0].value
    assert "아직 비밀번호가 정해지지 않았습니다" in warning and ".streamlit/secrets.toml" in warning
    assert 'data_manager_password = "비밀번호"' in warning
    assert not at.get("file_uploader") and "가져올 기록" not in controls(at)
    assert "이 가져오기 되돌리기" not in controls(at)


def test_a_viewer_sees_only_the_password_form():
    at = open_page(PASSWORD)
    assert [t.label for t in at.text_input] == ["자료 관리자 비밀번호"]
    assert not at.get("file_uploader") and not at.dataframe


def test_a_wrong_password_is_refused():
    at = open_page(PASSWORD)
    at.text_input[0].input("틀린 비밀번호")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["비밀번호가 맞지 않습니다."]
    assert not at.get("file_uploader")


def test_the_right_password_opens_the_upload_and_the_history():
    at = open_page(PASSWORD)
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert len(at.get("file_uploader")) == 1
    assert "가져올 기록" in controls(at) and "자료 관리 잠그기" in controls(at)
    assert any("아직 가져온 기록이 없습니다" in i.value for i in at.info)
