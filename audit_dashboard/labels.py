"""Every Korean label the interface shows, in one place."""
from __future__ import annotations

APP_TITLE = "감사 대시보드"
DEPARTMENT = "영등포구 감사담당관"

# Page titles (the navigation and the page headers use the same words).
PAGE_OVERVIEW = "종합 현황"
PAGE_COMPLAINTS = "고충민원"
PAGE_PATROLS = "현장순찰"
PAGE_BUDGET = "예산 집행"
PAGE_AUDITS = "감사·조사"
PAGE_INTEGRITY = "청렴·인권"
PAGE_ORGANISATION = "조직·인력"
PAGE_PLANS_2026 = "2026 계획"

# Where a figure comes from.
SOURCE_REPORT = "출처: 2025년 주요업무 보고(제265회 구의회 임시회)"
SOURCE_KIND = {
    "report": "보고서",
    "sample": "샘플(생성 데이터)",
    "import": "가져온 기록",
}
SAMPLE_BADGE = "샘플 데이터"
SAMPLE_WATERMARK = "샘플 데이터 · 실제 기록 아님"

# Column headers, keyed by the column names the queries return.
COLUMNS = {
    "programme": "단위사업명",
    "project": "사업명",
    "project_no": "연번",
    "team": "담당",
    "budget": "예산액(천원)",
    "executed": "집행액(천원)",
    "remaining": "집행잔액(천원)",
    "execution_rate": "집행률(%)",
    "execution_rate_printed": "보고서 집행률(%)",
    "channel": "접수 경로",
    "received": "접수(건)",
    "share": "비율(%)",
    "patrol_group": "순찰 구분",
    "patrol_kind": "순찰 종류",
    "findings": "적출(건)",
    "sessions": "순찰(회)",
    "subject": "항목",
    "measure": "구분",
    "expected": "단위사업 기준(천원)",
    "actual": "사업별 기준(천원)",
    "difference": "차이(천원)",
    "note": "설명",
    "section": "보고서 위치",
}

MEASURE = {
    "budget": "예산액",
    "executed": "집행액",
    "execution_rate_printed": "집행률",
    "authorized": "정원",
    "current": "현원",
    "surplus_printed": "과부족",
    "findings": "적출 건수",
    "sessions": "순찰 횟수",
}
