"""종합 현황: the director's page. The department's KPIs at a glance, each with period and source."""
import streamlit as st

from audit_dashboard import fmt, labels, ui
from audit_dashboard.app_data import ask, ask_one

meta = dict(ask("report_meta")[["key", "value"]].itertuples(index=False, name=None))
report_period = fmt.period(meta["period_start"], meta["period_end"])
figures = ask("report_figures").set_index("figure_key")


def figure(key: str) -> int:
    return int(figures.loc[key, "value"])


def source(section: str) -> str:
    return f"{meta['title']} {section}"


ui.page_header(
    labels.PAGE_OVERVIEW,
    f"{labels.DEPARTMENT} · {meta['title']}({meta['council_session']}) · 기준일 {fmt.date(meta['as_of'])}",
)

budget = ask_one("budget_execution_total")
channels = ask("complaint_channels_report")
patrols = ask("patrol_results_report")

top = st.columns(3)
with top[0]:
    gap = budget["execution_rate"] - budget["year_elapsed"]
    ui.kpi_tile(
        "예산 집행률",
        fmt.percent(budget["execution_rate"]),
        detail=(
            f"집행액 **{fmt.won(budget['executed'])}** / 예산액 **{fmt.won(budget['budget'])}**  \n"
            f"연간 경과율 {fmt.percent(budget['year_elapsed'], 1)}({fmt.date(budget['as_of'])} 기준) 대비 "
            f"**{fmt.points(gap)}**"
        ),
        delta=f"경과율 대비 {fmt.points(gap)}",
        delta_color="normal",
        provenance_line=ui.provenance(source("Ⅰ-4 예산현황"), f"{fmt.date(budget['as_of'])} 기준"),
    )
with top[1]:
    split = " · ".join(f"{r.channel} {fmt.count(r.received, '건')}({fmt.percent(r.share)})" for r in channels.itertuples())
    ui.kpi_tile(
        "고충민원 접수",
        fmt.count(figure("complaints_total"), "건"),
        detail=split,
        provenance_line=ui.provenance(source("Ⅱ-4 주요 추진실적"), report_period),
    )
with top[2]:
    ui.kpi_tile(
        "응답소 현장민원 처리",
        fmt.count(figure("field_complaints_handled"), "건"),
        detail=(
            f"현장점검 {fmt.count(figure('field_inspections'), '회')} · "
            f"내 지역 지킴이 발굴 {fmt.count(figure('local_guardian_reports'), '건')}"
        ),
        provenance_line=ui.provenance(source("Ⅱ-5 주요 추진실적"), report_period),
    )

bottom = st.columns(3)
with bottom[0]:
    by_group = patrols.groupby("patrol_group", sort=False)["findings"].sum()
    ui.kpi_tile(
        "순찰 적출",
        fmt.count(int(patrols["findings"].sum()), "건"),
        detail=" · ".join(f"{group} {fmt.count(n, '건')}" for group, n in by_group.items())
        + "  \n(세 순찰의 합계는 보고서에 인쇄되지 않은 계산값)",
        provenance_line=ui.provenance(source("Ⅱ-5 주요 추진실적"), report_period),
    )
with bottom[1]:
    ui.kpi_tile(
        "자체감사 실시",
        fmt.count(figure("self_audits_total"), "건"),
        detail=(
            f"일상감사 {fmt.count(figure('daily_audits'), '건')} · 계약심사 {fmt.count(figure('contract_reviews'), '건')} · "
            f"원가 심사 {fmt.count(figure('cost_reviews'), '건')}"
        ),
        provenance_line=ui.provenance(source("Ⅱ-1 주요 추진실적"), report_period),
    )
with bottom[2]:
    ui.kpi_tile(
        "청렴서약 참여",
        fmt.count(figure("integrity_pledges"), "명"),
        detail=f"직원의 {fmt.percent(figure('integrity_pledge_share'))} 서명",
        provenance_line=ui.provenance(source("Ⅱ-6 주요 추진실적"), report_period),
    )

discrepancies = ask("source_discrepancies", check_key="programme_vs_projects")
with st.expander(f"보고서 원문이 서로 맞지 않는 곳 {len(discrepancies)}건", icon=":material/rule:"):
    st.markdown(
        "Ⅰ-4 예산현황(단위사업별)과 Ⅱ 사업별 예산현황은 같은 예산을 두 가지로 묶은 것입니다. "
        "아래 차이는 보고서 원문에 있는 그대로이며, 대시보드는 어느 수치도 고치지 않았습니다."
    )
    ui.table(discrepancies, {"subject": "text", "measure": "measure", "expected": "number",
                             "actual": "number", "difference": "signed", "note": "text"})
    st.caption(ui.provenance(source("Ⅰ-4, Ⅱ 예산현황"), f"{fmt.date(meta['as_of'])} 기준"))
