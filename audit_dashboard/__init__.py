"""감사 대시보드: 영등포구 감사담당관의 업무 현황 대시보드."""

# The product's version, written into every backup; a backup made by a newer version is refused.
# A constant rather than `git describe`: it is there in a copy without git, and it changes when a
# release says so, not with every commit (a backup from yesterday's commit is not "newer").
VERSION = "0.9.0"
