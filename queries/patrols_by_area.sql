-- Patrol findings in a period by area (동), with how many are still being followed up.
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT area, count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings,
       CAST(sum(findings - findings_resolved) AS BIGINT) AS findings_open,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area)
GROUP BY area
ORDER BY findings DESC, area;
