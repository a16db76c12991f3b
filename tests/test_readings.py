"""Our readings, labelled: every value the dashboard derives rather than reads from the report — the months
given to timings written in words, the 7-day processing period, the 단위사업→사업 map, 특정감사 = 3, the
staffing date, sample records — carries a mark and one line of why where it is shown, in its files and in
the council paper, and all of them are listed on one page with where a department changes each."""
import csv
import io
import subprocess

import pytest

from audit_dashboard import council_pack, export, readings
from audit_dashboard.views import audits, complaints, organisation, plans
from audit_dashboard.views import readings as view
from conftest import REPORT_PERIOD, page_text, run_page

MARK = "◇ 우리 해석"


def test_the_list_holds_each_reading_the_issue_names_and_where_to_change_it():
    listed = {r.reading: r for r in readings.all_readings()}
    assert set(listed) == {"processing_period", "assigned_months", "project_map", "special_audits",
                           "staffing_as_of", "samples"}
    # The processing period quotes the setting: the text follows data/settings.csv.
    assert listed["processing_period"].mark == "기한 내 처리율은 처리기간을 7일로 보고 셉니다."
    assert "data/settings.csv" in listed["processing_period"].set_in
    assert "budget_project_map.csv" in listed["project_map"].set_in
    assert all(r.line.startswith(MARK) and r.why for r in listed.values())


@pytest.mark.parametrize("timing, months", [
    ("상시", set()), ("연말연시", set()), ("매월(11월 한)", {11}), ("10~12월", {10, 11, 12}),
    ("연 2회(5월, 12월)", {5, 12}), ("2026. 1월 중", {1}), ("5~11월", set(range(5, 12))), ("분기별", set()),
])
def test_the_months_a_timing_names_itself(timing, months):
    assert view.written_months(timing) == months


def test_months_we_gave_to_timings_in_words_are_listed_and_those_the_report_names_are_not():
    frame = view.assigned_months()
    given = {(r.plan_year, r.schedule): r.month_text for r in frame.itertuples()}
    # The 2025 report: 상시 for the rest of the year (10~12월), 매월 until November, 연말연시 in December.
    assert given[(2025, "상시")] == "10·11·12월"
    assert given[(2025, "매월(11월 한)")] == "10·11월"
    assert given[(2025, "연말연시")] == "12월"
    assert given[(2026, "분기별")] == "3·6·9·12월"
    assert given[(2026, "매월")] == "1~12월"
    assert not {"10~12월", "3월", "5~11월", "연 2회(5월, 12월)"} & {s for _, s in given}


@pytest.mark.parametrize("item, reading", [
    (lambda: complaints.closed_in_time_trend(REPORT_PERIOD, "month"), "processing_period"),
    (lambda: complaints.departments(REPORT_PERIOD), "processing_period"),
    (lambda: plans.calendar_chart(), "assigned_months"),
    (lambda: plans.remaining_plans(), "assigned_months"),
    (lambda: audits.self_audits_table(), "special_audits"),
    (lambda: organisation.staffing_table(), "staffing_as_of"),
], ids=["closed-in-time", "departments", "calendar", "remaining", "self-audits", "staffing"])
def test_each_figure_resting_on_a_reading_says_so_in_its_files(item, reading):
    shown = item()
    assert reading in shown.readings
    line = readings.get(reading).line
    if hasattr(shown, "frame"):
        rows = list(csv.reader(io.StringIO(export.csv_bytes(shown).decode("utf-8-sig"))))
        assert [line] in rows[:6]
    else:  # a chart's PNG prints the mark in its source line
        figure = export.finished_figure(shown)
        assert f"{MARK}: {readings.get(reading).title}" in figure.layout.title.subtitle.text


def test_the_complaints_page_marks_the_processing_period_where_the_rate_is_shown():
    text = page_text(run_page("complaints.py", {"from": "2025Q1", "to": "2025Q3"}, tab="기한 내 처리율"))
    assert f"{MARK}: 고충민원 처리기간" in text  # on the tile
    assert f"{MARK}: 기한 내 처리율은 처리기간을 7일로 보고 셉니다. 보고서에는" in text  # under the chart


def test_the_audits_page_says_why_special_audits_count_three():
    text = page_text(run_page("audits.py"))
    assert f"{MARK}: 특정감사는 주제 3개를 3건으로 셉니다." in text


def test_the_overview_marks_the_closed_in_time_tile():
    text = page_text(run_page("dashboard.py", {"from": "2025Q1", "to": "2025Q3"}))
    assert f"{MARK}: 고충민원 처리기간" in text


def test_the_readings_page_lists_every_reading_with_why_and_where_to_change_it():
    at = run_page("readings.py")
    text = page_text(at)
    for reading in readings.all_readings():
        assert reading.title in text and reading.why in text and reading.set_in in text
    months = at.dataframe[0].value
    assert "10·11·12월" in months.iloc[:, -1].tolist()


def test_the_council_paper_prints_the_readings_beside_the_figures_and_lists_them(tmp_path, monkeypatch):
    from audit_dashboard import chart_images
    from test_council_pack import Renderer  # a white PNG of each chart's size: the text is what is checked

    monkeypatch.setattr(chart_images, "png", Renderer())
    path = tmp_path / "pack.pdf"
    path.write_bytes(council_pack.pdf_bytes(REPORT_PERIOD))
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "◇ 우리 해석: 특정감사는 주제 3개를 3건으로 셉니다." in text
    assert "◇ 우리 해석: 기한 내 처리율은 처리기간을 7일로 보고 셉니다." in text
    assert "보고서가 적지 않아 우리가 정한 값" in text  # the list, as its own section


def test_a_data_folder_without_the_list_takes_the_shipped_one(tmp_path):
    # A folder kept, or backed up, before readings.csv existed still builds: the shipped list stands in.
    import shutil

    from audit_dashboard import loader, paths

    for name in ("settings.csv", "targets.csv"):
        shutil.copy(paths.SHIPPED_DATA_DIR / name, tmp_path / name)
    frames = loader.load_config(tmp_path)
    assert frames["readings"]["reading"].tolist()[:2] == ["processing_period", "assigned_months"]
