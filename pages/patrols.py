"""현장순찰: sessions and findings by patrol kind and by month or quarter (the grain chosen in the frame),
follow-up, the report's joint-patrol table, 응답소 현장민원 handled, and 내 지역 지킴이 reports."""
import streamlit as st

from audit_dashboard import drill, fmt, labels, markdown, presentation, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import patrols, records

view = page_frame("patrols")
filters, unknown = drill.from_url(st.query_params, patrols.known_values(), view.period)
period = filters.narrowed(view.period)  # a month drilled down to, else the sidebar's period
grain = period.trend_grain(view.grain)
for warning in unknown:  # written as typed: a value from the URL is not Markdown
    st.warning(markdown.literal(warning), icon=":material/filter_alt_off:")
span = records.span("patrol_sessions")
now = patrols.summary(period, filters)
field = patrols.field_complaints(period)
ui.page_header(labels.PAGE_PATROLS, filters.titled(f"{period.label} · {period.dates}"),
               sample="순찰·현장민원 기록" if now["sample_rows"] or field["sample_rows"] else None)
drill.chips(filters)


def titled(item):
    return drill.titled(item, filters)  # a filtered figure says so in its title, on screen and in its files


printed = patrols.report_figures()
check = patrols.report_check(period)


def report_only_figures() -> None:
    with st.container(border=True):
        st.markdown(ui.md(f"**보고서에만 있는 수치** — 기간 선택과 관계없이 「{view.report.title}」 보고서 기간"
                          f"({view.report.period_text})의 값입니다."))
        cols = st.columns(3)
        cols[0].metric("내 지역 지킴이 불편·위험사항 발굴", fmt.count(printed["local_guardian_reports"], "건"))
        cols[1].metric("현장민원 현장점검", fmt.count(printed["field_inspections"], "회"))
        cols[2].metric("응답소 현장민원 처리(보고서)", fmt.count(printed["field_complaints_handled"], "건"))
        st.caption(ui.provenance(patrols.report_source(), view.report.period_text))


if not now["sessions"]:
    # No records for the period: say so, and still show what the report printed.
    st.info(ui.md(f"{period.label}에는 순찰 기록이 없습니다. 기록이 있는 기간은 {span}입니다."), icon=":material/event_busy:")
    report_only_figures()
    if check is not None:
        with st.container(border=True):
            st.markdown("**보고서 수치** :red-badge[이 기간의 기록 없음]")
            ui.show(check)
    ui.show(patrols.joint_report_table())
    st.stop()

line = ui.provenance(patrols.SOURCE, period.dates, "sample" if now["sample_rows"] else "import")


def tiles() -> None:
    sessions, findings, field_received = (fmt.count(now["sessions"], "회"), fmt.count(now["findings"], "건"),
                                          fmt.count(field["received"], "건"))
    columns = ui.tile_columns([sessions, findings, field_received], per_row=4)
    with columns[0]:
        note = records.coverage_note(period, "patrol_sessions")
        ui.kpi_tile("순찰", sessions, provenance_line=line,
                    detail="  \n".join(patrols.changes(period, "sessions", "회", filters) + ([note] if note else [])))
    with columns[1]:
        ui.kpi_tile("적출", findings, provenance_line=line,
                    detail="  \n".join(patrols.changes(period, "findings", "건", filters)))
    with columns[2]:
        ui.kpi_tile("적출사항 조치율", fmt.percent(now["follow_up_share"], 1), provenance_line=line,
                    detail=f"조치 완료 {fmt.count(now['findings_resolved'], '건')} / 적출 {fmt.count(now['findings'], '건')}")
    with columns[3]:
        ui.kpi_tile("응답소 현장민원 처리", field_received,
                    provenance_line=ui.provenance(patrols.FIELD_SOURCE, period.dates,
                                                  "sample" if field["sample_rows"] else "import"),
                    detail="  \n".join(patrols.field_changes(period)))


def key_figures() -> None:
    tiles()
    report_only_figures()


def compared(part) -> None:
    ui.report_comparison(check, part, "보고서 수치와 기록의 순찰 종류별 비교",
                         note="상시순찰은 보고서에 순찰 횟수가 없어 적출 건수만 비교합니다.")


def records_list() -> None:
    ui.records_list("순찰 1회당 적출 막대(순찰 종류)를 누르거나 순찰 종류·동별 표의 행을 고르면 순찰 수치가 그 값으로 걸러집니다. "
                    "응답소 현장민원과 보고서 수치는 순찰 종류·동으로 거르지 않습니다. 추이의 달·분기를 누르면 화면 전체가 그 기간으로 "
                    "좁혀집니다.", titled(patrols.records_table(period, filters)))


checked = check is not None and not filters.active  # the report's figures are for every kind and 동
slides.show([
    slides.Section("주요 지표", key_figures),
    slides.Section("순찰과 적출 추이", lambda: ui.pair(*(titled(c) for c in patrols.session_trends(period, grain, filters)))),
    *slides.table_sections("순찰 종류별", lambda: titled(patrols.kinds_table(period, filters))),
    *slides.side_by_side("순찰 1회당 적출과 주민합동순찰", lambda: titled(patrols.per_session(period, filters)),
                         patrols.joint_report_table, (3, 2), titles=("순찰 1회당 적출", "주민합동순찰 실적")),
    *slides.side_by_side("응답소 현장민원과 동별 순찰", lambda: patrols.field_trend(period, grain),
                         lambda: titled(patrols.areas(period, filters)), (3, 2), titles=("응답소 현장민원", "동별 순찰·적출"),
                         height=420),
    *(slides.table_sections("보고서와 비교", check, rows=9, draw=compared) if checked else []),
    *([] if presentation.active() else [slides.Section("이 보기의 기록", records_list)]),
], tabs=True, above=1)  # on screen the key figures, then one tab at a time (only the open one is drawn)
