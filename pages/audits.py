"""감사·조사: self-audits and preventive audits (Ⅱ-1), investigations, case sharing, property
registration and the ethics committee (Ⅱ-3). Report-only figures: the period filter does not apply."""
from audit_dashboard import labels, report_layout, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import audits, plans

report = page_frame("audits").report
ui.page_header(labels.PAGE_AUDITS, f"감사팀·조사팀 · {report.title} Ⅱ-1, Ⅱ-3 · {report.period_text} 실적")
ui.report_only_notice()


def project_texts() -> None:
    for text in audits.project_texts():
        report_layout.project_text(text)


slides.show([
    slides.Section("자체감사와 사전예방 감사(Ⅱ-1)", lambda: report_layout.tiles(audits.self_audit_tiles())),
    *slides.side_by_side("자체감사 종류별", audits.self_audits_table(), audits.self_audits_chart(), (3, 2),
                         titles=("자체감사 종류별 대상과 진행 상태", "자체감사 종류별 건수"), note=audits.count_basis_note()),
    *slides.side_by_side("공직비위 조사(Ⅱ-3)", audits.investigations_chart(), audits.investigations_table(),
                         titles=("공직비위 조사(Ⅱ-3)", "공직비위 조사 처리 결과")),
    slides.Section("비위 예방·재산등록(Ⅱ-3)",
                   lambda: report_layout.tiles(audits.integrity_system_tiles(), per_row=4)),
    *slides.table_sections("남은 계획", plans.remaining_plans([audits.AUDIT_PROJECT, audits.INVESTIGATION_PROJECT]),
                           draw=report_layout.full_table),
    slides.Section("보고서 원문", project_texts),
])
