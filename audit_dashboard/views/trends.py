"""Trend charts by month or by quarter for any range of quarters, within a year or across years.

Record queries answer per month (year, quarter, month); these helpers add months up to the grain,
lay the period's months or quarters out in order with labels that stay readable from one quarter to
twenty years, and name series by period ('2025년 1~3분기'), never by a single year.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt
from ..period import Period

_KEYS = {"month": ["year", "month"], "quarter": ["year", "quarter"]}
WORD = {"month": ("월별", "같은 달"), "quarter": ("분기별", "같은 분기")}


def per_bucket(frame: pd.DataFrame, grain: str, value: str) -> dict[tuple[int, int], int]:
    """`value` summed per (year, month) or (year, quarter)."""
    if frame.empty:
        return {}
    summed = frame.groupby(_KEYS[grain])[value].sum()
    return {(int(y), int(n)): int(v) for (y, n), v in summed.items()}


def values(frame: pd.DataFrame, period: Period, grain: str, value: str) -> list[int]:
    """One number per month or quarter of the period, in order (0 where nothing was recorded)."""
    found = per_bucket(frame, grain, value)
    return [found.get(key, 0) for key in period.buckets(grain)]


def _unit(n: int, grain: str) -> str:
    return fmt.month(n) if grain == "month" else fmt.quarter(n)


def categories(period: Period, grain: str) -> list[str]:
    """One category per month or quarter of the period: '2024년 7월', '2024년 3분기' (what the hover shows)."""
    return [f"{y}년 {_unit(n, grain)}" for y, n in period.buckets(grain)]


def _step(count: int, grain: str) -> int | None:
    """Label every `step`-th month or quarter, or (None) only the years: labels stay apart on a half-width chart."""
    if grain == "quarter":
        return 1 if count <= 8 else None
    return 1 if count <= 9 else 2 if count <= 24 else 3 if count <= 36 else None


def _ticks(period: Period, grain: str) -> tuple[list[str], list[str]]:
    """Which categories get a label, and what it says: the months or quarters (1월, 3월, …) with the
    year under the first one and under each January or 1분기; for long ranges the years only (every
    other year or sparser beyond six years)."""
    buckets = period.buckets(grain)
    step = _step(len(buckets), grain)
    every_years = -(-len(period.years) // 6)  # ceiling: at most about six year labels
    values, texts = [], []
    for index, ((year, n), category) in enumerate(zip(buckets, categories(period, grain))):
        opens_year = index == 0 or n == 1
        if step is None:
            text = f"{year}년" if opens_year and (year - period.first.year) % every_years == 0 else None
        elif opens_year or (n - 1) % step == 0:
            text = _unit(n, grain) + (f"<br>{year}년" if opens_year else "")
        else:
            text = None
        if text:
            values.append(category)
            texts.append(text)
    return values, texts


def _x_axis(period: Period, grain: str) -> dict:
    values, texts = _ticks(period, grain)
    return dict(type="category", tickmode="array", tickvals=values, ticktext=texts, tickangle=0)


# Counts are whole: a few (a drill-down to one kind) would otherwise get half-steps printed '1, 1, 2, 2'.
WHOLE_STEPS = dict(dtick=1, tickformat=",d")
FEW = 6  # the highest count below which every step is labelled


def _hover(period: Period, grain: str, unit: str, shown: Period) -> dict:
    """The hover names the month actually counted (a year earlier for that series); a click drills down to the
    month or quarter of the period the bar stands for (drill.on_chart_select takes the last value)."""
    return dict(customdata=[[hover, key] for hover, key in zip(categories(shown, grain), keys(period, grain))],
                hovertemplate=f"%{{customdata[0]}}: %{{y:,d}}{unit}<extra>%{{fullData.name}}</extra>")


def _axis(figure: go.Figure, period: Period, grain: str, unit: str, hover_periods: list[Period]) -> go.Figure:
    figure.update_xaxes(**_x_axis(period, grain))
    highest = max([max([v or 0 for v in (t.y or [0])] or [0]) for t in figure.data] or [0])
    if highest <= FEW:
        figure.update_yaxes(**WHOLE_STEPS)
    for trace, shown in zip(figure.data, hover_periods):
        trace.update(**_hover(period, grain, unit, shown))
    return figure


def keys(period: Period, grain: str) -> list[str]:
    """Each month or quarter of the period as the URL writes it: '2025-03', '2025Q1'."""
    if grain == "quarter":
        return [f"{year}Q{quarter}" for year, quarter in period.buckets(grain)]
    return period.month_keys()


def compared(period: Period, grain: str, now: pd.DataFrame, before: pd.DataFrame, value: str,
             unit: str) -> go.Figure:
    """The period's months or quarters beside the same ones a year earlier, series named by period."""
    earlier = period.year_earlier()
    figure = charts.bars(categories(period, grain), {
        period.label: values(now, period, grain, value),
        earlier.label: values(before, earlier, grain, value),
    }, text_format=fmt.number)
    return _axis(figure, period, grain, unit, [period, earlier])


MAX_STACKED = 4  # more series than this, and the small ones vanish in a stack: one small chart each instead


def stacked(period: Period, grain: str, frame: pd.DataFrame, by: str, value: str, unit: str) -> go.Figure:
    """The period's months or quarters, one stacked series per `by` (channel, patrol kind); with more than
    MAX_STACKED series, one small chart per series (small multiples), each on its own scale."""
    series = {name: values(frame[frame[by] == name], period, grain, value) for name in sorted(frame[by].unique())} \
        if not frame.empty else {}
    if len(series) > MAX_STACKED:
        return small_multiples(period, grain, series, unit)
    figure = charts.bars(categories(period, grain), series, text_format=fmt.number)
    figure.update_layout(barmode="stack")
    return _axis(figure, period, grain, unit, [period] * len(series))


