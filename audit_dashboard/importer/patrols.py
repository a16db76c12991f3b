"""Patrol records: a patrol log (one row per session: date, kind, 동, findings, follow-up) or a
findings log (one row per finding: 위반일시, 위반장소 …), whose findings become sessions by date, 동
and kind. The whole file's shape and, for a findings log, its patrol kind are chosen in the mapping.

Places are kept only as far as the pages need them: the 동 of an address, never the address; what
was found (위반내용) and who is named are never read.
"""
from __future__ import annotations

import re

import pandas as pd

from . import fields as F
from .identity import hashed_keys
from .problems import Problems

NAME, LABEL, TABLE = "patrols", "순찰", "patrol_sessions"
LOG, FINDINGS = "순찰 일지(한 행이 순찰 한 번)", "적발 목록(한 행이 적발 한 건)"
DONE, OPEN, NONE, UNKNOWN = "조치완료", "조치중", "해당없음", "미상"
NO_AREA = "(동 미상)"
# The 동 of an address: '대치동', '효자동2가', '신길제1동', '역삼1동' (읍·면 for districts that have them).
_AREA = re.compile(r"^[가-힣]+[0-9]*(?:동|읍|면)(?:[0-9]+가)?$|^[가-힣]+[0-9]*가$")
_PLAIN_AREA = re.compile(r"^[가-힣0-9·]+$")

FIELDS = (
    F.Field("shape", "기록 형태", F.CHOICE, choices=(LOG, FINDINGS), column_allowed=False, default=FINDINGS,
            help="순찰 일지는 한 행이 순찰 한 번, 적발 목록은 한 행이 적발 한 건입니다(날짜·동·종류로 순찰 횟수를 묶음)."),
    F.Field("record_key", "순찰 번호", F.KEY, aliases=("순찰번호", "일지번호", "관리번호"), constant_allowed=False),
    F.Field("patrol_date", "순찰일자", F.DATE, required=True, aliases=(
        "순찰일", "순찰일시", "위반일시", "위반일자", "적발일시", "적발일자", "단속일자", "단속일시", "점검일자", "일자",
        "날짜", "Date", "Inspection Date", "Patrol Date"), constant_allowed=False),
    F.Field("patrol_kind", "순찰 종류", F.CHOICE, required=True, aliases=(
        "순찰종류", "순찰구분", "순찰 유형", "순찰유형", "Patrol Type"),
        vocabulary={"합동순찰": "야간합동순찰", "야간순찰": "야간합동순찰", "동장지구대장순찰": "동장·지구대장 순찰"},
        help="적발 목록은 파일 전체가 한 종류의 순찰입니다: 모든 행에 같은 값으로 정하십시오."),
    F.Field("area", "동", F.TEXT, aliases=(
        "행정동", "법정동", "동명", "순찰지역", "지역", "위반장소", "적발장소", "단속장소", "장소", "주소", "Area"),
        help="주소가 적혀 있으면 동 이름만 남기고 나머지는 저장하지 않습니다."),
    F.Field("findings", "적출 건수", F.NUMBER, aliases=("적출", "적출건수", "적발건수", "적발 건수", "지적건수", "Findings"),
            constant_allowed=False, help="순찰 일지에서 순찰 한 번의 적출 건수. 적발 목록은 한 행이 한 건입니다."),
    F.Field("findings_resolved", "조치 완료 건수", F.NUMBER, aliases=("조치건수", "조치완료건수", "조치 완료"),
            constant_allowed=False),
    F.Field("follow_up", "조치 상태", F.CHOICE, choices=(DONE, OPEN, NONE), aliases=(
        "조치상태", "조치결과", "처리상태", "처리결과", "조치여부"),
        vocabulary={"완료": DONE, "처리완료": DONE, "조치": DONE, "과태료부과": DONE, "과태료 부과": DONE, "계도": DONE,
                    "시정": DONE, "처리중": OPEN, "진행중": OPEN, "미조치": OPEN, "미처리": OPEN, "없음": NONE},
        help="없으면 조치율 계산에서 뺍니다(조치율은 조치 여부를 아는 적출만으로 셉니다)."),
)

