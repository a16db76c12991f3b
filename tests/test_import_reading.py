"""Reading exports as real systems write them: every encoding detected, workbooks old and new, the
header found below titles or stacked over rows, and a Korean message for what is not a table."""
import io
import zipfile

import pandas as pd
import pytest

from audit_dashboard.errors import DataError
from audit_dashboard.importer import header, reading
from import_support import real_file

REGISTER = "접수번호,접수일자,등록채널\nA-1,2025-07-01,응답소\nA-2,2025-07-02,전화·방문\n"


def table_of(content: bytes, name: str = "대장.csv", sheet: int = 0) -> header.Table:
    workbook = reading.read(content, name)
    return header.table(workbook.sheets[sheet], name)


@pytest.mark.parametrize("encoding, label", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("cp949", "CP949"),
                                             ("utf-16", "UTF-16")])
def test_every_usual_encoding_is_detected_never_asked(encoding, label):
    workbook = reading.read(REGISTER.encode(encoding), "대장.csv")
    assert workbook.form == f"CSV({label})"
    table = header.table(workbook.sheets[0], "대장.csv")
    assert table.columns == ["접수번호", "접수일자", "등록채널"]
    assert table.rows["등록채널"].tolist() == ["응답소", "전화·방문"]


def test_cp949_needs_cp949_not_euc_kr():
    text = "접수일자,처리부서\n2025-01-01,똠방각하과\n"  # 똠 is outside EUC-KR
    assert table_of(text.encode("cp949")).rows["처리부서"].tolist() == ["똠방각하과"]


def test_a_few_undecodable_bytes_mark_their_rows_and_the_rest_reads():
    content = ("접수일자,등록채널\n2025-07-01,응답소\n".encode() + b"2025-07-02,\xff\xfe\xfd\n"
               + "2025-07-03,응답소\n".encode())
    table = table_of(content)
    assert table.bad_rows == {3}
    assert table.rows.loc[4, "등록채널"] == "응답소"


def test_the_header_is_found_below_title_rows_and_row_numbers_stay_the_sheets():
    content = "민원 처리 현황(2025년 7월)\n\n접수일자,등록채널\n2025-07-01,응답소\n\n2025-07-02,응답소\n".encode()
    table = table_of(content)
    assert table.header_rows == [3]
    assert table.rows.index.tolist() == [4, 6]  # the blank line 5 is not a record, and not renumbered away


def test_a_stacked_header_is_read_top_to_bottom():
    path = real_file("kr_complaints_seoul_stats", "민원사무처리현황(2021년이후)_20260108170347.csv")
    table = table_of(path.read_bytes(), path.name)
    assert table.header_rows == [1, 2, 3, 4]
    assert table.columns[:3] == ["자치구별(1)", "자치구별(2)", "2023 총계 소계"]
    assert table.rows.iloc[0]["자치구별(1)"] == "합계"


def test_the_same_table_in_cp949_and_in_utf8_with_bom_reads_the_same():
    cp949 = real_file("kr_complaints_seoul_stats", "서울시 스마트 불편신고 분야별 신고 현황_2025년_08월.csv")
    bom = real_file("kr_complaints_seoul_stats", "서울시 스마트 불편신고 분야별 신고 현황_2025년_12월.csv")
    first, second = table_of(cp949.read_bytes(), cp949.name), table_of(bom.read_bytes(), bom.name)
    assert reading.read(cp949.read_bytes(), cp949.name).form == "CSV(CP949)"
    assert reading.read(bom.read_bytes(), bom.name).form == "CSV(UTF-8)"
    assert first.columns == second.columns
    assert first.rows.iloc[:10].equals(second.rows.iloc[:10])


def test_a_legacy_xls_workbook_opens_with_its_date_cells():
    path = real_file("kr_complaints_ex_voc_records", "민원처리현황.xls")
    workbook = reading.read(path.read_bytes(), path.name)
    assert workbook.form == "XLS" and workbook.sheet_names == ["민원처리현황", "data"]
    table = header.table(workbook.sheets[0], path.name)
    assert len(table.rows) == 647 and "CHANNEL" in table.columns
    assert pd.Timestamp(table.rows.iloc[0]["DATE"]).year == 2023


def _workbook_a_strict_reader_refuses(tmp_path) -> bytes:
    """An .xlsx whose styles part is broken, as some systems write them: openpyxl's normal mode refuses it."""
    good = tmp_path / "good.xlsx"
    pd.DataFrame({"접수일자": ["2025-07-01", "2025-07-02"], "등록채널": ["응답소", "응답소"]}).to_excel(good, index=False)
    out = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(b"<fonts", b"<fonts count=\"x\"", 1).replace(b"<cellXfs", b"<cellXfs count=\"1x\"", 1)
            target.writestr(item, data)
    return out.getvalue()


def test_a_workbook_only_a_read_only_reader_opens_still_opens(tmp_path):
    from openpyxl import load_workbook

    content = _workbook_a_strict_reader_refuses(tmp_path)
    with pytest.raises(Exception):
        load_workbook(io.BytesIO(content))
    table = table_of(content, "엄격한판독기가거부하는.xlsx")
    assert table.rows["등록채널"].tolist() == ["응답소", "응답소"]


@pytest.mark.parametrize("content, message", [
    (b"", "빈 파일입니다"),
    (b"  \n\n", "빈 파일입니다"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "표가 아닙니다"),
    ("한 줄짜리 메모입니다\n두 번째 줄\n".encode(), "표가 아닙니다"),
    (b"PK\x03\x04garbage", "엑셀 파일을 열 수 없습니다"),
])
def test_what_is_not_a_table_gets_a_korean_message_naming_the_file(content, message):
    name = "받은파일.xlsx" if content.startswith(b"PK") else "받은파일.csv"
    with pytest.raises(DataError) as caught:
        reading.read(content, name)
    assert caught.value.korean().startswith(name) and message in caught.value.korean()


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(reading, "MAX_MEGABYTES", 1)
    with pytest.raises(DataError, match="큰대장.csv: 파일이 너무 큽니다"):
        reading.read(b"a,b\n" + b"1,2\n" * 300_000, "큰대장.csv")


def test_json_snapshots_and_gzipped_json_lines_are_tables():
    snapshot = real_file("kr_budget_execution", "지방재정365_세부사업별세출현황_무주군_2026_20260630.json")
    ledger = real_file("kr_budget_execution", "무주군_지출원장_민원봉사과.jsonl.gz")
    assert len(table_of(snapshot.read_bytes(), snapshot.name).rows) == 1712
    assert table_of(ledger.read_bytes(), ledger.name).columns[:3] == ["번호", "회계구분", "부서명"]
