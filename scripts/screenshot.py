"""Screenshot pages of a running dashboard in Debian's headless Chromium, for a person to look at.

    python scripts/screenshot.py http://127.0.0.1:8501/complaints out.png [more url/png pairs]

Waits the same way the browser tests do (tests/browser/browser_support.py): script finished,
nothing stale, every chart drawn, fonts loaded.
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))
from browser_support import ARGS, CHROMIUM, full_page_screenshot, wait_settled  # noqa: E402


def shoot(pairs: list[tuple[str, str]], width: int = 1400) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        for url, out in pairs:
            page.goto(url)
            wait_settled(page)
            full_page_screenshot(page, out)
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    shoot(list(zip(args[::2], args[1::2])))
