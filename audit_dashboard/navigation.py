"""The pages of the dashboard, in menu order. Icons are Material icons (no emoji font needed)."""
from __future__ import annotations

from dataclasses import dataclass

from . import labels, paths


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str
    icon: str
    url_path: str
    default: bool = False

    def __post_init__(self):
        # The first visitor of a fresh server is served by Streamlit's old pages/ mechanism, which
        # knows a page by its file name only (see entry.py); the same URL must work both ways.
        if self.url_path != self.file.removesuffix(".py"):
            raise ValueError(f"url_path '{self.url_path}' must be the file name '{self.file}' without .py")

    @property
    def path(self) -> str:
        return str(paths.ROOT / "pages" / self.file)

    @property
    def url(self) -> str:
        """The path part of the page's URL: '' for the default page (Streamlit serves it at /)."""
        return "" if self.default else self.url_path


PAGES = [
    PageSpec("overview.py", labels.PAGE_OVERVIEW, ":material/dashboard:", "overview", default=True),
    PageSpec("complaints.py", labels.PAGE_COMPLAINTS, ":material/forum:", "complaints"),
    PageSpec("patrols.py", labels.PAGE_PATROLS, ":material/directions_walk:", "patrols"),
    PageSpec("budget.py", labels.PAGE_BUDGET, ":material/account_balance:", "budget"),
    PageSpec("audits.py", labels.PAGE_AUDITS, ":material/policy:", "audits"),
    PageSpec("integrity.py", labels.PAGE_INTEGRITY, ":material/verified_user:", "integrity"),
    PageSpec("organisation.py", labels.PAGE_ORGANISATION, ":material/groups:", "organisation"),
    PageSpec("plans_2026.py", labels.PAGE_PLANS_2026, ":material/event_note:", "plans_2026"),
    PageSpec("records_import.py", labels.PAGE_IMPORT, ":material/upload_file:", "records_import"),
]
