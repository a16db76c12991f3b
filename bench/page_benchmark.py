"""How fast pages appear in a real browser, on this machine, at Seoul scale — and the server's cost.

    .venv/bin/python bench/page_benchmark.py                 # shipped data and 20 million complaints
    .venv/bin/python bench/page_benchmark.py --small         # shipped data only (what CI runs)

For each store (the shipped one; one with 20,000,000 synthetic complaints over ten years added) a
dashboard server is started and driven by headless Chromium (Debian's):
- the floor: a bare Streamlit page (a title and the sidebar, nothing else), served the same way: reloaded (the
  figure every ratio is taken against), opened at a sub-path and reached by its menu link;
- every record page (종합 현황, 고충민원, 현장순찰, 예산 집행) for one quarter and for ten years (by quarter, as
  they open, and by month):
  cold (the first view after the server starts) and warm (median of reloads);
- moving between the record pages by the Korean menu, as analysts do (no page load: Streamlit swaps the
  page), against the bare page's own menu move;
- a filter change (a preset in the sidebar) and, where it exists, a chart click (drill-down);
- the server's CPU seconds per page view and its resident memory;
- ten sessions opening pages at once (errors counted).
"Appeared" = the script has finished and every visible chart is drawn (the same test as the browser
tests use), timed from navigation to the first moment it holds for 0.6 s.
Results go to bench/RESULTS.md (appended, dated), side by side with the floor.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_support import ARGS, CHROMIUM, _SETTLED  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
BARE = '''import streamlit as st
st.set_page_config(page_title="bare", layout="wide")
st.title("빈 화면")
with st.sidebar:
    st.write("사이드바")
    st.page_link("pages/other.py", label="둘째 화면")
'''
# The floor's second page: the same, under a path of its own, so the floor is measured the way pages are
# (a sub-path pays Streamlit's base-path probe; `/` does not) and by a click in the menu.
BARE_OTHER = BARE.replace('"빈 화면"', '"다른 빈 화면"').replace('"pages/other.py", label="둘째 화면"',
                                                            '"bare.py", label="첫 화면"')
PAGES = [("종합 현황", ""), ("고충민원", "complaints"), ("현장순찰", "patrols"), ("예산 집행", "budget")]
# Ten years open by quarter (period.default_grain); by month only when asked for — both are measured.
RANGES = {"한 분기": "from=2025Q3&to=2025Q3", "10년": "from=2016Q1&to=2025Q4", "10년 · 월별": "from=2016Q1&to=2025Q4&grain=month"}
CALM_S = 0.6


def appeared(page, timeout_s: float = 120) -> float:
    """Seconds from now until the page is settled and stays so for CALM_S (the calm is not counted)."""
    start = time.perf_counter()
    first = None
    while time.perf_counter() - start < timeout_s:
        if page.evaluate(_SETTLED):
            first = first or time.perf_counter()
            if time.perf_counter() - first >= CALM_S:
                return first - start
        else:
            first = None
        page.wait_for_timeout(40)
    raise TimeoutError(page.url)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


SERVE = ROOT / "scripts" / "serve.py"  # how scripts/run.sh starts the dashboard


class Server:
    """`streamlit run` of a script on a free port, with its own store and data; the dashboard as
    scripts/run.sh starts it (scripts/serve.py: the pages' modules loaded before the first visitor)."""

    def __init__(self, script: Path, env: dict[str, str], log: Path):
        import socket
        import urllib.request

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, *([str(SERVE)] if SERVE and script == ROOT / "dashboard.py" else ["-m", "streamlit", "run", str(script)]),
             "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"],
            cwd=script.parent, env={**os.environ, **env}, stdout=log.open("wb"), stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(self.url)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def scratch_store(folder: Path, rows: int | None) -> Path:
    """A store in `folder` built from a copy of the shipped data (in `folder/data`), with `rows` synthetic
    complaints added when given."""
    shutil.copytree(ROOT / "data", folder / "data", ignore=shutil.ignore_patterns("imports", "mappings", "editions"))
    if rows is not None:
        return big_store(folder, rows)
    from audit_dashboard import build

    build.build(folder / "audit.duckdb", data_dir=folder / "data")
    return folder / "audit.duckdb"


def big_store(folder: Path, rows: int) -> Path:
    """The shipped store with `rows` synthetic complaints (ten years, receipt order) appended."""
    from audit_dashboard import build, store
    from bench.benchmark import synthetic_complaints

    path = folder / "audit.duckdb"
    build.build(path, data_dir=folder / "data")
    con = store.connect_read_write(path)
    try:
        for frame in synthetic_complaints(rows):
            store.append_frame(con, "complaints", frame)
        store.summarise(con, build.SUMMARY_FILES)  # as a build would: the derived tables follow the records
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


