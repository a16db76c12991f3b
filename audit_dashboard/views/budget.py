"""예산 집행: what the budget execution page shows, built from the execution snapshots.

Everything execution-related is as of one snapshot: the latest on or before the end of the
selected period, in that period's year (execution is counted from 1 January). A report's as-of
snapshot is real (named by the edition it comes from); the month-ends before the shipped edition's
are generated samples and are marked. The previous year's snapshots, where the store has them, are
drawn beside the year's curve. The reconciliation is the shown edition's own tables and does not move
with the period; the next year's plans are the plans page's.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt, labels
from .. import report as reports
from ..app_data import ask, ask_one, per_store
from ..content import Chart, Table
from ..period import Period
from ..report import current

# Where in a report its budget tables are (the report's own section names).
PROGRAMMES_SECTION = "Ⅰ-4 예산현황"
PROJECTS_SECTION = "Ⅱ 사업별 예산현황"
SOURCE_IMPORT = "가져온 집행 자료(세부사업별 원 단위 합계를 단위사업마다 천원으로 반올림)"
TARGET_METRIC = "budget_execution_rate"
KIND_LABEL = {"report": "보고서", "sample": "샘플(생성 데이터)", "import": "가져온 자료"}
CURVE_POINTS = {"report": "보고서", "import": "가져온 자료"}  # anything with a sample in it: 월말 샘플
SPENT, BUDGET, BEFORE = charts.PALETTE[0], "#aab7c4", charts.PALETTE[2]  # BEFORE: the previous year's curve


def _date(value) -> dt.date:
    return pd.Timestamp(value).date()


def source_programmes() -> str:
    """'2024년 주요업무 보고 Ⅰ-4 예산현황' of the shown edition."""
    return current().source(PROGRAMMES_SECTION)


def source_sample() -> str:
    """The generated month-ends, named by the edition they were made to end at."""
    shipped = reports.shipped()
    return f"월말 집행 샘플(「{shipped.title}」 {shipped.as_of_text} 수치에 맞춰 생성)"


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


@per_store
def snapshot(period: Period) -> Snapshot | None:
    """The snapshot that answers for `period`, or None when its year has none on or before its end."""
    found = ask("budget_snapshot_for_period", period_end=period.end)
    if not len(found):
        return None
    row = found.iloc[0]
    edition = row["edition"] if isinstance(row["edition"], str) else None
    return Snapshot(_date(row["snapshot_date"]), str(row["source"]), float(row["year_elapsed"]), edition)


@per_store
def curve_has_samples(snap: Snapshot) -> bool:
    """Whether the year's execution curve up to the snapshot includes generated month-ends."""
    points = ask("budget_execution_monthly", year=snap.date.year, through=snap.date)
    return any("sample" in str(s) for s in points["source"])


@per_store
def previous_has_samples(snap: Snapshot) -> bool:
    """Whether the previous year's curve drawn beside this year's includes generated month-ends."""
    return any("sample" in str(s) for s in previous_year(snap)["source"])


@per_store
def available() -> str:
    """Which snapshots exist, for saying so when a period has none: '2024. 1. 31. ~ 2024. 6. 30.(9개)'."""
    dates = ask("budget_snapshot_dates")["snapshot_date"]
    if not len(dates):
        return "없음"
    return f"{fmt.period(_date(dates.min()), _date(dates.max()))}({len(dates)}개 시점)"


def totals(snap: Snapshot) -> dict:
    """budget, executed, remaining, execution_rate, year_elapsed, gap."""
    total = ask_one("budget_execution_at_snapshot", snapshot_date=snap.date)
    for key in ("snapshot_date",):
        total[key] = None if pd.isna(total[key]) else _date(total[key])
    return total


def lines_note(snap: Snapshot) -> str:
    """'단위사업 6개(기본경비 포함)': how many lines the total adds up (an import brings its own)."""
    names = list(programmes(snap)["programme"])
    return f"단위사업 {len(names)}개" + ("(기본경비 포함)" if "기본경비" in names else "")


def target(snap: Snapshot) -> dict | None:
    """The execution-rate target that applies at the snapshot (the next one set in its year), if any."""
    found = ask("target_for", metric=TARGET_METRIC, at=snap.date)
    return found.iloc[0].to_dict() if len(found) else None


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


@per_store
def programme_table(snap: Snapshot) -> Table:
    frame = programmes(snap)
    return Table("budget_programmes", f"단위사업별 예산 집행({fmt.date(snap.date)} 기준, 연간 경과율 {fmt.percent(snap.year_elapsed, 1)})", "천원, %, %p", snap.period,
                 snap.source_for(PROGRAMMES_SECTION), frame, {"programme": "text", **_rate_kinds(snap)}, snap.source)


