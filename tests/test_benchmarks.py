"""The benchmarks' small sizes run with the tests, so they keep working: their speed is reported in the
log, never asserted (speed is judged on the full sizes, in bench/RESULTS.md, on an idle machine)."""
import subprocess
import sys

from conftest import ROOT


def run(script: str, tmp_path) -> str:
    results = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--small", "--results", str(results)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    print(results.read_text(encoding="utf-8"))  # the figures, in the test log
    return results.read_text(encoding="utf-8")


def test_the_import_benchmark_measures_every_import_it_names(tmp_path):
    text = run("import_benchmark.py", tmp_path)
    for what in ("민원 대장 20,000행 가져오기", "다시 가져오기", "미리 보기", "적발 목록 28,319행", "지방재정365 스냅숏"):
        assert what in text


def test_the_page_benchmark_times_each_record_page_against_a_bare_page(tmp_path):
    text = run("page_benchmark.py", tmp_path)
    assert "바닥(제목과 사이드바뿐인 Streamlit 화면)" in text and "동시에 10명: 오류 0건" in text
    for page in ("종합 현황", "고충민원", "현장순찰", "예산 집행"):
        assert page in text and f"메뉴로 옮겨 가기 · {page} · 10년" in text
    assert "메뉴 링크로 옮겨 가면" in text  # the bare page's own menu move, the menu rows' floor


def test_the_query_benchmark_adds_up_every_page_s_and_tab_s_queries(tmp_path):
    text = run("page_queries.py", tmp_path)
    assert "| 화면 | 기간 | 질의 수 | 합계 ms |" in text
    for view in ("| 종합 현황 | 10년 |", "| 고충민원 · 접수 경로 | 한 분기 |", "| 현장순찰 · 순찰 종류별 | 10년 |", "| 예산 집행 · 대사 |"):
        assert view in text


def test_the_memory_soak_reads_the_servers_memory_as_views_of_new_periods_go_by(tmp_path):
    text = run("memory_soak.py", tmp_path)
    assert "| 저장소 | 실행 뒤 전체 가비지 컬렉션 | 시작 | 4번째 뒤 | 8번째 뒤 | 12번째 뒤 |" in text
    assert "| 받은 그대로의 자료 | 끔(우리 설정) |" in text
