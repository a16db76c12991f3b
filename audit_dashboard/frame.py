"""The frame every page is drawn in, by one call at its top: `page_frame("complaints")`.

It sets the page up (title, wide layout), draws the Korean menu, the period filter, the trend grain
(on pages with trends), the presentation view's controls and the council-pack button, and returns
what the page draws with (`Frame.period`, `Frame.grain`).

The URL keeps the state: `?from=2024Q3&to=2025Q2&grain=quarter` reproduces a view, and every menu
link carries it to the next page. A URL without a period takes the one chosen earlier in the session,
else the report's period; an unreadable value gets a Korean warning and the report's period.

Pages are served by Streamlit's own `pages/` mechanism with its file-name menu switched off
(.streamlit/config.toml), so every visitor, however many arrive at once, gets this same frame,
and no Streamlit internals are touched.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from . import council_pack, labels, markdown, navigation, presentation
from .navigation import PageSpec
from .period import DEFAULT_GRAIN, GRAINS, Period, PeriodError, Quarter, parse_grain, presets, quarters_between
from .views import records

# Session state: the choice carries over to a page opened without it in its URL.
_PERIOD, _GRAIN = "period", "grain"
REPORT = "보고서 기간"  # the preset that is the report's period (period.presets)


@dataclass(frozen=True)
class Frame:
    page: PageSpec
    period: Period
    grain: str  # "month" or "quarter": what trend charts are drawn by

    @property
    def query(self) -> dict[str, str]:
        """The URL parameters that keep this period and grain (for links to other pages)."""
        return _params(self.period, self.grain)


def page_frame(name: str) -> Frame:
    """Draw the frame of the page `name` (navigation.PAGES) and return its period and grain."""
    page = navigation.page(name)
    st.set_page_config(page_title=f"{page.title} · {labels.APP_TITLE}", layout="wide",
                       initial_sidebar_state="expanded")
    report = records.report_period()
    period, grain, warnings = _from_url(report)
    for warning in warnings:  # shown as written: a value typed into the URL is not Markdown
        st.warning(markdown.literal(warning), icon=":material/warning:")
    st.session_state[_PERIOD], st.session_state[_GRAIN] = period, grain
    st.query_params.update(_params(period, grain))
    with st.sidebar:
        _menu(period, grain)
        _period_filter(period, report)
        if page.trends:
            _grain_choice(grain)
    presentation.controls(period)
    if not presentation.active():
        council_pack.sidebar_button(period)
    return Frame(page, period, grain)


def _params(period: Period, grain: str) -> dict[str, str]:
    return {**period.to_params(), "grain": grain}


def _from_url(report: Period) -> tuple[Period, str, list[str]]:
    params, warnings = st.query_params, []
    period = st.session_state.get(_PERIOD, report)
    if "from" in params or "to" in params:
        try:
            period = Period.from_params(params.get("from", ""), params.get("to", ""))
        except PeriodError as error:
            period = report
            warnings.append(f"주소의 기간을 읽을 수 없어 보고서 기간({report.label})으로 보여 줍니다: {error}.")
    grain = st.session_state.get(_GRAIN, DEFAULT_GRAIN)
    if "grain" in params:
        try:
            grain = parse_grain(params["grain"])
        except PeriodError as error:
            grain = DEFAULT_GRAIN
            warnings.append(f"주소의 추이 단위를 읽을 수 없어 {GRAINS[grain]}로 보여 줍니다: {error}.")
    return period, grain, warnings


def _menu(period: Period, grain: str) -> None:
    """Every page, in menu order; Streamlit marks the current one. Links keep the period and grain."""
    for page in navigation.PAGES:
        st.page_link(page.file, label=page.title, icon=page.icon, query_params=_params(period, grain),
                     width="stretch")
    st.divider()


def selectable(period: Period, report: Period) -> list[Quarter]:
    """The quarters the filter offers: from the first quarter with records (or the report's, if earlier)
    to the last (or the report's, if later), and any quarter of the period in force."""
    found = records.quarters_with_records() or (report.first, report.last)
    return quarters_between(min(found[0], report.first, period.first), max(found[1], report.last, period.last))


def _period_filter(period: Period, report: Period) -> None:
    latest = (records.quarters_with_records() or (report.first, report.last))[1]
    choices = presets(latest, report)
    quarters = selectable(period, report)
    # The widgets show the period in force, which may have come from the URL: their keys carry
    # the period, so a period set elsewhere gives fresh widgets with that value.
    keys = {part: f"period_{part}:{period}" for part in ("preset", "from", "to")}
    st.subheader("기간")
    # The preset the period is, if any; the report's period first when it is also 올해.
    shown = [name for name, chosen in sorted(choices.items(), key=lambda c: c[0] != REPORT) if chosen == period]
    st.pills("빠른 선택", list(choices), key=keys["preset"], on_change=_on_preset, args=(keys["preset"], choices),
             default=shown[0] if shown else None,
             help=markdown.tilde_safe(f"올해·작년·최근 4분기는 기록이 있는 마지막 분기({latest.label})를 기준으로 셉니다. "
                                      f"보고서 기간: {report.label}({report.dates})."))
    st.selectbox("시작 분기", quarters, index=quarters.index(period.first), format_func=_quarter_label,
                 key=keys["from"], on_change=_on_first, args=(keys["from"], period))
    st.selectbox("끝 분기", quarters, index=quarters.index(period.last), format_func=_quarter_label,
                 key=keys["to"], on_change=_on_last, args=(keys["to"], period))
    st.caption(markdown.tilde_safe(f"{period.label} · {period.dates}"))


def _quarter_label(quarter: Quarter) -> str:
    return quarter.label


def _grain_choice(grain: str) -> None:
    key = f"trend_grain:{grain}"
    st.segmented_control("추이", list(GRAINS), default=grain, format_func=GRAINS.get, required=True, key=key,
                         on_change=_on_grain, args=(key,), help="월별·분기별 추이 그림을 어느 단위로 그릴지 고릅니다.")


def _choose(period: Period) -> None:
    st.session_state[_PERIOD] = period
    st.query_params.update(period.to_params())


def _on_preset(key: str, choices: dict[str, Period]) -> None:
    if st.session_state[key] is not None:  # clicking the chosen preset again unselects it: keep the period
        _choose(choices[st.session_state[key]])


def _on_first(key: str, period: Period) -> None:
    first = st.session_state[key]
    _choose(Period(first, max(first, period.last)))  # a start after the end moves the end along


def _on_last(key: str, period: Period) -> None:
    last = st.session_state[key]
    _choose(Period(min(period.first, last), last))


def _on_grain(key: str) -> None:
    st.session_state[_GRAIN] = st.session_state[key]
    st.query_params["grain"] = st.session_state[key]
