"""Charts drawn for the width they are printed at, so that no chart text is under 9 pt on paper.

Plotly sizes text in CSS pixels. A chart drawn `css_width` pixels wide and printed `width_pt`
wide shows text of f px at f × width_pt / css_width pt. So for a printed width we choose the CSS
width at which the smallest chart text (every font is raised to at least TEXT_PX, see
charts.for_paper) comes out at TARGET_PT, a little above MIN_PT so that rounding never takes it
under; and the pixel scale that gives `dpi` at the printed size.

A 16 cm column of an A4 document: 716 CSS px, drawn 2.64× = 1,890 px (300 dpi); 15 px text is 9.5 pt.
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_PT = 9.0          # the smallest chart text a printed page may carry
TARGET_PT = 9.5       # what the smallest text is drawn at
TEXT_PX = 15          # the smallest chart text, in CSS px, of a chart drawn for paper
PT_PER_CM = 72 / 2.54


@dataclass(frozen=True)
class Printed:
    """A chart printed `width_pt` wide at `dpi`."""
    width_pt: float
    dpi: int = 300

    @property
    def css_width(self) -> int:
        # Rounded down: a narrower drawing prints larger, so text stays at or above TARGET_PT.
        return int(self.width_pt * TEXT_PX / TARGET_PT)

    @property
    def pt_per_px(self) -> float:
        return self.width_pt / self.css_width

    def pt(self, css_px: float) -> float:
        """How large `css_px` of chart text prints."""
        return css_px * self.pt_per_px

    def css_height(self, height_pt: float) -> int:
        """The CSS height that prints `height_pt` tall."""
        return int(height_pt / self.pt_per_px)

    @property
    def pixel_width(self) -> int:
        return round(self.width_pt / 72 * self.dpi)

    @property
    def scale(self) -> float:
        """Image pixels per CSS pixel."""
        return self.pixel_width / self.css_width

    @property
    def width_cm(self) -> float:
        return self.width_pt / PT_PER_CM


# The default chart download: a figure for a 16 cm column of an A4 document, at 300 dpi.
DOCUMENT = Printed(16 * PT_PER_CM, dpi=300)
