"""Budget execution: a snapshot of 예산현액 and 지출액 by 세부사업 at a date (지방재정365 「세부사업별
세출현황」, JSON, or the same columns in CSV/XLSX), or a payment ledger (one row per payment), which
becomes cumulative month-end snapshots.

A file covers a whole local government: the manager chooses the department (codes -> names through
data/budget_departments.csv), and says for each 세부사업 which programme (단위사업) and project of the
dashboard it belongs to. A year without a report takes its programmes from its first budget file:
each 세부사업 is its own 단위사업 unless the manager groups them. Amounts are kept in 원 per
세부사업 and turned into 천원 by the build, one rounding (half up) per line and date.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from . import departments as department_table
from . import fields as F
from .identity import hashed_keys
from .problems import Problems

NAME, LABEL, TABLE = "budget", "예산 집행", "budget_snapshots"
STATUS, LEDGER = "집행 현황(기준일의 예산현액·지출액)", "지출 원장(지급 한 건씩)"
WON, THOUSAND = "원", "천원"
SKIP = F.SKIP
AS_ITSELF = "(세부사업명을 단위사업으로)"
TOTAL_ROWS = {"계", "합계", "총계", "소계", "합 계", "총 계"}
# Where the manager's answers live in the mapping: departments to import, and each 세부사업's lines.
DEPARTMENTS, LINES = "부서", "세부사업"

FIELDS = (
    F.Field("shape", "자료 형태", F.CHOICE, choices=(STATUS, LEDGER), column_allowed=False, default=STATUS),
    F.Field("snapshot_date", "기준일자", F.DATE, required=True, aliases=(
        "exe_ymd", "기준일", "집행기준일", "지급일자", "지급일", "지출일자", "집행일자", "Date"),
        help="집행 현황은 그 자료의 기준일, 지출 원장은 지급일자입니다. 열이 없으면 한 값으로 적습니다."),
    F.Field("department", "부서", F.TEXT, aliases=("dept_cd", "부서명", "부서코드", "소관부서", "담당부서", "집행부서")),
    F.Field("detail_project", "세부사업명", F.TEXT, required=True, aliases=("dbiz_nm", "세부사업", "사업명"),
            constant_allowed=False),
    F.Field("account", "회계", F.TEXT, aliases=("acnt_dv_nm", "회계구분", "회계명")),
    F.Field("budget", "예산현액", F.NUMBER, aliases=("bdg_cash_amt", "예산액", "예산"), constant_allowed=False),
    F.Field("executed", "지출액", F.NUMBER, required=True, aliases=("ep_amt", "집행액", "지출금액", "지급액"),
            constant_allowed=False),
    F.Field("unit", "금액 단위", F.CHOICE, choices=(WON, THOUSAND), column_allowed=False, default=WON,
            help="지방재정365 자료는 원 단위입니다. 대시보드는 천원으로 보여 줍니다(반올림)."),
)

PREVIEW = {"snapshot_date": "기준일자", "department": "부서", "detail_project": "세부사업명", "account": "회계",
           "programme": "단위사업", "project": "사업", "budget_won": "예산현액(원)", "executed_won": "지출액(원)"}
BY_UNIT = ""
STORE_COLUMNS = ["record_key", "snapshot_date", "department", "detail_project", "account", "programme", "project",
                 "budget_won", "executed_won", "shape", "source", "import_batch"]


# --- what the store and data/ know --------------------------------------------------------------

def context(con, run_query, data_dir=None) -> dict:
    from . import batches

    lines = run_query(con, "budget_lines_known") if con is not None else pd.DataFrame(
        columns=["year", "level", "line_no", "name", "source"])
    stored = batches.existing_keys(NAME, ["record_key", "snapshot_date", "budget_won", "executed_won",
                                          "department", "detail_project", "account"], data_dir)
    return {"known": {}, "departments": department_table.load(data_dir), "lines": lines, "stored": stored}


def choices_of(key: str, context: dict) -> tuple[str, ...]:
    return ()


def programmes_of(context: dict, year: int) -> list[str]:
    lines = context["lines"]
    return lines.loc[(lines["year"].astype(int) == year) & (lines["level"] == "programme"), "name"].tolist()


def projects_of(context: dict, year: int) -> list[str]:
    lines = context["lines"]
    return lines.loc[(lines["year"].astype(int) == year) & (lines["level"] == "project"), "name"].tolist()


def has_report_lines(context: dict, year: int) -> bool:
    """Whether a report gives the year's 단위사업 (then every 세부사업 must be placed in one of them)."""
    if "report_years" not in context:
        lines = context["lines"]
        report = lines[(lines["source"] == "report") & (lines["level"] == "programme")]
        context["report_years"] = {int(y) for y in report["year"]}
    return year in context["report_years"]


