"""Benchmark the complaint queries at Seoul scale, on this machine, and write the results down.

    .venv/bin/python bench/benchmark.py                  # 1M and 20M rows (takes a few minutes)
    .venv/bin/python bench/benchmark.py --rows 1000000   # one size

It builds a scratch store with the real schema (audit_dashboard/schema/*.sql), fills the
complaints table with synthetic rows in receipt order (ten years, 2016-2025, channels and
departments like the samples), then times the named queries the pages run, for one quarter
and for the whole ten years. Each query is run once to warm up and then REPEATS times; the
median and the slowest are reported. Results go to bench/RESULTS.md (appended, dated).
"""
from __future__ import annotations

import argparse
import datetime as dt
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit_dashboard import build, paths, store  # noqa: E402

REPEATS = 5
CHANNELS = ["응답소", "구청장에게 바란다", "전화·방문", "국민신문고", "120다산콜"]
CATEGORIES = ["도로·교통", "주차", "건축·주택", "환경·청소", "복지", "세무", "공원·녹지", "기타"]
DEPARTMENTS = [f"부서{i:02d}" for i in range(40)]
START, END = dt.date(2016, 1, 1), dt.date(2025, 12, 31)
CHUNK = 2_000_000


def synthetic_complaints(rows: int, seed: int = 7):
    """Yield frames of complaints in receipt order, CHUNK rows at a time."""
    rng = np.random.default_rng(seed)
    days = np.arange(np.datetime64(START), np.datetime64(END) + 1, dtype="datetime64[D]")
    per_day = rng.multinomial(rows, np.full(days.size, 1 / days.size))
    dates = np.repeat(days, per_day)
    for offset in range(0, rows, CHUNK):
        part = dates[offset:offset + CHUNK]
        n = part.size
        processing = rng.integers(0, 30, size=n)
        closed = part + processing.astype("timedelta64[D]")
        months = part.astype("datetime64[M]").astype(int)
        month = months % 12 + 1
        frame = pd.DataFrame({
            "record_key": pd.array(np.char.add("B-", np.arange(offset, offset + n).astype(str)), dtype="string"),
            "received_date": part,
            "received_year": (months // 12 + 1970).astype("int16"),
            "received_quarter": ((month - 1) // 3 + 1).astype("int8"),
            "received_month": month.astype("int8"),
            "complaint_kind": np.where(rng.random(n) < 0.9, "응답소 현장민원", "고충민원"),
            "channel": np.array(CHANNELS)[rng.integers(0, len(CHANNELS), n)],
            "category": np.array(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)],
            "department": np.array(DEPARTMENTS)[rng.integers(0, len(DEPARTMENTS), n)],
            "status": "처리완료",
            "due_date": part + np.timedelta64(7, "D"),
            "closed_date": closed,
            "processing_days": processing.astype("int32"),
            "repeat_key": None,
            "source": "import",
            "import_batch": "benchmark",
        })
        yield frame


def make_store(path: Path, rows: int) -> float:
    """The store as shipped (report, settings, sample records), built the way the app builds it, with
    `rows` synthetic complaints appended. (Writing the report's frames directly no longer makes a store:
    report tables carry their edition.)"""
    started = time.perf_counter()
    data = path.parent / f"data-{path.stem}"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports", "mappings", "editions"))
    build.build(path, data_dir=data)
    con = store.connect_read_write(path)
    try:
        for frame in synthetic_complaints(rows):
            store.append_frame(con, "complaints", frame)
        store.summarise(con, build.SUMMARY_FILES)  # as a build would: the derived tables follow the records
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return time.perf_counter() - started


QUESTIONS = [
    ("complaints_summary", lambda p: dict(kind="고충민원", at=p["end"], **p)),
    ("complaints_summary", lambda p: dict(kind="응답소 현장민원", at=p["end"], **p)),
    ("complaints_by_month", lambda p: dict(kind="응답소 현장민원", **p)),
    ("complaints_by_channel", lambda p: dict(kind="응답소 현장민원", **p)),
    ("complaints_by_department", lambda p: dict(kind="응답소 현장민원", top=10, at=p["end"], **p)),
    ("complaints_repeats", lambda p: dict(kind="고충민원", threshold=3, **p)),
    ("complaints_backlog", lambda p: dict(kind="응답소 현장민원", at=p["end"])),
]
PERIODS = {
    "한 분기(2025년 3분기)": dict(start=dt.date(2025, 7, 1), end=dt.date(2025, 9, 30)),
    "10년 전체": dict(start=START, end=END),
}


def time_queries(path: Path) -> list[dict]:
    con = store.connect_read_only(path)
    results = []
    try:
        for period_name, period in PERIODS.items():
            for name, params in QUESTIONS:
                args = params(period)
                store.run_query(con, name, **args)  # warm-up
                times = []
                for _ in range(REPEATS):
                    started = time.perf_counter()
                    store.run_query(con, name, **args)
                    times.append((time.perf_counter() - started) * 1000)
                label = name + (f"({args['kind']})" if "kind" in args else "")
                results.append({"period": period_name, "query": label,
                                "median_ms": statistics.median(times), "max_ms": max(times)})
    finally:
        con.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="complaint rows (repeatable)")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("RESULTS.md"))
    args = parser.parse_args(argv)
    sizes = args.rows or [1_000_000, 20_000_000]
    lines = [f"\n## {dt.datetime.now():%Y-%m-%d %H:%M} · {platform.processor() or platform.machine()} · "
             f"{__import__('os').cpu_count()} cores · Python {platform.python_version()} · "
             f"duckdb {__import__('duckdb').__version__}\n"]
    with tempfile.TemporaryDirectory() as scratch:
        for rows in sizes:
            path = Path(scratch) / f"bench_{rows}.duckdb"
            load_seconds = make_store(path, rows)
            size_mb = store.current_file(path).stat().st_size / 1e6
            results = time_queries(path)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            lines.append(f"\n### {rows:,} complaints (10 years) — store {size_mb:,.0f} MB, built in {load_seconds:,.1f} s, "
                         f"peak memory of this process so far {peak_mb:,.0f} MB\n")
            lines.append("| period | query | median ms | slowest ms |\n| --- | --- | ---: | ---: |")
            lines += [f"| {r['period']} | {r['query']} | {r['median_ms']:,.1f} | {r['max_ms']:,.1f} |" for r in results]
            print("\n".join(lines[-len(results) - 3:]), flush=True)
            for built in Path(scratch).glob(f"{path.name}*"):
                built.unlink()
    with open(args.out, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"\n결과를 {args.out}에 적었습니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
