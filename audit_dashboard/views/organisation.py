"""조직·인력: the four teams and their duties (Ⅰ-1), 정원 against 현원 by grade (Ⅰ-2), and the vehicle (Ⅰ-3)."""
from __future__ import annotations

import pandas as pd

from .. import charts, fmt, labels, settings
from ..report import current
from ..content import Chart, Table
from ..period import Period
from .report_sections import Tile, as_of, source

ROWS = {"authorized": "정원", "current": "현원", "surplus": "과부족"}


def teams() -> dict[str, list[str]]:
    """Each team with its duties, in the report's order."""
    frame = current().ask("organisation_teams")
    return {team: part["duty"].tolist() for team, part in frame.groupby("team", sort=False)}


def teams_table() -> Table:
    frame = current().ask("organisation_teams")
    return Table("organisation_teams", f"조직: {settings.department()} {len(frame['team'].unique())}개팀과 업무", "-",
                 as_of(), _source(frame), frame, {"team": "text", "duty": "text"})


def _source(frame: pd.DataFrame) -> str:
    """The report and section its rows name: '2024년 주요업무 보고 Ⅰ-1 조직'."""
    return source(str(frame["section"].iloc[0]) if len(frame) else "")


def _cell(value: int) -> str:
    """Zero is printed as '-' in the staffing table; shortfalls carry '△'."""
    return "-" if value == 0 else fmt.number(value)


def staffing_table() -> Table:
    """The staffing table laid out as printed: 정원, 현원, 과부족 across 계 and every group and grade."""
    grades = current().ask("staffing_by_grade")
    totals = current().ask_one("staffing_totals")
    rows = []
    for measure, name in ROWS.items():
        total = totals["surplus_printed"] if measure == "surplus" else totals[measure]
        row = {"staff_measure": name, "계": _cell(int(total))}
        for r in grades.itertuples():
            row[f"{r.staff_group} {r.grade}"] = _cell(int(getattr(r, measure)))
        rows.append(row)
    frame = pd.DataFrame(rows)
    return Table("organisation_staffing", "인력: 정원·현원·과부족(현원 − 정원, △는 부족)", "명", as_of(),
                 _source(grades), frame, {column: "text" for column in frame.columns}, readings=("staffing_as_of",))


def staffing_tiles() -> list[Tile]:
    totals = current().ask_one("staffing_totals")
    grades = current().ask("staffing_by_grade")
    gaps = grades[grades["surplus"] != 0]
    detail = " · ".join(f"{r.grade} {fmt.number(r.surplus)}" for r in gaps.itertuples())
    where = source(str(totals["section"]))
    return [
        Tile("정원", fmt.count(totals["authorized"], "명"), where, as_of()),
        Tile("현원", fmt.count(totals["current"], "명"), where, as_of()),
        # A tile stands alone: '0명' says there is no gap, where the report's table cell prints '-'.
        Tile("과부족(현원 − 정원)", fmt.count(int(totals["surplus_printed"]), "명"), where, as_of(),
             detail=f"계는 맞으나 직급별로 {detail}"),
    ]


def staffing_chart() -> Chart:
    """정원 and 현원 of 일반직 by grade, the 과부족 written over each grade that has one."""
    grades = current().ask("staffing_by_grade")
    general = grades[grades["staff_group"] == "일반직"]
    figure = charts.bars(general["grade"], {labels.MEASURE["authorized"]: general["authorized"].tolist(),
                                            labels.MEASURE["current"]: general["current"].tolist()},
                         text_format=fmt.number)
    for r in general[general["surplus"] != 0].itertuples():
        figure.add_annotation(x=r.grade, y=max(r.authorized, r.current), text=f"과부족 {fmt.number(r.surplus)}",
                              showarrow=False, yshift=26, font=dict(color="#c0392b" if r.surplus < 0 else "#1f4e79"))
    figure.update_yaxes(range=[0, int(general[["authorized", "current"]].max().max()) * 1.35])
    figure.update_layout(height=370)
    others = grades[grades["staff_group"] != "일반직"]
    note = "관리운영직·별정직·임기제는 정원·현원 없음" if not others[["authorized", "current"]].any().any() else ""
    return Chart("organisation_staffing_chart", f"일반직 직급별 정원과 현원{' · ' + note if note else ''}", "명",
                 as_of(), _source(grades), figure, readings=("staffing_as_of",))


def equipment_table() -> Table:
    equipment = current().ask("organisation_equipment")
    return Table("organisation_equipment", "주요시설 및 장비", "-", as_of(), _source(equipment), equipment,
                 {"equipment_kind": "text", "equipment_name": "text", "equipment_status": "text", "equipment_note": "text"})


def council_items(period: Period) -> list[Chart | Table]:
    """What the page shows, for the council pack. A state as of the report date: the period does not change it."""
    return [teams_table(), staffing_table(), staffing_chart(), equipment_table()]
