"""One frame for every page, from Streamlit's own pages/ mechanism, with no Streamlit internals touched;
and a page that only shows figures never loads the PDF, Excel or chart-image stack."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib

from audit_dashboard import paths
from audit_dashboard.navigation import PAGES
from conftest import ROOT

HEAVY = ("reportlab", "openpyxl", "kaleido")


def test_the_home_page_is_dashboard_py_and_every_other_page_is_a_file_in_pages_served_at_its_name():
    assert [p.file for p in PAGES if p.default] == ["dashboard.py"] and PAGES[0].default
    assert sorted(f"pages/{f.name}" for f in (ROOT / "pages").glob("*.py")) == sorted(p.file for p in PAGES if not p.default)
    for page in PAGES[1:]:
        assert page.file == f"pages/{page.url_path}.py" and page.url == page.url_path  # Streamlit's URL is the file name
    assert all(p.icon.startswith(":material/") for p in PAGES)  # bundled icons, no emoji font needed


def test_streamlits_file_name_menu_is_off_so_only_our_menu_shows():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showSidebarNavigation"] is False


def test_a_page_run_does_not_end_in_a_full_garbage_collection():
    # Streamlit's default (gc.collect(2) after every run) holds every view, filter change and click by
    # 35–130 ms here (bench/RESULTS.md); Python's generational collector still runs.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


def test_no_private_streamlit_api_is_used():
    sources = [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "audit_dashboard").rglob("*.py")]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for private in ("streamlit.runtime", "PagesManager", "streamlit.web", "st._", "_main_dg"):
            assert private not in text, (source.name, private)


def test_every_page_calls_the_frame_first():
    for page in PAGES:
        body = ast.parse((ROOT / page.file).read_text(encoding="utf-8")).body
        statements = [n for n in body if not isinstance(n, (ast.Import, ast.ImportFrom))
                      and not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]  # nor the docstring
        first = ast.unparse(statements[0])
        assert f"page_frame('{page.url_path}')" in first, (page.file, first)


# Runs the app in a fresh interpreter (imports carry over between tests in this one) and reports which of
# the heavy libraries are loaded: after drawing pages, then after making an XLSX, a PDF and a PNG.
# The app also starts the chart renderer in the background once a page is drawn (chart_images.warm_up,
# so that the first download does not wait for Chromium); that start is turned off here, as in conftest:
# what is checked is what drawing a page itself loads.
PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest
from audit_dashboard import chart_images
chart_images.WARM_UP = False
loaded = lambda: sorted(m for m in {heavy!r} if m in sys.modules)
steps = {{}}
at = AppTest.from_file({entry!r}, default_timeout=120)
for page in ("pages/organisation.py", "pages/complaints.py"):
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    steps[page] = loaded()
from audit_dashboard import council_pack, export
from audit_dashboard.period import Period
REPORT_PERIOD = Period.of_year(2025, 1, 3)
from audit_dashboard.views import complaints
chart, table = complaints.channels(REPORT_PERIOD)
export.xlsx_bytes(table)
steps["xlsx"] = loaded()
from audit_dashboard import council_pdf
council_pdf.render(council_pack.pack(REPORT_PERIOD), lambda chart, *size: open({png!r}, "rb").read())
steps["pdf"] = loaded()
export.png_bytes(chart)
steps["png"] = loaded()
print(json.dumps(steps))
"""


def test_pages_do_not_load_the_pdf_excel_and_image_stack_until_a_file_is_made(built_store, tmp_path):
    png = tmp_path / "blank.png"
    from PIL import Image

    Image.new("RGB", (1200, 450), "white").save(png)
    code = PROBE.format(heavy=HEAVY, entry=str(ROOT / "dashboard.py"), png=str(png))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "AUDIT_STORE": str(built_store), "AUDIT_DATA": str(paths.DATA_DIR)})
    assert done.returncode == 0, done.stderr[-3000:]
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    assert steps["pages/organisation.py"] == [] and steps["pages/complaints.py"] == []
    assert steps["xlsx"] == ["openpyxl"]
    assert steps["pdf"] == ["openpyxl", "reportlab"]
    assert steps["png"] == ["kaleido", "openpyxl", "reportlab"]


SERVE_PROBE = """
import json, sys
sys.path.insert(0, {scripts!r})
import serve
loaded = serve.preload()
print(json.dumps({{"loaded": loaded, "heavy": sorted(m for m in {heavy!r} if m in sys.modules),
                  "imported": sorted(m for m in sys.modules if m.startswith(("audit_dashboard", "pandas", "plotly", "duckdb")))}}))
"""


def test_the_start_command_loads_what_every_page_imports_before_the_first_visitor_and_nothing_heavy():
    """scripts/serve.py (what scripts/run.sh starts): the modules named in dashboard.py's and every page's
    import lines are loaded before Streamlit serves, the PDF, Excel and image stack is not."""
    done = subprocess.run([sys.executable, "-c", SERVE_PROBE.format(scripts=str(ROOT / "scripts"), heavy=HEAVY)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    for page in PAGES:
        for node in ast.walk(ast.parse((ROOT / page.file).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module.startswith("audit_dashboard"):
                assert node.module in found["loaded"], (page.file, node.module)
                for alias in node.names:  # `from audit_dashboard.views import complaints`: the module itself
                    if (ROOT / node.module.replace(".", "/") / f"{alias.name}.py").exists():
                        assert f"{node.module}.{alias.name}" in found["imported"], (page.file, alias.name)
    assert {"pandas", "plotly.graph_objects", "duckdb"} <= set(found["imported"])  # what the first visit waited for
    assert found["heavy"] == []
    assert "exec .venv/bin/python scripts/serve.py" in (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
