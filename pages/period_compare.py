"""기간 비교: the sidebar's period beside a second one (a year earlier unless chosen) — complaints by channel
and department, patrol findings by kind — with the differences in figures and %."""
import streamlit as st

from audit_dashboard import labels, presentation, slides, ui
from audit_dashboard.frame import page_frame, selectable
from audit_dashboard.period import Period
from audit_dashboard.views import period_compare as compare

view = page_frame("period_compare")
period = view.period
other, warning = compare.second_period(period, st.query_params)
if warning:
    st.warning(ui.md(warning), icon=":material/warning:")
    for name in compare.PARAMS:  # the address then says what is shown: a year earlier
        st.query_params.pop(name, None)
pair = compare.Pair(period, other)
shown = [compare.channels(pair), compare.departments(pair), compare.patrol_kinds(pair)]
ui.page_header(labels.PAGE_PERIOD_COMPARE, f"{period.label}({period.dates}) 대 {other.label}({other.dates})",
               sample="고충민원·순찰 기록" if any(chart.sample for chart, _ in shown) else None)


def _choose(key: str, which: str) -> None:
    chosen = st.session_state[key]
    first, last = (chosen, max(chosen, other.last)) if which == "first" else (min(other.first, chosen), chosen)
    st.query_params.update(compare.to_params(Period(first, last)))


def _preset(key: str) -> None:
    if st.session_state[key] is not None:
        st.query_params.update(compare.to_params(compare.choices(period)[st.session_state[key]]))


def choose_second() -> None:
    quarters = selectable(other, view.report.period)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        presets = compare.choices(period)
        st.pills("비교할 기간", list(presets), key=f"vs_preset:{other}", on_change=_preset, args=(f"vs_preset:{other}",),
                 default=next((name for name, p in presets.items() if p == other), None))
        st.selectbox("시작 분기", quarters, index=quarters.index(other.first), format_func=lambda q: q.label,
                     key=f"vs_first:{other}", on_change=_choose, args=(f"vs_first:{other}", "first"))
        st.selectbox("끝 분기", quarters, index=quarters.index(other.last), format_func=lambda q: q.label,
                     key=f"vs_last:{other}", on_change=_choose, args=(f"vs_last:{other}", "last"))


def summary() -> None:
    st.markdown(ui.md(compare.summary(pair)))
    for note in compare.coverage_notes(pair):
        st.caption(ui.md(note))


if not presentation.active():  # the controls are the analyst's, not the audience's
    choose_second()
slides.show([
    slides.Section("두 기간", summary),
    *[section for chart, table in shown
      for section in slides.side_by_side(chart.title, chart, table, (2, 3),
                                         height=35 * (len(table.frame) + 1) + 3)],  # every row, no inner scroll
])
