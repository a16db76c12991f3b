-- Execution by 단위사업 (Ⅰ-4 grouping, or the lines an import brought) at one snapshot, set against the share of the year elapsed.
WITH elapsed AS (
    SELECT 100.0 * dayofyear(CAST($snapshot_date AS DATE))
           / dayofyear(make_date(year(CAST($snapshot_date AS DATE)), 12, 31)) AS year_elapsed
)
SELECT b.line_no AS programme_no,
       b.name AS programme,
       s.budget,
       s.executed,
       s.budget - s.executed AS remaining,
       100.0 * s.executed / nullif(s.budget, 0) AS execution_rate,
       CASE WHEN s.source = 'report' THEN p.execution_rate_printed END AS execution_rate_printed,
       e.year_elapsed,
       100.0 * s.executed / nullif(s.budget, 0) - e.year_elapsed AS gap,
       s.source
FROM budget_in_force AS s
JOIN budget_lines AS b ON b.year = year(s.snapshot_date) AND b.level = 'programme' AND b.line_no = s.line_no
LEFT JOIN budget_programmes AS p ON s.source = 'report' AND p.edition = s.edition AND p.programme_no = s.line_no
CROSS JOIN elapsed AS e
WHERE s.level = 'programme' AND s.snapshot_date = CAST($snapshot_date AS DATE)
ORDER BY b.line_no;
