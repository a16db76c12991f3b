"""The derived tables, filled from the records on every build: complaints_daily (counts per day, kind, channel
and department) answers the counts by month and by channel; complaints_timing (counts per month and number of
days taken) answers how fast complaints were closed, overall and per department. Their answers must be the
records' own, counted row by row — received, closed and still open at the period's end, the share closed
within the processing period, the median and 90th percentile of days taken — for any range of days and any
filter, on the shipped records, on records at random and after an import."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from audit_dashboard import build, store
from complaint_figures import rows_of, summary_of
from import_support import imported_text

KINDS = ("고충민원", "응답소 현장민원")
RANGES = [(dt.date(2025, 1, 1), dt.date(2025, 9, 30)), (dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
          (dt.date(2024, 2, 10), dt.date(2024, 11, 3)), (dt.date(2016, 1, 1), dt.date(2025, 12, 31)),
          (dt.date(2030, 1, 1), dt.date(2030, 3, 31))]


def counted(records: pd.DataFrame, kind, start, end, channel=None, department=None) -> pd.DataFrame:
    rows = rows_of(records, kind, start, end, channel, department)
    return rows.assign(sample=rows["source"] == "sample")


def by_month(rows: pd.DataFrame) -> list[tuple]:
    grouped = rows.groupby([rows["received_date"].dt.year, rows["received_date"].dt.month])
    return [(int(y), int(m), int(len(g)), int(g["sample"].sum())) for (y, m), g in grouped]


def by_channel(rows: pd.DataFrame) -> dict:
    return {c: (int(len(g)), int(g["sample"].sum())) for c, g in rows.groupby("channel")}


def by_month_and_channel(rows: pd.DataFrame) -> dict:
    grouped = rows.groupby([rows["received_date"].dt.year, rows["received_date"].dt.month, "channel"])
    return {(int(y), int(m), c): (int(len(g)), int(g["sample"].sum())) for (y, m, c), g in grouped}


def assert_same(found: dict, expected: dict, where) -> None:
    for name, value in expected.items():
        if value is None:
            assert pd.isna(found[name]), (where, name, found[name])
        else:
            assert np.isclose(float(found[name]), float(value)), (where, name, found[name], value)


def assert_the_timings_count_as_the_rows(con, rows: pd.DataFrame, params: dict, end: dt.date) -> None:
    limit_days = int(con.execute("SELECT value FROM settings WHERE key = 'processing_period_days'").fetchone()[0])
    summary = store.run_query(con, "complaints_summary", at=end, **params).iloc[0].to_dict()
    assert_same(summary, summary_of(rows, limit_days, end), params)
    departments = store.run_query(con, "complaints_by_department", at=end, top=1000, **params)
    expected = {d: summary_of(g, limit_days, end) for d, g in rows.groupby("department", dropna=False)}
    assert len(departments) == len(expected), params
    for found in departments.to_dict("records"):
        wanted = expected[found["department"] if found["department"] is not None else np.nan]
        assert_same(found, {k: wanted[k] for k in ("received", "still_open", "closed_within_period_share",
                                                   "median_days", "sample_rows")}, (params, found["department"]))
        assert np.isclose(found["share"], 100.0 * wanted["received"] / len(rows))
    assert list(departments["received"]) == sorted(departments["received"], reverse=True)
    by_month = store.run_query(con, "complaints_closed_in_time_by_month", **params)
    expected_months = []
    for (year, month), g in rows.groupby([rows["received_date"].dt.year, rows["received_date"].dt.month]):
        days = g["processing_days"].astype("Float64")
        expected_months.append((int(year), int(month), len(g), int(days.notna().sum()), int((days <= limit_days).sum()),
                                int(g["sample"].sum())))
    assert [tuple(int(v) for v in r) for r in by_month[["year", "month", "received", "closed", "closed_within",
                                                         "sample_rows"]].values] == expected_months, params


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
                assert_the_timings_count_as_the_rows(con, rows, params, end)
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
    # Days taken 0~59, or none: still 처리중, or 처리완료 with no closing date (neither closed nor open).
    taken = pd.Series(rng.integers(0, 60, n)).astype("Int32").where(rng.random(n) < 0.9)
    closed = (received.reset_index(drop=True) + pd.to_timedelta(taken.astype("Float64").fillna(0), unit="D")).where(taken.notna())
    status = np.where(taken.notna() | (rng.random(n) < 0.5), "처리완료", "처리중")
    records = pd.DataFrame({
        "record_key": [f"R{i}" for i in range(n)], "received_date": received.dt.date.values,
        "received_year": received.dt.year.astype("int16").values, "received_quarter": received.dt.quarter.astype("int8").values,
        "received_month": received.dt.month.astype("int8").values, "complaint_kind": rng.choice(KINDS, n),
        "channel": rng.choice(["응답소", "전화·방문", "국민신문고"], n), "category": None,
        "department": rng.choice(["도로과", "청소과", None], n), "status": status, "due_date": None,
        "closed_date": closed.dt.date.values, "processing_days": taken.values, "repeat_key": None,
        "source": rng.choice(["sample", "import"], n), "import_batch": None})
    settings = pd.DataFrame({"key": ["processing_period_days"], "value": ["7"], "note": [""]})
    target = tmp_path / "audit.duckdb"
    store.write_store(build.SCHEMA_FILES, {"settings": settings, "complaints": records}, target,
                      summaries=build.SUMMARY_FILES)
    con = store.connect_read_only(store.current_file(target))
    try:
        assert con.execute("SELECT sum(received) FROM complaints_daily").fetchone()[0] == n
        assert con.execute("SELECT sum(received) FROM complaints_timing").fetchone()[0] == n
        for kind in (None, *KINDS):  # the values a drill-down or an import may name, most complaints first
            rows = records if kind is None else records[records["complaint_kind"] == kind]
            known = store.run_query(con, "complaint_channels_known", kind=kind)
            assert dict(zip(known["channel"], known["complaints"])) == rows["channel"].value_counts().to_dict()
            assert list(known["complaints"]) == sorted(known["complaints"], reverse=True)
        for kind in KINDS:
            known = store.run_query(con, "complaint_departments_known", kind=kind)
            rows = records[records["complaint_kind"] == kind]
            assert dict(zip(known["department"], known["complaints"])) == rows["department"].value_counts().to_dict()
        covered = store.run_query(con, "records_range").set_index("kind").loc[list(KINDS)]
        for kind in KINDS:
            rows = records[records["complaint_kind"] == kind]
            assert (covered.loc[kind, "first_date"].date(), covered.loc[kind, "last_date"].date(),
                    covered.loc[kind, "rows"], covered.loc[kind, "sample_rows"]) == \
                (rows["received_date"].min(), rows["received_date"].max(), len(rows), (rows["source"] == "sample").sum())
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
