"""Chart images for paper: the default PNG fits a 16 cm column of an A4 document with no text under
9 pt, measured on the rendered image itself, not only computed from the figure's font sizes.

Rendering goes through kaleido and Debian's Chromium, as the download buttons do.
"""
from __future__ import annotations

import io

import plotly.graph_objects as go
import pytest
from PIL import Image, ImageChops, ImageFont

from audit_dashboard import chart_images, charts, council_pack, council_pdf, export, fmt, fonts, labels, paper
from audit_dashboard.content import Chart
from conftest import REPORT_PERIOD
from audit_dashboard.views import complaints

CLEAR = "rgba(0,0,0,0)"


def test_a_16_cm_column_at_300_dpi_is_1890_pixels_and_15_px_text_prints_at_9_5_pt():
    assert paper.DOCUMENT.pixel_width == 1890
    assert paper.DOCUMENT.css_width == 716
    assert paper.DOCUMENT.pt(paper.TEXT_PX) == pytest.approx(9.5, abs=0.02)
    assert paper.DOCUMENT.pt(paper.TEXT_PX) >= paper.MIN_PT
    assert round(paper.DOCUMENT.width_cm, 2) == 16.0


def shipped_charts() -> list[Chart]:
    return [item for section in council_pack.sections(REPORT_PERIOD) for item in section.items
            if isinstance(item, Chart)]


def test_every_shipped_chart_drawn_for_a_document_has_no_text_under_9_pt():
    found = shipped_charts()
    assert len(found) >= 15
    for chart in found:
        figure, _ = export.paper_figure(chart, paper.DOCUMENT)
        smallest = charts.smallest_text_px(figure)
        assert paper.DOCUMENT.pt(smallest) >= paper.MIN_PT, (chart.key, smallest)
        title, subtitle = figure.layout.title.text, figure.layout.title.subtitle.text
        # A downloaded image says what it is, on lines that fit its width (broken where they can be).
        assert title.replace("<br>", " ").startswith(chart.title)
        assert subtitle.replace("<br>", " ").startswith(f"기간: {chart.period}")
        for line in subtitle.split("<br>"):
            assert charts.text_px(line, figure.layout.title.subtitle.font.size) <= paper.DOCUMENT.css_width - 24


def test_for_paper_raises_every_text_and_hides_rather_than_shrinks_stacked_labels():
    chart = complaints.channel_trend(REPORT_PERIOD, "quarter")  # stacked bars with labels inside
    screen = export.finished_figure(chart)
    assert charts.smallest_text_px(screen) < paper.TEXT_PX  # 11 px labels, 13 px unit, shrinkable labels
    printed = charts.for_paper(screen, paper.TEXT_PX)
    assert charts.smallest_text_px(printed) == paper.TEXT_PX
    assert printed.layout.uniformtext.minsize == paper.TEXT_PX and printed.layout.uniformtext.mode == "hide"
    assert "font-size:15px" in printed.layout.title.text
    assert all(trace.textfont.size >= paper.TEXT_PX for trace in printed.data)
    side_by_side = charts.for_paper(export.finished_figure(complaints.trend(REPORT_PERIOD, "month")), paper.TEXT_PX, 716)
    assert {(t.textposition, t.constraintext) for t in side_by_side.data} == {("outside", "none")}


def render(figure: go.Figure, printed: paper.Printed, height: int) -> Image.Image:
    data = chart_images.png(figure, width=printed.css_width, height=height, scale=printed.scale)
    return Image.open(io.BytesIO(data)).convert("RGB")


def drawn_box(figure: go.Figure, hidden: go.Figure, printed: paper.Printed, height: int) -> tuple[int, int, int, int]:
    """Where two renderings differ: the pixels of the text one of them leaves out (same layout)."""
    box = ImageChops.difference(render(figure, printed, height), render(hidden, printed, height)).getbbox()
    assert box, "the text was not drawn"
    return box


def printed_pt(text: str, box_height: int, image_width: int, printed: paper.Printed) -> float:
    """The font size, in pt on paper, at which `text` is drawn `box_height` image pixels tall: the
    shipped font draws it `reference` pixels tall at 100 px."""
    left, top, right, bottom = ImageFont.truetype(str(fonts.REGULAR), 100).getbbox(text)
    reference = bottom - top
    font_px = 100 * box_height / reference
    return font_px * printed.width_pt / image_width


