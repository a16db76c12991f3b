"""The period every page is filtered by: a range of quarters, written in URLs as 2025Q1, and the
grain (month or quarter) trend charts are drawn at.

A range may run across years (`?from=2024Q3&to=2025Q2`) and be as long as the records are.
`Period` is pure (no Streamlit); `frame.page_frame` turns it into the sidebar and the URL.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import fmt

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR = 1900  # records of a district office start later; earlier years are typing errors
MAX_QUARTERS = 80  # twenty years: a longer range from a URL is refused rather than drawn month by month

# Trend charts by month or by quarter (`?grain=month|quarter`).
GRAINS = {"month": "월별", "quarter": "분기별"}
DEFAULT_GRAIN = "month"
# Beyond three years a monthly trend has more bars (36+) than a half-width chart can show apart, and each
# redraw costs more: such a period starts by quarter (the analyst may still choose 월별).
MONTHLY_UP_TO_QUARTERS = 12


class PeriodError(ValueError):
    """A `from`/`to`/`grain` value that cannot be read; the message is Korean."""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str, name: str) -> "Quarter":
        match = _QUARTER.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise PeriodError(f"'{name}={text}' 값은 2025Q1처럼 연도와 분기(Q1~Q4)로 적어야 합니다")
        if int(match.group(1)) < FIRST_YEAR:
            raise PeriodError(f"'{name}={text}': {FIRST_YEAR}년 이후의 분기를 적어야 합니다")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> "Quarter":
        """The quarter a day falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def index(self) -> int:
        return self.year * 4 + self.quarter - 1

    @classmethod
    def from_index(cls, index: int) -> "Quarter":
        return cls(index // 4, index % 4 + 1)

    def shifted(self, quarters: int) -> "Quarter":
        return Quarter.from_index(self.index + quarters)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        if self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """'2024년 3분기'."""
        return f"{self.year}년 {fmt.quarter(self.quarter)}"

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from `first` to `last`, both included, in order."""
    return [Quarter.from_index(i) for i in range(first.index, last.index + 1)]


@dataclass(frozen=True)
class Period:
    """A range of whole quarters or, drilled down to (`month`), one month of a quarter: then `first` and
    `last` are that quarter and the dates, label and comparisons are the month's."""
    first: Quarter
    last: Quarter
    month: int | None = None

    def __post_init__(self):
        if self.last < self.first:
            raise PeriodError(f"시작 분기({self.first})가 끝 분기({self.last})보다 늦습니다")
        if self.month is not None and (self.first != self.last or Quarter.of(dt.date(self.first.year, self.month, 1))
                                       != self.first):
            raise PeriodError(f"{self.month}월은 {self.first.label}의 달이 아닙니다")

    @classmethod
    def of_month(cls, year: int, month: int) -> "Period":
        quarter = Quarter.of(dt.date(year, month, 1))
        return cls(quarter, quarter, month)

    @property
    def month_key(self) -> str | None:
        """'2025-03' for a month (as the URL writes it: `&month=2025-03`), None for a range of quarters."""
        return f"{self.first.year}-{self.month:02d}" if self.month else None

    def month_keys(self) -> list[str]:
        """The period's months as the URL writes them: '2025-01', '2025-02', …"""
        return [f"{year}-{month:02d}" for year, month in self.buckets("month")]

    def narrowed(self, key: str | None) -> "Period":
        """The month `key` ('2025-03') of this period, or the period itself without one; a month the period
        does not hold (or a value that is not a month) is a PeriodError, in Korean."""
        if not key:
            return self
        match = _MONTH.match(key.strip()) if isinstance(key, str) else None
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise PeriodError(f"'month={key}' 값은 2025-03처럼 연도와 달로 적어야 합니다")
        if key.strip() not in self.month_keys():
            raise PeriodError(f"'month={key}': 고른 기간({self.label})의 달이 아닙니다")
        return Period.of_month(int(match.group(1)), int(match.group(2)))

    def trend_grain(self, grain: str) -> str:
        """A month's trend is drawn by month whatever the chosen grain (a quarter of it would read as whole)."""
        return "month" if self.month else grain

    @classmethod
    def of_year(cls, year: int, first_quarter: int, last_quarter: int) -> "Period":
        return cls(Quarter(year, first_quarter), Quarter(year, last_quarter))

    @classmethod
    def covering(cls, start: dt.date, end: dt.date) -> "Period":
        """The quarters from the one holding `start` to the one holding `end` (a report's 1. 1. ~ 6. 30.)."""
        return cls(Quarter.of(start), Quarter.of(end))

    @classmethod
    def from_params(cls, from_text: str, to_text: str, names: tuple[str, str] = ("from", "to")) -> "Period":
        """Read `?from=2024Q3&to=2025Q2`: any range of whole quarters, within a year or across years.
        `names` are the URL's parameter names, for the message (a second period is `vs_from`/`vs_to`)."""
        period = cls(Quarter.parse(from_text, names[0]), Quarter.parse(to_text, names[1]))
        if period.quarters > MAX_QUARTERS:
            raise PeriodError(f"기간은 {MAX_QUARTERS // 4}년({MAX_QUARTERS}개 분기)까지 고를 수 있습니다"
                              f"({names[0]}={period.first}, {names[1]}={period.last})")
        return period

    def to_params(self) -> dict[str, str]:
        return {"from": str(self.first), "to": str(self.last)}

    @property
    def year(self) -> int:
        """The year the period starts in (a range across years has more than one: see `years`)."""
        return self.first.year

    @property
    def years(self) -> list[int]:
        return list(range(self.first.year, self.last.year + 1))

    @property
    def start(self) -> dt.date:
        return dt.date(self.first.year, self.month, 1) if self.month else self.first.start

    @property
    def end(self) -> dt.date:
        if self.month:
            following = dt.date(self.first.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return self.last.end

    @property
    def quarters(self) -> int:
        return self.last.index - self.first.index + 1

    def quarter_list(self) -> list[Quarter]:
        return quarters_between(self.first, self.last)

    def buckets(self, grain: str) -> list[tuple[int, int]]:
        """The period's months as (year, month), or its quarters as (year, quarter), in order."""
        if grain == "quarter":
            return [(q.year, q.quarter) for q in self.quarter_list()]
        if self.month:
            return [(self.first.year, self.month)]
        return [(q.year, month) for q in self.quarter_list() for month in range(3 * q.quarter - 2, 3 * q.quarter + 1)]

    def previous(self) -> "Period":
        """The period of the same length just before this one (may cross into the year before); for a month,
        the month before."""
        if self.month:
            before = self.start - dt.timedelta(days=1)
            return Period.of_month(before.year, before.month)
        n = self.quarters
        return Period(self.first.shifted(-n), self.last.shifted(-n))

    def year_earlier(self) -> "Period":
        if self.month:
            return Period.of_month(self.first.year - 1, self.month)
        return Period(self.first.shifted(-4), self.last.shifted(-4))

    def contains(self, quarter: Quarter) -> bool:
        return self.first <= quarter <= self.last

    @property
    def label(self) -> str:
        """'2024년 1~2분기', '2025년 2분기', '2024년 3분기~2025년 2분기', '2025년 3월'."""
        if self.month:
            return f"{self.first.year}년 {fmt.month(self.month)}"
        if self.first == self.last:
            return self.first.label
        if self.first.year == self.last.year:
            return f"{self.first.year}년 {self.first.quarter}~{fmt.quarter(self.last.quarter)}"
        return f"{self.first.label}~{self.last.label}"

    @property
    def dates(self) -> str:
        return fmt.period(self.start, self.end)

    def __str__(self) -> str:
        return self.month_key or f"{self.first}-{self.last}"


def presets(latest: Quarter, report: Period) -> dict[str, Period]:
    """The sidebar's quick choices. 올해, 작년 and 최근 4분기 count from `latest`, the last quarter with
    records (the figures' present), not from today's date; 보고서 기간 is the report's own period."""
    return {
        "올해": Period(Quarter(latest.year, 1), latest),
        "작년": Period.of_year(latest.year - 1, 1, 4),
        "최근 4분기": Period(latest.shifted(-3), latest),
        "보고서 기간": report,
    }


def default_grain(period: Period) -> str:
    """The grain a period's trends start at: by month up to three years, by quarter beyond."""
    return DEFAULT_GRAIN if period.quarters <= MONTHLY_UP_TO_QUARTERS else "quarter"


def parse_grain(text: str) -> str:
    """Read `?grain=month|quarter`."""
    if text not in GRAINS:
        raise PeriodError(f"'grain={text}' 값은 month(월별) 또는 quarter(분기별)로 적어야 합니다")
    return text

