-- Patrol sessions and findings in a period by patrol kind, with follow-up of the findings.
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT patrol_group,
       patrol_kind,
       count(*)                                            AS sessions,
       CAST(sum(findings) AS BIGINT)                       AS findings,
       1.0 * sum(findings) / count(*)                      AS findings_per_session,
       CAST(sum(findings_resolved) AS BIGINT)              AS findings_resolved,
       100.0 * sum(findings_resolved) / nullif(sum(findings) FILTER (WHERE findings_resolved IS NOT NULL), 0) AS follow_up_share,
       count(*) FILTER (WHERE source = 'sample')           AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area)
GROUP BY patrol_group, patrol_kind
ORDER BY CASE patrol_group WHEN '기획순찰' THEN 1 WHEN '상시순찰' THEN 2 ELSE 3 END, sessions;
