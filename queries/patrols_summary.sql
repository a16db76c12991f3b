-- Patrol sessions, findings and follow-up in a period, all kinds together.
-- optional: patrol_kind, area (a drill-down: NULL, the default, keeps every one)
SELECT count(*) AS sessions,
       CAST(coalesce(sum(findings), 0) AS BIGINT) AS findings,
       CAST(coalesce(sum(findings_resolved), 0) AS BIGINT) AS findings_resolved,
       -- Follow-up is counted over the findings whose records say whether they were dealt with.
       100.0 * sum(findings_resolved) / nullif(sum(findings) FILTER (WHERE findings_resolved IS NOT NULL), 0) AS follow_up_share,
       count(*) FILTER (WHERE source = 'sample') AS sample_rows
FROM patrol_sessions
WHERE patrol_date BETWEEN $start AND $end
  AND ($patrol_kind IS NULL OR patrol_kind = $patrol_kind) AND ($area IS NULL OR area = $area);
