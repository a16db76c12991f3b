-- Patrol sessions and findings per month of a period, by patrol kind.
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT patrol_year AS year, patrol_quarter AS quarter, patrol_month AS month, patrol_kind,
       count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area)
GROUP BY ALL
ORDER BY year, month, patrol_kind;
