"""감사·조사: self-audits and preventive audits (Ⅱ-1), investigations, case sharing, property
registration and the ethics committee (Ⅱ-3). Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, report_layout, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import audits, plans_2026
from audit_dashboard.views.report_sections import meta, report_period

page_frame("audits")
ui.page_header(labels.PAGE_AUDITS, f"감사팀·조사팀 · {meta()['title']} Ⅱ-1, Ⅱ-3 · {report_period()} 실적")
ui.report_only_notice()

st.subheader("자체감사와 사전예방 감사(Ⅱ-1)")
report_layout.tiles(audits.self_audit_tiles())
left, right = st.columns([3, 2])
with left:
    ui.show(audits.self_audits_table())
    st.caption("복무감사 '공직기강 확립 특별점검'은 보고서에 4회로 적혀 있어 4건으로 셉니다(종류별 합계 10건 = 보고서 10건).")
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
report_layout.full_table(plans_2026.remaining_plans([audits.AUDIT_PROJECT, audits.INVESTIGATION_PROJECT]))
for text in audits.project_texts():
    report_layout.project_text(text)
