"""예산 집행: what the budget execution page shows, built from the execution snapshots.

Everything execution-related is as of one snapshot: the latest on or before the end of the
selected period, in that period's year (execution is counted from 1 January). A report's as-of
snapshot is real (named by the edition it comes from); the month-ends before the shipped edition's
are generated samples and are marked. The next year's plans and the reconciliation are the shown
edition's own tables and do not move with the period.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt, labels
from .. import report as reports
from ..app_data import ask, ask_one
from ..content import Chart, Table
from ..period import Period
from ..report import current

# Where in a report its budget tables are (the report's own section names).
PROGRAMMES_SECTION = "Ⅰ-4 예산현황"
PROJECTS_SECTION = "Ⅱ 사업별 예산현황"
SOURCE_IMPORT = "가져온 집행 자료(세부사업별 원 단위 합계를 단위사업마다 천원으로 반올림)"
TARGET_METRIC = "budget_execution_rate"
KIND_LABEL = {"report": "보고서", "sample": "샘플(생성 데이터)", "import": "가져온 자료"}
SPENT, BUDGET, PLAN = charts.PALETTE[0], "#aab7c4", charts.PALETTE[2]


def _date(value) -> dt.date:
    return pd.Timestamp(value).date()


def source_programmes() -> str:
    """'2024년 주요업무 보고 Ⅰ-4 예산현황' of the shown edition."""
    return current().source(PROGRAMMES_SECTION)


def source_sample() -> str:
    """The generated month-ends, named by the edition they were made to end at."""
    shipped = reports.shipped()
    return f"월말 집행 샘플(「{shipped.title}」 {shipped.as_of_text} 수치에 맞춰 생성)"


def source_plans() -> str:
    return current().source("Ⅱ 예산현황, Ⅲ·Ⅳ 소요예산")


def source_map() -> str:
    return current().source("Ⅰ-4·Ⅱ 예산현황, 부서가 만든 단위사업·사업 대응표(보고서에 없는 분류)")


@dataclass(frozen=True)
class Snapshot:
    date: dt.date
    source: str           # report | sample | import ('+'-joined if one date mixes them)
    year_elapsed: float   # share of the year elapsed at `date`, in percent
    edition: str | None = None  # the edition whose as-of figures a report snapshot is

    @property
    def is_report(self) -> bool:
        return self.source == "report"

    @property
    def kind(self) -> str:
        return " + ".join(KIND_LABEL[part] for part in self.source.split("+"))

    @property
    def period(self) -> str:
        """Cumulative from 1 January: '2024. 1. 1. ~ 2024. 6. 30. 누계'."""
        return f"{fmt.period(dt.date(self.date.year, 1, 1), self.date)} 누계"

    def source_for(self, report_section: str) -> str:
        """'2024년 주요업무 보고 Ⅰ-4 예산현황' for a report's snapshot (named by its edition), else what made it."""
        if self.is_report:
            meta = reports.find(self.edition) if self.edition else None
            return f"{meta.title} {report_section}" if meta else report_section
        return SOURCE_IMPORT if "import" in self.source else source_sample()


def snapshot(period: Period) -> Snapshot | None:
    """The snapshot that answers for `period`, or None when its year has none on or before its end."""
    found = ask("budget_snapshot_for_period", period_end=period.end)
    if not len(found):
        return None
    row = found.iloc[0]
    edition = row["edition"] if isinstance(row["edition"], str) else None
    return Snapshot(_date(row["snapshot_date"]), str(row["source"]), float(row["year_elapsed"]), edition)


def curve_has_samples(snap: Snapshot) -> bool:
    """Whether the year's execution curve up to the snapshot includes generated month-ends."""
    points = ask("budget_execution_monthly", year=snap.date.year, through=snap.date)
    return any("sample" in str(s) for s in points["source"])


def available() -> str:
    """Which snapshots exist, for saying so when a period has none: '2024. 1. 31. ~ 2024. 6. 30.(9개)'."""
    dates = ask("budget_snapshot_dates")["snapshot_date"]
    if not len(dates):
        return "없음"
    return f"{fmt.period(_date(dates.min()), _date(dates.max()))}({len(dates)}개 시점)"


