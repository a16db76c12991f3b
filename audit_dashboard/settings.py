"""The department's settings (data/settings.csv): who the dashboard belongs to and the thresholds
it counts with. Names of the district and department live here, not in code, so another office
runs the product by replacing data/ alone."""
from __future__ import annotations

from .app_data import ask, per_store


def values() -> dict[str, str]:
    return dict(_values())


@per_store
def _values() -> dict[str, str]:
    return dict(ask("settings")[["key", "value"]].itertuples(index=False, name=None))


def office() -> str:
    """'영등포구 감사담당관': the district and the department, as headers and files name the owner."""
    found = values()
    return f"{found['district']} {found['department']}"


def department() -> str:
    """'감사담당관'."""
    return values()["department"]
