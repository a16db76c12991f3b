"""What the report-only pages (감사·조사, 청렴·인권, 조직·인력, 다음 해 계획) share: KPI tiles from printed
figures, and a project's printed text as nested bullets, for the edition the page shows (report.current()).

These figures exist only for the report's period, so nothing here takes the sidebar period.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import fmt, markdown
from ..content import Table
from ..report import current

BLOCK_ORDER = ["추진방향", "사업개요", "주요 추진실적", "향후계획", "세부 추진계획", "추진일정"]


@dataclass(frozen=True)
class Tile:
    """One KPI tile: a printed figure, written as the report writes it, with its source and period."""
    label: str
    value: str
    source: str
    period: str
    detail: str | None = None


@dataclass(frozen=True)
class ProjectText:
    """A project's page of the report, as Markdown, for an expander."""
    key: str
    title: str
    markdown: str
    source: str
    period: str


def report_period() -> str:
    """'2024. 1. 1. ~ 2024. 6. 30.': what the shown report's 실적 cover."""
    return current().period_text


def as_of() -> str:
    """'2024. 6. 30. 기준': for states (staffing, budgets, remaining plans)."""
    return current().as_of_state


def source(section: str) -> str:
    """'2024년 주요업무 보고 Ⅱ-1 주요 추진실적'."""
    return current().source(section)


def figure_text(key: str) -> str:
    """A printed figure as printed: '476건', '1,602명', '94%'."""
    return current().figure_text(key)


def figure_tile(key: str, label: str | None = None, detail: str | None = None) -> Tile:
    """A tile for a printed figure; its label is the figure's own unless the page names it."""
    report = current()
    row = report.figures().loc[key]
    return Tile(label or row["label"], report.figure_text(key), report.source(row["section"]), report.period_text, detail)


def tiles_table(key: str, title: str, tiles: list[Tile]) -> Table:
    """The figures of a row of tiles as one table, for the council pack and downloads."""
    frame = pd.DataFrame({"subject": [t.label for t in tiles], "printed": [t.value for t in tiles],
                          "section": [t.source.removeprefix(current().title).strip() for t in tiles]})
    sections = ", ".join(dict.fromkeys(frame["section"]))
    return Table(key, title, "건·명·회", tiles[0].period, source(sections), frame,
                 {"subject": "text", "printed": "text", "section": "text"})


escape = markdown.literal  # printed text shown as printed


def bullets(items: pd.DataFrame) -> str:
    """Items of one block as a nested Markdown list (sub-items under their parent), text as printed."""
    lines = []
    for item in items.itertuples(index=False):
        indent = "    " if isinstance(item.parent_id, str) and item.parent_id else ""
        lines.append(f"{indent}- {escape(item.text)}")
    return "\n".join(lines)


def budget_line(plan_year: int, project_no: int) -> str:
    """'예산액 15,784천원(시비 2,270, 구비 13,514) · 집행액 … · 집행률 83%' as under each project."""
    report = current()
    project = report.ask_one("report_project", plan_year=plan_year, project_no=project_no)
    parts = report.ask("report_project_budgets", plan_year=plan_year, project_no=project_no)

    def split(column: str) -> str:
        if len(parts) == 1:
            return f"({parts['funding_source'].iloc[0]})"
        return "(" + ", ".join(f"{r.funding_source} {fmt.number(getattr(r, column))}" for r in parts.itertuples()) + ")"

    if plan_year == report.year:
        return (f"예산액 {fmt.won(project['budget_printed'])}{split('budget')} · "
                f"집행액 {fmt.won(project['executed_printed'])}{split('executed')} · "
                f"집행률 {fmt.percent(project['execution_rate_printed'])}({as_of()})")
    return f"소요예산 총 {fmt.won(project['budget_printed'])}{split('budget')}"


def project_text(plan_year: int, project_no: int, blocks: list[str] | None = None,
                 with_budget: bool = True) -> ProjectText:
    """Every printed line of one project (or of the blocks asked for), in the report's order."""
    report = current()
    project = report.ask_one("report_project", plan_year=plan_year, project_no=project_no)
    items = report.ask("report_project_items", plan_year=plan_year, project_no=project_no)
    wanted = blocks or BLOCK_ORDER
    parts = [f"**{project['team']}** · {escape(project['purpose'])}"]
    for block in wanted:
        block_items = items[items["block"] == block]
        if len(block_items):
            parts.append(f"**□ {block}**\n\n{bullets(block_items)}")
    if with_budget:
        heading = "예산현황" if plan_year == report.year else "소요예산"
        parts.append(f"**□ {heading}**: {budget_line(plan_year, project_no)}")
    period = report.period_text if plan_year == report.year else f"{plan_year}년 계획"
    return ProjectText(
        key=f"project_{report.edition}_{plan_year}_{project_no}",
        title=f"{project['section']} {project['project']} ({project['team']}, {project['page']}쪽)",
        markdown="\n\n".join(parts),
        source=source(str(project["section"])),
        period=period,
    )
