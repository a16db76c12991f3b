"""Complaint registers (고충민원, 응답소 현장민원): the fields the dashboard needs and how a mapped
register becomes the store's complaint rows.

Only these fields are kept: names, titles, body text and every other column are never read into
the store. Status comes from a status column (its values turned into 처리완료/처리중), or from the
closing date when there is none; processing days from the received and closed dates unless a
column gives them.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import fields as F
from .identity import hashed_keys
from .problems import Problems

NAME, LABEL, TABLE = "complaints", "민원", "complaints"
KINDS = ("고충민원", "응답소 현장민원")
DONE, OPEN = "처리완료", "처리중"

FIELDS = (
    F.Field("record_key", "접수번호", F.KEY, aliases=(
        "민원번호", "신청번호", "관리번호", "민원접수번호", "접수 번호", "Unique Key", "Case Number", "Case ID",
        "Service Request Number", "SR Number", "Request ID", "Ticket ID", "Number"),
        constant_allowed=False, help="같은 기록이 두 번 들어오지 않게 하는 번호. 없으면 행의 내용으로 가려냅니다."),
    F.Field("received_date", "접수일자", F.DATE, required=True, aliases=(
        "접수일시", "접수일", "신청일자", "신청일시", "등록일자", "질문일자", "질문날짜", "질의일자",
        "Created Date", "Created", "Open Date", "Opened", "Date Received", "Received Date", "Request Date",
        "Submitted Date", "Date"), constant_allowed=False),
    F.Field("closed_date", "처리일자", F.DATE, aliases=(
        "처리일시", "처리완료일", "처리완료일자", "완료일시", "완료일자", "종결일자", "답변일자", "답변날짜", "답변일시",
        "회신일자", "Closed Date", "Close Date", "Closed", "Resolution Date", "Resolved Date", "Completed Date",
        "Date Closed"), constant_allowed=False),
    F.Field("due_date", "처리기한", F.DATE, aliases=("처리기한일", "처리예정일", "기한", "Due Date", "Due", "Deadline",
                                                "Target Date"), constant_allowed=False),
    F.Field("channel", "접수 경로", F.CHOICE, required=True, open_choice=True, aliases=(
        "등록채널", "접수경로", "접수채널", "신청경로", "접수방법", "채널", "민원경로", "Channel", "Method Received",
        "Open Data Channel Type", "Intake Channel", "Source"),
        vocabulary={"전화": "전화·방문", "방문": "전화·방문", "전화/방문": "전화·방문", "전화 방문": "전화·방문",
                    "구청장에게바란다": "구청장에게 바란다"},
        help="파일에 없으면 모든 행에 쓸 값(예: 응답소)을 정합니다."),
    F.Field("department", "처리부서", F.TEXT, aliases=(
        "처리(진행)부서", "담당부서", "처리기관", "주관부서", "처리과", "Agency", "Agency Name", "Department",
        "Responsible Department", "Assigned Department"), constant_allowed=True),
    F.Field("category", "민원 유형", F.TEXT, aliases=(
        "서비스유형(대)", "민원유형", "민원분야", "분야", "유형", "Complaint Type", "Category", "Problem",
        "Request Type", "Type"), constant_allowed=True),
    F.Field("status", "처리상태", F.CHOICE, choices=(DONE, OPEN), aliases=(
        "진행상태", "상태", "모니터링구분", "처리결과", "Status", "Case Status", "State"),
        derivation="처리일자가 있으면 처리완료, 없으면 처리중",
        vocabulary={s: DONE for s in ("완료", "처리 완료", "종결", "답변완료", "민원종결", "처리종결", "회신완료", "완결",
                                      "처리됨", "Closed", "Close", "Completed", "Complete", "Resolved", "Done")}
        | {s: OPEN for s in ("진행", "진행중", "처리 중", "접수", "미처리", "이송", "이첩", "배정", "검토중", "대기",
                             "Open", "In Progress", "Assigned", "Pending", "Started", "New", "Unassigned", "Received")}),
    F.Field("processing_days", "처리일수", F.DAYS, aliases=("소요일수", "처리기간", "Days to Close"),
            derivation="접수일자와 처리일자의 차이(일)", constant_allowed=False),
    F.Field("complaint_kind", "민원 종류", F.CHOICE, choices=KINDS, column_allowed=False, default=KINDS[0],
            help="파일 하나는 한 종류의 민원 대장입니다."),
)

PREVIEW = {"record_key": "접수번호", "received_date": "접수일자", "complaint_kind": "민원 종류", "channel": "접수 경로",
           "category": "민원 유형", "department": "처리부서", "status": "처리상태", "due_date": "처리기한",
           "closed_date": "처리일자", "processing_days": "처리일수"}
BY_UNIT = "건"
STORE_COLUMNS = ["record_key", "received_date", "received_year", "received_quarter", "received_month",
                 "complaint_kind", "channel", "category", "department", "status", "due_date", "closed_date",
                 "processing_days", "repeat_key", "source", "import_batch"]
IDENTITY = ["complaint_kind", "received_at", "channel", "department", "category", "status", "closed_at", "due_date"]


def context(con, run_query, data_dir=None) -> dict:
    """What the store knows already: the channels complaints came by."""
    if con is None:
        return {"known": {}}
    return {"known": {"channel": run_query(con, "complaint_channels_known")["channel"].tolist()}}


def choices_of(key: str, context: dict) -> tuple[str, ...]:
    return ()


def finish(values: dict[str, pd.Series], where: dict[str, str], index: pd.Index, problems: Problems,
           context: dict, mapping) -> pd.DataFrame:
    """The store's complaint rows (index = the sheet's row numbers), before keys."""
    received = values["received_date"]
    closed = values.get("closed_date", pd.Series(pd.NaT, index=index, dtype="datetime64[ns]"))
    if "status" in values:
        status = values["status"]
        problems.warn(status.eq(DONE) & closed.isna(), "처리완료인데 처리일자가 없습니다.",
                      "처리한 건수에도 처리 중인 건수에도 들지 않고, 처리기간 계산에서도 빠집니다.")
        problems.warn(status.eq(OPEN) & closed.notna(), "처리중인데 처리일자가 있습니다.",
                      "처리일자는 쓰지 않고 처리 중으로 셉니다.")
    else:
        status = pd.Series(OPEN, index=index).where(closed.isna(), DONE)
    closed = closed.where(status.eq(DONE))
    early = closed.notna() & (closed.dt.normalize() < received.dt.normalize())
    problems.reject(early, where.get("closed_date", "처리일자"), "처리일자",
                    closed, "처리일자가 접수일자보다 앞섭니다.")
    if "processing_days" in values:
        days = values["processing_days"].astype("Float64").floordiv(1)
        problems.reject(days < 0, where["processing_days"], "처리일수", values["processing_days"], "처리일수가 0보다 작습니다.")
    else:
        days = (closed.dt.normalize() - received.dt.normalize()).dt.days.astype("Float64")
    rows = pd.DataFrame(index=index)
    rows["received_at"] = received
    rows["closed_at"] = closed
    rows["received_date"] = received.dt.normalize()
    rows["received_year"] = received.dt.year.astype("Int16")
    rows["received_quarter"] = received.dt.quarter.astype("Int8")
    rows["received_month"] = received.dt.month.astype("Int8")
    rows["complaint_kind"] = values["complaint_kind"]
    rows["channel"] = values["channel"]
    for key in ("category", "department"):
        rows[key] = values.get(key, pd.Series(None, index=index, dtype="str"))
    rows["status"] = status
    rows["due_date"] = values.get("due_date", pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")).dt.normalize()
    rows["closed_date"] = closed.dt.normalize()
    rows["processing_days"] = days.where(closed.notna()).astype("Int32")
    rows["repeat_key"] = pd.Series(None, index=index, dtype="str")
    rows["number"] = values.get("record_key", pd.Series(None, index=index, dtype="str"))
    return rows


def combine(rows: pd.DataFrame, problems: Problems, context: dict) -> pd.DataFrame:
    return rows  # one row, one complaint


def keys(rows: pd.DataFrame, where: dict[str, str], problems: Problems) -> pd.Series:
    """접수번호 where the row has one — '번호/부서' for a 복합민원, one number handled by several
    departments, one row each — and a hash of the mapped fields where it has none. The same
    number and department twice in one file is a repeated row, and refused."""
    number = rows["number"]
    department = rows["department"].fillna("")
    shared = number.notna() & number.duplicated(keep=False)
    key = number.where(~shared, number + "/" + department)
    repeated = key.notna() & key.duplicated(keep="first")
    if repeated.any():
        first_rows = pd.Series(key.index, index=key.to_numpy())
        first_rows = first_rows[~first_rows.index.duplicated(keep="first")]
        shown = number[repeated] + " (먼저 나온 행: " + key[repeated].map(first_rows).astype(str) + "행)"
        problems.reject(repeated, where.get("record_key", "접수번호"), "접수번호", shown.reindex(key.index),
                        "같은 파일에 접수번호와 처리부서가 같은 행이 먼저 있습니다.")
    missing = key.isna()
    if missing.any():
        key = key.where(~missing, hashed_keys(rows.loc[missing, IDENTITY]))
    return key


def already_stored(rows: pd.DataFrame, existing: pd.DataFrame, context: dict) -> pd.Series:
    """Rows whose record is stored already (same kind; same number, with or without '/부서')."""
    stored = pd.Series(False, index=rows.index)
    if existing.empty:
        return stored
    for kind, part in rows.groupby("complaint_kind", sort=False):
        keys = existing.loc[existing["complaint_kind"] == kind, "record_key"]
        if keys.empty:
            continue
        numbered = ~keys.str.startswith("h")
        key = part["record_key"]
        by_number = ~key.str.startswith("h") & _among(_number(key), pd.concat([keys, _number(keys[numbered])]))
        stored.loc[part.index] = _among(key, keys) | by_number
    return stored


def _number(keys: pd.Series) -> pd.Series:
    """접수번호 of a key ('번호/부서' → '번호'), vectorised: a million stored keys are compared at once."""
    return keys.str.replace(r"/.*$", "", regex=True)


def _among(values: pd.Series, known: pd.Series) -> pd.Series:
    # One hash lookup in Arrow; pandas' isin on Arrow-backed strings compares a million values in Python.
    found = pc.is_in(pa.array(values, type=pa.string()), value_set=pa.array(known, type=pa.string()).unique())
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def store_rows(rows: pd.DataFrame, batch: str) -> pd.DataFrame:
    """The rows as the store's complaints table takes them."""
    out = rows.copy()
    out["source"] = "import"
    out["import_batch"] = batch
    return out[STORE_COLUMNS].reset_index(drop=True)


def summary(rows: pd.DataFrame) -> dict:
    """What the preview and the history say of a batch: its dates and channels."""
    if rows.empty:
        return {"first_date": None, "last_date": None, "by": {}}
    return {"first_date": rows["received_date"].min().date().isoformat(),
            "last_date": rows["received_date"].max().date().isoformat(),
            "by": {str(k): int(v) for k, v in rows["channel"].value_counts().items()},
            "kinds": sorted(rows["complaint_kind"].unique())}


def existing_columns() -> list[str]:
    return ["complaint_kind", "record_key"]


def date_column() -> str:
    return "received_date"


def describe(rows: pd.DataFrame) -> str:
    """What a batch brings, in a few words: '민원 647건'."""
    return f"민원 {len(rows):,}건"
