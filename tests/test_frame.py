"""The frame every page is drawn in: the Korean menu, the period filter over any range of quarters, the
trend grain, and the URL that keeps them. Pages run as their URL opens them (tests/conftest.py run_page)."""
from __future__ import annotations

import json

import pytest

from audit_dashboard import markdown, navigation
from audit_dashboard.navigation import PAGES
from audit_dashboard.period import Period, Quarter
from audit_dashboard.views import complaints
from conftest import EDITION, metrics, open_app, page_text, run_page
from report_pages import numbers

CROSS_YEAR = {"from": "2024Q3", "to": "2025Q2"}
TREND_PAGES = [p for p in PAGES if p.trends]


def count(text: str) -> int:
    return int(text.replace(",", "").rstrip("건회"))


def chart(at, words: str) -> dict:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if words in spec["layout"]["title"]["text"]:
            return spec
    raise AssertionError(f"'{words}' 제목의 차트가 없습니다")


def sidebar_box(at, label: str):
    return next(box for box in at.sidebar.selectbox if box.label == label)


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_has_the_korean_menu_and_its_links_keep_the_period_and_grain(page):
    at = run_page(page.file, {**CROSS_YEAR, "grain": "quarter"})
    links = [link.proto for link in at.sidebar.get("page_link")]
    assert [link.label for link in links] == [p.title for p in PAGES]
    assert [link.icon for link in links] == [p.icon for p in PAGES]
    assert [link.page for link in links] == [p.url for p in PAGES]  # '' is /, the others their file names
    assert {link.query_string for link in links} == {f"from=2024Q3&to=2025Q2&grain=quarter&report={EDITION}"}
    # ... and the rest of the frame: the period filter, the presentation view and the council pack.
    assert sidebar_box(at, "시작 분기").value == Quarter(2024, 3) and sidebar_box(at, "끝 분기").value == Quarter(2025, 2)
    assert [p.label for p in at.sidebar.pills] == ["빠른 선택"]
    assert [s.label for s in at.sidebar.segmented_control] == (["추이"] if page.trends else []) + ["의회 보고 자료 용지"]
    assert sidebar_box(at, "보고서").value == EDITION  # the latest edition, the only one shipped
    assert "present_enter" in [b.key for b in at.sidebar.button]
    assert "council_pack" in [b.key for b in at.sidebar.get("download_button")]
    assert dict(at.query_params) == {**CROSS_YEAR, "grain": "quarter", "report": EDITION}


def test_2024_q3_to_2025_q2_complaints_received_are_the_sum_of_its_four_quarters():
    at = run_page("complaints.py", CROSS_YEAR)
    total = count(metrics(at)["접수"])
    quarters = [count(metrics(run_page("complaints.py", {"from": q, "to": q}))["접수"])
                for q in ("2024Q3", "2024Q4", "2025Q1", "2025Q2")]
    assert total == sum(quarters) == 2078
    text = page_text(at)
    assert "2024년 3분기~2025년 2분기" in text and "2024. 7. 1. ~ 2025. 6. 30." in text
    assert dict(at.query_params) == {**CROSS_YEAR, "grain": "month", "report": EDITION}


def test_2024_q3_to_2025_q2_patrol_sessions_and_findings_are_the_sum_of_its_four_quarters():
    whole = metrics(run_page("patrols.py", CROSS_YEAR))
    parts = [metrics(run_page("patrols.py", {"from": q, "to": q})) for q in ("2024Q3", "2024Q4", "2025Q1", "2025Q2")]
    for tile in ("순찰", "적출", "응답소 현장민원 처리"):
        assert count(whole[tile]) == sum(count(part[tile]) for part in parts), tile


def test_a_range_across_years_chosen_in_the_sidebar_is_the_same_as_by_url():
    direct = metrics(run_page("complaints.py", CROSS_YEAR))
    at = run_page("complaints.py")
    sidebar_box(at, "시작 분기").set_value(Quarter(2024, 3)).run()
    assert dict(at.query_params)["from"] == "2024Q3" and dict(at.query_params)["to"] == "2025Q3"
    sidebar_box(at, "끝 분기").set_value(Quarter(2025, 2)).run()
    assert not at.exception
    assert dict(at.query_params) == {**CROSS_YEAR, "grain": "month", "report": EDITION}
    assert metrics(at) == direct


def test_a_start_after_the_end_moves_the_end_along():
    at = run_page("complaints.py", {"from": "2024Q1", "to": "2024Q2"})
    sidebar_box(at, "시작 분기").set_value(Quarter(2025, 1)).run()
    assert (at.query_params["from"], at.query_params["to"]) == ("2025Q1", "2025Q1")
    sidebar_box(at, "끝 분기").set_value(Quarter(2024, 3)).run()
    assert (at.query_params["from"], at.query_params["to"]) == ("2024Q3", "2024Q3")


