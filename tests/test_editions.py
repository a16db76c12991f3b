"""A second report, added from a workbook as staff add it, shows on every page without a code change;
the latest is shown by default, any edition by ?report=…; the comparison view shows what changed;
search names the edition of each hit; removing the edition gives the store exactly as before."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from audit_dashboard import build, paths, report_search, store
from audit_dashboard.editions import folders, pipeline
from audit_dashboard.navigation import PAGES
from conftest import EDITION, LOCAL_DATA, ROOT, SHIPPED, metrics, page_text, run_page, stored
from edition_support import NEXT_ID, NEXT_SESSION, NEXT_TITLE, next_report_workbook
from import_support import data_state, store_state
from report_pages import shown


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory):
    """data/ as shipped plus the 2026 report added through the pipeline, and its store."""
    folder = tmp_path_factory.mktemp("two-editions")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=LOCAL_DATA)
    store_file = folder / "audit.duckdb"
    build.build(store_file, data_dir=data)
    prepared = pipeline.prepare(next_report_workbook(), "보고서_2026.xlsx", data_dir=data)
    pipeline.commit(prepared, data_dir=data, store_file=store_file)
    return data, store_file, prepared


@pytest.fixture
def on_two_editions(two_editions, monkeypatch):
    data, store_file, _ = two_editions
    monkeypatch.setattr(paths, "STORE_FILE", store_file)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "REPORT_DIR", data / "report")
    return two_editions


def sidebar_box(at, label: str):
    return next(box for box in at.sidebar.selectbox if box.label == label)


def test_the_preview_says_what_is_new_and_what_differs_from_the_report_before(two_editions):
    _, _, prepared = two_editions
    assert prepared.meta.edition == NEXT_ID and prepared.previous.edition == EDITION
    changed = prepared.figures[prepared.figures["shared"] & (prepared.figures["change"] != 0)]
    differs = dict(zip(changed["label"], zip(changed["other_value"], changed["value"])))
    assert differs["고충민원 접수: 응답소"] == (333, 350)
    assert differs["고충민원 접수"] == (1622, 1660)
    assert differs["기획순찰 적출"] == (330, 345) and differs["기획순찰 순찰"] == (7, 8)
    assert differs["주민합동순찰 계 적출"] == (694, 697)
    sheets = {c.sheet: c for c in prepared.changes}
    assert sheets["고충민원 접수 경로"].changed == 3 and sheets["고충민원 접수 경로"].new == 0
    assert sheets["보고서 정보"].changed == 1


def test_the_added_edition_lives_in_data_editions_with_its_workbook(two_editions):
    data, store_file, _ = two_editions
    folder = data / "editions" / NEXT_ID
    assert (folder / "report_meta.csv").is_file() and (folder / folders.WORKBOOK_NAME).is_file()
    con = store.connect_read_only(store_file)
    try:
        editions = store.run_query(con, "report_editions")
    finally:
        con.close()
    assert editions["edition"].tolist() == [NEXT_ID, EDITION]  # the latest first
    assert editions["origin"].tolist() == ["added", "shipped"]
    assert editions["folder"].tolist() == [f"data/editions/{NEXT_ID}", "data/report"]


def test_the_latest_report_is_shown_by_default_and_kept_in_the_url(on_two_editions):
    at = run_page("overview.py")
    assert sidebar_box(at, "보고서").value == NEXT_ID
    assert at.query_params["report"] == NEXT_ID
    assert (at.query_params["from"], at.query_params["to"]) == ("2026Q1", "2026Q3")  # its own period
    text = page_text(at)
    assert f"{NEXT_TITLE}({NEXT_SESSION}) 기준일 2026. 9. 30." in text
    assert metrics(at)["청렴서약 참여"] == "1,650명"


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_shows_the_2026_report_when_it_is_chosen(page, on_two_editions):
    at = run_page(page.file, {"report": NEXT_ID})
    assert sidebar_box(at, "보고서").value == NEXT_ID
    assert "보고서 기간: 2026년 1~3분기(2026. 1. 1. ~ 2026. 9. 30.)" in at.sidebar.pills[0].help.replace("\\~", "~")
    links = {link.proto.query_string for link in at.sidebar.get("page_link")}
    assert links == {f"from=2026Q1&to=2026Q3&grain=month&report={NEXT_ID}"}
    text = page_text(at)
    shown = {
        "overview": "2026년 주요업무 보고(제270회 구의회 임시회) 기준일 2026. 9. 30.",
        "complaints": "2026년 1~3분기에는 고충민원 기록이 없습니다",  # records end with 2025. 9. 30.
        "patrols": "2026년 1~3분기에는 순찰 기록이 없습니다",
        "budget": "2026년 주요업무 보고 Ⅰ-4 예산현황",
        "audits": "2026년 주요업무 보고 Ⅱ-1, Ⅱ-3 · 2026. 1. 1. ~ 2026. 9. 30. 실적",
        "integrity": "2026년 주요업무 보고 Ⅱ-6, Ⅱ-2 · 2026. 1. 1. ~ 2026. 9. 30. 실적",
        "organisation": "2026년 주요업무 보고 Ⅰ 일반현황 · 2026. 9. 30. 기준",
        "plans": "2026년 주요업무 보고 Ⅲ 2027년 주요업무 추진계획",
        "report_compare": "직전 보고서 · 1년 전 같은 기간의 보고서와 비교: 2025년 주요업무 보고(제265회 구의회 임시회)",
        "reconciliation": "「2026년 주요업무 보고」의 수치와 부서가 가져온 기록을 수치마다 나란히 놓습니다 · "
                          "보고서 기간 2026. 1. 1. ~ 2026. 9. 30.",
        "period_compare": "2026년 1~3분기(2026. 1. 1. ~ 2026. 9. 30.) 대 2025년 1~3분기(2025. 1. 1. ~ 2025. 9. 30.)",
        "readings": "「2026년 주요업무 보고」 기준",
        "records_import": "기록 가져오기",
        "data_admin": "자료 관리",
        "editions": "2026년 주요업무 보고",
    }[page.url_path]
    everything = "\n".join([text, *(t.value.to_string() for t in at.dataframe), *(h.value for h in at.title),
                            *(h.value for h in at.subheader)])
    assert shown in everything, page.url_path


def test_the_reconciliation_sets_the_records_beside_the_chosen_report(on_two_editions):
    """보고서 대조 takes its printed figures, period and as-of date from the chosen edition."""
    def report_column(at, title_words):
        titles = [m.value for m in at.markdown if m.value.startswith("**")]
        table = next(shown(t) for t, title in zip(at.dataframe, titles) if title_words in title)
        return table.set_index("항목")["보고서"]

    latest, first = run_page("reconciliation.py", {"report": NEXT_ID}), run_page("reconciliation.py", {"report": EDITION})
    assert report_column(latest, "고충민원 접수")[["응답소", "계"]].tolist() == ["350", "1,660"]
    assert report_column(first, "고충민원 접수")[["응답소", "계"]].tolist() == ["333", "1,622"]
    assert "보고서 2026. 9. 30. 기준" in page_text(latest) and "보고서 2025. 9. 30. 기준" in page_text(first)


def test_the_2025_report_is_still_there_by_its_url(on_two_editions):
    at = run_page("complaints.py", {"report": EDITION})
    assert (at.query_params["from"], at.query_params["to"]) == ("2025Q1", "2025Q3")
    assert metrics(at)["접수"] == "1,622건"
    compared = run_page("complaints.py", {"report": EDITION}, tab="보고서와 비교")
    assert any("보고서와 일치" in m.value for m in compared.markdown)  # the records against its own figures


def test_choosing_another_report_in_the_sidebar_moves_its_own_period_along(on_two_editions):
    at = run_page("complaints.py", {"report": EDITION})
    sidebar_box(at, "보고서").set_value(NEXT_ID).run()
    assert not at.exception
    assert (at.query_params["report"], at.query_params["from"], at.query_params["to"]) == (NEXT_ID, "2026Q1", "2026Q3")


def test_the_plans_page_shows_the_plans_of_the_year_after_the_chosen_report(on_two_editions):
    at = run_page("plans.py", {"report": NEXT_ID})
    text = page_text(at)
    assert "2027년 추진일정" in [s.value for s in at.subheader]
    assert "2027년 소요예산은 계획이며 확정 예산이 아닙니다. 증감은 같은 재원끼리 비교합니다" in text


def test_the_budget_page_shows_the_2026_report_at_its_as_of_date(on_two_editions):
    at = run_page("budget.py", {"report": NEXT_ID})
    assert metrics(at)["예산액(천원)"] == "271,988"
    assert "기준 시점: 2026. 9. 30. (보고서)" in page_text(at)
    assert not at.warning  # the 2026 figures are the report's own: no sample mark


def test_the_comparison_shows_what_changed_from_the_report_before(on_two_editions):
    at = run_page("report_compare.py", {"report": NEXT_ID})
    changed, every = (t.value.set_index("수치") for t in at.dataframe)
    assert (changed["증감"] != 0).all() and "예산 계 예산액" not in changed.index
    rows = every
    this, other = "2026년 주요업무 보고(2026. 9. 30. 기준)", "2025년 주요업무 보고(2025. 9. 30. 기준)"
    assert rows.loc["고충민원 접수", [this, other, "증감"]].tolist() == [1660, 1622, 38]
    assert rows.loc["고충민원 접수: 구청장에게 바란다", "증감"] == 35
    assert rows.loc["직원 청렴서약서 서명", [this, other]].tolist() == [1650, 1602]
    assert "예산 계 예산액" in rows.index and rows.loc["예산 계 예산액", "증감"] == 0
    text = page_text(at)
    assert re.search(r"두 보고서에 모두 있는 수치 [\d,]+개 중 \d+개가 다릅니다", text)


def test_the_comparison_of_the_first_report_says_there_is_nothing_before_it(on_two_editions):
    at = run_page("report_compare.py", {"report": EDITION})
    assert any("앞선 보고서가 없어 비교할 것이 없습니다" in i.value for i in at.info)


def test_search_looks_in_every_report_and_names_the_edition_of_each_hit(on_two_editions):
    results = report_search.find("청렴서약서")
    found = {(report_search.edition_of(r), report_search.describe(r)) for r in results if r["kind"] == "figure"}
    assert (f"{NEXT_TITLE}({NEXT_SESSION})", "직원 청렴서약서 서명 1,650명") in found
    assert ("2025년 주요업무 보고(제265회 구의회 임시회)", "직원 청렴서약서 서명 1,602명") in found
    assert results[0]["edition"] == NEXT_ID  # the latest report first


def test_removing_the_edition_gives_the_store_exactly_as_before(workspace):
    data, store_file = workspace
    before_data, before_store = data_state(data), store_state(store_file)
    uploaded = next_report_workbook()
    prepared = pipeline.prepare(uploaded, "보고서_2026.xlsx", data_dir=data)
    pipeline.commit(prepared, data_dir=data, store_file=store_file)
    assert store_state(store_file) != before_store
    removed = pipeline.remove(NEXT_ID, data_dir=data, store_file=store_file)
    assert removed.edition == NEXT_ID
    assert store_state(store_file) == before_store
    assert {k: v for k, v in data_state(data).items()} == before_data
    # Both changes are in the change log, in order, the upload with its hash.
    from audit_dashboard import changes

    logged = [(c.action, c.file) for c in changes.entries(data)]
    assert logged == [("edition_added", "보고서_2026.xlsx"), ("edition_removed", NEXT_ID)]
    assert changes.entries(data)[0].content_hash == changes.content_hash(uploaded)


def test_the_shipped_report_cannot_be_removed(workspace):
    data, store_file = workspace
    before = stored(store_file)
    with pytest.raises(Exception, match="함께 배포된 보고서는 뺄 수 없습니다"):
        pipeline.remove(EDITION, data_dir=data, store_file=store_file)
    assert stored(store_file) == before


def test_no_report_title_or_as_of_date_is_written_in_the_code():
    """Titles, dates and periods come from the edition, names from settings: grep finds none of the
    shipped report's in audit_dashboard/ or pages/ (data files and schema examples aside)."""
    as_of = SHIPPED.as_of
    facts = [SHIPPED.title, SHIPPED.council_session, SHIPPED.as_of_text, as_of.isoformat(),
             f"{as_of.month}. {as_of.day}.", f"{as_of.month}.{as_of.day}.", SHIPPED.session_dates]
    for fact in facts:
        found = subprocess.run(["grep", "-rnF", "--include=*.py", "--include=*.sql", fact, "audit_dashboard", "pages",
                                "dashboard.py"], cwd=ROOT, capture_output=True, text=True).stdout
        assert found == "", f"{fact!r} in code:\n{found}"


