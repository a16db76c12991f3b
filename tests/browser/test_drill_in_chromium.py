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
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="접수 경로별 고충민원").first
    chart.scroll_into_view_if_needed()
    bars = chart.locator("g.point path")
    assert bars.count() == 3
    # Bars run largest first, from the top: 구청장에게 바란다 945, 전화·방문 344, 응답소 333.
    box = bars.nth(2).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"channel="), timeout=30_000)
    wait_settled(page)
    assert "channel=응답소" in unquote(page.url)
    assert "333건" in tile(page, "접수")
    chip = page.get_by_role("button", name=re.compile("접수 경로: 응답소"))
    assert chip.count() == 1
    full_page_screenshot(page, screenshots / "complaints-drill-응답소.png")
    chip.click()
    page.wait_for_url(lambda url: "channel=" not in url, timeout=30_000)
    wait_settled(page)
    assert "1,622건" in tile(page, "접수")
