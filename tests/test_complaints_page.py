"""고충민원 page: the report's figures by default, any quarter by URL or by the sidebar."""
from audit_dashboard.period import Quarter
from conftest import metrics, open_app, page_text, run_page
from rendered import visible


def choose(at, first: Quarter, last: Quarter):
    """Pick the start and end quarters in the sidebar, as a person does (start first)."""
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "시작 분기")).set_value(first).run()
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "끝 분기")).set_value(last).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_default_period_shows_1622_received_and_agrees_with_the_report():
    at = run_page("complaints.py")
    assert metrics(at)["접수"] == "1,622건"
    text = page_text(at)
    assert "2025년 1~3분기" in text and "2025. 1. 1. ~ 2025. 9. 30." in text
    assert "보고서와 일치" in page_text(run_page("complaints.py", tab="보고서와 비교"))
    assert "샘플 데이터" in text  # the sample badge is visible


def test_the_channel_table_shows_the_reports_split():
    at = run_page("complaints.py", tab="접수 경로")
    channel_table = next(t for t in at.dataframe if "접수 경로" in t.value.columns)
    counts = dict(zip(channel_table.value["접수 경로"], channel_table.value["접수(건)"]))
    assert counts == {"구청장에게 바란다": 945, "전화·방문": 344, "응답소": 333}


def test_a_url_with_one_quarter_shows_that_quarter_and_keeps_it_in_the_url():
    at = run_page("complaints.py", {"from": "2025Q2", "to": "2025Q2"})
    text = page_text(at)
    assert "2025년 2분기" in text and "2025. 4. 1. ~ 2025. 6. 30." in text
    assert "보고서와 일치" not in text  # no report figure for a single quarter
    assert at.query_params["from"] == "2025Q2" and at.query_params["to"] == "2025Q2"


def test_direct_url_and_sidebar_click_give_the_same_numbers():
    direct = metrics(run_page("complaints.py", {"from": "2025Q2", "to": "2025Q3"}))
    at = choose(run_page("complaints.py"), Quarter(2025, 2), Quarter(2025, 3))
    assert at.query_params["from"] == "2025Q2" and at.query_params["to"] == "2025Q3"
    assert metrics(at) == direct


def test_single_quarters_add_up_to_the_cumulative_figure_on_screen():
    total = 0
    for quarter in (1, 2, 3):
        value = metrics(run_page("complaints.py", {"from": f"2025Q{quarter}", "to": f"2025Q{quarter}"}))["접수"]
        total += int(value.replace(",", "").replace("건", ""))
    assert total == 1622


def test_a_malformed_url_warns_in_korean_and_falls_back_to_the_default():
    at = run_page("complaints.py", {"from": "2025Q9", "to": "2025Q3"})
    # The warning quotes the URL; as the reader sees it, its two '~' strike nothing through.
    warning = visible(next(w.value for w in at.warning if "주소의 기간" in w.value))
    assert "보고서 기간(2025년 1~3분기)으로 보여 줍니다" in warning and "(Q1~Q4)" in warning and "<del>" not in warning
    assert metrics(at)["접수"] == "1,622건"
    assert at.query_params["from"] == "2025Q1"


def test_a_quarter_without_records_says_so():
    at = run_page("complaints.py", {"from": "2025Q4", "to": "2025Q4"})
    assert any("기록이 없습니다" in i.value for i in at.info)


def test_a_quarter_is_compared_with_the_quarter_before_and_a_year_earlier():
    text = page_text(run_page("complaints.py", {"from": "2025Q2", "to": "2025Q2"}))
    assert "전기 대비 +5.0%(+25건) (2025년 1분기 500건)" in text
    assert "전년 동기 대비 +3.6%(+18건) (2024년 2분기 507건)" in text


def test_a_cumulative_period_is_compared_with_the_same_months_a_year_earlier_only():
    """1~3분기 against 2024년 2~4분기 would mix two years' seasons under a name that reads 'last quarter'."""
    text = page_text(run_page("complaints.py"))
    assert "전년 동기 대비 +7.4%(+112건) (2024년 1~3분기 1,510건)" in text
    assert "전기 대비" not in text and "2024년 2~4분기" not in text


