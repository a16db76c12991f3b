"""The overview's search finds any figure or line of the report by a Korean word and links to the
page that shows it: a council member's question is answered within two clicks."""
from streamlit.testing.v1 import AppTest

from audit_dashboard import fmt, markdown, navigation, report_search
from conftest import EDITION, ROOT
from report_pages import run, tables, text_of

PAGE_FILES = {page.url_path: page.file for page in navigation.PAGES}


def search_on_overview(word: str) -> list:
    # Through the entry point, so that the pages the links go to are registered.
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.text_input(key="report_search").input(word).run()
    assert not at.exception, [e.value for e in at.exception]
    # not the menu in the sidebar, nor the overview tiles' links to their pages
    return [link.proto for link in at.main.get("page_link") if link.proto.label != "자세히 보기"]


def test_contract_reviews_are_found_as_736_and_link_to_the_audits_page():
    results = report_search.find("계약심사")
    first = results[0]
    assert report_search.describe(first) == "계약심사 736건"
    assert report_search.where(first) == "Ⅱ-1 주요 추진실적"
    assert report_search.page_for(first) == "audits"
    assert {report_search.page_for(r) for r in results} == {"audits", "plans"}


def test_human_rights_impact_assessment_is_found_on_the_integrity_page_and_in_the_2026_plan():
    results = report_search.find("인권영향평가")
    found = {report_search.describe(r): report_search.page_for(r) for r in results}
    assert found["인권영향평가 평가대상 41건"] == "integrity"
    assert found["인권영향평가 개정권고 9건"] == "integrity"
    assert found["2026년 자치법규 제·개정안 사전 인권영향평가 실시"] == "plans"


def test_spaces_and_commas_do_not_matter():
    assert "원가계산 제비율 심사 165건" in [report_search.describe(r) for r in report_search.find("원가 심사")]
    assert "계약심사 736건" in [report_search.describe(r) for r in report_search.find("계약 심사")]
    assert "직원 청렴서약서 서명 1,602명" in [report_search.describe(r) for r in report_search.find("1602")]


def test_property_is_found_in_figures_duties_and_plans():
    results = report_search.find("재산")
    described = [report_search.describe(r) for r in results]
    assert "재산등록 심사 완료 392명" in described
    assert "재산등록 고지거부 신청 접수 및 심사 69명" in described
    assert "감사팀 업무: 공직자 재산등록" in described
    assert {report_search.page_for(r) for r in results} == {"audits", "organisation", "plans"}


def test_every_result_of_common_words_goes_to_a_registered_page():
    for word in ("청렴", "인권", "순찰", "고충민원", "예산", "감사", "7급", "스타렉스", "12월"):
        results = report_search.find(word)
        assert results, word
        for result in results:
            assert report_search.page_for(result) in PAGE_FILES, (word, result)


def test_a_word_not_in_the_report_finds_nothing():
    assert report_search.find("주차단속") == []
    assert report_search.find("   ") == []


def test_each_printed_figure_is_on_the_page_its_search_result_links_to(con):
    from audit_dashboard import store

    figures = store.run_query(con, "report_figures", edition=EDITION)
    pages = {}
    for figure in figures.to_dict("records"):
        url_path = report_search.page_for({"kind": "figure", "plan_year": 2025, "report_year": 2025,
                                           "project_no": figure["project_no"]})
        if url_path not in pages:
            at = run(PAGE_FILES[url_path])
            cells = "\n".join(frame.astype(str).to_string() for frame in tables(at))
            pages[url_path] = text_of(at) + "\n" + cells
        printed = fmt.percent(figure["value"]) if figure["unit"] == "%" else fmt.count(figure["value"], figure["unit"])
        assert printed in pages[url_path], (figure["figure_key"], printed, url_path)


def test_the_overview_search_box_links_contract_reviews_to_the_audits_page():
    links = search_on_overview("계약심사")
    assert links[0].page == "audits"
    assert "계약심사 736건" in links[0].label and "감사·조사" in links[0].label
    # Each result names its report, and its link opens the page with that report chosen.
    assert markdown.literal("2025년 주요업무 보고(제265회 구의회 임시회)") in links[0].label
    assert {link.query_string for link in links} == {f"report={EDITION}"}
    assert [link.page for link in links] == ["audits", "audits", "plans"]


def test_the_overview_search_box_finds_human_rights_impact_assessment():
    links = search_on_overview("인권영향평가")
    assert {link.page for link in links} == {"integrity", "plans"}
    assert any("인권영향평가 평가대상 41건" in link.label for link in links)
