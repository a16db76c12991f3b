-- What an edition printed beside what the imported records give for the edition's own period ($start..$end), per
-- figure: complaints by channel and in all, 응답소 현장민원, patrol findings and sessions by kind,
-- and 예산액/집행액 per 단위사업 at the as-of date (the imported snapshot of that date, or the
-- latest before it in that year). Kinds on only one side are kept (full joins): nothing is smoothed.
-- record_value is NULL where no record of that kind was imported at all.
WITH imported_complaints AS (
    SELECT complaint_kind, channel, count(*) AS n
    FROM complaints
    WHERE source = 'import' AND received_date BETWEEN $start AND $end
    GROUP BY ALL
),
has_complaints AS (
    SELECT complaint_kind, true AS imported FROM complaints WHERE source = 'import' GROUP BY complaint_kind
),
imported_patrols AS (
    SELECT patrol_kind, count(*) AS sessions, CAST(sum(findings) AS BIGINT) AS findings
    FROM patrol_sessions
    WHERE source = 'import' AND patrol_date BETWEEN $start AND $end
    GROUP BY ALL
),
has_patrols AS (SELECT count(*) > 0 AS imported FROM patrol_sessions WHERE source = 'import'),
budget_date AS (
    SELECT max(snapshot_date) AS snapshot_date
    FROM budget_snapshots
    WHERE source = 'import' AND snapshot_date BETWEEN make_date(year(CAST($as_of AS DATE)), 1, 1) AND make_date(year(CAST($as_of AS DATE)), 12, 31)
      AND snapshot_date <= CAST($as_of AS DATE)
),
imported_budget AS (
    SELECT l.name AS programme, s.budget, s.executed
    FROM budget_snapshots AS s
    JOIN budget_date AS d ON s.snapshot_date = d.snapshot_date
    JOIN budget_lines AS l ON l.year = year(s.snapshot_date) AND l.level = 'programme' AND l.line_no = s.line_no
    WHERE s.source = 'import' AND s.level = 'programme'
),
report_budget AS (
    SELECT programme, budget, executed FROM budget_programmes WHERE edition = $edition
),
report_channels AS (
    SELECT channel, received FROM complaint_channels WHERE edition = $edition
),
report_patrols AS (
    SELECT patrol_kind, findings, sessions FROM patrol_results WHERE edition = $edition
)
SELECT 1 AS topic_order, 'complaints' AS topic, coalesce(c.channel, r.channel) AS item, 'received' AS measure,
       c.received AS report_value,
       CASE WHEN (SELECT imported FROM has_complaints WHERE complaint_kind = '고충민원') THEN coalesce(r.n, 0) END
           AS record_value,
       NULL::DATE AS record_date
FROM report_channels AS c
FULL OUTER JOIN (SELECT channel, n FROM imported_complaints WHERE complaint_kind = '고충민원') AS r
  ON r.channel = c.channel
UNION ALL
SELECT 2, 'complaints', '계', 'received',
       (SELECT value FROM report_figures WHERE edition = $edition AND figure_key = 'complaints_total'),
       CASE WHEN (SELECT imported FROM has_complaints WHERE complaint_kind = '고충민원')
            THEN (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM imported_complaints WHERE complaint_kind = '고충민원') END,
       NULL
UNION ALL
SELECT 3, 'field_complaints', '응답소 현장민원', 'received',
       (SELECT value FROM report_figures WHERE edition = $edition AND figure_key = 'field_complaints_handled'),
       CASE WHEN (SELECT imported FROM has_complaints WHERE complaint_kind = '응답소 현장민원')
            THEN (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM imported_complaints
                  WHERE complaint_kind = '응답소 현장민원') END,
       NULL
UNION ALL
SELECT 4, 'patrols', coalesce(p.patrol_kind, r.patrol_kind), 'findings', p.findings,
       CASE WHEN (SELECT imported FROM has_patrols) THEN coalesce(r.findings, 0) END, NULL
FROM report_patrols AS p
FULL OUTER JOIN imported_patrols AS r USING (patrol_kind)
UNION ALL
SELECT 5, 'patrols', coalesce(p.patrol_kind, r.patrol_kind), 'sessions', p.sessions,
       CASE WHEN (SELECT imported FROM has_patrols) THEN coalesce(r.sessions, 0) END, NULL
FROM report_patrols AS p
FULL OUTER JOIN imported_patrols AS r USING (patrol_kind)
UNION ALL
SELECT 6, 'budget', coalesce(b.programme, i.programme), 'budget', b.budget,
       CASE WHEN (SELECT snapshot_date FROM budget_date) IS NOT NULL THEN coalesce(i.budget, 0) END,
       (SELECT snapshot_date FROM budget_date)
FROM report_budget AS b
FULL OUTER JOIN imported_budget AS i USING (programme)
UNION ALL
SELECT 6, 'budget', coalesce(b.programme, i.programme), 'executed', b.executed,
       CASE WHEN (SELECT snapshot_date FROM budget_date) IS NOT NULL THEN coalesce(i.executed, 0) END,
       (SELECT snapshot_date FROM budget_date)
FROM report_budget AS b
FULL OUTER JOIN imported_budget AS i USING (programme)
ORDER BY topic_order, item, measure;
