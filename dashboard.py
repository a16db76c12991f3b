"""감사 대시보드: the entry file, and the home page at / — 종합 현황, the director's page. The department's
KPIs at a glance for the chosen period, each with its period and source, compared with the period
before and a year earlier.

The other pages are pages/<name>.py at /<name> (Streamlit's pages/ mechanism); each draws the same
frame (audit_dashboard/frame.py) first, so each works on its own when opened by its URL."""
import streamlit as st

from audit_dashboard import labels, markdown, navigation, presentation, readings, settings, slides, status, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.report_search import search_box
from audit_dashboard.views import overview

frame = page_frame("overview")
period, report = frame.period, frame.report.meta()
tiles = overview.director_tiles(period)
shown = tiles["performance"] + tiles["volumes"]
ui.page_header(
    labels.PAGE_OVERVIEW,
    f"{settings.office()} · {period.label}({period.dates}) · {report.label} 기준일 {report.as_of_text}",
    sample=("기록 기반 지표(고충민원·현장민원·순찰, 보고서 기준일 이전의 월말 예산 집행)"
            if any("sample" in t.origin for t in shown) else None),
)

DISCREPANCY_NOTE = ("Ⅰ-4 예산현황(단위사업별)과 Ⅱ 사업별 예산현황은 같은 예산을 두 가지로 묶은 것입니다. "
                    "아래 차이는 보고서 원문에 있는 그대로이며, 대시보드는 어느 수치도 고치지 않았습니다.")


def row(key: str, rate: bool) -> None:
    for column, (i, tile) in zip(st.columns(3), enumerate(tiles[key])):
        with column:
            ui.status_tile(tile, frame.query, navigation.page(tile.page).file, rate, key=f"tile_{key}_{i}")


def performance() -> None:
    """Performance against target first: what the director looks for."""
    if any(t.example_target for t in tiles["performance"]):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.badge("예시 목표", icon=":material/flag:", color="violet")
            st.caption("아래 목표는 예시값입니다. 부서가 목표를 정하면 그 값으로 바뀝니다.")
    row("performance", True)


def volumes() -> None:
    row("volumes", False)
    st.caption(ui.md(status.rule(overview.caution_points()) + " · 증감은 전년 동기 대비(두 기간 모두 기록이 있을 때)"))


def report_figures() -> None:
    st.caption(ui.md(f"보고서 기간 {frame.report.period_text}, 기간 선택과 관계없음"))  # a date first would be a list
    row("report", False)
    with st.expander("지표의 출처와 기간", icon=":material/info:"):
        st.markdown("\n".join(
            f"- **{markdown.text(t.label)}**: {ui.provenance(t.source, t.period, t.origin)}"
            + "".join(f"  \n  {ui.md(line)}" for line in readings.lines(t.readings))
            for t in shown + tiles["report"]))


def discrepancy_table(table) -> None:
    if presentation.active():
        st.markdown(DISCREPANCY_NOTE)
        ui.show(table)
        return
    with st.expander(f"보고서 원문이 서로 맞지 않는 곳 {len(table.frame)}건", icon=":material/rule:"):
        st.markdown(DISCREPANCY_NOTE)
        ui.show(table)


slides.show([
    slides.Section(f"목표 대비 · {period.label}", performance),
    slides.Section(f"실적 · {period.label}", volumes),
    slides.Section("보고서에만 있는 수치", report_figures),
    *slides.table_sections("보고서 원문의 차이", overview.discrepancies(), rows=8, draw=discrepancy_table),
])
search_box()
