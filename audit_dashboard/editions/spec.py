"""The edition workbook's layout, generated from schema/report.sql so that it cannot drift from it.

One sheet per report table: the table's COMMENT is the sheet's name, each column's COMMENT its
Korean header (with its unit), a CHECK (x IN (...)) a list to choose from, NOT NULL a required cell,
CHECK (x >= 0) a lower bound. A table keyed by the edition alone (report_meta) is one row per report:
its sheet lists the fields down the page (항목 | 값). Codes the schema stores in English (table_totals'
tables and measures) are shown and read as Korean words (VALUE_LABELS).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import duckdb

from .. import labels, loader, paths

GUIDE_SHEET = "작성 안내"
COMPUTED_SHEET = "기록에서 계산"   # a draft's list of the cells the records gave
EXTRA_SHEETS = (GUIDE_SHEET, COMPUTED_SHEET)
FIELD, VALUE, NOTE = "항목", "값", "설명"   # the columns of a one-row table's sheet
YES, NO = "예", "아니요"

# Stored codes shown as words; every code the schema allows must have one (tests/test_edition_workbook.py).
VALUE_LABELS = {
    ("table_totals", "table_name"): {"budget_programmes": "예산현황", "staffing": "인력", "joint_patrols": "주민합동순찰"},
    ("table_totals", "measure"): {k: labels.MEASURE[k] for k in (
        "budget", "executed", "execution_rate_printed", "authorized", "current", "surplus_printed", "findings", "sessions")},
    ("source_discrepancies", "check_key"): {"programme_vs_projects": "단위사업별 예산 대 사업별 예산"},
    ("source_discrepancies", "measure"): {"budget": labels.MEASURE["budget"], "executed": labels.MEASURE["executed"]},
}

# What each sheet holds, for the guide sheet (a sheet without a note is still listed).
SHEET_NOTES = {
    "report_meta": "보고서 제목, 회기와 회기 날짜, 실적 기간, 기준일. 회기 시작일이 이 보고서의 이름(주소의 report=)이 됩니다.",
    "teams": "Ⅰ-1 조직: 팀과 팀마다의 업무.",
    "staffing": "Ⅰ-2 인력: 직렬·직급마다 정원·현원·과부족(현원 − 정원, 부족은 △ 또는 -).",
    "equipment": "Ⅰ-3 주요시설 및 장비.",
    "budget_programmes": "Ⅰ-4 예산현황: 단위사업마다 예산액·집행액(천원)과 보고서에 적힌 집행률.",
    "table_totals": "표마다 보고서에 인쇄된 계: 예산현황, 인력, 주민합동순찰. 부분의 합과 맞는지 검사합니다.",
    "projects": "Ⅱ 그해 사업(연도 = 기준일의 해)과 Ⅲ·Ⅳ 다음 해 계획(연도 = 다음 해).",
    "project_budgets": "사업마다 재원(구비·시비)별 예산액·집행액. 합이 「사업」 시트의 금액과 맞아야 합니다.",
    "budget_project_map": "단위사업이 어느 사업의 돈인지(보고서에는 없는 대응표).",
    "project_items": "사업마다 인쇄된 모든 문장(사업개요, 주요 추진실적, 향후계획, 세부 추진계획, 추진일정).",
    "report_figures": "표 밖에 인쇄된 수치. 화면은 수치 코드로 찾으므로 코드는 바꾸지 않습니다.",
    "complaint_channels": "Ⅱ-4 고충민원 접수 경로별 건수. 합이 수치 「complaints_total」과 맞아야 합니다.",
    "patrol_results": "Ⅱ-5 순찰 종류별 적출 건수와 순찰 횟수(보고서에 없으면 비워 둡니다).",
    "investigations": "Ⅱ-3 공직비위 조사: 조사 구분과 처리 결과별 건수.",
    "hr_education": "Ⅱ-2 인권교육 대상별 횟수와 참여 인원.",
    "self_audits": "Ⅱ-1 자체감사 종류·대상별 건수와 진행 상태.",
    "source_discrepancies": "보고서 원문이 서로 맞지 않는 곳(단위사업별 예산과 사업별 예산의 차이)을 적어 둡니다. "
                            "적지 않은 차이가 있으면 올릴 수 없습니다.",
}

_IN = re.compile(r"^\((\w+) IN \((.*)\)\)$")
_AT_LEAST = re.compile(r"^\((\w+) (>=|>) (\d+)\)$")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    header: str
    type: str                      # INTEGER, BIGINT, DATE, BOOLEAN, VARCHAR
    required: bool
    choices: tuple[str, ...] = ()  # stored codes allowed, in the schema's order
    shown: dict = field(default_factory=dict)   # code -> word shown in the workbook
    minimum: int | None = None     # the smallest value allowed

    @property
    def is_number(self) -> bool:
        return self.type in ("INTEGER", "BIGINT")

    @property
    def options(self) -> list[str]:
        """What a cell of this column may say, as the workbook's list shows it."""
        if self.type == "BOOLEAN":
            return [YES, NO]
        return [self.shown.get(code, code) for code in self.choices]

    def kind_text(self) -> str:
        """'정수, 필수', '날짜(2026-06-30), 선택', '목록: 구비, 시비, 필수' — for the guide and header notes."""
        kind = {"INTEGER": "정수", "BIGINT": "정수", "DATE": "날짜(예: 2026-06-30 또는 2026. 6. 30.)",
                "BOOLEAN": f"목록: {YES}/{NO}"}.get(self.type, "글자")
        if self.choices:
            kind = "목록: " + ", ".join(self.options)
        if self.minimum is not None:
            kind += f", {self.minimum} 이상"
        return f"{kind}, {'필수' if self.required else '선택(비워 둘 수 있음)'}"


