"""The 보고서 관리 screen's parts: the list of editions; the workbook template, the shown edition as a
workbook and the next report's draft to download; and, for the data manager, upload → check → preview →
confirm, and removing an added edition. The work is the editions pipeline's (prepare, commit, remove).

Workbooks are made only when their button is clicked (openpyxl loads then, never on a page view).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from . import fmt, markdown, presentation, ui
from . import report as reports
from .app_data import ask
from .content import Table
from .errors import DataError
from .korean import josa
from .report import Report

_MEMO = "edition_prepared"
_ROUND = "edition_round"
_NOTICE = "edition_notice"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORIGIN = {"shipped": "함께 배포(data/report, git)", "added": "더한 보고서(data/editions)"}


def notice() -> None:
    """What the last action did, said once after the rerun that follows it."""
    if _NOTICE in st.session_state:
        st.success(st.session_state.pop(_NOTICE), icon=":material/check_circle:")


def editions_table() -> Table:
    """Every edition with its facts and where it lives, the latest first."""
    found = ask("report_editions")
    metas = reports.editions()
    frame = pd.DataFrame({
        "보고서": found["title"], "회기": found["council_session"],
        "회기 날짜": [m.session_dates for m in metas],
        "실적 기간": [m.period_text for m in metas],
        "기준일": [m.as_of_text for m in metas],
        "주소(report=)": found["edition"],
        "출처": [f"{ORIGIN.get(o, o)}: {f}" for o, f in zip(found["origin"], found["folder"])],
        "올린 파일": found["workbook"].fillna("-"), "올린 때": found["added_at"].fillna("-"),
    })
    return Table("report_editions", "보고서 목록(최신 순)", "-", "보고서마다 표기", "보고서 정보(report_meta), 보고서 폴더",
                 frame, {column: "text" for column in frame.columns})


def listing() -> None:
    st.subheader("보고서 목록", anchor=False)
    ui.show(editions_table())
    st.caption("화면은 사이드바의 「보고서」에서 고른 보고서를 보여 주며, 기본은 최신 보고서(기준일이 가장 늦은 것)입니다.")


def _template() -> bytes:
    from .editions import workbook

    return workbook.write(title="보고서 서식(빈 통합문서)")


def _export(edition: str) -> bytes:
    from .build import editions as all_editions, report_dir_for
    from . import paths
    from .editions import workbook

    found = next(e for e in all_editions(report_dir_for(paths.DATA_DIR), paths.DATA_DIR) if e.id == edition)
    return workbook.write(found.frames, title=f"{found.meta.title}({found.meta.council_session})")


def _draft(as_of: dt.date, start: dt.date, base: str) -> bytes:
    from .build import editions as all_editions, report_dir_for
    from . import paths
    from .editions import draft, workbook

    edition = next(e for e in all_editions(report_dir_for(paths.DATA_DIR), paths.DATA_DIR) if e.id == base)
    made = draft.make(ask, edition, as_of, start)
    return workbook.write(made.frames, title=f"다음 보고 초안({fmt.date(as_of)} 기준)", marks=made.marks, notes=made.notes)


def downloads(report: Report) -> None:
    """Template, export, draft. Anyone may take them: they hold only what the pages already show.
    Not in the presentation view, which shows figures only."""
    from .editions import draft

    if presentation.active():
        return
    st.subheader("통합문서 내려받기", anchor=False)
    meta = report.meta()
    left, middle = st.columns(2)
    with left, st.container(border=True):
        st.markdown("**빈 서식** — 시트마다 표 하나, 머리글에 단위, 정해진 값은 목록, 「작성 안내」 시트.")
        st.download_button("보고서 서식(XLSX)", _template, file_name="보고서_서식.xlsx", mime=XLSX, key="edition_template",
                           on_click="ignore", icon=":material/grid_on:", width="stretch")
    with middle, st.container(border=True):
        st.markdown(f"**고른 보고서** — {markdown.literal(josa(meta.label, '을/를'))} 같은 서식으로.")
        st.download_button("이 보고서를 통합문서로(XLSX)", lambda: _export(meta.edition),
                           file_name=f"보고서_{meta.edition}.xlsx", mime=XLSX, key="edition_export", on_click="ignore",
                           icon=":material/download:", width="stretch")
    with st.container(border=True):
        st.markdown("**다음 보고 초안** — 기준일까지의 기록에서 계산할 수 있는 수치(고충민원 접수 경로별, 응답소 현장민원, "
                    "순찰 종류별 적출·순찰 횟수, 단위사업·사업별 예산과 집행)를 채우고 표시한 통합문서. 문장은 고른 보고서에서 "
                    "옮겨 오고, 나머지 수치는 비워 둡니다.")
        latest = _records_end() or meta.as_of
        columns = st.columns(3)
        as_of = columns[0].date_input("기준일", value=latest, key="draft_as_of", format="YYYY.MM.DD")
        start = columns[1].date_input("실적 기간 시작일", value=dt.date(as_of.year, 1, 1), key=f"draft_start_{as_of.year}",
                                      format="YYYY.MM.DD")
        choices = [m.edition for m in reports.editions()]
        base = columns[2].selectbox("문장을 옮겨 올 보고서", choices, index=choices.index(meta.edition),
                                    format_func=lambda e: reports.find(e).label, key="draft_base")
        if start > as_of:
            st.warning("실적 기간 시작일이 기준일보다 늦습니다.", icon=":material/warning:")
            return
        st.markdown(f"**기록에서 채울 수치**(실적 기간 {markdown.literal(fmt.period(start, as_of))})\n\n"
                    + "\n".join(f"- {markdown.literal(line)}" for line in draft.summary(ask, as_of, start)))
        st.download_button(f"{fmt.date(as_of)} 기준 초안(XLSX)", lambda: _draft(as_of, start, base),
                           file_name=f"보고서_초안_{as_of.isoformat()}.xlsx", mime=XLSX, key="edition_draft",
                           on_click="ignore", icon=":material/edit_document:", type="primary")


def _records_end() -> dt.date | None:
    """The last day any record covers: the natural as-of date of the next draft."""
    frame = ask("records_range")
    frame = frame[frame["rows"] > 0]
    return pd.Timestamp(frame["last_date"].max()).date() if len(frame) else None


def _prepared(upload) -> object:
    """The check and preview for this upload, made once per file content."""
    from .editions import pipeline

    content = upload.getvalue()
    digest = pipeline.content_hash(content)
    memo = st.session_state.get(_MEMO)
    if memo is not None and memo[0] == digest:
        return memo[1]
    with st.spinner("통합문서를 읽고 빌드와 같은 검사를 하는 중…"):
        prepared = pipeline.prepare(content, upload.name)
    st.session_state[_MEMO] = (digest, prepared)
    return prepared


def upload_step() -> None:
    upload = st.file_uploader("채운 통합문서(XLSX)", type=["xlsx", "xlsm"], key=f"edition_upload_{st.session_state.get(_ROUND, 0)}",
                              help="「보고서 서식」이나 「다음 보고 초안」을 채운 파일. 올리기만 해서는 저장되지 않습니다.")
    if upload is None:
        st.caption("올리면 빌드와 같은 검사(합계, 인쇄된 집행률, 인력 과부족, 재원 합계, 단위사업별·사업별 예산의 차이)를 하고 "
                   "직전 보고서와 달라진 것을 보여 줍니다. ‘이 보고서 더하기’를 눌러야 저장됩니다.")
        return
    try:
        prepared = _prepared(upload)
    except DataError as error:
        st.error(f"더할 수 없습니다. 저장된 보고서는 그대로입니다.  \n{markdown.literal(error.korean())}", icon=":material/error:")
        return
    preview(prepared)
    confirm(prepared)


def preview(prepared) -> None:
    meta = prepared.meta
    st.markdown(f"**미리 보기** · {markdown.literal(prepared.file)}")
    facts = pd.DataFrame({"항목": ["보고서", "회기", "실적 기간", "기준일", "부서", "주소"],
                          "값": [meta.title, f"{meta.council_session} ({meta.session_dates})",
                                f"{meta.period.label} ({meta.period_text})", meta.as_of_text, meta.reporter,
                                f"?report={meta.edition}"]})
    st.table(facts.set_index("항목"))
    if prepared.previous is None:
        st.info("앞선 보고서가 없어 비교하지 않습니다.", icon=":material/info:")
    else:
        st.markdown(markdown.literal(f"직전 보고서와 비교: {prepared.previous.label}(실적 {prepared.previous.period_text})"))
    changes = pd.DataFrame([{"시트": c.sheet, "행": c.rows, "새 행": c.new, "바뀐 행": c.changed, "빠진 행": c.gone,
                             "같은 행": c.same} for c in prepared.changes])
    st.table(changes.set_index("시트"))  # static: read in full, and in the page's text
    figures = prepared.figures
    if len(figures):
        shared = figures[figures["shared"]]
        changed = shared[shared["change"] != 0]
        only_new = figures[figures["value"].notna() & ~figures["shared"]]
        st.markdown(f"두 보고서에 모두 있는 수치 {fmt.count(len(shared), '개')} 중 **{fmt.count(len(changed), '개')}**가 다르고, "
                    f"새 수치가 {fmt.count(len(only_new), '개')} 있습니다.")
        if len(changed):
            shown = changed.assign(
                이전=[fmt.count(v, u) for v, u in zip(changed["other_value"], changed["unit"])],
                새=[fmt.count(v, u) for v, u in zip(changed["value"], changed["unit"])],
                증감=[fmt.signed(v, u) for v, u in zip(changed["change"], changed["unit"])])
            st.table(shown[["topic", "label", "이전", "새", "증감"]].rename(columns={"topic": "분야", "label": "수치"})
                     .set_index("분야"))


def confirm(prepared) -> None:
    from .editions import pipeline

    with st.form("edition_confirm", border=True):
        st.markdown(markdown.literal(f"{josa(prepared.meta.label, '을/를')} 새 보고서로 더합니다. 더하면 모든 화면에서 "
                                     "고를 수 있고, 최신이면 기본으로 보입니다."))
        go = st.form_submit_button("이 보고서 더하기", type="primary", icon=":material/library_add:")
    if not go:
        return
    try:
        with st.spinner("저장소를 다시 만드는 중…"):
            meta = pipeline.commit(prepared)
    except DataError as error:
        st.error(f"더하지 못했습니다. 저장된 보고서는 그대로입니다.  \n{markdown.literal(error.korean())}", icon=":material/error:")
        return
    st.session_state.pop(_MEMO, None)
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    st.session_state[reports.SESSION_KEY] = meta.edition
    st.query_params["report"] = meta.edition
    st.session_state[_NOTICE] = markdown.literal(f"{josa(meta.label, '을/를')} 더했습니다. 사이드바의 「보고서」에서 고를 수 있습니다.")
    st.rerun()


def removal_step() -> None:
    added = [m for m in reports.editions() if m.origin == "added"]
    st.markdown("**더한 보고서 빼기**")
    if not added:
        st.caption("더한 보고서가 없습니다. 함께 배포된 보고서(data/report)는 뺄 수 없습니다.")
        return
    from .editions import pipeline

    with st.form("edition_remove"):
        chosen = st.selectbox("뺄 보고서", [m.edition for m in added], format_func=lambda e: reports.find(e).long_label)
        st.caption("빼면 그 보고서의 폴더(data/editions/…)가 지워지고 저장소는 그 보고서를 더하기 전과 같아집니다.")
        go = st.form_submit_button("이 보고서 빼기", icon=":material/delete:")
    if not go:
        return
    try:
        with st.spinner("저장소를 다시 만드는 중…"):
            meta = pipeline.remove(chosen)
    except DataError as error:
        st.error(markdown.literal(error.korean()), icon=":material/error:")
        return
    if st.session_state.get(reports.SESSION_KEY) == chosen:
        st.session_state.pop(reports.SESSION_KEY, None)
        st.query_params.pop("report", None)
    st.session_state[_NOTICE] = markdown.literal(f"{josa(meta.label, '을/를')} 뺐습니다.")
    st.rerun()
