"""예산 집행 page: the report's 9. 30. execution by default in four tabs (현황 · 사업별 · 추이 · 대사), each
단위사업's rate against the year elapsed, sample month-ends marked, the previous year's curve where the store has
it (no straight-line estimate), the period filter, and the reconciliation of the two budget groupings."""
import base64
import datetime as dt
import json
import shutil

import numpy as np
import pytest

from streamlit.proto.Metric_pb2 import Metric

from audit_dashboard import build, fmt, labels, paths, slides
from conftest import metrics, page_text, run_page, tables
from import_support import imported_budget_snapshots

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


# The report's Ⅰ-4 예산현황 (../shared/source/002_955a837148126bd6.txt): 집행률(%) (9.30.기준) per 단위사업.
PRINTED_RATES = {"청렴하고 투명한 감사행정": 88, "비위예방 강화 및 공직 투명성 확보": 100,
                 "사람중심, 행복한 삶을 위한 인권 영등포구 구현": 83, "생활 속 주민불편 및 갈등해결 고충민원 관리": 84,
                 "안전하고 쾌적한 주민맞춤형 현장중심의 순찰 강화": 83, "기본경비": 94}
AS_OF = dt.date(2025, 9, 30)


def year_elapsed(day: dt.date) -> float:
    """Days of the year gone by the end of `day`, as a percent of the year's days."""
    days_in_year = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    return 100 * ((day - dt.date(day.year, 1, 1)).days + 1) / days_in_year


def test_the_page_is_four_tabs_under_the_tiles():
    at = run_page("budget.py")
    assert [t.label for t in at.tabs] == ["현황", "사업별", "추이", "대사"]
    assert list(metrics(at)) == ["예산액(천원)", "집행액(천원)", "집행잔액(천원)", "집행률"]


def test_in_the_presentation_view_the_four_parts_follow_one_another_as_slides():
    at = run_page("budget.py", {"view": "present"})
    titles = []
    while True:
        assert not at.tabs
        titles += [h.value for h in at.main.subheader]
        if at.button(key=slides.NEXT_KEY).proto.disabled:
            break
        at.button(key=slides.NEXT_KEY).click().run()
    assert titles[0] == "주요 지표"  # the tiles first, then the tabs' parts in their order
    assert [t for t in titles if t in ("현황", "사업별", "추이", "대사")] == ["현황", "사업별", "추이", "대사"]


def test_the_status_tab_draws_each_programmes_printed_rate_against_the_year_elapsed():
    at = run_page("budget.py")
    status = at.tabs[0]
    specs = [json.loads(c.proto.spec) for c in status.get("plotly_chart")]
    assert len(specs) == 1  # the one chart that matters
    spec = specs[0]
    assert spec["layout"]["title"]["text"].startswith("단위사업별 집행률과 연간 경과율")
    rates = traces(spec)["집행률"]
    shown = dict(zip(rates["y"], values(rates["x"])))
    assert {name: fmt.round_half_up(rate, 0) for name, rate in shown.items()} == PRINTED_RATES
    assert set(values(traces(spec)["예산액(100%)"]["x"])) == {100}
    marker = [shape for shape in spec["layout"]["shapes"] if shape["x0"] == shape["x1"]]
    assert len(marker) == 1
    assert marker[0]["x0"] == pytest.approx(year_elapsed(AS_OF))  # 273 of 365 days
    label = f"연간 경과율 {year_elapsed(AS_OF):.1f}%"
    assert label == "연간 경과율 74.8%"
    assert any(a.get("text") == label for a in spec["layout"]["annotations"])
    assert any(COLUMN["programme"] in t.value.columns for t in status.dataframe)  # the short table below


def test_the_default_period_shows_the_reports_271988_242860_and_89_percent():
    at = run_page("budget.py")
    shown = metrics(at)
    assert shown["예산액(천원)"] == "271,988"
    assert shown["집행액(천원)"] == "242,860"
    assert shown["집행잔액(천원)"] == "29,128"
    assert shown["집행률"] == "89%"
    text = page_text(at)
    assert "기준 시점: 2025. 9. 30. (보고서)" in text and "단위사업 6개(기본경비 포함)" in text
    assert "74.8%" in text and "+14.5%p" in text
    assert "목표 80% 달성(+9.3%p)" in text and "예시 목표" in text and "바꾸어 쓰십시오" not in text


def test_every_programme_and_project_rate_on_screen_is_the_printed_rate():
    programmes = table_with(run_page("budget.py"), COLUMN["programme"], COLUMN["execution_rate"])  # 현황, the first tab
    assert [fmt.percent(r) for r in programmes[COLUMN["execution_rate"]]] == ["88%", "100%", "83%", "84%", "83%", "94%"]
    assert programmes[COLUMN["execution_rate_printed"]].tolist() == [88, 100, 83, 84, 83, 94]
    projects = table_with(run_page("budget.py", tab="사업별"), COLUMN["project"], COLUMN["funding_sources"])
    assert [fmt.percent(r) for r in projects[COLUMN["execution_rate"]]] == ["90%", "83%", "100%", "84%", "83%", "86%"]
    assert projects[COLUMN["execution_rate_printed"]].tolist() == [90, 83, 100, 84, 83, 86]
    assert [fmt.points(g) for g in programmes[COLUMN["gap"]]] == ["+13.2%p", "+25.2%p", "+7.8%p", "+8.8%p", "+7.8%p", "+19.5%p"]