def test_the_report_comparison_as_slides_shows_each_comparison_chart_and_changed_row_once(on_two_editions):
    """보고서 비교 in the presentation view, with a report before the chosen one: one section a slide."""
    from audit_dashboard import slides
    from test_presentation import chart_titles, snapshot, table_rows

    query = {"report": NEXT_ID}
    normal = run_page("report_compare.py", query)
    at = run_page("report_compare.py", {**query, "view": "present", "slide": "1"})
    shown = [snapshot(at)]
    while not shown[-1]["next_disabled"] and len(shown) < 40:
        at.button(key=slides.NEXT_KEY).click().run()
        assert not at.exception, [e.value for e in at.exception]
        shown.append(snapshot(at))
    assert [s["counter"] for s in shown] == [f"{n} / {len(shown)}" for n in range(1, len(shown) + 1)]
    assert all(len(s["subheaders"]) == 1 and len(s["charts"]) <= 2 and not (s["charts"] and s["rows"]) for s in shown)
    assert sorted(c for s in shown for c in s["charts"]) == sorted(chart_titles(normal))
    # The changed figures, every row once; the whole list of shared figures stays in the normal view's expander.
    folded = sum(len(table.value) for expander in normal.main.expander for table in expander.dataframe)
    assert folded and sum(s["rows"] for s in shown) == table_rows(normal) - folded > 0
