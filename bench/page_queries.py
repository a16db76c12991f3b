"""Every page's queries together: each record page (and each of its tabs) run once under Streamlit's AppTest with
the caches emptied first, as a new view of that period on a running server asks them, and every named query it
asks timed (issue 13 item 5: together ≤ 100 ms for any range).

    .venv/bin/python bench/page_queries.py                    # the shipped data
    .venv/bin/python bench/page_queries.py --rows 20000000    # the shipped data and 20 million synthetic complaints
    AUDIT_STORE=... .venv/bin/python bench/page_queries.py    # a store already built

Each view is run twice with the caches emptied before each; the second is reported (the store's file is then in
memory, as on a server that has been up a while), the first beside it. Results go to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {"종합 현황": "dashboard.py", "고충민원": "pages/complaints.py", "현장순찰": "pages/patrols.py",
         "예산 집행": "pages/budget.py"}
RANGES = {"한 분기": ("2025Q3", "2025Q3"), "10년": ("2016Q1", "2025Q4")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, help="add this many synthetic complaints (ten years) to the shipped store")
    parser.add_argument("--small", action="store_true", help="the shipped data only (what CI runs; the default without --rows)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page_queries_") as scratch:
        if "AUDIT_STORE" not in os.environ:
            os.environ["AUDIT_STORE"] = str(Path(scratch) / "audit.duckdb")
            if args.rows and not args.small:
                from bench.benchmark import make_store

                make_store(Path(os.environ["AUDIT_STORE"]), args.rows)
        return _measure(args)


def _measure(args) -> int:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from audit_dashboard import build, chart_images, paths, store

    chart_images.WARM_UP = False  # only the page's questions are measured
    if store.current_file(paths.STORE_FILE) is None:
        build.build(paths.STORE_FILE)
    asked: list[tuple[str, float]] = []
    answer = store.run_query

    def timed(con, name, **params):
        started = time.perf_counter()
        try:
            return answer(con, name, **params)
        finally:
            asked.append((name, (time.perf_counter() - started) * 1000))

    store.run_query = timed

    def view(file: str, first: str, last: str, tab: str | None = None):
        st.cache_data.clear()
        st.cache_resource.clear()
        asked.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        if file != "dashboard.py":
            at.switch_page(file)
        at.query_params.update({"from": first, "to": last, **({"section": tab} if tab else {})})
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at, list(asked)

    rows = []
    for title, file in PAGES.items():
        at, _ = view(file, *RANGES["한 분기"])
        tabs = [None] + [t.label for t in at.tabs][1:]  # the first tab is what the page opens with
        for tab in tabs:
            for range_name, (first, last) in RANGES.items():
                _, cold = view(file, first, last, tab)
                _, warm = view(file, first, last, tab)
                slowest = max(warm, key=lambda q: q[1]) if warm else ("-", 0.0)
                rows.append((f"{title}{' · ' + tab if tab else ''}", range_name, len(warm),
                             sum(ms for _, ms in warm), sum(ms for _, ms in cold), slowest))
                print(rows[-1], flush=True)
    complaints = store.connect_read_only(store.current_file(paths.STORE_FILE))
    try:
        count = complaints.execute("SELECT count(*) FROM complaints").fetchone()[0]
    finally:
        complaints.close()
    lines = [f"\n## 화면마다 질의 합계 ({dt.datetime.now():%Y-%m-%d %H:%M}, 민원 {count:,}건, {os.cpu_count()}코어, "
             f"시작 때 부하 {os.getloadavg()[0]:.1f})\n",
             "기억해 둔 답을 비우고 한 화면(탭)을 새로 열 때 묻는 질의를 모두 잰 값(`bench/page_queries.py`). 두 번 열어 두 번째를 적고, "
             "첫 번째(저장소 파일을 처음 읽을 때)를 곁에 적습니다.\n",
             "| 화면 | 기간 | 질의 수 | 합계 ms | 처음 ms | 가장 느린 질의 |", "| --- | --- | ---: | ---: | ---: | --- |"]
    lines += [f"| {name} | {period} | {n} | {warm:,.1f} | {cold:,.1f} | {slow[0]} {slow[1]:,.1f} ms |"
              for name, period, n, warm, cold, slow in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    with args.results.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
