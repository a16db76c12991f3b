"""기록 가져오기 page: says that samples are in use, and refuses a bad file in Korean."""
from conftest import page_text, run_page


def test_with_no_imports_the_page_says_all_records_are_samples():
    at = run_page("records_import.py")
    assert "아직 가져온 기록이 없습니다" in page_text(at)
    assert "샘플 기록(생성 데이터)" in page_text(at)


def test_the_page_explains_which_columns_are_never_stored():
    assert "개인정보와 자유 기술 열은 저장하지 않습니다" in page_text(run_page("records_import.py"))