@per_store
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


@per_store
def programme_bullets(snap: Snapshot) -> Chart:
    """One bullet bar per 단위사업: its execution rate on a 100% (예산액) bar, against the share of the year
    elapsed as one vertical marker."""
    frame = programmes(snap)
    names = list(frame["programme"])
    rates = [float(r) for r in frame["execution_rate"]]
    figure = go.Figure()
    figure.add_bar(y=names, x=[100.0] * len(names), name="예산액(100%)", orientation="h", marker_color="#e3e8ee",
                   width=0.7, hoverinfo="skip")
    figure.add_bar(y=names, x=rates, name="집행률", orientation="h", marker_color=SPENT, width=0.36,
                   text=[f"{fmt.percent(r)} ({fmt.number(e)}/{fmt.number(b)})"
                         for r, e, b in zip(rates, frame["executed"], frame["budget"])],
                   textposition="outside", cliponaxis=False, textfont_size=12,
                   hovertext=[f"{n}<br>집행률 {fmt.percent(r, 1)}<br>집행액 {fmt.won(e)} / 예산액 {fmt.won(b)}"
                              for n, r, e, b in zip(names, rates, frame["executed"], frame["budget"])],
                   hoverinfo="text")
    figure.add_vline(x=snap.year_elapsed, line=dict(color=charts.PALETTE[5], width=2.5, dash="dash"),
                     annotation_text=f"연간 경과율 {fmt.percent(snap.year_elapsed, 1)}",
                     annotation_position="top", annotation_font=dict(color=charts.PALETTE[5], size=13))
    # No legend (the marker and the bars say what they are): the room above the plot is the title's and the marker's.
    per_line = 52 if len(names) <= 12 else 30  # an import may bring dozens of lines: thinner rows, still readable
    figure.update_layout(barmode="overlay", height=130 + per_line * len(names), bargap=0.3, showlegend=False, margin_t=110)
    figure.update_yaxes(autorange="reversed", separatethousands=False, tickformat="", automargin=True)
    figure.update_xaxes(range=[0, 135], tickvals=[0, 25, 50, 75, 100], ticktext=["0%", "25%", "50%", "75%", "100%"])
    return Chart("budget_programmes_bullets",
                 f"단위사업별 집행률과 연간 경과율({fmt.date(snap.date)} 기준, 막대 글자는 집행액/예산액 천원)", "%",
                 snap.period, snap.source_for(PROGRAMMES_SECTION), figure, snap.source)


@per_store
def project_chart(snap: Snapshot) -> Chart:
    frame = projects(snap)
    names = [f"{n}. {p}" for n, p in zip(frame["project_no"], frame["project"])]
    return Chart("budget_projects_bars", f"사업별 예산액과 집행액({fmt.date(snap.date)} 기준)", "천원",
                 snap.period, snap.source_for(PROJECTS_SECTION), _budget_bars(names, frame), snap.source)


@per_store
def funding_table(snap: Snapshot) -> Table:
    frame = ask("budget_execution_by_funding_source", snapshot_date=snap.date)
    return Table("budget_funding", f"사업별 재원(시비·구비) 집행({fmt.date(snap.date)} 기준)", "천원, %", snap.period,
                 snap.source_for(PROJECTS_SECTION), frame,
                 {"project_no": "number", "project": "text", "funding_source": "text", "budget": "won",
                  "executed": "won", "remaining": "won", "execution_rate": "percent"}, snap.source)


@per_store
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


def previous_year(snap: Snapshot) -> pd.DataFrame:
    """The previous year's cumulative execution at each of its snapshots (empty when the store has none)."""
    year = snap.date.year - 1
    points = ask("budget_execution_monthly", year=year, through=dt.date(year, 12, 31))
    points["snapshot_date"] = [_date(d) for d in points["snapshot_date"]]
    return points


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same month and day in `year` (29 February becomes the 28th): last year's curve drawn on this year's axis."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _previous_at(before: pd.DataFrame, snap: Snapshot):
    """The previous year's latest point on or before the same month and day as `snap`, if any."""
    same = before[[_in_year(d, snap.date.year) <= snap.date for d in before["snapshot_date"]]]
    return same.iloc[-1] if len(same) else None


