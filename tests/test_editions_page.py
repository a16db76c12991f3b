"""보고서 관리: the list of editions and the workbooks anyone may take; adding and removing editions is
locked with the data manager's password, as imports are."""
from streamlit.testing.v1 import AppTest

from conftest import EDITION, open_app, page_text

PASSWORD = "시험용-비밀번호"


def open_page(password: str | None = None, **query) -> AppTest:
    at = open_app("editions")
    if password is not None:
        at.secrets["data_manager_password"] = password
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def downloads(at) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_the_list_names_every_edition_and_where_it_lives():
    at = open_page()
    listing = at.dataframe[0].value
    assert listing["보고서"].tolist() == ["2025년 주요업무 보고"]
    assert listing.loc[0, "주소(report=)"] == EDITION
    assert listing.loc[0, "출처"] == "함께 배포(data/report, git): data/report"
    assert listing.loc[0, "실적 기간"] == "2025. 1. 1. ~ 2025. 9. 30." and listing.loc[0, "기준일"] == "2025. 9. 30."


def test_anyone_may_take_the_template_the_edition_and_a_draft_made_on_click():
    at = open_page()
    assert {"보고서 서식(XLSX)", "이 보고서를 통합문서로(XLSX)", "2025. 9. 30. 기준 초안(XLSX)"} <= set(downloads(at))
    assert all(b.proto.deferred_file_id or b.proto.ignore_rerun for b in at.get("download_button"))
    # The draft's date is the last day the records cover, and the page says what the records give for it.
    assert at.date_input(key="draft_as_of").value.isoformat() == "2025-09-30"
    text = page_text(at)
    assert "기록에서 채울 수치(실적 기간 2025. 1. 1. ~ 2025. 9. 30.)" in text.replace("\\", "").replace("**", "")
    assert "고충민원 접수 경로별 건수: 채움(샘플(생성 데이터), 기록이 있는 기간 2024. 1. 1. ~ 2025. 9. 30.)" in text.replace("\\", "")
    assert "단위사업·사업별 예산과 집행: 채움(2025. 9. 30. 기준 집행 자료)" in text.replace("\\", "")


def test_a_draft_date_the_records_do_not_reach_says_what_stays_empty():
    at = open_page()
    at.date_input(key="draft_as_of").set_value(__import__("datetime").date(2026, 9, 30)).run()
    assert not at.exception
    text = page_text(at).replace("\\", "")
    assert "고충민원 접수 경로별 건수: 비워 둠" in text and "2026. 9. 30. 기준 초안(XLSX)" in downloads(at)


def test_with_no_password_set_nobody_can_add_or_remove_an_edition():
    at = open_page()
    assert any("아직 비밀번호가 정해지지 않았습니다" in w.value for w in at.warning)
    assert not at.get("file_uploader")
    assert "이 보고서 빼기" not in [b.label for b in at.button]


def test_a_viewer_sees_only_the_password_form():
    at = open_page(PASSWORD)
    assert [t.label for t in at.text_input] == ["자료 관리자 비밀번호"]
    assert not at.get("file_uploader")


def test_the_right_password_opens_the_upload_and_removal():
    at = open_page(PASSWORD)
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert len(at.get("file_uploader")) == 1
    assert any("더한 보고서가 없습니다" in c.value for c in at.caption)
