"""조직·인력 shows the teams and duties, 정원 against 현원 with 과부족 written the department's way, the vehicle."""
from report_pages import FILTER_NOTICE, chart_titled, metrics, numbers, run, table_with, text_of


def test_the_four_teams_are_shown_with_all_24_duties(con):
    from audit_dashboard import store
    from conftest import EDITION

    at = run("organisation.py")
    text = text_of(at)
    duties = store.run_query(con, "organisation_teams", edition=EDITION)
    assert list(dict.fromkeys(duties["team"])) == ["감사팀", "조사팀", "민원관리팀", "순찰팀"]
    assert len(duties) == 24
    for team in duties["team"].unique():
        assert f"{team}\n" in text
    for duty in duties["duty"]:
        assert f"- {duty}" in text, duty
    assert "조직: 4개팀(Ⅰ-1)" in text


def test_23_authorized_and_23_current_with_shortfalls_written_with_the_triangle():
    at = run("organisation.py")
    shown = metrics(at)
    assert shown["정원"] == "23명" and shown["현원"] == "23명"
    staffing = table_with(at, "일반직 7급").set_index("구분")
    assert staffing["계"].to_dict() == {"정원": "23", "현원": "23", "과부족": "-"}
    assert staffing.loc["과부족", ["일반직 7급", "일반직 8급", "일반직 9급"]].tolist() == ["3", "△1", "△2"]
    assert staffing.loc["현원", ["일반직 5급", "일반직 6급", "일반직 7급", "일반직 8급", "일반직 9급"]].tolist() == \
        ["1", "7", "10", "5", "-"]
    assert (staffing.loc[:, "관리운영직 6급":] == "-").all().all()
    assert "7급 3 · 8급 △1 · 9급 △2" in text_of(at)


def test_the_staffing_chart_compares_authorized_and_current_by_grade():
    spec = chart_titled(run("organisation.py"), "일반직 직급별 정원과 현원")
    series = {trace["name"]: numbers(trace["y"]) for trace in spec["data"]}
    assert spec["data"][0]["x"] == ["4급", "5급", "6급", "7급", "8급", "9급"]
    assert series == {"정원": [0, 1, 7, 7, 6, 2], "현원": [0, 1, 7, 10, 5, 0]}
    notes = [a["text"] for a in spec["layout"]["annotations"] if a["text"].startswith("과부족")]
    assert notes == ["과부족 3", "과부족 △1", "과부족 △2"]


def test_the_vehicle_is_the_2020_starex_patrol_car():
    vehicle = table_with(run("organisation.py"), "명칭").iloc[0].to_dict()
    assert vehicle == {"구분": "차량", "명칭": "스타렉스", "현황": "부서 공용 순찰차량", "비고": "2020년식"}


def test_the_page_says_its_date_and_source_and_ignores_the_period_filter():
    at = run("organisation.py", **{"from": "2025Q2", "to": "2025Q2"})
    assert FILTER_NOTICE in at.info[0].value
    text = text_of(at)
    for section in ("Ⅰ-1 조직", "Ⅰ-2 인력", "Ⅰ-3 주요시설 및 장비"):
        assert f"보고서 · 2025년 주요업무 보고 {section} · 기간: 2025. 9. 30. 기준" in text
