"""Real complaint registers written by others (../shared/realdata) go in through saved mappings, as a
data manager would bring them: counts checked against the files themselves, names never stored."""
import re

import pandas as pd
import pytest

from audit_dashboard.importer import kinds, mapping as mappings, pipeline
from audit_dashboard.importer.mapping import Source
from import_support import imported, real_file

FOLDER = "kr_complaints_ex_voc_records"
COMPLAINTS = kinds.kind("complaints")


@pytest.fixture
def voc_csv():
    return real_file(FOLDER, "민원처리현황.csv")


@pytest.fixture
def voc_xls():
    return real_file(FOLDER, "민원처리현황.xls")


def save_proposal(path, workspace, name, **changes):
    """What the manager does on screen: take the proposal, change what needs changing, save it."""
    data, store_file = workspace
    table = pipeline.table_of(path.read_bytes(), path.name, "complaints")
    chosen = pipeline.proposal(COMPLAINTS, table)
    for key, source in changes.items():
        chosen = chosen.with_source(key, source)
    mappings.save(pipeline.prepare(path.read_bytes(), path.name, "complaints", chosen, data_dir=data,
                                   store_file=store_file).mapping, COMPLAINTS, name, data)


def test_the_voc_register_imports_through_its_saved_mapping(workspace, voc_csv):
    data, store_file = workspace
    save_proposal(voc_csv, workspace, "도로공사 VOC 대장")
    source = pd.read_csv(voc_csv, dtype=str, keep_default_na=False)
    p = pipeline.prepare(voc_csv.read_bytes(), voc_csv.name, "complaints", mappings.load("도로공사 VOC 대장", kinds.KINDS, data),
                         data_dir=data, store_file=store_file)
    assert p.total == len(source) == 647
    assert len(p.to_add) == 647 and p.rejected == 0
    # 처리완료 rows without 처리일시 are stored but said to count as neither closed nor open.
    no_close = source.index[(source["모니터링구분"] == "처리완료") & (source["처리일시"] == "")] + 2
    assert [w.rows for w in p.warnings if w.reason.startswith("처리완료인데")] == [list(no_close)]
    pipeline.commit(p, data_dir=data, store_file=store_file)
    rows = imported(store_file)
    channel = source["등록채널"].replace({"전화": "전화·방문"})  # the one spelling our own channel list knows
    assert rows["channel"].value_counts().to_dict() == channel.value_counts().to_dict()
    assert (rows["received_date"].min().date().isoformat(), rows["received_date"].max().date().isoformat()) \
        == ("2023-01-02", "2023-12-29")
    # 복합민원: one number handled by two departments stays two handling rows.
    assert sorted(rows.loc[rows["record_key"].str.startswith("2023010257"), "record_key"]) == \
        ["2023010257/구례지사 도로안전팀", "2023010257/담양지사 고객지원팀"]


def test_no_staff_name_or_phone_number_from_the_register_is_stored(workspace, voc_csv):
    data, store_file = workspace
    p = pipeline.prepare(voc_csv.read_bytes(), voc_csv.name, "complaints", data_dir=data, store_file=store_file)
    committed = pipeline.commit(p, data_dir=data, store_file=store_file)
    source = pd.read_csv(voc_csv, dtype=str, keep_default_na=False)
    staff = set(source["처리자성명"]) - {""}
    phones = {m for text in source.astype(str).stack() for m in re.findall(r"0\d{1,2}-\d{3,4}-\d{4}", text)}
    stored_text = imported(store_file).astype(str).to_string()
    batch_text = committed.batch.path.read_bytes().decode("utf-8", "ignore")
    assert staff  # the file does name its staff
    for personal in staff | phones:
        assert personal not in stored_text and personal not in batch_text


def test_the_xls_reshape_of_the_same_register_needs_its_own_mapping_and_adds_nothing_new(workspace, voc_csv, voc_xls):
    data, store_file = workspace
    pipeline.commit(pipeline.prepare(voc_csv.read_bytes(), voc_csv.name, "complaints", data_dir=data,
                                     store_file=store_file), data_dir=data, store_file=store_file)
    # The re-shape has no status column (every complaint in it is closed) and the office in ORGAN.
    save_proposal(voc_xls, workspace, "도로공사 VOC 재구성", department=Source(column="ORGAN"),
                  status=Source(value="처리완료"))
    chosen = mappings.load("도로공사 VOC 재구성", kinds.KINDS, data)
    assert chosen.sheet == "민원처리현황"
    p = pipeline.prepare(voc_xls.read_bytes(), voc_xls.name, "complaints", chosen, data_dir=data, store_file=store_file)
    assert p.total == 647 and p.rejected == 0
    assert int(p.stored.sum()) == 647 and len(p.to_add) == 0  # the same complaints as the CSV
    assert set(p.to_add["channel"]) <= set()  # nothing to add
    # Padded channel cells (' 안전신문고 ') read as the channel itself.
    assert "안전신문고" in set(p.choices["channel"]["written"])


def test_the_xls_alone_imports_with_every_row_counted(workspace, voc_xls):
    data, store_file = workspace
    save_proposal(voc_xls, workspace, "도로공사 VOC 재구성", department=Source(column="ORGAN"),
                  status=Source(value="처리완료"))
    # Offered at once: the same header arrives again.
    p = pipeline.prepare(voc_xls.read_bytes(), "민원처리현황_12월.xls", "complaints", data_dir=data, store_file=store_file)
    assert p.mapping_offered == "도로공사 VOC 재구성"
    assert len(p.to_add) == 647 and p.rejected == 0
    warned = [w for w in p.warnings if w.reason.startswith("처리완료인데")]
    assert warned and warned[0].count == 647  # no closing dates in the re-shape: said, not hidden


def test_statistics_tables_are_not_registers_and_say_what_they_lack(workspace):
    data, store_file = workspace
    path = real_file("kr_complaints_seoul_stats", "민원사무처리현황(2021년이후)_20260108170347.csv")
    with pytest.raises(Exception) as caught:
        pipeline.prepare(path.read_bytes(), path.name, "complaints", data_dir=data, store_file=store_file)
    assert "꼭 필요한 항목을 정하지 않았습니다: 접수일자, 접수 경로" in str(caught.value)