def totals(snap: Snapshot) -> dict:
    """budget, executed, remaining, execution_rate, year_elapsed, gap, projection, budget_used_up."""
    total = ask_one("budget_execution_at_snapshot", snapshot_date=snap.date)
    for key in ("snapshot_date", "year_end", "budget_used_up"):
        total[key] = None if pd.isna(total[key]) else _date(total[key])
    return total


def target(snap: Snapshot) -> dict | None:
    """The execution-rate target that applies at the snapshot (the next one set in its year), if any."""
    found = ask("target_for", metric=TARGET_METRIC, at=snap.date)
    return found.iloc[0].to_dict() if len(found) else None


def projection_text(snap: Snapshot, total: dict) -> str:
    """The straight-line projection to the year's end, in words."""
    days_left = (total["year_end"] - snap.date).days
    days_gone = (snap.date - dt.date(snap.date.year, 1, 1)).days + 1
    # Starts with words: a line starting '2025. 1.' would be read as a numbered list.
    text = (f"현재 속도, 곧 {fmt.date(dt.date(snap.date.year, 1, 1))}부터 {fmt.date(snap.date)}까지의 평균(하루 "
            f"{fmt.won(total['executed'] / days_gone)})로 계속 집행하면 연말 집행액은 "
            f"**{fmt.won(total['projected_executed'])}**(예산액의 {fmt.percent(total['projected_rate'])})로 추정됩니다.")
    if total["budget_used_up"] is not None:
        text += (f" 예산액을 넘는 속도로, 이대로라면 **{fmt.date(total['budget_used_up'])}경** 예산을 모두 집행하게 됩니다."
                 f" 남은 {days_left}일의 집행잔액은 {fmt.won(total['remaining'])}"
                 f"(하루 {fmt.won(total['remaining'] / days_left if days_left else 0)})입니다.")
    return text + " (직선 추정이며 예측이 아닙니다.)"


def total_table(snap: Snapshot) -> Table:
    """The page's four tiles as one row, for exports and the council pack."""
    total = totals(snap)
    frame = pd.DataFrame([{key: total[key] for key in
                           ("budget", "executed", "remaining", "execution_rate", "year_elapsed", "gap")}])
    return Table("budget_total", f"예산 집행 합계({fmt.date(snap.date)} 기준)", "천원, %, %p", snap.period,
                 snap.source_for(PROGRAMMES_SECTION), frame,
                 {"budget": "won", "executed": "won", "remaining": "won", "execution_rate": "percent",
                  "year_elapsed": "percent", "gap": "points"}, snap.source)


# --- 단위사업 and projects ------------------------------------------------------------------------

def programmes(snap: Snapshot) -> pd.DataFrame:
    return ask("budget_execution_by_programme", snapshot_date=snap.date)


def projects(snap: Snapshot) -> pd.DataFrame:
    return ask("budget_execution_by_project", snapshot_date=snap.date)


def _rate_kinds(snap: Snapshot) -> dict[str, str]:
    kinds = {"budget": "won", "executed": "won", "remaining": "won", "execution_rate": "percent"}
    if snap.is_report:
        kinds["execution_rate_printed"] = "percent"
    kinds["gap"] = "points"
    return kinds


def programme_table(snap: Snapshot) -> Table:
    frame = programmes(snap)
    return Table("budget_programmes", f"단위사업별 예산 집행({fmt.date(snap.date)} 기준, 연간 경과율 {fmt.percent(snap.year_elapsed, 1)})", "천원, %, %p", snap.period,
                 snap.source_for(PROGRAMMES_SECTION), frame, {"programme": "text", **_rate_kinds(snap)}, snap.source)


