"""Start the dashboard as `python -m streamlit run dashboard.py [options]` does, with the modules the pages
import already loaded.

Streamlit imports a page's modules when the first visitor's script runs: pandas, plotly, duckdb and our
views took 0.75 s of the first visit after a start here (bench/RESULTS.md). Loading them before the
server starts moves that wait to the start. Only what dashboard.py and pages/*.py import is loaded (read
from their import lines), so the PDF and Excel stack stays unloaded until a download asks for it.

    .venv/bin/python scripts/serve.py --server.port 8501 --server.headless true
"""
from __future__ import annotations

import ast
import importlib
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "dashboard.py"
# Loaded on first use, inside a page's first run: every table's `DataFrame.style` (pandas' Styler and jinja2, ~75 ms).
ALSO = ["pandas.io.formats.style"]


def page_modules() -> list[str]:
    """The modules dashboard.py and pages/*.py import, in order of first mention (`from a import b` gives
    `a` and, where `a.b` is a module, `a.b` too)."""
    found: dict[str, None] = {}
    for page in [ENTRY, *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found[node.module] = None
                found.update(dict.fromkeys(f"{node.module}.{alias.name}" for alias in node.names))
    return list(found)


def preload() -> list[str]:
    """Import the pages' modules; the names that are modules (not functions or constants) are kept."""
    loaded = []
    for name in [*page_modules(), *ALSO]:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a module the page needs is missing: say so now, not at the first visit
                raise
            continue  # `from a import b` where b is a function, not a module
        loaded.append(name)
    return loaded


def main() -> None:
    sys.path.insert(0, str(ROOT))
    preload()
    sys.argv = ["streamlit", "run", str(ENTRY), *sys.argv[1:]]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
