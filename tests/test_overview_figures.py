"""The director's tiles say what the records say: each record tile counted again row by row in pandas, for
periods inside a year, across years, over ten years and where there are no records at all."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from audit_dashboard import fmt
from audit_dashboard.period import Period
from audit_dashboard.views import overview
from complaint_figures import rows_of

PERIODS = [("2025Q1", "2025Q3"), ("2025Q3", "2025Q3"), ("2024Q3", "2025Q2"), ("2016Q1", "2025Q4"),
           ("2010Q1", "2010Q2")]


def period_of(first: str, last: str) -> Period:
    return Period.from_params(first, last)


def share_within(rows: pd.DataFrame, days_limit: int) -> float | None:
    days = rows["processing_days"].astype("Float64").dropna().astype(float)
    return 100.0 * (days <= days_limit).sum() / len(days) if len(days) else None


def months_back(period: Period) -> list[tuple[dt.date, dt.date]]:
    """The sparkline's twelve months, ending with the period's last month."""
    months = []
    year, month = period.end.year, period.end.month
    for _ in range(12):
        start = dt.date(year, month, 1)
        months.append((start, (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


@pytest.fixture
def records(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM complaints").df()


@pytest.fixture
def days_limit(con) -> int:
    return int(con.execute("SELECT value FROM settings WHERE key = 'processing_period_days'").fetchone()[0])


def covered(records: pd.DataFrame, kind: str, period: Period) -> bool:
    rows = records[records["complaint_kind"] == kind]
    return bool(len(rows)) and rows["received_date"].min().date() <= period.start \
        and period.end <= rows["received_date"].max().date()


@pytest.mark.parametrize("first, last", PERIODS)
def test_closed_in_time_is_the_share_of_its_records_closed_within_the_days_against_a_year_earlier(
        records, days_limit, first, last):
    period = period_of(first, last)
    tile = overview.closed_in_time_tile(period, 5.0)
    rows = rows_of(records, "고충민원", period.start, period.end)
    share = share_within(rows, days_limit)
    assert tile.value == fmt.percent(share, 1)
    assert tile.label == f"기한 내 처리율({days_limit}일)"
    earlier = period.year_earlier()
    before = share_within(rows_of(records, "고충민원", earlier.start, earlier.end), days_limit)
    if covered(records, "고충민원", period) and covered(records, "고충민원", earlier) and share is not None:
        assert tile.delta == fmt.points(share - before)
    else:
        assert tile.delta is None
    wanted = [share_within(rows_of(records, "고충민원", a, b), days_limit) for a, b in months_back(period)]
    assert tile.spark == [round(s, 1) for s in wanted if s is not None]


@pytest.mark.parametrize("first, last", PERIODS)
def test_complaints_and_field_complaints_count_their_records_against_a_year_earlier(records, first, last):
    period = period_of(first, last)
    tiles = {t.label: t for t in overview.volume_tiles(period)}
    for label, kind in (("고충민원 접수", "고충민원"), ("응답소 현장민원 처리", "응답소 현장민원")):
        tile = tiles[label]
        now = len(rows_of(records, kind, period.start, period.end))
        assert tile.value == fmt.count(now, "건"), label
        earlier = period.year_earlier()
        before = len(rows_of(records, kind, earlier.start, earlier.end))
        if covered(records, kind, period) and covered(records, kind, earlier) and before:
            assert tile.delta == fmt.signed_percent(100.0 * (now - before) / before), label
        else:
            assert tile.delta is None, label
        counts = [len(rows_of(records, kind, a, b)) for a, b in months_back(period)]
        assert tile.spark == [float(c) for c in counts if c], label  # months without records are not drawn


def test_the_2025_report_period_counts_1622_complaints_of_which_the_tile_says_it_agrees():
    tiles = {t.label: t for t in overview.volume_tiles(period_of("2025Q1", "2025Q3"))}
    assert tiles["고충민원 접수"].value == "1,622건"
    assert "보고서 1,622건과 일치" in tiles["고충민원 접수"].note


@pytest.mark.parametrize("first, last", PERIODS)
def test_patrol_findings_count_the_findings_of_their_sessions(con, first, last):
    period = period_of(first, last)
    sessions = con.execute("SELECT patrol_date, findings FROM patrol_sessions").df()
    dates = pd.to_datetime(sessions["patrol_date"])

    def findings(start, end) -> int:
        return int(sessions[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))]["findings"].sum())

    tile = next(t for t in overview.volume_tiles(period) if t.label == "순찰 적출")
    assert tile.value == fmt.count(findings(period.start, period.end), "건")
    spark = [findings(a, b) for a, b in months_back(period)
             if ((dates >= pd.Timestamp(a)) & (dates <= pd.Timestamp(b))).any()]
    assert tile.spark == [float(c) for c in spark]
