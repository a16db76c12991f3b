"""The 자료 관리 screen's sections: a backup to download, a backup to restore (checked, previewed,
confirmed), and the change log. The work is the backup package's and changes.py's, the same the
command line calls; this module only draws.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from . import changes, fmt, markdown
from .backup import archive as archives
from .backup import restore as restoring
from .errors import DataError
from .korean import josa

_MEMO = "restore_checked"
_ROUND = "restore_round"
_NOTICE = "data_admin_notice"
CRON = ("0 2 * * * cd /srv/audit-dashboard && .venv/bin/python -m audit_dashboard.backup create "
        "/backup/audit-$(date +\\%F).zip")


def notice() -> None:
    """What the last action did, said once after the rerun that follows it."""
    if _NOTICE in st.session_state:
        st.success(st.session_state.pop(_NOTICE), icon=":material/check_circle:")


def _amount(files: int, rows: int | None, unit: str) -> str:
    return fmt.count(files, unit) + ("" if rows is None else f" · {fmt.count(rows, '행')}")


def _unit(group: str) -> str:
    return "묶음" if group.startswith("가져온 기록") else "개"


def download_section() -> None:
    st.subheader("백업 만들기", anchor=False)
    held = restoring.holdings()
    if held:
        st.markdown("이 컴퓨터의 부서 자료: " + ", ".join(
            f"{markdown.text(h.group)} " + (fmt.count(h.rows or 0, "줄") if h.group == "변경 기록"
                                               else _amount(h.files, h.rows, _unit(h.group))) for h in held))
    else:
        st.markdown("아직 부서가 더하거나 정한 자료가 없습니다(백업에는 목표·설정만 들어갑니다).")
    st.caption("가져온 기록, 저장한 매핑, 부서 코드표, 목표, 설정, 보고서 판, 변경 기록을 ZIP 파일 하나에 담습니다. 파일마다 크기·검사합"
               "(SHA-256)·행 수를 적은 목록(manifest.json)이 함께 들어갑니다. 누를 때 만듭니다.")
    st.download_button("백업 내려받기(ZIP)", data=_archive, file_name=archives.file_name(), mime="application/zip",
                       on_click="ignore", icon=":material/download:", type="primary", key="backup_download")
    with st.expander("매일 밤 서버에서 자동으로 백업하기", icon=":material/schedule:"):
        st.markdown("서버의 `crontab -e`에 한 줄을 넣으면 매일 새벽 2시에 백업 파일이 생깁니다. 백업 폴더는 다른 디스크나 "
                    "다른 컴퓨터에 두십시오(이 컴퓨터가 고장 나도 남도록).")
        st.code(CRON, language="bash")


def _archive() -> bytes:
    return archives.archive_bytes()


def _checked(name: str, content: bytes) -> archives.Archive:
    """The uploaded backup, read and checked once per file (a rerun does not check it again)."""
    digest = hashlib.sha256(content).hexdigest()
    memo = st.session_state.get(_MEMO)
    if memo is not None and memo[0] == digest:
        return memo[1]
    found = archives.open_archive(content, name)
    st.session_state[_MEMO] = (digest, found)
    return found


def restore_section() -> None:
    st.subheader("백업에서 되살리기", anchor=False)
    st.caption("백업 파일을 올리면 먼저 목록과 모든 검사합을 확인하고, 무엇이 바뀌는지 보여 줍니다. "
               "‘되살리기’를 눌러야 바뀌며, 실패하면 아무것도 바뀌지 않습니다.")
    upload = st.file_uploader("백업 파일(.zip)", type=["zip"], key=f"restore_upload_{st.session_state.get(_ROUND, 0)}")
    if upload is None:
        return
    try:
        found = _checked(upload.name, upload.getvalue())
        plan = restoring.preview(found)
    except DataError as error:
        st.error(f"되살릴 수 없는 파일입니다. 아무것도 바꾸지 않았습니다.  \n{markdown.text(error.korean())}",
                 icon=":material/error:")
        return
    made = found.manifest
    st.markdown(f"**{markdown.text(found.name)}** · 검사 통과(모든 검사합 일치) · 만든 때 {changes.when(made.created_at)} · "
                f"만든 사람 {markdown.text(made.created_by)} · 프로그램 버전 {markdown.text(made.product_version)}")
    preview_table(plan)
    _confirm(found, plan)


def preview_table(plan: restoring.Plan) -> None:
    st.markdown(f"**바뀌는 것** — 파일 더함 {plan.count(restoring.ADDED)} · 바꿈 {plan.count(restoring.REPLACED)} · "
                f"뺌 {plan.count(restoring.REMOVED)} · 같음 {plan.count(restoring.SAME)}")
    rows = [{"자료": g.group, "지금": _amount(g.files_now, g.rows_now, _unit(g.group)),
             "되살린 뒤": _amount(g.files_after, g.rows_after, _unit(g.group)),
             "더함": fmt.count(g.added, "개"), "바꿈": fmt.count(g.replaced, "개"), "뺌": fmt.count(g.removed, "개")}
            for g in plan.groups()]
    rows.append({"자료": "변경 기록", "지금": fmt.count(plan.log_now, "줄"), "되살린 뒤": fmt.count(plan.log_after + 1, "줄"),
                 "더함": fmt.count(plan.log_after - plan.log_now + 1, "줄"), "바꿈": "없음", "뺌": "없음"})
    st.table(pd.DataFrame(rows).set_index("자료"))
    st.caption("변경 기록은 바꾸지 않고 합칩니다: 백업에만 있는 줄을 더하고, 되살리기 한 줄을 덧붙입니다."
               + "".join(f" {markdown.text(josa(loc.label, '은/는'))}(data/{loc.path}) 이 백업에 없어 그대로 둡니다."
                       for loc in plan.kept))
    if plan.changed:
        with st.expander(f"바뀌는 파일 {fmt.count(len(plan.changed), '개')}", icon=":material/list:"):
            st.dataframe(pd.DataFrame([{"바뀜": f.change, "파일": f"data/{f.path}", "자료": f.group,
                                        "지금(행)": "-" if f.rows_now is None else fmt.number(f.rows_now),
                                        "되살린 뒤(행)": "-" if f.rows_after is None else fmt.number(f.rows_after)}
                                       for f in plan.changed]), hide_index=True, width="stretch")


def _confirm(found: archives.Archive, plan: restoring.Plan) -> None:
    with st.form("restore_confirm", border=True):
        sure = st.checkbox("지금의 자료를 이 백업의 자료로 바꿉니다.")
        go = st.form_submit_button("되살리기", type="primary", icon=":material/settings_backup_restore:")
    if not go:
        return
    if not sure:
        st.warning("바꾸어도 되는지 확인란을 고른 뒤 누르십시오.", icon=":material/rule:")
        return
    try:
        with st.spinner("되살리고 저장소를 다시 만드는 중…"):
            restored = restoring.restore(found)
    except DataError as error:
        st.error(f"되살리지 못했습니다. 자료와 저장소는 그대로입니다.  \n{markdown.text(error.korean())}",
                 icon=":material/error:")
        return
    added, removed = restored.plan.record_rows()
    st.session_state.pop(_MEMO, None)
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1
    st.session_state[_NOTICE] = (f"{markdown.text(found.name)}에서 되살렸습니다(파일 더함 {plan.count(restoring.ADDED)} · "
                                 f"바꿈 {plan.count(restoring.REPLACED)} · 뺌 {plan.count(restoring.REMOVED)}, 가져온 기록 "
                                 f"더함 {fmt.count(added, '행')} · 뺌 {fmt.count(removed, '행')}). 모든 화면이 되살린 자료로 계산됩니다.")
    st.rerun()


def _cell(value) -> str:
    return "-" if value is None else fmt.number(value)


def change_log_section() -> None:
    st.subheader("변경 기록", anchor=False)
    found = changes.entries()
    st.caption("자료를 바꾼 일(가져오기, 되돌리기, 매핑·부서 코드표 저장, 보고서 판, 목표·설정, 되살리기)이 때와 함께 "
               "한 줄씩 덧붙여집니다. 이 화면에서는 고치거나 지울 수 없으며, 백업에 함께 들어갑니다.")
    if not found:
        st.info("아직 기록된 변경이 없습니다.", icon=":material/history:")
        return
    frame = pd.DataFrame([{"때": changes.when(c.time), "한 일": c.label, "누가": c.who, "파일": c.file or "-",
                           "더한 행": _cell(c.rows_added), "뺀 행": _cell(c.rows_removed), "내용": c.detail,
                           "내용 해시": (c.content_hash or "-")[:12]} for c in reversed(found)])
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button(f"변경 기록 내려받기(CSV, {fmt.count(len(found), '줄')})", data=_log_csv,
                       file_name=f"감사대시보드_변경기록_{dt.date.today():%Y-%m-%d}.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", key="change_log_download")


def _log_csv() -> bytes:
    return changes.as_csv(changes.entries())
