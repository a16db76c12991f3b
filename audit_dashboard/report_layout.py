"""Streamlit pieces the report-only pages share: rows of KPI tiles and a project's printed text."""
from __future__ import annotations

import streamlit as st

from . import markdown, ui
from .content import Table
from .views.report_sections import ProjectText, Tile

ROW_PX = 35  # st.dataframe's row height


def full_table(table: Table) -> None:
    """A table tall enough to show every row: lists of plans are read, not scrolled."""
    ui.show(table, height=ROW_PX * (len(table.frame) + 1) + 3)


def tiles(items: list[Tile], per_row: int = 3) -> None:
    """KPI tiles in rows, each with the line saying its source and period."""
    for start in range(0, len(items), per_row):
        columns = st.columns(per_row)
        for column, tile in zip(columns, items[start:start + per_row]):
            with column:
                ui.kpi_tile(tile.label, tile.value, detail=tile.detail,
                            provenance_line=ui.provenance(tile.source, tile.period))


def project_text(text: ProjectText, *, expanded: bool = False) -> None:
    """A project's page of the report, every line as printed, in an expander."""
    with st.expander(f"보고서 원문: {markdown.text(text.title)}", expanded=expanded, icon=":material/description:"):
        project_body(text)


def project_body(text: ProjectText) -> None:
    st.markdown(ui.md(text.markdown))  # printed lines already escaped as text (report_sections.escape)
    st.caption(ui.provenance(text.source, text.period))
