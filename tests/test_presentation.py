"""Council-ready output on every page: downloads under every chart and table, the council pack in the
sidebar, and the presentation view (`?view=present`) with its footer. Pages run as a direct URL does."""
from __future__ import annotations

import pytest

from audit_dashboard import markdown, presentation
from audit_dashboard.navigation import PAGES
from conftest import EDITION, run_page

REPORT_QUERY = {"from": "2025Q1", "to": "2025Q3"}
FOOTER = "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30."


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def html_of(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.url_path for p in PAGES])
def test_every_chart_has_a_png_download_and_every_table_csv_and_xlsx(page):
    at = run_page(page.file, REPORT_QUERY)
    labels = download_labels(at)
    assert labels.count("PNG") == len(at.get("plotly_chart"))
    assert labels.count("CSV") == labels.count("XLSX") == len(at.dataframe)
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
                                     "view": "present"}
    assert "기간: 2025년 2~3분기 (2025. 4. 1. ~ 2025. 9. 30.)" in html_of(at)
    at.button(key="present_leave").click().run()
    assert dict(at.query_params) == {"from": "2025Q2", "to": "2025Q3", "grain": "month", "report": EDITION}
    assert "present-footer" not in html_of(at)  # the view's styles and footer are gone


def test_literal_markdown_keeps_dates_and_ranges_as_written():
    # st.table reads cells as Markdown: '2025. 4. 25.' would be a numbered list, '1~3' strike through.
    assert markdown.literal("2025. 4. 25.") == "2025\\. 4\\. 25\\."
    assert markdown.literal("1~3분기 △1,780 +14.5%p") == "1\\~3분기 △1\\,780 \\+14\\.5\\%p"
