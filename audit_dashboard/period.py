"""The period every page is filtered by: a range of quarters, written in URLs as 2025Q1.

`Period` is pure (no Streamlit); `ui.period_filter` turns it into the sidebar and the URL.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import fmt

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


class PeriodError(ValueError):
    """A `from`/`to` value that cannot be read; the message is Korean."""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str, name: str) -> "Quarter":
        match = _QUARTER.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise PeriodError(f"'{name}={text}' 값은 2025Q1처럼 연도와 분기(Q1~Q4)로 적어야 합니다")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def index(self) -> int:
        return self.year * 4 + self.quarter - 1

    @classmethod
    def from_index(cls, index: int) -> "Quarter":
        return cls(index // 4, index % 4 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        if self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"


@dataclass(frozen=True)
class Period:
    first: Quarter
    last: Quarter

    def __post_init__(self):
        if self.last < self.first:
            raise PeriodError(f"시작 분기({self.first})가 끝 분기({self.last})보다 늦습니다")

    @classmethod
    def of_year(cls, year: int, first_quarter: int, last_quarter: int) -> "Period":
        return cls(Quarter(year, first_quarter), Quarter(year, last_quarter))

    @classmethod
    def from_params(cls, from_text: str, to_text: str) -> "Period":
        """Read `?from=2025Q1&to=2025Q3`. A range stays within one year, as the sidebar offers."""
        first, last = Quarter.parse(from_text, "from"), Quarter.parse(to_text, "to")
        if first.year != last.year:
            raise PeriodError(f"기간은 한 해 안에서 골라야 합니다(from={first}, to={last})")
        return cls(first, last)

    def to_params(self) -> dict[str, str]:
        return {"from": str(self.first), "to": str(self.last)}

    @property
    def year(self) -> int:
        return self.first.year

    @property
    def start(self) -> dt.date:
        return self.first.start

    @property
    def end(self) -> dt.date:
        return self.last.end

    @property
    def quarters(self) -> int:
        return self.last.index - self.first.index + 1

    def previous(self) -> "Period":
        """The period of the same length just before this one (may cross into the year before)."""
        n = self.quarters
        return Period(Quarter.from_index(self.first.index - n), Quarter.from_index(self.last.index - n))

    def year_earlier(self) -> "Period":
        return Period(Quarter(self.first.year - 1, self.first.quarter), Quarter(self.last.year - 1, self.last.quarter))

    @property
    def label(self) -> str:
        """'2025년 1~3분기', '2025년 2분기', '2024년 4분기~2025년 2분기'."""
        if self.first == self.last:
            return f"{self.first.year}년 {fmt.quarter(self.first.quarter)}"
        if self.first.year == self.last.year:
            return f"{self.first.year}년 {self.first.quarter}~{fmt.quarter(self.last.quarter)}"
        return f"{self.first.year}년 {fmt.quarter(self.first.quarter)}~{self.last.year}년 {fmt.quarter(self.last.quarter)}"

    @property
    def dates(self) -> str:
        return fmt.period(self.start, self.end)

    def __str__(self) -> str:
        return f"{self.first}-{self.last}"


# The report's own period: 2025. 1. 1. ~ 2025. 9. 30.
REPORT_PERIOD = Period.of_year(2025, 1, 3)
DEFAULT_PERIOD = REPORT_PERIOD
