"""Budget execution in the store: the shipped report's 2025. 9. 30. figures, the sample month-ends before them,
its 2026 plans against 2025, and the build check that keeps the September snapshot equal to the report."""
import datetime as dt

import pytest

from audit_dashboard import build, fmt, store
from audit_dashboard.errors import ReconciliationError
from audit_dashboard.samples import budget as budget_samples
from conftest import EDITION

SEPTEMBER = dt.date(2025, 9, 30)
PRINTED_PROGRAMME_RATES = {  # Ⅰ-4, programme_no: 집행률 as printed
    1: 88, 2: 100, 3: 83, 4: 84, 5: 83, 6: 94,
}
PRINTED_PROJECT_RATES = {  # Ⅱ-1 … Ⅱ-6
    1: 90, 2: 83, 3: 100, 4: 84, 5: 83, 6: 86,
}


def ask(con, name, **params):
    return store.run_query(con, name, **params)


def test_the_2025_total_is_271988_with_242860_executed_and_89_percent(con):
    total = ask(con, "budget_execution_at_snapshot", snapshot_date=SEPTEMBER).iloc[0]
    assert (total["budget"], total["executed"], total["remaining"]) == (271988, 242860, 29128)
    assert fmt.percent(total["execution_rate"]) == "89%"
    assert total["execution_rate_printed"] == 89
    assert total["source"] == "report"
    # 2025. 9. 30. is day 273 of 365: 74.8% of the year, and 89.3% spent is 14.5 points ahead.
    assert total["year_elapsed"] == pytest.approx(273 / 365 * 100)
    assert fmt.points(total["gap"]) == "+14.5%p"


def test_the_overview_total_still_reads_271988_242860_and_89_percent(con):
    total = ask(con, "budget_execution_at_snapshot", snapshot_date=SEPTEMBER).iloc[0]
    assert (total["budget"], total["executed"], fmt.percent(total["execution_rate"])) == (271988, 242860, "89%")


def test_every_programme_rate_rounds_to_the_printed_rate(con):
    rows = ask(con, "budget_execution_by_programme", snapshot_date=SEPTEMBER).set_index("programme_no")
    shown = {n: fmt.percent(r) for n, r in rows["execution_rate"].items()}
    assert shown == {n: f"{rate}%" for n, rate in PRINTED_PROGRAMME_RATES.items()}
    assert rows["execution_rate_printed"].to_dict() == PRINTED_PROGRAMME_RATES
    assert rows.loc[6, "programme"] == "기본경비" and rows.loc[6, "remaining"] == 5160


def test_every_project_rate_rounds_to_the_printed_rate(con):
    rows = ask(con, "budget_execution_by_project", snapshot_date=SEPTEMBER).set_index("project_no")
    shown = {n: fmt.percent(r) for n, r in rows["execution_rate"].items()}
    assert shown == {n: f"{rate}%" for n, rate in PRINTED_PROJECT_RATES.items()}
    assert rows["budget"].sum() == 180964 and rows["executed"].sum() == 156997
    assert rows.loc[5, "funding_sources"] == "시비, 구비"


def test_the_patrol_project_has_2270_from_the_city_all_spent(con):
    rows = ask(con, "budget_execution_by_funding_source", snapshot_date=SEPTEMBER)
    patrol = rows[rows["project_no"] == 5].set_index("funding_source")
    assert patrol.loc["시비", ["budget", "executed", "remaining"]].tolist() == [2270, 2270, 0]
    assert patrol.loc["구비", ["budget", "executed", "remaining"]].tolist() == [13514, 10764, 2750]
    assert fmt.percent(patrol.loc["구비", "execution_rate"]) == "80%"
    assert set(rows.loc[rows["project_no"] != 5, "funding_source"]) == {"구비"}


def test_the_september_snapshot_is_the_report_line_by_line(con):
    assert ask(con, "budget_snapshot_vs_report", edition=EDITION).empty
    rows = con.execute("SELECT level, count(*), min(source), max(source) FROM budget_snapshots "
                       "WHERE snapshot_date = DATE '2025-09-30' GROUP BY level ORDER BY level").fetchall()
    assert rows == [("programme", 6, "report", "report"), ("project", 7, "report", "report")]


def test_the_period_uses_the_latest_snapshot_on_or_before_its_end(con):
    def chosen(end):
        found = ask(con, "budget_snapshot_for_period", period_end=end)
        return None if found.empty else (found.iloc[0]["snapshot_date"].date(), found.iloc[0]["source"])

    assert chosen(dt.date(2025, 9, 30)) == (SEPTEMBER, "report")
    assert chosen(dt.date(2025, 12, 31)) == (SEPTEMBER, "report")  # 4분기: nothing after 9. 30.
    assert chosen(dt.date(2025, 6, 30)) == (dt.date(2025, 6, 30), "sample")
    assert chosen(dt.date(2025, 3, 31)) == (dt.date(2025, 3, 31), "sample")
    assert chosen(dt.date(2024, 12, 31)) is None  # no 2024 snapshots: never borrowed from 2025