def department_names(values: pd.Series, context: dict) -> pd.Series:
    """Department codes written as names where the department table knows them."""
    table = context.get("departments", {})
    return values.map(lambda v: table.get(str(v), v) if isinstance(v, str) else v)


def lines_for(detail: str, year: int, mapping, context: dict) -> tuple[str | None, str | None]:
    """(단위사업, 사업) the manager chose for a 세부사업, or the default: for a year without a report
    the 세부사업 itself is the 단위사업; in a report's year it is left for the manager to choose."""
    answer = (mapping.extra.get(LINES) or {}).get(detail) or {}
    programme = answer.get("단위사업")
    if programme in (None, ""):
        programme = None if has_report_lines(context, year) else detail
    elif programme == AS_ITSELF:
        programme = detail
    return programme, answer.get("사업") or None


def details_of(table, mapping, context: dict) -> pd.DataFrame:
    """The file's 세부사업 with department, year and 지출액 (원), for the manager to place in 단위사업;
    read straight from the mapped columns, before any check runs."""
    from . import values as cell_values

    def column(key):
        source = mapping.source(key)
        if source.column is not None and source.column in table.rows.columns:
            return table.rows[source.column]
        if source.value is not None:
            return pd.Series(source.value, index=table.rows.index, dtype="str")
        return pd.Series(None, index=table.rows.index, dtype="str")

    detail = cell_values.text(column("detail_project"))
    department = department_names(cell_values.text(column("department")), context)
    dates, _ = cell_values.parse_dates(column("snapshot_date"), mapping.date_order)
    executed, _ = cell_values.numbers(column("executed"))
    unit = mapping.source("unit").value or WON
    frame = pd.DataFrame({"detail_project": detail, "department": department, "year": dates.dt.year,
                          "executed_won": executed.astype("float64") * (1000.0 if unit == THOUSAND else 1.0)})
    frame = frame[frame["detail_project"].notna() & ~frame["detail_project"].isin(TOTAL_ROWS)]
    chosen = mapping.extra.get(DEPARTMENTS) or []
    if chosen:
        frame = frame[frame["department"].isin(chosen)]
    if frame.empty:
        return pd.DataFrame(columns=["detail_project", "year", "executed_won", "rows"])
    frame["year"] = frame["year"].fillna(0).astype(int)
    return frame.groupby(["detail_project", "year"], sort=False).agg(
        executed_won=("executed_won", "sum"), rows=("executed_won", "size")).reset_index()


def departments_of(table, mapping, context: dict) -> pd.DataFrame:
    """Each department of the file (named through the department table) with its row count."""
    from . import values as cell_values

    source = mapping.source("department")
    if source.column is None or source.column not in table.rows.columns:
        return pd.DataFrame(columns=["department", "code", "rows"])
    codes = cell_values.text(table.rows[source.column])
    names = department_names(codes, context)
    frame = pd.DataFrame({"department": names, "code": codes}).dropna()
    return frame.groupby(["department", "code"]).size().rename("rows").reset_index() \
        .sort_values("rows", ascending=False, ignore_index=True)


# --- the pipeline's steps -------------------------------------------------------------------------

