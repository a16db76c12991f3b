"""Every Korean label the interface shows, in one place."""
from __future__ import annotations

APP_TITLE = "감사 대시보드"

# Page titles (the navigation and the page headers use the same words).
PAGE_OVERVIEW = "종합 현황"
PAGE_COMPLAINTS = "고충민원"
PAGE_PATROLS = "현장순찰"
PAGE_BUDGET = "예산 집행"
PAGE_AUDITS = "감사·조사"
PAGE_INTEGRITY = "청렴·인권"
PAGE_ORGANISATION = "조직·인력"
PAGE_PLANS = "다음 해 계획"
PAGE_COMPARE = "보고서 비교"
PAGE_IMPORT = "기록 가져오기"
PAGE_DATA_ADMIN = "자료 관리"
PAGE_EDITIONS = "보고서 관리"
PAGE_RECONCILIATION = "보고서 대조"
PAGE_READINGS = "해석과 가정"
PAGE_PERIOD_COMPARE = "기간 비교"

# Where a figure comes from.
SOURCE_KIND = {
    "report": "보고서",
    "sample": "샘플(생성 데이터)",
    "import": "가져온 기록",
    "ours": "대시보드의 해석",  # data/readings.csv: what we decided where the report is silent
}
SAMPLE_BADGE = "샘플 데이터"
# The council pack's paper: A4 in either orientation (council papers are portrait).
PAPER_ORIENTATIONS = {"portrait": "세로", "landscape": "가로"}
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
    "gap": "경과율 대비(%p)",
    "year_elapsed": "연간 경과율(%)",
    "funding_source": "재원",
    "funding_sources": "재원",
    "project_2025": "2025 사업명",
    "budget_2025": "2025 예산액(천원)",
    "executed_2025": "2025 집행액(천원)",
    "execution_rate_2025": "2025 집행률(%)",
    "plan_2026": "2026 소요예산(천원)",
    "change": "증감(천원)",
    "change_rate": "증감률(%)",
    "project_nos": "대응 사업(연번)",
    "programme_budget": "단위사업 예산액(천원)",
    "programme_executed": "단위사업 집행액(천원)",
    "project_budget": "사업 예산액(천원)",
    "project_executed": "사업 집행액(천원)",
    "budget_difference": "예산액 차이(천원)",
    "executed_difference": "집행액 차이(천원)",
    "basis": "대응 근거",
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
    "item": "항목",
    "report_value": "보고서",
    "record_value": "기록 집계",
    "difference_text": "차이",
    "difference_words": "말로",
    "topic_label": "구분",
    "agreement": "비교",
    "age_label": "경과일수",
    "still_open": "미처리(건)",
    "oldest_days": "최장 경과(일)",
    "repeat_key": "반복 묶음",
    "category": "유형",
    "department": "처리부서",
    "complaints": "건수",
    "first_received": "첫 접수일",
    "last_received": "최근 접수일",
    "closed_within_period_share": "기한 내 처리율(%)",
    "median_days": "처리일수 중앙값(일)",
    "findings_per_session": "회당 적출(건)",
    "findings_resolved": "조치 완료(건)",
    "follow_up_share": "조치율(%)",
    "area": "동",
    "findings_open": "조치 중(건)",
    "printed": "실적(보고서 표기)",
    "batch": "가져오기 묶음",
    "complaint_kind": "민원 종류",
    "rows": "건수",
    "first_date": "첫 접수일",
    "last_date": "마지막 접수일",
    "channels": "접수 경로 수",
    "audit_type": "감사 종류",
    "audit_subject": "감사 대상",
    "audits": "건수(건)",
    "count_basis": "건수 산정",
    "status": "진행 상태",
    "origin": "조사 구분",
    "cases_total": "계",
    "audience": "교육 대상",
    "education_programme": "교육·프로그램",
    "sessions_text": "횟수",
    "participants": "참여 인원(명)",
    "duty": "업무",
    "staff_measure": "구분",
    "equipment_kind": "구분",
    "equipment_name": "명칭",
    "equipment_status": "현황",
    "equipment_note": "비고",
    "plan_kind": "구분",
    "change_rate_text": "증감률",
    "activity": "추진 내용",
    "timing": "시기(보고서 표기)",
    "project_label": "사업",
    "plan_text": "계획",
    "schedule": "시기",
    "month_text": "정한 달",
    "received_date": "접수일자",
    "patrol_date": "순찰일",
    "closed_date": "처리일자",
    "processing_days": "처리일수",
    "source_text": "자료",
    "title": "해석",
    "mark": "우리가 정한 것",
    "why": "까닭",
    "set_in": "바꾸는 곳",
    "shown_on": "보이는 곳",
    "plan_year": "연도",
    "kpi": "지표",
    "kpi_value": "값",
    "kpi_detail": "내용",
    "kpi_source": "출처",
    "kpi_period": "기간",
    "compare_topic": "분야",
    "compare_label": "수치",
    "compare_unit": "단위",
    "compare_change": "증감",
    "compare_change_rate": "증감률(%)",
}

AGREEMENT = {True: "○ 일치", False: "× 불일치"}

UNASSIGNED = "(미지정)"  # a record with no handling department

# How long open complaints have waited (complaints_backlog.sql's age_band).
AGE_BANDS = {1: "7일 이하", 2: "8~14일", 3: "15~30일", 4: "31일 이상"}

MEASURE = {
    "budget": "예산액",
    "executed": "집행액",
    "execution_rate_printed": "집행률",
    "authorized": "정원",
    "current": "현원",
    "surplus_printed": "과부족",
    "findings": "적출 건수",
    "sessions": "순찰 횟수",
    "received": "접수 건수",
}
