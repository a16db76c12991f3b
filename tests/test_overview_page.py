"""The director's overview: the report's KPIs by default, every tile with its period and source,
and tiles that follow the period filter."""
from conftest import metrics, page_text, run_page
from rendered import visible


def test_overview_shows_budget_execution_271988_and_89_percent():
    at = run_page("overview.py")
    assert metrics(at)["예산 집행률"] == "89%"
    text = page_text(at)
    assert "271,988천원" in text and "242,860천원" in text
    assert "74.8%" in text  # share of 2025 elapsed at 9. 30.


def test_overview_tiles_show_the_report_figures_for_the_reports_period():
    shown = metrics(run_page("overview.py"))
    assert shown["고충민원 접수"] == "1,622건"
    assert shown["응답소 현장민원 처리"] == "66,228건"
    assert shown["순찰 적출"] == "1,281건"
    assert shown["자체감사 실시"] == "10건"
    assert shown["청렴서약 참여"] == "1,602명"


def test_the_channel_split_and_the_report_agreement_are_stated():
    text = page_text(run_page("overview.py"))
    assert "구청장에게 바란다 945건(58%)" in text and "전화·방문 344건(21%)" in text and "응답소 333건(21%)" in text
    assert "보고서 1,622건과 일치" in text and "보고서 66,228건과 일치" in text


def test_every_tile_states_its_period_and_source():
    at = run_page("overview.py")
    captions = [visible(c.value) for c in at.caption if "기간:" in c.value]
    assert len(captions) >= 7  # six tiles and the discrepancy table
    for caption in captions[:6]:
        assert "2025. 1. 1. ~ 2025. 9. 30." in caption
    assert sum("2025년 주요업무 보고" in c for c in captions) >= 3


def test_tiles_follow_the_period_filter_with_changes_and_targets():
    at = run_page("overview.py", {"from": "2025Q2", "to": "2025Q2"})
    shown = metrics(at)
    assert shown["고충민원 접수"] != "1,622건"
    text = page_text(at)
    assert "2025. 4. 1. ~ 2025. 6. 30." in text
    assert "전기 대비" in text and "전년 동기 대비" in text and "2024년 2분기" in text
    assert "목표 55% 미달(△0.4%p) · 2025. 6. 30. 목표" in text  # the budget target set for 6. 30. in data/targets.csv
    assert "보고서에만 있는 수치" in text  # audits and integrity do not move with the period
    assert shown["자체감사 실시"] == "10건"


def test_sample_based_tiles_are_marked():
    text = page_text(run_page("overview.py"))
    assert "샘플 데이터" in text


def test_periods_without_full_records_are_not_compared():
    """2024년 1분기 has no 2023 records to compare with; 2025년 3~4분기 has records only to 9. 30."""
    first = page_text(run_page("overview.py", {"from": "2024Q1", "to": "2024Q1"}))
    assert "전년 동기 대비: 비교하지 않음(2023년 1분기의 기록이 일부 또는 전부 없음" in first
    partial = page_text(run_page("overview.py", {"from": "2025Q3", "to": "2025Q4"}))
    assert "전년 동기 대비: 비교하지 않음(2025년 3~4분기의 기록이 일부 또는 전부 없음" in partial
    assert "기록은 2025. 9. 30.까지 있어 그 뒤는 빠져 있습니다." in partial
    assert "예산 집행률 89%" in partial  # the 9. 30. snapshot still answers for the second half