def finish(values: dict[str, pd.Series], where: dict[str, str], index: pd.Index, problems: Problems,
           context: dict, mapping) -> pd.DataFrame:
    shape = values["shape"].iloc[0] if len(values["shape"]) else STATUS
    factor = 1000.0 if (values["unit"].iloc[0] if len(values["unit"]) else WON) == THOUSAND else 1.0
    rows = pd.DataFrame(index=index)
    rows["snapshot_date"] = values["snapshot_date"].dt.normalize()
    detail = values["detail_project"]
    rows["detail_project"] = detail
    department = department_names(values.get("department", pd.Series(None, index=index, dtype="str")), context)
    rows["department"] = department
    rows["account"] = values.get("account", pd.Series(None, index=index, dtype="str"))
    rows["executed_won"] = values["executed"].astype("Float64") * factor
    rows["budget_won"] = values["budget"].astype("Float64") * factor if "budget" in values \
        else pd.Series(pd.NA, index=index, dtype="Float64")
    skip = pd.Series(False, index=index)

    chosen = mapping.extra.get(DEPARTMENTS) or []
    if chosen:
        skip |= ~department.isin(chosen)
    elif department.notna().any() and department.nunique() > 1:
        from ..errors import DataError

        names = department.value_counts()
        listed = ", ".join(f"{n}({c:,}행)" for n, c in names.head(8).items())
        raise DataError("", None, where.get("department"),
                        f"여러 부서({len(names):,}곳)의 자료입니다. 가져올 부서를 고르십시오: {listed}"
                        + (" …" if len(names) > 8 else ""))

    total = detail.isin(TOTAL_ROWS)
    if total.any():
        _check_totals(rows, total & ~skip, skip, where, problems)
        skip |= total
    if shape == STATUS:
        problems.reject(rows["budget_won"].isna() & ~skip, where.get("budget", "예산현액"), "예산현액",
                        values.get("budget"), "집행 현황에는 예산현액이 있어야 합니다.")
        problems.reject((rows["executed_won"] > rows["budget_won"]) & ~skip, where["executed"], "지출액",
                        values["executed"], "지출액이 예산현액보다 많습니다.")
    problems.reject((rows["budget_won"] < 0) & ~skip, where.get("budget", "예산현액"), "예산현액", values.get("budget"),
                    "예산현액이 0보다 작습니다.")

    # Each distinct 세부사업 and year once (a whole 군's file has thousands of rows).
    years = rows["snapshot_date"].dt.year
    answers = {}
    for name, year in set(zip(detail[~skip], years[~skip])):
        if isinstance(name, str) and not pd.isna(year):
            answers[(name, int(year))] = lines_for(name, int(year), mapping, context)
    picked = [answers.get((name, int(year)) if not pd.isna(year) else None, (None, None))
              for name, year in zip(detail, years)]
    programmes, projects = [p for p, _ in picked], [q for _, q in picked]
    rows["programme"], rows["project"] = programmes, projects
    skip |= rows["programme"].eq(SKIP)
    unmapped = rows["programme"].isna() & detail.notna() & rows["snapshot_date"].notna() & ~skip
    amounts = detail + " (지출액 " + rows["executed_won"].map(lambda v: "-" if pd.isna(v) else f"{v:,.0f}원") + ")"
    problems.reject(unmapped, where["detail_project"], "세부사업명", amounts,
                    "이 세부사업이 어느 단위사업에 드는지 정하지 않았습니다(세부사업 맞추기).")
    rows["_skip"] = skip
    rows.attrs["shape"] = shape
    return rows


def _check_totals(rows: pd.DataFrame, total: pd.Series, skip: pd.Series, where: dict[str, str], problems: Problems) -> None:
    """A 합계 row must equal the sum of its snapshot's rows; if not, none of that snapshot is stored."""
    for date, part in rows[~skip].groupby("snapshot_date"):
        totals = part[total.reindex(part.index, fill_value=False)]
        lines = part[~total.reindex(part.index, fill_value=False)]
        for measure, label in (("budget_won", "예산현액"), ("executed_won", "지출액")):
            if totals.empty or totals[measure].isna().all():
                continue
            printed, summed = float(totals[measure].sum()), float(lines[measure].sum())
            if round(printed) != round(summed):
                mask = pd.Series(rows.index.isin(part.index), index=rows.index)
                shown = pd.Series(f"합계 행 {printed:,.0f} ≠ 행들의 합 {summed:,.0f}", index=rows.index)
                problems.reject(mask, where.get(measure.removesuffix("_won"), label), label, shown,
                                f"이 기준일의 합계 행과 {label} 합이 다릅니다: 이 기준일의 자료는 가져오지 않습니다.")


def combine(rows: pd.DataFrame, problems: Problems, context: dict) -> pd.DataFrame:
    shape = rows.attrs.get("shape", STATUS)
    if rows.empty:
        return _keyed(rows.assign(shape=shape))
    group = ["department", "detail_project", "account"]
    if shape == STATUS:
        keyed = rows.assign(row=rows.index)
        lines = keyed.groupby(["snapshot_date", *group], dropna=False, sort=True).agg(
            row=("row", "min"), programme=("programme", "first"), project=("project", "first"),
            budget_won=("budget_won", "sum"), executed_won=("executed_won", "sum")).reset_index()
        lines = lines.set_index("row")
        lines["file_row"] = lines.index
    else:
        lines = _month_ends(rows, group, context, problems)
    lines.index.name = "row"
    lines["shape"] = shape
    lines = _keyed(lines)
    _refuse_other_figures_for_the_same_date(lines, context, problems)
    return lines


