-- Execution by project and funding source (구비, 시비) at one snapshot, where the source splits it.
SELECT b.line_no AS project_no,
       b.name AS project,
       s.funding_source,
       s.budget,
       s.executed,
       s.budget - s.executed AS remaining,
       100.0 * s.executed / nullif(s.budget, 0) AS execution_rate,
       count(*) OVER (PARTITION BY s.line_no) AS sources_in_project,
       s.source
FROM budget_in_force AS s
JOIN budget_lines AS b ON b.year = year(s.snapshot_date) AND b.level = 'project' AND b.line_no = s.line_no
WHERE s.level = 'project' AND s.snapshot_date = CAST($snapshot_date AS DATE)
ORDER BY b.line_no, s.funding_source DESC;
