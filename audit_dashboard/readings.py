"""Our readings: values the product derives rather than reads from the report or the records.

Each is a row of data/readings.csv (in the store as `readings`). A chart or table that rests on one names
it (`content.Chart.readings`), and then says so where it is shown, in its CSV/XLSX, PNG and in the council
paper: a mark and one line of why. The 해석과 가정 page lists them all, with where a department changes each.
"""
from __future__ import annotations

from dataclasses import dataclass

from .app_data import ask, per_store
from . import settings

MARK = "◇ 우리 해석"   # the mark, the same on screen, in files and on paper


@dataclass(frozen=True)
class Reading:
    reading: str
    title: str
    mark: str       # what we did, one line
    why: str        # why, one line
    set_in: str     # where a department changes it
    shown_on: str

    @property
    def line(self) -> str:
        """'◇ 우리 해석: 기한 내 처리율은 처리기간을 7일로 보고 셉니다. 보고서에는 …': the mark and its why."""
        return f"{MARK}: {self.mark} {self.why}"


def all_readings() -> list[Reading]:
    return list(_all_readings())


@per_store
def _all_readings() -> tuple[Reading, ...]:
    values = settings.values()
    found = []
    for row in ask("readings").itertuples(index=False):
        fields = row._asdict()
        # A reading may quote a setting ({processing_period_days}); the text follows the setting.
        fields["mark"], fields["why"] = (str(fields[k]).format_map(_Known(values)) for k in ("mark", "why"))
        found.append(Reading(**fields))
    return tuple(found)


def get(reading: str) -> Reading:
    for found in all_readings():
        if found.reading == reading:
            return found
    raise KeyError(f"data/readings.csv에 없는 해석: {reading}")


def lines(readings: tuple[str, ...] | list[str]) -> list[str]:
    return [get(r).line for r in readings]


class _Known(dict):
    def __missing__(self, key: str) -> str:  # an unknown name stays as written, never a KeyError on screen
        return "{" + key + "}"