def measure(browser, server: Server, label: str, lines: list[str], floor: float | None,
            menu_floor: float | None = None) -> float | None:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR")
    page = context.new_page()
    rows = []
    try:
        page.goto(f"{server.url}/")
        cold = appeared(page)
        rows.append(("첫 방문(서버 시작 직후, 종합 현황)", cold, None))
        for range_name, query in RANGES.items():
            for title, path in PAGES:
                times = []
                before = cpu_seconds(server.process.pid)
                for _ in range(3):
                    page.goto(f"{server.url}/{path}?{query}")
                    times.append(appeared(page))
                cpu = (cpu_seconds(server.process.pid) - before) / 3
                rows.append((f"{title} · {range_name}", statistics.median(times), cpu))
        rows += menu_moves(page, server)
        page.goto(f"{server.url}/complaints?{RANGES['한 분기']}")
        appeared(page)
        preset = page.locator('[data-testid="stSidebar"]').get_by_text("작년", exact=True)
        if preset.count():
            started = time.perf_counter()
            preset.first.click()
            page.wait_for_timeout(60)
            rows.append(("기간 바꾸기(빠른 선택 「작년」, 고충민원)", time.perf_counter() - started + appeared(page), None))
        rows += drill_downs(page, server)
        rss = rss_mb(server.process.pid)
    finally:
        context.close()
    lines.append(f"\n### {label}\n")
    lines.append("| 측정 | 나타나기까지(초) | 바닥 대비 | 서버 CPU 초/화면 |\n| --- | ---: | ---: | ---: |")
    for name, seconds, cpu in rows:
        base = menu_floor if name.startswith("메뉴로") else floor
        ratio = f"{seconds / base:.1f}배" if base else "-"
        lines.append(f"| {name} | {seconds:.2f} | {ratio} | {'' if cpu is None else f'{cpu:.2f}'} |")
    lines.append(f"\n서버 상주 메모리: {rss:,.0f} MB")
    return rows[0][1]


def menu_moves(page, server: Server) -> list[tuple[str, float, float | None]]:
    """How analysts move: from page to page by the Korean menu (the period kept). The first move to a page with
    charts loads Streamlit's plotly code (4.7 MB, once per page load) and is reported on its own; then each
    record page is reached twice per range: the median, and the server's CPU per move."""
    page.goto(f"{server.url}/?{RANGES['한 분기']}")
    appeared(page)
    rows: list[tuple[str, float, float | None]] = [
        ("메뉴로 옮겨 가기 · 고충민원(화면을 연 뒤 첫 그림: plotly 코드를 불러옴)", _menu_click(page, "고충민원", "고충민원"), None)]
    for range_name, query in RANGES.items():
        page.goto(f"{server.url}/?{query}")
        appeared(page)
        times: dict[str, list[float]] = {title: [] for title, _ in PAGES}
        before = cpu_seconds(server.process.pid)
        for _ in range(2):
            for title, _ in PAGES[1:] + PAGES[:1]:
                times[title].append(_menu_click(page, title, title))
        cpu = (cpu_seconds(server.process.pid) - before) / (2 * len(PAGES))
        rows += [(f"메뉴로 옮겨 가기 · {title} · {range_name}", statistics.median(times[title]), cpu) for title, _ in PAGES]
    return rows


def _click_bar(page, chart_title: str, nth: int) -> float:
    """Click the `nth` bar of the chart titled `chart_title`; the time it is clicked."""
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text=chart_title).first
    chart.scroll_into_view_if_needed()
    box = chart.locator("g.point path").nth(nth).bounding_box()
    started = time.perf_counter()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
    return started


def _timed(page, started: float, changed) -> float:
    page.wait_for_url(changed, timeout=30_000)
    return time.perf_counter() - started + appeared(page)


def drill_downs(page, server: Server) -> list[tuple[str, float, None]]:
    """On the complaints page (2025년 1~3분기, monthly): a tab opened, a chart click on a channel bar, a month of
    the trend clicked, and the month's chip off again; each from the click until the page has appeared again."""
    rows = []
    page.goto(f"{server.url}/complaints?from=2025Q1&to=2025Q3&grain=month")
    appeared(page)
    started = time.perf_counter()
    page.get_by_role("tab", name="접수 경로").click()
    rows.append(("탭 열기(「접수 경로」)", _timed(page, started, lambda url: "section=" in url), None))
    started = _click_bar(page, "접수 경로별 고충민원", 0)
    rows.append(("차트 누르기(접수 경로 막대 → 그 경로로 거르기)", _timed(page, started, lambda url: "channel=" in url), None))
    page.goto(f"{server.url}/complaints?from=2025Q1&to=2025Q3&grain=month")
    appeared(page)
    started = _click_bar(page, "월별 고충민원 접수", 2)
    rows.append(("차트 누르기(월별 추이의 3월 → 그 달로 좁히기)", _timed(page, started, lambda url: "month=" in url), None))
    started = time.perf_counter()
    page.get_by_role("button", name=re.compile("달: ")).first.click()
    rows.append(("거른 조건 풀기(「달」 단추)", _timed(page, started, lambda url: "month=" not in url), None))
    return rows


