"""Facts about the record tables that every record page needs: the dates they cover, and
whether a period (or the one it is compared with) lies inside them."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import fmt
from .. import report
from ..app_data import ask, per_store
from ..period import Period, Quarter


def coverage(records: str, kind: str | None = None) -> dict:
    """first_date, last_date, rows, sample_rows of 'complaints' (of one kind) or 'patrol_sessions'."""
    return dict(_coverage(records, kind))


@per_store
def _coverage(records: str, kind: str | None) -> dict:
    frame = ask("records_range")
    match = frame[(frame["records"] == records) & ((frame["kind"] == kind) if kind else frame["kind"].isna())]
    if match.empty:
        return {"first_date": None, "last_date": None, "rows": 0, "sample_rows": 0}
    row = match.iloc[0].to_dict()
    for key in ("first_date", "last_date"):
        row[key] = pd.Timestamp(row[key]).date() if not pd.isna(row[key]) else None
    return row


def monthly(name: str, start: dt.date, end: dt.date, **params) -> pd.DataFrame:
    """A by-month question (rows with year and month) over start..end, with each row's month_start: one
    answer sliced for every period inside it (`within`), instead of one question per period."""
    months = ask(name, start=start, end=end, **params)
    months["month_start"] = [dt.date(int(y), int(m), 1) for y, m in zip(months["year"], months["month"])]
    return months


def within(months: pd.DataFrame, first: dt.date, last: dt.date) -> pd.DataFrame:
    """The rows of `monthly`'s answer from the month of `first` to that of `last` (periods here are whole
    months, quarters or runs of quarters: their months add up to them exactly)."""
    return months[(months["month_start"] >= first.replace(day=1)) & (months["month_start"] <= last)]


def compared_from(period: Period) -> dt.date:
    """The first day of the period or of what it is set against (`comparisons`): the span one `monthly`
    question covers for a trend and its changes."""
    return min([period.start] + [compared.start for _, compared in comparisons(period)])


def effective_end(period: Period, records: str, kind: str | None = None) -> dt.date:
    """The period's end, or the last day records cover if that comes first (e.g. 2024-06-30)."""
    last = coverage(records, kind)["last_date"]
    return min(period.end, last) if last else period.end


def covers(period: Period, records: str, kind: str | None = None) -> bool:
    """Whether records exist for the whole period (a comparison with it is fair)."""
    cover = coverage(records, kind)
    return bool(cover["rows"]) and cover["first_date"] <= period.start and period.end <= cover["last_date"] \
        if cover["first_date"] else False


def span(records: str, kind: str | None = None) -> str:
    """'2023. 1. 1. ~ 2024. 6. 30.' or '없음'."""
    cover = coverage(records, kind)
    return fmt.period(cover["first_date"], cover["last_date"]) if cover["rows"] else "없음"


def is_report_period(period: Period) -> bool:
    """Whether `period` is the shown edition's own: only there are records compared with its figures."""
    return period == report.current().period


def quarters_with_records() -> tuple[Quarter, Quarter] | None:
    """The first and the last quarter that any record (complaints, patrol sessions) falls in."""
    frame = ask("records_range")
    frame = frame[frame["rows"] > 0]
    if frame.empty:
        return None
    first, last = pd.Timestamp(frame["first_date"].min()).date(), pd.Timestamp(frame["last_date"].max()).date()
    return Quarter.of(first), Quarter.of(last)


def comparisons(period: Period) -> list[tuple[str, Period]]:
    """What a period's count is set against: the same period a year earlier and, for one quarter, the
    quarter before. A cumulative range (2025년 1~3분기) is not set against the range before it
    (2024년 2~4분기): that mixes two years' seasons, yet '전기 대비' reads as the previous quarter.
    A month is set against the month before and the same month a year earlier."""
    if period.month:  # a month drilled down to: the month before and the same month a year earlier
        return [("전월 대비", period.previous()), ("전년 동월 대비", period.year_earlier())]
    before = [("전기 대비", period.previous())] if period.quarters == 1 else []
    return before + [("전년 동기 대비", period.year_earlier())]


def change_text(label: str, period: Period, compared: Period, count_in, unit: str, records: str,
                kind: str | None = None) -> str:
    """'전기 대비 +4.0%(+62건) (2024년 2~4분기 1,560건)', or why the two periods cannot be compared:
    either lacks records for part of its span, so the counts would not be like for like."""
    for side in (period, compared):
        if not covers(side, records, kind):
            return f"{label}: 비교하지 않음({side.label}의 기록이 일부 또는 전부 없음, 기록이 있는 기간 {span(records, kind)})"
    now, before = count_in(period), count_in(compared)
    return f"{label} {fmt.change(now, before, unit)} ({compared.label} {fmt.count(before, unit)})"


def coverage_note(period: Period, records: str, kind: str | None = None) -> str | None:
    """Said when the period runs past the records (e.g. 2025년 3~4분기 with records to 6. 30.)."""
    cover = coverage(records, kind)
    if cover["rows"] and cover["last_date"] < period.end:
        return f"기록은 {fmt.date(cover['last_date'])}까지 있어 그 뒤는 빠져 있습니다."
    return None
