"""감사 대시보드: the entry file, and the home page at / — 종합 현황, the director's page. The department's
KPIs at a glance for the chosen period, each with its period and source, compared with the period
before and a year earlier.

The other pages are pages/<name>.py at /<name> (Streamlit's pages/ mechanism); each draws the same
frame (audit_dashboard/frame.py) first, so each works on its own when opened by its URL."""
import streamlit as st

from audit_dashboard import labels, markdown, settings, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.report_search import search_box
from audit_dashboard.views import overview

view = page_frame("overview")
period, report = view.period, view.report.meta()
tiles = overview.kpis(period)
ui.page_header(
    labels.PAGE_OVERVIEW,
    f"{settings.office()} · {period.label}({period.dates}) · {report.label} 기준일 {report.as_of_text}",
    sample=("기록 기반 지표(고충민원·현장민원·순찰, 보고서 기준일 이전의 월말 예산 집행)"
            if any("sample" in k.origin for k in tiles) else None),
)

for row in (tiles[:3], tiles[3:]):
    for column, kpi in zip(st.columns(3), row):
        with column:
            # Details are plain text (channel names may come from an imported register).
            ui.kpi_tile(kpi.label, kpi.value, detail="  \n".join(markdown.text(d) for d in kpi.details),
                        provenance_line=ui.provenance(kpi.source, kpi.period, kpi.origin))

search_box()

discrepancies = overview.discrepancies()
with st.expander(f"보고서 원문이 서로 맞지 않는 곳 {len(discrepancies.frame)}건", icon=":material/rule:"):
    st.markdown(
        "Ⅰ-4 예산현황(단위사업별)과 Ⅱ 사업별 예산현황은 같은 예산을 두 가지로 묶은 것입니다. "
        "아래 차이는 보고서 원문에 있는 그대로이며, 대시보드는 어느 수치도 고치지 않았습니다."
    )
    ui.show(discrepancies)
