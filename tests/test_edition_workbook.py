"""The edition workbook: a template generated from the schema, the 2025 report exported to it and read
back identical, and every broken workbook refused with its sheet, row and column, the store unchanged."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from audit_dashboard import loader
from audit_dashboard.editions import pipeline, spec, workbook
from audit_dashboard.errors import DataError
from conftest import stored
from edition_support import column_of, edit, next_report_workbook, row_of, shipped_frames
from import_support import data_state, store_state


def sheets_of(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_the_template_has_a_guide_and_one_sheet_per_table_with_korean_headers_and_units():
    book = sheets_of(workbook.write())
    assert book.sheetnames[0] == "작성 안내"
    assert book.sheetnames[1:] == [s.sheet for s in spec.sheets()]
    assert len(book.sheetnames[1:]) == len(loader.report_tables()) == 17
    budget = book["예산현황"]
    assert [c.value for c in budget[1]] == ["단위사업 순번", "단위사업명", "예산액(천원)", "집행액(천원)",
                                           "집행률(%, 보고서 표기)", "보고서 위치"]
    assert budget.cell(1, 3).comment.text.startswith("정수, 0 이상, 필수")
    meta = book["보고서 정보"]
    assert [meta.cell(r, 1).value for r in range(2, 12)] == [
        "보고서 제목", "회기", "회기 시작일", "회기 종료일", "실적 기간 시작일", "실적 기간 종료일", "기준일(예산·인력)",
        "자치구", "부서", "원문 파일"]
    guide = " ".join(str(c.value) for row in book["작성 안내"].iter_rows() for c in row if c.value)
    assert "음수는 -1 또는 △1로" in guide and "「원문 차이」" in guide


def test_cells_that_take_one_of_a_few_values_offer_a_list():
    book = sheets_of(workbook.write())
    lists = {ws.title: {rule.formula1 for rule in ws.data_validations.dataValidation} for ws in book.worksheets}
    assert '"구비,시비"' in lists["사업별 재원"]
    assert '"징계,훈계 등,종결,진행"' in lists["공직비위 조사"]
    assert '"예,아니요"' in lists["사업"]
    assert '"예산현황,인력,주민합동순찰"' in lists["표의 계"]  # stored as codes, shown as words


def test_the_template_follows_the_schema_every_column_a_header_every_code_a_word():
    for sheet in spec.sheets():
        columns = [c.name for c in loader.report_tables()[sheet.table]]
        assert [c.name for c in sheet.columns] == columns, sheet.table
        assert all(c.header for c in sheet.columns)
        for column in sheet.columns:
            if (sheet.table, column.name) in spec.VALUE_LABELS:
                assert set(spec.VALUE_LABELS[(sheet.table, column.name)]) == set(column.choices), column.name


def test_the_2025_report_through_the_workbook_and_back_is_identical():
    frames = shipped_frames()
    back, places = workbook.read(workbook.write(frames), "보고서_2025.xlsx")
    assert set(back) == set(frames)
    for table, frame in frames.items():
        pd.testing.assert_frame_equal(back[table], frame, check_dtype=True, obj=table)
    assert places["budget_programmes"] == "보고서_2025.xlsx 「예산현황」 시트"


def test_an_added_editions_files_read_back_as_the_edition(tmp_path):
    from audit_dashboard.editions import folders
    from edition_support import next_report

    frames = next_report()
    folders.write_tables(frames, tmp_path / "edition")
    back = loader.load_report(tmp_path / "edition")
    for table in frames:
        pd.testing.assert_frame_equal(back[table], frames[table], obj=table)


def test_a_template_filled_in_by_hand_reads_as_the_edition_it_was_filled_with():
    from edition_support import next_report

    frames, _ = workbook.read(next_report_workbook(), "보고서_2026.xlsx")
    expected = next_report()
    for table in expected:
        pd.testing.assert_frame_equal(frames[table], expected[table], obj=table)
    assert frames["staffing"].set_index(["staff_group", "grade"]).loc[("일반직", "8급"), "surplus_printed"] == -1  # typed △1


# --- refused workbooks: the message names sheet, row and column; nothing is stored ------------------

def refused(workspace, content: bytes, file: str = "보고서_2026.xlsx") -> str:
    data, store_file = workspace
    before_data, before_store = data_state(data), stored(store_file)
    with pytest.raises(DataError) as caught:
        pipeline.prepare(content, file, data_dir=data)
    assert data_state(data) == before_data and stored(store_file) == before_store
    assert not (data / "editions").exists() or not any((data / "editions").iterdir())
    return caught.value.korean()


def test_a_wrong_total_is_named_by_sheet_row_and_column(workspace):
    def wrong(ws):
        row = row_of(ws, "단위사업명", "기본경비")
        ws.cell(row, column_of(ws, "예산액(천원)")).value = 91124  # 100 more than printed, 계 unchanged
    message = refused(workspace, edit(next_report_workbook(), "예산현황", wrong))
    assert message.startswith("보고서_2026.xlsx 「표의 계」 시트 2행 '계(천원·명·건·회·%)' 열: 예산현황 예산액 계 271,988이")
    assert "보고서_2026.xlsx 「예산현황」 시트 2~7행의 '예산액(천원)' 합계 272,088과 다릅니다(차이 △100)" in message


def test_a_missing_sheet_is_named(workspace):
    def without(content):
        book = sheets_of(content)
        del book["순찰 실적"]
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    message = refused(workspace, without(next_report_workbook()))
    assert message == ("보고서_2026.xlsx: 시트가 없습니다: 「순찰 실적」. 빈 시트도 지우지 말고 두어야 합니다.")


def test_a_renamed_header_is_named_with_its_column(workspace):
    def rename(ws):
        ws.cell(1, column_of(ws, "집행액(천원)")).value = "집행(천원)"
    message = refused(workspace, edit(next_report_workbook(), "예산현황", rename))
    assert message == ("보고서_2026.xlsx 「예산현황」 시트 1행: 머리글이 서식과 다릅니다. 없는 열: '집행액(천원)'. "
                       "알 수 없는 열: '집행(천원)'(D열). 시트의 머리글은 서식 그대로 두어야 합니다.")


def test_text_in_a_number_cell_is_named_by_sheet_row_and_column(workspace):
    def text(ws):
        ws.cell(row_of(ws, "접수 경로", "응답소"), column_of(ws, "접수(건)")).value = "약 350"
    message = refused(workspace, edit(next_report_workbook(), "고충민원 접수 경로", text))
    row = row_of(sheets_of(next_report_workbook())["고충민원 접수 경로"], "접수 경로", "응답소")
    assert message == (f"보고서_2026.xlsx 「고충민원 접수 경로」 시트 {row}행 '접수(건)' 열: "
                       "숫자가 아닙니다: '약 350' (정수만 적습니다. 금액은 천원 단위)")


def test_a_value_not_on_the_list_is_refused_with_the_values_allowed(workspace):
    def other(ws):
        ws.cell(2, column_of(ws, "재원")).value = "국비"
    message = refused(workspace, edit(next_report_workbook(), "사업별 재원", other))
    assert message == "보고서_2026.xlsx 「사업별 재원」 시트 2행 '재원' 열: 목록에 없는 값입니다: '국비'. 고를 수 있는 값: 구비, 시비"


def test_a_staffing_shortfall_that_is_not_current_minus_authorized_is_named(workspace):
    def off(ws):
        ws.cell(row_of(ws, "직급", "8급"), column_of(ws, "과부족(명, 현원 − 정원)")).value = "△2"
    message = refused(workspace, edit(next_report_workbook(), "인력", off))
    assert "보고서_2026.xlsx 「인력」 시트" in message and "'과부족(명, 현원 − 정원)' 열: 일반직 8급 과부족 △2가" in message


def test_an_undeclared_difference_between_the_budget_groupings_is_refused(workspace):
    def forget(ws):
        ws.delete_rows(2, ws.max_row)  # the declared differences of the source, all gone
    message = refused(workspace, edit(next_report_workbook(), "원문 차이", forget))
    assert message.startswith("보고서_2026.xlsx 「원문 차이」 시트: 단위사업별 예산과 사업별 예산의 차이가 선언과 다릅니다")
    assert "청렴하고 투명한 감사행정 예산액: 단위사업 129,680 ≠ 사업별 127,900" in message


def test_the_same_session_twice_is_refused(workspace):
    def same(ws):
        rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
        ws.cell(rows["회기 시작일"], 2).value = "2025. 10. 17."
        ws.cell(rows["회기 종료일"], 2).value = "2025. 10. 27."
    message = refused(workspace, edit(next_report_workbook(), "보고서 정보", same))
    assert "회기 시작일이 같은 보고서(2025년 주요업무 보고(제265회 구의회 임시회), data/report)가 이미 있습니다" in message


def test_a_file_that_is_not_a_workbook_is_refused(workspace):
    message = refused(workspace, "항목,값\n보고서 제목,2026\n".encode("utf-8"), "보고서.csv")
    assert message.startswith("보고서.csv: 엑셀 통합문서(.xlsx)가 아닙니다")
