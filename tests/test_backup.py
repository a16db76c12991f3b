"""Backup and restore as the department needs them: the machine is lost tonight, and tomorrow last night's
archive brings back every figure on every page; a damaged, cut, foreign or newer archive is refused in
Korean and changes nothing; a failed rebuild puts everything back."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from audit_dashboard import VERSION, build, changes, paths
from audit_dashboard.backup import archive, locations, restore
from audit_dashboard.backup.__main__ import main as backup_cli
from audit_dashboard.errors import DataError
from audit_dashboard.importer import batches, pipeline
from backup_support import (SCENARIO_ACTIONS, actions, copy_machine, department_at_work, lose_the_machine,
                            page_answers, query_answers, without_member)
from conftest import ROOT, stored
from import_support import data_state, store_state


@pytest.fixture(scope="module")
def department(tmp_path_factory, shipped_data, built_store):
    """A machine after some days of the department's work (real imports through saved mappings, an undo, a target)."""
    data, store_file = copy_machine(shipped_data, built_store, tmp_path_factory.mktemp("department"))
    department_at_work(data, store_file)
    return data, store_file


@pytest.fixture
def machine(department, tmp_path):
    """This test's own copy of the department's machine."""
    return copy_machine(*department, tmp_path / "machine")


@pytest.fixture(scope="module")
def nightly(department, tmp_path_factory):
    """Last night's archive of the department's machine."""
    target = tmp_path_factory.mktemp("backup") / "audit-2025-12-01.zip"
    archive.create(target, *department)
    return target


def everything(data, store_file) -> tuple:
    """data/ (the change log too) and the store, to prove that nothing changed."""
    log = changes.log_file(data)
    return data_state(data), log.read_bytes() if log.exists() else None, stored(store_file)


def run_cli(*args, data, store_file, capsys, monkeypatch) -> tuple[int, str, str]:
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    code = backup_cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_manifest_lists_every_file_with_its_size_checksum_and_rows(department, nightly):
    data, _ = department
    made = archive.open_archive(nightly).manifest
    assert made.format == "감사 대시보드 백업" and made.format_version == 1 and made.product_version == VERSION
    assert made.created_at[:4].isdigit() and made.created_by.endswith("(명령줄)")
    on_disk = {p.relative_to(data).as_posix(): p for p in data.rglob("*") if p.is_file()
               and not p.relative_to(data).as_posix().startswith("report/") and not p.name.startswith(".")}
    assert {e.path for e in made.files} == set(on_disk)
    for entry in made.files:
        content = on_disk[entry.path].read_bytes()
        assert (entry.size, entry.sha256) == (len(content), hashlib.sha256(content).hexdigest()), entry.path
    rows = {e.path.split("/")[1] if e.path.startswith("imports/") else e.path: e.rows for e in made.files
            if e.path.endswith((".parquet", ".csv", ".jsonl"))}
    # 647 complaints of the VOC register; the Jeonju findings log as 1,775 patrol sessions; 44 budget lines.
    assert rows == {"complaints": 647, "patrols": 1775, "budget": 44, "budget_departments.csv": 28, "targets.csv": 7,
                    "settings.csv": 5, "readings.csv": 6, "changes.jsonl": len(SCENARIO_ACTIONS)}
    assert sum(e.path.startswith("mappings/") for e in made.files) == 3
    with zipfile.ZipFile(nightly) as zipped:  # the files lie in the archive as in the checkout
        assert "data/targets.csv" in zipped.namelist() and "manifest.json" in zipped.namelist()


