"""Budget execution from real 지방재정365 snapshots and payment ledgers (../shared/realdata/kr_budget_execution):
one department chosen from a whole 군's file, amounts in 원 turned into 천원 as stated, a year without a report
taking its 단위사업 from its first file, and every disagreement between files refused, not smoothed."""
import gzip
import json

import pandas as pd
import pytest

from audit_dashboard.errors import DataError
from audit_dashboard.importer import departments, kinds, mapping as mappings, pipeline
from audit_dashboard.importer.budget import LEDGER, won_to_thousands
from audit_dashboard.importer.mapping import Source
from import_support import real_file, rows, store_state

FOLDER = "kr_budget_execution"
JUNE = "지방재정365_세부사업별세출현황_무주군_2026_20260630.json"
JULY = "지방재정365_세부사업별세출현황_무주군_2026_20260731.json"
LEDGER_FILE = "무주군_지출원장_민원봉사과.jsonl.gz"
BUDGET = kinds.kind("budget")
DEPARTMENT = "민원봉사과"


@pytest.fixture
def county(workspace):
    """The workspace with the 군's department codes seeded from its code list."""
    data, _ = workspace
    seed = real_file(FOLDER, "dept_map.json")
    departments.save(departments.read_seed(seed.read_bytes(), seed.name), data)
    return workspace


def snapshot_rows(name: str) -> pd.DataFrame:
    document = json.loads(real_file(FOLDER, name).read_text(encoding="utf-8"))
    codes = json.loads(real_file(FOLDER, "dept_map.json").read_text(encoding="utf-8"))["4573000"]
    frame = pd.DataFrame(document["rows"])
    return frame[frame["dept_cd"].map(codes) == DEPARTMENT]


def saved(workspace, path, name, **extra_and_sources):
    data, store_file = workspace
    table = pipeline.table_of(path.read_bytes(), path.name, "budget")
    chosen = pipeline.proposal(BUDGET, table)
    extra = {"부서": [DEPARTMENT]}
    for key, value in extra_and_sources.items():
        chosen = chosen.with_source(key, value)
    chosen.extra = extra
    mappings.save(chosen, BUDGET, name, data)
    return mappings.load(name, kinds.KINDS, data)


def prepare(workspace, path, chosen=None):
    data, store_file = workspace
    return pipeline.prepare(path.read_bytes(), path.name, "budget", chosen, data_dir=data, store_file=store_file)


def commit(workspace, prepared):
    data, store_file = workspace
    return pipeline.commit(prepared, data_dir=data, store_file=store_file)


def test_a_whole_county_file_needs_a_department_chosen(county):
    path = real_file(FOLDER, JUNE)
    with pytest.raises(DataError, match="여러 부서\\(28곳\\)의 자료입니다. 가져올 부서를 고르십시오"):
        prepare(county, path)


def test_the_june_snapshot_of_one_department_in_thousands_of_won(county):
    data, store_file = county
    path = real_file(FOLDER, JUNE)
    p = prepare(county, path, saved(county, path, "지방재정365 세부사업별 세출현황"))
    expected = snapshot_rows(JUNE)
    assert p.rejected == 0 and len(p.to_add) == len(expected) == 44
    assert p.skipped == 1712 - 44  # the other departments' rows, left out, not rejected
    commit(county, p)
    store = rows(store_file, "budget_in_force")
    june = store[(store["snapshot_date"] == pd.Timestamp("2026-06-30")) & (store["level"] == "programme")]
    # 2026 has no report: each 세부사업 is its own 단위사업, and amounts are 원 rounded half up to 천원 per line.
    assert len(june) == expected["dbiz_nm"].nunique()
    per_line = expected.groupby("dbiz_nm")[["bdg_cash_amt", "ep_amt"]].sum()
    assert int(june["budget"].sum()) == sum(won_to_thousands(v) for v in per_line["bdg_cash_amt"])
    assert int(june["executed"].sum()) == sum(won_to_thousands(v) for v in per_line["ep_amt"])
    assert abs(int(june["budget"].sum()) - 3_106_179) <= len(june)  # 3,106,179,000원 in all, 천원 per line
    assert set(store.loc[pd.to_datetime(store["snapshot_date"]).dt.year == 2026, "source"]) == {"import"}


def test_the_july_snapshot_drifts_in_schema_and_still_imports_through_the_same_mapping(county):
    data, _ = county
    june, july = real_file(FOLDER, JUNE), real_file(FOLDER, JULY)
    chosen = saved(county, june, "지방재정365 세부사업별 세출현황")
    commit(county, prepare(county, june, chosen))
    table = pipeline.table_of(july.read_bytes(), july.name, "budget")
    assert {"lup_ord", "zon_cd"} <= set(table.columns)  # fields the June snapshot lacks
    p = prepare(county, july, chosen)
    expected = snapshot_rows(JULY)
    assert p.rejected == 0 and len(p.to_add) == len(expected) == 45
    assert round(p.to_add["budget_won"].sum()) == int(expected["bdg_cash_amt"].sum()) == 3_143_628_000
    assert round(p.to_add["executed_won"].sum()) == int(expected["ep_amt"].sum()) == 2_306_142_920


