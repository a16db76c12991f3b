"""조직·인력: the four teams and their duties (Ⅰ-1), 정원 against 현원 by grade (Ⅰ-2), the vehicle (Ⅰ-3).
Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, markdown, report_layout, settings, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import organisation

report = page_frame("organisation").report
ui.page_header(labels.PAGE_ORGANISATION, f"{settings.office()} · {report.title} Ⅰ 일반현황 · {report.as_of_state}")
ui.report_only_notice()


def teams() -> None:
    table = organisation.teams_table()
    columns = st.columns(len(organisation.teams()))
    for column, (team, duties) in zip(columns, organisation.teams().items()):
        with column, st.container(border=True):
            st.markdown(f"**{markdown.text(team)}**\n\n" + "\n".join(f"- {markdown.text(duty)}" for duty in duties))
    st.caption(ui.provenance(table.source, table.period))


slides.show([
    slides.Section(f"조직: {len(organisation.teams())}개팀(Ⅰ-1)", teams),
    slides.Section("인력(Ⅰ-2)", lambda: report_layout.tiles(organisation.staffing_tiles())),
    *slides.table_sections("인력: 직급별 정원·현원(Ⅰ-2)", organisation.staffing_table()),
    slides.Section("인력: 일반직 직급별(Ⅰ-2)", lambda: ui.show(organisation.staffing_chart())),
    *slides.table_sections("주요시설 및 장비(Ⅰ-3)", organisation.equipment_table()),
])
