"""자료 관리: the department's data kept safe and accounted for — a backup to download, a backup to
restore (checked and previewed before anything changes), and the log of every change.
Locked: only the data manager sees any of it."""
import streamlit as st

from audit_dashboard import access, backup_screen, labels, presentation, ui
from audit_dashboard.frame import page_frame

page_frame("data_admin")
ui.page_header(labels.PAGE_DATA_ADMIN, "부서가 더하고 정한 자료(가져온 기록, 매핑, 부서 코드표, 목표, 설정, 보고서 판)를 백업 파일 하나로 "
                                       "내려받고, 그 파일로 되살리며, 자료를 바꾼 일을 모두 기록으로 봅니다.")

if presentation.not_presented(labels.PAGE_DATA_ADMIN):  # nothing to present: the page changes data
    st.stop()
if not access.require_manager("백업·되살리기와 변경 기록"):
    st.stop()

backup_screen.notice()
backup_screen.download_section()
st.divider()
backup_screen.restore_section()
st.divider()
backup_screen.change_log_section()
