"""The one place where text is made safe for Streamlit's Markdown.

Streamlit reads Markdown in st.markdown, captions, alerts, metric and widget labels, help texts,
expander and button labels, and it reads more into text than the department means: a pair of single
tildes strikes through ('1~3분기 … Q1~Q4'), `$…$` is LaTeX, `*`/`_` make emphasis, `[` opens links
and Streamlit's own directives (`:red[…]`, `:material/…:`). So every text bound for Markdown goes
through one of these two:

- `ours`: Markdown we write ourselves (bold, line breaks, badges). We never mean strikethrough or
  LaTeX, so '~' and '$' are escaped and the rest is left as Markdown.
- `text`: text not meant as Markdown at all — values, report lines, names from imported records,
  what a URL says. Every ASCII punctuation mark is escaped, as CommonMark allows, so '10~12월' does
  not strike through, '2025. 4. 25.' does not become a numbered list and `*`, `_`, `[`, `$` are shown
  as typed.
"""
from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_NEVER_MEANT = re.compile(r"(?<!\\)([~$])")


def ours(markdown: str) -> str:
    """Our own Markdown with the two marks we never mean (strikethrough '~', LaTeX '$') escaped."""
    return _NEVER_MEANT.sub(r"\\\1", str(markdown))


def text(value) -> str:
    """Plain text shown exactly as written, whatever Markdown would make of it."""
    return _PUNCTUATION.sub(r"\\\1", str(value))


# The names other modules used before; same behaviour.
tilde_safe = ours
literal = text
