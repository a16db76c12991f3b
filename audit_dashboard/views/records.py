"""Facts about the record tables that every record page needs: their date range and the report's period."""
from __future__ import annotations

import datetime as dt

from ..app_data import ask
from ..period import REPORT_PERIOD, Period


def coverage(records: str) -> dict:
    """first_date, last_date, rows, sample_rows of 'complaints' or 'patrol_sessions'."""
    frame = ask("records_range").set_index("records")
    row = frame.loc[records].to_dict()
    for key in ("first_date", "last_date"):
        if row[key] is not None and hasattr(row[key], "date"):
            row[key] = row[key].date()
    return row


def effective_end(period: Period, records: str) -> dt.date:
    """The period's end, or the last day records cover if that comes first (e.g. 2025-09-30)."""
    last = coverage(records)["last_date"]
    return min(period.end, last) if last else period.end


def is_report_period(period: Period) -> bool:
    return period == REPORT_PERIOD