def sessions_at_once(browser, server: Server, count: int = 10) -> tuple[int, float]:
    """`count` sessions opening pages at the same moment: errors, and seconds until all appeared."""
    errors, done = [], []
    contexts = [browser.new_context(viewport={"width": 1400, "height": 900}) for _ in range(count)]
    pages = [c.new_page() for c in contexts]
    started = time.perf_counter()
    for i, page in enumerate(pages):
        page.goto(f"{server.url}/{PAGES[i % len(PAGES)][1]}?{RANGES['한 분기']}", wait_until="commit")
    for page in pages:
        try:
            appeared(page, timeout_s=180)
            if page.locator('[data-testid="stException"]').count():
                errors.append(page.url)
        except TimeoutError:
            errors.append(page.url)
    for context in contexts:
        context.close()
    return len(errors), time.perf_counter() - started


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="shipped data only (CI): speed reported, not asserted")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file the results are added to")
    parser.add_argument("--rows", type=int, default=20_000_000)
    args = parser.parse_args(argv)
    lines = [f"\n## 화면 속도 ({dt.datetime.now():%Y-%m-%d %H:%M}, 헤드리스 Chromium, {os.cpu_count()}코어, "
             f"시작 때 부하 {os.getloadavg()[0]:.1f})\n"]
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        scratch = Path(scratch)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        floors = bare_floors(browser, scratch)
        floor = floors["reload"]
        lines.append(f"바닥(제목과 사이드바뿐인 Streamlit 화면): {floor:.2f}초 — 아래 「바닥 대비」는 이 값으로 나눕니다. "
                     f"같은 바닥을 하위 주소로 열면(goto) {floors['goto']:.2f}초, 메뉴 링크로 옮겨 가면 {floors['menu']:.2f}초"
                     f"(메뉴로 옮겨 가기 줄은 이 값으로 나눕니다).")
        stores = [("받은 그대로의 자료", None)] + ([] if args.small else [(f"민원 {args.rows:,}건(10년)", args.rows)])
        for label, rows in stores:
            folder = scratch / (label if rows is None else "big")
            store_file = scratch_store(folder, rows)
            server = Server(ROOT / "dashboard.py", {"AUDIT_STORE": str(store_file), "AUDIT_DATA": str(folder / "data")},
                            folder / "server.log")
            try:
                measure(browser, server, label, lines, floor, floors["menu"])
                failed, seconds = sessions_at_once(browser, server)
                lines.append(f"동시에 10명: 오류 {failed}건, 모두 나타나기까지 {seconds:.1f}초")
            finally:
                server.stop()
        browser.close()
    text = "\n".join(lines) + "\n"
    print(text)
    with args.results.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


def _reload(page) -> float:
    page.reload()
    return appeared(page)


def _menu_click(page, label: str, title: str) -> float:
    """Click `label` in the sidebar menu; seconds until the page titled `title` has appeared."""
    started = time.perf_counter()
    page.locator('[data-testid="stSidebar"] a').filter(has_text=label).first.click()
    page.wait_for_function("(t) => { const h = document.querySelector('[data-testid=stMain] h1');"
                           " return h && h.innerText.trim() === t; }", arg=title, timeout=60_000)
    return time.perf_counter() - started + appeared(page)


def bare_floors(browser, scratch: Path) -> dict[str, float]:
    """The bare page's time three ways, medians of five: a reload of `/`, a goto of its second page's path,
    and a click on the menu link between its two pages."""
    folder = scratch / "bare"
    (folder / "pages").mkdir(parents=True)
    (folder / "bare.py").write_text(BARE, encoding="utf-8")
    (folder / "pages" / "other.py").write_text(BARE_OTHER, encoding="utf-8")
    server = Server(folder / "bare.py", {"STREAMLIT_CLIENT_SHOW_SIDEBAR_NAVIGATION": "false"}, scratch / "bare.log")
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)
        appeared(page)
        reload = statistics.median([_reload(page) for _ in range(5)])
        gotos = []
        for _ in range(5):
            page.goto(f"{server.url}/other")
            gotos.append(appeared(page))
        menu = []
        for _ in range(3):
            menu.append(_menu_click(page, "첫 화면", "빈 화면"))
            menu.append(_menu_click(page, "둘째 화면", "다른 빈 화면"))
        context.close()
    finally:
        server.stop()
    return {"reload": reload, "goto": statistics.median(gotos), "menu": statistics.median(menu)}


if __name__ == "__main__":
    sys.exit(main())
