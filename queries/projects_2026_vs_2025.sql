-- Each 2026 plan against the 2025 project it follows: 2025 budget and executed, 2026 plan, change.
SELECT n.project_no,
       n.project,
       n.team,
       n.section,
       n.is_priority,
       o.project_no                                   AS project_no_2025,
       o.project                                      AS project_2025,
       o.budget_printed                               AS budget_2025,
       o.executed_printed                             AS executed_2025,
       o.execution_rate_printed                       AS execution_rate_2025,
       n.budget_printed                               AS plan_2026,
       n.budget_printed - o.budget_printed            AS change,
       100.0 * (n.budget_printed - o.budget_printed) / o.budget_printed AS change_rate
FROM projects AS n
LEFT JOIN projects AS o ON o.plan_year = 2025 AND o.project_no = n.follows_project_no
WHERE n.plan_year = 2026
ORDER BY n.project_no;