def project_table(snap: Snapshot) -> Table:
    frame = projects(snap)
    return Table("budget_projects", f"사업별 예산 집행({fmt.date(snap.date)} 기준, 연간 경과율 {fmt.percent(snap.year_elapsed, 1)})", "천원, %, %p", snap.period,
                 snap.source_for(PROJECTS_SECTION), frame,
                 {"project_no": "number", "project": "text", "team": "text", "funding_sources": "text",
                  **_rate_kinds(snap)}, snap.source)


def _budget_bars(names: list[str], frame: pd.DataFrame) -> go.Figure:
    """Budget against executed, one pair of bars per line, the rate written beside the executed bar."""
    figure = go.Figure()
    figure.add_bar(y=names, x=frame["budget"], name="예산액", orientation="h", marker_color=BUDGET,
                   text=[fmt.number(v) for v in frame["budget"]], textposition="auto",
                   hovertemplate="%{y}<br>예산액 %{text}천원<extra></extra>")
    figure.add_bar(y=names, x=frame["executed"], name="집행액", orientation="h", marker_color=SPENT,
                   text=[f"{fmt.number(e)} ({fmt.percent(r)})" for e, r in zip(frame["executed"], frame["execution_rate"])],
                   textposition="auto", hovertemplate="%{y}<br>집행액 %{text}<extra></extra>")
    _horizontal_layout(figure, len(names), float(frame["budget"].max()))
    return figure


def _horizontal_layout(figure: go.Figure, lines: int, largest: float) -> None:
    """Grouped horizontal bars with room on the right for the labels drawn outside short bars."""
    figure.update_traces(cliponaxis=False, textfont_size=12)
    figure.update_layout(barmode="group", height=140 + 58 * lines, bargap=0.28)
    figure.update_yaxes(autorange="reversed", separatethousands=False, tickformat="", automargin=True)
    figure.update_xaxes(separatethousands=True, tickformat=",d", range=[0, largest * 1.22])


def programme_chart(snap: Snapshot) -> Chart:
    frame = programmes(snap)
    return Chart("budget_programmes_bars", f"단위사업별 예산액과 집행액({fmt.date(snap.date)} 기준)", "천원",
                 snap.period, snap.source_for(PROGRAMMES_SECTION), _budget_bars(list(frame["programme"]), frame),
                 snap.source)


def project_chart(snap: Snapshot) -> Chart:
    frame = projects(snap)
    names = [f"{n}. {p}" for n, p in zip(frame["project_no"], frame["project"])]
    return Chart("budget_projects_bars", f"사업별 예산액과 집행액({fmt.date(snap.date)} 기준)", "천원",
                 snap.period, snap.source_for(PROJECTS_SECTION), _budget_bars(names, frame), snap.source)


def funding_table(snap: Snapshot) -> Table:
    frame = ask("budget_execution_by_funding_source", snapshot_date=snap.date)
    return Table("budget_funding", f"사업별 재원(시비·구비) 집행({fmt.date(snap.date)} 기준)", "천원, %", snap.period,
                 snap.source_for(PROJECTS_SECTION), frame,
                 {"project_no": "number", "project": "text", "funding_source": "text", "budget": "won",
                  "executed": "won", "remaining": "won", "execution_rate": "percent"}, snap.source)


def funding_summary(snap: Snapshot) -> str:
    """'시비 2,270천원(집행 2,270천원): 5. 예방기능을… · 나머지 178,694천원은 구비' in one line."""
    frame = ask("budget_execution_by_funding_source", snapshot_date=snap.date)
    parts = []
    for source, part in frame.groupby("funding_source", sort=False):
        where = ", ".join(f"{n}. {p}" for n, p in zip(part["project_no"], part["project"]))
        where = where if len(part) <= 2 else f"{len(part)}개 사업"
        parts.append(f"{source} 예산 {fmt.won(part['budget'].sum())}, 집행 {fmt.won(part['executed'].sum())}({where})")
    return " · ".join(parts)


# --- the execution curve -------------------------------------------------------------------------

