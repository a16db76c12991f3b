"""다음 해 계획: the shown edition's plans for the year after its as-of year (Ⅲ, and Ⅳ 신규·중점) against
the projects of its year they follow, their activities on a month calendar, and the plans of its year
still to do after its as-of date (향후계획). Years and dates come from the edition."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt
from ..report import current
from ..content import Chart, Table
from ..period import Period
from .report_sections import ProjectText, as_of, project_text, source

PRIORITY = "신규·중점"
CONTINUING = "계속"
MARK = "●"
PLAN_COLOUR, PRIORITY_COLOUR = "#2e86c1", "#e67e22"
LABEL_WIDTH = 30  # characters per line of a calendar row label


def _months(text) -> list[int]:
    return [int(m) for m in str(text).split(";")] if isinstance(text, str) and text else []


def _signed_rate(value) -> str:
    """+27.8% / △1.1% / 0.0%: a change rate with its sign, as the department writes it."""
    text = fmt.percent(value, 1)
    return text if text.startswith((fmt.MINUS, "-", "0.0")) else f"+{text}"


def plan_year() -> int | None:
    """The year the shown edition plans for (its as-of year + 1), or None if it prints no plans."""
    return current().plan_year


def plan_period() -> str:
    """'2026년 계획(2026. 1. 1. ~ 2026. 12. 31.)'."""
    year = current().year + 1
    return f"{year}년 계획({fmt.period(dt.date(year, 1, 1), dt.date(year, 12, 31))})"


def comparison() -> pd.DataFrame:
    """projects_plans_vs_results with the 신규·중점 mark and the change rate written out."""
    frame = current().ask("projects_plans_vs_results").copy()
    frame["plan_kind"] = frame["is_priority"].map({True: PRIORITY, False: CONTINUING})
    frame["change_rate_text"] = frame["change_rate"].map(_signed_rate)
    return frame


def _headers() -> dict[str, str]:
    """Columns named by the shown edition's years: '2026 소요예산(천원)', '2025 예산액(천원)'."""
    year = current().year
    return {"plan_budget": f"{year + 1} 소요예산(천원)", "result_budget": f"{year} 예산액(천원)",
            "result_budget_like": f"{year} 같은 재원 예산(천원)", "result_budget_other": f"{year} 그 밖의 재원(천원)",
            "change": "증감(같은 재원, 천원)", "result_executed": f"{year} 집행액(천원)",
            "result_execution_rate": f"{year} 집행률(%)", "result_project": f"{year} 사업명"}


def like_for_like_note() -> str:
    """What the change compares, said plainly (the plan is 구비 only; last year's budget also had 시비)."""
    year = current().year
    rows = comparison()
    other = rows[rows["result_budget_other"] > 0]
    if other.empty:
        return f"증감은 {year}년 예산액 대비입니다."
    parts = ", ".join(f"{r.section} {r.other_source_names} {fmt.won(r.result_budget_other)}" for r in other.itertuples())
    return (f"증감은 같은 재원끼리 비교합니다: {year + 1}년 소요예산의 재원과 같은 재원의 {year}년 예산 대비이며, "
            f"{year + 1}년 계획에 없는 재원({parts})은 「그 밖의 재원」에 따로 적었습니다.")


def totals() -> dict:
    """The plans in total against the same projects' budgets of the as-of year."""
    return current().ask_one("budget_plans_vs_results_total")


def budget_summary() -> str:
    """'2026년 6개 사업 소요예산 **218,996천원** — 같은 사업·같은 재원의 2025년 예산 178,694천원 대비 …' in one paragraph."""
    report, total = current(), totals()
    year, plan = report.year, report.year + 1
    same = "같은 사업·같은 재원의" if total["result_budget_other"] else "같은 사업의"
    return (f"{plan}년 {int(total['projects'])}개 사업 소요예산 **{fmt.won(total['plan_budget'])}** — {same} {year}년 예산 "
            f"{fmt.won(total['result_budget_like'])} 대비 **{fmt.signed(total['change'], '천원')}"
            f"({fmt.signed_percent(total['change_rate'])})**.")


def _total_row() -> dict:
    total, names = totals(), _headers()
    # Text cells written '-': Streamlit draws an empty cell as 'None' whatever the formatter says.
    return {"section": "계", "project": f"{int(total['projects'])}개 사업", "plan_kind": "-", "team": "-",
            names["result_project"]: "-", names["plan_budget"]: total["plan_budget"],
            names["result_budget"]: total["result_budget"], names["result_budget_like"]: total["result_budget_like"],
            names["result_budget_other"]: total["result_budget_other"], names["change"]: total["change"],
            "change_rate_text": _signed_rate(total["change_rate"]), names["result_executed"]: total["result_executed"],
            names["result_execution_rate"]: 100.0 * total["result_executed"] / total["result_budget"]}


