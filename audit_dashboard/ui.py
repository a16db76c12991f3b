"""Streamlit pieces every page uses: headers, provenance lines, KPI tiles, formatted tables."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import fmt, labels


def page_header(title: str, lead: str | None = None) -> None:
    st.title(title)
    if lead:
        st.caption(lead)


def provenance(source: str, period: str, kind: str = "report") -> str:
    """One line that says where a figure comes from and which period it covers."""
    line = f"{labels.SOURCE_KIND[kind]} · {source} · 기간: {period}"
    if kind == "sample":
        line = f":red-badge[{labels.SAMPLE_BADGE}] " + line
    return line


def kpi_tile(label: str, value: str, *, detail: str | None = None, provenance_line: str,
             delta: str | None = None, delta_color: str = "normal", help: str | None = None) -> None:
    with st.container(border=True):
        st.metric(label, value, delta=delta, delta_color=delta_color, help=help)
        if detail:
            st.markdown(detail)
        st.caption(provenance_line)


# How each kind of column is written.
_FORMATS = {
    "number": fmt.number,
    "won": fmt.number,
    "percent": fmt.percent,
    "signed": fmt.signed,
    "points": fmt.points,
    "date": fmt.date,
    "measure": lambda v: labels.MEASURE.get(v, v),
}


def table(frame: pd.DataFrame, kinds: dict[str, str], *, key: str | None = None, height: str | int = "auto") -> None:
    """Show `frame` with Korean headers and the department's number style.

    `kinds` maps the columns to show (in order) to how they are written: number, won,
    percent, signed, points, date, measure or text. Sorting still uses the underlying numbers.
    """
    shown = frame[list(kinds)].rename(columns=labels.COLUMNS)
    styler = shown.style
    for column, kind in kinds.items():
        header = labels.COLUMNS.get(column, column)
        if kind in _FORMATS:
            styler = styler.format(_FORMATS[kind], subset=[header], na_rep="-")
    st.dataframe(styler, hide_index=True, width="stretch", key=key, height=height)
