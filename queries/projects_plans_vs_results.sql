-- Each plan of the year after an edition's as-of year against the project of the as-of year it
-- follows (schema/report.sql plans_against_results: budget and executed, the plan's 소요예산, last year's
-- budget like for like and the rest beside), with the change like for like.
SELECT *,
       plan_budget - result_budget_like                              AS change,
       100.0 * (plan_budget - result_budget_like) / result_budget_like AS change_rate
FROM plans_against_results($edition)
ORDER BY project_no;
