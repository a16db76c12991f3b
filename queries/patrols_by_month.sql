-- Patrol sessions and findings per month of a period, by patrol kind.
SELECT patrol_year AS year, patrol_quarter AS quarter, patrol_month AS month, patrol_kind,
       count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY year, month, patrol_kind;
