"""보고서 관리: every report edition; the workbook template, the shown edition as a workbook and the next
report's draft to download; and — locked — a filled workbook added as a new edition or an added one
removed again."""
import streamlit as st

from audit_dashboard import access, edition_screen, labels, presentation, ui
from audit_dashboard.frame import page_frame

report = page_frame("editions").report
ui.page_header(labels.PAGE_EDITIONS, "구의회에 낸 보고서마다 한 판으로 둡니다. 다음 보고서는 엑셀 통합문서로 더하고, "
                                     "모든 화면은 사이드바에서 고른 보고서를 따릅니다.")
edition_screen.notice()
edition_screen.listing()
edition_screen.downloads(report)
if presentation.active():  # figures only: the list of editions
    st.stop()
st.subheader("보고서 더하기와 빼기", anchor=False)
if not access.require_manager("보고서를 더하고 빼는 일"):
    st.stop()
edition_screen.upload_step()
edition_screen.removal_step()
