"""The generated month-end execution snapshots: deterministic, never falling, ending at the report."""
import datetime as dt

import numpy as np
import pytest

from audit_dashboard import loader
from audit_dashboard.samples import budget

SEPTEMBER = dt.date(2025, 9, 30)


@pytest.fixture(scope="module")
def report():
    return {**loader.load_report(), **loader.load_config()}


@pytest.fixture(scope="module")
def snapshots(report):
    return budget.generate(report, 20251019)


def lines(snapshots, level):
    return snapshots[snapshots["level"] == level].pivot_table(
        index="snapshot_date", columns=["line_no", "funding_source"], values="executed")


def test_the_same_seed_gives_the_same_months(report, snapshots):
    assert budget.generate(report, 20251019).equals(snapshots)
    assert not budget.generate(report, 1).equals(snapshots)


def test_month_ends_from_january_to_august_are_samples_and_september_is_the_report(snapshots):
    by_date = snapshots.groupby("snapshot_date")["source"].agg(set)
    assert list(by_date.index) == [dt.date(2025, m + 1, 1) - dt.timedelta(days=1) for m in range(1, 9)] + [SEPTEMBER]
    assert all(s == {"sample"} for s in by_date.iloc[:-1]) and by_date.iloc[-1] == {"report"}
    # Every line appears at every date: 6 단위사업 and 7 project × funding-source lines.
    assert set(snapshots.groupby("snapshot_date").size()) == {13}


def test_every_line_only_rises_stays_within_its_budget_and_ends_at_the_report(report, snapshots):
    for level in ("programme", "project"):
        executed = lines(snapshots, level)
        assert (np.diff(executed.to_numpy(), axis=0) >= 0).all(), level
    assert (snapshots["executed"] <= snapshots["budget"]).all()
    assert snapshots.groupby(["level", "line_no", "funding_source"])["budget"].nunique().eq(1).all()
    september = snapshots[snapshots["snapshot_date"] == SEPTEMBER]
    assert september.reset_index(drop=True).equals(budget.report_snapshot(report).sort_values(
        ["snapshot_date", "level", "line_no", "funding_source"], ignore_index=True))


def test_programme_spending_starts_slowly_and_running_costs_run_straight(report, snapshots):
    programmes = lines(snapshots, "programme").droplevel("funding_source", axis=1)
    share = programmes / programmes.loc[SEPTEMBER]
    basic = int(report["budget_programmes"].set_index("programme")["programme_no"]["기본경비"])
    work = [n for n in programmes.columns if n != basic]
    # By 3. 31. a third of the nine months has passed; programme work has spent well under a third.
    march = programmes.loc[dt.date(2025, 3, 31), work].sum() / programmes.loc[SEPTEMBER, work].sum()
    assert march < 0.27
    # 기본경비 stays within 3 points of a straight line through the nine months.
    straight = np.arange(1, 10) / 9
    assert np.abs(share[basic].to_numpy() - straight).max() < 0.03


def test_where_the_report_groupings_agree_the_sample_months_agree_too(snapshots):
    programmes = lines(snapshots, "programme").droplevel("funding_source", axis=1)
    projects = lines(snapshots, "project").T.groupby(level="line_no").sum().T
    # 단위사업 3 = 사업 2, 4 = 4, 5 = 5 (시비 + 구비), every month.
    for programme_no, project_no in ((3, 2), (4, 4), (5, 5)):
        assert programmes[programme_no].tolist() == projects[project_no].tolist()