def test_a_lost_machine_is_back_from_last_nights_archive_with_every_page_the_same(department, machine, shipped_data,
                                                                                 tmp_path, monkeypatch):
    data, store_file = machine
    pages_before, queries_before, store_before = page_answers(store_file, monkeypatch), query_answers(store_file), \
        store_state(store_file)
    files_before = data_state(data)
    env = {**os.environ, "AUDIT_DATA": str(data), "AUDIT_STORE": str(store_file)}
    night = tmp_path / "backup" / "audit-2025-12-01.zip"
    made = subprocess.run([sys.executable, "-m", "audit_dashboard.backup", "create", str(night)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert made.returncode == 0 and "백업을 만들었습니다" in made.stdout, made.stderr

    lose_the_machine(data, store_file, shipped_data)
    assert not (data / "imports").exists() and not list(store_file.parent.glob(f"{store_file.name}*"))

    back = subprocess.run([sys.executable, "-m", "audit_dashboard.backup", "restore", str(night)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert back.returncode == 0, back.stderr
    assert "가져온 기록: 민원: 파일 0 → 1, 0행 → 647행" in back.stdout and "되살렸습니다" in back.stdout
    assert data_state(data) == files_before
    assert store_state(store_file) == store_before
    assert query_answers(store_file) == queries_before
    assert page_answers(store_file, monkeypatch) == pages_before
    # The log came back with the archive and says what the restore did, by whom.
    assert actions(data) == SCENARIO_ACTIONS + ["restore"]
    last = changes.entries(data)[-1]
    assert last.label == "백업에서 되살리기" and last.file == night.name and last.who.endswith("(명령줄)")
    assert last.content_hash == hashlib.sha256(night.read_bytes()).hexdigest()
    assert (last.rows_added, last.rows_removed) == (647 + 1775 + 44, 0)


def test_the_restored_machine_shows_the_imported_records_and_the_departments_own_target(department, machine,
                                                                                       shipped_data, nightly):
    data, store_file = machine
    lose_the_machine(data, store_file, shipped_data)
    build.build(store_file, data_dir=data)  # the fresh checkout's store: samples and the shipped example target
    from import_support import rows

    assert set(rows(store_file)["source"]) == {"sample"}
    restore.restore(archive.open_archive(nightly), data, store_file)
    complaints = rows(store_file)
    assert (complaints["source"] == "import").sum() == 647
    targets = rows(store_file, "targets")
    own = targets[(targets["metric"] == "complaints_closed_within_period_share")
                  & (targets["target_date"].astype(str).str.startswith("2025-12-31"))]
    assert own["target"].tolist() == [95]


def test_dry_run_shows_what_will_change_and_changes_nothing(department, machine, nightly, capsys, monkeypatch):
    data, store_file = machine
    wrong = batches.history(data, "patrols")[0]
    pipeline.undo(wrong.id, data_dir=data, store_file=store_file)  # a wrong undo, to be repaired from the archive
    before = everything(data, store_file)
    code, out, _ = run_cli("restore", nightly, "--dry-run", data=data, store_file=store_file, capsys=capsys,
                           monkeypatch=monkeypatch)
    assert code == 0
    assert "가져온 기록: 순찰: 파일 0 → 1, 0행 → 1,775행 (더함 1 · 바꿈 0 · 뺌 0)" in out
    assert "가져온 기록: 민원: 파일 1 → 1, 647행 → 647행 (더함 0 · 바꿈 0 · 뺌 0)" in out
    assert f"더함 data/{wrong.path.relative_to(data).as_posix()}" in out
    assert "아무것도 바꾸지 않았습니다" in out
    assert everything(data, store_file) == before


def test_restore_after_a_wrong_undo_gives_the_store_back_and_keeps_the_undo_in_the_log(department, machine, nightly):
    data, store_file = machine
    before = store_state(store_file)
    wrong = batches.history(data, "complaints")[0]
    pipeline.undo(wrong.id, data_dir=data, store_file=store_file)
    plan = restore.preview(archive.open_archive(nightly), data)
    assert [(f.change, f.group) for f in plan.changed] == [("더함", "가져온 기록: 민원")] * 2  # rows and manifest
    restore.restore(archive.open_archive(nightly), data, store_file)
    assert store_state(store_file) == before
    # Nothing is lost from the log: the undo made after the backup stays, then the restore.
    assert actions(data) == SCENARIO_ACTIONS + ["undo", "restore"]


def test_files_added_since_the_backup_are_removed_by_the_restore_and_said_so(department, machine, nightly):
    data, store_file = machine
    committed = pipeline.commit(pipeline.prepare("접수번호,접수일자,등록채널\nN-1,2025-08-01,응답소\n".encode(), "나중.csv",
                                                 "complaints", data_dir=data, store_file=store_file),
                                data_dir=data, store_file=store_file)
    plan = restore.preview(archive.open_archive(nightly), data)
    assert {f.path for f in plan.changed if f.change == "뺌"} == {
        committed.batch.path.relative_to(data).as_posix(), committed.batch.path.with_suffix(".json").relative_to(data).as_posix()}
    group = next(g for g in plan.groups() if g.group == "가져온 기록: 민원")
    assert (group.files_now, group.files_after, group.rows_now, group.rows_after) == (2, 1, 648, 647)
    restore.restore(archive.open_archive(nightly), data, store_file)
    assert [b.file for b in batches.history(data, "complaints")] == ["민원처리현황.csv"]


def _flip(path, at: int) -> None:
    content = bytearray(path.read_bytes())
    content[at] ^= 0x01
    path.write_bytes(bytes(content))


def _member_offset(path, member: str) -> int:
    with zipfile.ZipFile(path) as zipped:
        info = zipped.getinfo(member)
    return info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2


def _central_directory(path) -> int:
    content = path.read_bytes()
    return content.rindex(b"PK\x01\x02") + 12  # the last file's modification date in the central directory


def _damaged(kind: str, nightly, folder):
    target = folder / f"{kind}.zip"
    target.write_bytes(nightly.read_bytes())
    with zipfile.ZipFile(nightly) as zipped:
        rows_member = next(n for n in zipped.namelist() if n.endswith(".parquet"))
    if kind == "truncated":
        target.write_bytes(nightly.read_bytes()[: nightly.stat().st_size * 2 // 3])
    elif kind == "flipped in a batch":
        _flip(target, _member_offset(target, rows_member))
    elif kind == "flipped in the manifest":
        _flip(target, _member_offset(target, "manifest.json"))
    elif kind == "flipped in the zip's own bookkeeping":
        _flip(target, _central_directory(target))
    elif kind == "flipped in the seal":
        _flip(target, target.stat().st_size - 3)
    elif kind == "missing file":
        without_member(nightly, target, rows_member)
    elif kind == "foreign zip":
        with zipfile.ZipFile(target, "w") as zipped:
            zipped.writestr("사진/행사.jpg", b"\xff\xd8\xff")
    elif kind == "not a zip":
        target.write_text("접수번호,접수일자\n1,2025-01-01\n", encoding="utf-8")
    return target


REFUSALS = {
    "truncated": "백업 파일이 잘렸습니다",
    "flipped in a batch": "손상된 파일이 있습니다: data/imports/",
    "flipped in the manifest": "백업 목록(manifest.json)이 손상되어 읽을 수 없습니다",
    "flipped in the zip's own bookkeeping": "백업 파일이 손상되었습니다(파일 전체의 검사합이 맞지 않습니다)",
    "flipped in the seal": "백업 파일이 손상되었습니다(파일 전체의 검사합이 맞지 않습니다)",
    "missing file": "백업 목록에 있는 파일이 빠졌습니다: data/imports/",
    "foreign zip": "백업 목록(manifest.json)이 없습니다. 감사 대시보드의 백업 파일이 아닙니다",
    "not a zip": "감사 대시보드의 백업 파일(zip)이 아닙니다",
}


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_a_damaged_or_foreign_archive_is_refused_and_leaves_everything_as_it_was(kind, machine, nightly, tmp_path,
                                                                                  capsys, monkeypatch):
    data, store_file = machine
    bad = _damaged(kind, nightly, tmp_path)
    before = everything(data, store_file)
    code, out, err = run_cli("restore", bad, data=data, store_file=store_file, capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1 and REFUSALS[kind] in err, err
    assert err.startswith("되살리지 못했습니다. 아무것도 바꾸지 않았습니다.") and "Traceback" not in err + out
    assert everything(data, store_file) == before
    assert not list(data.glob(".restore-*"))


@pytest.mark.parametrize("newer, message", [
    ({"VERSION": "99.0.0"}, "더 새로운 프로그램(버전 99.0.0)이 만든 백업입니다. 지금 프로그램은 버전 " + VERSION),
    ({"FORMAT_VERSION": 2}, "더 새로운 백업 형식(2판)입니다. 이 프로그램은 1판까지 되살릴 수 있습니다"),
])
def test_an_archive_from_a_newer_version_is_refused(newer, message, department, machine, tmp_path, capsys,
                                                    monkeypatch):
    data, store_file = machine
    newer_archive = tmp_path / "newer.zip"
    with monkeypatch.context() as later:  # the product as a later release will be
        for name, value in newer.items():
            later.setattr(archive, name, value)
        archive.create(newer_archive, *department)
    before = everything(data, store_file)
    code, _, err = run_cli("verify", newer_archive, data=data, store_file=store_file, capsys=capsys,
                           monkeypatch=monkeypatch)
    assert code == 1 and message in err
    code, _, err = run_cli("restore", newer_archive, data=data, store_file=store_file, capsys=capsys,
                           monkeypatch=monkeypatch)
    assert code == 1 and message in err and "아무것도 바꾸지 않았습니다" in err
    assert everything(data, store_file) == before


def test_a_rebuild_that_fails_puts_every_file_back(machine, nightly, shipped_data, monkeypatch):
    data, store_file = machine
    lose_the_machine(data, store_file, shipped_data)
    build.build(store_file, data_dir=data)
    before = everything(data, store_file)

    def broken(*args, **kwargs):
        raise DataError("저장소", None, None, "시험용 실패")

    monkeypatch.setattr(build, "build", broken)
    with pytest.raises(DataError, match="저장소를 다시 만들지 못해 모두 되돌렸습니다(.|\n)*시험용 실패"):
        restore.restore(archive.open_archive(nightly), data, store_file)
    assert everything(data, store_file) == before
    assert not list(data.glob(".restore-*"))


def test_verify_and_create_say_what_they_did(machine, nightly, tmp_path, capsys, monkeypatch):
    data, store_file = machine
    code, out, _ = run_cli("verify", nightly, data=data, store_file=store_file, capsys=capsys, monkeypatch=monkeypatch)
    assert code == 0 and "검사를 마쳤습니다(모든 검사합 일치)" in out and f"프로그램 버전 {VERSION}" in out
    code, _, err = run_cli("create", tmp_path, data=data, store_file=store_file, capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1 and "폴더입니다. 백업 파일의 이름을 적어 주십시오" in err
    code, _, err = run_cli("restore", tmp_path / "없는파일.zip", data=data, store_file=store_file, capsys=capsys,
                           monkeypatch=monkeypatch)
    assert code == 1 and "파일을 열 수 없습니다(파일이나 폴더가 없습니다)" in err
    code, _, err = run_cli("backup", data=data, store_file=store_file, capsys=capsys, monkeypatch=monkeypatch)
    assert code == 1 and "명령을 잘못 적었습니다" in err


def _add_next_edition(data, store_file):
    """The 2026 report, made by filling the template as staff do, added through the editions pipeline."""
    from audit_dashboard.editions import pipeline as editions
    from edition_support import NEXT_ID, next_report_workbook

    prepared = editions.prepare(next_report_workbook(), "보고서_2026.xlsx", data_dir=data)
    editions.commit(prepared, data_dir=data, store_file=store_file)
    return data / "editions" / NEXT_ID


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_report_editions_are_in_the_backup_and_come_back(machine, tmp_path, monkeypatch):
    """An added report edition (data/editions/) is in the backup and comes back whole."""
    data, store_file = machine
    assert "editions/" in [loc.path for loc in locations.DEPARTMENT_DATA]
    folder = _add_next_edition(data, store_file)
    kept = _files(folder)
    with_editions = tmp_path / "with-editions.zip"
    archive.create(with_editions, data, store_file)
    listed = {e.path for e in archive.open_archive(with_editions).manifest.files if e.path.startswith("editions/")}
    assert listed == {f"editions/{folder.name}/{name}" for name in kept}
    shutil.rmtree(folder)
    plan = restore.preview(archive.open_archive(with_editions), data)
    assert {(f.change, f.group) for f in plan.changed if f.path.startswith("editions/")} == {("더함", "보고서 판")}
    restore.restore(archive.open_archive(with_editions), data, store_file)
    assert _files(folder) == kept
    from audit_dashboard import store

    con = store.connect_read_only(store_file)
    try:
        editions = {row[0] for row in con.execute("SELECT DISTINCT edition FROM report_meta").fetchall()}
    finally:
        con.close()
    assert folder.name in editions


def test_an_archive_that_does_not_speak_of_a_location_leaves_it_as_it_is(machine, tmp_path, monkeypatch):
    """An archive made before a kind of data was declared (here: before editions) does not remove it."""
    data, store_file = machine
    older = tmp_path / "before-editions.zip"
    with monkeypatch.context() as earlier:
        earlier.setattr(locations, "DEPARTMENT_DATA",
                        tuple(loc for loc in locations.DEPARTMENT_DATA if loc.path != "editions/"))
        archive.create(older, data, store_file)
    folder = _add_next_edition(data, store_file)
    kept = _files(folder)
    plan = restore.preview(archive.open_archive(older), data)
    assert "보고서 판" in [loc.label for loc in plan.kept]
    assert not [f for f in plan.changed if f.path.startswith("editions/")]
    restore.restore(archive.open_archive(older), data, store_file)
    assert _files(folder) == kept


def test_a_manifest_path_outside_the_departments_data_is_refused(machine, nightly, tmp_path):
    data, store_file = machine
    sneaky = tmp_path / "sneaky.zip"
    with zipfile.ZipFile(nightly) as old, zipfile.ZipFile(sneaky, "w") as new:
        document = json.loads(old.read("manifest.json"))
        document["files"].append({"path": "../../etc/cron.d/x", "size": 1, "sha256": "0" * 64, "rows": None})
        new.writestr("manifest.json", json.dumps(document))
    with pytest.raises(archive.BackupError, match="되살릴 수 없는 위치의 파일이 목록에 있습니다: ../../etc/cron.d/x"):
        archive.open_archive(sneaky)


def test_the_readme_and_the_page_show_the_same_nightly_cron_line():
    from audit_dashboard import backup_screen

    assert backup_screen.CRON in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "audit_dashboard.backup create /backup/audit-$(date +\\%F).zip" in backup_screen.CRON
