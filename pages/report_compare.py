"""보고서 비교: the shown report against the report before it, and against the report of the same period
a year earlier where there is one — every figure both print, side by side. Reports only: the period
filter does not apply."""
import streamlit as st

from audit_dashboard import korean, labels, presentation, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import report_compare

report = page_frame("report_compare").report
meta = report.meta()
ui.page_header(labels.PAGE_COMPARE, f"{meta.label} · {meta.period_text} 실적 · {report.as_of_state}")
if slides.first():  # on slides, said on the first
    st.info(ui.md("보고서끼리 같은 수치(같은 수치 코드·접수 경로·순찰 종류·단위사업·사업)를 나란히 놓습니다. 보고서의 수치라 "
                  "사이드바의 기간 선택과 관계없고, 비교하는 보고서는 사이드바의 「보고서」를 따릅니다."), icon=":material/info:")

found = report_compare.comparisons()
if not found:
    st.info(f"「{meta.title}」보다 앞선 보고서가 없어 비교할 것이 없습니다. 「보고서 관리」에서 보고서를 더하면 "
            "직전 보고서, 1년 전 같은 기간의 보고서와 비교합니다.", icon=":material/compare_arrows:")
    st.stop()

def described(comparison) -> None:
    other = comparison.other.meta()
    st.markdown(ui.md(f"이 보고서: {meta.long_label}(실적 {meta.period_text})  \n"
                      f"비교 보고서: {other.long_label}(실적 {other.period_text})"))
    st.markdown(report_compare.summary(comparison))


def changed(table, comparison) -> None:
    ui.show(table)
    if not presentation.active():  # every shared figure, folded away: read on screen, not presented
        whole = report_compare.table(comparison)
        with st.expander(f"두 보고서에 모두 있는 수치 모두({len(whole.frame)}개)", icon=":material/table_rows:"):
            ui.show(whole)


def sections(comparison) -> list[slides.Section]:
    drawn = report_compare.chart(comparison)
    against = korean.josa(comparison.other.meta().title, "과/와") + " 비교"  # the other report's title, '…와 비교'
    found = [slides.Section(comparison.title, lambda: described(comparison))]
    if drawn is not None:
        found.append(slides.Section(f"증감률: {against}", lambda: ui.show(drawn)))
    found += slides.table_sections(f"달라진 수치: {against}", report_compare.table(comparison, changed_only=True),
                                   rows=8, draw=lambda table: changed(table, comparison))  # eight columns: rows wrap
    return found


slides.show([section for comparison in found for section in sections(comparison)])
