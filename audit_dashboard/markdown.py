"""Text inside Streamlit's Markdown, which reads more into it than the department means.

- `tilde_safe`: for Markdown we write ourselves (bold, line breaks): only '~' is escaped, since
  two dates like '2024. 1. 1. ~ 2024. 6. 30.' would otherwise strike the text between through.
- `literal`: for text shown exactly as printed or typed (report lines, table cells, search
  results): every ASCII punctuation mark is escaped, as CommonMark allows, so '10~12월' does not
  strike through and '2025. 4. 25.' does not become a numbered list.
"""
from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def tilde_safe(text: str) -> str:
    return text.replace("~", "\\~")


def literal(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", str(text))
