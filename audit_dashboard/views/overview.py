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
from ..korean import josa
from ..app_data import ask
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