def test_the_filter_offers_every_quarter_from_the_first_record_to_the_last():
    at = run_page("budget.py")
    assert sidebar_box(at, "시작 분기").options == sidebar_box(at, "끝 분기").options == [f"{y}년 {q}분기" for y in (2024, 2025) for q in range(1, 5)][:7]  # records: 2024. 1. 1. ~ 2025. 9. 30.


@pytest.mark.parametrize("preset,params", [("작년", ("2024Q1", "2024Q4")), ("최근 4분기", ("2024Q4", "2025Q3")),
                                           ("올해", ("2025Q1", "2025Q3")), ("보고서 기간", ("2025Q1", "2025Q3"))])
def test_presets_set_the_period_counted_from_the_last_quarter_with_records(preset, params):
    at = run_page("complaints.py", {"from": "2024Q2", "to": "2024Q2"})
    at.sidebar.pills[0].set_value(preset).run()
    assert not at.exception
    assert (at.query_params["from"], at.query_params["to"]) == params
    assert at.sidebar.pills[0].value == ("보고서 기간" if preset == "올해" else preset)  # 올해 is the report's period here


def test_the_report_period_preset_is_the_reports_own_period_and_shown_as_chosen_by_default():
    at = run_page("overview.py")
    assert at.sidebar.pills[0].value == "보고서 기간"
    assert "보고서 기간: 2025년 1~3분기(2025. 1. 1. ~ 2025. 9. 30.)" in at.sidebar.pills[0].help.replace("\\~", "~")


def test_trends_follow_the_grain_by_month_or_by_quarter_across_years():
    by_month = chart(run_page("complaints.py", CROSS_YEAR), "월별 고충민원 접수(전년 같은 달 대비)")
    assert by_month["data"][0]["x"] == [f"2024년 {m}월" for m in range(7, 13)] + [f"2025년 {m}월" for m in range(1, 7)]
    assert [trace["name"] for trace in by_month["data"]] == ["2024년 3분기~2025년 2분기", "2023년 3분기~2024년 2분기"]
    assert sum(numbers(by_month["data"][0]["y"])) == 2078
    at = run_page("complaints.py", {**CROSS_YEAR, "grain": "quarter"})
    by_quarter = chart(at, "분기별 고충민원 접수(전년 같은 분기 대비)")
    assert by_quarter["data"][0]["x"] == ["2024년 3분기", "2024년 4분기", "2025년 1분기", "2025년 2분기"]
    quarters = numbers(by_quarter["data"][0]["y"])
    assert quarters == [count(metrics(run_page("complaints.py", {"from": q, "to": q}))["접수"])
                        for q in ("2024Q3", "2024Q4", "2025Q1", "2025Q2")]
    channels = chart(at, "분기별 고충민원 접수(경로별)")
    assert [sum(v) for v in zip(*(numbers(t["y"]) for t in channels["data"]))] == quarters


def test_the_grain_control_changes_the_url_and_the_patrol_trends():
    at = run_page("patrols.py", CROSS_YEAR)
    assert len(chart(at, "월별 순찰 횟수")["data"][0]["x"]) == 12
    next(s for s in at.sidebar.segmented_control if s.label == "추이").set_value("quarter").run()
    assert not at.exception and at.query_params["grain"] == "quarter"
    sessions = chart(at, "분기별 순찰 횟수")
    assert sessions["data"][0]["x"] == ["2024년 3분기", "2024년 4분기", "2025년 1분기", "2025년 2분기"]
    assert sum(sum(numbers(t["y"])) for t in sessions["data"]) == count(metrics(at)["순찰"])
    field = chart(run_page("patrols.py", {**CROSS_YEAR, "grain": "quarter"}, tab="응답소 현장민원과 동별 순찰"),
                  "분기별 응답소 현장민원 처리(전년 같은 분기 대비)")
    assert sum(numbers(field["data"][0]["y"])) == count(metrics(at)["응답소 현장민원 처리"])


@pytest.mark.parametrize("page", TREND_PAGES + [navigation.page("overview"), navigation.page("budget")],
                         ids=lambda p: p.url_path)
def test_a_ten_year_range_is_drawn_by_month_and_by_quarter_and_says_what_records_cover(page):
    for grain, buckets in (("month", 120), ("quarter", 40)):
        # The patrols page's chart set against a year earlier is 응답소 현장민원's, in its own tab.
        at = run_page(page.file, {"from": "2016Q1", "to": "2025Q4", "grain": grain},
                      tab="응답소 현장민원과 동별 순찰" if page.url_path == "patrols" else None)
        text = page_text(at)
        assert "2016년 1분기~2025년 4분기" in text
        if page.trends:
            trend = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                         if "2016년 1분기~2025년 4분기" in [t.get("name") for t in json.loads(c.proto.spec)["data"]])
            assert len(trend["data"][0]["x"]) == buckets
            assert "기록은 2025. 9. 30.까지 있어 그 뒤는 빠져 있습니다." in text
            assert "비교하지 않음" in text  # no records for the ten years before


