"""보고서 대조: the chosen report's figures beside the department's imported records, for that report's period."""
import streamlit as st

from audit_dashboard import labels, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import reconciliation

report = page_frame("reconciliation").report
ui.page_header(labels.PAGE_RECONCILIATION,
               f"「{report.title}」의 수치와 부서가 가져온 기록을 수치마다 나란히 놓습니다 · 보고서 기간 {report.period_text}")
ui.report_only_notice()

frame = reconciliation.comparison()
counts = reconciliation.counts(frame)


def summary() -> None:
    tiles = st.columns(3)
    tiles[0].metric("보고서와 같은 수치", f"{counts[reconciliation.AGREE]}개")
    tiles[1].metric("보고서와 다른 수치", f"{counts[reconciliation.DIFFER]}개")
    tiles[2].metric("기록이 없어 비교하지 못한 수치", f"{counts[reconciliation.MISSING]}개")
    st.caption("샘플 기록(생성 데이터)은 비교하지 않습니다: 가져온 기록만 보고서와 맞춰 봅니다. 차이는 고치지 않고 그대로 보여 줍니다.")


slides.show([
    slides.Section("대조 요약", summary),
    *[section for table in reconciliation.tables(frame) for section in slides.table_sections(table.title, table)],
])
