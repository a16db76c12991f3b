"""다음 보고 초안: the draft for 2025. 9. 30. reproduces from the records every record-based figure of the
2025 report (on the shipped samples: 1,622 = 333 + 945 + 344, the patrol counts, the budget), marks each
such cell with its source and period, carries the text over, leaves the rest empty; staff fill it, upload
it, and it becomes the next edition."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from audit_dashboard import store
from audit_dashboard.editions import draft, folders, pipeline, spec, workbook
from audit_dashboard.errors import DataError
from conftest import SHIPPED
from edition_support import shipped_frames

AS_OF = SHIPPED.as_of  # 2025. 9. 30.


def asker(con):
    return lambda name, **params: store.run_query(con, name, **params)


@pytest.fixture
def shipped_edition():
    return folders.load_all()[0]


@pytest.fixture
def september(con, shipped_edition):
    return draft.make(asker(con), shipped_edition, AS_OF)


def value(frame: pd.DataFrame, where: dict, column: str):
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    return frame.loc[mask, column].iloc[0]


def test_the_channels_come_from_the_records_333_945_344_and_1622_in_all(september):
    channels = september.frames["complaint_channels"].set_index("channel")["received"].to_dict()
    assert channels == {"응답소": 333, "구청장에게 바란다": 945, "전화·방문": 344}
    assert value(september.frames["report_figures"], {"figure_key": "complaints_total"}, "value") == 1622 == sum(channels.values())
    assert value(september.frames["report_figures"], {"figure_key": "field_complaints_handled"}, "value") == 66228


def test_the_patrol_counts_come_from_the_records(september):
    patrols = september.frames["patrol_results"].set_index("patrol_kind")
    assert patrols.loc["기획순찰", ["findings", "sessions"]].tolist() == [330, 7]
    assert patrols.loc["상시순찰", "findings"] == 257 and pd.isna(patrols.loc["상시순찰", "sessions"])  # not printed
    assert patrols.loc["동장·지구대장 순찰", ["findings", "sessions"]].tolist() == [606, 252]
    totals = september.frames["table_totals"]
    assert value(totals, {"table_name": "joint_patrols", "measure": "findings"}, "value") == 694
    assert value(totals, {"table_name": "joint_patrols", "measure": "sessions"}, "value") == 273


def test_every_cell_computed_from_the_records_is_the_2025_reports_own_figure(september):
    """Budget per 단위사업 and project from the 9. 30. snapshot included: the draft reproduces the report."""
    shipped = shipped_frames()
    keys = {s.table: list(s.key) for s in spec.sheets()}
    for (table, position, column), mark in september.marks.items():
        row = september.frames[table].iloc[position]
        printed = value(shipped[table], {k: row[k] for k in keys[table]}, column)
        assert row[column] == printed, (table, dict(row[keys[table]]), column, mark.note)
    computed = {table for table, _, _ in september.marks}
    assert computed == {"complaint_channels", "report_figures", "patrol_results", "table_totals", "budget_programmes",
                        "project_budgets", "projects"}
    assert len(september.marks) == 69


def test_the_text_is_carried_over_and_every_other_figure_left_empty(september):
    shipped = shipped_frames()
    pd.testing.assert_frame_equal(september.frames["project_items"], shipped["project_items"])
    figures = september.frames["report_figures"].set_index("figure_key")["value"]
    assert figures.notna().sum() == 2 and figures["daily_audits"] is pd.NA
    assert september.frames["staffing"]["current"].isna().all()
    assert september.frames["self_audits"]["audits"].isna().all()
    plans = september.frames["projects"][september.frames["projects"]["plan_year"] == 2026]
    assert plans["budget_printed"].isna().all() and len(plans) == 6
    meta = september.frames["report_meta"].iloc[0]
    assert meta["title"] == "2025년 주요업무 보고" and meta["session_start"] is None
    assert (meta["period_start"], meta["period_end"], meta["as_of"]) == (dt.date(2025, 1, 1), AS_OF, AS_OF)
    assert september.frames["source_discrepancies"].empty


def test_each_computed_cell_is_marked_with_its_source_and_period_in_the_workbook(september):
    book = load_workbook(io.BytesIO(workbook.write(september.frames, marks=september.marks, notes=september.notes)))
    sheet = book["고충민원 접수 경로"]
    cell = sheet.cell(2, 2)
    assert (sheet.cell(2, 1).value, cell.value) == ("구청장에게 바란다", 945)
    assert cell.fill.start_color.rgb.endswith(workbook.COMPUTED_FILL)
    assert cell.comment.text == ("기록에서 계산: 고충민원 기록(샘플(생성 데이터), 기록이 있는 기간 2024. 1. 1. ~ 2025. 9. 30.) "
                                 "2025. 1. 1. ~ 2025. 9. 30. 접수 건수")
    budget = book["예산현황"].cell(2, 3)
    assert budget.value == 129680 and "예산 집행 자료(보고서 「2025년 주요업무 보고」) 2025. 9. 30. 기준" in budget.comment.text
    listed = [[c.value for c in row] for row in book["기록에서 계산"].iter_rows(min_row=2)]
    assert len(listed) == 69
    assert ["고충민원 접수 경로", 2, "접수(건)", 945] == listed[0][:4]
    guide = " ".join(str(c.value) for row in book["작성 안내"].iter_rows() for c in row if c.value)
    assert "노란 칸은 대시보드가 기록" in guide and "상시순찰: 이전 보고서에 순찰 횟수가 없어" in guide


def test_a_draft_for_a_date_the_records_do_not_reach_leaves_those_figures_empty_and_says_why(con, shipped_edition):
    made = draft.make(asker(con), shipped_edition, dt.date(2026, 9, 30))
    assert made.frames["complaint_channels"]["received"].isna().all()
    assert made.frames["report_meta"].loc[0, "title"] == "2026년 주요업무 보고"
    assert sorted(made.frames["projects"]["plan_year"].unique()) == [2026, 2027]
    assert not made.marks
    notes = " ".join(made.notes)
    assert "고충민원 기록이 2026. 1. 1. ~ 2026. 9. 30. 전체에 없어" in notes
    assert "2026. 9. 30. 이전(2026년)의 예산 집행 자료가 없어" in notes


def test_a_draft_between_month_ends_takes_the_latest_execution_on_or_before_its_date(con, shipped_edition):
    made = draft.make(asker(con), shipped_edition, dt.date(2025, 7, 15))
    assert "예산은 2025. 7. 15. 이전의 가장 최근 집행 자료(2025. 6. 30.)로 채웠습니다." in made.notes
    note = made.marks[("budget_programmes", 0, "budget")].note
    assert note == "예산 집행 자료(샘플(생성 데이터)) 2025. 6. 30. 기준, 2025. 1. 1.부터 누계"


# --- staff fill the draft, upload it, and it becomes the next edition ------------------------------

def filled_draft(september) -> bytes:
    """The draft as staff finish it: the session written in, every empty figure filled from their
    papers (here: the 2025 report's own cells), but the source's differences not yet declared."""
    content = workbook.write(september.frames, marks=september.marks, notes=september.notes)
    papers = load_workbook(io.BytesIO(workbook.write(shipped_frames())))
    book = load_workbook(io.BytesIO(content))
    for sheet in spec.sheets():
        if sheet.single_row or sheet.table == "source_discrepancies":
            continue
        ws, source = book[sheet.sheet], papers[sheet.sheet]
        for row in range(2, source.max_row + 1):
            for column in range(1, len(sheet.columns) + 1):
                if ws.cell(row, column).value is None and source.cell(row, column).value is not None:
                    ws.cell(row, column).value = source.cell(row, column).value
    meta = book["보고서 정보"]
    fields = {meta.cell(r, 1).value: r for r in range(2, meta.max_row + 1)}
    meta.cell(fields["회기"], 2).value = "제266회 구의회 정례회"
    meta.cell(fields["회기 시작일"], 2).value = "2025. 11. 25."
    meta.cell(fields["회기 종료일"], 2).value = "2025. 12. 18."
    meta.cell(fields["보고서 제목"], 2).value = "2025년 행정사무감사 업무보고"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def declare_differences(content: bytes) -> bytes:
    papers = load_workbook(io.BytesIO(workbook.write(shipped_frames())))["원문 차이"]
    book = load_workbook(io.BytesIO(content))
    ws = book["원문 차이"]
    for row in papers.iter_rows(min_row=2, values_only=True):
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_filled_draft_needs_the_sources_differences_declared_then_becomes_the_next_edition(workspace, con,
                                                                                              shipped_edition):
    data, store_file = workspace
    filled = filled_draft(draft.make(asker(con), shipped_edition, AS_OF))
    with pytest.raises(DataError) as caught:
        pipeline.prepare(filled, "보고서_초안_2025-09-30.xlsx", data_dir=data)
    assert caught.value.korean().startswith("보고서_초안_2025-09-30.xlsx 「원문 차이」 시트: 단위사업별 예산과 사업별 예산의 차이가")

    prepared = pipeline.prepare(declare_differences(filled), "보고서_초안_2025-09-30.xlsx", data_dir=data)
    assert prepared.meta.edition == "2025-11-25" and prepared.previous.edition == SHIPPED.edition
    changed = prepared.figures[prepared.figures["shared"] & (prepared.figures["change"] != 0)]
    assert changed.empty  # the same figures as the 2025 report: records and papers agree
    pipeline.commit(prepared, data_dir=data, store_file=store_file)
    added = store.connect_read_only(store_file)
    try:
        editions = store.run_query(added, "report_editions")
        snapshot = store.run_query(added, "budget_snapshot_for_period", period_end=AS_OF)
    finally:
        added.close()
    assert editions["edition"].tolist() == ["2025-11-25", SHIPPED.edition]
    # Two reports as of the same day: the later one's figures stand for it (and agree with the first).
    assert snapshot["edition"].tolist() == ["2025-11-25"]
