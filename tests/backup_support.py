"""Helpers for the backup tests: a department's days of work done through the real importer (real
exports from ../shared/realdata), what every page answers, and machines to lose and rebuild."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import streamlit as st

from audit_dashboard import build, changes, council_pack, navigation, paths, store
from audit_dashboard.importer import departments, kinds, mapping as mappings, pipeline
from audit_dashboard.importer.mapping import Source
from audit_dashboard.period import Period
from import_support import real_file

VOC = ("kr_complaints_ex_voc_records", "민원처리현황.csv")
JEONJU = ("kr_inspection_enforcement", "전북특별자치도 전주시_쓰레기 불법투기 단속 현황_20250214.csv")
JUNE = ("kr_budget_execution", "지방재정365_세부사업별세출현황_무주군_2026_20260630.json")
CODES = ("kr_budget_execution", "dept_map.json")
SMALL = "접수번호,접수일자,등록채널\nW-1,2025-07-01,응답소\nW-2,2025-07-02,응답소\n"

# The changes the scenario below makes, in order: what the log must list.
SCENARIO_ACTIONS = ["departments_saved", "mapping_saved", "import", "mapping_saved", "import", "mapping_saved",
                    "import", "import", "undo", "target_changed"]
# The department's own target after the scenario (the shipped file says 90, an example value).
OWN_TARGET = "95"


def _save(path: Path, records: str, name: str, data: Path, store_file: Path, extra=None, **sources):
    table = pipeline.table_of(path.read_bytes(), path.name, records)
    chosen = pipeline.proposal(kinds.kind(records), table)
    for key, source in sources.items():
        chosen = chosen.with_source(key, source)
    if extra:
        chosen.extra = extra
    mappings.save(chosen, kinds.kind(records), name, data)
    return mappings.load(name, kinds.KINDS, data)


def _import(path: Path, records: str, chosen, data: Path, store_file: Path):
    prepared = pipeline.prepare(path.read_bytes(), path.name, records, chosen, data_dir=data, store_file=store_file)
    assert len(prepared.to_add), prepared.reject_groups()
    return pipeline.commit(prepared, data_dir=data, store_file=store_file)


def department_at_work(data: Path, store_file: Path) -> None:
    """What a data manager does over some days: a department table, three real exports imported through
    saved mappings, one import undone, one target set."""
    codes = real_file(*CODES)
    departments.save(departments.read_seed(codes.read_bytes(), codes.name), data)
    voc = real_file(*VOC)
    _import(voc, "complaints", _save(voc, "complaints", "도로공사 VOC 대장", data, store_file), data, store_file)
    jeonju = real_file(*JEONJU)
    _import(jeonju, "patrols", _save(jeonju, "patrols", "전주시 불법투기 단속", data, store_file,
                                     patrol_kind=Source(value="상시순찰")), data, store_file)
    june = real_file(*JUNE)
    _import(june, "budget", _save(june, "budget", "지방재정365 세부사업별 세출현황", data, store_file,
                                  extra={"부서": ["민원봉사과"]}), data, store_file)
    wrong = pipeline.commit(pipeline.prepare(SMALL.encode(), "잘못 올린 대장.csv", "complaints", data_dir=data,
                                             store_file=store_file), data_dir=data, store_file=store_file)
    pipeline.undo(wrong.batch.id, data_dir=data, store_file=store_file)
    set_target(data, store_file, OWN_TARGET)


def set_target(data: Path, store_file: Path, value: str) -> None:
    """The department's own target for the 2025 closing share (as the targets screen will: file, log, rebuild)."""
    target = data / "targets.csv"
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    for row in rows[1:]:
        if row[0] == "complaints_closed_within_period_share" and row[1] == "2025-12-31":
            before, row[2], row[5] = row[2], value, "부서 목표"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.write_text(out.getvalue(), encoding="utf-8")
    build.build(store_file, data_dir=data)
    changes.record("target_changed", file="targets.csv", content=target.read_bytes(), data_dir=data,
                   detail=f"2025년 고충민원 기한 내 처리율 목표 {before}% → {value}%")