def _month_ends(payments: pd.DataFrame, group: list[str], context: dict, problems: Problems) -> pd.DataFrame:
    """Payments as cumulative snapshots at each month-end up to the last payment date (and that date)."""
    out = []
    last = payments["snapshot_date"].max()
    ends = [d for d in pd.date_range(payments["snapshot_date"].min(), last, freq="ME")] + [last]
    ends = sorted(set(ends))
    next_row = int(payments.index.max()) + 1
    stored = context["stored"]
    for key, part in payments.groupby(group, dropna=False, sort=True):
        part = part.sort_values("snapshot_date")
        year_start = pd.Timestamp(dt.date(part["snapshot_date"].iloc[0].year, 1, 1))
        budget_for = _stored_budget(stored, dict(zip(group, key)))
        for end in ends:
            if end.year != year_start.year or end < part["snapshot_date"].iloc[0].replace(day=1):
                continue
            executed = float(part.loc[part["snapshot_date"] <= end, "executed_won"].sum())
            budget = budget_for(end)
            upto = part[part["snapshot_date"] <= end]
            out.append({"row": next_row, "first_row": int(part.index[0]),
                        "file_row": int(upto.index[-1]) if len(upto) else int(part.index[0]),
                        "snapshot_date": end, **dict(zip(group, key)),
                        "programme": part["programme"].iloc[0], "project": part["project"].iloc[0],
                        "budget_won": budget, "executed_won": executed})
            next_row += 1
    lines = pd.DataFrame(out).set_index("row")
    missing = lines["budget_won"].isna()
    if missing.any():
        first = payments.index.isin(lines.loc[missing, "first_row"])
        problems.reject(pd.Series(first, index=payments.index), "세부사업명", "세부사업명", payments["detail_project"],
                        "이 세부사업의 예산현액이 저장소에 없습니다(같은 해의 집행 현황을 먼저 가져오십시오).")
        lines = lines[~missing]
    over = lines["executed_won"] > lines["budget_won"]
    if over.any():
        problems.reject(pd.Series(payments.index.isin(lines.loc[over, "first_row"]), index=payments.index), "지출액",
                        "지출액", payments["detail_project"], "지급 누계가 저장된 예산현액보다 많습니다.")
        lines = lines[~over]
    return lines.drop(columns="first_row")


def _stored_budget(stored: pd.DataFrame, key: dict):
    """The 예산현액 of a 세부사업 at a date: from the nearest stored snapshot of the same year."""
    if stored.empty:
        return lambda end: None
    same = stored
    for column, value in key.items():
        same = same[same[column].fillna("").astype(str) == ("" if value is None or value != value else str(value))]
    same = same[pd.to_numeric(same["budget_won"], errors="coerce").notna()]
    if same.empty:
        return lambda end: None
    dates = pd.to_datetime(same["snapshot_date"])
    budgets = pd.to_numeric(same["budget_won"])

    def at(end):
        year = dates.dt.year == end.year
        if not year.any():
            return None
        later = year & (dates >= end)
        pick = (dates[later].idxmin() if later.any() else dates[year].idxmax())
        return float(budgets[pick])
    return at


def _keyed(lines: pd.DataFrame) -> pd.DataFrame:
    lines = lines.copy()
    if lines.empty:
        lines["record_key"] = pd.Series(dtype="str")
        return lines
    lines["record_key"] = hashed_keys(lines[["snapshot_date", "department", "detail_project", "account"]], prefix="b") \
        .str.replace(r"#\d+$", "", regex=True)
    return lines


def _refuse_other_figures_for_the_same_date(lines: pd.DataFrame, context: dict, problems: Problems) -> None:
    """Two snapshots for one date and 세부사업 that differ: the stored one stays, this one is refused."""
    stored = context["stored"]
    if stored.empty or lines.empty:
        return
    known = stored.drop_duplicates("record_key").set_index("record_key")
    hits = lines["record_key"].isin(known.index)
    if not hits.any():
        return
    other = known.reindex(lines["record_key"])
    other.index = lines.index
    executed = pd.to_numeric(other["executed_won"], errors="coerce")
    budget = pd.to_numeric(other["budget_won"], errors="coerce")
    differs = hits & ((executed.round() != lines["executed_won"].round()) |
                      (budget.notna() & lines["budget_won"].notna() & (budget.round() != lines["budget_won"].round())))
    shown = lines["detail_project"] + " " + lines["snapshot_date"].dt.strftime("%Y-%m-%d") + " (저장된 지출액 " \
        + executed.map(lambda v: f"{v:,.0f}") + "원, 이 파일 " + lines["executed_won"].map(lambda v: f"{v:,.0f}") + "원)"
    problems.reject(differs, "지출액", "지출액", shown,
                    "같은 기준일·세부사업의 다른 집행 자료가 이미 저장되어 있습니다(저장된 자료를 두고 이 행은 가져오지 않습니다).",
                    rows=lines["file_row"])


