"""Where the server's time goes on one page run: each record page run warm under Streamlit's AppTest
(the script, the element protos, the caches; no browser), timed, and optionally profiled.

    .venv/bin/python bench/page_profile.py                     # warm run time per page (median of 5)
    .venv/bin/python bench/page_profile.py --profile complaints --top 40   # cProfile of warm runs of one page

It builds the shipped store in a scratch folder (or uses AUDIT_STORE if set).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {"overview": "dashboard.py", "complaints": "pages/complaints.py", "patrols": "pages/patrols.py",
         "budget": "pages/budget.py"}
RANGES = {"quarter": ("2025Q3", "2025Q3"), "report": ("2025Q1", "2025Q3"), "ten_years": ("2016Q1", "2025Q4")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", choices=list(PAGES), help="profile warm runs of this page")
    parser.add_argument("--range", choices=list(RANGES), default="report")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--new-periods", action="store_true",
                        help="each timed run asks for a year not asked before (what a period change costs)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="page_profile_") as scratch:
        if "AUDIT_STORE" not in os.environ:
            os.environ["AUDIT_STORE"] = str(Path(scratch) / "audit.duckdb")
        return _profile(args)


def _profile(args) -> int:
    from audit_dashboard import build, chart_images, paths, store

    chart_images.WARM_UP = False  # no Chromium for PNGs in the background: only the page is measured

    if store.current_file(paths.STORE_FILE) is None:
        build.build(paths.STORE_FILE)
    from streamlit.testing.v1 import AppTest

    first, last = RANGES[args.range]
    pages = [args.profile] if args.profile else list(PAGES)
    for name in pages:
        unseen = iter(range(2024, 2015, -1))  # years the warm-up runs did not ask for

        def run(fresh: bool = False):
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
            if name != "overview":
                at.switch_page(PAGES[name])
            year = next(unseen) if fresh else None
            at.query_params.update({"from": f"{year}Q1", "to": f"{year}Q4"} if year else {"from": first, "to": last})
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            at.run()
            assert not at.exception, at.exception
            return time.perf_counter() - start_wall, time.process_time() - start_cpu
        cold = run()
        run()
        if args.profile:
            # The page runs on Streamlit's script thread: profile that thread's runs.
            profiles, original = [], threading.Thread.run

            def profiled(thread):
                if not thread.name.startswith("ScriptRunner"):
                    return original(thread)
                profiler = cProfile.Profile()
                profiles.append(profiler)
                profiler.runcall(original, thread)
            threading.Thread.run = profiled
            try:
                times = [run(args.new_periods) for _ in range(args.runs)]
            finally:
                threading.Thread.run = original
        else:
            times = [run(args.new_periods) for _ in range(args.runs)]
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"{name:11s} {'new years' if args.new_periods else args.range:9s} cold {cold[0]:.3f}s  warm wall {wall:.3f}s  cpu {cpu:.3f}s")
        if args.profile:
            stats = pstats.Stats(*profiles)
            stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
