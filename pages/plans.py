"""다음 해 계획: each plan of the year after the shown report's (Ⅲ, Ⅳ) with its budget against the project
it follows, its activities on a month calendar, and the plans of the report's year still to do (향후계획).
Report-only: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, markdown, report_layout, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import plans

report = page_frame("plans").report
year, plan_year = report.year, report.year + 1
ui.page_header(labels.PAGE_PLANS, (f"{report.title} Ⅲ {plan_year}년 주요업무 추진계획, Ⅳ {plan_year}년 신규·중점 추진사업"
                                   if plans.plan_year() else f"{report.title} {year}년 향후계획")
               + f" · {year}년 수치는 {report.as_of_state}")
ui.report_only_notice()
if plans.plan_year() is None:
    st.info(ui.md(f"「{report.title}」에는 {plan_year}년 계획이 없습니다. 아래는 {year}년의 남은 계획입니다."),
            icon=":material/event_busy:")
    report_layout.full_table(plans.remaining_plans())
    st.stop()

CALENDAR_ROWS = 7  # activities a slide's calendar holds with its labels at the view's type
budget_note = ui.md(f"{plan_year}년 소요예산은 계획이며 확정 예산이 아닙니다. {plans.like_for_like_note()}")
budget_table = plans.budget_table()


def budget_rows(part) -> None:
    if part.frame.index[:1].equals(budget_table.frame.index[:1]):  # what the table compares, said above its first rows
        st.markdown(ui.md(plans.budget_summary()))
    ui.show(part, whole=True)  # thirteen columns: in a grid the last ones would be off the page


def budget_chart() -> None:
    ui.show(plans.budget_chart())
    st.caption(budget_note)


def pairs() -> None:
    for pair in plans.plan_pairs():
        icon = ":material/star:" if pair.is_priority else ":material/event_note:"
        with st.expander(markdown.text(pair.title), icon=icon):
            st.markdown(ui.md(pair.summary))
            plan, result = st.columns(2)
            with plan:
                st.markdown(f"##### {plan_year}년 계획 ({markdown.text(pair.plan.title)})")
                report_layout.project_body(pair.plan)
            with result:
                st.markdown(f"##### 이어받는 {year}년 사업 ({markdown.text(pair.result.title)})")
                report_layout.project_body(pair.result)


slides.show([
    # Eleven columns wrap their cells: fewer rows a slide than a narrow table (checked in Chromium).
    *slides.table_sections("사업별 소요예산", budget_table, rows=6, draw=budget_rows),
    slides.Section("사업별 소요예산과 예산액", budget_chart),
    *[slides.Section(slides.continued(f"{plan_year}년 추진일정", i), lambda part=part: ui.show(plans.calendar_chart(*part)))
      for i, part in enumerate(slides.pieces(plans.calendar_rows(), CALENDAR_ROWS))],
    *slides.table_sections(f"{plan_year}년 추진일정: 월이 정해지지 않은 일정", plans.unscheduled_table()),
    slides.Section(f"사업별 {plan_year}년 계획과 {year}년 추진실적", pairs),
    *slides.table_sections(f"{year}년 남은 계획(향후계획)", plans.remaining_plans(), draw=report_layout.full_table),
])
