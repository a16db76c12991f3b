"""고충민원: what the complaints page shows, built from the complaint records."""
from __future__ import annotations

import datetime as dt

from .. import charts, drill, fmt, labels
from ..app_data import ask, ask_one, per_store
from ..content import Chart, Table, origin_of
from ..drill import COMPLAINTS, NONE, Filters
from ..period import Period, default_grain
from ..report import current
from . import records, trends

KIND = "고충민원"
SOURCE = "고충민원 기록"
TOP_DEPARTMENTS = 10


def report_source() -> str:
    """'2024년 주요업무 보고 Ⅱ-4 주요 추진실적': where the shown edition prints its complaint figures."""
    report = current()
    return report.source(report.figures().loc["complaints_total", "section"]) if report.has_figure("complaints_total") \
        else report.source()


def _dates(period: Period, filters: Filters = NONE) -> dict:
    return {"start": period.start, "end": period.end, **filters.params(COMPLAINTS)}


def at(period: Period) -> dt.date:
    """The day open complaints are counted at: the period's end, or the last day with records."""
    return records.effective_end(period, "complaints", KIND)


def summary(period: Period, filters: Filters = NONE) -> dict:
    return ask_one("complaints_summary", kind=KIND, at=at(period), **_dates(period, filters))


def received_in(period: Period, filters: Filters = NONE) -> int:
    return int(summary(period, filters)["received"])


def months_around(period: Period, filters: Filters = NONE):
    """Received per month and channel over the period and what it is set against (the period before, the same
    period a year earlier): one question the trend, the channel trend and the changes all slice."""
    return records.monthly("complaints_by_month_and_channel", records.compared_from(period), period.end, kind=KIND,
                           **filters.params(COMPLAINTS))


def _of(months, period: Period):
    return records.within(months, period.start, period.end)


def changes(period: Period, filters: Filters = NONE) -> list[str]:
    """Received against the period before and the same period a year earlier (counted as `received_in`)."""
    months = months_around(period, filters)
    return [records.change_text(label, period, compared, lambda p: int(_of(months, p)["received"].sum()), "건",
                                "complaints", KIND)
            for label, compared in records.comparisons(period)]


def settings() -> dict:
    return dict(ask("settings")[["key", "value"]].itertuples(index=False, name=None))


def processing_period_days() -> int:
    """The days a complaint may take (settings.processing_period_days), as complaints_summary reads them."""
    return int(settings().get("processing_period_days", 7))


@per_store
def target(period: Period) -> dict | None:
    """The target for the share closed within the processing period, if one is set."""
    found = ask("target_for", metric="complaints_closed_within_period_share", at=at(period))
    return found.iloc[0].to_dict() if len(found) else None


@per_store
def trend(period: Period, grain: str, filters: Filters = NONE) -> Chart:
    """Received per month or quarter of the period, beside the same months or quarters a year earlier."""
    months = months_around(period, filters)
    now, before = _of(months, period), _of(months, period.year_earlier())
    figure = trends.compared(period, grain, now, before, "received", "건")
    rows, samples = now["received"].sum() + before["received"].sum(), now["sample_rows"].sum() + before["sample_rows"].sum()
    word, same = trends.WORD[grain]
    return Chart(f"complaints_trend_{grain}", f"{word} 고충민원 접수(전년 {same} 대비)", "건",
                 f"{period.dates} (전년 동기 {period.year_earlier().dates})", SOURCE, figure, origin_of(rows, samples), drill="month")


@per_store
def daily(period: Period, filters: Filters = NONE) -> Chart:
    """Received per day of a month drilled down to (every day of it, none left out for want of complaints)."""
    frame = ask("complaints_by_day", kind=KIND, **_dates(period, filters))
    figure = trends.daily(period, frame, "received", "건")
    return Chart(f"complaints_daily_{period}", f"일별 고충민원 접수({period.label})", "건", period.dates, SOURCE, figure,
                 origin_of(frame["received"].sum(), frame["sample_rows"].sum()))


