"""Who may change data: the data manager, by the password in Streamlit's secrets.

Pages that change data (imports, undo, editions, targets, restore) call `require_manager()` first:
a viewer sees only the password form (or, with no password set, how to set one) and none of the
controls. The password is read from `.streamlit/secrets.toml` (not in git):

    data_manager_password = "…"

and compared in constant time. Unlocking lasts for the browser session.

Passing `require_manager` also says who makes the changes of the rest of that script run: the change
log (changes.py) writes them as the data manager's. Data is changed in the page's body after this
call, never in a widget callback (callbacks run before it).
"""
from __future__ import annotations

import hmac

import streamlit as st

from . import changes
from .korean import josa

SECRET = "data_manager_password"
_UNLOCKED = "data_manager_unlocked"

HOW_TO_SET = (
    "자료를 바꾸는 화면은 자료 관리자의 비밀번호로 잠겨 있는데, 아직 비밀번호가 정해지지 않았습니다. "
    "서버의 저장소 폴더에 `.streamlit/secrets.toml` 파일을 만들고 한 줄을 적은 뒤 대시보드를 다시 시작하십시오.\n\n"
    '```toml\ndata_manager_password = "비밀번호"\n```\n\n'
    "이 파일은 git에 올리지 않습니다. 정하기 전에는 누구도 가져오거나 되돌릴 수 없습니다."
)


def configured_password() -> str | None:
    """The data manager's password, or None when none is set (no secrets file, or no such key)."""
    try:
        value = st.secrets.get(SECRET)
    except Exception:  # no secrets file at all: Streamlit raises rather than returning None
        return None
    return str(value) if value else None


def matches(entered: str, password: str) -> bool:
    return hmac.compare_digest(entered.encode("utf-8"), password.encode("utf-8"))


def unlocked() -> bool:
    return bool(st.session_state.get(_UNLOCKED)) and configured_password() is not None


def lock() -> None:
    st.session_state.pop(_UNLOCKED, None)


def require_manager(what: str) -> bool:
    """True for the data manager; otherwise draw the password form (or how to set one) and say why."""
    changes.set_actor(None)  # a fresh script run; said again below once the password is known
    password = configured_password()
    if password is None:
        st.warning(HOW_TO_SET, icon=":material/lock:")
        return False
    if unlocked():
        changes.set_actor(changes.MANAGER)
        with st.sidebar:
            st.button("자료 관리 잠그기", icon=":material/lock:", on_click=lock, key="lock_manager", width="stretch")
        return True
    st.info(f"{josa(what, '은/는')} 자료 관리자만 할 수 있습니다. 비밀번호를 넣으면 이 브라우저 창에서 쓸 수 있습니다.",
            icon=":material/lock:")
    with st.form("manager_login", border=True):
        entered = st.text_input("자료 관리자 비밀번호", type="password")
        if st.form_submit_button("열기", icon=":material/lock_open:", type="primary"):
            if matches(entered, password):
                st.session_state[_UNLOCKED] = True
                st.rerun()
            st.error("비밀번호가 맞지 않습니다.", icon=":material/error:")
    return False
