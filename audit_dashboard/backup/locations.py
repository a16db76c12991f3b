"""What the department added or set itself, under data/: the one list a backup takes and a restore
gives back. A new kind of department data is covered by adding one line here.

A path ending in '/' is a folder (every file under it); otherwise one file. Files whose name starts
with '.' are work in progress (a batch being written, one parked by undo) and are never backed up.
data/report/ is not here: it is the product's own transcription of the report, in git.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import changes


@dataclass(frozen=True)
class Location:
    path: str      # relative to data/: 'imports/' (a folder) or 'targets.csv' (a file)
    label: str     # what the department calls it

    @property
    def folder(self) -> bool:
        return self.path.endswith("/")

    def holds(self, relative: str) -> bool:
        return relative.startswith(self.path) if self.folder else relative == self.path


DEPARTMENT_DATA: tuple[Location, ...] = (
    Location("imports/", "가져온 기록"),
    Location("mappings/", "저장한 매핑"),
    Location("budget_departments.csv", "부서 코드표"),
    Location("targets.csv", "목표"),
    Location("settings.csv", "설정"),
    Location("readings.csv", "우리 해석 목록"),
    # Report editions, git-ignored like imports; declared before they exist so a backup holds them from
    # the day the first one is added (an absent folder is simply nothing to back up).
    Location("editions/", "보고서 판"),
    Location(changes.FILE, "변경 기록"),
)

CHANGE_LOG = next(location for location in DEPARTMENT_DATA if location.path == changes.FILE)


def location_of(relative: str, declared: tuple[Location, ...] | None = None) -> Location | None:
    return next((location for location in declared or DEPARTMENT_DATA if location.holds(relative)), None)


def _visible(relative: str) -> bool:
    return not any(part.startswith(".") for part in relative.split("/"))


def present(data_dir: Path, declared: tuple[Location, ...] | None = None) -> dict[str, Path]:
    """Every file of the department's data now under data_dir: relative path ('imports/x/y.parquet') -> file."""
    data_dir = Path(data_dir)
    found: dict[str, Path] = {}
    for location in declared if declared is not None else DEPARTMENT_DATA:
        target = data_dir / location.path
        if location.folder:
            if target.is_dir():
                for file in sorted(target.rglob("*")):
                    relative = file.relative_to(data_dir).as_posix()
                    if file.is_file() and not file.is_symlink() and _visible(relative):
                        found[relative] = file
        elif target.is_file():
            found[location.path] = target
    return found


def safe(relative: str) -> bool:
    """A path a restore may write: relative, inside data/, no '..', not hidden."""
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and "\\" not in relative \
        and all(part not in ("", ".", "..") for part in parts) and _visible(relative)
