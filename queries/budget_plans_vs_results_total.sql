-- An edition's plans for the next year (소요예산) against the as-of year's budgets of the projects
-- they follow, in total, like for like as projects_plans_vs_results (schema/report.sql plans_against_results).
SELECT count(*)                                                   AS projects,
       CAST(sum(result_budget) AS BIGINT)                         AS result_budget,
       CAST(sum(result_executed) AS BIGINT)                       AS result_executed,
       CAST(sum(plan_budget) AS BIGINT)                           AS plan_budget,
       CAST(sum(result_budget_like) AS BIGINT)                    AS result_budget_like,
       CAST(sum(result_budget_other) AS BIGINT)                   AS result_budget_other,
       CAST(sum(plan_budget) - sum(result_budget_like) AS BIGINT) AS change,
       100.0 * (sum(plan_budget) - sum(result_budget_like)) / sum(result_budget_like) AS change_rate
FROM plans_against_results($edition)
WHERE result_project_no IS NOT NULL;
