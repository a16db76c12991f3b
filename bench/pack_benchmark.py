"""Time the council pack (the sidebar's PDF) on the shipped data, on this machine, and write it down.

    .venv/bin/python bench/pack_benchmark.py            # 3 timed runs of each option
    .venv/bin/python bench/pack_benchmark.py --runs 5

It builds a scratch store from data/ (as the run command does), starts the chart renderer (Chromium,
as the app does in the background when its first page is drawn) and times it, then makes the full
pack for the report's period (2025년 1~3분기): once with nothing cached, then RUNS times each for A4
portrait (the default), A4 landscape, and portrait with the appendix. The time is the click's:
queries, every chart drawn for paper, the PDF laid out and written. Results go to bench/RESULTS.md
(appended, dated), with the machine's load at the time, since the machine is shared: the CPU
seconds the pack took (this process and its Chromium, from /proc) say what it costs whatever else
runs, and half of them is what two free cores need at best.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
TARGET_S = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="pack-bench-"))
    os.environ["AUDIT_STORE"] = str(scratch / "audit.duckdb")  # read by audit_dashboard.paths on import
    sys.path.insert(0, str(ROOT))
    from audit_dashboard import build, chart_images, council_pack, council_pdf, loader, paths  # noqa: E402
    from audit_dashboard.content import Chart  # noqa: E402
    # The shipped report's period (the one the samples were made for), read from its files.
    REPORT_PERIOD = loader.meta_of(loader.load_report(paths.REPORT_DIR)).period

    started = time.perf_counter()
    build.build(paths.STORE_FILE)
    built_s = time.perf_counter() - started
    load_before = os.getloadavg()

    started = time.perf_counter()
    chart_images._shared()  # what chart_images.warm_up does when the app draws its first page
    chromium_s = time.perf_counter() - started

    def timed(**options) -> tuple[float, float, bytes]:
        cpu, began = _cpu_seconds(), time.perf_counter()
        pdf = council_pack.pdf_bytes(REPORT_PERIOD, **options)
        return time.perf_counter() - began, _cpu_seconds() - cpu, pdf

    first_s, first_cpu, pdf = timed()
    charts = sum(isinstance(item, Chart) for section in council_pack.sections(REPORT_PERIOD) for item in section.items)
    rows = [("A4 세로, 첫 요청(캐시 없음)", [first_s], [first_cpu], pdf)]
    for label, options in [("A4 세로(기본)", {}), ("A4 가로", {"orientation": "landscape"}),
                           ("A4 세로 + 부록", {"appendix": True})]:
        runs = [timed(**options) for _ in range(args.runs)]
        rows.append((label, [s for s, _, _ in runs], [c for _, c, _ in runs], runs[-1][2]))
    load_after = os.getloadavg()

    pages = {label: _pages(pdf, scratch) for label, _, _, pdf in rows}
    lines = [
        f"\n## {dt.datetime.now():%Y-%m-%d %H:%M} · council pack · {platform.machine()} · {os.cpu_count()} cores · "
        f"Python {platform.python_version()}\n",
        f"Shipped data, {REPORT_PERIOD.label}: {len(council_pack.sections(REPORT_PERIOD))} sections, {charts} charts "
        f"drawn at {council_pdf.PDF_DPI} dpi with {chart_images.TABS} Chromium tabs. Store built in {built_s:.1f} s; "
        f"Chromium started in {chromium_s:.1f} s (in the app: in the background, when the first page is drawn). "
        f"Load average {load_before[0]:.1f} before, {load_after[0]:.1f} after (the machine is shared). "
        f"Target: under {TARGET_S:.0f} s.\n",
        "| pack | runs | median s | slowest s | CPU s (median) | pages | size |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, seconds, cpu, pdf in rows:
        lines.append(f"| {label} | {len(seconds)} | {statistics.median(seconds):.1f} | {max(seconds):.1f} | "
                     f"{statistics.median(cpu):.1f} | {pages[label]} | {len(pdf) / 1e6:.1f} MB |")
    cold = first_s + chromium_s
    lines.append(f"\nWith Chromium still to start (a click before the background start has finished): "
                 f"{cold:.1f} s for the first pack.\n")
    text = "\n".join(lines)
    print(text)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text + "\n")


def _cpu_seconds() -> float:
    """CPU time of this process and every process below it (Chromium and its helpers), in seconds."""
    tick = os.sysconf("SC_CLK_TCK")
    parents, spent = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        spent[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    mine = {os.getpid()}
    grew = True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in mine} - mine
        grew = bool(below)
        mine |= below
    return sum(spent.get(pid, 0.0) for pid in mine)


def _pages(pdf: bytes, folder: Path) -> int:
    path = folder / "pack.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


if __name__ == "__main__":
    main()
