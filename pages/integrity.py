"""청렴·인권: integrity measures (Ⅱ-6) and human-rights work (Ⅱ-2).
Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, report_layout, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import integrity, plans

report = page_frame("integrity").report
ui.page_header(labels.PAGE_INTEGRITY, f"감사팀·조사팀 · {report.title} Ⅱ-6, Ⅱ-2 · {report.period_text} 실적")
ui.report_only_notice()

st.subheader("청렴한 공직문화 조성(Ⅱ-6)")
report_layout.tiles(integrity.integrity_tiles())
report_layout.full_table(plans.remaining_plans([integrity.INTEGRITY_PROJECT]))
st.caption(f"향후계획은 {report.as_of_text} 현재의 실적이 아니라 남은 계획입니다.")

st.subheader("인권 영등포 구현(Ⅱ-2)")
chart, table = integrity.education()
left, right = st.columns(2)
with left:
    ui.show(chart)
with right:
    ui.show(table)
report_layout.tiles(integrity.human_rights_tiles())
report_layout.full_table(plans.remaining_plans([integrity.HUMAN_RIGHTS_PROJECT]))

st.subheader("보고서 원문")
for text in integrity.project_texts():
    report_layout.project_text(text)