def test_the_monthly_curve_is_eight_sample_month_ends_then_the_report(con):
    curve = ask(con, "budget_execution_monthly", year=2025, through=SEPTEMBER)
    assert [d.date() for d in curve["snapshot_date"]] == budget_samples.month_ends_before(SEPTEMBER) + [SEPTEMBER]
    assert curve["source"].tolist() == ["sample"] * 8 + ["report"]
    assert curve["executed"].is_monotonic_increasing
    assert curve["executed"].iloc[-1] == 242860 and set(curve["budget"]) == {271988}
    # Through a sample month the curve stops there.
    assert len(ask(con, "budget_execution_monthly", year=2025, through=dt.date(2025, 6, 30))) == 6


def test_the_total_at_september_stands_against_273_of_365_days_and_projects_nothing(con):
    total = ask(con, "budget_execution_at_snapshot", snapshot_date=SEPTEMBER).iloc[0]
    assert total["year_elapsed"] == pytest.approx(100 * 273 / 365)
    assert total["gap"] == pytest.approx(100 * 242860 / 271988 - 100 * 273 / 365)
    # No straight line to the year's end: the page compares with the previous year's curve instead.
    assert not [c for c in total.index if "project" in c or "used_up" in c]


def test_the_2026_plans_total_218996_against_180964_for_the_same_projects_178694_of_it_from_the_same_sources(con):
    total = ask(con, "budget_plans_vs_results_total", edition=EDITION).iloc[0]
    assert (total["projects"], total["plan_budget"], total["result_budget"]) == (6, 218996, 180964)
    # 2026 is 구비 only; 2025's 180,964 held 시비 2,270 (Ⅱ-5): like for like, 218,996 − 178,694.
    assert (total["result_budget_like"], total["result_budget_other"]) == (180964 - 2270, 2270)
    assert fmt.signed(total["change"]) == "+40,302"
    assert fmt.signed_percent(total["change_rate"]) == "+22.6%"


def test_the_2026_changes_are_written_with_a_triangle_for_decreases(con):
    rows = ask(con, "projects_plans_vs_results", edition=EDITION).set_index("project_no")
    changes = {n: (fmt.signed(r.change), fmt.signed_percent(r.change_rate)) for n, r in rows.iterrows()}
    assert changes == {
        1: ("△660", "△1.1%"),
        2: ("+4,000", "+27.8%"),
        3: ("0", "0.0%"),
        4: ("0", "0.0%"),
        5: ("+948", "+7.0%"),  # 구비 14,462 against 구비 13,514; 시비 2,270 beside it
        6: ("+36,014", "+53.8%"),
    }


def test_the_two_budget_groupings_differ_only_by_the_reports_own_amounts(con):
    rows = ask(con, "budget_reconciliation", edition=EDITION)
    differences = {(r.subject, r.measure): fmt.signed(r.difference) for r in rows.itertuples() if r.difference}
    assert differences == {
        ("청렴하고 투명한 감사행정", "budget"): "+1,780",
        ("청렴하고 투명한 감사행정", "executed"): "+1,779",
        ("비위예방 강화 및 공직 투명성 확보", "budget"): "△1,780",
        ("비위예방 강화 및 공직 투명성 확보", "executed"): "△1,780",
        ("계(기본경비 포함)", "executed"): "△1",
    }
    mapping = ask(con, "budget_programme_projects", edition=EDITION)
    assert mapping.groupby("programme_no")["project_no"].apply(lambda s: sorted(s.dropna())).to_dict() == {
        1: [1, 6], 2: [3], 3: [2], 4: [4], 5: [5], 6: []}


def test_targets_are_read_for_their_year_only(con):
    assert ask(con, "budget_execution_targets", year=2025)["target"].tolist() == [55.0, 80.0, 95.0]
    assert ask(con, "budget_execution_targets", year=2024).empty


def test_a_september_snapshot_that_differs_from_the_report_stops_the_build(tmp_path, monkeypatch):
    real = budget_samples.report_snapshot

    def off_by_one(report):
        frame = real(report)
        row = frame.index[(frame["level"] == "project") & (frame["line_no"] == 5) & (frame["funding_source"] == "시비")]
        frame.loc[row, "executed"] = 2269
        return frame

    monkeypatch.setattr(budget_samples, "report_snapshot", off_by_one)
    target = tmp_path / "audit.duckdb"
    with pytest.raises(ReconciliationError) as caught:
        build.build(target)
    message = caught.value.korean()
    assert "data/report/report_meta.csv" in message and "보고서 기준일 예산 집행 스냅숏" in message
    assert "사업 5(시비)" in message
    assert "2,270" in message and "2,269" in message
    assert not target.exists()