PANEL_PX = 92  # the height of one small chart
# The bars' width on a half-width chart (1400 px screen): values are written above the bars only while each
# bar's slot holds its label; past that (ten years by quarter: 40 bars) they overlap into a grey band, and
# the value stays in the hover, the panel's total and the downloads.
BARS_PX = 440
LABEL_PX = 11


def small_multiples(period: Period, grain: str, series: dict[str, list[int]], unit: str) -> go.Figure:
    """One row of bars per series, largest total first, each titled with its name and total and drawn on its
    own scale (a series of 2 a month stays readable beside one of 30); the months run along the bottom.

    The layout make_subplots(rows, shared_xaxes=True) would give, written out and validated once: building it
    with make_subplots and per-row updates cost 80–100 ms a chart, on every period change."""
    ordered = sorted(series.items(), key=lambda item: -sum(item[1]))
    colour = {name: charts.PALETTE[i % len(charts.PALETTE)] for i, name in enumerate(sorted(series))}  # by name: alike across charts
    rows = len(ordered)
    spacing = min(0.07, 0.35 / rows)
    panel = (1 - spacing * (rows - 1)) / rows
    x_axis, x = _x_axis(period, grain), categories(period, grain)
    few = max((max(counts, default=0) for _, counts in ordered), default=0) <= FEW
    hover = _hover(period, grain, unit, period)
    widest = max((charts.text_px(fmt.number(max(counts, default=0)), LABEL_PX) for _, counts in ordered), default=0)
    labelled = widest * len(x) <= BARS_PX
    layout = dict(showlegend=False, barmode="group", height=110 + 50 + PANEL_PX * rows, margin_t=110, annotations=[])
    data = []
    for row, (name, counts) in enumerate(ordered, start=1):
        top = 1 - (row - 1) * (panel + spacing)  # float sums may stray past 0 or 1: the domain is clamped
        suffix = "" if row == 1 else str(row)
        layout[f"xaxis{suffix}"] = dict(anchor=f"y{suffix}", domain=[0.0, 1.0], **x_axis,
                                        **({} if row == rows else dict(matches=f"x{rows}", showticklabels=False)))
        layout[f"yaxis{suffix}"] = dict(anchor=f"x{suffix}", domain=[max(0.0, top - panel), min(1.0, top)], tickfont_size=10,
                                        range=[0, max(max(counts), 1) * 1.45], nticks=3, **(WHOLE_STEPS if few else {}))
        layout["annotations"].append(dict(text=f"{name} (계 {fmt.count(sum(counts), unit)})", showarrow=False,
                                          x=0, xanchor="left", xref="paper", y=top, yanchor="bottom", yref="paper",
                                          font=dict(size=12, color="#333")))
        labels = dict(text=[fmt.number(v) if v else "" for v in counts], textposition="outside", textangle=0,
                      textfont_size=LABEL_PX, cliponaxis=False, constraintext="none") if labelled else {}
        data.append(go.Bar(x=x, y=counts, name=name, xaxis=f"x{suffix}", yaxis=f"y{suffix}", marker_color=colour[name],
                           **labels, **hover))
    return go.Figure(data=data, layout=layout)


def rates(period: Period, grain: str, series: dict[str, list], target: dict | None) -> go.Figure:
    """Shares in percent per month or quarter as lines, with the target (a row of data/targets.csv) as a
    dashed line named by its value."""
    figure = go.Figure()
    for name, shares in series.items():
        figure.add_trace(go.Scatter(x=categories(period, grain), y=shares, name=name, mode="lines+markers+text",
                                    text=[fmt.percent(v, 1) if v is not None else "" for v in shares],
                                    textposition="top center", connectgaps=False))
    if target is not None:
        figure.add_hline(y=float(target["target"]), line_dash="dash", line_color="#b91c1c",
                         annotation_text=f"목표 {fmt.percent(target['target'])}", annotation_position="top left")
    values, texts = _ticks(period, grain)
    figure.update_xaxes(type="category", tickmode="array", tickvals=values, ticktext=texts, tickangle=0)
    figure.update_yaxes(ticksuffix="%", rangemode="tozero")
    for trace in figure.data:
        trace.update(hovertemplate="%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>")
    return figure


def daily(period: Period, frame: pd.DataFrame, value: str, unit: str) -> go.Figure:
    """`value` per day of a month drilled down to (frame: `day`, `value`), every day of it drawn, 0 where
    nothing was recorded; the days labelled 1일, 5일, 10일 … so that they stay apart on a half-width chart."""
    found = {pd.Timestamp(day).date(): int(n) for day, n in zip(frame["day"], frame[value])}
    days = [period.start + dt.timedelta(days=i) for i in range((period.end - period.start).days + 1)]
    names = [f"{day.day}일" for day in days]
    figure = charts.bars(names, {period.label: [found.get(day, 0) for day in days]}, text_format=fmt.number)
    figure.update_layout(showlegend=False)
    marked = [name for day, name in zip(days, names) if day.day == 1 or day.day % 5 == 0]
    figure.update_xaxes(type="category", tickangle=0, tickmode="array", tickvals=marked, ticktext=marked)
    figure.update_traces(hovertemplate=f"{period.label} %{{x}}: %{{y:,d}}{unit}<extra></extra>")
    return figure
