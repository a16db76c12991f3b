"""해석과 가정: every value the product derives rather than reads, with why and where a department changes it;
and, where there are many of one kind, the values themselves (the months given to each timing)."""
from __future__ import annotations

import re

import pandas as pd

from .. import fmt, readings
from ..content import Table
from ..report import current
from .report_sections import as_of, source

# '3월', '10~12월', '5월, 12월': months a timing names itself. A range is written 'a~b월'.
_RANGE = re.compile(r"(\d{1,2})\s*~\s*(\d{1,2})\s*월")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*월")


def written_months(timing: str) -> set[int]:
    """The months a printed timing names ('10~12월' → 10, 11, 12; '매월(11월 한)' → 11; '상시' → none)."""
    text = str(timing)
    named = {m for a, b in _RANGE.findall(text) for m in range(int(a), int(b) + 1)}
    text = _RANGE.sub(" ", text)
    return named | {int(m) for m in _MONTH.findall(text) if 1 <= int(m) <= 12}


def _months(text: str) -> list[int]:
    return [int(m) for m in str(text).split(";") if m]


def month_text(months: list[int]) -> str:
    """[10, 11, 12] → '10·11·12월'; [1, …, 12] → '1~12월'; [3, 6, 9, 12] → '3·6·9·12월': runs of four or more as a range."""
    runs, start = [], None
    for i, m in enumerate(months):
        if start is None:
            start = m
        if i + 1 == len(months) or months[i + 1] != m + 1:
            runs.append(list(range(start, m + 1)))
            start = None
    parts = [f"{r[0]}~{r[-1]}" if len(r) >= 4 else "·".join(map(str, r)) for r in runs]
    return "·".join(parts) + "월"


def assigned_months() -> pd.DataFrame:
    """Activities whose calendar months are ours: those the printed timing does not name as such."""
    frame = current().ask("readings_assigned_months").copy()
    assigned = frame["months"].map(_months)
    ours = [set(months) != written_months(timing) for months, timing in zip(assigned, frame["schedule"])]
    frame = frame[ours].copy()
    frame["month_text"] = assigned[ours].map(month_text)
    frame["activity"] = frame["text"].str.replace(r":\s*[^:]*$", "", regex=True)
    return frame.reset_index(drop=True)


def assigned_months_table() -> Table:
    return Table("readings_assigned_months", "달이 적히지 않은 일정에 정한 달", "-", as_of(),
                 source("Ⅱ 향후계획, Ⅲ·Ⅳ 추진일정"), assigned_months(),
                 {"plan_year": "text", "section": "text", "activity": "text", "schedule": "text", "month_text": "text"},
                 readings=("assigned_months",))


def listing() -> list[readings.Reading]:
    return readings.all_readings()


def count_text() -> str:
    return fmt.count(len(listing()), "가지")


def readings_table(*, for_paper: bool = False) -> Table:
    """Every reading: what we did, why, where it shows; on screen also where a department changes it
    (the council paper names no file)."""
    frame = pd.DataFrame([r.__dict__ for r in listing()])
    kinds = {"title": "text", "mark": "text", "why": "text", "shown_on": "text"}
    if not for_paper:
        kinds["set_in"] = "text"
    return Table("readings", f"{readings.MARK}: 보고서가 적지 않아 우리가 정한 값", "-", as_of(),
                 "해석 목록(부서가 바꿀 수 있음)", frame, kinds, origin="ours")


def council_items(period) -> list[Table]:
    return [readings_table(for_paper=True)]


def council_appendix(period) -> list[Table]:
    return [assigned_months_table()]
