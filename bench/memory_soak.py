"""The server's resident memory over many views of periods nobody asked for before, on this machine.

    .venv/bin/python bench/memory_soak.py                # 300 views, shipped data and 20 million complaints
    .venv/bin/python bench/memory_soak.py --small        # 12 views, shipped data only (what CI runs)

The dashboard is started as scripts/run.sh starts it (scripts/serve.py) and one headless Chromium tab opens
the record pages at random ranges of quarters from 2016 to 2025, one after another; the server's resident memory
is read every `--every` views. Every new range fills the answer memo (app_data: bounded by weight), so memory
grows at first and then levels. Run with `--gc` to measure with Streamlit's full collection after every script
run switched back on (runner.postScriptGC, off in .streamlit/config.toml), side by side.
Results go to bench/RESULTS.md (appended, dated).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from bench.page_benchmark import PAGES, RESULTS, Server, appeared, rss_mb, scratch_store  # noqa: E402
from browser_support import ARGS, CHROMIUM  # noqa: E402

YEARS = range(2016, 2026)


def views(count: int, seed: int = 13) -> list[str]:
    """`count` page paths with a random range of one quarter to four years (the same list for every run)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        first = rng.choice(YEARS)
        last = min(first + rng.randint(0, 3), max(YEARS))
        found.append(f"{rng.choice(PAGES)[1]}?from={first}Q{rng.randint(1, 4)}&to={last}Q4")
    return found


def soak(browser, server: Server, paths: list[str], every: int) -> list[tuple[int, float]]:
    page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR").new_page()
    readings = [(0, rss_mb(server.process.pid))]
    try:
        for number, path in enumerate(paths, start=1):
            page.goto(f"{server.url}/{path}")
            appeared(page)
            if page.locator('[data-testid="stException"]').count():
                raise RuntimeError(f"{path}: the page shows an error")
            if number % every == 0 or number == len(paths):
                readings.append((number, rss_mb(server.process.pid)))
    finally:
        page.context.close()
    return readings


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="12 views of the shipped data (CI): reported, not asserted")
    parser.add_argument("--views", type=int, default=300)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--gc", action="store_true", help="also with Streamlit's full collection after every run")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    count, every = (12, 4) if args.small else (args.views, args.every)
    paths = views(count)
    lines = [f"\n## 상주 메모리, 화면 {count}개 ({dt.datetime.now():%Y-%m-%d %H:%M}, 헤드리스 Chromium, {os.cpu_count()}코어, "
             f"`bench/memory_soak.py`)\n",
             "2016~2025년 사이의 임의의 기간(한 분기~4년)으로 기록 화면을 차례로 엽니다. 기간마다 답이 새로 기억되므로 처음에는 늘고 "
             "차차 평평해집니다.\n"]
    header_done = False
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        scratch = Path(scratch)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        stores = [("받은 그대로의 자료", None)] + ([] if args.small else [(f"민원 {args.rows:,}건(10년)", args.rows)])
        for label, rows in stores:
            folder = scratch / ("shipped" if rows is None else "big")
            store_file = scratch_store(folder, rows)
            for gc in ([False, True] if args.gc else [False]):
                env = {"AUDIT_STORE": str(store_file), "AUDIT_DATA": str(folder / "data"),
                       "STREAMLIT_RUNNER_POST_SCRIPT_GC": "true" if gc else "false"}
                server = Server(ROOT / "dashboard.py", env, folder / f"server-{gc}.log")
                try:
                    readings = soak(browser, server, paths, every)
                finally:
                    server.stop()
                if not header_done:  # the columns: at the start, then after every `every` views
                    lines.append("| 저장소 | 실행 뒤 전체 가비지 컬렉션 | "
                                 + " | ".join("시작" if n == 0 else f"{n}번째 뒤" for n, _ in readings) + " |")
                    lines.append("| --- | --- | " + " | ".join("---:" for _ in readings) + " |")
                    header_done = True
                lines.append(f"| {label} | {'켬(Streamlit 기본)' if gc else '끔(우리 설정)'} | "
                             + " | ".join(f"{mb:,.0f} MB" for _, mb in readings) + " |")
        browser.close()
    text = "\n".join(lines) + "\n"
    print(text)
    with args.results.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
