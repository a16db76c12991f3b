"""One frame for every page, from Streamlit's own pages/ mechanism, with no Streamlit internals touched."""
from __future__ import annotations

import ast
import tomllib

from audit_dashboard.navigation import PAGES
from conftest import ROOT


def test_the_home_page_is_dashboard_py_and_every_other_page_is_a_file_in_pages_served_at_its_name():
    assert [p.file for p in PAGES if p.default] == ["dashboard.py"] and PAGES[0].default
    assert sorted(f"pages/{f.name}" for f in (ROOT / "pages").glob("*.py")) == sorted(p.file for p in PAGES if not p.default)
    for page in PAGES[1:]:
        assert page.file == f"pages/{page.url_path}.py" and page.url == page.url_path  # Streamlit's URL is the file name
    assert all(p.icon.startswith(":material/") for p in PAGES)  # bundled icons, no emoji font needed


def test_streamlits_file_name_menu_is_off_so_only_our_menu_shows():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showSidebarNavigation"] is False


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
