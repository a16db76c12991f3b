-- Patrol sessions and findings per quarter of a period, by patrol kind.
SELECT patrol_year AS year, patrol_quarter AS quarter, patrol_kind,
       count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY year, quarter, patrol_kind;
