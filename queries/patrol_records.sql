-- The patrol sessions behind a view: in a period, with the page's drill-down filters; the fields the
-- pages count with (the 동, never a street address or a name), oldest first, at most $limit.
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT patrol_date, patrol_group, patrol_kind, area, findings, findings_resolved, source
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area)
ORDER BY patrol_date, patrol_kind, area
LIMIT $limit;
