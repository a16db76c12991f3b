"""조직·인력: the four teams and their duties (Ⅰ-1), 정원 against 현원 by grade (Ⅰ-2), the vehicle (Ⅰ-3).
Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, markdown, report_layout, settings, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import organisation

report = page_frame("organisation").report
ui.page_header(labels.PAGE_ORGANISATION, f"{settings.office()} · {report.title} Ⅰ 일반현황 · {report.as_of_state}")
ui.report_only_notice()

teams = organisation.teams_table()
st.subheader(f"조직: {len(organisation.teams())}개팀(Ⅰ-1)")
columns = st.columns(len(organisation.teams()))
for column, (team, duties) in zip(columns, organisation.teams().items()):
    with column, st.container(border=True):
        st.markdown(f"**{markdown.text(team)}**\n\n" + "\n".join(f"- {markdown.text(duty)}" for duty in duties))
st.caption(ui.provenance(teams.source, teams.period))

st.subheader("인력(Ⅰ-2)")
report_layout.tiles(organisation.staffing_tiles())
ui.show(organisation.staffing_table())
ui.show(organisation.staffing_chart())

st.subheader("주요시설 및 장비(Ⅰ-3)")
ui.show(organisation.equipment_table())
