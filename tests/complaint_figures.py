"""What the complaint queries should say of a set of records, counted row by row in pandas: the oracle the
summary tests hold the SQL to."""
from __future__ import annotations

import numpy as np
import pandas as pd


def rows_of(records: pd.DataFrame, kind: str, start, end, channel=None, department=None) -> pd.DataFrame:
    """The records of one kind received from start to end, of one channel or department if named."""
    rows = records[(records["complaint_kind"] == kind) & (records["received_date"] >= pd.Timestamp(start))
                   & (records["received_date"] <= pd.Timestamp(end))]
    if channel is not None:
        rows = rows[rows["channel"] == channel]
    if department is not None:
        rows = rows[rows["department"] == department]
    return rows


def summary_of(rows: pd.DataFrame, days_limit: int, at) -> dict:
    """complaints_summary of these rows: open and closed at `at`, quantiles as quantile_cont gives them."""
    at, closed = pd.Timestamp(at), pd.to_datetime(rows["closed_date"])
    days = rows["processing_days"].astype("Float64").dropna().astype(float)
    return {
        "received": len(rows),
        "closed": int((closed <= at).sum()),
        "still_open": int(((closed > at) | (closed.isna() & (rows["status"] == "처리중"))).sum()),
        "closed_within_period_share": 100.0 * (days <= days_limit).sum() / len(days) if len(days) else None,
        "median_days": float(np.quantile(days, 0.5)) if len(days) else None,  # numpy's default: quantile_cont's rule
        "p90_days": float(np.quantile(days, 0.9)) if len(days) else None,
        "processing_period_days": days_limit,
        "sample_rows": int((rows["source"] == "sample").sum()),
    }
