-- Patrol sessions and findings per day of a period (a month drilled down to).
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT patrol_date AS day, count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area)
GROUP BY patrol_date
ORDER BY day;
