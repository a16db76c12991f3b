"""An edition's facts as its report_meta row states them, and the text pages write from them.

Pure (no Streamlit, no store): the build, the checks and the pages all use it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from .. import fmt
from ..period import Period


def edition_id(session_start: dt.date) -> str:
    """An edition is named by its council session's first day: '2025-10-17' (one report per session)."""
    return session_start.isoformat()


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else pd.Timestamp(value).date()


@dataclass(frozen=True)
class Meta:
    edition: str
    title: str
    council_session: str
    session_start: dt.date
    session_end: dt.date
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    district: str
    department: str
    source_file: str | None = None
    origin: str = "shipped"          # shipped (data/report, in git) or added (data/editions)

    @classmethod
    def from_row(cls, row: dict, origin: str | None = None) -> "Meta":
        """A report_meta row (a file's, without `edition`, or the store's)."""
        start = _day(row["session_start"])
        source = row.get("source_file")
        return cls(edition=row.get("edition") or edition_id(start), title=str(row["title"]),
                   council_session=str(row["council_session"]), session_start=start,
                   session_end=_day(row["session_end"]), period_start=_day(row["period_start"]),
                   period_end=_day(row["period_end"]), as_of=_day(row["as_of"]), district=str(row["district"]),
                   department=str(row["department"]),
                   source_file=None if source is None or pd.isna(source) else str(source),
                   origin=origin or row.get("origin") or "shipped")

    @property
    def period(self) -> Period:
        """The quarters the report's 실적 cover (2025. 1. 1. ~ 6. 30. is 2024년 1~2분기)."""
        return Period.covering(self.period_start, self.period_end)

    @property
    def period_text(self) -> str:
        """'2024. 1. 1. ~ 2024. 6. 30.'"""
        return fmt.period(self.period_start, self.period_end)

    @property
    def as_of_text(self) -> str:
        """'2024. 6. 30.'"""
        return fmt.date(self.as_of)

    @property
    def session_dates(self) -> str:
        """'2024. 7. 15. ~ 7. 24.' as the cover writes it (the year once when the session keeps to one)."""
        end = self.session_end
        tail = f"{end.month}. {end.day}." if end.year == self.session_start.year else fmt.date(end)
        return f"{fmt.date(self.session_start)} ~ {tail}"

    @property
    def year(self) -> int:
        """The year the report's results and its as-of states belong to."""
        return self.as_of.year

    @property
    def label(self) -> str:
        """'2024년 주요업무 보고(제250회 구의회 임시회)': how a selector and search results name it."""
        return f"{self.title}({self.council_session})"

    @property
    def long_label(self) -> str:
        return f"{self.title} · {self.council_session} {self.session_dates} · {self.as_of_text} 기준"

    @property
    def reporter(self) -> str:
        """'영등포구 감사담당관', as the report's cover names its author."""
        return f"{self.district} {self.department}"
