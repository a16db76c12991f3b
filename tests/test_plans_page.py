"""다음 해 계획, for the shipped 2025 report, shows each 2026 project's budget against 2025, its months, its 2025
results, and the 2025 plans still to do."""
from rendered import visible
from report_pages import FILTER_NOTICE, chart_titled, numbers, printed_lines, run, table_with, text_of


def test_each_2026_plan_is_compared_with_the_2025_budget_it_follows():
    budget = table_with(run("plans.py"), "2026 소요예산(천원)").set_index("보고서 위치")
    assert budget["2026 소요예산(천원)"].to_dict() == {
        "Ⅲ-1": "60,308", "Ⅲ-2": "18,400", "Ⅲ-3": "3,680", "Ⅲ-4": "19,200", "Ⅲ-5": "14,462", "Ⅳ-1": "102,946",
        "계": "218,996"}
    # Like for like: 2026 plans are 구비 only, so 2025's 구비 is what they are set against. Ⅱ-5 printed
    # 구비 13,514 and 시비 2,270 (15,784 in all): 14,462 − 13,514 = +948, not 14,462 − 15,784 = △1,322.
    assert budget["증감(같은 재원, 천원)"].to_dict() == {
        "Ⅲ-1": "△660", "Ⅲ-2": "+4,000", "Ⅲ-3": "0", "Ⅲ-4": "0", "Ⅲ-5": "+948", "Ⅳ-1": "+36,014", "계": "+40,302"}
    assert budget["증감률"].tolist() == ["△1.1%", "+27.8%", "0.0%", "0.0%", "+7.0%", "+53.8%", "+22.6%"]
    assert budget.loc["Ⅲ-5", "2025 같은 재원 예산(천원)"] == "13,514"
    assert budget.loc["Ⅲ-5", "2025 그 밖의 재원(천원)"] == "2,270"
    assert budget.loc["Ⅲ-5", "2025 예산액(천원)"] == "15,784"
    assert budget.loc["계", ["사업명", "2025 예산액(천원)", "2025 같은 재원 예산(천원)"]].tolist() == ["6개 사업", "180,964", "178,694"]
    assert budget.loc["Ⅲ-1", "2025 집행률(%)"] == "90%"
    assert budget.loc["Ⅲ-4", "2025 사업명"] == "생활 속 주민불편 및 고충민원 관리"


def test_the_page_says_plainly_what_the_change_compares():
    text = text_of(run("plans.py"))
    assert "증감은 같은 재원끼리 비교합니다" in text and "Ⅲ-5 시비 2,270천원" in text


def test_the_2026_plans_in_total_against_2025_moved_here_from_the_budget_page():
    text = text_of(run("plans.py"))
    assert "2026년 6개 사업 소요예산 218,996천원" in text
    # 180,964 less Ⅱ-5's 시비 2,270: the same sources as the plans'.
    assert "같은 사업·같은 재원의 2025년 예산 178,694천원 대비 +40,302천원(+22.6%)" in text


def test_no_cell_of_the_total_row_is_left_empty_for_the_browser_to_write_none():
    from audit_dashboard.views import plans

    table = plans.budget_table()
    total = table.frame[table.frame["section"] == "계"][list(table.kinds)].iloc[0]
    assert not total.isna().any(), total[total.isna()].index.tolist()  # Streamlit draws an empty cell as 'None'


def test_only_the_anti_corruption_project_is_the_2026_new_priority():
    at = run("plans.py")
    budget = table_with(at, "2026 소요예산(천원)").set_index("보고서 위치")
    assert budget[budget["구분"] == "신규·중점"].index.tolist() == ["Ⅳ-1"]
    priority = [visible(e.label) for e in at.expander if "신규·중점" in e.label]
    assert priority == ["Ⅳ-1 · 신규·중점 청렴한 공직문화 조성 (감사팀) · 소요예산 102,946천원"]


def test_the_calendar_places_each_activity_in_its_months():
    spec = chart_titled(run("plans.py"), "2026년 추진일정")
    heatmap = spec["data"][0]
    assert heatmap["x"] == [f"{m}월" for m in range(1, 13)]
    rows = {label.replace("<br>", " "): [m + 1 for m, cell in enumerate(cells) if cell is not None]
            for label, cells in zip(heatmap["y"], numbers(heatmap["z"]))}
    assert rows["Ⅲ-1 연간 자체감사계획 수립 (2026. 1월 중)"] == [1]
    assert rows["Ⅲ-2 인권 감수성 향상 교육 실시 (5~11월)"] == [5, 6, 7, 8, 9, 10, 11]
    assert rows["Ⅲ-3 영등포구 공직자윤리위원회 운영 (연 2회(5월, 12월), 필요시 수시 개최)"] == [5, 12]
    assert rows["Ⅲ-4 고충민원 부서별 처리실태 분석 및 점검 실시 (분기별)"] == [3, 6, 9, 12]
    assert rows["Ⅳ-1 청렴 콘서트 개최 (9월)"] == [9]
    assert rows["Ⅳ-1 청렴 자가학습시스템 및 청렴 모니터링 운영 (상시)"] == list(range(1, 13))
    assert len(rows) == 17


def test_activities_without_a_month_are_listed_with_their_printed_timing():
    unscheduled = table_with(run("plans.py"), "시기(보고서 표기)")
    assert unscheduled[["보고서 위치", "추진 내용", "시기(보고서 표기)"]].values.tolist() == [
        ["Ⅲ-1", "적극행정 우수사례 및 우수공무원 포상 강화", "연 2회(상·하반기)"],
        ["Ⅲ-4", "다수인·집단·반복민원 해결을 위한 민원조정위원회 개최", "연 1회 이상"],
    ]


def test_the_22_remaining_2025_plans_are_listed_with_their_months():
    plans = table_with(run("plans.py"), "계획")
    assert len(plans) == 22
    rows = plans.set_index("계획")
    assert rows.loc["구민인권지킴이단 인권현장 모니터링 및 캠페인: 10~12월", ["10월", "11월", "12월"]].tolist() == ["●"] * 3
    assert rows.loc["기획순찰, 주민합동순찰: 매월(11월 한)", "시기"] == "매월(11월 한)"
    assert rows.loc["분기별 고충민원의 처리실태 분석 및 부서간 피드백 시행", "시기"] == "분기별"
    assert (plans["12월"] == "●").sum() == 10


def test_every_printed_line_of_the_2026_plans_and_the_2025_results_they_follow_is_on_the_page(con):
    text = text_of(run("plans.py"))
    for project_no in range(1, 7):
        for year in (2025, 2026):
            for line in printed_lines(con, year, project_no):
                assert line in text, (year, project_no, line)
    assert "소요예산 총 102,946천원(구비)" in text
    assert "예산액 15,784천원(시비 2,270, 구비 13,514) · 집행액 13,034천원(시비 2,270, 구비 10,764)" in text


def test_the_page_says_it_is_a_plan_and_ignores_the_period_filter():
    at = run("plans.py", **{"from": "2025Q3", "to": "2025Q4"})
    assert FILTER_NOTICE in at.info[0].value
    text = text_of(at)
    assert "기간: 2026년 계획(2026. 1. 1. ~ 2026. 12. 31.)" in text
    assert "기간: 2025. 9. 30. 기준 계획 · 남은 기간 2025. 10. 1. ~ 2025. 12. 31." in text
