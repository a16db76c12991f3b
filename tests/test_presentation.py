"""Council-ready output on every page: downloads under every chart and table, the council pack in the
sidebar, and the presentation view (`?view=present`) with its footer. Pages run as a direct URL does."""
from __future__ import annotations

import json
import re

import pytest

from audit_dashboard import markdown, presentation, slides
from audit_dashboard.navigation import PAGES
from conftest import EDITION, run_page

REPORT_QUERY = {"from": "2025Q1", "to": "2025Q3"}
FOOTER = "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30."


def metrics_shown(at) -> bool:
    return len(at.metric) > 0


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def html_of(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_every_chart_has_a_png_download_and_every_table_csv_and_xlsx(page):
    at = run_page(page.file, REPORT_QUERY)
    labels = download_labels(at)
    assert labels.count("PNG") == len(at.get("plotly_chart"))
    assert labels.count("CSV") == labels.count("XLSX") == len(at.dataframe) + len(at.table)
    assert labels.count("의회 보고 자료(PDF)") == 1
    keys = [b.key for b in at.button]
    assert "present_enter" in keys and "present_leave" not in keys
    # Files are made on click, in Streamlit's download thread, and the click does not rerun the page.
    assert all(b.proto.deferred_file_id == "" or b.proto.ignore_rerun for b in at.get("download_button"))


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_the_presentation_view_has_no_widgets_and_a_footer_with_period_and_as_of_date(page):
    at = run_page(page.file, {**REPORT_QUERY, "view": "present"})
    assert FOOTER in html_of(at)
    style = html_of(at)  # what the view hides
    assert '[data-testid="stSidebar"]' in style and '[data-testid="stForm"]' in style
    assert download_labels(at) == []
    keys = [b.key for b in at.button]
    assert "present_leave" in keys and "present_enter" not in keys
    assert not at.dataframe  # tables are static, so they take the larger type


def test_the_buttons_enter_and_leave_the_presentation_view_keeping_the_period():
    at = run_page("complaints.py", {"from": "2025Q2", "to": "2025Q3"})
    at.button(key="present_enter").click().run()
    assert dict(at.query_params) == {"from": "2025Q2", "to": "2025Q3", "grain": "month", "report": EDITION,
                                     "view": "present", "slide": "1"}  # the first slide, its number in the URL
    assert "기간: 2025년 2~3분기 (2025. 4. 1. ~ 2025. 9. 30.)" in html_of(at)
    at.button(key="present_leave").click().run()
    assert dict(at.query_params) == {"from": "2025Q2", "to": "2025Q3", "grain": "month", "report": EDITION}
    assert "present-footer" not in html_of(at)  # the view's styles and footer are gone


def test_literal_markdown_keeps_dates_and_ranges_as_written():
    # st.table reads cells as Markdown: '2025. 4. 25.' would be a numbered list, '1~3' strike through.
    assert markdown.literal("2025. 4. 25.") == "2025\\. 4\\. 25\\."
    assert markdown.literal("1~3분기 △1,780 +14.5%p") == "1\\~3분기 △1\\,780 \\+14\\.5\\%p"


# Slides: one section per screen in the view, the number in the URL. Not here: pages that change data,
# 보고서 관리 (its list of editions) and 보고서 비교 (one edition in the test store: nothing to compare).
SLIDE_PAGES = [p for p in PAGES
               if p.url_path not in ("records_import", "data_admin", "editions", "report_compare")]


def counter(at) -> str:
    """The "3 / 7" beside the slide's title."""
    found = [m.value for m in at.markdown if re.fullmatch(r"\d+ / \d+", m.value)]
    assert len(found) == 1, found
    return found[0]


def chart_titles(at) -> list[str]:
    """Each chart's title as read (markup and the line breaks of a narrower chart taken out)."""
    titles = []
    for chart in at.get("plotly_chart"):
        text = json.loads(chart.proto.spec)["layout"]["title"]["text"]
        titles.append(" ".join(re.sub(r"<[^>]+>", " ", text).split()))
    return titles


def chart_rows(at) -> list[str]:
    """The row labels of every chart drawn as a grid of rows (a heatmap: the plans' calendar)."""
    return [label for chart in at.get("plotly_chart")
            for trace in json.loads(chart.proto.spec)["data"] if trace.get("type") == "heatmap"
            for label in trace["y"]]


def table_rows(at) -> int:
    return sum(len(t.value) for t in at.table) + sum(len(d.value) for d in at.dataframe)


def on_screen(file: str, query: dict) -> dict:
    """Every chart (its title, its grid rows) and table row the normal view of a page shows: a page drawn as
    tabs draws only the open one, so each tab is opened by its URL and its own content counted."""
    normal = run_page(file, query)
    seen = {"charts": chart_titles(normal), "chart_rows": chart_rows(normal), "rows": table_rows(normal)}
    for index, tab in enumerate(normal.tabs):
        if index == 0 or tab.label == "이 보기의 기록":
            continue  # the first, open by default, is in `normal`; the records list is the analyst's, not a slide
        opened = run_page(file, query, tab=tab.label).tabs[index]
        assert opened.children, tab.label
        seen["charts"] += chart_titles(opened)
        seen["chart_rows"] += chart_rows(opened)
        seen["rows"] += table_rows(opened)
    return seen


def snapshot(at) -> dict:
    return {"counter": counter(at), "subheaders": [h.value for h in at.main.subheader], "charts": chart_titles(at),
            "chart_rows": chart_rows(at),
            "rows": table_rows(at), "html": html_of(at), "slide": at.query_params["slide"],
            "prev_disabled": at.button(key=slides.PREV_KEY).proto.disabled,
            "next_disabled": at.button(key=slides.NEXT_KEY).proto.disabled}


@pytest.mark.parametrize("page", SLIDE_PAGES, ids=[p.url_path for p in SLIDE_PAGES])
def test_the_slides_show_every_chart_and_table_row_of_the_page_once_one_section_each(page):
    normal = on_screen(page.file, REPORT_QUERY)
    at = run_page(page.file, {**REPORT_QUERY, "view": "present", "slide": "1"})
    shown = [snapshot(at)]
    while not shown[-1]["next_disabled"]:
        at.button(key=slides.NEXT_KEY).click().run()
        assert not at.exception, [e.value for e in at.exception]
        shown.append(snapshot(at))
        assert len(shown) < 60
    count = len(shown)
    assert count >= 2
    assert [s["counter"] for s in shown] == [f"{n} / {count}" for n in range(1, count + 1)]
    assert [s["slide"] for s in shown] == [str(n) for n in range(1, count + 1)]  # kept in the URL
    assert shown[0]["prev_disabled"] and not any(s["prev_disabled"] for s in shown[1:])
    assert shown[-1]["next_disabled"] and not any(s["next_disabled"] for s in shown[:-1])
    for s in shown:
        assert len(s["subheaders"]) == 1, s["subheaders"]  # the slide's title: one section a slide
        assert FOOTER in s["html"]  # period and as-of date on every slide
        assert len(s["charts"]) <= 2
        assert not (s["charts"] and s["rows"])  # two charts or one table, not both
    # Nothing of the page is left out, and nothing is shown twice: the same charts (a chart of many rows, such
    # as the plans' calendar, drawn in parts: its rows once each), the same table rows.
    on_slides = [c for s in shown for c in s["charts"]]
    assert sorted(set(on_slides)) == sorted(normal["charts"])
    assert sorted(r for s in shown for r in s["chart_rows"]) == sorted(normal["chart_rows"])
    assert sum(s["rows"] for s in shown) == normal["rows"]


def test_a_slide_named_in_the_url_shows_that_section_only_with_its_number():
    at = run_page("complaints.py", {**REPORT_QUERY, "view": "present", "slide": "2"})
    count = int(counter(at).split(" / ")[1])
    assert counter(at) == f"2 / {count}"
    # The second section of the page as the normal view lists them (its first tab): its title, and only its body.
    normal = run_page("complaints.py", REPORT_QUERY)
    assert normal.tabs[0].label == "접수 추이"
    assert [h.value for h in at.main.subheader] == ["접수 추이"]
    assert len(at.get("plotly_chart")) == 2 and not at.table
    assert not at.metric  # the tiles are the first slide's
    assert FOOTER in html_of(at)


def test_next_and_previous_change_the_slide_in_the_url_keeping_the_period():
    at = run_page("complaints.py", {**REPORT_QUERY, "view": "present", "slide": "3"})
    at.button(key=slides.NEXT_KEY).click().run()
    assert at.query_params["slide"] == "4" and counter(at).startswith("4 / ")
    at.button(key=slides.PREV_KEY).click().run()
    at.button(key=slides.PREV_KEY).click().run()
    assert at.query_params["slide"] == "2" and counter(at).startswith("2 / ")
    assert {k: at.query_params[k] for k in ("from", "to", "view")} == {**REPORT_QUERY, "view": "present"}
    at.button(key="present_leave").click().run()  # leaving the view leaves the slide number behind too
    assert "slide" not in at.query_params and "view" not in at.query_params
    assert "보고서와 비교" in [t.label for t in at.tabs] and len(at.tabs) > 5


@pytest.mark.parametrize("wanted", ["abc", "0", "99", "-1", "2.5"])
def test_a_slide_that_is_not_one_gives_a_korean_warning_and_the_first_slide(wanted):
    at = run_page("complaints.py", {**REPORT_QUERY, "view": "present", "slide": wanted})
    count = counter(at).split(" / ")[1]
    assert counter(at) == f"1 / {count}"
    assert [w.value for w in at.warning if "슬라이드" in w.value] == [
        markdown.literal(f"주소의 슬라이드(slide={wanted})가 없어 첫 슬라이드를 보여 줍니다. 이 화면의 슬라이드는 1~{count}입니다.")]
    assert at.query_params["slide"] == "1"
    assert [h.value for h in at.main.subheader] == ["주요 지표"]


def test_the_normal_view_shows_the_key_figures_and_every_other_section_as_a_tab_without_slide_controls():
    at = run_page("complaints.py", {**REPORT_QUERY, "slide": "3"})
    assert [h.value for h in at.main.subheader][0] == "주요 지표" and metrics_shown(at)
    assert [t.label for t in at.tabs] == ["접수 추이", "접수 경로", "기한 내 처리율", "미처리 민원과 처리부서", "반복민원",
                                          "보고서와 비교", "이 보기의 기록"]
    assert at.tabs[0].get("plotly_chart") and not any(t.children for t in at.tabs[1:])  # only the open tab is drawn
    assert not [m.value for m in at.markdown if re.fullmatch(r"\d+ / \d+", m.value)]
    assert {b.key for b in at.button}.isdisjoint({slides.PREV_KEY, slides.NEXT_KEY})


@pytest.mark.parametrize("name", ["records_import.py", "data_admin.py"])
def test_pages_that_change_data_say_there_is_nothing_to_present(name):
    at = run_page(name, {**REPORT_QUERY, "view": "present"})
    assert any("자료를 바꾸는 화면이라 발표할 수치가 없습니다" in i.value for i in at.info)
    assert FOOTER in html_of(at)


def _tabbed_page():
    import streamlit as st

    from audit_dashboard import slides

    slides.show([slides.Section("첫째 1~3분기", lambda: st.markdown("첫째 본문")),
                 slides.Section("둘째", lambda: st.markdown("둘째 본문"))], tabs=True)


def test_sections_as_tabs_in_the_normal_view_and_as_slides_in_the_presentation_view():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_tabbed_page)
    at.run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["첫째 1\\~3분기", "둘째"]  # "~" shown, not struck through
    assert [m.value for m in at.tabs[0].markdown] == ["첫째 본문"] and not at.tabs[1].children  # drawn when opened
    at.query_params["section"] = "둘째"
    at.run()
    assert [m.value for m in at.tabs[1].markdown] == ["둘째 본문"] and not at.tabs[0].children
    del at.query_params["section"]
    at.query_params["view"], at.query_params["slide"] = "present", "2"
    at.run()
    assert not at.tabs and [h.value for h in at.subheader] == ["둘째"]
    assert [m.value for m in at.markdown] == ["2 / 2", "둘째 본문"]
