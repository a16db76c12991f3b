"""A mapping: which column of a file holds which field, the values it turns into ours, and the
whole-file choices (sheet, header row, date order). Confirmed on screen, it is saved under a name
as a readable JSON file in data/mappings/ and offered again when a file with the same header
arrives; the command line takes it by name (`--mapping 새올 민원 대장`).

The file speaks the manager's language: fields are written by their Korean names.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import changes, paths
from ..errors import DataError
from . import fields as field_types
from .values import DATE_ORDERS, MONTH_FIRST

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Source:
    """Where one field's values come from: a column, one value for the whole file, or derived."""
    column: str | None = None
    value: str | None = None
    derived: bool = False

    def describe(self) -> str:
        if self.column is not None:
            return f"열 「{self.column}」"
        if self.value is not None:
            return f"모든 행 「{self.value}」"
        return "계산" if self.derived else "없음"


@dataclass
class Mapping:
    records: str                                          # a record kind's name: 'complaints', …
    sources: dict[str, Source] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field key -> {as written: ours or SKIP}
    date_order: str = MONTH_FIRST
    sheet: str | None = None
    header_rows: list[int] | None = None                  # sheet rows (1-based) set by the manager
    header: list[str] = field(default_factory=list)       # the column names it was made for
    name: str | None = None
    saved_at: str | None = None
    extra: dict = field(default_factory=dict)             # a record kind's own answers (budget: department, lines)

    def source(self, key: str) -> Source:
        return self.sources.get(key, Source())

    def with_source(self, key: str, source: Source) -> "Mapping":
        return replace(self, sources={**self.sources, key: source})

    def with_values(self, key: str, answers: dict[str, str]) -> "Mapping":
        return replace(self, values={**self.values, key: dict(answers)})


def mappings_dir(data_dir: Path | None = None) -> Path:
    return Path(data_dir or paths.DATA_DIR) / "mappings"


def file_name(name: str) -> str:
    """'새올 민원 대장' -> '새올_민원_대장.json' (letters, digits, Hangul; the rest becomes '_')."""
    stem = re.sub(r"[^0-9A-Za-z가-힣]+", "_", name).strip("_")
    if not stem:
        raise DataError("매핑", None, None, "매핑 이름에 글자나 숫자가 있어야 합니다.")
    return f"{stem}.json"


def to_document(mapping: Mapping, kind) -> dict:
    """The mapping as the readable document saved in data/mappings/."""
    labels = {f.key: f.label for f in kind.FIELDS}
    items = {}
    for key, source in mapping.sources.items():
        if source.column is not None:
            items[labels[key]] = {"열": source.column}
        elif source.value is not None:
            items[labels[key]] = {"한 값": source.value}
        elif source.derived:
            items[labels[key]] = {"계산": True}
    return {
        "이름": mapping.name,
        "기록": kind.LABEL,
        "형식": FORMAT_VERSION,
        "시트": mapping.sheet,
        "머리글 행": mapping.header_rows,
        "날짜 순서": mapping.date_order,
        "열 이름": mapping.header,
        "항목": items,
        "값": {labels[key]: answers for key, answers in mapping.values.items() if answers},
        **({"기타": mapping.extra} if mapping.extra else {}),
        "저장한 때": mapping.saved_at,
    }


def from_document(document: dict, kinds: dict, file: str) -> Mapping:
    """A saved mapping read back; a wrong file gets a Korean message naming it."""
    try:
        kind = next(k for k in kinds.values() if k.LABEL == document["기록"])
    except (KeyError, StopIteration):
        raise DataError(file, None, "기록", f"기록 종류를 알 수 없습니다: {document.get('기록')!r}") from None
    by_label = {f.label: f.key for f in kind.FIELDS}
    sources = {}
    for label, spec in (document.get("항목") or {}).items():
        if label not in by_label:
            raise DataError(file, None, "항목", f"'{label}'은 {kind.LABEL} 항목이 아닙니다.")
        if "열" in spec:
            sources[by_label[label]] = Source(column=str(spec["열"]))
        elif "한 값" in spec:
            sources[by_label[label]] = Source(value=str(spec["한 값"]))
        elif spec.get("계산"):
            sources[by_label[label]] = Source(derived=True)
    answers = {}
    for label, values in (document.get("값") or {}).items():
        if label not in by_label:
            raise DataError(file, None, "값", f"'{label}'은 {kind.LABEL} 항목이 아닙니다.")
        answers[by_label[label]] = {str(k): str(v) for k, v in values.items()}
    order = document.get("날짜 순서") or MONTH_FIRST
    if order not in DATE_ORDERS:
        raise DataError(file, None, "날짜 순서", f"날짜 순서는 {' 또는 '.join(DATE_ORDERS)}여야 합니다: {order!r}")
    return Mapping(kind.NAME, sources, answers, order, document.get("시트"), document.get("머리글 행"),
                   list(document.get("열 이름") or []), document.get("이름"), document.get("저장한 때"),
                   dict(document.get("기타") or {}))


def save(mapping: Mapping, kind, name: str, data_dir: Path | None = None) -> Path:
    """Save under `name` (replacing a mapping of that name); written whole, then moved into place."""
    name = name.strip()
    if not name:
        raise DataError("매핑", None, None, "매핑 이름을 적어 주십시오.")
    folder = mappings_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamped = replace(mapping, name=name, saved_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    target = folder / file_name(name)
    scratch = target.with_suffix(".json.partial")
    replaced = target.exists()
    content = (json.dumps(to_document(stamped, kind), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    scratch.write_bytes(content)
    os.replace(scratch, target)
    changes.record("mapping_saved", file=f"mappings/{target.name}", content=content, data_dir=data_dir,
                   detail=f"{kind.LABEL} 매핑 「{name}」" + (" (같은 이름의 매핑을 바꿈)" if replaced else ""))
    return target


def saved(kinds: dict, data_dir: Path | None = None) -> list[Mapping]:
    """Every saved mapping, newest first. A file that cannot be read is skipped (and named by `load`)."""
    found = []
    for path in sorted(mappings_dir(data_dir).glob("*.json")):
        try:
            found.append(load_file(path, kinds))
        except DataError:
            continue
    return sorted(found, key=lambda m: m.saved_at or "", reverse=True)


def load_file(path: Path, kinds: dict) -> Mapping:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"data/mappings/{Path(path).name}", None, None, f"매핑 파일을 읽을 수 없습니다({exc}).") from exc
    return from_document(document, kinds, f"data/mappings/{Path(path).name}")


def load(name: str, kinds: dict, data_dir: Path | None = None) -> Mapping:
    """A saved mapping by its name (or its file name)."""
    folder = mappings_dir(data_dir)
    candidates = [folder / file_name(name), folder / name, folder / f"{name}.json"]
    for path in candidates:
        if path.is_file():
            return load_file(path, kinds)
    for mapping in saved(kinds, data_dir):
        if mapping.name == name:
            return mapping
    names = ", ".join(m.name or "?" for m in saved(kinds, data_dir)) or "없음"
    raise DataError(name, None, None, f"저장된 매핑이 없습니다. 저장된 매핑: {names}")


def same_header(a: list[str], b: list[str]) -> bool:
    return [field_types.header_key(x) for x in a] == [field_types.header_key(x) for x in b]


def matching(columns: list[str], records: str, kinds: dict, data_dir: Path | None = None) -> Mapping | None:
    """The newest saved mapping made for a file with this very header, if any."""
    for mapping in saved(kinds, data_dir):
        if mapping.records == records and same_header(mapping.header, columns):
            return mapping
    return None
