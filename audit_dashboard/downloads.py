"""Download buttons under every chart (PNG for documents, PNG at screen size) and table (CSV, XLSX).

Files are made only when a button is clicked (a callable `data`), in Streamlit's download thread,
and the click does not rerun the page: drawing a page never pays for PNG rendering.
"""
from __future__ import annotations

import streamlit as st

from . import chart_images, export, markdown, paper, presentation
from .content import Chart, Table

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def buttons(item: Chart | Table) -> None:
    if presentation.active():
        return
    with st.container(horizontal=True, gap="small"):
        if isinstance(item, Chart):
            drawable = chart_images.available()
            document = (f"문서용 그림(PNG): A4 문서의 {paper.DOCUMENT.width_cm:.0f}cm 너비에 넣으면 글자가 "
                        f"{paper.TARGET_PT:g}pt, {paper.DOCUMENT.dpi}dpi")
            _button("PNG", lambda: export.document_png(item), export.file_name(item, "png"), "image/png",
                    f"png_{item.key}", document if drawable else chart_images.MISSING, disabled=not drawable)
            _button("PNG(화면용)", lambda: export.png_bytes(item), export.file_name(item, "png", "화면"), "image/png",
                    f"screenpng_{item.key}", f"화면 크기 그림(PNG, 가로 {export.PNG_WIDTH}픽셀의 2배 해상도)"
                    if drawable else chart_images.MISSING, disabled=not drawable)
        else:
            _button("CSV", lambda: export.csv_bytes(item), export.file_name(item, "csv"), "text/csv",
                    f"csv_{item.key}", "CSV(UTF-8, 한글 엑셀에서 바로 열림)")
            _button("XLSX", lambda: export.xlsx_bytes(item), export.file_name(item, "xlsx"), XLSX_MIME,
                    f"xlsx_{item.key}", "엑셀 파일(XLSX)")


def _button(label: str, data, file_name: str, mime: str, key: str, help: str, disabled: bool = False) -> None:
    st.download_button(label, data, file_name=file_name, mime=mime, key=key, help=markdown.ours(help), on_click="ignore",
                       icon=":material/download:", type="tertiary", disabled=disabled)
