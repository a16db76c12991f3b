"""The budget page in real headless Chromium: four tabs, each drawn in full (a screenshot of each goes to
test-artifacts/screenshots/budget-tab-*.png), the year-elapsed marker labelled inside its chart, and in the
presentation view every section one after another."""
from __future__ import annotations

import shutil

import pytest

from audit_dashboard import build, paths
from browser_fixtures import running_dashboard
from browser_support import COUNTER, full_page_screenshot, wait_settled
from import_support import imported_budget_snapshots

QUERY = "from=2025Q1&to=2025Q3"
TABS = ["현황", "사업별", "추이", "대사"]

# Every text of the visible tab panel's charts, with its box, and each chart's own box.
CHART_TEXTS = """() => {
    const panel = Array.from(document.querySelectorAll('[role="tabpanel"]')).find((p) => p.offsetParent !== null);
    return Array.from(panel.querySelectorAll('.js-plotly-plot')).map((chart) => {
        const box = chart.getBoundingClientRect();
        return {
            chart: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
            texts: Array.from(chart.querySelectorAll('text')).filter((t) => t.textContent.trim()).map((t) => {
                const r = t.getBoundingClientRect();
                return {text: t.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom};
            }),
        };
    });
}"""


def open_budget(tab, url: str) -> None:
    tab.goto(url)
    wait_settled(tab)
    assert tab.locator('[data-testid="stException"]').count() == 0


def show_tab(tab, title: str) -> None:
    tab.get_by_role("tab", name=title, exact=True).click()
    wait_settled(tab)


def inside(text: dict, box: dict) -> bool:
    return (text["left"] >= box["left"] - 1 and text["right"] <= box["right"] + 1
            and text["top"] >= box["top"] - 1 and text["bottom"] <= box["bottom"] + 1)


def test_each_tab_draws_its_part_and_is_captured(app_url, page, screenshots):
    open_budget(page, f"{app_url}/budget?{QUERY}")
    assert [t.inner_text().strip() for t in page.get_by_role("tab").all()] == TABS
    for number, title in enumerate(TABS, start=1):
        show_tab(page, title)
        assert page.get_by_role("tab", name=title, exact=True).get_attribute("aria-selected") == "true"
        full_page_screenshot(page, screenshots / f"budget-tab-{number}-{title}.png")
        charts = page.evaluate(CHART_TEXTS)
        for chart in charts:  # nothing a chart writes runs out of it
            assert [t["text"] for t in chart["texts"] if not inside(t, chart["chart"])] == []
        if title == "현황":
            assert len(charts) == 1
            texts = [t["text"] for t in charts[0]["texts"]]
            assert "연간 경과율 74.8%" in texts
            assert "100% (1,900/1,900)" in texts  # the rate written beside its bar, not cut off
        if title == "추이":
            assert len(charts) == 1
            assert not [t for t in charts[0]["texts"] if "추정" in t["text"]]
        if title == "대사":
            assert charts == []
            # Quiet: the worksheets are collapsed until opened, and no file is named.
            assert page.locator('[data-testid="stExpander"] details[open]').count() == 0
            panel = page.locator('[role="tabpanel"]:visible').inner_text()
            assert not [w for w in (".csv", ".json", ".md", ".txt", ".xlsx") if w in panel]


def test_the_presentation_view_shows_the_tabs_parts_as_slides_in_order(app_url, slide, screenshots):
    titles, number, count = [], 1, 1
    while number <= count:
        open_budget(slide, f"{app_url}/budget?{QUERY}&view=present&slide={number}")
        assert slide.get_by_role("tab").count() == 0
        shown, count = slide.evaluate(COUNTER)
        assert shown == number
        titles.append(slide.locator('.st-key-slide_head h3').first.inner_text().strip())  # the slide's title
        number += 1
    full_page_screenshot(slide, screenshots / "budget-present-last-slide.png")
    assert titles[0] == "주요 지표"  # the tiles first
    assert [t for t in titles if t in TABS] == TABS


@pytest.fixture(scope="module")
def app_with_2026(tmp_path_factory):
    """The app after the real 2026. 6. 30. and 7. 31. 지방재정365 snapshots of one department were imported."""
    folder = tmp_path_factory.mktemp("budget-2026")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("imports", "mappings", "editions",
                                                                        "budget_departments.csv", "changes.jsonl"))
    store = folder / "audit.duckdb"
    build.build(store, data_dir=data)
    imported_budget_snapshots((data, store))
    with running_dashboard(folder, {"AUDIT_STORE": str(store), "AUDIT_DATA": str(data)}) as url:
        yield url


def test_after_a_2026_import_the_trend_tab_draws_2025s_curve_inside_the_chart(app_with_2026, page, screenshots):
    open_budget(page, f"{app_with_2026}/budget?from=2026Q3&to=2026Q3")
    full_page_screenshot(page, screenshots / "budget-2026-tab-1-현황.png")
    show_tab(page, "추이")
    full_page_screenshot(page, screenshots / "budget-2026-tab-3-추이.png")
    (chart,) = page.evaluate(CHART_TEXTS)
    texts = [t["text"] for t in chart["texts"]]
    assert "2025년 누적 집행률(그해 예산액 대비)" in texts  # the legend names the year
    assert "2025년 9월 말 89%" in texts
    assert [t["text"] for t in chart["texts"] if not inside(t, chart["chart"])] == []
