"""Dates, numbers and words as real exports write them, read the same way a person would."""
import datetime as dt

import pandas as pd
import pytest

from audit_dashboard.importer import values


def dates(cells, order=values.MONTH_FIRST):
    stamps, unreadable = values.parse_dates(pd.Series(cells, dtype=values.TEXT), order)
    return [None if pd.isna(s) else s.to_pydatetime() for s in stamps], unreadable.tolist()


@pytest.mark.parametrize("written, meant", [
    ("2023-03-31 9:48", dt.datetime(2023, 3, 31, 9, 48)),        # hours without a leading zero
    ("2023.03.31", dt.datetime(2023, 3, 31)),
    ("2025. 9. 30.", dt.datetime(2025, 9, 30)),                   # as the department writes dates
    ("2023/3/31", dt.datetime(2023, 3, 31)),
    ("20230331", dt.datetime(2023, 3, 31)),
    ("2023년 3월 31일", dt.datetime(2023, 3, 31)),
    ("2024-12-18 오후 9:48:00", dt.datetime(2024, 12, 18, 21, 48)),
    ("2024-12-18 오전 12:05:00", dt.datetime(2024, 12, 18, 0, 5)),
    ("05/01/2022 12:00:03 AM", dt.datetime(2022, 5, 1, 0, 0, 3)),  # 311 exports: month first
    ("2023-03-31T09:48:00.123", dt.datetime(2023, 3, 31, 9, 48)),
    ("2023-03-31T09:48:00+09:00", dt.datetime(2023, 3, 31, 9, 48)),
    ("45017", dt.datetime(2023, 4, 1)),                            # an Excel serial number written as text
    (" 2023-01-02 ", dt.datetime(2023, 1, 2)),
])
def test_every_date_form_real_exports_use_is_read(written, meant):
    assert dates([written]) == ([meant], [False])


def test_day_first_order_is_the_mappings_choice():
    assert dates(["05/01/2022"], values.DAY_FIRST)[0] == [dt.datetime(2022, 1, 5)]
    assert dates(["05/01/2022"], values.MONTH_FIRST)[0] == [dt.datetime(2022, 5, 1)]


def test_empty_cells_are_empty_and_nonsense_is_unreadable():
    assert dates(["", None, "2023-13-01", "어제"]) == ([None, None, None, None], [False, False, True, True])


def test_a_column_that_changes_form_partway_is_read_throughout():
    cells = ["2023-01-0%d 9:00" % d for d in range(1, 9)] * 20 + ["2023.02.01", "20230202", "2023년 2월 3일"]
    stamps, unreadable = dates(cells)
    assert not any(unreadable)
    assert stamps[-3:] == [dt.datetime(2023, 2, 1), dt.datetime(2023, 2, 2), dt.datetime(2023, 2, 3)]


def test_workbook_cells_real_dates_and_serial_numbers():
    cells = pd.Series([dt.datetime(2023, 1, 2, 3, 4), 45017.5, 20230331, "2023-01-05", None], dtype=object)
    stamps, unreadable = values.parse_dates(cells)
    assert stamps.tolist()[:4] == [pd.Timestamp("2023-01-02 03:04"), pd.Timestamp("2023-04-01 12:00"),
                                   pd.Timestamp("2023-03-31"), pd.Timestamp("2023-01-05")]
    assert not unreadable.any()


def test_the_order_is_ambiguous_only_when_no_date_settles_it():
    assert values.order_is_ambiguous(pd.Series(["05/01/2022 1:00 AM", "03/04/2022"], dtype=values.TEXT))
    assert not values.order_is_ambiguous(pd.Series(["05/13/2022", "05/01/2022"], dtype=values.TEXT))
    assert not values.order_is_ambiguous(pd.Series(["2022-05-01"], dtype=values.TEXT))


def test_amounts_with_separators_units_and_triangles():
    numbers, unreadable = values.numbers(pd.Series(["2,070", "58,291 ", "△1,780", "-1,000", "(1,000)", "12건",
                                                    ".1일", "일", "", "abc"], dtype=values.TEXT))
    assert numbers.tolist()[:7] == [2070, 58291, -1780, -1000, -1000, 12, 0.1]
    assert unreadable.tolist() == [False] * 7 + [True, False, True]