@per_store
def execution_curve(snap: Snapshot) -> Chart:
    """Cumulative execution rate at each snapshot of the year up to `snap`, the even-spending line, the
    previous year's curve (each year as a share of its own budget) where the store has it, and the
    department's targets where it has set them. No straight line to the year's end: a pace so far is no forecast."""
    year = snap.date.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    points = ask("budget_execution_monthly", year=year, through=snap.date)
    points["snapshot_date"] = [_date(d) for d in points["snapshot_date"]]
    before = previous_year(snap)
    targets = ask("budget_execution_targets", year=year)

    figure = go.Figure()
    figure.add_scatter(x=[start, end], y=[0, 100], mode="lines", name="균등 집행(연간 경과율)",
                       line=dict(color="#7f8c8d", dash="dot", width=1.5), hoverinfo="skip")
    if len(before):
        last = before.iloc[-1]
        figure.add_scatter(
            x=[start, *[_in_year(d, year) for d in before["snapshot_date"]]], y=[0, *before["execution_rate"]],
            mode="lines+markers", name=f"{year - 1}년 누적 집행률(그해 예산액 대비)",
            line=dict(color=BEFORE, dash="dash", width=2.5), marker=dict(size=[0] + [7] * len(before), color=BEFORE),
            hoverinfo="text",
            hovertext=[""] + [_hover(r, " + ".join(KIND_LABEL[s] for s in r.source.split("+"))) for r in before.itertuples()])
        figure.add_annotation(x=_in_year(last["snapshot_date"], year), y=float(last["execution_rate"]),
                              text=f"{year - 1}년 {fmt.month(last['snapshot_date'].month)} 말 {fmt.percent(last['execution_rate'])}",
                              showarrow=False, xanchor="left", xshift=8, font=dict(color=BEFORE, size=13))
    figure.add_scatter(x=[start, *points["snapshot_date"]], y=[0, *points["execution_rate"]], mode="lines",
                       name="누적 집행률", line=dict(color=SPENT, width=3), hoverinfo="skip", showlegend=False)
    for source, part in points.groupby("source", sort=False):
        kind = " + ".join(KIND_LABEL[s] for s in source.split("+"))
        report = source == "report"
        figure.add_scatter(
            x=part["snapshot_date"], y=part["execution_rate"], mode="markers+text" if report else "markers",
            name=f"{year}년 누적 집행률: {CURVE_POINTS.get(source, '월말 샘플')}",
            marker=dict(color=SPENT if report else "white", size=13 if report else 9, line=dict(color=SPENT, width=2)),
            text=[fmt.percent(r) for r in part["execution_rate"]] if report else None, textposition="top left",
            hovertext=[_hover(r, kind) for r in part.itertuples()], hoverinfo="text")
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
    highest = max([100.0, *points["execution_rate"], *before["execution_rate"]])
    figure.update_xaxes(range=[start - dt.timedelta(days=3), end + dt.timedelta(days=8)],
                        tickvals=_month_ends(year), ticktext=[f"{fmt.month(m)} 말" for m in range(1, 13)])
    figure.update_yaxes(range=[0, highest + 10], ticksuffix="%", tickformat="d")
    figure.update_layout(height=470, hovermode="closest")

    sources = list(dict.fromkeys([*points["source"], *before["source"]]))
    origin = "+".join(sorted(set("+".join(sources).split("+")), key=["sample", "import", "report"].index))
    source = _curve_source(points, before)
    period = f"{fmt.period(start, snap.date)} 누계"
    if len(before):
        last = before["snapshot_date"].iloc[-1]
        period += f"({year - 1}년은 {last.month}. {last.day}.까지)"
    title = f"월별 누적 집행률({year}년, {fmt.date(snap.date)}까지)" + (f"과 {year - 1}년" if len(before) else "")
    return Chart("budget_execution_curve", title, "%", period, source, figure, origin)


@per_store
def comparison_text(snap: Snapshot) -> str:
    """What the previous year's curve says against this year's, or that there is none to compare with."""
    year, before = snap.date.year, previous_year(snap)
    rate = totals(snap)["execution_rate"]
    if not len(before):
        return (f"{year - 1}년 집행 자료가 저장소에 없어 전년 곡선과 견주지 못합니다. 연말 집행률은 추정하지 않습니다"
                f"(지금까지의 속도를 연말까지 늘인 직선은 예측이 아닙니다). {year - 1}년 월말 집행 현황을 가져오면 "
                f"전년 곡선이 함께 그려집니다.")
    same, last = _previous_at(before, snap), before.iloc[-1]
    text = f"점선은 {year - 1}년의 누적 집행률(그해 예산액 대비)입니다. "
    if same is not None:
        text += (f"{year - 1}년 같은 시점({fmt.date(same['snapshot_date'])})의 집행률은 {fmt.percent(same['execution_rate'], 1)}, "
                 f"올해({fmt.date(snap.date)})의 집행률은 {fmt.percent(rate, 1)}입니다. ")
    reached = "연말" if (last["snapshot_date"].month, last["snapshot_date"].day) == (12, 31) else "마지막 자료"
    # '**89.3%**입니다' would not be bold (a closing ** after '%' needs a space or punctuation after it).
    text += f"{year - 1}년 {reached}({fmt.date(last['snapshot_date'])}) 집행률: **{fmt.percent(last['execution_rate'], 1)}**"
    return text