def budget_table() -> Table:
    """Each plan against the project it follows, and the 계 row."""
    year = current().year
    names = _headers()
    kinds = {"section": "text", "project": "text", "plan_kind": "text", names["plan_budget"]: "number",
             names["result_budget_like"]: "number", names["change"]: "signed", "change_rate_text": "text",
             names["result_budget_other"]: "number", names["result_budget"]: "number",
             names["result_executed"]: "number", names["result_execution_rate"]: "percent", "team": "text",
             names["result_project"]: "text"}
    return Table("plans_budget", f"{year + 1}년 사업별 소요예산과 {year}년 예산·집행", "천원, %",
                 f"{plan_period()}; {year}년은 {as_of()}", source("Ⅲ·Ⅳ 소요예산, Ⅱ 예산현황"),
                 pd.concat([comparison().rename(columns=names), pd.DataFrame([_total_row()])], ignore_index=True), kinds)


def budget_chart() -> Chart:
    year = current().year
    frame = comparison()
    names = [f"{r.section} {r.project}" + (f" ({PRIORITY})" if r.is_priority else "") for r in frame.itertuples()]
    figure = charts.bars(names, {f"{year}년 예산액(같은 재원)": frame["result_budget_like"].tolist(),
                                 f"{year + 1}년 소요예산": frame["plan_budget"].tolist()},
                         horizontal=True, text_format=fmt.number)
    figure.update_layout(height=510)
    figure.update_yaxes(automargin=True)
    return Chart("plans_budget_chart", f"사업별 {year}년 예산액(같은 재원)과 {year + 1}년 소요예산", "천원",
                 f"{plan_period()}; {year}년은 {as_of()}", source("Ⅲ·Ⅳ 소요예산, Ⅱ 예산현황"), figure)


def _activity(row) -> tuple[str, str]:
    """An activity's name and its printed timing: '인권 공모전 개최: 10월' -> ('인권 공모전 개최', '10월')."""
    text, schedule = str(row.text), str(row.schedule)
    if ": " in text:
        name, timing = text.split(": ", 1)
        return name, timing
    if text.endswith(f"({schedule})"):
        return text[: -len(schedule) - 2], schedule
    return text, schedule


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """Break a long label at spaces so the calendar keeps its month columns wide."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(lines)


def schedule() -> pd.DataFrame:
    """Every timed activity of the plans with its name, printed timing and months (empty list when none named)."""
    frame = current().ask("plans_schedule").copy()
    names = [_activity(r) for r in frame.itertuples()]
    frame["activity"] = [n for n, _ in names]
    frame["timing"] = [t for _, t in names]
    frame["month_list"] = frame["months"].map(_months)
    return frame


def calendar_rows() -> int:
    """How many activities the calendar has a row for (those whose timing names a month)."""
    return int((schedule()["month_list"].map(len) > 0).sum())


def calendar_chart(start: int = 0, stop: int | None = None) -> Chart:
    """A month grid: one row per activity, a filled cell for each month it runs in; rows `start` to `stop`
    only, for a part of it (a slide holds fewer rows than a page)."""
    frame = schedule()
    timed = frame[frame["month_list"].map(len) > 0].iloc[start:stop]
    rows = [_wrap(f"{r.section} {r.activity} ({r.timing})") for r in timed.itertuples()]
    months = list(range(1, 13))
    z, hover = [], []
    for r in timed.itertuples():
        level = 2 if r.is_priority else 1
        z.append([level if m in r.month_list else None for m in months])
        hover.append([f"{r.section} {r.project}<br>{r.text}<br>시기: {r.schedule}" for _ in months])
    figure = go.Figure(go.Heatmap(
        z=z, x=[fmt.month(m) for m in months], y=rows, zmin=1, zmax=2, showscale=False, xgap=3, ygap=3,
        colorscale=[[0, PLAN_COLOUR], [0.5, PLAN_COLOUR], [0.5, PRIORITY_COLOUR], [1, PRIORITY_COLOUR]],
        hovertext=hover, hoverinfo="text",
    ))
    plot_height = 44 * len(rows)
    # Title, subtitle and the month labels above the plot; nothing below it.
    figure.update_layout(height=plot_height + 120 + 20, plot_bgcolor="#f1f3f5",
                         margin=dict(l=20, r=20, t=120, b=20))
    figure.update_yaxes(autorange="reversed", tickformat="", separatethousands=False, showgrid=False, automargin=True)
    figure.update_xaxes(side="top", showgrid=False, tickangle=0)
    part = "" if (start, stop) == (0, None) else f"_{start + 1}_{start + len(rows)}"
    return Chart("plans_calendar" + part,
                 f"{current().year + 1}년 추진일정(월별) · 파랑: Ⅲ 추진계획, 주황: Ⅳ {PRIORITY} 사업", "추진 월", plan_period(),
                 source("Ⅲ·Ⅳ 세부 추진계획·추진일정"), figure, readings=("assigned_months",))


def unscheduled_table() -> Table:
    """Activities whose timing names no month ('연 1회 이상', '연 2회(상·하반기)'): listed, not dropped."""
    frame = schedule()
    frame = frame[frame["month_list"].map(len) == 0]
    return Table("plans_unscheduled", f"월이 정해지지 않은 {current().year + 1}년 일정", "-", plan_period(),
                 source("Ⅲ·Ⅳ 세부 추진계획·추진일정"), frame,
                 {"section": "text", "project": "text", "activity": "text", "timing": "text"})


@dataclass(frozen=True)
class PlanPair:
    """A plan of the next year beside the project of the edition's year it follows on."""
    key: str
    title: str
    is_priority: bool
    summary: str
    plan: ProjectText
    result: ProjectText


