"""보고서 비교: the figures the shown report shares with another edition, side by side — against the
report before it, and against the report of the same period a year earlier where there is one.

A figure is "shared" when both editions print it under the same id (edition_figures in
schema/editions.sql: the same figure key, channel, patrol kind, 단위사업, project…). Each column
says which report and period it is; figures only one edition prints are counted, not compared.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import charts, fmt
from ..content import Chart, Table
from ..period import Period
from ..report import Report, current

PREVIOUS, YEAR_EARLIER = "직전 보고서", "1년 전 같은 기간의 보고서"
# Topics whose change is drawn (record-like counts and money; not rates or staffing).
DRAWN_TOPICS = ("고충민원", "순찰", "예산현황(단위사업)")


@dataclass(frozen=True)
class Comparison:
    kind: str            # PREVIOUS or YEAR_EARLIER (both, joined, when one edition is both)
    this: Report
    other: Report

    @property
    def key(self) -> str:
        return f"{self.this.edition}_{self.other.edition}"

    @property
    def title(self) -> str:
        return f"{self.kind}와 비교: {self.other.meta().label}"

    @property
    def period(self) -> str:
        return f"이 보고서 {self.this.period_text} · 비교 보고서 {self.other.period_text}"

    @property
    def source(self) -> str:
        return f"{self.this.title}, {self.other.title} (두 보고서에 모두 있는 수치)"


def comparisons(report: Report | None = None) -> list[Comparison]:
    """The report against the one before it and against the same period a year earlier (one entry
    when the same edition is both)."""
    report = report or current()
    found: dict[str, list[str]] = {}
    others: dict[str, Report] = {}
    for kind, other in ((PREVIOUS, report.previous()), (YEAR_EARLIER, report.year_earlier())):
        if other is not None:
            found.setdefault(other.edition, []).append(kind)
            others[other.edition] = other
    return [Comparison(" · ".join(kinds), report, others[edition]) for edition, kinds in found.items()]


def figures(comparison: Comparison) -> pd.DataFrame:
    """Every figure of either edition: both values, the change, and whether both print it."""
    return comparison.this.ask("edition_figures_compared", other=comparison.other.edition)


def _column(report: Report) -> str:
    """A value column's header: the report and the date its figures stand at."""
    return f"{report.title}({report.as_of_text} 기준)"


def counts(comparison: Comparison) -> dict[str, int]:
    frame = figures(comparison)
    shared = frame[frame["shared"]]
    return {"shared": len(shared), "changed": int((shared["change"] != 0).sum()),
            "only_this": int((frame["value"].notna() & ~frame["shared"]).sum()),
            "only_other": int((frame["other_value"].notna() & ~frame["shared"]).sum())}


def summary(comparison: Comparison) -> str:
    found = counts(comparison)
    return (f"두 보고서에 모두 있는 수치 **{fmt.count(found['shared'], '개')}** 중 "
            f"**{fmt.count(found['changed'], '개')}**가 다릅니다. 이 보고서에만 있는 수치 {fmt.count(found['only_this'], '개')}, "
            f"비교 보고서에만 있는 수치 {fmt.count(found['only_other'], '개')}는 비교하지 않습니다.")


def table(comparison: Comparison, changed_only: bool = False) -> Table:
    """The figures both editions print, side by side (only those that differ, when asked)."""
    frame = figures(comparison)
    shared = frame[frame["shared"]].copy()
    if changed_only:
        shared = shared[shared["change"] != 0]
    this, other = _column(comparison.this), _column(comparison.other)
    shared["compare_change_rate"] = [fmt.signed_percent(r) if r == r and r is not None else "-"
                                     for r in shared["change_rate"]]
    shared = shared.rename(columns={"value": this, "other_value": other, "topic": "compare_topic",
                                    "label": "compare_label", "unit": "compare_unit", "change": "compare_change"})
    title = f"{comparison.kind}와 달라진 수치" if changed_only else f"{comparison.kind}와 같은 수치 모두"
    return Table(f"report_compare_{'changed_' if changed_only else ''}{comparison.key}", title, "행마다 표기",
                 comparison.period, comparison.source, shared.reset_index(drop=True),
                 {"compare_topic": "text", "compare_label": "text", this: "number", other: "number",
                  "compare_change": "signed", "compare_change_rate": "text", "compare_unit": "text",
                  "section": "text"})


def chart(comparison: Comparison) -> Chart | None:
    """The change of the counted figures both print and that differ (complaints by channel, patrols,
    단위사업 money), in %."""
    frame = figures(comparison)
    drawn = frame[frame["shared"] & frame["topic"].isin(DRAWN_TOPICS) & frame["change_rate"].notna()
                  & (frame["change"] != 0)]
    if drawn.empty:
        return None
    names = [f"{label} ({fmt.count(v, u)} ← {fmt.count(o, u)})"
             for label, v, o, u in zip(drawn["label"], drawn["value"], drawn["other_value"], drawn["unit"])]
    rates = drawn["change_rate"].round(1).tolist()
    figure = charts.bars(names, {"증감률": rates}, horizontal=True, text_format=fmt.signed_percent)
    figure.update_layout(showlegend=False, height=140 + 34 * len(names))
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(ticksuffix="%")
    return Chart(f"report_compare_chart_{comparison.key}", "달라진 건수·금액의 증감률(고충민원·순찰·단위사업 예산)", "%",
                 comparison.period, comparison.source, figure)


def council_items(period: Period) -> list[Chart | Table]:
    """The comparisons, for the council pack (reports only: the period does not change them)."""
    items: list[Chart | Table] = []
    for comparison in comparisons():
        drawn = chart(comparison)
        items += ([drawn] if drawn is not None else []) + [table(comparison, changed_only=True)]
    return items
