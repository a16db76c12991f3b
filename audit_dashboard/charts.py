"""Plotly figures in the department's style: Korean font, titles that carry unit, period and
source, and a watermark on any chart drawn from sample records (it stays in exported images).

For paper (`finish(..., min_text_px=…)`), every text of a chart is raised to a minimum size, and
`smallest_text_px` says how small the smallest text of a figure can be drawn (tests hold it to 9 pt
at the printed width, see paper.py).
"""
from __future__ import annotations

import re

import plotly.graph_objects as go
import plotly.io as pio

from . import fmt, labels

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
# Every chart is finished with the "audit" template (finish); starting them with it too spares each new
# figure a copy of plotly's own, much larger, default template that finish would replace anyway.
pio.templates.default = "audit"


TOP_MARGIN = 140        # the template's: room for title, subtitle and a legend above the plot
UNTITLED_TOP = 40       # without a title (the page around the chart prints it): room for the legend


def finish(fig: go.Figure, title: str, unit: str, period: str, source: str, sample: bool = False, *,
           titled: bool = True, min_text_px: int | None = None, width_px: int | None = None) -> go.Figure:
    """Title with unit, a subtitle with period and source, and the sample watermark when due.

    Period and source sit under the title rather than below the axis, where tall figures and
    slanted tick labels would clip or cover them. `titled=False` leaves title and subtitle to the
    document the chart is placed in (the council pack prints them as text) and gives their height
    back; `min_text_px` raises every text to that size, for a chart drawn `width_px` wide (paper).
    """
    fig.update_layout(template="audit")
    small = max(13, min_text_px or 0)
    if titled:
        unit_text = f"<span style='font-size:{small}px;color:#555'>{fmt.unit_note(unit).strip()}</span>"
        subtitle, subtitle_px = f"기간: {period} · {source}", max(11, min_text_px or 0)
        title_y = 0.985
        if width_px:
            # A chart for paper is narrower than a screen: long titles and source lines are broken
            # where they can be, and the room above the plot grows by the lines added.
            base = max(fig.layout.font.size or fig.layout.template.layout.font.size or 12, min_text_px or 0)
            room = width_px - 24
            title_lines = _lines(f"{title} {fmt.unit_note(unit).strip()}", base * 1.4, room)
            subtitle_lines = _lines(subtitle, subtitle_px, room)
            title = "<br>".join(title_lines)
            note = fmt.unit_note(unit).strip()
            if note:
                # The unit is drawn by its own span after the title: taken off its end, even when a
                # line break fell inside it ('(단위:<br>건)').
                title = re.sub("(?:\\s|<br>)+".join(map(re.escape, note.split())) + "$", "", title)
                title = re.sub("(?:\\s|<br>)+$", "", title)
            subtitle = "<br>".join(subtitle_lines)
            title_extra = (len(title_lines) - 1) * base * 1.4 * 1.3
            extra = title_extra + (len(subtitle_lines) - 1) * subtitle_px * 1.3
            if extra:
                top = fig.layout.margin.t if fig.layout.margin.t is not None else TOP_MARGIN
                height = (fig.layout.height or DEFAULT_HEIGHT) + int(extra)
                fig.update_layout(margin_t=top + int(extra), height=height)
                # plotly anchors a title by its first line: the lines above it would leave the image.
                title_y = 0.985 - title_extra / height
        fig.update_layout(title=dict(
            text=f"{title} {unit_text}",
            x=0, xanchor="left", xref="container", y=title_y, yanchor="top", yref="container", pad=dict(l=12),
            subtitle=dict(text=subtitle, font=dict(size=subtitle_px, color="#555"))))
    else:
        top = fig.layout.margin.t if fig.layout.margin.t is not None else TOP_MARGIN
        height = fig.layout.height or DEFAULT_HEIGHT
        new_top = min(top, max(UNTITLED_TOP, top - (TOP_MARGIN - UNTITLED_TOP)))
        fig.update_layout(title=None, margin_t=new_top, height=height - (top - new_top))
    if sample:
        watermark(fig)
    return for_paper(fig, min_text_px, width_px) if min_text_px else fig


DEFAULT_HEIGHT = 450  # plotly's (and Streamlit's) height for a figure that sets none

