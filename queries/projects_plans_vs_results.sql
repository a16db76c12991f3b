-- Each plan of the year after an edition's as-of year against the project of the as-of year it
-- follows: that project's budget and executed, the plan's 소요예산, the change.
WITH years AS (
    SELECT year(as_of) AS result_year FROM report_meta WHERE edition = $edition
)
SELECT n.project_no,
       n.project,
       n.team,
       n.section,
       n.is_priority,
       o.project_no                                   AS result_project_no,
       o.project                                      AS result_project,
       o.budget_printed                               AS result_budget,
       o.executed_printed                             AS result_executed,
       o.execution_rate_printed                       AS result_execution_rate,
       n.budget_printed                               AS plan_budget,
       n.budget_printed - o.budget_printed            AS change,
       100.0 * (n.budget_printed - o.budget_printed) / o.budget_printed AS change_rate
FROM projects AS n
CROSS JOIN years AS y
LEFT JOIN projects AS o ON o.edition = n.edition AND o.plan_year = y.result_year AND o.project_no = n.follows_project_no
WHERE n.edition = $edition AND n.plan_year = y.result_year + 1
ORDER BY n.project_no;