@per_store
def closed_in_time_trend(period: Period, grain: str, filters: Filters = NONE) -> Chart:
    """The share closed within the processing period, per month or quarter of receipt, against its target."""
    frame = ask("complaints_closed_in_time_by_month", kind=KIND, **_dates(period, filters))
    within = trends.per_bucket(frame, grain, "closed_within")
    closed = trends.per_bucket(frame, grain, "closed")
    shares = [100.0 * within.get(key, 0) / closed[key] if closed.get(key) else None for key in period.buckets(grain)]
    days = processing_period_days()
    figure = trends.rates(period, grain, {f"기한({days}일) 내 처리율": shares}, target(period))
    word, _ = trends.WORD[grain]
    return Chart(f"complaints_closed_in_time_{grain}", f"{word} 기한 내 처리율(접수한 {'달' if grain == 'month' else '분기'} 기준)",
                 "%", period.dates, SOURCE, figure, origin_of(frame["received"].sum(), frame["sample_rows"].sum()),
                 readings=("processing_period",))


@per_store
def channel_trend(period: Period, grain: str, filters: Filters = NONE) -> Chart:
    """Received per month or quarter of the period, by channel."""
    frame = _of(months_around(period, filters), period)
    figure = trends.stacked(period, grain, frame, "channel", "received", "건")
    return Chart(f"complaints_channels_{grain}", f"{trends.WORD[grain][0]} 고충민원 접수(경로별)", "건", period.dates,
                 SOURCE, figure, origin_of(frame["received"].sum(), frame["sample_rows"].sum()), drill="month")


@per_store
def channels(period: Period, filters: Filters = NONE) -> tuple[Chart, Table]:
    frame = ask("complaints_by_channel", kind=KIND, **_dates(period, filters))
    origin = origin_of(frame["received"].sum(), frame["sample_rows"].sum())
    figure = charts.bars(frame["channel"], {"접수": frame["received"].tolist()}, horizontal=True,
                         text_format=fmt.number)
    figure.update_layout(showlegend=False)
    figure.update_traces(customdata=frame["channel"].tolist())  # a click on a bar filters the page to its channel
    chart = Chart("complaints_channels", f"접수 경로별 고충민원({period.label})", "건", period.dates, SOURCE, figure, origin,
                  drill="channel")
    table = Table("complaints_channels_table", f"접수 경로별 고충민원({period.label})", "건, %", period.dates, SOURCE,
                  frame, {"channel": "text", "received": "number", "share": "percent"}, origin)
    return chart, table


@per_store
def backlog(period: Period, filters: Filters = NONE) -> Table:
    day = at(period)
    frame = ask("complaints_backlog", kind=KIND, at=day, **filters.params(COMPLAINTS))
    frame["age_label"] = frame["age_band"].map(labels.AGE_BANDS)
    return Table("complaints_backlog", f"미처리 고충민원과 경과일수({fmt.date(day)} 현재)", "건, 일", f"{fmt.date(day)} 현재",
                 SOURCE, frame, {"age_label": "text", "still_open": "number", "oldest_days": "number"},
                 origin_of(frame["still_open"].sum(), frame["sample_rows"].sum()))


@per_store
def repeats(period: Period, filters: Filters = NONE) -> Table:
    threshold = int(settings()["repeat_complaint_threshold"])
    frame = ask("complaints_repeats", kind=KIND, threshold=threshold, **_dates(period, filters))
    return Table("complaints_repeats", f"반복민원: 같은 사안 {threshold}회 이상({period.label})", "건", period.dates, SOURCE,
                 frame, {"repeat_key": "text", "category": "text", "department": "text", "complaints": "number",
                         "first_received": "date", "last_received": "date", "still_open": "number"},
                 origin_of(frame["complaints"].sum(), frame["sample_rows"].sum()))