@dataclass(frozen=True)
class SheetSpec:
    table: str
    sheet: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    single_row: bool               # one row per report: fields down the page
    note: str = ""

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)

    @property
    def header_of(self) -> dict[str, str]:
        return {c.name: c.header for c in self.columns}


def _choices(expression: str) -> tuple[str, tuple[str, ...]] | None:
    match = _IN.match(expression.strip())
    if not match:
        return None
    return match.group(1), tuple(re.findall(r"'((?:[^']|'')*)'", match.group(2)))


@lru_cache(maxsize=1)
def sheets() -> tuple[SheetSpec, ...]:
    """Every sheet of an edition's workbook, in the schema's order."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(loader.REPORT_SCHEMA.read_text(encoding="utf-8"))
        tables = con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal ORDER BY table_oid").fetchall()
        columns = con.execute("SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                              "WHERE NOT internal "
                              "ORDER BY table_oid, column_index").fetchall()
        constraints = con.execute("SELECT table_name, expression FROM duckdb_constraints() "
                                  "WHERE constraint_type = 'CHECK'").fetchall()
    finally:
        con.close()
    checks: dict[tuple[str, str], dict] = {}
    for table, expression in constraints:
        found = _choices(expression)
        if found:
            checks.setdefault((table, found[0]), {})["choices"] = found[1]
        bound = _AT_LEAST.match(expression.strip())
        if bound:
            low = int(bound.group(3)) + (1 if bound.group(2) == ">" else 0)
            checks.setdefault((table, bound.group(1)), {})["minimum"] = low
    keys = loader.report_keys()
    by_table: dict[str, list[ColumnSpec]] = {}
    for table, column, data_type, nullable, comment in columns:
        if column == loader.EDITION:
            continue
        if not comment:
            raise ValueError(f"schema/report.sql: {table}.{column}에 머리글(COMMENT ON COLUMN)이 없습니다.")
        extra = checks.get((table, column), {})
        by_table.setdefault(table, []).append(ColumnSpec(
            column, comment, data_type, not nullable, extra.get("choices", ()),
            VALUE_LABELS.get((table, column), {}), extra.get("minimum")))
    result = []
    for table, comment in tables:
        if not comment:
            raise ValueError(f"schema/report.sql: {table}에 시트 이름(COMMENT ON TABLE)이 없습니다.")
        key = keys.get(table)
        result.append(SheetSpec(table, comment, tuple(by_table[table]), tuple(key or ()), key == [],
                                SHEET_NOTES.get(table, "")))
    return tuple(result)


def sheet_for(table: str) -> SheetSpec:
    return next(s for s in sheets() if s.table == table)


def place(file: str, sheet: SheetSpec) -> str:
    """How messages name a sheet of an uploaded workbook: '보고서_2026.xlsx 「예산현황」 시트'."""
    return f"{file} 「{sheet.sheet}」 시트"


SCHEMA_FILE = paths.SCHEMA_DIR / "report.sql"
