"""예산 집행 page: the report's 9. 30. execution by default, sample month-ends marked, the period filter,
2026 plans against 2025, and the reconciliation of the two budget groupings."""
import base64
import json
import shutil

import numpy as np
import pytest

from streamlit.proto.Metric_pb2 import Metric

from audit_dashboard import build, fmt, labels, paths
from conftest import metrics, page_text, run_page, tables

COLUMN = labels.COLUMNS


def table_with(at, *headers):
    return next(t for t in tables(at) if all(h in t.columns for h in headers))


def charts(at) -> dict:
    """Plotly specs keyed by the start of their title."""
    found = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        found[spec["layout"]["title"]["text"].split(" <span")[0]] = spec
    return found


def values(array):
    """A plotly data array as numbers: plain lists, or numpy buffers sent as {'dtype', 'bdata'}."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def curve(at) -> dict:
    return next(spec for title, spec in charts(at).items() if title.startswith("월별 누적 집행률"))


def traces(spec) -> dict:
    return {t.get("name"): t for t in spec["data"]}


def test_the_default_period_shows_the_reports_271988_242860_and_89_percent():
    at = run_page("budget.py")
    shown = metrics(at)
    assert shown["예산액(천원)"] == "271,988"
    assert shown["집행액(천원)"] == "242,860"
    assert shown["집행잔액(천원)"] == "29,128"
    assert shown["집행률"] == "89%"
    text = page_text(at)
    assert "기준 시점: 2025. 9. 30. (보고서)" in text
    assert "74.8%" in text and "+14.5%p" in text
    assert "목표 80% 달성(+9.3%p)" in text and "예시값" in text


def test_every_programme_and_project_rate_on_screen_is_the_printed_rate():
    at = run_page("budget.py")
    programmes = table_with(at, COLUMN["programme"], COLUMN["execution_rate"])
    assert [fmt.percent(r) for r in programmes[COLUMN["execution_rate"]]] == ["88%", "100%", "83%", "84%", "83%", "94%"]
    assert programmes[COLUMN["execution_rate_printed"]].tolist() == [88, 100, 83, 84, 83, 94]
    projects = table_with(at, COLUMN["project"], COLUMN["funding_sources"])
    assert [fmt.percent(r) for r in projects[COLUMN["execution_rate"]]] == ["90%", "83%", "100%", "84%", "83%", "86%"]
    assert projects[COLUMN["execution_rate_printed"]].tolist() == [90, 83, 100, 84, 83, 86]
    assert [fmt.points(g) for g in programmes[COLUMN["gap"]]] == ["+13.2%p", "+25.2%p", "+7.8%p", "+8.8%p", "+7.8%p", "+19.5%p"]


def test_the_patrol_projects_city_money_is_shown_apart():
    at = run_page("budget.py")
    funding = next(t for t in tables(at) if COLUMN["funding_source"] in t.columns and COLUMN["team"] not in t.columns)
    city = funding[funding[COLUMN["funding_source"]] == "시비"]
    assert city[[COLUMN["project_no"], COLUMN["budget"], COLUMN["executed"]]].values.tolist() == [[5, 2270, 2270]]
    assert "시비 예산 2,270천원, 집행 2,270천원(5. 예방기능을 강화한 주민맞춤형 현장 순찰)" in page_text(at)


def test_budget_against_executed_bars_carry_every_line():
    found = charts(run_page("budget.py"))
    programme_bars = traces(next(s for t, s in found.items() if t.startswith("단위사업별 예산액과 집행액")))
    assert values(programme_bars["예산액"]["x"]) == [129680, 1900, 14400, 19200, 15784, 91024]
    assert values(programme_bars["집행액"]["x"]) == [114112, 1900, 11900, 16050, 13034, 85864]
    project_bars = traces(next(s for t, s in found.items() if t.startswith("사업별 예산액과 집행액")))
    assert sum(values(project_bars["예산액"]["x"])) == 180964


def test_the_curve_marks_sample_months_and_the_reports_september_point():
    at = run_page("budget.py")
    spec = curve(at)
    lines = traces(spec)
    assert len(values(lines["누적 집행률: 월말 샘플"]["y"])) == 8
    assert [round(v, 1) for v in values(lines["누적 집행률: 보고서"]["y"])] == [89.3]
    assert any(labels.SAMPLE_WATERMARK in a.get("text", "") for a in spec["layout"]["annotations"])
    caption = next(c.value for c in at.caption if "생성 샘플" in c.value and "2025. 9. 30.: 2025년 주요업무 보고" in c.value)
    assert labels.SOURCE_KIND["sample"] in caption  # said in words; the red badge is the page header's
    assert sum("샘플 기록" in w.value for w in at.warning) == 1  # the page's one sample banner


def test_the_projection_runs_to_the_year_end_at_the_current_pace():
    at = run_page("budget.py")
    projection = traces(curve(at))["연말 추정(현재 속도, 직선)"]
    assert projection["x"][-1].startswith("2025-12-31")
    assert values(projection["y"])[-1] == pytest.approx(89.2907 / (273 / 365) * 100 / 100, rel=1e-4)
    assert projection["line"]["dash"] == "dash"
    text = page_text(at)
    assert "324,703천원" in text and "2025. 11. 2.경" in text


def test_the_targets_are_drawn_with_their_basis():
    at = run_page("budget.py")
    targets = traces(curve(at))["집행률 목표(예시)"]  # the shipped targets are examples, and the legend says so
    assert values(targets["y"]) == [55.0, 80.0, 95.0]
    assert "근거: 예시값(부서 목표로 바꾸어 쓰십시오)" in page_text(at)


@pytest.fixture
def store_without_budget_targets(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(paths.DATA_DIR / "settings.csv", data / "settings.csv")
    kept = [line for line in (paths.DATA_DIR / "targets.csv").read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith("budget_execution_rate,")]
    (data / "targets.csv").write_text("".join(kept), encoding="utf-8")
    target = tmp_path / "audit.duckdb"
    build.build(target, paths.REPORT_DIR, data)
    monkeypatch.setattr(paths, "STORE_FILE", target)
    return target


def test_with_no_targets_set_no_target_is_drawn(store_without_budget_targets):
    at = run_page("budget.py")
    assert "집행률 목표" not in traces(curve(at))
    assert "2025년 집행률 목표가 data/targets.csv에 없어 목표는 그리지 않았습니다." in page_text(at)
    assert "목표 미설정" in page_text(at)


def test_the_first_quarter_uses_the_sample_snapshot_of_31_march_and_says_so():
    at = run_page("budget.py", {"from": "2025Q1", "to": "2025Q1"})
    text = page_text(at)
    assert "기준 시점: 2025. 3. 31. (샘플(생성 데이터))" in text
    assert metrics(at)["집행률"] != "89%"
    assert all(labels.SAMPLE_BADGE in c.value for c in at.caption if "기간: 2025. 1. 1. ~ 2025. 3. 31. 누계" in c.value)
    programmes = table_with(at, COLUMN["programme"], COLUMN["execution_rate"])
    assert COLUMN["execution_rate_printed"] not in programmes.columns  # no printed rate for a sample date
    assert len(values(traces(curve(at))["누적 집행률: 월말 샘플"]["y"])) == 3


def test_a_rate_behind_the_year_points_down_in_red_and_one_ahead_up_in_green():
    def rate_tile(at):
        return next(m.proto for m in at.metric if m.label == "집행률")

    behind = rate_tile(run_page("budget.py", {"from": "2025Q1", "to": "2025Q1"}))
    assert behind.delta == "경과율 대비 △3.7%p"
    assert (behind.direction, behind.color) == (Metric.MetricDirection.DOWN, Metric.MetricColor.RED)
    ahead = rate_tile(run_page("budget.py"))
    assert ahead.delta == "경과율 대비 +14.5%p"
    assert (ahead.direction, ahead.color) == (Metric.MetricDirection.UP, Metric.MetricColor.GREEN)


def test_the_fourth_quarter_falls_back_to_the_latest_snapshot_9_30():
    text = page_text(run_page("budget.py", {"from": "2025Q4", "to": "2025Q4"}))
    assert "기준 시점: 2025. 9. 30. (보고서)" in text and "선택 기간의 끝(2025. 12. 31.)" in text


def test_a_year_without_execution_data_says_so_plainly():
    at = run_page("budget.py", {"from": "2024Q1", "to": "2024Q4"})
    assert any("2024년 예산 집행 자료가 없습니다" in i.value and "2025. 9. 30." in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.metric


def test_2026_plans_against_2025_with_triangles_for_decreases():
    at = run_page("budget.py")
    plans = table_with(at, COLUMN["plan_2026"], COLUMN["change"])
    rows = plans.set_index(COLUMN["project_no"])
    # Like for like: Ⅲ-5's 구비 14,462 against Ⅱ-5's 구비 13,514 (its 시비 2,270 is not in the 2026 plan).
    assert [fmt.signed(c) for c in rows[COLUMN["change"]]] == ["△660", "+4,000", "0", "0", "+948", "+36,014", "+40,302"]
    assert [fmt.signed_percent(c) for c in rows[COLUMN["change_rate"]]] == [
        "△1.1%", "+27.8%", "0.0%", "0.0%", "+7.0%", "+53.8%", "+22.6%"]
    assert rows.loc["-", [COLUMN["budget_2025"], COLUMN["plan_2026"]]].tolist() == [180964, 218996]
    assert "2026년 6개 사업 소요예산 218,996천원" in page_text(at)
    assert "178,694천원 대비 +40,302천원(+22.6%)" in page_text(at)


def test_the_reconciliation_shows_each_difference_in_thousand_won():
    at = run_page("budget.py")
    table = table_with(at, COLUMN["expected"], COLUMN["actual"], COLUMN["difference"])
    found = {(r[COLUMN["programme"]], r[COLUMN["measure"]]): fmt.signed(r[COLUMN["difference"]])
             for _, r in table.iterrows() if r[COLUMN["difference"]]}
    assert found == {
        ("청렴하고 투명한 감사행정", "budget"): "+1,780",
        ("청렴하고 투명한 감사행정", "executed"): "+1,779",
        ("비위예방 강화 및 공직 투명성 확보", "budget"): "△1,780",
        ("비위예방 강화 및 공직 투명성 확보", "executed"): "△1,780",
        ("계(기본경비 포함)", "executed"): "△1",
    }
    assert table[COLUMN["project_nos"]].tolist()[:2] == ["1, 6", "1, 6"]
    text = page_text(at)
    assert "청렴하고 투명한 감사행정 예산액 +1,780천원" in text and "계(기본경비 포함) 집행액 △1천원" in text
    mapping = table_with(at, COLUMN["basis"])
    assert mapping[COLUMN["project_no"]].tolist() == ["1", "6", "3", "2", "4", "5"]


def test_the_council_pack_gets_what_the_page_shows_with_sample_marks():
    from audit_dashboard.period import Period
    from conftest import REPORT_PERIOD
    from audit_dashboard.views import budget

    items = {item.key: item for item in budget.council_items(REPORT_PERIOD)}
    assert list(items) == ["budget_total", "budget_programmes_bars", "budget_programmes", "budget_projects_bars",
                           "budget_projects", "budget_funding", "budget_execution_curve", "budget_plans_bars",
                           "budget_plans"]
    # The reconciliation goes to the pack's appendix, which is off unless asked for.
    assert [item.key for item in budget.council_appendix(REPORT_PERIOD)] == ["budget_reconciliation",
                                                                             "budget_programme_projects"]
    total = items["budget_total"].frame.iloc[0]
    assert (total["budget"], total["executed"], fmt.percent(total["execution_rate"])) == (271988, 242860, "89%")
    assert [key for key, item in items.items() if item.sample] == ["budget_execution_curve"]
    june = {item.key: item for item in budget.council_items(Period.of_year(2025, 2, 2))}
    assert june["budget_total"].sample and june["budget_programmes"].sample
    assert [item.key for item in budget.council_items(Period.of_year(2024, 1, 4))] == [
        "budget_plans_bars", "budget_plans"]
