"""기록 가져오기: load the department's own complaint register, replacing the sample records."""
import streamlit as st

from audit_dashboard import fmt, importer, labels, ui
from audit_dashboard.app_data import ask
from audit_dashboard.errors import DataError
from audit_dashboard.frame import page_frame

page_frame("records_import")
ui.page_header(labels.PAGE_IMPORT, "민원 대장(CSV·XLSX)을 가져오면 샘플 기록 대신 실제 기록으로 모든 화면이 계산됩니다.")

st.markdown(
    "- 열 이름으로 필요한 열을 찾습니다: 접수일자, 등록채널(접수경로) 필수 · 접수번호, 처리부서, 처리상태, 처리기한, 처리일시 선택.\n"
    "- **이름·제목·본문 같은 개인정보와 자유 기술 열은 저장하지 않습니다.** 가져온 뒤 저장하지 않은 열을 알려 드립니다.\n"
    "- 파일에 잘못된 칸이 하나라도 있으면 파일·행·열을 알려 드리고 아무것도 바꾸지 않습니다."
)

with st.form("import_form", border=True):
    upload = st.file_uploader("민원 대장 파일", type=["csv", "xlsx"])
    kind = st.radio("민원 종류", importer.KINDS, horizontal=True)
    submitted = st.form_submit_button("가져오기", icon=":material/upload_file:", type="primary")

if submitted:
    if upload is None:
        st.warning("가져올 파일을 고르십시오.")
    else:
        try:
            with st.spinner("검사하고 저장소를 다시 만드는 중…"):
                result = importer.import_file(upload.getvalue(), upload.name, kind)
        except DataError as error:
            st.error(ui.md(f"가져오지 못했습니다. 저장된 기록은 그대로입니다.  \n{error.korean()}"), icon=":material/error:")
        else:
            channels = ", ".join(f"{name} {fmt.count(n, '건')}" for name, n in result.channels.items())
            st.success(ui.md(
                f"{result.file}: **{fmt.count(result.rows, '건')}**을 가져왔습니다 "
                f"({fmt.period(result.first_date, result.last_date)}).  \n"
                f"접수 경로: {channels}  \n"
                f"저장하지 않은 열: {', '.join(result.not_stored) or '없음'}"),
                icon=":material/check_circle:",
            )

if "import_notice" in st.session_state:  # said after the rerun that follows a removal
    st.success(st.session_state.pop("import_notice"), icon=":material/check_circle:")

st.subheader("가져온 기록")
batches = ask("import_batches")
if batches.empty:
    st.info("아직 가져온 기록이 없습니다. 모든 화면의 민원 기록은 **샘플** 기록(생성 데이터)입니다.", icon=":material/science:")
else:
    ui.table(batches, {"batch": "text", "complaint_kind": "text", "rows": "number", "first_date": "date",
                       "last_date": "date", "channels": "number"}, key="import_batches")
    with st.form("remove_form"):
        chosen = st.selectbox("빼낼 묶음", batches["batch"].tolist())
        if st.form_submit_button("이 묶음 빼기", icon=":material/delete:"):
            try:
                importer.remove_batch(chosen)
            except DataError as error:
                st.error(ui.md(error.korean()))
            else:
                st.session_state["import_notice"] = f"{chosen} 묶음을 뺐습니다. 남은 가져온 기록이 없으면 샘플 기록으로 돌아갑니다."
                st.rerun()
