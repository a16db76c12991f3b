"""A page's content in sections: tabs on screen (or one after another), every section in order in the
presentation view. Minimal version: the presentation view's own paging is drawn elsewhere."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from . import presentation


@dataclass(frozen=True)
class Section:
    title: str
    draw: Callable[[], None]


def show(sections: Sequence[Section], *, tabs: bool = False) -> None:
    """Draw `sections`: as tabs when `tabs` (normal view), else each under its subheader, in order."""
    if tabs and not presentation.active():
        for section, tab in zip(sections, st.tabs([s.title for s in sections])):
            with tab:
                section.draw()
        return
    for section in sections:
        st.subheader(section.title)
        section.draw()
