"""The change log as the department reads it afterwards: every change of data, in order, with its time,
who, file, content hash and rows; a refused change leaves no line; concurrent writers never mix lines;
the CSV opens in Excel with Korean headings, newest first."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import multiprocessing
import threading

import pytest

from audit_dashboard import changes
from audit_dashboard.errors import DataError
from audit_dashboard.importer import batches, pipeline
from backup_support import JEONJU, JUNE, OWN_TARGET, SCENARIO_ACTIONS, VOC, department_at_work
from import_support import real_file


@pytest.fixture(scope="module")
def worked(tmp_path_factory, shipped_data, built_store):
    """A machine after the department's scenario (backup_support.department_at_work)."""
    from backup_support import copy_machine

    data, store_file = copy_machine(shipped_data, built_store, tmp_path_factory.mktemp("worked"))
    department_at_work(data, store_file)
    return data, store_file


def test_the_log_lists_every_change_of_the_scenario_in_order(worked):
    data, _ = worked
    log = changes.entries(data)
    assert [c.action for c in log] == SCENARIO_ACTIONS
    assert [c.label for c in log] == ["부서 코드표 저장", "매핑 저장", "기록 가져오기", "매핑 저장", "기록 가져오기",
                                      "매핑 저장", "기록 가져오기", "기록 가져오기", "가져오기 되돌리기", "목표 변경"]
    assert [c.file for c in log] == [
        "budget_departments.csv", "mappings/도로공사_VOC_대장.json", VOC[1], "mappings/전주시_불법투기_단속.json", JEONJU[1],
        "mappings/지방재정365_세부사업별_세출현황.json", JUNE[1], "잘못 올린 대장.csv", "잘못 올린 대장.csv", "targets.csv"]
    # Rows added and removed: 28 department codes; the VOC register's 647 complaints, 1,775 patrol sessions from
    # the Jeonju log, 44 budget lines of the June snapshot; two complaints imported by mistake and taken out again.
    assert [(c.rows_added, c.rows_removed) for c in log] == [
        (28, 0), (None, None), (647, None), (None, None), (1775, None), (None, None), (44, None), (2, None),
        (None, 2), (None, None)]
    assert all(c.who.endswith("(명령줄)") for c in log)  # no page: the operating-system user
    times = [dt.datetime.fromisoformat(c.time) for c in log]
    assert times == sorted(times) and all(t.tzinfo is not None for t in times)
    assert len({c.id for c in log}) == len(log)


def test_each_line_carries_the_hash_of_what_changed(worked):
    data, _ = worked
    log = changes.entries(data)
    sha = lambda content: hashlib.sha256(content).hexdigest()  # noqa: E731
    assert log[0].content_hash == sha((data / "budget_departments.csv").read_bytes())
    assert log[1].content_hash == sha((data / "mappings" / "도로공사_VOC_대장.json").read_bytes())
    assert log[2].content_hash == sha(real_file(*VOC).read_bytes())  # the department's own file, as uploaded
    assert log[6].content_hash == sha(real_file(*JUNE).read_bytes())
    assert log[7].content_hash == log[8].content_hash  # the undo names the import it takes back
    assert log[9].content_hash == sha((data / "targets.csv").read_bytes())
    assert f"{OWN_TARGET}%" in log[9].detail


def test_a_refused_import_leaves_no_line(workspace):
    data, store_file = workspace
    with pytest.raises(DataError):
        pipeline.prepare("이름,나이\n홍길동,3\n".encode(), "엉뚱한.csv", "complaints", data_dir=data, store_file=store_file)
    assert changes.entries(data) == []


def test_the_data_manager_is_named_on_the_locked_pages(workspace):
    data, store_file = workspace
    with changes.acting_as(changes.MANAGER):
        committed = pipeline.commit(pipeline.prepare("접수번호,접수일자,등록채널\nW-1,2025-07-01,응답소\n".encode(),
                                                     "7월 대장.csv", "complaints", data_dir=data, store_file=store_file),
                                    data_dir=data, store_file=store_file)
    pipeline.undo(committed.batch.id, data_dir=data, store_file=store_file)
    assert [(c.label, c.who) for c in changes.entries(data)] == [
        ("기록 가져오기", "자료 관리자"), ("가져오기 되돌리기", changes.current_actor())]
    assert not batches.history(data, "complaints")


def _append_many(data_dir: str, writer: int, count: int) -> None:
    for n in range(count):
        changes.record("setting_changed", file="settings.csv", detail=f"쓰는 이 {writer} · {n}번째 " + "가" * 300,
                       data_dir=data_dir)


def test_writers_at_the_same_time_never_mix_their_lines(tmp_path):
    """Two processes and four threads append at once: every line whole, none lost, each writer's in its order."""
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_append_many, args=(str(tmp_path), w, 60)) for w in (0, 1)]
    threads = [threading.Thread(target=_append_many, args=(tmp_path, w, 60)) for w in (2, 3, 4, 5)]
    for worker in processes + threads:
        worker.start()
    for worker in processes + threads:
        worker.join()
    assert all(p.exitcode == 0 for p in processes)
    lines = changes.log_file(tmp_path).read_bytes().splitlines()
    found = changes.entries(tmp_path)
    assert len(lines) == len(found) == 6 * 60
    for writer in range(6):
        mine = [c.detail.split(" · ")[1] for c in found if c.detail.startswith(f"쓰는 이 {writer} ·")]
        assert mine == [f"{n}번째 " + "가" * 300 for n in range(60)]


def test_a_line_cut_short_by_a_crash_is_skipped_and_the_next_change_starts_a_line_of_its_own(tmp_path):
    changes.record("setting_changed", file="settings.csv", detail="첫째", data_dir=tmp_path)
    with changes.log_file(tmp_path).open("ab") as log:
        log.write('{"time": "2025-12-02T02:00:00+09:00", "action": "imp'.encode())  # the power went out
    changes.record("target_changed", file="targets.csv", detail="둘째", data_dir=tmp_path)
    assert [c.detail for c in changes.entries(tmp_path)] == ["첫째", "둘째"]


def test_only_known_actions_are_recorded(tmp_path):
    with pytest.raises(ValueError, match="변경 기록의 종류가 아닙니다"):
        changes.record("edited_by_hand", data_dir=tmp_path)
    assert not changes.log_file(tmp_path).exists()


def test_the_csv_opens_in_excel_newest_first_with_korean_headings(tmp_path):
    changes.record("edition_added", file="editions/2026-1", rows_added=120, detail="2026년 1분기 보고서", data_dir=tmp_path)
    changes.record("edition_removed", file="editions/2026-1", rows_removed=120, detail="=HYPERLINK(\"x\")",
                   data_dir=tmp_path)
    content = changes.as_csv(changes.entries(tmp_path))
    assert content.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == ["때", "한 일", "누가", "파일", "내용 해시(SHA-256)", "더한 행", "뺀 행", "내용", "코드", "기록 번호"]
    assert [r[1] for r in rows[1:]] == ["보고서 판 삭제", "보고서 판 추가"]
    assert rows[1][6] == "120" and rows[2][5] == "120"
    assert not rows[1][7].startswith("=")  # a cell Excel would run as a formula is written as text


def test_when_is_written_as_the_department_writes_dates():
    assert changes.when("2025-12-02T02:00:05+09:00") == "2025. 12. 2. 02:00:05"