def single_bar(label: str, value: int) -> Chart:
    figure = charts.bars([label], {"2025년": [value]}, text_format=fmt.number)
    return Chart("measure", "글자 크기 측정", "건", "2025. 1. 1. ~ 2025. 9. 30.", "측정용", figure)


PRINTED = {
    "16 cm document column": paper.DOCUMENT,
    "council pack, portrait": paper.Printed(council_pdf.Layout("portrait").frame_width, council_pdf.PDF_DPI),
    "council pack, landscape half": paper.Printed(council_pdf.Layout("landscape").half_width, council_pdf.PDF_DPI),
}


@pytest.mark.parametrize("printed", PRINTED.values(), ids=PRINTED.keys())
def test_tick_and_data_labels_measure_at_least_9_pt_at_the_printed_width(printed):
    chart = single_bar("9월", 181)
    figure, height = export.paper_figure(chart, printed)
    image_width = render(figure, printed, height).width
    assert image_width == printed.pixel_width

    tick = drawn_box(figure, go.Figure(figure).update_xaxes(tickfont_color=CLEAR), printed, height)
    tick_pt = printed_pt("9월", tick[3] - tick[1], image_width, printed)
    label = drawn_box(figure, go.Figure(figure).update_traces(textfont_color=CLEAR), printed, height)
    label_pt = printed_pt("181", label[3] - label[1], image_width, printed)
    for measured in (tick_pt, label_pt):
        assert paper.MIN_PT <= measured <= paper.TARGET_PT + 1, (tick_pt, label_pt)


def test_a_shipped_chart_s_month_labels_and_legend_measure_at_least_9_pt_in_the_16_cm_png():
    chart = complaints.trend(REPORT_PERIOD, "month")  # 1월…9월 along the bottom, a legend 2025년 / 2024년
    figure, height = export.paper_figure(chart, paper.DOCUMENT)
    image_width = paper.DOCUMENT.pixel_width
    ticks = drawn_box(figure, go.Figure(figure).update_xaxes(tickfont_color=CLEAR), paper.DOCUMENT, height)
    legend = drawn_box(figure, go.Figure(figure).update_layout(legend_font_color=CLEAR), paper.DOCUMENT, height)
    assert printed_pt("9월", ticks[3] - ticks[1], image_width, paper.DOCUMENT) >= paper.MIN_PT
    assert printed_pt("2025년", legend[3] - legend[1], image_width, paper.DOCUMENT) >= paper.MIN_PT


def test_the_document_png_is_16_cm_at_300_dpi_titled_and_watermarked_when_sample():
    chart = complaints.trend(REPORT_PERIOD, "month")
    assert chart.sample
    image = Image.open(io.BytesIO(export.document_png(chart)))
    figure, height = export.paper_figure(chart, paper.DOCUMENT)
    assert image.width == paper.DOCUMENT.pixel_width and abs(image.height - height * paper.DOCUMENT.scale) <= 1
    assert [a.text for a in figure.layout.annotations] == [labels.SAMPLE_WATERMARK]


def test_the_renderer_gives_the_same_image_for_the_same_chart_whatever_came_before():
    """The tab is not reloaded between images (chart_images.RELOAD_EVERY): nothing carries over."""
    first, other = complaints.trend(REPORT_PERIOD, "month"), complaints.channel_trend(REPORT_PERIOD, "quarter")
    before = export.png_bytes(first, scale=1)
    export.png_bytes(other, scale=1)
    assert export.png_bytes(first, scale=1) == before


def test_kaleido_still_has_the_method_the_renderer_overrides():
    import kaleido

    assert callable(getattr(kaleido.Kaleido, "_return_kaleido_tab", None))
    assert chart_images._kaleido_class(kaleido) is not kaleido.Kaleido


def test_the_app_starts_the_renderer_in_the_background_once(monkeypatch):
    started = []
    monkeypatch.setattr(chart_images, "WARM_UP", True)
    monkeypatch.setattr(chart_images, "_renderer", None)
    monkeypatch.setattr(chart_images, "_warming", __import__("threading").Event())
    monkeypatch.setattr(chart_images, "_shared", lambda: started.append(1))
    chart_images.warm_up()
    chart_images.warm_up()
    for thread in __import__("threading").enumerate():
        if thread.name == "chart-images-warm-up":
            thread.join(5)
    assert started == [1]