def test_a_payment_ledger_becomes_month_ends_and_disagreement_with_a_snapshot_is_refused(county):
    data, store_file = county
    june = real_file(FOLDER, JUNE)
    commit(county, prepare(county, june, saved(county, june, "지방재정365 세부사업별 세출현황")))
    ledger = real_file(FOLDER, LEDGER_FILE)
    chosen = saved(county, ledger, "지출 원장", shape=Source(value=LEDGER))
    p = prepare(county, ledger, chosen)
    payments = pd.read_json(gzip.open(ledger), lines=True, dtype=str)
    payments["amount"] = payments["지출액"].str.replace(",", "").astype(int)
    assert (payments["amount"] < 0).any()  # refunds
    # Month-ends from January to the last payment (2026. 8. 19.), cumulative from 1 January.
    assert sorted(p.rows["snapshot_date"].dt.strftime("%m-%d").unique()) == [
        "01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-19"]
    by_line = payments.groupby("세부사업명")
    may = p.rows[p.rows["snapshot_date"] == pd.Timestamp("2026-05-31")].set_index("detail_project")["executed_won"]
    for name, amount in may.items():
        part = by_line.get_group(name)
        assert amount == part.loc[part["지급일자"] <= "20260531", "amount"].sum()
    # At 6. 30. the ledger and the June snapshot disagree for some 세부사업: refused, the snapshot stays.
    refused = p.rejects[p.rejects["reason"].str.startswith("같은 기준일·세부사업의 다른 집행 자료")]
    assert len(refused) and all("2026-06-30" in v for v in refused["value"])
    june_rows = snapshot_rows(JUNE).set_index("dbiz_nm")["ep_amt"]
    ledger_june = p.rows[p.rows["snapshot_date"] == pd.Timestamp("2026-06-30")]
    assert all(june_rows[n] == v for n, v in zip(ledger_june["detail_project"], ledger_june["executed_won"]))


def test_a_ledger_before_any_snapshot_of_its_year_says_where_the_budget_must_come_from(county):
    ledger = real_file(FOLDER, LEDGER_FILE)
    chosen = saved(county, ledger, "지출 원장", shape=Source(value=LEDGER))
    p = prepare(county, ledger, chosen)
    assert len(p.to_add) == 0
    assert set(p.rejects["reason"]) == {"이 세부사업의 예산현액이 저장소에 없습니다(같은 해의 집행 현황을 먼저 가져오십시오)."}


def test_a_korean_csv_snapshot_with_a_total_that_does_not_add_up_is_refused_whole(county):
    data, store_file = county
    before = store_state(store_file)
    text = ("세부사업명,예산현액,지출액,기준일자\n민원 행정,\"100,000\",\"40,000\",2026-07-31\n"
            "민원 상담,\"50,000\",\"10,000\",2026-07-31\n합계,\"150,000\",\"60,000\",2026-07-31\n")
    table = pipeline.table_of(text.encode(), "집행현황.csv", "budget")
    chosen = pipeline.proposal(BUDGET, table).with_source("unit", Source(value="천원"))
    p = pipeline.prepare(text.encode(), "집행현황.csv", "budget", chosen, data_dir=data, store_file=store_file)
    assert len(p.to_add) == 0
    assert set(p.rejects["reason"]) == {"이 기준일의 합계 행과 지출액 합이 다릅니다: 이 기준일의 자료는 가져오지 않습니다."}
    assert store_state(store_file) == before


def test_in_a_report_year_every_detail_project_must_be_placed_and_is_listed_with_its_amount(county):
    data, store_file = county
    text = "세부사업명,예산현액,지출액,기준일자\n감사 운영,12000,9000,2025-08-31\n인권 교육,5000,\"1,200\",2025-08-31\n"
    table = pipeline.table_of(text.encode(), "2025_8월.csv", "budget")
    chosen = pipeline.proposal(BUDGET, table).with_source("unit", Source(value="천원"))
    p = pipeline.prepare(text.encode(), "2025_8월.csv", "budget", chosen, data_dir=data, store_file=store_file)
    unplaced = p.rejects[p.rejects["reason"].str.startswith("이 세부사업이 어느 단위사업에 드는지")]
    assert unplaced["value"].tolist() == ["감사 운영 (지출액 9,000,000원)", "인권 교육 (지출액 1,200,000원)"]
    chosen.extra = {"세부사업": {"감사 운영": {"단위사업": "청렴하고 투명한 감사행정"},
                             "인권 교육": {"단위사업": "사람중심, 행복한 삶을 위한 인권 영등포구 구현",
                                       "사업": "사람중심, 행복한 삶을 위한 인권 영등포 구현"}}}
    p = pipeline.prepare(text.encode(), "2025_8월.csv", "budget", chosen, data_dir=data, store_file=store_file)
    assert p.rejected == 0
    pipeline.commit(p, data_dir=data, store_file=store_file)
    store = rows(store_file, "budget_in_force")
    august = store[store["snapshot_date"] == pd.Timestamp("2025-08-31")]
    # The imported August figures are the records of that date: the generated month-end is gone.
    assert set(august["source"]) == {"import"}
    assert august.set_index(["level", "line_no"])["executed"].to_dict() == {("programme", 1): 9000, ("programme", 3): 1200,
                                                                            ("project", 2): 1200}
