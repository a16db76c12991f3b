"""What the report-only pages (감사·조사, 청렴·인권, 조직·인력, 2026 계획) share: the report's period
and source lines, KPI tiles from printed figures, and a project's printed text as nested bullets.

These figures exist only for the report's period, so nothing here takes the sidebar period.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import fmt, markdown
from ..app_data import ask, ask_one
from ..content import Table

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


def meta() -> dict:
    return dict(ask("report_meta")[["key", "value"]].itertuples(index=False, name=None))


def report_period() -> str:
    """'2025. 1. 1. ~ 2025. 9. 30.': what the report's 실적 cover."""
    m = meta()
    return fmt.period(m["period_start"], m["period_end"])


def as_of() -> str:
    """'2025. 9. 30. 기준': for states (staffing, budgets, remaining plans)."""
    return f"{fmt.date(meta()['as_of'])} 기준"


def source(section: str) -> str:
    """'2025년 주요업무 보고 Ⅱ-1 주요 추진실적'."""
    return f"{meta()['title']} {section}"


def figures() -> pd.DataFrame:
    return ask("report_figures").set_index("figure_key")


def figure_text(key: str) -> str:
    """A printed figure as printed: '476건', '1,602명', '94%'."""
    row = figures().loc[key]
    return fmt.percent(row["value"]) if row["unit"] == "%" else fmt.count(row["value"], row["unit"])


def figure_tile(key: str, label: str | None = None, detail: str | None = None) -> Tile:
    row = figures().loc[key]
    return Tile(label or row["label"], figure_text(key), source(row["section"]), report_period(), detail)


def tiles_table(key: str, title: str, tiles: list[Tile]) -> Table:
    """The figures of a row of tiles as one table, for the council pack and downloads."""
    frame = pd.DataFrame({"subject": [t.label for t in tiles], "printed": [t.value for t in tiles],
                          "section": [t.source.removeprefix(meta()["title"]).strip() for t in tiles]})
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
    project = ask_one("report_project", plan_year=plan_year, project_no=project_no)
    parts = ask("report_project_budgets", plan_year=plan_year, project_no=project_no)

    def split(column: str) -> str:
        if len(parts) == 1:
            return f"({parts['funding_source'].iloc[0]})"
        return "(" + ", ".join(f"{r.funding_source} {fmt.number(getattr(r, column))}" for r in parts.itertuples()) + ")"

    if plan_year == 2025:
        return (f"예산액 {fmt.won(project['budget_printed'])}{split('budget')} · "
                f"집행액 {fmt.won(project['executed_printed'])}{split('executed')} · "
                f"집행률 {fmt.percent(project['execution_rate_printed'])}({as_of()})")
    return f"소요예산 총 {fmt.won(project['budget_printed'])}{split('budget')}"


def project_text(plan_year: int, project_no: int, blocks: list[str] | None = None,
                 with_budget: bool = True) -> ProjectText:
    """Every printed line of one project (or of the blocks asked for), in the report's order."""
    project = ask_one("report_project", plan_year=plan_year, project_no=project_no)
    items = ask("report_project_items", plan_year=plan_year, project_no=project_no)
    wanted = blocks or BLOCK_ORDER
    parts = [f"**{project['team']}** · {escape(project['purpose'])}"]
    for block in wanted:
        block_items = items[items["block"] == block]
        if len(block_items):
            parts.append(f"**□ {block}**\n\n{bullets(block_items)}")
    if with_budget:
        heading = "예산현황" if plan_year == 2025 else "소요예산"
        parts.append(f"**□ {heading}**: {budget_line(plan_year, project_no)}")
    period = report_period() if plan_year == 2025 else f"{plan_year}년 계획"
    return ProjectText(
        key=f"project_{plan_year}_{project_no}",
        title=f"{project['section']} {project['project']} ({project['team']}, {project['page']}쪽)",
        markdown="\n\n".join(parts),
        source=source(str(project["section"])),
        period=period,
    )