_FONT_KEY = re.compile(r"font$")
_SPAN_SIZE = re.compile(r"font-size:\s*(\d+)px")
_AXIS = re.compile(r"[xy]axis\d*")


def _raise(node, min_px: float) -> None:
    """Every `…font.size` below `min_px` in a figure's JSON raised to it (arrays element by element)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if _FONT_KEY.search(key) and isinstance(value, dict) and "size" in value:
                size = value["size"]
                if isinstance(size, (int, float)):
                    value["size"] = max(size, min_px)
                elif isinstance(size, (list, tuple)):
                    value["size"] = [max(s, min_px) for s in size]
            _raise(value, min_px)
    elif isinstance(node, list):
        for value in node:
            _raise(value, min_px)


def _base_size(layout) -> float:
    """The font size texts inherit: the layout's, else its template's."""
    template = layout.template.layout.font.size if layout.template else None
    return layout.font.size or template or 12


def for_paper(fig: go.Figure, min_px: int, width_px: int | None = None) -> go.Figure:
    """A copy with no chart text under `min_px`: base font, tick labels, data labels, legend,
    annotations, titles (inline sizes too).

    Labels of bars side by side go past the bar's end, and the value axis is widened so that they
    fit in a chart `width_px` wide; labels of stacked segments that would have to shrink below
    `min_px` are hidden instead (uniformtext): their values stay in the tables beside the chart.
    """
    spec = fig.to_plotly_json()
    _raise(spec, min_px)
    layout = spec["layout"]
    layout.setdefault("font", {})["size"] = max(_base_size(fig.layout), min_px)
    layout["uniformtext"] = {"minsize": max(min_px, fig.layout.uniformtext.minsize or 0), "mode": "hide"}
    title = layout.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        title["text"] = _SPAN_SIZE.sub(lambda m: f"font-size:{max(int(m.group(1)), min_px)}px", title["text"])
    for trace in spec["data"]:
        if trace.get("type") == "scatter" and trace.get("text") is not None:
            trace["cliponaxis"] = False  # a point's label near the plot's edge, larger now, stays whole
    # Small multiples (several value axes) set each panel's room themselves.
    panels = any(_AXIS.fullmatch(k) and k not in ("xaxis", "yaxis") for k in layout)
    if fig.layout.barmode not in ("stack", "relative") and not panels:
        labelled = [trace for trace in fig.data if trace.type == "bar" and trace.text is not None]
        spec_bars = [trace for trace in spec["data"] if trace.get("type") == "bar" and trace.get("text") is not None]
        _room_for_labels(fig, layout, labelled, spec_bars, layout["font"]["size"], width_px)
    return go.Figure(spec)


def _values(array) -> list:
    """A trace's data (a tuple, list or numpy array, or None) as a list."""
    return [] if array is None else list(array)


def side_labels_px(fig: go.Figure, size: float) -> float:
    """How wide the widest category label beside the plot is drawn at `size` px (horizontal bars, rows
    of a heatmap); 0 when the categories run along the bottom."""
    labels = [c for trace in fig.data if (trace.type == "bar" and trace.orientation == "h") or trace.type == "heatmap"
              for c in _values(trace.y)]
    return max((max(text_px(line, size) for line in str(c).split("<br>")) for c in labels), default=0.0)


