"""Benchmark the importer on this machine, as a data manager would use it, and write the results down.

    .venv/bin/python bench/import_benchmark.py            # every measurement (a few minutes)
    .venv/bin/python bench/import_benchmark.py --small    # small sizes only (what CI runs)

Measured, each in its own process so that peak memory is that process's own:
- a generated 1,000,000-row complaint register (CSV, UTF-8, hours without a leading zero, a name
  column that is never stored): read, mapped, checked and imported by the command line
  (target ≤ 10 s, ≤ 1 GB peak);
- the same register renamed and imported again, all of it already stored (a re-export);
- the preview (every stage up to it) of a 100,000-row register (target: on screen ≤ 3 s; the
  pipeline's part here, the screen's in tests/browser);
- the 28,319-row CP949 findings log of ../shared/realdata previewed (target ≤ 2 s);
- a 지방재정365 snapshot (1,763 rows) of ../shared/realdata mapped and imported (target ≤ 2 s).
Each scratch workspace is a copy of data/ and its own store. Results go to bench/RESULTS.md (appended).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REALDATA = ROOT.parent / "shared" / "realdata"
RESULTS = ROOT / "bench" / "RESULTS.md"


def register(rows: int, path: Path, seed: int = 7) -> Path:
    """A complaint register as a 새올-like system exports it."""
    rng = np.random.default_rng(seed)
    received = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 9 * 365 * 24 * 60, rows), unit="m")
    received = received.sort_values()
    closed = received + pd.to_timedelta(rng.integers(0, 20 * 24 * 60, rows), unit="m")
    done = rng.random(rows) < 0.95
    frame = pd.DataFrame({
        "접수번호": [f"2016{i:08d}" for i in range(rows)],
        "접수일자": received.strftime("%Y-%m-%d %H:%M").str.replace(r" 0(\d):", r" \1:", regex=True),
        "등록채널": np.array(["응답소", "구청장에게 바란다", "전화·방문", "국민신문고", "안전신문고"])[rng.integers(0, 5, rows)],
        "처리부서": np.array([f"{d}과" for d in ("도로", "건축", "청소행정", "주차관리", "세무1", "공원녹지", "복지정책", "환경")])
        [rng.integers(0, 8, rows)],
        "처리상태": np.where(done, "처리완료", "처리중"),
        "처리기한": (received + pd.Timedelta(days=7)).strftime("%Y-%m-%d"),
        "처리일시": np.where(done, closed.strftime("%Y-%m-%d %H:%M"), ""),
        "제목": "민원 제목",
        "처리자성명": "홍길동",
    })
    frame.to_csv(path, index=False)
    return path


def workspace(folder: Path) -> dict[str, str]:
    """A copy of data/ and a store built from it; the environment that points the app at them."""
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("imports", "mappings", "editions"))
    env = {**os.environ, "AUDIT_DATA": str(data), "AUDIT_STORE": str(folder / "audit.duckdb")}
    subprocess.run([sys.executable, "-m", "audit_dashboard.build"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return env


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak MB, output) of one command in its own process."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, result.stdout


PREVIEW = """
import sys, time, json
sys.path.insert(0, {root!r})
from pathlib import Path
start = time.perf_counter()
from audit_dashboard.importer import pipeline
from audit_dashboard.importer.mapping import Source
imported = time.perf_counter()
content = Path({path!r}).read_bytes()
table = pipeline.table_of(content, Path({path!r}).name, {records!r})
chosen, _ = pipeline.starting_mapping(table, {records!r})
for key, value in {values!r}.items():
    chosen = chosen.with_source(key, Source(value=value))
chosen.extra = {extra!r}
prepared = pipeline.prepare(content, Path({path!r}).name, {records!r}, chosen)
previewed = time.perf_counter()
if {commit!r}:
    pipeline.commit(prepared)
done = time.perf_counter()
print(json.dumps({{"import_s": imported - start, "preview_s": previewed - imported, "commit_s": done - previewed,
                   "rows": prepared.total, "to_add": len(prepared.to_add), "rejected": prepared.rejected}}))
