-- The snapshot at an edition's as-of date against its own tables (Ⅰ-4 by 단위사업, Ⅱ by project and
-- funding source): every line that is missing, extra, different or not marked 'report'.
WITH as_of AS (
    SELECT as_of FROM report_meta WHERE edition = $edition
),
expected AS (
    SELECT 'programme' AS level, programme_no AS line_no, '미구분' AS funding_source, budget, executed
    FROM budget_programmes
    WHERE edition = $edition
    UNION ALL
    SELECT 'project', b.project_no, b.funding_source, b.budget, b.executed
    FROM project_budgets AS b, as_of AS a
    WHERE b.edition = $edition AND b.plan_year = year(a.as_of)
),
stored AS (
    SELECT s.level, s.line_no, s.funding_source, s.budget, s.executed, s.source
    FROM budget_snapshots AS s, as_of AS a
    WHERE s.snapshot_date = a.as_of AND s.source <> 'import'  -- imported records are compared on screen instead
)
SELECT coalesce(e.level, s.level)                   AS level,
       coalesce(e.line_no, s.line_no)               AS line_no,
       coalesce(e.funding_source, s.funding_source) AS funding_source,
       e.budget   AS report_budget,
       s.budget   AS snapshot_budget,
       e.executed AS report_executed,
       s.executed AS snapshot_executed,
       s.source
FROM expected AS e
FULL OUTER JOIN stored AS s
  ON e.level = s.level AND e.line_no = s.line_no AND e.funding_source = s.funding_source
WHERE e.budget IS DISTINCT FROM s.budget
   OR e.executed IS DISTINCT FROM s.executed
   OR s.source IS DISTINCT FROM 'report'
ORDER BY level, line_no, funding_source;
