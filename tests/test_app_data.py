"""The answers cache (app_data): kept per store version, so a rebuilt store (an import, a restore) is never
answered from the old one; what callers get to change is their own; a memoized view reads one version."""
from __future__ import annotations

import pandas as pd

from audit_dashboard import app_data, build, content, export, paths, settings, store
from audit_dashboard.views import complaints
from conftest import REPORT_PERIOD


def _settings_store(target, district: str) -> None:
    """A store with the real schema and only its settings table filled (a quick new version)."""
    frame = pd.DataFrame({"key": ["district", "department"], "value": [district, "감사담당관"], "note": ["", ""]})
    store.write_store(build.SCHEMA_FILES, {"settings": frame}, target)


def test_a_rebuilt_store_is_answered_afresh(tmp_path, monkeypatch):
    target = tmp_path / "audit.duckdb"
    monkeypatch.setattr(paths, "STORE_FILE", target)
    _settings_store(target, "가구")
    assert settings.office() == "가구 감사담당관"
    assert settings.office() == "가구 감사담당관"  # the second time from the memo
    _settings_store(target, "나구")  # a new version, as an import or a restore makes
    assert settings.office() == "나구 감사담당관"


def test_an_answer_is_the_callers_own_to_change():
    first = app_data.ask("settings")
    first["value"] = "바뀐 값"
    first.loc[0, "key"] = "바뀐 키"
    again = app_data.ask("settings")
    assert "바뀐 값" not in set(again["value"]) and "바뀐 키" not in set(again["key"])


def test_a_memoized_view_is_made_once_per_version_and_reads_the_version_it_started_on(tmp_path, monkeypatch):
    calls = []

    @app_data.per_store
    def office_twice():
        calls.append(1)
        before = settings.office()
        _settings_store(target, "다른구")  # an import lands while the view is being made
        return before, settings.office()

    target = tmp_path / "audit.duckdb"
    monkeypatch.setattr(paths, "STORE_FILE", target)
    _settings_store(target, "가구")
    assert office_twice() == ("가구 감사담당관", "가구 감사담당관")  # one version throughout
    assert settings.office() == "다른구 감사담당관"  # the next question goes to the new version
    office_twice()
    assert len(calls) == 2  # a new version: made again


def test_a_view_chart_is_shared_and_finished_once_for_the_screen():
    chart = complaints.trend(REPORT_PERIOD, "month")
    assert complaints.trend(REPORT_PERIOD, "month") is chart
    finished = export.screen_figure(chart)
    assert export.screen_figure(chart) is finished
    assert finished.to_json() == export.finished_figure(chart).to_json()  # what the page drew before
    assert chart.figure.layout.title.text is None  # the chart itself stays unfinished (exports finish it their way)
    retitled = content.Chart(**{**chart.__dict__, "title": "다른 제목"})
    assert "다른 제목" in export.screen_figure(retitled).layout.title.text


def test_the_memo_keeps_what_weighs_least_recently_used_out_first():
    memo = app_data.Memo(weight=30)
    for i in range(40):
        memo.get(("view", i), lambda: object())
    assert len(memo) == 30
    big = pd.DataFrame({"n": range(app_data.ROWS_PER_WEIGHT * 20)})  # weighs 21
    memo.get("records", lambda: big)
    assert len(memo) == 10  # nine views left beside it
    assert memo.get("records", lambda: None) is big
    memo.get(("view", 39), lambda: None)  # still kept: the most recent views stay
    assert memo.get(("view", 0), lambda: "made again") == "made again"


def test_counts_added_up_from_months_are_the_summaries_counts():
    """The complaints and patrols pages compare with counts added up from one monthly answer over the period
    and what it is set against: each slice is the summary's count of that period."""
    from audit_dashboard.drill import Filters
    from audit_dashboard.period import Period, Quarter
    from audit_dashboard.views import patrols, records

    periods = [REPORT_PERIOD, REPORT_PERIOD.year_earlier(), REPORT_PERIOD.previous(), Period(Quarter(2024, 2), Quarter(2024, 2)),
               Period(Quarter(2016, 1), Quarter(2025, 4))]
    def count(months, period) -> int:
        return int(records.within(months, period.start, period.end)["received"].sum())

    for period in periods:
        compared = [p for _, p in records.comparisons(period)]
        for shown in (period, period.year_earlier()):
            assert count(patrols.field_months(period), shown) == patrols.field_complaints(shown)["received"]
        for filters in (Filters(), Filters(channel="응답소"), Filters(department=complaints.known_values()["department"][0])):
            months = complaints.months_around(period, filters)
            for shown in [period, *compared]:
                assert count(months, shown) == complaints.received_in(shown, filters), (period, shown, filters)
