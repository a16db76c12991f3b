"""The frame every page is drawn in, by one call at its top: `page_frame("complaints")`.

It sets the page up (title, wide layout), draws the Korean menu, the report edition, the period
filter, the trend grain (on pages with trends), the presentation view's controls and the council-pack
button, and returns what the page draws with (`Frame.period`, `Frame.grain`, `Frame.report`).

The URL keeps the state: `?from=2024Q3&to=2025Q2&grain=quarter&report=2025-10-17` reproduces a view,
and every menu link carries it to the next page. A URL without an edition takes the one chosen earlier
in the session, else the latest; without a period, the one chosen earlier, else the edition's period.
An unreadable value gets a Korean warning and the default.

Pages are served by Streamlit's own `pages/` mechanism with its file-name menu switched off
(.streamlit/config.toml), so every visitor, however many arrive at once, gets this same frame,
and no Streamlit internals are touched.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from . import council_pack, drill, labels, markdown, navigation, presentation
from . import report as reports
from .editions.meta import Meta
from .korean import josa
from .navigation import PageSpec
from .period import GRAINS, Period, PeriodError, Quarter, default_grain, parse_grain, presets, quarters_between
from .report import Report
from .views import records

# Session state: the choice carries over to a page opened without it in its URL.
_PERIOD, _GRAIN = "period", "grain"
REPORT = "보고서 기간"  # the preset that is the report's period (period.presets)
EDITION_PARAM = "report"


@dataclass(frozen=True)
class Frame:
    page: PageSpec
    period: Period
    grain: str  # "month" or "quarter": what trend charts are drawn by
    report: Report  # the report edition the page shows

    @property
    def query(self) -> dict[str, str]:
        """The URL parameters that keep this period, grain and report (for links to other pages)."""
        return _params(self.period, self.grain, self.report.edition)


def page_frame(name: str) -> Frame:
    """Draw the frame of the page `name` (navigation.PAGES) and return its period, grain and report."""
    page = navigation.page(name)
    st.set_page_config(page_title=f"{page.title} · {labels.APP_TITLE}", layout="wide",
                       initial_sidebar_state="expanded")
    editions = reports.editions()
    edition, edition_warning = _edition_from_url(editions)
    st.session_state[reports.SESSION_KEY] = edition.edition
    report = Report(edition)
    period, grain, warnings = _from_url(report.period)
    for warning in [*edition_warning, *warnings]:  # shown as written: a value typed into the URL is not Markdown
        st.warning(markdown.literal(warning), icon=":material/warning:")
    st.session_state[_PERIOD], st.session_state[_GRAIN] = period, grain
    st.query_params.update(_params(period, grain, edition.edition))
    with st.sidebar:
        _menu(period, grain, edition.edition)
        _edition_choice(editions, edition)
        _period_filter(period, report.period)
        if page.trends:
            _grain_choice(grain, _drilled_month(period))
    presentation.controls(period)
    if not presentation.active():
        council_pack.sidebar_button(period, drill.requested(st.query_params))
    return Frame(page, period, grain, report)


def _params(period: Period, grain: str, edition: str) -> dict[str, str]:
    return {**period.to_params(), "grain": grain, EDITION_PARAM: edition}


def _edition_from_url(editions: list[Meta]) -> tuple[Meta, list[str]]:
    """The edition named in the URL, else the one chosen earlier in the session, else the latest."""
    known = {m.edition: m for m in editions}
    wanted = st.query_params.get(EDITION_PARAM)
    if wanted is not None:
        if wanted in known:
            return known[wanted], []
        return editions[0], [f"주소의 보고서({EDITION_PARAM}={wanted})를 찾을 수 없어 최신 보고서({editions[0].label})를 "
                             f"보여 줍니다. 있는 보고서: {', '.join(known)}."]
    chosen = st.session_state.get(reports.SESSION_KEY)
    return known.get(chosen, editions[0]), []


def _from_url(report: Period) -> tuple[Period, str, list[str]]:
    params, warnings = st.query_params, []
    period = st.session_state.get(_PERIOD, report)
    if "from" in params or "to" in params:
        try:
            period = Period.from_params(params.get("from", ""), params.get("to", ""))
        except PeriodError as error:
            period = report
            warnings.append(f"주소의 기간을 읽을 수 없어 보고서 기간({report.label})으로 보여 줍니다: {error}.")
    # Without one in the URL: the grain chosen earlier, unless the period is now on the other side of three
    # years than the one it was chosen for (then the new period's own default).
    before = st.session_state.get(_PERIOD)
    grain = st.session_state.get(_GRAIN) if before is not None and _same_default(before, period) else None
    grain = grain or default_grain(period)
    if "grain" in params:
        try:
            grain = parse_grain(params["grain"])
        except PeriodError as error:
            grain = default_grain(period)
            warnings.append(f"주소의 추이 단위를 읽을 수 없어 {GRAINS[grain]}로 보여 줍니다: {error}.")
    return period, grain, warnings


def _menu(period: Period, grain: str, edition: str) -> None:
    """Every page, in menu order; Streamlit marks the current one. Links keep the period, grain and edition."""
    for page in navigation.PAGES:
        st.page_link(page.file, label=page.title, icon=page.icon, query_params=_params(period, grain, edition),
                     width="stretch")
    st.divider()


def _edition_label(meta: Meta) -> str:
    return meta.label


def _edition_choice(editions: list[Meta], edition: Meta) -> None:
    """Which report the pages show; the latest is first. The key carries the edition, so an edition set
    by the URL gives a fresh widget showing it."""
    ids = [m.edition for m in editions]
    labels_by_id = {m.edition: m for m in editions}
    key = f"report_choice:{edition.edition}"
    st.subheader("보고서")
    st.selectbox("보고서", ids, index=ids.index(edition.edition), key=key, label_visibility="collapsed",
                 format_func=lambda i: _edition_label(labels_by_id[i]), on_change=_on_edition,
                 args=(key, edition, labels_by_id),
                 help=markdown.tilde_safe(f"{edition.long_label}. 화면의 보고서 수치, 「보고서 기간」, 보고서와의 비교가 "
                                          "이 보고서를 따릅니다. 기본은 최신 보고서입니다."))


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


def _drilled_month(period: Period) -> Period | None:
    """The month the page is narrowed to (`&month=`), if the period holds it (else the page warns)."""
    try:
        month = period.narrowed(st.query_params.get(drill.MONTH))
    except PeriodError:
        return None
    return month if month.month else None


def _grain_choice(grain: str, month: Period | None) -> None:
    if month is not None:  # a month's trend is drawn by day, whatever the grain: say so rather than show the grain
        st.caption(f"추이: 일별({josa(month.label, '으로/로')} 좁힌 동안)")
        return
    key = f"trend_grain:{grain}"
    st.segmented_control("추이", list(GRAINS), default=grain, format_func=GRAINS.get, required=True, key=key,
                         on_change=_on_grain, args=(key,), help="월별·분기별 추이 그림을 어느 단위로 그릴지 고릅니다. 3년이 넘는 기간은 분기별로 시작합니다.")


def _same_default(one: Period, other: Period) -> bool:
    return default_grain(one) == default_grain(other)


def _choose(period: Period) -> None:
    before = st.session_state.get(_PERIOD)
    if before is None or not _same_default(before, period):  # over three years or back: that period's grain
        st.session_state[_GRAIN] = st.query_params["grain"] = default_grain(period)
    st.session_state[_PERIOD] = period
    st.query_params.pop(drill.MONTH, None)  # a month drilled down to belongs to the period it was chosen in
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


def _on_edition(key: str, before: Meta, editions: dict[str, Meta]) -> None:
    """Choose another edition; a period that was the old edition's own moves to the new one's."""
    chosen = editions[st.session_state[key]]
    st.session_state[reports.SESSION_KEY] = chosen.edition
    st.query_params[EDITION_PARAM] = chosen.edition
    if st.session_state.get(_PERIOD) == before.period:
        _choose(chosen.period)


def _on_grain(key: str) -> None:
    st.session_state[_GRAIN] = st.session_state[key]
    st.query_params["grain"] = st.session_state[key]
