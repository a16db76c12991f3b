"""The 기록 가져오기 screen's steps: upload → map columns → map values → preview → confirm, and the
history with undo. Each step draws its widgets and hands the next step what it needs; the work
itself is the importer pipeline's (prepare, commit, undo), the same the command line calls.

A preview is kept for the file and mapping it was made for (session state), so a rerun that does
not change either does not read the file again.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from . import fmt, markdown
from .errors import DataError
from .importer import batches, kinds, mapping as mappings, pipeline, reading
from .importer import fields as F
from .importer.mapping import Mapping, Source
from .importer.values import DATE_ORDERS
from .korean import josa

NONE, CONSTANT = "(없음)", "(모든 행에 같은 값)"
UPLOAD_TYPES = [s.lstrip(".") for s in reading.SUFFIXES]
PREVIEW_ROWS = 20
_MEMO = "import_prepared"


@dataclass(frozen=True)
class Upload:
    records: str
    file: str
    content: bytes
    digest: str


def _derived_label(f: F.Field) -> str:
    return f"(계산: {f.derivation})"


def upload_step() -> Upload | None:
    """Which kind of record, and the file."""
    labels = {kind.LABEL: name for name, kind in kinds.KINDS.items()}
    chosen = st.radio("가져올 기록", list(labels), horizontal=True, key="import_records")
    upload = st.file_uploader("내보내기 파일(CSV·엑셀·JSON)", type=UPLOAD_TYPES,
                              key=f"import_upload_{st.session_state.get('import_round', 0)}",
                              help=f"{reading.MAX_MEGABYTES}MB까지. 인코딩(UTF-8·CP949)과 머리글 행은 자동으로 찾습니다.")
    if upload is None:
        return None
    content = upload.getvalue()
    return Upload(labels[chosen], upload.name, content, hashlib.sha256(content).hexdigest())


def _prepared(upload: Upload, chosen: Mapping | None) -> pipeline.Prepared:
    """The preview for this file and mapping, made once."""
    key = (upload.digest, upload.records, _fingerprint(chosen))
    memo = st.session_state.get(_MEMO)
    if memo is not None and memo[0] == key:
        return memo[1]
    prepared = pipeline.prepare(upload.content, upload.file, upload.records, chosen, offer_saved=False)
    st.session_state[_MEMO] = (key, prepared)
    return prepared


def _fingerprint(chosen: Mapping | None) -> str:
    if chosen is None:
        return ""
    return json.dumps([sorted((k, v.column, v.value, v.derived) for k, v in chosen.sources.items()),
                       sorted((k, sorted(a.items())) for k, a in chosen.values.items()),
                       chosen.date_order, chosen.sheet, chosen.header_rows, chosen.name], ensure_ascii=False)


def _opened(upload: Upload, chosen: Mapping | None) -> pipeline.Opened:
    key = ("opened", upload.digest, upload.records, chosen.sheet if chosen else None,
           tuple(chosen.header_rows or ()) if chosen else ())
    memo = st.session_state.get("import_opened")
    if memo is not None and memo[0] == key:
        return memo[1]
    opened = pipeline.open_table(upload.content, upload.file, upload.records, chosen)
    st.session_state["import_opened"] = (key, opened)
    return opened


def mapping_step(upload: Upload) -> pipeline.Prepared | None:
    """The proposed (or saved) mapping, confirmed or changed field by field; returns its preview, or
    None while a required field has no column or value yet."""
    kind = kinds.kind(upload.records)
    first = _opened(upload, None)
    start_mapping, offered = pipeline.starting_mapping(first.table, kind.NAME)
    saved = [m for m in mappings.saved(kinds.KINDS) if m.records == kind.NAME]
    proposal_label = f"저장된 매핑 「{offered}」(머리글이 같음)" if offered else "새 매핑(열 이름으로 찾은 제안)"
    options = [proposal_label] + [f"저장된 매핑 「{m.name}」" for m in saved if m.name != offered]
    st.markdown(f"**{markdown.literal(upload.file)}** · {first.form} · 기록 {fmt.count(len(first.table.rows), '행')} · "
                f"머리글 {', '.join(f'{r}행' for r in first.table.header_rows)}")
    start = st.selectbox("매핑", options, key=f"import_base_{upload.digest}",
                         help="같은 머리글의 파일에 저장해 둔 매핑이 있으면 먼저 고릅니다.")
    base = start_mapping if start == proposal_label else next(m for m in saved if f"저장된 매핑 「{m.name}」" == start)
    scope = f"{upload.digest[:12]}_{_slug(base.name or 'proposal')}"

    with st.expander("파일 읽기: 시트·머리글 행·날짜 순서", expanded=len(first.sheets) > 1, icon=":material/table_view:"):
        sheet = base.sheet if base.sheet in first.sheets else first.table.sheet
        if len(first.sheets) > 1:
            sheet = st.selectbox("시트", first.sheets, index=first.sheets.index(sheet) if sheet in first.sheets else 0,
                                 key=f"import_sheet_{scope}")
        header_row = st.number_input("머리글 행(0이면 자동으로 찾음)", min_value=0, max_value=200, step=1,
                                     value=int((base.header_rows or [0])[-1]), key=f"import_header_{scope}",
                                     help="열 이름이 있는 행 번호. 여러 행에 걸친 머리글은 자동으로 찾을 때 합쳐 읽습니다.")
        order = st.radio("05/01/2022처럼 적힌 날짜의 순서", DATE_ORDERS, index=DATE_ORDERS.index(base.date_order),
                         horizontal=True, key=f"import_order_{scope}")
    chosen = replace(base, sheet=sheet, date_order=order, header_rows=[int(header_row)] if header_row else None)
    table = _opened(upload, chosen).table

    st.markdown("**열 맞추기** — 대시보드의 항목마다 파일의 열을 고르십시오. 오른쪽은 그 열의 값 몇 개입니다.")
    sources = {f.key: _field_row(f, table, base.source(f.key), scope, pipeline.choices_for(kind, f.key))
               for f in kind.FIELDS}
    chosen = replace(chosen, sources={k: s for k, s in sources.items() if s != Source()}, header=list(table.columns))
    if kind.NAME in _KIND_STEPS:
        extra, waiting = _KIND_STEPS[kind.NAME](table, chosen, base, scope)
        chosen = replace(chosen, extra=extra)
        if waiting:
            st.info(waiting, icon=":material/rule:")
            return None
    missing = pipeline.missing_fields(chosen)
    if missing:
        st.info(f"꼭 필요한 항목을 정해 주십시오: **{', '.join(missing)}**. 파일의 열을 고르거나, 열이 없으면 "
                "‘모든 행에 같은 값’을 골라 값을 적습니다.", icon=":material/rule:")
        return None
    prepared = _prepared(upload, chosen)
    answers = _values_step(kind, prepared, base, scope)
    if answers != {k: v for k, v in chosen.values.items() if v}:
        chosen = replace(chosen, values=answers)
        prepared = _prepared(upload, chosen)
    return prepared


def _budget_answers(table, chosen: Mapping, base: Mapping, scope: str) -> tuple[dict, str | None]:
    """Budget files cover a whole local government: which department, and where each 세부사업 goes.
    Returns the answers, and what is still to be answered before a preview can be made (or None)."""
    from .importer import budget as budget_kind
    from .importer import departments as department_table

    context = pipeline.context_of(budget_kind)
    extra = dict(base.extra)
    found = budget_kind.departments_of(table, chosen, context)
    if len(found):
        st.markdown("**부서 고르기** — 파일에 모든 부서가 있으면 가져올 부서를 고르십시오.")
        labels = {r.department: f"{r.department} ({fmt.count(r.rows, '행')})" for r in found.itertuples()}
        start = [d for d in extra.get(budget_kind.DEPARTMENTS, []) if d in labels]
        names = list(labels)
        picked_one = st.selectbox("가져올 부서", names, index=names.index(start[0]) if start else None,
                                  format_func=labels.get, key=f"import_departments_{scope}",
                                  placeholder="부서를 고르십시오(이름으로 찾을 수 있습니다)")
        picked = [picked_one] if picked_one else []
        extra[budget_kind.DEPARTMENTS] = picked
        unnamed = found[found["department"] == found["code"]]
        with st.expander(f"부서 코드표({fmt.count(len(department_table.load()), '개')} 등록, 이 파일의 이름 없는 코드 "
                         f"{fmt.count(len(unnamed), '개')})", icon=":material/badge:"):
            st.caption("지방재정365 자료는 부서를 코드로만 줍니다. 코드에 이름을 적거나 코드표(dept_map.json 꼴 또는 코드·부서명 CSV)를 "
                       "올리면 data/budget_departments.csv에 저장되어 다음 파일에도 씁니다.")
            seed = st.file_uploader("부서 코드표 올리기", type=["json", "csv"], key=f"import_dept_seed_{scope}")
            if seed is not None and st.button("코드표 저장", key=f"import_dept_save_{scope}", icon=":material/save:"):
                try:
                    table_ = department_table.load() | department_table.read_seed(seed.getvalue(), seed.name)
                except DataError as error:
                    st.error(markdown.literal(error.korean()))
                else:
                    department_table.save(table_)
                    st.session_state.pop("import_opened", None)
                    st.rerun()
            if len(unnamed):
                edited = st.data_editor(pd.DataFrame({"코드": unnamed["code"], "부서명": ""}), hide_index=True,
                                        disabled=["코드"], key=f"import_dept_names_{scope}", width="stretch")
                named = {c: n.strip() for c, n in zip(edited["코드"], edited["부서명"]) if isinstance(n, str) and n.strip()}
                if named and st.button("이름 저장", key=f"import_dept_names_save_{scope}", icon=":material/save:"):
                    department_table.save(department_table.load() | named)
                    st.rerun()
        if not picked and found["department"].nunique() > 1:
            return extra, f"파일에 {fmt.count(found['department'].nunique(), '개')} 부서의 자료가 있습니다. 가져올 부서를 고르십시오."
    chosen = replace(chosen, extra=extra)
    details = budget_kind.details_of(table, chosen, context)
    if details.empty:
        return extra, None
    st.markdown(f"**세부사업 맞추기** — 세부사업 {fmt.count(len(details), '개')}마다 대시보드의 단위사업과 사업을 정합니다. "
                "보고서가 없는 해는 세부사업마다 같은 이름의 단위사업이 됩니다.")
    answers = dict(extra.get(budget_kind.LINES) or {})
    show = st.toggle("세부사업 목록 보기", value=any(budget_kind.has_report_lines(context, int(y)) for y in details["year"]),
                     key=f"import_lines_toggle_{scope}")
    if show:
        for row in details.itertuples():
            year = int(row.year)
            programmes = budget_kind.programmes_of(context, year)
            projects = budget_kind.projects_of(context, year)
            current = answers.get(row.detail_project, {})
            in_report = budget_kind.has_report_lines(context, year)
            options = ([] if not in_report else ["(정하지 않음)"]) + [budget_kind.AS_ITSELF, *programmes, F.SKIP]
            default = current.get("단위사업") or ("(정하지 않음)" if in_report else budget_kind.AS_ITSELF)
            name, programme, project = st.columns([4, 3, 3], vertical_alignment="center")
            name.markdown(f"{markdown.literal(row.detail_project)}  \n:gray[{year}년 · 지출 "
                          f"{fmt.won(budget_kind.won_to_thousands(row.executed_won))}]")
            key = _slug(f"{row.detail_project}{year}")
            chosen_programme = programme.selectbox("단위사업", options, index=options.index(default) if default in options else 0,
                                                   key=f"import_line_p_{scope}_{key}", label_visibility="collapsed")
            project_options = ["(사업 없음)", *projects]
            chosen_project = project.selectbox("사업", project_options,
                                               index=project_options.index(current.get("사업")) if current.get("사업") in project_options else 0,
                                               key=f"import_line_q_{scope}_{key}", label_visibility="collapsed")
            answer = {}
            if chosen_programme != "(정하지 않음)":
                answer["단위사업"] = chosen_programme
            if chosen_project != "(사업 없음)":
                answer["사업"] = chosen_project
            if answer:
                answers[row.detail_project] = answer
            else:
                answers.pop(row.detail_project, None)
    extra[budget_kind.LINES] = answers
    return extra, None


_KIND_STEPS = {"budget": _budget_answers}


def _slug(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _field_row(f: F.Field, table, current: Source, scope: str, choices: tuple[str, ...] = ()) -> Source:
    options = []
    if f.column_allowed:
        options += list(table.columns)
    if f.derivation:
        options.insert(0, _derived_label(f))
    if f.constant_allowed:
        options.insert(0, CONSTANT)
    if not f.required and f.default is None:
        options.insert(0, NONE)
    if current.column in table.columns:
        default = current.column
    elif current.value is not None or (f.default is not None and not f.column_allowed):
        default = CONSTANT
    elif current.derived and f.derivation:
        default = _derived_label(f)
    else:
        default = NONE if NONE in options else options[0]
    name, choice, detail = st.columns([2, 3, 4], vertical_alignment="center")
    name.markdown(f"**{f.label}**" + (" :red[*]" if f.required else ""), help=f.help or None)
    picked = choice.selectbox(f.label, options, index=options.index(default) if default in options else 0,
                              key=f"import_field_{f.key}_{scope}", label_visibility="collapsed")
    if picked == CONSTANT:
        value = current.value if current.value is not None else (f.default or "")
        with detail:
            if choices and not f.open_choice:
                entered = st.selectbox(f"{f.label} 값", choices,
                                       index=choices.index(value) if value in choices else None,
                                       placeholder=f"{josa(f.label, '을/를')} 고르십시오",
                                       key=f"import_const_{f.key}_{scope}", label_visibility="collapsed")
            else:
                entered = st.text_input(f"{f.label} 값", value=value, key=f"import_const_{f.key}_{scope}",
                                        label_visibility="collapsed", placeholder="모든 행에 쓸 값(예: 응답소)")
        return Source(value=entered.strip()) if entered and entered.strip() else Source()
    if picked == NONE:
        detail.caption("쓰지 않음")
        return Source()
    if picked == _derived_label(f):
        detail.caption(f.derivation)
        return Source(derived=True)
    samples = table.samples(picked)
    detail.caption(" · ".join(markdown.literal(s) for s in samples) if samples else "(값 없음)")
    return Source(column=picked)


MAX_VALUE_CHOICES = 60  # values asked one by one; a long tail beyond keeps what is proposed


def _values_step(kind, prepared: pipeline.Prepared, base: Mapping, scope: str) -> dict[str, dict[str, str]]:
    """Each written value of a choice field, its count, and what it becomes (the manager may change it)."""
    answers: dict[str, dict[str, str]] = {}
    fields = {f.key: f for f in kind.FIELDS}
    for key, listing in prepared.choices.items():
        f = fields[key]
        if not f.column_allowed or listing.empty:
            continue
        start = base.values.get(key, {})
        unknown = int(listing["auto"].isna().sum())
        new = int((listing["how"] == "새 값").sum())
        note = []
        if unknown:
            note.append(f":red[알 수 없는 값 {unknown}개: 정하기 전에는 그 행을 가져오지 않습니다]")
        if new:
            note.append(f"새 값 {new}개는 그대로 새 {josa(f.label, '으로/로')} 더합니다")
        expanded = bool(unknown) or bool(start)
        title = f"값 바꾸기: {f.label} — 적힌 값 {len(listing)}개" + (f", 알 수 없는 값 {unknown}개" if unknown else "")
        with st.expander(title, expanded=expanded, icon=":material/swap_horiz:"):
            if note:
                st.markdown(" · ".join(note))
            choices = list(dict.fromkeys([*f.choices, *(listing["written"] if f.open_choice else []),
                                          *(v for v in listing["auto"].dropna()), *start.values(), F.SKIP]))
            chosen: dict[str, str] = {}
            columns = st.columns(3)
            for position, row in enumerate(listing.head(MAX_VALUE_CHOICES).itertuples()):
                current = start.get(row.written, row.auto)
                options = choices if current in choices else [current, *choices] if current else ["(정하지 않음)", *choices]
                with columns[position % 3]:
                    picked = st.selectbox(f"「{markdown.literal(row.written)}」 {fmt.count(row.count, '건')}", options,
                                          index=options.index(current) if current in options else 0,
                                          key=f"import_value_{key}_{scope}_{_slug(str(row.written))}")
                if picked != "(정하지 않음)" and picked != row.auto:
                    chosen[str(row.written)] = picked
            if len(listing) > MAX_VALUE_CHOICES:
                st.caption(f"나머지 {len(listing) - MAX_VALUE_CHOICES:,}개 값은 처음 제안대로 씁니다.")
        if chosen:
            answers[key] = chosen
    return answers


def preview_step(prepared: pipeline.Prepared) -> None:
    """What confirming would do: rows to add, already stored, rejected (by reason), warnings."""
    p = prepared
    st.subheader("미리 보기", anchor=False)
    tiles = st.columns(4)
    tiles[0].metric("더할 행", fmt.count(len(p.to_add), "행"))
    tiles[1].metric("이미 저장된 행", fmt.count(int(p.stored.sum()), "행"),
                    help="접수번호가 같거나, 번호가 없으면 같은 내용의 행이 이미 저장되어 있어 다시 세지 않습니다.")
    tiles[2].metric("거부된 행", fmt.count(p.rejected, "행"))
    tiles[3].metric("가져오지 않는 행", fmt.count(p.skipped, "행"), help="값 바꾸기에서 '(가져오지 않음)'으로 정한 행")
    if p.earlier:
        st.info(f"같은 내용의 파일을 전에 가져왔습니다: {', '.join(markdown.literal(b.file) + ' (' + b.imported_at + ')' for b in p.earlier)}.",
                icon=":material/content_copy:")
    details = p.kind.summary(p.to_add) if len(p.to_add) else {}
    if details.get("first_date"):
        by = ", ".join(f"{markdown.literal(k)} {fmt.count(v, p.kind.BY_UNIT)}" for k, v in list(details["by"].items())[:12])
        st.caption(f"더할 행의 기간: {fmt.period(details['first_date'], details['last_date'])} · {by}")
    if p.rejected:
        groups = p.reject_groups()
        st.markdown(f"**거부된 행 {fmt.count(p.rejected, '행')}** — 사유별")
        # A static table: a few lines of reasons, read in full (and in the page's text).
        shown = groups.assign(rows=groups["rows"].map(lambda n: fmt.count(n, "행")))
        st.table(shown.rename(columns={"field": "항목", "reason": "사유", "rows": "행 수", "examples": "예"})
                 .set_index("항목"))
        with st.expander(f"거부된 칸 모두 보기({fmt.count(len(p.rejects), '칸')})", icon=":material/list:"):
            shown = p.rejects.head(2000)[["file_row", "column", "field", "value", "reason"]].rename(columns={
                "file_row": "행", "column": "열", "field": "항목", "value": "값", "reason": "사유"})
            st.dataframe(shown, hide_index=True, width="stretch")
        st.download_button("거부된 행 내려받기(CSV)", p.rejects_csv(), file_name=f"거부된_행_{p.file}.csv",
                           mime="text/csv", icon=":material/download:", key="import_rejects")
    for warning in p.warnings:
        rows = ", ".join(f"{r}행" for r in warning.rows[:5]) + (f" 외 {warning.count - 5:,}행" if warning.count > 5 else "")
        st.warning(f"**{fmt.count(warning.count, '행')}**: {warning.reason} {warning.effect} ({rows})",
                   icon=":material/report:")
    if len(p.to_add):
        st.markdown(f"**더할 행(앞의 {min(PREVIEW_ROWS, len(p.to_add))}행)**")
        st.dataframe(_shown_rows(p), hide_index=False, width="stretch")


def _shown_rows(p: pipeline.Prepared) -> pd.DataFrame:
    labels = p.kind.PREVIEW
    columns = [c for c in labels if c in p.to_add.columns]
    shown = p.to_add.head(PREVIEW_ROWS)[columns].copy()
    for column in columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].map(fmt.date)
        elif pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].map(fmt.number)
        else:
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "-")
    shown.index.name = "행"
    return shown.rename(columns=labels)


def confirm_step(upload: Upload, prepared: pipeline.Prepared) -> None:
    """Save the mapping (optional) and import; nothing is written before this button."""
    kind = prepared.kind
    with st.form("import_confirm", border=True):
        name = st.text_input("매핑 이름(저장하면 같은 머리글의 파일에 바로 씁니다)", value=prepared.mapping.name or "",
                             placeholder="예: 새올 민원 대장")
        save = st.checkbox("이 매핑을 저장", value=bool(prepared.mapping.name))
        go = st.form_submit_button(f"{kind.describe(prepared.to_add)} 가져오기", type="primary",
                                   icon=":material/upload_file:", disabled=not len(prepared.to_add))
    if not go:
        return
    try:
        chosen = prepared
        if save:
            mappings.save(prepared.mapping, kind, name)
            chosen = replace(prepared, mapping=replace(prepared.mapping, name=name.strip()))
        with st.spinner("저장소를 다시 만드는 중…"):
            committed = pipeline.commit(chosen)
    except DataError as error:
        st.error(f"가져오지 못했습니다. 저장된 기록은 그대로입니다.  \n{markdown.literal(error.korean())}",
                 icon=":material/error:")
        return
    st.session_state.pop(_MEMO, None)
    st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1
    if committed.batch is None:
        st.session_state["import_notice"] = "새로 더할 행이 없어 아무것도 쓰지 않았습니다(모두 이미 저장되어 있습니다)."
    else:
        st.session_state["import_notice"] = (
            f"{markdown.literal(upload.file)}: {josa(kind.describe(committed.rows), '을/를')} 가져왔습니다"
            f"(이미 저장된 {fmt.count(committed.already_stored, '행')}은 건너뜀). 모든 화면이 새 기록으로 계산됩니다.")
    st.rerun()


def notice() -> None:
    """What the last action did, said once after the rerun that follows it."""
    if "import_notice" in st.session_state:
        st.success(st.session_state.pop("import_notice"), icon=":material/check_circle:")


def history_step() -> None:
    """Every import in effect, and undo."""
    st.subheader("가져온 기록", anchor=False)
    found = batches.history()
    if not found:
        st.info("아직 가져온 기록이 없습니다. 기록이 필요한 화면은 **샘플 기록**(생성 데이터)으로 계산합니다.",
                icon=":material/science:")
        return
    frame = pd.DataFrame([b.as_row() for b in reversed(found)])
    frame["records"] = frame["records"].map(lambda r: kinds.KINDS[r].LABEL if r in kinds.KINDS else r)
    frame["period"] = [fmt.period(a, b) if a else "-" for a, b in zip(frame["first_date"], frame["last_date"])]
    st.dataframe(frame[["batch", "records", "file", "imported_at", "mapping", "rows_in_file", "rows_added",
                        "already_stored", "rejected", "period", "content_hash"]].rename(columns={
                     "batch": "묶음", "records": "기록", "file": "파일", "imported_at": "가져온 때", "mapping": "매핑",
                     "rows_in_file": "파일의 행", "rows_added": "더한 행", "already_stored": "이미 저장됨",
                     "rejected": "거부", "period": "기간", "content_hash": "내용 해시"}),
                 hide_index=True, width="stretch")
    with st.form("import_undo"):
        chosen = st.selectbox("되돌릴 가져오기", [b.id for b in reversed(found)],
                              format_func=lambda i: next(f"{b.file} · {b.imported_at} · {b.rows_added:,}행"
                                                         for b in found if b.id == i))
        st.caption("되돌리면 그 가져오기로 더한 행만 빠지고, 저장소는 그 가져오기 전과 같아집니다.")
        if st.form_submit_button("이 가져오기 되돌리기", icon=":material/undo:"):
            try:
                with st.spinner("저장소를 다시 만드는 중…"):
                    batch = pipeline.undo(chosen)
            except DataError as error:
                st.error(markdown.literal(error.korean()), icon=":material/error:")
            else:
                st.session_state["import_notice"] = (f"{markdown.literal(batch.file)}의 가져오기({fmt.count(batch.rows_added, '행')})를 "
                                                     "되돌렸습니다. 남은 가져온 기록이 없는 종류는 샘플 기록으로 돌아갑니다.")
                st.rerun()


def how_it_works(kind_label: str) -> None:
    st.caption(f"파일을 올리면 열 이름으로 {josa(kind_label, '을/를')} 읽을 매핑을 제안합니다. 확인하고 고친 뒤 미리 보기를 보고 "
               "‘가져오기’를 눌러야 저장됩니다. 이름·제목·본문 같은 열은 읽지 않으며 저장하지 않습니다.")
