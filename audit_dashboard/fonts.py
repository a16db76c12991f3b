"""The Korean font shipped with the app (static/fonts), used by the browser, PNG exports and the PDF.

One font everywhere makes screenshots, chart images and the council pack look the same on every
machine, whatever fonts it has. NanumSquare (OFL, regular + bold, 1.4 MB together) covers all
11,172 Hangul syllables; Chromium accepts it as a web font.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from . import paths

FAMILY = "NanumSquare"
FONT_DIR = paths.ROOT / "static" / "fonts"
REGULAR = FONT_DIR / "NanumSquareR.ttf"
BOLD = FONT_DIR / "NanumSquareB.ttf"

# What the Streamlit server serves the folder as (server.enableStaticServing).


def fontconfig_file() -> Path:
    """A fontconfig file that puts the shipped fonts first, system fonts only as glyph fallback.

    Chromium (kaleido's renderer) reads it from FONTCONFIG_FILE: chart images cannot load web
    fonts, so this is how they get the shipped font.
    """
    folder = Path(tempfile.gettempdir()) / "audit_dashboard_fonts"
    folder.mkdir(exist_ok=True)
    target = folder / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{FONT_DIR}</dir>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        "</fontconfig>\n"
    )
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        draft = folder / f"fonts.conf.{os.getpid()}"
        draft.write_text(text, encoding="utf-8")
        os.replace(draft, target)  # other processes never read a half-written file
    return target
