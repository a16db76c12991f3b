"""complaints_daily — complaints counted per day, kind, channel and department, filled from the records on
every build — answers the counts by month and by channel (ten years of Seoul read as thousands of rows, not
millions). Its answers must be the records' own, counted row by row, for any range of days and any filter,
on the shipped records, on records at random and after an import."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from audit_dashboard import build, store
from import_support import imported_text

KINDS = ("고충민원", "응답소 현장민원")
RANGES = [(dt.date(2025, 1, 1), dt.date(2025, 9, 30)), (dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
          (dt.date(2024, 2, 10), dt.date(2024, 11, 3)), (dt.date(2016, 1, 1), dt.date(2025, 12, 31)),
          (dt.date(2030, 1, 1), dt.date(2030, 3, 31))]


def counted(records: pd.DataFrame, kind, start, end, channel=None, department=None) -> pd.DataFrame:
    rows = records[(records["complaint_kind"] == kind) & (records["received_date"] >= pd.Timestamp(start))
                   & (records["received_date"] <= pd.Timestamp(end))]
    if channel is not None:
        rows = rows[rows["channel"] == channel]
    if department is not None:
        rows = rows[rows["department"] == department]
    return rows.assign(sample=rows["source"] == "sample")


def by_month(rows: pd.DataFrame) -> list[tuple]:
    grouped = rows.groupby([rows["received_date"].dt.year, rows["received_date"].dt.month])
    return [(int(y), int(m), int(len(g)), int(g["sample"].sum())) for (y, m), g in grouped]


def by_channel(rows: pd.DataFrame) -> dict:
    return {c: (int(len(g)), int(g["sample"].sum())) for c, g in rows.groupby("channel")}


def by_month_and_channel(rows: pd.DataFrame) -> dict:
    grouped = rows.groupby([rows["received_date"].dt.year, rows["received_date"].dt.month, "channel"])
    return {(int(y), int(m), c): (int(len(g)), int(g["sample"].sum())) for (y, m, c), g in grouped}


def assert_the_queries_count_as_the_rows(con, records: pd.DataFrame, filters: list[dict]) -> int:
    checked = 0
    for kind in KINDS:
        for start, end in RANGES:
            for chosen in filters:
                rows = counted(records, kind, start, end, **chosen)
                params = dict(kind=kind, start=start, end=end, **chosen)
                months = store.run_query(con, "complaints_by_month", **params)
                assert [tuple(int(v) for v in r) for r in months[["year", "month", "received", "sample_rows"]].values] \
                    == by_month(rows), (kind, start, end, chosen)
                channels = store.run_query(con, "complaints_by_channel", **params)
                assert {r.channel: (int(r.received), int(r.sample_rows)) for r in channels.itertuples()} == by_channel(rows)
                if len(rows):
                    assert np.isclose(channels["share"].sum(), 100.0)
                split = store.run_query(con, "complaints_by_month_and_channel", **params)
                assert {(int(r.year), int(r.month), r.channel): (int(r.received), int(r.sample_rows))
                        for r in split.itertuples()} == by_month_and_channel(rows)
                checked += len(rows)
    return checked


def records_of(con) -> pd.DataFrame:
    records = con.execute("SELECT * FROM complaints").df()
    return records.assign(received_date=pd.to_datetime(records["received_date"]))


def test_the_shipped_records_give_the_same_counts_by_month_and_channel(con):
    records = records_of(con)
    channels = sorted(records["channel"].unique())[:2]
    departments = sorted(records["department"].dropna().unique())[:2]
    filters = [{}] + [{"channel": c} for c in channels] + [{"department": d} for d in departments]
    assert assert_the_queries_count_as_the_rows(con, records, filters) > 0
    # The 2025 report period's 고충민원: the report's 1,622, by month as by channel.
    months = store.run_query(con, "complaints_by_month", kind="고충민원", start=dt.date(2025, 1, 1),
                             end=dt.date(2025, 9, 30), channel=None, department=None)
    assert months["received"].sum() == 1622


def test_records_at_random_give_the_same_counts_with_blank_departments_and_mixed_sources(tmp_path):
    rng = np.random.default_rng(7)
    n = 20_000
    received = pd.Series(pd.to_datetime("2023-11-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")).sort_values()
    records = pd.DataFrame({
        "record_key": [f"R{i}" for i in range(n)], "received_date": received.dt.date.values,
        "received_year": received.dt.year.astype("int16").values, "received_quarter": received.dt.quarter.astype("int8").values,
        "received_month": received.dt.month.astype("int8").values, "complaint_kind": rng.choice(KINDS, n),
        "channel": rng.choice(["응답소", "전화·방문", "국민신문고"], n), "category": None,
        "department": rng.choice(["도로과", "청소과", None], n), "status": "처리완료", "due_date": None,
        "closed_date": None, "processing_days": None, "repeat_key": None,
        "source": rng.choice(["sample", "import"], n), "import_batch": None})
    settings = pd.DataFrame({"key": ["processing_period_days"], "value": ["7"], "note": [""]})
    target = tmp_path / "audit.duckdb"
    store.write_store(build.SCHEMA_FILES, {"settings": settings, "complaints": records}, target,
                      summaries=build.SUMMARY_FILES)
    con = store.connect_read_only(store.current_file(target))
    try:
        assert con.execute("SELECT sum(received) FROM complaints_daily").fetchone()[0] == n
        stored = records.assign(received_date=pd.to_datetime(records["received_date"]))
        filters = [{}, {"channel": "국민신문고"}, {"department": "청소과"}, {"channel": "응답소", "department": "도로과"}]
        assert assert_the_queries_count_as_the_rows(con, stored, filters) > 0
    finally:
        con.close()


def test_after_an_import_the_daily_counts_are_the_imported_records(workspace):
    imported_text(workspace, "접수번호,접수일자,등록채널\nA,2026-02-01,응답소\nB,2026-02-01,응답소\nC,2026-03-01,국민신문고\n",
                  "2026년 대장.csv")
    _, store_file = workspace
    con = store.connect_read_only(store.current_file(store_file))
    try:
        months = store.run_query(con, "complaints_by_month", kind="고충민원", start=dt.date(2026, 1, 1),
                                 end=dt.date(2026, 3, 31), channel=None, department=None)
        assert months[["month", "received", "sample_rows"]].values.tolist() == [[2, 2, 0], [3, 1, 0]]
        # Every range and filter, 고충민원 (now the import's) and the sample 응답소 현장민원 kept beside it.
        assert assert_the_queries_count_as_the_rows(con, records_of(con), [{}, {"channel": "응답소"}]) > 0
    finally:
        con.close()