def _hover(row, kind: str) -> str:
    return (f"{fmt.date(row.snapshot_date)} · {kind}<br>집행률 {fmt.percent(row.execution_rate, 1)}"
            f" (연간 경과율 {fmt.percent(row.year_elapsed, 1)})<br>"
            f"집행액 {fmt.won(row.executed)} / 예산액 {fmt.won(row.budget)}")


def execution_curve(snap: Snapshot) -> Chart:
    """Cumulative execution rate at each snapshot of the year up to `snap`, the even-spending line,
    the straight-line projection to 12. 31., and the department's targets where it has set them."""
    year = snap.date.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    points = ask("budget_execution_monthly", year=year, through=snap.date)
    points["snapshot_date"] = [_date(d) for d in points["snapshot_date"]]
    total = totals(snap)
    targets = ask("budget_execution_targets", year=year)

    figure = go.Figure()
    figure.add_scatter(x=[start, end], y=[0, 100], mode="lines", name="균등 집행(연간 경과율)",
                       line=dict(color="#7f8c8d", dash="dot", width=1.5), hoverinfo="skip")
    figure.add_scatter(x=[start, *points["snapshot_date"]], y=[0, *points["execution_rate"]], mode="lines",
                       name="누적 집행률", line=dict(color=SPENT, width=3), hoverinfo="skip", showlegend=False)
    for source, part in points.groupby("source", sort=False):
        kind = " + ".join(KIND_LABEL[s] for s in source.split("+"))
        report = source == "report"
        figure.add_scatter(
            x=part["snapshot_date"], y=part["execution_rate"], mode="markers+text" if report else "markers",
            name=f"누적 집행률: {'보고서' if report else '월말 샘플'}",
            marker=dict(color=SPENT if report else "white", size=13 if report else 9, line=dict(color=SPENT, width=2)),
            text=[fmt.percent(r) for r in part["execution_rate"]] if report else None, textposition="top left",
            hovertext=[_hover(r, kind) for r in part.itertuples()], hoverinfo="text")
    figure.add_scatter(
        x=[snap.date, end], y=[total["execution_rate"], total["projected_rate"]], mode="lines+markers+text",
        name="연말 추정(현재 속도, 직선)", line=dict(color=PLAN, dash="dash", width=2.5),
        marker=dict(size=[0, 9], color=PLAN), text=["", f"추정 {fmt.percent(total['projected_rate'])}"],
        textposition="top left", hoverinfo="text",
        hovertext=["", f"{fmt.date(end)} 추정 · 집행액 {fmt.won(total['projected_executed'])}"
                       f" (예산액의 {fmt.percent(total['projected_rate'])})"])
    if len(targets):
        basis = "; ".join(sorted(set(targets["basis"])))
        examples = all(fmt.is_example_target(t) for t in targets.to_dict("records"))
        figure.add_scatter(
            x=[_date(d) for d in targets["target_date"]], y=targets["target"], mode="markers",
            name="집행률 목표(예시)" if examples else "집행률 목표",
            marker=dict(symbol="diamond", size=12, color=charts.PALETTE[3], line=dict(color="white", width=1)),
            hoverinfo="text",
            hovertext=[f"{fmt.date(d)} 목표 {fmt.percent(t)} 이상<br>{basis}" for d, t in zip(targets["target_date"], targets["target"])])
    figure.add_hline(y=100, line=dict(color="#555", width=1), annotation_text="예산액(100%)",
                     annotation_position="top left")
    top = max(110.0, float(total["projected_rate"]) + 10)
    figure.update_xaxes(range=[start - dt.timedelta(days=3), end + dt.timedelta(days=8)],
                        tickvals=_month_ends(year), ticktext=[f"{fmt.month(m)} 말" for m in range(1, 13)])
    figure.update_yaxes(range=[0, top], ticksuffix="%", tickformat="d")
    figure.update_layout(height=470, hovermode="closest")

    sources = list(dict.fromkeys(points["source"]))
    origin = "+".join(sorted(set("+".join(sources).split("+")), key=["sample", "import", "report"].index))
    source = _curve_source(points, snap)

    return Chart("budget_execution_curve", f"월별 누적 집행률과 연말 추정({year}년, {fmt.date(snap.date)}까지)", "%",
                 f"{fmt.period(start, snap.date)} 누계, 추정은 {fmt.date(end)}까지", source, figure, origin)