"""


def pipeline_run(env, path: Path, records: str, values: dict | None = None, extra: dict | None = None,
                 commit: bool = False) -> dict:
    code = PREVIEW.format(root=str(ROOT), path=str(path), records=records, values=values or {}, extra=extra or {},
                          commit=commit)
    seconds, peak, out = timed([sys.executable, "-c", code], env)
    return {**json.loads(out.strip().splitlines()[-1]), "process_s": seconds, "peak_mb": peak}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="small sizes only (CI): speed reported, not asserted")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file the results are added to")
    args = parser.parse_args(argv)
    big, preview_rows = (20_000, 5_000) if args.small else (1_000_000, 100_000)
    lines = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        big_file = register(big, scratch / f"대장_{big}.csv")
        env = workspace(scratch / "big")
        seconds, peak, _ = timed([sys.executable, "-m", "audit_dashboard.importer", str(big_file)], env)
        lines.append(f"| 민원 대장 {big:,}행 가져오기(명령줄: 읽기·매핑·검사·저장·저장소 다시 만들기) | {seconds:.1f} s | "
                     f"{peak:,.0f} MB | ≤ 10 s, ≤ 1 GB (100만 행) |")
        # A re-export of the same register under another name: every row is found among those stored.
        again = big_file.with_name(f"대장_{big}_다시.csv")
        big_file.rename(again)
        seconds, peak, _ = timed([sys.executable, "-m", "audit_dashboard.importer", str(again)], env)
        lines.append(f"| 같은 대장을 이름만 바꿔 다시 가져오기({big:,}행 모두 이미 저장됨, 아무것도 쓰지 않음) | {seconds:.1f} s | "
                     f"{peak:,.0f} MB | 새 기록 없음을 ≤ 10 s에 |")
        preview_file = register(preview_rows, scratch / f"대장_{preview_rows}.csv", seed=8)
        run = pipeline_run(workspace(scratch / "preview"), preview_file, "complaints")
        lines.append(f"| 민원 대장 {preview_rows:,}행 미리 보기(모든 단계, 쓰지 않음) | {run['preview_s']:.2f} s "
                     f"(프로세스 {run['process_s']:.1f} s) | {run['peak_mb']:,.0f} MB | 화면 ≤ 3 s (10만 행) |")
        gangnam = REALDATA / "kr_inspection_enforcement" / "서울특별시 강남구_쓰레기무단투기적발내역_20231231.csv"
        if gangnam.exists():
            run = pipeline_run(workspace(scratch / "patrols"), gangnam, "patrols", {"patrol_kind": "상시순찰"})
            lines.append(f"| 적발 목록 {run['rows']:,}행(CP949) 미리 보기 → 순찰 {run['to_add']:,}회 | {run['preview_s']:.2f} s | "
                         f"{run['peak_mb']:,.0f} MB | ≤ 2 s |")
        snapshot = REALDATA / "kr_budget_execution" / "지방재정365_세부사업별세출현황_무주군_2026_20260731.json"
        if snapshot.exists():
            env = workspace(scratch / "budget")
            subprocess.run([sys.executable, "-m", "audit_dashboard.importer", "--department-table",
                            str(REALDATA / "kr_budget_execution" / "dept_map.json")], cwd=ROOT, env=env, check=True,
                           capture_output=True)
            run = pipeline_run(env, snapshot, "budget", extra={"부서": ["민원봉사과"]}, commit=True)
            lines.append(f"| 지방재정365 스냅숏 {run['rows']:,}행 매핑·가져오기(한 부서 {run['to_add']}행) | "
                         f"{run['preview_s'] + run['commit_s']:.2f} s (미리 보기 {run['preview_s']:.2f} s + 저장 "
                         f"{run['commit_s']:.2f} s) | {run['peak_mb']:,.0f} MB | ≤ 2 s |")
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    load = os.getloadavg()[0]
    text = (f"\n## 가져오기 ({stamp}, {platform.machine()}, {os.cpu_count()}코어, 시작 때 부하 {load:.1f}"
            f"{', 작은 크기(CI)' if args.small else ''})\n\n"
            "| 측정 | 시간 | 최대 메모리 | 목표 |\n| --- | ---: | ---: | --- |\n" + "\n".join(lines) + "\n")
    print(text)
    with args.results.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
