"""Drill-down to a month, as an analyst uses it: `&month=2025-03` (or a click on a month of a trend) narrows
the whole complaints or patrols page to that month — tiles, comparisons (전월, 전년 동월), charts, tables
and the records listed — the months add up to the period, a chip takes the month off, a new period in the
sidebar drops it, a month outside the period is warned about and ignored, and the council pack follows."""
import datetime as dt

import duckdb
import pandas as pd

from audit_dashboard import council_pack, paths, store
from audit_dashboard.drill import Filters
from audit_dashboard.views import complaints, patrols
from conftest import REPORT_PERIOD, metrics, page_text, run_page
from rendered import visible

REPORT_QUERY = {"from": "2025Q1", "to": "2025Q3"}


def stored(sql: str, **params):
    con = duckdb.connect(str(store.current_file(paths.STORE_FILE)), read_only=True)
    try:
        return con.execute(sql, params).fetchone()
    finally:
        con.close()


def received(start: str, end: str, extra: str = "", **params) -> int:
    return stored("SELECT count(*) FROM complaints WHERE complaint_kind = '고충민원' AND received_date BETWEEN $s AND $e "
                  + extra, s=start, e=end, **params)[0]


def test_the_nine_months_of_the_report_period_add_up_to_its_1622_complaints():
    months = [complaints.received_in(REPORT_PERIOD.narrowed(key)) for key in REPORT_PERIOD.month_keys()]
    assert len(months) == 9 and sum(months) == 1622


def test_march_narrows_every_figure_of_the_complaints_page_to_the_records_it_lists():
    expected = received("2025-03-01", "2025-03-31")
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03"})
    assert at.query_params["month"] == ["2025-03"] or at.query_params["month"] == "2025-03"  # the URL keeps it
    assert metrics(at)["접수"] == f"{expected:,}건"
    text = page_text(at)
    assert "2025년 3월 · 2025. 3. 1. ~ 2025. 3. 31.\n" in text + "\n"  # the header's period is the month, nothing after
    before, year_before = received("2025-02-01", "2025-02-28"), received("2024-03-01", "2024-03-31")
    assert f"(2025년 2월 {before:,}건)" in text and "전월 대비" in text
    assert "전년 동월 대비" in text and (f"(2024년 3월 {year_before:,}건)" in text or "2024년 3월의 기록이" in text)
    query = {**REPORT_QUERY, "month": "2025-03"}
    channels = run_page("complaints.py", query, tab="접수 경로").dataframe[0].value
    assert channels["접수(건)"].sum() == expected
    records = run_page("complaints.py", query, tab="이 보기의 기록").dataframe[-1].value
    assert len(records) == expected
    days = pd.to_datetime(records["접수일자"]).dt.date
    assert days.min() >= dt.date(2025, 3, 1) and days.max() <= dt.date(2025, 3, 31)
    assert [visible(b.label) for b in at.button if b.key == "drill_chip_month"] == ["달: 2025년 3월"]


def test_a_month_and_a_channel_together():
    expected = received("2025-03-01", "2025-03-31", "AND channel = $c", c="응답소")
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03", "channel": "응답소"})
    assert metrics(at)["접수"] == f"{expected:,}건"
    assert complaints.summary(Filters(month="2025-03").narrowed(REPORT_PERIOD), Filters(channel="응답소"))["received"] \
        == expected


def test_the_month_chip_takes_the_month_off_and_the_url_follows():
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03"})
    at.button(key="drill_chip_month").click().run()
    assert "month" not in at.query_params
    assert metrics(at)["접수"] == "1,622건"


def test_a_new_period_in_the_sidebar_drops_the_month_chosen_in_the_old_one():
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03"})
    [preset] = [p for p in at.sidebar.get("button_group") if "빠른 선택" in str(p.proto.label)]
    preset.set_value("작년").run()
    assert "month" not in at.query_params and at.query_params["from"] in ("2024Q1", ["2024Q1"])
    assert not [w for w in at.warning if "주소" in w.value]


def test_a_month_outside_the_period_or_misspelt_warns_in_korean_and_is_ignored():
    for month, says in [("2024-03", "고른 기간(2025년 1~3분기)의 달이 아닙니다"), ("2025-13", "2025-03처럼")]:
        at = run_page("complaints.py", {**REPORT_QUERY, "month": month})
        warning = visible(at.warning[0].value)
        assert warning.startswith("주소의 달을 빼고 2025년 1~3분기 전체를 보여 줍니다") and says in warning
        assert warning.endswith("고를 수 있는 달: 2025-01 ~ 2025-09")
        assert metrics(at)["접수"] == "1,622건"


