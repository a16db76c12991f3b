"""현장순찰: what the patrol page shows, from patrol session records and the report."""
from __future__ import annotations

import pandas as pd

from .. import charts, drill, fmt, labels
from ..app_data import ask, ask_one, per_store
from ..drill import NONE, PATROLS, Filters
from ..content import Chart, Table, origin_of
from ..period import Period, default_grain
from ..report import current
from . import records, trends

SOURCE = "순찰 기록"
FIELD_SOURCE = "응답소 현장민원 기록"
FIELD_KIND = "응답소 현장민원"


@per_store
def report_source() -> str:
    """'2024년 주요업무 보고 Ⅱ-5 주요 추진실적': where the shown edition prints its patrol figures."""
    report = current()
    frame = report.ask("joint_patrols_report")
    return report.source(str(frame["section"].iloc[0])) if len(frame) else report.source()


def _dates(period: Period, filters: Filters = NONE) -> dict:
    return {"start": period.start, "end": period.end, **filters.params(PATROLS)}


def by_kind(period: Period, filters: Filters = NONE) -> pd.DataFrame:
    return ask("patrols_by_kind", **_dates(period, filters))


@per_store
def kinds_table(period: Period, filters: Filters = NONE) -> Table:
    frame = by_kind(period, filters)
    return Table("patrols_by_kind", f"순찰 종류별 순찰·적출·조치({period.label})", "회, 건, %", period.dates, SOURCE, frame,
                 {"patrol_group": "text", "patrol_kind": "text", "sessions": "number", "findings": "number",
                  "findings_per_session": "decimal", "findings_resolved": "number", "follow_up_share": "percent"},
                 origin_of(frame["sessions"].sum(), frame["sample_rows"].sum()), drill="patrol_kind")


@per_store
def trend(period: Period, measure: str, grain: str, filters: Filters = NONE) -> Chart:
    """Sessions or findings per month or quarter of the period, by patrol kind (stacked)."""
    frame = ask("patrols_by_month", **_dates(period, filters))
    title, unit = ("순찰 횟수", "회") if measure == "sessions" else ("적출 건수", "건")
    figure = trends.stacked(period, grain, frame, "patrol_kind", measure, unit)
    return Chart(f"patrols_{grain}_{measure}", f"{trends.WORD[grain][0]} {title}(순찰 종류별)", unit, period.dates, SOURCE,
                 figure, origin_of(frame["sessions"].sum(), frame["sample_rows"].sum()), drill="month")


@per_store
def daily(period: Period, measure: str, filters: Filters = NONE) -> Chart:
    """Sessions or findings per day of a month drilled down to (its kinds are the 순찰 종류별 tab's)."""
    frame = ask("patrols_by_day", **_dates(period, filters))
    title, unit = ("순찰 횟수", "회") if measure == "sessions" else ("적출 건수", "건")
    return Chart(f"patrols_daily_{measure}_{period}", f"일별 {title}({period.label})", unit, period.dates, SOURCE,
                 trends.daily(period, frame, measure, unit), origin_of(frame["sessions"].sum(), frame["sample_rows"].sum()))


def session_trends(period: Period, grain: str, filters: Filters = NONE) -> tuple[Chart, Chart]:
    """The two charts of 순찰과 적출 추이: sessions and findings per month (or quarter) by kind; for a month
    drilled down to, per day."""
    if period.month:
        return daily(period, "sessions", filters), daily(period, "findings", filters)
    return trend(period, "sessions", grain, filters), trend(period, "findings", grain, filters)


@per_store
def per_session(period: Period, filters: Filters = NONE) -> Chart:
    frame = by_kind(period, filters)
    figure = charts.bars(frame["patrol_kind"], {"회당 적출": frame["findings_per_session"].round(1).tolist()},
                         text_format=lambda v: fmt.number(v, 1))
    figure.update_layout(showlegend=False)
    figure.update_yaxes(tickformat=",.1f")
    figure.update_traces(customdata=frame["patrol_kind"].tolist())  # a click on a bar filters the page to its kind
    return Chart("patrols_per_session", "순찰 1회당 적출 건수", "건/회", period.dates, SOURCE, figure,
                 origin_of(frame["sessions"].sum(), frame["sample_rows"].sum()), drill="patrol_kind")


@per_store
def areas(period: Period, filters: Filters = NONE) -> Table:
    frame = ask("patrols_by_area", **_dates(period, filters))
    return Table("patrols_by_area", f"동별 순찰·적출({period.label})", "회, 건", period.dates, SOURCE, frame,
                 {"area": "text", "sessions": "number", "findings": "number", "findings_open": "number"},
                 origin_of(frame["sessions"].sum(), frame["sample_rows"].sum()), drill="area")


RECORDS_SHOWN = 10_000


def records_table(period: Period, filters: Filters = NONE) -> Table:
    """The patrol sessions behind the view: date, kind, 동 and counts (no places beyond the 동, no names)."""
    frame = ask("patrol_records", limit=RECORDS_SHOWN, **_dates(period, filters))
    frame["source_text"] = frame["source"].map(labels.SOURCE_KIND).fillna(frame["source"])
    count = int(summary(period, filters)["sessions"])
    shown = f"{fmt.count(count, '회')}" + (f" 중 처음 {fmt.count(RECORDS_SHOWN, '회')}" if count > RECORDS_SHOWN else "")
    return Table("patrol_records", f"이 보기의 순찰 기록({shown})", "회, 건", period.dates, SOURCE, frame,
                 {"patrol_date": "date", "patrol_group": "text", "patrol_kind": "text", "area": "text",
                  "findings": "number", "findings_resolved": "number", "source_text": "text"},
                 origin_of(len(frame), int((frame["source"] == "sample").sum())))


