"""Shared fixtures: one store built from data/ for the whole run, and clean Streamlit caches."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import streamlit as st

from audit_dashboard import build, chart_images, loader, paths

# In the test process a chart's renderer starts when a test draws one; a renderer warming up in the
# background would race with tests that take Chromium away (tests/test_export.py).
chart_images.WARM_UP = False

ROOT = Path(__file__).resolve().parent.parent

# The edition that ships in data/report (the 2025 report), read from its files, and its period
# (2025년 1~3분기): the sample records were made to add up to it.
SHIPPED = loader.meta_of(loader.load_report(paths.REPORT_DIR))
REPORT_PERIOD = SHIPPED.period
EDITION = SHIPPED.edition  # '2025-10-17': its id, the first day of its council session

# The browser tests' fixtures are registered here, once: a session fixture imported into two
# test modules becomes two fixtures, and a second Playwright cannot start beside the first.
sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from browser_fixtures import app_url, chromium, downloads, page, screenshots, slide  # noqa: E402,F401


# What the department adds itself (imports, saved mappings, its department table, report editions, the
# change log) is left out: tests start from what ships.
LOCAL_DATA = shutil.ignore_patterns("imports", "mappings", "editions", "budget_departments.csv", "changes.jsonl",
                                    ".changes.lock", ".restore-*")


@pytest.fixture(scope="session")
def shipped_data(tmp_path_factory) -> Path:
    """data/ as it ships, copied once."""
    target = tmp_path_factory.mktemp("shipped") / "data"
    shutil.copytree(paths.DATA_DIR, target, ignore=LOCAL_DATA)
    return target


@pytest.fixture(scope="session")
def built_store(tmp_path_factory, shipped_data) -> Path:
    """The store as the run command builds it from the shipped data, in a scratch folder."""
    store_file = tmp_path_factory.mktemp("store") / "audit.duckdb"
    build.build(store_file, data_dir=shipped_data)
    return store_file


@pytest.fixture(autouse=True)
def use_built_store(built_store, monkeypatch):
    """Every test (and every AppTest page) reads the scratch store, never var/."""
    monkeypatch.setattr(paths, "STORE_FILE", built_store)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def con(built_store):
    from audit_dashboard import store

    connection = store.connect_read_only(built_store)
    yield connection
    connection.close()


@pytest.fixture
def workspace(tmp_path, shipped_data, built_store):
    """A copy of the shipped data/ and of the store built from it: imports never touch the
    project's own data/ or var/. (A copy of the built store, not a new build: the same bytes.)"""
    from audit_dashboard import store

    data = tmp_path / "data"
    shutil.copytree(shipped_data, data)
    store_file = tmp_path / "audit.duckdb"
    current = store.current_file(built_store)
    shutil.copy2(current, tmp_path / current.name)
    shutil.copy2(current.with_name(f"{built_store.name}.current"), tmp_path / f"{store_file.name}.current")
    return data, store_file


@pytest.fixture
def page_on(workspace, monkeypatch):
    """Open a page (by its name) on the workspace's data and store, caches cleared: what a visitor sees
    after the imports a test made there."""
    import streamlit as st

    from audit_dashboard import paths

    data, store_file = workspace
    monkeypatch.setattr(paths, "DATA_DIR", data)
    monkeypatch.setattr(paths, "STORE_FILE", store_file)

    def open_page(name: str, query: dict | None = None):
        st.cache_data.clear()
        st.cache_resource.clear()
        return run_page(name, query)
    return open_page


@pytest.fixture
def report_copy(tmp_path) -> Path:
    """A writable copy of data/report, for tests that break a file on purpose."""
    target = tmp_path / "report"
    shutil.copytree(paths.REPORT_DIR, target)
    return target


def page_spec(name: str):
    """A page of the menu by its file name ('complaints.py'; 'overview.py' is the home page) or its script."""
    from audit_dashboard import navigation

    stem = Path(name).stem
    for spec in navigation.PAGES:
        if spec.file == name or spec.url_path == stem:
            return spec
    raise KeyError(name)


def page_path(name: str) -> str:
    return page_spec(name).path


def open_app(name: str, timeout: int = 60):
    """The app as its server has it (dashboard.py is the entry file), opened at the page `name` the way its
    URL opens it: that page is the first and only one run. Not yet run: set query params first."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    spec = page_spec(name)
    if not spec.default:
        at.switch_page(spec.file)
    return at


def run_page(name: str, query: dict | None = None, timeout: int = 60, *, tab: str | None = None):
    """Run one page the way its URL does, and fail on any exception. `tab`: the tab to open on a page drawn
    as tabs (only the open one is drawn), as its URL opens it (`&section=접수 경로`)."""
    at = open_app(name, timeout)
    for key, value in {**(query or {}), **({"section": tab} if tab else {})}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.main.children) > 0, f"{name} drew nothing (a syntax error is not reported as an exception)"
    return at


def page_text(at) -> str:
    """Everything a reader sees as text: markdown, captions, metrics, alerts, rendered as the browser
    renders them (tests/rendered.py): escapes resolved, anything struck through shown as <del>."""
    from rendered import visible

    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(visible(part) for part in parts)


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def tables(at) -> list:
    """The frames behind st.dataframe elements (styled display values are not included)."""
    return [d.value for d in at.dataframe]


def stored(store_file):
    """What a store is now: its current version's name and bytes (to prove nothing changed)."""
    from audit_dashboard import store

    current = store.current_file(store_file)
    return current.name, current.read_bytes()
