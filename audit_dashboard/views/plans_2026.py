"""2026 계획: the 2026 projects (Ⅲ, and Ⅳ 신규·중점) against the 2025 projects they follow, their
activities on a month calendar, and the 2025 plans still to do after 2025. 9. 30. (향후계획)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt
from ..app_data import ask
from ..content import Chart, Table
from ..period import Period
from .report_sections import ProjectText, as_of, project_text, source

PLAN_YEAR = 2026
PLAN_PERIOD = "2026년 계획(2026. 1. 1. ~ 2026. 12. 31.)"
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


def comparison() -> pd.DataFrame:
    """projects_2026_vs_2025 with the 신규·중점 mark and the change rate written out."""
    frame = ask("projects_2026_vs_2025").copy()
    frame["plan_kind"] = frame["is_priority"].map({True: PRIORITY, False: CONTINUING})
    frame["change_rate_text"] = frame["change_rate"].map(_signed_rate)
    return frame


def budget_table() -> Table:
    kinds = {"section": "text", "project": "text", "plan_kind": "text", "plan_2026": "number", "budget_2025": "number",
             "change": "signed", "change_rate_text": "text", "executed_2025": "number", "execution_rate_2025": "percent",
             "team": "text", "project_2025": "text"}
    return Table("plans_2026_budget", "2026년 사업별 소요예산과 2025년 예산·집행", "천원, %",
                 f"{PLAN_PERIOD}; 2025년은 {as_of()}", source("Ⅲ·Ⅳ 소요예산, Ⅱ 예산현황"), comparison(), kinds)


def budget_chart() -> Chart:
    frame = comparison()
    names = [f"{r.section} {r.project}" + (f" ({PRIORITY})" if r.is_priority else "") for r in frame.itertuples()]
    figure = charts.bars(names, {"2025년 예산액": frame["budget_2025"].tolist(),
                                 "2026년 소요예산": frame["plan_2026"].tolist()},
                         horizontal=True, text_format=fmt.number)
    figure.update_layout(height=510)
    figure.update_yaxes(automargin=True)
    return Chart("plans_2026_budget_chart", "사업별 2025년 예산액과 2026년 소요예산", "천원",
                 f"{PLAN_PERIOD}; 2025년은 {as_of()}", source("Ⅲ·Ⅳ 소요예산, Ⅱ 예산현황"), figure)


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
    """Every timed 2026 activity with its name, printed timing and months (empty list when none named)."""
    frame = ask("plans_2026_schedule").copy()
    names = [_activity(r) for r in frame.itertuples()]
    frame["activity"] = [n for n, _ in names]
    frame["timing"] = [t for _, t in names]
    frame["month_list"] = frame["months"].map(_months)
    return frame


def calendar_chart() -> Chart:
    """A month grid: one row per activity, a filled cell for each month it runs in."""
    frame = schedule()
    timed = frame[frame["month_list"].map(len) > 0]
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
    return Chart("plans_2026_calendar",
                 f"2026년 추진일정(월별) · 파랑: Ⅲ 추진계획, 주황: Ⅳ {PRIORITY} 사업", "추진 월", PLAN_PERIOD,
                 source("Ⅲ·Ⅳ 세부 추진계획·추진일정"), figure)


def unscheduled_table() -> Table:
    """Activities whose timing names no month ('연 1회 이상', '연 2회(상·하반기)'): listed, not dropped."""
    frame = schedule()
    frame = frame[frame["month_list"].map(len) == 0]
    return Table("plans_2026_unscheduled", "월이 정해지지 않은 2026년 일정", "-", PLAN_PERIOD,
                 source("Ⅲ·Ⅳ 세부 추진계획·추진일정"), frame,
                 {"section": "text", "project": "text", "activity": "text", "timing": "text"})


@dataclass(frozen=True)
class PlanPair:
    """A 2026 project beside the 2025 project it follows on."""
    key: str
    title: str
    is_priority: bool
    summary: str
    plan: ProjectText
    result: ProjectText


def plan_pairs() -> list[PlanPair]:
    pairs = []
    for r in comparison().itertuples():
        summary = (f"2026년 소요예산 **{fmt.won(r.plan_2026)}** · 2025년 예산액 {fmt.won(r.budget_2025)}"
                   f"(집행액 {fmt.won(r.executed_2025)}, 집행률 {fmt.percent(r.execution_rate_2025)}) · "
                   f"증감 **{fmt.signed(r.change, '천원')}**({_signed_rate(r.change_rate)})")
        mark = f" · {PRIORITY}" if r.is_priority else ""
        pairs.append(PlanPair(
            key=f"plan_{r.project_no}",
            title=f"{r.section}{mark} {r.project} ({r.team}) · 소요예산 {fmt.won(r.plan_2026)}",
            is_priority=bool(r.is_priority),
            summary=summary,
            plan=project_text(PLAN_YEAR, int(r.project_no)),
            result=project_text(2025, int(r.project_no_2025)),
        ))
    return pairs


def remaining_months() -> list[int]:
    months = set()
    for text in ask("plans_2025_remaining")["months"]:
        months.update(_months(text))
    return sorted(months)


def remaining_plans(project_nos: list[int] | None = None) -> Table:
    """The 2025 향후계획 with their printed timing and a mark in each month they fall in."""
    frame = ask("plans_2025_remaining").copy()
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
    return Table("plans_2025_remaining" + ("" if project_nos is None else "_" + "_".join(map(str, project_nos))),
                 "2025년 남은 계획(향후계획)", "-",
                 f"{as_of()} 계획 · 남은 기간 2025. 10. 1. ~ 2025. 12. 31.", source("Ⅱ 향후계획"),
                 frame.reset_index(drop=True), columns)


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack. Plans as printed: the period does not change them."""
    return [budget_table(), budget_chart(), calendar_chart(), unscheduled_table(), remaining_plans()]
