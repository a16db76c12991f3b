"""Drill-down in a real browser: a click on a bar of 접수 경로별 고충민원 filters the complaints page to that
channel (the URL says so, the tiles and the chips follow), and the chip takes it off again."""
from __future__ import annotations

import re
from urllib.parse import unquote

from browser_support import full_page_screenshot, wait_settled


def tile(page, label: str) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).first.inner_text()


def test_a_click_on_a_channel_bar_filters_the_page_and_the_chip_removes_it(app_url, page, screenshots):
    page.goto(f"{app_url}/complaints?from=2025Q1&to=2025Q3")
    wait_settled(page)
    assert "1,622건" in tile(page, "접수")
    page.get_by_role("tab", name="접수 경로").click()  # drawn when opened; the URL keeps the tab
    page.wait_for_url(re.compile(r"section="), timeout=30_000)
    wait_settled(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="접수 경로별 고충민원").first
    chart.scroll_into_view_if_needed()
    bars = chart.locator("g.point path")
    assert bars.count() == 3
    # Bars run largest first, from the top: 구청장에게 바란다 945, 전화·방문 344, 응답소 333.
    box = bars.nth(2).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"channel="), timeout=30_000)
    wait_settled(page)
    assert "channel=응답소" in unquote(page.url) and "section=접수 경로" in unquote(page.url).replace("+", " ")
    assert "333건" in tile(page, "접수")
    chip = page.get_by_role("button", name=re.compile("접수 경로: 응답소"))
    assert chip.count() == 1
    full_page_screenshot(page, screenshots / "complaints-drill-응답소.png")
    chip.click()
    page.wait_for_url(lambda url: "channel=" not in url, timeout=30_000)
    wait_settled(page)
    assert "1,622건" in tile(page, "접수")


def click_bar(page, chart_title: str, nth: int) -> None:
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text=chart_title).first
    chart.scroll_into_view_if_needed()
    box = chart.locator("g.point path").nth(nth).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)  # near the foot: short bars too


def test_from_a_quarterly_trend_to_one_quarter_by_month_then_to_one_month(app_url, page, screenshots):
    page.goto(f"{app_url}/complaints?from=2025Q1&to=2025Q3&grain=quarter")
    wait_settled(page)
    # The first series is 2025: its second bar is 2025년 2분기.
    click_bar(page, "분기별 고충민원 접수", 1)
    page.wait_for_url(re.compile(r"from=2025Q2.*to=2025Q2|to=2025Q2.*from=2025Q2"), timeout=30_000)
    wait_settled(page)
    assert "grain=month" in page.url
    assert "2025년 2분기 · 2025. 4. 1. ~ 2025. 6. 30." in page.locator("body").inner_text()
    # Now by month: April, May, June of 2025 first; the second is May.
    click_bar(page, "월별 고충민원 접수", 1)
    page.wait_for_url(re.compile(r"month=2025-05"), timeout=30_000)
    wait_settled(page)
    body = page.locator("body").inner_text()
    assert "2025년 5월 · 2025. 5. 1. ~ 2025. 5. 31." in body and "전월 대비" in body
    chip = page.get_by_role("button", name=re.compile("달: 2025년 5월"))
    assert chip.count() == 1
    full_page_screenshot(page, screenshots / "complaints-drill-2025-05.png")
    chip.click()
    page.wait_for_url(lambda url: "month=" not in url, timeout=30_000)
    wait_settled(page)
    assert "2025년 2분기 · 2025. 4. 1. ~ 2025. 6. 30." in page.locator("body").inner_text()