def test_the_patrol_projects_city_money_is_shown_apart():
    at = run_page("budget.py", tab="사업별")
    funding = next(t for t in tables(at) if COLUMN["funding_source"] in t.columns and COLUMN["team"] not in t.columns)
    city = funding[funding[COLUMN["funding_source"]] == "시비"]
    assert city[[COLUMN["project_no"], COLUMN["budget"], COLUMN["executed"]]].values.tolist() == [[5, 2270, 2270]]
    assert "시비 예산 2,270천원, 집행 2,270천원(5. 예방기능을 강화한 주민맞춤형 현장 순찰)" in page_text(at)


def test_the_projects_tab_carries_every_project_and_the_funding_sources():
    at = run_page("budget.py", tab="사업별")
    projects_tab = at.tabs[1]
    assert not at.tabs[0].children  # only the open tab is drawn
    specs = {json.loads(c.proto.spec)["layout"]["title"]["text"].split(" <span")[0]: json.loads(c.proto.spec)
             for c in projects_tab.get("plotly_chart")}
    project_bars = traces(next(s for t, s in specs.items() if t.startswith("사업별 예산액과 집행액")))
    assert sum(values(project_bars["예산액"]["x"])) == 180964
    assert any(COLUMN["funding_source"] in t.value.columns for t in projects_tab.dataframe)


def test_the_curve_marks_sample_months_and_the_reports_september_point():
    at = run_page("budget.py", tab="추이")
    spec = curve(at)
    lines = traces(spec)
    assert len(values(lines["2025년 누적 집행률: 월말 샘플"]["y"])) == 8
    assert [round(v, 1) for v in values(lines["2025년 누적 집행률: 보고서"]["y"])] == [89.3]
    assert any(labels.SAMPLE_WATERMARK in a.get("text", "") for a in spec["layout"]["annotations"])
    caption = next(c.value for c in at.caption if "생성 샘플" in c.value and "2025. 9. 30.: 2025년 주요업무 보고" in c.value)
    assert labels.SOURCE_KIND["sample"] in caption  # said in words; the red badge is the page header's
    assert sum("샘플 기록" in w.value for w in at.warning) == 1  # the page's one sample banner


def test_no_straight_line_estimate_and_no_previous_year_is_said_plainly():
    at = run_page("budget.py", tab="추이")
    assert "연말 추정" not in page_text(at)
    assert not [name for name in traces(curve(at)) if name and "추정" in name]
    assert not any("추정" in t.label for t in at.tabs) and not any("연말 추정" in h.value for h in at.subheader)
    assert "2024년 집행 자료가 저장소에 없어 전년 곡선과 견주지 못합니다. 연말 집행률은 추정하지 않습니다" in page_text(at)
    assert not [name for name in traces(curve(at)) if name and name.startswith("2024년")]


def test_with_last_years_snapshots_the_trend_tab_draws_that_years_curve_named_by_its_year(workspace, page_on):
    imported_budget_snapshots(workspace)  # 2026. 6. 30. and 7. 31. of one department, real 지방재정365 files
    at = page_on("budget", {"from": "2026Q3", "to": "2026Q3", "section": "추이"})
    assert "기준 시점: 2026. 7. 31. (가져온 자료)" in page_text(at)
    assert "단위사업 6개" not in page_text(at)  # the tile counts the imported lines
    # 2025's month-ends before 9. 30. are generated: the page says so once, the chart carries the watermark.
    assert sum("2025년 곡선의 월말 집행 수치" in w.value and "샘플 기록" in w.value for w in at.warning) == 1
    trend = at.tabs[2]
    spec = next(json.loads(c.proto.spec) for c in trend.get("plotly_chart"))
    assert spec["layout"]["title"]["text"].startswith("월별 누적 집행률(2026년, 2026. 7. 31.까지)과 2025년")
    lines = traces(spec)
    before = lines["2025년 누적 집행률(그해 예산액 대비)"]
    # 2025 as the store has it: eight sample month-ends, then the report's 242,860 of 271,988 on 9. 30.
    assert [round(v, 1) for v in values(before["y"])][-1] == round(100 * 242860 / 271988, 1)
    assert len(values(before["y"])) == 1 + 9  # from 1 January
    assert before["x"][-1].startswith("2026-09-30")  # drawn on this year's axis, at its own month and day
    assert [round(v, 1) for v in values(lines["2026년 누적 집행률: 가져온 자료"]["y"])] and "2026년 누적 집행률: 보고서" not in lines
    text = page_text(at)
    assert "2025년 같은 시점(2025. 7. 31.)의 집행률은 67.2%" in text  # the 7. 31. sample month-end
    assert "2025년 마지막 자료(2025. 9. 30.) 집행률: 89.3%" in text
    assert "연말 추정" not in text


