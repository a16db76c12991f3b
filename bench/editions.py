"""Time what the 보고서 관리 page does, on this machine, and write the results down.

    .venv/bin/python bench/editions.py

On a scratch copy of data/ (the shipped samples, no imports): the empty template, the 2025 report
exported, that export read back, the draft for 2025. 9. 30. (computed and written), and a filled
2026 workbook (tests/edition_support.py) prepared (read + every check of the build on a trial
store + comparison), committed (folder + rebuild) and removed (rebuild). Each step runs REPEATS
times after one warm-up; the median and the slowest are reported. Results go to bench/RESULTS.md.
"""
from __future__ import annotations

import datetime as dt
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import duckdb  # noqa: E402

from audit_dashboard import build, loader, paths, store  # noqa: E402
from audit_dashboard.editions import draft, folders, pipeline, workbook  # noqa: E402
from edition_support import NEXT_ID, next_report_workbook  # noqa: E402

REPEATS = 3


def timed(step, repeats: int = REPEATS) -> tuple[float, float]:
    step()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, max(times) * 1000


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports", "mappings", "editions"))
        store_file = Path(scratch) / "audit.duckdb"
        build.build(store_file, data_dir=data)
        frames = loader.load_report(data / "report")
        exported = workbook.write(frames)
        filled = next_report_workbook()
        base = folders.load_all(data / "report", data)[0]

        results.append(("빈 서식 만들기", *timed(lambda: workbook.write())))
        results.append(("2025년 보고서 내보내기", *timed(lambda: workbook.write(frames))))
        results.append(("내보낸 통합문서 읽기(17개 시트)", *timed(lambda: workbook.read(exported, "보고서.xlsx"))))

        def make_draft():
            con = store.connect_read_only(store_file)
            try:
                made = draft.make(lambda name, **p: store.run_query(con, name, **p), base, dt.date(2025, 9, 30))
            finally:
                con.close()
            workbook.write(made.frames, marks=made.marks, notes=made.notes)
        results.append(("다음 보고 초안(계산 + 통합문서)", *timed(make_draft)))
        results.append(("올린 통합문서 검사와 미리 보기(시험 저장소 빌드 포함)",
                        *timed(lambda: pipeline.prepare(filled, "보고서_2026.xlsx", data_dir=data))))

        prepared = pipeline.prepare(filled, "보고서_2026.xlsx", data_dir=data)
        commits, removals = [], []
        for _ in range(REPEATS):
            start = time.perf_counter()
            pipeline.commit(prepared, data_dir=data, store_file=store_file)
            commits.append(time.perf_counter() - start)
            start = time.perf_counter()
            pipeline.remove(NEXT_ID, data_dir=data, store_file=store_file)
            removals.append(time.perf_counter() - start)
        results.append(("보고서 더하기(폴더 + 저장소 다시 만들기)", statistics.median(commits) * 1000, max(commits) * 1000))
        results.append(("보고서 빼기(저장소 다시 만들기)", statistics.median(removals) * 1000, max(removals) * 1000))

    lines = [f"\n## {dt.datetime.now():%Y-%m-%d %H:%M} · editions · {platform.machine()} · "
             f"{__import__('os').cpu_count()} cores · Python {platform.python_version()} · duckdb {duckdb.__version__}\n",
             "보고서 관리 화면이 하는 일(샘플 기록, 가져온 기록 없음). 한 번 데운 뒤 "
             f"{REPEATS}번의 중앙값과 가장 느린 값.\n",
             "| step | median ms | slowest ms |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {median:,.0f} | {slowest:,.0f} |" for name, median, slowest in results]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
