"""감사 대시보드: the entry point. Declares the pages; each page works on its own by its URL."""
import streamlit as st

from audit_dashboard import labels
from audit_dashboard.navigation import PAGES

st.set_page_config(page_title=labels.APP_TITLE, layout="wide", initial_sidebar_state="expanded")
page = st.navigation([st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in PAGES])
page.run()
