"""An import from the manager's side: the proposed mapping, every problem seen before anything is
written, repeats never counted twice, and undo leaving the store exactly as before."""
import pandas as pd
import pytest

from audit_dashboard.errors import DataError
from audit_dashboard.importer import batches, kinds, mapping as mappings, pipeline
from audit_dashboard.importer.mapping import Source
from conftest import stored
from import_support import data_state, imported, store_state

SAEOL = ("민원번호,접수일자,접수경로,처리부서,처리상태,처리일자,민원인성명,연락처\n"
         "S-1,2025.07.01,전화·방문,도로과,완료,2025.07.03,홍길동,010-1234-5678\n"
         "S-2,2025.07.02,응답소,건축과,처리중,,김영희,02-123-4567\n"
         "S-3,2025-07-03 오후 2:10:00,구청장에게 바란다,청소행정과,종결,2025-07-10,이철수,010-9876-5432\n")

# An English-headed 311 export: MM/DD/YYYY hh:mm:ss AM dates, statuses in English, Agency for department.
SERVICE_311 = ("Unique Key,Created Date,Closed Date,Agency,Complaint Type,Status,Due Date,Open Data Channel Type\n"
               "59893,05/01/2022 12:00:03 AM,05/01/2022 01:10:00 AM,NYPD,Noise - Residential,Closed,,PHONE\n"
               "59894,05/01/2022 09:15:00 AM,,DSNY,Dirty Condition,In Progress,05/08/2022 09:15:00 AM,ONLINE\n"
               "59895,05/02/2022 10:00:00 PM,05/03/2022 08:00:00 AM,DOT,Street Condition,Closed,,MOBILE\n")

# A question-and-answer export: 질문날짜/답변날짜, no channel column at all.
QNA = ("번호,제목,질문날짜,답변날짜,답변부서,작성자\n"
       "1,가로등 고장,2025-08-01,2025-08-03,도로과,박민수\n"
       "2,쓰레기 불법투기,2025-08-02,,청소행정과,최지은\n")


def prepare(workspace, text, name="대장.csv", chosen=None, encoding="utf-8"):
    data, store_file = workspace
    return pipeline.prepare(text.encode(encoding), name, "complaints", chosen, data_dir=data, store_file=store_file)


def commit(workspace, prepared):
    data, store_file = workspace
    return pipeline.commit(prepared, data_dir=data, store_file=store_file)


def test_korean_headers_are_mapped_and_every_field_named_in_korean(workspace):
    p = prepare(workspace, SAEOL, encoding="cp949")
    sources = {f.label: p.mapping.source(f.key).describe() for f in kinds.kind("complaints").FIELDS}
    assert sources["접수번호"] == "열 「민원번호」" and sources["접수 경로"] == "열 「접수경로」"
    assert sources["처리일자"] == "열 「처리일자」" and sources["처리일수"] == "계산"
    assert len(p.to_add) == 3 and p.rejected == 0


def test_personal_columns_are_never_read_into_the_store(workspace):
    p = prepare(workspace, SAEOL)
    committed = commit(workspace, p)
    stored_text = imported(workspace[1]).astype(str).to_string()
    batch_text = committed.batch.path.read_bytes().decode("utf-8", "ignore")
    for personal in ("홍길동", "김영희", "이철수", "010-1234-5678", "02-123-4567", "1234-5678"):
        assert personal not in stored_text and personal not in batch_text


def test_an_english_311_export_maps_on_its_own_names(workspace):
    p = prepare(workspace, SERVICE_311, "311_Service_Requests.csv")
    assert p.mapping.source("record_key").column == "Unique Key"
    assert p.mapping.source("department").column == "Agency"
    assert p.mapping.source("channel").column == "Open Data Channel Type"
    assert p.rejected == 0
    by_key = p.to_add.set_index("record_key")
    assert by_key.loc["59893", "received_date"] == pd.Timestamp("2022-05-01")
    assert by_key.loc["59894", "status"] == "처리중" and by_key.loc["59895", "status"] == "처리완료"
    assert by_key.loc["59895", "processing_days"] == 1
    assert any("월과 일의 순서" in w.reason for w in p.warnings)  # 05/01/2022 cannot settle it


