"""해석과 가정: the values the product derives rather than reads — each marked where it is shown — listed
together, with why and where a department changes each; then the months given to timings the report
writes in words. Read-only: the values live in data/ (readings.csv and the files each row names)."""
import streamlit as st

from audit_dashboard import labels, readings, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import readings as view

report = page_frame("readings").report
ui.page_header(labels.PAGE_READINGS, f"보고서가 적지 않아 대시보드가 정한 값 {view.count_text()} · 「{report.title}」 기준")
st.markdown(ui.md(
    f"화면·내보낸 파일·의회 보고 자료에서 **{readings.MARK}** 표시가 붙은 수치는 보고서나 기록을 그대로 읽은 것이 아니라 "
    "아래처럼 우리가 정한 값에 기대고 있습니다. 표시 옆에는 까닭이 한 줄로 붙습니다. 값을 바꾸려면 「바꾸는 곳」의 자료를 고칩니다."))

for reading in view.listing():
    with st.container(border=True):
        st.markdown(ui.md(f"**{reading.title}** · {reading.mark}"))
        st.caption(ui.md(f"까닭: {reading.why}  \n보이는 곳: {reading.shown_on}  \n바꾸는 곳: {reading.set_in}"))

ui.show(view.assigned_months_table())
