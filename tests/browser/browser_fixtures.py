"""Fixtures for the browser tests: one dashboard server and one headless Chromium per session.

The server runs `streamlit run dashboard.py` on a free port against its own store, built from
data/ into a temporary folder (AUDIT_STORE), so it never shares a DuckDB file with other tests.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from audit_dashboard import build
from browser_support import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited ({process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout_s} s:\n{log.read_text(errors='replace')}")


@contextlib.contextmanager
def running_dashboard(folder: Path, env: dict[str, str], args: tuple[str, ...] = ()):
    """The dashboard started as scripts/run.sh does (scripts/serve.py: `streamlit run dashboard.py`) on a free port with extra environment and options; yields its URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = folder / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--server.port", str(port),  # as scripts/run.sh starts it
             "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
             *args],
            cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("browser")
    store = folder / "audit.duckdb"
    build.build(store)
    with running_dashboard(folder, {"AUDIT_STORE": str(store)}) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh tab at a desktop size, with downloads allowed and console errors collected."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="ko-KR")
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


@pytest.fixture
def slide(chromium):
    """A 16:9 full-HD tab whose system asks for dark mode: the presentation view must stay light."""
    context = chromium.new_context(viewport={"width": 1920, "height": 1080}, color_scheme="dark", locale="ko-KR")
    tab = context.new_page()
    yield tab
    context.close()


def _fresh(name: str) -> Path:
    """An artifacts folder holding only this run's files, so nothing stale is reviewed."""
    folder = ARTIFACTS / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    return folder


@pytest.fixture(scope="session")
def screenshots() -> Path:
    return _fresh("screenshots")


@pytest.fixture(scope="session")
def downloads() -> Path:
    return _fresh("downloads")
