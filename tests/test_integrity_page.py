"""청렴·인권 shows the integrity measures (Ⅱ-6) and human-rights work (Ⅱ-2) as printed."""
from report_pages import FILTER_NOTICE, chart_titled, metrics, numbers, printed_lines, run, table_with, text_of


def test_1602_staff_signed_the_integrity_pledge_94_percent_of_staff():
    at = run("integrity.py")
    assert metrics(at)["직원 청렴서약서 서명"] == "1,602명"
    assert "직원의 **94%** 참여" in [m.value for m in at.markdown]


def test_the_integrity_measures_are_shown_as_printed():
    shown = metrics(run("integrity.py"))
    assert shown["청렴 상시 자가학습시스템 수료"] == "1,100명"
    assert shown["갑질 예방교육·청렴리더 결의대회"] == "67명"
    assert shown["청렴콘서트 참여"] == "287명"
    assert shown["청렴공한문 발송"] == "4,475건"
    assert shown["청렴골든벨 참여"] == "60명"


def test_the_quiz_is_a_remaining_plan_for_november_not_a_figure():
    at = run("integrity.py")
    assert not [label for label in metrics(at) if "퀴즈" in label]
    plans = table_with(at, "계획").set_index("계획")
    quiz = plans.loc["구민 대상 청렴공감퀴즈 이벤트: 11월"]
    assert (quiz["시기"], quiz["10월"], quiz["11월"], quiz["12월"]) == ("11월", "", "●", "")


def test_human_rights_education_by_audience_with_sessions_and_people():
    at = run("integrity.py")
    education = table_with(at, "교육 대상").set_index("교육 대상")
    assert education[["횟수", "참여 인원(명)"]].to_dict("index") == {
        "직원": {"횟수": "2회", "참여 인원(명)": "153"},
        "주민": {"횟수": "3회", "참여 인원(명)": "68"},
        "기관·시설": {"횟수": "6개소", "참여 인원(명)": "126"},
        "직원·주민": {"횟수": "4회", "참여 인원(명)": "70"},
    }
    spec = chart_titled(at, "인권교육 대상별 참여 인원")
    assert numbers(spec["data"][0]["y"]) == [153, 68, 126, 70]
    assert [a["text"] for a in spec["layout"]["annotations"][:4]] == ["2회", "3회", "6개소", "4회"]


def test_braille_cards_guardians_and_41_ordinance_reviews_with_9_recommendations():
    at = run("integrity.py")
    shown = metrics(at)
    assert shown["점자 명함 제작"] == "112명"
    assert shown["제7기 구민인권지킴이단 위촉"] == "22명"
    assert shown["자치법규 사전 인권영향평가"] == "41건 중 9건"
    assert "제·개정안 평가대상 41건 중 9건 개정권고" in text_of(at)


def test_the_page_says_period_and_source_and_ignores_the_period_filter():
    report_period = run("integrity.py")
    other = run("integrity.py", **{"from": "2024Q1", "to": "2024Q2"})
    assert FILTER_NOTICE in other.info[0].value
    assert metrics(other) == metrics(report_period)
    text = text_of(report_period)
    assert "2025년 주요업무 보고 Ⅱ-6 주요 추진실적 · 기간: 2025. 1. 1. ~ 2025. 9. 30." in text
    assert "2025년 주요업무 보고 Ⅱ-2 주요 추진실적 · 기간: 2025. 1. 1. ~ 2025. 9. 30." in text


def test_every_printed_line_of_projects_6_and_2_is_on_the_page(con):
    text = text_of(run("integrity.py"))
    for project_no in (6, 2):
        for line in printed_lines(con, 2025, project_no):
            assert line in text, line