def test_processing_time_tile_shows_the_target_and_its_basis():
    at = run_page("complaints.py")
    text = page_text(at)
    assert "처리기간(7일) 내 처리율" in metrics(at)
    assert "목표 90%" in text and "예시 목표" in text and "바꾸어 쓰십시오" not in text


def test_the_chosen_period_carries_over_to_another_page():
    direct = metrics(run_page("patrols.py", {"from": "2024Q3", "to": "2024Q4"}))
    at = open_app("overview.py")
    at.run()
    at.switch_page("pages/complaints.py").run()
    choose(at, Quarter(2024, 3), Quarter(2024, 4))
    assert at.query_params["from"] == "2024Q3" and at.query_params["to"] == "2024Q4"
    at.switch_page("pages/patrols.py").run()
    assert not at.exception
    assert metrics(at) == direct


def test_the_closed_in_time_chart_has_the_90_percent_target_line():
    from report_pages import charts

    at = run_page("complaints.py", {"from": "2025Q1", "to": "2025Q3"}, tab="기한 내 처리율")
    first = charts(at)[0]
    assert "기한 내 처리율" in first["layout"]["title"]["text"]
    line = first["data"][0]
    assert len(line["y"]) == 9 and all(60 < share < 100 for share in line["y"])  # 1월 … 9월
    target = [s for s in first["layout"]["shapes"] if s.get("y0") == s.get("y1")]
    assert [s["y0"] for s in target] == [90.0]  # data/targets.csv, 2025. 12. 31.
    assert any("목표 90%" in a["text"] for a in first["layout"]["annotations"])


def _channel_trend(at) -> dict:
    import json

    return next(s for s in (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
                if s["layout"]["title"]["text"].startswith("월별 고충민원 접수(경로별)"))


def test_three_channels_stay_stacked_but_six_imported_ones_get_a_small_chart_each(workspace, page_on):
    from import_support import imported_text
    from report_pages import numbers

    shipped = _channel_trend(run_page("complaints.py"))
    assert shipped["layout"]["barmode"] == "stack" and len(shipped["data"]) == 3
    channels = ["응답소", "국민신문고", "구청장에게 바란다", "전화·방문", "팩스", "우편"]
    # 6 + 5 + … + 1 complaints in February 2026: one channel of six, another of one.
    lines = [f"A{i}-{n},2026-02-{n + 1:02d},{c}" for i, c in enumerate(channels) for n in range(6 - i)]
    imported_text(workspace, "접수번호,접수일자,등록채널\n" + "\n".join(lines) + "\n", "2026년 대장.csv")
    spec = _channel_trend(page_on("complaints", {"from": "2026Q1", "to": "2026Q1"}))
    assert spec["layout"].get("barmode") != "stack"
    assert [t["name"] for t in spec["data"]] == channels  # largest first
    assert [sum(numbers(t["y"])) for t in spec["data"]] == [6, 5, 4, 3, 2, 1]
    assert len({t.get("yaxis", "y") for t in spec["data"]}) == 6
    assert "우편 (계 1건)" in [a["text"] for a in spec["layout"]["annotations"]]


def _tile_rows(values: list[str]) -> list[int]:
    from streamlit.testing.v1 import AppTest

    def app(values):
        import streamlit as st

        from audit_dashboard import ui
        for i, column in enumerate(ui.tile_columns(values, per_row=4)):
            column.metric(f"타일 {i}", values[0])

    at = AppTest.from_function(app, args=(values,)).run()
    assert not at.exception
    return _rows(at)


def _rows(at) -> list[int]:
    """The number of columns in each row of columns the page draws, top to bottom."""
    return [len(block.children) for block in at.main.children.values()
            if {type(c).__name__ for c in getattr(block, "children", {}).values()} == {"Column"}]


def test_the_tiles_stand_four_across_and_two_by_two_when_a_value_would_be_cut_off():
    # The shipped figures fit a quarter of the page; two million complaints over ten years do not ('2,001,935건…').
    assert _tile_rows(["1,622건", "66,228건", "880,000건"]) == [4]
    assert _tile_rows(["2,001,935건"]) == [2, 2]
    assert _tile_rows(["12,345,678"]) == [2, 2]  # a budget of 12 billion won, in 천원
    at = run_page("complaints.py", {"from": "2016Q1", "to": "2025Q4"})
    assert _rows(at)[:1] == [4]  # the shipped records: 3,639건 over ten years