def _month_ends(year: int) -> list[dt.date]:
    return [dt.date(year + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1) for m in range(1, 13)]


def _curve_source(points: pd.DataFrame, snap: Snapshot) -> str:
    """Which points are samples and which are a report's, in words."""
    parts = []
    for source, part in points.groupby("source", sort=False):
        dates = sorted(part["snapshot_date"])
        when = fmt.date(dates[0]) if len(dates) == 1 else f"{fmt.date(dates[0])}~{fmt.date(dates[-1])}"
        if source == "report":
            titles = [reports.find(e) for e in dict.fromkeys(part["edition"].dropna())]
            label = ", ".join(f"{m.title} {PROGRAMMES_SECTION}" for m in titles if m) or PROGRAMMES_SECTION
        else:
            label = {"import": "가져온 집행 자료"}.get(source, "생성 샘플")
        parts.append(f"{when}: {label}")
    return " · ".join(parts)


def targets_note(snap: Snapshot) -> str:
    """What the target points are and who set them, or that none are set for the year."""
    targets = ask("budget_execution_targets", year=snap.date.year)
    if not len(targets):
        return f"{snap.date.year}년 집행률 목표가 data/targets.csv에 없어 목표는 그리지 않았습니다."
    points = ", ".join(f"{fmt.date(d)} {fmt.percent(t)}" for d, t in zip(targets["target_date"], targets["target"]))
    return f"집행률 목표(◆): {points} 이상 — 근거: {'; '.join(sorted(set(targets['basis'])))} (data/targets.csv)"


def _text_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Columns shown as text, '-' where empty: Streamlit writes an empty cell as 'None'."""
    frame = frame.copy()
    for column in columns:
        frame[column] = ["-" if pd.isna(v) else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
                         for v in frame[column]]
    return frame


# --- the next year's plans against the as-of year (report only) --------------------------------

def plan_columns() -> dict[str, str]:
    """The plan table's columns under headers that name the shown edition's years ('2025 예산액(천원)')."""
    report = current()
    year, plan = report.year, report.year + 1
    return {"result_project": f"{year} 사업명", "result_budget": f"{year} 예산액(천원)",
            "result_executed": f"{year} 집행액(천원)", "result_execution_rate": f"{year} 집행률(%)",
            "plan_budget": f"{plan} 소요예산(천원)"}


def has_plans() -> bool:
    return current().plan_year is not None


def plan_table() -> Table:
    """Each plan of the next year against the project of the as-of year it follows, with the total row."""
    report = current()
    frame = report.ask("projects_plans_vs_results")
    total = report.ask_one("budget_plans_vs_results_total")
    total_row = {"project": f"계({int(total['projects'])}개 사업)", **{k: total[k] for k in
                 ("result_budget", "result_executed", "plan_budget", "change", "change_rate")}}
    total_row["result_execution_rate"] = 100.0 * total["result_executed"] / total["result_budget"]
    frame = pd.concat([frame, pd.DataFrame([total_row])], ignore_index=True)
    frame = _text_columns(frame, ["project_no", "result_project"]).rename(columns=plan_columns())
    names = plan_columns()
    return Table("budget_plans", f"{report.year + 1} 소요예산과 {report.year} 예산·집행", "천원, %",
                 f"{report.as_of_state}({report.year}) · {report.year + 1} 계획", source_plans(), frame,
                 {"project_no": "text", "project": "text", names["result_budget"]: "won",
                  names["result_executed"]: "won", names["result_execution_rate"]: "percent",
                  names["plan_budget"]: "won", "change": "signed", "change_rate": "signed_percent",
                  names["result_project"]: "text"})


def plan_chart() -> Chart:
    report = current()
    year, plan = report.year, report.year + 1
    frame = report.ask("projects_plans_vs_results")
    names = [f"{n}. {p}" for n, p in zip(frame["project_no"], frame["project"])]
    figure = go.Figure()
    figure.add_bar(y=names, x=frame["result_budget"], name=f"{year} 예산액", orientation="h", marker_color=BUDGET,
                   text=[fmt.number(v) for v in frame["result_budget"]], textposition="auto")
    figure.add_bar(y=names, x=frame["plan_budget"], name=f"{plan} 소요예산", orientation="h", marker_color=PLAN,
                   text=[f"{fmt.number(p)} ({fmt.signed(c)})" for p, c in zip(frame["plan_budget"], frame["change"])],
                   textposition="auto")
    _horizontal_layout(figure, len(names), float(max(frame["result_budget"].max(), frame["plan_budget"].max())))
    return Chart("budget_plans_bars", f"{plan} 소요예산과 {year} 예산액(사업별)", "천원",
                 f"{year} 예산({report.as_of_state}) · {plan} 계획", source_plans(), figure)


def plan_totals() -> dict:
    return current().ask_one("budget_plans_vs_results_total")


# --- reconciliation (report only) ----------------------------------------------------------------

def programme_projects_table() -> Table:
    """Which projects each 단위사업 funds, as the department's map says."""
    frame = current().ask("budget_programme_projects")
    frame = _text_columns(frame[frame["project_no"].notna()], ["project_no"])
    return Table("budget_programme_projects", "단위사업과 사업의 대응(기본경비는 대응 사업 없음)", "천원",
                 current().as_of_state, source_map(), frame,
                 {"programme": "text", "project_no": "text", "project": "text", "project_budget": "won",
                  "basis": "text"}, readings=("project_map",))


