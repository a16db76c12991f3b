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

    @property
    def path(self) -> str:
        return str(paths.ROOT / "pages" / self.file)


PAGES = [
    PageSpec("overview.py", labels.PAGE_OVERVIEW, ":material/dashboard:", "overview", default=True),
]
