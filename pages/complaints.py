"""고충민원: received by month or quarter (the grain chosen in the frame), channels, processing time, backlog,
repeats, departments."""
import streamlit as st

from audit_dashboard import fmt, labels, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import complaints, records

view = page_frame("complaints")
period = view.period
span = records.span("complaints", complaints.KIND)
now = complaints.summary(period)
ui.page_header(labels.PAGE_COMPLAINTS, f"{period.label} · {period.dates}",
               sample="고충민원 기록" if now["sample_rows"] else None)
check = complaints.report_check(period)
if not now["received"]:
    # No records for the period: say so, and still show what the report printed for it.
    st.info(ui.md(f"{period.label}에는 고충민원 기록이 없습니다. 기록이 있는 기간은 {span}입니다."), icon=":material/event_busy:")
    if check is not None:
        with st.container(border=True):
            st.markdown("**보고서 수치** :red-badge[이 기간의 기록 없음]")
            ui.show(check)
    st.stop()

origin = "sample" if now["sample_rows"] else "import"
line = ui.provenance(complaints.SOURCE, period.dates, origin)


def tiles() -> None:
    columns = st.columns(4)
    with columns[0]:
        note = records.coverage_note(period, "complaints", complaints.KIND)
        ui.kpi_tile("접수", fmt.count(now["received"], "건"), provenance_line=line,
                    detail="  \n".join(complaints.changes(period) + ([note] if note else [])))
    with columns[1]:
        within = now["closed_within_period_share"]
        ui.kpi_tile(f"처리기간({now['processing_period_days']}일) 내 처리율", fmt.percent(within, 1), provenance_line=line,
                    detail=fmt.target_status(within, complaints.target(period)) or "목표 미설정(data/targets.csv)")
    with columns[2]:
        ui.kpi_tile("처리일수 중앙값", f"{fmt.number(now['median_days'], 1)}일", provenance_line=line,
                    detail=f"90백분위 {fmt.number(now['p90_days'], 1)}일 · 처리완료 {fmt.count(now['closed'], '건')}")
    with columns[3]:
        at = complaints.at(period)
        ui.kpi_tile("미처리", fmt.count(now["still_open"], "건"), provenance_line=line,
                    detail=f"{period.label} 접수분 중 {fmt.date(at)} 현재 처리 중")


def compared(part) -> None:
    agree = bool(check.frame["agrees"].all())
    with st.container(border=True):
        st.markdown(f"**보고서와 비교** {':green-badge[보고서와 일치]' if agree else ':red-badge[보고서와 불일치]'}")
        ui.show(part)


channel_chart, channel_table = complaints.channels(period)
sections = [
    slides.Section("주요 지표", tiles),
    *(slides.table_sections("보고서와 비교", check, rows=9, draw=compared) if check is not None else []),
    slides.Section("기한 내 처리율", lambda: ui.show(complaints.closed_in_time_trend(period, view.grain))),
    slides.Section("접수 추이", lambda: ui.pair(complaints.trend(period, view.grain),
                                             complaints.channel_trend(period, view.grain))),
    *slides.side_by_side("접수 경로", channel_chart, channel_table, (3, 2)),
    *slides.side_by_side("미처리 민원과 처리부서", complaints.backlog(period), complaints.departments(period),
                         titles=("미처리 민원", "처리부서")),
    *slides.table_sections("반복민원", complaints.repeats(period)),
]
slides.show(sections)
