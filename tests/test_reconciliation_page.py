"""보고서 대조: the report's printed figures beside the imported records, with every difference said in
figures and in words — a planted difference shows, nothing is smoothed."""
import pytest
import streamlit as st

from audit_dashboard import paths
from audit_dashboard.importer import kinds, pipeline
from audit_dashboard.importer.mapping import Source
from conftest import run_page
from report_pages import shown


def imported(workspace, text: str, name: str, records: str = "complaints", extra=None, **sources):
    data, store_file = workspace
    content = text.encode()
    chosen = pipeline.proposal(kinds.kind(records), pipeline.table_of(content, name, records))
    chosen.extra = extra or {}
    for key, source in sources.items():
        chosen = chosen.with_source(key, source)
    prepared = pipeline.prepare(content, name, records, chosen, data_dir=data, store_file=store_file)
    assert prepared.rejected == 0, prepared.rejects
    pipeline.commit(prepared, data_dir=data, store_file=store_file)


@pytest.fixture
def page_on(workspace, monkeypatch):
    data, store_file = workspace
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)

    def open_page():
        st.cache_data.clear()
        st.cache_resource.clear()
        return run_page("reconciliation")
    return open_page


def table_titled(at, words):
    for element, title in zip(at.dataframe, [m.value for m in at.markdown if m.value.startswith("**")]):
        if words in title:
            return shown(element)
    raise AssertionError(words)


def test_without_imports_every_figure_says_no_records_were_imported(page_on):
    at = page_on()
    values = {m.label: m.value for m in at.metric}
    assert values["보고서와 같은 수치"] == "0개" and values["보고서와 다른 수치"] == "0개"
    assert values["기록이 없어 비교하지 못한 수치"] != "0개"


def test_a_planted_difference_in_channels_and_budget_is_shown_in_figures_and_words(workspace, page_on):
    imported(workspace, "접수번호,접수일자,등록채널\nA,2025-02-01,응답소\nB,2025-02-02,응답소\nC,2025-03-01,국민신문고\n"
                        "D,2025-10-01,응답소\n", "대장.csv")  # D is after the report's period
    imported(workspace, "세부사업명,예산현액,지출액,기준일자\n감사 운영,129680,100000,2025-09-30\n", "집행.csv", "budget",
             extra={"세부사업": {"감사 운영": {"단위사업": "청렴하고 투명한 감사행정"}}}, unit=Source(value="천원"))
    at = page_on()
    complaints = table_titled(at, "고충민원 접수")
    rows = complaints.set_index("항목")
    assert rows.loc["응답소", "보고서"] == "333" and rows.loc["응답소", "기록 집계"] == "2"
    assert rows.loc["응답소", "말로"] == "기록이 보고서보다 331건 적습니다"
    assert rows.loc["국민신문고", "말로"] == "보고서에는 없고 기록에만 1건 있습니다"
    assert rows.loc["구청장에게 바란다", "말로"] == "기록에 이 항목이 없습니다"
    assert rows.loc["계", "차이(천원)" if "차이(천원)" in rows.columns else "차이"] in ("△1,619", "△1,619건")
    budget = table_titled(at, "예산(단위사업)").set_index(["항목", "구분"])
    audit = budget.loc[("청렴하고 투명한 감사행정", "집행액")]
    assert (audit["보고서"], audit["기록 집계"]) == ("114,112", "100,000")
    assert audit["말로"] == "기록이 보고서보다 14,112천원 적습니다"
    assert budget.loc[("청렴하고 투명한 감사행정", "예산액"), "말로"] == "보고서와 같습니다"
    assert budget.loc[("기본경비", "집행액"), "말로"] == "기록에 이 항목이 없습니다"
    values = {m.label: m.value for m in at.metric}
    assert values["보고서와 다른 수치"] != "0개"