def plan_pairs() -> list[PlanPair]:
    year = current().year
    pairs = []
    for r in comparison().itertuples():
        other = (f" · 그 밖의 재원({r.other_source_names}) {fmt.won(r.result_budget_other)}은 {year + 1}년 계획에 없어 비교에서 뺌"
                 if r.result_budget_other else "")
        summary = (f"{year + 1}년 소요예산 **{fmt.won(r.plan_budget)}** · {year}년 예산액 {fmt.won(r.result_budget)}"
                   f"(집행액 {fmt.won(r.result_executed)}, 집행률 {fmt.percent(r.result_execution_rate)}) · "
                   f"같은 재원 대비 증감 **{fmt.signed(r.change, '천원')}**({_signed_rate(r.change_rate)}){other}")
        mark = f" · {PRIORITY}" if r.is_priority else ""
        pairs.append(PlanPair(
            key=f"plan_{r.project_no}",
            title=f"{r.section}{mark} {r.project} ({r.team}) · 소요예산 {fmt.won(r.plan_budget)}",
            is_priority=bool(r.is_priority),
            summary=summary,
            plan=project_text(year + 1, int(r.project_no)),
            result=project_text(year, int(r.result_project_no)),
        ))
    return pairs


def remaining_months() -> list[int]:
    months = set()
    for text in current().ask("plans_remaining")["months"]:
        months.update(_months(text))
    return sorted(months)


def remaining_plans(project_nos: list[int] | None = None) -> Table:
    """The 향후계획 of the edition's year with their printed timing and a mark in each month they fall in."""
    report = current()
    frame = report.ask("plans_remaining").copy()
    if project_nos is not None:
        frame = frame[frame["project_no"].isin(project_nos)]
    months = remaining_months()
    frame["project_label"] = frame["section"] + " " + frame["project"]
    frame["plan_text"] = [("└ " if isinstance(p, str) and p else "") + t for p, t in zip(frame["parent_id"], frame["text"])]
    frame["schedule"] = frame["schedule"].fillna("-")
    columns = {"project_label": "text", "plan_text": "text", "schedule": "text"}
    for m in months:
        frame[fmt.month(m)] = [MARK if m in _months(t) else "" for t in frame["months"]]
        columns[fmt.month(m)] = "text"
    after = report.meta().as_of + dt.timedelta(days=1)
    rest = fmt.period(after, dt.date(report.year, 12, 31)) if after.year == report.year else "없음"
    return Table("plans_remaining" + ("" if project_nos is None else "_" + "_".join(map(str, project_nos))),
                 f"{report.year}년 남은 계획(향후계획)", "-",
                 f"{as_of()} 계획 · 남은 기간 {rest}", source("Ⅱ 향후계획"),
                 frame.reset_index(drop=True), columns, readings=("assigned_months",))


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack. Plans as printed: the period does not change them."""
    plans = [budget_table(), budget_chart(), calendar_chart(), unscheduled_table()] if plan_year() else []
    return plans + [remaining_plans()]
