"""감사·조사: self-audits and preventive audit work (Ⅱ-1), investigations, case sharing, property
registration and the ethics committee (Ⅱ-3), as the report prints them."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import charts, fmt
from ..korean import josa, particle
from ..report import current
from ..content import Chart, Table
from ..period import Period
from . import plans
from .report_sections import ProjectText, Tile, figure_text, figure_tile, project_text, report_period, tiles_table

AUDIT_PROJECT, INVESTIGATION_PROJECT = 1, 3
OUTCOME_COLOURS = {"징계": "#c0392b", "훈계 등": "#f39c12", "종결": "#7f8c8d", "진행": "#2e86c1"}


def self_audit_tiles() -> list[Tile]:
    """자체감사 10건 with its split by type, then the preventive audit work of Ⅱ-1."""
    audits = current().ask("audits_self_audits")
    by_type = audits.groupby("audit_type", sort=False)["audits"].sum()
    split = " · ".join(f"{kind} {fmt.count(n, '건')}" for kind, n in by_type.items())
    return [
        figure_tile("self_audits_total", "자체감사 실시", detail=split),
        figure_tile("daily_audits", "일상감사 시행"),
        figure_tile("contract_reviews", "계약심사 시행"),
        figure_tile("cost_reviews", "원가계산 제비율 심사"),
        figure_tile("citizen_auditor_inspections", "구민감사관 현장점검"),
        figure_tile("proactive_officials_selected"),
    ]


def _source(frame: pd.DataFrame) -> str:
    """The report and section its rows name: '2024년 주요업무 보고 Ⅱ-1 주요 추진실적'."""
    return current().source(str(frame["section"].iloc[0]) if len(frame) else "")


def self_audits_table() -> Table:
    frame = current().ask("audits_self_audits")
    total = pd.DataFrame([{"audit_type": "계", "audit_subject": "", "audits": int(frame["audits"].sum()),
                           "count_basis": "", "status": ""}])
    shown = pd.concat([frame, total], ignore_index=True)
    return Table("audits_self_audits", "자체감사 종류별 대상과 진행 상태", "건", report_period(),
                 _source(frame), shown,
                 {"audit_type": "text", "audit_subject": "text", "audits": "number", "count_basis": "text",
                  "status": "text"}, readings=("special_audits",))


def count_basis_note() -> str:
    """How self-audits are counted where the report counts a subject more than once, and that the types
    add up to the printed total: '복무감사 「공직기강 확립 특별점검」은 보고서 표기 4회로 4건으로 셉니다 …'."""
    report = current()
    audits = report.ask("audits_self_audits")
    counted = [f"{r.audit_type} 「{r.audit_subject}」{particle(r.audit_subject, '은/는')} {r.count_basis}에 따라 "
               f"{josa(fmt.count(r.audits, '건'), '으로/로')} 셉니다"
               for r in audits.itertuples() if int(r.audits) != 1]
    total, printed = int(audits["audits"].sum()), report.figure("self_audits_total")
    check = f"종류별 합계 {fmt.count(total, '건')} {'=' if total == printed else '≠'} 보고서 {fmt.count(printed, '건')}"
    return " · ".join(counted + [check]) + "."


def self_audits_chart() -> Chart:
    audits = current().ask("audits_self_audits")
    by_type = audits.groupby("audit_type", sort=False)["audits"].sum()
    figure = charts.bars(list(by_type.index), {"자체감사": by_type.tolist()}, horizontal=True,
                         text_format=lambda v: fmt.count(v, "건"))
    figure.update_layout(showlegend=False, height=310)
    figure.update_yaxes(automargin=True)
    return Chart("audits_self_audits_by_type", f"자체감사 종류별 건수(계 {fmt.count(by_type.sum(), '건')})", "건",
                 report_period(), _source(audits), figure, readings=("special_audits",))


def investigations_chart() -> Chart:
    """Cases by origin, stacked by outcome (징계, 훈계 등, 종결, 진행), with each origin's total."""
    frame = current().ask("audits_investigations")
    origins = list(dict.fromkeys(frame["origin"]))
    figure = go.Figure()
    for outcome, colour in OUTCOME_COLOURS.items():
        part = frame[frame["outcome"] == outcome].set_index("origin")["cases"]
        values = [int(part.get(o, 0)) for o in origins]
        figure.add_bar(x=origins, y=values, name=outcome, marker_color=colour,
                       text=[fmt.count(v, "건") if v else "" for v in values], textposition="inside")
    totals = frame.groupby("origin", sort=False)["cases"].sum()
    for origin in origins:
        figure.add_annotation(x=origin, y=int(totals[origin]), text=f"계 {fmt.count(totals[origin], '건')}",
                              showarrow=False, yshift=14, font=dict(size=14))
    figure.update_layout(barmode="stack", height=390, legend=dict(traceorder="normal"))
    figure.update_yaxes(range=[0, int(totals.max()) * 1.2])
    return Chart("audits_investigations", "공직비위 조사: 조사 구분별 처리 결과", "건", report_period(),
                 _source(frame), figure)


def investigations_table() -> Table:
    """The same cases as a table: one row per origin, a column per outcome, and 계."""
    frame = current().ask("audits_investigations")
    wide = frame.pivot_table(index="origin", columns="outcome", values="cases", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=list(OUTCOME_COLOURS)).reindex(list(dict.fromkeys(frame["origin"]))).fillna(0).astype(int)
    wide["cases_total"] = wide.sum(axis=1)
    # Written as printed: an outcome an origin does not have is '-', not 0.
    wide = wide.map(lambda n: "-" if n == 0 else fmt.count(n, "건")).reset_index()
    kinds = {"origin": "text", **{outcome: "text" for outcome in OUTCOME_COLOURS}, "cases_total": "text"}
    return Table("audits_investigations_table", "공직비위 조사 처리 결과", "건", report_period(),
                 _source(frame), wide, kinds)


def integrity_system_tiles() -> list[Tile]:
    """Case sharing, property registration and the ethics committee (Ⅱ-3)."""
    return [
        figure_tile("case_sharing_items", "비위 사례 공유",
                    detail=f"주요 언론보도 및 카드뉴스 새올게시판 공지 **{figure_text('case_sharing_posts')}**"),
        figure_tile("property_reviews", "재산등록 심사 완료", detail="정기 및 수시 변동대상자"),
        figure_tile("property_disclosure_refusals", "재산등록 고지거부 심사", detail="고지거부 신청 접수 및 심사"),
        figure_tile("ethics_committee_meetings", "공직자윤리위원회 회의 개최"),
    ]


def project_texts() -> list[ProjectText]:
    return [project_text(current().year, AUDIT_PROJECT), project_text(current().year, INVESTIGATION_PROJECT)]


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack. Report-only figures: the period does not change them."""
    return [
        tiles_table("audits_figures", "자체감사·사전예방 감사 실적", self_audit_tiles()),
        self_audits_table(), self_audits_chart(), investigations_chart(), investigations_table(),
        tiles_table("audits_integrity_system", "비위 사례 공유·재산등록·공직자윤리위원회", integrity_system_tiles()),
        plans.remaining_plans([AUDIT_PROJECT, INVESTIGATION_PROJECT]),
    ]