def copy_machine(data: Path, store_file: Path, folder: Path) -> tuple[Path, Path]:
    """Another copy of a machine: its data/ and its current store."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, folder / "data")
    current = store.current_file(store_file)
    shutil.copy2(current, folder / current.name)
    shutil.copy2(current.with_name(f"{store_file.name}.current"), folder / f"{store_file.name}.current")
    return folder / "data", folder / store_file.name


def lose_the_machine(data: Path, store_file: Path, shipped: Path) -> None:
    """What is left after the disk breaks and the product is checked out anew: only what git holds."""
    for name in ("imports", "mappings"):
        shutil.rmtree(data / name, ignore_errors=True)
    for name in ("budget_departments.csv", changes.FILE, changes.LOCK):
        (data / name).unlink(missing_ok=True)
    for name in ("targets.csv", "settings.csv"):
        shutil.copy2(shipped / name, data / name)
    for old in store_file.parent.glob(f"{store_file.name}*"):
        old.unlink()


# Periods a reader picks: the report's, the year of the imported complaints, the imported patrols' quarter,
# the imported budget snapshot's quarter, and a long range across years.
PERIODS = [Period.from_params(a, b) for a, b in [("2025Q1", "2025Q3"), ("2023Q1", "2023Q4"), ("2024Q4", "2024Q4"),
                                                  ("2026Q2", "2026Q2"), ("2023Q1", "2026Q2")]]


def _item(item) -> dict:
    common = {k: getattr(item, k) for k in ("key", "title", "unit", "period", "source", "origin")}
    if hasattr(item, "figure"):
        return {**common, "figure": item.figure.to_json()}
    return {**common, "frame": item.frame.to_json(orient="split", date_format="iso", default_handler=str)}


def page_answers(store_file: Path, monkeypatch) -> dict:
    """What every report page shows (its council items: the charts and tables it draws) for each period."""
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    st.cache_data.clear()
    st.cache_resource.clear()
    answers = {}
    for page in navigation.PAGES:
        view = council_pack.council_view(page)
        if view is None:
            continue
        for period in PERIODS:
            answers[(page.url_path, str(period))] = [_item(i) for i in view.council_items(period) if i is not None]
    st.cache_data.clear()
    st.cache_resource.clear()
    return answers


from conftest import EDITION  # noqa: E402

_PARAMETERS = {
    "report": {"start": "2025-01-01", "end": "2025-09-30", "at": "2025-09-30", "as_of": "2025-09-30",
               "period_end": "2025-09-30", "snapshot_date": "2025-09-30", "through": "2025-09-30", "year": 2025,
               "plan_year": 2026, "kind": "고충민원", "project_no": 1, "threshold": 3, "top": 20, "word": "민원",
               "metric": "complaints_closed_within_period_share", "check_key": "programme_vs_projects",
               "edition": EDITION, "other": EDITION, "start_a": "2025-01-01", "end_a": "2025-09-30",
               "start_b": "2024-01-01", "end_b": "2024-09-30", "limit": 500, "channel": "응답소", "department": None,
               "patrol_kind": None, "area": None},
    "imported": {"start": "2023-01-01", "end": "2026-06-30", "at": "2026-06-30", "as_of": "2026-06-30",
                 "period_end": "2026-06-30", "snapshot_date": "2026-06-30", "through": "2026-06-30", "year": 2026,
                 "plan_year": 2025, "kind": "응답소 현장민원", "project_no": 4, "threshold": 2, "top": 50,
                 "word": "순찰", "metric": "budget_execution_rate", "check_key": "programme_vs_projects",
                 "edition": EDITION, "other": EDITION, "start_a": "2026-01-01", "end_a": "2026-06-30",
                 "start_b": "2023-01-01", "end_b": "2025-12-31", "limit": 500, "channel": None, "department": None,
                 "patrol_kind": None, "area": None},
}


def query_answers(store_file: Path) -> dict:
    """Every named question in queries/, asked with the parameters it names, on the report's period and on
    the imported records' span."""
    con = store.connect_read_only(store_file)
    answers = {}
    try:
        for sql in sorted(paths.QUERIES_DIR.glob("*.sql")):
            names = set(re.findall(r"\$([a-z_]+)", sql.read_text(encoding="utf-8")))
            for label, values in _PARAMETERS.items():
                frame = store.run_query(con, sql.stem, **{n: values[n] for n in names})
                # Rows in a canonical order: where a query's ORDER BY leaves ties (search_report does), DuckDB
                # returns them in any order from one run to the next, on the very same store.
                frame = frame.sort_values(list(frame.columns), kind="stable", key=lambda c: c.astype(str)) \
                    .reset_index(drop=True)
                answers[(sql.stem, label)] = frame.to_json(orient="split", date_format="iso", default_handler=str)
    finally:
        con.close()
    return answers


def actions(data: Path) -> list[str]:
    return [c.action for c in changes.entries(data)]


def without_member(source: Path, target: Path, member: str) -> None:
    """A copy of an archive with one of its files left out (everything else, the manifest too, as it was)."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info.filename))
        new.comment = old.comment
