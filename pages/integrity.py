"""청렴·인권: integrity measures (Ⅱ-6) and human-rights work (Ⅱ-2).
Report-only figures: the period filter does not apply."""
import streamlit as st

from audit_dashboard import labels, report_layout, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import integrity, plans

report = page_frame("integrity").report
ui.page_header(labels.PAGE_INTEGRITY, f"감사팀·조사팀 · {report.title} Ⅱ-6, Ⅱ-2 · {report.period_text} 실적")
ui.report_only_notice()


def integrity_plans(table) -> None:
    report_layout.full_table(table)
    st.caption(f"향후계획은 {report.as_of_text} 현재의 실적이 아니라 남은 계획입니다.")


def project_texts() -> None:
    for text in integrity.project_texts():
        report_layout.project_text(text)


chart, table = integrity.education()
slides.show([
    slides.Section("청렴한 공직문화 조성(Ⅱ-6)", lambda: report_layout.tiles(integrity.integrity_tiles())),
    *slides.table_sections("청렴: 남은 계획", plans.remaining_plans([integrity.INTEGRITY_PROJECT]), draw=integrity_plans),
    *slides.side_by_side("인권 영등포 구현(Ⅱ-2)", chart, table,
                         titles=("인권 영등포 구현(Ⅱ-2)", "인권감수성 향상 교육 실적")),
    slides.Section("인권: 주요 실적", lambda: report_layout.tiles(integrity.human_rights_tiles())),
    *slides.table_sections("인권: 남은 계획", plans.remaining_plans([integrity.HUMAN_RIGHTS_PROJECT]),
                           draw=report_layout.full_table),
    slides.Section("보고서 원문", project_texts),
])
