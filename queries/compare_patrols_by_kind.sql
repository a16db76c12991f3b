-- Patrol sessions and findings by patrol kind in two periods (a, b).
SELECT patrol_kind AS item,
       count(*) FILTER (WHERE patrol_date BETWEEN $start_a AND $end_a)                          AS sessions_a,
       count(*) FILTER (WHERE patrol_date BETWEEN $start_b AND $end_b)                          AS sessions_b,
       CAST(coalesce(sum(findings) FILTER (WHERE patrol_date BETWEEN $start_a AND $end_a), 0) AS BIGINT) AS value_a,
       CAST(coalesce(sum(findings) FILTER (WHERE patrol_date BETWEEN $start_b AND $end_b), 0) AS BIGINT) AS value_b,
       count(*) FILTER (WHERE source = 'sample')                                                AS sample_rows,
       count(*)                                                                                 AS rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start_a AND $end_a OR patrol_date BETWEEN $start_b AND $end_b
GROUP BY patrol_group, patrol_kind
ORDER BY CASE patrol_group WHEN '기획순찰' THEN 1 WHEN '상시순찰' THEN 2 ELSE 3 END, patrol_kind;
