"""Drill-down on the complaints page, as an analyst uses it: a channel or a department — from a click or
from the URL — filters every tile, chart and table, the records listed under them add up to the tiles,
a chip takes the filter off again, and a value the records do not hold is warned about and ignored."""
import csv
import io

import duckdb

from audit_dashboard import export, paths, store
from audit_dashboard.drill import Filters
from audit_dashboard.views import complaints
from conftest import REPORT_PERIOD, metrics, run_page
from rendered import visible

REPORT_QUERY = {"from": "2025Q1", "to": "2025Q3"}


def counted(where: str, **params) -> int:
    con = duckdb.connect(str(store.current_file(paths.STORE_FILE)), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM complaints WHERE complaint_kind = '고충민원' "
                           "AND received_date BETWEEN '2025-01-01' AND '2025-09-30' AND " + where, params).fetchone()[0]
    finally:
        con.close()


def listed(query: dict):
    """The records the page lists in its tab 「이 보기의 기록」 for the URL's `query`."""
    return run_page("complaints.py", query, tab="이 보기의 기록").dataframe[-1].value


def channels_shown(query: dict):
    return run_page("complaints.py", query, tab="접수 경로").dataframe[0].value


def test_the_응답소_channel_is_the_report_s_333_and_its_records_list_333():
    query = {**REPORT_QUERY, "channel": "응답소"}
    assert metrics(run_page("complaints.py", query))["접수"] == "333건"  # the report's 응답소 figure for 2025년 1~3분기
    records = listed(query)
    assert len(records) == 333 and set(records["접수 경로"]) == {"응답소"}
    channels = channels_shown(query)
    assert channels["접수 경로"].tolist() == ["응답소"]


def test_a_department_filters_every_figure_to_the_same_count_as_its_records():
    expected = counted("department = $d", d="도로과")
    query = {**REPORT_QUERY, "department": "도로과"}
    assert metrics(run_page("complaints.py", query))["접수"] == f"{expected:,}건"
    assert complaints.summary(REPORT_PERIOD, Filters(department="도로과"))["received"] == expected
    records = listed(query)
    assert len(records) == expected and set(records["처리부서"]) == {"도로과"}
    assert channels_shown(query)["접수(건)"].sum() == expected  # the channel split of that department


def test_two_filters_together():
    expected = counted("department = $d AND channel = $c", d="주차관리과", c="구청장에게 바란다")
    query = {**REPORT_QUERY, "department": "주차관리과", "channel": "구청장에게 바란다"}
    assert metrics(run_page("complaints.py", query))["접수"] == f"{expected:,}건" and len(listed(query)) == expected


def test_a_chip_takes_the_filter_off_and_the_url_follows():
    at = run_page("complaints.py", {**REPORT_QUERY, "channel": "응답소"})
    at.button(key="drill_chip_channel").click().run()
    assert "channel" not in at.query_params
    assert metrics(at)["접수"] == "1,622건"


def test_a_bad_channel_warns_in_korean_and_is_ignored():
    at = run_page("complaints.py", {**REPORT_QUERY, "channel": "없는 경로"})
    warning = visible(at.warning[0].value)
    assert warning.startswith("주소의 접수 경로(channel=없는 경로)를 기록에서 찾을 수 없어 빼고 보여 줍니다.")
    assert metrics(at)["접수"] == "1,622건"
    # The channels it offers are the 고충민원 ones (응답소 현장민원's own channels cannot filter this page).
    con = duckdb.connect(str(store.current_file(paths.STORE_FILE)), read_only=True)
    try:
        channels = [c for (c,) in con.execute("SELECT channel FROM complaints WHERE complaint_kind = '고충민원' "
                                               "GROUP BY channel ORDER BY count(*) DESC, channel").fetchall()]
    finally:
        con.close()
    assert warning.endswith("있는 접수 경로: " + ", ".join(channels[:12]))


def test_a_filtered_table_says_so_in_its_title_and_its_file():
    at = run_page("complaints.py", {**REPORT_QUERY, "channel": "응답소"}, tab="접수 경로")
    assert any("· 접수 경로 응답소" in m.value for m in at.markdown)
    chart, table = complaints.channels(REPORT_PERIOD, Filters(channel="응답소"))
    from audit_dashboard.drill import titled

    rows = list(csv.reader(io.StringIO(export.csv_bytes(titled(table, Filters(channel="응답소"))).decode("utf-8-sig"))))
    assert rows[1][0] == "접수 경로별 고충민원(2025년 1~3분기) · 접수 경로 응답소 (단위: 건, %)"  # under the sample mark
    assert chart.drill == "channel" and chart.figure.data[0].customdata == ("응답소",)


def test_a_patrol_kind_filters_the_patrols_page_to_the_report_s_330_findings_of_기획순찰():
    at = run_page("patrols.py", {**REPORT_QUERY, "patrol_kind": "기획순찰"}, tab="이 보기의 기록")
    assert metrics(at)["적출"] == "330건"  # the report's 기획순찰 findings, 2025년 1~3분기
    records = at.dataframe[-1].value
    assert set(records["순찰 종류"]) == {"기획순찰"} and records["적출(건)"].sum() == 330
    assert len(records) == int(metrics(at)["순찰"].removesuffix("회").replace(",", ""))


def test_a_동_filters_every_patrol_figure_and_a_bad_one_is_ignored():
    con = duckdb.connect(str(store.current_file(paths.STORE_FILE)), read_only=True)
    try:
        area, sessions, findings = con.execute(
            "SELECT area, count(*), sum(findings) FROM patrol_sessions WHERE patrol_date BETWEEN '2025-01-01' "
            "AND '2025-09-30' AND area IS NOT NULL GROUP BY area ORDER BY count(*) DESC LIMIT 1").fetchone()
    finally:
        con.close()
    at = run_page("patrols.py", {**REPORT_QUERY, "area": area})
    assert metrics(at)["순찰"] == f"{sessions:,}회" and metrics(at)["적출"] == f"{int(findings):,}건"
    at = run_page("patrols.py", {**REPORT_QUERY, "area": "없는동"})
    assert "주소의 동(area=없는동)를" not in visible(at.warning[0].value)
    assert visible(at.warning[0].value).startswith("주소의 동(area=없는동)을 기록에서 찾을 수 없어")
    assert metrics(at)["적출"] == "1,281건"


def test_the_council_pack_button_of_a_drilled_down_page_says_it_follows_the_filter():
    def pack_help(at) -> str:
        return next(b.proto.help for b in at.sidebar.get("download_button") if "의회 보고 자료" in b.proto.label)

    assert "걸러 본 조건" in pack_help(run_page("complaints.py", {**REPORT_QUERY, "channel": "응답소"}))
    assert "걸러 본 조건" not in pack_help(run_page("complaints.py", REPORT_QUERY))