def _month_ends(year: int) -> list[dt.date]:
    return [dt.date(year + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1) for m in range(1, 13)]


def _curve_source(points: pd.DataFrame, before: pd.DataFrame | None = None) -> str:
    """Which points are samples and which are a report's, in words; the previous year's in one short part
    (the line must fit under the chart's title)."""
    parts = []
    for source, part in points.groupby("source", sort=False):
        dates = sorted(part["snapshot_date"])
        when = fmt.date(dates[0]) if len(dates) == 1 else f"{fmt.date(dates[0])}~{fmt.date(dates[-1])}"
        parts.append(f"{when}: {_points_label(source, part)}")
    if before is not None and len(before):
        year = before["snapshot_date"].iloc[0].year
        parts.append(f"{year}년 곡선: " + ", ".join(_points_label(s, p) for s, p in before.groupby("source", sort=False)))
    return " · ".join(parts)


def _points_label(source: str, part: pd.DataFrame) -> str:
    if source == "report":
        titles = [reports.find(e) for e in dict.fromkeys(part["edition"].dropna())]
        return ", ".join(f"{m.title} {PROGRAMMES_SECTION}" for m in titles if m) or PROGRAMMES_SECTION
    return {"import": "가져온 집행 자료"}.get(source, "생성 샘플")


@per_store
def targets_note(snap: Snapshot) -> str:
    """What the target points are and who set them, or that none are set for the year."""
    targets = ask("budget_execution_targets", year=snap.date.year)
    if not len(targets):
        return f"{snap.date.year}년 집행률 목표가 정해지지 않아 목표는 그리지 않았습니다."
    points = ", ".join(f"{fmt.date(d)} {fmt.percent(t)}" for d, t in zip(targets["target_date"], targets["target"]))
    basis = "; ".join(sorted({fmt.target_basis(row) for row in targets.to_dict("records")}))
    return f"집행률 목표(◆): {points} 이상 — {basis}"


def _text_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Columns shown as text, '-' where empty: Streamlit writes an empty cell as 'None'."""
    frame = frame.copy()
    for column in columns:
        frame[column] = ["-" if pd.isna(v) else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
                         for v in frame[column]]
    return frame


# --- the next year's plans: the plans page's (the budget page links to it) ----------------------

@per_store
def has_plans() -> bool:
    """Whether the shown edition has the next year's plans (the plans page shows them)."""
    return current().plan_year is not None


# --- reconciliation (report only) ----------------------------------------------------------------

@per_store
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


@per_store
def reconciliation_notes() -> list[str]:
    """Each difference the source carries, with its explanation (the edition's declared differences)."""
    notes = current().ask("source_discrepancies", check_key="programme_vs_projects")
    order = {key: i for i, key in enumerate(zip(reconciliation()["programme"], reconciliation()["measure"]))}
    notes = notes.assign(order=[order.get(k, len(order)) for k in zip(notes["subject"], notes["measure"])]).sort_values("order")
    return [f"{r.subject} {labels.MEASURE[r.measure]} {fmt.signed(r.difference, '천원')}: {r.note}"
            for r in notes.itertuples()]


@per_store
def reconciliation_table() -> Table:
    return Table("budget_reconciliation", "단위사업별 예산과 사업별 예산의 맞춤(차이 = 단위사업 − 사업 합계)", "천원",
                 current().as_of_state, source_map(), reconciliation(),
                 {"programme": "text", "project_nos": "text", "measure": "measure", "expected": "won",
                  "actual": "won", "difference": "signed"}, readings=("project_map",))


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack: execution at the period's snapshot, when its year has one.
    The next year's plans are the plans page's."""
    snap = snapshot(period)
    if snap is None:
        return []
    return [total_table(snap), programme_bullets(snap), programme_table(snap), project_chart(snap),
            project_table(snap), funding_table(snap), execution_curve(snap)]


def council_appendix(period: Period) -> list[Chart | Table]:
    """For the pack's appendix (off by default): how the two budget groupings reconcile."""
    return [reconciliation_table(), programme_projects_table()]
