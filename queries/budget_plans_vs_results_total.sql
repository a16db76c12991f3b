-- An edition's plans for the next year (소요예산) against the as-of year's budgets of the projects
-- they follow, in total.
WITH years AS (
    SELECT year(as_of) AS result_year FROM report_meta WHERE edition = $edition
)
SELECT count(*)                                    AS projects,
       CAST(sum(o.budget_printed) AS BIGINT)       AS result_budget,
       CAST(sum(o.executed_printed) AS BIGINT)     AS result_executed,
       CAST(sum(n.budget_printed) AS BIGINT)       AS plan_budget,
       CAST(sum(n.budget_printed) - sum(o.budget_printed) AS BIGINT) AS change,
       100.0 * (sum(n.budget_printed) - sum(o.budget_printed)) / sum(o.budget_printed) AS change_rate
FROM projects AS n
CROSS JOIN years AS y
JOIN projects AS o ON o.edition = n.edition AND o.plan_year = y.result_year AND o.project_no = n.follows_project_no
WHERE n.edition = $edition AND n.plan_year = y.result_year + 1;
