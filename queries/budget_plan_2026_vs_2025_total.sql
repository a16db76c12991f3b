-- The 2026 plans (소요예산) against the 2025 budgets of the projects they follow, in total.
SELECT count(*)                                    AS projects,
       CAST(sum(o.budget_printed) AS BIGINT)       AS budget_2025,
       CAST(sum(o.executed_printed) AS BIGINT)     AS executed_2025,
       CAST(sum(n.budget_printed) AS BIGINT)       AS plan_2026,
       CAST(sum(n.budget_printed) - sum(o.budget_printed) AS BIGINT) AS change,
       100.0 * (sum(n.budget_printed) - sum(o.budget_printed)) / sum(o.budget_printed) AS change_rate
FROM projects AS n
JOIN projects AS o ON o.plan_year = 2025 AND o.project_no = n.follows_project_no
WHERE n.plan_year = 2026;