PREVIEW = {"patrol_date": "순찰일자", "patrol_kind": "순찰 종류", "area": "동", "findings": "적출 건수",
           "findings_resolved": "조치 완료 건수", "follow_up_status": "조치 상태"}
BY_UNIT = ""
STORE_COLUMNS = ["record_key", "patrol_date", "patrol_year", "patrol_quarter", "patrol_month", "patrol_group",
                 "patrol_kind", "area", "findings", "findings_resolved", "follow_up_status", "source", "import_batch"]


def context(con, run_query, data_dir=None) -> dict:
    if con is None:
        return {"known": {}, "groups": {}}
    kinds = run_query(con, "patrol_kinds_known")
    return {"known": {"patrol_kind": kinds["patrol_kind"].tolist()},
            "groups": dict(zip(kinds["patrol_kind"], kinds["patrol_group"]))}


def choices_of(key: str, context: dict) -> tuple[str, ...]:
    """The closed list a field takes beyond its own (patrol kinds: those the dashboard knows)."""
    return tuple(context.get("known", {}).get(key, [])) if key == "patrol_kind" else ()


def area_of(written: str | None) -> str:
    """The 동 in what a file writes for a place: a 동 as it is, or the 동 token of an address."""
    if written is None or not str(written).strip():
        return NO_AREA
    text = str(written).strip()
    if _PLAIN_AREA.match(text) and not text.endswith(("로", "길")):
        return text
    for token in re.split(r"[\s,()]+", text):
        if _AREA.match(token):
            return token
    return NO_AREA


def finish(values: dict[str, pd.Series], where: dict[str, str], index: pd.Index, problems: Problems,
           context: dict, mapping) -> pd.DataFrame:
    shape = values["shape"].iloc[0] if len(values["shape"]) else FINDINGS
    rows = pd.DataFrame(index=index)
    date = values["patrol_date"].dt.normalize()
    rows["patrol_date"] = date
    rows["patrol_kind"] = values["patrol_kind"]
    rows["patrol_group"] = values["patrol_kind"].map(context.get("groups", {}))
    codes, uniques = pd.factorize(values.get("area", pd.Series(None, index=index, dtype="str")))
    areas = [area_of(u) for u in uniques]
    rows["area"] = [areas[c] if c >= 0 else NO_AREA for c in codes]
    problems.warn(rows["area"].eq(NO_AREA), "동을 알 수 없는 행이 있습니다(주소에 동 이름이 없거나 비어 있음).",
                  f"'{NO_AREA}'으로 묶어 셉니다.")
    follow = values.get("follow_up")
    if shape == LOG:
        if "findings" not in values:
            problems.reject(pd.Series(True, index=index), "적출 건수", "적출 건수", None,
                            "순찰 일지에는 적출 건수 열이 있어야 합니다(적발 목록이면 기록 형태를 바꾸십시오).")
            findings = pd.Series(0, index=index)
        else:
            findings = values["findings"]
            problems.reject(findings.isna(), where["findings"], "적출 건수", findings, "적출 건수가 비어 있습니다.")
            problems.reject(findings < 0, where["findings"], "적출 건수", findings, "적출 건수가 0보다 작습니다.")
        if "findings_resolved" in values:
            resolved = values["findings_resolved"]
            problems.reject(resolved > findings, where["findings_resolved"], "조치 완료 건수", resolved,
                            "조치 완료 건수가 적출 건수보다 많습니다.")
        elif follow is not None:
            resolved = findings.where(follow.eq(DONE), 0).where(follow.notna())
        else:
            resolved = pd.Series(pd.NA, index=index, dtype="Float64")
        rows["findings"] = findings.fillna(0).astype("Int64")
        rows["findings_resolved"] = resolved.astype("Float64").round().astype("Int64")
    else:
        rows["findings"] = 1
        resolved = (follow.eq(DONE).astype("Int64").where(follow.notna())) if follow is not None \
            else pd.Series(pd.NA, index=index, dtype="Int64")
        rows["findings_resolved"] = resolved.astype("Int64")
    rows["number"] = values.get("record_key", pd.Series(None, index=index, dtype="str"))
    rows.attrs["shape"] = shape
    return rows


