"""보고서 대조: what the chosen report told the council beside what the department's imported records give,
figure by figure, for that report's own period — with the difference in figures and in words.
Differences are shown as they are: nothing here is adjusted to agree."""
from __future__ import annotations

import pandas as pd

from .. import fmt
from ..app_data import ask
from ..content import Table
from ..report import current

TOPICS = {"complaints": "고충민원 접수", "field_complaints": "응답소 현장민원", "patrols": "현장순찰", "budget": "예산(단위사업)"}
UNITS = {"received": "건", "findings": "건", "sessions": "회", "budget": "천원", "executed": "천원"}
AGREE, DIFFER, MISSING = "같음", "다름", "기록 없음"


def words(report_value, record_value, unit: str) -> tuple[str, str]:
    """(the verdict, the difference in words): '기록이 12건 많음', '보고서에 없는 항목', '가져온 기록 없음' …"""
    if pd.isna(record_value):
        return MISSING, "이 종류의 기록을 아직 가져오지 않았습니다"
    if pd.isna(report_value):
        return DIFFER, f"보고서에는 없고 기록에만 {fmt.count(record_value, unit)} 있습니다"
    difference = int(record_value) - int(report_value)
    if difference == 0:
        return AGREE, "보고서와 같습니다"
    if record_value == 0:
        return DIFFER, "기록에 이 항목이 없습니다"
    more = "많습니다" if difference > 0 else "적습니다"
    return DIFFER, f"기록이 보고서보다 {fmt.count(abs(difference), unit)} {more}"


def comparison() -> pd.DataFrame:
    """Every figure with the report's value, the records' value, the difference and the verdict."""
    m = current().meta()
    frame = ask("report_vs_imported_records", edition=m.edition, start=m.period_start, end=m.period_end, as_of=m.as_of)
    verdicts = [words(r, c, UNITS[ms]) for r, c, ms in zip(frame["report_value"], frame["record_value"], frame["measure"])]
    frame["agreement"] = [v for v, _ in verdicts]
    frame["difference_words"] = [w for _, w in verdicts]
    frame["difference"] = [None if pd.isna(c) or pd.isna(r) else int(c) - int(r)
                           for r, c in zip(frame["report_value"], frame["record_value"])]
    frame["topic_label"] = frame["topic"].map(TOPICS)
    return frame


def counts(frame: pd.DataFrame) -> dict[str, int]:
    return {verdict: int((frame["agreement"] == verdict).sum()) for verdict in (AGREE, DIFFER, MISSING)}


def tables(frame: pd.DataFrame) -> list[Table]:
    """One table per topic, each saying its period (or, for the budget, the dates compared)."""
    report = current()
    period = report.period_text
    out = []
    for topic, title in TOPICS.items():
        part = frame[frame["topic"] == topic]
        if part.empty:
            continue
        when = period
        if topic == "budget":
            dates = part["record_date"].dropna()
            when = f"보고서 {report.as_of_state}" + (f" · 기록 {fmt.date(dates.iloc[0])} 기준" if len(dates) else "")
        kinds = {"item": "text", "measure": "measure", "report_value": "number", "record_value": "number",
                 "difference": "signed", "agreement": "text", "difference_words": "text"}
        origin = "import" if part["record_value"].notna().any() else "report"
        out.append(Table(f"reconciliation_{topic}", f"{title}: 보고서와 가져온 기록", "건·회·천원", when,
                         f"{report.source('주요 추진실적·예산현황')} / 가져온 기록", part.reset_index(drop=True), kinds, origin))
    return out


def summary_line(frame: pd.DataFrame) -> str:
    c = counts(frame)
    parts = [f"같은 수치 {fmt.count(c[AGREE], '개')}", f"다른 수치 {fmt.count(c[DIFFER], '개')}"]
    if c[MISSING]:
        parts.append(f"기록을 가져오지 않아 비교하지 못한 수치 {fmt.count(c[MISSING], '개')}")
    return " · ".join(parts)


def council_items(period) -> list:
    return tables(comparison())


