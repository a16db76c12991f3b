"""The frame in real headless Chromium: every visitor of a freshly started server gets the same Korean
menu and the wide layout, however many arrive at once; the period across years survives the menu; a
malformed address is warned about in Korean, rendered as written."""
from __future__ import annotations

import asyncio
import re
import threading

import pytest
from playwright.async_api import async_playwright

from audit_dashboard import build, labels
from audit_dashboard.navigation import PAGES
from browser_fixtures import running_dashboard
from browser_support import ARGS, CHROMIUM, CONTENT_WIDTH, MENU, full_page_screenshot, wait_settled

# Five different deep links, as five people might open them at the same moment.
DEEP_LINKS = {
    labels.PAGE_COMPLAINTS: "complaints?from=2024Q3&to=2025Q2&grain=quarter",
    labels.PAGE_PATROLS: "patrols?from=2024Q1&to=2025Q3",
    labels.PAGE_ORGANISATION: "organisation",
    labels.PAGE_PLANS: "plans?from=2025Q2&to=2025Q2",
    labels.PAGE_IMPORT: "records_import",
}
MENU_TITLES = [p.title for p in PAGES]

_SETTLED_ASYNC = """() => {
    const q = (s) => document.querySelector(s);
    if (!q('[data-testid="stMain"] h1')) return false;
    if (q('[data-testid="stStatusWidget"]') || q('[data-stale="true"]') || q('[data-testid="stSkeleton"]')) return false;
    return document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stPageLink"]').length > 0
        || document.querySelectorAll('[data-testid="stSidebarNav"]').length > 0;
}"""


async def _visit(browser, url: str) -> dict:
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR")
    tab = await context.new_page()
    await tab.goto(url)
    await tab.wait_for_function(_SETTLED_ASYNC, timeout=120_000, polling=200)
    await tab.wait_for_timeout(1500)  # a page may rerun once after loading: look at what stays
    seen = {
        "title": (await tab.locator("h1").first.inner_text()).strip(),
        "menu": [m["label"] for m in await tab.evaluate(MENU)],
        "file_menu": await tab.locator('[data-testid="stSidebarNav"]').count(),
        "sidebar": await tab.locator('[data-testid="stSidebar"]').inner_text(),
        "width": await tab.evaluate(CONTENT_WIDTH),
        "url": tab.url,
    }
    await context.close()
    return seen


async def _all_at_once(base: str) -> dict[str, dict]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            found = await asyncio.gather(*(_visit(browser, f"{base}/{link}") for link in DEEP_LINKS.values()))
        finally:
            await browser.close()
    return dict(zip(DEEP_LINKS, found))


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    """A server nobody has visited yet, on its own store."""
    folder = tmp_path_factory.mktemp("fresh")
    store = folder / "audit.duckdb"
    build.build(store)
    with running_dashboard(folder, {"AUDIT_STORE": str(store)}) as url:
        yield url


def test_five_first_visitors_at_once_on_a_fresh_server_all_get_the_korean_menu_and_the_wide_layout(fresh_server):
    result = {}
    # In a thread of its own: Playwright's async API beside the sync one the other browser tests share.
    worker = threading.Thread(target=lambda: result.update(seen=asyncio.run(_all_at_once(fresh_server))))
    worker.start()
    worker.join(timeout=300)
    assert "seen" in result, "the five visits did not finish"
    for title, seen in result["seen"].items():
        assert seen["title"] == title, seen
        assert seen["menu"] == MENU_TITLES, seen  # our Korean menu ...
        assert seen["file_menu"] == 0 and "records import" not in seen["sidebar"] and "plans 2026" not in seen["sidebar"]
        assert seen["width"] > 1000, seen  # ... and full-width content at a 1400 px window
    assert "from=2024Q3&to=2025Q2&grain=quarter" in result["seen"][labels.PAGE_COMPLAINTS]["url"]