def combine(rows: pd.DataFrame, problems: Problems, context: dict) -> pd.DataFrame:
    """A findings log's findings as sessions: one session per date, 동 and kind (the first row's number)."""
    if rows.attrs.get("shape") != FINDINGS or rows.empty:
        return _with_periods(rows)
    keyed = rows.assign(row=rows.index)
    grouped = keyed.groupby(["patrol_date", "patrol_kind", "area"], sort=True, dropna=False)
    sessions = grouped.agg(row=("row", "min"), patrol_group=("patrol_group", "first"),
                           findings=("findings", "sum"), number=("number", "first"))
    # Follow-up of a session: known only if its findings say (NA when none of them does).
    sessions["findings_resolved"] = grouped["findings_resolved"].sum(min_count=1)
    sessions = sessions.reset_index()
    sessions["findings_resolved"] = sessions["findings_resolved"].astype("Int64")
    sessions["number"] = None  # a session made of findings has no number of its own
    sessions = sessions.set_index("row").sort_index()
    sessions.index.name = "row"
    sessions.attrs["shape"] = FINDINGS
    return _with_periods(sessions)


def _with_periods(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    rows["patrol_year"] = rows["patrol_date"].dt.year.astype("Int16")
    rows["patrol_quarter"] = rows["patrol_date"].dt.quarter.astype("Int8")
    rows["patrol_month"] = rows["patrol_date"].dt.month.astype("Int8")
    resolved, findings = rows["findings_resolved"], rows["findings"]
    rows["follow_up_status"] = pd.Series(UNKNOWN, index=rows.index).mask(resolved.notna() & (findings == 0), NONE) \
        .mask(resolved.notna() & (resolved >= findings) & (findings > 0), DONE) \
        .mask(resolved.notna() & (resolved < findings), OPEN)
    return rows


def keys(rows: pd.DataFrame, where: dict[str, str], problems: Problems) -> pd.Series:
    """A log's own number where it has one; a session of findings by its date, kind and 동; else a hash."""
    if rows.attrs.get("shape") == FINDINGS:
        return hashed_keys(rows[["patrol_date", "patrol_kind", "area"]], prefix="p")
    number = rows["number"]
    repeated = number.notna() & number.duplicated(keep="first")
    problems.reject(repeated, where.get("record_key", "순찰 번호"), "순찰 번호", number,
                    "같은 파일에 순찰 번호가 같은 행이 먼저 있습니다.")
    missing = number.isna()
    key = number.copy()
    if missing.any():
        key = key.where(~missing, hashed_keys(rows.loc[missing, ["patrol_date", "patrol_kind", "area", "findings",
                                                                 "findings_resolved"]]))
    return key


def already_stored(rows: pd.DataFrame, existing: pd.DataFrame, context: dict) -> pd.Series:
    if existing.empty:
        return pd.Series(False, index=rows.index)
    return rows["record_key"].isin(set(existing["record_key"]))


def store_rows(rows: pd.DataFrame, batch: str) -> pd.DataFrame:
    out = rows.copy()
    out["source"] = "import"
    out["import_batch"] = batch
    return out[STORE_COLUMNS].reset_index(drop=True)


def summary(rows: pd.DataFrame) -> dict:
    if rows.empty:
        return {"first_date": None, "last_date": None, "by": {}}
    by = rows.groupby("patrol_kind")["findings"].agg(["size", "sum"])
    return {"first_date": rows["patrol_date"].min().date().isoformat(),
            "last_date": rows["patrol_date"].max().date().isoformat(),
            "by": {f"{k} 순찰(회)": int(v["size"]) for k, v in by.iterrows()} | {"적출(건)": int(rows["findings"].sum())},
            "sessions": len(rows), "findings": int(rows["findings"].sum())}


def existing_columns() -> list[str]:
    return ["record_key"]


def date_column() -> str:
    return "patrol_date"


def describe(rows: pd.DataFrame) -> str:
    return f"순찰 {len(rows):,}회(적출 {int(rows['findings'].sum()) if len(rows) else 0:,}건)"
