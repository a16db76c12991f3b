"""Search the reports: a Korean word finds every figure, table row and printed line of every edition
that contains it, each naming its edition and linked to the page that shows it (with that edition
chosen), so a council member's question is answered in two clicks.

`find`, `page_for`, `describe`, `where` and `edition_of` are plain functions (testable without
Streamlit); `search_box` draws the input and the links.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from . import fmt, korean, markdown, presentation
from .app_data import ask
from .navigation import PAGES

MAX_SHOWN = 30
EDITION_PARAM = "report"  # as frame.py keeps the edition in the URL

# The page that shows each project's work of a report's year (Ⅱ-n): its figures, tables and printed
# text. Projects 4 and 5 keep their full printed text on the plans page, beside the plans that follow them.
PROJECT_PAGES = {1: "audits", 2: "integrity", 3: "audits", 4: "plans", 5: "plans", 6: "integrity"}
PLANS_PAGE = "plans"
# Rows of a breakdown table go to the page built on that table.
KIND_PAGES = {
    "self_audit": "audits",
    "investigation": "audits",
    "hr_education": "integrity",
    "team": "organisation",
    "staffing": "organisation",
    "equipment": "organisation",
    "budget_programme": "budget",
    "complaint_channel": "complaints",
    "patrol_result": "patrols",
}


def _get(result: dict, key: str):
    """A field of a result, with SQL NULL (NaN, NA) read as None."""
    value = result.get(key)
    return None if value is None or pd.isna(value) else value


def find(word: str) -> list[dict]:
    """Every entry of every edition containing `word` (spaces and thousands commas ignored), the latest
    edition first."""
    word = word.strip()
    if not word:
        return []
    return ask("search_report", word=word).to_dict("records")


def page_for(result: dict) -> str:
    """The url_path of the page that shows this result."""
    kind = result["kind"]
    if kind in KIND_PAGES:
        return KIND_PAGES[kind]
    plan_year, report_year = _get(result, "plan_year"), _get(result, "report_year")
    if plan_year is not None and report_year is not None and int(plan_year) > int(report_year):
        return PLANS_PAGE
    return PROJECT_PAGES.get(int(result["project_no"]), PLANS_PAGE)


def edition_of(result: dict) -> str:
    """The edition a result is in, as a selector names it: '2024년 주요업무 보고(제250회 구의회 임시회)'."""
    return f"{result['title']}({result['council_session']})"


def where(result: dict) -> str:
    """Its place in the report: 'Ⅱ-1 주요 추진실적', 'Ⅲ-2 추진일정', 'Ⅰ-1 조직'."""
    section, block = _get(result, "section"), _get(result, "block")
    return f"{section} {block}" if block else str(section)


def describe(result: dict) -> str:
    """One line saying what was found, figures written as the report writes them."""
    kind, label, detail = result["kind"], _get(result, "label"), _get(result, "detail")
    value, unit, value2 = _get(result, "value"), _get(result, "unit"), _get(result, "value2")
    if kind == "figure":
        return f"{label} {fmt.percent(value) if unit == '%' else fmt.count(value, unit)}"
    if kind == "self_audit":
        return f"자체감사 {label}: {detail}({fmt.count(value, '건')})"
    if kind == "investigation":
        return f"{label} {detail} {fmt.count(value, '건')}"
    if kind == "hr_education":
        return f"인권교육({detail} 대상) {label}: {fmt.count(value, unit)}, {fmt.count(value2, '명')} 참여"
    if kind == "team":
        return f"{detail} 업무: {label}"
    if kind == "staffing":
        return f"인력 {detail} {label}: 정원 {fmt.count(value, '명')}, 현원 {fmt.count(value2, '명')}"
    if kind == "equipment":
        return f"장비 {label}: {detail}"
    if kind == "budget_programme":
        return f"단위사업 {label}: 예산액 {fmt.won(value)}, 집행액 {fmt.won(value2)}"
    if kind == "complaint_channel":
        return f"고충민원 접수 경로 {label}: {fmt.count(value, '건')}"
    if kind == "patrol_result":
        sessions = f"({fmt.count(value2, '회')})" if value2 is not None else ""
        return f"{detail} {label}: 적출 {fmt.count(value, '건')}{sessions}"
    if kind == "project":
        year = int(result["plan_year"])
        money = f"예산액 {fmt.won(value)}" if year <= int(result["report_year"]) else f"소요예산 {fmt.won(value)}"
        return f"{year}년 사업 {label}({detail}): {money}"
    schedule = f" [{detail}]" if detail and detail not in str(label) else ""
    return f"{int(result['plan_year'])}년 {label}{schedule}"


def search_box() -> None:
    """A search input and, for a word, a link per result to the page that shows it.

    Not drawn in the presentation view, which shows figures only."""
    if presentation.active():
        return
    pages = {page.url_path: page for page in PAGES}
    st.subheader("보고서에서 찾기")
    word = st.text_input("보고서에서 찾기", key="report_search", label_visibility="collapsed",
                         placeholder="낱말로 찾기: 예) 재산, 청렴, 계약심사, 인권영향평가")
    if not word.strip():
        st.caption("모든 보고서의 수치와 문장(실적, 남은 계획, 다음 해 계획, 조직·인력·예산)에서 찾습니다.")
        return
    results = find(word)
    repr_word = f"'{word.strip()}'"  # what the person typed, shown as typed (markdown.text)
    if not results:
        st.info(markdown.text(f"{korean.josa(repr_word, '이/가')} 들어간 수치나 문장이 어느 보고서에도 없습니다."),
                icon=":material/search_off:")
        return
    shown = results[:MAX_SHOWN]
    more = f", 앞의 {len(shown)}건만 보입니다. 낱말을 더 구체적으로 넣어 보세요" if len(results) > len(shown) else ""
    editions = len({r["edition"] for r in results})
    st.caption(f"{markdown.text(repr_word)} {fmt.count(len(results), '건')}(보고서 {editions}개){more}. "
               "누르면 그 보고서를 고른 채로 그 내용이 있는 화면으로 갑니다.")
    for result in shown:
        page = pages.get(page_for(result))
        text = markdown.literal(f"{describe(result)} · {where(result)} · {edition_of(result)}")
        if page is None:
            st.markdown(f"- {text}")
        else:
            st.page_link(page.path, label=f"**{page.title}** · {text}", icon=page.icon,
                         query_params={EDITION_PARAM: result["edition"]})
