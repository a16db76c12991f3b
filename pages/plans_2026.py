"""2026 계획: each 2026 project with its budget against the 2025 project it follows, its activities on a
month calendar, and the 2025 plans still to do (향후계획). Report-only: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, markdown, report_layout, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import plans_2026
from audit_dashboard.views.report_sections import as_of, meta

page_frame("plans_2026")
ui.page_header(labels.PAGE_PLANS_2026, f"{meta()['title']} Ⅲ 2026년 주요업무 추진계획, Ⅳ 2026년 신규·중점 추진사업 · "
                                       f"2025년 수치는 {as_of()}")
ui.report_only_notice()

st.subheader("사업별 소요예산")
ui.show(plans_2026.budget_table())
ui.show(plans_2026.budget_chart())
st.caption("2026년 소요예산은 계획이며 확정 예산이 아닙니다. 증감은 2025년 예산액 대비입니다.")

st.subheader("2026년 추진일정")
ui.show(plans_2026.calendar_chart())
ui.show(plans_2026.unscheduled_table())

st.subheader("사업별 2026년 계획과 2025년 추진실적")
for pair in plans_2026.plan_pairs():
    icon = ":material/star:" if pair.is_priority else ":material/event_note:"
    with st.expander(markdown.text(pair.title), icon=icon):
        st.markdown(ui.md(pair.summary))
        plan, result = st.columns(2)
        with plan:
            st.markdown(f"##### 2026년 계획 ({markdown.text(pair.plan.title)})")
            report_layout.project_body(pair.plan)
        with result:
            st.markdown(f"##### 이어받는 2025년 사업 ({markdown.text(pair.result.title)})")
            report_layout.project_body(pair.result)

st.subheader("2025년 남은 계획(향후계획)")
report_layout.full_table(plans_2026.remaining_plans())