def _lines(text: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width` at `size` px, broken after ' · ' or ', ', else at spaces."""
    pieces = re.split(r"(?<=·) |(?<=,) |(?<=;) ", text)
    if any(text_px(piece, size) > width for piece in pieces):
        pieces = text.split(" ")
    lines: list[str] = []
    for piece in pieces:
        if lines and text_px(f"{lines[-1]} {piece}", size) <= width:
            lines[-1] = f"{lines[-1]} {piece}"
        else:
            lines.append(piece)
    return lines


def text_px(text: str, size: float) -> float:
    """About how wide `text` is drawn at `size` px in the shipped font (Hangul a full em, the rest about half)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.58 for ch in str(text)) * size


def _room_for_labels(fig: go.Figure, layout: dict, bars: list, spec_bars: list[dict], size: float,
                     width_px: int | None) -> None:
    """Where the labels of bars side by side go, at full size, and room for them.

    Labels that fit inside their bars stay there (those of short bars go above them, as on screen);
    others go past the bar's end (inside, plotly would shrink them): upright when the bars are too
    narrow for them lying down. The value axis is widened so that labels past the bars' ends fit
    inside the chart (plotly's autorange, and ranges set for the screen's smaller type, make room for
    the bars only). Stacked segments keep their labels inside, hidden when too large (uniformtext).
    """
    if not bars:
        return

    def outside(upright: bool = False) -> None:
        for trace in spec_bars:
            trace.update(textposition="outside", constraintext="none", cliponaxis=False)
            if upright:
                trace["textangle"] = -90
    horizontal = bars[0].orientation == "h"
    name = "xaxis" if horizontal else "yaxis"
    axis = layout.setdefault(name, {})
    pairs = [(float(v), str(t)) for trace in bars
             for v, t in zip(_values(trace.x if horizontal else trace.y), _values(trace.text)) if v is not None]
    if not pairs or max(v for v, _ in pairs) <= 0:
        return
    low, high = axis.get("range") or [min(0.0, min(v for v, _ in pairs)), max(v for v, _ in pairs)]
    if horizontal:
        outside()
        if width_px:
            margin = fig.layout.margin
            categories = [c for trace in bars for c in _values(trace.y)]
            names = max((text_px(c, size) for c in categories), default=0) if fig.layout.yaxis.automargin else 0
            plot = width_px - (margin.l if margin.l is not None else 60) - (margin.r if margin.r is not None else 30) - names
            for value, label in pairs:
                room = plot - text_px(label, size) - 8
                if room > plot / 3:  # a label wider than that is left to overflow rather than squash the bars
                    high = max(high, low + (value - low) * plot / room)
    else:
        headroom = 1.12  # a line of text above the tallest bar
        if width_px:
            margin = fig.layout.margin
            plot = width_px - (margin.l if margin.l is not None else 60) - (margin.r if margin.r is not None else 30)
            slots = max(1, len({str(c) for trace in bars for c in _values(trace.x)})) * len(bars)
            bar = plot / slots * (1 - (fig.layout.bargap or 0.2))
            widest = max(text_px(label, size) for _, label in pairs)
            if widest > bar:
                outside(upright=True)  # too many bars for labels lying down: they stand above the bars
                headroom = 1.3
            elif widest > bar - 12:  # room for the label but not for plotly's padding inside the bar
                outside()
        else:
            outside()
        high = max(high, max(v for v, _ in pairs) * headroom)
    axis.update(range=[low, high], autorange=False)


def smallest_text_px(fig: go.Figure) -> float:
    """The smallest size, in CSS px, at which any text of `fig` can be drawn.

    Fonts inherit the layout's; bar labels may be shrunk by plotly to fit their bar (unless
    constraintext is 'none'), down to `uniformtext.minsize` when its mode is 'hide' (below it they
    are hidden), else without limit (0).
    """
    layout = fig.layout
    base = _base_size(layout)

    def size(font) -> float:
        value = getattr(font, "size", None) if font is not None else None
        if isinstance(value, (list, tuple)):
            return min(value)
        return value or base

    sizes: list[float] = []
    for trace in fig.data:
        if getattr(trace, "text", None) is None and not getattr(trace, "texttemplate", None):
            continue
        if trace.type == "bar" and trace.constraintext != "none":
            sizes.append((layout.uniformtext.minsize or 0) if layout.uniformtext.mode == "hide" else 0)
        else:
            sizes.append(size(getattr(trace, "textfont", None)))
    named = [t for t in fig.data if t.showlegend is not False and t.name]
    if layout.showlegend or (layout.showlegend is None and len(named) > 1):
        sizes.append(size(layout.legend.font))
    axes = [k for k in layout.to_plotly_json() if _AXIS.fullmatch(k)] or ["xaxis", "yaxis"]
    for name in axes:
        axis = layout[name]
        if axis.showticklabels is not False:
            sizes.append(size(axis.tickfont))
        if axis.title.text:
            sizes.append(size(axis.title.font))
    sizes += [size(note.font) for note in layout.annotations if note.text]
    if layout.title.text:
        sizes.append(size(layout.title.font))
        sizes += [float(px) for px in _SPAN_SIZE.findall(layout.title.text)]
        if layout.title.subtitle.text:
            sizes.append(size(layout.title.subtitle.font))
    return min(sizes) if sizes else base


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
