"""Screenshot pages of a running dashboard in Debian's headless Chromium.

    python scripts/screenshot.py http://127.0.0.1:8501/overview out.png [more url/png pairs]
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def wait_rendered(page, timeout_ms: int = 30000) -> None:
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
               && !document.querySelector('[data-stale="true"]')
               && document.querySelector('[data-testid="stMain"]')""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(800)
    page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')
               && !document.querySelector('[data-testid="stSkeleton"]')""", timeout=timeout_ms)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(2500)


def shoot(pairs: list[tuple[str, str]], width: int = 1400) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        for url, out in pairs:
            page.goto(url)
            wait_rendered(page)
            height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
            page.set_viewport_size({"width": width, "height": max(900, int(height) + 40)})
            page.wait_for_timeout(500)
            page.screenshot(path=out, full_page=True)
            page.set_viewport_size({"width": width, "height": 900})
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    shoot(list(zip(args[::2], args[1::2])))
