"""The importer's command line: the same pipeline as the 기록 가져오기 page, without questions.

    .venv/bin/python -m audit_dashboard.importer FILE [--records complaints] [--mapping NAME] [--dry-run]
    .venv/bin/python -m audit_dashboard.importer FILE --column "접수 경로=Channel" --value "민원 종류=고충민원"
    .venv/bin/python -m audit_dashboard.importer --undo BATCH
    .venv/bin/python -m audit_dashboard.importer --history

Without --mapping, a saved mapping made for the same header is used, else the proposed one.
Exit status 0 when imported (or previewed with --dry-run), 1 when refused; messages in Korean.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from .. import fmt
from ..errors import DataError
from . import batches, kinds, mapping as mappings, pipeline
from .mapping import Source
from .values import DATE_ORDERS

EXAMPLES_PER_REASON = 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m audit_dashboard.importer",
        description="부서의 내보내기 파일(민원 대장 등)을 검사하고 가져와 저장소를 다시 만듭니다.")
    parser.add_argument("file", nargs="?", type=Path, help="가져올 파일(CSV·XLSX·XLS·JSON)")
    parser.add_argument("--records", default="complaints", help=f"기록 종류: {', '.join(kinds.KINDS)} (기본: complaints)")
    parser.add_argument("--mapping", help="저장된 매핑의 이름(data/mappings/)")
    parser.add_argument("--column", action="append", default=[], metavar="항목=열",
                        help='항목의 값을 가져올 열: --column "접수일자=Created Date"')
    parser.add_argument("--value", action="append", default=[], metavar="항목=값",
                        help='모든 행에 쓸 값: --value "접수 경로=응답소"')
    parser.add_argument("--map-value", action="append", default=[], metavar="항목:적힌 값=바꿀 값",
                        help='값 바꾸기: --map-value "처리상태:Closed=처리완료"')
    parser.add_argument("--date-order", choices=DATE_ORDERS, help="05/01/2022처럼 적힌 날짜의 순서")
    parser.add_argument("--department", action="append", default=[], metavar="부서",
                        help="예산 집행: 가져올 부서(여러 번 쓸 수 있음)")
    parser.add_argument("--line", action="append", default=[], metavar="세부사업=단위사업[/사업]",
                        help='예산 집행: 세부사업을 넣을 단위사업과 사업: --line "민원 행정=민원 서비스/3. 민원 응대"')
    parser.add_argument("--department-table", type=Path, metavar="파일",
                        help="예산 집행: 부서 코드표(dept_map.json 꼴, 또는 코드·부서명 CSV)를 data/budget_departments.csv에 더함")
    parser.add_argument("--sheet", help="읽을 시트 이름(엑셀)")
    parser.add_argument("--save-mapping", metavar="이름", help="이 매핑을 이 이름으로 저장")
    parser.add_argument("--dry-run", action="store_true", help="검사와 미리 보기만 하고 아무것도 쓰지 않음")
    parser.add_argument("--rejects", type=Path, metavar="파일.csv", help="거부된 행을 모두 이 CSV에 씀")
    parser.add_argument("--undo", metavar="묶음", help="가져온 묶음 하나를 빼고 저장소를 다시 만듦")
    parser.add_argument("--history", action="store_true", help="가져온 묶음 목록")
    return parser


def _fields(kind) -> dict[str, str]:
    return {f.label: f.key for f in kind.FIELDS}


def _pair(text: str, option: str) -> tuple[str, str]:
    if "=" not in text:
        raise DataError(option, None, None, f"'{text}'은 '항목=값' 꼴이어야 합니다.")
    left, right = text.split("=", 1)
    return left.strip(), right.strip()


def _mapping_from_options(args, kind, content: bytes, file: str):
    """The saved mapping named, or None (the pipeline offers or proposes one), with the options applied."""
    chosen = mappings.load(args.mapping, kinds.KINDS) if args.mapping else None
    if not (args.column or args.value or args.map_value or args.date_order or args.sheet or args.department
            or args.line):
        return chosen
    if chosen is None:
        chosen, _ = pipeline.starting_mapping(pipeline.table_of(content, file, kind.NAME), kind.NAME)
    by_label = _fields(kind)
    for option, entries in (("--column", args.column), ("--value", args.value)):
        for entry in entries:
            label, target = _pair(entry, option)
            if label not in by_label:
                raise DataError(option, None, None, f"'{label}'은 항목이 아닙니다. 항목: {', '.join(by_label)}")
            source = Source(column=target) if option == "--column" else Source(value=target)
            chosen = chosen.with_source(by_label[label], source)
    for entry in args.map_value:
        head, target = _pair(entry, "--map-value")
        if ":" not in head:
            raise DataError("--map-value", None, None, f"'{entry}'은 '항목:적힌 값=바꿀 값' 꼴이어야 합니다.")
        label, written = (part.strip() for part in head.split(":", 1))
        key = by_label.get(label)
        if key is None:
            raise DataError("--map-value", None, None, f"'{label}'은 항목이 아닙니다.")
        chosen = chosen.with_values(key, {**chosen.values.get(key, {}), written: target})
    if args.date_order:
        chosen = replace(chosen, date_order=args.date_order)
    if args.sheet:
        chosen = replace(chosen, sheet=args.sheet)
    if args.department or args.line:
        extra = dict(chosen.extra)
        if args.department:
            extra["부서"] = list(args.department)
        lines = dict(extra.get("세부사업") or {})
        for entry in args.line:
            detail, target = _pair(entry, "--line")
            programme, _, project = target.partition("/")
            lines[detail] = {"단위사업": programme.strip(), **({"사업": project.strip()} if project.strip() else {})}
        extra["세부사업"] = lines
        chosen = replace(chosen, extra=extra)
    return chosen


def print_preview(prepared: pipeline.Prepared, out=None) -> None:
    """The preview the page shows, as text."""
    p, out = prepared, out or sys.stdout
    sheet = f", 시트 「{p.table.sheet}」" if p.table.sheet else ""
    print(f"{p.file}: {p.form}{sheet}, 머리글 {', '.join(f'{r}행' for r in p.table.header_rows)}, "
          f"기록 {fmt.count(p.total, '행')}", file=out)
    if p.mapping_offered:
        print(f"저장된 매핑 「{p.mapping_offered}」을 적용했습니다(같은 머리글).", file=out)
    labels = {f.key: f.label for f in p.kind.FIELDS}
    print("매핑: " + "; ".join(f"{labels[k]} ← {s.describe()}" for k, s in p.mapping.sources.items()
                              if s.column is not None or s.value is not None or s.derived), file=out)
    print(f"더할 행 {fmt.count(len(p.to_add), '행')} · 이미 저장됨 {fmt.count(int(p.stored.sum()), '행')} · "
          f"거부 {fmt.count(p.rejected, '행')} · 가져오지 않음 {fmt.count(p.skipped, '행')}", file=out)
    for group in p.reject_groups().itertuples():
        print(f"  거부 {fmt.count(group.rows, '행')} [{group.field}] {group.reason} ({group.examples})", file=out)
    for warning in p.warnings:
        print(f"  주의 {fmt.count(warning.count, '행')}: {warning.reason} {warning.effect}", file=out)
    for key, listing in p.choices.items():
        new = listing[listing["how"].isin(["새 값", "알 수 없음"])]
        if len(new):
            values = ", ".join(f"{r.written}({fmt.count(r.count, '건')}, {r.how})" for r in new.itertuples())
            print(f"  {labels[key]} 값: {values}", file=out)
    details = p.kind.summary(p.to_add)
    if details.get("first_date"):
        by = ", ".join(f"{k} {fmt.count(v, p.kind.BY_UNIT)}" for k, v in list(details["by"].items())[:12])
        print(f"  더할 기록: {fmt.period(details['first_date'], details['last_date'])} · {by}", file=out)
    if p.earlier:
        print(f"  같은 내용의 파일을 전에 가져왔습니다: {', '.join(b.id for b in p.earlier)}", file=out)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.history:
            for batch in batches.history():
                print(f"{batch.id}\t{batch.records}\t{batch.file}\t{batch.imported_at}\t"
                      f"더함 {batch.rows_added:,} · 이미 저장됨 {batch.already_stored:,} · 거부 {batch.rejected:,}")
            return 0
        if args.department_table:
            from . import departments

            try:
                content = args.department_table.read_bytes()
            except OSError as exc:
                raise DataError(args.department_table.name, None, None, f"파일을 읽을 수 없습니다({exc.strerror}).") from exc
            table = departments.load() | departments.read_seed(content, args.department_table.name)
            print(f"부서 코드표를 저장했습니다: {departments.save(table)} ({len(table):,}개)")
            if args.file is None:
                return 0
        if args.undo:
            batch = pipeline.undo(args.undo)
            print(f"묶음 {batch.id}({batch.file}, {batch.rows_added:,}행)을 뺐습니다. 저장소를 그 가져오기 전으로 되돌렸습니다.")
            return 0
        if args.file is None:
            raise DataError("명령", None, None, "가져올 파일을 적어 주십시오(또는 --undo, --history).")
        try:
            content = args.file.read_bytes()
        except OSError as exc:
            raise DataError(args.file.name, None, None, f"파일을 읽을 수 없습니다({exc.strerror}).") from exc
        kind = kinds.kind(args.records)
        chosen = _mapping_from_options(args, kind, content, args.file.name)
        prepared = pipeline.prepare(content, args.file.name, kind.NAME, chosen)
        del content  # a large file's bytes are not kept while the store is rebuilt
        print_preview(prepared)
        if args.rejects is not None:
            args.rejects.write_bytes(prepared.rejects_csv())
            print(f"거부된 행을 {args.rejects}에 썼습니다.")
        if args.save_mapping:
            path = mappings.save(prepared.mapping, kind, args.save_mapping)
            print(f"매핑 「{args.save_mapping}」을 저장했습니다: {path}")
        if args.dry_run:
            print("미리 보기만 했습니다(--dry-run). 아무것도 쓰지 않았습니다.")
            return 0
        if not len(prepared.to_add) and prepared.rejected:
            raise DataError(prepared.file, None, None, f"가져올 행이 없습니다(거부 {prepared.rejected:,}행). 위의 사유를 고친 뒤 다시 가져오십시오.")
        # The file's own cells are not held while the store is rebuilt (they are most of a large file's memory).
        prepared = prepared.without_file_rows()
        committed = pipeline.commit(prepared)
        del prepared
    except DataError as error:
        print(f"가져오지 못했습니다. 저장된 기록은 그대로입니다.\n{error.korean()}", file=sys.stderr)
        return 1
    if committed.batch is None:
        print(f"새로 더할 행이 없어 아무것도 쓰지 않았습니다(모두 {fmt.count(committed.already_stored, '행')}이 이미 저장되어 있음).")
        return 0
    print(f"{fmt.count(committed.added, '행')}을 가져왔습니다(묶음 {committed.batch.id}). "
          f"되돌리려면: python -m audit_dashboard.importer --undo {committed.batch.id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
