"""The presentation view as slides in headless Chromium at 1920×1080 (16:9): every slide of every page fits
the screen (nothing scrolls), chart text is at least 24 px, and the arrow keys move between slides.

One tab walks every slide by its URL (`&slide=N`); each slide is saved to test-artifacts/screenshots/
as <page>-slide-<N>.png.
"""
from __future__ import annotations

import re

import pytest

from audit_dashboard import presentation
from audit_dashboard.navigation import PAGES

from browser_support import CHART_TEXT, COUNTER, SCROLLERS, UNDER_FOOTER, wait_settled

QUERY = "from=2025Q1&to=2025Q3"
FOOTER = "기간: 2025년 1~3분기 (2025. 1. 1. ~ 2025. 9. 30.) · 자료 기준일 2025. 9. 30."
# 예산 집행 is drawn as tabs by its own page (pages/budget.py, another change); its slides are checked once it
# calls slides.show.
WALKED = PAGES  # every page, the budget tabs, 기간 비교 and 해석과 가정 included

def address(spec) -> str:
    return "" if spec.default else spec.url_path


def open_slide(tab, app_url: str, spec, number: int) -> None:
    tab.goto(f"{app_url}/{address(spec)}?{QUERY}&view=present&slide={number}")
    # The page's own title and the view's footer first: on a busy machine the app's loading skeleton can
    # look settled for a moment.
    tab.locator('[data-testid="stMain"] h1').first.wait_for(timeout=90_000)
    tab.locator(".present-footer").wait_for(timeout=90_000)
    wait_settled(tab, calm_s=0.6)


def test_every_slide_of_every_page_fits_a_full_hd_screen_with_chart_text_of_24_px(app_url, slide, screenshots):
    problems, walked = [], 0
    for spec in WALKED:
        number, count = 1, 1
        while number <= count:
            open_slide(slide, app_url, spec, number)
            name = f"{spec.url_path}-slide-{number}"
            slide.screenshot(path=str(screenshots / f"{name}.png"))
            walked += 1
            shown = slide.evaluate(COUNTER)
            if shown is None:  # a page without slides (it changes data, or has nothing to compare): one screen
                assert number == 1
            else:
                assert shown[0] == number, (name, shown)
                count = shown[1]
            if slide.locator('[data-testid="stException"]').count():
                problems.append(f"{name}: error box")
            if scrollers := slide.evaluate(SCROLLERS):
                problems.append(f"{name} scrolls: {scrollers}")
            if hidden := slide.evaluate(UNDER_FOOTER):
                problems.append(f"{name}: {hidden} elements reach under the footer")
            small = [t for t in slide.evaluate(CHART_TEXT) if t[0] < presentation.TEXT_PX]
            if small:
                problems.append(f"{name}: chart text under {presentation.TEXT_PX} px: {small[:5]}")
            if not slide.locator(".present-footer").inner_text().replace("\n", " ").startswith(FOOTER):
                problems.append(f"{name}: no footer with period and as-of date")
            number += 1
    assert not problems, "\n".join(problems)
    assert walked > 2 * len(WALKED)  # pages are shown as several slides, not one long screen


def test_a_chart_slide_has_data_labels_of_at_least_24_px(app_url, slide):
    # The slide with the page's two trend charts side by side: their bar labels are what a council reads.
    spec = next(p for p in PAGES if p.url_path == "complaints")
    open_slide(slide, app_url, spec, 2)  # right after the key figures
    assert slide.locator(".st-key-slide_head h3").inner_text().strip() == "접수 추이"
    labels = slide.evaluate("""() => Array.from(document.querySelectorAll('.main-svg .bartext text, .main-svg text.bartext'))
        .map((t) => parseFloat(getComputedStyle(t).fontSize))""")
    assert len(labels) >= 9  # a label on every month's bar at least
    assert min(labels) >= 24
    assert slide.locator('[data-testid="stPlotlyChart"]').count() == 2


def test_the_arrow_keys_move_to_the_next_and_previous_slide(app_url, slide, screenshots):
    spec = next(p for p in PAGES if p.url_path == "complaints")
    open_slide(slide, app_url, spec, 1)
    count = slide.evaluate(COUNTER)[1]
    assert slide.get_by_role("button", name=re.compile("이전")).is_disabled()
    slide.keyboard.press("ArrowRight")
    slide.wait_for_url(re.compile(r"slide=2"))
    wait_settled(slide, calm_s=0.6)
    assert slide.evaluate(COUNTER) == [2, count]
    slide.keyboard.press("ArrowRight")
    slide.wait_for_url(re.compile(r"slide=3"))
    wait_settled(slide, calm_s=0.6)
    slide.keyboard.press("ArrowLeft")
    slide.wait_for_url(re.compile(r"slide=2"))
    wait_settled(slide, calm_s=0.6)
    assert slide.evaluate(COUNTER) == [2, count]
    # The buttons do the same; the last slide has no next.
    slide.get_by_role("button", name=re.compile("다음")).click()
    slide.wait_for_url(re.compile(r"slide=3"))
    open_slide(slide, app_url, spec, count)
    assert slide.get_by_role("button", name=re.compile("다음")).is_disabled()
    slide.keyboard.press("ArrowRight")
    slide.wait_for_timeout(800)
    assert f"slide={count}" in slide.url and slide.evaluate(COUNTER) == [count, count]
    slide.screenshot(path=str(screenshots / "complaints-last-slide.png"))