def select(tab, label: str, option: str) -> None:
    """Pick an option of a sidebar select box, as a person does: if the box was redrawn while the list
    opened (the previous choice's rerun, slow on a loaded machine), open it again."""
    wanted = tab.get_by_role("option", name=option, exact=True)
    for _ in range(3):
        tab.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label).click()
        try:
            wanted.wait_for(timeout=8_000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: the list did not stay open
            wait_settled(tab)
    wanted.click()
    wait_settled(tab)


def test_a_range_across_years_chosen_in_the_sidebar_stays_in_the_url_through_the_menu(app_url, page, screenshots):
    page.goto(f"{app_url}/complaints")
    wait_settled(page)
    select(page, "시작 분기", "2024년 3분기")
    select(page, "끝 분기", "2025년 2분기")
    page.wait_for_url(re.compile(r"from=2024Q3&to=2025Q2"))
    page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"]').filter(has_text="분기별").get_by_text(
        "분기별").click()
    page.wait_for_url(re.compile(r"grain=quarter"))
    wait_settled(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "2024년 3분기~2025년 2분기 · 2024. 7. 1. ~ 2025. 6. 30." in main
    full_page_screenshot(page, screenshots / "complaints-2024Q3-2025Q2.png")
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"] a', has_text=labels.PAGE_PATROLS).click()
    page.wait_for_url(re.compile(r"/patrols\?"))
    wait_settled(page)
    assert "from=2024Q3&to=2025Q2&grain=quarter" in page.url
    assert page.locator("h1").first.inner_text().strip() == labels.PAGE_PATROLS
    assert "2024년 3분기~2025년 2분기" in page.locator('[data-testid="stMain"]').inner_text()
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "2024년 3분기" in sidebar and "2025년 2분기" in sidebar
    full_page_screenshot(page, screenshots / "patrols-2024Q3-2025Q2.png")


def test_a_preset_sets_last_year(app_url, page):
    page.goto(f"{app_url}/patrols?from=2025Q2&to=2025Q3")
    wait_settled(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"]').get_by_text("작년", exact=True).click()
    page.wait_for_url(re.compile(r"from=2024Q1&to=2024Q4"))
    wait_settled(page)
    assert "2024년 1~4분기 · 2024. 1. 1. ~ 2024. 12. 31." in page.locator('[data-testid="stMain"]').inner_text()


def test_a_malformed_address_is_warned_about_in_korean_as_written_not_struck_through(app_url, page):
    page.goto(f"{app_url}/complaints?from=2025Q5&to=2025Q3")
    wait_settled(page)
    alert = page.locator('[data-testid="stAlertContentWarning"]').first
    text = alert.inner_text()
    assert "주소의 기간을 읽을 수 없어 보고서 기간(2025년 1~3분기)으로 보여 줍니다" in text
    assert "'from=2025Q5' 값은 2025Q1처럼 연도와 분기(Q1~Q4)로 적어야 합니다" in text
    assert alert.locator("del, s").count() == 0
    assert "from=2025Q1&to=2025Q3" in page.url
    # The sidebar's period line has two '~' as well.
    caption = page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').filter(has_text="2025. 1. 1.")
    assert caption.inner_text().strip() == "2025년 1~3분기 · 2025. 1. 1. ~ 2025. 9. 30."
    assert caption.locator("del, s").count() == 0


def test_the_presentation_view_of_a_range_across_years_keeps_its_footer(app_url, slide, screenshots):
    slide.goto(f"{app_url}/complaints?from=2024Q3&to=2025Q2&grain=quarter&view=present")
    wait_settled(slide)
    assert not slide.locator('[data-testid="stSidebar"]').is_visible()
    footer = slide.locator(".present-footer").inner_text().replace("\n", " ")
    assert footer.startswith("기간: 2024년 3분기~2025년 2분기 (2024. 7. 1. ~ 2025. 6. 30.) · 자료 기준일 2025. 9. 30.")
    full_page_screenshot(slide, screenshots / "complaints-2024Q3-2025Q2-present.png")
