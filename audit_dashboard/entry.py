"""Make every page work when it is the first URL a fresh server is asked for.

Streamlit 1.67 decides per process whether the app uses the old `pages/` folder mechanism
(a `pages/` folder beside the entry file) until some session calls `st.navigation`. So the
very first visitor of `/complaints` would get pages/complaints.py run on its own, without
dashboard.py (no wide layout, file names in the menu). Pages call `ensure_entry_point()`
first: in that case it turns the old mechanism off (as `st.navigation` itself does) and
reruns, so dashboard.py runs and routes to the same URL. Under AppTest and after the first
navigation this does nothing.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_entry_point() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
