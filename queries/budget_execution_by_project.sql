-- Execution by project (Ⅱ grouping, funding sources added up) at one snapshot, set against the
-- share of the year elapsed. Projects are those of the snapshot's year.
WITH elapsed AS (
    SELECT 100.0 * dayofyear(CAST($snapshot_date AS DATE))
           / dayofyear(make_date(year(CAST($snapshot_date AS DATE)), 12, 31)) AS year_elapsed
),
lines AS (
    SELECT line_no AS project_no,
           CAST(sum(budget) AS BIGINT)   AS budget,
           CAST(sum(executed) AS BIGINT) AS executed,
           string_agg(DISTINCT source, '+' ORDER BY source) AS source,
           any_value(edition) FILTER (WHERE source = 'report') AS edition,
           string_agg(funding_source, ', ' ORDER BY funding_source DESC) AS funding_sources
    FROM budget_in_force
    WHERE level = 'project' AND snapshot_date = CAST($snapshot_date AS DATE)
    GROUP BY line_no
)
SELECT b.line_no AS project_no,
       b.name AS project,
       coalesce(t.team, p.team) AS team,
       l.funding_sources,
       l.budget,
       l.executed,
       l.budget - l.executed AS remaining,
       100.0 * l.executed / nullif(l.budget, 0) AS execution_rate,
       CASE WHEN l.source = 'report' THEN p.execution_rate_printed END AS execution_rate_printed,
       e.year_elapsed,
       100.0 * l.executed / nullif(l.budget, 0) - e.year_elapsed AS gap,
       l.source
FROM lines AS l
JOIN budget_lines AS b ON b.year = year(CAST($snapshot_date AS DATE)) AND b.level = 'project' AND b.line_no = l.project_no
-- The team as the edition that names the line prints it; the printed rate from the snapshot's edition.
LEFT JOIN projects AS t ON t.edition = b.edition AND t.plan_year = b.year AND t.project_no = b.line_no
LEFT JOIN projects AS p ON p.edition = l.edition AND p.plan_year = b.year AND p.project_no = b.line_no
CROSS JOIN elapsed AS e
ORDER BY b.line_no;
