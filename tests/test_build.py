"""The build stops on figures that do not add up, says where in Korean, and keeps the old store."""
import pytest

from audit_dashboard import build
from conftest import stored
from audit_dashboard.errors import DataError, ReconciliationError


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def existing_store(tmp_path):
    target = tmp_path / "store" / "audit.duckdb"
    build.build(target)
    return target


def test_a_wrong_programme_total_stops_the_build_and_keeps_the_store(report_copy, existing_store):
    before = stored(existing_store)
    replace_in(report_copy / "table_totals.csv", "budget_programmes,budget,271988", "budget_programmes,budget,271998")
    with pytest.raises(ReconciliationError) as caught:
        build.build(existing_store, report_copy)
    message = caught.value.korean()
    assert "table_totals.csv 2행 'value' 열" in message
    assert "271,998" in message and "271,988" in message and "예산액" in message
    assert stored(existing_store) == before
    leftovers = sorted(p.name for p in existing_store.parent.iterdir() if not p.name.endswith(".lock"))
    assert leftovers == ["audit.duckdb.current", before[0]]  # no half-built file stays behind


def test_channels_that_do_not_add_up_to_1622_are_named(report_copy, existing_store):
    replace_in(report_copy / "complaint_channels.csv", "응답소,333", "응답소,334")
    with pytest.raises(ReconciliationError, match=r"report_figures.csv 21행 'value' 열: 고충민원 접수 계 1,622"):
        build.build(existing_store, report_copy)


def test_a_printed_rate_that_does_not_match_its_amounts_is_named(report_copy, existing_store):
    replace_in(report_copy / "budget_programmes.csv", "19200,16050,84", "19200,16050,85")
    with pytest.raises(ReconciliationError, match=r"budget_programmes.csv 5행 'execution_rate_printed' 열: .*85%"):
        build.build(existing_store, report_copy)


def test_joint_patrol_sessions_are_checked_against_273(report_copy, existing_store):
    replace_in(report_copy / "patrol_results.csv", "동네한바퀴,67,14", "동네한바퀴,67,15")
    with pytest.raises(ReconciliationError, match="주민합동순찰 순찰 횟수 계 273"):
        build.build(existing_store, report_copy)


def test_staffing_shortfall_must_equal_current_minus_authorized(report_copy, existing_store):
    replace_in(report_copy / "staffing.csv", "일반직,8급,6,5,-1", "일반직,8급,6,5,-2")
    with pytest.raises(ReconciliationError, match=r"staffing.csv 6행 'surplus_printed' 열"):
        build.build(existing_store, report_copy)


def test_an_undeclared_difference_between_budget_groupings_stops_the_build(report_copy, existing_store):
    # Project 4's budget has no printed total of its own to catch a typo; the reconciliation does.
    replace_in(report_copy / "projects.csv", "19200,16050,84,,false,7", "19300,16050,83,,false,7")
    replace_in(report_copy / "project_budgets.csv", "2025,4,구비,19200", "2025,4,구비,19300")
    with pytest.raises(ReconciliationError, match="생활 속 주민불편 및 갈등해결 고충민원 관리 예산액"):
        build.build(existing_store, report_copy)


def test_a_cell_that_is_not_a_number_names_file_row_and_column(report_copy, existing_store):
    replace_in(report_copy / "budget_programmes.csv", "129680", '"129,680"')
    with pytest.raises(DataError) as caught:
        build.build(existing_store, report_copy)
    assert "budget_programmes.csv 2행 'budget' 열: 정수가 아닙니다" in caught.value.korean()


def test_a_missing_column_is_named(report_copy, existing_store):
    replace_in(report_copy / "complaint_channels.csv", "channel,received,section", "channel,section")
    with pytest.raises(DataError, match="complaint_channels.csv 1행: .*없는 열: received"):
        build.build(existing_store, report_copy)


def test_a_repeated_key_names_both_rows(report_copy, existing_store):
    path = report_copy / "complaint_channels.csv"
    path.write_text(path.read_text(encoding="utf-8") + "응답소,1,Ⅱ-4 주요 추진실적\n", encoding="utf-8")
    with pytest.raises(DataError, match="complaint_channels.csv 5행 'channel' 열: 2행과 같은 키"):
        build.build(existing_store, report_copy)


def test_the_command_line_reports_failure_in_korean(report_copy, existing_store, capsys):
    replace_in(report_copy / "table_totals.csv", "staffing,current,23", "staffing,current,24")
    assert build.main(["--store", str(existing_store), "--report-dir", str(report_copy)]) == 1
    err = capsys.readouterr().err
    assert "기존 저장소는 그대로입니다" in err and "인력 현원 계 24" in err
