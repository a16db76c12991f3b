"""Driving Debian's Chromium against a running dashboard: launch, wait for a page to settle, capture.

Shared by the browser tests; no Playwright browser download (Debian's /usr/bin/chromium is used).
"""
from __future__ import annotations

import time

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# Settled: the script is not running, nothing is stale or still a skeleton, the page has drawn
# something, every chart has its SVG, and the fonts the page asked for have loaded.
_SETTLED = """() => {
    const q = (s) => document.querySelector(s);
    if (!q('[data-testid="stAppViewContainer"]') || !q('[data-testid="stMain"] [data-testid="stElementContainer"]')) return false;
    if (q('[data-testid="stStatusWidget"]') || q('[data-stale="true"]') || q('[data-testid="stSkeleton"]')) return false;
    const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'));
    if (charts.some((c) => !c.querySelector('.main-svg'))) return false;
    return document.fonts.status === 'loaded';
}"""


def wait_settled(page, timeout_s: float = 90, calm_s: float = 1.2) -> None:
    """Wait until the page is settled and stays so for `calm_s` (a page may rerun once after loading)."""
    deadline = time.monotonic() + timeout_s
    calm_since = None
    while time.monotonic() < deadline:
        if page.evaluate(_SETTLED):
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since >= calm_s:
                return
        else:
            calm_since = None
        page.wait_for_timeout(150)
    raise TimeoutError(f"{page.url} did not finish rendering within {timeout_s} s")


def full_page_screenshot(page, path) -> None:
    """Streamlit scrolls inside stMain: grow the viewport to its height, capture, restore."""
    viewport = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], int(height))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


# The sidebar menu as drawn: each link's label, Material icon, address and background (the current page's differs).
MENU = """() => Array.from(document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stPageLink"] a')).map((a) => ({
    label: a.querySelector('[data-testid="stMarkdownContainer"]').innerText.trim(),
    icon: (a.querySelector('[data-testid="stIconMaterial"]') || {}).textContent || null,
    href: a.getAttribute('href'),
    background: getComputedStyle(a).backgroundColor,
}))"""

# How wide the page's content is drawn (the wide layout gives most of a 1400 px window to it).
CONTENT_WIDTH = """() => document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect().width"""


# The presentation view's slides (test_slides_in_chromium.py, test_editions_in_chromium.py).
# Anything on the screen that scrolls: the document, Streamlit's main area (which scrolls in its place), or any
# element inside it that has more to show than its box.
SCROLLERS = """() => {
    const scrolls = (e) => e.scrollHeight > e.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY);
    const found = Array.from(document.querySelectorAll('[data-testid="stMain"], [data-testid="stMain"] *')).filter(scrolls)
        .map((e) => `${e.getAttribute('data-testid') || e.tagName}: ${e.scrollHeight} > ${e.clientHeight}`);
    if (document.scrollingElement.scrollHeight > innerHeight) found.push(`document: ${document.scrollingElement.scrollHeight}`);
    return found;
}"""

# Every chart text drawn (tick labels, data labels, legend, titles): its size as the browser computes it.
CHART_TEXT = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg text'))
    .filter((t) => t.textContent.trim() && t.getBBox().width > 0)
    .map((t) => [parseFloat(getComputedStyle(t).fontSize), t.textContent.trim()])"""

COUNTER = """() => { const head = document.querySelector('.st-key-slide_head');
    const m = head && head.innerText.match(/(\\d+) \\/ (\\d+)/); return m ? [Number(m[1]), Number(m[2])] : null; }"""

# The bottom of what the slide shows, against the top of the footer: nothing hides behind it.
UNDER_FOOTER = """() => {
    const footer = document.querySelector('.present-footer').getBoundingClientRect().top;
    return Array.from(document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'))
        .filter((e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).position !== 'fixed')
        .filter((e) => e.checkVisibility() && !e.closest('details:not([open])'))  // not inside a closed expander
        .filter((e) => !e.closest('.st-key-present_leave'))
        .filter((e) => e.getBoundingClientRect().bottom > footer + 1).length;
}"""



def material(icon: str) -> str:
    """':material/forum:' -> 'forum', the ligature the icon font draws."""
    return icon.removeprefix(":material/").removesuffix(":")