TOTAL_PROGRAMME_NO = 99  # the 계 row of queries/budget_reconciliation.sql


def _projects_of(programme_no: int, project_nos) -> str:
    if isinstance(project_nos, str):
        return project_nos
    return "전체" if programme_no == TOTAL_PROGRAMME_NO else "없음"


def reconciliation() -> pd.DataFrame:
    """Per 단위사업 (and the 계) and measure: its own amount, its projects' amount, the difference."""
    frame = current().ask("budget_reconciliation").rename(columns={"subject": "programme"})
    frame["project_nos"] = [_projects_of(n, p) for n, p in zip(frame["programme_no"], frame["project_nos"])]
    return frame


def reconciliation_notes() -> list[str]:
    """Each difference the source carries, with its explanation (the edition's declared differences)."""
    notes = current().ask("source_discrepancies", check_key="programme_vs_projects")
    order = {key: i for i, key in enumerate(zip(reconciliation()["programme"], reconciliation()["measure"]))}
    notes = notes.assign(order=[order.get(k, len(order)) for k in zip(notes["subject"], notes["measure"])]).sort_values("order")
    return [f"{r.subject} {labels.MEASURE[r.measure]} {fmt.signed(r.difference, '천원')}: {r.note}"
            for r in notes.itertuples()]


def reconciliation_table() -> Table:
    return Table("budget_reconciliation", "단위사업별 예산과 사업별 예산의 맞춤(차이 = 단위사업 − 사업 합계)", "천원",
                 current().as_of_state, source_map(), reconciliation(),
                 {"programme": "text", "project_nos": "text", "measure": "measure", "expected": "won",
                  "actual": "won", "difference": "signed"}, readings=("project_map",))


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack: execution at the period's snapshot (when its year has
    one), then the shown edition's plans against its year, and the reconciliation."""
    snap = snapshot(period)
    items: list[Chart | Table] = []
    if snap is not None:
        items += [total_table(snap), programme_chart(snap), programme_table(snap), project_chart(snap),
                  project_table(snap), funding_table(snap), execution_curve(snap)]
    plans = [plan_chart(), plan_table()] if has_plans() else []
    return items + plans


def council_appendix(period: Period) -> list[Chart | Table]:
    """For the pack's appendix (off by default): how the two budget groupings reconcile."""
    return [reconciliation_table(), programme_projects_table()]
