"""종합 현황: the director's KPIs for the chosen period, each with its source and period.

Records (complaints, patrols) and budget snapshots follow the sidebar period and are compared
with the period before and the same period a year earlier; figures only the report has
(audits, integrity) say plainly that they are the report's period. The same KPIs feed the
council pack as a table.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .. import fmt
from .. import status as status_rule
from ..korean import josa
from ..app_data import ask, per_store
from ..content import Table, origin_of
from ..period import Period
from ..report import current
from . import budget, complaints, patrols, records


@dataclass
class Kpi:
    label: str
    value: str
    source: str
    period: str
    origin: str = "report"
    details: list[str] = field(default_factory=list)


def _figure(key: str) -> int:
    return current().figure(key)


def _changes(period: Period, count_in, unit: str, records_name: str, kind: str | None = None) -> list[str]:
    changes = [records.change_text(label, period, compared, count_in, unit, records_name, kind)
               for label, compared in records.comparisons(period)]
    note = records.coverage_note(period, records_name, kind)
    return changes + ([note] if note else [])


def budget_kpi(period: Period, *, target_basis: bool = True) -> Kpi:
    snap = budget.snapshot(period)
    if snap is None:
        return Kpi("예산 집행률", "-", budget.source_programmes(), period.dates,
                   details=[f"{period.label}에 해당하는 집행 시점이 없습니다(있는 시점: {budget.available()})."])
    total = budget.totals(snap)
    details = [
        f"집행액 {fmt.won(total['executed'])} / 예산액 {fmt.won(total['budget'])}",
        f"연간 경과율 {fmt.percent(total['year_elapsed'], 1)}({fmt.date(snap.date)} 기준) 대비 "
        f"{fmt.points(total['execution_rate'] - total['year_elapsed'])}",
    ]
    status = fmt.target_status(total["execution_rate"], budget.target(snap), basis=target_basis)
    if status:
        details.append(status)
    return Kpi("예산 집행률", fmt.percent(total["execution_rate"]), snap.source_for(budget.PROGRAMMES_SECTION),
               snap.period, snap.source, details)


def complaints_kpi(period: Period, *, target_basis: bool = True) -> Kpi:
    now = complaints.summary(period)
    channels = ask("complaints_by_channel", kind=complaints.KIND, start=period.start, end=period.end)
    details = [" · ".join(f"{r.channel} {fmt.count(r.received, '건')}({fmt.percent(r.share)})" for r in channels.itertuples())]
    details += _changes(period, complaints.received_in, "건", "complaints", complaints.KIND)
    if records.is_report_period(period):
        printed = _figure("complaints_total")
        details.append(f"{josa('보고서 ' + fmt.count(printed, '건'), '과/와')} {'일치' if printed == now['received'] else '불일치'}")
    status = fmt.target_status(now["closed_within_period_share"], complaints.target(period), basis=target_basis)
    if status:
        details.append(f"기한 내 처리율 {fmt.percent(now['closed_within_period_share'], 1)}: {status}")
    return Kpi("고충민원 접수", fmt.count(now["received"], "건"), complaints.SOURCE, period.dates,
               origin_of(now["received"], now["sample_rows"]), details)


def field_complaints_kpi(period: Period) -> Kpi:
    now = patrols.field_complaints(period)
    count_in = lambda p: patrols.field_complaints(p)["received"]  # noqa: E731
    details = _changes(period, count_in, "건", "complaints", patrols.FIELD_KIND)
    if records.is_report_period(period):
        printed = _figure("field_complaints_handled")
        details.append(f"{josa('보고서 ' + fmt.count(printed, '건'), '과/와')} {'일치' if printed == now['received'] else '불일치'}")
    return Kpi("응답소 현장민원 처리", fmt.count(now["received"], "건"), patrols.FIELD_SOURCE, period.dates,
               origin_of(now["received"], now["sample_rows"]), details)


def patrol_kpi(period: Period) -> Kpi:
    now = patrols.summary(period)
    by_kind = patrols.by_kind(period)
    by_group = by_kind.groupby("patrol_group", sort=False)["findings"].sum()
    details = [" · ".join(f"{group} {fmt.count(n, '건')}" for group, n in by_group.items())]
    details += _changes(period, lambda p: patrols.summary(p)["findings"], "건", "patrol_sessions")
    if not pd.isna(now["follow_up_share"]):
        details.append(f"조치율 {fmt.percent(now['follow_up_share'], 1)}")
    return Kpi("순찰 적출", fmt.count(now["findings"], "건"), patrols.SOURCE, period.dates,
               origin_of(now["sessions"], now["sample_rows"]), details)


REPORT_ONLY = "보고서에만 있는 수치: 기간 선택과 관계없이 보고서 기간의 값"


def _figure_source(key: str) -> str:
    report = current()
    return report.source(report.figures().loc[key, "section"])


def audits_kpi() -> Kpi:
    return Kpi("자체감사 실시", fmt.count(_figure("self_audits_total"), "건"), _figure_source("self_audits_total"),
               current().period_text,
               details=[f"일상감사 {fmt.count(_figure('daily_audits'), '건')} · 계약심사 {fmt.count(_figure('contract_reviews'), '건')}"
                        f" · 원가 심사 {fmt.count(_figure('cost_reviews'), '건')}", REPORT_ONLY])


def integrity_kpi() -> Kpi:
    return Kpi("청렴서약 참여", fmt.count(_figure("integrity_pledges"), "명"), _figure_source("integrity_pledges"),
               current().period_text,
               details=[f"직원의 {fmt.percent(_figure('integrity_pledge_share'))} 서명", REPORT_ONLY])


def kpis(period: Period, *, target_basis: bool = True) -> list[Kpi]:
    """The six tiles. `target_basis=False` leaves out who set each target (the council pack says once,
    on its cover, that the targets are examples)."""
    return [budget_kpi(period, target_basis=target_basis), complaints_kpi(period, target_basis=target_basis),
            field_complaints_kpi(period), patrol_kpi(period), audits_kpi(), integrity_kpi()]


def targets_used(period: Period) -> list[dict]:
    """The targets the tiles measure against for `period` (budget execution, complaints closed in time)."""
    snap = budget.snapshot(period)
    found = [budget.target(snap) if snap is not None else None, complaints.target(period)]
    return [target for target in found if target is not None]


def kpi_summary(period: Period) -> Table:
    """The tiles as one table for the council pack: targets without their '예시값…' basis (see council_notes)."""
    tiles = kpis(period, target_basis=False)
    rows = [dict(kpi=k.label, kpi_value=k.value, kpi_detail=" / ".join(k.details), kpi_source=k.source,
                 kpi_period=k.period) for k in tiles]
    origins = {part for k in tiles for part in k.origin.split("+")}
    origin = "+".join(sorted(origins - {"report"})) or "report"
    return Table("overview_kpis", f"핵심 지표 요약({period.label})", "", period.dates,
                 "보고서, 기록, 예산 집행 시점(행마다 표기)", pd.DataFrame(rows),
                 {"kpi": "text", "kpi_value": "text", "kpi_detail": "text", "kpi_source": "text", "kpi_period": "text"},
                 origin)


@per_store
def discrepancies() -> Table:
    report = current()
    frame = report.ask("source_discrepancies", check_key="programme_vs_projects")
    return Table("overview_discrepancies", "보고서 원문이 서로 맞지 않는 곳(단위사업별 예산과 사업별 예산)", "천원",
                 report.as_of_state, report.source("Ⅰ-4, Ⅱ 예산현황"), frame,
                 {"subject": "text", "measure": "measure", "expected": "number", "actual": "number",
                  "difference": "signed", "note": "text"})


def council_items(period: Period) -> list:
    return [kpi_summary(period)]


def council_appendix(period: Period) -> list:
    """For the pack's appendix (off by default): where the report's own tables disagree."""
    return [discrepancies()]


def council_notes(period: Period) -> list[str]:
    """What the pack's cover says once about this page's figures."""
    if any(fmt.is_example_target(target) for target in targets_used(period)):
        return ["이 자료의 목표(예산 집행률, 기한 내 처리율)는 예시 목표입니다. 부서가 목표를 정하면 그 값으로 바뀝니다."]
    return []


# ---- The director's tiles: performance against target first, then volumes, then the report's own figures.

@dataclass
class Tile:
    label: str
    value: str
    page: str                      # the page it links to (navigation name)
    source: str                    # where it comes from, and
    period: str                    # which period it covers: the tooltip and the line under the grid
    origin: str = "report"
    status: status_rule.Status | None = None
    target: str | None = None      # '목표 90%(2025. 12. 31.)'
    example_target: bool = False
    delta: str | None = None       # against the same period a year earlier
    delta_arrow: str = "auto"
    note: str | None = None        # one short line (e.g. the year elapsed beside 집행률)
    spark: list[float] = field(default_factory=list)
    follows_period: bool = True
    readings: tuple[str, ...] = ()  # our readings it rests on (data/readings.csv)

    @property
    def provenance(self) -> str:
        return f"{self.source} · {self.period}"


def caution_points() -> float:
    return float(complaints.settings().get("status_caution_points", 5))


def _target_text(target: dict | None) -> str | None:
    return None if target is None else f"목표 {fmt.percent(target['target'])}({fmt.date(target['target_date'])})"


def _months_to(period: Period, months: int = 12) -> tuple:
    """The `months` months ending with the period's last month: the sparkline's span."""
    end = period.end
    first = (pd.Timestamp(end) - pd.DateOffset(months=months - 1)).replace(day=1).date()
    return first, end


def _points_delta(now, before) -> tuple[str | None, str]:
    if fmt.is_missing(now) or fmt.is_missing(before):
        return None, "off"
    gap = float(now) - float(before)
    return fmt.points(gap), "up" if gap > 0 else "down" if gap < 0 else "off"


def _count_delta(now: int, before: int) -> tuple[str | None, str]:
    if not before:
        return None, "off"
    change = 100.0 * (now - before) / before
    return fmt.signed_percent(change), "up" if change > 0 else "down" if change < 0 else "off"


def _comparable(period: Period, records_name: str, kind: str | None = None) -> bool:
    return records.covers(period, records_name, kind) and records.covers(period.year_earlier(), records_name, kind)


def _tile_months(name: str, kind: str | None, period: Period) -> pd.DataFrame:
    """One question for a tile: its monthly counts over the sparkline's twelve months, the period and the
    same period a year earlier."""
    first, last = _months_to(period)
    kinds = {} if kind is None else {"kind": kind}
    return records.monthly(name, min(first, period.year_earlier().start), max(last, period.end), **kinds)


def _months_of(months: pd.DataFrame, period: Period) -> pd.DataFrame:
    return records.within(months, period.start, period.end)


def _closed_in_time(months: pd.DataFrame) -> float | None:
    """The share closed within the processing period, over the complaints whose days taken are known."""
    closed = int(months["closed"].sum())
    return 100.0 * int(months["closed_within"].sum()) / closed if closed else None


def closed_in_time_tile(period: Period, margin: float) -> Tile:
    months = _tile_months("complaints_closed_in_time_by_month", complaints.KIND, period)
    now = _months_of(months, period)
    received, sample_rows = int(now["received"].sum()), int(now["sample_rows"].sum())
    target = complaints.target(period)
    share = _closed_in_time(now)
    delta, arrow = (_points_delta(share, _closed_in_time(_months_of(months, period.year_earlier())))
                    if _comparable(period, "complaints", complaints.KIND) else (None, "off"))
    spark = records.within(months, *_months_to(period))
    return Tile(f"기한 내 처리율({complaints.processing_period_days()}일)", fmt.percent(share, 1), "complaints",
                complaints.SOURCE, period.dates, origin_of(received, sample_rows),
                status_rule.judge(share, target, margin), _target_text(target), fmt.is_example_target(target),
                delta, arrow, _notes(f"고충민원 {fmt.count(received, '건')} 접수분",
                                     None if delta else _not_compared(period, "complaints", complaints.KIND),
                                     records.coverage_note(period, "complaints", complaints.KIND)),
                spark["closed_within_period_share"].dropna().round(1).tolist(), readings=("processing_period",))


def execution_tile(period: Period, margin: float) -> Tile:
    snap = budget.snapshot(period)
    if snap is None:
        return Tile("예산 집행률", "-", "budget", budget.source_programmes(), period.dates,
                    note=f"{period.label}의 집행 자료 없음")
    total = budget.totals(snap)
    target = budget.target(snap)
    curve = ask("budget_execution_monthly", year=snap.date.year, through=snap.date)
    return Tile("예산 집행률", fmt.percent(total["execution_rate"], 1), "budget",
                snap.source_for(budget.PROGRAMMES_SECTION), snap.period, snap.source,
                status_rule.judge(total["execution_rate"], target, margin), _target_text(target),
                fmt.is_example_target(target),
                note=f"집행 {fmt.number(total['executed'])} / 예산 {fmt.won(total['budget'])} · "
                     f"연간 경과율 {fmt.percent(total['year_elapsed'], 1)} 대비 "
                     f"{fmt.points(total['execution_rate'] - total['year_elapsed'])}({fmt.date(snap.date)} 기준)",
                spark=curve["execution_rate"].round(1).tolist())


def follow_up_tile(period: Period, margin: float) -> Tile:
    now = patrols.summary(period)
    target = ask("target_for", metric="patrol_follow_up_share", at=period.end)
    target = target.iloc[0].to_dict() if len(target) else None
    share = now["follow_up_share"]
    delta, arrow = (_points_delta(share, patrols.summary(period.year_earlier())["follow_up_share"])
                    if _comparable(period, "patrol_sessions") else (None, "off"))
    spark = records.within(_tile_months("patrol_follow_up_by_month", None, period), *_months_to(period))
    return Tile("적출사항 조치율", fmt.percent(share, 1), "patrols", patrols.SOURCE, period.dates,
                origin_of(now["sessions"], now["sample_rows"]), status_rule.judge(share, target, margin),
                _target_text(target), fmt.is_example_target(target), delta, arrow,
                _notes(f"적출 {fmt.count(now['findings'], '건')} 중 조치 {fmt.count(now['findings_resolved'], '건')}",
                       None if delta else _not_compared(period, "patrol_sessions"),
                       records.coverage_note(period, "patrol_sessions")),
                spark["follow_up_share"].dropna().round(1).tolist())


def _not_compared(period: Period, records_name: str, kind: str | None = None) -> str | None:
    """Why a tile has no change against a year earlier: one of the two periods lacks records."""
    missing = next((p for p in (period, period.year_earlier()) if not records.covers(p, records_name, kind)), None)
    return None if missing is None else f"전년 동기와 비교하지 않음({missing.label}의 기록이 모자람)"


def _notes(*parts: str | None) -> str | None:
    return " · ".join(p for p in parts if p) or None


def _volume_tile(label: str, page: str, period: Period, months: pd.DataFrame, unit: str, records_name: str,
                 kind: str | None, source_name: str, printed_key: str | None, origin: str | None = None) -> Tile:
    """A count of the period against a year earlier, with its last twelve months: all from `months`
    (its origin from the rows counted, unless given)."""
    now = _months_of(months, period)
    count = int(now["received"].sum())
    comparable = _comparable(period, records_name, kind)
    delta, arrow = (_count_delta(count, int(_months_of(months, period.year_earlier())["received"].sum()))
                    if comparable else (None, "off"))
    agreement = None
    if printed_key and records.is_report_period(period):
        printed = _figure(printed_key)
        agreement = f"{josa('보고서 ' + fmt.count(printed, unit), '과/와')} {'일치' if printed == count else '불일치'}"
    note = _notes(agreement, None if comparable else _not_compared(period, records_name, kind),
                  records.coverage_note(period, records_name, kind))
    spark = records.within(months, *_months_to(period))["received"]
    return Tile(label, fmt.count(count, unit), page, source_name, period.dates,
                origin or origin_of(count, int(now["sample_rows"].sum())), delta=delta, delta_arrow=arrow, note=note,
                spark=spark.astype(float).tolist())


def volume_tiles(period: Period) -> list[Tile]:
    """Each from one monthly question (the counts of the period, a year earlier and the sparkline's months);
    순찰 적출's origin is its sessions', as on the patrols page."""
    findings = _tile_months("patrol_follow_up_by_month", None, period).rename(columns={"findings": "received"})
    sessions = patrols.summary(period)
    patrol = _volume_tile("순찰 적출", "patrols", period, findings, "건", "patrol_sessions", None, patrols.SOURCE, None,
                          origin_of(sessions["sessions"], sessions["sample_rows"]))
    return [
        _volume_tile("고충민원 접수", "complaints", period,
                     _tile_months("complaints_closed_in_time_by_month", complaints.KIND, period), "건", "complaints",
                     complaints.KIND, complaints.SOURCE, "complaints_total"),
        _volume_tile("응답소 현장민원 처리", "patrols", period, _tile_months("complaints_by_month", patrols.FIELD_KIND, period),
                     "건", "complaints", patrols.FIELD_KIND, patrols.FIELD_SOURCE, "field_complaints_handled"),
        patrol,
    ]


def report_tiles() -> list[Tile]:
    """Figures only the report has: they keep the report's period whatever the sidebar says."""
    audits, integrity = audits_kpi(), integrity_kpi()
    return [Tile(audits.label, audits.value, "audits", audits.source, audits.period, note=audits.details[0],
                 follows_period=False),
            Tile(integrity.label, integrity.value, "integrity", integrity.source, integrity.period,
                 note=integrity.details[0], follows_period=False)]


@per_store
def director_tiles(period: Period) -> dict[str, list[Tile]]:
    """The overview's three rows: against target, volumes, and the report's own figures."""
    margin = caution_points()
    return {"performance": [closed_in_time_tile(period, margin), execution_tile(period, margin),
                            follow_up_tile(period, margin)],
            "volumes": volume_tiles(period),
            "report": report_tiles()}
