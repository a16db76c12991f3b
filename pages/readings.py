"""해석과 가정: the values the product derives rather than reads — each marked where it is shown — listed
together, with why and where a department changes each; then the months given to timings the report
writes in words. Read-only: the values live in data/ (readings.csv and the files each row names)."""
import streamlit as st

from audit_dashboard import labels, readings, slides, ui
from audit_dashboard.frame import page_frame
from audit_dashboard.views import readings as view

report = page_frame("readings").report
ui.page_header(labels.PAGE_READINGS, f"보고서가 적지 않아 대시보드가 정한 값 {view.count_text()} · 「{report.title}」 기준")
if slides.first():  # said once, above the first slide
    st.markdown(ui.md(
        f"화면·내보낸 파일·의회 보고 자료에서 **{readings.MARK}** 표시가 붙은 수치는 보고서나 기록을 그대로 읽은 것이 아니라 "
        "아래처럼 우리가 정한 값에 기대고 있습니다. 표시 옆에는 까닭이 한 줄로 붙습니다. 값을 바꾸려면 「바꾸는 곳」의 자료를 고칩니다."))


READINGS_PER_SLIDE = 3  # bordered entries a slide holds at the view's type


def listing(start: int = 0, stop: int | None = None) -> None:
    for reading in view.listing()[start:stop]:
        with st.container(border=True):
            st.markdown(ui.md(f"**{reading.title}** · {reading.mark}"))
            st.caption(ui.md(f"까닭: {reading.why}  \n보이는 곳: {reading.shown_on}  \n바꾸는 곳: {reading.set_in}"))


slides.show([
    *[slides.Section(slides.continued("우리가 정한 값", i), lambda part=part: listing(*part))
      for i, part in enumerate(slides.pieces(len(view.listing()), READINGS_PER_SLIDE))],
    *slides.table_sections("월을 정한 일정", view.assigned_months_table()),
])
