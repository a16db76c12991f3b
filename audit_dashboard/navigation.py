"""The pages of the dashboard, in menu order. Icons are Material icons (no emoji font needed).

Streamlit's own `pages/` mechanism serves them: the home page is the entry file (dashboard.py, at
`/`), every other page is `pages/<name>.py` at `/<name>`. Its file-name menu is switched off in
.streamlit/config.toml; `frame.page_frame` draws this menu instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import labels, paths

HOME_SCRIPT = "dashboard.py"


@dataclass(frozen=True)
class PageSpec:
    file: str       # the page's script, relative to the app's root: "dashboard.py" or "pages/complaints.py"
    title: str
    icon: str
    url_path: str   # the page's name: its URL (the home page is served at / instead) and its views module
    default: bool = False
    trends: bool = False  # it draws trend charts, so the frame offers the grain (월별/분기별)

    @property
    def path(self) -> str:
        return str(paths.ROOT / self.file)

    @property
    def url(self) -> str:
        """The path part of the page's URL: '' for the home page (Streamlit serves it at /)."""
        return "" if self.default else self.url_path


PAGES = [
    PageSpec(HOME_SCRIPT, labels.PAGE_OVERVIEW, ":material/dashboard:", "overview", default=True),
    PageSpec("pages/complaints.py", labels.PAGE_COMPLAINTS, ":material/forum:", "complaints", trends=True),
    PageSpec("pages/patrols.py", labels.PAGE_PATROLS, ":material/directions_walk:", "patrols", trends=True),
    PageSpec("pages/budget.py", labels.PAGE_BUDGET, ":material/account_balance:", "budget"),
    PageSpec("pages/audits.py", labels.PAGE_AUDITS, ":material/policy:", "audits"),
    PageSpec("pages/integrity.py", labels.PAGE_INTEGRITY, ":material/verified_user:", "integrity"),
    PageSpec("pages/organisation.py", labels.PAGE_ORGANISATION, ":material/groups:", "organisation"),
    PageSpec("pages/plans.py", labels.PAGE_PLANS, ":material/event_note:", "plans"),
    PageSpec("pages/period_compare.py", labels.PAGE_PERIOD_COMPARE, ":material/compare:", "period_compare"),
    PageSpec("pages/report_compare.py", labels.PAGE_COMPARE, ":material/difference:", "report_compare"),
    PageSpec("pages/reconciliation.py", labels.PAGE_RECONCILIATION, ":material/compare_arrows:", "reconciliation"),
    PageSpec("pages/readings.py", labels.PAGE_READINGS, ":material/edit_note:", "readings"),
    PageSpec("pages/records_import.py", labels.PAGE_IMPORT, ":material/upload_file:", "records_import"),
    PageSpec("pages/data_admin.py", labels.PAGE_DATA_ADMIN, ":material/backup:", "data_admin"),
    PageSpec("pages/editions.py", labels.PAGE_EDITIONS, ":material/library_books:", "editions"),
]


def page(name: str) -> PageSpec:
    """A page by its name ('complaints', 'overview')."""
    for spec in PAGES:
        if spec.url_path == name:
            return spec
    raise KeyError(f"'{name}' 화면이 navigation.PAGES에 없습니다")
