-- An edition's printed figures beside the same figures computed from records for a period.
-- Only the edition's own period should agree; other periods have no report figure.
WITH complaint_counts AS (
    SELECT complaint_kind, channel, count(*) AS n
    FROM complaints WHERE received_date BETWEEN $start AND $end
    GROUP BY ALL
),
patrol_counts AS (
    SELECT patrol_group, patrol_kind, count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings
    FROM patrol_sessions WHERE patrol_date BETWEEN $start AND $end
    GROUP BY ALL
)
SELECT 1 AS topic_order, 'complaints' AS topic, c.channel AS item, 'received' AS measure,
       c.received AS report_value, coalesce(r.n, 0) AS record_value
FROM complaint_channels AS c
LEFT JOIN complaint_counts AS r ON r.complaint_kind = '고충민원' AND r.channel = c.channel
WHERE c.edition = $edition
UNION ALL
SELECT 2, 'complaints', '계', 'received',
       (SELECT value FROM report_figures WHERE edition = $edition AND figure_key = 'complaints_total'),
       (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM complaint_counts WHERE complaint_kind = '고충민원')
UNION ALL
SELECT 3, 'field_complaints', '응답소 현장민원', 'received',
       (SELECT value FROM report_figures WHERE edition = $edition AND figure_key = 'field_complaints_handled'),
       (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM complaint_counts WHERE complaint_kind = '응답소 현장민원')
UNION ALL
SELECT 4, 'patrols', p.patrol_kind, 'findings', p.findings, coalesce(r.findings, 0)
FROM patrol_results AS p LEFT JOIN patrol_counts AS r USING (patrol_kind)
WHERE p.edition = $edition
UNION ALL
SELECT 5, 'patrols', p.patrol_kind, 'sessions', p.sessions, coalesce(r.sessions, 0)
FROM patrol_results AS p LEFT JOIN patrol_counts AS r USING (patrol_kind)
WHERE p.edition = $edition AND p.sessions IS NOT NULL
UNION ALL
SELECT 6, 'patrols', '주민합동순찰 계', t.measure, t.value,
       (SELECT CAST(coalesce(CASE t.measure WHEN 'findings' THEN sum(findings) ELSE sum(sessions) END, 0) AS BIGINT)
        FROM patrol_counts WHERE patrol_group = '주민합동순찰')
FROM table_totals AS t WHERE t.edition = $edition AND t.table_name = 'joint_patrols'
ORDER BY topic_order, item, measure;
