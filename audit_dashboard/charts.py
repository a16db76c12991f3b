"""Plotly figures in the department's style: Korean font, titles that carry unit, period and
source, and a watermark on any chart drawn from sample records (it stays in exported images)."""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from . import labels

FONT_FAMILY = "NanumSquare, NanumBarunGothic, NanumGothic, 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"
PALETTE = ["#1f4e79", "#2e86c1", "#f39c12", "#27ae60", "#8e44ad", "#c0392b", "#7f8c8d"]

pio.templates["audit"] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT_FAMILY, size=14, color="#1b1b1b"),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis=dict(gridcolor="#e5e5e5", zerolinecolor="#bbbbbb"),
        yaxis=dict(gridcolor="#e5e5e5", zerolinecolor="#bbbbbb", separatethousands=True, tickformat=",d"),
        separators=".,",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0),
        margin=dict(l=60, r=30, t=140, b=60),
    )
)


def finish(fig: go.Figure, title: str, unit: str, period: str, source: str, sample: bool = False) -> go.Figure:
    """Title with unit, a subtitle with period and source, and the sample watermark when due.

    Period and source sit under the title rather than below the axis, where tall figures and
    slanted tick labels would clip or cover them.
    """
    fig.update_layout(
        template="audit",
        title=dict(text=f"{title} <span style='font-size:13px;color:#555'>(단위: {unit})</span>",
                   x=0, xanchor="left", xref="container", y=0.985, yanchor="top", yref="container",
                   pad=dict(l=12), subtitle=dict(text=f"기간: {period} · {source}", font=dict(size=11, color="#555"))),
    )
    if sample:
        watermark(fig)
    return fig


def watermark(fig: go.Figure) -> go.Figure:
    fig.add_annotation(
        text=labels.SAMPLE_WATERMARK,
        xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, textangle=-20,
        font=dict(size=38, color="rgba(192, 57, 43, 0.22)"),
    )
    return fig


def bars(categories, series: dict[str, list], *, horizontal: bool = False, text_format=None) -> go.Figure:
    """Grouped bars: one trace per series name."""
    fig = go.Figure()
    for name, values in series.items():
        text = [text_format(v) for v in values] if text_format else None
        if horizontal:
            fig.add_bar(y=list(categories), x=list(values), name=name, orientation="h", text=text, textposition="auto")
        else:
            fig.add_bar(x=list(categories), y=list(values), name=name, text=text, textposition="auto")
    # Labels stay horizontal and readable; stacked callers may switch to inside.
    fig.update_traces(textangle=0, textfont_size=11, cliponaxis=False)
    fig.update_layout(barmode="group", uniformtext=dict(minsize=9, mode="hide"))
    if len(series) > 5:
        # Many series (an import may bring a dozen channels): a legend beside the plot, not over it.
        fig.update_layout(legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02))
    if horizontal:
        fig.update_yaxes(autorange="reversed", separatethousands=False, tickformat="", automargin=True)
        fig.update_xaxes(separatethousands=True, tickformat=",d")
    return fig
