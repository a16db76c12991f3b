"""기간 비교: the period shown beside a second one, as an analyst compares them — 2025년 1~3분기 against the
same quarters of 2024 unless another is chosen — with differences that are the two columns' difference."""
import duckdb
import pytest

from audit_dashboard import paths, store
from conftest import page_text, run_page
from rendered import visible

REPORT_QUERY = {"from": "2025Q1", "to": "2025Q3"}


def table_titled(at, words: str):
    import pandas as pd

    # Tables come in the order of the page: channels, departments, patrol kinds.
    frames = [d.value for d in at.dataframe]
    found = [f for f in frames if any(words in str(c) for c in f.columns)]
    assert found, [list(f.columns) for f in frames]
    return found[0] if isinstance(found[0], pd.DataFrame) else found[0].data


def counted(sql: str, **params) -> dict:
    con = duckdb.connect(str(store.current_file(paths.STORE_FILE)), read_only=True)
    try:
        return dict(con.execute(sql, params).fetchall())
    finally:
        con.close()


CHANNELS = ("SELECT channel, count(*) FROM complaints WHERE complaint_kind = '고충민원' "
            "AND received_date BETWEEN $start AND $end GROUP BY channel")


def test_the_2025_channels_are_the_report_s_and_each_difference_is_the_two_periods_difference():
    at = run_page("period_compare.py", REPORT_QUERY)
    assert "vs_from" not in at.query_params  # a year earlier is the default: the URL stays as the other pages'
    frame = at.dataframe[0].value.set_index("항목")
    a, b = "2025년 1~3분기(접수)", "2024년 1~3분기(접수)"
    # The report's 2025 channel totals: 945 + 344 + 333 = 1,622.
    assert frame[a].to_dict() == {"구청장에게 바란다": 945, "전화·방문": 344, "응답소": 333, "계": 1622}
    earlier = counted(CHANNELS, start="2024-01-01", end="2024-09-30")
    assert {k: v for k, v in frame[b].items() if k != "계"} == earlier and frame.loc["계", b] == sum(earlier.values())
    assert (frame["증감(접수)"] == frame[a] - frame[b]).all()
    total = frame.loc["계"]
    assert total["증감률"] == pytest.approx(100 * (1622 - total[b]) / total[b])


def test_the_departments_add_up_to_every_complaint_with_the_rest_in_one_row():
    at = run_page("period_compare.py", REPORT_QUERY)
    frame = at.dataframe[1].value.set_index("항목")
    a = "2025년 1~3분기(접수)"
    assert frame.loc["계", a] == 1622 == frame[a].drop("계").sum()
    assert len(frame) <= 12 and any(name.startswith("그 밖의 부서") for name in frame.index)


def test_patrol_findings_by_kind_add_up_to_the_report_s_1281():
    at = run_page("period_compare.py", REPORT_QUERY)
    frame = at.dataframe[2].value.set_index("항목")
    # The report's 2025 findings: 기획 330, 상시 257, 주민합동 694 — 1,281 in all.
    assert frame.loc["계", "2025년 1~3분기(적출)"] == 1281
    assert frame.loc["기획순찰", "2025년 1~3분기(적출)"] == 330 and frame.loc["상시순찰", "2025년 1~3분기(적출)"] == 257


def test_a_range_across_years_round_trips_through_the_url():
    at = run_page("period_compare.py", {**REPORT_QUERY, "vs_from": "2024Q3", "vs_to": "2025Q2"})
    columns = list(at.dataframe[0].value.columns)
    assert "2024년 3분기~2025년 2분기(접수)" in columns
    assert dict(at.query_params)["vs_from"] == "2024Q3" and dict(at.query_params)["vs_to"] == "2025Q2"
    expected = counted(CHANNELS, start="2024-07-01", end="2025-06-30")
    frame = at.dataframe[0].value.set_index("항목")
    assert {k: v for k, v in frame["2024년 3분기~2025년 2분기(접수)"].items() if k != "계"} == expected


def test_a_bad_second_period_warns_in_korean_and_a_year_earlier_is_used():
    at = run_page("period_compare.py", {**REPORT_QUERY, "vs_from": "2024Q9", "vs_to": "2024Q3"})
    warnings = [visible(w.value) for w in at.warning]
    assert "주소의 비교 기간을 읽을 수 없어 2024년 1~3분기(전년 동기)와 비교합니다: 'vs_from=2024Q9' 값은" in warnings[0]
    assert "2024년 1~3분기(접수)" in list(at.dataframe[0].value.columns) and "vs_from" not in at.query_params


def test_choosing_another_start_quarter_keeps_the_end_and_the_url_follows():
    from audit_dashboard.period import Quarter

    at = run_page("period_compare.py", REPORT_QUERY)
    at.selectbox(key="vs_first:2024Q1-2024Q3").set_value(Quarter(2024, 2)).run()
    assert (dict(at.query_params)["vs_from"], dict(at.query_params)["vs_to"]) == ("2024Q2", "2024Q3")
    assert "2024년 2~3분기(접수)" in list(at.dataframe[0].value.columns)
    assert "고충민원 1,622건 — 2024년 2~3분기" in page_text(at)
