"""기록 가져오기: the department's own exports into the store, through map → preview → confirm,
with the history of imports and undo. Locked: only the data manager sees any of it."""
import streamlit as st

from audit_dashboard import access, import_screen, labels, presentation, ui
from audit_dashboard.frame import page_frame

page_frame("records_import")
ui.page_header(labels.PAGE_IMPORT, "부서가 내보낸 기록 파일을 맞추어 보고, 미리 보고, 확인한 뒤에 저장합니다. "
                                   "가져온 기록이 있으면 그 종류의 샘플 기록 대신 실제 기록으로 모든 화면이 계산됩니다.")

if presentation.not_presented(labels.PAGE_IMPORT):  # nothing to present: the page changes data
    st.stop()
if not access.require_manager("기록 가져오기와 되돌리기"):
    st.stop()

import_screen.notice()
upload = import_screen.upload_step()
if upload is not None:
    try:
        prepared = import_screen.mapping_step(upload)
    except Exception as error:  # a file the importer refuses: its Korean message, never a traceback
        from audit_dashboard.errors import DataError

        if not isinstance(error, DataError):
            raise
        st.error(f"읽지 못했습니다. 저장된 기록은 그대로입니다.  \n{ui.md(error.korean())}", icon=":material/error:")
    else:
        if prepared is not None:
            import_screen.preview_step(prepared)
            import_screen.confirm_step(upload, prepared)
else:
    import_screen.how_it_works("기록")
import_screen.history_step()
