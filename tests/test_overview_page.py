"""The director's overview: performance against target first, each tile with its status in colour, its
change against a year earlier, a sparkline and a link to its page; the rule and the example-target badge
said once; where each figure comes from in its tooltip and under the grid."""
from conftest import metrics, page_text, run_page
from rendered import visible


def badges(at) -> list[str]:
    return [visible(m.value) for m in at.markdown if "-badge[" in m.value]


def tile_metric(at, label: str):
    return next(m for m in at.metric if m.label == label)


def test_the_one_kpi_under_target_is_closed_in_time_79_5_percent_against_90():
    at = run_page("overview.py")
    shown = metrics(at)
    assert shown["기한 내 처리율(7일)"] == "79.5%"
    assert shown["예산 집행률"] == "89.3%"  # 242,860 / 271,988
    text = page_text(at)
    assert "목표 90%(2025. 12. 31.) · △10.5%p" in text  # the complaints target in data/targets.csv
    assert "목표 80%(2025. 9. 30.) · +9.3%p" in text   # the budget target set for 9. 30.
    statuses = [b for b in badges(at) if b in ("달성", "주의", "미달") or b.endswith(("달성", "주의", "미달"))]
    assert [s.split()[-1] for s in statuses] == ["미달", "달성", "달성"]


def test_the_status_rule_and_the_example_target_badge_are_said_once():
    at = run_page("overview.py")
    text = page_text(at)
    assert text.count("달성: 목표 이상 · 주의: 목표보다 5%p 미만 낮음 · 미달: 목표보다 5%p 이상 낮음") == 1
    assert sum("예시 목표" in b for b in badges(at)) == 1
    assert "예시값(부서 목표로 바꾸어 쓰십시오)" not in text  # set-up text never reaches the director


def test_budget_tile_reads_242860_of_271988_and_14_5_points_ahead_of_the_year():
    text = page_text(run_page("overview.py"))
    assert "집행 242,860 / 예산 271,988천원" in text
    assert "연간 경과율 74.8% 대비 +14.5%p(2025. 9. 30. 기준)" in text


def test_volumes_show_the_report_figures_and_agree_with_the_report():
    at = run_page("overview.py")
    shown = metrics(at)
    assert shown["고충민원 접수"] == "1,622건" and shown["응답소 현장민원 처리"] == "66,228건"
    assert shown["순찰 적출"] == "1,281건"
    assert shown["자체감사 실시"] == "10건" and shown["청렴서약 참여"] == "1,602명"
    text = page_text(at)
    assert "보고서 1,622건과 일치" in text and "보고서 66,228건과 일치" in text


def test_each_tile_has_a_trend_a_tooltip_with_its_source_and_a_link_to_its_page():
    at = run_page("overview.py")
    for label in ("기한 내 처리율(7일)", "예산 집행률", "적출사항 조치율", "고충민원 접수", "순찰 적출"):
        metric = tile_metric(at, label).proto
        assert len(metric.chart_data) >= 6, label
        assert "2025" in visible(metric.help), label
    links = [l.proto for l in at.main.get("page_link")]
    assert [l.page for l in links if l.label == "자세히 보기"][:3] == ["complaints", "budget", "patrols"]
    assert {l.query_string for l in links if l.label == "자세히 보기"} == {"from=2025Q1&to=2025Q3&grain=month&report=2025-10-17"}


def test_report_only_figures_look_different_and_keep_the_reports_period():
    at = run_page("overview.py", {"from": "2025Q2", "to": "2025Q2"})
    assert sum("보고서 기간 고정" in b for b in badges(at)) == 2
    assert metrics(at)["자체감사 실시"] == "10건"
    assert "보고서에만 있는 수치" in [h.value for h in at.subheader]  # the section's title; its period under it
    assert "보고서 기간 2025. 1. 1. ~ 2025. 9. 30., 기간 선택과 관계없음" in page_text(at)


def test_tiles_follow_the_period_with_the_change_against_a_year_earlier():
    at = run_page("overview.py", {"from": "2025Q2", "to": "2025Q2"})
    assert metrics(at)["고충민원 접수"] != "1,622건"
    received = tile_metric(at, "고충민원 접수").proto
    assert received.delta and received.delta_description == "전년 동기 대비"
    assert "목표 55%(2025. 6. 30.) · △0.4%p" in page_text(at)  # the budget target for 6. 30., just missed: 주의


def test_periods_without_full_records_are_not_compared():
    """2024년 1분기 has no 2023 records to compare with; 2025년 3~4분기 has records only to 9. 30."""
    first = run_page("overview.py", {"from": "2024Q1", "to": "2024Q1"})
    assert not tile_metric(first, "고충민원 접수").proto.delta
    assert "전년 동기와 비교하지 않음(2023년 1분기의 기록이 모자람)" in page_text(first)
    partial = page_text(run_page("overview.py", {"from": "2025Q3", "to": "2025Q4"}))
    assert "기록은 2025. 9. 30.까지 있어 그 뒤는 빠져 있습니다." in partial
    assert "예산 집행률 89.3%" in partial  # the 9. 30. snapshot still answers for the second half


def test_sample_based_tiles_are_marked_once_in_the_header():
    at = run_page("overview.py")
    assert "샘플 데이터" in page_text(at)
    assert "샘플(생성 데이터)" in visible(next(e for e in at.expander if "출처" in e.label).children[0].value)
