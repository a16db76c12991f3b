"""The period filter: quarters, URLs and the periods pages compare against."""
import datetime as dt

import pytest

from audit_dashboard.period import REPORT_PERIOD, Period, PeriodError, Quarter


def test_the_default_period_is_the_reports_2025_q1_to_q3():
    assert REPORT_PERIOD.to_params() == {"from": "2025Q1", "to": "2025Q3"}
    assert (REPORT_PERIOD.start, REPORT_PERIOD.end) == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))
    assert REPORT_PERIOD.label == "2025년 1~3분기"
    assert REPORT_PERIOD.dates == "2025. 1. 1. ~ 2025. 9. 30."


def test_a_url_round_trips():
    period = Period.from_params("2025Q2", "2025Q2")
    assert Period.from_params(**{"from_text": period.to_params()["from"], "to_text": period.to_params()["to"]}) == period
    assert period.label == "2025년 2분기"
    assert (period.start, period.end) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))


@pytest.mark.parametrize("first,last", [("2025Q5", "2025Q3"), ("25Q1", "2025Q3"), ("2025Q3", "2025Q1"),
                                        ("2024Q1", "2025Q1"), ("", "2025Q1"), ("2025q1; drop", "2025Q2")])
def test_malformed_periods_are_refused_in_korean(first, last):
    with pytest.raises(PeriodError) as caught:
        Period.from_params(first, last)
    assert any(word in str(caught.value) for word in ("분기", "기간", "시작"))


def test_previous_period_and_the_same_period_a_year_earlier():
    assert REPORT_PERIOD.previous().label == "2024년 2~4분기"
    assert REPORT_PERIOD.year_earlier().label == "2024년 1~3분기"
    assert Period.of_year(2025, 1, 1).previous() == Period(Quarter(2024, 4), Quarter(2024, 4))
