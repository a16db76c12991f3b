"""청렴·인권: the integrity measures (Ⅱ-6) and the human-rights work (Ⅱ-2) as the report prints them."""
from __future__ import annotations

from .. import charts, fmt
from ..report import current
from ..content import Chart, Table
from ..period import Period
from . import plans
from .report_sections import (ProjectText, Tile, figure_text, figure_tile, project_text, report_period, source,
                              tiles_table)

INTEGRITY_PROJECT, HUMAN_RIGHTS_PROJECT = 6, 2


def integrity_tiles() -> list[Tile]:
    return [
        figure_tile("integrity_pledges", "직원 청렴서약서 서명",
                    detail=f"직원의 **{figure_text('integrity_pledge_share')}** 참여"),
        figure_tile("integrity_self_learning", "청렴 상시 자가학습시스템 수료", detail="월 평균 수료 인원"),
        figure_tile("integrity_manager_training", "갑질 예방교육·청렴리더 결의대회", detail="간부진 참여"),
        figure_tile("integrity_concert", "청렴콘서트 참여", detail="강연과 공연을 접목, 신규·승진자 등"),
        figure_tile("integrity_letters", "청렴공한문 발송", detail="부패취약업무 처리 민원인 대상"),
        figure_tile("integrity_golden_bell", "청렴골든벨 참여", detail="'함께하는 어울림 청렴골든벨' · 구청·교육청 직원, 학생"),
    ]


def education() -> tuple[Chart, Table]:
    """인권교육 by audience: people reached, with the sessions (회 or 개소) as printed."""
    frame = current().ask("integrity_hr_education").copy()
    frame["sessions_text"] = [fmt.count(n, unit) for n, unit in zip(frame["education_sessions"], frame["session_unit"])]
    figure = charts.bars(
        [f"{a} 대상" for a in frame["audience"]], {"참여 인원": frame["participants"].tolist()},
        text_format=lambda v: fmt.count(v, "명"),
    )
    figure.update_traces(hovertext=[f"{p} · {s}" for p, s in zip(frame["education_programme"], frame["sessions_text"])])
    figure.update_layout(showlegend=False, height=350)
    for audience, participants, sessions in zip(frame["audience"], frame["participants"], frame["sessions_text"]):
        figure.add_annotation(x=f"{audience} 대상", y=int(participants), text=sessions, showarrow=False, yshift=14)
    figure.update_yaxes(range=[0, int(frame["participants"].max()) * 1.25])
    where = source(str(frame["section"].iloc[0]) if len(frame) else "")
    chart = Chart("integrity_hr_education", "인권교육 대상별 참여 인원(막대 위: 횟수)", "명",
                  report_period(), where, figure)
    table = Table("integrity_hr_education_table", "인권감수성 향상 교육 대상별 실적", "회·개소, 명", report_period(),
                  where, frame,
                  {"audience": "text", "education_programme": "text", "sessions_text": "text", "participants": "number"})
    return chart, table


def human_rights_tiles() -> list[Tile]:
    reviews = figure_tile("hr_impact_reviews")
    return [
        figure_tile("braille_business_cards", "점자 명함 제작", detail="부서·동 복지업무 담당 공무원"),
        figure_tile("hr_guardians", detail="구민 위촉, 인권 교육 이수"),
        Tile("자치법규 사전 인권영향평가", f"{figure_text('hr_impact_reviews')} 중 {figure_text('hr_impact_recommendations')}",
             reviews.source, reviews.period,
             detail=f"제·개정안 평가대상 {figure_text('hr_impact_reviews')} 중 {figure_text('hr_impact_recommendations')} 개정권고"),
    ]


def project_texts() -> list[ProjectText]:
    return [project_text(current().year, INTEGRITY_PROJECT), project_text(current().year, HUMAN_RIGHTS_PROJECT)]


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack. Report-only figures: the period does not change them."""
    chart, table = education()
    return [
        tiles_table("integrity_figures", "청렴한 공직문화 조성 실적", integrity_tiles()),
        plans.remaining_plans([INTEGRITY_PROJECT]),
        chart, table,
        tiles_table("human_rights_figures", "인권 홍보·지역사회 연계·인권영향평가 실적", human_rights_tiles()),
        plans.remaining_plans([HUMAN_RIGHTS_PROJECT]),
    ]
