"""Numbers are written the department's way."""
import datetime as dt

from audit_dashboard import fmt


def test_thousands_separators_and_units():
    assert fmt.won(271988) == "271,988천원"
    assert fmt.count(1622, "건") == "1,622건"


def test_negatives_are_written_with_a_triangle():
    assert fmt.number(-1780) == "△1,780"
    assert fmt.signed(-660, "천원") == "△660천원"
    assert fmt.signed(4000) == "+4,000"
    assert fmt.points(-3.04) == "△3.0%p"


def test_rates_round_half_up_like_the_report():
    # 13,034 / 15,784 = 82.58% -> 83; 0.5 goes up, not to even.
    assert fmt.percent(13034 / 15784 * 100) == "83%"
    assert fmt.percent(82.5) == "83%"
    assert fmt.percent(88.5) == "89%"


def test_dates_and_quarters():
    assert fmt.date(dt.date(2025, 9, 30)) == "2025. 9. 30."
    assert fmt.date("2025-01-01") == "2025. 1. 1."
    assert fmt.period("2025-01-01", "2025-09-30") == "2025. 1. 1. ~ 2025. 9. 30."
    assert fmt.quarter(3) == "3분기"


def test_missing_values_show_a_dash():
    assert fmt.number(None) == "-"
    assert fmt.won(float("nan")) == "-"


def test_changes_against_a_base_use_the_triangle_for_decreases():
    assert fmt.change(1622, 1541, "건") == "+5.3%(+81건)"
    assert fmt.change(60308, 60968, "천원") == "△1.1%(△660천원)"
    assert fmt.change(5, 0, "건") == "+5건(비교 기준 0)"
    assert fmt.change(None, 3) == "-"
