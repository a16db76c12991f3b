"""The one period filter in the sidebar, the same on every page, kept in the URL.

`?from=2025Q1&to=2025Q3` reproduces a view. The URL wins when it has a period; otherwise the
period chosen on the previous page (session state) carries over; otherwise the report's period.
An unreadable value gets a Korean warning and the default.
"""
from __future__ import annotations

import streamlit as st

from . import council_pack, fmt, markdown, presentation
from .app_data import ask
from .entry import ensure_entry_point
from .period import DEFAULT_PERIOD, Period, PeriodError

_STATE = "period"
_YEAR, _RANGE = "period_year", "period_quarters"
QUARTER_LABELS = [fmt.quarter(q) for q in range(1, 5)]


def _from_url() -> tuple[Period | None, str | None]:
    params = st.query_params
    if "from" not in params and "to" not in params:
        return None, None
    try:
        return Period.from_params(params.get("from", ""), params.get("to", "")), None
    except PeriodError as error:
        return None, f"주소의 기간을 읽을 수 없어 기본 기간({DEFAULT_PERIOD.label})으로 보여 줍니다: {error}."


def _on_change(year_key: str, range_key: str) -> None:
    year = st.session_state[year_key]
    first, last = st.session_state[range_key]
    period = Period.of_year(year, QUARTER_LABELS.index(first) + 1, QUARTER_LABELS.index(last) + 1)
    st.session_state[_STATE] = period
    st.query_params.update(period.to_params())


def current_period() -> Period:
    """The period in force, after reading the URL; also keeps the URL in step."""
    period, warning = _from_url()
    if warning:
        st.warning(markdown.text(warning), icon=":material/warning:")  # it quotes the URL: plain text
    if period is None:
        period = st.session_state.get(_STATE, DEFAULT_PERIOD) if not warning else DEFAULT_PERIOD
    st.session_state[_STATE] = period
    st.query_params.update(period.to_params())
    return period


def period_filter() -> Period:
    """Draw the sidebar filter and return the period every figure on the page must follow.

    Every page calls this first, so it is also where a page makes sure it runs under dashboard.py.
    """
    ensure_entry_point()
    period = current_period()
    years = [int(y) for y in ask("period_years")["year"]]
    if period.year not in years:
        years = sorted(set(years) | {period.year})
    # The widgets show the period in force, which may have come from the URL: their keys carry
    # the period, so a period set elsewhere gives fresh widgets with that value.
    keys = (f"{_YEAR}:{period}", f"{_RANGE}:{period}")
    quarters = (QUARTER_LABELS[period.first.quarter - 1], QUARTER_LABELS[period.last.quarter - 1])
    with st.sidebar:
        st.subheader("기간")
        st.selectbox("연도", years, index=years.index(period.year), key=keys[0], format_func=lambda y: f"{y}년",
                     on_change=_on_change, args=keys)
        st.select_slider("분기(한 분기 또는 누적)", options=QUARTER_LABELS, value=quarters, key=keys[1],
                         on_change=_on_change, args=keys)
        st.caption(markdown.ours(f"{period.label} · {period.dates}"))
    # Every page calls this, so every page gets the presentation view and the council pack here.
    presentation.controls(period)
    if not presentation.active():
        council_pack.sidebar_button(period)
    return period
