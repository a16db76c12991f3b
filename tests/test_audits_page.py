"""감사·조사 shows every figure of Ⅱ-1 and Ⅱ-3 as printed, with period and source, whatever the filter."""
from report_pages import (FILTER_NOTICE, chart_titled, metrics, numbers, printed_lines, run, table_with,
                          text_of)
from rendered import visible


def test_the_page_shows_10_self_audits_476_daily_audits_736_contract_reviews_and_165_cost_reviews():
    shown = metrics(run("audits.py"))
    assert shown["자체감사 실시"] == "10건"
    assert shown["일상감사 시행"] == "476건"
    assert shown["계약심사 시행"] == "736건"
    assert shown["원가계산 제비율 심사"] == "165건"
    assert shown["구민감사관 현장점검"] == "33건"
    assert shown["상반기 적극행정 우수공무원 선정"] == "8명"


def test_self_audits_by_type_add_up_to_the_printed_10_with_subjects_and_status():
    at = run("audits.py")
    audits = table_with(at, "감사 종류")
    by_type = audits[audits["감사 종류"] != "계"].groupby("감사 종류", sort=False)["건수(건)"].apply(
        lambda cells: sum(int(c) for c in cells))
    assert by_type.to_dict() == {"재무감사": 1, "성과감사": 1, "특정감사": 3, "복무감사": 4, "종합감사": 1}
    assert audits.loc[audits["감사 종류"] == "계", "건수(건)"].tolist() == ["10"]
    ongoing = audits[audits["진행 상태"] == "진행 중"]["감사 대상"].tolist()
    assert ongoing == ["보건소 종합감사"]
    assert "재무감사 1건 · 성과감사 1건 · 특정감사 3건 · 복무감사 4건 · 종합감사 1건" in text_of(at)


def test_investigations_are_stacked_by_outcome_15_from_outside_and_15_inside():
    at = run("audits.py")
    spec = chart_titled(at, "공직비위 조사")
    assert spec["layout"]["barmode"] == "stack"
    by_outcome = {trace["name"]: numbers(trace["y"]) for trace in spec["data"]}
    assert list(by_outcome) == ["징계", "훈계 등", "종결", "진행"]
    assert spec["data"][0]["x"] == ["외부기관 통보사항 조사", "내부조사, 민원사항 조사"]
    assert by_outcome == {"징계": [3, 7], "훈계 등": [0, 3], "종결": [8, 2], "진행": [4, 3]}
    totals = [a["text"] for a in spec["layout"]["annotations"] if a["text"].startswith("계 ")]
    assert totals == ["계 15건", "계 15건"]
    table = table_with(at, "조사 구분").set_index("조사 구분")
    assert table.loc["외부기관 통보사항 조사"].tolist() == ["3건", "-", "8건", "4건", "15건"]
    assert table.loc["내부조사, 민원사항 조사"].tolist() == ["7건", "3건", "2건", "3건", "15건"]


def test_case_sharing_property_registration_and_ethics_committee_are_shown():
    at = run("audits.py")
    shown = metrics(at)
    assert shown["비위 사례 공유"] == "332건"
    assert "주요 언론보도 및 카드뉴스 새올게시판 공지 18회" in text_of(at)
    assert shown["재산등록 심사 완료"] == "392명"
    assert shown["재산등록 고지거부 심사"] == "69명"
    assert shown["공직자윤리위원회 회의 개최"] == "2회"


def test_every_figure_states_its_period_and_source_and_that_the_filter_does_not_apply():
    at = run("audits.py")
    assert FILTER_NOTICE in at.info[0].value
    lines = [visible(c.value) for c in at.caption if c.value.startswith("보고서 · ")]
    assert len(lines) >= 12
    for line in lines:
        assert "2025년 주요업무 보고 Ⅱ" in line
        assert "2025. 1. 1. ~ 2025. 9. 30." in line or "2025. 9. 30. 기준" in line


def test_another_period_in_the_url_shows_the_same_report_figures():
    report_period = metrics(run("audits.py"))
    fourth_quarter = run("audits.py", **{"from": "2025Q4", "to": "2025Q4"})
    assert metrics(fourth_quarter) == report_period
    assert FILTER_NOTICE in fourth_quarter.info[0].value


def test_every_printed_line_of_projects_1_and_3_is_on_the_page(con):
    text = text_of(run("audits.py"))
    for project_no in (1, 3):
        for line in printed_lines(con, 2025, project_no):
            assert line in text, line
    assert "예산액 60,968천원(구비) · 집행액 55,068천원(구비) · 집행률 90%" in text


def test_the_remaining_2025_audits_are_listed_with_their_months():
    plans = table_with(run("audits.py"), "계획")
    rows = plans.set_index("계획")
    assert rows.loc["└ 복무감사(1): 연말연시 대비 공직기강 확립 특별점검", "12월"] == "●"
    assert rows.loc["수시 변동신고자 대상 '25년도 하반기 재산등록 심사: 11월", "11월"] == "●"
    assert rows.loc["하반기 적극행정 우수공무원 선정 및 조례 개정", "시기"] == "하반기"
