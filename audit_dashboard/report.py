"""The report a page shows: one edition, asked for its facts, its figures and its sections.

    report = current()            # the edition chosen in the sidebar (?report=…), else the latest
    report.meta().title           # '2024년 주요업무 보고'
    report.source("Ⅱ-1 주요 추진실적")
    report.figure("complaints_total")
    report.ask("audits_self_audits")   # a named query, for this edition

Pages and views ask this object and nothing else for a report's facts: no title, date or period of
a report is written in code. The frame (frame.py) chooses the edition and keeps it in the session;
outside a page (tests, scripts) `current()` is the latest edition.
"""
from __future__ import annotations

from functools import cached_property

import pandas as pd
import streamlit as st

from . import fmt
from . import app_data
from .app_data import ask, ask_one, per_store
from .editions.meta import Meta
from .period import Period

SESSION_KEY = app_data.SESSION_EDITION  # the edition the frame chose for this session ("report_edition")


def editions() -> list[Meta]:
    """Every edition, the latest first (by as-of date, then by session)."""
    return list(_editions())


@per_store
def _editions() -> tuple[Meta, ...]:
    return tuple(Meta.from_row(row) for row in ask("report_editions").to_dict("records"))


def find(edition: str) -> Meta | None:
    return next((m for m in editions() if m.edition == edition), None)


def latest() -> "Report":
    return Report(editions()[0])


def shipped() -> "Report":
    """The edition that ships in git (data/report): the one the sample records were made for."""
    return Report(next(m for m in editions() if m.origin == "shipped"))


def current() -> "Report":
    """The edition this page shows: the one the frame chose, or the latest."""
    chosen = st.session_state.get(SESSION_KEY)
    meta = find(chosen) if chosen else None
    return Report(meta) if meta is not None else latest()


class Report:
    """One edition, as the pages ask it."""

    def __init__(self, meta: Meta):
        self._meta = meta

    def __repr__(self) -> str:
        return f"Report({self.edition})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Report) and other.edition == self.edition

    def __hash__(self) -> int:
        return hash(self.edition)

    # --- its facts ----------------------------------------------------------------------------------

    def meta(self) -> Meta:
        return self._meta

    @property
    def edition(self) -> str:
        return self._meta.edition

    @property
    def title(self) -> str:
        return self._meta.title

    @property
    def period(self) -> Period:
        """The quarters its 실적 cover: the sidebar's 「보고서 기간」."""
        return self._meta.period

    @property
    def period_text(self) -> str:
        """'2024. 1. 1. ~ 2024. 6. 30.': what its 실적 cover."""
        return self._meta.period_text

    @property
    def as_of_text(self) -> str:
        """'2024. 6. 30.'"""
        return self._meta.as_of_text

    @property
    def as_of_state(self) -> str:
        """'2024. 6. 30. 기준': for states (staffing, budgets, remaining plans)."""
        return f"{self._meta.as_of_text} 기준"

    @property
    def year(self) -> int:
        """The year of its results (Ⅱ): its as-of year."""
        return self._meta.year

    @cached_property
    def plan_year(self) -> int | None:
        """The next year, if it prints plans for it (Ⅲ, Ⅳ)."""
        years = self.ask("report_plan_years")["plan_year"].tolist()
        return self.year + 1 if self.year + 1 in years else None

    def source(self, section: str = "") -> str:
        """'2024년 주요업무 보고 Ⅱ-1 주요 추진실적': a figure's source, named by the edition it is in."""
        return f"{self._meta.title} {section}".strip()

    # --- its tables and figures ------------------------------------------------------------------

    def ask(self, name: str, **params) -> pd.DataFrame:
        """A named question (queries/<name>.sql) about this edition."""
        return ask(name, edition=self.edition, **params)

    def ask_one(self, name: str, **params) -> dict:
        return ask_one(name, edition=self.edition, **params)

    def figures(self) -> pd.DataFrame:
        """Its printed figures (report_figures), by key: the caller's own frame to change."""
        return _figures(self.edition).copy(deep=False)

    def has_figure(self, key: str) -> bool:
        return key in self.figures().index

    def figure(self, key: str) -> int:
        return int(self.figures().loc[key, "value"])

    def figure_text(self, key: str) -> str:
        """A printed figure as printed: '476건', '1,602명', '94%'."""
        row = self.figures().loc[key]
        return fmt.percent(row["value"]) if row["unit"] == "%" else fmt.count(row["value"], row["unit"])

    def section_of(self, query: str, fallback: str = "") -> str:
        """The report section a table's rows name ('Ⅱ-4 주요 추진실적'), for its source line."""
        frame = self.ask(query)
        return str(frame["section"].iloc[0]) if len(frame) and "section" in frame else fallback

    # --- other editions ------------------------------------------------------------------------------

    def previous(self) -> "Report | None":
        """The edition before this one (by as-of date, then session)."""
        older = [m for m in editions() if (m.as_of, m.session_start) < (self._meta.as_of, self._meta.session_start)]
        return Report(older[0]) if older else None

    def year_earlier(self) -> "Report | None":
        """The edition covering the same period a year earlier, if there is one."""
        meta = self._meta
        for other in editions():
            if (other.period_start, other.period_end) == (_year_before(meta.period_start), _year_before(meta.period_end)):
                return Report(other)
        return None


def _year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@per_store
def _figures(edition: str) -> pd.DataFrame:
    return ask("report_figures", edition=edition).set_index("figure_key")
