"""고충민원: received by month or quarter (the grain chosen in the frame), channels, processing time, backlog,
repeats, departments."""
import streamlit as st

from audit_dashboard import drill, fmt, labels, markdown, presentation, readings, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import complaints, records

view = page_frame("complaints")
filters, unknown = drill.from_url(st.query_params, complaints.known_values(), view.period)
period = filters.narrowed(view.period)  # a month drilled down to, else the sidebar's period
grain = period.trend_grain(view.grain)
for warning in unknown:  # written as typed: a value from the URL is not Markdown
    st.warning(markdown.literal(warning), icon=":material/filter_alt_off:")
span = records.span("complaints", complaints.KIND)
now = complaints.summary(period, filters)
ui.page_header(labels.PAGE_COMPLAINTS, filters.titled(f"{period.label} · {period.dates}"),
               sample="고충민원 기록" if now["sample_rows"] else None)
drill.chips(filters)
check = complaints.report_check(period)
if not now["received"]:
    # No records for the period: say so, and still show what the report printed for it.
    st.info(ui.md(f"{period.label}에는 고충민원 기록이 없습니다. 기록이 있는 기간은 {span}입니다."), icon=":material/event_busy:")
    if check is not None:
        with st.container(border=True):
            st.markdown("**보고서 수치** :red-badge[이 기간의 기록 없음]")
            ui.show(check)
    st.stop()

def titled(item):
    return drill.titled(item, filters)  # a filtered figure says so in its title, on screen and in its files


def show(item) -> None:
    ui.show(titled(item))


origin = "sample" if now["sample_rows"] else "import"
line = ui.provenance(complaints.SOURCE, period.dates, origin)


def tiles() -> None:
    received, still_open = fmt.count(now["received"], "건"), fmt.count(now["still_open"], "건")
    columns = ui.tile_columns([received, still_open], per_row=4)
    with columns[0]:
        note = records.coverage_note(period, "complaints", complaints.KIND)
        ui.kpi_tile("접수", received, provenance_line=line,
                    detail="  \n".join(complaints.changes(period, filters) + ([note] if note else [])))
    with columns[1]:
        within = now["closed_within_period_share"]
        ui.kpi_tile(f"처리기간({now['processing_period_days']}일) 내 처리율", fmt.percent(within, 1), provenance_line=line,
                    detail=(fmt.target_status(within, complaints.target(period)) or "목표 미설정")
                    + f"  \n{readings.MARK}: {readings.get('processing_period').title}")
    with columns[2]:
        ui.kpi_tile("처리일수 중앙값", f"{fmt.number(now['median_days'], 1)}일", provenance_line=line,
                    detail=f"90백분위 {fmt.number(now['p90_days'], 1)}일 · 처리완료 {fmt.count(now['closed'], '건')}")
    with columns[3]:
        at = complaints.at(period)
        ui.kpi_tile("미처리", still_open, provenance_line=line,
                    detail=f"{period.label} 접수분 중 {fmt.date(at)} 현재 처리 중")


def compared(part) -> None:
    ui.report_comparison(check, part, "보고서 수치와 기록의 접수 경로별 비교")


def records_list() -> None:
    ui.records_list("막대(접수 경로, 추이의 달·분기)를 누르거나 처리부서 표의 행을 고르면 화면 전체가 그 값으로 걸러집니다. "
                    "기록은 이름과 본문 없이 화면이 세는 항목만 보입니다.", titled(complaints.records_table(period, filters)))


checked = check is not None and not filters.active  # the report's totals are for every channel and department
sections = [
    slides.Section("주요 지표", tiles),
    slides.Section("접수 추이", lambda: ui.pair(*(titled(c) for c in complaints.received_trends(period, grain, filters)))),
    *slides.side_by_side("접수 경로", lambda: titled(complaints.channels(period, filters)[0]),
                         lambda: titled(complaints.channels(period, filters)[1]), (3, 2)),
    slides.Section("기한 내 처리율", lambda: show(complaints.closed_in_time_trend(period, grain, filters))),
    *slides.side_by_side("미처리 민원과 처리부서", lambda: titled(complaints.backlog(period, filters)),
                         lambda: titled(complaints.departments(period, filters)), titles=("미처리 민원", "처리부서")),
    *slides.table_sections("반복민원", lambda: titled(complaints.repeats(period, filters))),
    *(slides.table_sections("보고서와 비교", check, rows=9, draw=compared) if checked else []),
    *([] if presentation.active() else [slides.Section("이 보기의 기록", records_list)]),
]
# On screen the key figures, then one tab at a time (only the open one is made and drawn: its figures come as
# functions); on a slide, one section each.
slides.show(sections, tabs=True, above=1)