def test_a_register_without_a_channel_column_takes_one_value_for_the_whole_file(workspace):
    with pytest.raises(DataError, match="꼭 필요한 항목을 정하지 않았습니다: 접수 경로"):
        prepare(workspace, QNA, "질의응답.csv")
    first = pipeline.table_of(QNA.encode(), "질의응답.csv", "complaints")
    proposal = pipeline.proposal(kinds.kind("complaints"), first)
    assert proposal.source("received_date").column == "질문날짜"
    assert proposal.source("closed_date").column == "답변날짜"
    chosen = proposal.with_source("channel", Source(value="응답소")).with_source("department", Source(column="답변부서"))
    p = prepare(workspace, QNA, "질의응답.csv", chosen)
    assert p.rejected == 0 and set(p.to_add["channel"]) == {"응답소"}
    assert p.to_add["status"].tolist() == ["처리완료", "처리중"]  # derived from the answer date


def test_every_problem_is_listed_in_one_pass_before_anything_is_written(workspace):
    data, store_file = workspace
    before_store, before_data = stored(store_file), data_state(data)
    text = ("접수번호,접수일자,등록채널,처리상태,처리일자\n"
            "B-1,2025-07-01,응답소,완료,2025-07-02\n"
            "B-2,2025-13-45,응답소,완료,2025-07-02\n"       # no such date
            "B-3,2025-07-03,,완료,2025-07-04\n"             # channel missing
            "B-4,2025-07-04,응답소,보류,\n"                 # unknown status
            "B-5,1999-12-31,응답소,완료,2000-01-03\n"       # before 2000
            "B-6,2999-01-01,응답소,처리중,\n"               # in the future
            "B-7,2025-07-10,응답소,완료,2025-07-09\n"       # closed before received
            "B-8,2025-07-11,응답소,완료,\n"                 # 처리완료 with no closing date: a warning
            "B-1,2025-07-12,응답소,완료,2025-07-12\n")      # the same number again
    p = prepare(workspace, text, "잘못된대장.csv")
    reasons = {(r.row, r.field): r.reason for r in p.rejects.itertuples()}
    assert reasons[(3, "접수일자")].startswith("날짜로 읽을 수 없습니다")
    assert reasons[(4, "접수 경로")] == "접수 경로가 비어 있습니다(필수 항목)."
    assert reasons[(5, "처리상태")].startswith("처리상태 값을 알 수 없습니다")
    assert reasons[(6, "접수일자")] == "2000년 이전 날짜입니다."
    assert reasons[(7, "접수일자")] == "오늘보다 뒤의 날짜입니다."
    assert reasons[(8, "처리일자")] == "처리일자가 접수일자보다 앞섭니다."
    assert reasons[(10, "접수번호")] == "같은 파일에 접수번호와 처리부서가 같은 행이 먼저 있습니다."
    assert p.rejected == 7 and len(p.to_add) == 2
    assert [(w.reason, w.rows) for w in p.warnings] == [("처리완료인데 처리일자가 없습니다.", [9])]
    csv = p.rejects_csv().decode("utf-8-sig").splitlines()
    assert csv[0] == "파일,시트,행,열,항목,값,사유" and "잘못된대장.csv,,3,접수일자,접수일자,2025-13-45," in csv[1]
    assert stored(store_file) == before_store and data_state(data) == before_data


def test_an_unknown_status_is_answered_once_and_the_answer_kept_with_the_mapping(workspace):
    data, _ = workspace
    text = "접수일자,등록채널,처리상태\n2025-07-01,응답소,보류\n2025-07-02,응답소,보류\n2025-07-03,응답소,중복\n"
    first = prepare(workspace, text, "상태.csv")
    listing = first.choices["status"].set_index("written")
    assert listing.loc["보류", "count"] == 2 and listing.loc["보류", "how"] == "알 수 없음"
    answered = first.mapping.with_values("status", {"보류": "처리중", "중복": "(가져오지 않음)"})
    p = prepare(workspace, text, "상태.csv", answered)
    assert p.rejected == 0 and p.skipped == 1 and p.to_add["status"].tolist() == ["처리중", "처리중"]
    mappings.save(p.mapping, kinds.kind("complaints"), "상태 대장", data)
    again = prepare(workspace, text, "상태_새달.csv")
    assert again.mapping_offered == "상태 대장" and again.rejected == 0 and again.skipped == 1