def test_a_month_narrows_the_patrols_page_to_the_sessions_of_that_month():
    sessions, findings = stored("SELECT count(*), sum(findings) FROM patrol_sessions "
                                "WHERE patrol_date BETWEEN '2025-05-01' AND '2025-05-31'")
    at = run_page("patrols.py", {**REPORT_QUERY, "month": "2025-05"})
    assert metrics(at)["순찰"] == f"{sessions:,}회" and metrics(at)["적출"] == f"{int(findings):,}건"
    field = stored("SELECT count(*) FROM complaints WHERE complaint_kind = '응답소 현장민원' "
                   "AND received_date BETWEEN '2025-05-01' AND '2025-05-31'")[0]
    assert metrics(at)["응답소 현장민원 처리"] == f"{field:,}건"  # the month narrows the whole page
    months = [patrols.summary(REPORT_PERIOD.narrowed(key))["findings"] for key in REPORT_PERIOD.month_keys()]
    assert sum(months) == 1281  # the report's findings for 2025년 1~3분기


def test_the_monthly_trend_bars_carry_the_month_a_click_drills_to():
    chart = complaints.trend(REPORT_PERIOD, "month")
    assert chart.drill == "month"
    now, earlier = chart.figure.data  # 2025 and the year before: a click on either means the month of the period
    assert [c[-1] for c in now.customdata] == REPORT_PERIOD.month_keys() == [c[-1] for c in earlier.customdata]
    assert earlier.customdata[2][0] == "2024년 3월"  # what its hover names
    quarterly = complaints.channel_trend(REPORT_PERIOD, "quarter")
    assert [c[-1] for c in quarterly.figure.data[0].customdata] == ["2025Q1", "2025Q2", "2025Q3"]


def test_the_council_pack_follows_the_month():
    requested = {"month": "2025-03"}
    assert ("달", "2025년 3월") in council_pack.drilled(requested, REPORT_PERIOD)
    sections = {s.title: s for s in council_pack.sections(REPORT_PERIOD, requested=requested)}
    section = sections["고충민원 · 2025년 3월"]
    table = next(i for i in section.items if i.key == "complaints_channels_table")
    assert table.frame["received"].sum() == received("2025-03-01", "2025-03-31")
    assert "2025년 3월" in table.title and table.period == "2025. 3. 1. ~ 2025. 3. 31."


def test_a_month_s_trend_tab_shows_its_days_adding_up_to_the_month():
    import json

    expected = received("2025-03-01", "2025-03-31")
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03"})  # 접수 추이, the first tab
    specs = [json.loads(c.proto.spec) for c in at.tabs[0].get("plotly_chart")]
    [days] = [s for s in specs if s["layout"]["title"]["text"].startswith("일별 고충민원 접수(2025년 3월)")]
    bars = days["data"][0]
    assert len(bars["x"]) == 31 and bars["x"][0] == "1일" and bars["x"][-1] == "31일"
    ys = bars["y"] if isinstance(bars["y"], list) else None
    assert ys is not None and sum(ys) == expected
    assert received("2025-03-15", "2025-03-15") == ys[14]  # the 15th, as the records count it
    items = {i.key for s in council_pack.sections(REPORT_PERIOD, requested={"month": "2025-03"}) for i in s.items}
    assert "complaints_daily_2025-03" in items  # the pack has what the tab shows


def test_a_month_s_patrol_trends_are_its_days():
    import json

    sessions, findings = stored("SELECT count(*), sum(findings) FROM patrol_sessions "
                                "WHERE patrol_date BETWEEN '2025-05-01' AND '2025-05-31'")
    at = run_page("patrols.py", {**REPORT_QUERY, "month": "2025-05"})
    specs = {json.loads(c.proto.spec)["layout"]["title"]["text"].split(" <span")[0]: json.loads(c.proto.spec)
             for c in at.tabs[0].get("plotly_chart")}
    assert list(specs) == ["일별 순찰 횟수(2025년 5월)", "일별 적출 건수(2025년 5월)"]
    assert len(specs["일별 순찰 횟수(2025년 5월)"]["data"][0]["x"]) == 31
    assert sum(specs["일별 순찰 횟수(2025년 5월)"]["data"][0]["y"]) == sessions
    assert sum(specs["일별 적출 건수(2025년 5월)"]["data"][0]["y"]) == findings


def test_while_a_month_is_drilled_the_sidebar_says_its_trend_is_by_day():
    at = run_page("complaints.py", {**REPORT_QUERY, "month": "2025-03"})
    assert "추이: 일별(2025년 3월로 좁힌 동안)" in [c.value for c in at.sidebar.caption]
    assert not [s for s in at.sidebar.get("button_group") if s.label == "추이"]  # no grain to choose meanwhile
    whole = run_page("complaints.py", REPORT_QUERY)
    assert [s for s in whole.sidebar.get("button_group") if s.label == "추이"]
