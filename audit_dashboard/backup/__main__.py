"""The backup's command line (for cron and for the day after a lost machine):

    .venv/bin/python -m audit_dashboard.backup create FILE            # a backup of data/ now
    .venv/bin/python -m audit_dashboard.backup verify FILE            # check it, change nothing
    .venv/bin/python -m audit_dashboard.backup restore FILE --dry-run # what a restore would change
    .venv/bin/python -m audit_dashboard.backup restore FILE           # restore it, rebuild the store

Exit status 0 on success, 1 when refused; messages in Korean, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import changes, fmt
from ..errors import DataError
from . import archive as archives
from . import restore as restoring


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # a wrong command: said in Korean, status 1 like every refusal
        self.print_usage(sys.stderr)
        self.exit(1, "명령을 잘못 적었습니다. create, verify, restore 가운데 하나와 백업 파일 이름을 적으십시오"
                     "(예: python -m audit_dashboard.backup create /backup/audit.zip).\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m audit_dashboard.backup",
                                     description="부서가 더하고 정한 자료(data/)를 백업 파일 하나로 만들고 되살립니다.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="명령")
    create = commands.add_parser("create", help="지금의 자료로 백업 파일을 만듦")
    create.add_argument("file", type=Path, help="만들 백업 파일(.zip)")
    verify = commands.add_parser("verify", help="백업 파일을 검사만 함(아무것도 바꾸지 않음)")
    verify.add_argument("file", type=Path)
    restore = commands.add_parser("restore", help="백업 파일로 자료를 되살리고 저장소를 다시 만듦")
    restore.add_argument("file", type=Path)
    restore.add_argument("--dry-run", action="store_true", help="바뀔 것만 보여 주고 아무것도 바꾸지 않음")
    return parser


def _size(size: int) -> str:
    return f"{size / 1_000_000:,.1f}MB" if size >= 100_000 else f"{size / 1000:,.1f}KB"


def describe(made: archives.Manifest) -> str:
    build = f"({made.product_build})" if made.product_build else ""
    return (f"만든 때 {changes.when(made.created_at)} · 만든 사람 {made.created_by} · 프로그램 버전 {made.product_version}{build}"
            f" · 파일 {fmt.count(len(made.files), '개')} · 표의 행 {fmt.count(made.rows, '행')}")


def plan_lines(plan: restoring.Plan) -> list[str]:
    """The preview the page shows, as text."""
    lines = [f"바뀌는 파일: 더함 {plan.count(restoring.ADDED)} · 바꿈 {plan.count(restoring.REPLACED)} · "
             f"뺌 {plan.count(restoring.REMOVED)} · 같음 {plan.count(restoring.SAME)}"]
    for group in plan.groups():
        rows = "" if group.rows_now is None else f", {fmt.count(group.rows_now, '행')} → {fmt.count(group.rows_after, '행')}"
        lines.append(f"  {group.group}: 파일 {group.files_now} → {group.files_after}{rows}"
                     f" (더함 {group.added} · 바꿈 {group.replaced} · 뺌 {group.removed})")
    for change in plan.changed:
        lines.append(f"    {change.change} data/{change.path}")
    lines.append(f"  변경 기록: 지금 {fmt.count(plan.log_now, '줄')}, 백업 {fmt.count(plan.log_in_backup, '줄')} → "
                 f"합쳐서 {fmt.count(plan.log_after, '줄')}(되살리기 한 줄을 더함; 지금의 기록은 지우지 않음)")
    for location in plan.kept:
        lines.append(f"  {location.label}(data/{location.path}): 이 백업에 없어 그대로 둡니다.")
    return lines


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # a wrong command (said above) or --help
        return stop.code if isinstance(stop.code, int) else 1
    try:
        if args.command == "create":
            made = archives.create(args.file)
            print(f"백업을 만들었습니다: {args.file} ({_size(args.file.stat().st_size)})\n{describe(made)}")
            return 0
        found = archives.open_archive(args.file)
        print(f"{args.file}: 검사를 마쳤습니다(모든 검사합 일치).\n{describe(found.manifest)}")
        if args.command == "verify":
            return 0
        plan = restoring.preview(found)
        print("\n".join(plan_lines(plan)))
        if args.dry_run:
            print("미리 보기만 했습니다(--dry-run). 아무것도 바꾸지 않았습니다.")
            return 0
        restored = restoring.restore(found)
    except DataError as error:
        print(f"{'백업을 만들지' if args.command == 'create' else '되살리지' if args.command == 'restore' else '검사를 통과하지'} "
              f"못했습니다. 아무것도 바꾸지 않았습니다.\n{error.korean()}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"파일을 읽거나 쓸 수 없습니다: {error.filename or args.file} ({archives.os_reason(error)}). 아무것도 바꾸지 않았습니다.",
              file=sys.stderr)
        return 1
    added, removed = restored.plan.record_rows()
    print(f"되살렸습니다. 저장소를 다시 만들었습니다(가져온 기록 더함 {fmt.count(added, '행')} · 뺌 {fmt.count(removed, '행')}). "
          "변경 기록에 남겼습니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
