"""queries/complaints_summary.sql reads its median and 90th percentile from counts per number of days (one pass,
no sort of every row: ten years of Seoul). Its figures must be those of the records themselves: counts as
counted row by row, quantiles as quantile_cont (linear between the two nearest ranks) gives them."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from audit_dashboard import build, store
from complaint_figures import rows_of, summary_of

KINDS = ("고충민원", "응답소 현장민원")


def expected(records: pd.DataFrame, days_limit: int, kind: str, start, end, at, channel=None, department=None) -> dict:
    """The summary computed from the rows, one by one."""
    return summary_of(rows_of(records, kind, start, end, channel, department), days_limit, at)


def assert_same(found: dict, wanted: dict) -> None:
    assert set(found) == set(wanted)
    for key, value in wanted.items():
        if value is None:
            assert found[key] is None or pd.isna(found[key]), key
        else:
            assert found[key] == pytest.approx(value, rel=1e-12, abs=1e-12), key


def summary(con, **params) -> dict:
    frame = store.run_query(con, "complaints_summary", **params)
    assert len(frame) == 1
    return frame.to_dict("records")[0]


def test_the_shipped_records_give_the_figures_of_their_rows(con):
    records = con.execute("SELECT * FROM complaints").df()
    limit = int(con.execute("SELECT value FROM settings WHERE key = 'processing_period_days'").fetchone()[0])
    channels = sorted(records["channel"].unique())[:2]
    departments = sorted(records["department"].dropna().unique())[:2]
    periods = [(dt.date(2025, 1, 1), dt.date(2025, 9, 30)), (dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
               (dt.date(2016, 1, 1), dt.date(2025, 12, 31)), (dt.date(2010, 1, 1), dt.date(2010, 3, 31))]
    for kind in KINDS:
        for start, end in periods:
            at = min(end, dt.date(2025, 9, 30))
            filters = [{}] + [{"channel": c} for c in channels] + [{"department": d} for d in departments]
            for chosen in filters:
                found = summary(con, kind=kind, start=start, end=end, at=at, **chosen)
                assert_same(found, expected(records, limit, kind, start, end, at, **chosen))


def test_ties_missing_days_open_and_odd_counts_give_the_figures_of_their_rows(tmp_path):
    """Made-up records: many equal days, rows without days (still open, or closed without a date), and sizes
    whose ranks fall between two values (odd and even counts, 90th percentiles between two numbers of days)."""
    rng = np.random.default_rng(13)
    n = 997
    received = pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D")
    processing = rng.choice([0, 1, 1, 2, 3, 5, 8, 13, 40], n).astype("float")
    open_rows = rng.random(n) < 0.15
    processing[open_rows] = np.nan
    closed = received + pd.to_timedelta(np.nan_to_num(processing), unit="D")
    closed = closed.where(~open_rows, pd.NaT)
    status = np.where(open_rows & (rng.random(n) < 0.8), "처리중", "처리완료")  # some 처리완료 without a date
    records = pd.DataFrame({
        "record_key": [f"T-{i}" for i in range(n)], "received_date": received.date,
        "received_year": received.year.astype("int16"), "received_quarter": received.quarter.astype("int8"),
        "received_month": received.month.astype("int8"),
        "complaint_kind": rng.choice(KINDS, n), "channel": rng.choice(["응답소", "전화·방문"], n),
        "category": None, "department": rng.choice(["도로과", "청소과", None], n), "status": status,
        "due_date": None, "closed_date": pd.Series(closed).dt.date.where(~open_rows, None),
        "processing_days": pd.array(processing, dtype="Int32"), "repeat_key": None, "source": rng.choice(["sample", "import"], n),
        "import_batch": None,
    })
    settings = pd.DataFrame({"key": ["processing_period_days"], "value": ["7"], "note": [""]})
    target = tmp_path / "audit.duckdb"
    store.write_store(build.SCHEMA_FILES, {"settings": settings, "complaints": records}, target, summaries=build.SUMMARY_FILES)
    stored = records.assign(received_date=pd.to_datetime(records["received_date"]),
                            closed_date=pd.to_datetime(records["closed_date"]))
    connection = store.connect_read_only(target)
    try:
        for kind in KINDS:
            for start, end in [(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), (dt.date(2024, 3, 1), dt.date(2024, 3, 1)),
                               (dt.date(2024, 7, 1), dt.date(2024, 9, 30)), (dt.date(2030, 1, 1), dt.date(2030, 3, 31))]:
                for chosen in ({}, {"channel": "응답소"}, {"department": "도로과"}):
                    for at in (end, start):
                        found = summary(connection, kind=kind, start=start, end=end, at=at, **chosen)
                        assert_same(found, expected(stored, 7, kind, start, end, at, **chosen))
    finally:
        connection.close()