def keys(rows: pd.DataFrame, where: dict[str, str], problems: Problems) -> pd.Series:
    return rows["record_key"]


def already_stored(rows: pd.DataFrame, existing: pd.DataFrame, context: dict) -> pd.Series:
    if existing.empty or rows.empty:
        return pd.Series(False, index=rows.index)
    return rows["record_key"].isin(set(existing["record_key"]))


def store_rows(rows: pd.DataFrame, batch: str) -> pd.DataFrame:
    out = rows.drop(columns=["file_row"], errors="ignore").copy()
    out["source"] = "import"
    out["import_batch"] = batch
    out["budget_won"] = out["budget_won"].astype("float64")
    out["executed_won"] = out["executed_won"].astype("float64")
    return out[STORE_COLUMNS].reset_index(drop=True)


def summary(rows: pd.DataFrame) -> dict:
    if rows.empty:
        return {"first_date": None, "last_date": None, "by": {}}
    dates = sorted(rows["snapshot_date"].dt.date.unique())
    by = {}
    for date in dates[-3:]:
        part = rows[rows["snapshot_date"].dt.date == date]
        by[f"{date:%Y. %-m. %-d.} 예산현액(천원)"] = int(round(part["budget_won"].sum() / 1000))
        by[f"{date:%Y. %-m. %-d.} 지출액(천원)"] = int(round(part["executed_won"].sum() / 1000))
    return {"first_date": dates[0].isoformat(), "last_date": dates[-1].isoformat(), "by": by,
            "dates": len(dates), "lines": int(rows["detail_project"].nunique()),
            "departments": sorted(str(d) for d in rows["department"].dropna().unique())}


def existing_columns() -> list[str]:
    return ["record_key"]


def date_column() -> str:
    return "snapshot_date"


def won_to_thousands(amount: float) -> int:
    """원 -> 천원, half up (as the department rounds): 1,499원 -> 1천원, 1,500원 -> 2천원."""
    return int(np.floor(amount / 1000 + 0.5))


# --- the build: imported rows -> the store's lines and snapshots -----------------------------------

def lines_and_snapshots(imported: pd.DataFrame, report_lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The year's programme and project lines (the report's, then new names from imports in order)
    and the imported snapshots per line in 천원 (one rounding per line and date)."""
    lines = report_lines.copy()
    snapshot_rows = []
    if not imported.empty:
        imported = imported.copy()
        imported["year"] = pd.to_datetime(imported["snapshot_date"]).dt.year
        for level, column in (("programme", "programme"), ("project", "project")):
            part = imported[imported[column].notna()]
            for year, names in part.groupby("year", sort=True)[column]:
                known = lines[(lines["year"] == year) & (lines["level"] == level)]
                start = max(100, int(known["line_no"].max()) if len(known) else 0) if len(known) else 0
                new = [n for n in dict.fromkeys(names) if n not in set(known["name"])]
                lines = pd.concat([lines, pd.DataFrame({
                    "year": year, "level": level, "line_no": range(start + 1, start + 1 + len(new)), "name": new,
                    "source": "import"})], ignore_index=True)
            numbers = lines[lines["level"] == level].set_index(["year", "name"])["line_no"]
            totals = part.groupby(["snapshot_date", "year", column], sort=True)[["budget_won", "executed_won"]].sum()
            for (date, year, name), amounts in totals.iterrows():
                snapshot_rows.append({"snapshot_date": date, "level": level, "line_no": int(numbers[(year, name)]),
                                      "funding_source": "미구분", "budget": won_to_thousands(amounts["budget_won"]),
                                      "executed": won_to_thousands(amounts["executed_won"]), "source": "import"})
    snapshots = pd.DataFrame(snapshot_rows, columns=["snapshot_date", "level", "line_no", "funding_source", "budget",
                                                     "executed", "source"])
    return lines, snapshots


def describe(rows: pd.DataFrame) -> str:
    if rows.empty:
        return "집행 자료 0행"
    return (f"집행 자료 {len(rows):,}행(세부사업 {rows['detail_project'].nunique():,}개, "
            f"기준일 {rows['snapshot_date'].nunique():,}개)")
