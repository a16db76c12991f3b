"""Sample records: deterministic, marked as samples, and equal to the report for 2025 1~3분기."""
import datetime as dt

import pandas as pd

from audit_dashboard import loader, samples, store
from audit_dashboard.period import Period
from conftest import EDITION, REPORT_PERIOD


def q(con, name, **params):
    return store.run_query(con, name, **params)


def test_2025_q1_to_q3_records_equal_the_report_figure_by_figure(con):
    compared = q(con, "records_vs_report", edition=EDITION, start=REPORT_PERIOD.start, end=REPORT_PERIOD.end)
    assert (compared["report_value"] == compared["record_value"]).all()
    by_item = compared.set_index(["item", "measure"])["record_value"]
    assert by_item[("계", "received")] == 1622
    assert by_item[("응답소", "received")] == 333
    assert by_item[("구청장에게 바란다", "received")] == 945
    assert by_item[("전화·방문", "received")] == 344
    assert by_item[("응답소 현장민원", "received")] == 66228
    assert by_item[("기획순찰", "findings")] == 330 and by_item[("기획순찰", "sessions")] == 7
    assert by_item[("상시순찰", "findings")] == 257
    assert by_item[("주민합동순찰 계", "findings")] == 694 and by_item[("주민합동순찰 계", "sessions")] == 273


def test_single_quarters_add_up_to_the_cumulative_view(con):
    quarters = [Period.of_year(2025, n, n) for n in (1, 2, 3)]
    for kind in ("고충민원", "응답소 현장민원"):
        parts = [q(con, "complaints_summary", kind=kind, start=p.start, end=p.end, at=p.end).iloc[0]["received"]
                 for p in quarters]
        whole = q(con, "complaints_summary", kind=kind, start=REPORT_PERIOD.start, end=REPORT_PERIOD.end,
                  at=REPORT_PERIOD.end).iloc[0]["received"]
        assert sum(parts) == whole
    by_quarter = [q(con, "patrols_by_kind", start=p.start, end=p.end) for p in quarters]
    whole = q(con, "patrols_by_kind", start=REPORT_PERIOD.start, end=REPORT_PERIOD.end).set_index("patrol_kind")
    summed = pd.concat(by_quarter).groupby("patrol_kind")[["sessions", "findings"]].sum()
    assert summed.sort_index().to_dict() == whole[["sessions", "findings"]].sort_index().to_dict()
    assert summed["findings"].sum() == 330 + 257 + 694


def test_records_cover_2024_so_a_year_on_year_comparison_exists(con):
    ranges = q(con, "records_range")
    assert (ranges["first_date"].dt.date == dt.date(2024, 1, 1)).all()
    assert (ranges["last_date"].dt.date == dt.date(2025, 9, 30)).all()
    a_year_before = REPORT_PERIOD.year_earlier()
    received = q(con, "complaints_summary", kind="고충민원", start=a_year_before.start, end=a_year_before.end,
                 at=a_year_before.end).iloc[0]
    assert 1000 < received["received"] < 1622


def test_every_generated_row_is_marked_as_a_sample(con):
    ranges = q(con, "records_range")
    assert (ranges["rows"] == ranges["sample_rows"]).all()


def test_generation_is_deterministic():
    frames = {**loader.load_report(), **loader.load_config()}
    first, second = samples.generate(frames), samples.generate(frames)
    for table in first:
        pd.testing.assert_frame_equal(first[table], second[table])


def test_repeat_complaints_exist_three_times_or_more(con):
    repeats = q(con, "complaints_repeats", kind="고충민원", threshold=3, start=REPORT_PERIOD.start, end=REPORT_PERIOD.end)
    assert len(repeats) > 0 and (repeats["complaints"] >= 3).all()


def test_processing_days_follow_the_configured_period(con):
    summary = q(con, "complaints_summary", kind="고충민원", start=REPORT_PERIOD.start, end=REPORT_PERIOD.end,
                at=REPORT_PERIOD.end).iloc[0]
    assert summary["processing_period_days"] == 7
    assert summary["closed"] + summary["still_open"] == 1622
    assert 0 < summary["closed_within_period_share"] < 100
    assert summary["median_days"] <= summary["p90_days"]


def test_complaints_still_open_are_counted_at_the_end_of_a_past_period(con):
    """2024년 1분기: open on 2024. 3. 31. is what the 미처리 tile and the backlog table both say."""
    quarter = Period.of_year(2024, 1, 1)
    summary = q(con, "complaints_summary", kind="고충민원", start=quarter.start, end=quarter.end, at=quarter.end).iloc[0]
    backlog = q(con, "complaints_backlog", kind="고충민원", at=quarter.end)
    received_in_quarter = backlog["still_open"].sum()  # all of them were received by 3. 31.
    assert summary["still_open"] > 0
    assert summary["still_open"] <= received_in_quarter
    assert summary["closed"] + summary["still_open"] == summary["received"]