@per_store
def departments(period: Period, filters: Filters = NONE) -> Table:
    frame = ask("complaints_by_department", kind=KIND, top=TOP_DEPARTMENTS, at=at(period), **_dates(period, filters))
    frame["department"] = frame["department"].fillna(labels.UNASSIGNED)
    return Table("complaints_departments", f"처리부서 상위 {TOP_DEPARTMENTS}곳({period.label})", "건, %, 일", period.dates,
                 SOURCE, frame, {"department": "text", "received": "number", "share": "percent", "still_open": "number",
                                 "closed_within_period_share": "percent", "median_days": "number"},
                 origin_of(frame["received"].sum(), frame["sample_rows"].sum()), readings=("processing_period",),
                 drill="department")


RECORDS_SHOWN = 10_000


def records_table(period: Period, filters: Filters = NONE) -> Table:
    """The records behind the view, as the page counts them: no names, no free text."""
    frame = ask("complaints_records", kind=KIND, limit=RECORDS_SHOWN, **_dates(period, filters))
    frame["department"] = frame["department"].fillna(labels.UNASSIGNED)
    frame["source_text"] = frame["source"].map(labels.SOURCE_KIND).fillna(frame["source"])
    count = received_in(period, filters)
    shown = f"{fmt.count(count, '건')}" + (f" 중 처음 {fmt.count(RECORDS_SHOWN, '건')}" if count > RECORDS_SHOWN else "")
    return Table("complaints_records", f"이 보기의 고충민원 기록({shown})", "건, 일", period.dates, SOURCE, frame,
                 {"received_date": "date", "channel": "text", "department": "text", "status": "text",
                  "closed_date": "date", "processing_days": "number", "source_text": "text"},
                 origin_of(len(frame), int((frame["source"] == "sample").sum())))


@per_store
def known_values() -> dict[str, list[str]]:
    """The channels and departments the records hold: what a drill-down may filter to."""
    return {"channel": ask("complaint_channels_known", kind=KIND)["channel"].tolist(),
            "department": ask("complaint_departments_known", kind=KIND)["department"].tolist()}


@per_store
def report_check(period: Period) -> Table | None:
    """On the shown edition's own period: its printed figures beside those computed from records."""
    if not records.is_report_period(period):
        return None
    frame = current().ask("records_vs_report", start=period.start, end=period.end)
    frame = frame[frame["topic"] == "complaints"].copy()
    frame["agrees"] = frame["report_value"] == frame["record_value"]
    frame["agreement"] = frame["agrees"].map(labels.AGREEMENT)
    return Table("complaints_report_check", "보고서 수치와 기록 비교(고충민원 접수)", "건", period.dates,
                 f"{report_source()} / {SOURCE}", frame,
                 {"item": "text", "report_value": "number", "record_value": "number", "agreement": "text"},
                 _records_origin())


def received_trends(period: Period, grain: str, filters: Filters = NONE) -> tuple[Chart, Chart]:
    """The two charts of 접수 추이: the months (or quarters) against a year earlier, and by channel; for a month
    drilled down to, the month against a year earlier and its days (its channels are the 접수 경로 tab's)."""
    if period.month:
        return trend(period, "month", filters), daily(period, filters)
    return trend(period, grain, filters), channel_trend(period, grain, filters)


def council_items(period: Period, grain: str | None = None, filters: Filters = NONE) -> list:
    """The page's figures for the pack, filtered as the page is (each title says so); the report check
    only unfiltered, as on the page (the report's totals are for every channel and department)."""
    grain = grain or default_grain(period)  # the pack draws a long period by quarter, as the page starts
    chart, table = channels(period, filters)
    items = [closed_in_time_trend(period, grain, filters), *received_trends(period, grain, filters), chart, table,
             backlog(period, filters), departments(period, filters), repeats(period, filters)]
    check = None if filters.active else report_check(period)
    return [drill.titled(item, filters) for item in items] + ([check] if check is not None else [])


def _records_origin() -> str:
    cover = records.coverage("complaints", KIND)
    return origin_of(cover["rows"], cover["sample_rows"])
