"""예산 집행: how much has been spent against the year elapsed (the tiles, then tabs: 현황 · 사업별 · 추이 · 대사).
The next year's plans are the plans page's."""
import streamlit as st

from audit_dashboard import fmt, labels, markdown, presentation, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import budget

view = page_frame("budget")
period, report = view.period, view.report
snap = budget.snapshot(period)
# Before the report's date the month-end figures are samples; at it, the curve may still draw them.
sample = None
if snap is not None and snap.is_report:
    sample = "월말 집행 추이(보고서 기준일 이전의 월말 수치)" if budget.curve_has_samples(snap) else None
elif snap is not None and "sample" in snap.source:
    sample = "집행 수치"
elif snap is not None and budget.previous_has_samples(snap):
    sample = f"{snap.date.year - 1}년 곡선의 월말 집행 수치"
ui.page_header(labels.PAGE_BUDGET, f"{period.label} · {period.dates}", sample=sample)

if snap is None:
    st.info(ui.md(f"{period.label}({fmt.date(period.end)}까지)에는 {period.year}년 예산 집행 자료가 없습니다. "
                  f"집행 자료는 {budget.available()}에 있습니다."), icon=":material/event_busy:")
    st.stop()

total = budget.totals(snap)
line = ui.provenance(snap.source_for(budget.PROGRAMMES_SECTION), f"{fmt.date(snap.date)} 기준", snap.source)


def key_figures() -> None:
    """The as-of date and the four tiles: the page's answer, above the tabs (on slides, the first)."""
    st.info(ui.md(
        f"기준 시점: **{fmt.date(snap.date)}** ({snap.kind}) — 선택 기간의 끝({fmt.date(period.end)}) 이전 "
        f"가장 최근 집행 자료입니다. 집행액은 {fmt.date(snap.date.replace(month=1, day=1))}부터의 누계이며, "
        f"연간 경과율은 {fmt.percent(snap.year_elapsed, 1)}입니다."),
        icon=":material/event:",
    )
    amounts = [fmt.number(total[key]) for key in ("budget", "executed", "remaining")]
    tiles = ui.tile_columns(amounts, per_row=4)
    with tiles[0]:
        ui.kpi_tile("예산액(천원)", amounts[0], detail=budget.lines_note(snap), provenance_line=line)
    with tiles[1]:
        ui.kpi_tile("집행액(천원)", amounts[1], detail=f"연초부터 {fmt.date(snap.date)}까지 누계", provenance_line=line)
    with tiles[2]:
        ui.kpi_tile("집행잔액(천원)", amounts[2], detail=f"예산액의 {fmt.percent(100 - total['execution_rate'])}",
                    provenance_line=line)
    with tiles[3]:
        behind = fmt.round_half_up(total["gap"], 1) < 0
        detail = (f"{fmt.percent(total['execution_rate'], 1)} · 연간 경과율 {fmt.percent(total['year_elapsed'], 1)} 대비 "
                  f"**{fmt.points(total['gap'])}**")
        if snap.is_report:
            detail += f"  \n보고서 표기 {fmt.percent(total['execution_rate_printed'])}"
        detail += "  \n" + (fmt.target_status(total["execution_rate"], budget.target(snap)) or "목표 미설정")
        ui.kpi_tile("집행률", fmt.percent(total["execution_rate"]), detail=detail, provenance_line=line,
                    delta=f"경과율 대비 {fmt.points(total['gap'])}",
                    # Streamlit reads '△' as positive: a gap behind the year is said to be down and red.
                    delta_color="inverse" if behind else "normal", delta_arrow="down" if behind else "up")


def status() -> None:
    """현황: each 단위사업's rate against the year elapsed, then the short table."""
    ui.show(budget.programme_bullets(snap))
    ui.show(budget.programme_table(snap))


def by_project() -> None:
    ui.show(budget.project_chart(snap))
    ui.show(budget.project_table(snap))
    st.markdown(ui.md(f"**재원별 합계**  \n{budget.funding_summary(snap)}"))
    ui.show(budget.funding_table(snap))  # the full width: every column readable


def trend() -> None:
    ui.show(budget.execution_curve(snap))
    if presentation.active():  # one small paragraph under the chart, so that the slide does not scroll
        st.caption(ui.md(f"{budget.comparison_text(snap)}  \n{budget.targets_note(snap)}"))
        return
    st.markdown(ui.md(budget.comparison_text(snap)))
    st.caption(ui.md(budget.targets_note(snap)))


def reconciliation_note() -> None:
    st.caption(ui.md(
        "Ⅰ-4 예산현황(단위사업별)과 Ⅱ 사업별 예산현황은 같은 예산을 두 가지로 묶은 것입니다. 어느 단위사업이 어느 사업의 돈인지는 "
        "보고서에 없어 사업명으로 대응시켰고(대응 근거), 차이는 고치지 않고 그대로 보여 줍니다. "
        f"이 탭은 「{report.title}」 기준일({report.as_of_text})의 수치입니다."))


def reconciliation_differences() -> None:
    st.markdown("  \n".join(f"· {markdown.text(note)}" for note in budget.reconciliation_notes()))


MAPPING_NOTE = "기본경비는 대응하는 사업이 없어 사업별 쪽에도 단위사업 금액을 그대로 넣어 계를 맞춥니다."


def reconciliation() -> None:
    """대사: the two groupings of the same budget, quiet: collapsed until asked for."""
    reconciliation_note()
    with st.expander("단위사업별 예산과 사업별 예산의 맞춤", icon=":material/rule:"):
        reconciled = budget.reconciliation_table()
        ui.show(reconciled, height=35 * (len(reconciled.frame) + 1) + 3)  # every row visible, no inner scroll
    with st.expander("보고서 원문의 차이와 설명", icon=":material/difference:"):
        reconciliation_differences()
    with st.expander("단위사업과 사업의 대응", icon=":material/account_tree:"):
        st.caption(MAPPING_NOTE)
        ui.show(budget.programme_projects_table())


def funding(part) -> None:
    st.markdown(ui.md(f"**재원별 합계**  \n{budget.funding_summary(snap)}"))
    ui.show(part)


def captioned(caption, draw=None):
    def both(part) -> None:
        caption()
        (draw or ui.show)(part)
    return both


if presentation.active():  # one slide a chart or a table, the tiles first
    slides.show([
        slides.Section("주요 지표", key_figures),
        slides.Section("현황", lambda: ui.show(budget.programme_bullets(snap))),
        *slides.table_sections("현황 — 표", budget.programme_table(snap)),
        slides.Section("사업별", lambda: ui.show(budget.project_chart(snap))),
        *slides.table_sections("사업별 — 표", budget.project_table(snap)),
        *slides.table_sections("재원별 합계", budget.funding_table(snap), draw=funding),
        slides.Section("추이", trend),
        *slides.table_sections("대사", budget.reconciliation_table(), draw=captioned(reconciliation_note)),
        slides.Section("대사 — 보고서 원문의 차이", reconciliation_differences),
        *slides.table_sections("대사 — 단위사업과 사업의 대응", budget.programme_projects_table(),
                               draw=captioned(lambda: st.caption(MAPPING_NOTE))),
    ])
else:
    key_figures()
    slides.show([slides.Section("현황", status), slides.Section("사업별", by_project), slides.Section("추이", trend),
                 slides.Section("대사", reconciliation)], tabs=True)
if budget.has_plans() and not presentation.active():
    st.page_link("pages/plans.py", label=f"{report.year + 1} 계획은 「{labels.PAGE_PLANS}」 쪽에서",
                 icon=":material/event_note:", query_params=view.query)