def test_a_new_channel_is_kept_and_a_known_spelling_becomes_ours(workspace):
    text = "접수일자,등록채널\n2025-07-01,국민신문고\n2025-07-02,전화\n2025-07-03, 구청장에게바란다 \n"
    p = prepare(workspace, text)
    assert p.to_add["channel"].tolist() == ["국민신문고", "전화·방문", "구청장에게 바란다"]
    assert p.choices["channel"].set_index("written").loc["국민신문고", "how"] == "새 값"


def test_the_same_file_renamed_adds_nothing_even_without_numbers(workspace):
    data, store_file = workspace
    text = ("접수일자,등록채널,처리부서\n"
            "2025-07-01 09:00,응답소,도로과\n2025-07-01 09:00,응답소,도로과\n2025-07-02 10:00,응답소,건축과\n")
    first = commit(workspace, prepare(workspace, text, "7월대장.csv"))
    assert first.added == 3  # two identical rows are two complaints
    before = store_state(store_file)
    again = prepare(workspace, text, "7월대장_사본.csv")
    assert len(again.to_add) == 0 and int(again.stored.sum()) == 3 and again.earlier[0].file == "7월대장.csv"
    assert commit(workspace, again).batch is None
    assert store_state(store_file) == before and len(batches.history(data)) == 1


def test_a_number_handled_by_two_departments_is_the_same_complaint_in_either_shape(workspace):
    # 복합민원: one 접수번호, one row per department. A later export that lists the number once (or the
    # other way round) holds the same complaint, so it is counted as stored, never twice.
    shared = "접수번호,접수일자,등록채널,처리부서\nD-1,2025-06-01,응답소,도로과\nD-1,2025-06-01,응답소,건축과\nD-2,2025-06-02,응답소,도로과\n"
    commit(workspace, prepare(workspace, shared, "6월_복합.csv"))
    single = "접수번호,접수일자,등록채널,처리부서\nD-1,2025-06-01,응답소,도로과\nD-3,2025-06-03,응답소,도로과\n"
    p = prepare(workspace, single, "6월_단일.csv")
    assert p.stored.tolist() == [True, False] and p.to_add["record_key"].tolist() == ["D-3"]
    commit(workspace, p)
    split_later = "접수번호,접수일자,등록채널,처리부서\nD-3,2025-06-03,응답소,도로과\nD-3,2025-06-03,응답소,세무1과\n"
    assert prepare(workspace, split_later, "6월_다시.csv").stored.tolist() == [True, True]


def test_overlapping_exports_add_only_what_is_new(workspace):
    june = "접수번호,접수일자,등록채널\nC-1,2025-06-01,응답소\nC-2,2025-06-15,응답소\n"
    june_july = june + "C-3,2025-07-01,응답소\n"
    commit(workspace, prepare(workspace, june, "6월.csv"))
    p = prepare(workspace, june_july, "6-7월.csv")
    assert int(p.stored.sum()) == 2 and p.to_add["record_key"].tolist() == ["C-3"]
    commit(workspace, p)
    assert sorted(imported(workspace[1])["record_key"]) == ["C-1", "C-2", "C-3"]


def test_undo_leaves_the_store_and_data_exactly_as_before_the_import(workspace):
    data, store_file = workspace
    before_store, before_data = store_state(store_file), data_state(data)
    committed = commit(workspace, prepare(workspace, SAEOL))
    assert store_state(store_file) != before_store
    pipeline.undo(committed.batch.id, data_dir=data, store_file=store_file)
    assert store_state(store_file) == before_store
    assert data_state(data) == before_data


def test_imported_complaints_of_a_kind_retire_the_samples_of_that_kind(workspace):
    commit(workspace, prepare(workspace, SAEOL))
    complaints = imported(workspace[1])
    from import_support import rows

    everything = rows(workspace[1])
    assert set(everything.loc[everything["complaint_kind"] == "고충민원", "source"]) == {"import"}
    assert set(everything.loc[everything["complaint_kind"] == "응답소 현장민원", "source"]) == {"sample"}
    assert len(complaints) == 3


def test_a_failing_rebuild_leaves_no_batch_behind(workspace, monkeypatch):
    data, store_file = workspace
    before = stored(store_file)
    from audit_dashboard import build

    def broken(*args, **kwargs):
        raise DataError("저장소", None, None, "시험용 실패")

    monkeypatch.setattr(build, "build", broken)
    with pytest.raises(DataError, match="시험용 실패"):
        commit(workspace, prepare(workspace, SAEOL))
    assert batches.history(data) == [] and stored(store_file) == before
