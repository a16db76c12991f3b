"""The director's overview renders and shows the report's KPIs with period and source."""
from streamlit.testing.v1 import AppTest

from conftest import page_path


def run_overview():
    at = AppTest.from_file(page_path("overview.py"), default_timeout=30)
    at.run()
    assert not at.exception
    return at


def text_of(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def test_overview_shows_budget_execution_271988_and_89_percent():
    at = run_overview()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["예산 집행률"] == "89%"
    text = text_of(at)
    assert "271,988천원" in text and "242,860천원" in text
    assert "74.8%" in text  # share of 2025 elapsed at 9. 30.


def test_overview_tiles_show_the_report_figures():
    metrics = {m.label: m.value for m in run_overview().metric}
    assert metrics["고충민원 접수"] == "1,622건"
    assert metrics["응답소 현장민원 처리"] == "66,228건"
    assert metrics["순찰 적출"] == "1,281건"
    assert metrics["자체감사 실시"] == "10건"
    assert metrics["청렴서약 참여"] == "1,602명"


def test_every_tile_states_its_period_and_source():
    at = run_overview()
    captions = [c.value for c in at.caption if "출처" in c.value or "보고서" in c.value]
    assert len(captions) >= 6
    for caption in captions[1:]:
        assert "2025. 1. 1. ~ 2025. 9. 30." in caption or "2025. 9. 30." in caption
        assert "2025년 주요업무 보고" in caption
