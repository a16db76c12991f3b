"""What a page shows, as plain objects: a chart or a table with its title, unit, period and source.

Pages draw them with `ui.show`; exports (PNG, CSV/XLSX, the council pack) use the same objects,
so what is exported is what is on screen.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass
class Chart:
    key: str                 # stable id: file names of downloads, widget keys
    title: str
    unit: str
    period: str              # e.g. '2024. 1. 1. ~ 2024. 6. 30.' or '2024. 6. 30. 기준'
    source: str              # e.g. '2024년 주요업무 보고 Ⅰ-4 예산현황'
    figure: go.Figure
    origin: str = "report"   # report | sample | import | sample+import: where the numbers come from
    readings: tuple[str, ...] = ()  # our readings it rests on (data/readings.csv): marked wherever it goes
    drill: str | None = None        # the filter a click on it chooses (drill.LABELS: 'channel'), its bars' customdata

    @property
    def sample(self) -> bool:
        return "sample" in self.origin


@dataclass
class Table:
    key: str
    title: str
    unit: str
    period: str
    source: str
    frame: pd.DataFrame
    kinds: dict[str, str] = field(default_factory=dict)  # column -> number|won|percent|signed|points|date|measure|text
    origin: str = "report"
    readings: tuple[str, ...] = ()
    drill: str | None = None        # the column a selected row filters the page by ('department')

    @property
    def sample(self) -> bool:
        return "sample" in self.origin


def origin_of(rows: int, sample_rows: int) -> str:
    """'sample', 'import' or 'sample+import' for records, from how many of them are samples."""
    rows, sample_rows = int(rows or 0), int(sample_rows or 0)
    if sample_rows and sample_rows < rows:
        return "sample+import"
    return "sample" if sample_rows or not rows else "import"
