"""감사·조사: self-audits and preventive audits (Ⅱ-1), investigations, case sharing, property
registration and the ethics committee (Ⅱ-3). Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, report_layout, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import audits, plans

report = page_frame("audits").report
ui.page_header(labels.PAGE_AUDITS, f"감사팀·조사팀 · {report.title} Ⅱ-1, Ⅱ-3 · {report.period_text} 실적")
ui.report_only_notice()

st.subheader("자체감사와 사전예방 감사(Ⅱ-1)")
report_layout.tiles(audits.self_audit_tiles())
left, right = st.columns([3, 2])
with left:
    ui.show(audits.self_audits_table())
    st.caption(audits.count_basis_note())
with right:
    ui.show(audits.self_audits_chart())

st.subheader("공직비위 조사·비위 예방·재산등록(Ⅱ-3)")
left, right = st.columns(2)
with left:
    ui.show(audits.investigations_chart())
with right:
    ui.show(audits.investigations_table())
report_layout.tiles(audits.integrity_system_tiles(), per_row=4)

st.subheader("남은 계획과 보고서 원문")
report_layout.full_table(plans.remaining_plans([audits.AUDIT_PROJECT, audits.INVESTIGATION_PROJECT]))
for text in audits.project_texts():
    report_layout.project_text(text)
