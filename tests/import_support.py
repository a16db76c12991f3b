"""Helpers for the importer tests: the real exports in ../shared/realdata, and what the store and
data/ hold, to prove that a refused import changed nothing."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from audit_dashboard import changes, store

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"


def real_file(folder: str, name: str) -> Path:
    """A real export; its absence fails the test (CI must have ../shared beside the checkout)."""
    path = REALDATA / folder / name
    if not path.exists():
        pytest.fail(f"실제 내보내기 파일이 없습니다: {path} (../shared/realdata가 저장소 옆에 있어야 합니다)")
    return path


def rows(store_file, table: str = "complaints") -> pd.DataFrame:
    con = store.connect_read_only(store_file)
    try:
        return con.execute(f'SELECT * FROM "{table}"').df()  # table names from the tests themselves
    finally:
        con.close()


def imported(store_file) -> pd.DataFrame:
    frame = rows(store_file)
    return frame[frame["source"] == "import"]


# The change log grows with every change by design (tests/test_change_log.py checks its lines), so
# "data/ as it was" means every other file.
CHANGE_LOG = {changes.FILE, changes.LOCK}


def data_state(data_dir: Path) -> dict[str, str]:
    """Every file under data/ (but the change log) with a hash of its bytes."""
    return {str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(data_dir).rglob("*")) if p.is_file() and p.name not in CHANGE_LOG}


def store_state(store_file) -> dict[str, list]:
    """Every table of the store, its rows sorted: equal states mean equal stores."""
    con = store.connect_read_only(store_file)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def imported_text(workspace, text: str, name: str, records: str = "complaints", extra=None, **sources):
    """Import `text` as the file `name` through the pipeline, with the proposed mapping (and `sources`)."""
    from audit_dashboard.importer import kinds, pipeline

    data, store_file = workspace
    content = text.encode()
    chosen = pipeline.proposal(kinds.kind(records), pipeline.table_of(content, name, records))
    chosen.extra = extra or {}
    for key, source in sources.items():
        chosen = chosen.with_source(key, source)
    prepared = pipeline.prepare(content, name, records, chosen, data_dir=data, store_file=store_file)
    assert prepared.rejected == 0, prepared.rejects
    pipeline.commit(prepared, data_dir=data, store_file=store_file)


BUDGET_FOLDER = "kr_budget_execution"
BUDGET_SNAPSHOTS = ("지방재정365_세부사업별세출현황_무주군_2026_20260630.json",
                    "지방재정365_세부사업별세출현황_무주군_2026_20260731.json")


def imported_budget_snapshots(workspace, names=BUDGET_SNAPSHOTS, department: str = "민원봉사과") -> None:
    """The real 지방재정365 snapshots `names` of one department, imported through the pipeline one after another
    (the 군's department codes seeded first), with the proposed mapping."""
    from audit_dashboard.importer import departments, kinds, pipeline

    data, store_file = workspace
    codes = real_file(BUDGET_FOLDER, "dept_map.json")
    departments.save(departments.read_seed(codes.read_bytes(), codes.name), data)
    for name in names:
        path = real_file(BUDGET_FOLDER, name)
        chosen = pipeline.proposal(kinds.kind("budget"), pipeline.table_of(path.read_bytes(), path.name, "budget"))
        chosen.extra = {"부서": [department]}
        prepared = pipeline.prepare(path.read_bytes(), path.name, "budget", chosen, data_dir=data, store_file=store_file)
        assert prepared.rejected == 0, prepared.rejects
        pipeline.commit(prepared, data_dir=data, store_file=store_file)