def grain_control(at):
    return next(s for s in at.sidebar.segmented_control if s.label == "추이")


@pytest.mark.parametrize("first,last,grain,bars", [("2023Q1", "2025Q4", "month", 36), ("2022Q4", "2025Q4", "quarter", 13),
                                                   ("2016Q1", "2025Q4", "quarter", 40)])
def test_a_period_over_three_years_opened_without_a_grain_is_drawn_by_quarter(first, last, grain, bars):
    at = run_page("complaints.py", {"from": first, "to": last})
    assert not at.exception
    assert at.query_params["grain"] == grain and grain_control(at).value == grain
    by = {"month": "월별", "quarter": "분기별"}[grain]
    assert len(chart(at, f"{by} 고충민원 접수(전년 같은")["data"][0]["x"]) == bars
    assert "3년이 넘는 기간은 분기별로 시작합니다" in grain_control(at).help


def test_choosing_a_period_over_three_years_in_the_sidebar_draws_it_by_quarter_and_a_short_one_by_month_again():
    at = run_page("complaints.py", {"from": "2016Q1", "to": "2016Q4"})
    assert at.query_params["grain"] == "month"
    sidebar_box(at, "끝 분기").set_value(Quarter(2025, 3)).run()
    assert not at.exception and at.query_params["grain"] == "quarter" and grain_control(at).value == "quarter"
    assert len(chart(at, "분기별 고충민원 접수(전년 같은 분기 대비)")["data"][0]["x"]) == 39
    at.sidebar.pills[0].set_value("작년").run()
    assert not at.exception and at.query_params["grain"] == "month" and grain_control(at).value == "month"
    assert len(chart(at, "월별 고충민원 접수(전년 같은 달 대비)")["data"][0]["x"]) == 12


def test_a_grain_chosen_for_a_long_period_stays_while_the_period_stays_long():
    at = run_page("patrols.py", {"from": "2016Q1", "to": "2025Q4"})
    grain_control(at).set_value("month").run()
    assert at.query_params["grain"] == "month"
    sidebar_box(at, "시작 분기").set_value(Quarter(2017, 1)).run()
    assert not at.exception and at.query_params["grain"] == "month"
    assert len(chart(at, "월별 순찰 횟수")["data"][0]["x"]) == 108


def test_the_council_pack_draws_a_ten_year_period_by_quarter_as_the_page_starts():
    ten_years = complaints.council_items(Period.from_params("2016Q1", "2025Q4"))
    assert any(item.title.startswith("분기별 고충민원 접수") for item in ten_years)
    assert not any(item.title.startswith("월별") for item in ten_years)
    assert any(item.title.startswith("월별 고충민원 접수") for item in complaints.council_items(Period.from_params("2025Q1", "2025Q3")))


@pytest.mark.parametrize("query,says", [
    ({"from": "2025Q5", "to": "2025Q3"}, "'from=2025Q5' 값은 2025Q1처럼 연도와 분기(Q1~Q4)로 적어야 합니다"),
    ({"from": "2025Q3", "to": "2024Q4"}, "시작 분기(2025Q3)가 끝 분기(2024Q4)보다 늦습니다"),
    ({"from": "2025Q1"}, "'to=' 값은 2025Q1처럼"),
    ({"from": "1990Q1", "to": "2025Q4"}, "기간은 20년(80개 분기)까지 고를 수 있습니다"),
])
def test_a_malformed_period_in_the_url_warns_in_korean_and_shows_the_reports_period(query, says):
    at = run_page("complaints.py", query)
    warning = next(w.value for w in at.warning if markdown.literal("주소의 기간을 읽을 수 없어") in w.value)
    # Shown as written: every punctuation mark escaped, so '~' cannot strike the text between through.
    assert markdown.literal(f"보고서 기간(2025년 1~3분기)으로 보여 줍니다: {says}") in warning
    assert metrics(at)["접수"] == "1,622건"
    assert (at.query_params["from"], at.query_params["to"]) == ("2025Q1", "2025Q3")


def test_a_malformed_grain_warns_in_korean_and_draws_by_month():
    at = run_page("complaints.py", {**CROSS_YEAR, "grain": "week"})
    assert any(markdown.literal("주소의 추이 단위를 읽을 수 없어 월별로 보여 줍니다") in w.value for w in at.warning)
    assert at.query_params["grain"] == "month"
    assert chart(at, "월별 고충민원 접수")


def test_period_and_grain_carry_over_to_a_page_opened_without_them():
    at = open_app("complaints.py")
    at.query_params.update({**CROSS_YEAR, "grain": "quarter"})
    at.run()
    at.query_params.clear()  # a link without query parameters (e.g. a search result)
    at.switch_page("pages/patrols.py").run()
    assert not at.exception
    assert dict(at.query_params) == {**CROSS_YEAR, "grain": "quarter", "report": EDITION}
    assert "2024년 3분기~2025년 2분기" in page_text(at)
