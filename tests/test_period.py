"""The period filter: quarters, URLs and the periods pages compare against, within a year or across years."""
import datetime as dt
import re

import pytest

from audit_dashboard.period import (MAX_QUARTERS, Period, PeriodError, Quarter, default_grain, parse_grain, presets,
                                    quarters_between)
from conftest import REPORT_PERIOD


def test_the_shipped_reports_period_is_2025_q1_to_q3():
    assert REPORT_PERIOD.to_params() == {"from": "2025Q1", "to": "2025Q3"}
    assert (REPORT_PERIOD.start, REPORT_PERIOD.end) == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))
    assert REPORT_PERIOD.label == "2025년 1~3분기"
    assert REPORT_PERIOD.dates == "2025. 1. 1. ~ 2025. 9. 30."
    assert Period.covering(dt.date(2025, 1, 1), dt.date(2025, 9, 30)) == REPORT_PERIOD


def test_a_url_round_trips():
    period = Period.from_params("2025Q2", "2025Q2")
    assert Period.from_params(**{"from_text": period.to_params()["from"], "to_text": period.to_params()["to"]}) == period
    assert period.label == "2025년 2분기"
    assert (period.start, period.end) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))


def test_a_range_across_years_round_trips_and_is_labelled_with_both_years():
    period = Period.from_params("2024Q3", "2025Q2")
    assert period.to_params() == {"from": "2024Q3", "to": "2025Q2"}
    assert Period.from_params(period.to_params()["from"], period.to_params()["to"]) == period
    assert period.label == "2024년 3분기~2025년 2분기"
    assert period.dates == "2024. 7. 1. ~ 2025. 6. 30."
    assert period.quarters == 4 and period.years == [2024, 2025]
    assert [str(q) for q in period.quarter_list()] == ["2024Q3", "2024Q4", "2025Q1", "2025Q2"]


def test_months_and_quarters_of_a_range_across_years_are_in_order():
    period = Period.from_params("2024Q4", "2025Q1")
    assert period.buckets("month") == [(2024, 10), (2024, 11), (2024, 12), (2025, 1), (2025, 2), (2025, 3)]
    assert period.buckets("quarter") == [(2024, 4), (2025, 1)]
    ten_years = Period.from_params("2016Q1", "2025Q4")
    assert len(ten_years.buckets("month")) == 120 and len(ten_years.buckets("quarter")) == 40


@pytest.mark.parametrize("first,last", [("2025Q5", "2025Q3"), ("25Q1", "2025Q3"), ("2025Q3", "2025Q1"),
                                        ("2025Q1", "2024Q4"), ("", "2025Q1"), ("2025q1; drop", "2025Q2"),
                                        ("0000Q1", "2025Q1"), ("2000Q1", "2025Q1")])
def test_malformed_periods_are_refused_in_korean(first, last):
    with pytest.raises(PeriodError) as caught:
        Period.from_params(first, last)
    assert any(word in str(caught.value) for word in ("분기", "기간", "시작"))


def test_twenty_years_is_the_longest_range_a_url_may_ask_for():
    assert Period.from_params("2006Q1", "2025Q4").quarters == MAX_QUARTERS


def test_previous_period_and_the_same_period_a_year_earlier():
    assert REPORT_PERIOD.previous().label == "2024년 2~4분기"
    assert REPORT_PERIOD.year_earlier().label == "2024년 1~3분기"
    assert Period.of_year(2025, 1, 1).previous() == Period(Quarter(2024, 4), Quarter(2024, 4))


def test_comparisons_of_a_range_across_years():
    period = Period.from_params("2024Q3", "2025Q2")
    assert period.previous().label == "2023년 3분기~2024년 2분기"  # four quarters before
    assert period.year_earlier().label == "2023년 3분기~2024년 2분기"  # the same, for a four-quarter range
    six = Period.from_params("2024Q4", "2026Q1")
    assert six.previous().label == "2023년 2분기~2024년 3분기"
    assert six.year_earlier().label == "2023년 4분기~2025년 1분기"


def test_presets_count_from_the_last_quarter_with_records_and_read_the_reports_period():
    report = Period.from_params("2025Q1", "2025Q3")
    found = {name: str(p) for name, p in presets(Quarter(2025, 3), report).items()}
    assert found == {"올해": "2025Q1-2025Q3", "작년": "2024Q1-2024Q4", "최근 4분기": "2024Q4-2025Q3",
                     "보고서 기간": "2025Q1-2025Q3"}
    assert str(presets(Quarter(2026, 1), report)["최근 4분기"]) == "2025Q2-2026Q1"


def test_the_trend_grain_is_month_or_quarter():
    assert parse_grain("month") == "month" and parse_grain("quarter") == "quarter"
    with pytest.raises(PeriodError, match="월별"):
        parse_grain("week")


def test_a_period_of_up_to_three_years_starts_by_month_and_a_longer_one_by_quarter():
    assert default_grain(Period.from_params("2025Q3", "2025Q3")) == "month"
    assert default_grain(Period.from_params("2023Q1", "2025Q4")) == "month"  # twelve quarters: 36 bars
    assert default_grain(Period.from_params("2022Q4", "2025Q4")) == "quarter"  # thirteen
    assert default_grain(Period.from_params("2016Q1", "2025Q4")) == "quarter"
    assert default_grain(REPORT_PERIOD.narrowed("2025-03")) == "month"


def test_quarters_between_runs_across_years():
    assert [q.label for q in quarters_between(Quarter(2024, 4), Quarter(2025, 2))] == [
        "2024년 4분기", "2025년 1분기", "2025년 2분기"]


def test_a_month_of_the_period_is_its_own_period_with_the_month_s_days():
    march = REPORT_PERIOD.narrowed("2025-03")
    assert (march.start, march.end, march.label) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "2025년 3월")
    assert march.dates == "2025. 3. 1. ~ 2025. 3. 31." and march.month_key == "2025-03" == str(march)
    assert Period.of_month(2024, 2).end == dt.date(2024, 2, 29)  # a leap year
    assert Period.of_month(2025, 12).end == dt.date(2025, 12, 31)
    assert march.buckets("month") == [(2025, 3)] and march.trend_grain("quarter") == "month"
    assert march != Period.of_year(2025, 1, 1) and REPORT_PERIOD.narrowed(None) == REPORT_PERIOD


def test_a_month_is_compared_with_the_month_before_and_the_same_month_a_year_earlier():
    january = Period.of_month(2025, 1)
    assert january.previous() == Period.of_month(2024, 12)  # across the year
    assert january.year_earlier() == Period.of_month(2024, 1)
    from audit_dashboard.views.records import comparisons

    assert [(label, p.label) for label, p in comparisons(january)] == [("전월 대비", "2024년 12월"),
                                                                      ("전년 동월 대비", "2024년 1월")]


def test_the_months_of_a_range_across_years_are_written_as_the_url_writes_them():
    assert Period(Quarter(2024, 4), Quarter(2025, 1)).month_keys() == [
        "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]


@pytest.mark.parametrize("key, says", [("2025-13", "2025-03처럼"), ("March", "2025-03처럼"),
                                       ("2024-03", "고른 기간(2025년 1~3분기)의 달이 아닙니다"),
                                       ("2025-10", "고른 기간(2025년 1~3분기)의 달이 아닙니다")])
def test_a_month_outside_the_period_or_misspelt_is_refused_in_korean(key, says):
    with pytest.raises(PeriodError, match=re.escape(says)):
        REPORT_PERIOD.narrowed(key)