def test_the_targets_are_drawn_with_their_basis():
    at = run_page("budget.py", tab="추이")
    targets = traces(curve(at))["집행률 목표(예시)"]  # the shipped targets are examples, and the legend says so
    assert values(targets["y"]) == [55.0, 80.0, 95.0]
    assert "이상 — 예시 목표" in page_text(at) and "data/targets.csv" not in page_text(at)


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
    at = run_page("budget.py", tab="추이")
    assert "집행률 목표" not in traces(curve(at))
    assert "2025년 집행률 목표가 정해지지 않아 목표는 그리지 않았습니다." in page_text(at)
    assert "목표 미설정" in page_text(at)


def test_the_first_quarter_uses_the_sample_snapshot_of_31_march_and_says_so():
    at = run_page("budget.py", {"from": "2025Q1", "to": "2025Q1"})
    text = page_text(at)
    assert "기준 시점: 2025. 3. 31. (샘플(생성 데이터))" in text
    assert metrics(at)["집행률"] != "89%"
    assert all(labels.SAMPLE_BADGE in c.value for c in at.caption if "기간: 2025. 1. 1. ~ 2025. 3. 31. 누계" in c.value)
    programmes = table_with(at, COLUMN["programme"], COLUMN["execution_rate"])
    assert COLUMN["execution_rate_printed"] not in programmes.columns  # no printed rate for a sample date
    trend = run_page("budget.py", {"from": "2025Q1", "to": "2025Q1"}, tab="추이")
    assert len(values(traces(curve(trend))["2025년 누적 집행률: 월말 샘플"]["y"])) == 3


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


def test_the_2026_plans_are_left_to_the_plans_page_and_linked_with_the_period():
    at = run_page("budget.py")
    assert COLUMN["plan_2026"] not in {c for t in tables(at) for c in t.columns}
    assert not any("소요예산" in h.value for h in at.subheader) and "218,996" not in page_text(at)
    assert not [json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if "소요예산" in json.loads(c.proto.spec)["layout"]["title"]["text"]]
    link = next(p for p in at.get("page_link") if "2026 계획" in p.proto.label)
    assert link.proto.page.endswith("plans")
    assert "from=2025Q1" in link.proto.query_string and "to=2025Q3" in link.proto.query_string


def test_the_reconciliation_shows_each_difference_in_thousand_won():
    at = run_page("budget.py", tab="대사")
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


def test_the_reconciliation_tab_is_collapsed_and_names_no_file():
    import re

    at = run_page("budget.py", tab="대사")
    tab = at.tabs[3]
    assert [e.label for e in tab.expander] == ["단위사업별 예산과 사업별 예산의 맞춤", "보고서 원문의 차이와 설명",
                                               "단위사업과 사업의 대응"]
    assert not any(e.proto.expanded for e in tab.expander)
    assert any(COLUMN["difference"] in t.value.columns for t in tab.dataframe)
    words = [m.value for m in tab.markdown] + [c.value for c in tab.caption] + [e.label for e in tab.expander]
    words += [str(v) for t in tab.dataframe for v in [*t.value.columns, *t.value.astype(str).to_numpy().ravel()]]
    assert not re.findall(r"\.(?:csv|json|md|txt|xlsx|sql|duckdb)\b", "\n".join(words))


def test_the_council_pack_gets_what_the_page_shows_with_sample_marks():
    from audit_dashboard.period import Period
    from conftest import REPORT_PERIOD
    from audit_dashboard.views import budget

    items = {item.key: item for item in budget.council_items(REPORT_PERIOD)}
    assert list(items) == ["budget_total", "budget_programmes_bullets", "budget_programmes", "budget_projects_bars",
                           "budget_projects", "budget_funding", "budget_execution_curve"]
    # The reconciliation goes to the pack's appendix, which is off unless asked for.
    assert [item.key for item in budget.council_appendix(REPORT_PERIOD)] == ["budget_reconciliation",
                                                                             "budget_programme_projects"]
    total = items["budget_total"].frame.iloc[0]
    assert (total["budget"], total["executed"], fmt.percent(total["execution_rate"])) == (271988, 242860, "89%")
    assert [key for key, item in items.items() if item.sample] == ["budget_execution_curve"]
    june = {item.key: item for item in budget.council_items(Period.of_year(2025, 2, 2))}
    assert june["budget_total"].sample and june["budget_programmes"].sample
    assert budget.council_items(Period.of_year(2024, 1, 4)) == []  # the 2026 plans are the plans page's
