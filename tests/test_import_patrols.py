"""Patrol records from real enforcement logs (../shared/realdata/kr_inspection_enforcement): findings
logs become sessions by date, 동 and kind, only the 동 of an address is kept, and re-imports add nothing."""
import pandas as pd
import pytest

from audit_dashboard.importer import kinds, mapping as mappings, pipeline
from audit_dashboard.importer.mapping import Source
from audit_dashboard.importer.patrols import FINDINGS, LOG, NO_AREA, area_of
from import_support import data_state, real_file, rows, store_state

FOLDER = "kr_inspection_enforcement"
GANGNAM = "서울특별시 강남구_쓰레기무단투기적발내역_20231231.csv"
JEONJU = "전북특별자치도 전주시_쓰레기 불법투기 단속 현황_20250214.csv"
PATROLS = kinds.kind("patrols")


def saved_mapping(path, workspace, name: str, **changes):
    data, store_file = workspace
    table = pipeline.table_of(path.read_bytes(), path.name, "patrols")
    chosen = pipeline.proposal(PATROLS, table)
    for key, source in changes.items():
        chosen = chosen.with_source(key, source)
    mappings.save(chosen, PATROLS, name, data)
    return mappings.load(name, kinds.KINDS, data)


def prepare(path, workspace, chosen=None):
    data, store_file = workspace
    return pipeline.prepare(path.read_bytes(), path.name, "patrols", chosen, data_dir=data, store_file=store_file)


@pytest.mark.parametrize("written, area", [
    ("대치동 선릉로424", "대치동"), ("완산구 효자동2가 1225", "효자동2가"), ("신길제1동", "신길제1동"),
    ("강남역 11번출구", NO_AREA), ("완산구 중산중앙로 30, 진안꽃돼지", NO_AREA), ("", NO_AREA), ("테헤란로", NO_AREA),
])
def test_only_the_dong_of_an_address_is_kept(written, area):
    assert area_of(written) == area


def test_the_gangnam_findings_log_in_cp949_becomes_sessions(workspace):
    data, store_file = workspace
    path = real_file(FOLDER, GANGNAM)
    chosen = saved_mapping(path, workspace, "강남구 무단투기 적발", patrol_kind=Source(value="상시순찰"))
    p = prepare(path, workspace, chosen)
    source = pd.read_csv(path, encoding="cp949", dtype=str, keep_default_na=False)
    assert p.form == "CSV(CP949)" and p.total == len(source) == 28_319
    # Rows whose 위반일시 is no date (the file has garbled ones such as '20220-12-71 12:10') are rejected by number.
    stamps = pd.to_datetime(source["위반일시"], format="%Y-%m-%d %H:%M", errors="coerce")
    bad = source.index[stamps.isna()] + 2
    assert set(p.rejects["file_row"]) == set(bad) and p.rejected == len(bad)
    good = source[stamps.notna()].assign(date=stamps.dt.normalize(), area=lambda f: f["위반장소"].map(area_of))
    sessions = good.groupby(["date", "area"]).size()
    assert len(p.to_add) == len(sessions) and int(p.to_add["findings"].sum()) == len(good)
    assert set(p.to_add["patrol_kind"]) == {"상시순찰"} and set(p.to_add["patrol_group"]) == {"상시순찰"}
    assert p.to_add["findings_resolved"].isna().all()  # the log says nothing of follow-up
    pipeline.commit(p, data_dir=data, store_file=store_file)
    stored = rows(store_file, "patrol_sessions")
    assert set(stored["source"]) == {"import"}  # the sample sessions retire
    stored_text = stored.astype(str).to_string()
    for place in ("선릉로424", "테헤란로424", "담배꽁초"):
        assert place not in stored_text


def test_the_jeonju_log_with_an_empty_time_column_imports_and_again_adds_nothing(workspace):
    data, store_file = workspace
    path = real_file(FOLDER, JEONJU)
    chosen = saved_mapping(path, workspace, "전주시 불법투기 단속", patrol_kind=Source(value="상시순찰"))
    p = prepare(path, workspace, chosen)
    source = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert p.form == "CSV(UTF-8)" and p.total == len(source) and p.rejected == 0
    assert source["위반시간"].eq("").mean() > 0.5  # mostly empty: not needed, not mapped
    sessions = source.assign(area=source["위반장소"].map(area_of)).groupby(["위반일자", "area"]).size()
    assert len(p.to_add) == len(sessions) and int(p.to_add["findings"].sum()) == len(source)
    unknown = [w for w in p.warnings if w.reason.startswith("동을 알 수 없는")]
    assert unknown[0].count == int((source["위반장소"].map(area_of) == NO_AREA).sum())
    pipeline.commit(p, data_dir=data, store_file=store_file)
    before = store_state(store_file)
    again = prepare(path, workspace)  # the saved mapping is offered for the same header
    assert again.mapping_offered == "전주시 불법투기 단속" and len(again.to_add) == 0
    assert int(again.stored.sum()) == len(sessions)
    assert pipeline.commit(again, data_dir=data, store_file=store_file).batch is None
    assert store_state(store_file) == before


def test_a_patrol_log_with_counts_and_follow_up(workspace):
    data, store_file = workspace
    text = ("순찰일자,순찰종류,동,적출건수,조치건수\n2025-07-01,기획순찰,신길1동,5,5\n2025-07-02,동네한바퀴,대림2동,3,1\n"
            "2025-07-03,합동순찰,당산1동,2,3\n2025-07-04,보물찾기,문래동,1,0\n")
    table = pipeline.table_of(text.encode(), "순찰일지.csv", "patrols")
    chosen = pipeline.proposal(PATROLS, table).with_source("shape", Source(value=LOG))
    p = pipeline.prepare(text.encode(), "순찰일지.csv", "patrols", chosen, data_dir=data, store_file=store_file)
    reasons = {(r.file_row, r.field): r.reason for r in p.rejects.itertuples()}
    assert reasons[(4, "조치 완료 건수")] == "조치 완료 건수가 적출 건수보다 많습니다."
    assert reasons[(5, "순찰 종류")].startswith("순찰 종류 값을 알 수 없습니다")
    assert p.to_add[["patrol_kind", "findings", "findings_resolved", "follow_up_status"]].values.tolist() == [
        ["기획순찰", 5, 5, "조치완료"], ["동네한바퀴", 3, 1, "조치중"]]


def test_undo_of_a_patrol_import_brings_the_samples_back_exactly(workspace):
    data, store_file = workspace
    before_store, before_data = store_state(store_file), data_state(data)
    path = real_file(FOLDER, JEONJU)
    table = pipeline.table_of(path.read_bytes(), path.name, "patrols")
    chosen = pipeline.proposal(PATROLS, table).with_source("patrol_kind", Source(value="상시순찰"))
    committed = pipeline.commit(prepare(path, workspace, chosen), data_dir=data, store_file=store_file)
    pipeline.undo(committed.batch.id, data_dir=data, store_file=store_file)
    assert store_state(store_file) == before_store and data_state(data) == before_data
