-- An edition's plans for the next year (소요예산) against the as-of year's budgets of the projects
-- they follow, in total, like for like as projects_plans_vs_results (the same sources; the rest beside).
WITH years AS (
    SELECT year(as_of) AS result_year FROM report_meta WHERE edition = $edition
),
plan_sources AS (
    SELECT DISTINCT b.project_no, b.funding_source
    FROM project_budgets AS b CROSS JOIN years AS y
    WHERE b.edition = $edition AND b.plan_year = y.result_year + 1
),
split AS (
    SELECT n.project_no,
           sum(b.budget) FILTER (WHERE s.funding_source IS NOT NULL OR NOT EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS same_sources,
           sum(b.budget) FILTER (WHERE s.funding_source IS NULL AND EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS other_sources,
           string_agg(DISTINCT b.funding_source, '·' ORDER BY b.funding_source) FILTER (WHERE s.funding_source IS NULL AND EXISTS
               (SELECT 1 FROM plan_sources AS p WHERE p.project_no = n.project_no))           AS other_source_names
    FROM projects AS n
    CROSS JOIN years AS y
    JOIN project_budgets AS b ON b.edition = n.edition AND b.plan_year = y.result_year AND b.project_no = n.follows_project_no
    LEFT JOIN plan_sources AS s ON s.project_no = n.project_no AND s.funding_source = b.funding_source
    WHERE n.edition = $edition AND n.plan_year = y.result_year + 1
    GROUP BY n.project_no
),
compared AS (
    SELECT n.project_no, n.project, n.team, n.section, n.is_priority,
           o.project_no AS result_project_no, o.project AS result_project,
           o.budget_printed AS result_budget, o.executed_printed AS result_executed,
           o.execution_rate_printed AS result_execution_rate,
           n.budget_printed AS plan_budget,
           CAST(coalesce(s.same_sources, o.budget_printed) AS BIGINT) AS result_budget_like,
           CAST(coalesce(s.other_sources, 0) AS BIGINT)               AS result_budget_other,
           s.other_source_names
    FROM projects AS n
    CROSS JOIN years AS y
    LEFT JOIN projects AS o ON o.edition = n.edition AND o.plan_year = y.result_year AND o.project_no = n.follows_project_no
    LEFT JOIN split AS s ON s.project_no = n.project_no
    WHERE n.edition = $edition AND n.plan_year = y.result_year + 1
)
SELECT count(*)                                                   AS projects,
       CAST(sum(result_budget) AS BIGINT)                         AS result_budget,
       CAST(sum(result_executed) AS BIGINT)                       AS result_executed,
       CAST(sum(plan_budget) AS BIGINT)                           AS plan_budget,
       CAST(sum(result_budget_like) AS BIGINT)                    AS result_budget_like,
       CAST(sum(result_budget_other) AS BIGINT)                   AS result_budget_other,
       CAST(sum(plan_budget) - sum(result_budget_like) AS BIGINT) AS change,
       100.0 * (sum(plan_budget) - sum(result_budget_like)) / sum(result_budget_like) AS change_rate
FROM compared
WHERE result_project_no IS NOT NULL;