@per_store
def known_values() -> dict[str, list[str]]:
    """The patrol kinds and 동 the records hold: what a drill-down may filter to."""
    return {"patrol_kind": ask("patrol_kinds_known")["patrol_kind"].tolist(),
            "area": ask("patrol_areas_known")["area"].tolist()}


@per_store
def joint_report_table() -> Table:
    """The joint-patrol table exactly as the report prints it: findings (sessions)."""
    frame = current().ask("joint_patrols_report").copy()
    frame["printed"] = [f"{fmt.count(f, '건')}({fmt.count(s, '회')})" for f, s in zip(frame["findings"], frame["sessions"])]
    return Table("joint_patrols_report", "주민합동순찰 실적(보고서 표)", "건(회)", current().period_text,
                 report_source(), frame, {"patrol_kind": "text", "printed": "text"})


def field_complaints(period: Period) -> dict:
    return ask_one("complaints_summary", kind=FIELD_KIND, start=period.start, end=period.end,
                   at=records.effective_end(period, "complaints", FIELD_KIND))


@per_store
def field_trend(period: Period, grain: str) -> Chart:
    """응답소 현장민원 per month or quarter of the period, beside the same months or quarters a year earlier."""
    earlier = period.year_earlier()
    months = field_months(period)
    now, before = records.within(months, period.start, period.end), records.within(months, earlier.start, earlier.end)
    figure = trends.compared(period, grain, now, before, "received", "건")
    rows = now["received"].sum() + before["received"].sum()
    word, same = trends.WORD[grain]
    return Chart(f"field_complaints_{grain}", f"{word} 응답소 현장민원 처리(전년 {same} 대비)", "건",
                 f"{period.dates} (전년 동기 {earlier.dates})", FIELD_SOURCE, figure,
                 origin_of(rows, now["sample_rows"].sum() + before["sample_rows"].sum()), drill="month")


@per_store
def report_check(period: Period) -> Table | None:
    if not records.is_report_period(period):
        return None
    frame = current().ask("records_vs_report", start=period.start, end=period.end)
    frame = frame[frame["topic"].isin(["patrols", "field_complaints"])].copy()
    frame["agrees"] = frame["report_value"] == frame["record_value"]
    frame["agreement"] = frame["agrees"].map(labels.AGREEMENT)
    return Table("patrols_report_check", "보고서 수치와 기록 비교(순찰·현장민원)", "건, 회", period.dates,
                 f"{report_source()} / {SOURCE}", frame,
                 {"item": "text", "measure": "measure", "report_value": "number", "record_value": "number",
                  "agreement": "text"}, _records_origin())


def council_items(period: Period, grain: str | None = None, filters: Filters = NONE) -> list:
    """The page's figures for the pack, filtered as the page is (each title says so; 응답소 현장민원 and the
    report's joint-patrol table are not filtered, as on the page; the report check only unfiltered)."""
    grain = grain or default_grain(period)  # the pack draws a long period by quarter, as the page starts
    filtered = [kinds_table(period, filters), *session_trends(period, grain, filters), per_session(period, filters)]
    items = [*(drill.titled(item, filters) for item in filtered), joint_report_table(), field_trend(period, grain),
             drill.titled(areas(period, filters), filters)]
    check = None if filters.active else report_check(period)
    return items + ([check] if check is not None else [])


def summary(period: Period, filters: Filters = NONE) -> dict:
    return ask_one("patrols_summary", **_dates(period, filters))


def report_figures() -> dict:
    """Figures only the report has (내 지역 지킴이, 현장점검): value by figure_key."""
    return current().figures()["value"].to_dict()


def _records_origin() -> str:
    """Patrol sessions and 응답소 현장민원 together, as the comparison table shows both."""
    parts = [records.coverage("patrol_sessions"), records.coverage("complaints", FIELD_KIND)]
    return origin_of(sum(p["rows"] for p in parts), sum(p["sample_rows"] for p in parts))


def changes(period: Period, measure: str, unit: str, filters: Filters = NONE) -> list[str]:
    """Sessions or findings against the period before and the same period a year earlier."""
    count_in = lambda p: summary(p, filters)[measure]  # noqa: E731
    return [records.change_text(label, period, compared, count_in, unit, "patrol_sessions")
            for label, compared in records.comparisons(period)]


def field_months(period: Period):
    """응답소 현장민원 received per month over the period and the same period a year earlier: one question the
    trend and the change both slice."""
    return records.monthly("complaints_by_month", period.year_earlier().start, period.end, kind=FIELD_KIND)


def field_changes(period: Period) -> list[str]:
    """Received (counted as `field_complaints`) against the same period (or month) a year earlier."""
    label, earlier = records.comparisons(period)[-1]
    months = field_months(period)
    return [records.change_text(label, period, earlier, lambda p: int(records.within(months, p.start, p.end)["received"].sum()),
                                "건", "complaints", FIELD_KIND)]
