-- Patrol findings and their follow-up per month of a period, all kinds together.
SELECT patrol_year AS year, patrol_month AS month,
       CAST(coalesce(sum(findings), 0) AS BIGINT) AS findings,
       100.0 * sum(findings_resolved) / nullif(sum(findings) FILTER (WHERE findings_resolved IS NOT NULL), 0) AS follow_up_share,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
GROUP BY ALL
ORDER BY year, month;
